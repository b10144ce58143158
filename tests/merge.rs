//! Merging copies of one assessment (`model::merge`), and the reducer and
//! saved progress around it: two writers editing in any interleaving, with
//! saves and storage events in between, end with every field's last edit.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use common::{small_pack, NOW};
use proptest::prelude::*;
use ready_to_share::model::assessment::{Assessment, Context, Response};
use ready_to_share::model::content::Nation;
use ready_to_share::model::file::{
    read_assessment, read_saved_progress, read_stamped_progress, write_assessment,
    write_saved_progress,
};
use ready_to_share::model::merge::{
    fields, merge, millis_since_1970, Field, FieldValue, PlanPart, Stamp, Stamped, Stamps,
};
use ready_to_share::model::plan::{ActionId, PlanEdit, Status, Step as PlanStep};
use ready_to_share::state::{Action, Edit, State, Step};

const QUESTIONS: [&str; 3] = ["a1", "a2", "b1"];
const POLICY_AREAS: [&str; 2] = ["health", "safety"];

/// The plan actions the property tests edit: two steps of one question and
/// a third on another.
fn plan_action(i: usize) -> ActionId {
    [
        ActionId::new("a1", PlanStep::Start),
        ActionId::new("a1", PlanStep::Level3),
        ActionId::new("b1", PlanStep::FindOut),
    ][i]
        .clone()
}

/// One user edit, in the terms the screens send it.
#[derive(Debug, Clone)]
enum Change {
    Response(usize, Option<Response>),
    Note(usize, String),
    Area(String),
    Story(String),
    PolicyArea(usize, bool),
    /// A change to one part of one plan action's entry.
    Plan(usize, PlanEdit),
}

/// Applies a change to a plain assessment: what one writer doing every edit
/// in order would end with. `now` is the time of the edit.
fn apply_plainly(a: &mut Assessment, change: &Change, now: &str) {
    match change {
        Change::Plan(i, edit) => {
            let _ = a.plan.apply(&plan_action(*i), edit.clone(), now);
        }
        Change::Response(q, r) => a.set_response(QUESTIONS[*q], *r),
        Change::Note(q, note) => a.set_note(QUESTIONS[*q], note),
        Change::Area(area) => a.context.area = area.clone(),
        Change::Story(story) => a.story = story.clone(),
        Change::PolicyArea(i, on) => {
            let id = POLICY_AREAS[*i].to_string();
            if *on {
                a.context.policy_areas.insert(id);
            } else {
                a.context.policy_areas.remove(&id);
            }
        }
    }
}

/// The field a change touches.
fn field_of(change: &Change) -> Field {
    match change {
        Change::Response(q, _) => Field::Response(QUESTIONS[*q].into()),
        Change::Note(q, _) => Field::Note(QUESTIONS[*q].into()),
        Change::Area(_) => Field::Area,
        Change::Story(_) => Field::Story,
        Change::PolicyArea(i, _) => Field::PolicyArea(POLICY_AREAS[*i].into()),
        Change::Plan(i, edit) => Field::Plan(
            plan_action(*i),
            match edit {
                PlanEdit::Owner(_) => PlanPart::Owner,
                PlanEdit::Target(_) => PlanPart::Target,
                PlanEdit::Status(_) => PlanPart::Status,
                PlanEdit::Note(_) => PlanPart::Note,
            },
        ),
    }
}

/// The action the screens would send for a change, given what they show.
fn action_for(state: &State, change: &Change, now: &str) -> Action {
    let edit = match change {
        Change::Plan(i, edit) => {
            return Action::Plan {
                id: plan_action(*i),
                edit: edit.clone(),
                now: now.to_string(),
            }
        }
        Change::Response(q, r) => Edit::Response {
            question_id: QUESTIONS[*q].into(),
            response: *r,
        },
        Change::Note(q, note) => Edit::Note {
            question_id: QUESTIONS[*q].into(),
            note: note.clone(),
        },
        Change::Story(story) => Edit::Story(story.clone()),
        Change::Area(_) | Change::PolicyArea(..) => {
            let mut shown = (*state.assessment).clone();
            apply_plainly(&mut shown, change, now);
            Edit::Context(shown.context)
        }
    };
    Action::Edit {
        edit,
        now: now.to_string(),
    }
}

