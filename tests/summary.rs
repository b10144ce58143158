//! The summary: ranked priority actions, strengths, things to find out,
//! weakest themes and matched case studies.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answered, case_study, level, pack_with, small_pack, theme};
use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::scoring::profile;
use ready_to_share::model::summary::{
    summarise, FindOut, MatchReason, PriorityAction, Strength, Summary, CASE_STUDY_LIMIT,
    WEAKEST_THEME_COUNT,
};

const NOT_SURE: Response = Response::NotSure;

fn theme_of(id: &str) -> &'static str {
    match id.chars().next() {
        Some('a') => "alpha",
        Some('b') => "beta",
        Some('c') => "gamma",
        Some('d') => "delta",
        _ => panic!("no theme for {id}"),
    }
}

fn action(question_id: &str, level: u8) -> PriorityAction {
    let suffix = if level <= 2 { "start" } else { "improve" };
    PriorityAction {
        question_id: question_id.to_string(),
        theme_id: theme_of(question_id).to_string(),
        level,
        action: format!("{question_id}: {suffix}"),
    }
}

fn strength(question_id: &str, level: u8) -> Strength {
    Strength {
        question_id: question_id.to_string(),
        theme_id: theme_of(question_id).to_string(),
        level,
    }
}

fn find_out(question_id: &str) -> FindOut {
    FindOut {
        question_id: question_id.to_string(),
        theme_id: theme_of(question_id).to_string(),
    }
}

fn summary_of(pack: &ContentPack, responses: &[(&str, Response)]) -> Summary {
    summarise(pack, &answered(pack, responses))
}

fn action_order(summary: &Summary) -> Vec<(&str, u8)> {
    summary
        .priority_actions
        .iter()
        .map(|a| (a.question_id.as_str(), a.level))
        .collect()
}

#[test]
fn the_limits_are_as_documented() {
    assert_eq!(CASE_STUDY_LIMIT, 4);
    assert_eq!(WEAKEST_THEME_COUNT, 2);
}

#[test]
fn priority_actions_rank_lowest_level_then_weakest_theme_then_pack_order() {
    let pack = small_pack();
    // alpha (1, 5) = 50, beta (1, 1, 2) = 8, gamma (1) = 0.
    let summary = summary_of(
        &pack,
        &[
            ("a1", level(1)),
            ("a2", level(5)),
            ("b1", level(1)),
            ("b2", level(1)),
            ("b3", level(2)),
            ("c1", level(1)),
        ],
    );
    assert_eq!(
        summary.priority_actions,
        vec![
            action("c1", 1),
            action("b1", 1),
            action("b2", 1),
            action("a1", 1),
            action("b3", 2),
        ]
    );
}

#[test]
fn a_lower_level_outranks_a_weaker_theme() {
    let pack = small_pack();
    // alpha (2, 1) = 13, beta (1, 3, 2) = 25, gamma (4) = 75.
    let summary = summary_of(
        &pack,
        &[
            ("a1", level(2)),
            ("a2", level(1)),
            ("b1", level(1)),
            ("b2", level(3)),
            ("b3", level(2)),
            ("c1", level(4)),
        ],
    );
    assert_eq!(
        action_order(&summary),
        [
            ("a2", 1),
            ("b1", 1),
            ("a1", 2),
            ("b3", 2),
            ("b2", 3),
            ("c1", 4)
        ]
    );
}

#[test]
fn equal_themes_keep_pack_order() {
    let pack = small_pack();
    let responses: Vec<(&str, Response)> = ["c1", "b3", "a2", "b1", "a1", "b2"]
        .iter()
        .map(|id| (*id, level(2)))
        .collect();
    let summary = summary_of(&pack, &responses);
    let order: Vec<&str> = summary
        .priority_actions
        .iter()
        .map(|a| a.question_id.as_str())
        .collect();
    assert_eq!(order, ["a1", "a2", "b1", "b2", "b3", "c1"]);
}

#[test]
fn each_level_takes_its_own_action_and_level_5_none() {
    let pack = small_pack();
    for (l, expected) in [
        (1, Some("c1: start")),
        (2, Some("c1: start")),
        (3, Some("c1: improve")),
        (4, Some("c1: improve")),
        (5, None),
    ] {
        let summary = summary_of(&pack, &[("c1", level(l))]);
        let actions: Vec<&str> = summary
            .priority_actions
            .iter()
            .map(|a| a.action.as_str())
            .collect();
        assert_eq!(
            actions,
            expected.into_iter().collect::<Vec<_>>(),
            "level {l}"
        );
    }
}

