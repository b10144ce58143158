#![cfg(not(target_arch = "wasm32"))]
//! content/SOURCES.md names the source of every question, guidance item and
//! case study in the pack, with the date it was checked; and every address
//! in SOURCES.md or the pack is one of the verified addresses.

use serde_json::Value;

const PACK: &str = include_str!("../content/pack.en.json");
const SOURCES: &str = include_str!("../content/SOURCES.md");
const VERIFIED: &str = include_str!("../content/verified-addresses.txt");

fn pack() -> Value {
    serde_json::from_str(PACK).expect("the pack is JSON")
}

fn verified() -> Vec<&'static str> {
    VERIFIED
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The rows of the table under a `## heading`: (id, cells).
fn rows(heading: &str) -> Vec<(String, Vec<String>)> {
    let start = SOURCES
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("SOURCES.md has no \"## {heading}\" section"));
    let section = &SOURCES[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> = l
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            (cells[0].trim_matches('`').to_string(), cells)
        })
        .collect()
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn check_section(heading: &str, ids: &[String]) {
    let rows = rows(heading);
    let mut problems = Vec::new();
    for id in ids {
        match rows.iter().find(|(r, _)| r == id) {
            None => problems.push(format!("{id}: no entry under \"{heading}\"")),
            Some((_, cells)) => {
                if cells.len() < 3 || cells[1].trim().len() < 5 {
                    problems.push(format!("{id}: the source is missing"));
                }
                if !cells.last().is_some_and(|c| is_date(c)) {
                    problems.push(format!(
                        "{id}: the last cell must be the date checked, as YYYY-MM-DD"
                    ));
                }
            }
        }
    }
    for (id, _) in &rows {
        if !ids.contains(id) {
            problems.push(format!(
                "{id}: listed under \"{heading}\" but not in the pack"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn every_question_has_a_source_entry() {
    let pack = pack();
    let ids: Vec<String> = pack["themes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| ids(&t["questions"]))
        .collect();
    check_section("Questions", &ids);
}

#[test]
fn every_guidance_item_has_a_source_entry() {
    check_section("Guidance", &ids(&pack()["guidance"]));
}

#[test]
fn every_case_study_has_a_source_entry() {
    check_section("Case studies", &ids(&pack()["case_studies"]));
}

/// Every web address in a text: from "http://" or "https://" to the first
/// space, "|", ")" or "<".
fn addresses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("http") {
        let tail = &rest[start..];
        if tail.starts_with("http://") || tail.starts_with("https://") {
            let end = tail
                .find(|c: char| c.is_whitespace() || matches!(c, '|' | ')' | '<' | '"' | '`'))
                .unwrap_or(tail.len());
            found.push(tail[..end].to_string());
            rest = &tail[end..];
        } else {
            rest = &tail[4..];
        }
    }
    found
}

#[test]
fn every_address_in_sources_and_the_pack_is_verified() {
    let verified = verified();
    let mut unknown = Vec::new();
    for (file, text) in [
        ("content/SOURCES.md", SOURCES),
        ("content/pack.en.json", PACK),
    ] {
        for address in addresses(text) {
            if !verified.contains(&address.as_str()) {
                unknown.push(format!("{file}: {address}"));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "addresses not in content/verified-addresses.txt:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_address_finder_finds_addresses() {
    assert_eq!(
        addresses("see https://a.example/x (b) and http://c.example/y|z"),
        ["https://a.example/x", "http://c.example/y"]
    );
    assert!(is_date("2026-12-06"));
    assert!(!is_date("December 2026"));
}