fn time(millis: u64) -> String {
    // Only the milliseconds matter to the stamps; keep the date valid.
    let seconds = millis / 1000;
    format!(
        "2026-01-01T{:02}:{:02}:{:02}.{:03}Z",
        (seconds / 3600) % 24,
        (seconds / 60) % 60,
        seconds % 60,
        millis % 1000
    )
}

fn change() -> impl Strategy<Value = Change> {
    let response = prop_oneof![
        Just(None),
        (1u8..=5).prop_map(|l| Some(Response::Level(l))),
        Just(Some(Response::NotSure)),
    ];
    let text = prop_oneof![Just(String::new()), "[a-c]{1,3}"];
    let month = prop_oneof![Just(String::new()), "202[6-7]-0[1-3]"];
    let plan_edit = prop_oneof![
        text.clone().prop_map(PlanEdit::Owner),
        month.prop_map(PlanEdit::Target),
        prop::sample::select(Status::ALL.to_vec()).prop_map(PlanEdit::Status),
        text.clone().prop_map(PlanEdit::Note),
    ];
    prop_oneof![
        4 => (0..3usize, plan_edit).prop_map(|(i, e)| Change::Plan(i, e)),
        3 => (0..QUESTIONS.len(), response).prop_map(|(q, r)| Change::Response(q, r)),
        2 => (0..QUESTIONS.len(), text.clone()).prop_map(|(q, n)| Change::Note(q, n)),
        1 => text.clone().prop_map(Change::Area),
        1 => text.prop_map(Change::Story),
        1 => (0..POLICY_AREAS.len(), any::<bool>()).prop_map(|(i, on)| Change::PolicyArea(i, on)),
    ]
}

/// What happens next: one of the two writers edits, saves (merging with
/// storage and writing the result, as the autosave does), or hears of the
/// last save (a storage event, or the registry of widgets on one page).
#[derive(Debug, Clone)]
enum Step2 {
    Edit(usize, Change),
    Save(usize),
    Hear(usize),
}

fn step() -> impl Strategy<Value = Step2> {
    prop_oneof![
        4 => (0..2usize, change()).prop_map(|(w, c)| Step2::Edit(w, c)),
        2 => (0..2usize).prop_map(Step2::Save),
        2 => (0..2usize).prop_map(Step2::Hear),
    ]
}

fn writer(name: &str) -> State {
    let pack = Rc::new(small_pack());
    let assessment = Assessment::new(&pack, NOW);
    let mut state = State::new(pack, assessment, Step::Tasks);
    state.writer = name.to_string();
    state
}

/// Saves as the autosave does: merge with storage, write, take up the result.
fn save(state: &mut State, storage: &mut Option<Stamped>) {
    let merged = match storage.as_ref() {
        Some(stored) => merge(&state.stamped(), stored),
        None => state.stamped(),
    };
    // Through the saved text, as in the browser.
    let pack = small_pack();
    let text = write_saved_progress(&merged);
    let stored = read_stamped_progress(&text, &pack).expect("saved progress reads back");
    assert_eq!(stored, merged, "saved progress round-trips");
    state.apply(Action::Merge(stored.clone()));
    *storage = Some(stored);
}

fn hear(state: &mut State, storage: &Option<Stamped>) {
    if let Some(stored) = storage {
        state.apply(Action::Merge(stored.clone()));
    }
}

