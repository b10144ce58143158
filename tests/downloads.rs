#![cfg(not(target_arch = "wasm32"))]
//! Every file the tool makes comes from one list in the model: its name,
//! type and bytes; and the partnership report carries what the workshop
//! agreed.

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::consensus::Consensus;
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::downloads::{
    agreed_file, assessment_file, PartnershipFormat, SummaryFormat,
};
use ready_to_share::model::file::{read_assessment, write_assessment};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::partnership::partnership;
use ready_to_share::model::render::partnership::PartnershipReport;
use ready_to_share::model::render::SummaryReport;

fn answered(pack: &ContentPack, area: &str) -> Assessment {
    let mut a = Assessment::new(pack, "2026-12-06T10:00:00Z");
    a.context.area = area.to_string();
    let first = &pack.themes[0].questions[0].id;
    a.set_response(first, Some(Response::Level(2)));
    a
}

#[test]
fn the_summary_files_are_named_typed_and_made_from_the_report() {
    let (pack, locale) = (ContentPack::built_in(), Locale::english());
    let assessment = answered(&pack, "Ynys Môn");
    let report = SummaryReport::new(&pack, &locale, &assessment, "6 December 2026");
    let made: Vec<(String, &str)> = SummaryFormat::ALL
        .iter()
        .map(|f| {
            let d = f.make(&report, "2026-12-06");
            assert!(!d.bytes.is_empty(), "{:?} has contents", f);
            (d.name, d.mime)
        })
        .collect();
    assert_eq!(
        made,
        [
            (
                "ready-to-share-ynys-mon-2026-12-06.html".to_string(),
                "text/html;charset=utf-8"
            ),
            (
                "ready-to-share-ynys-mon-2026-12-06.md".to_string(),
                "text/markdown;charset=utf-8"
            ),
            (
                "ready-to-share-ynys-mon-2026-12-06.csv".to_string(),
                "text/csv;charset=utf-8"
            ),
            (
                "ready-to-share-plan-ynys-mon-2026-12-06.csv".to_string(),
                "text/csv;charset=utf-8"
            ),
            (
                "ready-to-share-ynys-mon-2026-12-06.json".to_string(),
                "application/json"
            ),
        ]
    );
    let ids: Vec<&str> = SummaryFormat::ALL.iter().map(|f| f.id()).collect();
    assert_eq!(ids, ["html", "markdown", "csv", "plan-csv", "json"]);
}

#[test]
fn the_assessment_file_says_its_language_and_opens_again() {
    let pack = ContentPack::built_in();
    let assessment = answered(&pack, "Wrecsam");
    let file = assessment_file(&assessment, "cy", "2026-12-06");
    let text = String::from_utf8(file.bytes).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["language"], "cy");
    let opened = read_assessment(&text, &pack).expect("it opens");
    assert_eq!(
        write_assessment(&opened.assessment),
        write_assessment(&assessment)
    );
}

#[test]
fn the_partnership_report_lists_what_was_agreed_and_its_files_are_named() {
    let (pack, locale) = (ContentPack::built_in(), Locale::english());
    let files: Vec<(String, String)> = ["Council", "Police"]
        .iter()
        .map(|name| {
            (
                format!("{name}.json"),
                write_assessment(&answered(&pack, name)),
            )
        })
        .collect();
    let view = partnership(&pack, &locale, &files, false);
    let question = &pack.themes[0].questions[0];
    let mut agreed = Consensus::default();
    agreed.set_level(&question.id, Some(3));
    agreed
        .set_note(&question.id, "Both said so at the workshop")
        .unwrap();

    let without = PartnershipReport::new(&pack, &locale, &view, "6 December 2026");
    let html_without =
        String::from_utf8(PartnershipFormat::Html.make(&without, "2026-12-06").bytes).unwrap();
    assert!(!html_without.contains(locale.consensus.heading));

    let report = without.with_agreements(&agreed);
    let html =
        String::from_utf8(PartnershipFormat::Html.make(&report, "2026-12-06").bytes).unwrap();
    assert!(
        html.contains(locale.consensus.heading),
        "the agreements have a heading"
    );
    assert!(
        html.contains("Agreed: 3 Developing."),
        "the agreed level in words"
    );
    assert!(html.contains("Both said so at the workshop"), "the note");
    let names: Vec<String> = PartnershipFormat::ALL
        .iter()
        .map(|f| f.make(&report, "2026-12-06").name)
        .collect();
    assert_eq!(
        names,
        [
            "ready-to-share-partnership-2026-12-06.html",
            "ready-to-share-partnership-2026-12-06.csv",
            "ready-to-share-partnership-2026-12-06.json"
        ]
    );
    let file = agreed_file(&answered(&pack, "Gwent"), "2026-12-06", "en-GB");
    assert_eq!(file.name, "ready-to-share-gwent-agreed-2026-12-06.json");
}