#[test]
fn strengths_are_levels_4_and_5_highest_first() {
    let pack = small_pack();
    // alpha (4, 4) = 75, beta (5, 5, 4) = 92, gamma (3) = 50.
    let summary = summary_of(
        &pack,
        &[
            ("a1", level(4)),
            ("a2", level(4)),
            ("b1", level(5)),
            ("b2", level(5)),
            ("b3", level(4)),
            ("c1", level(3)),
        ],
    );
    assert_eq!(
        summary.strengths,
        vec![
            strength("b1", 5),
            strength("b2", 5),
            strength("b3", 4),
            strength("a1", 4),
            strength("a2", 4),
        ]
    );
    // Level 4 is a strength and still has a next step; level 3 is not a strength.
    assert_eq!(
        action_order(&summary),
        [("c1", 3), ("a1", 4), ("a2", 4), ("b3", 4)]
    );
}

#[test]
fn strengths_at_one_level_put_the_stronger_theme_first_then_pack_order() {
    let pack = small_pack();
    // alpha (4, 5) = 88, beta (5, 4, 4) = 83, gamma (4) = 75.
    let summary = summary_of(
        &pack,
        &[
            ("a1", level(4)),
            ("a2", level(5)),
            ("b1", level(5)),
            ("b2", level(4)),
            ("b3", level(4)),
            ("c1", level(4)),
        ],
    );
    assert_eq!(
        summary.strengths,
        vec![
            strength("a2", 5),
            strength("b1", 5),
            strength("a1", 4),
            strength("b2", 4),
            strength("b3", 4),
            strength("c1", 4),
        ]
    );
}

#[test]
fn no_strengths_below_level_4() {
    let pack = small_pack();
    let summary = summary_of(
        &pack,
        &[("a1", level(1)), ("b1", level(2)), ("c1", level(3))],
    );
    assert!(summary.strengths.is_empty());
}

#[test]
fn not_sure_answers_become_things_to_find_out_in_pack_order() {
    let pack = small_pack();
    let summary = summary_of(
        &pack,
        &[
            ("c1", NOT_SURE),
            ("b3", NOT_SURE),
            ("a2", NOT_SURE),
            ("b1", level(1)),
            ("a1", level(5)),
        ],
    );
    assert_eq!(
        summary.find_out,
        vec![find_out("a2"), find_out("b3"), find_out("c1")]
    );
    assert_eq!(summary.priority_actions, vec![action("b1", 1)]);
    assert_eq!(summary.strengths, vec![strength("a1", 5)]);
}

#[test]
fn notes_without_a_response_do_not_appear_in_the_summary() {
    let pack = small_pack();
    let mut assessment = Assessment::new(&pack, common::NOW);
    assessment.set_note("a1", "Ask the data protection officer.");
    let summary = summarise(&pack, &assessment);
    assert!(summary.priority_actions.is_empty());
    assert!(summary.strengths.is_empty());
    assert!(summary.find_out.is_empty());
    assert!(summary.weakest_themes.is_empty());
    assert!(summary.case_studies.is_empty());
}

#[test]
fn the_summary_carries_the_profile() {
    let pack = small_pack();
    let assessment = answered(
        &pack,
        &[("a1", level(2)), ("b1", level(3)), ("c1", level(4))],
    );
    let summary = summarise(&pack, &assessment);
    assert_eq!(summary.profile, profile(&pack, &assessment));
    assert_eq!(summary.profile.overall, Some(50));
}

#[test]
fn weakest_themes_are_the_two_lowest_scored() {
    let pack = small_pack();
    let weakest = |responses: &[(&str, Response)]| summary_of(&pack, responses).weakest_themes;
    // alpha 50, beta 8, gamma 0.
    assert_eq!(
        weakest(&[
            ("a1", level(1)),
            ("a2", level(5)),
            ("b1", level(1)),
            ("b2", level(1)),
            ("b3", level(2)),
            ("c1", level(1)),
        ]),
        ["gamma", "beta"]
    );
    // Ties keep pack order.
    assert_eq!(
        weakest(&[("a1", level(3)), ("b1", level(3)), ("c1", level(3))]),
        ["alpha", "beta"]
    );
    assert_eq!(
        weakest(&[("a1", level(4)), ("b1", level(4)), ("c1", level(2))]),
        ["gamma", "alpha"]
    );
}