/// What [`run`] ends with: both writers and storage after a final save by
/// each and a storage event, and every edit made.
struct Run {
    writers: [State; 2],
    storage: Option<Stamped>,
    /// Every edit in order: the change, the field's value after it in the
    /// writer's copy, and the edits that writer had seen before it.
    edits: Vec<(Change, Field, Option<FieldValue>, BTreeSet<usize>)>,
    /// The time of each edit, in the same order.
    times: Vec<String>,
}

/// Runs the steps; `clock(writer, step)` is each edit's time in ms.
fn run(steps: &[Step2], clock: impl Fn(usize, usize) -> u64) -> Run {
    let mut writers = [writer("writer-a"), writer("writer-b")];
    let mut storage: Option<Stamped> = None;
    // Which edits each writer's copy, and storage, include.
    let mut seen: [BTreeSet<usize>; 2] = Default::default();
    let mut stored_seen = BTreeSet::new();
    let mut edits = Vec::new();
    let mut times = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        match step {
            Step2::Edit(w, change) => {
                let w = *w;
                let field = field_of(change);
                let before = fields(&writers[w].assessment).get(&field).cloned();
                let now = time(clock(w, i));
                let action = action_for(&writers[w], change, &now);
                writers[w].apply(action);
                let after = fields(&writers[w].assessment).get(&field).cloned();
                // Setting what a writer already shows is no edit: the
                // screens send nothing for it.
                if before != after {
                    let index = edits.len();
                    edits.push((change.clone(), field, after, seen[w].clone()));
                    times.push(now);
                    seen[w].insert(index);
                }
            }
            Step2::Save(w) => {
                save(&mut writers[*w], &mut storage);
                stored_seen.extend(seen[*w].iter().copied());
                seen[*w] = stored_seen.clone();
            }
            Step2::Hear(w) => {
                hear(&mut writers[*w], &storage);
                seen[*w].extend(stored_seen.iter().copied());
            }
        }
    }
    // Both save once more and hear the other's save (the tabs settle).
    let [a, b] = &mut writers;
    save(a, &mut storage);
    save(b, &mut storage);
    hear(a, &storage);
    Run {
        writers,
        storage,
        edits,
        times,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases::cases(512)))]

    /// One clock for both writers (two tabs or widgets in one browser): any
    /// interleaving of edits, saves and storage events ends, in both copies
    /// and in storage, with every field's last edit.
    #[test]
    fn two_writers_end_with_every_fields_last_edit(
        steps in prop::collection::vec(step(), 0..40),
        start in 1_000_000u64..2_000_000,
    ) {
        let result = run(&steps, |_, i| start + 5 * i as u64);
        // One writer making every edit in the order they were made.
        let mut expected = Assessment::new(&small_pack(), NOW);
        for ((change, ..), now) in result.edits.iter().zip(&result.times) {
            apply_plainly(&mut expected, change, now);
        }
        let stored = result.storage.clone().unwrap_or_default();
        // When a plan entry last changed is compared apart (below).
        let decided = |a: &Assessment| {
            let mut f = fields(a);
            let changed: Vec<Field> = f
                .keys()
                .filter(|k| matches!(k, Field::Plan(_, PlanPart::Changed)))
                .cloned()
                .collect();
            for k in changed {
                f.remove(&k);
            }
            f
        };
        prop_assert_eq!(decided(&stored.assessment), decided(&expected));
        // Each entry kept says when it changed: the time of an edit made to
        // it (the last, unless that edit emptied it in a copy that had not
        // heard of another's decision).
        for (id, entry) in &stored.assessment.plan.entries {
            let times: Vec<&String> = result
                .edits
                .iter()
                .zip(&result.times)
                .filter(|((change, ..), _)| matches!(change, Change::Plan(i, _) if plan_action(*i) == *id))
                .map(|(_, t)| t)
                .collect();
            prop_assert!(times.contains(&&entry.changed), "{:?} {:?}", entry, times);
        }
        for w in &result.writers {
            prop_assert_eq!(&w.stamped(), &stored, "both copies equal storage");
        }
        // Every edit is accounted for: the last edit of each field is there.
        let mut last: BTreeMap<Field, Option<FieldValue>> = BTreeMap::new();
        for (_, field, value, _) in &result.edits {
            last.insert(field.clone(), value.clone());
        }
        let now = fields(&stored.assessment);
        for (field, value) in last {
            prop_assert_eq!(now.get(&field), value.as_ref(), "{:?}", field);
        }
    }

    /// Each writer's clock anywhere, even going backwards (a clock moved
    /// back, stored times in the future): a field's last edit wins whenever
    /// its writer had seen the earlier edits of that field, which covers
    /// every field only one writer changed; and the copies always agree.
    #[test]
    fn with_any_clocks_a_last_edit_made_after_seeing_the_others_wins(
        steps in prop::collection::vec(step(), 0..40),
        clocks in prop::collection::vec(0u64..4_000_000_000_000, 40),
    ) {
        let result = run(&steps, |_, i| clocks[i % clocks.len()]);
        let stored = result.storage.clone().unwrap_or_default();
        for w in &result.writers {
            prop_assert_eq!(&w.stamped(), &stored, "both copies equal storage");
        }
        let now = fields(&stored.assessment);
        let mut by_field: BTreeMap<&Field, Vec<usize>> = BTreeMap::new();
        for (i, (_, field, _, _)) in result.edits.iter().enumerate() {
            by_field.entry(field).or_default().push(i);
        }
        for (field, indices) in by_field {
            let (&last, earlier) = indices.split_last().expect("at least one edit");
            let (_, _, value, seen) = &result.edits[last];
            if earlier.iter().all(|i| seen.contains(i)) {
                prop_assert_eq!(now.get(field), value.as_ref(), "{:?}", field);
            } else {
                // Edits made without knowing of each other: one of them wins.
                prop_assert!(
                    indices.iter().any(|&i| now.get(field) == result.edits[i].2.as_ref()),
                    "{:?} holds none of its edits", field
                );
            }
        }
    }

    /// The merge does not depend on order or repetition, so copies that
    /// have heard of the same changes hold the same answers.
    #[test]
    fn merging_is_commutative_associative_and_idempotent(
        a in prop::collection::vec(change(), 0..8),
        b in prop::collection::vec(change(), 0..8),
        c in prop::collection::vec(change(), 0..8),
        times in prop::collection::vec(0u64..10_000, 24),
    ) {
        let copy = |name: &str, changes: &[Change], offset: usize| {
            let mut s = writer(name);
            for (i, change) in changes.iter().enumerate() {
                let action = action_for(&s, change, &time(times[(offset + i) % times.len()]));
                s.apply(action);
            }
            s.stamped()
        };
        let (a, b, c) = (copy("a", &a, 0), copy("b", &b, 8), copy("c", &c, 16));
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &a), ab.clone());
        prop_assert_eq!(merge(&ab, &ab), ab);
    }
}

