//! ContentPack::check and ContentPack::parse: every broken rule is reported,
//! naming the file, the item and the field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{case_study, guidance, small_pack, theme, to_json_value, FILE};
use ready_to_share::model::content::{ContentError, ContentPack};
use serde_json::{json, Value};

fn error(item: &str, field: &str, problem: &str) -> ContentError {
    ContentError {
        file: FILE.to_string(),
        item: item.to_string(),
        field: field.to_string(),
        problem: problem.to_string(),
    }
}

/// Parses the pack from JSON text, as a partner's pack would be read.
fn parse_value(value: &Value) -> Result<ContentPack, Vec<ContentError>> {
    ContentPack::parse(FILE, &value.to_string())
}

fn parse_errors(value: &Value) -> Vec<ContentError> {
    match parse_value(value) {
        Ok(_) => panic!("the broken pack parsed without errors"),
        Err(errors) => errors,
    }
}

/// Removes the field at a JSON pointer such as `/themes/0/title`.
fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a slash");
    let object = value
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {parent}"));
    assert!(
        object.remove(key).is_some(),
        "nothing to remove at {pointer}"
    );
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("nothing at {pointer}")) = new;
}

#[test]
fn a_valid_pack_has_no_errors() {
    let pack = small_pack();
    assert_eq!(pack.check(FILE), Vec::<ContentError>::new());
    let parsed = parse_value(&to_json_value(&pack)).expect("the valid pack parses");
    assert_eq!(parsed, pack);
}

#[test]
fn a_minimal_pack_with_omitted_optional_fields_parses() {
    let text = r#"{
        "id": "p", "version": "1", "language": "cy", "title": "T",
        "start": { "heading": "H" },
        "scale": ["1", "2", "3", "4", "5"],
        "themes": [{ "id": "t", "title": "T", "description": "D", "questions": [{
            "id": "q", "text": "Q?", "hint": "H",
            "levels": { "not_started": "a", "emerging": "b", "developing": "c",
                        "established": "d", "embedded": "e" },
            "act_if_1_or_2": "x", "act_if_3_or_4": "y" }] }]
    }"#;
    let pack = ContentPack::parse(FILE, text).expect("a minimal pack parses");
    assert_eq!(pack.question_count(), 1);
    assert!(pack.case_studies.is_empty() && pack.guidance.is_empty());
    assert!(pack.policy_areas.is_empty());
}

#[test]
fn an_empty_level_descriptor_names_the_question_and_the_level_field() {
    let mut pack = small_pack();
    pack.themes[1].questions[0].levels.established = String::new();
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "theme \"beta\", question \"b1\"",
            "levels.established",
            "the descriptor for level 4 is missing"
        )]
    );
}

#[test]
fn every_missing_level_descriptor_is_reported_with_its_level() {
    let fields = [
        "not_started",
        "emerging",
        "developing",
        "established",
        "embedded",
    ];
    for (i, field) in fields.iter().enumerate() {
        let mut value = to_json_value(&small_pack());
        remove(&mut value, &format!("/themes/0/questions/1/levels/{field}"));
        let errors = parse_errors(&value);
        assert_eq!(
            errors,
            vec![error(
                "theme \"alpha\", question \"a2\"",
                &format!("levels.{field}"),
                &format!("the descriptor for level {} is missing", i + 1)
            )],
            "removing levels.{field}"
        );
    }
    // Only white space counts as missing too.
    let mut pack = small_pack();
    pack.themes[2].questions[0].levels.embedded = " \n\t ".to_string();
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "theme \"gamma\", question \"c1\"",
            "levels.embedded",
            "the descriptor for level 5 is missing"
        )]
    );
}

#[test]
fn a_question_with_no_levels_object_reports_all_five() {
    let mut value = to_json_value(&small_pack());
    remove(&mut value, "/themes/2/questions/0/levels");
    let errors = parse_errors(&value);
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "levels.not_started",
            "levels.emerging",
            "levels.developing",
            "levels.established",
            "levels.embedded"
        ]
    );
    assert!(errors
        .iter()
        .all(|e| e.item == "theme \"gamma\", question \"c1\"" && e.file == FILE));
}

