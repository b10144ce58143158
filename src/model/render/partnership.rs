//! The partnership view's downloads, as pure functions: a self-contained
//! HTML report, CSV (one row per partner per question) and a JSON bundle
//! holding every partner's assessment file.
//!
//! When the view is anonymised, partners appear only by letter: file names
//! are left out of every download, failed files are numbered instead of
//! named, and the bundle's embedded files have no area, organisation or
//! partner organisations ([`without_names`]). Notes and stories are kept.

use std::fmt::Write;

use serde::Serialize;
use serde_json::Value;

use crate::model::assessment::Response;
use crate::model::content::{ContentPack, LEVELS};
use crate::model::file::{write_assessment, FileProblem};
use crate::model::locale::{fill, Locale};
use crate::model::partnership::{without_names, Partner, Partnership, QuestionSpread};
use crate::model::render::csv::cell;
use crate::model::render::html::escape;
use crate::model::scoring::Score;
use crate::model::summary::MatchReason;

/// Names the format of the JSON bundle.
pub const BUNDLE_FORMAT_NAME: &str = "ready-to-share-partnership";
pub const BUNDLE_FORMAT_VERSION: u64 = 1;

/// Everything the partnership renderers need.
pub struct PartnershipReport<'a> {
    pub pack: &'a ContentPack,
    pub locale: &'a Locale,
    pub partnership: &'a Partnership,
    /// The date the report was made, as the user should read it.
    pub date: &'a str,
}

