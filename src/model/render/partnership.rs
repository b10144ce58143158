//! The partnership view's downloads, as pure functions: a self-contained
//! HTML report, CSV (one row per partner per question) and a JSON bundle
//! holding every partner's assessment file.
//!
//! When the view is anonymised, partners appear only by letter: file names
//! are left out of every download, failed files are numbered instead of
//! named, and the partners' assessments are [`without_names`]: no area,
//! organisation or partner organisations, and none of the partners' own
//! words (notes, story, action plan), which could name them.

use serde::Serialize;
use serde_json::Value;

use crate::model::assessment::Response;
use crate::model::consensus::Consensus;
use crate::model::content::{ContentPack, LEVELS};
use crate::model::document::{plain, Block, Document, Inline, Item, List, Table, Text};
use crate::model::file::{write_assessment, FileProblem};
use crate::model::locale::{fill, Locale};
use crate::model::partnership::{without_names, Partner, Partnership, QuestionSpread};
use crate::model::render::csv_encoding::{row, start};
use crate::model::render::{case_study_blocks, unmatched_answer_text};
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
    /// What the workshop agreed, when the report should say it.
    pub agreements: Option<&'a Consensus>,
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
            agreements: None,
        }
    }

    /// The report with what the workshop agreed, so far.
    pub fn with_agreements(mut self, agreements: &'a Consensus) -> Self {
        self.agreements = Some(agreements);
        self
    }

    pub fn theme_title<'b>(&'b self, theme_id: &'b str) -> &'b str {
        crate::model::words::theme_title(self.pack, theme_id)
    }

    pub fn question_text<'b>(&'b self, question_id: &'b str) -> &'b str {
        crate::model::words::question_text(self.pack, question_id)
    }

    pub fn response_label(&self, response: Option<Response>) -> &str {
        crate::model::words::response_label(self.pack, self.locale, response)
    }

    pub fn score_text(&self, score: Option<Score>) -> String {
        crate::model::words::score_text(self.locale, score)
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

    /// Each file that could not be opened, as the screen and every download
    /// name it ("File 1" when anonymised), with why, in the pack's words (a
    /// question is named by its text, not its id).
    pub fn failed_files(&self) -> Vec<(String, String)> {
        self.partnership
            .failed
            .iter()
            .enumerate()
            .map(|(i, (_, problem))| {
                (
                    self.failed_file(i),
                    self.locale.file_problem_in(self.pack, problem),
                )
            })
            .collect()
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

/// The partnership view as a self-contained HTML page.
pub fn html(report: &PartnershipReport) -> String {
    super::html::document(&document(report))
}

/// The partnership view as a document: the files that failed, the partners,
/// their scores, where they disagree and what they are unsure of, case
/// studies, unmatched answers, warnings, then every answer.
pub fn document(report: &PartnershipReport) -> Document {
    let p = report.partnership;
    let w = &report.locale.partnership;
    let mut blocks = vec![
        Block::muted(fill(
            report.locale.report.generated,
            &[("date", report.date)],
        )),
        Block::muted(report.locale.versions(report.pack)),
        Block::paragraph(fill(w.intro, &[("count", &p.partners.len().to_string())])),
    ];
    if p.anonymised {
        blocks.push(Block::paragraph(w.anonymised));
    }
    failed(&mut blocks, report);
    if p.partners.is_empty() {
        blocks.push(Block::paragraph(w.no_partners));
    } else {
        partners(&mut blocks, report);
        scores(&mut blocks, report);
        themes(&mut blocks, report);
        disagreements(&mut blocks, report);
        agreed(&mut blocks, report);
        not_sure(&mut blocks, report);
        blocks.extend(case_study_blocks(
            report.pack,
            report.locale,
            (w.case_studies_heading, w.no_case_studies),
            &p.case_studies,
            |reason| report.reason_text(reason),
        ));
        unmatched(&mut blocks, report);
        warnings(&mut blocks, report);
        answers(&mut blocks, report);
    }
    blocks.push(Block::muted(w.privacy));
    super::document(
        report.pack,
        report.locale,
        w.title.to_string(),
        true,
        blocks,
    )
}

/// A table of text cells, the first heading each row.
fn table(caption: Option<&str>, head: Vec<(String, bool)>, rows: Vec<Vec<Text>>) -> Block {
    Block::Table(Table {
        caption: caption.map(str::to_string),
        class: None,
        head,
        row_headers: true,
        records: false,
        rows,
    })
}

/// "Question (Theme)", a line break and `line`.
fn question_item(report: &PartnershipReport, question: &QuestionSpread, line: String) -> Text {
    vec![
        Inline::Strong(report.question_text(&question.question_id).to_string()),
        Inline::Plain(" ".into()),
        Inline::Aside(report.theme_title(&question.theme_id).to_string()),
        Inline::Break,
        Inline::Plain(line),
    ]
}

fn failed(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    if report.partnership.failed.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, w.failed_heading));
    blocks.push(Block::paragraph(w.failed_intro));
    blocks.push(Block::list(
        false,
        report
            .failed_files()
            .into_iter()
            .map(|(name, why)| vec![Inline::Strong(name), Inline::Break, Inline::Plain(why)]),
    ));
}

