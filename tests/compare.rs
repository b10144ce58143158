#![cfg(not(target_arch = "wasm32"))]
//! Comparing an assessment with an earlier one, and the comparison in the
//! downloads. Expected values are worked out by hand in the comments.

mod common;

use common::{
    answered, exact, issue_example_answers, issue_example_pack, level, pack_with, shown,
    small_pack, theme, NOW,
};
use proptest::prelude::*;
use ready_to_share::model::assessment::{Answer, Assessment, Response};
use ready_to_share::model::compare::{compare, Change, Direction, UnmatchedAnswer};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, FileProblem};
use ready_to_share::model::locale::{fill, Locale};
use ready_to_share::model::render::{compare as compare_words, csv, html, markdown, SummaryReport};
use ready_to_share::model::scoring::{Band, Score};

const DATE: &str = "1 June 2024";
const PAYLOAD: &str = "<img src=x onerror=alert(1)>";

/// alpha (a1, a2, a3), beta (b1..b4), gamma (c1), delta (d1, d2),
/// epsilon (e1).
fn five_theme_pack() -> ContentPack {
    pack_with(
        vec![
            theme("alpha", &["a1", "a2", "a3"]),
            theme("beta", &["b1", "b2", "b3", "b4"]),
            theme("gamma", &["c1"]),
            theme("delta", &["d1", "d2"]),
            theme("epsilon", &["e1"]),
        ],
        Vec::new(),
    )
}

/// Then:  a1 1, a2 4, a3 1 | b1 2, b2 ?, b3 4, b4 3 | c1 - | d1 2, d2 ? | e1 -
/// Now:   a1 4, a2 5, a3 2 | b1 1, b2 3, b3 ?, b4 3 | c1 5 | d1 -, d2 ? | e1 -
fn then_and_now(pack: &ContentPack) -> (Assessment, Assessment) {
    let not_sure = Response::NotSure;
    let mut then = answered(
        pack,
        &[
            ("a1", level(1)),
            ("a2", level(4)),
            ("a3", level(1)),
            ("b1", level(2)),
            ("b2", not_sure),
            ("b3", level(4)),
            ("b4", level(3)),
            ("d1", level(2)),
            ("d2", not_sure),
        ],
    );
    then.updated = "2024-01-15T09:30:00Z".to_string();
    let now = answered(
        pack,
        &[
            ("a1", level(4)),
            ("a2", level(5)),
            ("a3", level(2)),
            ("b1", level(1)),
            ("b2", level(3)),
            ("b3", not_sure),
            ("b4", level(3)),
            ("c1", level(5)),
            ("d2", not_sure),
        ],
    );
    (then, now)
}

#[test]
fn theme_scores_then_and_now_with_directions() {
    let pack = five_theme_pack();
    let (then, now) = then_and_now(&pack);
    let c = compare(&pack, &then, &now);
    let themes: Vec<(&str, Option<Score>, Option<Score>, Direction)> = c
        .themes
        .iter()
        .map(|t| (t.theme_id.as_str(), t.then, t.now, t.direction))
        .collect();
    let whole = |n| Some(Score::whole(n));
    assert_eq!(
        themes,
        [
            // (0 + 75 + 0) / 3 = 25; (75 + 100 + 25) / 3 = 200/3 = 66.67.
            ("alpha", whole(25), Some(exact(200, 3)), Direction::Up),
            // (25 + 75 + 50) / 3 = 50; (0 + 50 + 50) / 3 = 100/3 = 33.33.
            ("beta", whole(50), Some(exact(100, 3)), Direction::Down),
            ("gamma", None, whole(100), Direction::NewlyScored),
            ("delta", whole(25), None, Direction::NoLongerScored),
            ("epsilon", None, None, Direction::Same),
        ]
    );
    // Shown rounded: 25 -> 67 and 50 -> 33.
    let displayed: Vec<(Option<u8>, Option<u8>)> = c
        .themes
        .iter()
        .map(|t| (shown(t.then), shown(t.now)))
        .collect();
    assert_eq!(displayed[..2], [(Some(25), Some(67)), (Some(50), Some(33))]);
    // Not every theme is scored either time, so there is no overall score.
    assert_eq!((c.overall_then, c.overall_now), (None, None));
    assert_eq!((c.band_then, c.band_now), (None, None));
    assert_eq!(c.overall_direction, Direction::Same);
    assert!(c.has_changes());
    assert_eq!(c.earlier_updated, "2024-01-15T09:30:00Z");
}

