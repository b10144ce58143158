//! The content pack: themes, questions, levels, actions and case studies.
//!
//! The pack is data (a JSON file under `content/`) so that a partner can
//! replace it. Every field is read leniently (missing strings become empty)
//! and then [`ContentPack::check`] reports every problem at once, each naming
//! the file, the item and the field, so an author can fix a pack in one pass.
//!
//! The app reads packs with [`super::pack_reader`] (no derived visitors in
//! the wasm). The derived `Deserialize`, native builds only, is the reference
//! that reader is tested against: same packs accepted, same messages.

use serde::Serialize;
use std::fmt;

use crate::model::sorted::SortedSet;

/// The English pack's JSON, as a partner would write it. The app carries
/// [`BUILT_IN_PACKED`] instead (the Welsh pack, with English's earlier
/// wording, in the build with Welsh built in); tests read both and compare.
pub const BUILT_IN_PACK: &str = include_str!("../../content/pack.en.json");
/// The built-in pack (English, or Welsh with the feature `built-in-welsh`)
/// in the packed form build.rs writes (build/pack_gen.rs): smaller than the
/// JSON, and read without a JSON parse at start.
pub const BUILT_IN_PACKED: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.packed"));
/// The name the built-in pack's errors are reported under.
pub const BUILT_IN_PACK_NAME: &str = "content/pack.en.json";

/// How many guidance items are shown beside one action.
pub const GUIDES_PER_ACTION: usize = 2;