#[test]
fn progress_saved_before_stamps_existed_merges_as_the_union() {
    let pack = small_pack();
    let mut old = Assessment::new(&pack, NOW);
    old.set_response("a1", Some(Response::Level(2)));
    let legacy = read_stamped_progress(&write_assessment(&old), &pack).unwrap();
    assert_eq!(legacy.stamps, Stamps::default());
    let mut tab = writer("tab");
    tab.apply(Action::Merge(legacy.clone()));
    let action = action_for(&tab, &Change::Response(2, Some(Response::Level(4))), NOW);
    tab.apply(action);
    let merged = merge(&legacy, &tab.stamped());
    assert_eq!(merged.assessment.response("a1"), Some(Response::Level(2)));
    assert_eq!(merged.assessment.response("b1"), Some(Response::Level(4)));
}

#[test]
fn saved_progress_still_opens_in_a_reader_that_does_not_know_stamps() {
    let pack = small_pack();
    let mut s = writer("w");
    for change in [
        Change::Response(0, Some(Response::Level(3))),
        Change::Note(1, "Ask the DPO".into()),
        Change::Area("Swindon".into()),
        Change::PolicyArea(0, true),
    ] {
        let action = action_for(&s, &change, NOW);
        s.apply(action);
    }
    let text = write_saved_progress(&s.stamped());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["format_version"],
        ready_to_share::model::file::FORMAT_VERSION,
        "stamps add no format version of their own"
    );
    assert!(value["stamps"]["fields"]["response:a1"].is_array());
    // The readers ignore the field they do not know...
    for opened in [
        read_saved_progress(&text, &pack).unwrap(),
        read_assessment(&text, &pack).unwrap(),
    ] {
        assert_eq!(opened.assessment, *s.assessment);
        assert!(opened.warnings.is_empty());
    }
    // ...and the downloaded file, which has no stamps, opens the same.
    let file = write_assessment(&s.assessment);
    assert!(!file.contains("stamps"));
    assert_eq!(
        read_assessment(&file, &pack).unwrap().assessment,
        *s.assessment
    );
}

