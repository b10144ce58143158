#![cfg(not(target_arch = "wasm32"))]
//! The partnership view: several partners' files side by side, and its
//! downloads. Expected values are worked out by hand in the comments.

mod common;

use std::collections::BTreeSet;

use common::{
    answered, case_study, close_themes_answers, close_themes_pack, exact, issue_example_answers,
    issue_example_pack, level, shown, small_pack, NOW, PACK_ID,
};
use proptest::prelude::*;
use ready_to_share::model::assessment::{Answer, Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{
    read_assessment, write_assessment, write_assessment_in, FileProblem,
};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::partnership::{
    letters, partnership, without_names, Partnership, ThemeSpread, DISAGREEMENT_SPREAD,
};
use ready_to_share::model::render::partnership::{
    csv, html, json, PartnershipReport, BUNDLE_FORMAT_NAME,
};
use ready_to_share::model::scoring::{Band, Score};
use ready_to_share::model::sorted::SortedSet;
use ready_to_share::model::summary::{summarise, MatchReason};
use serde_json::{json, Value};

const DATE: &str = "1 June 2024";
const PAYLOAD: &str = "<img src=x onerror=alert(1)>";
/// The hostile partner's organisation.
const ORGANISATION: &str = "<img src=x onerror=alert(1)> Secret Org";
const NS: Response = Response::NotSure;

/// An assessment file of the small pack (alpha a1 a2, beta b1 b2 b3,
/// gamma c1) for an organisation.
fn file(organisation: &str, responses: &[(&str, Response)]) -> String {
    let pack = small_pack();
    let mut a = answered(&pack, responses);
    a.context.organisation = organisation.to_string();
    write_assessment(&a)
}

fn named(files: &[String]) -> Vec<(String, String)> {
    files
        .iter()
        .enumerate()
        .map(|(i, text)| (format!("file-{i}.json"), text.clone()))
        .collect()
}

fn view(files: &[(String, String)]) -> Partnership {
    partnership(&small_pack(), &Locale::english(), files, false)
}

fn theme<'a>(p: &'a Partnership, id: &str) -> &'a ThemeSpread {
    p.theme(id).expect("the theme")
}

// ---------------------------------------------------------------------------
// Theme medians and spreads
// ---------------------------------------------------------------------------

/// alpha: P1 (1, 1) = 0, P2 (3, 3) = 50, P3 (5, 4) = 87.5 (shown as 88).
/// beta: P1 b1 2 = 25, P2 nothing, P3 b1 not sure.
fn three_partners() -> Vec<String> {
    vec![
        file(
            "One",
            &[("a1", level(1)), ("a2", level(1)), ("b1", level(2))],
        ),
        file("Two", &[("a1", level(3)), ("a2", level(3))]),
        file("Three", &[("a1", level(5)), ("a2", level(4)), ("b1", NS)]),
    ]
}

#[test]
fn medians_with_an_odd_number_of_partners() {
    let p = view(&named(&three_partners()));
    assert_eq!(
        theme(&p, "alpha"),
        &ThemeSpread {
            theme_id: "alpha".to_string(),
            median: Some(Score::whole(50)),
            lowest: Some(Score::whole(0)),
            highest: Some(exact(175, 2)),
            spread: Some(exact(175, 2)),
            scored_by: 3,
        }
    );
    // Only P1 has a beta score.
    let beta = theme(&p, "beta");
    assert_eq!(
        (beta.median, beta.spread, beta.scored_by),
        (Some(Score::whole(25)), Some(Score::whole(0)), 1)
    );
    // Nobody scored gamma.
    let gamma = theme(&p, "gamma");
    assert_eq!(
        (gamma.median, gamma.spread, gamma.scored_by),
        (None, None, 0)
    );
}

#[test]
fn medians_with_an_even_number_of_partners_are_the_exact_mean_of_the_middle_two() {
    let mut files = three_partners();
    // P4: alpha a1 2 = 25; beta b1 3 = 50.
    files.push(file("Four", &[("a1", level(2)), ("b1", level(3))]));
    let p = view(&named(&files));
    // alpha sorted 0, 25, 50, 87.5: (25 + 50) / 2 = 37.5, shown as 38.
    let alpha = theme(&p, "alpha");
    assert_eq!(
        (alpha.median, alpha.spread, alpha.scored_by),
        (Some(exact(75, 2)), Some(exact(175, 2)), 4)
    );
    assert_eq!(shown(alpha.median), Some(38));
    // beta 25 and 50: 37.5, spread 25.
    let beta = theme(&p, "beta");
    assert_eq!(
        (beta.median, beta.spread, beta.scored_by),
        (Some(exact(75, 2)), Some(Score::whole(25)), 2)
    );
    assert_eq!(
        (beta.lowest, beta.highest),
        (Some(Score::whole(25)), Some(Score::whole(50)))
    );
}

