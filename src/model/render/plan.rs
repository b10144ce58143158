//! The action plan in the downloads: a printable table in the HTML report,
//! a table in the Markdown, a CSV of its own (one row per action), and the
//! earlier plan in the comparison sections. Every string is escaped; every
//! CSV cell is quoted and neutralised like the answers CSV.

use std::fmt::Write;

use crate::model::compare::Comparison;
use crate::model::locale::fill;
use crate::model::plan::{
    action_text, month_in_words, plan_view, EarlierAction, PlanComparison, PlanItem, PlanView,
    Standing, Status,
};
use crate::model::render::csv::cell;
use crate::model::render::{html, markdown, Report};

/// The plan beside the report's summary.
pub fn view(report: &Report) -> PlanView {
    plan_view(
        report.pack,
        report.locale,
        report.assessment,
        &report.summary,
    )
}

/// "Not started", "In progress" or "Done".
pub fn status_text<'a>(report: &Report<'a>, status: Status) -> &'a str {
    let p = &report.locale.plan;
    match status {
        Status::NotStarted => p.not_started,
        Status::InProgress => p.in_progress,
        Status::Done => p.done,
    }
}

/// The owner, or "Not set".
pub fn owner_text<'a>(report: &Report<'a>, owner: &'a str) -> &'a str {
    let owner = owner.trim();
    if owner.is_empty() {
        report.locale.plan.not_set
    } else {
        owner
    }
}

/// The target month in words, or "Not set".
pub fn target_text(report: &Report, target: &str) -> String {
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
pub fn progress_text(report: &Report, view: &PlanView) -> String {
    fill(
        report.locale.plan.progress,
        &[
            ("done", &view.count(Status::Done).to_string()),
            ("total", &view.current.len().to_string()),
            ("in_progress", &view.count(Status::InProgress).to_string()),
        ],
    )
}

fn standing_text<'a>(report: &Report<'a>, standing: Standing) -> &'a str {
    let p = &report.locale.plan;
    match standing {
        Standing::Current => p.standing_current,
        Standing::AnswerChanged => p.standing_answer_changed,
        Standing::NotInPack => p.standing_not_in_pack,
    }
}

/// The plan table of the HTML report; nothing when there are no actions and
/// no entries.
pub fn html_section(report: &Report) -> String {
    use html::escape;
    let view = view(report);
    if view.current.is_empty() && view.other.is_empty() {
        return String::new();
    }
    let p = &report.locale.plan;
    let mut h = String::with_capacity(8 * 1024);
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p>{}</p>\n",
        escape(p.heading),
        escape(&progress_text(report, &view))
    );
    let table = |h: &mut String, caption: &str, items: &[PlanItem], numbered: bool| {
        let _ = write!(
            h,
            "<table class=\"plan\">\n<caption class=\"muted\">{}</caption>\n<thead><tr>",
            escape(caption)
        );
        if numbered {
            let _ = write!(
                h,
                "<th scope=\"col\" class=\"num\">{}</th>",
                escape(p.number)
            );
        }
        for heading in [&p.action, &p.owner, &p.target, &p.status, &p.note] {
            let _ = write!(h, "<th scope=\"col\">{}</th>", escape(heading));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (i, item) in items.iter().enumerate() {
            h.push_str("<tr>");
            if numbered {
                let _ = write!(h, "<td class=\"num\">{}</td>", i + 1);
            }
            let why = if item.action.is_empty() || item.why.is_empty() {
                String::new()
            } else {
                format!("<br><span class=\"muted\">{}</span>", escape(&item.why))
            };
            let _ = writeln!(
                h,
                "<td>{}{why}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(item_text(item)),
                escape(owner_text(report, &item.entry.owner)),
                escape(&target_text(report, &item.entry.target)),
                escape(status_text(report, item.entry.status)),
                escape(item.entry.note.trim()).replace('\n', "<br>")
            );
        }
        h.push_str("</tbody>\n</table>\n");
    };
    if !view.current.is_empty() {
        table(&mut h, p.table_caption, &view.current, true);
    }
    if !view.other.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3>\n<p>{}</p>\n",
            escape(p.other_heading),
            escape(p.other_intro)
        );
        table(&mut h, p.other_heading, &view.other, false);
    }
    h
}

