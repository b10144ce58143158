//! The action plan: editing it, its round trip through every format, a
//! version 1 file opening with an empty plan, bad input in files, and the
//! plan over time. Questions are found by position in the built-in pack, so
//! the tests do not depend on its wording or ids.
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{
    read_assessment, write_assessment, FileProblem, FORMAT_VERSION, MAX_FILE_BYTES,
};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::plan::{
    ActionId, PlanEdit, PlanProblem, Status, Step, MAX_OWNER_CHARS, MAX_PLAN_NOTE_CHARS,
};
use ready_to_share::model::plan_view::{plan_view, Standing};
use ready_to_share::model::render::{csv, html, markdown, plan as plan_render, SummaryReport};
use ready_to_share::model::summary::summarise;
use serde_json::{json, Value};

const NOW: &str = "2026-11-22T10:00:00.000Z";
const LATER: &str = "2027-11-22T10:00:00.000Z";
const HOSTILE: &str = "=HYPERLINK(\"http://x\") <script>alert('x')</script> | **bold** [a](b)";

fn pack() -> ContentPack {
    ContentPack::built_in()
}

fn question_ids(pack: &ContentPack) -> Vec<String> {
    pack.questions().map(|(_, q)| q.id.clone()).collect()
}

/// An assessment with answers at levels 1 to 5 and "not sure" over the
/// first six questions.
fn answered(pack: &ContentPack) -> Assessment {
    let ids = question_ids(pack);
    let mut a = Assessment::new(pack, NOW);
    for (id, response) in ids.iter().zip([
        Response::Level(1),
        Response::Level(2),
        Response::Level(3),
        Response::Level(4),
        Response::Level(5),
        Response::NotSure,
    ]) {
        a.set_response(id, Some(response));
    }
    a
}

fn edit(a: &mut Assessment, id: &ActionId, edit: PlanEdit) {
    a.plan.apply(id, edit, NOW).expect("the edit is accepted");
}

/// The answered assessment with a full plan entry on its first action
/// (hostile text everywhere) and a status on the "find out" one.
fn planned(pack: &ContentPack) -> (Assessment, ActionId, ActionId) {
    let ids = question_ids(pack);
    let mut a = answered(pack);
    let first = ActionId::new(&ids[0], Step::Start);
    let find_out = ActionId::new(&ids[5], Step::FindOut);
    edit(&mut a, &first, PlanEdit::Owner(HOSTILE.to_string()));
    edit(&mut a, &first, PlanEdit::Target("2027-03".to_string()));
    edit(&mut a, &first, PlanEdit::Status(Status::InProgress));
    edit(
        &mut a,
        &first,
        PlanEdit::Note(format!("{HOSTILE}\nsecond line")),
    );
    edit(&mut a, &find_out, PlanEdit::Status(Status::Done));
    (a, first, find_out)
}

fn reopen(a: &Assessment, pack: &ContentPack) -> Assessment {
    read_assessment(&write_assessment(a), pack)
        .expect("a written file opens")
        .assessment
}

#[test]
fn edits_are_checked_stamped_and_empty_entries_are_not_kept() {
    let pack = pack();
    let ids = question_ids(&pack);
    let mut a = answered(&pack);
    let id = ActionId::new(&ids[0], Step::Start);
    a.plan
        .apply(&id, PlanEdit::Owner("Council".into()), NOW)
        .unwrap();
    assert_eq!(a.plan.entry(&id).unwrap().changed, NOW);
    a.plan
        .apply(&id, PlanEdit::Status(Status::Done), LATER)
        .unwrap();
    assert_eq!(a.plan.entry(&id).unwrap().changed, LATER);

    let long = "x".repeat(MAX_OWNER_CHARS + 1);
    assert_eq!(
        a.plan.apply(&id, PlanEdit::Owner(long), LATER),
        Err(PlanProblem::TooLong {
            limit: MAX_OWNER_CHARS,
            length: MAX_OWNER_CHARS + 1
        })
    );
    assert_eq!(a.plan.entry(&id).unwrap().owner, "Council", "nothing lost");
    let long_note = "é".repeat(MAX_PLAN_NOTE_CHARS + 1);
    assert!(a.plan.apply(&id, PlanEdit::Note(long_note), LATER).is_err());
    for bad in ["2027-13", "27-03", "March", "2027-3", "２０２７-03"] {
        assert_eq!(
            a.plan.apply(&id, PlanEdit::Target(bad.into()), LATER),
            Err(PlanProblem::NotAMonth),
            "{bad}"
        );
    }
    // Back to nothing decided: the entry goes, so "empty" has one form.
    a.plan
        .apply(&id, PlanEdit::Owner(String::new()), LATER)
        .unwrap();
    a.plan
        .apply(&id, PlanEdit::Status(Status::NotStarted), LATER)
        .unwrap();
    assert!(a.plan.is_empty());
}

