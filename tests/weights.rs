#![cfg(not(target_arch = "wasm32"))]
//! No question weighs more than 2.5% of the overall score. The weight is
//! worked out here from the rules README.md states under "How the score is
//! worked out", not by calling the app's scoring code:
//! - a theme's score is the mean of its answered questions;
//! - the overall score is the mean of the theme scores, each theme counting
//!   the same.
//!
//! So with every question answered, a question in a theme of n questions,
//! among t themes, weighs exactly 1 / (t × n) of the overall score.

use serde_json::Value;

const PACK: &str = include_str!("../content/pack.en.json");
const README: &str = include_str!("../README.md");
/// 2.5%, as a fraction: 1 / 40.
const CEILING_DENOMINATOR: usize = 40;

/// The README section the rules come from.
fn scoring_rules() -> String {
    let start = README
        .find("### How the score is worked out")
        .expect("README has \"How the score is worked out\"");
    let rest = &README[start..];
    let end = rest[4..].find("\n#").map_or(rest.len(), |e| e + 4);
    rest[..end].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Questions in each theme, in pack order, read from the JSON.
fn theme_sizes() -> Vec<(String, usize)> {
    let pack: Value = serde_json::from_str(PACK).expect("the pack is JSON");
    pack["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap_or("").to_string(),
                t["questions"].as_array().map_or(0, Vec::len),
            )
        })
        .collect()
}

#[test]
fn the_readme_still_states_the_rules_this_test_uses() {
    let rules = scoring_rules();
    for rule in [
        "A theme's score is the mean of its answered questions.",
        "The overall score is the mean of the theme scores, each theme counting the same.",
    ] {
        assert!(
            rules.contains(rule),
            "README no longer says \"{rule}\": work the weights out again"
        );
    }
}

#[test]
fn no_question_weighs_more_than_2_5_percent() {
    let sizes = theme_sizes();
    let themes = sizes.len();
    for (id, n) in &sizes {
        assert!(*n > 0, "theme {id} has no questions");
        // 1 / (themes × n) <= 1 / 40, in whole numbers.
        assert!(
            themes * n >= CEILING_DENOMINATOR,
            "a question in theme {id} ({n} of {themes} themes) weighs {:.2}%, over 2.5%",
            100.0 / (themes * n) as f64
        );
    }
}

/// The weights the README quotes match the pack: 7 themes of 7 or 8
/// questions, 1.8% to 2.0%.
#[test]
fn the_readme_quotes_the_real_weights() {
    let sizes = theme_sizes();
    let themes = sizes.len();
    let largest = sizes.iter().map(|(_, n)| *n).max().unwrap();
    let smallest = sizes.iter().map(|(_, n)| *n).min().unwrap();
    let heaviest = 100.0 / (themes * smallest) as f64;
    let lightest = 100.0 / (themes * largest) as f64;
    let rules = scoring_rules();
    let quoted = format!(
        "With {smallest} or {largest} questions in each of the {themes} themes, one question weighs between {lightest:.1}% and {heaviest:.1}%"
    );
    assert!(rules.contains(&quoted), "README should say: {quoted}");
}
