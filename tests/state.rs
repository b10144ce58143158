//! The reducer, through its public actions, with the built-in pack.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use ready_to_share::model::assessment::{Assessment, Context, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, write_assessment, FileProblem};
use ready_to_share::state::{Action, Edit, FileMessages, SaveState, SaveStatus, State, Step};

fn state() -> State {
    let pack = Rc::new(ContentPack::built_in());
    let assessment = Assessment::new(&pack, "2026-01-01T00:00:00Z");
    State::new(pack, assessment, Step::Start)
}

fn first_question(state: &State) -> String {
    state.pack.themes[0].questions[0].id.clone()
}

fn answer(state: &mut State, question_id: &str, response: Option<Response>, now: &str) {
    state.apply(Action::Edit {
        edit: Edit::Response {
            question_id: question_id.to_string(),
            response,
        },
        now: now.to_string(),
    });
}

#[test]
fn an_answer_is_recorded_with_the_time_it_was_given() {
    let mut s = state();
    let q = first_question(&s);
    answer(&mut s, &q, Some(Response::Level(3)), "2026-02-02T10:00:00Z");
    assert_eq!(s.assessment.response(&q), Some(Response::Level(3)));
    assert_eq!(s.assessment.updated, "2026-02-02T10:00:00Z");
    assert_eq!(s.assessment.created, "2026-01-01T00:00:00Z");
    answer(&mut s, &q, None, "2026-02-02T10:01:00Z");
    assert_eq!(s.assessment.response(&q), None);
    assert!(
        s.assessment.answers.is_empty(),
        "a cleared answer leaves nothing behind"
    );
}

#[test]
fn notes_context_and_story_are_edited() {
    let mut s = state();
    let q = first_question(&s);
    let now = "2026-02-02T10:00:00Z".to_string();
    s.apply(Action::Edit {
        edit: Edit::Note {
            question_id: q.clone(),
            note: "Ask the DPO".into(),
        },
        now: now.clone(),
    });
    let context = Context {
        area: "Swindon".into(),
        ..Context::default()
    };
    s.apply(Action::Edit {
        edit: Edit::Context(context.clone()),
        now: now.clone(),
    });
    s.apply(Action::Edit {
        edit: Edit::Story("Tom told his story five times.".into()),
        now,
    });
    assert_eq!(s.assessment.note(&q), "Ask the DPO");
    assert_eq!(s.assessment.response(&q), None);
    assert_eq!(s.assessment.context, context);
    assert_eq!(s.assessment.story, "Tom told his story five times.");
}

#[test]
fn a_change_link_opens_its_theme_at_its_question_and_the_next_step_forgets_it() {
    let mut s = state();
    s.apply(Action::Go(Step::Tasks));
    s.apply(Action::ChangeAnswer {
        theme: 2,
        question_id: "x".into(),
    });
    assert_eq!(s.step, Step::Theme(2));
    assert_eq!(s.focus_question.as_deref(), Some("x"));
    s.apply(Action::Go(Step::Check));
    assert_eq!(s.focus_question, None);
}

#[test]
fn a_failed_open_keeps_the_answers() {
    let mut s = state();
    let q = first_question(&s);
    answer(&mut s, &q, Some(Response::Level(4)), "t");
    let before = s.assessment.clone();
    s.apply(Action::OpenFailed(FileProblem::NotOurs));
    assert_eq!(s.assessment, before);
    assert_eq!(s.file_messages, FileMessages::Failed(FileProblem::NotOurs));
    assert_eq!(s.step, Step::Start);
}