#[test]
fn each_question_says_how_it_moved() {
    let pack = five_theme_pack();
    let (then, now) = then_and_now(&pack);
    let c = compare(&pack, &then, &now);
    let changes: Vec<(&str, Change)> = c
        .questions
        .iter()
        .map(|q| (q.question_id.as_str(), q.change))
        .collect();
    assert_eq!(
        changes,
        [
            ("a1", Change::MovedUp),
            ("a2", Change::MovedUp),
            ("a3", Change::MovedUp),
            ("b1", Change::MovedDown),
            ("b2", Change::NewlyAnswered),    // not sure -> level
            ("b3", Change::NoLongerAnswered), // level -> not sure
            ("b4", Change::Unchanged),
            ("c1", Change::NewlyAnswered), // nothing -> level
            ("d1", Change::NoLongerAnswered),
            ("d2", Change::Unchanged), // not sure both times
            ("e1", Change::NotAnswered),
        ]
    );
    let a1 = &c.questions[0];
    assert_eq!((a1.then, a1.now), (Some(level(1)), Some(level(4))));
    assert_eq!(a1.theme_id, "alpha");
    let up: Vec<&str> = c
        .with_change(Change::MovedUp)
        .map(|q| q.question_id.as_str())
        .collect();
    assert_eq!(up, ["a1", "a2", "a3"]);
    assert_eq!(c.count(Change::Unchanged), 2);
    assert_eq!(c.count(Change::NotAnswered), 1);
}

#[test]
fn change_between_every_pair_of_responses() {
    let ns = Some(Response::NotSure);
    let l = |n| Some(Response::Level(n));
    assert_eq!(Change::between(l(2), l(3)), Change::MovedUp);
    assert_eq!(Change::between(l(3), l(2)), Change::MovedDown);
    assert_eq!(Change::between(l(3), l(3)), Change::Unchanged);
    assert_eq!(Change::between(ns, ns), Change::Unchanged);
    assert_eq!(Change::between(None, ns), Change::NewlyAnswered);
    assert_eq!(Change::between(None, l(1)), Change::NewlyAnswered);
    assert_eq!(Change::between(ns, l(1)), Change::NewlyAnswered);
    assert_eq!(Change::between(l(5), ns), Change::NoLongerAnswered);
    assert_eq!(Change::between(l(5), None), Change::NoLongerAnswered);
    assert_eq!(Change::between(ns, None), Change::NoLongerAnswered);
    assert_eq!(Change::between(None, None), Change::NotAnswered);
    let s = |n| Some(Score::whole(n));
    assert_eq!(Direction::between(s(10), s(11)), Direction::Up);
    assert_eq!(Direction::between(s(11), s(10)), Direction::Down);
    assert_eq!(Direction::between(s(0), s(0)), Direction::Same);
    assert_eq!(Direction::between(None, s(0)), Direction::NewlyScored);
    assert_eq!(Direction::between(s(0), None), Direction::NoLongerScored);
    assert_eq!(Direction::between::<Score>(None, None), Direction::Same);
    // From the exact scores: 49 to 49.17 is up, though both show as 49.
    assert_eq!(
        Direction::between(s(49), Some(exact(295, 6))),
        Direction::Up
    );
    assert_eq!(
        Direction::between(Some(exact(325, 7)), Some(exact(275, 6))),
        Direction::Down
    );
    assert_eq!(
        Direction::between(Some(exact(2, 4)), Some(exact(1, 2))),
        Direction::Same
    );
}

