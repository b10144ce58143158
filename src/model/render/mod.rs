//! Reports as pure functions of the model: the document the summary screen
//! draws and the downloads render (a self-contained HTML report, Markdown,
//! CSV and, in `model::file`, the JSON assessment file), and the words they
//! share.
//!
//! The summary is built once as a [`Document`] from a [`SummaryReport`]
//! (`summary::document`); `html` and `markdown` render any document, and the
//! screen renders the same one. The words shared between the sections are
//! made here once. CSV stays a table writer (`csv`).

pub mod compare;
pub mod csv;
pub mod csv_encoding;
pub mod html;
pub mod markdown;
pub mod partnership;
pub mod plan;
pub mod summary;

use std::rc::Rc;

use crate::model::assessment::{Assessment, Response};
use crate::model::compare::UnmatchedAnswer;
use crate::model::compare::{compare, Comparison};
use crate::model::content::{ContentPack, Nation};
use crate::model::document::{Block, Document, Inline, List, Style, Text};
use crate::model::locale::{fill, Language, Locale};
use crate::model::scoring::Score;
use crate::model::summary::{summarise, MatchReason, MatchedCaseStudy, Summary};
use crate::model::words::{
    fill_text, guide_links, overall_text, question_text, response_label, score_text, theme_title,
    GuideLink,
};

/// Everything the summary's document needs.
pub struct SummaryReport<'a> {
    pub pack: &'a ContentPack,
    pub locale: &'a Locale,
    pub assessment: &'a Assessment,
    /// Worked out once per change to the answers and shared: the screen,
    /// its plan and the downloads all read the same one.
    pub summary: Rc<Summary>,
    /// The date the report was made, as the user should read it.
    pub date: &'a str,
    /// What changed since an earlier assessment, when one was given: every
    /// renderer then adds it (see [`SummaryReport::with_comparison`]).
    pub comparison: Option<Comparison>,
}

