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
//! Pure: no browser code. The reducer calls [`Plan::apply`]; the file
//! module calls [`write_plan`] and [`read_plan`].

use serde::Serialize;
use serde_json::Value;

use crate::model::assessment::{Assessment, Response};
use crate::model::compare::Change;
use crate::model::content::ContentPack;
use crate::model::file::FileProblem;
use crate::model::locale::{fill, Locale};
use crate::model::sorted::SortedMap;
use crate::model::summary::Summary;

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
    fn level(&self) -> Option<u8> {
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

/// A target month in words, "March 2027"; other text as written.
pub fn month_in_words(locale: &Locale, target: &str) -> String {
    match month(target) {
        Some((year, m)) => {
            let name = locale
                .common
                .months
                .get(usize::from(m) - 1)
                .map_or_else(|| m.to_string(), |name| name.to_string());
            format!("{name} {year}")
        }
        None => target.trim().to_string(),
    }
}

// ---------------------------------------------------------------------------
// The plan as the screens and reports show it.

/// Why an action is in the plan list it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// One of the summary's actions now.
    Current,
    /// The pack has it, but the answer has changed since it was planned.
    AnswerChanged,
    /// The pack no longer has the question (or the step): kept aside.
    NotInPack,
}

/// One action with its entry, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub id: ActionId,
    pub standing: Standing,
    /// The theme of the question, when the pack has it.
    pub theme_id: Option<String>,
    /// The answer now.
    pub response: Option<Response>,
    /// The action in words.
    pub action: String,
    /// Why it is here, in words.
    pub why: String,
    /// Guidance ids, most relevant first.
    pub guidance: Vec<String>,
    /// The entry, or an empty one.
    pub entry: Entry,
}

/// The plan as shown: the summary's actions in order, then the plan's other
/// entries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanView {
    /// The priority actions in the summary's order, then "find out" ones.
    pub current: Vec<PlanItem>,
    /// Entries the current answers no longer call for, then entries naming
    /// actions the pack does not have, by question id.
    pub other: Vec<PlanItem>,
}

impl PlanView {
    /// Every item, current first.
    pub fn all(&self) -> impl Iterator<Item = &PlanItem> {
        self.current.iter().chain(&self.other)
    }

    pub fn count(&self, status: Status) -> usize {
        self.current
            .iter()
            .filter(|i| i.entry.status == status)
            .count()
    }
}

/// The words of an action: the pack's step for its question, or for "find
/// out", the locale's sentence; empty when the pack does not have it.
pub fn action_text(pack: &ContentPack, locale: &Locale, id: &ActionId) -> String {
    let Some((_, question)) = pack.question(&id.question_id) else {
        return String::new();
    };
    match &id.step {
        Step::FindOut => fill(
            locale.report.find_out_action,
            &[("question", &question.text)],
        ),
        Step::Other(_) => String::new(),
        step => step
            .level()
            .and_then(|level| question.action_for(level))
            .unwrap_or("")
            .to_string(),
    }
}

/// The question's wording: now, or as an earlier version asked it, or its id.
fn question_words<'a>(pack: &'a ContentPack, question_id: &'a str) -> &'a str {
    crate::model::render::question_text(pack, question_id)
}