#[test]
fn an_even_median_of_whole_neighbours_is_exact() {
    // alpha 25 and 75: (25 + 75) / 2 = 50 exactly.
    let p = view(&named(&[
        file("A", &[("a1", level(2))]),
        file("B", &[("a1", level(4))]),
    ]));
    assert_eq!(theme(&p, "alpha").median, Some(Score::whole(50)));
}

// ---------------------------------------------------------------------------
// Disagreement and "not sure"
// ---------------------------------------------------------------------------

#[test]
fn spread_per_question_counts_levels_not_sure_and_unanswered() {
    let p = view(&named(&three_partners()));
    let a1 = p.question("a1").expect("a1");
    assert_eq!(a1.level_counts, [1, 0, 1, 0, 1]);
    assert_eq!(a1.spread, Some(4));
    assert_eq!((a1.lowest(), a1.highest()), (Some(1), Some(5)));
    assert_eq!(
        a1.responses,
        [Some(level(1)), Some(level(3)), Some(level(5))]
    );
    let b1 = p.question("b1").expect("b1");
    assert_eq!((b1.spread, b1.not_sure, b1.unanswered), (Some(0), 1, 1));
    assert_eq!(b1.levels_given(), 1);
    let c1 = p.question("c1").expect("c1");
    assert_eq!((c1.spread, c1.unanswered), (None, 3));
    assert_eq!(c1.standard_deviation(), None);
    // Levels 1, 3, 5: mean 3, variance (4 + 0 + 4) / 3.
    let sd = a1.standard_deviation().expect("a standard deviation");
    assert!((sd - (8.0f64 / 3.0).sqrt()).abs() < 1e-9, "{sd}");
}

/// a1: 1 5 5 5 (spread 4, variance 3); a2: 1 5 1 5 (4, variance 4);
/// b1: 1 5 - - (4, variance 4); b2: 2 4 3 3 (2, variance 0.5);
/// b3: 3 5 - - (2, variance 1); c1: 4 - - - (one level only).
fn ranking_partners() -> Vec<String> {
    vec![
        file(
            "P1",
            &[
                ("a1", level(1)),
                ("a2", level(1)),
                ("b1", level(1)),
                ("b2", level(2)),
                ("b3", level(3)),
                ("c1", level(4)),
            ],
        ),
        file(
            "P2",
            &[
                ("a1", level(5)),
                ("a2", level(5)),
                ("b1", level(5)),
                ("b2", level(4)),
                ("b3", level(5)),
            ],
        ),
        file(
            "P3",
            &[("a1", level(5)), ("a2", level(1)), ("b2", level(3))],
        ),
        file(
            "P4",
            &[("a1", level(5)), ("a2", level(5)), ("b2", level(3))],
        ),
    ]
}

#[test]
fn disagreement_ranks_by_spread_then_standard_deviation_then_pack_order() {
    let p = view(&named(&ranking_partners()));
    // Spread 4: a2 and b1 (variance 4, pack order), then a1 (variance 3);
    // spread 2: b3 (variance 1), then b2 (0.5). c1 has one level only.
    assert_eq!(p.disagreement_ranking, ["a2", "b1", "a1", "b3", "b2"]);
    assert_eq!(p.disagreements, ["a2", "b1", "a1", "b3", "b2"]);
    assert_eq!(DISAGREEMENT_SPREAD, 2);
}

#[test]
fn where_you_disagree_needs_a_spread_of_two() {
    // a1: 2 and 3 (spread 1); a2: 1 and 3 (spread 2); b1: 4 and 4.
    let p = view(&named(&[
        file("A", &[("a1", level(2)), ("a2", level(1)), ("b1", level(4))]),
        file("B", &[("a1", level(3)), ("a2", level(3)), ("b1", level(4))]),
    ]));
    assert_eq!(p.disagreement_ranking, ["a2", "a1", "b1"]);
    assert_eq!(p.disagreements, ["a2"]);
}

