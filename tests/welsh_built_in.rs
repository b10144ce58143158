#![cfg(not(target_arch = "wasm32"))]
#![cfg(feature = "built-in-welsh")]
//! The build with Welsh built in (the first module of cy.html and of the
//! embed in Welsh): its words and questions are the Welsh tables, with the
//! wording of earlier versions from the English pack, and English is read
//! from its files when chosen, as Welsh is in the English build.
//!
//!   cargo test --no-default-features --features built-in-welsh --test welsh_built_in

use ready_to_share::model::content::ContentPack;
use ready_to_share::model::languages::{built_in, read_language};
use ready_to_share::model::locale::{Language, Locale, ENGLISH_LANGUAGE_NAV};
use serde_json::Value;

const ENGLISH_WORDS: &str = include_str!("../content/locale.en.json");
const WELSH_WORDS: &str = include_str!("../content/locale.cy.json");
const ENGLISH_PACK: &str = include_str!("../content/pack.en.json");
const WELSH_PACK: &str = include_str!("../content/pack.cy.json");

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("the table is JSON")
}

#[test]
fn the_built_in_words_are_the_welsh_table() {
    let welsh = json(WELSH_WORDS);
    let locale = Locale::built_in();
    assert_eq!(Language::BUILT_IN, Language::Welsh);
    assert_eq!(Language::default(), Language::Welsh);
    assert_eq!(locale.lang(), Language::Welsh);
    assert_eq!(locale.ui.start_button, welsh["ui"]["start_button"]);
    assert_eq!(locale.file.not_ours, welsh["file"]["not_ours"]);
    assert_eq!(
        locale.language_nav.english_failed,
        welsh["language_nav"]["english_failed"]
    );
    // Welsh's six plural forms, each its own (not English's two).
    let forms = &welsh["fields"]["left"];
    for (n, form) in [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (3, "few"),
        (6, "many"),
        (7, "other"),
    ] {
        assert_eq!(locale.plural(locale.fields.left, n), forms[form], "{form}");
    }
}

#[test]
fn english_language_switch_words_are_there_to_quote() {
    let english = json(ENGLISH_WORDS);
    assert_eq!(
        ENGLISH_LANGUAGE_NAV.draft_notice_heading,
        english["language_nav"]["draft_notice_heading"]
    );
    assert_eq!(
        ENGLISH_LANGUAGE_NAV.draft_notice_other_language,
        english["language_nav"]["draft_notice_other_language"]
    );
}

#[test]
fn the_built_in_questions_are_welsh_with_the_english_earlier_wording() {
    let english = ContentPack::parse("content/pack.en.json", ENGLISH_PACK).expect("sound");
    let mut welsh = ContentPack::parse("content/pack.cy.json", WELSH_PACK).expect("sound");
    welsh.earlier_questions = english.earlier_questions.clone();
    assert!(!welsh.earlier_questions.is_empty());
    assert_eq!(ContentPack::built_in(), welsh);
    assert_eq!(built_in().pack.themes[0].title, welsh.themes[0].title);
}

#[test]
fn english_is_read_from_its_files_when_chosen() {
    // As the loader sends it: the questions without the earlier wording.
    let mut pack = json(ENGLISH_PACK);
    pack.as_object_mut()
        .expect("an object")
        .remove("earlier_questions");
    let chosen =
        read_language(Language::English, ENGLISH_WORDS, &pack.to_string()).expect("English reads");
    let english = ContentPack::parse("content/pack.en.json", ENGLISH_PACK).expect("sound");
    assert_eq!(chosen.locale.lang(), Language::English);
    assert_eq!(
        chosen.locale.ui.start_button,
        json(ENGLISH_WORDS)["ui"]["start_button"]
    );
    assert_eq!(chosen.pack, english);
    // A Welsh table offered as English is refused.
    assert!(read_language(Language::English, WELSH_WORDS, &pack.to_string()).is_err());
}
