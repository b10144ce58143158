//! Scores per theme, the overall score and the band, computed by hand.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answered, level, pack_with, small_pack, theme};
use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::scoring::{
    level_points, profile, score_theme, Band, ThemeScore, ThemeStatus,
};

const NOT_SURE: Response = Response::NotSure;

fn theme_score(pack: &ContentPack, assessment: &Assessment, theme_id: &str) -> ThemeScore {
    score_theme(pack.theme(theme_id).expect("the theme exists"), assessment)
}

/// One theme of 25 questions, so a score of 25 * (sum of level - 1) / 25 is
/// the sum itself and every whole score is reachable.
fn pack_of_25() -> ContentPack {
    let ids: Vec<String> = (1..=25).map(|i| format!("q{i}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    pack_with(vec![theme("only", &ids)], Vec::new())
}

/// Answers the 25 questions: `first` for q1, `rest` for q2..q25.
fn answer_25(pack: &ContentPack, first: u8, rest: u8) -> Assessment {
    let mut assessment = Assessment::new(pack, common::NOW);
    for i in 1..=25 {
        let l = if i == 1 { first } else { rest };
        assessment.set_response(&format!("q{i}"), Some(Response::Level(l)));
    }
    assessment
}

#[test]
fn level_points_are_0_25_50_75_100() {
    let points: Vec<u32> = (1..=5).map(level_points).collect();
    assert_eq!(points, [0, 25, 50, 75, 100]);
}

#[test]
fn level_points_clamp_out_of_range_levels() {
    assert_eq!(level_points(0), 0);
    assert_eq!(level_points(6), 100);
    assert_eq!(level_points(255), 100);
}

#[test]
fn a_theme_score_is_the_rounded_average_of_its_levels() {
    let pack = small_pack();
    // alpha has two questions, beta three.
    let cases: [(&[u8], &str, u8); 10] = [
        (&[1, 2], "alpha", 13), // 12.5 rounds up
        (&[2, 3], "alpha", 38), // 37.5 rounds up
        (&[4, 5], "alpha", 88), // 87.5 rounds up
        (&[1, 1], "alpha", 0),
        (&[5, 5], "alpha", 100),
        (&[3, 3], "alpha", 50),
        (&[1, 1, 2], "beta", 8),  // 8.33 rounds down
        (&[1, 1, 3], "beta", 17), // 16.67 rounds up
        (&[2, 3, 3], "beta", 42), // 41.67 rounds up
        (&[4, 4, 5], "beta", 83), // 83.33 rounds down
    ];
    for (levels, theme_id, expected) in cases {
        let ids = &pack.theme(theme_id).unwrap().questions;
        let responses: Vec<(&str, Response)> = ids
            .iter()
            .zip(levels)
            .map(|(q, l)| (q.id.as_str(), level(*l)))
            .collect();
        let assessment = answered(&pack, &responses);
        let score = theme_score(&pack, &assessment, theme_id);
        assert_eq!(score.score, Some(expected), "levels {levels:?}");
        assert_eq!(score.scored, levels.len());
        assert_eq!((score.not_sure, score.unanswered), (0, 0));
        assert_eq!(score.total, levels.len());
        assert_eq!(score.theme_id, theme_id);
    }
}

#[test]
fn not_sure_and_unanswered_are_counted_but_not_scored() {
    let pack = small_pack();
    let assessment = answered(&pack, &[("b1", NOT_SURE), ("b2", level(4))]);
    let beta = theme_score(&pack, &assessment, "beta");
    assert_eq!(
        beta,
        ThemeScore {
            theme_id: "beta".to_string(),
            score: Some(75),
            scored: 1,
            not_sure: 1,
            unanswered: 1,
            total: 3,
        }
    );
    assert_eq!(beta.responded(), 2);

    // Had "not sure" counted as zero, this would be 38, not 75.
    let assessment = answered(&pack, &[("a1", NOT_SURE), ("a2", level(4))]);
    assert_eq!(theme_score(&pack, &assessment, "alpha").score, Some(75));
}

#[test]
fn a_theme_answered_only_not_sure_has_no_score() {
    let pack = small_pack();
    let assessment = answered(&pack, &[("a1", NOT_SURE), ("a2", NOT_SURE)]);
    let alpha = theme_score(&pack, &assessment, "alpha");
    assert_eq!(alpha.score, None);
    assert_eq!((alpha.scored, alpha.not_sure, alpha.unanswered), (0, 2, 0));
    assert_eq!(alpha.status(), ThemeStatus::Completed);
}

#[test]
fn a_note_alone_is_not_an_answer() {
    let pack = small_pack();
    let mut assessment = Assessment::new(&pack, common::NOW);
    assessment.set_note("c1", "We think so, but need to check.");
    let gamma = theme_score(&pack, &assessment, "gamma");
    assert_eq!(gamma.score, None);
    assert_eq!((gamma.scored, gamma.not_sure, gamma.unanswered), (0, 0, 1));
    assert_eq!(gamma.status(), ThemeStatus::NotStarted);
}

#[test]
fn theme_status_follows_the_responses() {
    let pack = small_pack();
    let status = |responses: &[(&str, Response)]| {
        theme_score(&pack, &answered(&pack, responses), "beta").status()
    };
    assert_eq!(status(&[]), ThemeStatus::NotStarted);
    // Answers to other themes do not start this one.
    assert_eq!(
        status(&[("a1", level(3)), ("c1", NOT_SURE)]),
        ThemeStatus::NotStarted
    );
    assert_eq!(status(&[("b2", level(1))]), ThemeStatus::InProgress);
    assert_eq!(status(&[("b3", NOT_SURE)]), ThemeStatus::InProgress);
    assert_eq!(
        status(&[("b1", level(1)), ("b2", NOT_SURE)]),
        ThemeStatus::InProgress
    );
    assert_eq!(
        status(&[("b1", level(1)), ("b2", NOT_SURE), ("b3", level(5))]),
        ThemeStatus::Completed
    );
}

#[test]
fn clearing_a_response_unanswers_the_question() {
    let pack = small_pack();
    let mut assessment = answered(&pack, &[("c1", level(5))]);
    assert_eq!(theme_score(&pack, &assessment, "gamma").score, Some(100));
    assessment.set_response("c1", None);
    let gamma = theme_score(&pack, &assessment, "gamma");
    assert_eq!(gamma.score, None);
    assert_eq!(gamma.status(), ThemeStatus::NotStarted);
    assert!(assessment.answers.is_empty());
}

#[test]
fn answers_to_questions_outside_the_theme_or_pack_are_ignored() {
    let pack = small_pack();
    let mut assessment = answered(&pack, &[("a1", level(5)), ("b1", level(1))]);
    assessment.set_response("zz-not-in-pack", Some(level(1)));
    assert_eq!(theme_score(&pack, &assessment, "alpha").score, Some(100));
    assert_eq!(theme_score(&pack, &assessment, "beta").score, Some(0));
    assert_eq!(assessment.responded_count(&pack), 2);
}

#[test]
fn the_profile_lists_every_theme_in_pack_order() {
    let pack = small_pack();
    let assessment = answered(&pack, &[("b1", level(2))]);
    let p = profile(&pack, &assessment);
    let ids: Vec<&str> = p.themes.iter().map(|t| t.theme_id.as_str()).collect();
    assert_eq!(ids, ["alpha", "beta", "gamma"]);
    let scores: Vec<Option<u8>> = p.themes.iter().map(|t| t.score).collect();
    assert_eq!(scores, [None, Some(25), None]);
    assert_eq!(p.theme("beta").map(|t| t.scored), Some(1));
    assert!(p.theme("delta").is_none());
}

#[test]
fn overall_is_the_average_of_theme_scores_once_every_theme_has_one() {
    let pack = small_pack();
    // alpha 1,2 -> 13; beta 2,3,3 -> 42; gamma 5 -> 100; (13 + 42 + 100) / 3 = 51.67
    let assessment = answered(
        &pack,
        &[
            ("a1", level(1)),
            ("a2", level(2)),
            ("b1", level(2)),
            ("b2", level(3)),
            ("b3", level(3)),
            ("c1", level(5)),
        ],
    );
    let p = profile(&pack, &assessment);
    assert_eq!(p.overall, Some(52));
    assert_eq!(p.band, Some(Band::Established));
}

#[test]
fn every_theme_counts_the_same_whatever_its_size() {
    let pack = small_pack();
    // alpha 0, beta 100, gamma 0: the theme average is 33; the question
    // average would be 50.
    let assessment = answered(
        &pack,
        &[
            ("a1", level(1)),
            ("a2", level(1)),
            ("b1", level(5)),
            ("b2", level(5)),
            ("b3", level(5)),
            ("c1", level(1)),
        ],
    );
    let p = profile(&pack, &assessment);
    assert_eq!(p.overall, Some(33));
    assert_eq!(p.band, Some(Band::Developing));
}

#[test]
fn overall_needs_a_score_in_every_theme_not_every_answer() {
    let pack = small_pack();
    let partial = [("a1", level(2)), ("b3", level(4))];
    let p = profile(&pack, &answered(&pack, &partial));
    assert_eq!((p.overall, p.band), (None, None));

    // gamma answered only "not sure" still has no score.
    let with_not_sure = [("a1", level(2)), ("b3", level(4)), ("c1", NOT_SURE)];
    let p = profile(&pack, &answered(&pack, &with_not_sure));
    assert_eq!((p.overall, p.band), (None, None));

    // One level per theme is enough: (25 + 75 + 50) / 3 = 50.
    let one_each = [("a1", level(2)), ("b3", level(4)), ("c1", level(3))];
    let p = profile(&pack, &answered(&pack, &one_each));
    assert_eq!(p.overall, Some(50));
    assert_eq!(p.band, Some(Band::Established));
}

#[test]
fn a_blank_assessment_has_no_overall_score() {
    let pack = small_pack();
    let p = profile(&pack, &Assessment::new(&pack, common::NOW));
    assert_eq!((p.overall, p.band), (None, None));
    assert!(p
        .themes
        .iter()
        .all(|t| t.score.is_none() && t.status() == ThemeStatus::NotStarted));
}

#[test]
fn overall_rounds_halves_up() {
    let pack = pack_with(vec![theme("x", &["x1"]), theme("y", &["y1"])], Vec::new());
    // (0 + 25) / 2 = 12.5
    let p = profile(
        &pack,
        &answered(&pack, &[("x1", level(1)), ("y1", level(2))]),
    );
    assert_eq!(p.overall, Some(13));
    assert_eq!(p.band, Some(Band::GettingStarted));
    // (75 + 100) / 2 = 87.5
    let p = profile(
        &pack,
        &answered(&pack, &[("x1", level(4)), ("y1", level(5))]),
    );
    assert_eq!(p.overall, Some(88));
    assert_eq!(p.band, Some(Band::Leading));
}

#[test]
fn band_thresholds_from_score() {
    let cases = [
        (0, Band::GettingStarted),
        (24, Band::GettingStarted),
        (25, Band::Developing),
        (49, Band::Developing),
        (50, Band::Established),
        (74, Band::Established),
        (75, Band::Leading),
        (100, Band::Leading),
    ];
    for (score, band) in cases {
        assert_eq!(Band::from_score(score), band, "score {score}");
    }
}

#[test]
fn band_thresholds_through_the_profile() {
    let pack = pack_of_25();
    // Sum of (level - 1) over 25 questions equals the score.
    let cases = [
        (1, 2, 24, Band::GettingStarted), // 0 + 24 * 1
        (2, 2, 25, Band::Developing),
        (2, 3, 49, Band::Developing), // 1 + 24 * 2
        (3, 3, 50, Band::Established),
        (3, 4, 74, Band::Established), // 2 + 24 * 3
        (4, 4, 75, Band::Leading),
        (1, 1, 0, Band::GettingStarted),
        (5, 5, 100, Band::Leading),
    ];
    for (first, rest, score, band) in cases {
        let p = profile(&pack, &answer_25(&pack, first, rest));
        assert_eq!(p.themes[0].score, Some(score), "q1 {first}, others {rest}");
        assert_eq!(p.overall, Some(score));
        assert_eq!(p.band, Some(band), "score {score}");
    }
}

#[test]
fn bands_have_stable_ids_in_order() {
    let ids: Vec<&str> = Band::ALL.iter().map(|b| b.id()).collect();
    assert_eq!(
        ids,
        ["getting-started", "developing", "established", "leading"]
    );
    assert!(Band::GettingStarted < Band::Developing);
    assert!(Band::Established < Band::Leading);
}