#[test]
fn most_not_sure_counts_partners_then_keeps_pack_order() {
    // b2: 3 partners; c1: 2; a2 and b1: 1 each (pack order).
    let p = view(&named(&[
        file("A", &[("b1", NS), ("b2", NS), ("a2", NS)]),
        file("B", &[("b2", NS), ("c1", NS), ("a1", level(3))]),
        file("C", &[("b2", NS), ("c1", NS)]),
    ]));
    assert_eq!(p.most_not_sure, ["b2", "c1", "a2", "b1"]);
    assert_eq!(p.question("b2").map(|q| q.not_sure), Some(3));
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

fn with_context(organisation: &str, area: &str) -> String {
    let pack = small_pack();
    let mut a = Assessment::new(&pack, NOW);
    a.context.organisation = organisation.to_string();
    a.context.area = area.to_string();
    write_assessment(&a)
}

fn names(p: &Partnership) -> Vec<&str> {
    p.partners.iter().map(|x| x.name.as_str()).collect()
}

#[test]
fn partners_are_named_by_organisation_else_area_and_told_apart() {
    let files = named(&[
        with_context("Council", "Bath"),
        with_context("", "Bath and North East Somerset"),
        with_context("  council ", ""),
        with_context("", ""),
        with_context("NHS   Trust", ""),
        with_context("   ", "  "),
    ]);
    let p = view(&files);
    assert_eq!(
        names(&p),
        [
            "Council (1)",
            "Bath and North East Somerset",
            "council (2)",
            "Partner 1",
            "NHS Trust",
            "Partner 2",
        ]
    );
    // Each keeps its file name.
    assert_eq!(p.partners[3].file_name, "file-3.json");
}

#[test]
fn made_up_names_never_repeat_a_real_one() {
    let p = view(&named(&[
        with_context("", ""),
        with_context("Partner 1", ""),
        with_context("Police", ""),
        with_context("Police", ""),
        with_context("Police (1)", ""),
    ]));
    assert_eq!(
        names(&p),
        [
            "Partner 2",
            "Partner 1",
            "Police (2)",
            "Police (3)",
            "Police (1)"
        ]
    );
}

#[test]
fn anonymised_partners_are_lettered_in_order() {
    let files: Vec<String> = (0..28)
        .map(|i| with_context(&format!("Org {i}"), ""))
        .collect();
    let p = partnership(&small_pack(), &Locale::english(), &named(&files), true);
    assert!(p.anonymised);
    let got = names(&p);
    assert_eq!(got[..3], ["Partner A", "Partner B", "Partner C"]);
    assert_eq!(got[25..], ["Partner Z", "Partner AA", "Partner AB"]);
    assert_eq!(letters(0), "A");
    assert_eq!(letters(25), "Z");
    assert_eq!(letters(26), "AA");
    assert_eq!(letters(51), "AZ");
    assert_eq!(letters(52), "BA");
    assert_eq!(letters(701), "ZZ");
    assert_eq!(letters(702), "AAA");
}

// ---------------------------------------------------------------------------
// Files that fail, and files from another version
// ---------------------------------------------------------------------------

#[test]
fn files_that_fail_are_listed_with_their_reason_and_the_rest_shown() {
    let files = vec![
        ("good-1.json".to_string(), file("One", &[("a1", level(2))])),
        ("notes.txt".to_string(), "not json at all".to_string()),
        (
            "other.json".to_string(),
            r#"{"format": "something-else"}"#.to_string(),
        ),
        (
            "newer.json".to_string(),
            json!({"format": "ready-to-share-assessment", "format_version": 99}).to_string(),
        ),
        ("huge.json".to_string(), " ".repeat(1024 * 1024 + 1)),
        ("good-2.json".to_string(), file("Two", &[("a1", level(4))])),
    ];
    let p = view(&files);
    assert_eq!(names(&p), ["One", "Two"]);
    let failed: Vec<(&str, &FileProblem)> = p
        .failed
        .iter()
        .map(|(name, problem)| (name.as_str(), problem))
        .collect();
    assert_eq!(failed.len(), 4);
    assert_eq!(failed[0].0, "notes.txt");
    assert!(matches!(failed[0].1, FileProblem::NotJson { .. }));
    assert_eq!(failed[1], ("other.json", &FileProblem::NotOurs));
    assert_eq!(
        failed[2],
        ("newer.json", &FileProblem::NewerFormat { version: 99 })
    );
    assert_eq!(
        failed[3],
        (
            "huge.json",
            &FileProblem::TooLarge {
                bytes: 1024 * 1024 + 1
            }
        )
    );
    assert_eq!(theme(&p, "alpha").median, Some(Score::whole(50)));

    let locale = Locale::english();
    let out = html(&PartnershipReport::new(&small_pack(), &locale, &p, DATE));
    for (name, problem) in &p.failed {
        assert!(out.contains(name.as_str()));
        assert!(out.contains(&ready_to_share::model::render::html::escape(
            &locale.file_problem(problem)
        )));
    }
}

#[test]
fn a_file_from_another_version_is_matched_by_id_and_the_rest_listed() {
    let old = json!({
        "format": "ready-to-share-assessment",
        "format_version": 1,
        "content_pack": { "id": PACK_ID, "version": "1.0.0" },
        "context": { "organisation": "Old Council" },
        "answers": {
            "a1": { "level": 2 },
            "retired-q": { "level": 4, "note": "We had a protocol." }
        }
    })
    .to_string();
    let p = view(&named(&[old, file("New", &[("a1", level(4))])]));
    let partner = &p.partners[0];
    assert_eq!(partner.name, "Old Council");
    assert!(partner.warnings.contains(&FileProblem::OtherPackVersion {
        version: "1.0.0".to_string()
    }));
    assert!(partner.warnings.iter().any(|w| matches!(
        w,
        FileProblem::UnknownQuestion { question_id, .. } if question_id == "retired-q"
    )));
    let unmatched: Vec<(&str, &Answer)> = partner
        .unmatched
        .iter()
        .map(|u| (u.question_id.as_str(), &u.answer))
        .collect();
    assert_eq!(
        unmatched,
        [(
            "retired-q",
            &Answer {
                response: Some(level(4)),
                note: "We had a protocol.".to_string()
            }
        )]
    );
    assert!(p.partners[1].unmatched.is_empty());
    // a1 was matched: 2 and 4, so alpha's median is (25 + 75) / 2 = 50.
    assert_eq!(theme(&p, "alpha").median, Some(Score::whole(50)));

    let locale = Locale::english();
    let out = html(&PartnershipReport::new(&small_pack(), &locale, &p, DATE));
    assert!(out.contains("retired-q"));
    assert!(out.contains("We had a protocol."));
    assert!(out.contains(&ready_to_share::model::render::html::escape(
        locale.partnership.unmatched_heading
    )));
}

// ---------------------------------------------------------------------------
// Case studies
// ---------------------------------------------------------------------------

#[test]
fn case_studies_fit_the_weakest_medians_and_every_partners_policy_areas() {
    let pack = small_pack();
    // alpha medians 0, beta 50, gamma 100: weakest alpha then beta.
    let mut a = answered(
        &pack,
        &[("a1", level(1)), ("b1", level(3)), ("c1", level(5))],
    );
    a.context.policy_areas = SortedSet::from(["health".to_string()]);
    let mut b = answered(
        &pack,
        &[("a1", level(1)), ("b1", level(3)), ("c1", level(5))],
    );
    b.context.policy_areas = SortedSet::from(["housing".to_string()]);
    let p = view(&named(&[write_assessment(&a), write_assessment(&b)]));
    assert_eq!(p.weakest_themes, ["alpha", "beta"]);
    assert_eq!(
        p.policy_areas,
        SortedSet::from(["health".to_string(), "housing".to_string()])
    );
    // case-one: alpha (3) + health (2) = 5; case-two: beta (2).
    let got: Vec<(&str, &[MatchReason])> = p
        .case_studies
        .iter()
        .map(|m| (m.case_study_id.as_str(), m.reasons.as_slice()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "case-one",
                &[
                    MatchReason::WeakTheme {
                        theme_id: "alpha".to_string()
                    },
                    MatchReason::PolicyArea {
                        policy_area_id: "health".to_string()
                    }
                ][..]
            ),
            (
                "case-two",
                &[MatchReason::WeakTheme {
                    theme_id: "beta".to_string()
                }][..]
            ),
        ]
    );
}

