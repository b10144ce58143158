//! Old answers never change meaning silently. Every question whose wording
//! or levels changed between the published packs (1.0.0, 2.0.0 and the
//! built-in one) has an `earlier_questions` entry; the changes of meaning a
//! practitioner's review found are marked as such; and a file saved with
//! either earlier pack opens with those answers set aside, named, and never
//! counted as movement.
//!
//! The earlier packs are fixtures copied from the published versions, so
//! what changed is worked out from the texts themselves, not from the
//! built-in pack's own list.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::assessment::Response;
use ready_to_share::model::compare::{compare, Change as Movement};
use ready_to_share::model::content::{Change, ContentPack, LEVELS};
use ready_to_share::model::file::{read_assessment, write_assessment, FileProblem};
use ready_to_share::model::locale::Locale;

const PACK_1: &str = include_str!("fixtures/pack-1.0.0.json");
const PACK_2: &str = include_str!("fixtures/pack-2.0.0.json");
const FILE_1: &str = include_str!("fixtures/assessment-pack-1.0.0.json");
const FILE_2: &str = include_str!("fixtures/assessment-pack-2.0.0.json");

fn pack(name: &str, text: &str) -> ContentPack {
    ContentPack::parse(name, text).expect("a published pack reads")
}

fn published() -> Vec<ContentPack> {
    vec![
        pack("pack-1.0.0.json", PACK_1),
        pack("pack-2.0.0.json", PACK_2),
        ContentPack::built_in(),
    ]
}

/// The changes of meaning between 1.0.0 and 2.0.0 named in the content
/// review of pack 2.0.0 (section 3, "Changes between versions").
const REVIEWED_MEANING_CHANGES_SINCE_1: [&str; 5] = [
    "data-systems",
    "data-quality",
    "data-overlap",
    "culture-stories",
    "purpose-what-information",
];

#[test]
fn every_change_of_wording_or_levels_since_1_0_0_is_listed() {
    let packs = published();
    let now = packs.last().unwrap();
    let mut missing = Vec::new();
    for pair in packs.windows(2) {
        let (older, newer) = (&pair[0], &pair[1]);
        for (_, before) in older.questions() {
            let Some((_, after)) = newer.question(&before.id) else {
                let removed = now.earlier_questions.iter().any(|e| {
                    e.id == before.id && e.change == Change::Removed && e.version == older.version
                });
                if !removed && now.question(&before.id).is_none() {
                    missing.push(format!("{} removed after {}", before.id, older.version));
                }
                continue;
            };
            if before.text == after.text && before.levels == after.levels {
                continue;
            }
            let listed = now
                .earlier_questions
                .iter()
                .any(|e| e.id == before.id && e.version == older.version);
            if !listed {
                missing.push(format!("{} changed after {}", before.id, older.version));
            }
        }
    }
    assert!(missing.is_empty(), "not in earlier_questions: {missing:#?}");
}

#[test]
fn the_reviewed_changes_of_meaning_keep_the_levels_people_answered() {
    let now = ContentPack::built_in();
    let first = pack("pack-1.0.0.json", PACK_1);
    for id in REVIEWED_MEANING_CHANGES_SINCE_1 {
        let entry = now
            .earlier_questions
            .iter()
            .find(|e| e.id == id && e.version == "1.0.0")
            .unwrap_or_else(|| panic!("{id}: no entry for 1.0.0"));
        assert_eq!(entry.change, Change::Meaning, "{id}");
        let (_, asked) = first.question(id).expect("asked in 1.0.0");
        assert_eq!(entry.levels, asked.levels, "{id}: the 1.0.0 levels");
        assert_eq!(entry.text, asked.text, "{id}: the 1.0.0 wording");
    }
}

/// Every "meaning" entry keeps the levels of the version it names.
#[test]
fn every_change_of_meaning_keeps_the_levels_of_its_version() {
    let packs = published();
    let now = packs.last().unwrap();
    for entry in &now.earlier_questions {
        if entry.change != Change::Meaning {
            continue;
        }
        let Some(then) = packs.iter().find(|p| p.version == entry.version) else {
            panic!(
                "{}: version {} is not a published pack",
                entry.id, entry.version
            );
        };
        let (_, asked) = then.question(&entry.id).expect("asked then");
        assert_eq!(
            entry.levels, asked.levels,
            "{} at {}",
            entry.id, entry.version
        );
    }
}

/// The questions whose meaning changed after `version`, by the built-in
/// pack's entries.
fn meaning_changed_since(now: &ContentPack, version: &str) -> Vec<String> {
    now.questions()
        .map(|(_, q)| q.id.clone())
        .filter(|id| {
            now.changes_since(id, version)
                .iter()
                .any(|e| e.change == Change::Meaning)
        })
        .collect()
}

