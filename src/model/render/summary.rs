//! The summary, built once as a [`Document`]: the screen, the HTML report
//! and the Markdown report all show this one document, so a section added
//! here appears in all three.

use crate::model::chart::chart;
use crate::model::document::{plain, Block, Document, Inline, Show, SlotId, Style, Table};
use crate::model::locale::fill;
use crate::model::render::{
    case_study_blocks, compare, document as new_document, guide_inlines, plan, with_aside,
    SummaryReport,
};

/// The summary of `report`, every word from its locale: a list of its
/// sections, each built by a function of its own below.
pub fn document(report: &SummaryReport) -> Document {
    let r = &report.locale.report;
    let mut blocks = vec![
        Block::muted(report.generated()),
        Block::muted(report.locale.versions(report.pack)),
    ];
    blocks.extend(about_area(report));
    blocks.extend(overall(report));
    blocks.extend(profile(report));

    // The files show what changed beside the profile; the screen shows it
    // where the earlier file was chosen, near the end. (Built twice rather
    // than cloned: cloning a document costs more code than building it.)
    blocks.push(Block::Only(Show::Files, compare::blocks(report)));

    blocks.extend(strengths(report));
    blocks.push(Block::Slot(SlotId::Plan, actions(report)));
    // After the plan, on screen and in the files alike: the screen draws
    // its own plan in the slot.
    if let Some(said) = report.guidance_scope() {
        blocks.push(Block::muted(said));
    }
    blocks.extend(case_study_blocks(
        report.pack,
        report.locale,
        (r.case_studies_heading, r.no_case_studies),
        &report.summary.case_studies,
        |reason| report.reason_text(reason),
    ));
    blocks.extend(story(report));
    blocks.push(Block::Slot(
        SlotId::Compare,
        vec![Block::Only(Show::Screen, compare::blocks(report))],
    ));
    // On screen the answers are on "Check your answers".
    blocks.push(Block::Only(Show::Files, answers(report)));
    blocks.push(Block::Slot(SlotId::Downloads, Vec::new()));
    blocks.push(Block::muted(r.privacy));
    new_document(report.pack, report.locale, report.title(), false, blocks)
}

/// The area, organisation and the like, in the files only (on screen they
/// are on the "About your area" page); nothing when none is given.
fn about_area(report: &SummaryReport) -> Option<Block> {
    let context = report.context_rows();
    if context.is_empty() {
        return None;
    }
    let rows = context
        .into_iter()
        .map(|(label, lines)| (label.to_string(), lines))
        .collect();
    Some(Block::Only(
        Show::Files,
        vec![
            Block::heading(2, report.locale.report.about_heading),
            Block::Rows(rows),
        ],
    ))
}

/// The overall band and score, or that there is none yet, with how it is
/// worked out.
fn overall(report: &SummaryReport) -> Vec<Block> {
    let r = &report.locale.report;
    let profile = &report.summary.profile;
    let panel = match (profile.band, profile.overall) {
        (Some(band), Some(score)) => Block::Panel {
            title: Some(report.locale.band(band).to_string()),
            lines: vec![
                fill(
                    r.overall_score,
                    &[("score", &score.rounded_in_band().to_string())],
                ),
                report.locale.band_means(band).to_string(),
            ],
        },
        _ => Block::Panel {
            title: None,
            lines: vec![report.locale.bands.not_yet.to_string()],
        },
    };
    vec![
        Block::heading(2, r.overall_heading),
        panel,
        Block::Details {
            summary: report.locale.ui.how_worked_out.to_string(),
            text: report.locale.bands.method.to_string(),
        },
    ]
}

/// Each theme's score as a chart, and again as a table for those who
/// cannot see the chart.
fn profile(report: &SummaryReport) -> Vec<Block> {
    let r = &report.locale.report;
    let summary = &report.summary;
    let geometry = chart(report.pack, &summary.profile);
    let values = geometry
        .bars
        .iter()
        .map(|bar| report.score_text(bar.score))
        .collect();
    let rows = summary
        .profile
        .themes
        .iter()
        .map(|t| {
            vec![
                plain(report.theme_title(&t.theme_id)),
                plain(report.score_text(t.score)),
                plain(t.scored.to_string()),
                plain(t.not_sure.to_string()),
                plain(t.unanswered.to_string()),
            ]
        })
        .collect();
    vec![
        Block::heading(2, r.profile_heading),
        Block::Chart {
            title: r.chart_title.to_string(),
            chart: geometry,
            values,
        },
        Block::Table(Table {
            caption: Some(r.chart_title.to_string()),
            class: None,
            head: vec![
                (r.theme.to_string(), false),
                (r.score.to_string(), true),
                (r.answered.to_string(), true),
                (r.not_sure.to_string(), true),
                (r.unanswered.to_string(), true),
            ],
            row_headers: true,
            records: false,
            rows,
        }),
    ]
}

