//! The locale table and its template filling.
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::content::ContentPack;
use ready_to_share::model::document::{words_of, Inline};
use ready_to_share::model::file::FileProblem;
use ready_to_share::model::locale::{fill, Language, Locale};
use ready_to_share::model::scoring::{Band, ThemeStatus};
use serde_json::{json, Value};

// The build step that turns the tables into Rust, tested here directly.
#[path = "../build/locale_gen.rs"]
mod locale_gen;

const ENGLISH: &str = include_str!("../content/locale.en.json");

fn english_value() -> Value {
    serde_json::from_str(ENGLISH).expect("the English locale is JSON")
}

/// Generates the tables for English and a second table (`cy`) made from
/// `welsh`: the problems, or none.
fn problems_with(welsh: &Value) -> Vec<String> {
    let json = welsh.to_string();
    let tables = [
        locale_gen::Table {
            code: "en",
            file: "content/locale.en.json",
            json: ENGLISH,
        },
        locale_gen::Table {
            code: "cy",
            file: "content/locale.cy.json",
            json: &json,
        },
    ];
    match locale_gen::generate(&tables, "en") {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
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
fn the_english_table_is_built_into_the_app() {
    let locale = Locale::english();
    assert_eq!(locale.language, "en-GB");
    let value = english_value();
    assert_eq!(locale.common.not_sure, value["common"]["not_sure"]);
    assert_eq!(locale.file.not_ours, value["file"]["not_ours"]);
    assert_eq!(
        locale.report.csv_headers.len(),
        value["report"]["csv_headers"].as_array().unwrap().len()
    );
    let source = locale_gen::generate(
        &[locale_gen::Table {
            code: "en",
            file: "content/locale.en.json",
            json: ENGLISH,
        }],
        "en",
    )
    .expect("the English table generates");
    assert!(source.contains("pub struct FileMessages"));
    assert!(source.contains("pub static BUILT_IN: Locale"));
}

#[test]
fn every_band_and_status_has_its_own_words() {
    let locale = Locale::english();
    let names: Vec<&str> = Band::ALL.iter().map(|b| locale.band(*b)).collect();
    assert_eq!(
        names,
        [
            locale.bands.starting_out,
            locale.bands.making_progress,
            locale.bands.well_on_the_way,
            locale.bands.ready_and_improving,
        ]
    );
    let means: Vec<&str> = Band::ALL.iter().map(|b| locale.band_means(*b)).collect();
    assert_eq!(
        means,
        [
            locale.bands.starting_out_means,
            locale.bands.making_progress_means,
            locale.bands.well_on_the_way_means,
            locale.bands.ready_and_improving_means,
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
            locale.statuses.not_started,
            locale.statuses.in_progress,
            locale.statuses.completed,
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

/// A second language's table must have every key of the English one; a
/// missing key is named, with its file.
#[test]
fn a_missing_key_in_another_table_is_named() {
    let english = welsh_value();
    assert!(
        problems_with(&english).is_empty(),
        "the Welsh table is a valid table"
    );
    let mut paths = Vec::new();
    key_paths(&english, &[], &mut paths);
    // A plural's forms are checked apart (each language needs its own).
    let plural_forms = ["zero", "one", "two", "few", "many", "other"];
    paths.retain(|p| !plural_forms.contains(&p.last().unwrap().as_str()));
    assert!(paths.len() > 60, "only {} keys", paths.len());
    for path in paths {
        let mut broken = english.clone();
        remove_path(&mut broken, &path);
        let problems = problems_with(&broken);
        let expected = format!(
            "content/locale.cy.json: key \"{}\" is missing",
            path.join(".")
        );
        assert!(
            problems.contains(&expected),
            "without {}: {problems:?}",
            path.join(".")
        );
    }
}

#[test]
fn an_unknown_key_in_another_table_is_named() {
    let mut broken = welsh_value();
    broken["report"]["colour_scheme"] = json!("dark");
    broken["extra_section"] = json!({});
    let problems = problems_with(&broken);
    assert!(problems.contains(
        &"content/locale.cy.json: key \"report.colour_scheme\" is not in the English table"
            .to_string()
    ));
    assert!(problems.contains(
        &"content/locale.cy.json: key \"extra_section\" is not in the English table".to_string()
    ));
}

#[test]
fn a_value_of_the_wrong_kind_is_named() {
    let mut broken = welsh_value();
    broken["common"]["not_sure"] = json!(3);
    broken["report"]["csv_headers"] = json!("Theme, Question");
    let problems = problems_with(&broken);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"common.not_sure\" must be text")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"report.csv_headers\" must be a list of text")),
        "{problems:?}"
    );
    let not_json = locale_gen::generate(
        &[locale_gen::Table {
            code: "en",
            file: "content/locale.en.json",
            json: "not json",
        }],
        "en",
    );
    assert!(
        not_json.is_err_and(|p| p[0].starts_with("content/locale.en.json: this is not valid JSON"))
    );
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
    let level = fill(locale.common.level_n, &[("n", "4")]);
    assert!(level.contains('4') && !level.contains('{'), "{level}");
    let title = fill(locale.report.title_for_area, &[("area", "Bath")]);
    assert!(title.ends_with("Bath") && !title.contains('{'), "{title}");
    let score = fill(locale.report.overall_score, &[("score", "52")]);
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

const WELSH: &str = include_str!("../content/locale.cy.json");

fn welsh_value() -> Value {
    serde_json::from_str(WELSH).expect("the Welsh locale is JSON")
}

/// The Welsh table as the app reads it when Welsh is chosen.
fn welsh_table() -> Locale {
    Locale::from_json(WELSH).expect("the Welsh table reads")
}

#[test]
fn the_english_table_read_at_run_time_is_the_one_built_in() {
    // Reading a table puts each string in its field by order; the English
    // table read that way must equal the built-in one field for field.
    assert_eq!(Locale::from_json(ENGLISH), Ok(Locale::english()));
}

#[test]
fn the_welsh_table_reads_with_each_string_in_its_place() {
    let cy = Locale::from_json(WELSH).expect("the Welsh table reads");
    assert_eq!(cy.lang(), Language::Welsh);
    assert_eq!(cy.language_nav.label, "Dewis iaith");
    assert_eq!(cy.common.months[2], "Mawrth");
    assert_eq!(cy.common.months[11], "Rhagfyr");
    assert_eq!(cy.common.product_name, "Ready to Share");
    assert_ne!(cy.ui, Locale::english().ui);
}

#[test]
fn a_table_with_a_string_too_many_or_too_few_is_refused() {
    let mut longer = welsh_value();
    longer["ui"]["an_extra_key"] = json!("Testun");
    assert!(Locale::from_json(&longer.to_string()).is_err());
    let mut shorter = welsh_value();
    shorter["ui"]
        .as_object_mut()
        .unwrap()
        .remove("start_button");
    assert!(Locale::from_json(&shorter.to_string()).is_err());
    assert!(Locale::from_json("not json").is_err());
}

#[test]
fn welsh_plural_forms_follow_the_cldr_rule_at_its_sample_numbers() {
    use ready_to_share::model::locale::PluralForm::*;
    // CLDR's Welsh cardinal samples: zero 0; one 1; two 2; few 3; many 6;
    // other 4, 5, 7 to 20, 100, 1000.
    let welsh = |n| Language::Welsh.plural_form(n);
    assert_eq!(welsh(0), Zero);
    assert_eq!(welsh(1), One);
    assert_eq!(welsh(2), Two);
    assert_eq!(welsh(3), Few);
    assert_eq!(welsh(6), Many);
    for n in [
        4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 100, 1000,
    ] {
        assert_eq!(welsh(n), Other, "{n}");
    }
    let english = |n| Language::English.plural_form(n);
    assert_eq!(english(1), One);
    for n in [0, 2, 3, 6, 100, 1000] {
        assert_eq!(english(n), Other, "{n}");
    }
}

#[test]
fn counts_take_the_form_their_number_needs_in_each_language() {
    let en = Locale::english();
    assert_eq!(
        en.character_count(99, 100).text,
        "You have 1 character remaining."
    );
    assert_eq!(
        en.character_count(98, 100).text,
        "You have 2 characters remaining."
    );
    let cy = Locale::from_json(WELSH).unwrap();
    let partners = |n: usize| {
        fill(
            cy.plural(cy.consensus.answer_count, n),
            &[("answer", "Yn datblygu"), ("count", &n.to_string())],
        )
    };
    assert_eq!(partners(2), "Yn datblygu: 2 bartner");
    assert_eq!(partners(3), "Yn datblygu: 3 phartner");
    assert_eq!(partners(4), "Yn datblygu: 4 partner");
}

#[test]
fn a_missing_or_empty_welsh_string_or_plural_form_fails_the_build() {
    let mut empty = welsh_value();
    empty["ui"]["start_button"] = json!("  ");
    assert!(problems_with(&empty)
        .iter()
        .any(|p| p.contains("\"ui.start_button\" is empty")));

    let mut missing_form = welsh_value();
    missing_form["consensus"]["answer_count"]
        .as_object_mut()
        .unwrap()
        .remove("few");
    assert!(problems_with(&missing_form)
        .iter()
        .any(|p| p.contains("\"consensus.answer_count\" needs its \"few\" form")));

    let mut wrong_placeholder = welsh_value();
    wrong_placeholder["ui"]["question_number"] = json!("Cwestiwn {n}");
    assert!(problems_with(&wrong_placeholder)
        .iter()
        .any(|p| p.contains("ui.question_number") && p.contains("placeholders")));

    let mut short_list = welsh_value();
    short_list["common"]["months"].as_array_mut().unwrap().pop();
    assert!(problems_with(&short_list)
        .iter()
        .any(|p| p.contains("common.months") && p.contains("12 items")));

    assert_eq!(problems_with(&welsh_value()), Vec::<String>::new());
}

/// A question's earlier wording exists only in English: quoted in a Welsh
/// message it is marked as English, and the message's words are the same
/// as the plain sentence's.
#[test]
fn an_earlier_wording_quoted_in_welsh_is_marked_as_english() {
    let welsh = welsh_table();
    let english = Locale::english();
    let pack = ContentPack::built_in();
    let earlier = "How was it asked before?";
    let problems = [
        FileProblem::RewordedQuestion {
            question_id: "q".into(),
            earlier: earlier.into(),
            now: "Sut mae'n cael ei ofyn nawr?".into(),
        },
        FileProblem::ChangedMeaning {
            question_id: "q".into(),
            question: earlier.into(),
            answered: Some("Partners share a little".into()),
        },
        FileProblem::UnknownQuestion {
            question_id: "q".into(),
            question: Some(earlier.into()),
            replacement: Some("Y cwestiwn newydd".into()),
        },
    ];
    for problem in &problems {
        let text = welsh.file_problem_text(&pack, problem);
        assert!(
            text.contains(&Inline::In(earlier.into(), "en")),
            "{problem:?}: {text:?}"
        );
        assert_eq!(words_of(&text), welsh.file_problem(problem));
        let in_english = english.file_problem_text(&pack, problem);
        assert!(
            !in_english.iter().any(|part| matches!(part, Inline::In(..))),
            "{in_english:?}"
        );
        assert_eq!(words_of(&in_english), english.file_problem(problem));
    }
    // The question that replaced it is in the new language: not marked.
    let replaced = welsh.file_problem_text(&pack, &problems[2]);
    assert!(
        replaced.contains(&Inline::Plain("Y cwestiwn newydd".into())),
        "{replaced:?}"
    );
    // Any other problem is the plain sentence.
    let other = FileProblem::NotOurs;
    assert_eq!(
        welsh.file_problem_text(&pack, &other),
        vec![Inline::Plain(welsh.file_problem(&other))]
    );
}

/// On a question page, what someone answered before the question's levels
/// changed meaning: the earlier level's wording, in English only, is marked
/// as English in Welsh.
#[test]
fn an_earlier_answer_in_welsh_marks_the_earlier_wording_as_english() {
    use ready_to_share::model::assessment::Response;
    use ready_to_share::model::content::Change;
    let welsh = welsh_table();
    let pack = ContentPack::built_in();
    let earlier = pack
        .earlier_questions
        .iter()
        .find(|e| e.change == Change::Meaning)
        .expect("the built-in pack has a question whose levels changed meaning");
    let wording = earlier.levels.for_level(2).to_string();
    let text = welsh
        .earlier_answer(&pack, &earlier.id, Some(Response::Level(2)))
        .expect("an earlier answer");
    assert!(
        text.contains(&Inline::In(wording.clone(), "en")),
        "{text:?}"
    );
    let in_english = Locale::english()
        .earlier_answer(&pack, &earlier.id, Some(Response::Level(2)))
        .expect("an earlier answer");
    assert!(
        in_english.contains(&Inline::Plain(wording)),
        "{in_english:?}"
    );
}

/// A question named in a sentence: the pack's wording, or for one it no
/// longer asks its earlier wording, marked as English in Welsh.
#[test]
fn a_question_the_pack_no_longer_asks_is_named_in_english_and_marked() {
    let welsh = welsh_table();
    let pack = ContentPack::built_in();
    let removed = pack
        .earlier_questions
        .iter()
        .find(|e| pack.question(&e.id).is_none())
        .expect("the built-in pack remembers a question it no longer asks");
    assert_eq!(
        welsh.question_in_sentence(&pack, &removed.id),
        Inline::In(removed.text.clone(), "en")
    );
    assert_eq!(
        Locale::english().question_in_sentence(&pack, &removed.id),
        Inline::Plain(removed.text.clone())
    );
    let (_, asked) = pack.questions().next().expect("a question");
    assert_eq!(
        welsh.question_in_sentence(&pack, &asked.id),
        Inline::Plain(asked.text.clone())
    );
    assert_eq!(
        welsh.question_in_sentence(&pack, "no-such-question"),
        Inline::Plain("no-such-question".into())
    );
}