/// The plan table of the Markdown report; nothing when there are no actions
/// and no entries.
pub fn markdown_section(report: &Report) -> String {
    use markdown::escape;
    let view = view(report);
    if view.current.is_empty() && view.other.is_empty() {
        return String::new();
    }
    let p = &report.locale.plan;
    let mut m = String::with_capacity(8 * 1024);
    let _ = write!(
        m,
        "\n## {}\n\n*{}*\n",
        escape(p.heading),
        escape(&progress_text(report, &view))
    );
    let table = |m: &mut String, items: &[PlanItem], numbered: bool| {
        let _ = write!(m, "\n|");
        if numbered {
            let _ = write!(m, " {} |", escape(p.number));
        }
        for heading in [&p.action, &p.owner, &p.target, &p.status, &p.note] {
            let _ = write!(m, " {} |", escape(heading));
        }
        m.push_str(if numbered { "\n|---:|" } else { "\n|" });
        m.push_str("---|---|---|---|---|\n");
        for (i, item) in items.iter().enumerate() {
            m.push('|');
            if numbered {
                let _ = write!(m, " {} |", i + 1);
            }
            let _ = writeln!(
                m,
                " {} | {} | {} | {} | {} |",
                escape(item_text(item)),
                escape(owner_text(report, &item.entry.owner)),
                escape(&target_text(report, &item.entry.target)),
                escape(status_text(report, item.entry.status)),
                escape(item.entry.note.trim())
            );
        }
    };
    if !view.current.is_empty() {
        table(&mut m, &view.current, true);
    }
    if !view.other.is_empty() {
        let _ = write!(
            m,
            "\n### {}\n\n{}\n",
            escape(p.other_heading),
            escape(p.other_intro)
        );
        table(&mut m, &view.other, false);
    }
    m
}

/// The plan as CSV: a header row, then one row per action, current actions
/// first. Every cell is quoted and formula-like cells are neutralised.
pub fn csv(report: &Report) -> String {
    fn row(out: &mut String, cells: &[&str]) {
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    let view = view(report);
    let headers: Vec<&str> = report.locale.plan.csv_headers.to_vec();
    let mut out = String::from("\u{feff}"); // so Excel reads UTF-8
    row(&mut out, &headers);
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
pub fn earlier_action_text(report: &Report, action: &EarlierAction) -> String {
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
pub fn earlier_item_text(report: &Report, action: &EarlierAction) -> String {
    fill(
        report.locale.plan.earlier_item,
        &[
            ("owner", owner_text(report, &action.entry.owner)),
            ("status", status_text(report, action.entry.status)),
        ],
    )
}

/// "Moved up: "Emerging" then, "Developing" now." or "Not moved: ...".
pub fn moved_text(report: &Report, action: &EarlierAction) -> String {
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

/// The earlier plan in the comparison section of the HTML report.
pub fn compare_html(report: &Report, comparison: &Comparison) -> String {
    use html::escape;
    let p = &report.locale.plan;
    let plan = &comparison.plan;
    let mut h = String::new();
    let _ = writeln!(h, "<h3>{}</h3>", escape(p.earlier_heading));
    if plan.actions.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(p.no_earlier));
        return h;
    }
    let _ = write!(
        h,
        "<p>{}</p>\n<table class=\"plan\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(p.earlier_intro),
        escape(p.action),
        escape(p.owner),
        escape(p.status),
        escape(p.moved)
    );
    for row in earlier_rows(report, plan) {
        let cells: Vec<String> = row
            .iter()
            .map(|c| format!("<td>{}</td>", escape(c)))
            .collect();
        let _ = writeln!(h, "<tr>{}</tr>", cells.concat());
    }
    h.push_str("</tbody>\n</table>\n");
    let worth: Vec<&EarlierAction> = plan.worth_a_conversation().collect();
    if !worth.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3>\n<p>{}</p>\n<ul>\n",
            escape(p.conversation_heading),
            escape(p.conversation_intro)
        );
        for a in worth {
            let _ = writeln!(
                h,
                "<li><strong>{}</strong><br><span class=\"muted\">{} {}</span></li>",
                escape(&earlier_action_text(report, a)),
                escape(&earlier_item_text(report, a)),
                escape(&moved_text(report, a))
            );
        }
        h.push_str("</ul>\n");
    }
    h
}

/// The earlier plan's table as plain text, one row per action: the action,
/// its owner, its status then, and whether its question has moved up. The
/// HTML and Markdown reports escape and lay out the same rows.
fn earlier_rows(report: &Report, plan: &PlanComparison) -> Vec<[String; 4]> {
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

/// The earlier plan in the comparison section of the Markdown report.
pub fn compare_markdown(report: &Report, comparison: &Comparison) -> String {
    use markdown::escape;
    let p = &report.locale.plan;
    let plan = &comparison.plan;
    let mut m = String::new();
    let _ = write!(m, "\n### {}\n\n", escape(p.earlier_heading));
    if plan.actions.is_empty() {
        let _ = writeln!(m, "{}", escape(p.no_earlier));
        return m;
    }
    let _ = write!(
        m,
        "{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
        escape(p.earlier_intro),
        escape(p.action),
        escape(p.owner),
        escape(p.status),
        escape(p.moved)
    );
    for row in earlier_rows(report, plan) {
        let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
        let _ = writeln!(m, "| {} |", cells.join(" | "));
    }
    let worth: Vec<&EarlierAction> = plan.worth_a_conversation().collect();
    if !worth.is_empty() {
        let _ = write!(
            m,
            "\n### {}\n\n{}\n\n",
            escape(p.conversation_heading),
            escape(p.conversation_intro)
        );
        for a in worth {
            let _ = writeln!(
                m,
                "- **{}**  \n  {} {}",
                escape(&earlier_action_text(report, a)),
                escape(&earlier_item_text(report, a)),
                escape(&moved_text(report, a))
            );
        }
    }
    m
}