fn partners(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let p = report.partnership;
    let w = &report.locale.partnership;
    let mut head = vec![(w.partner.to_string(), false)];
    if !p.anonymised {
        head.push((w.file.to_string(), false));
    }
    head.push((w.answered.to_string(), true));
    head.push((w.overall.to_string(), true));
    let rows = p
        .partners
        .iter()
        .map(|partner| {
            let overall = match (partner.profile.overall, partner.profile.band) {
                (Some(score), Some(band)) => {
                    format!("{} ({})", score.rounded_in_band(), report.locale.band(band))
                }
                _ => report.score_text(None),
            };
            let mut row = vec![plain(partner.name.as_str())];
            if !p.anonymised {
                row.push(plain(partner.file_name.as_str()));
            }
            row.push(plain(
                partner.assessment.responded_count(report.pack).to_string(),
            ));
            row.push(plain(overall));
            row
        })
        .collect();
    blocks.push(Block::heading(2, w.partners_heading));
    blocks.push(table(None, head, rows));
}

/// Each partner's theme scores: a table whose cells carry a bar as long as
/// the score, so the table is the chart and its own text equivalent.
fn scores(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let mut head = vec![(w.partner.to_string(), false)];
    head.extend(report.pack.themes.iter().map(|t| (t.title.clone(), false)));
    let rows = report
        .partnership
        .partners
        .iter()
        .map(|partner| {
            let mut row = vec![plain(partner.name.as_str())];
            row.extend(partner.profile.themes.iter().map(|theme| {
                let mut cell = plain(report.score_text(theme.score));
                if let Some(score) = theme.score {
                    cell.push(Inline::Meter(score.rounded()));
                }
                cell
            }));
            row
        })
        .collect();
    blocks.push(Block::heading(2, w.scores_heading));
    blocks.push(table(Some(w.scores_caption), head, rows));
}

fn themes(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let mut head = vec![(report.locale.report.theme.to_string(), false)];
    head.extend(
        [w.median, w.lowest, w.highest, w.spread, w.scored_by]
            .iter()
            .map(|h| (h.to_string(), true)),
    );
    let rows = report
        .partnership
        .themes
        .iter()
        .map(|t| {
            vec![
                plain(report.theme_title(&t.theme_id)),
                plain(report.score_text(t.median)),
                plain(report.score_text(t.lowest)),
                plain(report.score_text(t.highest)),
                plain(report.score_text(t.spread)),
                plain(t.scored_by.to_string()),
            ]
        })
        .collect();
    blocks.push(Block::heading(2, w.themes_heading));
    blocks.push(table(Some(w.themes_caption), head, rows));
    blocks.push(Block::muted(w.method));
}

/// What the workshop agreed so far, question by question in the pack's
/// order, with the note of why: nothing when it agreed nothing.
fn agreed(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let Some(consensus) = report.agreements else {
        return;
    };
    let words = &report.locale.consensus;
    let items: Vec<Item> = report
        .pack
        .themes
        .iter()
        .flat_map(|t| &t.questions)
        .filter_map(|q| Some((q, consensus.get(&q.id)?)))
        .filter(|(_, a)| a.level.is_some() || !a.note.trim().is_empty())
        .map(|(q, a)| {
            let level = a.level.map_or(words.not_agreed.to_string(), |l| {
                fill(
                    words.recorded,
                    &[("level", &format!("{l} {}", report.pack.level_label(l)))],
                )
            });
            let mut text = vec![
                Inline::Strong(q.text.clone()),
                Inline::Break,
                Inline::Plain(level),
            ];
            if !a.note.trim().is_empty() {
                text.push(Inline::Break);
                text.push(Inline::Note(a.note.trim().to_string()));
            }
            Item {
                text,
                list: Vec::new(),
            }
        })
        .collect();
    if items.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, words.heading));
    blocks.push(Block::List(List {
        numbered: false,
        class: None,
        items,
    }));
}

