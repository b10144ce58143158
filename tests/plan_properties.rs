//! Properties of the action plan and the workshop consensus: no plan input
//! panics the reader, whatever opens saves and opens again unchanged, a
//! plan built through the setters round-trips, a file keeps at most 200
//! entries aside and lists at most 50 warnings of a kind, progress saved with one
//! stamp per entry (version 2) merges with this version's, and the agreed
//! assessment is always a file that opens.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cases.rs"]
mod cases;

use proptest::prelude::*;
use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::consensus::{agreed_assessment, Consensus};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{
    read_assessment, read_stamped_progress, summarise, write_assessment, write_saved_progress,
    FileProblem, WarningLine,
};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::merge::merge;
use ready_to_share::model::partnership::partnership;
use ready_to_share::model::plan::{check, ActionId, PlanEdit, Status, Step};
use ready_to_share::model::render::{html, markdown, plan as plan_render, SummaryReport};
use ready_to_share::state::{Action, State, Step as Screen};
use serde_json::{json, Value};
use std::rc::Rc;

const NOW: &str = "2026-11-22T10:00:00.000Z";

fn pack() -> ContentPack {
    ContentPack::built_in()
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        1 => Just(String::new()),
        1 => Just("=1+1 <script>alert(1)</script> | \\ 🎉\r\n".to_string()),
        1 => Just("x".repeat(130)),
        1 => Just("2027-03".to_string()),
    ]
}

fn step() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec!["level-1-2", "level-3", "level-4", "not-sure"]).prop_map(String::from),
        1 => text(),
    ]
}

fn question_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = pack()
        .questions()
        .take(8)
        .map(|(_, q)| q.id.clone())
        .collect();
    prop_oneof![
        4 => prop::sample::select(ids),
        1 => text(),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        text().prop_map(Value::String),
        prop::sample::select(vec![
            "done",
            "in-progress",
            "not-started",
            "blocked",
            "2027-13"
        ])
        .prop_map(Value::from),
    ]
}

/// A plan entry: usually well formed, sometimes with any field of any type.
fn entry() -> impl Strategy<Value = Value> {
    let field = |s: BoxedStrategy<String>| prop_oneof![4 => s.prop_map(Value::String), 1 => leaf()];
    (
        field(question_id().boxed()),
        field(step().boxed()),
        field(text().boxed()),
        field(text().boxed()),
        field(
            prop::sample::select(vec!["not-started", "in-progress", "done"])
                .prop_map(String::from)
                .boxed(),
        ),
        field(text().boxed()),
        prop::collection::vec(("[a-z]{1,6}", leaf()), 0..2),
    )
        .prop_map(|(question, step, owner, target, status, note, extra)| {
            let mut object = json!({
                "question": question, "for": step, "owner": owner,
                "target": target, "status": status, "note": note,
            });
            for (key, value) in extra {
                object[key] = value;
            }
            object
        })
}

fn plan_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => prop::collection::vec(entry(), 0..6).prop_map(Value::Array),
        1 => leaf(),
        1 => prop::collection::vec(leaf(), 0..4).prop_map(Value::Array),
    ]
}

fn base_file(version: u64) -> Value {
    let pack = pack();
    let mut a = Assessment::new(&pack, NOW);
    for (i, (_, q)) in pack.questions().take(8).enumerate() {
        let response = if i == 7 {
            Response::NotSure
        } else {
            Response::Level(i as u8 % 5 + 1)
        };
        a.set_response(&q.id, Some(response));
    }
    let mut file: Value = serde_json::from_str(&write_assessment(&a)).unwrap();
    file["format_version"] = json!(version);
    file
}

fn edit() -> impl Strategy<Value = PlanEdit> {
    prop_oneof![
        text().prop_map(PlanEdit::Owner),
        text().prop_map(PlanEdit::Target),
        text().prop_map(PlanEdit::Note),
        prop::sample::select(Status::ALL.to_vec()).prop_map(PlanEdit::Status),
    ]
}

