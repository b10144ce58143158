//! Where the partnership works decides which guidance it is shown: never
//! guidance for England only to a partnership in Wales, nor the other way
//! round; everything, each saying where it applies, when it works in both
//! or has not said. The choice is kept in the file and merges like any
//! other detail. National case studies are not limited as one place is.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answered, case_study, guidance, level, pack_with, theme, NOW};
use ready_to_share::model::assessment::Assessment;
use ready_to_share::model::content::{AppliesIn, ContentPack, Nation};
use ready_to_share::model::file::{read_assessment, write_assessment, FileProblem};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::merge::{merge, Stamped};
use ready_to_share::model::render::{html, SummaryReport};
use ready_to_share::model::summary::summarise;
use serde_json::Value;

/// One question, a1, with guidance for England only, Wales only and the UK,
/// in that order of relevance.
fn pack() -> ContentPack {
    let mut pack = pack_with(vec![theme("alpha", &["a1", "a2"])], Vec::new());
    let mut england = guidance("england-only", &["alpha"]);
    england.applies_in = AppliesIn::England;
    let mut wales = guidance("wales-only", &["alpha"]);
    wales.applies_in = AppliesIn::Wales;
    let uk = guidance("uk-wide", &["alpha"]);
    pack.guidance = vec![england, wales, uk];
    pack.themes[0].questions[0].guidance =
        vec!["england-only".into(), "wales-only".into(), "uk-wide".into()];
    pack
}

fn in_nation(pack: &ContentPack, nation: Nation) -> Assessment {
    let mut a = answered(pack, &[("a1", level(2)), ("a2", level(5))]);
    a.context.nation = nation;
    a
}

fn guidance_shown(pack: &ContentPack, nation: Nation) -> Vec<String> {
    let summary = summarise(pack, &in_nation(pack, nation));
    assert_eq!(
        summary.priority_actions.len(),
        1,
        "a1 at level 2 is the one action"
    );
    summary.priority_actions[0].guidance.clone()
}

#[test]
fn each_nation_sees_only_the_guidance_that_applies_there() {
    let pack = pack();
    assert_eq!(
        guidance_shown(&pack, Nation::England),
        ["england-only", "uk-wide"]
    );
    assert_eq!(
        guidance_shown(&pack, Nation::Wales),
        ["wales-only", "uk-wide"]
    );
    // Both, or not said: the two most relevant, whatever they apply to.
    assert_eq!(
        guidance_shown(&pack, Nation::Both),
        ["england-only", "wales-only"]
    );
    assert_eq!(
        guidance_shown(&pack, Nation::NotSaid),
        ["england-only", "wales-only"]
    );
}

#[test]
fn the_report_says_where_guidance_applies() {
    let pack = pack();
    let locale = Locale::english();
    let assessment = in_nation(&pack, Nation::Both);
    let report = SummaryReport::new(&pack, &locale, &assessment, NOW);
    let page = html::render(&report);
    assert!(page.contains("Applies in England only"), "{page}");
    assert!(page.contains("Applies in Wales only"), "{page}");
    assert!(
        page.contains("Both England and Wales"),
        "the report names the choice"
    );

    let wales = in_nation(&pack, Nation::Wales);
    let page = html::render(&SummaryReport::new(&pack, &locale, &wales, NOW));
    assert!(!page.contains("Applies in England only"), "{page}");
    assert!(!page.contains("Guide england-only"), "{page}");
    assert!(
        page.contains("The guidance shown is for a partnership in Wales"),
        "the report says which guidance it shows"
    );
}

#[test]
fn the_choice_is_kept_in_the_file() {
    let pack = pack();
    let a = in_nation(&pack, Nation::Wales);
    let text = write_assessment(&a);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["context"]["nation"], "wales");
    let back = read_assessment(&text, &pack).unwrap();
    assert_eq!(back.assessment.context.nation, Nation::Wales);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);

    // Not said: no field, as files before version 3 of the pack.
    let unsaid = write_assessment(&in_nation(&pack, Nation::NotSaid));
    let value: Value = serde_json::from_str(&unsaid).unwrap();
    assert!(value["context"].get("nation").is_none(), "{unsaid}");
}