#[test]
fn unscored_themes_never_count_as_weak() {
    let pack = small_pack();
    let weakest = |responses: &[(&str, Response)]| summary_of(&pack, responses).weakest_themes;
    assert_eq!(weakest(&[]), Vec::<String>::new());
    assert_eq!(weakest(&[("b2", level(5))]), ["beta"]);
    // alpha is only "not sure": unknown, not weak.
    assert_eq!(
        weakest(&[
            ("a1", NOT_SURE),
            ("a2", NOT_SURE),
            ("b1", level(5)),
            ("c1", level(4)),
        ]),
        ["gamma", "beta"]
    );
}

/// Four one-question themes and seven case studies.
fn matching_pack() -> ContentPack {
    pack_with(
        vec![
            theme("alpha", &["a1"]),
            theme("beta", &["b1"]),
            theme("gamma", &["c1"]),
            theme("delta", &["d1"]),
        ],
        vec![
            case_study("cs-alpha", &["alpha"], &[]),
            case_study("cs-beta", &["beta"], &[]),
            case_study("cs-gamma-health", &["gamma"], &["health"]),
            case_study("cs-both", &["alpha", "beta"], &[]),
            case_study("cs-safety", &["delta"], &["safety"]),
            case_study("cs-health-safety", &["delta"], &["health", "safety"]),
            case_study("cs-delta", &["delta"], &["housing"]),
        ],
    )
}

/// alpha 0 (weakest), beta 25 (second), gamma and delta 100.
fn matching_assessment(pack: &ContentPack, areas: &[&str]) -> Assessment {
    let mut assessment = answered(
        pack,
        &[
            ("a1", level(1)),
            ("b1", level(2)),
            ("c1", level(5)),
            ("d1", level(5)),
        ],
    );
    assessment.context.policy_areas = areas.iter().map(|s| s.to_string()).collect();
    assessment
}

fn weak(theme_id: &str) -> MatchReason {
    MatchReason::WeakTheme {
        theme_id: theme_id.to_string(),
    }
}

fn area(policy_area_id: &str) -> MatchReason {
    MatchReason::PolicyArea {
        policy_area_id: policy_area_id.to_string(),
    }
}

fn matched(summary: &Summary) -> Vec<(&str, &[MatchReason])> {
    summary
        .case_studies
        .iter()
        .map(|m| (m.case_study_id.as_str(), m.reasons.as_slice()))
        .collect()
}

#[test]
fn case_studies_weigh_weakest_theme_3_second_2_policy_area_2() {
    let pack = matching_pack();
    let summary = summarise(&pack, &matching_assessment(&pack, &["health"]));
    assert_eq!(summary.weakest_themes, ["alpha", "beta"]);
    // Weights: cs-both 5, cs-alpha 3, cs-beta 2, cs-gamma-health 2,
    // cs-health-safety 2 (cut by the limit: ties keep pack order),
    // cs-safety and cs-delta 0 (not suggested).
    assert_eq!(
        matched(&summary),
        [
            ("cs-both", &[weak("alpha"), weak("beta")][..]),
            ("cs-alpha", &[weak("alpha")][..]),
            ("cs-beta", &[weak("beta")][..]),
            ("cs-gamma-health", &[area("health")][..]),
        ]
    );
}

#[test]
fn each_chosen_policy_area_adds_2() {
    let pack = matching_pack();
    let summary = summarise(&pack, &matching_assessment(&pack, &["health", "safety"]));
    // Weights: cs-both 5, cs-health-safety 4, cs-alpha 3, then cs-beta,
    // cs-gamma-health and cs-safety at 2 in pack order.
    assert_eq!(
        matched(&summary),
        [
            ("cs-both", &[weak("alpha"), weak("beta")][..]),
            ("cs-health-safety", &[area("health"), area("safety")][..]),
            ("cs-alpha", &[weak("alpha")][..]),
            ("cs-beta", &[weak("beta")][..]),
        ]
    );
}

