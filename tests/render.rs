#![cfg(not(target_arch = "wasm32"))]
//! The downloads (HTML, Markdown, CSV, file names) and the chart geometry,
//! tested against a small hand-made content pack so the tests do not depend on
//! the wording of the built-in pack. Only the English locale's own strings are
//! read from the locale; everything else is asserted literally.

use proptest::prelude::*;
use ready_to_share::model::assessment::{Answer, Assessment, Response};
use ready_to_share::model::chart::{self, BAR_MAX, LABEL_WIDTH, ROW_HEIGHT, TOP};
use ready_to_share::model::content::{
    CaseStudy, ContentPack, Guidance, LevelDescriptors, PolicyArea, Question, StartPage, Theme,
};
use ready_to_share::model::locale::{fill, Locale};
use ready_to_share::model::render::{csv, csv_encoding, file_name, html, markdown, SummaryReport};
use ready_to_share::model::scoring::{self, Band, Profile, Score, ThemeScore};
use ready_to_share::model::sorted::SortedSet;
use ready_to_share::model::summary::{summarise, MatchReason};

// ---------------------------------------------------------------------------
// The hand-made pack and assessments
// ---------------------------------------------------------------------------

const DATE: &str = "22 November 2026";
const NOW: &str = "2026-11-22T10:00:00Z";
const SCALE: [&str; 5] = ["Nought", "Sprouting", "Growing", "Steady", "Rooted"];
const NORTH_URL: &str = "https://example.org/north?a=1&b=2";
const SOUTH_URL: &str = "http://example.net/south";
const EAST_URL: &str = "https://example.com/east";
const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// What an attacker would type into every free-text field.
const PAYLOAD: &str = "<img src=x onerror=alert(1)> \"quotes\" &amp;";
/// The payload as it must appear in HTML.
const PAYLOAD_HTML: &str = "&lt;img src=x onerror=alert(1)&gt; &quot;quotes&quot; &amp;amp;";

fn question(id: &str, text: &str) -> Question {
    Question {
        id: id.to_string(),
        text: text.to_string(),
        hint: format!("Why {id} matters"),
        levels: LevelDescriptors {
            not_started: format!("{id} looks like level 1"),
            emerging: format!("{id} looks like level 2"),
            developing: format!("{id} looks like level 3"),
            established: format!("{id} looks like level 4"),
            embedded: format!("{id} looks like level 5"),
        },
        act_if_1_or_2: format!("Start step for {id}"),
        act_if_3: format!("Agree step for {id}"),
        act_if_4: format!("Embed step for {id}"),
        act_if_3_or_4: String::new(),
        guidance: Vec::new(),
        source: format!("Where {id} comes from"),
    }
}

fn theme(id: &str, title: &str, questions: Vec<Question>) -> Theme {
    Theme {
        id: id.to_string(),
        title: title.to_string(),
        description: format!("What {id} covers"),
        questions,
    }
}

fn case_study(id: &str, title: &str, url: &str, themes: &[&str], areas: &[&str]) -> CaseStudy {
    CaseStudy {
        id: id.to_string(),
        title: title.to_string(),
        source: format!("Published by {id}"),
        place: format!("Place of {id}"),
        url: url.to_string(),
        policy_areas: areas.iter().map(|s| s.to_string()).collect(),
        themes: themes.iter().map(|s| s.to_string()).collect(),
        summary: format!("What happened in {id}"),
        ..CaseStudy::default()
    }
}

/// Three themes: purpose (p1, p2, p3), governance (g1, g2, g3), data (d1);
/// three case studies; three policy areas.
fn pack() -> ContentPack {
    ContentPack {
        id: "render-test".into(),
        version: "1.0.0".into(),
        language: "en-GB".into(),
        title: "Render test pack".into(),
        start: StartPage {
            heading: "Start".into(),
            paragraphs: vec!["A paragraph".into()],
            time_needed: "Ten minutes".into(),
        },
        scale: SCALE.iter().map(|s| s.to_string()).collect(),
        policy_areas: vec![
            PolicyArea {
                id: "health".into(),
                label: "Health and care".into(),
            },
            PolicyArea {
                id: "housing".into(),
                label: "Housing support".into(),
            },
            PolicyArea {
                id: "safety".into(),
                label: "Community safety".into(),
            },
        ],
        themes: vec![
            theme(
                "purpose",
                "Shared purpose",
                vec![
                    question("p1", "Do partners agree why they share?"),
                    question("p2", "Is the purpose written down?"),
                    question("p3", "Do residents know the purpose?"),
                ],
            ),
            theme(
                "governance",
                "Governance and trust",
                vec![
                    question("g1", "Is there a signed agreement?"),
                    question("g2", "Who decides on new requests?"),
                    question("g3", "Are risks reviewed together?"),
                ],
            ),
            theme(
                "data",
                "Data quality",
                vec![question("d1", "Can records be matched?")],
            ),
        ],
        case_studies: vec![
            case_study(
                "cs-north",
                "North case",
                NORTH_URL,
                &["governance"],
                &["health"],
            ),
            case_study("cs-south", "South case", SOUTH_URL, &["data"], &[]),
            case_study("cs-east", "East case", EAST_URL, &["purpose"], &["housing"]),
        ],
        guidance: Vec::new(),
        earlier_questions: Vec::new(),
    }
}

fn locale() -> Locale {
    Locale::english()
}

const P1_NOTE: &str = "Note line one\nline two";
const G1_NOTE: &str = "=HYPERLINK(\"http://x\",\"y\")";
const D1_NOTE: &str = "Commas, \"quotes\" and\r\nnew lines\nhere";
const STORY: &str = "First paragraph line one\nline two\n\nSecond paragraph";

/// purpose 37.5, shown as 38 (levels 2, 3, p3 unanswered), governance 50
/// (levels 1, 5 and g2 not sure), data 75 (level 4): overall (37.5 + 50 +
/// 75) / 3 = 162.5 / 3 = 54.17, shown as 54, Well on the way. Health chosen.
fn full_assessment(pack: &ContentPack) -> Assessment {
    let mut a = Assessment::new(pack, NOW);
    a.context.area = "Northshire".into();
    a.context.organisation = "Northshire Council".into();
    a.context.partners = "Northshire Police".into();
    a.context.policy_areas = SortedSet::from(["health".to_string()]);
    for (id, response) in [
        ("p1", Response::Level(2)),
        ("p2", Response::Level(3)),
        ("g1", Response::Level(1)),
        ("g2", Response::NotSure),
        ("g3", Response::Level(5)),
        ("d1", Response::Level(4)),
    ] {
        a.set_response(id, Some(response));
    }
    a.set_note("p1", P1_NOTE);
    a.set_note("g1", G1_NOTE);
    a.set_note("d1", D1_NOTE);
    a.story = STORY.into();
    a
}

/// Every free-text field carries the payload, each with its own prefix.
fn hostile_assessment(pack: &ContentPack) -> Assessment {
    let mut a = full_assessment(pack);
    a.context.area = format!("Area {PAYLOAD}");
    a.context.organisation = format!("Org {PAYLOAD}");
    a.context.partners = format!("Partners {PAYLOAD}");
    a.set_note("p1", &format!("Note {PAYLOAD}"));
    a.set_note("g2", &format!("Unsure {PAYLOAD}"));
    a.story = format!("Story {PAYLOAD}");
    a
}

// ---------------------------------------------------------------------------
// A small HTML tag scanner (all text is escaped, so every `<` opens a tag)
// ---------------------------------------------------------------------------

