//! The assessment file: writing, reading back, errors and warnings.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{small_pack, NOW, PACK_ID, PACK_VERSION};
use ready_to_share::model::assessment::{Answer, Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{
    read_assessment, read_assessment_bytes, write_assessment, FileProblem, Opened, FORMAT_NAME,
    FORMAT_VERSION, MAX_FILE_BYTES,
};
use ready_to_share::model::locale::Locale;
use serde_json::{json, Value};

fn read(text: &str) -> Result<Opened, FileProblem> {
    read_assessment(text, &small_pack())
}

fn opened(text: &str) -> Opened {
    match read(text) {
        Ok(opened) => opened,
        Err(problem) => panic!("the file did not open: {problem:?}\n{text}"),
    }
}

fn refused(text: &str) -> FileProblem {
    match read(text) {
        Ok(opened) => panic!("the file opened: {opened:?}\n{text}"),
        Err(problem) => problem,
    }
}

/// A valid file for the small pack, as a JSON value to edit.
fn valid_file() -> Value {
    json!({
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "content_pack": { "id": PACK_ID, "version": PACK_VERSION },
        "created": NOW,
        "updated": NOW,
        "context": { "area": "", "organisation": "", "partners": "", "policy_areas": [] },
        "answers": { "a1": { "level": 2, "note": "kept" } },
        "story": ""
    })
}

fn with(pointer: &str, new: Value) -> String {
    let mut file = valid_file();
    *file
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("nothing at {pointer}")) = new;
    file.to_string()
}

fn malformed(field: &str) -> FileProblem {
    FileProblem::Malformed {
        field: field.to_string(),
    }
}

/// An assessment with awkward text everywhere.
fn rich_assessment() -> Assessment {
    let pack = small_pack();
    let mut a = Assessment::new(&pack, NOW);
    a.updated = "2024-05-02T11:30:00+01:00".to_string();
    a.context.area = "Bath & North East Somerset \"BANES\"".to_string();
    a.context.organisation = "Council <script>alert('x')</script>".to_string();
    a.context.partners = "NHS\nPolice\r\nSchools\t🏫".to_string();
    a.context.policy_areas = ["health".to_string(), "safety".to_string()]
        .into_iter()
        .collect();
    a.set_response("a1", Some(Response::Level(1)));
    a.set_note("a1", "She said \"no\".\nThen: 'maybe' \\ 50% </script>");
    a.set_response("a2", Some(Response::Level(5)));
    a.set_response("b1", Some(Response::NotSure));
    a.set_note("b1", "Ask the DPO 👩‍💼 — ça va? 日本語 \u{0}\u{1f}");
    a.set_note("b3", "A note before choosing a level");
    a.set_response("c1", Some(Response::Level(3)));
    a.story = "In 2019 we <b>shared</b> data and\n\n\"it worked\" 🎉".to_string();
    a
}

#[test]
fn a_written_file_reads_back_as_the_same_assessment() {
    let a = rich_assessment();
    let text = write_assessment(&a);
    let back = opened(&text);
    assert_eq!(back.warnings, Vec::<FileProblem>::new());
    assert_eq!(back.assessment, a);
    // And writing it again gives the same text.
    assert_eq!(write_assessment(&back.assessment), text);
}

#[test]
fn a_blank_assessment_round_trips() {
    let a = Assessment::new(&small_pack(), NOW);
    let back = opened(&write_assessment(&a));
    assert_eq!(back.warnings, Vec::<FileProblem>::new());
    assert_eq!(back.assessment, a);
    assert!(back.assessment.is_blank());
}

#[test]
fn the_file_is_readable_json_in_a_fixed_order() {
    let pack = small_pack();
    let mut a = Assessment::new(&pack, NOW);
    a.updated = "2024-05-02T11:30:00Z".to_string();
    a.context.area = "Bath".to_string();
    a.context.policy_areas = ["safety".to_string(), "health".to_string()]
        .into_iter()
        .collect();
    a.set_response("c1", None);
    a.set_note("c1", "later");
    a.set_response("b2", Some(Response::NotSure));
    a.set_note("b2", "Ask Sam");
    a.set_response("a1", Some(Response::Level(3)));
    let expected = r#"{
  "format": "ready-to-share-assessment",
  "format_version": 2,
  "content_pack": {
    "id": "test-pack",
    "version": "2.0.0"
  },
  "created": "2024-05-01T10:00:00Z",
  "updated": "2024-05-02T11:30:00Z",
  "context": {
    "area": "Bath",
    "organisation": "",
    "partners": "",
    "policy_areas": [
      "health",
      "safety"
    ]
  },
  "answers": {
    "a1": {
      "level": 3
    },
    "b2": {
      "level": "not-sure",
      "note": "Ask Sam"
    },
    "c1": {
      "note": "later"
    }
  },
  "story": ""
}"#;
    assert_eq!(write_assessment(&a), expected);
}