/// The five levels of the readiness scale, lowest first.
pub const LEVELS: [u8; 5] = [1, 2, 3, 4, 5];

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct ContentPack {
    /// Stable identifier of the pack, written into every saved file.
    pub id: String,
    /// Version of the wording; saved files record it.
    pub version: String,
    /// BCP 47 language tag, for example `en-GB`.
    pub language: String,
    pub title: String,
    pub start: StartPage,
    /// The label of each level, lowest first (exactly five).
    pub scale: Vec<String>,
    pub policy_areas: Vec<PolicyArea>,
    pub themes: Vec<Theme>,
    pub case_studies: Vec<CaseStudy>,
    pub guidance: Vec<Guidance>,
    /// Questions of earlier versions that were reworded or removed, with the
    /// wording people answered, so a file saved with an earlier version can
    /// say in plain words what changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub earlier_questions: Vec<EarlierQuestion>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct StartPage {
    pub heading: String,
    /// Paragraphs of plain text shown on the start page.
    pub paragraphs: Vec<String>,
    /// For example "It takes about 30 minutes."
    pub time_needed: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct PolicyArea {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub title: String,
    /// One or two sentences on what the theme covers, shown on the task list.
    pub description: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct Question {
    /// Stable: saved files refer to questions by this id, so it never changes
    /// when the wording does.
    pub id: String,
    pub text: String,
    /// Why it matters, in one or two sentences.
    pub hint: String,
    pub levels: LevelDescriptors,
    /// The next step for an answer at level 1 or 2: how to get started.
    pub act_if_1_or_2: String,
    /// The next step at level 3: what the level 3 descriptor still lacks.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub act_if_3: String,
    /// The next step at level 4: what the level 4 descriptor still lacks.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub act_if_4: String,
    /// One step for levels 3 and 4, as packs written for version 1 have it.
    /// Used only where `act_if_3` or `act_if_4` is missing.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub act_if_3_or_4: String,
    /// Ids of the one or two most relevant guidance items, most relevant first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<String>,
    /// Where the question comes from: a source post or named guidance.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Question {
    /// The next step for an answer at `level`; none at level 5.
    pub fn action_for(&self, level: u8) -> Option<&str> {
        let specific = match level {
            0..=2 => return Some(&self.act_if_1_or_2),
            3 => &self.act_if_3,
            4 => &self.act_if_4,
            _ => return None,
        };
        if specific.trim().is_empty() {
            Some(&self.act_if_3_or_4)
        } else {
            Some(specific)
        }
    }
}

/// What each level looks like for one question.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct LevelDescriptors {
    pub not_started: String,
    pub emerging: String,
    pub developing: String,
    pub established: String,
    pub embedded: String,
}

impl LevelDescriptors {
    /// The descriptor for a level from 1 to 5.
    pub fn for_level(&self, level: u8) -> &str {
        match level {
            1 => &self.not_started,
            2 => &self.emerging,
            3 => &self.developing,
            4 => &self.established,
            _ => &self.embedded,
        }
    }

    pub fn is_empty(&self) -> bool {
        LEVELS.iter().all(|l| self.for_level(*l).is_empty())
    }

    pub(crate) const FIELD_NAMES: [&'static str; 5] = [
        "not_started",
        "emerging",
        "developing",
        "established",
        "embedded",
    ];
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct CaseStudy {
    pub id: String,
    pub title: String,
    /// Who published it and when, so a reader can find it if the link moves.
    pub source: String,
    pub place: String,
    pub url: String,
    pub policy_areas: Vec<String>,
    /// Theme ids the case study illustrates.
    pub themes: Vec<String>,
    /// One line in the pack's own words.
    pub summary: String,
    /// A national programme or body, not one place: the limit of two
    /// studies from one place does not apply to it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub national: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct Guidance {
    pub id: String,
    pub title: String,
    /// Who published it and where to look if the link has moved.
    pub source: String,
    /// The publisher's name alone, shown beside each link: "Information
    /// Commissioner's Office (ICO)".
    pub publisher: String,
    /// When, for example "2021", or words saying no date is given.
    pub published: String,
    pub url: String,
    pub themes: Vec<String>,
    /// Where the guidance applies: a partnership in Wales is never shown
    /// guidance for England only, nor one in England guidance for Wales only.
    pub applies_in: AppliesIn,
}

/// Where a piece of guidance applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(rename_all = "lowercase")]
pub enum AppliesIn {
    /// Across the UK (for example the ICO's code).
    #[default]
    Uk,
    England,
    Wales,
}

impl AppliesIn {
    /// Whether a partnership working in `nation` should be shown it.
    pub fn fits(self, nation: Nation) -> bool {
        matches!(
            (self, nation),
            (AppliesIn::Uk, _)
                | (_, Nation::NotSaid | Nation::Both)
                | (AppliesIn::England, Nation::England)
                | (AppliesIn::Wales, Nation::Wales)
        )
    }
}

/// Where a partnership works, as "About your area" records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Nation {
    /// Not given: every item is shown, each saying where it applies.
    #[default]
    #[serde(rename = "")]
    NotSaid,
    England,
    Wales,
    /// Across both: every item is shown, each saying where it applies.
    Both,
}

impl Nation {
    pub const CHOICES: [Nation; 3] = [Nation::England, Nation::Wales, Nation::Both];

    /// The word the file uses, empty when not said.
    pub fn id(self) -> &'static str {
        match self {
            Nation::NotSaid => "",
            Nation::England => "england",
            Nation::Wales => "wales",
            Nation::Both => "both",
        }
    }

    /// Where several assessments together work: the one nation all that say
    /// agree on, both when they differ, not said when none says.
    pub fn common(nations: impl Iterator<Item = Nation>) -> Nation {
        nations.fold(Nation::NotSaid, |all, one| match (all, one) {
            (all, Nation::NotSaid) => all,
            (Nation::NotSaid, one) => one,
            (all, one) if all == one => all,
            _ => Nation::Both,
        })
    }

    pub fn from_id(id: &str) -> Option<Nation> {
        [
            Nation::NotSaid,
            Nation::England,
            Nation::Wales,
            Nation::Both,
        ]
        .into_iter()
        .find(|n| n.id() == id)
    }
}

/// How a question of an earlier version changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Same id, new wording: answers are kept, and people are asked to check them.
    #[default]
    Reworded,
    /// No longer asked: answers are kept aside in the file, never dropped.
    Removed,
    /// Same id, but its levels now mean something else: an answer given
    /// before is kept aside, shown with the wording it answered, and the
    /// person is asked to answer again. It never counts as movement.
    Meaning,
}

/// A question as an earlier version of the pack asked it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[serde(default, deny_unknown_fields)]
pub struct EarlierQuestion {
    pub id: String,
    /// The version of the pack that last asked it this way.
    pub version: String,
    /// The wording people answered.
    pub text: String,
    pub change: Change,
    /// The question that now asks about the same thing, if any.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub replaced_by: String,
    /// The five level descriptors as that version had them (required when
    /// the meaning changed, so an old answer can be shown in its own words).
    #[serde(skip_serializing_if = "LevelDescriptors::is_empty")]
    pub levels: LevelDescriptors,
}