impl<'a> PartnershipReport<'a> {
    pub fn new(
        pack: &'a ContentPack,
        locale: &'a Locale,
        partnership: &'a Partnership,
        date: &'a str,
    ) -> PartnershipReport<'a> {
        PartnershipReport {
            pack,
            locale,
            partnership,
            date,
        }
    }

    pub fn theme_title<'b>(&'b self, theme_id: &'b str) -> &'b str {
        super::theme_title(self.pack, theme_id)
    }

    pub fn question_text<'b>(&'b self, question_id: &'b str) -> &'b str {
        super::question_text(self.pack, question_id)
    }

    pub fn response_label(&self, response: Option<Response>) -> &str {
        super::response_label(self.pack, self.locale, response)
    }

    pub fn score_text(&self, score: Option<Score>) -> String {
        super::score_text(self.locale, score)
    }

    /// The file name to show for a partner: none when anonymised.
    pub fn partner_file<'b>(&self, partner: &'b Partner) -> &'b str {
        if self.partnership.anonymised {
            ""
        } else {
            &partner.file_name
        }
    }

    /// The name to show for the `index`th file that failed: "File 1" when
    /// anonymised.
    pub fn failed_file(&self, index: usize) -> String {
        match self.partnership.failed.get(index) {
            Some(_) if self.partnership.anonymised => fill(
                self.locale.partnership.failed_file_anonymous,
                &[("n", &(index + 1).to_string())],
            ),
            Some((name, _)) => name.clone(),
            None => String::new(),
        }
    }

    pub fn reason_text(&self, reason: &MatchReason) -> String {
        let words = &self.locale.partnership;
        match reason {
            MatchReason::WeakTheme { theme_id } => fill(
                words.reason_weak_theme,
                &[("theme", self.theme_title(theme_id))],
            ),
            MatchReason::PolicyArea { policy_area_id } => fill(
                words.reason_policy_area,
                &[(
                    "area",
                    self.pack
                        .policy_area_label(policy_area_id)
                        .unwrap_or(policy_area_id),
                )],
            ),
        }
    }

    /// The names of the partners whose response to `question` satisfies
    /// `wanted`, joined with commas.
    pub fn names_where(
        &self,
        question: &QuestionSpread,
        wanted: impl Fn(Option<Response>) -> bool,
    ) -> String {
        self.partnership
            .partners
            .iter()
            .zip(&question.responses)
            .filter(|(_, r)| wanted(**r))
            .map(|(p, _)| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "Developing: Council, NHS" for each answer some partner gave, lowest
    /// level first and "Not sure" last.
    pub fn answer_groups(&self, question: &QuestionSpread) -> Vec<String> {
        let mut groups: Vec<Option<Response>> = LEVELS
            .iter()
            .zip(question.level_counts)
            .filter(|(_, n)| *n > 0)
            .map(|(level, _)| Some(Response::Level(*level)))
            .collect();
        if question.not_sure > 0 {
            groups.push(Some(Response::NotSure));
        }
        groups
            .into_iter()
            .map(|answer| {
                fill(
                    self.locale.partnership.answer_group,
                    &[
                        ("answer", self.response_label(answer)),
                        ("names", &self.names_where(question, |r| r == answer)),
                    ],
                )
            })
            .collect()
    }
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff;line-height:1.5;margin:0}
main{max-width:64rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.5rem;margin:2rem 0 .75rem;border-top:1px solid #b1b4b6;padding-top:1rem}
h3{font-size:1.1875rem;margin:1.25rem 0 .25rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
a{color:#1d70b8}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.5rem .75rem .5rem 0}
td.num,th.num{text-align:right}
td.score{min-width:5rem}
.track{display:block;height:.5rem;background:#f3f2f1;margin-top:.25rem}
.fill{display:block;height:100%;background:#1d70b8;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.muted{color:#505a5f}
ol li,ul li{margin-bottom:.5rem}
@media print{main{max-width:none;padding:0}a{color:#0b0c0c}a[href]::after{content:' (' attr(href) ')';font-size:.85em;word-break:break-all}h2,h3,h4{break-after:avoid}tr,li{break-inside:avoid}}
@media (forced-colors:active){.fill{forced-color-adjust:none;background:CanvasText}.track{border:1px solid CanvasText}}
";

/// Escaped text with line breaks kept, for notes.
fn paragraphs(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", escape(p.trim()).replace('\n', "<br>")))
        .collect()
}

/// The partnership view as a self-contained HTML page.
pub fn html(report: &PartnershipReport) -> String {
    let p = report.partnership;
    let w = &report.locale.partnership;
    let mut h = String::with_capacity(64 * 1024);
    let title = escape(w.title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n\
         <p class=\"muted\">{}</p>\n<p>{}</p>\n",
        escape(&report.pack.language),
        escape(&fill(report.locale.report.generated, &[("date", report.date)])),
        escape(&fill(w.intro, &[("count", &p.partners.len().to_string())]))
    );
    if p.anonymised {
        let _ = writeln!(h, "<p>{}</p>", escape(w.anonymised));
    }
    failed(&mut h, report);
    if p.partners.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(w.no_partners));
    } else {
        partners(&mut h, report);
        scores(&mut h, report);
        themes(&mut h, report);
        disagreements(&mut h, report);
        not_sure(&mut h, report);
        case_studies(&mut h, report);
        unmatched(&mut h, report);
        warnings(&mut h, report);
        answers(&mut h, report);
    }
    let _ = write!(
        h,
        "<p class=\"muted\">{}</p>\n</main>\n</body>\n</html>\n",
        escape(w.privacy)
    );
    h
}

fn failed(h: &mut String, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    if report.partnership.failed.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p>{}</p>\n<ul>\n",
        escape(w.failed_heading),
        escape(w.failed_intro)
    );
    for (i, (_, problem)) in report.partnership.failed.iter().enumerate() {
        let _ = writeln!(
            h,
            "<li><strong>{}</strong><br>{}</li>",
            escape(&report.failed_file(i)),
            escape(&report.locale.file_problem(problem))
        );
    }
    h.push_str("</ul>\n");
}

fn partners(h: &mut String, report: &PartnershipReport) {
    let p = report.partnership;
    let w = &report.locale.partnership;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">{}</th>",
        escape(w.partners_heading),
        escape(w.partner)
    );
    if !p.anonymised {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(w.file));
    }
    let _ = write!(
        h,
        "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        escape(w.answered),
        escape(w.overall)
    );
    for partner in &p.partners {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", escape(&partner.name));
        if !p.anonymised {
            let _ = write!(h, "<td>{}</td>", escape(&partner.file_name));
        }
        let overall = match (partner.profile.overall, partner.profile.band) {
            (Some(score), Some(band)) => {
                format!("{} ({})", score.rounded_in_band(), report.locale.band(band))
            }
            _ => report.score_text(None),
        };
        let _ = writeln!(
            h,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            partner.assessment.responded_count(report.pack),
            escape(&overall)
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// Each partner's theme scores: a table whose cells carry a bar as long as
/// the score, so the table is the chart and its own text equivalent.
fn scores(h: &mut String, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table>\n<caption class=\"muted\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        escape(w.scores_heading),
        escape(w.scores_caption),
        escape(w.partner)
    );
    for theme in &report.pack.themes {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(&theme.title));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for partner in &report.partnership.partners {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", escape(&partner.name));
        for theme in &partner.profile.themes {
            let bar = theme.score.map_or_else(String::new, |s| {
                format!(
                    "<span class=\"track\" aria-hidden=\"true\"><span class=\"fill\" style=\"width:{}%\"></span></span>",
                    s.rounded().min(100)
                )
            });
            let _ = write!(
                h,
                "<td class=\"score\">{}{bar}</td>",
                escape(&report.score_text(theme.score))
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

fn themes(h: &mut String, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table>\n<caption class=\"muted\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        escape(w.themes_heading),
        escape(w.themes_caption),
        escape(report.locale.report.theme),
        escape(w.median),
        escape(w.lowest),
        escape(w.highest),
        escape(w.spread),
        escape(w.scored_by)
    );
    for t in &report.partnership.themes {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(report.theme_title(&t.theme_id)),
            escape(&report.score_text(t.median)),
            escape(&report.score_text(t.lowest)),
            escape(&report.score_text(t.highest)),
            escape(&report.score_text(t.spread)),
            t.scored_by
        );
    }
    let _ = writeln!(
        h,
        "</tbody>\n</table>\n<p class=\"muted\">{}</p>",
        escape(w.method)
    );
}

fn disagreements(h: &mut String, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p>{}</p>\n",
        escape(w.disagree_heading),
        escape(w.disagree_intro)
    );
    let list: Vec<&QuestionSpread> = report
        .partnership
        .disagreements
        .iter()
        .filter_map(|id| report.partnership.question(id))
        .collect();
    if list.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(w.no_disagreement));
        return;
    }
    h.push_str("<ol>\n");
    for q in list {
        let range = fill(
            w.answer_range,
            &[
                ("lowest", report.pack.level_label(q.lowest().unwrap_or(1))),
                ("highest", report.pack.level_label(q.highest().unwrap_or(5))),
            ],
        );
        let _ = write!(
            h,
            "<li><strong>{}</strong> <span class=\"muted\">({})</span><br>{}\n<ul>\n",
            escape(report.question_text(&q.question_id)),
            escape(report.theme_title(&q.theme_id)),
            escape(&range)
        );
        for group in report.answer_groups(q) {
            let _ = writeln!(h, "<li>{}</li>", escape(&group));
        }
        h.push_str("</ul></li>\n");
    }
    h.push_str("</ol>\n");
}

fn not_sure(h: &mut String, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p>{}</p>\n",
        escape(w.not_sure_heading),
        escape(w.not_sure_intro)
    );
    if report.partnership.most_not_sure.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(w.no_not_sure));
        return;
    }
    let total = report.partnership.partners.len().to_string();
    h.push_str("<ol>\n");
    for q in report
        .partnership
        .most_not_sure
        .iter()
        .filter_map(|id| report.partnership.question(id))
    {
        let count = fill(
            w.not_sure_count,
            &[
                ("count", &q.not_sure.to_string()),
                ("total", &total),
                (
                    "names",
                    &report.names_where(q, |r| r == Some(Response::NotSure)),
                ),
            ],
        );
        let _ = writeln!(
            h,
            "<li><strong>{}</strong> <span class=\"muted\">({})</span><br>{}</li>",
            escape(report.question_text(&q.question_id)),
            escape(report.theme_title(&q.theme_id)),
            escape(&count)
        );
    }
    h.push_str("</ol>\n");
}

fn case_studies(h: &mut String, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    super::html::case_study_list(
        h,
        report.pack,
        (w.case_studies_heading, w.no_case_studies),
        &report.partnership.case_studies,
        |reason| report.reason_text(reason),
    );
}

fn unmatched(h: &mut String, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let partners: Vec<&Partner> = report
        .partnership
        .partners
        .iter()
        .filter(|p| !p.unmatched.is_empty())
        .collect();
    if partners.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p>{}</p>\n",
        escape(w.unmatched_heading),
        escape(w.unmatched_intro)
    );
    for partner in partners {
        let _ = write!(h, "<h3>{}</h3>\n<ul>\n", escape(&partner.name));
        for u in &partner.unmatched {
            let item = fill(
                report.locale.compare.unmatched_item,
                &[
                    ("question", report.question_text(&u.question_id)),
                    ("answer", report.response_label(u.answer.response)),
                ],
            );
            let _ = writeln!(
                h,
                "<li>{}{}</li>",
                escape(&item),
                paragraphs(&u.answer.note)
            );
        }
        h.push_str("</ul>\n");
    }
}