#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every tag in `html`, in order. Panics on a `<` that does not open a tag,
/// a comment or the doctype: that would be text the renderer failed to escape.
fn tags(html: &str) -> Vec<Tag> {
    let chars: Vec<char> = html.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '<' {
            i += 1;
            continue;
        }
        i += 1;
        if chars.get(i) == Some(&'!') {
            while i < chars.len() && chars[i] != '>' {
                i += 1;
            }
            continue;
        }
        let closing = chars.get(i) == Some(&'/');
        if closing {
            i += 1;
        }
        let mut name = String::new();
        while let Some(c) = chars.get(i).filter(|c| c.is_ascii_alphanumeric()) {
            name.push(c.to_ascii_lowercase());
            i += 1;
        }
        assert!(
            !name.is_empty(),
            "a `<` that does not open a tag, at char {i}: {:?}",
            chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                .iter()
                .collect::<String>()
        );
        let mut attrs = Vec::new();
        loop {
            while chars.get(i).is_some_and(|c| c.is_whitespace() || *c == '/') {
                i += 1;
            }
            match chars.get(i) {
                None => panic!("unterminated tag <{name}"),
                Some('>') => {
                    i += 1;
                    break;
                }
                Some(_) => {}
            }
            let mut attr = String::new();
            while let Some(c) = chars
                .get(i)
                .filter(|c| !c.is_whitespace() && !matches!(**c, '=' | '>' | '/'))
            {
                attr.push(c.to_ascii_lowercase());
                i += 1;
            }
            let mut value = String::new();
            if chars.get(i) == Some(&'=') {
                i += 1;
                if chars.get(i) == Some(&'"') {
                    i += 1;
                    while let Some(c) = chars.get(i).filter(|c| **c != '"') {
                        value.push(*c);
                        i += 1;
                    }
                    i += 1;
                } else {
                    while let Some(c) = chars.get(i).filter(|c| !c.is_whitespace() && **c != '>') {
                        value.push(*c);
                        i += 1;
                    }
                }
            }
            attrs.push((attr, value));
        }
        out.push(Tag {
            name,
            closing,
            attrs,
        });
    }
    out
}

/// The tags a report may use: nothing that loads, runs or links anything
/// except `<a>`.
const ALLOWED_TAGS: [&str; 28] = [
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "table",
    "caption", "thead", "tbody", "tr", "th", "td", "figure", "svg", "rect", "ul", "ol", "li",
    "strong", "span", "br", "a",
];

fn assert_only_safe_markup(html: &str) {
    for tag in tags(html) {
        assert!(
            ALLOWED_TAGS.contains(&tag.name.as_str()),
            "unexpected tag <{}> in the report",
            tag.name
        );
        for (attr, _) in &tag.attrs {
            assert!(
                !attr.starts_with("on"),
                "event handler attribute {attr} on <{}>",
                tag.name
            );
            assert!(
                !matches!(attr.as_str(), "src" | "srcset" | "style" | "background"),
                "attribute {attr} on <{}>",
                tag.name
            );
            if attr == "href" {
                assert_eq!(tag.name, "a", "href on <{}>", tag.name);
            }
        }
    }
}

/// The text from `<h2>heading</h2>` up to the next `<h2>` (or the end).
fn html_section<'a>(html: &'a str, heading: &str) -> &'a str {
    let marker = format!("<h2>{}</h2>", html::escape(heading));
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no section {marker} in the HTML"))
        + marker.len();
    let rest = &html[start..];
    &rest[..rest.find("<h2>").unwrap_or(rest.len())]
}

/// The text of each `<th>`/`<td>` cell in one table row, tags removed.
fn row_cells(row: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut rest = row;
    while let Some(open) = rest.find("<t") {
        let after = &rest[open + 2..];
        if !(after.starts_with('h') || after.starts_with('d')) {
            rest = after;
            continue;
        }
        let content_start = open + after.find('>').expect("a closed cell tag") + 3;
        let content = &rest[content_start..];
        let end = content.find("</t").expect("a closing cell tag");
        cells.push(strip_tags(&content[..end]));
        rest = &content[end + 3..];
    }
    cells
}

fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The rows of the theme table that follows the chart.
fn theme_table_rows(html: &str) -> Vec<Vec<String>> {
    let start = html.find("<caption").expect("the profile table");
    let table = &html[start..];
    let body = &table[table.find("<tbody>").expect("a tbody") + "<tbody>".len()
        ..table.find("</tbody>").expect("an end of tbody")];
    body.split("<tr>")
        .filter(|r| !r.trim().is_empty())
        .map(row_cells)
        .collect()
}

/// The contents of every `<open>...<close>` in `text`, in order.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let end = after.find(close).expect("a closing marker");
        out.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    out
}

/// Every http(s) address in `text`, up to the next quote, space or `<`.
fn addresses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("http") {
        let start = from + pos;
        let rest = &text[start..];
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest
                .find(|c: char| c == '"' || c == '<' || c.is_whitespace())
                .unwrap_or(rest.len());
            out.push(&rest[..end]);
            from = start + end;
        } else {
            from = start + 4;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The pack itself
// ---------------------------------------------------------------------------

#[test]
fn the_test_pack_is_a_valid_pack() {
    let pack = pack();
    let errors = pack.check("render-test.json");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(pack.question_count(), 7);
}

#[test]
fn the_full_assessment_scores_as_the_tests_expect() {
    let pack = pack();
    let profile = scoring::profile(&pack, &full_assessment(&pack));
    let scores: Vec<Option<Score>> = profile.themes.iter().map(|t| t.score).collect();
    assert_eq!(
        scores,
        [
            Score::ratio(75, 2),
            Some(Score::whole(50)),
            Some(Score::whole(75))
        ]
    );
    assert_eq!(profile.overall, Score::ratio(325, 6));
    assert_eq!(profile.overall.map(Score::rounded), Some(54));
    assert_eq!(profile.band, Some(Band::WellOnTheWay));
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

#[test]
fn html_escape_escapes_the_five_characters() {
    assert_eq!(html::escape("&"), "&amp;");
    assert_eq!(html::escape("<"), "&lt;");
    assert_eq!(html::escape(">"), "&gt;");
    assert_eq!(html::escape("\""), "&quot;");
    assert_eq!(html::escape("'"), "&#39;");
    assert_eq!(
        html::escape("<a href=\"x\" title='y'>Tom & Jerry</a>"),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
    );
    assert_eq!(
        html::escape("&amp;"),
        "&amp;amp;",
        "escaping is not idempotent"
    );
    assert_eq!(
        html::escape("plain text, ünïcödé 🌍"),
        "plain text, ünïcödé 🌍"
    );
    assert_eq!(html::escape(""), "");
}

#[test]
fn html_report_escapes_every_user_field() {
    let pack = pack();
    let locale = locale();
    let assessment = hostile_assessment(&pack);
    let out = html::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));

    assert!(!out.contains("<img"), "the raw payload reached the HTML");
    assert!(!out.contains("\"quotes\""));
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
    for prefix in ["Area", "Org", "Partners", "Note", "Unsure", "Story"] {
        let escaped = format!("{prefix} {PAYLOAD_HTML}");
        assert!(out.contains(&escaped), "missing escaped {prefix} field");
    }
    // The area is in the <title> and the <h1> too, escaped.
    let title = between(&out, "<title>", "</title>")[0];
    assert!(title.ends_with(&format!("Area {PAYLOAD_HTML}")), "{title}");
    let h1 = between(&out, "<h1>", "</h1>")[0];
    assert_eq!(h1, title);
    assert_only_safe_markup(&out);
}

