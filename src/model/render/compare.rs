//! The comparison with an earlier assessment, as a section of the HTML and
//! Markdown reports and two extra CSV columns. Each renderer calls in here
//! when its [`Report`] has a comparison; without one, every function returns
//! nothing.
//!
//! Every change is said in words ("Up by 15", "Moved down"), never by colour
//! alone.

use std::fmt::Write;

use crate::model::compare::{Change, Comparison, Direction, DoneAction, QuestionChange};
use crate::model::locale::{fill, Locale};
use crate::model::render::{html, markdown, Report};
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

fn score_with_band(report: &Report, score: Option<Score>, band: Option<Band>) -> String {
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
pub fn table_rows(report: &Report, comparison: &Comparison) -> Vec<[String; 4]> {
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

pub fn question_change_text(report: &Report, q: &QuestionChange) -> String {
    fill(
        report.locale.compare.question_change,
        &[
            ("then", report.response_label(q.then)),
            ("now", report.response_label(q.now)),
            ("question", report.question_text(&q.question_id)),
        ],
    )
}

pub fn done_because(report: &Report, d: &DoneAction) -> String {
    fill(
        report.locale.compare.done_because,
        &[
            ("then", report.pack.level_label(d.then_level)),
            ("now", report.pack.level_label(d.now_level)),
            ("question", report.question_text(&d.question_id)),
        ],
    )
}

/// The comparison section of the HTML report; empty without a comparison.
pub fn html_section(report: &Report) -> String {
    use html::escape;
    let Some(comparison) = &report.comparison else {
        return String::new();
    };
    let c = &report.locale.compare;
    let mut h = String::with_capacity(4 * 1024);
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n",
        escape(c.heading),
        escape(&intro(report.locale, comparison))
    );
    if !comparison.has_changes() {
        let _ = writeln!(h, "<p>{}</p>", escape(c.no_changes));
    }
    let _ = write!(
        h,
        "<table>\n<caption class=\"muted\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(c.table_caption),
        escape(report.locale.report.theme),
        escape(c.then),
        escape(c.now),
        escape(c.change)
    );
    for [label, then, now, change] in table_rows(report, comparison) {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&label),
            escape(&then),
            escape(&now),
            escape(&change)
        );
    }
    h.push_str("</tbody>\n</table>\n");

    for change in LISTED {
        let questions: Vec<_> = comparison.with_change(change).collect();
        if questions.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<h3>{}</h3>\n<ul>\n",
            escape(change_text(report.locale, change))
        );
        for q in questions {
            let _ = writeln!(
                h,
                "<li>{} <span class=\"muted\">({})</span></li>",
                escape(&question_change_text(report, q)),
                escape(report.theme_title(&q.theme_id))
            );
        }
        h.push_str("</ul>\n");
    }
    let _ = writeln!(
        h,
        "<p>{}</p>",
        escape(&fill(
            c.unchanged_count,
            &[("count", &comparison.count(Change::Unchanged).to_string())]
        ))
    );

    let _ = writeln!(h, "<h3>{}</h3>", escape(c.done_heading));
    if comparison.done_actions.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(c.no_done));
    } else {
        h.push_str("<ul>\n");
        for d in &comparison.done_actions {
            let _ = writeln!(
                h,
                "<li><strong>{}</strong><br><span class=\"muted\">{}</span></li>",
                escape(&d.action),
                escape(&done_because(report, d))
            );
        }
        h.push_str("</ul>\n");
    }

    if !comparison.earlier_unmatched.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3>\n<p>{}</p>\n<ul>\n",
            escape(c.unmatched_heading),
            escape(c.unmatched_intro)
        );
        for u in &comparison.earlier_unmatched {
            let item = fill(
                c.unmatched_item,
                &[
                    ("question", report.question_text(&u.question_id)),
                    ("answer", report.response_label(u.answer.response)),
                ],
            );
            let note = u.answer.note.trim();
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(
                    "<br><span class=\"muted\">{}: {}</span>",
                    escape(report.locale.report.note),
                    escape(note).replace('\n', "<br>")
                )
            };
            let _ = writeln!(h, "<li>{}{}</li>", escape(&item), note);
        }
        h.push_str("</ul>\n");
    }
    h.push_str(&super::plan::compare_html(report, comparison));
    h
}

/// The comparison section of the Markdown report; empty without a
/// comparison.
pub fn markdown_section(report: &Report) -> String {
    use markdown::escape;
    let Some(comparison) = &report.comparison else {
        return String::new();
    };
    let c = &report.locale.compare;
    let mut m = String::with_capacity(4 * 1024);
    let _ = write!(
        m,
        "\n## {}\n\n{}\n\n",
        escape(c.heading),
        escape(&intro(report.locale, comparison))
    );
    if !comparison.has_changes() {
        let _ = write!(m, "{}\n\n", escape(c.no_changes));
    }
    let _ = write!(
        m,
        "| {} | {} | {} | {} |\n|---|---:|---:|---|\n",
        escape(report.locale.report.theme),
        escape(c.then),
        escape(c.now),
        escape(c.change)
    );
    for [label, then, now, change] in table_rows(report, comparison) {
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} |",
            escape(&label),
            escape(&then),
            escape(&now),
            escape(&change)
        );
    }
    for change in LISTED {
        let questions: Vec<_> = comparison.with_change(change).collect();
        if questions.is_empty() {
            continue;
        }
        let _ = write!(
            m,
            "\n### {}\n\n",
            escape(change_text(report.locale, change))
        );
        for q in questions {
            let _ = writeln!(
                m,
                "- {} ({})",
                escape(&question_change_text(report, q)),
                escape(report.theme_title(&q.theme_id))
            );
        }
    }
    let _ = write!(
        m,
        "\n{}\n\n### {}\n\n",
        escape(&fill(
            c.unchanged_count,
            &[("count", &comparison.count(Change::Unchanged).to_string())]
        )),
        escape(c.done_heading)
    );
    if comparison.done_actions.is_empty() {
        let _ = writeln!(m, "{}", escape(c.no_done));
    }
    for d in &comparison.done_actions {
        let _ = writeln!(
            m,
            "- **{}**  \n  {}",
            escape(&d.action),
            escape(&done_because(report, d))
        );
    }
    if !comparison.earlier_unmatched.is_empty() {
        let _ = write!(
            m,
            "\n### {}\n\n{}\n\n",
            escape(c.unmatched_heading),
            escape(c.unmatched_intro)
        );
        for u in &comparison.earlier_unmatched {
            let item = fill(
                c.unmatched_item,
                &[
                    ("question", report.question_text(&u.question_id)),
                    ("answer", report.response_label(u.answer.response)),
                ],
            );
            let _ = writeln!(m, "- {}", escape(&item));
            let note = u.answer.note.trim();
            if !note.is_empty() {
                let _ = writeln!(
                    m,
                    "  {}: {}",
                    escape(report.locale.report.note),
                    escape(note)
                );
            }
        }
    }
    m.push_str(&super::plan::compare_markdown(report, comparison));
    m
}

/// The extra CSV headers ("Earlier level", "Change"); none without a
/// comparison.
pub fn csv_headers<'a>(report: &Report<'a>) -> Vec<&'a str> {
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
pub fn csv_cells(report: &Report, question_id: &str) -> Vec<String> {
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
