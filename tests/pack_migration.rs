//! A file saved with content pack 1.0.0 opens with pack 3.0.0: answers to
//! kept questions come back, new questions are unanswered, reworded and
//! removed questions are reported in words (their wording, never their id),
//! nothing is dropped, and comparing across the two versions works.
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

fn old_pack() -> ContentPack {
    ContentPack::parse("pack-1.0.0.json", OLD_PACK).expect("the 1.0.0 pack reads")
}

fn new_pack() -> ContentPack {
    ContentPack::built_in()
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

#[test]
fn kept_questions_come_back_and_new_ones_are_unanswered() {
    let old = read_assessment(OLD_FILE, &old_pack()).unwrap().assessment;
    let pack = new_pack();
    let opened = read_assessment(OLD_FILE, &pack).expect("a 1.0.0 file opens in 3.0.0");
    let now = &opened.assessment;
    assert_eq!(now.pack_version, "3.0.0");
    let mut kept = 0;
    for (id, answer) in &old.answers {
        if pack.question(id).is_some() {
            assert_eq!(
                now.answers.get(id),
                Some(answer),
                "{id} came back as it was"
            );
            kept += 1;
        } else {
            assert_eq!(now.set_aside.get(id), Some(answer), "{id} is kept aside");
        }
    }
    assert_eq!(
        kept, 29,
        "every 1.0.0 question but culture-confidence is still asked"
    );
    for new_id in ["safeguarding-urgent", "security-retention", "people-rights"] {
        assert_eq!(now.response(new_id), None, "{new_id} is new, so unanswered");
    }
    assert_eq!(now.context.area, "Northshire");
    assert_eq!(now.story, "A family told their story five times.");
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
    // The six yes/no questions now ask "how", and two more were widened.
    for id in [
        "purpose-ownership",
        "governance-agreement",
        "governance-dpia",
        "governance-roles",
        "data-feedback",
        "culture-capacity",
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
        ] {
            assert!(
                !message.contains(id),
                "a message names {id} by its id: {message}"
            );
        }
    }
    // Unchanged questions are not reported.
    assert!(!reworded.contains(&"purpose-why"));
}

#[test]
fn nothing_is_dropped_when_the_file_is_saved_again() {
    let pack = new_pack();
    let opened = read_assessment(OLD_FILE, &pack).unwrap().assessment;
    let written = write_assessment(&opened);
    // Reopened in 3.0.0, the answer to the removed question is still aside.
    let again = read_assessment(&written, &pack).unwrap().assessment;
    assert_eq!(again.set_aside, opened.set_aside);
    assert!(again.set_aside.contains_key("culture-confidence"));
    // Reopened against 1.0.0, every one of the 30 answers is there.
    let back = read_assessment(&written, &old_pack()).unwrap().assessment;
    let original = read_assessment(OLD_FILE, &old_pack()).unwrap().assessment;
    assert_eq!(back.answers, original.answers);
}

#[test]
fn comparing_with_a_version_1_assessment_works() {
    let pack = new_pack();
    let earlier = read_assessment(OLD_FILE, &pack).unwrap().assessment;
    let mut now = Assessment::new(&pack, "2026-11-29T10:00:00Z");
    // purpose-what-information was level 1 in the earlier file.
    assert_eq!(
        earlier.response("purpose-what-information"),
        Some(Response::Level(1))
    );
    now.set_response("purpose-what-information", Some(Response::Level(4)));
    let comparison = compare(&pack, &earlier, &now);
    let moved = comparison
        .questions
        .iter()
        .find(|q| q.question_id == "purpose-what-information")
        .unwrap();
    assert_eq!(moved.then, Some(Response::Level(1)));
    assert_eq!(moved.now, Some(Response::Level(4)));
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