#[test]
fn html_report_escapes_markup_in_the_content_pack() {
    let mut pack = pack();
    pack.themes[2].title = "Data & <i>quality</i>".into();
    pack.themes[1].questions[0].text = "<script>alert('q')</script> Agreed?".into();
    pack.themes[1].questions[0].act_if_1_or_2 = "<b>Sign</b> it".into();
    pack.themes[1].questions[1].text = "Who <em>decides</em>?".into();
    pack.case_studies[0].title = "<b onmouseover=alert(1)>North</b>".into();
    pack.case_studies[0].summary = "<u>Under</u>".into();
    pack.policy_areas[0].label = "<s>Health</s>".into();
    pack.scale[0] = "<q>Nought</q>".into();
    let errors = pack.check("hostile.json");
    assert!(errors.is_empty(), "{errors:?}");
    let locale = locale();
    let assessment = full_assessment(&pack);
    let out = html::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));

    for raw in ["<script", "<i>", "<b>", "<b ", "<em>", "<u>", "<s>", "<q>"] {
        assert!(!out.contains(raw), "raw {raw} in the HTML");
    }
    for escaped in [
        "Data &amp; &lt;i&gt;quality&lt;/i&gt;",
        "&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt; Agreed?",
        "&lt;b&gt;Sign&lt;/b&gt; it",
        "Who &lt;em&gt;decides&lt;/em&gt;?",
        "&lt;b onmouseover=alert(1)&gt;North&lt;/b&gt;",
        "&lt;u&gt;Under&lt;/u&gt;",
        "&lt;s&gt;Health&lt;/s&gt;",
        "&lt;q&gt;Nought&lt;/q&gt;",
    ] {
        assert!(out.contains(escaped), "missing {escaped}");
    }
    assert_only_safe_markup(&out);
}

#[test]
fn html_report_is_self_contained() {
    let pack = pack();
    let locale = locale();
    for mut assessment in [full_assessment(&pack), hostile_assessment(&pack)] {
        // (A note that mentions an address would show it, escaped, as text.)
        assessment.set_note("g1", "=SUM(A1)");
        let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
        let out = html::render(&report);
        assert!(out.starts_with("<!DOCTYPE html>"));
        assert!(out.contains("<html lang=\"en-GB\">"));
        assert!(out.contains("<meta charset=\"utf-8\">"));
        assert!(!out.to_lowercase().contains("<script"));
        assert!(!out.to_lowercase().contains("<link"));
        assert!(!out.contains("@import"));
        assert!(!out.contains("url("));
        let all = tags(&out);
        assert!(all.iter().all(|t| t.attr("src").is_none()));
        assert_only_safe_markup(&out);

        // The only addresses are the suggested case studies' links, plus the
        // SVG namespace (an identifier, never fetched).
        let expected: Vec<String> = report
            .summary
            .case_studies
            .iter()
            .map(|m| {
                let study = pack.case_studies.iter().find(|c| c.id == m.case_study_id);
                html::escape(&study.expect("a known case study").url)
            })
            .collect();
        assert_eq!(expected.len(), 2);
        let found: Vec<&str> = addresses(&out)
            .into_iter()
            .filter(|a| *a != SVG_NAMESPACE)
            .collect();
        assert_eq!(found, expected);
        assert!(
            !out.contains(SOUTH_URL),
            "an unmatched case study is linked"
        );
        assert_eq!(
            out.matches(SVG_NAMESPACE).count(),
            0,
            "no SVG: the chart is HTML"
        );
        // Only links carry addresses in attributes.
        let hrefs: Vec<&str> = all.iter().filter_map(|t| t.attr("href")).collect();
        assert_eq!(hrefs, expected);
        for tag in &all {
            for (name, value) in &tag.attrs {
                if value.contains("http") {
                    assert!(
                        tag.name == "a" && name == "href",
                        "an address in {name} on <{}>",
                        tag.name
                    );
                }
            }
        }
    }
}

#[test]
fn html_report_has_an_accessible_chart() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let out = html::render(&report);
    let all = tags(&out);

    // One image, named by its title (the table after it has the scores).
    let figures: Vec<&Tag> = all
        .iter()
        .filter(|t| t.name == "figure" && !t.closing && t.attr("class") == Some("chart"))
        .collect();
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].attr("role"), Some("img"));
    let title_id = figures[0]
        .attr("aria-labelledby")
        .expect("the chart is labelled");
    let title = format!(
        "<span id=\"{title_id}\" hidden>{}</span>",
        html::escape(locale.report.chart_title)
    );
    assert!(out.contains(&title), "no chart title {title}");
    assert!(!locale.report.chart_title.trim().is_empty());

    // One bar per theme, in pack order, as long as its score: 38, 50, 75.
    let chart_text = &out[out.find("<figure class=\"chart\"").unwrap()..];
    let chart_text = &chart_text[..chart_text.find("</figure>").unwrap()];
    let widths = between(chart_text, "<rect class=\"bar-fill\" width=\"", "\"");
    let geometry = chart::chart(&pack, &report.summary.profile);
    let expected: Vec<String> = geometry
        .bars
        .iter()
        .map(|b| format!("{:.1}", f64::from(b.width) * 100.0 / f64::from(BAR_MAX)))
        .collect();
    assert_eq!(widths, expected);
    assert_eq!(widths, ["37.9", "50.0", "75.0"]);
    let labels = between(chart_text, "<span class=\"bar-label\">", "</span>");
    assert_eq!(
        labels,
        ["Shared purpose", "Governance and trust", "Data quality"]
    );
    // No SVG text left to clip a long name under a reader's own spacing.
    assert!(!chart_text.contains("<text"));
}

#[test]
fn html_theme_table_matches_the_profile() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let out = html::render(&report);
    let rows = theme_table_rows(&out);

    assert_eq!(
        rows,
        [
            ["Shared purpose", "38", "2", "0", "1"],
            ["Governance and trust", "50", "2", "1", "0"],
            ["Data quality", "75", "1", "0", "0"],
        ]
    );
    let profile = scoring::profile(&pack, &assessment);
    assert_eq!(rows.len(), profile.themes.len());
    for (row, theme) in rows.iter().zip(&profile.themes) {
        let title = &pack.theme(&theme.theme_id).unwrap().title;
        assert_eq!(row[0], *title);
        assert_eq!(row[1], theme.score.unwrap().rounded().to_string());
        assert_eq!(row[2], theme.scored.to_string());
        assert_eq!(row[3], theme.not_sure.to_string());
        assert_eq!(row[4], theme.unanswered.to_string());
    }
}

/// The pack with one guidance item, linked from g1 (answered at level 1 in
/// the full assessment).
fn pack_with_guidance() -> ContentPack {
    let mut pack = pack();
    pack.guidance = vec![Guidance {
        id: "ico-checklist".into(),
        title: "Data sharing checklist <& more>".into(),
        source: "Information Commissioner's Office, 2021".into(),
        publisher: "Information Commissioner's Office (ICO)".into(),
        published: "2021".into(),
        url: "https://example.org/guide?a=1&b=2".into(),
        themes: vec!["governance".into()],
        ..Guidance::default()
    }];
    pack.themes[1].questions[0].guidance = vec!["ico-checklist".into()];
    pack
}