// ---------------------------------------------------------------------------
// Exact medians: the weakest themes and the bands
// ---------------------------------------------------------------------------

/// Files of `pack`, one per (organisation, assessment).
fn files_of(pack: &ContentPack, partners: Vec<(&str, Assessment)>) -> Vec<(String, String)> {
    partners
        .into_iter()
        .map(|(organisation, mut a)| {
            a.pack_id = pack.id.clone();
            a.pack_version = pack.version.clone();
            a.context.organisation = organisation.to_string();
            (format!("{organisation}.json"), write_assessment(&a))
        })
        .collect()
}

/// Every question of `pack` answered at `l`.
fn all_at(pack: &ContentPack, l: u8) -> Assessment {
    let responses: Vec<(String, Response)> = pack
        .questions()
        .map(|(_, q)| (q.id.clone(), level(l)))
        .collect();
    let responses: Vec<(&str, Response)> =
        responses.iter().map(|(id, r)| (id.as_str(), *r)).collect();
    answered(pack, &responses)
}

#[test]
fn the_weakest_medians_are_chosen_from_exact_scores() {
    let mut pack = close_themes_pack();
    pack.case_studies = vec![
        case_study("cs-governance", &["governance"], &["health"]),
        case_study("cs-data", &["data"], &[]),
    ];
    let locale = Locale::english();
    // A: purpose 0, governance 325/7 = 46.43, data 275/6 = 45.83 (see
    // tests/common/mod.rs), and "health" chosen. B: every level 5 (100).
    // C: every level 1 (0). Each median is A's score.
    let mut a = close_themes_answers(&pack, 1);
    a.context.policy_areas = SortedSet::from(["health".to_string()]);
    let files = files_of(
        &pack,
        vec![("A", a), ("B", all_at(&pack, 5)), ("C", all_at(&pack, 1))],
    );
    let p = partnership(&pack, &locale, &files, false);
    assert!(p.failed.is_empty() && p.partners.iter().all(|x| x.warnings.is_empty()));
    let governance = theme(&p, "governance");
    let data = theme(&p, "data");
    assert_eq!(governance.median, Some(exact(325, 7)));
    assert_eq!(data.median, Some(exact(275, 6)));
    assert_eq!(
        (shown(governance.median), shown(data.median)),
        (Some(46), Some(46))
    );
    assert_eq!(
        (data.lowest, data.highest, data.spread),
        (
            Some(Score::whole(0)),
            Some(Score::whole(100)),
            Some(Score::whole(100))
        )
    );
    // Governance comes first in the pack, but data is the weaker.
    assert_eq!(p.weakest_themes, ["purpose", "data"]);
    // cs-data weighs 2 as the second-weakest theme, cs-governance 2 for
    // "health": data's median, 45.83, is the lower, so cs-data comes first.
    let ids: Vec<&str> = p
        .case_studies
        .iter()
        .map(|m| m.case_study_id.as_str())
        .collect();
    assert_eq!(ids, ["cs-data", "cs-governance"]);
}

