#![cfg(not(target_arch = "wasm32"))]
//! A partner pack over the size or question limit is refused before it is
//! parsed.

use ready_to_share::model::content::ContentPack;
use ready_to_share::model::locale::Locale;
use ready_to_share::model::pack_limits::{
    check_pack_limits, PackLimit, MAX_PACK_BYTES, MAX_PACK_QUESTIONS,
};

const BUILT_IN: &str = include_str!("../content/pack.en.json");

fn questions(n: usize) -> String {
    let one = r#"{"id":"q","text":"T","hint":"H","levels":{"a":"1"}}"#;
    format!("[{}]", vec![one; n].join(","))
}

#[test]
fn the_built_in_pack_is_within_the_limits() {
    assert_eq!(check_pack_limits(BUILT_IN), Ok(()));
}

#[test]
fn a_pack_one_byte_over_the_size_limit_is_refused() {
    let at_limit = " ".repeat(MAX_PACK_BYTES);
    assert_eq!(check_pack_limits(&at_limit), Ok(()));
    let over = " ".repeat(MAX_PACK_BYTES + 1);
    assert_eq!(
        check_pack_limits(&over),
        Err(PackLimit::TooLarge {
            bytes: MAX_PACK_BYTES + 1
        })
    );
}

#[test]
fn a_pack_with_one_question_too_many_is_refused() {
    assert_eq!(check_pack_limits(&questions(MAX_PACK_QUESTIONS)), Ok(()));
    assert_eq!(
        check_pack_limits(&questions(MAX_PACK_QUESTIONS + 1)),
        Err(PackLimit::TooManyQuestions {
            questions: MAX_PACK_QUESTIONS + 1
        })
    );
}

#[test]
fn the_word_levels_inside_text_is_not_counted_as_a_question() {
    let text = format!(
        r#"{{"hint":"{}"}}"#,
        r#"the \"levels\": are described below "#.repeat(MAX_PACK_QUESTIONS + 5)
    );
    assert_eq!(check_pack_limits(&text), Ok(()));
}

#[test]
fn a_partner_pack_has_one_way_in_that_checks_limits_then_content() {
    let locale = Locale::english();
    let source = "https://partner.example/pack.json";
    let built_in = include_str!("../content/pack.en.json");

    let pack =
        ContentPack::load_partner(source, Ok(built_in), &locale).expect("a sound pack loads");
    assert_eq!(pack.id, "ready-to-share-core");

    let huge = format!("{built_in}{}", " ".repeat(600 * 1024));
    let problems = ContentPack::load_partner(source, Ok(&huge), &locale).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with(source), "{problems:?}");
    assert!(
        problems[0].contains("512"),
        "the limit in KB is named: {problems:?}"
    );

    let problems =
        ContentPack::load_partner(source, Err("the server answered 404"), &locale).unwrap_err();
    assert_eq!(problems, vec![format!("{source}: the server answered 404")]);

    let broken = built_in.replacen("\"title\": \"Ready to Share\",", "\"title\": \"\",", 1);
    let problems = ContentPack::load_partner(source, Ok(&broken), &locale).unwrap_err();
    assert!(problems.iter().any(|p| p.contains("title")), "{problems:?}");
}