#[test]
fn earlier_priority_actions_are_done_when_the_recommended_step_changes() {
    let pack = five_theme_pack();
    let (then, now) = then_and_now(&pack);
    let c = compare(&pack, &then, &now);
    // Earlier actions (levels 1 to 4): a1 1, a3 1, d1 2, b1 2, b4 3, a2 4,
    // b3 4. Done: a1 (1 -> 4: past level 3, which "start" asks for) and a2
    // (4 -> 5: what "embed" asks for). Not done: a3 (1 -> 2, still "start"),
    // b4 (3 -> 3), b1 (down), b3 (now not sure), d1 (now unanswered).
    let done: Vec<(&str, u8, u8, &str)> = c
        .done_actions
        .iter()
        .map(|d| {
            (
                d.question_id.as_str(),
                d.then_level,
                d.now_level,
                d.action.as_str(),
            )
        })
        .collect();
    assert_eq!(done, [("a1", 1, 4, "a1: start"), ("a2", 4, 5, "a2: embed")]);
    assert_eq!(c.done_actions[0].theme_id, "alpha");
}

#[test]
fn done_actions_keep_the_earlier_priority_order() {
    let pack = small_pack();
    // Then: b1 at 1 comes before a1 at 2 (lower level first).
    let then = answered(&pack, &[("a1", level(2)), ("b1", level(1))]);
    let now = answered(&pack, &[("a1", level(3)), ("b1", level(5))]);
    let c = compare(&pack, &then, &now);
    let done: Vec<&str> = c
        .done_actions
        .iter()
        .map(|d| d.question_id.as_str())
        .collect();
    assert_eq!(done, ["b1", "a1"]);
    // From 1-2 to 3 or more is done; from 2 to 3 is enough.
    assert_eq!(c.done_actions[1].action, "a1: start");
}

#[test]
fn a_step_is_done_when_the_answer_reaches_the_next_level_up() {
    let pack = small_pack();
    // (level then, the step asked then, the levels now that count as done):
    // 1 and 2 ask for what level 3 has, 3 for level 4, 4 for level 5.
    let table: [(u8, &str, &[u8]); 4] = [
        (1, "c1: start", &[3, 4, 5]),
        (2, "c1: start", &[3, 4, 5]),
        (3, "c1: agree", &[4, 5]),
        (4, "c1: embed", &[5]),
    ];
    for (then_level, action, done_at) in table {
        for now_level in 1..=5 {
            let then = answered(&pack, &[("c1", level(then_level))]);
            let now = answered(&pack, &[("c1", level(now_level))]);
            let c = compare(&pack, &then, &now);
            let done: Vec<(u8, u8, &str)> = c
                .done_actions
                .iter()
                .map(|d| (d.then_level, d.now_level, d.action.as_str()))
                .collect();
            let expected: Vec<(u8, u8, &str)> = if done_at.contains(&now_level) {
                vec![(then_level, now_level, action)]
            } else {
                Vec::new()
            };
            assert_eq!(done, expected, "{then_level} -> {now_level}");
        }
    }
    // Level 5 asks for nothing, so nothing can be done.
    let five = answered(&pack, &[("c1", level(5))]);
    assert!(compare(&pack, &five, &five).done_actions.is_empty());
}

#[test]
fn overall_score_and_band_then_and_now() {
    let pack = small_pack();
    let all = |n: u8| -> Assessment {
        let responses: Vec<(&str, Response)> = ["a1", "a2", "b1", "b2", "b3", "c1"]
            .iter()
            .map(|id| (*id, level(n)))
            .collect();
        answered(&pack, &responses)
    };
    let c = compare(&pack, &all(2), &all(4));
    let s = |n| Some(Score::whole(n));
    assert_eq!((c.overall_then, c.overall_now), (s(25), s(75)));
    assert_eq!(
        (c.band_then, c.band_now),
        (Some(Band::MakingProgress), Some(Band::ReadyAndImproving))
    );
    assert_eq!(c.overall_direction, Direction::Up);

    let c = compare(&pack, &all(4), &all(1));
    assert_eq!((c.overall_then, c.overall_now), (s(75), s(0)));
    assert_eq!(c.overall_direction, Direction::Down);
    assert_eq!(c.band_now, Some(Band::StartingOut));

    // An overall score then but not now (gamma's only answer cleared).
    let mut partial = all(3);
    partial.set_response("c1", None);
    let c = compare(&pack, &all(3), &partial);
    assert_eq!((c.overall_then, c.overall_now), (s(50), None));
    assert_eq!(c.overall_direction, Direction::NoLongerScored);
}

