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

/// A file saved with pack 1.0.0 can be told, in words, what changed.
#[test]
fn every_question_of_version_1_is_kept_or_explained() {
    let pack = pack();
    let old = ContentPack::parse(
        "tests/fixtures/pack-1.0.0.json",
        include_str!("fixtures/pack-1.0.0.json"),
    )
    .expect("the 1.0.0 pack still reads");
    for (_, q) in old.questions() {
        match pack.question(&q.id) {
            Some((_, now)) if now.text == q.text => {}
            Some(_) => {
                let earlier = pack.earlier_question(&q.id);
                assert!(
                    earlier.is_some_and(|e| e.text == q.text),
                    "{} was reworded: list its 1.0.0 wording in earlier_questions",
                    q.id
                );
            }
            None => {
                let earlier = pack.earlier_question(&q.id);
                assert!(
                    earlier.is_some_and(|e| e.text == q.text),
                    "{} was removed: list its 1.0.0 wording in earlier_questions",
                    q.id
                );
            }
        }
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