/// The questions answered at level 4 or 5, strongest first, or that there
/// are none.
fn strengths(report: &SummaryReport) -> Vec<Block> {
    let r = &report.locale.report;
    let strengths = &report.summary.strengths;
    let list = if strengths.is_empty() {
        Block::paragraph(r.no_strengths)
    } else {
        Block::list(
            false,
            strengths.iter().map(|s| {
                with_aside(
                    report.question_text(&s.question_id),
                    format!(
                        "{}: {}",
                        report.theme_title(&s.theme_id),
                        report.pack.level_label(s.level)
                    ),
                )
            }),
        )
    };
    vec![Block::heading(2, r.strengths_heading), list]
}

/// The story in the user's own words, when there is one.
fn story(report: &SummaryReport) -> Vec<Block> {
    let story = report.assessment.story.trim();
    if story.is_empty() {
        return Vec::new();
    }
    vec![
        Block::heading(2, report.locale.report.story_heading),
        Block::Paragraph {
            style: Style::Note,
            text: vec![Inline::Note(story.to_string())],
        },
    ]
}

/// The priority actions with their guidance, the things to find out and the
/// plan table: what the files print where the screen has the editable plan.
fn actions(report: &SummaryReport) -> Vec<Block> {
    let r = &report.locale.report;
    let summary = &report.summary;
    let mut blocks = vec![Block::heading(2, r.actions_heading)];
    if summary.priority_actions.is_empty() {
        blocks.push(Block::paragraph(r.no_actions));
    } else {
        blocks.push(Block::list(
            true,
            summary.priority_actions.iter().map(|a| {
                let mut text = vec![
                    Inline::Strong(a.action.clone()),
                    Inline::Break,
                    Inline::Secondary(report.action_because(&a.question_id, a.level)),
                    Inline::Plain(" ".into()),
                    Inline::Aside(report.theme_title(&a.theme_id).to_string()),
                ];
                text.extend(guide_inlines(report.pack, report.locale, &a.guidance));
                text
            }),
        ));
    }
    if !summary.find_out.is_empty() {
        blocks.push(Block::heading(2, r.find_out_heading));
        blocks.push(Block::list(
            false,
            summary.find_out.iter().map(|f| {
                vec![
                    Inline::Plain(report.find_out_text(&f.question_id)),
                    Inline::Only(
                        Show::NotMarkdown,
                        with_aside("", report.theme_title(&f.theme_id)),
                    ),
                ]
            }),
        ));
    }
    blocks.extend(plan::blocks(report));
    blocks
}

/// Every question with its answer, its level's description and the note,
/// theme by theme.
fn answers(report: &SummaryReport) -> Vec<Block> {
    let r = &report.locale.report;
    let mut blocks = vec![Block::heading(2, r.answers_heading)];
    for theme in &report.pack.themes {
        blocks.push(Block::heading(3, theme.title.as_str()));
        let rows = theme
            .questions
            .iter()
            .map(|q| {
                let response = report.assessment.response(&q.id);
                let mut answer = plain(report.response_label(response));
                if let Some(level) = response.and_then(|x| x.level()) {
                    answer.push(Inline::Only(
                        Show::NotMarkdown,
                        vec![
                            Inline::Break,
                            Inline::Secondary(q.levels.for_level(level).to_string()),
                        ],
                    ));
                }
                vec![
                    plain(q.text.as_str()),
                    answer,
                    vec![Inline::Note(report.assessment.note(&q.id).to_string())],
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            caption: None,
            class: None,
            head: [r.question, r.answer, r.note]
                .iter()
                .map(|h| (h.to_string(), false))
                .collect(),
            row_headers: false,
            records: true,
            rows,
        }));
    }
    blocks
}
