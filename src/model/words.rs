//! What the words say about the domain: the labels of bands, statuses,
//! answers and scores, messages about files and fields, and the wording of
//! themes, questions and guidance links. The table itself is in `locale`;
//! the screens and every report take their words from here, so each label
//! is worded once.

use crate::model::assessment::Response;
use crate::model::content::{AppliesIn, ContentPack, Nation};
use crate::model::document::{plain, words_of, Inline, Text};
use crate::model::file::FileProblem;
use crate::model::locale::{fill, fill_each, whole_number, Language, Locale, Part};
use crate::model::pack_limits::{PackLimit, MAX_PACK_BYTES, MAX_PACK_QUESTIONS};
use crate::model::scoring::{Band, Score, ThemeStatus};

impl Locale {
    /// Why a partner's pack was refused before it was read.
    pub fn pack_limit(&self, source: &str, limit: PackLimit) -> String {
        let ui = &self.ui;
        match limit {
            PackLimit::TooLarge { bytes } => fill(
                ui.partner_pack_too_large,
                &[
                    ("source", source),
                    ("size", &bytes.div_ceil(1024).to_string()),
                    ("limit", &(MAX_PACK_BYTES / 1024).to_string()),
                ],
            ),
            PackLimit::TooManyQuestions { questions } => fill(
                ui.partner_pack_too_many_questions,
                &[
                    ("source", source),
                    ("count", &questions.to_string()),
                    ("limit", &MAX_PACK_QUESTIONS.to_string()),
                ],
            ),
        }
    }

    /// A partner's pack could not be fetched: its address and the reason.
    pub fn pack_not_fetched(&self, source: &str, reason: &str) -> String {
        format!("{source}: {reason}")
    }

    pub fn band(&self, band: Band) -> &str {
        match band {
            Band::StartingOut => self.bands.starting_out,
            Band::MakingProgress => self.bands.making_progress,
            Band::WellOnTheWay => self.bands.well_on_the_way,
            Band::ReadyAndImproving => self.bands.ready_and_improving,
        }
    }

    /// What someone answered before a question's levels changed meaning,
    /// asking them to answer again; `None` if nothing is kept aside for it.
    pub fn earlier_answer(
        &self,
        pack: &ContentPack,
        question_id: &str,
        kept: Option<crate::model::assessment::Response>,
    ) -> Option<Text> {
        use crate::model::assessment::Response;
        let earlier = pack
            .earlier_questions
            .iter()
            .rfind(|e| e.id == question_id && e.change == crate::model::content::Change::Meaning);
        match (kept?, earlier) {
            (Response::Level(level), Some(earlier)) => Some(fill_text(
                self.ui.earlier_answer,
                &[
                    (
                        "level",
                        Inline::Plain(format!("{level} {}", pack.level_label(level))),
                    ),
                    ("wording", self.earlier(earlier.levels.for_level(level))),
                ],
            )),
            _ => Some(plain(self.ui.earlier_answer_other)),
        }
    }

    /// Which version of the app, the questions and the file format made
    /// something: "Ready to Share 3.0.0, questions version 3.0.0, file
    /// format 2."
    pub fn versions(&self, pack: &ContentPack) -> String {
        fill(
            self.report.versions,
            &[
                ("app", crate::model::file::APP_VERSION),
                ("pack", &pack.version),
                ("format", &crate::model::file::FORMAT_VERSION.to_string()),
            ],
        )
    }

    /// Where a partnership works, in words; empty when not said.
    pub fn nation(&self, nation: Nation) -> &str {
        match nation {
            Nation::NotSaid => "",
            Nation::England => self.ui.nation_england,
            Nation::Wales => self.ui.nation_wales,
            Nation::Both => self.ui.nation_both,
        }
    }

    pub fn band_means(&self, band: Band) -> &str {
        match band {
            Band::StartingOut => self.bands.starting_out_means,
            Band::MakingProgress => self.bands.making_progress_means,
            Band::WellOnTheWay => self.bands.well_on_the_way_means,
            Band::ReadyAndImproving => self.bands.ready_and_improving_means,
        }
    }

    pub fn status(&self, status: ThemeStatus) -> &str {
        match status {
            ThemeStatus::NotStarted => self.statuses.not_started,
            ThemeStatus::InProgress => self.statuses.in_progress,
            ThemeStatus::Completed => self.statuses.completed,
        }
    }

