//! A self-contained HTML report: inline CSS and an inline SVG chart with a
//! table equivalent, styled for screen and print (so "Save as PDF" from the
//! print dialog gives a clean document). Every string from the user or the
//! content pack is escaped.

use std::fmt::Write;

use crate::model::chart::{self, LABEL_WIDTH, WIDTH};
use crate::model::content::ContentPack;
use crate::model::render::{compare, Report};
use crate::model::summary::{MatchReason, MatchedCaseStudy};

/// Escapes text for use in HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escaped text with line breaks kept, for notes and the story.
fn paragraphs(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", escape(p.trim()).replace('\n', "<br>")))
        .collect()
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff;line-height:1.5;margin:0}
main{max-width:48rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.5rem;margin:2rem 0 .75rem;border-top:1px solid #b1b4b6;padding-top:1rem}
h3{font-size:1.1875rem;margin:1.25rem 0 .25rem}
a{color:#1d70b8}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.5rem .75rem .5rem 0}
td.num,th.num{text-align:right}
.band{font-size:1.25rem;font-weight:700}
.muted{color:#505a5f}
.chart{max-width:100%;height:auto}
.chart text{font:14px system-ui,sans-serif;fill:#0b0c0c}
.chart .bar{fill:#1d70b8}
.chart .grid{stroke:#b1b4b6}
ol li,ul li{margin-bottom:.5rem}
table.plan td{overflow-wrap:anywhere}
@media print{main{max-width:none;padding:0}a{color:#0b0c0c}a[href]::after{content:' (' attr(href) ')';font-size:.85em;word-break:break-all}h2{break-after:avoid}tr,li,figure{break-inside:avoid}table.plan thead{display:table-header-group}}
@media (forced-colors:active){.chart .bar{fill:CanvasText}}
";

pub fn render(report: &Report) -> String {
    let r = &report.locale.report;
    let mut h = String::with_capacity(32 * 1024);
    let title = escape(&report.title());
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n\
         <p class=\"muted\">{}</p>\n",
        escape(&report.pack.language),
        escape(&report.generated())
    );

    let context = report.context_rows();
    if !context.is_empty() {
        let _ = write!(h, "<h2>{}</h2>\n<table>\n", escape(r.about_heading));
        for (label, lines) in context {
            let value: Vec<String> = lines.iter().map(|l| escape(l)).collect();
            let _ = writeln!(
                h,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                escape(label),
                value.join("<br>")
            );
        }
        h.push_str("</table>\n");
    }

    let _ = write!(
        h,
        "<h2>{}</h2>\n<p class=\"band\">{}</p>\n<p class=\"muted\">{}</p>\n",
        escape(r.overall_heading),
        escape(&report.band_text()),
        escape(report.locale.bands.method)
    );

    profile(&mut h, report);
    h.push_str(&compare::html_section(report));
    strengths(&mut h, report);
    actions(&mut h, report);
    h.push_str(&super::plan::html_section(report));
    case_studies(&mut h, report);

    if !report.assessment.story.trim().is_empty() {
        let _ = write!(
            h,
            "<h2>{}</h2>\n{}\n",
            escape(r.story_heading),
            paragraphs(&report.assessment.story)
        );
    }
    answers(&mut h, report);
    let _ = write!(
        h,
        "<p class=\"muted\">{}</p>\n</main>\n</body>\n</html>\n",
        escape(r.privacy)
    );
    h
}

fn profile(h: &mut String, report: &Report) {
    let r = &report.locale.report;
    let chart = chart::chart(report.pack, &report.summary.profile);
    let _ = write!(
        h,
        "<h2>{}</h2>\n<figure>\n<svg class=\"chart\" role=\"img\" aria-labelledby=\"rts-chart-title\" \
         viewBox=\"0 0 {WIDTH} {}\" width=\"{WIDTH}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"rts-chart-title\">{}</title>\n",
        escape(r.profile_heading),
        chart.height,
        chart.height,
        escape(r.chart_title)
    );
    for (x, value) in &chart.ticks {
        let _ = writeln!(
            h,
            "<line class=\"grid\" x1=\"{x}\" x2=\"{x}\" y1=\"20\" y2=\"{}\"/>\
             <text x=\"{x}\" y=\"14\" text-anchor=\"middle\">{value}</text>",
            chart.height - 4
        );
    }
    for bar in &chart.bars {
        let mid = bar.y + chart::ROW_HEIGHT / 2;
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"bar\" x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            LABEL_WIDTH - 8,
            mid + 5,
            escape(&bar.label),
            mid - chart::BAR_HEIGHT / 2,
            bar.width,
            chart::BAR_HEIGHT,
            LABEL_WIDTH + bar.width + 6,
            mid + 5,
            escape(&report.score_text(bar.score))
        );
    }
    h.push_str("</svg>\n</figure>\n");

    let _ = write!(
        h,
        "<table>\n<caption class=\"muted\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        escape(r.chart_title),
        escape(r.theme),
        escape(r.score),
        escape(r.answered),
        escape(r.not_sure),
        escape(r.unanswered)
    );
    for theme in &report.summary.profile.themes {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(report.theme_title(&theme.theme_id)),
            escape(&report.score_text(theme.score)),
            theme.scored,
            theme.not_sure,
            theme.unanswered
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn strengths(h: &mut String, report: &Report) {
    let r = &report.locale.report;
    let _ = writeln!(h, "<h2>{}</h2>", escape(r.strengths_heading));
    if report.summary.strengths.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(r.no_strengths));
        return;
    }
    h.push_str("<ul>\n");
    for s in &report.summary.strengths {
        let _ = writeln!(
            h,
            "<li>{} <span class=\"muted\">({}: {})</span></li>",
            escape(report.question_text(&s.question_id)),
            escape(report.theme_title(&s.theme_id)),
            escape(report.pack.level_label(s.level))
        );
    }
    h.push_str("</ul>\n");
}

fn actions(h: &mut String, report: &Report) {
    let r = &report.locale.report;
    let _ = writeln!(h, "<h2>{}</h2>", escape(r.actions_heading));
    if report.summary.priority_actions.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(r.no_actions));
    } else {
        h.push_str("<ol>\n");
        for a in &report.summary.priority_actions {
            let _ = writeln!(
                h,
                "<li><strong>{}</strong><br><span class=\"muted\">{} ({})</span>{}</li>",
                escape(&a.action),
                escape(&report.action_because(&a.question_id, a.level)),
                escape(report.theme_title(&a.theme_id)),
                guide_links(report, &a.guidance)
            );
        }
        h.push_str("</ol>\n");
    }
    if !report.summary.find_out.is_empty() {
        let _ = write!(h, "<h2>{}</h2>\n<ul>\n", escape(r.find_out_heading));
        for f in &report.summary.find_out {
            let _ = writeln!(
                h,
                "<li>{} <span class=\"muted\">({})</span></li>",
                escape(&report.find_out_text(&f.question_id)),
                escape(report.theme_title(&f.theme_id))
            );
        }
        h.push_str("</ul>\n");
    }
}

fn case_studies(h: &mut String, report: &Report) {
    let r = &report.locale.report;
    case_study_list(
        h,
        report.pack,
        (r.case_studies_heading, r.no_case_studies),
        &report.summary.case_studies,
        |reason| report.reason_text(reason),
    );
}

/// The matched case studies as a list with links and the reasons each was
/// chosen; shared by the summary and the partnership reports.
/// "Guidance: <a>title</a> (publisher, year); ..." after an action, or
/// nothing when it has none.
fn guide_links(report: &Report, ids: &[String]) -> String {
    let guides = report.guides(ids);
    if guides.is_empty() {
        return String::new();
    }
    let links: Vec<String> = guides
        .iter()
        .map(|g| {
            format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a> <span class=\"muted\">({})</span>",
                escape(g.url),
                escape(g.title),
                escape(&g.about)
            )
        })
        .collect();
    format!(
        "<br><span class=\"guides\">{} {}</span>",
        escape(report.locale.report.guidance_label),
        links.join("; ")
    )
}

pub(crate) fn case_study_list(
    h: &mut String,
    pack: &ContentPack,
    (heading, none): (&str, &str),
    matches: &[MatchedCaseStudy],
    reason_text: impl Fn(&MatchReason) -> String,
) {
    let _ = writeln!(h, "<h2>{}</h2>", escape(heading));
    if matches.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(none));
        return;
    }
    h.push_str("<ul>\n");
    for m in matches {
        let Some(study) = pack.case_studies.iter().find(|c| c.id == m.case_study_id) else {
            continue;
        };
        let reasons: Vec<String> = m.reasons.iter().map(&reason_text).collect();
        let _ = writeln!(
            h,
            "<li><a href=\"{}\" rel=\"noopener noreferrer\">{}</a> <span class=\"muted\">({}; {})</span>\
             <br>{}<br><span class=\"muted\">{}</span></li>",
            escape(&study.url),
            escape(&study.title),
            escape(&study.place),
            escape(&study.source),
            escape(&study.summary),
            escape(&reasons.join(" "))
        );
    }
    h.push_str("</ul>\n");
}

fn answers(h: &mut String, report: &Report) {
    let r = &report.locale.report;
    let _ = writeln!(h, "<h2>{}</h2>", escape(r.answers_heading));
    for theme in &report.pack.themes {
        let _ = write!(
            h,
            "<h3>{}</h3>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            escape(&theme.title),
            escape(r.question),
            escape(r.answer),
            escape(r.note)
        );
        for q in &theme.questions {
            let response = report.assessment.response(&q.id);
            let descriptor = response
                .and_then(|x| x.level())
                .map(|level| {
                    format!(
                        "<br><span class=\"muted\">{}</span>",
                        escape(q.levels.for_level(level))
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}{}</td><td>{}</td></tr>",
                escape(&q.text),
                escape(report.response_label(response)),
                descriptor,
                paragraphs(report.assessment.note(&q.id))
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
}
