//! Properties of the action plan and the workshop consensus: no plan input
//! panics the reader, whatever opens saves and opens again unchanged, a
//! plan built through the setters round-trips, and the agreed assessment is
//! always a file that opens.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cases.rs"]
mod cases;

use proptest::prelude::*;
use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::consensus::{agreed_assessment, Consensus};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, write_assessment};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::partnership::partnership;
use ready_to_share::model::plan::{check, ActionId, PlanEdit, Status, Step};
use ready_to_share::model::render::{html, markdown, plan as plan_render, SummaryReport};
use serde_json::{json, Value};

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