#[test]
fn format_and_format_version_come_first() {
    let text = write_assessment(&rich_assessment());
    let first_keys: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  \""))
        .map(|l| l.trim().split('"').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        first_keys,
        [
            "format",
            "format_version",
            "content_pack",
            "created",
            "updated",
            "context",
            "answers",
            "story"
        ]
    );
    let value: Value = serde_json::from_str(&text).expect("the file is JSON");
    assert_eq!(value["format"], json!("ready-to-share-assessment"));
    assert_eq!(value["format_version"], json!(FORMAT_VERSION));
}

#[test]
fn text_that_is_not_json_is_refused() {
    for text in ["", "not json", "{\"format\": ", "\u{feff}", "{'a': 1}"] {
        assert!(
            matches!(refused(text), FileProblem::NotJson { ref detail } if !detail.is_empty()),
            "{text:?}"
        );
    }
}

#[test]
fn json_that_is_not_our_object_is_refused() {
    for text in [
        "[]",
        "[{\"format\": \"ready-to-share-assessment\", \"format_version\": 1}]",
        "null",
        "42",
        "\"ready-to-share-assessment\"",
        "{}",
        "{\"format\": \"something-else\", \"format_version\": 1}",
        "{\"format\": 1, \"format_version\": 1}",
        "{\"format\": \"READY-TO-SHARE-ASSESSMENT\", \"format_version\": 1}",
        "{\"format_version\": 1, \"answers\": {}}",
    ] {
        assert_eq!(refused(text), FileProblem::NotOurs, "{text}");
    }
}

#[test]
fn a_newer_format_version_is_refused() {
    assert_eq!(
        refused(&with("/format_version", json!(FORMAT_VERSION + 1))),
        FileProblem::NewerFormat {
            version: FORMAT_VERSION + 1
        }
    );
    assert_eq!(
        refused(&with("/format_version", json!(u64::MAX))),
        FileProblem::NewerFormat { version: u64::MAX }
    );
}

#[test]
fn a_missing_zero_or_odd_format_version_is_malformed() {
    for version in [
        json!(0),
        json!(null),
        json!(-1),
        json!(1.5),
        json!("1"),
        json!([1]),
    ] {
        assert_eq!(
            refused(&with("/format_version", version.clone())),
            malformed("format_version"),
            "format_version {version}"
        );
    }
    let mut file = valid_file();
    file.as_object_mut().unwrap().remove("format_version");
    assert_eq!(refused(&file.to_string()), malformed("format_version"));
}

#[test]
fn a_file_over_1_mb_is_refused_before_parsing() {
    let too_big = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        refused(&too_big),
        FileProblem::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    // Size counts bytes, not characters.
    let emoji = "🎉".repeat(MAX_FILE_BYTES / 4 + 1);
    assert_eq!(
        refused(&emoji),
        FileProblem::TooLarge { bytes: emoji.len() }
    );
}

#[test]
fn a_file_of_exactly_1_mb_is_read() {
    let file = valid_file().to_string();
    let padded = format!("{file}{}", " ".repeat(MAX_FILE_BYTES - file.len()));
    assert_eq!(padded.len(), MAX_FILE_BYTES);
    assert_eq!(MAX_FILE_BYTES, 1_048_576);
    let back = opened(&padded);
    assert_eq!(back.assessment.response("a1"), Some(Response::Level(2)));
}