/// Warnings from opening the files, except unknown questions (listed with
/// the unmatched answers above).
fn warnings(h: &mut String, report: &PartnershipReport) {
    let shown = |p: &&Partner| {
        p.warnings
            .iter()
            .any(|w| !matches!(w, FileProblem::UnknownQuestion { .. }))
    };
    let partners: Vec<&Partner> = report.partnership.partners.iter().filter(shown).collect();
    if partners.is_empty() {
        return;
    }
    let _ = writeln!(
        h,
        "<h2>{}</h2>",
        escape(report.locale.partnership.warnings_heading)
    );
    for partner in partners {
        let _ = write!(h, "<h3>{}</h3>\n<ul>\n", escape(&partner.name));
        for warning in &partner.warnings {
            if !matches!(warning, FileProblem::UnknownQuestion { .. }) {
                let _ = writeln!(
                    h,
                    "<li>{}</li>",
                    escape(&report.locale.file_problem(warning))
                );
            }
        }
        h.push_str("</ul>\n");
    }
}

fn answers(h: &mut String, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let r = &report.locale.report;
    let _ = writeln!(h, "<h2>{}</h2>", escape(w.answers_heading));
    let mut questions = report.partnership.questions.iter();
    for theme in &report.pack.themes {
        let _ = writeln!(h, "<h3>{}</h3>", escape(&theme.title));
        for (question, spread) in theme.questions.iter().zip(questions.by_ref()) {
            let _ = writeln!(h, "<h4>{}</h4>", escape(&question.text));
            let mut silent = Vec::new();
            let mut rows = String::new();
            for (partner, response) in report.partnership.partners.iter().zip(&spread.responses) {
                let note = partner.assessment.note(&question.id);
                if response.is_none() && note.trim().is_empty() {
                    silent.push(partner.name.as_str());
                    continue;
                }
                let _ = writeln!(
                    rows,
                    "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                    escape(&partner.name),
                    escape(report.response_label(*response)),
                    paragraphs(note)
                );
            }
            if !rows.is_empty() {
                let _ = write!(
                    h,
                    "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
                     <th scope=\"col\">{}</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n",
                    escape(w.partner),
                    escape(r.answer),
                    escape(r.note)
                );
            }
            if !silent.is_empty() {
                let _ = writeln!(
                    h,
                    "<p class=\"muted\">{}</p>",
                    escape(&fill(w.no_answer_from, &[("names", &silent.join(", "))]))
                );
            }
        }
    }
}

