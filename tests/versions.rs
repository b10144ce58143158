//! Which version is running is never a guess: the app's version (from
//! Cargo.toml), the questions' version and the file format are in every
//! report, and the change log has an entry for the app's version.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::assessment::Assessment;
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::locale::Locale;
use ready_to_share::model::render::{html, markdown, SummaryReport};

/// The version Cargo.toml gives the package, read from the file itself.
fn cargo_version() -> String {
    let manifest = include_str!("../Cargo.toml");
    let line = manifest
        .lines()
        .find(|l| l.starts_with("version = "))
        .expect("Cargo.toml has a version");
    line.trim_start_matches("version = ")
        .trim_matches('"')
        .to_string()
}

#[test]
fn every_report_names_the_app_the_questions_and_the_file_format() {
    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let assessment = Assessment::new(&pack, "2026-12-06T10:00:00Z");
    let report = SummaryReport::new(&pack, &locale, &assessment, "6 December 2026");
    let wanted = format!(
        "Ready to Share {}, questions version {}, file format 2.",
        cargo_version(),
        pack.version
    );
    assert!(html::render(&report).contains(&wanted), "HTML: {wanted}");
    // Markdown escapes the full stops.
    let escaped = wanted.replace('.', "\\.");
    assert!(
        markdown::render(&report).contains(&escaped),
        "Markdown: {escaped}"
    );
}

#[test]
fn the_change_log_has_an_entry_for_this_version() {
    let log = include_str!("../CHANGELOG.md");
    let major = cargo_version().split('.').next().unwrap().to_string();
    let pack = ContentPack::built_in();
    let heading = log
        .lines()
        .find(|l| l.starts_with(&format!("## Version {major}")))
        .unwrap_or_else(|| panic!("no \"## Version {major}\" heading in CHANGELOG.md"));
    assert!(
        heading.contains(&format!("content pack {}", pack.version)),
        "the entry names the questions' version: {heading}"
    );
}