#[test]
fn an_opened_file_replaces_the_answers_and_reports_warnings() {
    let mut s = state();
    let mut other = Assessment::new(&s.pack, "2025-05-05T00:00:00Z");
    let q = first_question(&s);
    other.set_response(&q, Some(Response::NotSure));
    let mut text: serde_json::Value = serde_json::from_str(&write_assessment(&other)).unwrap();
    text["answers"]["no-such-question"] = serde_json::json!({"level": 2});
    let opened = read_assessment(&text.to_string(), &s.pack).unwrap();
    s.apply(Action::Opened {
        opened,
        now: "2026-06-06T00:00:00Z".into(),
    });
    assert_eq!(s.assessment.response(&q), Some(Response::NotSure));
    assert_eq!(
        s.assessment.updated, "2026-06-06T00:00:00Z",
        "opening is the newest change"
    );
    assert_eq!(s.step, Step::Tasks);
    assert!(matches!(
        &s.file_messages,
        FileMessages::OpenedWithWarnings(w) if w == &vec![FileProblem::UnknownQuestion { question_id: "no-such-question".into(), question: None, replacement: None }]
    ));
}

#[test]
fn a_file_that_opens_cleanly_says_so_until_the_next_page() {
    let mut s = state();
    let other = Assessment::new(&s.pack, "2025-05-05T00:00:00Z");
    let opened = read_assessment(&write_assessment(&other), &s.pack).unwrap();
    s.apply(Action::Opened {
        opened,
        now: "2026-06-06T00:00:00Z".into(),
    });
    assert_eq!(s.file_messages, FileMessages::Opened);
    s.apply(Action::Go(Step::Theme(0)));
    assert_eq!(s.file_messages, FileMessages::None);
}

#[test]
fn change_links_return_to_check_your_answers() {
    let mut s = state();
    s.apply(Action::Go(Step::Check));
    assert!(!s.returning_to_check);
    s.apply(Action::ChangeAnswer {
        theme: 1,
        question_id: "x".into(),
    });
    assert!(s.returning_to_check, "a question's Change link");
    s.apply(Action::Go(Step::Check));
    assert!(!s.returning_to_check, "back on Check your answers");
    s.apply(Action::ChangeFromCheck(Step::About));
    assert_eq!(s.step, Step::About);
    assert!(s.returning_to_check, "the About your area Change link");
    s.apply(Action::Go(Step::Tasks));
    assert!(!s.returning_to_check, "any other way out ends it");
}

#[test]
fn start_again_clears_everything() {
    let mut s = state();
    let q = first_question(&s);
    answer(&mut s, &q, Some(Response::Level(1)), "t");
    s.apply(Action::Go(Step::Summary));
    s.apply(Action::StartAgain {
        now: "2026-03-03T00:00:00Z".into(),
    });
    assert!(s.assessment.is_blank());
    assert_eq!(s.assessment.created, "2026-03-03T00:00:00Z");
    assert_eq!(s.step, Step::Start);
}

#[test]
fn save_status_is_reported() {
    let mut s = state();
    s.apply(Action::Saved {
        revision: s.revision,
        status: SaveStatus::Full,
        merged: None,
    });
    assert_eq!(s.save_status, SaveStatus::Full);
    assert_eq!(s.save_state(), SaveState::Failed);
}

#[test]
fn steps_round_trip_through_their_storage_names() {
    let pack = ContentPack::built_in();
    let mut steps = vec![
        Step::Start,
        Step::About,
        Step::Tasks,
        Step::Check,
        Step::Story,
        Step::Summary,
    ];
    steps.extend((0..pack.themes.len()).map(Step::Theme));
    for step in steps {
        assert_eq!(Step::from_key(&step.to_key(&pack), &pack), step);
    }
    assert_eq!(Step::from_key("theme:gone", &pack), Step::Tasks);
    assert_eq!(Step::from_key("nonsense", &pack), Step::Tasks);
    assert_eq!(Step::Theme(99).to_key(&pack), "tasks");
}

/// A second tab or widget on the same assessment: its own state, writer
/// and clock.
fn tab(writer: &str) -> State {
    let mut s = state();
    s.writer = writer.to_string();
    s
}