/// One row per partner per question, after a header row: partner, file,
/// theme, question id, question, level, answer and note.
pub fn csv(report: &PartnershipReport) -> String {
    fn row(out: &mut String, cells: &[&str]) {
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    let headers: Vec<&str> = report.locale.partnership.csv_headers.to_vec();
    let mut out = String::from("\u{feff}"); // so Excel reads UTF-8
    row(&mut out, &headers);
    for partner in &report.partnership.partners {
        for (theme, q) in report.pack.questions() {
            let response = partner.assessment.response(&q.id);
            let level = response
                .and_then(|r| r.level())
                .map(|l| l.to_string())
                .unwrap_or_default();
            row(
                &mut out,
                &[
                    &partner.name,
                    report.partner_file(partner),
                    &theme.title,
                    &q.id,
                    &q.text,
                    &level,
                    report.response_label(response),
                    partner.assessment.note(&q.id),
                ],
            );
        }
    }
    out
}

#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'static str,
    format_version: u64,
    made_on: &'a str,
    content_pack: PackOut<'a>,
    anonymised: bool,
    partners: Vec<PartnerOut<'a>>,
    failed: Vec<FailedOut>,
}

#[derive(Serialize)]
struct PackOut<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct PartnerOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_name: Option<&'a str>,
    /// The partner's assessment file, as a JSON value.
    assessment: Value,
}

#[derive(Serialize)]
struct FailedOut {
    file_name: String,
    problem: String,
}

/// The JSON bundle: every partner's name and assessment file (as JSON, so
/// each reads back with `file::read_assessment`), and the files that failed.
pub fn json(report: &PartnershipReport) -> String {
    let p = report.partnership;
    let partners = p
        .partners
        .iter()
        .map(|partner| {
            let file = if p.anonymised {
                write_assessment(&without_names(&partner.assessment))
            } else {
                write_assessment(&partner.assessment)
            };
            PartnerOut {
                name: &partner.name,
                file_name: (!p.anonymised).then_some(partner.file_name.as_str()),
                assessment: serde_json::from_str(&file).unwrap_or(Value::Null),
            }
        })
        .collect();
    let failed = p
        .failed
        .iter()
        .enumerate()
        .map(|(i, (_, problem))| FailedOut {
            file_name: report.failed_file(i),
            problem: report.locale.file_problem(problem),
        })
        .collect();
    let bundle = BundleOut {
        format: BUNDLE_FORMAT_NAME,
        format_version: BUNDLE_FORMAT_VERSION,
        made_on: report.date,
        content_pack: PackOut {
            id: &report.pack.id,
            version: &report.pack.version,
        },
        anonymised: p.anonymised,
        partners,
        failed,
    };
    // Serialising strings, numbers and JSON values cannot fail.
    serde_json::to_string_pretty(&bundle).unwrap_or_default()
}