#[test]
fn damaged_stamps_count_as_none_and_never_stop_progress_reading() {
    let pack = small_pack();
    let mut s = writer("w");
    let action = action_for(&s, &Change::Response(0, Some(Response::Level(3))), NOW);
    s.apply(action);
    let mut value: serde_json::Value =
        serde_json::from_str(&write_saved_progress(&s.stamped())).unwrap();
    for bad in [
        serde_json::json!("nonsense"),
        serde_json::json!({"reset": 5, "fields": {"response:a1": [-1, "w"], "what:x": [1, "w"]}}),
        serde_json::json!({"fields": []}),
    ] {
        value["stamps"] = bad;
        let read = read_stamped_progress(&value.to_string(), &pack).unwrap();
        assert_eq!(read.assessment, *s.assessment);
        assert_eq!(read.stamps, Stamps::default());
    }
}

#[test]
fn a_stamp_is_above_every_stamp_seen_and_no_earlier_than_the_clock() {
    let mut stamps = Stamps::default();
    let now = "2026-11-22T10:40:00.123Z";
    assert_eq!(stamps.next("w", now).counter, 1_795_344_000_123);
    stamps.fields.insert(
        Field::Story,
        Stamp {
            counter: 2_000_000_000_000,
            writer: "future".into(),
        },
    );
    assert_eq!(stamps.next("w", now).counter, 2_000_000_000_001);
    assert_eq!(
        stamps.next("w", "not a time").counter,
        2_000_000_000_001,
        "without a clock, still a counter"
    );
}

#[test]
fn times_are_read_as_the_browser_writes_them() {
    for (iso, millis) in [
        ("1970-01-01T00:00:00.000Z", Some(0)),
        ("2026-11-22T10:40:00.123Z", Some(1_795_344_000_123)),
        ("2000-02-29T23:59:59.999Z", Some(951_868_799_999)),
        ("1999-12-31T00:00:00Z", Some(946_598_400_000)),
        ("2026-01-01T00:00Z", Some(1_767_225_600_000)),
        ("1969-12-31T23:59:59.999Z", None),
        ("2026-13-01T00:00:00Z", None),
        ("2026-11-22 10:40:00Z", None),
        ("t", None),
        ("", None),
    ] {
        assert_eq!(millis_since_1970(iso), millis, "{iso}");
    }
}