    /// A date in words, for example "22 November 2026", from its parts
    /// (month 1 to 12).
    pub fn date_in_words(&self, year: u32, month: u32, day: u32) -> String {
        let month_name = usize::try_from(month)
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|m| self.common.months.get(m))
            .map_or_else(|| month.to_string(), |name| name.to_string());
        fill(
            self.common.date,
            &[
                ("day", &day.to_string()),
                ("month", &month_name),
                ("year", &year.to_string()),
            ],
        )
    }

    /// The document title for a screen whose heading is `page`, with
    /// "Error: " first when the screen shows an error (the GOV.UK pattern).
    pub fn page_title(&self, page: &str, error: bool) -> String {
        let title = fill(
            self.ui.page_title,
            &[("page", page.trim()), ("product", self.common.product_name)],
        );
        if error {
            fill(self.ui.page_title_error, &[("title", &title)])
        } else {
            title
        }
    }

    /// The technical detail behind a problem, if any, for a disclosure
    /// beside the plain message (never in the message itself).
    pub fn file_problem_detail<'p>(&self, problem: &'p FileProblem) -> Option<&'p str> {
        match problem {
            FileProblem::NotJson { detail } if !detail.trim().is_empty() => Some(detail),
            _ => None,
        }
    }

    /// A problem with a file, as a sentence for the user, naming a question
    /// the pack has by its wording when the file reader could not.
    pub fn file_problem_in(&self, pack: &ContentPack, problem: &FileProblem) -> String {
        match problem {
            FileProblem::LevelOutOfRange {
                question_id,
                question: None,
                value,
            } => {
                let question = pack
                    .question(question_id)
                    .map_or(question_id.as_str(), |(_, q)| q.text.as_str());
                fill(
                    self.file.level_out_of_range,
                    &[("question", question), ("value", value)],
                )
            }
            _ => self.file_problem(problem),
        }
    }

    /// A problem with a file, as a sentence for the user. Technical detail
    /// (a parser's message) is left out: see [`Locale::file_problem_detail`].
    pub fn file_problem(&self, problem: &FileProblem) -> String {
        let m = &self.file;
        match problem {
            FileProblem::TooLarge { bytes } => fill(
                m.too_large,
                &[("size", &format!("{}", bytes.div_ceil(1024)))],
            ),
            FileProblem::NotJson { detail } => fill(m.not_json, &[("detail", detail)]),
            FileProblem::NotOurs => m.not_ours.to_string(),
            FileProblem::NewerFormat { version } => {
                fill(m.newer_format, &[("version", &version.to_string())])
            }
            FileProblem::Malformed { field } => fill(m.malformed, &[("field", field)]),
            FileProblem::LevelOutOfRange {
                question_id,
                question,
                value,
            } => fill(
                m.level_out_of_range,
                &[("question", named(question, question_id)), ("value", value)],
            ),
            FileProblem::UnknownQuestion {
                question_id,
                question: None,
                ..
            } => fill(m.unknown_question, &[("question", question_id)]),
            FileProblem::UnknownQuestion {
                question: Some(_), ..
            }
            | FileProblem::RewordedQuestion { .. }
            | FileProblem::ChangedMeaning { .. } => words_of(&self.quoting_earlier(problem)),
            FileProblem::UnknownPolicyArea { policy_area_id } => {
                fill(m.unknown_policy_area, &[("id", policy_area_id)])
            }
            FileProblem::UnknownNation { nation } => fill(m.unknown_nation, &[("nation", nation)]),
            FileProblem::OtherPack { pack_id } => fill(m.other_pack, &[("pack", pack_id)]),
            FileProblem::OtherPackVersion { version } => {
                fill(m.other_pack_version, &[("version", version)])
            }
            FileProblem::DamagedText { field } => fill(m.damaged_text, &[("field", field)]),
            FileProblem::PlanActionNotInPack {
                question_id,
                question,
            } => fill(
                self.plan.file_not_in_pack,
                &[("question", named(question, question_id))],
            ),
            FileProblem::PlanTooLong {
                question_id,
                question,
                field,
                limit,
                length,
            } => self.plan_too_long(named(question, question_id), field, *limit, *length),
            FileProblem::PlanEntriesLeftOut { kept, left_out } => {
                left_out_text(self.plan.file_left_out, *kept, *left_out)
            }
            FileProblem::SetAsideLeftOut { kept, left_out } => {
                left_out_text(m.set_aside_left_out, *kept, *left_out)
            }
            FileProblem::PlanTargetNotMonth {
                question_id,
                question,
                value,
            } => fill(
                self.plan.file_not_a_month,
                &[("question", named(question, question_id)), ("value", value)],
            ),
        }
    }

    /// A problem with a file as text for the screens and the reports: the
    /// sentence [`Locale::file_problem_in`] gives, with a question's
    /// earlier wording quoted in it marked with its language.
    pub fn file_problem_text(&self, pack: &ContentPack, problem: &FileProblem) -> Text {
        let quoting = self.quoting_earlier(problem);
        if quoting.is_empty() {
            plain(self.file_problem_in(pack, problem))
        } else {
            quoting
        }
    }

    /// A problem that quotes a question's earlier wording (reworded,
    /// removed, or its levels changed meaning), as text; empty for any
    /// other problem. The question that replaced it is in this language.
    fn quoting_earlier(&self, problem: &FileProblem) -> Text {
        let m = &self.file;
        let now = |text: &str| Inline::Plain(text.to_string());
        match problem {
            FileProblem::RewordedQuestion {
                earlier, now: q, ..
            } => fill_text(
                m.reworded_question,
                &[("earlier", self.earlier(earlier)), ("question", now(q))],
            ),
            FileProblem::ChangedMeaning {
                question,
                answered: Some(answered),
                ..
            } => fill_text(
                m.changed_meaning,
                &[
                    ("question", self.earlier(question)),
                    ("answered", self.earlier(answered)),
                ],
            ),
            FileProblem::ChangedMeaning { question, .. } => fill_text(
                m.changed_meaning_not_sure,
                &[("question", self.earlier(question))],
            ),
            FileProblem::UnknownQuestion {
                question: Some(question),
                replacement,
                ..
            } => {
                let mut text =
                    fill_text(m.removed_question, &[("question", self.earlier(question))]);
                if let Some(replacement) = replacement {
                    text.push(now(" "));
                    text.extend(fill_text(m.replaced_by, &[("question", now(replacement))]));
                }
                text
            }
            _ => Vec::new(),
        }
    }

    /// A question named in a sentence in this language: by the pack's
    /// wording, or for one the pack no longer asks by its earlier wording
    /// (marked as English, see [`Locale::earlier`]), or else by its id.
    pub fn question_in_sentence(&self, pack: &ContentPack, question_id: &str) -> Inline {
        match (
            pack.question(question_id),
            pack.earlier_question(question_id),
        ) {
            (Some((_, question)), _) => Inline::Plain(question.text.clone()),
            (None, Some(earlier)) => self.earlier(&earlier.text),
            (None, None) => Inline::Plain(question_id.to_string()),
        }
    }

    /// A question's earlier wording, or an earlier level's: the pack's
    /// earlier questions are in English only (`languages::read_language`
    /// keeps the built-in ones), so in another language it is marked as
    /// English for screen readers.
    fn earlier(&self, wording: &str) -> Inline {
        match self.lang() {
            Language::English => Inline::Plain(wording.to_string()),
            _ => Inline::In(wording.to_string(), Language::English.code()),
        }
    }

    /// A plan entry's owner or note longer than a file may hold: which
    /// field (in lower case, mid-sentence), the action's question, the
    /// limit and the length.
    fn plan_too_long(&self, question: &str, field: &str, limit: usize, length: usize) -> String {
        let field = if field == "owner" {
            self.plan.owner_lower
        } else {
            self.plan.note_lower
        };
        fill(
            self.plan.file_too_long,
            &[
                ("field", field),
                ("question", question),
                ("limit", &limit.to_string()),
                ("length", &length.to_string()),
            ],
        )
    }
}

