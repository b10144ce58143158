//! Every word the user sees that is not in the content pack: buttons,
//! statuses, headings, messages. One table per language, so a Welsh version
//! follows by adding `content/locale.cy.json`.
//!
//! Fields are typed (a missing key fails the locale test, not the user) and
//! grouped by where they appear. Templates use `{name}` placeholders, filled
//! by [`fill`].

use serde::Deserialize;

use crate::model::file::FileProblem;
use crate::model::scoring::{Band, ThemeStatus};

pub const ENGLISH: &str = include_str!("../../content/locale.en.json");

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    pub language: String,
    pub common: Common,
    pub bands: Bands,
    pub statuses: Statuses,
    pub file: FileMessages,
    pub report: Report,
    pub ui: Ui,
    pub compare: Compare,
    pub partnership: Partnership,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Common {
    pub product_name: String,
    pub not_sure: String,
    pub not_answered: String,
    pub no_score: String,
    pub level_n: String,
    pub opens_in_new_tab: String,
    /// Month names, January first, for dates in words.
    pub months: Vec<String>,
    /// A date in words, for example "{day} {month} {year}".
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    pub starting_out: String,
    pub making_progress: String,
    pub well_on_the_way: String,
    pub ready_and_improving: String,
    pub starting_out_means: String,
    pub making_progress_means: String,
    pub well_on_the_way_means: String,
    pub ready_and_improving_means: String,
    /// How the score and band are worked out, in one short paragraph.
    pub method: String,
    pub not_yet: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statuses {
    pub not_started: String,
    pub in_progress: String,
    pub completed: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileMessages {
    pub too_large: String,
    pub not_json: String,
    pub not_ours: String,
    pub newer_format: String,
    pub malformed: String,
    pub level_out_of_range: String,
    pub unknown_question: String,
    pub unknown_policy_area: String,
    pub other_pack: String,
    pub other_pack_version: String,
    pub removed_question: String,
    pub replaced_by: String,
    pub reworded_question: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub title: String,
    pub title_for_area: String,
    pub generated: String,
    pub about_heading: String,
    pub area: String,
    pub organisation: String,
    pub partners: String,
    pub policy_areas: String,
    pub profile_heading: String,
    pub chart_title: String,
    pub theme: String,
    pub score: String,
    pub answered: String,
    pub not_sure: String,
    pub unanswered: String,
    pub overall_heading: String,
    pub overall_score: String,
    pub strengths_heading: String,
    pub no_strengths: String,
    pub actions_heading: String,
    pub no_actions: String,
    pub action_because: String,
    pub find_out_heading: String,
    pub find_out_action: String,
    pub case_studies_heading: String,
    pub no_case_studies: String,
    pub reason_weak_theme: String,
    pub reason_policy_area: String,
    pub story_heading: String,
    pub answers_heading: String,
    pub question: String,
    pub answer: String,
    pub note: String,
    pub privacy: String,
    pub csv_headers: Vec<String>,
    pub guidance_label: String,
    pub guide_about: String,
}

/// Words on the screens, from the start page to the downloads.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    pub back: String,
    pub cancel: String,
    pub change: String,
    pub continue_button: String,
    pub save_and_continue: String,
    pub return_to_tasks: String,
    pub see_summary: String,
    pub optional: String,
    pub or: String,
    pub not_given: String,
    pub error_summary_title: String,
    pub start_privacy: String,
    pub start_button: String,
    pub start_saved_heading: String,
    pub start_saved_body: String,
    pub start_continue: String,
    pub start_again: String,
    pub start_again_warning: String,
    pub start_again_download: String,
    pub start_again_confirm: String,
    pub open_heading: String,
    pub open_label: String,
    pub open_hint: String,
    pub open_replaces: String,
    pub about_heading: String,
    pub about_intro: String,
    pub about_area: String,
    pub about_area_hint: String,
    pub about_organisation: String,
    pub about_organisation_hint: String,
    pub about_partners: String,
    pub about_partners_hint: String,
    pub about_policy_areas: String,
    pub about_policy_areas_hint: String,
    pub tasks_heading: String,
    pub tasks_progress: String,
    pub tasks_any_order: String,
    pub tasks_prepare: String,
    pub tasks_themes: String,
    pub tasks_finish: String,
    pub tasks_theme_count: String,
    pub theme_position: String,
    pub theme_answered: String,
    pub theme_saved_hint: String,
    pub question_number: String,
    pub not_sure_hint: String,
    pub clear_answer: String,
    pub note_label: String,
    pub note_hint: String,
    pub note_short: String,
    pub check_heading: String,
    pub story_heading: String,
    pub story_intro: Vec<String>,
    pub story_label: String,
    pub story_hint: String,
    pub how_worked_out: String,
    pub downloads_heading: String,
    pub downloads_intro: String,
    pub download_html: String,
    pub download_html_hint: String,
    pub download_markdown: String,
    pub download_markdown_hint: String,
    pub download_csv: String,
    pub download_csv_hint: String,
    pub download_json: String,
    pub download_json_hint: String,
    pub print: String,
    pub storage_blocked: String,
    pub storage_full: String,
    pub progress_unreadable: String,
    pub opened_with_warnings: String,
    pub update_ready: String,
    pub update_now: String,
    pub partner_pack_failed: String,
    pub offline_heading: String,
    pub offline_body: String,
    pub offline_link: String,
    pub download_answers: String,
    pub from_other_tab: String,
    pub crashed_title: String,
    pub crashed_body: String,
    pub crashed_download: String,
    pub copy_answers: String,
    pub copy_answers_label: String,
    pub privacy_heading: String,
    pub privacy_points: Vec<String>,
    pub partnership_heading: String,
    pub partnership_body: String,
    pub partnership_button: String,
    pub partnership_files_label: String,
    pub partnership_files_hint: String,
    pub partnership_add_more: String,
    pub partnership_anonymise: String,
    pub partnership_clear: String,
    pub partnership_downloads_intro: String,
    pub partnership_download_html: String,
    pub partnership_download_csv: String,
    pub partnership_download_json: String,
    pub partnership_opened: String,
    pub compare_heading: String,
    pub compare_body: String,
    pub compare_label: String,
    pub compare_hint: String,
    pub compare_remove: String,
}

/// Words for comparing an assessment with an earlier one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Compare {
    pub heading: String,
    pub intro: String,
    pub intro_undated: String,
    pub no_changes: String,
    pub table_caption: String,
    pub then: String,
    pub now: String,
    pub change: String,
    pub overall: String,
    pub score_with_band: String,
    pub up: String,
    pub down: String,
    pub same: String,
    pub newly_scored: String,
    pub no_longer_scored: String,
    pub moved_up: String,
    pub moved_down: String,
    pub newly_answered: String,
    pub unchanged: String,
    pub no_longer_answered: String,
    pub not_answered: String,
    pub question_change: String,
    pub unchanged_count: String,
    pub done_heading: String,
    pub done_because: String,
    pub no_done: String,
    pub unmatched_heading: String,
    pub unmatched_intro: String,
    pub unmatched_item: String,
    pub csv_earlier_level: String,
    pub csv_change: String,
    pub up_slightly: String,
    pub down_slightly: String,
}