#[test]
fn priority_actions_link_their_guidance_with_publisher_and_year() {
    let pack = pack_with_guidance();
    assert!(pack.check("render-test.json").is_empty());
    let locale = locale();
    let assessment = full_assessment(&pack);
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let about = fill(
        locale.report.guide_about,
        &[
            ("publisher", "Information Commissioner's Office (ICO)"),
            ("published", "2021"),
        ],
    );
    assert!(about.contains("(ICO)") && about.contains("2021"), "{about}");

    let out = html::render(&report);
    assert_only_safe_markup(&out);
    let section = html_section(&out, locale.report.actions_heading);
    let items = between(section, "<li>", "</li>");
    // g1's action comes first (level 1) and links the guide; the others
    // have none.
    assert!(items[0].contains("Start step for g1"), "{}", items[0]);
    assert!(items[0].contains(&html::escape(locale.report.guidance_label)));
    assert!(items[0].contains("href=\"https://example.org/guide?a=1&amp;b=2\""));
    assert!(items[0].contains(&html::escape("Data sharing checklist <& more>")));
    assert!(items[0].contains(&html::escape(&about)));
    for item in &items[1..] {
        assert!(!item.contains(&html::escape(locale.report.guidance_label)));
    }

    let md = md_report(&pack, &assessment);
    let lines: Vec<&str> = md.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("1. **Start step for g1**"))
        .expect("g1's action");
    let guide_line = lines[first + 1..]
        .iter()
        .find(|l| l.contains(&markdown::escape(locale.report.guidance_label)))
        .expect("a guidance line");
    assert!(
        guide_line.contains("(<https://example.org/guide?a=1&b=2>)"),
        "{guide_line}"
    );
    assert!(guide_line.contains(&markdown::escape("Data sharing checklist <& more>")));
    assert!(
        guide_line.contains(&markdown::escape(&about)),
        "{guide_line}"
    );
}

#[test]
fn html_theme_table_says_no_score_for_an_unscored_theme() {
    let pack = pack();
    let locale = locale();
    let mut assessment = Assessment::new(&pack, NOW);
    assessment.set_response("p1", Some(Response::Level(5)));
    assessment.set_response("g2", Some(Response::NotSure));
    let out = html::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));
    let rows = theme_table_rows(&out);
    let no_score = locale.common.no_score;
    assert_eq!(
        rows,
        [
            ["Shared purpose", "100", "1", "0", "2"],
            ["Governance and trust", no_score, "0", "1", "2"],
            ["Data quality", no_score, "0", "0", "1"],
        ]
    );
}

#[test]
fn html_report_states_the_band() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let out = html::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));
    let band = between(&out, "<p class=\"band\">", "</p>");
    assert_eq!(band.len(), 1);
    assert!(
        band[0].starts_with(&html::escape(locale.bands.well_on_the_way)),
        "{}",
        band[0]
    );
    assert!(band[0].contains("54"), "{}", band[0]);
    assert!(band[0].contains(&html::escape(locale.bands.well_on_the_way_means)));
}

#[test]
fn html_priority_actions_follow_the_summary_order() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let out = html::render(&report);
    let section = html_section(&out, locale.report.actions_heading);
    let list = between(section, "<ol>", "</ol>");
    assert_eq!(list.len(), 1, "one ordered list of actions");
    let actions = between(list[0], "<li><strong>", "</strong>");
    // Lowest level first: g1 (1), p1 (2), p2 (3), d1 (4); g3 is at 5. Each
    // level has its own step: start at 1 and 2, agree at 3, embed at 4.
    assert_eq!(
        actions,
        [
            "Start step for g1",
            "Start step for p1",
            "Agree step for p2",
            "Embed step for d1"
        ]
    );
    let from_summary: Vec<String> = summarise(&pack, &assessment)
        .priority_actions
        .iter()
        .map(|a| html::escape(&a.action))
        .collect();
    assert_eq!(actions, from_summary);
    // Each says why, naming the level and the question.
    let because = html::escape(&report.action_because("g1", 1));
    assert!(because.contains("Nought") && because.contains("signed agreement"));
    assert!(list[0].contains(&because));
}

#[test]
fn html_strengths_and_find_out_actions_are_listed() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let out = html::render(&report);

    let strengths = html_section(&out, locale.report.strengths_heading);
    let g3 = strengths.find("Are risks reviewed together?").expect("g3");
    let d1 = strengths.find("Can records be matched?").expect("d1");
    assert!(g3 < d1, "level 5 before level 4");
    assert!(!strengths.contains("Do partners agree"));

    let find_out = html_section(&out, locale.report.find_out_heading);
    let text = html::escape(&report.find_out_text("g2"));
    assert!(text.contains("Who decides on new requests?"));
    assert!(find_out.contains(&format!("<li>{text}")), "{find_out}");
    assert_eq!(find_out.matches("<li>").count(), 1);
}

#[test]
fn html_find_out_section_is_absent_without_not_sure_answers() {
    let pack = pack();
    let locale = locale();
    let mut assessment = full_assessment(&pack);
    assessment.set_response("g2", Some(Response::Level(3)));
    let out = html::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));
    let heading = format!("<h2>{}</h2>", html::escape(locale.report.find_out_heading));
    assert!(!out.contains(&heading));
}

#[test]
fn html_case_studies_are_linked_safely() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let out = html::render(&report);
    let links: Vec<Tag> = tags(&out)
        .into_iter()
        .filter(|t| t.name == "a" && !t.closing)
        .collect();
    // Health is chosen (North: 2 + 2) and purpose is weakest (East: 3).
    let hrefs: Vec<&str> = links.iter().map(|t| t.attr("href").unwrap()).collect();
    assert_eq!(hrefs, ["https://example.org/north?a=1&amp;b=2", EAST_URL]);
    for link in &links {
        assert_eq!(link.attr("rel"), Some("noopener noreferrer"));
    }
    let section = html_section(&out, locale.report.case_studies_heading);
    assert!(section.contains(">North case</a>"));
    assert!(section.contains(">East case</a>"));
    assert!(!section.contains("South case"));
    let reason = report.reason_text(&MatchReason::PolicyArea {
        policy_area_id: "health".into(),
    });
    assert!(reason.contains("Health and care"));
    assert!(section.contains(&html::escape(&reason)));
}

#[test]
fn html_report_prints_cleanly() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let out = html::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));
    let style = between(&out, "<style>", "</style>");
    assert_eq!(style.len(), 1);
    assert!(style[0].contains("@media print"));
    assert!(out.contains("<meta name=\"viewport\""));
}

#[test]
fn html_keeps_story_paragraphs_and_note_line_breaks() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let out = html::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));

    let story = html_section(&out, locale.report.story_heading);
    assert!(
        story.contains("<p>First paragraph line one<br>line two</p><p>Second paragraph</p>"),
        "{story}"
    );
    let answers = html_section(&out, locale.report.answers_heading);
    let p1_row = answers
        .split("<tr>")
        .find(|r| r.contains("Do partners agree why they share?"))
        .expect("a row for p1");
    assert!(
        p1_row.contains("<td><p>Note line one<br>line two</p></td>"),
        "{p1_row}"
    );
    // The answer column shows the level label and its descriptor.
    assert!(p1_row.contains("Sprouting"));
    assert!(p1_row.contains("p1 looks like level 2"));
    let g2_row = answers
        .split("<tr>")
        .find(|r| r.contains("Who decides on new requests?"))
        .expect("a row for g2");
    assert!(g2_row.contains(&html::escape(locale.common.not_sure)));
    assert!(!g2_row.contains("looks like level"));
}

