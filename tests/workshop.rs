//! The partnership view's working state, as the reducer keeps it.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::consensus::MAX_AGREEMENT_CHARS;
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{write_assessment, FileProblem};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::workshop::{Workshop, WorkshopEdit};

/// When the edits are made.
const NOW: &str = "2026-11-01T10:00:00Z";

fn file(pack: &ContentPack, area: &str, level: u8) -> Vec<u8> {
    let mut assessment = Assessment::new(pack, "2026-11-01T10:00:00Z");
    assessment.context.organisation = area.to_string();
    let first = &pack.themes[0].questions[0].id;
    assessment.set_response(first, Some(Response::Level(level)));
    write_assessment(&assessment).into_bytes()
}

#[test]
fn a_file_chosen_again_by_name_replaces_the_earlier_one() {
    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let mut workshop = Workshop::default();
    workshop.apply(
        WorkshopEdit::Add(vec![
            ("council.json".into(), Ok(file(&pack, "Council", 2))),
            ("police.json".into(), Ok(file(&pack, "Police", 4))),
        ]),
        "tab-1",
        NOW,
    );
    workshop.apply(
        WorkshopEdit::Add(vec![(
            "council.json".into(),
            Ok(file(&pack, "Council again", 3)),
        )]),
        "tab-1",
        NOW,
    );
    assert_eq!(workshop.file_count(), 2);
    let view = workshop.view(&pack, &locale);
    let names: Vec<&str> = view.partners.iter().map(|p| p.file_name.as_str()).collect();
    assert_eq!(names, ["police.json", "council.json"]);
    let first = &pack.themes[0].questions[0].id;
    assert_eq!(
        view.partners[1].assessment.response(first),
        Some(Response::Level(3))
    );
}

#[test]
fn files_that_could_not_be_read_are_listed_first_among_those_that_failed() {
    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let mut workshop = Workshop::default();
    workshop.apply(
        WorkshopEdit::Add(vec![
            ("broken.json".into(), Ok(b"{ not json".to_vec())),
            (
                "huge.json".into(),
                Err(FileProblem::TooLarge { bytes: 5_000_000 }),
            ),
        ]),
        "tab-1",
        NOW,
    );
    let view = workshop.view(&pack, &locale);
    let failed: Vec<&str> = view.failed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(failed, ["huge.json", "broken.json"]);
    assert!(view.partners.is_empty());
}

#[test]
fn clearing_removes_every_file_and_says_so_until_more_are_chosen() {
    let pack = ContentPack::built_in();
    let mut workshop = Workshop::default();
    workshop.apply(
        WorkshopEdit::Add(vec![("a.json".into(), Ok(file(&pack, "A", 1)))]),
        "tab-1",
        NOW,
    );
    workshop.apply(WorkshopEdit::Clear, "tab-1", NOW);
    assert_eq!(workshop.file_count(), 0);
    assert!(workshop.cleared);
    workshop.apply(
        WorkshopEdit::Add(vec![("b.json".into(), Ok(file(&pack, "B", 1)))]),
        "tab-1",
        NOW,
    );
    assert!(!workshop.cleared);
}

#[test]
fn an_agreement_note_over_the_limit_changes_nothing() {
    let mut workshop = Workshop::default();
    workshop.apply(
        WorkshopEdit::AgreeLevel {
            question_id: "purpose-shared".into(),
            level: Some(3),
        },
        "tab-1",
        NOW,
    );
    workshop.apply(
        WorkshopEdit::AgreeNote {
            question_id: "purpose-shared".into(),
            note: "Agreed at the March workshop".into(),
        },
        "tab-1",
        NOW,
    );
    workshop.apply(
        WorkshopEdit::AgreeNote {
            question_id: "purpose-shared".into(),
            note: "x".repeat(MAX_AGREEMENT_CHARS + 1),
        },
        "tab-1",
        NOW,
    );
    let agreement = workshop.consensus.get("purpose-shared").unwrap();
    assert_eq!(agreement.level, Some(3));
    assert_eq!(agreement.note, "Agreed at the March workshop");
}

// ---------------------------------------------------------------------------
// Saved in the browser, merged across tabs
// ---------------------------------------------------------------------------

