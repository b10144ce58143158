//! Files saved with content packs 1.0.0 and 2.0.0 open with pack 3.0.0.
//! Answers to questions whose meaning is unchanged come back; answers to
//! questions whose levels now mean something else are set aside, named by
//! their wording, and never compared as the same answer; removed questions
//! are reported in words (never by id); nothing is dropped.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::compare::compare;
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, write_assessment, FileProblem};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::render::{html, markdown, SummaryReport};

const OLD_FILE: &str = include_str!("fixtures/assessment-pack-1.0.0.json");
const OLD_PACK: &str = include_str!("fixtures/pack-1.0.0.json");
const PACK_2: &str = include_str!("fixtures/pack-2.0.0.json");

/// Written by hand from the review (section 3): the five questions whose
/// levels changed meaning between 1.0.0 and 2.0.0.
const MEANING_SINCE_1: [&str; 5] = [
    "purpose-what-information",
    "data-overlap",
    "data-quality",
    "data-systems",
    "culture-stories",
];

/// Written by hand when the ladders were rewritten for 3.0.0: the questions
/// whose levels now mean something else than in 2.0.0 (the 9 overlapping
/// ladders, the weakest ones, and the widened questions).
const MEANING_SINCE_2: [&str; 17] = [
    "purpose-transformation",
    "governance-legal-power",
    "governance-policies",
    "governance-accountability",
    "safeguarding-urgent",
    "safeguarding-not-sharing",
    "data-holdings",
    "data-systems",
    "governance-dpia",
    "security-breaches",
    "security-retention",
    "culture-staff-confidence",
    "culture-understanding",
    "culture-capacity",
    "people-consent",
    "people-rights",
    "people-fairness",
];

fn old_pack() -> ContentPack {
    ContentPack::parse("pack-1.0.0.json", OLD_PACK).expect("the 1.0.0 pack reads")
}

fn pack_2() -> ContentPack {
    ContentPack::parse("pack-2.0.0.json", PACK_2).expect("the 2.0.0 pack reads")
}

fn new_pack() -> ContentPack {
    ContentPack::built_in()
}

fn meaning_changed_since(version: &str, id: &str) -> bool {
    MEANING_SINCE_2.contains(&id) || version == "1.0.0" && MEANING_SINCE_1.contains(&id)
}

/// The fixture answers all 30 questions of 1.0.0 (levels 1 to 5 and "not
/// sure" in turn) with a note on every fourth.
#[test]
fn the_fixture_is_a_complete_version_1_file() {
    let opened = read_assessment(OLD_FILE, &old_pack()).expect("opens with its own pack");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert_eq!(opened.assessment.answers.len(), 30);
    assert_eq!(opened.assessment.pack_version, "1.0.0");
}

/// The pack lists exactly the changes of meaning written out above.
#[test]
fn every_change_of_meaning_is_listed() {
    use ready_to_share::model::content::Change;
    let pack = new_pack();
    let listed = |version: &str| -> Vec<String> {
        let mut ids: Vec<String> = pack
            .earlier_questions
            .iter()
            .filter(|e| e.version == version && e.change == Change::Meaning)
            .map(|e| e.id.clone())
            .collect();
        ids.sort();
        ids
    };
    let mut since_1: Vec<String> = MEANING_SINCE_1.iter().map(|s| s.to_string()).collect();
    since_1.sort();
    let mut since_2: Vec<String> = MEANING_SINCE_2.iter().map(|s| s.to_string()).collect();
    since_2.sort();
    assert_eq!(listed("1.0.0"), since_1);
    assert_eq!(listed("2.0.0"), since_2);
}

#[test]
fn a_version_1_file_opens_with_changed_meanings_set_aside_and_named() {
    let old = read_assessment(OLD_FILE, &old_pack()).unwrap().assessment;
    let pack = new_pack();
    let opened = read_assessment(OLD_FILE, &pack).expect("a 1.0.0 file opens in 3.0.0");
    let now = &opened.assessment;
    assert_eq!(now.pack_version, "3.0.0");
    let mut kept = 0;
    for (id, answer) in &old.answers {
        if pack.question(id).is_some() && !meaning_changed_since("1.0.0", id) {
            assert_eq!(
                now.answers.get(id),
                Some(answer),
                "{id} came back as it was"
            );
            kept += 1;
        } else {
            assert_eq!(now.set_aside.get(id), Some(answer), "{id} is kept aside");
            assert!(now.answers.get(id).is_none(), "{id} is not answered");
        }
        if pack.question(id).is_some() && meaning_changed_since("1.0.0", id) {
            assert!(
                opened.warnings.iter().any(
                    |w| matches!(w, FileProblem::ChangedMeaning { question_id, .. } if question_id == id)
                ),
                "{id}: the change of meaning is named"
            );
        }
    }
    // 30 questions: culture-confidence removed; 11 changed meaning since
    // 1.0.0 (5 in 2.0.0; in 3.0.0 data-systems again and 6 more).
    assert_eq!(kept, 30 - 1 - 11, "answers kept");
    for new_id in [
        "safeguarding-urgent",
        "safeguarding-children",
        "people-opt-out",
    ] {
        assert_eq!(now.response(new_id), None, "{new_id} is unanswered");
    }
    assert_eq!(now.context.area, "Northshire");
    assert_eq!(now.story, "A family told their story five times.");
}

