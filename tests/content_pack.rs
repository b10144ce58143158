//! The built-in content pack is sound and meets the product's promises.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::content::{ContentPack, BUILT_IN_PACK, BUILT_IN_PACK_NAME};

fn pack() -> ContentPack {
    match ContentPack::parse(BUILT_IN_PACK_NAME, BUILT_IN_PACK) {
        Ok(pack) => pack,
        Err(errors) => {
            let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("the built-in pack has errors:\n{}", listed.join("\n"));
        }
    }
}

#[test]
fn built_in_pack_has_no_errors() {
    pack();
}

#[test]
fn built_in_pack_has_the_five_themes_with_enough_questions() {
    let pack = pack();
    let ids: Vec<&str> = pack.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        ["purpose", "governance", "data", "culture", "people"],
        "themes in their intended order"
    );
    for theme in &pack.themes {
        assert!(
            theme.questions.len() >= 5,
            "theme {} has only {} questions",
            theme.id,
            theme.questions.len()
        );
    }
    assert!(pack.question_count() >= 25);
    // Governance, data quality and culture are the heart of it.
    let purpose = pack.theme("purpose").unwrap().questions.len();
    for heart in ["governance", "data", "culture"] {
        assert!(pack.theme(heart).unwrap().questions.len() >= purpose);
    }
}

#[test]
fn built_in_pack_has_the_policy_areas_from_the_design() {
    let pack = pack();
    let ids: Vec<&str> = pack.policy_areas.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "health-social-care",
            "families-children",
            "welfare-employment",
            "community-safety",
            "transformation",
            "other"
        ]
    );
}

/// Links may only go to addresses verified in the shared research list.
#[test]
fn every_link_is_a_verified_address() {
    let pack = pack();
    let verified = include_str!("../content/verified-addresses.txt");
    let allowed: Vec<&str> = verified
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let urls = pack
        .case_studies
        .iter()
        .map(|c| &c.url)
        .chain(pack.guidance.iter().map(|g| &g.url));
    let mut count = 0;
    for url in urls {
        count += 1;
        assert!(
            allowed.contains(&url.as_str()),
            "{url} is not in content/verified-addresses.txt"
        );
    }
    assert!(
        count >= 10,
        "the pack links to only {count} case studies and guides"
    );
}

#[test]
fn every_theme_has_a_case_study() {
    let pack = pack();
    for theme in &pack.themes {
        assert!(
            pack.case_studies
                .iter()
                .any(|c| c.themes.contains(&theme.id)),
            "no case study illustrates theme {}",
            theme.id
        );
    }
}
