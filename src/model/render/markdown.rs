//! The summary as Markdown, for pasting into documents, wikis and emails.
//! User and pack text is escaped so it cannot turn into links, headings or
//! HTML when the Markdown is rendered.

use std::fmt::Write;

use crate::model::render::{compare, Report};

/// Escapes Markdown's special characters and HTML's angle brackets.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Escaped text keeping paragraph breaks, for notes and the story.
fn block(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|paragraph| escape(paragraph.trim()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

pub fn render(report: &Report) -> String {
    let r = &report.locale.report;
    let mut m = String::with_capacity(16 * 1024);
    let _ = write!(
        m,
        "# {}\n\n{}\n\n",
        escape(&report.title()),
        escape(&report.generated())
    );

    let context = report.context_rows();
    if !context.is_empty() {
        let _ = write!(m, "## {}\n\n", escape(r.about_heading));
        for (label, lines) in context {
            if let [value] = lines.as_slice() {
                let _ = writeln!(m, "- **{}:** {}", escape(label), escape(value));
            } else {
                let _ = writeln!(m, "- **{}:**", escape(label));
                for line in &lines {
                    let _ = writeln!(m, "  - {}", escape(line));
                }
            }
        }
        m.push('\n');
    }

    let _ = write!(
        m,
        "## {}\n\n**{}**\n\n{}\n\n## {}\n\n| {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|\n",
        escape(r.overall_heading),
        escape(&report.band_text()),
        escape(report.locale.bands.method),
        escape(r.profile_heading),
        escape(r.theme),
        escape(r.score),
        escape(r.answered),
        escape(r.not_sure),
        escape(r.unanswered)
    );
    for t in &report.summary.profile.themes {
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} | {} |",
            escape(report.theme_title(&t.theme_id)),
            escape(&report.score_text(t.score)),
            t.scored,
            t.not_sure,
            t.unanswered
        );
    }

    m.push_str(&compare::markdown_section(report));
    let _ = write!(m, "\n## {}\n\n", escape(r.strengths_heading));
    if report.summary.strengths.is_empty() {
        let _ = writeln!(m, "{}", escape(r.no_strengths));
    }
    for s in &report.summary.strengths {
        let _ = writeln!(
            m,
            "- {} ({}: {})",
            escape(report.question_text(&s.question_id)),
            escape(report.theme_title(&s.theme_id)),
            escape(report.pack.level_label(s.level))
        );
    }

    let _ = write!(m, "\n## {}\n\n", escape(r.actions_heading));
    if report.summary.priority_actions.is_empty() {
        let _ = writeln!(m, "{}", escape(r.no_actions));
    }
    for (i, a) in report.summary.priority_actions.iter().enumerate() {
        let _ = writeln!(
            m,
            "{}. **{}**  \n   {} ({})",
            i + 1,
            escape(&a.action),
            escape(&report.action_because(&a.question_id, a.level)),
            escape(report.theme_title(&a.theme_id))
        );
        let guides: Vec<String> = report
            .guides(&a.guidance)
            .iter()
            .map(|g| {
                format!(
                    "[{}](<{}>) ({})",
                    escape(g.title),
                    link_address(g.url),
                    escape(&g.about)
                )
            })
            .collect();
        if !guides.is_empty() {
            let _ = writeln!(
                m,
                "   {} {}",
                escape(report.locale.report.guidance_label),
                guides.join("; ")
            );
        }
    }

    if !report.summary.find_out.is_empty() {
        let _ = write!(m, "\n## {}\n\n", escape(r.find_out_heading));
        for f in &report.summary.find_out {
            let _ = writeln!(m, "- {}", escape(&report.find_out_text(&f.question_id)));
        }
    }
    m.push_str(&super::plan::markdown_section(report));

    let _ = write!(m, "\n## {}\n\n", escape(r.case_studies_heading));
    if report.summary.case_studies.is_empty() {
        let _ = writeln!(m, "{}", escape(r.no_case_studies));
    }
    for c in &report.summary.case_studies {
        if let Some(study) = report
            .pack
            .case_studies
            .iter()
            .find(|s| s.id == c.case_study_id)
        {
            let reasons: Vec<String> = c.reasons.iter().map(|x| report.reason_text(x)).collect();
            // The address is one of the pack's checked http(s) addresses;
            // angle brackets keep any character in it from ending the link.
            let _ = writeln!(
                m,
                "- [{}](<{}>) ({}; {})  \n  {} {}",
                escape(&study.title),
                link_address(&study.url),
                escape(&study.place),
                escape(&study.source),
                escape(&study.summary),
                escape(&reasons.join(" "))
            );
        }
    }

    if !report.assessment.story.trim().is_empty() {
        let _ = write!(
            m,
            "\n## {}\n\n{}\n",
            escape(r.story_heading),
            block(&report.assessment.story)
        );
    }

    let _ = write!(m, "\n## {}\n", escape(r.answers_heading));
    for theme in &report.pack.themes {
        let _ = write!(m, "\n### {}\n\n", escape(&theme.title));
        for q in &theme.questions {
            let response = report.assessment.response(&q.id);
            let _ = writeln!(
                m,
                "- **{}**  \n  {}: {}",
                escape(&q.text),
                escape(r.answer),
                escape(report.response_label(response))
            );
            let note = report.assessment.note(&q.id);
            if !note.trim().is_empty() {
                let _ = writeln!(m, "  {}: {}", escape(r.note), escape(note.trim()));
            }
        }
    }
    let _ = write!(m, "\n{}\n", escape(r.privacy));
    m
}

/// A pack address inside `<...>` in a Markdown link: it is one of the pack's
/// checked http(s) addresses, and without angle brackets or spaces nothing in
/// it can end the link.
fn link_address(url: &str) -> String {
    url.replace(['<', '>', ' '], "")
}
