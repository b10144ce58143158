//! The packed form of a content pack (build/pack_gen.rs writes it at build
//! time, src/model/packed_shape.rs reads it): any pack reads back as the
//! same pack its JSON gives, and what cannot be packed is refused by name.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "../build/pack_gen.rs"]
mod pack_gen;

use common::{small_pack, to_json_value};
use ready_to_share::model::content::{
    Change, ContentPack, EarlierQuestion, BUILT_IN_PACK, BUILT_IN_PACKED,
};
use ready_to_share::model::pack_reader::{read_pack, unpack_pack};

fn round_trip(json: &str) -> Option<ContentPack> {
    unpack_pack(&pack_gen::pack(json).expect("packs"))
}

#[test]
fn the_built_in_pack_is_packed_by_the_build() {
    assert_eq!(
        pack_gen::pack(BUILT_IN_PACK).as_deref(),
        Ok(BUILT_IN_PACKED)
    );
    assert!(BUILT_IN_PACKED.len() < BUILT_IN_PACK.len() * 9 / 10);
}

#[test]
fn a_pack_reads_back_as_its_json_gives_it() {
    let mut pack = small_pack();
    pack.earlier_questions.push(EarlierQuestion {
        id: "gone".into(),
        version: "1.0.0".into(),
        text: "Quotes \" and \\ and\nnew lines, é and 🎉".into(),
        change: Change::Removed,
        replaced_by: "a1".into(),
        ..EarlierQuestion::default()
    });
    // A flag, both ways.
    pack.case_studies[0].national = true;
    pack.themes[1].questions[0].guidance.clear();
    pack.start.paragraphs = vec![String::new(), "second".into()];
    for json in [
        to_json_value(&pack).to_string(),
        serde_json::to_string_pretty(&pack).expect("prints"),
        BUILT_IN_PACK.to_string(),
        "{}".to_string(),
        "{\"themes\": [{\"questions\": [{}]}]}".to_string(),
    ] {
        let from_json = read_pack(&json).expect("the JSON reads");
        assert_eq!(round_trip(&json), Some(from_json), "{json}");
    }
}

#[test]
fn what_cannot_be_packed_is_refused_by_name() {
    for (json, problem) in [
        ("{\"title\": 1}", "/title: a content pack holds only texts"),
        (
            "{\"scale\": [\"a\", null]}",
            "/scale/1: a content pack holds only texts",
        ),
        (
            "{\"title\": \"a\\u0000b\"}",
            "/title: the text \"a\\0b\" cannot be packed",
        ),
        (
            "{\"title\": \"\\u0001a\"}",
            "/title: the text \"\\u{1}a\" cannot be packed",
        ),
        ("{\"title\": ", "this is not valid JSON: "),
    ] {
        let refused = pack_gen::pack(json).expect_err(json);
        assert!(refused.starts_with(problem), "{json}: {refused}");
    }
}

#[test]
fn packed_text_that_the_build_did_not_write_reads_as_nothing() {
    let packed = pack_gen::pack(BUILT_IN_PACK).expect("packs");
    for cut in [0, 10, packed.len() / 2, packed.len() - 1] {
        if packed.is_char_boundary(cut) {
            assert_eq!(unpack_pack(&packed[..cut]), None, "cut at {cut}");
        }
    }
    assert_eq!(unpack_pack(&format!("{packed}x")), None);
    // A key the pack does not have.
    assert_eq!(unpack_pack("colour\0\0\u{20}red\0\u{1}"), None);
    assert!(unpack_pack("title\0\0\u{20}T\0\u{1}").is_some());
    // A list ended as an object is.
    assert_eq!(unpack_pack("scale\0\0\u{20}a\0\u{1}\u{1}"), None);
    assert!(unpack_pack("scale\0\0\u{20}a\0\u{2}\u{1}").is_some());
}