/// How a problem names a question: by the wording the file reader found,
/// or else by its id.
fn named<'a>(question: &'a Option<String>, question_id: &'a str) -> &'a str {
    question.as_deref().unwrap_or(question_id)
}

/// A message about things left out of a file: how many it had, how many
/// were kept and how many left out.
fn left_out_text(template: &str, kept: usize, left_out: usize) -> String {
    fill(
        template,
        &[
            ("total", &whole_number(kept + left_out)),
            ("kept", &whole_number(kept)),
            ("left_out", &whole_number(left_out)),
        ],
    )
}

/// What a character count under a field says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharacterCount {
    pub text: String,
    /// Shown on screen from three quarters of the limit; below that it is
    /// only in the field's description, so 46 notes do not each carry a
    /// visible count nobody is near.
    pub visible: bool,
    /// More than the limit: nothing is saved until it is shortened.
    pub over: bool,
}

impl Locale {
    /// The count for `length` characters against `limit`.
    pub fn character_count(&self, length: usize, limit: usize) -> CharacterCount {
        let f = &self.fields;
        let visible = length.saturating_mul(4) >= limit.saturating_mul(3);
        let over = length > limit;
        let text = if !visible {
            fill(f.up_to, &[("limit", &whole_number(limit))])
        } else {
            let (plural, n) = if over {
                (f.over, length - limit)
            } else {
                (f.left, limit - length)
            };
            fill(self.plural(plural, n), &[("count", &whole_number(n))])
        };
        CharacterCount {
            text,
            visible,
            over,
        }
    }

