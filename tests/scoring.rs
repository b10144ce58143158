//! Scores per theme, the overall score and the band, computed by hand.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{
    answered, exact, issue_example_answers, issue_example_pack, level, pack_with, shown,
    small_pack, theme,
};
use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::locale::{fill, Locale};
use ready_to_share::model::render::{html, markdown, SummaryReport};
use ready_to_share::model::scoring::{
    level_points, profile, score_theme, Band, Score, ThemeScore, ThemeStatus,
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
fn a_theme_score_is_the_exact_average_of_its_levels_rounded_only_to_show() {
    let pack = small_pack();
    // alpha has two questions, beta three: (levels, theme, exact, shown).
    let cases: [(&[u8], &str, Score, u8); 10] = [
        (&[1, 2], "alpha", exact(25, 2), 13),  // 12.5 rounds up
        (&[2, 3], "alpha", exact(75, 2), 38),  // 37.5 rounds up
        (&[4, 5], "alpha", exact(175, 2), 88), // 87.5 rounds up
        (&[1, 1], "alpha", exact(0, 1), 0),
        (&[5, 5], "alpha", exact(100, 1), 100),
        (&[3, 3], "alpha", exact(50, 1), 50),
        (&[1, 1, 2], "beta", exact(25, 3), 8), // 8.33 rounds down
        (&[1, 1, 3], "beta", exact(50, 3), 17), // 16.67 rounds up
        (&[2, 3, 3], "beta", exact(125, 3), 42), // 41.67 rounds up
        (&[4, 4, 5], "beta", exact(250, 3), 83), // 83.33 rounds down
    ];
    for (levels, theme_id, exact_score, expected) in cases {
        let ids = &pack.theme(theme_id).unwrap().questions;
        let responses: Vec<(&str, Response)> = ids
            .iter()
            .zip(levels)
            .map(|(q, l)| (q.id.as_str(), level(*l)))
            .collect();
        let assessment = answered(&pack, &responses);
        let score = theme_score(&pack, &assessment, theme_id);
        assert_eq!(score.score, Some(exact_score), "levels {levels:?}");
        assert_eq!(shown(score.score), Some(expected), "levels {levels:?}");
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
            score: Some(Score::whole(75)),
            scored: 1,
            not_sure: 1,
            unanswered: 1,
            total: 3,
        }
    );
    assert_eq!(beta.responded(), 2);

    // Had "not sure" counted as zero, this would be 37.5, not 75.
    let assessment = answered(&pack, &[("a1", NOT_SURE), ("a2", level(4))]);
    assert_eq!(
        theme_score(&pack, &assessment, "alpha").score,
        Some(Score::whole(75))
    );
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
    assert_eq!(
        theme_score(&pack, &assessment, "gamma").score,
        Some(Score::whole(100))
    );
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
    assert_eq!(
        theme_score(&pack, &assessment, "alpha").score,
        Some(Score::whole(100))
    );
    assert_eq!(
        theme_score(&pack, &assessment, "beta").score,
        Some(Score::whole(0))
    );
    assert_eq!(assessment.responded_count(&pack), 2);
}

#[test]
fn the_profile_lists_every_theme_in_pack_order() {
    let pack = small_pack();
    let assessment = answered(&pack, &[("b1", level(2))]);
    let p = profile(&pack, &assessment);
    let ids: Vec<&str> = p.themes.iter().map(|t| t.theme_id.as_str()).collect();
    assert_eq!(ids, ["alpha", "beta", "gamma"]);
    let scores: Vec<Option<Score>> = p.themes.iter().map(|t| t.score).collect();
    assert_eq!(scores, [None, Some(Score::whole(25)), None]);
    assert_eq!(p.theme("beta").map(|t| t.scored), Some(1));
    assert!(p.theme("delta").is_none());
}

#[test]
fn overall_is_the_average_of_theme_scores_once_every_theme_has_one() {
    let pack = small_pack();
    // alpha 1,2 -> 12.5 = 25/2; beta 2,3,3 -> 125/3 = 41.67; gamma 5 -> 100.
    // (25/2 + 125/3 + 100) / 3 = (75 + 250 + 600) / 6 / 3 = 925 / 18 = 51.39,
    // shown as 51. (Averaging the rounded 13, 42 and 100 would give 52.)
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
    assert_eq!(p.overall, Some(exact(925, 18)));
    assert_eq!(shown(p.overall), Some(51));
    assert_eq!(p.band, Some(Band::WellOnTheWay));
}

