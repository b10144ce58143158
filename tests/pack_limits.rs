#![cfg(not(target_arch = "wasm32"))]
//! A partner pack over the size or question limit is refused before it is
//! parsed.

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