#[test]
fn a_nation_this_version_does_not_know_is_reported_and_left_unsaid() {
    let pack = pack();
    let mut value: Value =
        serde_json::from_str(&write_assessment(&in_nation(&pack, Nation::England))).unwrap();
    value["context"]["nation"] = "scotland".into();
    let back = read_assessment(&value.to_string(), &pack).expect("still opens");
    assert_eq!(back.assessment.context.nation, Nation::NotSaid);
    assert_eq!(
        back.warnings,
        [FileProblem::UnknownNation {
            nation: "scotland".into()
        }]
    );
    let said = Locale::english().file_problem(&back.warnings[0]);
    assert!(said.contains("scotland"), "{said}");

    value["context"]["nation"] = 3.into();
    assert!(
        read_assessment(&value.to_string(), &pack).is_err(),
        "a number is damage"
    );
}

#[test]
fn the_choice_merges_field_by_field_with_the_other_details() {
    let pack = pack();
    let base = Stamped {
        assessment: Assessment::new(&pack, NOW),
        stamps: Default::default(),
    };
    let mut ours = base.clone();
    let mut next = ours.assessment.clone();
    next.context.nation = Nation::Wales;
    ours.stamps
        .record_edit(&ours.assessment, &next, "tab-a", "2024-05-01T10:00:01Z");
    ours.assessment = next;
    let mut theirs = base.clone();
    let mut next = theirs.assessment.clone();
    next.context.area = "Ynys Môn".into();
    theirs
        .stamps
        .record_edit(&theirs.assessment, &next, "tab-b", "2024-05-01T10:00:02Z");
    theirs.assessment = next;

    for merged in [merge(&ours, &theirs), merge(&theirs, &ours)] {
        assert_eq!(merged.assessment.context.nation, Nation::Wales);
        assert_eq!(merged.assessment.context.area, "Ynys Môn");
    }
}

#[test]
fn partners_in_one_nation_are_in_it_and_partners_in_two_are_in_both() {
    use Nation::*;
    assert_eq!(Nation::common([NotSaid, Wales, NotSaid].into_iter()), Wales);
    assert_eq!(Nation::common([England, England].into_iter()), England);
    assert_eq!(Nation::common([England, NotSaid, Wales].into_iter()), Both);
    assert_eq!(Nation::common([Both, England].into_iter()), Both);
    assert_eq!(Nation::common([NotSaid, NotSaid].into_iter()), NotSaid);
    assert_eq!(Nation::common(std::iter::empty()), NotSaid);
}

/// Three national studies share the place "National"; the limit of two
/// studies from one place is for places, so all three can be shown.
#[test]
fn national_studies_are_not_held_to_the_limit_for_one_place() {
    let mut studies: Vec<_> = ["n1", "n2", "n3", "p1", "p2", "p3"]
        .iter()
        .map(|id| case_study(id, &["alpha"], &[]))
        .collect();
    for study in &mut studies[..3] {
        study.place = "National".into();
        study.national = true;
    }
    for study in &mut studies[3..] {
        study.place = "Northshire".into();
    }
    let pack = pack_with(vec![theme("alpha", &["a1"])], studies);
    let a = answered(&pack, &[("a1", level(1))]);
    let chosen: Vec<String> = summarise(&pack, &a)
        .case_studies
        .iter()
        .map(|m| m.case_study_id.clone())
        .collect();
    assert_eq!(chosen, ["n1", "n2", "n3", "p1"]);

    // Without the flag, "National" is a place like any other.
    let mut plain = pack.clone();
    plain
        .case_studies
        .iter_mut()
        .for_each(|s| s.national = false);
    let chosen: Vec<String> = summarise(&plain, &a)
        .case_studies
        .iter()
        .map(|m| m.case_study_id.clone())
        .collect();
    assert_eq!(chosen, ["n1", "n2", "p1", "p2"]);
}

/// An action planned at level 2 stays in the plan when the answer moves up;
/// its guidance is chosen for where the partnership works too.
#[test]
fn the_plans_other_actions_show_only_guidance_that_applies() {
    use ready_to_share::model::plan::{ActionId, Entry, Step};
    use ready_to_share::model::plan_view::plan_view;
    let pack = pack();
    let mut a = in_nation(&pack, Nation::Wales);
    let planned = ActionId::new("a1", Step::parse("level-1-2"));
    a.plan.entries.insert(
        planned.clone(),
        Entry {
            owner: "Information governance lead".into(),
            ..Entry::default()
        },
    );
    a.set_response("a1", Some(level(4)));
    let summary = summarise(&pack, &a);
    let view = plan_view(&pack, &Locale::english(), &a, &summary);
    let kept = view
        .other
        .iter()
        .find(|item| item.id == planned)
        .expect("the earlier step is still in the plan");
    assert_eq!(kept.guidance, ["wales-only", "uk-wide"]);
}