#[test]
fn answers_to_different_questions_in_two_tabs_are_both_kept() {
    let (mut a, mut b) = (tab("a"), tab("b"));
    let qs: Vec<String> = a.pack.questions().map(|(_, q)| q.id.clone()).collect();
    answer(
        &mut a,
        &qs[0],
        Some(Response::Level(3)),
        "2026-02-02T10:00:00.000Z",
    );
    // B answers 100 ms later, before it has heard of A's answer.
    answer(
        &mut b,
        &qs[1],
        Some(Response::Level(4)),
        "2026-02-02T10:00:00.100Z",
    );
    let (a_copy, b_copy) = (a.stamped(), b.stamped());
    a.apply(Action::Merge(b_copy));
    b.apply(Action::Merge(a_copy));
    for s in [&a, &b] {
        assert_eq!(s.assessment.response(&qs[0]), Some(Response::Level(3)));
        assert_eq!(s.assessment.response(&qs[1]), Some(Response::Level(4)));
        assert!(
            s.from_other_tab,
            "each tab says it took up the other's answer"
        );
    }
    assert_eq!(a.stamped(), b.stamped(), "both tabs hold the same");
}

#[test]
fn an_older_copy_never_replaces_a_newer_answer_and_says_nothing() {
    let (mut a, mut b) = (tab("a"), tab("b"));
    let q = first_question(&a);
    answer(&mut b, &q, Some(Response::Level(5)), "2026-02-02T09:00:00Z");
    let older = b.stamped();
    a.apply(Action::Merge(older.clone()));
    assert_eq!(a.assessment.response(&q), Some(Response::Level(5)));
    answer(&mut a, &q, Some(Response::Level(2)), "2026-02-02T10:00:00Z");
    a.from_other_tab = false;
    let revision = a.revision;
    a.apply(Action::Merge(older));
    assert_eq!(a.assessment.response(&q), Some(Response::Level(2)));
    assert!(!a.from_other_tab);
    assert_eq!(a.revision, revision, "nothing changed, so nothing to save");
}

#[test]
fn a_clock_moved_back_cannot_make_a_new_answer_lose() {
    let (mut a, mut b) = (tab("a"), tab("b"));
    let q = first_question(&a);
    // B's answer was stamped while the clock said 2030.
    answer(&mut b, &q, Some(Response::Level(5)), "2030-01-01T00:00:00Z");
    a.apply(Action::Merge(b.stamped()));
    // A's clock is now years behind, yet its change is newer.
    answer(&mut a, &q, Some(Response::Level(1)), "2026-02-02T10:00:00Z");
    b.apply(Action::Merge(a.stamped()));
    assert_eq!(b.assessment.response(&q), Some(Response::Level(1)));
}

#[test]
fn starting_again_in_one_tab_clears_the_answers_given_before_it_in_another() {
    let (mut a, mut b) = (tab("a"), tab("b"));
    let q = first_question(&a);
    answer(&mut b, &q, Some(Response::Level(4)), "2026-02-02T10:00:00Z");
    a.apply(Action::StartAgain {
        now: "2026-02-02T10:05:00Z".into(),
    });
    b.apply(Action::Merge(a.stamped()));
    assert!(b.assessment.is_blank(), "{:?}", b.assessment);
    // An answer after the restart is kept.
    answer(&mut b, &q, Some(Response::Level(2)), "2026-02-02T10:06:00Z");
    a.apply(Action::Merge(b.stamped()));
    assert_eq!(a.assessment.response(&q), Some(Response::Level(2)));
}

#[test]
fn the_saved_signal_follows_changes_and_saves() {
    let mut s = state();
    assert_eq!(
        s.save_state(),
        SaveState::Pending,
        "nothing is saved before the first save"
    );
    s.apply(Action::Saved {
        revision: s.revision,
        status: SaveStatus::Ok,
        merged: None,
    });
    assert_eq!(s.save_state(), SaveState::Saved);
    let q = first_question(&s);
    let before_edit = s.revision;
    answer(&mut s, &q, Some(Response::Level(3)), "2026-02-02T10:00:00Z");
    assert_eq!(
        s.save_state(),
        SaveState::Pending,
        "a change is not saved yet"
    );
    // A save of the earlier revision finishing late does not count.
    s.apply(Action::Saved {
        revision: before_edit,
        status: SaveStatus::Ok,
        merged: None,
    });
    assert_eq!(s.save_state(), SaveState::Pending);
    s.apply(Action::Saved {
        revision: s.revision,
        status: SaveStatus::Ok,
        merged: None,
    });
    assert_eq!(s.save_state(), SaveState::Saved);
    // The page the user is on is saved too.
    s.apply(Action::Go(Step::Tasks));
    assert_eq!(
        s.save_state(),
        SaveState::Pending,
        "a new step is not saved yet"
    );
    s.hold_saving = true;
    answer(&mut s, &q, Some(Response::Level(4)), "2026-02-02T10:01:00Z");
    assert_eq!(s.save_state(), SaveState::Held);
}

