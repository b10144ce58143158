//! Bounds on what a file can hold that the screens cannot make: plan entries
//! for actions the pack does not have, and answers kept aside. A file just
//! under the size limit with 19,000 of either opens with the first 200 and
//! one message for the rest, and the warnings are listed 50 of a kind.
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{
    read_assessment, summarise, FileProblem, WarningLine, MAX_FILE_BYTES,
};
use ready_to_share::model::locale::Locale;
use serde_json::{json, Value};

fn pack() -> ContentPack {
    ContentPack::built_in()
}

/// A file of the built-in pack with `plan` and `answers` as given.
fn file(pack: &ContentPack, plan: Vec<Value>, answers: Value) -> String {
    let text = json!({
        "format": "ready-to-share-assessment",
        "format_version": 2,
        "content_pack": { "id": pack.id, "version": pack.version },
        "created": "2026-11-22T10:00:00.000Z",
        "updated": "2026-11-22T10:00:00.000Z",
        "context": { "area": "Hostile", "organisation": "", "partners": "", "policy_areas": [] },
        "answers": answers,
        "story": "",
        "plan": plan,
    })
    .to_string();
    assert!(text.len() <= MAX_FILE_BYTES, "{} bytes", text.len());
    text
}

/// `count` plan entries for questions no pack has, each decided.
fn entries_not_in_pack(count: usize) -> Vec<Value> {
    (0..count)
        .map(|i| json!({ "question": format!("q{i}"), "for": "level-3", "status": "done" }))
        .collect()
}

fn count(warnings: &[FileProblem], kind: fn(&FileProblem) -> bool) -> usize {
    warnings.iter().filter(|w| kind(w)).count()
}

#[test]
fn a_plan_of_19000_entries_opens_with_200_and_one_message_for_the_rest() {
    let pack = pack();
    let text = file(&pack, entries_not_in_pack(19_000), json!({}));
    assert!(
        text.len() > 900_000,
        "just under 1 MB: {} bytes",
        text.len()
    );
    let opened = read_assessment(&text, &pack).expect("the file opens");
    let plan = &opened.assessment.plan;
    assert_eq!(plan.entries.len(), 200);
    // The first 200, in the file's order.
    assert!(plan.entries.keys().all(|id| {
        let n: usize = id.question_id[1..].parse().unwrap();
        n < 200
    }));
    let warnings = &opened.warnings;
    assert_eq!(
        count(warnings, |w| matches!(
            w,
            FileProblem::PlanActionNotInPack { .. }
        )),
        200
    );
    assert_eq!(warnings.len(), 201, "one message for the entries left out");
    let last = Locale::english().file_problem(warnings.last().unwrap());
    assert_eq!(
        last,
        "Your plan has 19,000 actions that this version of the questions does not have, \
         more than the 200 that can be kept. The first 200 are kept and listed under \
         \"Other actions in your plan\"; the other 18,800 were left out."
    );
}

#[test]
fn a_plan_of_200_entries_not_in_the_pack_opens_whole() {
    let pack = pack();
    let opened = read_assessment(&file(&pack, entries_not_in_pack(200), json!({})), &pack)
        .expect("the file opens");
    assert_eq!(opened.assessment.plan.entries.len(), 200);
    assert_eq!(opened.warnings.len(), 200, "nothing left out");
    // Entries for the pack's own actions never count towards the bound.
    let ids: Vec<String> = pack.questions().map(|(_, q)| q.id.clone()).collect();
    let mut plan = entries_not_in_pack(200);
    for id in &ids {
        for step in ["level-1-2", "level-3", "level-4", "not-sure"] {
            plan.push(json!({ "question": id, "for": step, "owner": "Council" }));
        }
    }
    let opened = read_assessment(&file(&pack, plan, json!({})), &pack).expect("opens");
    assert_eq!(opened.assessment.plan.entries.len(), 200 + 4 * ids.len());
    assert_eq!(opened.warnings.len(), 200);
}

#[test]
fn answers_to_19000_unknown_questions_keep_200_aside_and_one_message_for_the_rest() {
    let pack = pack();
    let mut answers = serde_json::Map::new();
    for i in 0..19_000 {
        answers.insert(format!("u{i:05}"), json!({ "level": 3 }));
    }
    let first = pack.questions().next().unwrap().1.id.clone();
    answers.insert(first.clone(), json!({ "level": 2 }));
    let opened = read_assessment(&file(&pack, Vec::new(), Value::Object(answers)), &pack)
        .expect("the file opens");
    let a = &opened.assessment;
    assert_eq!(a.set_aside.len(), 200);
    assert_eq!(a.answers.len(), 1, "the pack's own answers are all kept");
    assert!(a.answers.contains_key(&first));
    assert_eq!(
        count(&opened.warnings, |w| matches!(
            w,
            FileProblem::UnknownQuestion { .. }
        )),
        200
    );
    assert_eq!(opened.warnings.len(), 201);
    assert_eq!(
        Locale::english().file_problem(opened.warnings.last().unwrap()),
        "The file has answers to 19,000 questions this version does not know, more than \
         the 200 that can be kept. The first 200 are kept with the file; the other 18,800 \
         were left out."
    );
}

#[test]
fn warnings_are_listed_fifty_of_a_kind_and_the_rest_counted() {
    let not_in_pack = |i: usize| FileProblem::PlanActionNotInPack {
        question_id: format!("q{i}"),
        question: None,
    };
    let policy = |i: usize| FileProblem::UnknownPolicyArea {
        policy_area_id: format!("p{i}"),
    };
    // Kinds interleaved: each kind stays together, in the order it first
    // came; 53 of each.
    let mut warnings = vec![policy(0), not_in_pack(0)];
    for i in 1..53 {
        warnings.push(not_in_pack(i));
        warnings.push(policy(i));
    }
    warnings.push(FileProblem::OtherPack {
        pack_id: "x".into(),
    });
    let lines = summarise(&warnings);
    assert_eq!(lines.len(), 50 + 1 + 50 + 1 + 1);
    for i in 0..50 {
        assert_eq!(lines[i], WarningLine::Problem(&policy(i)), "{i}");
        assert_eq!(lines[51 + i], WarningLine::Problem(&not_in_pack(i)), "{i}");
    }
    assert_eq!(lines[50], WarningLine::More(3));
    assert_eq!(lines[101], WarningLine::More(3));
    assert_eq!(
        lines[102],
        WarningLine::Problem(&FileProblem::OtherPack {
            pack_id: "x".into()
        })
    );
    // Fifty or fewer of a kind: every one listed, nothing counted.
    assert_eq!(summarise(&warnings[..100]).len(), 100);
    assert_eq!(summarise(&[]), vec![]);
}

#[test]
fn a_hostile_plan_lists_fifty_two_lines() {
    let pack = pack();
    let opened = read_assessment(&file(&pack, entries_not_in_pack(19_000), json!({})), &pack)
        .expect("the file opens");
    let lines = summarise(&opened.warnings);
    assert_eq!(lines.len(), 52, "{lines:?}");
    assert_eq!(lines[50], WarningLine::More(150));
    assert!(matches!(
        lines[51],
        WarningLine::Problem(FileProblem::PlanEntriesLeftOut {
            kept: 200,
            left_out: 18_800
        })
    ));
    assert_eq!(
        Locale::english().file.more_of_the_same,
        "And {count} more of the same kind."
    );
}