/// One problem in a content pack, naming where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file (or address) the pack came from.
    pub file: String,
    /// The item at fault, for example `theme "governance", question "gov-agreement"`.
    pub item: String,
    /// The field at fault, for example `levels.established`.
    pub field: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if !self.item.is_empty() {
            write!(f, "{}: ", self.item)?;
        }
        if !self.field.is_empty() {
            write!(f, "field \"{}\": ", self.field)?;
        }
        write!(f, "{}", self.problem)
    }
}

impl ContentPack {
    /// Every problem in the pack; empty when it is sound. The problems are
    /// listed in the order the pack's parts come in.
    pub fn check(&self, file: &str) -> Vec<ContentError> {
        let mut c = Checker {
            file,
            errors: Vec::new(),
        };
        c.pack_fields(self);
        let policy_ids = c.policy_areas(&self.policy_areas);

        if self.themes.is_empty() {
            c.error("", "themes", "needs at least one theme".to_string());
        }
        let mut theme_ids = SortedSet::new();
        let mut question_ids = SortedSet::new();
        // Checked once every guidance id is known.
        let mut guidance_refs: Vec<(String, &Vec<String>)> = Vec::new();
        for (t, theme) in self.themes.iter().enumerate() {
            let item = format!("theme {}", describe(t, &theme.id));
            c.theme(&item, theme, &mut theme_ids);
            for (q, question) in theme.questions.iter().enumerate() {
                let item = format!("{item}, question {}", describe(q, &question.id));
                c.question(&item, question, &mut question_ids);
                guidance_refs.push((item, &question.guidance));
            }
        }

        let mut case_ids = SortedSet::new();
        for (i, study) in self.case_studies.iter().enumerate() {
            let item = format!("case study {}", describe(i, &study.id));
            c.case_study(&item, study, &mut case_ids, &policy_ids, &theme_ids);
        }

        let guidance_ids = c.guidance(&self.guidance, &theme_ids);
        for (item, ids) in guidance_refs {
            c.known(&item, "guidance", ids, &guidance_ids);
        }

        for (i, earlier) in self.earlier_questions.iter().enumerate() {
            let item = format!("earlier question {}", describe(i, &earlier.id));
            c.earlier_question(&item, earlier, &question_ids);
        }
        c.errors
    }

    /// All questions in pack order, with the theme each belongs to.
    pub fn questions(&self) -> impl Iterator<Item = (&Theme, &Question)> {
        self.themes
            .iter()
            .flat_map(|t| t.questions.iter().map(move |q| (t, q)))
    }

    pub fn question(&self, id: &str) -> Option<(&Theme, &Question)> {
        self.questions().find(|(_, q)| q.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn policy_area_label(&self, id: &str) -> Option<&str> {
        self.policy_areas
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.label.as_str())
    }

    /// The label of a level from 1 to 5, for example "Developing".
    pub fn level_label(&self, level: u8) -> &str {
        self.scale
            .get(usize::from(level.clamp(1, 5)) - 1)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// How an earlier version asked a question that has since changed: the
    /// newest entry for it.
    pub fn earlier_question(&self, id: &str) -> Option<&EarlierQuestion> {
        self.earlier_questions
            .iter()
            .filter(|q| q.id == id)
            .max_by(|a, b| version_parts(&a.version).cmp(&version_parts(&b.version)))
    }

    /// The changes to a question made after `version` (the pack version a
    /// file was saved with), oldest first: what someone who answered then
    /// has not seen. Empty for the current version, an unknown one, or a
    /// file that does not say.
    pub fn changes_since(&self, id: &str, version: &str) -> Vec<&EarlierQuestion> {
        let Some(since) = version_parts(version) else {
            return Vec::new();
        };
        if Some(since) >= version_parts(&self.version) {
            return Vec::new();
        }
        let mut changes: Vec<&EarlierQuestion> = self
            .earlier_questions
            .iter()
            .filter(|q| q.id == id && version_parts(&q.version).is_some_and(|v| v >= since))
            .collect();
        changes.sort_by_key(|q| version_parts(&q.version));
        changes
    }

    /// The guidance to show beside a question's action for a partnership
    /// working in `nation`: the first [`GUIDES_PER_ACTION`] of the
    /// question's items (most relevant first) that apply there.
    pub fn guidance_for(&self, question: &Question, nation: Nation) -> Vec<String> {
        question
            .guidance
            .iter()
            .filter(|id| self.guide(id).is_some_and(|g| g.applies_in.fits(nation)))
            .take(GUIDES_PER_ACTION)
            .cloned()
            .collect()
    }

    pub fn guide(&self, id: &str) -> Option<&Guidance> {
        self.guidance.iter().find(|g| g.id == id)
    }

    pub fn question_count(&self) -> usize {
        self.themes.iter().map(|t| t.questions.len()).sum()
    }
}

/// A version such as "2.0.0" as numbers to compare; `None` if it is not one.
pub fn version_parts(version: &str) -> Option<[u32; 3]> {
    let mut parts = version.trim().split('.').map(|p| p.parse::<u32>().ok());
    let major = parts.next()??;
    let minor = parts.next().unwrap_or(Some(0))?;
    let patch = parts.next().unwrap_or(Some(0))?;
    parts.next().is_none().then_some([major, minor, patch])
}

/// Names an item by its id, or by its position when the id is missing.
fn describe(index: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("number {}", index + 1)
    } else {
        format!("\"{id}\"")
    }
}

struct Checker<'a> {
    file: &'a str,
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    fn error(&mut self, item: &str, field: &str, problem: String) {
        self.errors.push(ContentError {
            file: self.file.to_string(),
            item: item.to_string(),
            field: field.to_string(),
            problem,
        });
    }