#[test]
fn a_duplicate_question_id_is_reported_even_across_themes() {
    let mut pack = small_pack();
    pack.themes[1].questions[1].id = "a1".to_string();
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "theme \"beta\", question \"a1\"",
            "id",
            "\"a1\" is used more than once"
        )]
    );

    let mut pack = small_pack();
    pack.themes[1].questions[2].id = "b1".to_string();
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "theme \"beta\", question \"b1\"",
            "id",
            "\"b1\" is used more than once"
        )]
    );
}

#[test]
fn a_duplicate_theme_id_is_reported() {
    let mut pack = small_pack();
    pack.themes[2].id = "alpha".to_string();
    // case-two illustrates "gamma", which no longer exists.
    assert_eq!(
        pack.check(FILE),
        vec![
            error("theme \"alpha\"", "id", "\"alpha\" is used more than once"),
            error(
                "case study \"case-two\"",
                "themes",
                "\"gamma\" is not defined in the pack"
            ),
        ]
    );
}

#[test]
fn duplicate_policy_area_case_study_and_guidance_ids_are_reported() {
    let mut pack = small_pack();
    pack.policy_areas[2].id = "health".to_string();
    pack.case_studies[1].id = "case-one".to_string();
    pack.guidance.push(guidance("guide-one", &["beta"]));
    assert_eq!(
        pack.check(FILE),
        vec![
            error(
                "policy area \"health\"",
                "id",
                "\"health\" is used more than once"
            ),
            error(
                "case study \"case-one\"",
                "id",
                "\"case-one\" is used more than once"
            ),
            error(
                "guidance \"guide-one\"",
                "id",
                "\"guide-one\" is used more than once"
            ),
        ]
    );
}

#[test]
fn ids_with_upper_case_spaces_or_other_characters_are_refused() {
    const PROBLEM: &str = "may use only lower-case letters, digits and hyphens";
    for bad in [
        "Alpha",
        "has space",
        "under_score",
        "dotted.id",
        "caf\u{e9}",
        " alpha",
        "ALPHA",
    ] {
        let mut pack = small_pack();
        pack.themes[0].questions[0].id = bad.to_string();
        assert_eq!(
            pack.check(FILE),
            vec![error(
                &format!("theme \"alpha\", question \"{bad}\""),
                "id",
                PROBLEM
            )],
            "question id {bad:?}"
        );
    }

    let mut pack = small_pack();
    pack.themes[2].id = "Gamma Theme".to_string();
    pack.case_studies[1].themes = vec!["beta".to_string()];
    assert_eq!(
        pack.check(FILE),
        vec![error("theme \"Gamma Theme\"", "id", PROBLEM)]
    );

    let mut pack = small_pack();
    pack.policy_areas[1].id = "Safety".to_string();
    pack.case_studies[0].id = "Case One".to_string();
    pack.guidance[0].id = "guide_one".to_string();
    assert_eq!(
        pack.check(FILE),
        vec![
            error("policy area \"Safety\"", "id", PROBLEM),
            error("case study \"Case One\"", "id", PROBLEM),
            error("guidance \"guide_one\"", "id", PROBLEM),
        ]
    );
}

#[test]
fn well_formed_ids_with_digits_and_hyphens_are_accepted() {
    let mut pack = small_pack();
    pack.themes[0].questions[0].id = "q-1-2024".to_string();
    pack.themes[0].id = "2nd-theme".to_string();
    pack.case_studies[0].themes = vec!["2nd-theme".to_string()];
    pack.guidance[0].themes = vec!["2nd-theme".to_string()];
    assert_eq!(pack.check(FILE), Vec::<ContentError>::new());
}

#[test]
fn a_missing_id_is_named_by_position() {
    let mut pack = small_pack();
    pack.themes[0].questions[1].id = "  ".to_string();
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "theme \"alpha\", question number 2",
            "id",
            "is missing or empty"
        )]
    );

    let mut value = to_json_value(&small_pack());
    remove(&mut value, "/case_studies/1/id");
    assert_eq!(
        parse_errors(&value),
        vec![error("case study number 2", "id", "is missing or empty")]
    );
}

#[test]
fn a_case_study_with_an_unknown_theme_is_reported() {
    let mut pack = small_pack();
    pack.case_studies[0].themes = vec!["alpha".to_string(), "delta".to_string()];
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "case study \"case-one\"",
            "themes",
            "\"delta\" is not defined in the pack"
        )]
    );
}

#[test]
fn a_case_study_with_no_theme_is_reported() {
    let mut pack = small_pack();
    pack.case_studies[1].themes.clear();
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "case study \"case-two\"",
            "themes",
            "needs at least one theme"
        )]
    );
}