#[test]
fn the_reducer_saves_accepted_edits_and_ignores_refused_ones() {
    use ready_to_share::state::{Action, State, Step as Page};
    use std::rc::Rc;
    let pack = Rc::new(pack());
    let ids = question_ids(&pack);
    let mut state = State::new(Rc::clone(&pack), answered(&pack), Page::Summary);
    let id = ActionId::new(&ids[0], Step::Start);
    state.apply(Action::Plan {
        id: id.clone(),
        edit: PlanEdit::Owner("Police".into()),
        now: LATER.into(),
    });
    assert_eq!(state.assessment.plan.entry(&id).unwrap().owner, "Police");
    assert_eq!(state.assessment.updated, LATER);
    state.apply(Action::Plan {
        id: id.clone(),
        edit: PlanEdit::Owner("x".repeat(MAX_OWNER_CHARS + 1)),
        now: "2028-01-01T00:00:00.000Z".into(),
    });
    assert_eq!(state.assessment.plan.entry(&id).unwrap().owner, "Police");
    assert_eq!(
        state.assessment.updated, LATER,
        "a refused edit is no change"
    );
}

#[test]
fn the_plan_round_trips_through_the_assessment_file() {
    let pack = pack();
    let (a, first, find_out) = planned(&pack);
    let text = write_assessment(&a);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format_version"], json!(FORMAT_VERSION));
    assert_eq!(FORMAT_VERSION, 2);
    assert_eq!(file["plan"].as_array().map(Vec::len), Some(2));
    let back = reopen(&a, &pack);
    assert_eq!(back.plan, a.plan);
    assert_eq!(back.plan.entry(&first).unwrap().target, "2027-03");
    assert_eq!(back.plan.entry(&find_out).unwrap().status, Status::Done);
    // Written again, it is the same file.
    assert_eq!(write_assessment(&back), text);
}

#[test]
fn an_assessment_without_a_plan_writes_no_plan_field() {
    let pack = pack();
    let text = write_assessment(&answered(&pack));
    let file: Value = serde_json::from_str(&text).unwrap();
    assert!(file.get("plan").is_none());
}

#[test]
fn a_version_1_file_opens_with_an_empty_plan() {
    let pack = pack();
    let ids = question_ids(&pack);
    let file = json!({
        "format": "ready-to-share-assessment",
        "format_version": 1,
        "content_pack": { "id": pack.id, "version": pack.version },
        "created": NOW, "updated": NOW,
        "context": { "area": "Somewhere", "organisation": "", "partners": "", "policy_areas": [] },
        "answers": { ids[0].clone(): { "level": 2, "note": "kept" } },
        "story": ""
    });
    let opened = read_assessment(&file.to_string(), &pack).expect("opens");
    assert!(opened.assessment.plan.is_empty());
    assert_eq!(opened.assessment.note(&ids[0]), "kept");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    // The summary still offers the action, with an empty plan entry.
    let summary = summarise(&pack, &opened.assessment);
    let view = plan_view(&pack, &Locale::english(), &opened.assessment, &summary);
    assert_eq!(view.current.len(), 1);
    assert_eq!(view.current[0].entry.status, Status::NotStarted);
}

