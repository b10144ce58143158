//! The action plan as the screens and reports show it: the summary's
//! actions in order with what the partnership decided about each, then the
//! plan's other entries, and the words for an action and a target month.

use crate::model::assessment::{Assessment, Response};
use crate::model::content::ContentPack;
use crate::model::locale::{fill, Locale};
use crate::model::plan::{month, ActionId, Entry, Plan, Status, Step};
use crate::model::summary::{FindOut, PriorityAction, Summary};

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
    crate::model::words::question_text(pack, question_id)
}

/// The plan beside the summary's actions.
pub fn plan_view(
    pack: &ContentPack,
    locale: &Locale,
    assessment: &Assessment,
    summary: &Summary,
) -> PlanView {
    let plan = &assessment.plan;
    let mut current: Vec<PlanItem> = summary
        .priority_actions
        .iter()
        .filter_map(|action| priority_item(pack, locale, plan, action))
        .collect();
    current.extend(
        summary
            .find_out
            .iter()
            .map(|find_out| find_out_item(pack, locale, plan, find_out)),
    );
    let mut changed = Vec::new();
    let mut not_in_pack = Vec::new();
    for (id, entry) in &plan.entries {
        if current.iter().any(|item| item.id == *id) {
            continue;
        }
        let item = other_item(pack, locale, assessment, id, entry);
        if item.standing == Standing::AnswerChanged {
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

/// The plan's entry for an action, or an empty one when nothing is planned.
fn entry_or_empty(plan: &Plan, id: &ActionId) -> Entry {
    plan.entry(id).cloned().unwrap_or_default()
}

/// One of the summary's priority actions with its entry; `None` for a
/// level that has no step.
fn priority_item(
    pack: &ContentPack,
    locale: &Locale,
    plan: &Plan,
    action: &PriorityAction,
) -> Option<PlanItem> {
    let step = Step::for_response(Response::Level(action.level))?;
    let id = ActionId::new(&action.question_id, step);
    Some(PlanItem {
        standing: Standing::Current,
        theme_id: Some(action.theme_id.clone()),
        response: Some(Response::Level(action.level)),
        action: action.action.clone(),
        why: fill(
            locale.report.action_because,
            &[
                ("level", pack.level_label(action.level)),
                ("question", question_words(pack, &action.question_id)),
            ],
        ),
        guidance: action.guidance.clone(),
        entry: entry_or_empty(plan, &id),
        id,
    })
}

/// A "not sure" answer as an action: find out, with its entry.
fn find_out_item(pack: &ContentPack, locale: &Locale, plan: &Plan, find_out: &FindOut) -> PlanItem {
    let id = ActionId::new(&find_out.question_id, Step::FindOut);
    PlanItem {
        standing: Standing::Current,
        theme_id: Some(find_out.theme_id.clone()),
        response: Some(Response::NotSure),
        action: action_text(pack, locale, &id),
        why: locale.plan.why_not_sure.to_string(),
        guidance: Vec::new(),
        entry: entry_or_empty(plan, &id),
        id,
    }
}

/// A planned action the summary no longer lists: its answer has changed
/// since, or the pack no longer has it. Kept, so nothing planned is lost.
fn other_item(
    pack: &ContentPack,
    locale: &Locale,
    assessment: &Assessment,
    id: &ActionId,
    entry: &Entry,
) -> PlanItem {
    let question = pack.question(&id.question_id);
    let response = assessment.response(&id.question_id);
    let known = question.is_some() && !matches!(id.step, Step::Other(_));
    PlanItem {
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
                    crate::model::words::response_label(pack, locale, response),
                ),
            ],
        ),
        guidance: question
            .map(|(_, q)| pack.guidance_for(q, assessment.context.nation))
            .unwrap_or_default(),
        entry: entry.clone(),
    }
}