#[test]
fn case_studies_are_ranked_by_weight_not_pack_order() {
    let mut pack = matching_pack();
    pack.case_studies.reverse();
    let summary = summarise(&pack, &matching_assessment(&pack, &["health"]));
    // Weights in the reversed order: cs-delta 0, cs-health-safety 2,
    // cs-safety 0, cs-both 5, cs-gamma-health 2, cs-beta 2, cs-alpha 3.
    assert_eq!(
        matched(&summary),
        [
            ("cs-both", &[weak("alpha"), weak("beta")][..]),
            ("cs-alpha", &[weak("alpha")][..]),
            ("cs-health-safety", &[area("health")][..]),
            ("cs-gamma-health", &[area("health")][..]),
        ]
    );
}

#[test]
fn a_weak_theme_and_a_policy_area_add_up() {
    let pack = matching_pack();
    // gamma weakest (0), delta second (25); alpha and beta 100.
    let mut assessment = answered(
        &pack,
        &[
            ("a1", level(5)),
            ("b1", level(5)),
            ("c1", level(1)),
            ("d1", level(2)),
        ],
    );
    assessment.context.policy_areas = ["housing".to_string()].into_iter().collect();
    let summary = summarise(&pack, &assessment);
    assert_eq!(summary.weakest_themes, ["gamma", "delta"]);
    // cs-delta 2 + 2 = 4, cs-gamma-health 3, cs-safety 2, cs-health-safety 2.
    assert_eq!(
        matched(&summary),
        [
            ("cs-delta", &[weak("delta"), area("housing")][..]),
            ("cs-gamma-health", &[weak("gamma")][..]),
            ("cs-safety", &[weak("delta")][..]),
            ("cs-health-safety", &[weak("delta")][..]),
        ]
    );
}

#[test]
fn policy_areas_alone_suggest_case_studies() {
    let pack = matching_pack();
    let mut assessment = Assessment::new(&pack, common::NOW);
    assessment.context.policy_areas = ["safety".to_string()].into_iter().collect();
    let summary = summarise(&pack, &assessment);
    assert!(summary.weakest_themes.is_empty());
    assert_eq!(
        matched(&summary),
        [
            ("cs-safety", &[area("safety")][..]),
            ("cs-health-safety", &[area("safety")][..]),
        ]
    );
}

#[test]
fn no_match_means_no_case_study() {
    let pack = matching_pack();
    let summary = summarise(&pack, &Assessment::new(&pack, common::NOW));
    assert!(summary.case_studies.is_empty());

    // Weak themes that no case study illustrates, and no policy area chosen.
    let pack = pack_with(
        vec![theme("alpha", &["a1"]), theme("delta", &["d1"])],
        vec![case_study("cs-delta", &["delta"], &["housing"])],
    );
    let mut assessment = answered(&pack, &[("a1", level(1))]);
    assessment.context.policy_areas = ["health".to_string()].into_iter().collect();
    let summary = summarise(&pack, &assessment);
    assert_eq!(summary.weakest_themes, ["alpha"]);
    assert!(summary.case_studies.is_empty());
}

#[test]
fn an_unscored_theme_does_not_attract_case_studies() {
    let pack = matching_pack();
    // alpha only "not sure", beta unanswered: neither is weak.
    let assessment = answered(
        &pack,
        &[("a1", NOT_SURE), ("c1", level(5)), ("d1", level(4))],
    );
    let summary = summarise(&pack, &assessment);
    assert_eq!(summary.weakest_themes, ["delta", "gamma"]);
    let ids: Vec<&str> = summary
        .case_studies
        .iter()
        .map(|m| m.case_study_id.as_str())
        .collect();
    // delta weighs 3, gamma 2.
    assert_eq!(
        ids,
        [
            "cs-safety",
            "cs-health-safety",
            "cs-delta",
            "cs-gamma-health"
        ]
    );
}

#[test]
fn at_most_four_case_studies_are_suggested() {
    let studies: Vec<_> = (1..=9)
        .map(|i| case_study(&format!("cs-{i}"), &["alpha"], &[]))
        .collect();
    let pack = pack_with(vec![theme("alpha", &["a1"])], studies);
    let summary = summary_of(&pack, &[("a1", level(2))]);
    let ids: Vec<&str> = summary
        .case_studies
        .iter()
        .map(|m| m.case_study_id.as_str())
        .collect();
    assert_eq!(ids, ["cs-1", "cs-2", "cs-3", "cs-4"]);
    assert_eq!(ids.len(), CASE_STUDY_LIMIT);
}
