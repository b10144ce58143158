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
fn built_in_pack_has_its_themes_in_order() {
    let pack = pack();
    let ids: Vec<&str> = pack.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "purpose",
            "governance",
            "safeguarding",
            "data",
            "security",
            "culture",
            "people"
        ],
        "themes in their intended order"
    );
    assert_eq!(pack.version, "3.0.0");
}

/// Themes count equally, so a question in a small theme weighs more in the
/// overall score. No question may weigh much more than another: at most a
/// fifth more (7 questions against 6 is 2.38% against 2.04%).
#[test]
fn no_question_weighs_much_more_than_another() {
    let pack = pack();
    let themes = pack.themes.len();
    let sizes: Vec<usize> = pack.themes.iter().map(|t| t.questions.len()).collect();
    let smallest = *sizes.iter().min().unwrap();
    let largest = *sizes.iter().max().unwrap();
    // The weight of one question is 1 / (themes × questions in its theme).
    let heaviest = 1.0 / (themes * smallest) as f64;
    let lightest = 1.0 / (themes * largest) as f64;
    assert!(
        heaviest / lightest <= 1.2,
        "theme sizes {sizes:?} give one question {:.2}% and another {:.2}%",
        heaviest * 100.0,
        lightest * 100.0
    );
    assert!(pack.question_count() >= 40);
}

/// Every level of every question has its own next step: three different
/// actions, none empty.
#[test]
fn every_question_has_a_distinct_action_for_each_level() {
    let pack = pack();
    for (_, q) in pack.questions() {
        let actions: Vec<&str> = [1, 3, 4]
            .iter()
            .map(|level| q.action_for(*level).unwrap_or(""))
            .collect();
        assert!(
            actions.iter().all(|a| !a.trim().is_empty()),
            "{}: an action is missing",
            q.id
        );
        assert!(
            actions[0] != actions[1] && actions[1] != actions[2] && actions[0] != actions[2],
            "{}: the actions for levels 1-2, 3 and 4 must differ",
            q.id
        );
        assert!(q.action_for(2) == q.action_for(1));
        assert!(
            q.action_for(5).is_none(),
            "{}: level 5 needs no action",
            q.id
        );
        assert!(
            q.act_if_3_or_4.is_empty(),
            "{}: the built-in pack gives levels 3 and 4 an action each",
            q.id
        );
    }
}

/// Traceability: every question names where it comes from, and links the
/// one or two guidance items most relevant to it.
#[test]
fn every_question_has_a_source_and_guidance() {
    let pack = pack();
    for (_, q) in pack.questions() {
        assert!(
            q.source.trim().len() > 10,
            "{}: name the source post or guidance the question comes from",
            q.id
        );
        // The app shows the first items that apply where the partnership
        // works, so a question may list more than two (see tests/guidance_regions.rs).
        assert!(
            !q.guidance.is_empty(),
            "{}: link at least one guidance item",
            q.id
        );
        for id in &q.guidance {
            assert!(pack.guide(id).is_some(), "{}: unknown guidance {id}", q.id);
        }
    }
    for guide in &pack.guidance {
        assert!(
            !guide.publisher.trim().is_empty(),
            "{}: publisher",
            guide.id
        );
        assert!(
            !guide.published.trim().is_empty(),
            "{}: published",
            guide.id
        );
        assert!(
            pack.questions()
                .any(|(_, q)| q.guidance.contains(&guide.id)),
            "guidance {} is never linked from a question",
            guide.id
        );
    }
}

/// A file saved with pack 1.0.0 or 2.0.0 can be told, in words, what
/// changed: every question whose text or levels changed since that version
/// has an entry for it, with the wording and levels people answered.
#[test]
fn every_change_since_1_0_0_and_2_0_0_is_listed() {
    use ready_to_share::model::content::Change;
    let pack = pack();
    for (version, text) in [
        ("1.0.0", include_str!("fixtures/pack-1.0.0.json")),
        ("2.0.0", include_str!("fixtures/pack-2.0.0.json")),
    ] {
        let old = ContentPack::parse(version, text).expect("the old pack still reads");
        for (_, q) in old.questions() {
            // The first later version in which it changed is listed at this version.
            let entry = pack
                .earlier_questions
                .iter()
                .find(|e| e.id == q.id && e.version == version);
            let next_version_same = match version {
                "1.0.0" => {
                    let two = ContentPack::parse("2.0.0", include_str!("fixtures/pack-2.0.0.json"))
                        .unwrap();
                    two.question(&q.id)
                        .map(|(_, n)| n.text == q.text && n.levels == q.levels)
                }
                _ => pack
                    .question(&q.id)
                    .map(|(_, n)| n.text == q.text && n.levels == q.levels),
            };
            match next_version_same {
                Some(true) => assert!(entry.is_none(), "{} did not change after {version}", q.id),
                Some(false) | None => {
                    let entry = entry.unwrap_or_else(|| {
                        panic!("{} changed after {version}: list its {version} wording in earlier_questions", q.id)
                    });
                    assert_eq!(entry.text, q.text, "{} at {version}", q.id);
                    if entry.change == Change::Meaning || !entry.levels.is_empty() {
                        assert_eq!(entry.levels, q.levels, "{}: the {version} levels", q.id);
                    }
                }
            }
        }
    }
}

/// The review's five changes of meaning from 1.0.0 to 2.0.0 are listed as such.
#[test]
fn the_five_changes_of_meaning_in_2_0_0_are_listed() {
    use ready_to_share::model::content::Change;
    let pack = pack();
    for id in [
        "data-systems",
        "data-quality",
        "data-overlap",
        "culture-stories",
        "purpose-what-information",
    ] {
        assert!(
            pack.earlier_questions
                .iter()
                .any(|e| e.id == id && e.version == "1.0.0" && e.change == Change::Meaning),
            "{id}: its 1.0.0 levels meant something else"
        );
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

/// Every theme leads somewhere: a case study, or at least two guidance
/// items where no published case study fits (no case study in the list is
/// about keeping shared information safe).
#[test]
fn every_theme_has_a_case_study_or_guidance() {
    let pack = pack();
    for theme in &pack.themes {
        let studies = pack
            .case_studies
            .iter()
            .filter(|c| c.themes.contains(&theme.id))
            .count();
        let guides = pack
            .guidance
            .iter()
            .filter(|g| g.themes.contains(&theme.id))
            .count();
        assert!(
            studies >= 1 || guides >= 2,
            "theme {} has {studies} case studies and {guides} guidance items",
            theme.id
        );
    }
}

/// The app carries the pack in the packed form build.rs writes; it must be
/// exactly the pack its JSON gives (which the tests above check).
#[test]
fn the_packed_built_in_pack_is_the_json_pack() {
    assert_eq!(ContentPack::built_in(), pack());
}