#[test]
fn every_field_has_a_saved_name_that_reads_back() {
    for field in [
        Field::Response("a1".into()),
        Field::Note("a1".into()),
        Field::Area,
        Field::Organisation,
        Field::Partners,
        Field::PolicyArea("health".into()),
        Field::Story,
        Field::SetAside("old:question".into()),
        Field::Plan(ActionId::new("a1", PlanStep::Start), PlanPart::Owner),
        Field::Plan(ActionId::new("b:1", PlanStep::FindOut), PlanPart::Status),
        Field::Plan(
            ActionId::new("c1", PlanStep::Other("x".into())),
            PlanPart::Changed,
        ),
    ] {
        assert_eq!(Field::from_key(&field.key()), Some(field.clone()));
    }
    assert_eq!(Field::from_key("unknown:x"), None);
    assert_eq!(Field::from_key("plan.colour:level-3:a1"), None);
    assert_eq!(
        Field::all_from_key("plan:level-3:a1").len(),
        PlanPart::ALL.len(),
        "a whole entry's stamp, as version 2 saved it, stamps each part"
    );
    assert_eq!(Field::from_key("nothing"), None);
}

/// Plan entries merge part by part: each of an entry's owner, target month,
/// status and note from the copy that changed it last, and an entry made in
/// one tab is never lost by a merge with a tab that never had it.
#[test]
fn plan_entries_merge_part_by_part() {
    let mut one = writer("one");
    let mut two = writer("two");
    let first = ActionId::new("a1", PlanStep::Start);
    let second = ActionId::new("b1", PlanStep::FindOut);
    one.apply(Action::Plan {
        id: first.clone(),
        edit: PlanEdit::Owner("Council".into()),
        now: NOW.into(),
    });
    two.apply(Action::Plan {
        id: second.clone(),
        edit: PlanEdit::Status(Status::Done),
        now: NOW.into(),
    });
    let merged = merge(&one.stamped(), &two.stamped());
    assert_eq!(
        merged.assessment.plan.entry(&first).unwrap().owner,
        "Council"
    );
    assert_eq!(
        merged.assessment.plan.entry(&second).unwrap().status,
        Status::Done
    );
    // A later change to the same part wins, in either order.
    one.apply(Action::Merge(two.stamped()));
    two.apply(Action::Merge(one.stamped()));
    two.apply(Action::Plan {
        id: first.clone(),
        edit: PlanEdit::Owner("NHS".into()),
        now: "2024-05-01T10:05:00Z".into(),
    });
    for merged in [
        merge(&one.stamped(), &two.stamped()),
        merge(&two.stamped(), &one.stamped()),
    ] {
        assert_eq!(merged.assessment.plan.entry(&first).unwrap().owner, "NHS");
        assert!(merged.assessment.plan.entry(&second).is_some());
    }
    // Saved progress keeps a stamp for each part; the file leaves them out.
    let text = write_saved_progress(&two.stamped());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(value["stamps"]["fields"]["plan.owner:level-1-2:a1"].is_array());
    assert!(value["stamps"]["fields"]["plan.status:not-sure:b1"].is_array());
    assert!(value["stamps"]["fields"]["plan.changed:level-1-2:a1"].is_array());
    assert!(!write_assessment(&two.assessment).contains("stamps"));
}

/// Two tabs on one entry: an owner typed in one, a status chosen in the
/// other 100 ms later, before either has heard of the other. Both are kept,
/// in both tabs and in storage, whichever saves first.
#[test]
fn an_owner_and_a_status_set_in_two_tabs_are_both_kept() {
    let id = ActionId::new("a1", PlanStep::Start);
    for first_to_save in 0..2 {
        let mut tabs = [writer("tab-a"), writer("tab-b")];
        let mut typed = String::new();
        for (i, c) in "Council IG lead".chars().enumerate() {
            typed.push(c);
            tabs[0].apply(Action::Plan {
                id: id.clone(),
                edit: PlanEdit::Owner(typed.clone()),
                now: format!("2026-11-22T10:00:00.{:03}Z", i * 5),
            });
        }
        tabs[1].apply(Action::Plan {
            id: id.clone(),
            edit: PlanEdit::Status(Status::InProgress),
            now: "2026-11-22T10:00:00.175Z".into(),
        });
        let mut storage = None;
        let [a, b] = &mut tabs;
        let (x, y) = if first_to_save == 0 { (a, b) } else { (b, a) };
        save(x, &mut storage);
        save(y, &mut storage);
        hear(x, &storage);
        for state in [&*x, &*y] {
            let entry = state.assessment.plan.entry(&id).expect("the entry is kept");
            assert_eq!(entry.owner, "Council IG lead", "{}", state.writer);
            assert_eq!(entry.status, Status::InProgress, "{}", state.writer);
            assert_eq!(entry.changed, "2026-11-22T10:00:00.175Z");
        }
        let stored = storage.unwrap().assessment;
        let entry = stored.plan.entry(&id).unwrap();
        assert_eq!(
            (entry.owner.as_str(), entry.status),
            ("Council IG lead", Status::InProgress)
        );
    }
}

