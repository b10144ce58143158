#![cfg(not(target_arch = "wasm32"))]
//! The report document and its renderers: the HTML and Markdown downloads
//! come from one document, in the same order; every block escapes what it
//! holds; the chart is drawn once; parts meant for one medium stay there.

use ready_to_share::model::chart::chart;
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::document::{
    plain, Block, Document, Inline, Item, List, Show, SlotId, Style, Table,
};
use ready_to_share::model::file::read_assessment;
use ready_to_share::model::locale::Locale;
use ready_to_share::model::partnership::partnership;
use ready_to_share::model::render::partnership::{html as partnership_html, PartnershipReport};
use ready_to_share::model::render::{html, markdown, summary, SummaryReport};
use ready_to_share::model::scoring::Profile;

const DATE: &str = "1 May 2026";
const PAYLOAD: &str = "<img src=x onerror=alert(1)> [link](javascript:x) # *";
const FIXTURES: &str = "tests/e2e/fixtures/partnership";

fn pack() -> ContentPack {
    let text = std::fs::read_to_string("content/pack.en.json").expect("the pack");
    ContentPack::parse("pack.en.json", &text).expect("a valid pack")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("a fixture")
}

fn assessment(pack: &ContentPack, name: &str) -> ready_to_share::model::assessment::Assessment {
    let text = String::from_utf8(fixture(name)).expect("UTF-8");
    read_assessment(&text, pack)
        .expect("an assessment")
        .assessment
}

/// The text of each `<h2>` in the HTML, in order.
fn html_h2(out: &str) -> Vec<String> {
    out.split("<h2>")
        .skip(1)
        .map(|rest| rest[..rest.find("</h2>").expect("a closing h2")].to_string())
        .collect()
}

/// The text of each `## ` line in the Markdown, in order.
fn markdown_h2(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(str::to_string)
        .collect()
}

#[test]
fn html_and_markdown_have_the_same_sections_in_the_same_order() {
    let pack = pack();
    let locale = Locale::english();
    let now = assessment(&pack, "council.json");
    let then = assessment(&pack, "earlier-assessment.json");
    let report = SummaryReport::new(&pack, &locale, &now, DATE).with_comparison(&then);
    let r = &locale.report;
    // The order a reader meets them, written out here by hand.
    let expected = [
        r.about_heading,
        r.overall_heading,
        r.profile_heading,
        locale.compare.heading,
        r.strengths_heading,
        r.actions_heading,
        r.find_out_heading,
        locale.plan.heading,
        r.case_studies_heading,
        r.story_heading,
        r.answers_heading,
    ];
    let from_html = html_h2(&html::render(&report));
    let from_markdown = markdown_h2(&markdown::render(&report));
    let html_expected: Vec<String> = expected.iter().map(|h| html::escape(h)).collect();
    let markdown_expected: Vec<String> = expected.iter().map(|h| markdown::escape(h)).collect();
    assert_eq!(from_html, html_expected);
    assert_eq!(from_markdown, markdown_expected);
}

#[test]
fn the_chart_is_in_the_document_once_and_drawn_once() {
    let pack = pack();
    let locale = Locale::english();
    let now = assessment(&pack, "council.json");
    let then = assessment(&pack, "nhs.json");
    let report = SummaryReport::new(&pack, &locale, &now, DATE).with_comparison(&then);
    let doc = summary::document(&report);
    let charts = doc
        .all_blocks()
        .into_iter()
        .filter(|b| matches!(b, Block::Chart { .. }))
        .count();
    assert_eq!(charts, 1);
    let out = html::render(&report);
    assert_eq!(out.matches("<figure class=\"chart\"").count(), 1);
    assert_eq!(
        out.matches("<rect class=\"bar-fill\"").count(),
        pack.themes.len()
    );
    assert!(!markdown::render(&report).contains("bar-fill"));
}

#[test]
fn summary_and_partnership_reports_share_one_page_shell_and_style() {
    let pack = pack();
    let locale = Locale::english();
    let now = assessment(&pack, "council.json");
    let summary_page = html::render(&SummaryReport::new(&pack, &locale, &now, DATE));
    let files = vec![
        ("council.json".to_string(), fixture("council.json")),
        ("nhs.json".to_string(), fixture("nhs.json")),
    ];
    let view = partnership(&pack, &locale, &files, false);
    let partnership_page = partnership_html(&PartnershipReport::new(&pack, &locale, &view, DATE));
    let style = |page: &str| {
        let start = page.find("<style>").expect("a style block");
        let end = page.find("</style>").expect("its end");
        page[start..end].to_string()
    };
    assert_eq!(style(&summary_page), style(&partnership_page));
    assert!(style(&summary_page).contains("@media print"));
    assert!(partnership_page.contains("<main class=\"wide\">"));
    assert!(summary_page.contains("<main>\n"));
}