#[test]
fn fields_of_the_wrong_type_are_malformed_and_named() {
    let cases = [
        ("/context", json!("Bath"), "context"),
        ("/context", json!(["Bath"]), "context"),
        ("/context/area", json!(7), "context.area"),
        ("/context/organisation", json!(true), "context.organisation"),
        ("/context/partners", json!({}), "context.partners"),
        (
            "/context/policy_areas",
            json!("health"),
            "context.policy_areas",
        ),
        ("/context/policy_areas", json!([1]), "context.policy_areas"),
        ("/content_pack", json!("test-pack"), "content_pack"),
        ("/content_pack/id", json!(1), "content_pack.id"),
        ("/content_pack/version", json!(2.0), "content_pack.version"),
        ("/created", json!(20240501), "created"),
        ("/updated", json!([]), "updated"),
        ("/story", json!({"text": "x"}), "story"),
        ("/answers", json!([]), "answers"),
        ("/answers", json!("a1"), "answers"),
        ("/answers/a1", json!(3), "answers.a1"),
        ("/answers/a1", json!("not-sure"), "answers.a1"),
        ("/answers/a1", json!([3]), "answers.a1"),
        ("/answers/a1/note", json!(5), "answers.a1.note"),
    ];
    for (pointer, value, field) in cases {
        assert_eq!(
            refused(&with(pointer, value.clone())),
            malformed(field),
            "{pointer} = {value}"
        );
    }
}

#[test]
fn null_and_absent_optional_fields_read_as_empty() {
    let file = json!({
        "format": FORMAT_NAME,
        "format_version": 1,
        "content_pack": { "id": PACK_ID, "version": PACK_VERSION },
        "created": null,
        "context": { "area": null, "policy_areas": null },
        "answers": { "a1": { "level": null, "note": null }, "a2": {}, "b1": { "level": 4 } },
        "set_aside": null,
        "story": null
    });
    let back = opened(&file.to_string());
    assert_eq!(back.warnings, Vec::<FileProblem>::new());
    let mut expected = Assessment::new(&small_pack(), "");
    expected.set_response("b1", Some(Response::Level(4)));
    assert_eq!(back.assessment, expected);
}

#[test]
fn out_of_range_levels_are_warnings_that_keep_the_note() {
    let cases = [
        (json!(0), "0"),
        (json!(6), "6"),
        (json!(3.5), "3.5"),
        (json!("high"), "\"high\""),
        (json!(-1), "-1"),
        (json!(true), "true"),
        (json!("3"), "\"3\""),
        (json!("Not sure"), "\"Not sure\""),
        (json!(300), "300"),
    ];
    for (level, shown) in cases {
        let back = opened(&with("/answers/a1/level", level.clone()));
        assert_eq!(
            back.warnings,
            vec![FileProblem::LevelOutOfRange {
                question_id: "a1".to_string(),
                question: Some("Question a1?".to_string()),
                value: shown.to_string(),
            }],
            "level {level}"
        );
        assert_eq!(
            back.assessment.answers.get("a1"),
            Some(&Answer {
                response: None,
                note: "kept".to_string()
            }),
            "level {level}"
        );
    }
}

#[test]
fn an_out_of_range_level_without_a_note_leaves_the_question_unanswered() {
    let back = opened(&with("/answers/a1", json!({ "level": 9 })));
    assert_eq!(
        back.warnings,
        vec![FileProblem::LevelOutOfRange {
            question_id: "a1".to_string(),
            question: Some("Question a1?".to_string()),
            value: "9".to_string(),
        }]
    );
    assert!(back.assessment.answers.is_empty());
}

#[test]
fn every_valid_level_and_not_sure_read_back() {
    for (value, response) in [
        (json!(1), Response::Level(1)),
        (json!(2), Response::Level(2)),
        (json!(3), Response::Level(3)),
        (json!(4), Response::Level(4)),
        (json!(5), Response::Level(5)),
        (json!("not-sure"), Response::NotSure),
    ] {
        let back = opened(&with("/answers/a1/level", value.clone()));
        assert_eq!(back.warnings, Vec::<FileProblem>::new(), "{value}");
        assert_eq!(back.assessment.response("a1"), Some(response), "{value}");
        assert_eq!(back.assessment.note("a1"), "kept");
    }
}