    fn required(&mut self, item: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(item, field, "is missing or empty".into());
        }
    }

    /// Ids are lower-case letters, digits and hyphens, so they are safe in
    /// file names, HTML ids and CSV, and unique within their kind.
    fn id(&mut self, item: &str, id: &str, seen: &mut SortedSet<String>) {
        if id.trim().is_empty() {
            self.error(item, "id", "is missing or empty".into());
            return;
        }
        let well_formed = id
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if !well_formed {
            self.error(
                item,
                "id",
                "may use only lower-case letters, digits and hyphens".into(),
            );
        }
        if !seen.insert(id.to_string()) {
            self.error(item, "id", format!("\"{id}\" is used more than once"));
        }
    }

    fn url(&mut self, item: &str, url: &str) {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        let ok = rest.is_some_and(|rest| {
            !rest.is_empty() && !rest.chars().any(|ch| ch.is_whitespace() || ch == '"')
        });
        if !ok {
            self.error(
                item,
                "url",
                format!("\"{url}\" is not a web address starting with http:// or https://"),
            );
        }
    }

    fn known(&mut self, item: &str, field: &str, values: &[String], known: &SortedSet<String>) {
        let mut seen = SortedSet::new();
        for value in values {
            if !known.contains(value) {
                self.error(
                    item,
                    field,
                    format!("\"{value}\" is not defined in the pack"),
                );
            } else if !seen.insert(value) {
                self.error(item, field, format!("\"{value}\" is listed more than once"));
            }
        }
    }
}