fn file_with_old_answers() -> String {
    serde_json::json!({
        "format": "ready-to-share-assessment",
        "format_version": 1,
        "content_pack": { "id": common::PACK_ID, "version": "1.0.0" },
        "updated": "2023-03-01T08:00:00Z",
        "answers": {
            "a1": { "level": 2 },
            "retired-q": { "level": 4, "note": "We had a protocol." }
        },
        "set_aside": {
            "older-q": { "level": "not-sure" }
        }
    })
    .to_string()
}

#[test]
fn an_earlier_file_from_another_version_is_matched_by_id_and_the_rest_listed() {
    let pack = small_pack();
    let opened = read_assessment(&file_with_old_answers(), &pack).expect("the file opens");
    assert!(opened.warnings.contains(&FileProblem::OtherPackVersion {
        version: "1.0.0".to_string()
    }));
    let earlier = opened.assessment;
    let now = answered(&pack, &[("a1", level(3))]);
    let c = compare(&pack, &earlier, &now);
    assert_eq!(c.questions[0].change, Change::MovedUp);
    assert_eq!(c.questions[0].then, Some(level(2)));
    assert_eq!(
        c.earlier_unmatched,
        [
            UnmatchedAnswer {
                question_id: "older-q".to_string(),
                answer: Answer {
                    response: Some(Response::NotSure),
                    note: String::new()
                }
            },
            UnmatchedAnswer {
                question_id: "retired-q".to_string(),
                answer: Answer {
                    response: Some(level(4)),
                    note: "We had a protocol.".to_string()
                }
            },
        ]
    );
}

#[test]
fn answers_the_pack_does_not_have_are_listed_even_outside_set_aside() {
    let pack = small_pack();
    let mut earlier = answered(&pack, &[("a1", level(2))]);
    // Made by hand, not read from a file: an unknown id among the answers.
    earlier.answers.insert(
        "zz-unknown".to_string(),
        Answer {
            response: Some(level(3)),
            note: String::new(),
        },
    );
    let c = compare(&pack, &earlier, &earlier);
    let ids: Vec<&str> = c
        .earlier_unmatched
        .iter()
        .map(|u| u.question_id.as_str())
        .collect();
    assert_eq!(ids, ["zz-unknown"]);
    assert!(!c.has_changes());
}

// ---------------------------------------------------------------------------
// In the downloads
// ---------------------------------------------------------------------------

fn report_pair() -> (ContentPack, Assessment, Assessment) {
    let pack = five_theme_pack();
    let (then, now) = then_and_now(&pack);
    (pack, then, now)
}

#[test]
fn reports_without_an_earlier_assessment_have_no_comparison() {
    let (pack, _, now) = report_pair();
    let locale = Locale::english();
    let report = SummaryReport::new(&pack, &locale, &now, DATE);
    assert!(report.comparison.is_none());
    let out = html::render(&report);
    assert!(!out.contains(&html::escape(locale.compare.heading)));
    assert!(!markdown::render(&report).contains(&markdown::escape(locale.compare.heading)));
    assert!(!csv::render(&report).contains(locale.compare.csv_earlier_level));
}

#[test]
fn html_report_shows_the_comparison_in_words() {
    let (pack, then, now) = report_pair();
    let locale = Locale::english();
    let report = SummaryReport::new(&pack, &locale, &now, DATE).with_comparison(&then);
    assert_eq!(report.comparison, Some(compare(&pack, &then, &now)));
    let out = html::render(&report);
    let c = &locale.compare;
    let section_start = out
        .find(&format!("<h2>{}</h2>", html::escape(c.heading)))
        .expect("the comparison section");
    let strengths = out
        .find(&format!(
            "<h2>{}</h2>",
            html::escape(locale.report.strengths_heading)
        ))
        .expect("the strengths section");
    assert!(section_start < strengths);
    let section = &out[section_start..strengths];
    assert!(section.contains(&html::escape(&fill(
        c.intro,
        &[("date", "15 January 2024")]
    ))));
    for words in [
        fill(c.up, &[("points", "42")]),
        fill(c.down, &[("points", "17")]),
        c.newly_scored.to_string(),
        c.no_longer_scored.to_string(),
        c.same.to_string(),
        c.moved_up.to_string(),
        c.moved_down.to_string(),
        c.newly_answered.to_string(),
        c.no_longer_answered.to_string(),
        c.done_heading.to_string(),
        "a1: start".to_string(),
        "a2: embed".to_string(),
        fill(c.unchanged_count, &[("count", "2")]),
        fill(
            c.question_change,
            &[
                ("then", "One"),
                ("now", "Four"),
                ("question", "Question a1?"),
            ],
        ),
    ] {
        assert!(
            section.contains(&html::escape(&words)),
            "missing {words:?} in {section}"
        );
    }
    // Nothing unmatched, so no such list.
    assert!(!section.contains(&html::escape(c.unmatched_heading)));
}