    /// "Your note must be 4,000 characters or fewer. You have 4,012. ..."
    pub fn too_long(&self, field: &str, length: usize, limit: usize) -> String {
        fill(
            self.fields.too_long,
            &[
                ("field", field),
                ("limit", &whole_number(limit)),
                ("length", &whole_number(length)),
            ],
        )
    }
}

/// A theme's title, or its id if the pack does not have it.
pub fn theme_title<'b>(pack: &'b ContentPack, theme_id: &'b str) -> &'b str {
    pack.theme(theme_id).map_or(theme_id, |t| t.title.as_str())
}

/// A question's text, or its id if the pack does not have it.
/// The question's wording: as the pack asks it now, or as an earlier version
/// asked it, or (for a question the pack has never known) its id.
pub fn question_text<'b>(pack: &'b ContentPack, question_id: &'b str) -> &'b str {
    pack.question(question_id)
        .map(|(_, q)| q.text.as_str())
        .or_else(|| pack.earlier_question(question_id).map(|e| e.text.as_str()))
        .unwrap_or(question_id)
}

/// "Developing" or "Not sure" or "Not answered".
pub fn response_label<'b>(
    pack: &'b ContentPack,
    locale: &'b Locale,
    response: Option<Response>,
) -> &'b str {
    match response {
        Some(Response::Level(level)) => pack.level_label(level),
        Some(Response::NotSure) => locale.common.not_sure,
        None => locale.common.not_answered,
    }
}

/// A guidance item as a priority action shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideLink<'a> {
    pub title: &'a str,
    /// One of the pack's checked http(s) addresses.
    pub url: &'a str,
    /// Who published it, and when: "Information Commissioner's Office, 2021".
    pub about: String,
}

/// An overall score out of 100 as [`Score::rounded_in_band`] shows it, or
/// "No score yet".
pub fn overall_text(locale: &Locale, score: Option<Score>) -> String {
    score.map_or_else(
        || locale.common.no_score.to_string(),
        |s| s.rounded_in_band().to_string(),
    )
}

/// The guidance items with these ids that the pack has, in the order given.
pub fn guide_links<'a>(
    pack: &'a ContentPack,
    locale: &Locale,
    ids: &[String],
) -> Vec<GuideLink<'a>> {
    ids.iter()
        .filter_map(|id| pack.guide(id))
        .map(|guide| GuideLink {
            title: &guide.title,
            url: &guide.url,
            about: fill(
                match guide.applies_in {
                    AppliesIn::Uk => locale.report.guide_about,
                    AppliesIn::England => locale.report.guide_about_england,
                    AppliesIn::Wales => locale.report.guide_about_wales,
                },
                &[
                    ("publisher", &guide.publisher),
                    ("published", &guide.published),
                ],
            ),
        })
        .collect()
}

/// A score out of 100, rounded to a whole number to be shown, or "No score
/// yet".
pub fn score_text(locale: &Locale, score: Option<Score>) -> String {
    score.map_or_else(
        || locale.common.no_score.to_string(),
        |s| s.rounded().to_string(),
    )
}

/// `template` filled as [`fill`] fills it, each value an inline part of its
/// own, so a value can carry its language.
pub fn fill_text(template: &str, values: &[(&str, Inline)]) -> Text {
    let mut text = Vec::new();
    fill_each(template, values, |part| match part {
        Part::Words("") => {}
        Part::Words(words) => text.push(Inline::Plain(words.to_string())),
        Part::Value(value) => text.push(value.clone()),
    });
    text
}