use proptest::prelude::*;
use ready_to_share::model::workshop::{
    merge, read_saved_workshop, write_saved_workshop, MAX_STORED_FILE_CHARS,
};

/// What is saved: everything but whether "removed" is being said on screen.
fn saved_part(w: &Workshop) -> Workshop {
    Workshop {
        cleared: false,
        ..w.clone()
    }
}

fn round_trip(w: &Workshop) -> Workshop {
    let (text, not_stored) = write_saved_workshop(w);
    assert_eq!(not_stored, Vec::<String>::new());
    read_saved_workshop(&text).expect("a saved workshop reads back")
}

#[test]
fn a_saved_workshop_reads_back_as_it_was() {
    let pack = ContentPack::built_in();
    let mut w = Workshop::default();
    let mut latin1 = file(&pack, "Caf", 2);
    // Not UTF-8: kept byte for byte, so it opens with the same warning.
    let at = latin1.len() - 20;
    latin1.insert(at, 0xE9);
    w.apply(
        WorkshopEdit::Add(vec![
            ("council.json".into(), Ok(file(&pack, "Council", 2))),
            ("latin1.json".into(), Ok(latin1.clone())),
            (
                "huge.json".into(),
                Err(FileProblem::TooLarge { bytes: 5_000_000 }),
            ),
            (
                "unreadable.json".into(),
                Err(FileProblem::NotJson {
                    detail: "could not be read".into(),
                }),
            ),
        ]),
        "tab-1",
        NOW,
    );
    w.apply(WorkshopEdit::Anonymise(true), "tab-1", NOW);
    w.apply(WorkshopEdit::AgreedName("Bath".into()), "tab-1", NOW);
    w.apply(
        WorkshopEdit::AgreeLevel {
            question_id: "purpose-why".into(),
            level: Some(4),
        },
        "tab-1",
        NOW,
    );
    w.apply(
        WorkshopEdit::AgreeNote {
            question_id: "purpose-why".into(),
            note: "Agreed after \"a long talk\" \u{1F44D}".into(),
        },
        "tab-1",
        NOW,
    );
    let back = round_trip(&w);
    assert_eq!(back, saved_part(&w));
    assert_eq!(back.files[1].content.as_deref().ok(), Some(&latin1[..]));
    let locale = Locale::english();
    assert_eq!(back.view(&pack, &locale), w.view(&pack, &locale));

    // Anything else is refused, never half read.
    for not_ours in [
        "",
        "{}",
        "[1]",
        "{\"format\":\"ready-to-share-workshop\",\"format_version\":2}",
    ] {
        assert_eq!(read_saved_workshop(not_ours), None, "{not_ours}");
    }
}

#[test]
fn files_past_the_storage_limit_are_named_and_kept_only_in_memory() {
    let pack = ContentPack::built_in();
    let big = |organisation: &str| {
        let mut text = file(&pack, organisation, 3);
        // Padding after the JSON value's end is not allowed; a long note is.
        let mut a: serde_json::Value = serde_json::from_slice(&text).unwrap();
        a["story"] = serde_json::Value::String("s".repeat(900_000));
        text = serde_json::to_vec(&a).unwrap();
        text
    };
    let mut w = Workshop::default();
    let files: Vec<_> = (0..4)
        .map(|i| (format!("partner-{i}.json"), Ok(big(&format!("P{i}")))))
        .collect();
    w.apply(WorkshopEdit::Add(files), "tab-1", NOW);
    // Three of 900,000 characters fit within 3,000,000; the fourth does not.
    const { assert!(3 * 900_000 < MAX_STORED_FILE_CHARS && 4 * 900_000 > MAX_STORED_FILE_CHARS) };
    assert_eq!(w.not_stored(), ["partner-3.json"]);
    let (text, not_stored) = write_saved_workshop(&w);
    assert_eq!(not_stored, ["partner-3.json"]);
    assert!(text.chars().count() < MAX_STORED_FILE_CHARS + 10_000);
    let back = read_saved_workshop(&text).unwrap();
    let names: Vec<&str> = back.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["partner-0.json", "partner-1.json", "partner-2.json"]
    );
}

fn agree(w: &mut Workshop, writer: &str, now: &str, id: &str, level: Option<u8>) {
    w.apply(
        WorkshopEdit::AgreeLevel {
            question_id: id.into(),
            level,
        },
        writer,
        now,
    );
}

