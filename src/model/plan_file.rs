//! The action plan in the assessment file: the `plan` list written with
//! each entry's question, step and fields, and read back with every entry
//! kept, damaged shapes refused and anything odd reported.

use serde::Serialize;
use serde_json::Value;

use crate::model::content::ContentPack;
use crate::model::file_problem::FileProblem;
use crate::model::plan::{
    month, too_long, ActionId, Entry, Plan, PlanProblem, Status, Step, MAX_OWNER_CHARS,
    MAX_PLAN_ENTRIES_ASIDE, MAX_PLAN_NOTE_CHARS,
};

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
    let items = match root.get("plan") {
        None | Some(Value::Null) => return Ok(Plan::default()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(malformed("plan".to_string())),
    };
    let mut plan = Plan::default();
    let (mut aside, mut left_out) = (0, 0);
    for (index, item) in items.iter().enumerate() {
        let (id, entry) = read_entry(index, item)?;
        if plan.entries.contains_key(&id) {
            return Err(malformed(entry_path(index, "")));
        }
        if entry.is_empty() {
            continue;
        }
        let question_id = id.question_id.clone();
        let wording = pack.question(&question_id).map(|(_, q)| q.text.clone());
        let known = wording.is_some() && !matches!(id.step, Step::Other(_));
        // The question's wording for a message: as the pack asks it, or as
        // an earlier version did.
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
        warnings.extend(entry_problems(&question_id, &entry, named));
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

fn malformed(field: String) -> FileProblem {
    FileProblem::Malformed { field }
}

/// Where a field of the plan's `index`th entry is, for a message:
/// `plan[2].owner`, or `plan[2]` for the entry itself.
fn entry_path(index: usize, field: &str) -> String {
    format!("plan[{index}]{field}")
}

/// One entry of the `plan` list, with the action it is for; an error when
/// its shape is wrong (not an object, a field not text, no question or
/// step, a status the app does not have).
fn read_entry(index: usize, item: &Value) -> Result<(ActionId, Entry), FileProblem> {
    let path = |field: &str| entry_path(index, field);
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
    Ok((ActionId::new(&question_id, Step::parse(&step)), entry))
}

/// What is odd about an entry that is kept as it is: an owner or note over
/// its limit, a target that is not a month. `named` gives the question's
/// wording for the messages.
fn entry_problems(
    question_id: &str,
    entry: &Entry,
    named: impl Fn() -> Option<String>,
) -> Vec<FileProblem> {
    let mut problems = Vec::new();
    for (field, value, limit) in [
        ("owner", &entry.owner, MAX_OWNER_CHARS),
        ("note", &entry.note, MAX_PLAN_NOTE_CHARS),
    ] {
        if let Err(PlanProblem::TooLong { limit, length }) = too_long(value, limit) {
            problems.push(FileProblem::PlanTooLong {
                question_id: question_id.to_string(),
                question: named(),
                field: field.to_string(),
                limit,
                length,
            });
        }
    }
    if !entry.target.trim().is_empty() && month(&entry.target).is_none() {
        problems.push(FileProblem::PlanTargetNotMonth {
            question_id: question_id.to_string(),
            question: named(),
            value: entry.target.clone(),
        });
    }
    problems
}