fn disagreements(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    blocks.push(Block::heading(2, w.disagree_heading));
    blocks.push(Block::paragraph(w.disagree_intro));
    let items: Vec<Item> = report
        .partnership
        .disagreements
        .iter()
        .filter_map(|id| report.partnership.question(id))
        .map(|q| {
            let range = fill(
                w.answer_range,
                &[
                    ("lowest", report.pack.level_label(q.lowest().unwrap_or(1))),
                    ("highest", report.pack.level_label(q.highest().unwrap_or(5))),
                ],
            );
            Item {
                text: question_item(report, q, range),
                list: report.answer_groups(q).into_iter().map(plain).collect(),
            }
        })
        .collect();
    if items.is_empty() {
        blocks.push(Block::paragraph(w.no_disagreement));
    } else {
        blocks.push(Block::List(List {
            numbered: true,
            class: None,
            items,
        }));
    }
}

fn not_sure(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    blocks.push(Block::heading(2, w.not_sure_heading));
    blocks.push(Block::paragraph(w.not_sure_intro));
    if report.partnership.most_not_sure.is_empty() {
        blocks.push(Block::paragraph(w.no_not_sure));
        return;
    }
    let total = report.partnership.partners.len().to_string();
    blocks.push(Block::list(
        true,
        report
            .partnership
            .most_not_sure
            .iter()
            .filter_map(|id| report.partnership.question(id))
            .map(|q| {
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
                question_item(report, q, count)
            }),
    ));
}

fn unmatched(blocks: &mut Vec<Block>, report: &PartnershipReport) {
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
    blocks.push(Block::heading(2, w.unmatched_heading));
    blocks.push(Block::paragraph(w.unmatched_intro));
    for partner in partners {
        blocks.push(Block::heading(3, partner.name.as_str()));
        blocks.push(Block::list(
            false,
            partner.unmatched.iter().map(|u| {
                let mut item = unmatched_answer_text(report.pack, report.locale, u);
                item.push(partner_note(partner, &u.answer.note, report.locale));
                item
            }),
        ));
    }
}

/// Warnings from opening the files, except unknown questions (listed with
/// the unmatched answers above).
fn warnings(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let shown = |w: &&FileProblem| !matches!(w, FileProblem::UnknownQuestion { .. });
    let partners: Vec<&Partner> = report
        .partnership
        .partners
        .iter()
        .filter(|p| p.warnings.iter().any(|w| shown(&w)))
        .collect();
    if partners.is_empty() {
        return;
    }
    blocks.push(Block::heading(
        2,
        report.locale.partnership.warnings_heading,
    ));
    for partner in partners {
        blocks.push(Block::heading(3, partner.name.as_str()));
        blocks.push(Block::list(
            false,
            partner
                .warnings
                .iter()
                .filter(shown)
                .map(|w| report.locale.file_problem_text(report.pack, w)),
        ));
    }
}

fn answers(blocks: &mut Vec<Block>, report: &PartnershipReport) {
    let w = &report.locale.partnership;
    let r = &report.locale.report;
    blocks.push(Block::heading(2, w.answers_heading));
    let mut questions = report.partnership.questions.iter();
    for theme in &report.pack.themes {
        blocks.push(Block::heading(3, theme.title.as_str()));
        for (question, spread) in theme.questions.iter().zip(questions.by_ref()) {
            blocks.push(Block::heading(4, question.text.as_str()));
            let mut silent = Vec::new();
            let mut rows = Vec::new();
            for (partner, response) in report.partnership.partners.iter().zip(&spread.responses) {
                let note = partner.assessment.note(&question.id);
                if response.is_none() && note.trim().is_empty() {
                    silent.push(partner.name.as_str());
                    continue;
                }
                rows.push(vec![
                    plain(partner.name.as_str()),
                    plain(report.response_label(*response)),
                    vec![partner_note(partner, note, report.locale)],
                ]);
            }
            if !rows.is_empty() {
                let head = [w.partner, r.answer, r.note]
                    .iter()
                    .map(|h| (h.to_string(), false))
                    .collect();
                blocks.push(table(None, head, rows));
            }
            if !silent.is_empty() {
                blocks.push(Block::muted(fill(
                    w.no_answer_from,
                    &[("names", &silent.join(", "))],
                )));
            }
        }
    }
}

/// One row per partner per question, after a header row: partner, file,
/// theme, question id, question, level, answer and note.
pub fn csv(report: &PartnershipReport) -> String {
    let mut out = start(&report.locale.partnership.csv_headers);
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
    let failed = report
        .failed_files()
        .into_iter()
        .map(|(file_name, problem)| FailedOut { file_name, problem })
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

/// A partner's note, marked with the language its file was made in when
/// that is not the report's (a note typed in English, in a Welsh report).
fn partner_note(partner: &Partner, note: &str, locale: &Locale) -> Inline {
    match partner.language {
        Some(language) if language != locale.lang() => {
            Inline::NoteIn(note.to_string(), language.code())
        }
        _ => Inline::Note(note.to_string()),
    }
}