#[test]
fn a_case_study_with_an_unknown_policy_area_is_reported() {
    let mut pack = small_pack();
    pack.case_studies[1].policy_areas = vec!["safety".to_string(), "education".to_string()];
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "case study \"case-two\"",
            "policy_areas",
            "\"education\" is not defined in the pack"
        )]
    );
}

#[test]
fn guidance_with_an_unknown_theme_is_reported() {
    let mut pack = small_pack();
    pack.guidance[0].themes = vec!["omega".to_string()];
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "guidance \"guide-one\"",
            "themes",
            "\"omega\" is not defined in the pack"
        )]
    );
}

#[test]
fn addresses_that_are_not_http_or_https_are_refused() {
    for bad in [
        "javascript:alert(1)",
        "ftp://x",
        "www.example.org",
        "example.org",
        "",
        "https://",
        "http://",
        "//example.org",
        "data:text/html,hi",
        "mailto:someone@example.org",
        "https://example.org/a b",
        "https://example.org/\"onmouseover=\"x",
        " https://example.org",
        "https://example.org\n",
    ] {
        let mut pack = small_pack();
        pack.case_studies[0].url = bad.to_string();
        assert_eq!(
            pack.check(FILE),
            vec![error(
                "case study \"case-one\"",
                "url",
                &format!("\"{bad}\" is not a web address starting with http:// or https://")
            )],
            "case study url {bad:?}"
        );

        let mut pack = small_pack();
        pack.guidance[0].url = bad.to_string();
        let errors = pack.check(FILE);
        assert_eq!(errors.len(), 1, "guidance url {bad:?}: {errors:?}");
        assert_eq!(
            (errors[0].item.as_str(), errors[0].field.as_str()),
            ("guidance \"guide-one\"", "url")
        );
    }
}

#[test]
fn http_and_https_addresses_are_accepted() {
    for good in [
        "https://example.org",
        "http://example.org",
        "https://www.gov.uk/guidance/a-guide?x=1&y=2#part",
        "http://localhost:8080/path",
    ] {
        let mut pack = small_pack();
        pack.case_studies[0].url = good.to_string();
        pack.guidance[0].url = good.to_string();
        assert_eq!(pack.check(FILE), Vec::<ContentError>::new(), "{good}");
    }
}

#[test]
fn a_missing_required_string_is_reported_with_its_item_and_field() {
    let cases = [
        ("/id", "", "id"),
        ("/version", "", "version"),
        ("/language", "", "language"),
        ("/title", "", "title"),
        ("/start/heading", "", "start.heading"),
        ("/policy_areas/1/label", "policy area \"safety\"", "label"),
        ("/themes/1/title", "theme \"beta\"", "title"),
        ("/themes/1/description", "theme \"beta\"", "description"),
        (
            "/themes/1/questions/2/text",
            "theme \"beta\", question \"b3\"",
            "text",
        ),
        (
            "/themes/1/questions/2/hint",
            "theme \"beta\", question \"b3\"",
            "hint",
        ),
        (
            "/themes/0/questions/0/act_if_1_or_2",
            "theme \"alpha\", question \"a1\"",
            "act_if_1_or_2",
        ),
        (
            "/themes/0/questions/0/act_if_3",
            "theme \"alpha\", question \"a1\"",
            "act_if_3",
        ),
        (
            "/themes/0/questions/0/act_if_4",
            "theme \"alpha\", question \"a1\"",
            "act_if_4",
        ),
        ("/case_studies/0/title", "case study \"case-one\"", "title"),
        (
            "/case_studies/0/source",
            "case study \"case-one\"",
            "source",
        ),
        ("/case_studies/0/place", "case study \"case-one\"", "place"),
        (
            "/case_studies/0/summary",
            "case study \"case-one\"",
            "summary",
        ),
        ("/guidance/0/title", "guidance \"guide-one\"", "title"),
        ("/guidance/0/source", "guidance \"guide-one\"", "source"),
    ];
    for (pointer, item, field) in cases {
        // Absent altogether.
        let mut value = to_json_value(&small_pack());
        remove(&mut value, pointer);
        assert_eq!(
            parse_errors(&value),
            vec![error(item, field, "is missing or empty")],
            "removing {pointer}"
        );
        // Present but blank.
        let mut value = to_json_value(&small_pack());
        set(&mut value, pointer, json!("   "));
        assert_eq!(
            parse_errors(&value),
            vec![error(item, field, "is missing or empty")],
            "blanking {pointer}"
        );
    }
}

