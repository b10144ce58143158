//! The comparison with an earlier assessment, as a section of the summary's
//! document and two extra CSV columns, when the [`SummaryReport`] has a
//! comparison; without one, every function returns nothing.
//!
//! Every change is said in words ("Up by 15", "Moved down"), never by colour
//! alone.

use crate::model::compare::{
    Change, Comparison, Direction, DoneAction, QuestionChange, UnmatchedAnswer,
};
use crate::model::document::{plain, Block, Inline, Show, Table};
use crate::model::locale::{fill, Locale};
use crate::model::render::{unmatched_answer_text, with_aside, SummaryReport};
use crate::model::scoring::{Band, Score};

/// The changes listed question by question, in this order. Unchanged and
/// unanswered questions are counted, not listed.
const LISTED: [Change; 4] = [
    Change::MovedUp,
    Change::MovedDown,
    Change::NewlyAnswered,
    Change::NoLongerAnswered,
];

/// "Up by 15", "No change", "Newly scored"...
/// The direction in words, from the exact scores; the points moved are the
/// exact difference rounded, and a move under half a point says so.
pub fn direction_text(locale: &Locale, then: Option<Score>, now: Option<Score>) -> String {
    let c = &locale.compare;
    let moved = |template: &str, slightly: &str, difference: Score| match difference.rounded() {
        0 => slightly.to_string(),
        points => fill(template, &[("points", &points.to_string())]),
    };
    match (Direction::between(then, now), then, now) {
        (Direction::Up, Some(a), Some(b)) => moved(c.up, c.up_slightly, b.minus(a)),
        (Direction::Down, Some(a), Some(b)) => moved(c.down, c.down_slightly, a.minus(b)),
        (Direction::NewlyScored, ..) => c.newly_scored.to_string(),
        (Direction::NoLongerScored, ..) => c.no_longer_scored.to_string(),
        _ => c.same.to_string(),
    }
}

/// "Moved up", "No change"... as the CSV's Change column says it.
pub fn change_text(locale: &Locale, change: Change) -> &str {
    let c = &locale.compare;
    match change {
        Change::MovedUp => c.moved_up,
        Change::MovedDown => c.moved_down,
        Change::NewlyAnswered => c.newly_answered,
        Change::Unchanged => c.unchanged,
        Change::NoLongerAnswered => c.no_longer_answered,
        Change::NotAnswered => c.not_answered,
    }
}

/// "Compared with your assessment last saved on 1 May 2024.": the date in
/// words, as everywhere else the tool shows a date.
pub fn intro(locale: &Locale, comparison: &Comparison) -> String {
    let day = comparison
        .earlier_updated
        .split('T')
        .next()
        .unwrap_or("")
        .trim();
    let parts: Vec<Option<u32>> = day.split('-').map(|p| p.parse().ok()).collect();
    let date = match parts.as_slice() {
        [Some(year), Some(month), Some(d)] if (1..=12).contains(month) && (1..=31).contains(d) => {
            locale.date_in_words(*year, *month, *d)
        }
        _ => day.to_string(),
    };
    if date.is_empty() {
        locale.compare.intro_undated.to_string()
    } else {
        fill(locale.compare.intro, &[("date", &date)])
    }
}

fn score_with_band(report: &SummaryReport, score: Option<Score>, band: Option<Band>) -> String {
    match (score, band) {
        (Some(score), Some(band)) => fill(
            report.locale.compare.score_with_band,
            &[
                ("score", &score.rounded_in_band().to_string()),
                ("band", report.locale.band(band)),
            ],
        ),
        _ => report.score_text(score),
    }
}

/// The rows of the theme table, the overall row last: (label, then, now,
/// change), as plain text.
pub fn table_rows(report: &SummaryReport, comparison: &Comparison) -> Vec<[String; 4]> {
    let locale = report.locale;
    let mut rows: Vec<[String; 4]> = comparison
        .themes
        .iter()
        .map(|t| {
            [
                report.theme_title(&t.theme_id).to_string(),
                report.score_text(t.then),
                report.score_text(t.now),
                direction_text(locale, t.then, t.now),
            ]
        })
        .collect();
    rows.push([
        locale.compare.overall.to_string(),
        score_with_band(report, comparison.overall_then, comparison.band_then),
        score_with_band(report, comparison.overall_now, comparison.band_now),
        direction_text(locale, comparison.overall_then, comparison.overall_now),
    ]);
    rows
}

pub fn question_change_text(report: &SummaryReport, q: &QuestionChange) -> String {
    fill(
        report.locale.compare.question_change,
        &[
            ("then", report.response_label(q.then)),
            ("now", report.response_label(q.now)),
            ("question", report.question_text(&q.question_id)),
        ],
    )
}

pub fn done_because(report: &SummaryReport, d: &DoneAction) -> String {
    fill(
        report.locale.compare.done_because,
        &[
            ("then", report.pack.level_label(d.then_level)),
            ("now", report.pack.level_label(d.now_level)),
            ("question", report.question_text(&d.question_id)),
        ],
    )
}

