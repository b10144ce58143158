//! The partnership view's working state, as the reducer keeps it.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::consensus::MAX_AGREEMENT_CHARS;
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{write_assessment, FileProblem};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::workshop::{Workshop, WorkshopEdit};

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
    workshop.apply(WorkshopEdit::Add(vec![
        ("council.json".into(), Ok(file(&pack, "Council", 2))),
        ("police.json".into(), Ok(file(&pack, "Police", 4))),
    ]));
    workshop.apply(WorkshopEdit::Add(vec![(
        "council.json".into(),
        Ok(file(&pack, "Council again", 3)),
    )]));
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
    workshop.apply(WorkshopEdit::Add(vec![
        ("broken.json".into(), Ok(b"{ not json".to_vec())),
        (
            "huge.json".into(),
            Err(FileProblem::TooLarge { bytes: 5_000_000 }),
        ),
    ]));
    let view = workshop.view(&pack, &locale);
    let failed: Vec<&str> = view.failed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(failed, ["huge.json", "broken.json"]);
    assert!(view.partners.is_empty());
}

#[test]
fn clearing_removes_every_file_and_says_so_until_more_are_chosen() {
    let pack = ContentPack::built_in();
    let mut workshop = Workshop::default();
    workshop.apply(WorkshopEdit::Add(vec![(
        "a.json".into(),
        Ok(file(&pack, "A", 1)),
    )]));
    workshop.apply(WorkshopEdit::Clear);
    assert_eq!(workshop.file_count(), 0);
    assert!(workshop.cleared);
    workshop.apply(WorkshopEdit::Add(vec![(
        "b.json".into(),
        Ok(file(&pack, "B", 1)),
    )]));
    assert!(!workshop.cleared);
}

#[test]
fn an_agreement_note_over_the_limit_changes_nothing() {
    let mut workshop = Workshop::default();
    workshop.apply(WorkshopEdit::AgreeLevel {
        question_id: "purpose-shared".into(),
        level: Some(3),
    });
    workshop.apply(WorkshopEdit::AgreeNote {
        question_id: "purpose-shared".into(),
        note: "Agreed at the March workshop".into(),
    });
    workshop.apply(WorkshopEdit::AgreeNote {
        question_id: "purpose-shared".into(),
        note: "x".repeat(MAX_AGREEMENT_CHARS + 1),
    });
    let agreement = workshop.consensus.get("purpose-shared").unwrap();
    assert_eq!(agreement.level, Some(3));
    assert_eq!(agreement.note, "Agreed at the March workshop");
}