#[test]
fn an_unknown_question_is_set_aside_and_written_back_out() {
    let back = opened(&with(
        "/answers",
        json!({
            "a1": { "level": 2 },
            "old-question": { "level": 4, "note": "from last year" },
            "empty-old": {}
        }),
    ));
    assert_eq!(
        back.warnings,
        vec![FileProblem::UnknownQuestion {
            question_id: "old-question".to_string(),
            question: None,
            replacement: None,
        }]
    );
    let kept = Answer {
        response: Some(Response::Level(4)),
        note: "from last year".to_string(),
    };
    assert_eq!(back.assessment.set_aside.get("old-question"), Some(&kept));
    assert_eq!(back.assessment.set_aside.len(), 1);
    assert!(!back.assessment.answers.contains_key("old-question"));
    assert_eq!(back.assessment.response("a1"), Some(Response::Level(2)));

    // Saved again, the set-aside answer is still there.
    let text = write_assessment(&back.assessment);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["set_aside"],
        json!({ "old-question": { "level": 4, "note": "from last year" } })
    );
    assert_eq!(value["answers"], json!({ "a1": { "level": 2 } }));
    let again = opened(&text);
    assert_eq!(again.assessment, back.assessment);
    assert_eq!(again.warnings, back.warnings);
}

#[test]
fn a_set_aside_answer_returns_when_the_pack_has_its_question_again() {
    let mut file = valid_file();
    file["set_aside"] = json!({ "c1": { "level": "not-sure", "note": "back again" } });
    let back = opened(&file.to_string());
    assert_eq!(back.warnings, Vec::<FileProblem>::new());
    assert!(back.assessment.set_aside.is_empty());
    assert_eq!(back.assessment.response("c1"), Some(Response::NotSure));
    assert_eq!(back.assessment.note("c1"), "back again");
}

#[test]
fn a_file_from_another_pack_is_read_with_a_warning() {
    let back = opened(&with("/content_pack/id", json!("someone-elses-pack")));
    assert_eq!(
        back.warnings,
        vec![FileProblem::OtherPack {
            pack_id: "someone-elses-pack".to_string()
        }]
    );
    // The answers now belong to the pack they were opened with.
    assert_eq!(back.assessment.pack_id, PACK_ID);
    assert_eq!(back.assessment.pack_version, PACK_VERSION);
    assert_eq!(back.assessment.response("a1"), Some(Response::Level(2)));
}

#[test]
fn a_file_from_an_older_pack_version_is_read_with_a_warning() {
    let back = opened(&with("/content_pack/version", json!("1.0.0")));
    assert_eq!(
        back.warnings,
        vec![FileProblem::OtherPackVersion {
            version: "1.0.0".to_string()
        }]
    );
    assert_eq!(back.assessment.pack_version, PACK_VERSION);
    assert_eq!(back.assessment.response("a1"), Some(Response::Level(2)));
}

#[test]
fn an_unknown_policy_area_is_dropped_with_a_warning() {
    let back = opened(&with(
        "/context/policy_areas",
        json!(["housing", "education", "health"]),
    ));
    assert_eq!(
        back.warnings,
        vec![FileProblem::UnknownPolicyArea {
            policy_area_id: "education".to_string()
        }]
    );
    let areas: Vec<&str> = back
        .assessment
        .context
        .policy_areas
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(areas, ["health", "housing"]);
}

#[test]
fn warnings_come_in_file_order() {
    let mut file = valid_file();
    file["content_pack"]["version"] = json!("0.1");
    file["context"]["policy_areas"] = json!(["nowhere"]);
    file["answers"] = json!({
        "a1": { "level": 7, "note": "n" },
        "gone": { "level": 1 }
    });
    let back = opened(&file.to_string());
    assert_eq!(
        back.warnings,
        vec![
            FileProblem::OtherPackVersion {
                version: "0.1".to_string()
            },
            FileProblem::UnknownPolicyArea {
                policy_area_id: "nowhere".to_string()
            },
            FileProblem::LevelOutOfRange {
                question_id: "a1".to_string(),
                question: Some("Question a1?".to_string()),
                value: "7".to_string()
            },
            FileProblem::UnknownQuestion {
                question_id: "gone".to_string(),
                question: None,
                replacement: None,
            },
        ]
    );
    assert!(back.warnings.iter().all(|w| !w.is_error()));
}

#[test]
fn a_byte_order_mark_at_the_start_is_accepted() {
    let a = rich_assessment();
    let text = format!("\u{feff}{}", write_assessment(&a));
    let back = opened(&text);
    assert_eq!(back.assessment, a);
    assert_eq!(back.warnings, Vec::<FileProblem>::new());
}