#[test]
fn html_without_a_story_or_context_leaves_those_sections_out() {
    let pack = pack();
    let locale = locale();
    let assessment = Assessment::new(&pack, NOW);
    let out = html::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));
    for heading in [
        &locale.report.story_heading,
        &locale.report.about_heading,
        &locale.report.find_out_heading,
    ] {
        assert!(!out.contains(&format!("<h2>{}</h2>", html::escape(heading))));
    }
    assert!(out.contains(&html::escape(locale.report.no_actions)));
    assert!(out.contains(&html::escape(locale.report.no_case_studies)));
    assert!(out.contains(&html::escape(locale.bands.not_yet)));
    // Every question still has a row in the answers tables.
    let answers = html_section(&out, locale.report.answers_heading);
    assert_eq!(
        answers
            .matches(&html::escape(locale.common.not_answered))
            .count(),
        7
    );
    assert_eq!(answers.matches("<h3>").count(), 3);
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

#[test]
fn markdown_escape_neutralises_markup() {
    assert_eq!(
        markdown::escape("[link](javascript:x)"),
        "\\[link\\]\\(javascript:x\\)"
    );
    assert_eq!(markdown::escape("# heading"), "\\# heading");
    assert_eq!(markdown::escape("<b>"), "&lt;b&gt;");
    assert_eq!(markdown::escape("*bold*"), "\\*bold\\*");
    assert_eq!(markdown::escape("_em_"), "\\_em\\_");
    assert_eq!(markdown::escape("a | b"), "a \\| b");
    assert_eq!(markdown::escape("`code`"), "\\`code\\`");
    assert_eq!(markdown::escape("![img](x)"), "\\!\\[img\\]\\(x\\)");
    assert_eq!(markdown::escape("Tom & Jerry"), "Tom &amp; Jerry");
    assert_eq!(markdown::escape("back\\slash"), "back\\\\slash");
    assert_eq!(markdown::escape("- item"), "\\- item");
    assert_eq!(markdown::escape("1. item"), "1\\. item");
    assert_eq!(
        markdown::escape("line one\nline two\r\n"),
        "line one line two "
    );
    assert_eq!(markdown::escape("plain words"), "plain words");
}

fn md_report(pack: &ContentPack, assessment: &Assessment) -> String {
    let locale = locale();
    markdown::render(&SummaryReport::new(pack, &locale, assessment, DATE))
}

/// The text under `## heading` up to the next `## ` heading.
fn md_section<'a>(md: &'a str, heading: &str) -> &'a str {
    let marker = format!("\n## {}\n", markdown::escape(heading));
    let start = md
        .find(&marker)
        .unwrap_or_else(|| panic!("no section {marker:?}"))
        + marker.len();
    let rest = &md[start..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn markdown_report_has_title_and_headings() {
    let pack = pack();
    let locale = locale();
    let md = md_report(&pack, &full_assessment(&pack));
    let title = fill(locale.report.title_for_area, &[("area", "Northshire")]);
    assert!(
        md.starts_with(&format!("# {}\n\n", markdown::escape(&title))),
        "{md}"
    );
    let r = &locale.report;
    let mut last = 0;
    for heading in [
        &r.about_heading,
        &r.overall_heading,
        &r.profile_heading,
        &r.strengths_heading,
        &r.actions_heading,
        &r.find_out_heading,
        &r.case_studies_heading,
        &r.story_heading,
        &r.answers_heading,
    ] {
        let at = md
            .find(&format!("\n## {}\n", markdown::escape(heading)))
            .unwrap_or_else(|| panic!("no heading {heading}"));
        assert!(at > last, "{heading} is out of order");
        last = at;
    }
    for theme in ["Shared purpose", "Governance and trust", "Data quality"] {
        assert!(md.contains(&format!("\n### {theme}\n")));
    }
    let about = md_section(&md, r.about_heading);
    assert!(about.contains(&format!("- **{}:** Northshire\n", markdown::escape(r.area))));
    assert!(about.contains(&format!(
        "- **{}:** Health and care\n",
        markdown::escape(r.policy_areas)
    )));
    let overall = md_section(&md, r.overall_heading);
    let band = markdown::escape(&format!("{}.", locale.bands.well_on_the_way));
    assert!(overall.contains(&format!("**{band}")), "{overall}");
}

#[test]
fn markdown_report_has_the_theme_score_table() {
    let pack = pack();
    let locale = locale();
    let md = md_report(&pack, &full_assessment(&pack));
    let r = &locale.report;
    let header = format!(
        "| {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|\n",
        markdown::escape(r.theme),
        markdown::escape(r.score),
        markdown::escape(r.answered),
        markdown::escape(r.not_sure),
        markdown::escape(r.unanswered)
    );
    let rows = "| Shared purpose | 38 | 2 | 0 | 1 |\n\
                | Governance and trust | 50 | 2 | 1 | 0 |\n\
                | Data quality | 75 | 1 | 0 | 0 |\n";
    assert!(md.contains(&format!("{header}{rows}")), "{md}");
}

#[test]
fn markdown_table_rows_keep_five_columns_whatever_the_titles() {
    let mut pack = pack();
    pack.themes[0].title = "Purpose | vision\nand aims".into();
    let md = md_report(&pack, &full_assessment(&pack));
    let row = md
        .lines()
        .find(|l| l.starts_with("| Purpose"))
        .expect("the purpose row");
    assert_eq!(row, "| Purpose \\| vision and aims | 38 | 2 | 0 | 1 |");
    let unescaped = row
        .char_indices()
        .filter(|(i, c)| *c == '|' && !row[..*i].ends_with('\\'))
        .count();
    assert_eq!(unescaped, 6);
}

#[test]
fn markdown_actions_are_numbered_in_summary_order() {
    let pack = pack();
    let assessment = full_assessment(&pack);
    let md = md_report(&pack, &assessment);
    let numbered: Vec<&str> = md
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(
        numbered,
        [
            "1. **Start step for g1**  ",
            "2. **Start step for p1**  ",
            "3. **Agree step for p2**  ",
            "4. **Embed step for d1**  "
        ]
    );
    let summary = summarise(&pack, &assessment);
    for (i, action) in summary.priority_actions.iter().enumerate() {
        assert!(numbered[i].starts_with(&format!("{}. **{}**", i + 1, action.action)));
    }
}

#[test]
fn markdown_report_has_story_notes_case_studies_and_find_out() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let md = md_report(&pack, &assessment);
    let r = &locale.report;

    let story = md_section(&md, r.story_heading);
    assert!(
        story.contains("First paragraph line one line two\n\nSecond paragraph"),
        "{story:?}"
    );
    let answers = md_section(&md, r.answers_heading);
    let note = markdown::escape(r.note);
    assert!(answers.contains(&format!("  {note}: Note line one line two\n")));
    assert!(answers.contains(&format!(
        "  {note}: Commas, \"quotes\" and new lines here\n"
    )));
    assert!(answers.contains(&format!("  {note}: =HYPERLINK\\(\"http://x\",\"y\"\\)\n")));

    let studies = md_section(&md, r.case_studies_heading);
    let north = studies
        .find("- [North case](<https://example.org/north?a=1&b=2>)")
        .expect("North linked");
    let east = studies
        .find("- [East case](<https://example.com/east>)")
        .expect("East linked");
    assert!(north < east);
    assert!(!studies.contains("South"));

    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let find_out = md_section(&md, r.find_out_heading);
    assert_eq!(
        find_out.trim(),
        format!("- {}", markdown::escape(&report.find_out_text("g2")))
    );
}