/// Words for the partnership view and its downloads.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    pub title: String,
    pub intro: String,
    pub anonymised: String,
    pub blank_name: String,
    pub duplicate_name: String,
    pub anonymous_name: String,
    pub failed_file_anonymous: String,
    pub no_partners: String,
    pub partners_heading: String,
    pub partner: String,
    pub file: String,
    pub answered: String,
    pub overall: String,
    pub failed_heading: String,
    pub failed_intro: String,
    pub scores_heading: String,
    pub scores_caption: String,
    pub themes_heading: String,
    pub themes_caption: String,
    pub median: String,
    pub lowest: String,
    pub highest: String,
    pub spread: String,
    pub scored_by: String,
    pub method: String,
    pub disagree_heading: String,
    pub disagree_intro: String,
    pub no_disagreement: String,
    pub answer_range: String,
    pub answer_group: String,
    pub not_sure_heading: String,
    pub not_sure_intro: String,
    pub not_sure_count: String,
    pub no_not_sure: String,
    pub case_studies_heading: String,
    pub no_case_studies: String,
    pub reason_weak_theme: String,
    pub reason_policy_area: String,
    pub unmatched_heading: String,
    pub unmatched_intro: String,
    pub warnings_heading: String,
    pub answers_heading: String,
    pub no_answer_from: String,
    pub privacy: String,
    pub csv_headers: Vec<String>,
}