/// Progress saved by version 2, with one stamp for a whole plan entry,
/// still opens, and merges: its stamp counts for each part of the entry.
#[test]
fn progress_saved_with_a_stamp_per_entry_still_opens_and_merges() {
    let pack = small_pack();
    let saved = serde_json::json!({
        "format": "ready-to-share-assessment",
        "format_version": 2,
        "content_pack": { "id": pack.id, "version": pack.version },
        "created": NOW, "updated": NOW,
        "context": { "area": "", "organisation": "", "partners": "", "policy_areas": [] },
        "answers": { "a1": { "level": 2 } },
        "story": "",
        "stamps": {
            "reset": [0, ""],
            "fields": {
                "response:a1": [1_000, "old-tab"],
                "plan:level-1-2:a1": [2_000, "old-tab"],
                "plan:not-sure:b1": [2_500, "old-tab"]
            }
        },
        "plan": [
            { "question": "a1", "for": "level-1-2", "owner": "Council",
              "target": "2027-03", "status": "in-progress", "note": "Drafted",
              "changed": "2026-11-22T10:35:00.000Z" },
            { "question": "b1", "for": "not-sure", "owner": "Police",
              "status": "not-started", "changed": "2026-11-22T10:36:00.000Z" }
        ]
    });
    let old = read_stamped_progress(&saved.to_string(), &pack).expect("opens");
    let first = ActionId::new("a1", PlanStep::Start);
    let found_out = ActionId::new("b1", PlanStep::FindOut);
    for part in PlanPart::ALL {
        assert_eq!(
            old.stamps.fields.get(&Field::Plan(first.clone(), part)),
            Some(&Stamp {
                counter: 2_000,
                writer: "old-tab".into()
            }),
            "{part:?}"
        );
    }
    // A tab running this version, having heard of the old progress, marks
    // the first action done; the old tab (not having heard) clears the
    // second action's owner. Each keeps what the other did not touch.
    let mut tab = writer("new-tab");
    tab.apply(Action::Merge(old.clone()));
    tab.apply(Action::Plan {
        id: first.clone(),
        edit: PlanEdit::Status(Status::Done),
        now: "2026-11-22T11:00:00.000Z".into(),
    });
    let mut older = old.clone();
    older.assessment.plan.entries.remove(&found_out);
    older.stamps.fields.insert(
        Field::Plan(found_out.clone(), PlanPart::Owner),
        Stamp {
            counter: 3_000,
            writer: "old-tab".into(),
        },
    );
    for merged in [merge(&tab.stamped(), &older), merge(&older, &tab.stamped())] {
        let entry = merged.assessment.plan.entry(&first).unwrap();
        assert_eq!(entry.owner, "Council");
        assert_eq!(entry.target, "2027-03");
        assert_eq!(entry.note, "Drafted");
        assert_eq!(entry.status, Status::Done);
        assert_eq!(merged.assessment.plan.entry(&found_out), None);
    }
}