impl<'a> SummaryReport<'a> {
    pub fn new(
        pack: &'a ContentPack,
        locale: &'a Locale,
        assessment: &'a Assessment,
        date: &'a str,
    ) -> SummaryReport<'a> {
        Self::with_summary(
            pack,
            locale,
            assessment,
            Rc::new(summarise(pack, assessment)),
            date,
        )
    }

    /// The report of a summary already worked out for `assessment`.
    pub fn with_summary(
        pack: &'a ContentPack,
        locale: &'a Locale,
        assessment: &'a Assessment,
        summary: Rc<Summary>,
        date: &'a str,
    ) -> SummaryReport<'a> {
        SummaryReport {
            pack,
            locale,
            assessment,
            summary,
            date,
            comparison: None,
        }
    }

    /// The same report, compared with an earlier assessment (read against
    /// the same pack).
    pub fn with_comparison(mut self, earlier: &Assessment) -> Self {
        self.comparison = Some(compare(self.pack, earlier, self.assessment));
        self
    }

    pub fn title(&self) -> String {
        let area = self.assessment.context.area.trim();
        if area.is_empty() {
            self.locale.report.title.to_string()
        } else {
            fill(self.locale.report.title_for_area, &[("area", area)])
        }
    }

    pub fn generated(&self) -> String {
        fill(self.locale.report.generated, &[("date", self.date)])
    }

    pub fn theme_title<'b>(&'b self, theme_id: &'b str) -> &'b str {
        theme_title(self.pack, theme_id)
    }

    pub fn question_text<'b>(&'b self, question_id: &'b str) -> &'b str {
        question_text(self.pack, question_id)
    }

    /// "Developing" or "Not sure" or "Not answered".
    pub fn response_label(&self, response: Option<Response>) -> &str {
        response_label(self.pack, self.locale, response)
    }

    pub fn score_text(&self, score: Option<Score>) -> String {
        score_text(self.locale, score)
    }

    /// An overall score, which never rounds up into a band it is not in.
    pub fn overall_text(&self, score: Option<Score>) -> String {
        overall_text(self.locale, score)
    }

    pub fn policy_area_labels(&self) -> Vec<&str> {
        self.assessment
            .context
            .policy_areas
            .iter()
            .filter_map(|id| self.pack.policy_area_label(id))
            .collect()
    }

    pub fn reason_text(&self, reason: &MatchReason) -> String {
        match reason {
            MatchReason::WeakTheme { theme_id } => fill(
                self.locale.report.reason_weak_theme,
                &[("theme", self.theme_title(theme_id))],
            ),
            MatchReason::PolicyArea { policy_area_id } => fill(
                self.locale.report.reason_policy_area,
                &[(
                    "area",
                    self.pack
                        .policy_area_label(policy_area_id)
                        .unwrap_or(policy_area_id),
                )],
            ),
        }
    }

    /// "Because you answered "Emerging" to: <question>".
    pub fn action_because(&self, question_id: &str, level: u8) -> String {
        fill(
            self.locale.report.action_because,
            &[
                ("level", self.pack.level_label(level)),
                ("question", self.question_text(question_id)),
            ],
        )
    }

    /// The guidance items with these ids that the pack has, in the order
    /// given: what each priority action links to.
    pub fn guides(&self, ids: &[String]) -> Vec<GuideLink<'_>> {
        guide_links(self.pack, self.locale, ids)
    }

    pub fn find_out_text(&self, question_id: &str) -> String {
        fill(
            self.locale.report.find_out_action,
            &[("question", self.question_text(question_id))],
        )
    }

    /// Which guidance the actions show, when the partnership has said where
    /// it works.
    pub fn guidance_scope(&self) -> Option<String> {
        let r = &self.locale.report;
        match self.assessment.context.nation {
            Nation::NotSaid => None,
            Nation::Both => Some(r.guidance_for_both.to_string()),
            nation => Some(fill(
                r.guidance_for_nation,
                &[("nation", self.locale.nation(nation))],
            )),
        }
    }

    /// The context fields that have a value, as (label, lines) pairs. Each
    /// partner organisation and each policy area is a line of its own, as
    /// the About page asks for them, so none run together.
    pub fn context_rows(&self) -> Vec<(&str, Vec<String>)> {
        let r = &self.locale.report;
        let c = &self.assessment.context;
        let one = |text: &str| vec![text.trim().to_string()];
        let partners = c
            .partners
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect();
        let areas = self
            .policy_area_labels()
            .into_iter()
            .map(|a| a.to_string())
            .collect();
        [
            (r.area, one(&c.area)),
            (r.organisation, one(&c.organisation)),
            (r.partners, partners),
            (r.nation, one(self.locale.nation(c.nation))),
            (r.policy_areas, areas),
        ]
        .into_iter()
        .map(|(label, lines)| {
            (
                label,
                lines
                    .into_iter()
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
    }
}

/// A file name from the area name and the date, safe on every system:
/// `ready-to-share-bath-and-north-east-somerset-2026-11-22.html`.
pub fn file_name(area: &str, date: &str, extension: &str) -> String {
    let mut slug = String::new();
    for ch in area
        .chars()
        .flat_map(char::to_lowercase)
        .map(without_accent)
    {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let mut parts = vec!["ready-to-share"];
    if !slug.is_empty() {
        parts.push(slug);
    }
    if !date.is_empty() {
        parts.push(&date);
    }
    format!("{}.{extension}", parts.join("-"))
}

/// A lower-case letter without its accent, so a file name keeps "Ynys Môn"
/// readable as `ynys-mon` (Welsh's circumflex, acute, grave and diaeresis,
/// and the other accented letters of Latin-1); other letters as they are.
fn without_accent(ch: char) -> char {
    match ch {
        'à'..='å' | 'ā' => 'a',
        'ç' => 'c',
        'è'..='ë' | 'ē' => 'e',
        'ì'..='ï' | 'ī' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' | 'ō' => 'o',
        'ù'..='ü' | 'ū' => 'u',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' => 'y',
        other => other,
    }
}

/// The matched case studies under their heading: a link to each, where it
/// comes from, its summary and why it was chosen. Shared by the summary and
/// the partnership reports.
pub fn case_study_blocks(
    pack: &ContentPack,
    locale: &Locale,
    (heading, none): (&str, &str),
    matches: &[MatchedCaseStudy],
    reason_text: impl Fn(&MatchReason) -> String,
) -> Vec<Block> {
    let mut blocks = vec![Block::heading(2, heading)];
    if matches.is_empty() {
        blocks.push(Block::paragraph(none));
        return blocks;
    }
    let items = matches.iter().filter_map(|m| {
        let study = pack.case_studies.iter().find(|c| c.id == m.case_study_id)?;
        let reasons: Vec<String> = m.reasons.iter().map(&reason_text).collect();
        Some(vec![
            Inline::Link {
                text: study.title.clone(),
                href: study.url.clone(),
            },
            Inline::Plain(english_only(locale)),
            Inline::Aside(format!("{}; {}", study.place, study.source)),
            Inline::Break,
            Inline::Plain(study.summary.clone()),
            Inline::SoftBreak,
            Inline::Secondary(reasons.join(" ")),
        ])
    });
    blocks.push(Block::List(
        List::new(false, items).class("rts-case-studies"),
    ));
    blocks
}

/// An answer to a question the pack no longer asks, as the comparison and
/// the partnership report list it: the question by its earlier wording
/// (marked as English in another language), and the answer given.
pub fn unmatched_answer_text(
    pack: &ContentPack,
    locale: &Locale,
    unmatched: &UnmatchedAnswer,
) -> Text {
    let answer = response_label(pack, locale, unmatched.answer.response);
    fill_text(
        locale.compare.unmatched_item,
        &[
            (
                "question",
                locale.question_in_sentence(pack, &unmatched.question_id),
            ),
            ("answer", Inline::Plain(answer.to_string())),
        ],
    )
}

/// Text, a space and secondary text in brackets: "Question (Theme:
/// Developing)".
pub fn with_aside(text: impl Into<String>, aside: impl Into<String>) -> Text {
    vec![
        Inline::Plain(text.into()),
        Inline::Plain(" ".into()),
        Inline::Aside(aside.into()),
    ]
}

/// "Guidance:" and a link to each guidance item, with its publisher and
/// year, after a line break; nothing when there is none.
pub fn guide_inlines(pack: &ContentPack, locale: &Locale, ids: &[String]) -> Text {
    let guides = guide_links(pack, locale, ids);
    if guides.is_empty() {
        return Vec::new();
    }
    let mut text = vec![
        Inline::SoftBreak,
        Inline::Plain(locale.report.guidance_label.to_string()),
    ];
    for (i, g) in guides.iter().enumerate() {
        text.push(Inline::Plain(if i == 0 { " " } else { "; " }.into()));
        text.push(Inline::Link {
            text: g.title.to_string(),
            href: g.url.to_string(),
        });
        text.push(Inline::Plain(english_only(locale)));
        text.push(Inline::Aside(g.about.clone()));
    }
    text
}

/// After a link to a page that is only in English, in another language: its
/// table's marker (" (Saesneg) "); in English, a space. Every page the
/// packs link to is in English.
fn english_only(locale: &Locale) -> String {
    if locale.lang() == Language::English {
        " ".to_string()
    } else {
        format!(" {} ", locale.language_nav.english_only)
    }
}

/// A document with the page title, the date it was made and its blocks. In
/// a language whose translation is not yet reviewed, it says so first.
pub fn document(
    pack: &ContentPack,
    locale: &Locale,
    title: String,
    wide: bool,
    mut blocks: Vec<Block>,
) -> Document {
    if locale.lang() != Language::English && !crate::model::languages::WELSH_REVIEWED {
        blocks.insert(
            0,
            Block::Paragraph {
                style: Style::Status,
                text: vec![Inline::Strong(locale.report.draft_notice.to_string())],
            },
        );
    }
    Document {
        title,
        language: pack.language.clone(),
        wide,
        blocks,
    }
}
