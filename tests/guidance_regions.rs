#![cfg(not(target_arch = "wasm32"))]
//! Guidance says where it applies, and every question has guidance for a
//! partnership in England and for one in Wales. Read from the pack's JSON.

use serde_json::Value;
use std::collections::BTreeMap;

const PACK: &str = include_str!("../content/pack.en.json");

fn pack() -> Value {
    serde_json::from_str(PACK).expect("the pack is JSON")
}

/// Guidance id -> where it applies.
fn regions(pack: &Value) -> BTreeMap<String, String> {
    pack["guidance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let id = g["id"].as_str().unwrap().to_string();
            let applies = g["applies_in"]
                .as_str()
                .unwrap_or_else(|| panic!("guidance {id}: applies_in is missing"))
                .to_string();
            (id, applies)
        })
        .collect()
}

fn questions(pack: &Value) -> Vec<(String, Vec<String>)> {
    pack["themes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["questions"].as_array().unwrap().iter())
        .map(|q| {
            let guidance = q["guidance"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g.as_str().unwrap().to_string())
                .collect();
            (q["id"].as_str().unwrap().to_string(), guidance)
        })
        .collect()
}

#[test]
fn every_guidance_item_says_where_it_applies() {
    for (id, applies) in regions(&pack()) {
        assert!(
            matches!(applies.as_str(), "uk" | "england" | "wales"),
            "guidance {id}: applies_in is \"{applies}\""
        );
    }
}

#[test]
fn every_question_has_guidance_for_england_and_for_wales() {
    let pack = pack();
    let regions = regions(&pack);
    for (id, guidance) in questions(&pack) {
        for (place, fits) in [("England", "england"), ("Wales", "wales")] {
            assert!(
                guidance
                    .iter()
                    .any(|g| matches!(regions[g].as_str(), "uk") || regions[g] == fits),
                "{id}: no guidance that applies in {place}"
            );
        }
    }
}

/// The review (section 5, Wales): WASPI belongs beside these questions.
#[test]
fn waspi_is_where_the_review_says_it_belongs() {
    let pack = pack();
    let questions = questions(&pack);
    for id in [
        "governance-agreement",
        "governance-accountability",
        "governance-roles",
        "governance-review",
        "governance-policies",
    ] {
        let (_, guidance) = questions.iter().find(|(q, _)| q == id).unwrap();
        assert!(
            guidance.iter().any(|g| g.starts_with("waspi")),
            "{id}: no WASPI guidance"
        );
    }
}

/// England-only children's guidance never stands alone: Wales has its own.
#[test]
fn childrens_guidance_for_england_has_a_welsh_counterpart() {
    let pack = pack();
    let regions = regions(&pack);
    for (id, guidance) in questions(&pack) {
        if guidance.iter().any(|g| g == "working-together") {
            assert!(
                guidance.iter().any(|g| regions[g] == "wales"),
                "{id}: Working Together is England only; add the Wales Safeguarding Procedures"
            );
        }
    }
}

/// The app shows the first two items of a question's list that apply where
/// the partnership works. Every guidance item is shown to some partnership:
/// in England, in Wales, or one that has not said.
#[test]
fn every_guidance_item_is_shown_somewhere() {
    let pack = pack();
    let regions = regions(&pack);
    let mut shown = std::collections::BTreeSet::new();
    for nation in ["", "england", "wales"] {
        for (_, guidance) in questions(&pack) {
            let fits: Vec<&String> = guidance
                .iter()
                .filter(|g| nation.is_empty() || regions[*g] == "uk" || regions[*g] == nation)
                .take(2)
                .collect();
            shown.extend(fits.into_iter().cloned());
        }
    }
    let never: Vec<&String> = regions.keys().filter(|g| !shown.contains(*g)).collect();
    assert!(never.is_empty(), "guidance never shown: {never:?}");
}