/// Three tabs at the same moment: one sets an action's month, one its
/// owner, and the third sets the owner and clears it again, which empties
/// its entry. Whichever two are merged first, the entry ends with the month
/// and the time it last changed: a merge that empties (and so drops) the
/// entry keeps that time with its stamp, where the next merge finds it.
#[test]
fn when_an_entry_last_changed_survives_a_merge_that_empties_it() {
    let id = ActionId::new("b1", PlanStep::FindOut);
    let copy = |name: &str, edits: &[PlanEdit]| {
        let mut s = writer(name);
        for edit in edits {
            s.apply(Action::Plan {
                id: id.clone(),
                edit: edit.clone(),
                now: NOW.into(),
            });
        }
        s.stamped()
    };
    let a = copy("a", &[PlanEdit::Target("2026-01".into())]);
    let b = copy("b", &[PlanEdit::Owner("Council".into())]);
    let c = copy(
        "c",
        &[
            PlanEdit::Owner("Council".into()),
            PlanEdit::Owner(String::new()),
        ],
    );
    assert!(
        c.assessment.plan.entry(&id).is_none(),
        "clearing the owner emptied c's entry"
    );
    let bc = merge(&b, &c);
    assert!(
        bc.assessment.plan.entry(&id).is_none(),
        "and the merge of b and c drops it"
    );

    let left = merge(&merge(&a, &b), &c);
    let right = merge(&a, &bc);
    assert_eq!(left, right);
    let entry = left
        .assessment
        .plan
        .entry(&id)
        .expect("a's month keeps the entry");
    assert_eq!(
        (entry.owner.as_str(), entry.target.as_str()),
        ("", "2026-01")
    );
    assert_eq!(entry.changed, NOW);

    // Saved with progress and read back, the time is still there.
    let read = read_stamped_progress(&write_saved_progress(&bc), &small_pack()).unwrap();
    assert_eq!(read.stamps, bc.stamps);
    assert_eq!(merge(&a, &read), right);
}

/// Any details about the area, as "About your area" sends them whole.
fn any_context() -> impl Strategy<Value = Context> {
    let text = || prop_oneof![Just(String::new()), "[a-c]{1,3}"];
    let nation = prop::sample::select(vec![
        Nation::NotSaid,
        Nation::England,
        Nation::Wales,
        Nation::Both,
    ]);
    let areas = prop::collection::vec(0..POLICY_AREAS.len(), 0..3);
    (text(), text(), text(), nation, areas).prop_map(
        |(area, organisation, partners, nation, areas)| Context {
            area,
            organisation,
            partners,
            nation,
            policy_areas: areas
                .into_iter()
                .map(|i| POLICY_AREAS[i].to_string())
                .collect(),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases::cases(256)))]

    /// The reducer stamps a change to the answers by reading only the
    /// fields it can touch (a keystroke in a note reads that note): the
    /// stamps are the same as comparing every field before and after.
    #[test]
    fn an_edit_is_stamped_as_comparing_every_field_would(
        history in prop::collection::vec(change(), 0..20),
        earlier in any_context(),
        last in change(),
        context in prop::option::of(any_context()),
    ) {
        prop_assume!(!matches!(last, Change::Plan(..)));
        let mut state = writer("a");
        let edit = |edit, now: &str| Action::Edit { edit, now: now.to_string() };
        state.apply(edit(Edit::Context(earlier), &time(999_000)));
        for (i, change) in history.iter().enumerate() {
            let now = time(1_000_000 + 5 * i as u64);
            let action = action_for(&state, change, &now);
            state.apply(action);
        }
        let before = Rc::clone(&state.assessment);
        let mut expected = Stamps::clone(&state.stamps);
        let now = time(2_000_000);
        // A change as the screens send it, or the whole context at once.
        let action = match context {
            Some(context) => edit(Edit::Context(context), &now),
            None => action_for(&state, &last, &now),
        };
        state.apply(action);
        expected.record_edit(&before, &state.assessment, "a", &now);
        prop_assert_eq!(&*state.stamps, &expected);
    }
}
