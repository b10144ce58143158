#![cfg(not(target_arch = "wasm32"))]
//! Regression tests: each guards a bug that was found and fixed. The comment
//! on each says what went wrong and where.

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::{ContentPack, LevelDescriptors, Question, StartPage, Theme};
use ready_to_share::model::locale::{fill, Locale};
use ready_to_share::model::render::{markdown, SummaryReport};
use ready_to_share::model::scoring::Band;

const DATE: &str = "22 November 2026";
const NOW: &str = "2026-11-22T10:00:00Z";

fn question(id: &str) -> Question {
    Question {
        id: id.to_string(),
        text: format!("Question {id}?"),
        hint: format!("Why {id} matters"),
        levels: LevelDescriptors {
            not_started: format!("{id} level 1"),
            emerging: format!("{id} level 2"),
            developing: format!("{id} level 3"),
            established: format!("{id} level 4"),
            embedded: format!("{id} level 5"),
        },
        act_if_1_or_2: format!("Start step for {id}"),
        act_if_3: format!("Agree step for {id}"),
        act_if_4: format!("Embed step for {id}"),
        act_if_3_or_4: String::new(),
        guidance: Vec::new(),
        source: format!("Where {id} comes from"),
    }
}

/// Two themes of one question each.
fn pack() -> ContentPack {
    let theme = |id: &str, q: &str| Theme {
        id: id.to_string(),
        title: format!("Theme {id}"),
        description: format!("What {id} covers"),
        questions: vec![question(q)],
    };
    ContentPack {
        id: "bugs".into(),
        version: "1".into(),
        language: "en-GB".into(),
        title: "Bugs".into(),
        start: StartPage {
            heading: "Start".into(),
            ..StartPage::default()
        },
        scale: ["One", "Two", "Three", "Four", "Five"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        themes: vec![theme("alpha", "a1"), theme("beta", "b1")],
        ..ContentPack::default()
    }
}

/// The band, the overall-score sentence and the band's meaning once ran
/// together in the reports: "Established. Overall score: 63 out of 100
/// Partners share information ...", two sentences with no full stop
/// between them (the locale's `report.overall_score` has none). In the HTML
/// report the score sentence must end, or stand in its own element, before
/// the band's meaning starts. (a1 at 3 and b1 at 4 give (50 + 75) / 2 =
/// 62.5, shown as 63, "Well on the way".)
#[test]
fn the_report_ends_the_score_sentence_before_the_band_meaning() {
    let pack = pack();
    let locale = Locale::english();
    let mut assessment = Assessment::new(&pack, NOW);
    assessment.set_response("a1", Some(Response::Level(3)));
    assessment.set_response("b1", Some(Response::Level(4)));
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    assert_eq!(report.summary.profile.band, Some(Band::WellOnTheWay));

    let page = ready_to_share::model::render::html::render(&report);
    let score = fill(locale.report.overall_score, &[("score", "63")]);
    let means: String = locale
        .bands
        .well_on_the_way_means
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let score_at = page.find(&score).expect("the score sentence");
    let means_at = page[score_at..].find(&means).expect("the band's meaning") + score_at;
    let before_means = page[..means_at].trim_end();
    assert!(
        before_means.ends_with(['.', '!', '?', '>']),
        "the score sentence runs into the band's meaning: {:?}",
        &page[score_at..means_at]
    );
}

/// `markdown::render`'s story block (`block` in
/// src/model/render/markdown.rs) trims the story as a whole but not each
/// paragraph, so a paragraph the user began with four spaces or a tab (easy
/// to do in a textarea) is written with that indentation after a blank line.
/// Markdown reads it as an indented code block: it shows in monospace with
/// the escapes printed literally ("1\. We met" and "&amp;"). The HTML report
/// trims each paragraph (`paragraphs` in html.rs), so only Markdown is hit.
#[test]
fn markdown_story_paragraphs_never_become_code_blocks() {
    let pack = pack();
    let locale = Locale::english();
    let mut assessment = Assessment::new(&pack, NOW);
    assessment.story =
        "How it began.\n\n    1. We met the police & the council.\n\n\tThen we agreed.".into();
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let md = markdown::render(&report);

    let marker = format!("\n## {}\n\n", markdown::escape(locale.report.story_heading));
    let start = md.find(&marker).expect("the story section") + marker.len();
    let rest = &md[start..];
    let story = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    assert!(story.contains("1\\. We met the police &amp; the council\\."));
    for line in story.lines() {
        assert!(
            !line.starts_with("    ") && !line.starts_with('\t'),
            "a story line would render as a code block: {line:?}"
        );
    }
}