#[test]
fn optional_strings_may_be_empty() {
    let mut pack = small_pack();
    pack.start.paragraphs.clear();
    pack.start.time_needed.clear();
    pack.case_studies[0].policy_areas.clear();
    pack.guidance[0].themes.clear();
    assert_eq!(pack.check(FILE), Vec::<ContentError>::new());
}

#[test]
fn a_scale_without_exactly_five_labels_is_reported() {
    let mut pack = small_pack();
    pack.scale.pop();
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "",
            "scale",
            "needs exactly 5 level labels, lowest first; found 4"
        )]
    );

    let mut pack = small_pack();
    pack.scale.push("Six".to_string());
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "",
            "scale",
            "needs exactly 5 level labels, lowest first; found 6"
        )]
    );

    let mut pack = small_pack();
    pack.scale[2] = String::new();
    assert_eq!(
        pack.check(FILE),
        vec![error("", "scale[2]", "is missing or empty")]
    );
}

#[test]
fn a_pack_without_themes_or_a_theme_without_questions_is_reported() {
    let mut pack = small_pack();
    pack.themes.clear();
    pack.case_studies.clear();
    pack.guidance.clear();
    assert_eq!(
        pack.check(FILE),
        vec![error("", "themes", "needs at least one theme")]
    );

    let mut pack = small_pack();
    pack.themes[2].questions.clear();
    assert_eq!(
        pack.check(FILE),
        vec![error(
            "theme \"gamma\"",
            "questions",
            "needs at least one question"
        )]
    );
}

#[test]
fn text_that_is_not_json_is_one_error_naming_the_file() {
    for text in ["", "not json", "{\"id\": ", "<html></html>", "\u{feff}"] {
        let errors = ContentPack::parse("partner/pack.json", text)
            .expect_err("text that is not JSON is refused");
        assert_eq!(errors.len(), 1, "{text:?}: {errors:?}");
        assert_eq!(errors[0].file, "partner/pack.json");
        assert_eq!(
            (errors[0].item.as_str(), errors[0].field.as_str()),
            ("", "")
        );
        assert!(
            errors[0]
                .problem
                .starts_with("this is not a valid content pack: "),
            "{}",
            errors[0].problem
        );
    }
}

#[test]
fn json_of_the_wrong_shape_is_refused() {
    for text in ["null", "42", "\"pack\"", "{\"themes\": {}}"] {
        let errors = ContentPack::parse(FILE, text).expect_err("the wrong shape is refused");
        assert_eq!(errors.len(), 1, "{text}: {errors:?}");
        assert!(errors[0]
            .problem
            .starts_with("this is not a valid content pack: "));
    }
    // An empty object (or, through serde's sequence form of a struct, an
    // empty array) reads, since every field is lenient, and then fails the
    // checks.
    for text in ["{}", "[]"] {
        let errors = ContentPack::parse(FILE, text).expect_err("an empty pack is refused");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "id",
                "version",
                "language",
                "title",
                "start.heading",
                "scale",
                "themes"
            ],
            "{text}"
        );
    }
}

#[test]
fn an_unknown_field_is_refused_and_named() {
    for pointer in [
        "",
        "/start",
        "/policy_areas/0",
        "/themes/1",
        "/themes/1/questions/0",
        "/themes/1/questions/0/levels",
        "/case_studies/0",
        "/guidance/0",
    ] {
        let mut value = to_json_value(&small_pack());
        value
            .pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .expect("an object")
            .insert("colour".to_string(), json!("red"));
        let errors = parse_errors(&value);
        assert_eq!(errors.len(), 1, "{pointer}: {errors:?}");
        assert_eq!(errors[0].file, FILE);
        assert!(
            errors[0].problem.contains("unknown field `colour`"),
            "{pointer}: {}",
            errors[0].problem
        );
    }
}