#[test]
fn an_even_number_of_partners_keeps_the_median_exact() {
    let pack = close_themes_pack();
    // A: purpose 100, governance 325/7, data 275/6. B: everything 100.
    // governance: (325/7 + 100) / 2 = (325 + 700) / 14 = 1025/14 = 73.21;
    // data: (275/6 + 100) / 2 = (275 + 600) / 12 = 875/12 = 72.92. Both show
    // as 73; data is the weaker.
    let files = files_of(
        &pack,
        vec![
            ("A", close_themes_answers(&pack, 5)),
            ("B", all_at(&pack, 5)),
        ],
    );
    let p = partnership(&pack, &Locale::english(), &files, false);
    let governance = theme(&p, "governance").median;
    let data = theme(&p, "data").median;
    assert_eq!(governance, Some(exact(1025, 14)));
    assert_eq!(data, Some(exact(875, 12)));
    assert_eq!((shown(governance), shown(data)), (Some(73), Some(73)));
    assert_eq!(theme(&p, "purpose").median, Some(Score::whole(100)));
    assert_eq!(p.weakest_themes, ["data", "governance"]);
}

#[test]
fn each_partners_band_comes_from_its_exact_overall() {
    let pack = issue_example_pack();
    let locale = Locale::english();
    // A: the issue's example, 295/6 = 49.17. B: every level 3, 50.
    let files = files_of(
        &pack,
        vec![("A", issue_example_answers(&pack)), ("B", all_at(&pack, 3))],
    );
    let p = partnership(&pack, &locale, &files, false);
    let a = &p.partners[0].profile;
    assert_eq!(a.overall, Some(exact(295, 6)));
    assert_eq!(a.band, Some(Band::MakingProgress));
    let b = &p.partners[1].profile;
    assert_eq!(b.overall, Some(Score::whole(50)));
    assert_eq!(b.band, Some(Band::WellOnTheWay));
    // data: (425/6 + 50) / 2 = (425 + 300) / 12 = 725/12 = 60.42.
    assert_eq!(theme(&p, "data").median, Some(exact(725, 12)));

    let out = html(&PartnershipReport::new(&pack, &locale, &p, DATE));
    let a_overall = format!("49 ({})", locale.bands.making_progress);
    let b_overall = format!("50 ({})", locale.bands.well_on_the_way);
    assert!(
        out.contains(&ready_to_share::model::render::html::escape(&a_overall)),
        "{out}"
    );
    assert!(
        out.contains(&ready_to_share::model::render::html::escape(&b_overall)),
        "{out}"
    );
    assert!(!out.contains(&format!("50 ({})", locale.bands.making_progress)));
}

#[test]
fn no_files_means_an_empty_view() {
    let p = view(&[]);
    assert!(p.partners.is_empty() && p.failed.is_empty());
    assert!(p
        .themes
        .iter()
        .all(|t| t.median.is_none() && t.scored_by == 0));
    assert!(p.disagreement_ranking.is_empty() && p.most_not_sure.is_empty());
    assert!(p.case_studies.is_empty());
    let locale = Locale::english();
    let pack = small_pack();
    let report = PartnershipReport::new(&pack, &locale, &p, DATE);
    assert!(
        html(&report).contains(&ready_to_share::model::render::html::escape(
            locale.partnership.no_partners
        ))
    );
    assert_eq!(csv(&report).lines().count(), 1);
}