fn step_enum() -> impl Strategy<Value = Step> {
    prop::sample::select(vec![Step::Start, Step::Level3, Step::Level4, Step::FindOut])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases::cases(256)))]

    /// Any plan in a file of either version: the reader never panics,
    /// errors are errors, and whatever opens saves and opens again the same.
    #[test]
    fn no_plan_input_panics_the_reader(plan in plan_value(), version in 1u64..=2) {
        let pack = pack();
        let mut file = base_file(version);
        file["plan"] = plan;
        match read_assessment(&file.to_string(), &pack) {
            Ok(opened) => {
                prop_assert!(opened.warnings.iter().all(|w| !w.is_error()));
                let a = &opened.assessment;
                prop_assert!(a.plan.entries.values().all(|e| !e.is_empty()));
                let again = read_assessment(&write_assessment(a), &pack).map(|o| o.assessment);
                prop_assert_eq!(again.as_ref(), Ok(a));
                // And every rendering of it works.
                let locale = Locale::english();
                let report = SummaryReport::new(&pack, &locale, a, "today");
                let _ = html::render(&report);
                let _ = markdown::render(&report);
                let csv = plan_render::csv(&report);
                // Every cell is quoted, and quotes inside a cell are
                // doubled, so a cell that starts with a formula character
                // would show as `"=` just after a comma or a record's end.
                for risky in ['=', '+', '-', '@'] {
                    prop_assert!(!csv.contains(&format!(",\"{risky}")), "{}", csv);
                    prop_assert!(!csv.contains(&format!("\r\n\"{risky}")), "{}", csv);
                }
            }
            Err(problem) => prop_assert!(problem.is_error(), "{:?}", problem),
        }
    }

    /// A plan made through the setters reads back exactly, and refused
    /// edits change nothing.
    #[test]
    fn a_plan_built_by_edits_round_trips(
        edits in prop::collection::vec((0usize..8, step_enum(), edit()), 0..16)
    ) {
        let pack = pack();
        let ids: Vec<String> = pack.questions().take(8).map(|(_, q)| q.id.clone()).collect();
        let mut a = Assessment::new(&pack, NOW);
        for (i, step, edit) in edits {
            let id = ActionId::new(&ids[i], step);
            let before = a.plan.clone();
            let accepted = check(&edit).is_ok();
            prop_assert_eq!(a.plan.apply(&id, edit, NOW).is_ok(), accepted);
            if !accepted {
                prop_assert_eq!(&a.plan, &before);
            }
        }
        let back = read_assessment(&write_assessment(&a), &pack).unwrap();
        prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        prop_assert_eq!(back.assessment.plan, a.plan);
    }

    /// Any number of entries for actions the pack does not have, among the
    /// pack's own: at most 200 are kept, the first ones, every entry for the
    /// pack's own actions is kept, one warning counts the rest, and the
    /// warnings listed are at most 50 of a kind whatever the count.
    #[test]
    fn a_file_keeps_at_most_200_entries_aside(
        aside in 0usize..600,
        own in prop::collection::vec((0usize..8, step_enum()), 0..12),
    ) {
        let pack = pack();
        let ids: Vec<String> = pack.questions().take(8).map(|(_, q)| q.id.clone()).collect();
        let mut file = base_file(2);
        let mut entries: Vec<Value> = (0..aside)
            .map(|i| json!({ "question": format!("gone-{i}"), "for": "level-3", "owner": "Council" }))
            .collect();
        let mut own_ids = std::collections::BTreeSet::new();
        for (i, step) in own {
            if own_ids.insert((i, step.clone())) {
                // Spread among the others.
                let at = (i * 37) % (entries.len() + 1);
                entries.insert(at, json!({ "question": ids[i], "for": step.as_str(), "status": "done" }));
            }
        }
        file["plan"] = Value::Array(entries);
        let opened = read_assessment(&file.to_string(), &pack).unwrap();
        let plan = &opened.assessment.plan;
        let kept_aside: Vec<usize> = plan
            .entries
            .keys()
            .filter_map(|id| id.question_id.strip_prefix("gone-").map(|n| n.parse().unwrap()))
            .collect();
        prop_assert_eq!(kept_aside.len(), aside.min(200));
        prop_assert!(kept_aside.iter().all(|&n| n < 200), "the first ones are kept");
        prop_assert_eq!(plan.entries.len() - kept_aside.len(), own_ids.len());
        let left_out: Vec<&FileProblem> = opened
            .warnings
            .iter()
            .filter(|w| matches!(w, FileProblem::PlanEntriesLeftOut { .. }))
            .collect();
        if aside > 200 {
            let expected = FileProblem::PlanEntriesLeftOut {
                kept: 200,
                left_out: aside - 200,
            };
            prop_assert_eq!(left_out, vec![&expected]);
        } else {
            prop_assert!(left_out.is_empty());
        }
        let lines = summarise(&opened.warnings);
        // 50 of a kind at most, one line for the rest of the kind, one for
        // the entries left out.
        prop_assert!(lines.len() <= 52, "{:?}", lines);
        let listed = lines.iter().filter(|l| matches!(l, WarningLine::Problem(_))).count();
        let counted: usize = lines
            .iter()
            .map(|l| match l { WarningLine::More(n) => *n, WarningLine::Problem(_) => 0 })
            .sum();
        prop_assert_eq!(listed + counted, opened.warnings.len(), "every warning listed or counted");
    }

    /// Progress saved by version 2 gave a whole plan entry one stamp (the
    /// newest of its parts). Whatever the plan, such progress opens with
    /// the same plan, and its stamps still count: merged with an older copy
    /// (from before its last edits), either way round, it gives its own
    /// plan, with nothing it changed or cleared brought back.
    #[test]
    fn progress_with_a_stamp_per_entry_merges_with_stamps_per_part(
        earlier in prop::collection::vec((0usize..8, step_enum(), edit(), 0u64..5_000), 0..12),
        later in prop::collection::vec((0usize..8, step_enum(), edit(), 0u64..5_000), 0..12),
    ) {
        let pack = Rc::new(pack());
        let ids: Vec<String> = pack.questions().take(8).map(|(_, q)| q.id.clone()).collect();
        let mut state = State::new(pack.clone(), Assessment::new(&pack, NOW), Screen::Summary);
        state.writer = "tab".into();
        let edit_all = |state: &mut State, edits: Vec<(usize, Step, PlanEdit, u64)>| {
            for (i, step, edit, ms) in edits {
                state.apply(Action::Plan {
                    id: ActionId::new(&ids[i], step),
                    edit,
                    now: format!("2026-11-22T10:00:{:02}.{:03}Z", ms / 1000, ms % 1000),
                });
            }
        };
        edit_all(&mut state, earlier);
        let older = state.stamped();
        edit_all(&mut state, later);
        let new = state.stamped();
        let mut saved: Value = serde_json::from_str(&write_saved_progress(&new)).unwrap();
        let fields = saved["stamps"]["fields"].as_object_mut().unwrap();
        let parts: Vec<(String, Value)> = fields
            .iter()
            .filter(|(k, _)| k.starts_with("plan."))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, stamp) in parts {
            fields.remove(&key);
            let entry = format!("plan:{}", key.split_once(':').unwrap().1);
            let newer = match fields.get(&entry) {
                Some(held) => (held[0].as_u64(), held[1].as_str()) < (stamp[0].as_u64(), stamp[1].as_str()),
                None => true,
            };
            if newer {
                fields.insert(entry, stamp);
            }
        }
        let old = read_stamped_progress(&saved.to_string(), &pack).unwrap();
        prop_assert_eq!(&old.assessment, &new.assessment);
        prop_assert_eq!(&merge(&old, &older).assessment.plan, &new.assessment.plan);
        prop_assert_eq!(&merge(&older, &old).assessment.plan, &new.assessment.plan);
        prop_assert_eq!(&merge(&old, &new).assessment.plan, &new.assessment.plan);
    }

    /// Whatever partners answered and agreed, the agreed assessment opens
    /// without warnings and answers every question some partner answered.
    #[test]
    fn the_agreed_assessment_always_opens(
        answers in prop::collection::vec(prop::collection::vec(0u8..=6, 8), 0..5),
        agreed in prop::collection::vec((0usize..8, prop::option::of(1u8..=5), text()), 0..4),
        name in text(),
    ) {
        let pack = pack();
        let locale = Locale::english();
        let ids: Vec<String> = pack.questions().take(8).map(|(_, q)| q.id.clone()).collect();
        let files: Vec<(String, String)> = answers
            .iter()
            .enumerate()
            .map(|(n, levels)| {
                let mut a = Assessment::new(&pack, NOW);
                for (id, level) in ids.iter().zip(levels) {
                    let response = match level {
                        0 => None,
                        6 => Some(Response::NotSure),
                        l => Some(Response::Level(*l)),
                    };
                    a.set_response(id, response);
                }
                (format!("{n}.json"), write_assessment(&a))
            })
            .collect();
        let view = partnership(&pack, &locale, &files, false);
        let mut consensus = Consensus::default();
        for (i, level, note) in agreed {
            consensus.set_level(&ids[i], level);
            let _ = consensus.set_note(&ids[i], &note);
        }
        let result = agreed_assessment(&pack, &locale, &view, &consensus, &name, NOW);
        let opened = read_assessment(&write_assessment(&result.assessment), &pack).unwrap();
        prop_assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
        for (i, id) in ids.iter().enumerate() {
            let any = answers.iter().any(|levels| levels[i] != 0);
            let agreed_level = consensus.level(id);
            prop_assert_eq!(opened.assessment.response(id).is_some(), any || agreed_level.is_some());
            if let Some(level) = agreed_level {
                prop_assert_eq!(opened.assessment.response(id), Some(Response::Level(level)));
            }
        }
    }
}
