//! The summary: ranked priority actions, strengths, things to find out,
//! weakest themes and matched case studies.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{
    answered, case_study, close_themes_answers, close_themes_pack, exact, issue_example_answers,
    issue_example_pack, level, pack_with, question, shown, small_pack, theme, FILE,
};
use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::{CaseStudy, ContentError, ContentPack, Question, Theme};
use ready_to_share::model::scoring::{profile, Score};
use ready_to_share::model::summary::{
    summarise, FindOut, MatchReason, PriorityAction, Strength, Summary, CASE_STUDIES_PER_PLACE,
    CASE_STUDY_LIMIT,
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

/// The test pack's step for a level: "start" at 1 and 2, "agree" at 3,
/// "embed" at 4 (see `common::question`).
fn action(question_id: &str, level: u8) -> PriorityAction {
    let suffix = match level {
        1 | 2 => "start",
        3 => "agree",
        4 => "embed",
        _ => panic!("no action at level {level}"),
    };
    PriorityAction {
        question_id: question_id.to_string(),
        theme_id: theme_of(question_id).to_string(),
        level,
        action: format!("{question_id}: {suffix}"),
        guidance: Vec::new(),
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
fn priority_actions_rank_lowest_level_then_weakest_theme_then_pack_order() {
    let pack = small_pack();
    // alpha (1, 5) = 50, beta (1, 1, 2) = 25/3 = 8.33, gamma (1) = 0.
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
    // alpha (2, 1) = 12.5, beta (1, 3, 2) = 25, gamma (4) = 75.
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
        (3, Some("c1: agree")),
        (4, Some("c1: embed")),
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
    // alpha (4, 4) = 75, beta (5, 5, 4) = 275/3 = 91.67, gamma (3) = 50.
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
    // alpha (4, 5) = 87.5, beta (5, 4, 4) = 250/3 = 83.33, gamma (4) = 75.
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
    // (25 + 50 + 75) / 3 = 50.
    assert_eq!(summary.profile.overall, Some(Score::whole(50)));
}

#[test]
fn weakest_themes_are_the_two_lowest_scored() {
    let pack = small_pack();
    let weakest = |responses: &[(&str, Response)]| summary_of(&pack, responses).weakest_themes;
    // alpha 50, beta 25/3 = 8.33, gamma 0.
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
    // Weights: cs-both 5, cs-alpha 3, then at 2 cs-beta (its theme scores
    // 25, the most relevant), cs-gamma-health and cs-health-safety (both
    // 100, so pack order, and the limit cuts cs-health-safety); cs-safety
    // and cs-delta 0 (not suggested).
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
    // Weights: cs-both 5, cs-health-safety 4, cs-alpha 3, then at 2 cs-beta
    // (25) before cs-gamma-health and cs-safety (100).
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
    // Among the 2s, cs-beta (beta scores 25) is more relevant than
    // cs-health-safety (delta, 100), which is first of the two at 100 in
    // this pack order.
    assert_eq!(
        matched(&summary),
        [
            ("cs-both", &[weak("alpha"), weak("beta")][..]),
            ("cs-alpha", &[weak("alpha")][..]),
            ("cs-beta", &[weak("beta")][..]),
            ("cs-health-safety", &[area("health")][..]),
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
    // cs-delta 2 + 2 = 4, cs-gamma-health 3, cs-safety 2, cs-health-safety 2
    // (both delta, 25: pack order).
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

// ---------------------------------------------------------------------------
// Exact scores decide the weakest themes
// ---------------------------------------------------------------------------

#[test]
fn the_weakest_theme_is_chosen_from_exact_scores_not_rounded_ones() {
    let pack = close_themes_pack();
    // governance 325/7 = 46.43, data 275/6 = 45.83: both show as 46, and
    // governance comes first in the pack, yet data is the weaker.
    let summary = summarise(&pack, &close_themes_answers(&pack, 5));
    let governance = summary.profile.theme("governance").and_then(|t| t.score);
    let data = summary.profile.theme("data").and_then(|t| t.score);
    assert_eq!(governance, Some(exact(325, 7)));
    assert_eq!(data, Some(exact(275, 6)));
    assert_eq!((shown(governance), shown(data)), (Some(46), Some(46)));
    assert_eq!(summary.weakest_themes, ["data", "governance"]);

    // With purpose weakest, only one of them is among the two weakest: data.
    let summary = summarise(&pack, &close_themes_answers(&pack, 1));
    assert_eq!(summary.weakest_themes, ["purpose", "data"]);
}

#[test]
fn priority_actions_at_one_level_put_the_exactly_weaker_theme_first() {
    let pack = close_themes_pack();
    let summary = summarise(&pack, &close_themes_answers(&pack, 5));
    // Level 2: d6 (data, 45.83) before g7 (governance, 46.43); then level 3:
    // data's five before governance's six.
    assert_eq!(
        action_order(&summary),
        [
            ("d6", 2),
            ("g7", 2),
            ("d1", 3),
            ("d2", 3),
            ("d3", 3),
            ("d4", 3),
            ("d5", 3),
            ("g1", 3),
            ("g2", 3),
            ("g3", 3),
            ("g4", 3),
            ("g5", 3),
            ("g6", 3),
        ]
    );
}

#[test]
fn the_issue_example_ranks_its_three_equal_themes_in_pack_order() {
    let pack = issue_example_pack();
    let summary = summarise(&pack, &issue_example_answers(&pack));
    // purpose, governance and people are all exactly 37.5.
    assert_eq!(summary.weakest_themes, ["purpose", "governance"]);
    assert_eq!(summary.profile.overall, Some(exact(295, 6)));
}

// ---------------------------------------------------------------------------
// A next step for each level
// ---------------------------------------------------------------------------

fn one_question_pack(q: Question) -> ContentPack {
    pack_with(
        vec![Theme {
            questions: vec![q],
            ..theme("gamma", &[])
        }],
        Vec::new(),
    )
}

fn actions_by_level(pack: &ContentPack) -> Vec<Option<String>> {
    (1..=5)
        .map(|l| {
            summary_of(pack, &[("c1", level(l))])
                .priority_actions
                .first()
                .map(|a| a.action.clone())
        })
        .collect()
}

#[test]
fn levels_1_and_2_get_act_if_1_or_2_level_3_act_if_3_level_4_act_if_4() {
    let pack = small_pack();
    assert_eq!(
        actions_by_level(&pack),
        [
            Some("c1: start".to_string()),
            Some("c1: start".to_string()),
            Some("c1: agree".to_string()),
            Some("c1: embed".to_string()),
            None,
        ]
    );
    // The same straight from the question.
    let q = common::question("c1");
    let steps: Vec<Option<&str>> = (1..=5).map(|l| q.action_for(l)).collect();
    assert_eq!(
        steps,
        [
            Some("c1: start"),
            Some("c1: start"),
            Some("c1: agree"),
            Some("c1: embed"),
            None
        ]
    );
}

#[test]
fn a_version_1_question_falls_back_to_act_if_3_or_4() {
    // Only the version 1 field: it serves levels 3 and 4.
    let mut q = question("c1");
    q.act_if_3 = String::new();
    q.act_if_4 = String::new();
    q.act_if_3_or_4 = "c1: improve".to_string();
    let pack = one_question_pack(q.clone());
    assert_eq!(pack.check(FILE), Vec::<ContentError>::new());
    assert_eq!(
        actions_by_level(&pack),
        [
            Some("c1: start".to_string()),
            Some("c1: start".to_string()),
            Some("c1: improve".to_string()),
            Some("c1: improve".to_string()),
            None,
        ]
    );

    // Only the missing one falls back; a blank one counts as missing.
    q.act_if_3 = "c1: agree".to_string();
    q.act_if_4 = "   ".to_string();
    let pack = one_question_pack(q);
    assert_eq!(pack.check(FILE), Vec::<ContentError>::new());
    let by_level = actions_by_level(&pack);
    assert_eq!(by_level[2].as_deref(), Some("c1: agree"));
    assert_eq!(by_level[3].as_deref(), Some("c1: improve"));

    // A version 2 question ignores the old field.
    let mut q = question("c1");
    q.act_if_3_or_4 = "c1: improve".to_string();
    assert_eq!(
        (q.action_for(3), q.action_for(4)),
        (Some("c1: agree"), Some("c1: embed"))
    );
}

#[test]
fn the_content_check_reports_a_question_without_a_level_3_or_4_step() {
    let item = "theme \"gamma\", question \"c1\"";
    for (field, blank) in [("act_if_3", ""), ("act_if_3", "  "), ("act_if_4", "")] {
        // Neither the level's own step nor act_if_3_or_4.
        let mut q = question("c1");
        match field {
            "act_if_3" => q.act_if_3 = blank.to_string(),
            _ => q.act_if_4 = blank.to_string(),
        }
        let errors = one_question_pack(q).check(FILE);
        let found: Vec<(&str, &str, &str)> = errors
            .iter()
            .map(|e| (e.file.as_str(), e.item.as_str(), e.field.as_str()))
            .collect();
        assert_eq!(found, [(FILE, item, field)], "{errors:?}");
        assert!(!errors[0].problem.trim().is_empty());
    }
    // Both missing, and no act_if_3_or_4: both are reported.
    let mut q = question("c1");
    q.act_if_3 = String::new();
    q.act_if_4 = String::new();
    let fields: Vec<String> = one_question_pack(q)
        .check(FILE)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["act_if_3", "act_if_4"]);
}

#[test]
fn priority_actions_carry_the_questions_guidance() {
    let mut q = question("c1");
    q.guidance = vec!["guide-two".to_string(), "guide-one".to_string()];
    let mut pack = one_question_pack(q);
    pack.guidance = vec![
        common::guidance("guide-one", &["gamma"]),
        common::guidance("guide-two", &["gamma"]),
    ];
    assert_eq!(pack.check(FILE), Vec::<ContentError>::new());
    let summary = summary_of(&pack, &[("c1", level(3))]);
    assert_eq!(
        summary.priority_actions,
        [PriorityAction {
            question_id: "c1".to_string(),
            theme_id: "gamma".to_string(),
            level: 3,
            action: "c1: agree".to_string(),
            guidance: vec!["guide-two".to_string(), "guide-one".to_string()],
        }]
    );
}

// ---------------------------------------------------------------------------
// Case studies: relevance and places
// ---------------------------------------------------------------------------

fn with_place(id: &str, themes: &[&str], place: &str) -> CaseStudy {
    let mut study = case_study(id, themes, &[]);
    study.place = place.to_string();
    study
}

#[test]
fn at_most_two_case_studies_come_from_one_place() {
    // Six studies of alpha, all weighing 3; three of them from Leeds,
    // however it is written.
    let pack = pack_with(
        vec![theme("alpha", &["a1"])],
        vec![
            with_place("cs-1", &["alpha"], "Leeds"),
            with_place("cs-2", &["alpha"], "Leeds"),
            with_place("cs-3", &["alpha"], " LEEDS "),
            with_place("cs-4", &["alpha"], "Bristol"),
            with_place("cs-5", &["alpha"], "Bath"),
            with_place("cs-6", &["alpha"], "York"),
        ],
    );
    let summary = summary_of(&pack, &[("a1", level(2))]);
    let ids: Vec<&str> = summary
        .case_studies
        .iter()
        .map(|m| m.case_study_id.as_str())
        .collect();
    // cs-3 would be the third from Leeds.
    assert_eq!(ids, ["cs-1", "cs-2", "cs-4", "cs-5"]);

    // With only Leeds to offer, two are shown, not four.
    let pack = pack_with(
        vec![theme("alpha", &["a1"])],
        vec![
            with_place("cs-1", &["alpha"], "Leeds"),
            with_place("cs-2", &["alpha"], "Leeds"),
            with_place("cs-3", &["alpha"], "Leeds"),
        ],
    );
    let summary = summary_of(&pack, &[("a1", level(2))]);
    assert_eq!(summary.case_studies.len(), CASE_STUDIES_PER_PLACE);
}

/// alpha 0 (weakest), beta 25 (second), gamma 100, delta 75, epsilon not
/// answered; "health" chosen.
fn relevance_assessment(pack: &ContentPack) -> Assessment {
    let mut assessment = answered(
        pack,
        &[
            ("a1", level(1)),
            ("b1", level(2)),
            ("c1", level(5)),
            ("d1", level(4)),
        ],
    );
    assessment.context.policy_areas = ["health".to_string()].into_iter().collect();
    assessment
}

fn relevance_themes() -> Vec<Theme> {
    vec![
        theme("alpha", &["a1"]),
        theme("beta", &["b1"]),
        theme("gamma", &["c1"]),
        theme("delta", &["d1"]),
        theme("epsilon", &["e1"]),
    ]
}

#[test]
fn ties_in_weight_are_broken_by_relevance_not_pack_order() {
    // In pack order, the least relevant of each weight comes first.
    let weight_2 = vec![
        case_study("cs-unscored", &["epsilon"], &["health"]), // no score
        case_study("cs-gamma", &["gamma"], &["health"]),      // 100
        case_study("cs-delta", &["delta"], &["health"]),      // 75
        case_study("cs-beta", &["beta"], &[]),                // 25
    ];
    let weight_3 = vec![
        case_study("cs-alpha-gamma", &["alpha", "gamma"], &[]), // (0 + 100) / 2 = 50
        case_study("cs-alpha-delta", &["alpha", "delta"], &[]), // (0 + 75) / 2 = 37.5
        case_study("cs-alpha", &["alpha"], &[]),                // 0
    ];
    let ids = |pack: &ContentPack| -> Vec<String> {
        summarise(pack, &relevance_assessment(pack))
            .case_studies
            .into_iter()
            .map(|m| m.case_study_id)
            .collect()
    };

    let pack = pack_with(relevance_themes(), [weight_2.clone(), weight_3].concat());
    assert_eq!(
        ids(&pack),
        ["cs-alpha", "cs-alpha-delta", "cs-alpha-gamma", "cs-beta"]
    );
    // The weight 2 studies alone: the lowest score first, a study with no
    // scored theme last.
    let pack = pack_with(relevance_themes(), weight_2);
    assert_eq!(
        ids(&pack),
        ["cs-beta", "cs-delta", "cs-gamma", "cs-unscored"]
    );
}

#[test]
fn relevance_compares_exact_scores() {
    let mut pack = close_themes_pack();
    // Weakest: purpose (0), then data (45.83). cs-governance weighs 2 for
    // "health"; cs-data 2 as the second-weakest theme. governance 46.43 and
    // data 45.83 both show as 46, so only the exact scores put cs-data first.
    pack.case_studies = vec![
        case_study("cs-governance", &["governance"], &["health"]),
        case_study("cs-data", &["data"], &[]),
    ];
    let mut assessment = close_themes_answers(&pack, 1);
    assessment.context.policy_areas = ["health".to_string()].into_iter().collect();
    let summary = summarise(&pack, &assessment);
    assert_eq!(summary.weakest_themes, ["purpose", "data"]);
    assert_eq!(
        matched(&summary),
        [
            ("cs-data", &[weak("data")][..]),
            ("cs-governance", &[area("health")][..]),
        ]
    );
}
