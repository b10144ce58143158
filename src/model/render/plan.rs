//! The action plan in the summary's document (a printable table where the
//! screen has the editable plan), a CSV of its own (one row per action), and
//! the earlier plan in the comparison. Every CSV cell is quoted and
//! neutralised like the answers CSV.

use crate::model::compare::Comparison;
use crate::model::compare::{EarlierAction, PlanComparison};
use crate::model::document::{plain, Block, Inline, List, Show, Style, Table};
use crate::model::locale::fill;
use crate::model::plan::Status;
use crate::model::plan_view::{
    action_text, month_in_words, plan_view, PlanItem, PlanView, Standing,
};
use crate::model::render::csv_encoding::{row, start};
use crate::model::render::SummaryReport;

/// The plan beside the report's summary.
pub fn view(report: &SummaryReport) -> PlanView {
    plan_view(
        report.pack,
        report.locale,
        report.assessment,
        &report.summary,
    )
}

/// "Not started", "In progress" or "Done".
pub fn status_text<'a>(report: &SummaryReport<'a>, status: Status) -> &'a str {
    let p = &report.locale.plan;
    match status {
        Status::NotStarted => p.not_started,
        Status::InProgress => p.in_progress,
        Status::Done => p.done,
    }
}

/// The owner, or "Not set".
pub fn owner_text<'a>(report: &SummaryReport<'a>, owner: &'a str) -> &'a str {
    let owner = owner.trim();
    if owner.is_empty() {
        report.locale.plan.not_set
    } else {
        owner
    }
}

/// The target month in words, or "Not set".
pub fn target_text(report: &SummaryReport, target: &str) -> String {
    if target.trim().is_empty() {
        report.locale.plan.not_set.to_string()
    } else {
        month_in_words(report.locale, target)
    }
}

/// The action in words; for one the pack does not have, why it is listed.
pub fn item_text(item: &PlanItem) -> &str {
    if item.action.is_empty() {
        &item.why
    } else {
        &item.action
    }
}

/// "3 of 12 actions done, 2 in progress."
pub fn progress_text(report: &SummaryReport, view: &PlanView) -> String {
    fill(
        report.locale.plan.progress,
        &[
            ("done", &view.count(Status::Done).to_string()),
            ("total", &view.current.len().to_string()),
            ("in_progress", &view.count(Status::InProgress).to_string()),
        ],
    )
}

fn standing_text<'a>(report: &SummaryReport<'a>, standing: Standing) -> &'a str {
    let p = &report.locale.plan;
    match standing {
        Standing::Current => p.standing_current,
        Standing::AnswerChanged => p.standing_answer_changed,
        Standing::NotInPack => p.standing_not_in_pack,
    }
}

/// The plan as the files print it: its progress, then a table of the
/// current actions and one of the other entries; nothing when there are no
/// actions and no entries.
pub fn blocks(report: &SummaryReport) -> Vec<Block> {
    let view = view(report);
    if view.current.is_empty() && view.other.is_empty() {
        return Vec::new();
    }
    let p = &report.locale.plan;
    let mut blocks = vec![
        Block::heading(2, p.heading),
        Block::Paragraph {
            style: Style::Status,
            text: plain(progress_text(report, &view)),
        },
    ];
    let table = |caption: &str, items: &[PlanItem], numbered: bool| {
        let mut head: Vec<(String, bool)> = Vec::new();
        if numbered {
            head.push((p.number.to_string(), true));
        }
        head.extend(
            [&p.action, &p.owner, &p.target, &p.status, &p.note]
                .iter()
                .map(|h| (h.to_string(), false)),
        );
        let rows = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut action = plain(item_text(item));
                if !item.action.is_empty() && !item.why.is_empty() {
                    action.push(Inline::Only(
                        Show::NotMarkdown,
                        vec![Inline::Break, Inline::Secondary(item.why.clone())],
                    ));
                }
                let mut row = Vec::new();
                if numbered {
                    row.push(plain((i + 1).to_string()));
                }
                row.extend([
                    action,
                    plain(owner_text(report, &item.entry.owner)),
                    plain(target_text(report, &item.entry.target)),
                    plain(status_text(report, item.entry.status)),
                    vec![Inline::Lines(item.entry.note.trim().to_string())],
                ]);
                row
            })
            .collect();
        Block::Table(Table {
            caption: Some(caption.to_string()),
            class: Some("plan"),
            head,
            row_headers: false,
            records: false,
            rows,
        })
    };
    if !view.current.is_empty() {
        blocks.push(table(p.table_caption, &view.current, true));
    }
    if !view.other.is_empty() {
        blocks.push(Block::heading(3, p.other_heading));
        blocks.push(Block::paragraph(p.other_intro));
        blocks.push(table(p.other_heading, &view.other, false));
    }
    blocks
}