/// The plan beside the summary's actions.
pub fn plan_view(
    pack: &ContentPack,
    locale: &Locale,
    assessment: &Assessment,
    summary: &Summary,
) -> PlanView {
    let plan = &assessment.plan;
    let entry = |id: &ActionId| plan.entry(id).cloned().unwrap_or_default();
    let mut current = Vec::new();
    for a in &summary.priority_actions {
        let Some(step) = Step::for_response(Response::Level(a.level)) else {
            continue;
        };
        let id = ActionId::new(&a.question_id, step);
        current.push(PlanItem {
            standing: Standing::Current,
            theme_id: Some(a.theme_id.clone()),
            response: Some(Response::Level(a.level)),
            action: a.action.clone(),
            why: fill(
                locale.report.action_because,
                &[
                    ("level", pack.level_label(a.level)),
                    ("question", question_words(pack, &a.question_id)),
                ],
            ),
            guidance: a.guidance.clone(),
            entry: entry(&id),
            id,
        });
    }
    for f in &summary.find_out {
        let id = ActionId::new(&f.question_id, Step::FindOut);
        current.push(PlanItem {
            standing: Standing::Current,
            theme_id: Some(f.theme_id.clone()),
            response: Some(Response::NotSure),
            action: action_text(pack, locale, &id),
            why: locale.plan.why_not_sure.to_string(),
            guidance: Vec::new(),
            entry: entry(&id),
            id,
        });
    }
    let mut changed = Vec::new();
    let mut not_in_pack = Vec::new();
    for (id, e) in &plan.entries {
        if current.iter().any(|item| item.id == *id) {
            continue;
        }
        let question = pack.question(&id.question_id);
        let response = assessment.response(&id.question_id);
        let known = question.is_some() && !matches!(id.step, Step::Other(_));
        let item = PlanItem {
            id: id.clone(),
            standing: if known {
                Standing::AnswerChanged
            } else {
                Standing::NotInPack
            },
            theme_id: question.map(|(theme, _)| theme.id.clone()),
            response,
            action: action_text(pack, locale, id),
            why: fill(
                if known {
                    locale.plan.why_answer_changed
                } else {
                    locale.plan.why_not_in_pack
                },
                &[
                    ("question", question_words(pack, &id.question_id)),
                    (
                        "answer",
                        crate::model::render::response_label(pack, locale, response),
                    ),
                ],
            ),
            guidance: question
                .map(|(_, q)| pack.guidance_for(q, assessment.context.nation))
                .unwrap_or_default(),
            entry: e.clone(),
        };
        if known {
            changed.push(item);
        } else {
            not_in_pack.push(item);
        }
    }
    changed.extend(not_in_pack);
    PlanView {
        current,
        other: changed,
    }
}

// ---------------------------------------------------------------------------
// The plan over time.

/// One action of an earlier plan, seen from now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierAction {
    pub id: ActionId,
    pub entry: Entry,
    /// The answer in the earlier assessment, and now.
    pub then: Option<Response>,
    pub now: Option<Response>,
    pub change: Change,
    /// The answer now reaches what the action asked for.
    pub moved_up: bool,
}

/// The earlier plan, and the actions it marked done whose question has not
/// moved: worth a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanComparison {
    /// Every entry of the earlier plan: those for the earlier summary's
    /// actions in its order, then the rest by question id.
    pub actions: Vec<EarlierAction>,
}

impl PlanComparison {
    /// Done then, yet the answer has not reached what the action asked for.
    pub fn worth_a_conversation(&self) -> impl Iterator<Item = &EarlierAction> {
        self.actions
            .iter()
            .filter(|a| a.entry.status == Status::Done && !a.moved_up)
    }
}

/// The action ids of a summary, in its order: priority actions, then "find
/// out" ones.
pub fn summary_action_ids(summary: &Summary) -> Vec<ActionId> {
    summary
        .priority_actions
        .iter()
        .filter_map(|a| {
            Step::for_response(Response::Level(a.level)).map(|s| ActionId::new(&a.question_id, s))
        })
        .chain(
            summary
                .find_out
                .iter()
                .map(|f| ActionId::new(&f.question_id, Step::FindOut)),
        )
        .collect()
}

/// The earlier assessment's plan, compared with the answers now.
/// `earlier_summary` is the earlier assessment's summary, for the order.
pub fn compare_plans(
    earlier: &Assessment,
    now: &Assessment,
    earlier_summary: &Summary,
) -> PlanComparison {
    let plan = &earlier.plan;
    let ordered = summary_action_ids(earlier_summary);
    let ids = ordered
        .iter()
        .filter(|id| plan.entry(id).is_some())
        .chain(plan.entries.keys().filter(|id| !ordered.contains(id)));
    let actions = ids
        .filter_map(|id| {
            let entry = plan.entry(id)?.clone();
            let then = earlier.response(&id.question_id);
            let now = now.response(&id.question_id);
            Some(EarlierAction {
                id: id.clone(),
                entry,
                then,
                now,
                change: Change::between(then, now),
                moved_up: id.step.reached_by(now),
            })
        })
        .collect();
    PlanComparison { actions }
}

// ---------------------------------------------------------------------------
// The plan in the assessment file.