/// The comparison section: empty without a comparison. On screen the
/// headings count the questions; in the files each question names its theme
/// and each unmatched answer keeps its note.
pub fn blocks(report: &SummaryReport) -> Vec<Block> {
    let Some(comparison) = &report.comparison else {
        return Vec::new();
    };
    let c = &report.locale.compare;
    let mut blocks = vec![
        Block::heading(2, c.heading),
        Block::muted(intro(report.locale, comparison)),
    ];
    if !comparison.has_changes() {
        blocks.push(Block::paragraph(c.no_changes));
    }
    blocks.push(theme_table(report, comparison));
    blocks.extend(changed_questions(report, comparison));
    blocks.push(Block::paragraph(fill(
        c.unchanged_count,
        &[("count", &comparison.count(Change::Unchanged).to_string())],
    )));
    blocks.extend(done_actions(report, comparison));
    blocks.extend(earlier_unmatched(report, comparison));
    blocks.extend(super::plan::compare_blocks(report, comparison));
    vec![Block::Group {
        class: "rts-comparison",
        blocks,
    }]
}

/// Each theme's score then and now, and the change in words.
fn theme_table(report: &SummaryReport, comparison: &Comparison) -> Block {
    let c = &report.locale.compare;
    Block::Table(Table {
        caption: Some(c.table_caption.to_string()),
        class: Some("compare"),
        head: vec![
            (report.locale.report.theme.to_string(), false),
            (c.then.to_string(), true),
            (c.now.to_string(), true),
            (c.change.to_string(), false),
        ],
        row_headers: true,
        records: false,
        rows: table_rows(report, comparison)
            .into_iter()
            .map(|row| row.into_iter().map(plain).collect())
            .collect(),
    })
}

/// The questions that changed, under a heading for each kind of change
/// ([`LISTED`]); a kind no question had is left out.
fn changed_questions(report: &SummaryReport, comparison: &Comparison) -> Vec<Block> {
    let mut blocks = Vec::new();
    for change in LISTED {
        let questions: Vec<_> = comparison.with_change(change).collect();
        if questions.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            level: 3,
            text: vec![
                Inline::Plain(change_text(report.locale, change).to_string()),
                Inline::Only(Show::Screen, plain(format!(" ({})", questions.len()))),
            ],
        });
        blocks.push(Block::list(
            false,
            questions.into_iter().map(|q| {
                vec![
                    Inline::Plain(question_change_text(report, q)),
                    Inline::Only(Show::Files, with_aside("", report.theme_title(&q.theme_id))),
                ]
            }),
        ));
    }
    blocks
}

/// The earlier priority actions whose step has since been reached, or that
/// there are none.
fn done_actions(report: &SummaryReport, comparison: &Comparison) -> Vec<Block> {
    let c = &report.locale.compare;
    let list = if comparison.done_actions.is_empty() {
        Block::paragraph(c.no_done)
    } else {
        Block::list(
            false,
            comparison.done_actions.iter().map(|d| {
                vec![
                    Inline::Strong(d.action.clone()),
                    Inline::Break,
                    Inline::Secondary(done_because(report, d)),
                ]
            }),
        )
    };
    vec![Block::heading(3, c.done_heading), list]
}

/// Earlier answers to questions the pack no longer asks, so that nothing
/// answered before goes unmentioned; nothing when there are none.
fn earlier_unmatched(report: &SummaryReport, comparison: &Comparison) -> Vec<Block> {
    if comparison.earlier_unmatched.is_empty() {
        return Vec::new();
    }
    let c = &report.locale.compare;
    vec![
        Block::heading(3, c.unmatched_heading),
        Block::paragraph(c.unmatched_intro),
        Block::list(
            false,
            comparison
                .earlier_unmatched
                .iter()
                .map(|u| unmatched_item(report, u)),
        ),
    ]
}

/// One earlier answer to a question the pack no longer asks; the files
/// keep its note too.
fn unmatched_item(report: &SummaryReport, unmatched: &UnmatchedAnswer) -> Vec<Inline> {
    let mut text = unmatched_answer_text(report.pack, report.locale, unmatched);
    let note = unmatched.answer.note.trim();
    if !note.is_empty() {
        text.push(Inline::Only(
            Show::Files,
            vec![
                Inline::SoftBreak,
                Inline::Secondary(format!("{}: {note}", report.locale.report.note)),
            ],
        ));
    }
    text
}

/// The extra CSV headers ("Earlier level", "Change"); none without a
/// comparison.
pub fn csv_headers<'a>(report: &SummaryReport<'a>) -> Vec<&'a str> {
    match &report.comparison {
        Some(_) => vec![
            report.locale.compare.csv_earlier_level,
            report.locale.compare.csv_change,
        ],
        None => Vec::new(),
    }
}

/// The extra CSV cells for one question: the earlier level (a number, blank
/// for "not sure" or no answer) and the change in words; none without a
/// comparison.
pub fn csv_cells(report: &SummaryReport, question_id: &str) -> Vec<String> {
    let Some(comparison) = &report.comparison else {
        return Vec::new();
    };
    let Some(q) = comparison
        .questions
        .iter()
        .find(|q| q.question_id == question_id)
    else {
        return vec![String::new(), String::new()];
    };
    vec![
        q.then
            .and_then(|r| r.level())
            .map(|l| l.to_string())
            .unwrap_or_default(),
        change_text(report.locale, q.change).to_string(),
    ]
}