#[test]
fn a_file_read_against_another_pack_keeps_every_answer() {
    let a = rich_assessment();
    let other = ContentPack {
        id: "other-pack".to_string(),
        ..common::pack_with(vec![common::theme("alpha", &["a1", "a2"])], Vec::new())
    };
    let back = read_assessment(&write_assessment(&a), &other).expect("the file opens");
    assert_eq!(back.assessment.answers.len(), 2);
    let set_aside: Vec<&str> = back
        .assessment
        .set_aside
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(set_aside, ["b1", "b3", "c1"]);
    assert_eq!(
        back.warnings[0],
        FileProblem::OtherPack {
            pack_id: PACK_ID.to_string()
        }
    );
    assert_eq!(back.assessment.pack_id, "other-pack");
    // Nothing is lost when it is read against the first pack again.
    let again = opened(&write_assessment(&back.assessment));
    assert_eq!(again.assessment.answers, a.answers);
    assert!(again.assessment.set_aside.is_empty());
}

#[test]
fn errors_and_warnings_are_told_apart() {
    let errors = [
        FileProblem::TooLarge { bytes: 1 },
        FileProblem::NotJson {
            detail: String::new(),
        },
        FileProblem::NotOurs,
        FileProblem::NewerFormat { version: 2 },
        malformed("x"),
    ];
    assert!(errors.iter().all(FileProblem::is_error));
    let warnings = [
        FileProblem::LevelOutOfRange {
            question_id: "q".into(),
            question: None,
            value: "0".into(),
        },
        FileProblem::UnknownQuestion {
            question_id: "q".into(),
            question: None,
            replacement: None,
        },
        FileProblem::UnknownPolicyArea {
            policy_area_id: "p".into(),
        },
        FileProblem::OtherPack {
            pack_id: "p".into(),
        },
        FileProblem::OtherPackVersion {
            version: "1".into(),
        },
    ];
    assert!(warnings.iter().all(|w| !w.is_error()));
}

#[test]
fn a_parser_message_is_kept_out_of_the_sentence_and_offered_as_detail() {
    let locale = Locale::english();
    let problem = FileProblem::NotJson {
        detail: "expected value at line 1 column 1".into(),
    };
    let sentence = locale.file_problem(&problem);
    assert!(!sentence.contains("line 1"), "{sentence}");
    assert!(!sentence.contains('('), "{sentence}");
    assert_eq!(
        locale.file_problem_detail(&problem),
        Some("expected value at line 1 column 1")
    );
    assert_eq!(locale.file_problem_detail(&FileProblem::NotOurs), None);
}

#[test]
fn a_question_the_pack_has_is_named_by_its_wording() {
    let locale = Locale::english();
    let pack = ready_to_share::model::content::ContentPack::built_in();
    let question = &pack.themes[0].questions[0];
    let problem = FileProblem::LevelOutOfRange {
        question_id: question.id.clone(),
        question: None,
        value: "9".into(),
    };
    let sentence = locale.file_problem_in(&pack, &problem);
    assert!(sentence.contains(&question.text), "{sentence}");
    assert!(
        !sentence.contains(&format!("\"{}\"", question.id)),
        "{sentence}"
    );
    // A question the pack does not have can only be named by its id.
    let unknown = FileProblem::LevelOutOfRange {
        question_id: "gone-question".into(),
        question: None,
        value: "9".into(),
    };
    assert!(locale
        .file_problem_in(&pack, &unknown)
        .contains("gone-question"));
}

#[test]
fn every_file_problem_has_an_english_sentence_with_its_values() {
    let locale = Locale::english();
    let cases: Vec<(FileProblem, Vec<&str>)> = vec![
        (FileProblem::TooLarge { bytes: 2_500_000 }, vec!["2442"]),
        (
            FileProblem::NotJson {
                detail: "expected value at line 1 column 1".into(),
            },
            vec![],
        ),
        (FileProblem::NotOurs, vec![]),
        (FileProblem::NewerFormat { version: 7 }, vec!["7"]),
        (malformed("context.area"), vec!["context.area"]),
        (
            FileProblem::LevelOutOfRange {
                question_id: "gov-agreement".into(),
                question: None,
                value: "\"high\"".into(),
            },
            vec!["gov-agreement", "\"high\""],
        ),
        (
            FileProblem::UnknownQuestion {
                question_id: "old-question".into(),
                question: None,
                replacement: None,
            },
            vec!["old-question"],
        ),
        (
            FileProblem::UnknownPolicyArea {
                policy_area_id: "education".into(),
            },
            vec!["education"],
        ),
        (
            FileProblem::OtherPack {
                pack_id: "someone-elses-pack".into(),
            },
            vec!["someone-elses-pack"],
        ),
        (
            FileProblem::OtherPackVersion {
                version: "0.9.1".into(),
            },
            vec!["0.9.1"],
        ),
        (
            FileProblem::DamagedText {
                field: "answers.a1.note".into(),
            },
            vec!["answers.a1.note"],
        ),
    ];
    for (problem, values) in cases {
        let sentence = locale.file_problem(&problem);
        assert!(sentence.trim().len() > 20, "{problem:?} gives {sentence:?}");
        assert!(
            sentence.ends_with('.') || sentence.ends_with(')'),
            "{sentence}"
        );
        assert!(
            !sentence.contains('{') && !sentence.contains('}'),
            "{problem:?} leaves a placeholder: {sentence}"
        );
        for value in values {
            assert!(
                sentence.contains(value),
                "{problem:?}: {sentence:?} does not contain {value:?}"
            );
        }
    }
}