/// A document holding the payload in every kind of block and inline part.
fn hostile_document() -> Document {
    let pack = pack();
    let text = |extra: &str| format!("{PAYLOAD} {extra}");
    let every_inline = vec![
        Inline::Plain(text("plain")),
        Inline::Lines(text("lines\nnext")),
        Inline::Strong(text("strong")),
        Inline::Secondary(text("secondary")),
        Inline::Aside(text("aside")),
        Inline::Link {
            text: text("link"),
            href: "https://example.org/?a=\"><script>".to_string(),
        },
        Inline::Break,
        Inline::SoftBreak,
        Inline::Note(text("note\n\nsecond")),
        Inline::Meter(250),
        Inline::Only(Show::Files, plain(text("only"))),
    ];
    let profile = Profile {
        themes: Vec::new(),
        overall: None,
        band: None,
    };
    Document {
        title: text("title"),
        language: "en\"><script>".to_string(),
        wide: false,
        blocks: vec![
            Block::Heading {
                level: 2,
                text: every_inline.clone(),
            },
            Block::Paragraph {
                style: Style::Muted,
                text: every_inline.clone(),
            },
            Block::Paragraph {
                style: Style::Note,
                text: every_inline.clone(),
            },
            Block::Paragraph {
                style: Style::Status,
                text: every_inline.clone(),
            },
            Block::Panel {
                title: Some(text("panel")),
                lines: vec![text("line")],
            },
            Block::Details {
                summary: text("summary"),
                text: text("details"),
            },
            Block::Rows(vec![(text("label"), vec![text("value")])]),
            Block::Table(Table {
                caption: Some(text("caption")),
                class: Some("plan"),
                head: vec![(text("head"), false), (text("number"), true)],
                row_headers: true,
                records: false,
                rows: vec![vec![every_inline.clone(), every_inline.clone()]],
            }),
            Block::Table(Table {
                caption: None,
                class: None,
                head: vec![(text("head"), false), (text("more"), false)],
                row_headers: false,
                records: true,
                rows: vec![vec![every_inline.clone(), every_inline.clone()]],
            }),
            Block::List(List {
                numbered: true,
                class: None,
                items: vec![Item {
                    text: every_inline.clone(),
                    list: vec![every_inline.clone()],
                }],
            }),
            Block::Chart {
                title: text("chart"),
                chart: chart(&pack, &profile),
                values: Vec::new(),
            },
            Block::Group {
                class: "group",
                blocks: vec![Block::paragraph(text("grouped"))],
            },
            Block::Slot(SlotId::Plan, vec![Block::paragraph(text("slot"))]),
            Block::Only(Show::NotMarkdown, vec![Block::paragraph(text("not md"))]),
        ],
    }
}

#[test]
fn every_block_and_inline_escapes_what_it_holds() {
    let doc = hostile_document();
    let out = html::document(&doc);
    assert!(!out.contains("<img"), "{out}");
    assert!(!out.contains("<script"), "{out}");
    assert!(out.contains("href=\"https://example.org/?a=&quot;&gt;&lt;script&gt;\""));
    assert!(out.contains("<html lang=\"en&quot;&gt;&lt;script&gt;\">"));
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // Every kind of block reached the page, escaped.
    for word in [
        "plain",
        "lines",
        "strong",
        "secondary",
        "aside",
        "link",
        "note",
        "only",
        "panel",
        "details",
        "label",
        "value",
        "caption",
        "head",
        "number",
        "chart",
        "grouped",
        "slot",
        "not md",
    ] {
        assert!(
            out.contains(&format!(
                "&lt;img src=x onerror=alert(1)&gt; [link](javascript:x) # * {word}"
            )),
            "{word} is missing or unescaped"
        );
    }
    assert!(
        out.contains("style=\"width:100%\""),
        "a meter never runs past 100"
    );

    let md = markdown::document(&doc);
    assert!(!md.contains("<img"), "{md}");
    assert!(!md.contains("<script"), "{md}");
    assert!(!md.contains("](javascript"), "{md}");
    assert!(md.starts_with("# &lt;img src=x onerror=alert\\(1\\)&gt; \\[link\\]"));
    assert!(
        !md.lines().skip(1).any(|l| l.trim_start().starts_with("# ")),
        "no line of text becomes a heading:\n{md}"
    );
    // Nothing in the address can end the link.
    assert!(md.contains("](<https://example.org/?a=\"script>)"), "{md}");
    assert!(
        !md.contains("not md"),
        "a part for the screen and HTML stays out of Markdown"
    );
}

#[test]
fn screen_parts_stay_off_the_files_and_file_parts_off_the_screen_list() {
    let doc = Document {
        title: "Title".into(),
        language: "en-GB".into(),
        wide: false,
        blocks: vec![
            Block::Only(Show::Screen, vec![Block::paragraph("screen words")]),
            Block::Only(Show::Files, vec![Block::paragraph("file words")]),
            Block::Only(Show::NotMarkdown, vec![Block::paragraph("html words")]),
            Block::list(
                false,
                [vec![
                    Inline::Plain("item".into()),
                    Inline::Only(Show::Screen, plain(" on screen")),
                    Inline::Only(Show::Files, plain(" in files")),
                ]],
            ),
            Block::Slot(
                SlotId::Downloads,
                vec![Block::paragraph("printed in place")],
            ),
        ],
    };
    let out = html::document(&doc);
    let md = markdown::document(&doc);
    for file in [&out, &md] {
        assert!(!file.contains("screen words"));
        assert!(!file.contains("on screen"));
        assert!(file.contains("file words"));
        assert!(file.contains("item in files"));
        assert!(file.contains("printed in place"));
    }
    assert!(out.contains("<p>html words</p>"));
    assert!(!md.contains("html words"));
    assert_eq!(
        md,
        "# Title\n\nfile words\n\n- item in files\n\nprinted in place\n"
    );
}