// ---------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------

fn hostile_view(anonymise: bool) -> (ContentPack, Partnership) {
    let pack = small_pack();
    let mut a = answered(&pack, &[("a1", level(2)), ("b1", NS)]);
    a.context.organisation = ORGANISATION.to_string();
    a.context.area = "Secret Area".to_string();
    a.set_note("a1", &format!("{PAYLOAD}\n\"quoted\" & =HYPERLINK(\"x\")"));
    a.set_note("a2", "=1+1");
    let b = answered(&pack, &[("a1", level(5)), ("c1", level(3))]);
    let files = vec![
        ("hostile.json".to_string(), write_assessment(&a)),
        ("plain.json".to_string(), write_assessment(&b)),
        ("broken.json".to_string(), "{".to_string()),
    ];
    let p = partnership(&pack, &Locale::english(), &files, anonymise);
    (pack, p)
}

#[test]
fn html_escapes_partner_names_and_notes() {
    let (pack, p) = hostile_view(false);
    let locale = Locale::english();
    let out = html(&PartnershipReport::new(&pack, &locale, &p, DATE));
    assert!(!out.contains("<img"), "unescaped markup:\n{out}");
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(out.contains("&quot;quoted&quot; &amp; =HYPERLINK"));
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(out.contains("<style>") && out.contains("@media print"));
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt; Secret Org"));
    // Self-contained: no scripts, external styles or images.
    for banned in ["<script", "<link", "<img", "<iframe", "url("] {
        assert!(!out.contains(banned), "{banned} found");
    }
    // The chart's bars carry the scores as text too.
    assert!(out.contains("style=\"width:25%\""));
    for heading in [
        &locale.partnership.scores_heading,
        &locale.partnership.themes_heading,
        &locale.partnership.disagree_heading,
        &locale.partnership.not_sure_heading,
        &locale.partnership.case_studies_heading,
        &locale.partnership.failed_heading,
    ] {
        assert!(out.contains(&format!(
            "<h2>{}</h2>",
            ready_to_share::model::render::html::escape(heading)
        )));
    }
}

#[test]
fn anonymised_downloads_leave_out_names_and_file_names() {
    let (pack, p) = hostile_view(true);
    let locale = Locale::english();
    let report = PartnershipReport::new(&pack, &locale, &p, DATE);
    for out in [html(&report), csv(&report), json(&report)] {
        for secret in [
            "hostile.json",
            "plain.json",
            "broken.json",
            "Secret Area",
            "Secret Org",
        ] {
            assert!(!out.contains(secret), "{secret} in\n{out}");
        }
        assert!(out.contains("Partner A") && out.contains("Partner B"));
    }
}

/// A strict reader for RFC 4180 CSV in which every cell is quoted.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        assert_eq!(chars.next(), Some('"'), "every cell is quoted");
        let mut cell = String::new();
        loop {
            match chars.next() {
                Some('"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                Some('"') => break,
                Some(c) => cell.push(c),
                None => panic!("unterminated cell"),
            }
        }
        row.push(cell);
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'));
                rows.push(std::mem::take(&mut row));
                if chars.peek().is_none() {
                    return rows;
                }
            }
            other => panic!("unexpected {other:?} after a cell"),
        }
    }
}

#[test]
fn csv_has_one_row_per_partner_per_question_and_is_formula_safe() {
    let (pack, p) = hostile_view(false);
    let locale = Locale::english();
    let out = csv(&PartnershipReport::new(&pack, &locale, &p, DATE));
    let body = out.strip_prefix('\u{feff}').expect("a UTF-8 BOM");
    let rows = parse_csv(body);
    assert_eq!(rows.len(), 1 + p.partners.len() * pack.question_count());
    assert_eq!(rows[0], locale.partnership.csv_headers);
    assert!(rows.iter().all(|r| r.len() == 8));
    let a1 = &rows[1];
    assert_eq!(
        a1[..7],
        [
            ORGANISATION,
            "hostile.json",
            "Theme alpha",
            "a1",
            "Question a1?",
            "2",
            "Two"
        ]
    );
    assert_eq!(a1[7], format!("{PAYLOAD}\n\"quoted\" & =HYPERLINK(\"x\")"));
    let a2 = &rows[2];
    assert_eq!(a2[3], "a2");
    assert_eq!(a2[7], "'=1+1", "a formula is neutralised");
    let b1 = &rows[3];
    assert_eq!((b1[5].as_str(), b1[6].as_str()), ("", "Not sure"));
    // The second partner's rows follow, in pack order.
    assert_eq!(p.partners[1].name, "Partner 1");
    assert_eq!(rows[7][..2], ["Partner 1", "plain.json"]);
    assert_eq!(rows[7][3], "a1");
}