#[test]
fn markdown_report_escapes_user_and_pack_text() {
    let mut pack = pack();
    pack.themes[1].questions[0].text = "[click](javascript:alert(1)) <b>now</b>".into();
    pack.case_studies[0].title = "*North* [x](y)".into();
    let mut assessment = hostile_assessment(&pack);
    assessment.set_note("g3", "# Not a heading\n[link](javascript:x)");
    let md = md_report(&pack, &assessment);

    assert!(!md.contains("<img"));
    assert!(!md.contains("<b>"));
    assert!(!md.contains("](javascript"));
    assert!(!md.contains("[link]"));
    assert!(md.contains("&lt;img src=x onerror=alert\\(1\\)&gt;"));
    assert!(md.contains("\\[click\\]\\(javascript:alert\\(1\\)\\) &lt;b&gt;now&lt;/b&gt;"));
    assert!(md.contains("- [\\*North\\* \\[x\\]\\(y\\)](<https://example.org/north?a=1&b=2>)"));
    assert!(md.contains("\\# Not a heading \\[link\\]\\(javascript:x\\)"));
    // No line the user wrote becomes a heading.
    assert!(!md.lines().any(|l| l.starts_with("# Not")));
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

#[test]
fn csv_cell_quotes_and_doubles_quotes() {
    assert_eq!(csv_encoding::cell("plain"), "\"plain\"");
    assert_eq!(csv_encoding::cell(""), "\"\"");
    assert_eq!(csv_encoding::cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_encoding::cell("a, b"), "\"a, b\"");
    assert_eq!(
        csv_encoding::cell("line\nbreak\r\nhere"),
        "\"line\nbreak\r\nhere\""
    );
    assert_eq!(csv_encoding::cell("'quoted already"), "\"'quoted already\"");
    assert_eq!(csv_encoding::cell("100%"), "\"100%\"");
    assert_eq!(
        csv_encoding::cell("a=b"),
        "\"a=b\"",
        "only a leading = is risky"
    );
    assert_eq!(csv_encoding::cell(" =1"), "\" =1\"");
}

#[test]
fn csv_cell_neutralises_formulas() {
    assert_eq!(
        csv_encoding::cell("=HYPERLINK(\"http://x\",\"y\")"),
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
    );
    assert_eq!(csv_encoding::cell("+1"), "\"'+1\"");
    assert_eq!(csv_encoding::cell("-1"), "\"'-1\"");
    assert_eq!(csv_encoding::cell("@SUM(A1)"), "\"'@SUM(A1)\"");
    assert_eq!(csv_encoding::cell("\tTabbed"), "\"'\tTabbed\"");
    assert_eq!(csv_encoding::cell("\rReturn"), "\"'\rReturn\"");
    assert_eq!(csv_encoding::cell("=1+1"), "\"'=1+1\"");
}

struct Csv {
    rows: Vec<Vec<String>>,
    all_quoted: bool,
}

/// A strict RFC 4180 reader: records end in CRLF, fields may be quoted (with
/// doubled quotes inside, and commas and line breaks kept), and a bare CR or
/// LF or a quote inside an unquoted field is an error.
fn parse_csv(text: &str) -> Result<Csv, String> {
    if !text.is_empty() && !text.ends_with("\r\n") {
        return Err("the last record does not end in CRLF".into());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut rows = Vec::new();
    let mut all_quoted = true;
    while i < chars.len() {
        let mut row = Vec::new();
        loop {
            let mut field = String::new();
            if chars.get(i) == Some(&'"') {
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err("an unterminated quoted field".into()),
                        Some('"') if chars.get(i + 1) == Some(&'"') => {
                            field.push('"');
                            i += 2;
                        }
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some(c) => {
                            field.push(*c);
                            i += 1;
                        }
                    }
                }
            } else {
                all_quoted = false;
                while let Some(c) = chars.get(i) {
                    match c {
                        ',' | '\r' => break,
                        '\n' => return Err(format!("a bare LF at {i}")),
                        '"' => return Err(format!("a quote in an unquoted field at {i}")),
                        _ => {
                            field.push(*c);
                            i += 1;
                        }
                    }
                }
            }
            row.push(field);
            match (chars.get(i), chars.get(i + 1)) {
                (Some(','), _) => i += 1,
                (Some('\r'), Some('\n')) => {
                    i += 2;
                    break;
                }
                (other, _) => return Err(format!("{other:?} after a field at {i}")),
            }
        }
        rows.push(row);
    }
    Ok(Csv { rows, all_quoted })
}

#[test]
fn the_test_csv_reader_is_strict() {
    let csv = parse_csv("\"a\",\"b\"\"c\"\r\n\"x\r\ny\",z,\r\n").unwrap();
    assert_eq!(csv.rows, [vec!["a", "b\"c"], vec!["x\r\ny", "z", ""]]);
    assert!(!csv.all_quoted);
    assert!(parse_csv("\"a\"\n").is_err());
    assert!(parse_csv("a\nb\r\n").is_err());
    assert!(parse_csv("\"a\"b\r\n").is_err());
    assert!(parse_csv("\"a\r\n").is_err());
}

fn csv_rows(pack: &ContentPack, assessment: &Assessment) -> Vec<Vec<String>> {
    let locale = locale();
    let out = csv::render(&SummaryReport::new(pack, &locale, assessment, DATE));
    let body = out
        .strip_prefix('\u{feff}')
        .expect("the CSV starts with a UTF-8 BOM");
    let parsed = parse_csv(body).unwrap_or_else(|e| panic!("bad CSV ({e}):\n{out}"));
    assert!(parsed.all_quoted, "every cell is quoted");
    parsed.rows
}

#[test]
fn csv_starts_with_a_bom_and_ends_rows_in_crlf() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let out = csv::render(&SummaryReport::new(&pack, &locale, &assessment, DATE));
    assert!(out.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF, b'"']));
    assert!(out.ends_with("\"\r\n"));
    // 8 records end in CRLF; the CRLF inside d1's note is inside quotes.
    let records = parse_csv(out.trim_start_matches('\u{feff}')).unwrap().rows;
    assert_eq!(records.len(), 8);
    assert_eq!(out.matches("\"\r\n").count(), 8);
}

#[test]
fn csv_has_a_header_and_one_row_per_question() {
    let pack = pack();
    let locale = locale();
    let rows = csv_rows(&pack, &full_assessment(&pack));
    assert_eq!(rows.len(), 1 + pack.question_count());
    assert_eq!(rows[0], locale.report.csv_headers);
    assert_eq!(rows[0].len(), 7);
    for row in &rows {
        assert_eq!(row.len(), 7, "{row:?}");
    }
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(ids, ["p1", "p2", "p3", "g1", "g2", "g3", "d1"]);
}

#[test]
fn csv_rows_hold_the_answers_in_the_right_columns() {
    let pack = pack();
    let locale = locale();
    let rows = csv_rows(&pack, &full_assessment(&pack));
    let row = |id: &str| rows.iter().find(|r| r[1] == id).expect("a row").clone();
    assert_eq!(
        row("p1"),
        [
            "Shared purpose",
            "p1",
            "Do partners agree why they share?",
            "2",
            "Sprouting",
            "p1 looks like level 2",
            P1_NOTE
        ]
    );
    assert_eq!(
        row("p3"),
        [
            "Shared purpose",
            "p3",
            "Do residents know the purpose?",
            "",
            locale.common.not_answered,
            "",
            ""
        ]
    );
    assert_eq!(
        row("g1"),
        [
            "Governance and trust",
            "g1",
            "Is there a signed agreement?",
            "1",
            "Nought",
            "g1 looks like level 1",
            "'=HYPERLINK(\"http://x\",\"y\")"
        ]
    );
    assert_eq!(
        row("g2"),
        [
            "Governance and trust",
            "g2",
            "Who decides on new requests?",
            "",
            locale.common.not_sure,
            "",
            ""
        ]
    );
    assert_eq!(row("g3")[3..6], ["5", "Rooted", "g3 looks like level 5"]);
    assert_eq!(
        row("d1"),
        [
            "Data quality",
            "d1",
            "Can records be matched?",
            "4",
            "Steady",
            "d1 looks like level 4",
            D1_NOTE
        ]
    );
}

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