#[test]
fn html_comparison_escapes_earlier_notes_and_ids() {
    let pack = small_pack();
    let locale = Locale::english();
    let mut earlier = answered(&pack, &[("a1", level(2))]);
    earlier.set_aside.insert(
        format!("old-{PAYLOAD}"),
        Answer {
            response: Some(level(2)),
            note: PAYLOAD.to_string(),
        },
    );
    let now = answered(&pack, &[("a1", level(2))]);
    let report = SummaryReport::new(&pack, &locale, &now, DATE).with_comparison(&earlier);
    let out = html::render(&report);
    assert!(!out.contains("<img"), "unescaped markup in {out}");
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(out.contains(&html::escape(locale.compare.unmatched_heading)));
    assert!(out.contains(&html::escape(locale.compare.no_changes)));
    assert!(out.contains(&html::escape(locale.compare.no_done)));
    let md = markdown::render(&report);
    assert!(!md.contains("<img"));
    assert!(md.contains(&markdown::escape(locale.compare.unmatched_heading)));
}

#[test]
fn markdown_report_shows_the_comparison_table_and_lists() {
    let (pack, then, now) = report_pair();
    let locale = Locale::english();
    let report = SummaryReport::new(&pack, &locale, &now, DATE).with_comparison(&then);
    let md = markdown::render(&report);
    let c = &locale.compare;
    let heading = format!("\n## {}\n", markdown::escape(c.heading));
    let start = md.find(&heading).expect("the comparison section");
    let strengths = md
        .find(&format!(
            "\n## {}\n",
            markdown::escape(locale.report.strengths_heading)
        ))
        .expect("strengths");
    assert!(start < strengths);
    let section = &md[start..strengths];
    assert!(section.contains(&format!(
        "| {} | 25 | 67 | {} |",
        markdown::escape("Theme alpha"),
        markdown::escape(&fill(c.up, &[("points", "42")]))
    )));
    // Six rows: five themes and the overall row, each with four cells.
    let rows: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.contains("---"))
        .collect();
    assert_eq!(rows.len(), 1 + 5 + 1, "{rows:?}");
    assert!(section.contains(&format!("\n### {}\n", markdown::escape(c.moved_down))));
    assert!(section.contains(&markdown::escape("a2: embed")));
}

#[test]
fn csv_adds_earlier_level_and_change_columns_only_with_a_comparison() {
    let (pack, then, now) = report_pair();
    let locale = Locale::english();
    let plain = csv::render(&SummaryReport::new(&pack, &locale, &now, DATE));
    let compared =
        csv::render(&SummaryReport::new(&pack, &locale, &now, DATE).with_comparison(&then));
    let header = |out: &str| out.lines().next().unwrap_or("").to_string();
    assert_eq!(
        header(&compared),
        format!(
            "{},\"{}\",\"{}\"",
            header(&plain),
            locale.compare.csv_earlier_level,
            locale.compare.csv_change
        )
    );
    // No note holds a line break, so each line is one record.
    let lines: Vec<&str> = compared.lines().collect();
    assert_eq!(lines.len(), 1 + pack.question_count());
    let a1 = lines.iter().find(|l| l.contains("\"a1\"")).expect("a1");
    assert!(a1.ends_with(&format!(",\"1\",\"{}\"", locale.compare.moved_up)));
    let b2 = lines.iter().find(|l| l.contains("\"b2\"")).expect("b2");
    // Not sure earlier: no earlier level, and newly answered.
    assert!(b2.ends_with(&format!(",\"\",\"{}\"", locale.compare.newly_answered)));
    let e1 = lines.iter().find(|l| l.contains("\"e1\"")).expect("e1");
    assert!(e1.ends_with(&format!(",\"\",\"{}\"", locale.compare.not_answered)));
    for line in &lines {
        assert_eq!(line.matches("\",\"").count(), 8, "nine cells: {line}");
    }
}

