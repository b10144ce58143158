//! Every word the user sees that is not in the content pack: buttons,
//! statuses, headings, messages. One table per language, so a Welsh version
//! follows by adding `content/locale.cy.json`.
//!
//! Fields are typed (a key missing from the table fails the build) and
//! grouped by where they appear. Templates use `{name}` placeholders, filled
//! by [`fill`].

use crate::model::content::{ContentPack, Nation};
use crate::model::file::FileProblem;
use crate::model::scoring::{Band, ThemeStatus};

// The types and the `EN` table, made by build.rs from
// content/locale.en.json: one struct per section (`Common`, `Bands`,
// `Statuses`, `FileMessages`, `Report`, `Ui`, `Compare`, `Partnership`,
// `Loader`: the words the page loaders in scripts/runtime show without the
// wasm, copied in by scripts/postbuild.mjs; `Plan`, `Consensus`), one
// `&'static str` per string. A key the code uses but the table lacks fails
// the build, naming the key.
include!(concat!(env!("OUT_DIR"), "/locale_tables.rs"));

impl Locale {
    pub fn english() -> Locale {
        EN
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
    ) -> Option<String> {
        use crate::model::assessment::Response;
        let earlier = pack
            .earlier_questions
            .iter()
            .rfind(|e| e.id == question_id && e.change == crate::model::content::Change::Meaning);
        match (kept?, earlier) {
            (Response::Level(level), Some(earlier)) => Some(fill(
                self.ui.earlier_answer,
                &[
                    ("level", &format!("{level} {}", pack.level_label(level))),
                    ("wording", earlier.levels.for_level(level)),
                ],
            )),
            _ => Some(self.ui.earlier_answer_other.to_string()),
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
                &[
                    ("question", question.as_deref().unwrap_or(question_id)),
                    ("value", value),
                ],
            ),
            FileProblem::UnknownQuestion {
                question_id,
                question: None,
                ..
            } => fill(m.unknown_question, &[("question", question_id)]),
            FileProblem::UnknownQuestion {
                question: Some(question),
                replacement,
                ..
            } => {
                let removed = fill(m.removed_question, &[("question", question)]);
                match replacement {
                    Some(replacement) => format!(
                        "{removed} {}",
                        fill(m.replaced_by, &[("question", replacement)])
                    ),
                    None => removed,
                }
            }
            FileProblem::RewordedQuestion { earlier, now, .. } => fill(
                m.reworded_question,
                &[("earlier", earlier), ("question", now)],
            ),
            FileProblem::ChangedMeaning {
                question, answered, ..
            } => match answered {
                Some(answered) => fill(
                    m.changed_meaning,
                    &[("question", question), ("answered", answered)],
                ),
                None => fill(m.changed_meaning_not_sure, &[("question", question)]),
            },
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
                &[("question", question.as_deref().unwrap_or(question_id))],
            ),
            FileProblem::PlanTooLong {
                question_id,
                question,
                field,
                limit,
                length,
            } => fill(
                self.plan.file_too_long,
                &[
                    (
                        "field",
                        if field == "owner" {
                            self.plan.owner_lower
                        } else {
                            self.plan.note_lower
                        },
                    ),
                    ("question", question.as_deref().unwrap_or(question_id)),
                    ("limit", &limit.to_string()),
                    ("length", &length.to_string()),
                ],
            ),
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
                &[
                    ("question", question.as_deref().unwrap_or(question_id)),
                    ("value", value),
                ],
            ),
        }
    }
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
        } else if over {
            match length - limit {
                1 => f.over_one.to_string(),
                n => fill(f.over, &[("count", &whole_number(n))]),
            }
        } else {
            match limit - length {
                1 => f.left_one.to_string(),
                n => fill(f.left, &[("count", &whole_number(n))]),
            }
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

/// A whole number with commas between thousands, as GOV.UK writes them:
/// 4,000 and 20,000.
pub fn whole_number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Replaces each `{name}` in `template` with its value. Values are inserted
/// as they are: escaping is the renderer's job.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template, so a value that happens to contain
    // "{name}" is never filled in itself.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