/// The plan as CSV: a header row, then one row per action, current actions
/// first. Every cell is quoted and formula-like cells are neutralised.
pub fn csv(report: &SummaryReport) -> String {
    let view = view(report);
    let mut out = start(&report.locale.plan.csv_headers);
    for (i, item) in view.all().enumerate() {
        let number = if item.standing == Standing::Current {
            (i + 1).to_string()
        } else {
            String::new()
        };
        let theme = item
            .theme_id
            .as_deref()
            .map_or("", |t| report.theme_title(t));
        row(
            &mut out,
            &[
                &number,
                theme,
                &item.id.question_id,
                report.question_text(&item.id.question_id),
                report.response_label(item.response),
                item_text(item),
                &item.entry.owner,
                &item.entry.target,
                status_text(report, item.entry.status),
                &item.entry.note,
                &item.entry.changed,
                standing_text(report, item.standing),
            ],
        );
    }
    out
}

/// An earlier action in words: the pack's words for it now, or the question
/// it was for.
pub fn earlier_action_text(report: &SummaryReport, action: &EarlierAction) -> String {
    let text = action_text(report.pack, report.locale, &action.id);
    if text.is_empty() {
        fill(
            report.locale.plan.why_not_in_pack,
            &[("question", report.question_text(&action.id.question_id))],
        )
    } else {
        text
    }
}

/// "Owner: Council. Status then: Done."
pub fn earlier_item_text(report: &SummaryReport, action: &EarlierAction) -> String {
    fill(
        report.locale.plan.earlier_item,
        &[
            ("owner", owner_text(report, &action.entry.owner)),
            ("status", status_text(report, action.entry.status)),
        ],
    )
}

/// "Moved up: "Emerging" then, "Developing" now." or "Not moved: ...".
pub fn moved_text(report: &SummaryReport, action: &EarlierAction) -> String {
    let p = &report.locale.plan;
    fill(
        if action.moved_up {
            p.moved_up
        } else {
            p.not_moved
        },
        &[
            ("then", report.response_label(action.then)),
            ("now", report.response_label(action.now)),
        ],
    )
}

/// The earlier plan in the comparison: a table in the files, a list on
/// screen; then the actions marked done whose answer did not move.
pub fn compare_blocks(report: &SummaryReport, comparison: &Comparison) -> Vec<Block> {
    let p = &report.locale.plan;
    let plan = &comparison.plan;
    let mut blocks = vec![Block::heading(3, p.earlier_heading)];
    if plan.actions.is_empty() {
        blocks.push(Block::paragraph(p.no_earlier));
    } else {
        let rows = earlier_rows(report, plan);
        blocks.push(Block::paragraph(p.earlier_intro));
        blocks.push(Block::Only(
            Show::Files,
            vec![Block::Table(Table {
                caption: None,
                class: Some("plan"),
                head: [p.action, p.owner, p.status, p.moved]
                    .iter()
                    .map(|h| (h.to_string(), false))
                    .collect(),
                row_headers: false,
                records: false,
                rows: rows
                    .iter()
                    .map(|row| row.iter().map(|c| plain(c.as_str())).collect())
                    .collect(),
            })],
        ));
        blocks.push(Block::Only(
            Show::Screen,
            vec![Block::list(
                false,
                rows.into_iter()
                    .zip(&plan.actions)
                    .map(|([action, _, _, moved], a)| {
                        vec![
                            Inline::Strong(action),
                            Inline::Break,
                            Inline::Plain(format!("{} {moved}", earlier_item_text(report, a))),
                        ]
                    }),
            )],
        ));
        let worth: Vec<&EarlierAction> = plan.worth_a_conversation().collect();
        if !worth.is_empty() {
            blocks.push(Block::heading(3, p.conversation_heading));
            blocks.push(Block::paragraph(p.conversation_intro));
            blocks.push(Block::List(
                List::new(
                    false,
                    worth.into_iter().map(|a| {
                        vec![
                            Inline::Strong(earlier_action_text(report, a)),
                            Inline::Break,
                            Inline::Secondary(format!(
                                "{} {}",
                                earlier_item_text(report, a),
                                moved_text(report, a)
                            )),
                        ]
                    }),
                )
                .class("rts-plan-compare__worth"),
            ));
        }
    }
    vec![Block::Group {
        class: "rts-plan-compare",
        blocks,
    }]
}

/// The earlier plan's table as plain text, one row per action: the action,
/// its owner, its status then, and whether its question has moved up. The
/// HTML and Markdown reports escape and lay out the same rows.
fn earlier_rows(report: &SummaryReport, plan: &PlanComparison) -> Vec<[String; 4]> {
    plan.actions
        .iter()
        .map(|a| {
            [
                earlier_action_text(report, a),
                owner_text(report, &a.entry.owner).to_string(),
                status_text(report, a.entry.status).to_string(),
                moved_text(report, a),
            ]
        })
        .collect()
}