#[test]
fn a_version_2_file_opens_with_changed_meanings_set_aside_and_named() {
    let old_pack = pack_2();
    let mut saved = Assessment::new(&old_pack, "2026-11-29T10:00:00Z");
    for (i, (_, q)) in old_pack.questions().enumerate() {
        saved.set_response(&q.id, Some(Response::Level((i % 5) as u8 + 1)));
    }
    let file = write_assessment(&saved);
    let pack = new_pack();
    let opened = read_assessment(&file, &pack).expect("a 2.0.0 file opens in 3.0.0");
    let now = &opened.assessment;
    for (_, q) in old_pack.questions() {
        let answer = saved.answers.get(&q.id).unwrap();
        if MEANING_SINCE_2.contains(&q.id.as_str()) {
            assert_eq!(now.set_aside.get(&q.id), Some(answer), "{} set aside", q.id);
            let Some(Response::Level(level)) = answer.response else {
                unreachable!()
            };
            let named = opened.warnings.iter().find_map(|w| match w {
                FileProblem::ChangedMeaning {
                    question_id,
                    answered,
                    ..
                } if *question_id == q.id => Some(answered.clone()),
                _ => None,
            });
            assert_eq!(
                named,
                Some(Some(q.levels.for_level(level).to_string())),
                "{}: the answer is shown in the words that were answered",
                q.id
            );
        } else {
            assert_eq!(now.answers.get(&q.id), Some(answer), "{} kept", q.id);
        }
    }
    assert_eq!(
        now.answers.len(),
        old_pack.question_count() - MEANING_SINCE_2.len()
    );
}

#[test]
fn reworded_and_removed_questions_are_reported_in_words() {
    let pack = new_pack();
    let opened = read_assessment(OLD_FILE, &pack).unwrap();
    let locale = Locale::english();
    let old = old_pack();
    let old_text = |id: &str| old.question(id).unwrap().1.text.clone();

    let reworded: Vec<&str> = opened
        .warnings
        .iter()
        .filter_map(|w| match w {
            FileProblem::RewordedQuestion { question_id, .. } => Some(question_id.as_str()),
            _ => None,
        })
        .collect();
    for id in [
        "purpose-ownership",
        "governance-agreement",
        "governance-roles",
        "data-feedback",
        "governance-lawful-basis",
        "culture-leadership",
    ] {
        assert!(reworded.contains(&id), "{id} is reported as reworded");
    }
    let messages: Vec<String> = opened
        .warnings
        .iter()
        .map(|w| locale.file_problem(w))
        .collect();
    let agreement = messages
        .iter()
        .find(|m| m.contains(&old_text("governance-agreement")))
        .expect("the old wording of governance-agreement is quoted");
    let new_agreement = &pack.question("governance-agreement").unwrap().1.text;
    assert!(agreement.contains(new_agreement.as_str()));

    let removed = messages
        .iter()
        .find(|m| m.contains(&old_text("culture-confidence")))
        .expect("the removed question is named by its wording");
    let replacement = &pack.question("culture-staff-confidence").unwrap().1.text;
    assert!(removed.contains(replacement.as_str()), "{removed}");

    for message in &messages {
        for id in [
            "culture-confidence",
            "governance-agreement",
            "purpose-ownership",
            "data-systems",
        ] {
            assert!(
                !message.contains(id),
                "a message names {id} by its id: {message}"
            );
        }
    }
    // A question whose meaning changed is not reported as merely reworded.
    assert!(!reworded.contains(&"data-systems"));
}

#[test]
fn nothing_is_dropped_when_the_file_is_saved_again() {
    let pack = new_pack();
    let opened = read_assessment(OLD_FILE, &pack).unwrap().assessment;
    let written = write_assessment(&opened);
    // Reopened in 3.0.0, the answers set aside are still aside.
    let again = read_assessment(&written, &pack).unwrap().assessment;
    assert_eq!(again.set_aside, opened.set_aside);
    assert!(again.set_aside.contains_key("culture-confidence"));
    assert!(again.set_aside.contains_key("data-systems"));
    // Reopened against 1.0.0, every one of the 30 answers is there.
    let back = read_assessment(&written, &old_pack()).unwrap().assessment;
    let original = read_assessment(OLD_FILE, &old_pack()).unwrap().assessment;
    for (id, answer) in &original.answers {
        assert_eq!(
            back.answers.get(id).or_else(|| back.set_aside.get(id)),
            Some(answer),
            "{id} is still in the file"
        );
    }
}

#[test]
fn comparing_with_a_version_1_assessment_works() {
    let pack = new_pack();
    let earlier = read_assessment(OLD_FILE, &pack).unwrap().assessment;
    let mut now = Assessment::new(&pack, "2026-11-29T10:00:00Z");
    // purpose-why was level 2 in the earlier file, and still means the same.
    assert_eq!(earlier.response("purpose-why"), Some(Response::Level(2)));
    now.set_response("purpose-why", Some(Response::Level(4)));
    // purpose-what-information changed meaning: its level 1 is not "then".
    now.set_response("purpose-what-information", Some(Response::Level(4)));
    let comparison = compare(&pack, &earlier, &now);
    let moved = comparison
        .questions
        .iter()
        .find(|q| q.question_id == "purpose-why")
        .unwrap();
    assert_eq!(moved.then, Some(Response::Level(2)));
    assert_eq!(moved.now, Some(Response::Level(4)));
    if let Some(changed) = comparison
        .questions
        .iter()
        .find(|q| q.question_id == "purpose-what-information")
    {
        assert_eq!(
            changed.then, None,
            "an answer whose meaning changed is never counted as movement"
        );
    }
    assert!(comparison
        .earlier_unmatched
        .iter()
        .any(|u| u.question_id == "culture-confidence"));

    // The reports name the unmatched answer by its wording.
    let locale = Locale::english();
    let report =
        SummaryReport::new(&pack, &locale, &now, "29 November 2026").with_comparison(&earlier);
    let old = old_pack();
    let wording = &old.question("culture-confidence").unwrap().1.text;
    assert!(html::render(&report).contains(&html::escape(wording)));
    assert!(markdown::render(&report).contains(&markdown::escape(wording)));
}