#[test]
fn continuing_stops_while_a_field_holds_text_over_its_limit() {
    let mut s = state();
    s.apply(Action::Go(Step::Theme(0)));
    let note = "note-field".to_string();
    s.apply(Action::OverLimit {
        id: note.clone(),
        message: Some("Your note is too long".to_string()),
    });
    s.apply(Action::Continue(Step::Theme(1)));
    assert_eq!(s.step, Step::Theme(0), "it stays, with the text");
    assert_eq!(s.problems_shown, 1);
    s.apply(Action::ShowProblems);
    assert_eq!(s.problems_shown, 2, "each stop shows the summary again");
    s.apply(Action::OverLimit {
        id: note.clone(),
        message: Some("Still too long".to_string()),
    });
    assert_eq!(
        s.over_limit,
        vec![(note.clone(), "Still too long".to_string())]
    );
    s.apply(Action::OverLimit {
        id: note,
        message: None,
    });
    assert_eq!(s.problems_shown, 0, "put right, the summary goes");
    s.apply(Action::Continue(Step::Theme(1)));
    assert_eq!(s.step, Step::Theme(1));
}

/// Yew's reducer copies the state for every action (`State::clone`, then
/// `apply`): the copy must share the answers, their stamps and the
/// workshop, and an action must copy only what it changes, leaving the
/// state before it as it was (the screen compares the two).
#[test]
fn each_action_copies_only_what_it_changes_and_never_the_state_before_it() {
    use ready_to_share::model::workshop::WorkshopEdit;
    let mut before = state();
    let question = first_question(&before);
    answer(
        &mut before,
        &question,
        Some(Response::Level(3)),
        "2026-01-02T00:00:00Z",
    );
    let shares = |a: &State, b: &State| {
        (
            Rc::ptr_eq(&a.assessment, &b.assessment),
            Rc::ptr_eq(&a.stamps, &b.stamps),
            Rc::ptr_eq(&a.workshop, &b.workshop),
        )
    };

    for action in [
        Action::Go(Step::Tasks),
        Action::OverLimit {
            id: "note".into(),
            message: Some("Too long".into()),
        },
        Action::ShowProblems,
    ] {
        let mut next = before.clone();
        next.apply(action.clone());
        assert_eq!(shares(&before, &next), (true, true, true), "{action:?}");
    }

    let mut next = before.clone();
    next.apply(Action::Edit {
        edit: Edit::Note {
            question_id: question.clone(),
            note: "Signed in March".into(),
        },
        now: "2026-01-03T00:00:00Z".into(),
    });
    assert_eq!(
        shares(&before, &next),
        (false, false, true),
        "a note copies the answers and stamps only"
    );
    assert_eq!(next.assessment.note(&question), "Signed in March");
    assert_eq!(
        before.assessment.note(&question),
        "",
        "the state before it is untouched"
    );

    let mut next = before.clone();
    next.apply(Action::Workshop {
        edit: WorkshopEdit::AgreedName("Riverside Partnership".into()),
        now: "2026-01-03T00:00:00Z".into(),
    });
    assert_eq!(
        shares(&before, &next),
        (true, true, false),
        "a workshop edit copies the workshop only"
    );
    assert_eq!(
        next.workshop.agreed_name.as_deref(),
        Some("Riverside Partnership")
    );
    assert_eq!(before.workshop.agreed_name, None);
}