fn bundle_partners(bundle: &Value) -> &Vec<Value> {
    bundle["partners"].as_array().expect("a list of partners")
}

#[test]
fn json_bundle_embeds_each_assessment_so_it_reads_back() {
    for anonymise in [false, true] {
        let (pack, p) = hostile_view(anonymise);
        let locale = Locale::english();
        let out = json(&PartnershipReport::new(&pack, &locale, &p, DATE));
        let bundle: Value = serde_json::from_str(&out).expect("the bundle is JSON");
        assert_eq!(bundle["format"], BUNDLE_FORMAT_NAME);
        assert_eq!(bundle["format_version"], 1);
        assert_eq!(bundle["anonymised"], anonymise);
        assert_eq!(bundle["content_pack"]["id"], PACK_ID);
        let partners = bundle_partners(&bundle);
        assert_eq!(partners.len(), p.partners.len());
        for (embedded, partner) in partners.iter().zip(&p.partners) {
            assert_eq!(embedded["name"], partner.name.as_str());
            let text = embedded["assessment"].to_string();
            let opened = read_assessment(&text, &pack).expect("the embedded file opens");
            let expected = if anonymise {
                without_names(&partner.assessment)
            } else {
                partner.assessment.clone()
            };
            assert_eq!(opened.assessment, expected);
            assert!(opened.warnings.is_empty());
            if anonymise {
                assert!(embedded.get("file_name").is_none());
            } else {
                assert_eq!(embedded["file_name"], partner.file_name.as_str());
            }
        }
        let failed = bundle["failed"].as_array().expect("failed files");
        assert_eq!(failed.len(), 1);
        let expected_name = if anonymise { "File 1" } else { "broken.json" };
        assert_eq!(failed[0]["file_name"], expected_name);
        assert_eq!(
            failed[0]["problem"],
            locale.file_problem(&p.failed[0].1).as_str()
        );
    }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const QUESTIONS: [&str; 6] = ["a1", "a2", "b1", "b2", "b3", "c1"];

fn response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        2 => Just(None),
        5 => (1u8..=5).prop_map(|l| Some(Response::Level(l))),
        2 => Just(Some(Response::NotSure)),
    ]
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        prop::collection::vec(response(), QUESTIONS.len()),
        prop_oneof![Just(""), Just("Council"), Just("council"), Just("NHS")],
        prop::collection::btree_set(
            prop_oneof![Just("health"), Just("safety"), Just("housing")],
            0..=2,
        ),
        prop::option::of((1u8..=5).prop_map(Response::Level)),
    )
        .prop_map(|(responses, organisation, areas, old)| {
            let pack = small_pack();
            let mut a = Assessment::new(&pack, NOW);
            for (id, r) in QUESTIONS.iter().zip(responses) {
                a.set_response(id, r);
            }
            a.context.organisation = organisation.to_string();
            a.context.policy_areas = areas.into_iter().map(String::from).collect();
            if let Some(r) = old {
                a.set_aside.insert(
                    "old-q".to_string(),
                    Answer {
                        response: Some(r),
                        note: "kept".to_string(),
                    },
                );
            }
            a
        })
}

/// Files, some of which fail to open.
fn files() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        prop_oneof![
            6 => assessment().prop_map(|a| write_assessment(&a)),
            1 => Just("not json".to_string()),
        ],
        0..9,
    )
    .prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| (format!("f{i}.json"), t))
            .collect()
    })
}

/// What must not depend on the order of the files.
fn order_free(p: &Partnership) -> impl PartialEq + std::fmt::Debug + '_ {
    let mut failed: Vec<String> = p.failed.iter().map(|(name, _)| name.clone()).collect();
    failed.sort();
    (
        (&p.themes, &p.disagreement_ranking, &p.disagreements),
        (&p.most_not_sure, &p.weakest_themes, &p.policy_areas),
        &p.case_studies,
        failed,
        p.questions
            .iter()
            .map(|q| (q.level_counts, q.not_sure, q.unanswered, q.spread))
            .collect::<Vec<_>>(),
    )
}