#[test]
fn several_problems_are_all_reported_at_once_in_pack_order() {
    let mut pack = small_pack();
    pack.title = String::new();
    pack.themes[0].questions[1].levels.emerging = String::new();
    pack.themes[1].questions[0].id = "a1".to_string();
    pack.themes[2].description = String::new();
    pack.case_studies[0].url = "javascript:alert(1)".to_string();
    pack.case_studies[1].themes.push("delta".to_string());
    pack.guidance[0].url = "ftp://x".to_string();
    let expected = vec![
        error("", "title", "is missing or empty"),
        error(
            "theme \"alpha\", question \"a2\"",
            "levels.emerging",
            "the descriptor for level 2 is missing",
        ),
        error(
            "theme \"beta\", question \"a1\"",
            "id",
            "\"a1\" is used more than once",
        ),
        error("theme \"gamma\"", "description", "is missing or empty"),
        error(
            "case study \"case-one\"",
            "url",
            "\"javascript:alert(1)\" is not a web address starting with http:// or https://",
        ),
        error(
            "case study \"case-two\"",
            "themes",
            "\"delta\" is not defined in the pack",
        ),
        error(
            "guidance \"guide-one\"",
            "url",
            "\"ftp://x\" is not a web address starting with http:// or https://",
        ),
    ];
    assert_eq!(pack.check(FILE), expected);
    assert_eq!(parse_errors(&to_json_value(&pack)), expected);
}

#[test]
fn errors_name_the_file_they_were_checked_under() {
    let mut pack = small_pack();
    pack.title = String::new();
    pack.themes[0].title = String::new();
    let errors = pack.check("https://partner.example.org/pack.json");
    assert_eq!(errors.len(), 2);
    assert!(errors
        .iter()
        .all(|e| e.file == "https://partner.example.org/pack.json"));
}

#[test]
fn content_error_display_names_file_item_and_field() {
    let full = ContentError {
        file: "content/pack.en.json".to_string(),
        item: "theme \"governance\", question \"gov-agreement\"".to_string(),
        field: "levels.established".to_string(),
        problem: "the descriptor for level 4 is missing".to_string(),
    };
    assert_eq!(
        full.to_string(),
        "content/pack.en.json: theme \"governance\", question \"gov-agreement\": \
         field \"levels.established\": the descriptor for level 4 is missing"
    );
    let no_item = ContentError {
        item: String::new(),
        field: "scale".to_string(),
        problem: "needs exactly 5 level labels, lowest first; found 4".to_string(),
        ..full.clone()
    };
    assert_eq!(
        no_item.to_string(),
        "content/pack.en.json: field \"scale\": needs exactly 5 level labels, lowest first; found 4"
    );
    let no_field = ContentError {
        field: String::new(),
        ..full.clone()
    };
    assert_eq!(
        no_field.to_string(),
        "content/pack.en.json: theme \"governance\", question \"gov-agreement\": \
         the descriptor for level 4 is missing"
    );
    let bare = ContentError {
        item: String::new(),
        field: String::new(),
        problem: "this is not a valid content pack: oops".to_string(),
        ..full
    };
    assert_eq!(
        bare.to_string(),
        "content/pack.en.json: this is not a valid content pack: oops"
    );
}

#[test]
fn the_display_of_a_real_check_error_reads_as_one_line() {
    let mut pack = small_pack();
    pack.themes[1].questions[0].levels.established = String::new();
    let errors = pack.check(FILE);
    assert_eq!(
        errors[0].to_string(),
        "test-pack.json: theme \"beta\", question \"b1\": field \"levels.established\": \
         the descriptor for level 4 is missing"
    );
}

#[test]
fn lookups_find_items_by_id() {
    let pack = common::pack_with(
        vec![theme("one", &["q1"]), theme("two", &["q2", "q3"])],
        vec![case_study("c", &["two"], &["housing"])],
    );
    assert_eq!(pack.check(FILE), Vec::<ContentError>::new());
    assert_eq!(pack.question_count(), 3);
    let (t, q) = pack.question("q3").expect("q3 exists");
    assert_eq!((t.id.as_str(), q.id.as_str()), ("two", "q3"));
    assert!(pack.question("q4").is_none());
    assert_eq!(pack.theme("two").map(|t| t.questions.len()), Some(2));
    assert_eq!(pack.policy_area_label("housing"), Some("Area housing"));
    assert_eq!(pack.policy_area_label("nowhere"), None);
    assert_eq!(pack.level_label(1), "One");
    assert_eq!(pack.level_label(5), "Five");
    assert_eq!(pack.questions().count(), 3);
    assert_eq!(q.levels.for_level(3), "q3 level 3");
}
