//! The locale table and its template filling.
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::content::ContentPack;
use ready_to_share::model::locale::{fill, Locale, ENGLISH};
use ready_to_share::model::scoring::{Band, ThemeStatus};
use serde_json::{json, Value};

fn english_value() -> Value {
    serde_json::from_str(ENGLISH).expect("the English locale is JSON")
}

/// Every object key in the table, as a path of keys.
fn key_paths(value: &Value, prefix: &[String], out: &mut Vec<Vec<String>>) {
    if let Value::Object(map) = value {
        for (key, child) in map {
            let mut path = prefix.to_vec();
            path.push(key.clone());
            out.push(path.clone());
            key_paths(child, &path, out);
        }
    }
}

fn remove_path(value: &mut Value, path: &[String]) {
    let (last, parents) = path.split_last().expect("a non-empty path");
    let mut node = value;
    for key in parents {
        node = node.get_mut(key).expect("the parent exists");
    }
    node.as_object_mut()
        .expect("an object")
        .remove(last)
        .expect("the key exists");
}

#[test]
fn the_english_table_parses() {
    let locale = Locale::english();
    assert_eq!(locale.language, "en-GB");
    assert_eq!(Locale::parse(ENGLISH), Ok(locale));
}

#[test]
fn every_band_and_status_has_its_own_words() {
    let locale = Locale::english();
    let names: Vec<&str> = Band::ALL.iter().map(|b| locale.band(*b)).collect();
    assert_eq!(
        names,
        [
            locale.bands.starting_out.as_str(),
            locale.bands.making_progress.as_str(),
            locale.bands.well_on_the_way.as_str(),
            locale.bands.ready_and_improving.as_str(),
        ]
    );
    let means: Vec<&str> = Band::ALL.iter().map(|b| locale.band_means(*b)).collect();
    assert_eq!(
        means,
        [
            locale.bands.starting_out_means.as_str(),
            locale.bands.making_progress_means.as_str(),
            locale.bands.well_on_the_way_means.as_str(),
            locale.bands.ready_and_improving_means.as_str(),
        ]
    );
    let statuses: Vec<&str> = [
        ThemeStatus::NotStarted,
        ThemeStatus::InProgress,
        ThemeStatus::Completed,
    ]
    .iter()
    .map(|s| locale.status(*s))
    .collect();
    assert_eq!(
        statuses,
        [
            locale.statuses.not_started.as_str(),
            locale.statuses.in_progress.as_str(),
            locale.statuses.completed.as_str(),
        ]
    );
    for words in names.iter().chain(&means).chain(&statuses) {
        assert!(!words.trim().is_empty());
    }
    let mut distinct: Vec<&str> = names.iter().chain(&statuses).copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 7, "band and status names are distinct");
}

#[test]
fn no_band_reuses_a_level_label() {
    let locale = Locale::english();
    let names: Vec<&str> = Band::ALL.iter().map(|b| locale.band(*b)).collect();
    // An area answering "Emerging" everywhere must not be told its band is
    // "Developing": no band is named like a level.
    let pack = ContentPack::built_in();
    for band in names {
        for label in &pack.scale {
            assert!(
                !band.eq_ignore_ascii_case(label.trim()),
                "the band {band:?} reuses the level label {label:?}"
            );
        }
    }
}

#[test]
fn every_string_in_the_english_table_is_filled_in() {
    fn walk(value: &Value, path: &str) {
        match value {
            Value::String(s) => assert!(!s.trim().is_empty(), "{path} is empty"),
            Value::Array(items) => {
                assert!(!items.is_empty(), "{path} is empty");
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"));
                }
            }
            Value::Object(map) => {
                for (key, child) in map {
                    walk(child, &format!("{path}.{key}"));
                }
            }
            other => panic!("{path} is {other}, not text"),
        }
    }
    walk(&english_value(), "locale");
}

#[test]
fn a_missing_key_fails_to_parse_naming_the_key() {
    let english = english_value();
    let mut paths = Vec::new();
    key_paths(&english, &[], &mut paths);
    assert!(paths.len() > 60, "only {} keys", paths.len());
    for path in paths {
        let mut broken = english.clone();
        remove_path(&mut broken, &path);
        let key = path.last().unwrap();
        match Locale::parse(&broken.to_string()) {
            Ok(_) => panic!("the locale parsed without {}", path.join(".")),
            Err(message) => assert!(
                message.contains(&format!("missing field `{key}`")),
                "without {}: {message}",
                path.join(".")
            ),
        }
    }
}