fn note(w: &mut Workshop, writer: &str, now: &str, id: &str, text: &str) {
    w.apply(
        WorkshopEdit::AgreeNote {
            question_id: id.into(),
            note: text.into(),
        },
        writer,
        now,
    );
}

#[test]
fn two_tabs_merge_per_file_setting_and_agreement() {
    let pack = ContentPack::built_in();
    let start = Workshop::default();
    let (mut a, mut b) = (start.clone(), start);
    // Tab A: a level and a file; tab B, a moment later: a note on the same
    // question, and names hidden.
    agree(
        &mut a,
        "tab-a",
        "2026-11-01T10:00:00.000Z",
        "purpose-why",
        Some(2),
    );
    a.apply(
        WorkshopEdit::Add(vec![("a.json".into(), Ok(file(&pack, "A", 1)))]),
        "tab-a",
        "2026-11-01T10:00:00.000Z",
    );
    note(
        &mut b,
        "tab-b",
        "2026-11-01T10:00:00.100Z",
        "purpose-why",
        "Because",
    );
    b.apply(
        WorkshopEdit::Anonymise(true),
        "tab-b",
        "2026-11-01T10:00:00.100Z",
    );
    b.apply(
        WorkshopEdit::Add(vec![("b.json".into(), Ok(file(&pack, "B", 1)))]),
        "tab-b",
        "2026-11-01T10:00:00.100Z",
    );
    let merged = merge(&a, &b);
    let agreement = merged.consensus.get("purpose-why").unwrap();
    assert_eq!(
        (agreement.level, agreement.note.as_str()),
        (Some(2), "Because")
    );
    assert!(merged.anonymise);
    let names: Vec<&str> = merged.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a.json", "b.json"]);
    assert_eq!(merge(&b, &a), merged);

    // The same level cleared later in B wins over A's.
    agree(
        &mut b,
        "tab-b",
        "2026-11-01T10:00:01.000Z",
        "purpose-why",
        None,
    );
    let merged = merge(&a, &b);
    let agreement = merged.consensus.get("purpose-why").unwrap();
    assert_eq!(
        (agreement.level, agreement.note.as_str()),
        (None, "Because")
    );

    // "Remove all files" in A removes B's earlier file too, but not one
    // chosen after it.
    a.apply(WorkshopEdit::Clear, "tab-a", "2026-11-01T10:00:02.000Z");
    b.apply(
        WorkshopEdit::Add(vec![("c.json".into(), Ok(file(&pack, "C", 1)))]),
        "tab-b",
        "2026-11-01T10:00:03.000Z",
    );
    let names: Vec<String> = merge(&a, &b).files.iter().map(|f| f.name.clone()).collect();
    assert_eq!(names, ["c.json"]);
}

/// One edit in one of two tabs, at a time in tenths of a second.
fn edits() -> impl Strategy<Value = Vec<(bool, u8, WorkshopEdit)>> {
    let edit = prop_oneof![
        (0..3usize, prop::option::of(1u8..=5)).prop_map(|(q, level)| WorkshopEdit::AgreeLevel {
            question_id: format!("q{q}"),
            level
        }),
        (0..3usize, "[ab ]{0,3}").prop_map(|(q, note)| WorkshopEdit::AgreeNote {
            question_id: format!("q{q}"),
            note
        }),
        any::<bool>().prop_map(WorkshopEdit::Anonymise),
        "[xy]{0,2}".prop_map(WorkshopEdit::AgreedName),
        (0..3usize, 1u8..=5).prop_map(|(f, level)| {
            let pack = ContentPack::built_in();
            WorkshopEdit::Add(vec![(format!("f{f}.json"), Ok(file(&pack, "P", level)))])
        }),
        Just(WorkshopEdit::Clear),
    ];
    prop::collection::vec((any::<bool>(), 0u8..20, edit), 0..12)
}

fn at(tenths: u8) -> String {
    format!("2026-11-01T10:00:{:02}.{}00Z", tenths / 10, tenths % 10)
}