proptest! {
    #[test]
    fn the_order_of_the_files_does_not_change_the_results(
        (original, shuffled) in files().prop_flat_map(|f| (Just(f.clone()), Just(f).prop_shuffle())),
        anonymise in any::<bool>(),
    ) {
        let pack = small_pack();
        let locale = Locale::english();
        let a = partnership(&pack, &locale, &original, anonymise);
        let b = partnership(&pack, &locale, &shuffled, anonymise);
        prop_assert_eq!(order_free(&a), order_free(&b));
        // The same partners, by file.
        let mut files_a: Vec<&str> = a.partners.iter().map(|p| p.file_name.as_str()).collect();
        let mut files_b: Vec<&str> = b.partners.iter().map(|p| p.file_name.as_str()).collect();
        files_a.sort_unstable();
        files_b.sort_unstable();
        prop_assert_eq!(files_a, files_b);
    }

    #[test]
    fn partner_names_are_always_different(files in files(), anonymise in any::<bool>()) {
        let p = partnership(&small_pack(), &Locale::english(), &files, anonymise);
        let names: BTreeSet<String> = p.partners.iter().map(|x| x.name.to_lowercase()).collect();
        prop_assert_eq!(names.len(), p.partners.len());
        prop_assert!(p.partners.iter().all(|x| !x.name.trim().is_empty()));
        prop_assert_eq!(p.partners.len() + p.failed.len(), files.len());
    }

    #[test]
    fn one_partner_alone_matches_its_own_summary(a in assessment()) {
        let pack = small_pack();
        let p = view(&[("only.json".to_string(), write_assessment(&a))]);
        let summary = summarise(&pack, &a);
        for (spread, own) in p.themes.iter().zip(&summary.profile.themes) {
            prop_assert_eq!(spread.median, own.score);
            prop_assert_eq!(spread.lowest, own.score);
            prop_assert_eq!(spread.spread, own.score.map(|_| Score::whole(0)));
            prop_assert_eq!(spread.scored_by, usize::from(own.score.is_some()));
        }
        prop_assert_eq!(&p.partners[0].profile, &summary.profile);
        prop_assert_eq!(&p.weakest_themes, &summary.weakest_themes);
        prop_assert_eq!(&p.case_studies, &summary.case_studies);
        prop_assert!(p.disagreements.is_empty());
        // Its "not sure" answers, in pack order, are its things to find out.
        let find_out: Vec<&str> = summary.find_out.iter().map(|f| f.question_id.as_str()).collect();
        prop_assert_eq!(p.most_not_sure.iter().map(String::as_str).collect::<Vec<_>>(), find_out);
        prop_assert_eq!(p.partners[0].unmatched.len(), a.set_aside.len());
    }

    #[test]
    fn downloads_cover_every_partner_and_question(files in files(), anonymise in any::<bool>()) {
        let pack = small_pack();
        let locale = Locale::english();
        let p = partnership(&pack, &locale, &files, anonymise);
        let report = PartnershipReport::new(&pack, &locale, &p, DATE);
        let out = csv(&report);
        let rows = parse_csv(out.trim_start_matches('\u{feff}'));
        prop_assert_eq!(rows.len(), 1 + p.partners.len() * pack.question_count());
        let bundle: Value = serde_json::from_str(&json(&report)).expect("JSON");
        prop_assert_eq!(bundle_partners(&bundle).len(), p.partners.len());
        let page = html(&report);
        prop_assert!(page.ends_with("</html>\n"));
    }
}

/// A file of the small pack as the app writes it in `language`, with a
/// note on a1.
fn file_in(organisation: &str, language: &str, note: &str) -> String {
    let pack = small_pack();
    let mut a = answered(&pack, &[("a1", level(3))]);
    a.context.organisation = organisation.to_string();
    a.set_note("a1", note);
    write_assessment_in(&a, language)
}

#[test]
fn partners_notes_are_marked_with_their_files_language_where_the_report_is_in_another() {
    let welsh =
        Locale::from_json(include_str!("../content/locale.cy.json")).expect("the Welsh table");
    let mut old = answered(&small_pack(), &[("a1", level(2))]);
    old.context.organisation = "Older file".to_string();
    old.set_note("a1", "No language said");
    let files = named(&[
        file_in("Council", "en-GB", "Typed in English"),
        file_in("Cyngor", "cy", "Wedi ei deipio yn Gymraeg"),
        write_assessment(&old),
    ]);
    let report_in = |locale: &Locale| {
        let p = partnership(&small_pack(), locale, &files, false);
        html(&PartnershipReport::new(&small_pack(), locale, &p, DATE))
    };

    let in_welsh = report_in(&welsh);
    assert!(
        in_welsh.contains(r#"<p lang="en">Typed in English</p>"#),
        "{in_welsh}"
    );
    assert!(in_welsh.contains("<p>Wedi ei deipio yn Gymraeg</p>"));
    assert!(
        in_welsh.contains("<p>No language said</p>"),
        "a file that does not say is not marked"
    );

    let in_english = report_in(&Locale::english());
    assert!(
        in_english.contains(r#"<p lang="cy">Wedi ei deipio yn Gymraeg</p>"#),
        "{in_english}"
    );
    assert!(in_english.contains("<p>Typed in English</p>"));
    assert!(in_english.contains("<p>No language said</p>"));
}