#[test]
fn an_unknown_key_fails_to_parse_naming_the_key() {
    let mut broken = english_value();
    broken["report"]["colour_scheme"] = json!("dark");
    let message = Locale::parse(&broken.to_string()).expect_err("an unknown key is refused");
    assert!(
        message.contains("unknown field `colour_scheme`"),
        "{message}"
    );

    let mut broken = english_value();
    broken["extra_section"] = json!({});
    let message = Locale::parse(&broken.to_string()).expect_err("an unknown key is refused");
    assert!(
        message.contains("unknown field `extra_section`"),
        "{message}"
    );
}

#[test]
fn a_value_of_the_wrong_type_fails_to_parse() {
    let mut broken = english_value();
    broken["common"]["not_sure"] = json!(3);
    assert!(Locale::parse(&broken.to_string()).is_err());
    let mut broken = english_value();
    broken["report"]["csv_headers"] = json!("Theme, Question");
    assert!(Locale::parse(&broken.to_string()).is_err());
    assert!(Locale::parse("not json").is_err());
    assert!(Locale::parse("").is_err());
}

#[test]
fn fill_replaces_placeholders() {
    assert_eq!(fill("Level {n}", &[("n", "3")]), "Level 3");
    assert_eq!(
        fill(
            "Because you answered \"{level}\" to: {question}",
            &[("level", "Emerging"), ("question", "Who decides?")]
        ),
        "Because you answered \"Emerging\" to: Who decides?"
    );
    // Order of the values does not matter.
    assert_eq!(
        fill("{a}-{b}", &[("b", "2"), ("a", "1")]),
        fill("{a}-{b}", &[("a", "1"), ("b", "2")])
    );
    assert_eq!(fill("{a}-{b}", &[("b", "2"), ("a", "1")]), "1-2");
}

#[test]
fn fill_replaces_every_occurrence() {
    assert_eq!(fill("{x}, {x} and {x}", &[("x", "ha")]), "ha, ha and ha");
}

#[test]
fn fill_leaves_other_text_alone() {
    assert_eq!(fill("No placeholders.", &[("x", "1")]), "No placeholders.");
    assert_eq!(fill("{unknown} stays", &[("x", "1")]), "{unknown} stays");
    assert_eq!(fill("{x}", &[]), "{x}");
    assert_eq!(fill("", &[("x", "1")]), "");
    // Only the braced name is a placeholder.
    assert_eq!(fill("x {x} {{x}} {x", &[("x", "y")]), "x y {y} {x");
}

#[test]
fn fill_inserts_values_as_they_are() {
    assert_eq!(
        fill("Area: {area}", &[("area", "<b>Bath & \"NES\"</b>")]),
        "Area: <b>Bath & \"NES\"</b>"
    );
    assert_eq!(fill("[{v}]", &[("v", "")]), "[]");
    assert_eq!(fill("{v}", &[("v", "🎉\n日本")]), "🎉\n日本");
}

#[test]
fn english_templates_fill_with_their_placeholders() {
    let locale = Locale::english();
    let level = fill(&locale.common.level_n, &[("n", "4")]);
    assert!(level.contains('4') && !level.contains('{'), "{level}");
    let title = fill(&locale.report.title_for_area, &[("area", "Bath")]);
    assert!(title.ends_with("Bath") && !title.contains('{'), "{title}");
    let score = fill(&locale.report.overall_score, &[("score", "52")]);
    assert!(score.contains("52") && !score.contains('{'), "{score}");
}

#[test]
fn dates_are_written_in_words_from_the_table() {
    let locale = Locale::english();
    assert_eq!(locale.date_in_words(2026, 11, 22), "22 November 2026");
    assert_eq!(locale.date_in_words(2027, 1, 1), "1 January 2027");
    assert_eq!(
        locale.date_in_words(2027, 13, 1),
        "1 13 2027",
        "an impossible month stays a number"
    );
    assert_eq!(locale.common.months.len(), 12);
}
