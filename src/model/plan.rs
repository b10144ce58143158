//! The action plan: for each priority action and each "find out" action, who
//! will do it (an owner), by when (a target month), how far it has got (a
//! status) and a note. The plan lives in the assessment file, so a
//! partnership can carry it into its next assessment and check it.
//!
//! An action is named by its question and the step it asks for (the levels
//! it was recommended at), so a plan entry keeps meaning the same action
//! when the answer changes: the entry for "levels 1 and 2" stays with that
//! step after the answer moves to level 3, and the new step starts afresh.
//! Entries are never dropped: those the current answers no longer call for,
//! and those naming a question the pack no longer has, are listed apart.
//!
//! Pure: no browser code. The reducer calls [`Plan::apply`]; the plan is
//! read and written with the file in `plan_file`, shown in `plan_view` and
//! compared over time in `compare`.

use crate::model::response::Response;
use crate::model::sorted::SortedMap;

/// The longest owner the screens accept, in characters: an organisation or
/// a role.
pub const MAX_OWNER_CHARS: usize = 120;
/// The longest plan note the screens accept, in characters. With
/// [`MAX_OWNER_CHARS`] it keeps a file with a full plan for every question
/// under the file size limit.
pub const MAX_PLAN_NOTE_CHARS: usize = 500;
/// The most entries a plan keeps for actions the pack does not have (a
/// question it no longer asks, or a step it does not know). The screens
/// make at most one entry per question and step, so only a plan written
/// by hand or by another tool comes near it; a file with more opens with
/// the first ones and says how many were left out.
pub const MAX_PLAN_ENTRIES_ASIDE: usize = 200;
/// How many actions the summary shows before "Show all".
pub const TOP_ACTIONS: usize = 5;

/// How far an action has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::NotStarted, Status::InProgress, Status::Done];

    /// The name in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Done => "done",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// The step an action asks for, named by the answers it is recommended at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// Levels 1 and 2: getting started.
    Start,
    /// Level 3: the step to what level 4 describes.
    Level3,
    /// Level 4: the step to what level 5 describes.
    Level4,
    /// "Not sure": find out.
    FindOut,
    /// A step this version does not know, kept as the file named it.
    Other(String),
}

impl Step {
    /// The step recommended for an answer; none at level 5.
    pub fn for_response(response: Response) -> Option<Step> {
        match response {
            Response::Level(1 | 2) => Some(Step::Start),
            Response::Level(3) => Some(Step::Level3),
            Response::Level(4) => Some(Step::Level4),
            Response::Level(_) => None,
            Response::NotSure => Some(Step::FindOut),
        }
    }

    /// The name in the file.
    pub fn as_str(&self) -> &str {
        match self {
            Step::Start => "level-1-2",
            Step::Level3 => "level-3",
            Step::Level4 => "level-4",
            Step::FindOut => "not-sure",
            Step::Other(name) => name,
        }
    }

    pub fn parse(text: &str) -> Step {
        match text {
            "level-1-2" => Step::Start,
            "level-3" => Step::Level3,
            "level-4" => Step::Level4,
            "not-sure" => Step::FindOut,
            other => Step::Other(other.to_string()),
        }
    }

    /// The highest level the step was recommended at (for finding the
    /// pack's words for it).
    pub(crate) fn level(&self) -> Option<u8> {
        match self {
            Step::Start => Some(2),
            Step::Level3 => Some(3),
            Step::Level4 => Some(4),
            Step::FindOut | Step::Other(_) => None,
        }
    }

    /// True when an answer has reached what the step asks for: a level
    /// above the ones it was recommended at, or for "find out", any level.
    pub fn reached_by(&self, response: Option<Response>) -> bool {
        let Some(now) = response.and_then(Response::level) else {
            return false;
        };
        match self {
            Step::FindOut => true,
            Step::Other(_) => false,
            step => step.level().is_some_and(|level| now > level),
        }
    }
}

/// An action in the plan: a question and the step it asks for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionId {
    pub question_id: String,
    pub step: Step,
}

impl ActionId {
    pub fn new(question_id: &str, step: Step) -> ActionId {
        ActionId {
            question_id: question_id.to_string(),
            step,
        }
    }
}

/// What the partnership has decided about one action.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Entry {
    /// Who will do it: an organisation or a role, as the user wrote it.
    pub owner: String,
    /// The target month as `YYYY-MM`, or empty. A file may hold other text,
    /// which is kept as written.
    pub target: String,
    pub status: Status,
    pub note: String,
    /// When this entry last changed (ISO 8601), supplied by the caller.
    pub changed: String,
}

impl Entry {
    /// True when nothing has been decided: such entries are not kept.
    pub fn is_empty(&self) -> bool {
        self.owner.trim().is_empty()
            && self.target.trim().is_empty()
            && self.status == Status::NotStarted
            && self.note.trim().is_empty()
    }
}

/// The plan: an entry for each action something was decided about.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub entries: SortedMap<ActionId, Entry>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, id: &ActionId) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// Changes one field of one action's entry, stamped `now`. A value the
    /// screens would not accept (see [`check`]) changes nothing and says
    /// why; the value the field already holds changes nothing either.
    pub fn apply(&mut self, id: &ActionId, edit: PlanEdit, now: &str) -> Result<(), PlanProblem> {
        check(&edit)?;
        let before = self.entries.get(id).cloned().unwrap_or_default();
        let mut entry = before.clone();
        match edit {
            PlanEdit::Owner(owner) => entry.owner = owner,
            PlanEdit::Target(target) => entry.target = target,
            PlanEdit::Status(status) => entry.status = status,
            PlanEdit::Note(note) => entry.note = note,
        }
        if entry == before {
            return Ok(());
        }
        entry.changed = now.to_string();
        if entry.is_empty() {
            self.entries.remove(id);
        } else {
            self.entries.insert(id.clone(), entry);
        }
        Ok(())
    }
}

/// A change to one field of a plan entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanEdit {
    Owner(String),
    /// `YYYY-MM`, or empty to clear it.
    Target(String),
    Status(Status),
    Note(String),
}

/// Why a value was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanProblem {
    /// Longer than `limit` characters.
    TooLong { limit: usize, length: usize },
    /// Not a month as `YYYY-MM`.
    NotAMonth,
}

/// The length of `text` in characters, if over `limit`.
pub fn too_long(text: &str, limit: usize) -> Result<(), PlanProblem> {
    let length = text.chars().count();
    if length > limit {
        Err(PlanProblem::TooLong { limit, length })
    } else {
        Ok(())
    }
}

/// Whether the screens accept an edit.
pub fn check(edit: &PlanEdit) -> Result<(), PlanProblem> {
    match edit {
        PlanEdit::Owner(owner) => too_long(owner, MAX_OWNER_CHARS),
        PlanEdit::Note(note) => too_long(note, MAX_PLAN_NOTE_CHARS),
        PlanEdit::Target(target) if target.is_empty() || month(target).is_some() => Ok(()),
        PlanEdit::Target(_) => Err(PlanProblem::NotAMonth),
        PlanEdit::Status(_) => Ok(()),
    }
}

/// A `YYYY-MM` month as (year, month 1 to 12).
pub fn month(text: &str) -> Option<(u16, u8)> {
    let (year, month) = text.split_once('-')?;
    if year.len() != 4
        || month.len() != 2
        || !(year.chars().chain(month.chars())).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let year: u16 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    ((1000..=9999).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}
