//! Comparing an assessment with an earlier one: what moved, by theme and by
//! question, which earlier priority actions are now done, and the overall
//! score then and now.
//!
//! Every change has a direction that the renderers put into words, so the
//! comparison never relies on colour alone. Answers in the earlier file that
//! the current pack does not have are listed, never dropped.

use crate::model::assessment::{Answer, Assessment, Response};
use crate::model::content::ContentPack;
use crate::model::plan::{ActionId, Entry, Status, Step};
use crate::model::scoring::{self, Band, Score};
use crate::model::sorting;
use crate::model::summary::{summarise, Summary};

/// How a score moved between the earlier assessment and now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Down,
    /// The same score, or no score either time.
    Same,
    /// No score then, a score now.
    NewlyScored,
    /// A score then, none now.
    NoLongerScored,
}

impl Direction {
    /// The direction from one optional score to another, from the exact
    /// values.
    pub fn between<T: Ord>(then: Option<T>, now: Option<T>) -> Direction {
        match (then, now) {
            (Some(a), Some(b)) if b > a => Direction::Up,
            (Some(a), Some(b)) if b < a => Direction::Down,
            (Some(_), Some(_)) | (None, None) => Direction::Same,
            (None, Some(_)) => Direction::NewlyScored,
            (Some(_), None) => Direction::NoLongerScored,
        }
    }
}

/// How one question's answer changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// A level then, a higher level now.
    MovedUp,
    /// A level then, a lower level now.
    MovedDown,
    /// No response then and a response now, or "not sure" then and a level now.
    NewlyAnswered,
    /// The same response both times (the same level, or "not sure" both times).
    Unchanged,
    /// A response then and none now, or a level then and "not sure" now.
    NoLongerAnswered,
    /// No response either time.
    NotAnswered,
}

impl Change {
    pub fn between(then: Option<Response>, now: Option<Response>) -> Change {
        match (then, now) {
            (Some(Response::Level(a)), Some(Response::Level(b))) if b > a => Change::MovedUp,
            (Some(Response::Level(a)), Some(Response::Level(b))) if b < a => Change::MovedDown,
            (None, None) => Change::NotAnswered,
            (None, Some(_)) | (Some(Response::NotSure), Some(Response::Level(_))) => {
                Change::NewlyAnswered
            }
            (Some(_), None) | (Some(Response::Level(_)), Some(Response::NotSure)) => {
                Change::NoLongerAnswered
            }
            (Some(_), Some(_)) => Change::Unchanged,
        }
    }

    /// Every change, in the order the reports list them.
    pub const ALL: [Change; 6] = [
        Change::MovedUp,
        Change::MovedDown,
        Change::NewlyAnswered,
        Change::NoLongerAnswered,
        Change::Unchanged,
        Change::NotAnswered,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeChange {
    pub theme_id: String,
    pub then: Option<Score>,
    pub now: Option<Score>,
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionChange {
    pub question_id: String,
    pub theme_id: String,
    pub then: Option<Response>,
    pub now: Option<Response>,
    pub change: Change,
}

/// An earlier priority action whose recommended step has since been reached:
/// the answer moved from level 1 or 2 to 3 or more, from 3 to 4 or more, or
/// from 4 to 5 (each level's step asks for what the next level has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneAction {
    pub question_id: String,
    pub theme_id: String,
    pub then_level: u8,
    pub now_level: u8,
    /// The step that was recommended then.
    pub action: String,
}

/// An answer to a question the pack does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedAnswer {
    pub question_id: String,
    pub answer: Answer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// When the earlier assessment was last changed, as its file records it
    /// (an ISO 8601 timestamp, or empty).
    pub earlier_updated: String,
    /// One per theme, in pack order.
    pub themes: Vec<ThemeChange>,
    pub overall_then: Option<Score>,
    pub overall_now: Option<Score>,
    pub band_then: Option<Band>,
    pub band_now: Option<Band>,
    pub overall_direction: Direction,
    /// One per question, in pack order.
    pub questions: Vec<QuestionChange>,
    /// In the order the earlier summary ranked them.
    pub done_actions: Vec<DoneAction>,
    /// The earlier file's answers to questions this pack does not have: its
    /// set-aside answers, and any answer whose id the pack does not know.
    pub earlier_unmatched: Vec<UnmatchedAnswer>,
    /// The earlier plan: each action's owner and status, and whether its
    /// question has since moved up.
    pub plan: PlanComparison,
}

impl Comparison {
    /// The questions with the given change, in pack order.
    pub fn with_change(&self, change: Change) -> impl Iterator<Item = &QuestionChange> {
        self.questions.iter().filter(move |q| q.change == change)
    }

    pub fn count(&self, change: Change) -> usize {
        self.with_change(change).count()
    }

    /// True when some score, band or answer differs.
    pub fn has_changes(&self) -> bool {
        self.overall_direction != Direction::Same
            || self.band_then != self.band_now
            || self.themes.iter().any(|t| t.direction != Direction::Same)
            || self
                .questions
                .iter()
                .any(|q| !matches!(q.change, Change::Unchanged | Change::NotAnswered))
    }
}

/// Answers in `assessment` to questions `pack` does not have, by question id.
pub fn unmatched_answers(pack: &ContentPack, assessment: &Assessment) -> Vec<UnmatchedAnswer> {
    let mut unmatched: Vec<UnmatchedAnswer> = assessment
        .answers
        .iter()
        .filter(|(id, _)| pack.question(id).is_none())
        .chain(&assessment.set_aside)
        .map(|(id, answer)| UnmatchedAnswer {
            question_id: id.clone(),
            answer: answer.clone(),
        })
        .collect();
    sorting::sort_by(&mut unmatched, |a, b| a.question_id.cmp(&b.question_id));
    unmatched
}

/// Compares `now` with `earlier`, both read against `pack`.
pub fn compare(pack: &ContentPack, earlier: &Assessment, now: &Assessment) -> Comparison {
    let then_profile = scoring::profile(pack, earlier);
    let now_profile = scoring::profile(pack, now);
    let themes = then_profile
        .themes
        .iter()
        .zip(&now_profile.themes)
        .map(|(then, now)| ThemeChange {
            theme_id: then.theme_id.clone(),
            then: then.score,
            now: now.score,
            direction: Direction::between(then.score, now.score),
        })
        .collect();

    let questions = pack
        .questions()
        .map(|(theme, question)| {
            let then = earlier.response(&question.id);
            let now = now.response(&question.id);
            QuestionChange {
                question_id: question.id.clone(),
                theme_id: theme.id.clone(),
                then,
                now,
                change: Change::between(then, now),
            }
        })
        .collect();

    let earlier_summary = summarise(pack, earlier);
    let plan = compare_plans(earlier, now, &earlier_summary);
    let done_actions = earlier_summary
        .priority_actions
        .into_iter()
        .filter_map(|action| {
            let now_level = now.response(&action.question_id)?.level()?;
            let done = now_level > action.level.max(2);
            done.then_some(DoneAction {
                question_id: action.question_id,
                theme_id: action.theme_id,
                then_level: action.level,
                now_level,
                action: action.action,
            })
        })
        .collect();

    Comparison {
        earlier_updated: earlier.updated.clone(),
        themes,
        overall_then: then_profile.overall,
        overall_now: now_profile.overall,
        band_then: then_profile.band,
        band_now: now_profile.band,
        overall_direction: Direction::between(then_profile.overall, now_profile.overall),
        questions,
        done_actions,
        earlier_unmatched: unmatched_answers(pack, earlier),
        plan,
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