fn opens_with_changed_meanings_set_aside(file: &str, version: &str, then: &ContentPack) {
    let now = ContentPack::built_in();
    let saved = read_assessment(file, then).expect("opens with its own pack");
    let opened = read_assessment(file, &now).expect("opens with the built-in pack");
    let changed = meaning_changed_since(&now, version);
    if version == "1.0.0" {
        for id in REVIEWED_MEANING_CHANGES_SINCE_1 {
            assert!(changed.iter().any(|c| c == id), "{id} changed meaning");
        }
    }
    let locale = Locale::english();
    let mut set_aside = 0;
    for (id, answer) in &saved.assessment.answers {
        let Some((_, question)) = now.question(id) else {
            continue;
        };
        if changed.contains(id) {
            set_aside += 1;
            assert_eq!(
                opened.assessment.answers.get(id),
                None,
                "{id} is not carried over"
            );
            assert_eq!(
                opened.assessment.set_aside.get(id),
                Some(answer),
                "{id} is kept"
            );
            let warning = opened
                .warnings
                .iter()
                .find(|w| matches!(w, FileProblem::ChangedMeaning { question_id, .. } if question_id == id))
                .unwrap_or_else(|| panic!("{id}: no message"));
            let said = locale.file_problem(warning);
            assert!(
                said.contains(&question.text),
                "{id}: named by its wording: {said}"
            );
            if let Some(Response::Level(level)) = answer.response {
                let (_, asked_then) = then.question(id).unwrap();
                let answered = asked_then.levels.for_level(level);
                // Between 1.0.0 and now there may be two changes: the words
                // shown are those of the version the file was saved with.
                assert!(
                    said.contains(answered),
                    "{id}: shows what was chosen: {said}"
                );
            }
        } else {
            assert_eq!(
                opened.assessment.answers.get(id),
                Some(answer),
                "{id} kept as it was"
            );
        }
    }
    assert!(
        set_aside > 0,
        "the file answered some question whose meaning changed"
    );

    // Saved and opened again, nothing moves back and nothing is said twice.
    let again = read_assessment(&write_assessment(&opened.assessment), &now).unwrap();
    assert_eq!(again.assessment.set_aside, opened.assessment.set_aside);
    assert_eq!(again.assessment.answers, opened.assessment.answers);
    assert!(!again
        .warnings
        .iter()
        .any(|w| matches!(w, FileProblem::ChangedMeaning { .. })));

    // Compared with today's answers, a changed meaning is never movement.
    let mut today = opened.assessment.clone();
    for id in &changed {
        today.set_response(id, Some(Response::Level(LEVELS[4])));
    }
    let comparison = compare(&now, &opened.assessment, &today);
    for q in &comparison.questions {
        if changed.contains(&q.question_id) {
            assert!(
                !matches!(q.change, Movement::MovedUp | Movement::MovedDown),
                "{} counted as movement",
                q.question_id
            );
        }
    }
}

#[test]
fn a_1_0_0_file_opens_with_answers_whose_meaning_changed_set_aside_and_named() {
    opens_with_changed_meanings_set_aside(FILE_1, "1.0.0", &pack("pack-1.0.0.json", PACK_1));
}

#[test]
fn a_2_0_0_file_opens_with_answers_whose_meaning_changed_set_aside_and_named() {
    opens_with_changed_meanings_set_aside(FILE_2, "2.0.0", &pack("pack-2.0.0.json", PACK_2));
}

/// Progress saved in the browser by pack 2.0.0 gives, once, the messages
/// the same answers opened as a file would give (less the line about the
/// file's version, which the notice says in its own words); saved again by
/// this version, it gives none.
#[test]
fn progress_saved_by_an_earlier_version_is_explained_once() {
    use ready_to_share::model::file::{read_progress_after_update, write_saved_progress};
    let now = ContentPack::built_in();
    let as_file = read_assessment(FILE_2, &now).unwrap();
    let (stamped, said) = read_progress_after_update(FILE_2, &now).expect("reads");
    let expected: Vec<&FileProblem> = as_file
        .warnings
        .iter()
        .filter(|w| !matches!(w, FileProblem::OtherPackVersion { .. }))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(said.iter().collect::<Vec<_>>(), expected);
    assert!(said
        .iter()
        .any(|w| matches!(w, FileProblem::ChangedMeaning { .. })));

    let saved_again = write_saved_progress(&stamped);
    let (_, said_again) = read_progress_after_update(&saved_again, &now).unwrap();
    assert!(said_again.is_empty(), "{said_again:?}");
}