/// The checks for each part of a pack, called by [`ContentPack::check`] in
/// the order the parts come in. Those that collect ids return them (or add
/// them to a set passed in), so later parts can be checked against them.
impl Checker<'_> {
    /// The pack's own fields and its five-level scale.
    fn pack_fields(&mut self, pack: &ContentPack) {
        self.required("", "id", &pack.id);
        self.required("", "version", &pack.version);
        self.required("", "language", &pack.language);
        self.required("", "title", &pack.title);
        self.required("", "start.heading", &pack.start.heading);
        if pack.scale.len() != LEVELS.len() {
            self.error(
                "",
                "scale",
                format!(
                    "needs exactly 5 level labels, lowest first; found {}",
                    pack.scale.len()
                ),
            );
        }
        for (i, label) in pack.scale.iter().enumerate() {
            self.required("", &format!("scale[{i}]"), label);
        }
    }

    /// The policy areas; returns their ids, which case studies refer to.
    fn policy_areas(&mut self, areas: &[PolicyArea]) -> SortedSet<String> {
        let mut policy_ids = SortedSet::new();
        for (i, area) in areas.iter().enumerate() {
            let item = format!("policy area {}", describe(i, &area.id));
            self.id(&item, &area.id, &mut policy_ids);
            self.required(&item, "label", &area.label);
        }
        policy_ids
    }

    /// A theme's own fields (its questions are checked one by one).
    fn theme(&mut self, item: &str, theme: &Theme, theme_ids: &mut SortedSet<String>) {
        self.id(item, &theme.id, theme_ids);
        self.required(item, "title", &theme.title);
        self.required(item, "description", &theme.description);
        if theme.questions.is_empty() {
            self.error(item, "questions", "needs at least one question".into());
        }
    }

    /// A question: its wording, all five level descriptors and the action
    /// for each level (its guidance ids are checked once all are known).
    fn question(&mut self, item: &str, question: &Question, question_ids: &mut SortedSet<String>) {
        self.id(item, &question.id, question_ids);
        self.required(item, "text", &question.text);
        self.required(item, "hint", &question.hint);
        for (level, field) in LEVELS.iter().zip(LevelDescriptors::FIELD_NAMES) {
            let descriptor = question.levels.for_level(*level);
            if descriptor.trim().is_empty() {
                self.error(
                    item,
                    &format!("levels.{field}"),
                    format!("the descriptor for level {level} is missing"),
                );
            }
        }
        self.required(item, "act_if_1_or_2", &question.act_if_1_or_2);
        // A version 1 pack's act_if_3_or_4 serves both levels.
        for (level, field) in [(3, "act_if_3"), (4, "act_if_4")] {
            let action = question.action_for(level).unwrap_or("");
            self.required(item, field, action);
        }
    }

    /// A case study, whose policy areas and themes must be the pack's own.
    fn case_study(
        &mut self,
        item: &str,
        study: &CaseStudy,
        case_ids: &mut SortedSet<String>,
        policy_ids: &SortedSet<String>,
        theme_ids: &SortedSet<String>,
    ) {
        self.id(item, &study.id, case_ids);
        self.required(item, "title", &study.title);
        self.required(item, "source", &study.source);
        self.required(item, "place", &study.place);
        self.required(item, "summary", &study.summary);
        self.url(item, &study.url);
        self.known(item, "policy_areas", &study.policy_areas, policy_ids);
        self.known(item, "themes", &study.themes, theme_ids);
        if study.themes.is_empty() {
            self.error(item, "themes", "needs at least one theme".into());
        }
    }

    /// The guidance; returns its ids, which questions refer to.
    fn guidance(
        &mut self,
        guidance: &[Guidance],
        theme_ids: &SortedSet<String>,
    ) -> SortedSet<String> {
        let mut guidance_ids = SortedSet::new();
        for (i, guide) in guidance.iter().enumerate() {
            let item = format!("guidance {}", describe(i, &guide.id));
            self.id(&item, &guide.id, &mut guidance_ids);
            self.required(&item, "title", &guide.title);
            self.required(&item, "source", &guide.source);
            self.url(&item, &guide.url);
            self.known(&item, "themes", &guide.themes, theme_ids);
        }
        guidance_ids
    }

    /// A question as an earlier version asked it: what it says changed
    /// must agree with the questions the pack asks now, so that old
    /// answers are carried over (or set aside) correctly.
    fn earlier_question(
        &mut self,
        item: &str,
        earlier: &EarlierQuestion,
        question_ids: &SortedSet<String>,
    ) {
        self.required(item, "id", &earlier.id);
        self.required(item, "text", &earlier.text);
        self.earlier_change(item, earlier.change, question_ids.contains(&earlier.id));
        if earlier.change == Change::Meaning {
            self.earlier_levels(item, &earlier.levels);
        }
        if version_parts(&earlier.version).is_none() {
            self.error(
                item,
                "version",
                format!("\"{}\" is not a version such as 2.0.0", earlier.version),
            );
        }
        if !earlier.replaced_by.is_empty() && !question_ids.contains(&earlier.replaced_by) {
            self.error(
                item,
                "replaced_by",
                format!("\"{}\" is not a question in the pack", earlier.replaced_by),
            );
        }
    }

    /// A reworded question or one whose meaning changed is still asked; a
    /// removed one is not.
    fn earlier_change(&mut self, item: &str, change: Change, asked_now: bool) {
        match change {
            Change::Reworded if !asked_now => self.error(
                item,
                "change",
                "is \"reworded\" but the pack has no question with this id".into(),
            ),
            Change::Removed if asked_now => self.error(
                item,
                "change",
                "is \"removed\" but the pack still asks this question".into(),
            ),
            Change::Meaning if !asked_now => self.error(
                item,
                "change",
                "is \"meaning\" but the pack has no question with this id".into(),
            ),
            _ => {}
        }
    }

    /// When the meaning changed, an old answer is shown in the words it
    /// was given in, so every earlier level descriptor is needed.
    fn earlier_levels(&mut self, item: &str, levels: &LevelDescriptors) {
        for (level, field) in LEVELS.iter().zip(LevelDescriptors::FIELD_NAMES) {
            if levels.for_level(*level).trim().is_empty() {
                self.error(
                    item,
                    &format!("levels.{field}"),
                    format!("the earlier descriptor for level {level} is needed when the meaning changed"),
                );
            }
        }
    }
}
