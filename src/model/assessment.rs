//! One area's answers: context, a response and note per question, and a story.

use crate::model::content::{ContentPack, Nation};
use crate::model::plan::Plan;
use crate::model::sorted::{SortedMap, SortedSet};

pub use crate::model::response::Response;

/// The answer to one question. A note may be written before (or without)
/// choosing a response, so both parts are optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    pub response: Option<Response>,
    pub note: String,
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        self.response.is_none() && self.note.trim().is_empty()
    }
}

/// About the area (all optional).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// The area or partnership, for example "Bath and North East Somerset".
    pub area: String,
    /// The organisation of whoever fills this in; names them in a partnership view.
    pub organisation: String,
    /// The partner organisations, as the user wrote them.
    pub partners: String,
    /// Ids of the policy areas in focus.
    pub policy_areas: SortedSet<String>,
    /// Where the partnership works: it decides which guidance applies.
    pub nation: Nation,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assessment {
    /// The content pack the answers were given against.
    pub pack_id: String,
    pub pack_version: String,
    /// ISO 8601 timestamps, supplied by the caller (the model has no clock).
    pub created: String,
    pub updated: String,
    pub context: Context,
    /// Answers by question id, for questions in the current pack.
    pub answers: SortedMap<String, Answer>,
    /// Answers to questions the current pack does not have (from a file made
    /// with another version). Kept aside and written back out, never dropped.
    pub set_aside: SortedMap<String, Answer>,
    /// The #InfoStory: a time sharing made, or could have made, a difference.
    pub story: String,
    /// The action plan: owner, target month, status and note per action.
    pub plan: Plan,
}

impl Assessment {
    pub fn new(pack: &ContentPack, now: &str) -> Assessment {
        Assessment {
            pack_id: pack.id.clone(),
            pack_version: pack.version.clone(),
            created: now.to_string(),
            updated: now.to_string(),
            ..Assessment::default()
        }
    }

    pub fn response(&self, question_id: &str) -> Option<Response> {
        self.answers.get(question_id).and_then(|a| a.response)
    }

    pub fn note(&self, question_id: &str) -> &str {
        self.answers
            .get(question_id)
            .map(|a| a.note.as_str())
            .unwrap_or("")
    }

    /// Sets or clears a response. A level outside 1 to 5 is not a response
    /// and is ignored.
    pub fn set_response(&mut self, question_id: &str, response: Option<Response>) {
        if matches!(response, Some(Response::Level(level)) if !(1..=5).contains(&level)) {
            return;
        }
        self.answers
            .get_or_insert_with(question_id.to_string(), Default::default)
            .response = response;
        self.tidy(question_id);
    }

    pub fn set_note(&mut self, question_id: &str, note: &str) {
        self.answers
            .get_or_insert_with(question_id.to_string(), Default::default)
            .note = note.to_string();
        self.tidy(question_id);
    }

    /// Drops an answer that holds nothing, so "empty" has one representation.
    fn tidy(&mut self, question_id: &str) {
        if self.answers.get(question_id).is_some_and(Answer::is_empty) {
            self.answers.remove(question_id);
        }
    }

    /// True when the two hold the same answers, context and story, whatever
    /// their timestamps.
    pub fn same_answers(&self, other: &Assessment) -> bool {
        self.answers == other.answers
            && self.set_aside == other.set_aside
            && self.context == other.context
            && self.story == other.story
            && self.plan == other.plan
    }

    /// True when nothing at all has been entered.
    pub fn is_blank(&self) -> bool {
        self.answers.is_empty()
            && self.set_aside.is_empty()
            && self.story.trim().is_empty()
            && self.context == Context::default()
            && self.plan.is_empty()
    }

    /// How many of the pack's questions have a response (a level or not sure).
    pub fn responded_count(&self, pack: &ContentPack) -> usize {
        pack.questions()
            .filter(|(_, q)| self.response(&q.id).is_some())
            .count()
    }
}