fn assert_safe_file_name(name: &str, extension: &str) {
    assert!(name.starts_with("ready-to-share"), "{name}");
    assert!(name.ends_with(&format!(".{extension}")), "{name}");
    assert!(!name.contains('/') && !name.contains('\\'), "{name}");
    assert!(!name.contains(".."), "{name}");
    assert!(!name.contains(' '), "{name}");
    assert!(!name.contains("--"), "{name}");
    assert_eq!(name.matches('.').count(), 1, "{name}");
    assert!(
        name.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'),
        "{name}"
    );
}

#[test]
fn file_name_slugs_the_area_and_adds_the_date() {
    assert_eq!(
        file_name("Bath & North East Somerset!", "2026-11-22", "html"),
        "ready-to-share-bath-north-east-somerset-2026-11-22.html"
    );
    assert_eq!(
        file_name("", "2026-11-22", "json"),
        "ready-to-share-2026-11-22.json"
    );
    assert_eq!(
        file_name("   \t ", "2026-11-22", "csv"),
        "ready-to-share-2026-11-22.csv"
    );
    assert_eq!(file_name("Leeds", "", "md"), "ready-to-share-leeds.md");
    assert_eq!(
        file_name("  --Leeds--  ", "2026-11-22", "md"),
        "ready-to-share-leeds-2026-11-22.md"
    );
}

#[test]
fn file_name_never_has_separators_dots_or_spaces() {
    for area in [
        "../../etc/passwd",
        "..\\..\\Windows\\System32",
        "C:/Users/Public",
        "a..b",
        ".hidden",
        "...",
        "Ynys Môn / Anglesey",
        "Rhondda Cynon Taf 🏴󠁧󠁢󠁷󠁬󠁳󠁿",
        "🙂🙂🙂",
        "İstanbul",
        "Straße",
        "東京",
        "tab\tand\nnewline",
        "K\u{212A}elvin",
        "NUL\0byte",
    ] {
        for extension in ["html", "json", "csv", "md"] {
            let name = file_name(area, "2026-11-22", extension);
            assert_safe_file_name(&name, extension);
            assert!(
                name.ends_with(&format!("-2026-11-22.{extension}")),
                "{name}"
            );
        }
    }
    assert_eq!(
        file_name("🙂🙂🙂", "2026-11-22", "json"),
        "ready-to-share-2026-11-22.json"
    );
    assert_eq!(
        file_name("Ynys Môn / Anglesey", "2026-11-22", "json"),
        "ready-to-share-ynys-mon-anglesey-2026-11-22.json",
        "accents are folded, so Welsh names stay readable"
    );
    // A date with separators in it is made safe too.
    let name = file_name("Leeds", "2026/11/22 ../..", "html");
    assert_safe_file_name(&name, "html");
}

#[test]
fn file_name_cuts_long_areas() {
    let long = "Very Long Area Name ".repeat(20);
    let name = file_name(&long, "2026-11-22", "html");
    assert_safe_file_name(&name, "html");
    let slug = name
        .strip_prefix("ready-to-share-")
        .and_then(|s| s.strip_suffix("-2026-11-22.html"))
        .expect("prefix and date");
    assert!(!slug.is_empty() && slug.len() <= 60, "{slug}");
    assert!(slug.starts_with("very-long-area-name-very-long"));
    let a = file_name(&"a".repeat(500), "2026-11-22", "json");
    assert_eq!(
        a,
        format!("ready-to-share-{}-2026-11-22.json", "a".repeat(60))
    );
}

// ---------------------------------------------------------------------------
// Chart geometry
// ---------------------------------------------------------------------------

fn theme_score(id: &str, score: Option<u8>) -> ThemeScore {
    ThemeScore {
        theme_id: id.to_string(),
        score: score.map(Score::whole),
        scored: usize::from(score.is_some()),
        not_sure: 0,
        unanswered: 0,
        total: 1,
    }
}

fn profile_of(scores: &[(&str, Option<u8>)]) -> Profile {
    Profile {
        themes: scores.iter().map(|(id, s)| theme_score(id, *s)).collect(),
        overall: None,
        band: None,
    }
}

#[test]
fn chart_bar_widths_are_proportional_to_scores() {
    let pack = pack();
    let profile = profile_of(&[
        ("purpose", Some(100)),
        ("governance", Some(50)),
        ("data", None),
    ]);
    let c = chart::chart(&pack, &profile);
    let widths: Vec<u32> = c.bars.iter().map(|b| b.width).collect();
    assert_eq!(widths, [BAR_MAX, BAR_MAX / 2, 0]);
    let ids: Vec<&str> = c.bars.iter().map(|b| b.theme_id.as_str()).collect();
    assert_eq!(ids, ["purpose", "governance", "data"]);
    let labels: Vec<&str> = c.bars.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Shared purpose", "Governance and trust", "Data quality"]
    );
    let scores: Vec<Option<Score>> = c.bars.iter().map(|b| b.score).collect();
    assert_eq!(
        scores,
        [Some(Score::whole(100)), Some(Score::whole(50)), None]
    );

    for score in 0..=100u8 {
        let c = chart::chart(&pack, &profile_of(&[("purpose", Some(score))]));
        let width = c.bars[0].width;
        assert_eq!(width, u32::from(score) * BAR_MAX / 100);
        assert!(width <= BAR_MAX);
    }
    let zero = chart::chart(&pack, &profile_of(&[("purpose", Some(0))]));
    assert_eq!(zero.bars[0].width, 0);

    // A fractional score keeps its exact value; the bar is drawn at the
    // score as shown: 37.5 shows as 38, 38 * 340 / 100 = 129.2, so 129.
    let mut profile = profile_of(&[("purpose", None)]);
    profile.themes[0].score = Score::ratio(75, 2);
    let c = chart::chart(&pack, &profile);
    assert_eq!(c.bars[0].score, Score::ratio(75, 2));
    assert_eq!(c.bars[0].width, 129);
}

#[test]
fn chart_rows_stack_and_height_grows_with_rows() {
    let pack = pack();
    let mut heights = Vec::new();
    for n in 1..=6 {
        let scores: Vec<(&str, Option<u8>)> = (0..n).map(|_| ("purpose", Some(50))).collect();
        let c = chart::chart(&pack, &profile_of(&scores));
        assert_eq!(c.bars.len(), n);
        for (i, bar) in c.bars.iter().enumerate() {
            assert_eq!(bar.y, TOP + ROW_HEIGHT * u32::try_from(i).unwrap());
            assert!(bar.y + ROW_HEIGHT <= c.height, "bar {i} fits");
        }
        heights.push(c.height);
    }
    for pair in heights.windows(2) {
        assert_eq!(pair[1] - pair[0], ROW_HEIGHT);
    }
    let c = chart::chart(&pack, &profile_of(&[]));
    assert!(c.bars.is_empty());
    assert!(c.height < heights[0]);
}