#[test]
fn real_read_problems_have_sentences_naming_them() {
    let locale = Locale::english();
    let problem = refused(&with("/context", json!("Bath")));
    assert!(locale.file_problem(&problem).contains("context"));
    let back = opened(&with("/answers/a1/level", json!("high")));
    let sentence = locale.file_problem(&back.warnings[0]);
    assert!(
        sentence.contains("a1") && sentence.contains("high"),
        "{sentence}"
    );
}

/// A valid file with `damaged` bytes (not UTF-8) in place of the text
/// `marker`.
fn damaged_file(marker: &str, damaged: &[u8]) -> Vec<u8> {
    let mut file = valid_file();
    file["context"]["area"] = json!("Area MARKER-AREA");
    file["answers"]["a1"]["note"] = json!("Note MARKER-NOTE");
    let text = serde_json::to_string_pretty(&file).unwrap();
    let at = text.find(marker).expect("the marker is in the file");
    let mut bytes = text.as_bytes()[..at].to_vec();
    bytes.extend_from_slice(damaged);
    bytes.extend_from_slice(&text.as_bytes()[at + marker.len()..]);
    bytes
}

#[test]
fn a_file_with_damaged_text_opens_with_a_warning_naming_each_field() {
    let pack = small_pack();
    // "Café" saved as Latin-1, and a UTF-8 sequence cut short.
    let bytes = damaged_file("MARKER-AREA", b"Caf\xe9");
    let back = read_assessment_bytes(&bytes, &pack).expect("the file opens");
    assert_eq!(back.assessment.context.area, "Area Caf\u{fffd}");
    assert_eq!(
        back.warnings,
        vec![FileProblem::DamagedText {
            field: "context.area".into()
        }]
    );
    let sentence = Locale::english().file_problem(&back.warnings[0]);
    assert!(sentence.contains("\"context.area\""), "{sentence}");

    let bytes = damaged_file("MARKER-NOTE", b"\xe2\x82");
    let back = read_assessment_bytes(&bytes, &pack).expect("the file opens");
    assert_eq!(back.assessment.note("a1"), "Note \u{fffd}");
    assert_eq!(
        back.warnings,
        vec![FileProblem::DamagedText {
            field: "answers.a1.note".into()
        }]
    );
    // The other answers are all there.
    assert_eq!(
        back.assessment.response("a1"),
        opened(&valid_file().to_string()).assessment.response("a1")
    );
}

#[test]
fn good_text_read_as_bytes_opens_exactly_as_read_as_text() {
    let pack = small_pack();
    let mut file = valid_file();
    // A replacement character the user typed is not damage.
    file["story"] = json!("Café, naïve, 🎉 and \u{fffd}");
    let text = file.to_string();
    assert_eq!(
        read_assessment_bytes(text.as_bytes(), &pack),
        read_assessment(&text, &pack)
    );
    let with_bom = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
    assert_eq!(
        read_assessment_bytes(&with_bom, &pack),
        read_assessment(&text, &pack)
    );
}

#[test]
fn damaged_bytes_outside_the_text_or_too_many_bytes_are_still_refused() {
    let pack = small_pack();
    let mut bytes = valid_file().to_string().into_bytes();
    bytes.insert(1, 0xff);
    assert!(matches!(
        read_assessment_bytes(&bytes, &pack),
        Err(FileProblem::NotJson { .. })
    ));
    let big = vec![0xffu8; MAX_FILE_BYTES + 1];
    assert_eq!(
        read_assessment_bytes(&big, &pack),
        Err(FileProblem::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
}