#[derive(Serialize)]
pub(crate) struct EntryOut<'a> {
    question: &'a str,
    #[serde(rename = "for")]
    step: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    owner: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    target: &'a str,
    status: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    changed: &'a str,
}

/// The plan as the file's `plan` list, in question order.
pub(crate) fn write_plan(plan: &Plan) -> Vec<EntryOut<'_>> {
    plan.entries
        .iter()
        .map(|(id, e)| EntryOut {
            question: &id.question_id,
            step: id.step.as_str(),
            owner: &e.owner,
            target: &e.target,
            status: e.status.as_str(),
            note: &e.note,
            changed: &e.changed,
        })
        .collect()
}

type Object = serde_json::Map<String, Value>;

/// Reads the file's `plan` list. A list or an entry of the wrong shape is
/// an error (the file is damaged); an action the pack does not have, an
/// owner or note over the limits, and a target that is not a month are
/// kept as they are and reported. Entries for actions the pack does not
/// have beyond [`MAX_PLAN_ENTRIES_ASIDE`] are left out, and one warning
/// says how many.
pub(crate) fn read_plan(
    root: &Object,
    pack: &ContentPack,
    warnings: &mut Vec<FileProblem>,
) -> Result<Plan, FileProblem> {
    let malformed = |field: String| FileProblem::Malformed { field };
    let items = match root.get("plan") {
        None | Some(Value::Null) => return Ok(Plan::default()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(malformed("plan".to_string())),
    };
    let mut plan = Plan::default();
    let (mut aside, mut left_out) = (0, 0);
    for (index, item) in items.iter().enumerate() {
        let path = |field: &str| format!("plan[{index}]{field}");
        let object = item.as_object().ok_or_else(|| malformed(path("")))?;
        let text = |field: &str| -> Result<String, FileProblem> {
            match object.get(field) {
                None | Some(Value::Null) => Ok(String::new()),
                Some(Value::String(text)) => Ok(text.clone()),
                Some(_) => Err(malformed(path(&format!(".{field}")))),
            }
        };
        let question_id = text("question")?;
        let step = text("for")?;
        if question_id.is_empty() || step.is_empty() {
            return Err(malformed(path("")));
        }
        let status = match object.get("status") {
            None | Some(Value::Null) => Status::NotStarted,
            Some(Value::String(s)) => Status::parse(s).ok_or_else(|| malformed(path(".status")))?,
            Some(_) => return Err(malformed(path(".status"))),
        };
        let entry = Entry {
            owner: text("owner")?,
            target: text("target")?,
            status,
            note: text("note")?,
            changed: text("changed")?,
        };
        let id = ActionId::new(&question_id, Step::parse(&step));
        if plan.entries.contains_key(&id) {
            return Err(malformed(path("")));
        }
        if entry.is_empty() {
            continue;
        }
        let wording = pack.question(&question_id).map(|(_, q)| q.text.clone());
        let known = wording.is_some() && !matches!(id.step, Step::Other(_));
        let named = || {
            wording
                .clone()
                .or_else(|| pack.earlier_question(&question_id).map(|e| e.text.clone()))
        };
        if !known && aside == MAX_PLAN_ENTRIES_ASIDE {
            left_out += 1;
            continue;
        }
        if !known {
            aside += 1;
            warnings.push(FileProblem::PlanActionNotInPack {
                question_id: question_id.clone(),
                question: named(),
            });
        }
        for (field, value, limit) in [
            ("owner", &entry.owner, MAX_OWNER_CHARS),
            ("note", &entry.note, MAX_PLAN_NOTE_CHARS),
        ] {
            if let Err(PlanProblem::TooLong { limit, length }) = too_long(value, limit) {
                warnings.push(FileProblem::PlanTooLong {
                    question_id: question_id.clone(),
                    question: named(),
                    field: field.to_string(),
                    limit,
                    length,
                });
            }
        }
        if !entry.target.trim().is_empty() && month(&entry.target).is_none() {
            warnings.push(FileProblem::PlanTargetNotMonth {
                question_id: question_id.clone(),
                question: named(),
                value: entry.target.clone(),
            });
        }
        plan.entries.insert(id, entry);
    }
    if left_out > 0 {
        warnings.push(FileProblem::PlanEntriesLeftOut {
            kept: aside,
            left_out,
        });
    }
    Ok(plan)
}