proptest! {
    #[test]
    fn merging_is_order_free_idempotent_and_keeps_the_newest_change(edits in edits()) {
        let (mut a, mut b) = (Workshop::default(), Workshop::default());
        // The newest change each tab made to each agreement.
        for (in_a, tenths, edit) in edits {
            let (tab, writer) = if in_a { (&mut a, "tab-a") } else { (&mut b, "tab-b") };
            tab.apply(edit, writer, &at(tenths));
        }
        let ab = merge(&a, &b);
        prop_assert_eq!(saved_part(&ab), saved_part(&merge(&b, &a)));
        prop_assert_eq!(saved_part(&merge(&ab, &a)), saved_part(&ab));
        prop_assert_eq!(saved_part(&merge(&ab, &b)), saved_part(&ab));
        // What is saved merges the same as what is in memory.
        let (text_a, _) = write_saved_workshop(&a);
        let (text_b, _) = write_saved_workshop(&b);
        let from_storage = merge(
            &read_saved_workshop(&text_a).unwrap(),
            &read_saved_workshop(&text_b).unwrap(),
        );
        prop_assert_eq!(saved_part(&from_storage), saved_part(&ab));
        // Each agreement's level is the one from the tab with the newer
        // stamp for it.
        for q in ["q0", "q1", "q2"] {
            let newest = [&a, &b]
                .into_iter()
                .filter_map(|w| Some((w.level_stamps.get(q)?.clone(), w.consensus.level(q))))
                .max();
            prop_assert_eq!(ab.consensus.level(q), newest.and_then(|(_, level)| level));
        }
    }
}

// ---------------------------------------------------------------------------
// The reducer
// ---------------------------------------------------------------------------

use std::rc::Rc;

use ready_to_share::state::{Action, SaveStatus, State, Step};

fn state() -> State {
    let pack = Rc::new(ContentPack::built_in());
    let assessment = Assessment::new(&pack, NOW);
    let mut state = State::new(pack, assessment, Step::Partnership);
    state.writer = "tab-1".into();
    state
}

fn level(id: &str, level: Option<u8>) -> Action {
    Action::Workshop {
        edit: WorkshopEdit::AgreeLevel {
            question_id: id.into(),
            level,
        },
        now: NOW.into(),
    }
}

#[test]
fn the_reducer_counts_workshop_changes_for_saving_and_ends_it() {
    let mut s = state();
    assert_eq!(s.workshop_revision, 0, "nothing to save on load");
    s.apply(level("purpose-why", Some(3)));
    assert_eq!(s.workshop_revision, 1);
    // A change that changes nothing is not saved again.
    s.apply(level("purpose-why", Some(9)));
    assert_eq!(s.workshop_revision, 1);
    assert_eq!(
        s.workshop.level_stamps.get("purpose-why").unwrap().writer,
        "tab-1"
    );

    // Saved, with a note another tab had saved meanwhile.
    let mut theirs = Workshop::default();
    theirs.apply(
        WorkshopEdit::AgreeNote {
            question_id: "purpose-why".into(),
            note: "From the other tab".into(),
        },
        "tab-2",
        "2026-11-01T10:00:05Z",
    );
    s.apply(Action::WorkshopSaved {
        revision: 1,
        status: SaveStatus::Ok,
        merged: Some(merge(&s.workshop, &theirs)),
        not_stored: vec!["big.json".into()],
    });
    let agreement = s.workshop.consensus.get("purpose-why").unwrap();
    assert_eq!(
        (agreement.level, agreement.note.as_str()),
        (Some(3), "From the other tab")
    );
    assert_eq!(s.workshop_saved_revision, s.workshop_revision);
    assert!(!s.workshop_kept(), "a file left out is not kept");

    // Storage full: said, and the workshop stays.
    s.apply(level("purpose-use", Some(2)));
    s.apply(Action::WorkshopSaved {
        revision: s.workshop_revision,
        status: SaveStatus::Full,
        merged: None,
        not_stored: Vec::new(),
    });
    assert_eq!(s.workshop_status, SaveStatus::Full);
    assert!(s.workshop_saved_revision < s.workshop_revision);
    assert_eq!(s.workshop.consensus.agreed_count(), 2);

    s.apply(Action::WorkshopEnded);
    assert!(s.workshop.is_empty());
    assert!(s.workshop_not_stored.is_empty());
}