impl Locale {
    pub fn english() -> Locale {
        match Locale::parse(ENGLISH) {
            Ok(locale) => locale,
            Err(e) => panic!("the English locale table is broken: {e}"),
        }
    }

    pub fn parse(text: &str) -> Result<Locale, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn band(&self, band: Band) -> &str {
        match band {
            Band::StartingOut => &self.bands.starting_out,
            Band::MakingProgress => &self.bands.making_progress,
            Band::WellOnTheWay => &self.bands.well_on_the_way,
            Band::ReadyAndImproving => &self.bands.ready_and_improving,
        }
    }

    pub fn band_means(&self, band: Band) -> &str {
        match band {
            Band::StartingOut => &self.bands.starting_out_means,
            Band::MakingProgress => &self.bands.making_progress_means,
            Band::WellOnTheWay => &self.bands.well_on_the_way_means,
            Band::ReadyAndImproving => &self.bands.ready_and_improving_means,
        }
    }

    pub fn status(&self, status: ThemeStatus) -> &str {
        match status {
            ThemeStatus::NotStarted => &self.statuses.not_started,
            ThemeStatus::InProgress => &self.statuses.in_progress,
            ThemeStatus::Completed => &self.statuses.completed,
        }
    }

    /// A date in words, for example "22 November 2026", from its parts
    /// (month 1 to 12).
    pub fn date_in_words(&self, year: u32, month: u32, day: u32) -> String {
        let month_name = usize::try_from(month)
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|m| self.common.months.get(m))
            .map_or_else(|| month.to_string(), Clone::clone);
        fill(
            &self.common.date,
            &[
                ("day", &day.to_string()),
                ("month", &month_name),
                ("year", &year.to_string()),
            ],
        )
    }

    /// A problem with a file, as a sentence for the user.
    pub fn file_problem(&self, problem: &FileProblem) -> String {
        let m = &self.file;
        match problem {
            FileProblem::TooLarge { bytes } => fill(
                &m.too_large,
                &[("size", &format!("{}", bytes.div_ceil(1024)))],
            ),
            FileProblem::NotJson { detail } => fill(&m.not_json, &[("detail", detail)]),
            FileProblem::NotOurs => m.not_ours.clone(),
            FileProblem::NewerFormat { version } => {
                fill(&m.newer_format, &[("version", &version.to_string())])
            }
            FileProblem::Malformed { field } => fill(&m.malformed, &[("field", field)]),
            FileProblem::LevelOutOfRange {
                question_id,
                question,
                value,
            } => fill(
                &m.level_out_of_range,
                &[
                    ("question", question.as_deref().unwrap_or(question_id)),
                    ("value", value),
                ],
            ),
            FileProblem::UnknownQuestion {
                question_id,
                question: None,
                ..
            } => fill(&m.unknown_question, &[("question", question_id)]),
            FileProblem::UnknownQuestion {
                question: Some(question),
                replacement,
                ..
            } => {
                let removed = fill(&m.removed_question, &[("question", question)]);
                match replacement {
                    Some(replacement) => format!(
                        "{removed} {}",
                        fill(&m.replaced_by, &[("question", replacement)])
                    ),
                    None => removed,
                }
            }
            FileProblem::RewordedQuestion { earlier, now, .. } => fill(
                &m.reworded_question,
                &[("earlier", earlier), ("question", now)],
            ),
            FileProblem::UnknownPolicyArea { policy_area_id } => {
                fill(&m.unknown_policy_area, &[("id", policy_area_id)])
            }
            FileProblem::OtherPack { pack_id } => fill(&m.other_pack, &[("pack", pack_id)]),
            FileProblem::OtherPackVersion { version } => {
                fill(&m.other_pack_version, &[("version", version)])
            }
        }
    }
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