#[test]
fn a_file_from_a_newer_format_is_refused() {
    let pack = pack();
    let mut file: Value = serde_json::from_str(&write_assessment(&answered(&pack))).unwrap();
    file["format_version"] = json!(FORMAT_VERSION + 1);
    assert_eq!(
        read_assessment(&file.to_string(), &pack),
        Err(FileProblem::NewerFormat {
            version: FORMAT_VERSION + 1
        })
    );
}

#[test]
fn the_plan_is_in_the_html_markdown_and_its_own_csv_escaped() {
    let pack = pack();
    let locale = Locale::english();
    let (a, _, _) = planned(&pack);
    let report = SummaryReport::new(&pack, &locale, &a, "22 November 2026");

    let page = html::render(&report);
    assert!(page.contains(&format!("<h2>{}</h2>", locale.plan.heading)));
    assert!(page.contains("<table class=\"plan\">"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(!page.contains("<script>"));
    assert!(page.contains("March 2027"));
    assert!(page.contains(locale.plan.in_progress));
    assert!(page.contains("second line"));

    let md = markdown::render(&report);
    assert!(md.contains(&format!("## {}", locale.plan.heading)));
    assert!(md.contains("&lt;script&gt;"));
    assert!(md.contains("\\| \\*\\*bold\\*\\* \\[a\\]\\(b\\)"));
    // Each table row stays on one line: the note's line break is a space.
    let row = md.lines().find(|l| l.contains("March 2027")).unwrap();
    assert!(row.contains("second line"));

    let plan_csv = plan_render::csv(&report);
    let lines: Vec<&str> = plan_csv.trim_end().split("\r\n").collect();
    let summary = summarise(&pack, &a);
    assert_eq!(
        lines.len(),
        1 + summary.priority_actions.len() + summary.find_out.len(),
        "a header and one row per action"
    );
    assert!(lines[0].contains("\"Owner\""));
    assert!(plan_csv.contains("\"'=HYPERLINK(\"\"http://x\"\")"));
    assert!(!plan_csv.contains(",\"=HYPERLINK"));
    assert!(plan_csv.contains("\"2027-03\""));
    // The answers CSV is unchanged by the plan.
    assert!(!csv::render(&report).contains("HYPERLINK"));
}

#[test]
fn the_plan_follows_the_summary_order_and_lists_every_other_entry() {
    let pack = pack();
    let locale = Locale::english();
    let ids = question_ids(&pack);
    let (mut a, first, _) = planned(&pack);
    // The first question moves up: its "levels 1 and 2" entry stays, listed
    // apart, and the new step starts afresh.
    a.set_response(&ids[0], Some(Response::Level(3)));
    // An entry for a question this pack does not have.
    let gone = ActionId::new("a-question-long-gone", Step::Start);
    edit(&mut a, &gone, PlanEdit::Owner("Housing".into()));
    let summary = summarise(&pack, &a);
    let view = plan_view(&pack, &locale, &a, &summary);
    let current: Vec<&ActionId> = view.current.iter().map(|i| &i.id).collect();
    assert_eq!(
        current.len(),
        summary.priority_actions.len() + summary.find_out.len()
    );
    assert_eq!(
        current[0].question_id,
        summary.priority_actions[0].question_id
    );
    assert!(view.current.iter().all(|i| i.standing == Standing::Current));
    assert!(!current.contains(&&first));
    let other: Vec<(&ActionId, Standing)> =
        view.other.iter().map(|i| (&i.id, i.standing)).collect();
    assert_eq!(
        other,
        [
            (&first, Standing::AnswerChanged),
            (&gone, Standing::NotInPack)
        ]
    );
    assert!(view.other[1].why.contains("a-question-long-gone"));

    // Both are in the file, the downloads and the CSV: never dropped.
    let back = reopen(&a, &pack);
    assert_eq!(back.plan, a.plan);
    let report = SummaryReport::new(&pack, &locale, &a, "today");
    assert!(html::render(&report).contains(locale.plan.other_heading));
    let plan_csv = plan_render::csv(&report);
    assert!(plan_csv.contains("a-question-long-gone"));
    assert!(plan_csv.contains(locale.plan.standing_not_in_pack));
}

#[test]
fn bad_plan_input_in_a_file_is_kept_and_reported() {
    let pack = pack();
    let ids = question_ids(&pack);
    let mut file: Value = serde_json::from_str(&write_assessment(&answered(&pack))).unwrap();
    let long_owner = "o".repeat(MAX_OWNER_CHARS + 5);
    let long_note = "n".repeat(MAX_PLAN_NOTE_CHARS + 5);
    file["plan"] = json!([
        { "question": ids[0], "for": "level-1-2", "owner": long_owner, "note": long_note, "status": "in-progress" },
        { "question": ids[1], "for": "level-1-2", "target": "next spring", "status": "not-started" },
        { "question": "gone", "for": "level-3", "owner": "Police", "status": "done" },
        { "question": ids[2], "for": "level-9", "owner": "NHS", "status": "done" },
    ]);
    let opened = read_assessment(&file.to_string(), &pack).expect("opens");
    let plan = &opened.assessment.plan;
    assert_eq!(plan.entries.len(), 4, "nothing dropped");
    let first = plan.entry(&ActionId::new(&ids[0], Step::Start)).unwrap();
    assert_eq!(first.owner, long_owner, "kept in full");
    assert_eq!(first.note, long_note);
    assert_eq!(
        plan.entry(&ActionId::new(&ids[1], Step::Start))
            .unwrap()
            .target,
        "next spring"
    );
    let locale = Locale::english();
    let messages: Vec<String> = opened
        .warnings
        .iter()
        .map(|w| locale.file_problem(w))
        .collect();
    assert_eq!(messages.len(), 5, "{messages:#?}");
    assert!(matches!(
        opened.warnings[0],
        FileProblem::PlanTooLong { ref field, length, .. } if field == "owner" && length == MAX_OWNER_CHARS + 5
    ));
    assert!(messages.iter().any(|m| m.contains("next spring")));
    assert!(messages.iter().any(|m| m.contains("\"gone\"")));
    assert!(opened.warnings.iter().all(|w| !w.is_error()));
    // Written back out, the entries are all still there.
    let again = reopen(&opened.assessment, &pack);
    assert_eq!(&again.plan, plan);
}

#[test]
fn a_damaged_plan_is_refused_with_the_part_named() {
    let pack = pack();
    let ids = question_ids(&pack);
    let base: Value = serde_json::from_str(&write_assessment(&answered(&pack))).unwrap();
    let cases = [
        (json!({ "a": 1 }), "plan"),
        (json!([1]), "plan[0]"),
        (json!([{ "for": "level-3" }]), "plan[0]"),
        (
            json!([{ "question": ids[0], "for": "level-1-2", "owner": 5 }]),
            "plan[0].owner",
        ),
        (
            json!([{ "question": ids[0], "for": "level-1-2", "status": "blocked" }]),
            "plan[0].status",
        ),
        (
            json!([
                { "question": ids[0], "for": "level-1-2", "status": "done" },
                { "question": ids[0], "for": "level-1-2", "status": "in-progress" }
            ]),
            "plan[1]",
        ),
    ];
    for (plan, field) in cases {
        let mut file = base.clone();
        file["plan"] = plan;
        assert_eq!(
            read_assessment(&file.to_string(), &pack),
            Err(FileProblem::Malformed {
                field: field.to_string()
            }),
            "{file}"
        );
    }
}

#[test]
fn the_longest_plan_the_screens_accept_keeps_the_file_openable() {
    use ready_to_share::model::file::{
        MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_PARTNERS_CHARS, MAX_STORY_CHARS,
    };
    let pack = pack();
    let mut a = Assessment::new(&pack, NOW);
    let wide = |n: usize| "\u{1F600}".repeat(n);
    for (_, q) in pack.questions() {
        a.set_response(&q.id, Some(Response::Level(2)));
        a.set_note(&q.id, &wide(MAX_NOTE_CHARS));
        let id = ActionId::new(&q.id, Step::Start);
        edit(&mut a, &id, PlanEdit::Owner(wide(MAX_OWNER_CHARS)));
        edit(&mut a, &id, PlanEdit::Note(wide(MAX_PLAN_NOTE_CHARS)));
        edit(&mut a, &id, PlanEdit::Target("2027-12".into()));
        edit(&mut a, &id, PlanEdit::Status(Status::InProgress));
    }
    a.story = wide(MAX_STORY_CHARS);
    a.context.area = wide(MAX_NAME_CHARS);
    a.context.organisation = wide(MAX_NAME_CHARS);
    a.context.partners = wide(MAX_PARTNERS_CHARS);
    let written = write_assessment(&a);
    assert!(
        written.len() <= MAX_FILE_BYTES,
        "{} bytes is over the limit",
        written.len()
    );
    assert_eq!(reopen(&a, &pack).plan, a.plan);
}

#[test]
fn the_earlier_plan_is_compared_and_done_actions_that_did_not_move_stand_out() {
    use ready_to_share::model::compare::compare;
    let pack = pack();
    let locale = Locale::english();
    let ids = question_ids(&pack);
    let mut earlier = answered(&pack);
    // Level 1: done, and now at level 3 (moved up).
    let moved = ActionId::new(&ids[0], Step::Start);
    edit(&mut earlier, &moved, PlanEdit::Status(Status::Done));
    edit(&mut earlier, &moved, PlanEdit::Owner("Council".into()));
    // Level 3: done, but still at level 3 now (worth a conversation).
    let stuck = ActionId::new(&ids[2], Step::Level3);
    edit(&mut earlier, &stuck, PlanEdit::Status(Status::Done));
    edit(&mut earlier, &stuck, PlanEdit::Owner("NHS".into()));
    // Not sure: in progress, now answered (moved up, not done).
    let find_out = ActionId::new(&ids[5], Step::FindOut);
    edit(
        &mut earlier,
        &find_out,
        PlanEdit::Status(Status::InProgress),
    );

    let mut now = answered(&pack);
    now.set_response(&ids[0], Some(Response::Level(3)));
    now.set_response(&ids[5], Some(Response::Level(2)));
    let comparison = compare(&pack, &earlier, &now);
    let plan = &comparison.plan;
    let seen: Vec<(&ActionId, bool)> = plan.actions.iter().map(|a| (&a.id, a.moved_up)).collect();
    assert_eq!(seen, [(&moved, true), (&stuck, false), (&find_out, true)]);
    assert_eq!(plan.actions[0].entry.owner, "Council");
    let worth: Vec<&ActionId> = plan.worth_a_conversation().map(|a| &a.id).collect();
    assert_eq!(worth, [&stuck]);

    let report = SummaryReport::new(&pack, &locale, &now, "today").with_comparison(&earlier);
    let page = html::render(&report);
    assert!(page.contains(locale.plan.earlier_heading));
    assert!(page.contains(locale.plan.conversation_heading));
    assert!(page.contains("NHS"));
    let md = markdown::render(&report);
    assert!(md.contains(locale.plan.conversation_heading));
    // The earlier plan's table: one row per action, owner in its own cell,
    // the same rows in both reports.
    assert!(
        page.contains("<td>Council</td>"),
        "the owner has its own cell"
    );
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.contains("---"))
        .filter(|l| l.contains(" | Council | ") || l.contains(" | NHS | "))
        .collect();
    assert_eq!(rows.len(), 2, "a Markdown row per owned action: {rows:?}");
    assert!(
        rows.iter().all(|r| r.matches(" | ").count() == 3),
        "four cells: {rows:?}"
    );

    // No earlier plan: it says so, and nothing is worth a conversation.
    let plain = compare(&pack, &answered(&pack), &now);
    assert!(plain.plan.actions.is_empty());
    let report =
        SummaryReport::new(&pack, &locale, &now, "today").with_comparison(&answered(&pack));
    assert!(html::render(&report).contains(locale.plan.no_earlier));
}