#[test]
fn chart_ticks_span_the_bar_area() {
    let pack = pack();
    let c = chart::chart(&pack, &profile_of(&[("purpose", Some(50))]));
    let values: Vec<u8> = c.ticks.iter().map(|(_, v)| *v).collect();
    assert_eq!(values, [0, 25, 50, 75, 100]);
    assert_eq!(c.ticks[0].0, LABEL_WIDTH);
    assert_eq!(c.ticks[4].0, LABEL_WIDTH + BAR_MAX);
    assert!(c.ticks[4].0 <= chart::WIDTH, "the scale fits the chart");
}

#[test]
fn chart_of_a_scored_assessment_follows_the_profile() {
    let pack = pack();
    let assessment = full_assessment(&pack);
    let profile = scoring::profile(&pack, &assessment);
    let c = chart::chart(&pack, &profile);
    let widths: Vec<u32> = c.bars.iter().map(|b| b.width).collect();
    assert_eq!(
        widths,
        [38 * BAR_MAX / 100, 50 * BAR_MAX / 100, 75 * BAR_MAX / 100]
    );
}

// ---------------------------------------------------------------------------
// Report words
// ---------------------------------------------------------------------------

#[test]
fn report_title_uses_the_area_when_given() {
    let pack = pack();
    let locale = locale();
    let mut assessment = full_assessment(&pack);
    assessment.context.area = "  Northshire  ".into();
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    assert_eq!(
        report.title(),
        fill(locale.report.title_for_area, &[("area", "Northshire")])
    );
    assert!(report.title().contains("Northshire"));
    assert_ne!(report.title(), locale.report.title);

    assessment.context.area = " \n ".into();
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    assert_eq!(report.title(), locale.report.title);
    assert!(report.generated().contains(DATE));
}

#[test]
fn the_report_says_not_yet_until_every_theme_has_a_score() {
    let pack = pack();
    let locale = locale();
    let mut assessment = full_assessment(&pack);
    // Data's only question becomes "not sure": data has no score.
    assessment.set_response("d1", Some(Response::NotSure));
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    assert_eq!(report.summary.profile.overall, None);
    assert!(html::render(&report).contains(&html::escape(locale.bands.not_yet)));

    let blank = Assessment::new(&pack, NOW);
    let report = SummaryReport::new(&pack, &locale, &blank, DATE);
    assert!(html::render(&report).contains(&html::escape(locale.bands.not_yet)));

    let full = full_assessment(&pack);
    let report = SummaryReport::new(&pack, &locale, &full, DATE);
    let page = html::render(&report);
    let said = format!(
        "{}. {}",
        locale.bands.well_on_the_way,
        fill(locale.report.overall_score, &[("score", "54")])
    );
    assert!(page.contains(&html::escape(&said)), "{said}");
    assert!(page.contains(&html::escape(locale.bands.well_on_the_way_means)));
    assert!(!page.contains(&html::escape(locale.bands.not_yet)));
}

#[test]
fn response_labels_and_context_rows() {
    let pack = pack();
    let locale = locale();
    let assessment = full_assessment(&pack);
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    assert_eq!(report.response_label(Some(Response::Level(3))), "Growing");
    assert_eq!(
        report.response_label(Some(Response::NotSure)),
        locale.common.not_sure
    );
    assert_eq!(report.response_label(None), locale.common.not_answered);
    let rows = report.context_rows();
    let values: Vec<Vec<&str>> = rows
        .iter()
        .map(|(_, v)| v.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        values,
        [
            vec!["Northshire"],
            vec!["Northshire Council"],
            vec!["Northshire Police"],
            vec!["Health and care"]
        ]
    );
}

#[test]
fn partner_organisations_are_on_lines_of_their_own_in_every_report() {
    let pack = pack();
    let locale = locale();
    let mut assessment = full_assessment(&pack);
    assessment.context.partners =
        "Northshire NHS Trust\r\n  Northshire Police \n\nNorthshire, Council".into();
    let report = SummaryReport::new(&pack, &locale, &assessment, DATE);
    let html = ready_to_share::model::render::html::render(&report);
    assert!(
        html.contains("Northshire NHS Trust<br>Northshire Police<br>Northshire, Council"),
        "one per line in the HTML report"
    );
    assert!(!html.contains("Northshire NHS Trust Northshire Police"));
    let markdown = ready_to_share::model::render::markdown::render(&report);
    let label = format!("- **{}:**\n", locale.report.partners);
    let at = markdown.find(&label).expect("the partners line");
    let after: Vec<&str> = markdown[at + label.len()..].lines().take(3).collect();
    assert_eq!(
        after,
        [
            "  - Northshire NHS Trust",
            "  - Northshire Police",
            "  - Northshire, Council"
        ],
        "a nested list item each in the Markdown"
    );
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// Arbitrary text, and text made mostly of the characters that matter.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[<>&\"' =+@\\-\t\r\n,.#*_|\\[\\]()a-z\u{e9}\u{1f600}]{0,40}",
    ]
}

/// `a<zqb`: a marker after a `<` that must never reach the HTML unescaped.
fn marked() -> impl Strategy<Value = String> {
    (text(), text()).prop_map(|(a, b)| format!("{a}<zq{b}"))
}

fn risky(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn user_text_never_becomes_markup(
        area in marked(),
        organisation in marked(),
        partners in marked(),
        story in marked(),
        note_a in marked(),
        note_b in marked(),
    ) {
        let pack = pack();
        let locale = locale();
        let mut assessment = full_assessment(&pack);
        assessment.context.area = area;
        assessment.context.organisation = organisation;
        assessment.context.partners = partners;
        assessment.story = story;
        assessment.set_note("p1", &note_a);
        assessment.set_note("g2", &note_b);
        let report = SummaryReport::new(&pack, &locale, &assessment, DATE);

        let out = html::render(&report);
        prop_assert!(!out.contains("<zq"));
        assert_only_safe_markup(&out);
        let md = markdown::render(&report);
        prop_assert!(!md.contains("<zq"));
    }

    #[test]
    fn csv_round_trips_every_note(notes in proptest::collection::vec(text(), 7)) {
        let pack = pack();
        let mut assessment = Assessment::new(&pack, NOW);
        let ids: Vec<String> = pack.questions().map(|(_, q)| q.id.clone()).collect();
        for (i, (id, note)) in ids.iter().zip(&notes).enumerate() {
            // Insert directly, so even blank notes are kept as they are.
            let level = u8::try_from(i % 5).unwrap() + 1;
            assessment.answers.insert(
                id.clone(),
                Answer { response: Some(Response::Level(level)), note: note.clone() },
            );
        }
        let rows = csv_rows(&pack, &assessment);
        prop_assert_eq!(rows.len(), 1 + ids.len());
        for ((row, id), note) in rows[1..].iter().zip(&ids).zip(&notes) {
            prop_assert_eq!(&row[1], id);
            let expected = if risky(note) { format!("'{note}") } else { note.clone() };
            prop_assert_eq!(&row[6], &expected);
        }
    }

    #[test]
    fn csv_cell_round_trips(text in text()) {
        let cell = csv_encoding::cell(&text);
        let parsed = parse_csv(&format!("{cell}\r\n")).expect("a cell parses");
        prop_assert!(parsed.all_quoted);
        let expected = if risky(&text) { format!("'{text}") } else { text.clone() };
        prop_assert_eq!(&parsed.rows, &vec![vec![expected]]);
    }

    #[test]
    fn file_names_are_always_safe(area in text()) {
        let name = file_name(&area, "2026-11-22", "html");
        assert_safe_file_name(&name, "html");
        prop_assert!(name.ends_with("-2026-11-22.html"));
        prop_assert!(name.len() <= "ready-to-share-".len() + 60 + "-2026-11-22.html".len());
    }
}