#[test]
fn words_for_every_direction_and_change_differ() {
    let locale = Locale::english();
    let mut words: Vec<String> = Change::ALL
        .iter()
        .map(|c| compare_words::change_text(&locale, *c).to_string())
        .collect();
    words.sort();
    words.dedup();
    assert_eq!(words.len(), Change::ALL.len());
    let s = |n| Some(Score::whole(n));
    let just_over_49 = Some(exact(295, 6));
    let directions = [
        compare_words::direction_text(&locale, s(1), s(2)),
        compare_words::direction_text(&locale, s(2), s(1)),
        compare_words::direction_text(&locale, s(2), s(2)),
        compare_words::direction_text(&locale, None, s(2)),
        compare_words::direction_text(&locale, s(2), None),
        compare_words::direction_text(&locale, s(49), just_over_49),
        compare_words::direction_text(&locale, just_over_49, s(49)),
    ];
    assert_eq!(directions[0], fill(locale.compare.up, &[("points", "1")]));
    let mut distinct = directions.to_vec();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 7);
}

#[test]
fn a_move_that_rounds_to_0_says_less_than_1() {
    let locale = Locale::english();
    let c = &locale.compare;
    let s = |n| Some(Score::whole(n));
    // 49 -> 295/6 = 49.17: up by 1/6, which rounds to 0; both show as 49.
    assert_eq!(
        compare_words::direction_text(&locale, s(49), Some(exact(295, 6))),
        c.up_slightly
    );
    assert_eq!(c.up_slightly, "Up by less than 1");
    assert_eq!(
        compare_words::direction_text(&locale, Some(exact(295, 6)), s(49)),
        c.down_slightly
    );
    // 325/7 -> 275/6: down by (1950 - 1925) / 42 = 25/42 = 0.6, shown as 1.
    assert_eq!(
        compare_words::direction_text(&locale, Some(exact(325, 7)), Some(exact(275, 6))),
        fill(c.down, &[("points", "1")])
    );
    // Half a point rounds up: 12.5 -> 13 is "Up by 1"; 12.4 -> 12.5 is not.
    assert_eq!(
        compare_words::direction_text(&locale, s(12), Some(exact(25, 2))),
        fill(c.up, &[("points", "1")])
    );
    assert_eq!(
        compare_words::direction_text(&locale, Some(exact(62, 5)), Some(exact(25, 2))),
        c.up_slightly
    );
    // 25 -> 200/3 = 66.67: up by 125/3 = 41.67, said as 42.
    assert_eq!(
        compare_words::direction_text(&locale, s(25), Some(exact(200, 3))),
        fill(c.up, &[("points", "42")])
    );
    // The same exact score either way is no change.
    assert_eq!(
        compare_words::direction_text(&locale, Some(exact(2, 4)), Some(exact(1, 2))),
        c.same
    );
}

