#![cfg(not(target_arch = "wasm32"))]
//! The Welsh content pack is the English pack in other words: the same
//! questions in the same order, the same ids, levels, guidance and
//! addresses, so a file made in one language opens in the other and the
//! partnership view mixes them.

use ready_to_share::model::content::ContentPack;

const ENGLISH: &str = include_str!("../content/pack.en.json");
const WELSH: &str = include_str!("../content/pack.cy.json");

fn packs() -> (ContentPack, ContentPack) {
    let en =
        ContentPack::parse("content/pack.en.json", ENGLISH).expect("the English pack is sound");
    let cy = ContentPack::parse("content/pack.cy.json", WELSH).expect("the Welsh pack is sound");
    (en, cy)
}

#[test]
fn the_welsh_pack_is_the_same_pack_in_welsh() {
    let (en, cy) = packs();
    assert_eq!(cy.language, "cy");
    assert_eq!((&cy.id, &cy.version), (&en.id, &en.version));
    let ids = |p: &ContentPack| {
        p.themes
            .iter()
            .map(|t| {
                (
                    t.id.clone(),
                    t.questions
                        .iter()
                        .map(|q| (q.id.clone(), q.guidance.clone()))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&cy), ids(&en));
    let guides = |p: &ContentPack| {
        p.guidance
            .iter()
            .map(|g| (g.id.clone(), g.url.clone(), g.applies_in, g.themes.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(guides(&cy), guides(&en));
    let studies = |p: &ContentPack| {
        p.case_studies
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.url.clone(),
                    c.themes.clone(),
                    c.policy_areas.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(studies(&cy), studies(&en));
    assert_eq!(
        cy.earlier_questions, en.earlier_questions,
        "earlier wording was only ever English"
    );
}

#[test]
fn every_question_is_in_welsh() {
    let (en, cy) = packs();
    let mut same = Vec::new();
    for (te, tc) in en.themes.iter().zip(&cy.themes) {
        assert_ne!(te.title, tc.title);
        for (qe, qc) in te.questions.iter().zip(&tc.questions) {
            for (e, c) in [
                (&qe.text, &qc.text),
                (&qe.hint, &qc.hint),
                (&qe.act_if_1_or_2, &qc.act_if_1_or_2),
                (&qe.act_if_3, &qc.act_if_3),
                (&qe.act_if_4, &qc.act_if_4),
            ] {
                if e == c {
                    same.push(e.clone());
                }
            }
            for level in 1..=5 {
                if qe.levels.for_level(level) == qc.levels.for_level(level) {
                    same.push(qe.levels.for_level(level).to_string());
                }
            }
        }
    }
    assert_eq!(same, Vec::<String>::new(), "these are still in English");
    assert_eq!(
        cy.scale,
        [
            "Heb ddechrau",
            "Yn dechrau",
            "Yn datblygu",
            "Wedi sefydlu",
            "Wedi ymwreiddio"
        ]
    );
}

#[test]
fn welsh_reports_mark_links_to_english_only_pages_in_the_welsh_words() {
    use ready_to_share::model::assessment::{Assessment, Response};
    use ready_to_share::model::languages::read_language;
    use ready_to_share::model::locale::{Language, Locale};
    use ready_to_share::model::render::{html, SummaryReport};

    let words = include_str!("../content/locale.cy.json");
    let cy = read_language(Language::Welsh, words, WELSH).expect("Welsh reads");
    let mut answers = Assessment::new(&cy.pack, "2026-12-06T10:00:00Z");
    for question in cy.pack.themes.iter().flat_map(|t| &t.questions) {
        answers.set_response(&question.id, Some(Response::Level(1)));
    }
    let welsh = html::render(&SummaryReport::new(
        &cy.pack,
        &cy.locale,
        &answers,
        "6 Rhagfyr 2026",
    ));
    let marker = cy.locale.language_nav.english_only;
    assert_eq!(marker, "(Saesneg)");
    assert!(
        welsh.contains(&format!("</a> {marker} ")),
        "a marker after each English-only link"
    );

    let english = ContentPack::built_in();
    let english_html = html::render(&SummaryReport::new(
        &english,
        &Locale::english(),
        &answers,
        "6 December 2026",
    ));
    assert!(!english_html.contains(marker));
    assert!(!english_html.contains(Locale::english().language_nav.english_only));
}
