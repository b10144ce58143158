//! Reads a file (or builds an assessment), then renders the HTML report,
//! the Markdown and the CSV, alone and compared with an earlier file, and
//! the partnership view of several files, against the built-in pack or a
//! pack whose every text comes from the fuzzer. Nothing may panic; the HTML
//! and Markdown never hold markup from the text; no CSV cell starts as a
//! formula; file names are safe.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::read_assessment;
use ready_to_share::model::partnership::partnership;
use ready_to_share::model::render::partnership::{self as together, PartnershipReport};
use ready_to_share::model::render::{csv, file_name, html, markdown, SummaryReport};
use ready_to_share_fuzz::{
    built_in_pack, check_csv, check_html, check_markdown, english, AssessmentShape, FileInput,
    PackShape, Text, PACK_FILE,
};

#[derive(Debug, Arbitrary)]
enum Answers {
    Read(FileInput),
    Built(AssessmentShape),
}

#[derive(Debug, Arbitrary)]
struct Input {
    pack: Option<PackShape>,
    now: Answers,
    earlier: Option<Answers>,
    partners: Vec<(Text, Answers)>,
    anonymise: bool,
    date: Text,
}

fn assessment(
    answers: &Answers,
    pack: &ContentPack,
) -> Option<ready_to_share::model::assessment::Assessment> {
    match answers {
        Answers::Read(file) => read_assessment(&file.to_text(pack), pack)
            .ok()
            .map(|o| o.assessment),
        Answers::Built(shape) => Some(shape.to_assessment(pack)),
    }
}

fn text(answers: &Answers, pack: &ContentPack) -> String {
    match answers {
        Answers::Read(file) => file.to_text(pack),
        Answers::Built(shape) => {
            ready_to_share::model::file::write_assessment(&shape.to_assessment(pack))
        }
    }
}

fn render_all(report: &SummaryReport) {
    check_html(&html::render(report));
    check_markdown(&markdown::render(report));
    check_csv(&csv::render(report));
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let generated;
    let pack = match &input.pack {
        Some(shape) => {
            let text = serde_json::to_string(&shape.to_pack()).unwrap();
            // Only packs the app would accept: a refused pack is never used.
            match ContentPack::parse(PACK_FILE, &text) {
                Ok(pack) => {
                    generated = pack;
                    &generated
                }
                Err(_) => return,
            }
        }
        None => built_in_pack(),
    };
    let locale = english();
    let date = input.date.0.as_str();
    if let Some(now) = assessment(&input.now, pack) {
        let name = file_name(&now.context.area, date, "html");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'),
            "an unsafe file name: {name:?}"
        );
        let report = SummaryReport::new(pack, locale, &now, date);
        render_all(&report);
        if let Some(earlier) = input.earlier.as_ref().and_then(|e| assessment(e, pack)) {
            render_all(&SummaryReport::new(pack, locale, &now, date).with_comparison(&earlier));
        }
    }
    let files: Vec<(String, String)> = input
        .partners
        .iter()
        .take(5)
        .map(|(name, answers)| (name.0.clone(), text(answers, pack)))
        .collect();
    let p = partnership(pack, locale, &files, input.anonymise);
    let report = PartnershipReport::new(pack, locale, &p, date);
    check_html(&together::html(&report));
    check_csv(&together::csv(&report));
    let json = together::json(&report);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "the partnership JSON is not JSON"
    );
});