#[test]
fn every_theme_counts_the_same_whatever_its_size() {
    let pack = small_pack();
    // alpha 0, beta 100, gamma 0: the theme average is 100/3 = 33.33; the
    // question average would be 50.
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
    assert_eq!(p.overall, Some(exact(100, 3)));
    assert_eq!(shown(p.overall), Some(33));
    assert_eq!(p.band, Some(Band::MakingProgress));
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
    assert_eq!(p.overall, Some(Score::whole(50)));
    assert_eq!(p.band, Some(Band::WellOnTheWay));
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
fn overall_is_shown_rounded_halves_up() {
    let pack = pack_with(vec![theme("x", &["x1"]), theme("y", &["y1"])], Vec::new());
    // (0 + 25) / 2 = 12.5
    let p = profile(
        &pack,
        &answered(&pack, &[("x1", level(1)), ("y1", level(2))]),
    );
    assert_eq!(p.overall, Some(exact(25, 2)));
    assert_eq!(shown(p.overall), Some(13));
    assert_eq!(p.band, Some(Band::StartingOut));
    // (75 + 100) / 2 = 87.5
    let p = profile(
        &pack,
        &answered(&pack, &[("x1", level(4)), ("y1", level(5))]),
    );
    assert_eq!(p.overall, Some(exact(175, 2)));
    assert_eq!(shown(p.overall), Some(88));
    assert_eq!(p.band, Some(Band::ReadyAndImproving));
}

#[test]
fn band_thresholds_from_score() {
    let cases = [
        (0, Band::StartingOut),
        (24, Band::StartingOut),
        (25, Band::MakingProgress),
        (49, Band::MakingProgress),
        (50, Band::WellOnTheWay),
        (74, Band::WellOnTheWay),
        (75, Band::ReadyAndImproving),
        (100, Band::ReadyAndImproving),
    ];
    for (score, band) in cases {
        assert_eq!(Band::from_score(Score::whole(score)), band, "score {score}");
    }
    assert_eq!(Band::THRESHOLDS, [0, 25, 50, 75]);
}

#[test]
fn a_score_just_under_a_threshold_stays_in_the_band_below_however_it_rounds() {
    // (numerator, denominator, shown, band)
    let cases = [
        (2499, 100, 25, Band::StartingOut),       // 24.99
        (49, 2, 25, Band::StartingOut),           // 24.5
        (4999, 100, 50, Band::MakingProgress),    // 49.99
        (149, 3, 50, Band::MakingProgress),       // 49.67
        (99, 2, 50, Band::MakingProgress),        // 49.5
        (295, 6, 49, Band::MakingProgress),       // 49.17
        (7499, 100, 75, Band::WellOnTheWay),      // 74.99
        (224, 3, 75, Band::WellOnTheWay),         // 74.67
        (2501, 100, 25, Band::MakingProgress),    // 25.01
        (5001, 100, 50, Band::WellOnTheWay),      // 50.01
        (7501, 100, 75, Band::ReadyAndImproving), // 75.01
        (50, 2, 25, Band::MakingProgress),        // exactly 25
        (150, 3, 50, Band::WellOnTheWay),         // exactly 50
        (300, 4, 75, Band::ReadyAndImproving),    // exactly 75
    ];
    for (numerator, denominator, rounded, band) in cases {
        let score = exact(numerator, denominator);
        assert_eq!(score.rounded(), rounded, "{numerator}/{denominator}");
        assert_eq!(Band::from_score(score), band, "{numerator}/{denominator}");
    }
}

#[test]
fn band_thresholds_through_the_profile() {
    let pack = pack_of_25();
    // Sum of (level - 1) over 25 questions equals the score.
    let cases = [
        (1, 2, 24, Band::StartingOut), // 0 + 24 * 1
        (2, 2, 25, Band::MakingProgress),
        (2, 3, 49, Band::MakingProgress), // 1 + 24 * 2
        (3, 3, 50, Band::WellOnTheWay),
        (3, 4, 74, Band::WellOnTheWay), // 2 + 24 * 3
        (4, 4, 75, Band::ReadyAndImproving),
        (1, 1, 0, Band::StartingOut),
        (5, 5, 100, Band::ReadyAndImproving),
    ];
    for (first, rest, score, band) in cases {
        let p = profile(&pack, &answer_25(&pack, first, rest));
        let score_exact = Some(Score::whole(score));
        assert_eq!(p.themes[0].score, score_exact, "q1 {first}, others {rest}");
        assert_eq!(p.overall, score_exact);
        assert_eq!(p.band, Some(band), "score {score}");
    }
}

#[test]
fn bands_have_stable_ids_in_order() {
    let ids: Vec<&str> = Band::ALL.iter().map(|b| b.id()).collect();
    assert_eq!(
        ids,
        [
            "starting-out",
            "making-progress",
            "well-on-the-way",
            "ready-and-improving"
        ]
    );
    assert!(Band::StartingOut < Band::MakingProgress);
    assert!(Band::MakingProgress < Band::WellOnTheWay);
    assert!(Band::WellOnTheWay < Band::ReadyAndImproving);
}

// ---------------------------------------------------------------------------
// Exact scores: the band and the weakest themes never come from the rounded
// figures
// ---------------------------------------------------------------------------

#[test]
fn the_issue_example_is_49_and_making_progress_not_50() {
    let pack = issue_example_pack();
    let assessment = issue_example_answers(&pack);
    let p = profile(&pack, &assessment);
    // Worked out in tests/common/mod.rs: 37.5, 37.5, 37.5, 425/6, 62.5.
    let themes: Vec<Option<Score>> = p.themes.iter().map(|t| t.score).collect();
    assert_eq!(
        themes,
        [
            Some(exact(75, 2)),
            Some(exact(75, 2)),
            Some(exact(75, 2)),
            Some(exact(425, 6)),
            Some(exact(125, 2)),
        ]
    );
    // Shown as 38, 38, 38, 71 and 63: their mean, 248 / 5 = 49.6, is the 50
    // that version 1 showed, in the band that starts at 50.
    let displayed: Vec<Option<u8>> = p.themes.iter().map(|t| shown(t.score)).collect();
    assert_eq!(
        displayed,
        [Some(38), Some(38), Some(38), Some(71), Some(63)]
    );
    // The exact overall: 295 / 6 = 49.17, shown as 49, Making progress.
    assert_eq!(p.overall, Some(exact(295, 6)));
    assert_eq!(shown(p.overall), Some(49));
    assert_eq!(p.band, Some(Band::MakingProgress));
    assert_ne!(
        p.band,
        Some(Band::WellOnTheWay),
        "49.17 is not in the 50+ band"
    );

    // And so every download says.
    let locale = Locale::english();
    let report = SummaryReport::new(&pack, &locale, &assessment, "1 June 2024");
    let score = fill(locale.report.overall_score, &[("score", "49")]);
    for page in [
        html::render(&report),
        markdown::render(&report).replace('\\', ""),
    ] {
        let said = format!("{}. {score}", locale.bands.making_progress);
        assert!(page.contains(&said), "the report says {said:?}");
        assert!(page.contains(locale.bands.making_progress_means));
    }
}

/// Three themes of 5, 6 and 7 questions, so the overall can fall less than a
/// twentieth of a point under a threshold.
fn pack_5_6_7() -> ContentPack {
    pack_with(
        vec![
            theme("x", &["x1", "x2", "x3", "x4", "x5"]),
            theme("y", &["y1", "y2", "y3", "y4", "y5", "y6"]),
            theme("z", &["z1", "z2", "z3", "z4", "z5", "z6", "z7"]),
        ],
        Vec::new(),
    )
}

/// Answers x, y and z so that the sums of (level - 1) in each theme are
/// `sums`: each theme's exact score is 25 * sum / its number of questions.
fn answer_sums(pack: &ContentPack, sums: [u8; 3]) -> Assessment {
    let mut assessment = Assessment::new(pack, common::NOW);
    for (theme, sum) in pack.themes.iter().zip(sums) {
        let n = theme.questions.len() as u8;
        for (i, question) in theme.questions.iter().enumerate() {
            // Spread the sum as evenly as it goes.
            let steps = sum / n + u8::from((i as u8) < sum % n);
            assessment.set_response(&question.id, Some(level(steps + 1)));
        }
    }
    assessment
}

#[test]
fn band_boundaries_exactly_on_and_just_under_each_threshold() {
    let pack = pack_5_6_7();
    // (sums for x, y, z; exact overall; shown; band). The overall is
    // (25x/5 + 25y/6 + 25z/7) / 3 = 25 (42x + 35y + 30z) / 630.
    let cases = [
        // 5, 6, 7: every theme 25.
        ([5, 6, 7], (25, 1), 25, Band::MakingProgress),
        // 10 + 25/6 + 425/7 = (420 + 175 + 2550) / 42 = 3145/42; / 3 = 24.96.
        ([2, 1, 17], (3145, 126), 25, Band::StartingOut),
        ([10, 12, 14], (50, 1), 50, Band::WellOnTheWay),
        // 10 + 325/6 + 600/7 = (420 + 2275 + 3600) / 42 = 6295/42; / 3 = 49.96.
        ([2, 13, 24], (6295, 126), 50, Band::MakingProgress),
        ([15, 18, 21], (75, 1), 75, Band::ReadyAndImproving),
        // 60 + 475/6 + 600/7 = (2520 + 3325 + 3600) / 42 = 9445/42; / 3 = 74.96.
        ([12, 19, 24], (9445, 126), 75, Band::WellOnTheWay),
    ];
    for (sums, (numerator, denominator), rounded, band) in cases {
        let p = profile(&pack, &answer_sums(&pack, sums));
        assert_eq!(p.overall, Some(exact(numerator, denominator)), "{sums:?}");
        assert_eq!(shown(p.overall), Some(rounded), "{sums:?}");
        assert_eq!(p.band, Some(band), "{sums:?}");
    }
}

#[test]
fn score_arithmetic_is_exact() {
    assert_eq!(Score::ratio(1, 0), None);
    assert_eq!(exact(2, 4), exact(1, 2));
    assert_eq!(exact(150, 3), Score::whole(50));
    assert!(exact(295, 6) < Score::whole(50));
    assert!(exact(325, 7) > exact(275, 6));
    assert_eq!(Score::mean(&[]), None);
    assert_eq!(
        Score::mean(&[exact(25, 2), exact(125, 3), Score::whole(100)]),
        Some(exact(925, 18))
    );
    assert_eq!(exact(295, 6).minus(Score::whole(49)), exact(1, 6));
    assert_eq!(Score::whole(10).minus(Score::whole(20)), Score::whole(0));
    assert!(exact(4999, 100).at_least(49) && !exact(4999, 100).at_least(50));
    // Rounded halves up, for showing only.
    let rounded = [
        ((0, 1), 0),
        ((1, 3), 0),
        ((1, 2), 1),
        ((149, 2), 75),
        ((295, 6), 49),
        ((999, 10), 100),
        ((100, 1), 100),
    ];
    for ((numerator, denominator), expected) in rounded {
        assert_eq!(exact(numerator, denominator).rounded(), expected);
    }
}

/// The overall score shown beside the band never rounds up into the next
/// band, so the number and the band agree; elsewhere it is ordinary rounding.
#[test]
fn the_overall_shown_never_rounds_up_into_the_next_band() {
    // 99/2 = 49.5 and 299/6 = 49.83 would round to 50, the next band.
    assert_eq!(Score::ratio(99, 2).unwrap().rounded(), 50);
    assert_eq!(Score::ratio(99, 2).unwrap().rounded_in_band(), 49);
    assert_eq!(Score::ratio(299, 6).unwrap().rounded_in_band(), 49);
    assert_eq!(Score::ratio(149, 2).unwrap().rounded_in_band(), 74);
    assert_eq!(Score::ratio(49, 2).unwrap().rounded_in_band(), 24);
    // Rounding down, or rounding up within a band, is unchanged.
    assert_eq!(Score::ratio(101, 2).unwrap().rounded_in_band(), 51);
    assert_eq!(Score::ratio(97, 2).unwrap().rounded_in_band(), 49);
    assert_eq!(Score::whole(50).rounded_in_band(), 50);
    assert_eq!(Score::whole(100).rounded_in_band(), 100);
    assert_eq!(Score::whole(0).rounded_in_band(), 0);
}

/// Exhaustively over every fraction with a denominator up to 42: the shown
/// overall is in the same band as the exact one and less than 1 from it.
#[test]
fn the_overall_shown_is_always_in_its_own_band_and_within_1() {
    for denominator in 1..=42u128 {
        for numerator in 0..=100 * denominator {
            let exact = Score::ratio(numerator, denominator).unwrap();
            let shown = exact.rounded_in_band();
            assert_eq!(
                Band::from_score(Score::whole(shown)),
                Band::from_score(exact),
                "{numerator}/{denominator} shown as {shown}"
            );
            // |shown - exact| < 1, in whole numbers: |shown·d - n| < d.
            let scaled = u128::from(shown) * denominator;
            assert!(
                scaled.abs_diff(numerator) < denominator,
                "{numerator}/{denominator}"
            );
        }
    }
}