#[test]
fn the_overall_moves_by_its_exact_value_across_a_band_boundary() {
    let pack = issue_example_pack();
    // Then: the issue's example, 295/6 = 49.17 (shown 49, Making progress).
    let then = issue_example_answers(&pack);
    // Now: d6 from 3 to 4 makes data 450/6 = 75, so the overall is
    // (3 * 37.5 + 75 + 62.5) / 5 = 250 / 5 = 50 exactly: Well on the way.
    let mut now = then.clone();
    now.set_response("d6", Some(level(4)));
    let c = compare(&pack, &then, &now);
    assert_eq!(c.overall_then, Some(exact(295, 6)));
    assert_eq!(c.overall_now, Some(Score::whole(50)));
    assert_eq!(
        (c.band_then, c.band_now),
        (Some(Band::MakingProgress), Some(Band::WellOnTheWay))
    );
    assert_eq!(c.overall_direction, Direction::Up);
    // Up by 50 - 295/6 = 5/6 = 0.83, said as "Up by 1".
    let locale = Locale::english();
    assert_eq!(
        compare_words::direction_text(&locale, c.overall_then, c.overall_now),
        fill(locale.compare.up, &[("points", "1")])
    );
    let md =
        markdown::render(&SummaryReport::new(&pack, &locale, &now, DATE).with_comparison(&then));
    let then_cell = fill(
        locale.compare.score_with_band,
        &[("score", "49"), ("band", locale.bands.making_progress)],
    );
    let now_cell = fill(
        locale.compare.score_with_band,
        &[("score", "50"), ("band", locale.bands.well_on_the_way)],
    );
    assert!(
        md.contains(&format!(
            "| {} | {} | {} |",
            markdown::escape(&then_cell),
            markdown::escape(&now_cell),
            markdown::escape(&fill(locale.compare.up, &[("points", "1")]))
        )),
        "{md}"
    );
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const QUESTIONS: [&str; 6] = ["a1", "a2", "b1", "b2", "b3", "c1"];

fn response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        2 => Just(None),
        5 => (1u8..=5).prop_map(|l| Some(Response::Level(l))),
        1 => Just(Some(Response::NotSure)),
    ]
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        prop::collection::vec(response(), QUESTIONS.len()),
        prop::collection::btree_map("[a-z]{1,6}", (1u8..=5).prop_map(Response::Level), 0..3),
    )
        .prop_map(|(responses, old)| {
            let pack = small_pack();
            let mut a = Assessment::new(&pack, NOW);
            for (id, r) in QUESTIONS.iter().zip(responses) {
                a.set_response(id, r);
            }
            for (id, r) in old {
                a.set_aside.insert(
                    format!("old-{id}"),
                    Answer {
                        response: Some(r),
                        note: String::new(),
                    },
                );
            }
            a
        })
}

proptest! {
    #[test]
    fn comparing_an_assessment_with_itself_gives_no_changes(a in assessment()) {
        let pack = small_pack();
        let c = compare(&pack, &a, &a);
        prop_assert!(!c.has_changes());
        prop_assert!(c.themes.iter().all(|t| t.direction == Direction::Same && t.then == t.now));
        prop_assert!(c.questions.iter().all(|q| matches!(q.change, Change::Unchanged | Change::NotAnswered)));
        prop_assert!(c.done_actions.is_empty());
        prop_assert_eq!(c.overall_direction, Direction::Same);
        prop_assert_eq!(c.band_then, c.band_now);
        // Set-aside answers are still listed, not dropped.
        prop_assert_eq!(c.earlier_unmatched.len(), a.set_aside.len());
    }

    #[test]
    fn swapping_then_and_now_reverses_every_change(a in assessment(), b in assessment()) {
        let pack = small_pack();
        let forward = compare(&pack, &a, &b);
        let back = compare(&pack, &b, &a);
        for (f, r) in forward.themes.iter().zip(&back.themes) {
            let reversed = match f.direction {
                Direction::Up => Direction::Down,
                Direction::Down => Direction::Up,
                Direction::Same => Direction::Same,
                Direction::NewlyScored => Direction::NoLongerScored,
                Direction::NoLongerScored => Direction::NewlyScored,
            };
            prop_assert_eq!(r.direction, reversed);
        }
        for (f, r) in forward.questions.iter().zip(&back.questions) {
            let reversed = match f.change {
                Change::MovedUp => Change::MovedDown,
                Change::MovedDown => Change::MovedUp,
                Change::NewlyAnswered => Change::NoLongerAnswered,
                Change::NoLongerAnswered => Change::NewlyAnswered,
                other => other,
            };
            prop_assert_eq!(r.change, reversed);
        }
        // A done action always moved up.
        for d in &forward.done_actions {
            prop_assert!(d.now_level > d.then_level);
            let q = forward.questions.iter().find(|q| q.question_id == d.question_id);
            prop_assert_eq!(q.map(|q| q.change), Some(Change::MovedUp));
        }
    }

    #[test]
    fn the_comparison_csv_keeps_one_row_per_question(a in assessment(), b in assessment()) {
        let pack = small_pack();
        let locale = Locale::english();
        let out = csv::render(&SummaryReport::new(&pack, &locale, &b, DATE).with_comparison(&a));
        prop_assert_eq!(out.lines().count(), 1 + pack.question_count());
    }
}
