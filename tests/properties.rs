//! Properties of the model over generated assessments, files and packs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{small_pack, FILE, NOW};
use proptest::prelude::*;
use ready_to_share::model::assessment::{Answer, Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, write_assessment, FileProblem, FORMAT_NAME};
use ready_to_share::model::scoring::{profile, Band};
use ready_to_share::model::summary::{summarise, CASE_STUDY_LIMIT};
use serde_json::{json, Value};

/// How every written file begins.
const FILE_START: &str =
    "{\n  \"format\": \"ready-to-share-assessment\",\n  \"format_version\": 1,";

const QUESTIONS: [&str; 6] = ["a1", "a2", "b1", "b2", "b3", "c1"];

/// Any text at all, control characters and astral planes included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        1 => Just(String::new()),
        1 => Just("  \n\t".to_string()),
        1 => Just("\"quoted\" <script>alert(1)</script> \\ 🎉\r\n".to_string()),
    ]
}

fn response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        1 => Just(None),
        5 => (1u8..=5).prop_map(|l| Some(Response::Level(l))),
        1 => Just(Some(Response::NotSure)),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    (response(), text()).prop_map(|(response, note)| Answer { response, note })
}

/// An assessment of the small pack, built through the public setters.
fn assessment() -> impl Strategy<Value = Assessment> {
    (
        prop::collection::vec(answer(), QUESTIONS.len()),
        (text(), text(), text()),
        prop::collection::btree_set(
            prop_oneof![Just("health"), Just("safety"), Just("housing")],
            0..=3,
        ),
        prop::collection::btree_map(text().prop_map(|s| format!("zz-old-{s}")), answer(), 0..3),
        (text(), text(), text()),
    )
        .prop_map(
            |(answers, (area, organisation, partners), areas, set_aside, (story, c, u))| {
                let pack = small_pack();
                let mut a = Assessment::new(&pack, &c);
                a.updated = u;
                for (id, answer) in QUESTIONS.iter().zip(answers) {
                    a.set_note(id, &answer.note);
                    a.set_response(id, answer.response);
                }
                a.context.area = area;
                a.context.organisation = organisation;
                a.context.partners = partners;
                a.context.policy_areas = areas.into_iter().map(String::from).collect();
                // Empty answers are never stored.
                a.set_aside = set_aside
                    .into_iter()
                    .filter(|(_, a)| !a.is_empty())
                    .collect();
                a.story = story;
                a
            },
        )
}

/// Object keys: the ones our readers look for, and anything else.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(vec![
            "format", "format_version", "content_pack", "id", "version", "created",
            "updated", "context", "area", "organisation", "partners", "policy_areas",
            "answers", "set_aside", "story", "level", "note", "a1", "c1", "themes",
            "questions", "levels", "scale", "case_studies", "url",
        ])
        .prop_map(String::from),
        1 => text(),
    ]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (0u64..8).prop_map(Value::from),
        any::<f64>().prop_filter_map("a finite number", |f| {
            serde_json::Number::from_f64(f).map(Value::Number)
        }),
        text().prop_map(Value::String),
        prop::sample::select(vec![
            FORMAT_NAME,
            "not-sure",
            "health",
            "a1",
            "test-pack",
            "https://example.org",
        ])
        .prop_map(Value::from),
    ]
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid file of a fixed, fairly full assessment.
fn valid_file_text() -> String {
    let pack = small_pack();
    let mut a = Assessment::new(&pack, NOW);
    a.context.area = "Bath".into();
    a.context.policy_areas.insert("health".into());
    a.set_response("a1", Some(Response::Level(2)));
    a.set_note("a1", "note \"one\"");
    a.set_response("b2", Some(Response::NotSure));
    a.set_response("c1", Some(Response::Level(5)));
    a.set_aside.insert(
        "old".into(),
        Answer {
            response: Some(Response::Level(3)),
            note: "kept".into(),
        },
    );
    a.story = "A story.".into();
    write_assessment(&a)
}

/// Places in a file where a generated value can be put.
const FILE_POINTERS: [&str; 16] = [
    "/format_version",
    "/content_pack",
    "/content_pack/id",
    "/content_pack/version",
    "/created",
    "/context",
    "/context/area",
    "/context/policy_areas",
    "/context/policy_areas/0",
    "/answers",
    "/answers/a1",
    "/answers/a1/level",
    "/answers/a1/note",
    "/set_aside",
    "/set_aside/old",
    "/story",
];

/// Places in a pack where a generated value can be put.
const PACK_POINTERS: [&str; 12] = [
    "/id",
    "/start",
    "/scale",
    "/scale/0",
    "/policy_areas",
    "/themes",
    "/themes/0",
    "/themes/0/questions",
    "/themes/0/questions/0/levels",
    "/themes/0/questions/0/levels/embedded",
    "/case_studies/0/themes",
    "/guidance/0/url",
];

fn replace(value: &mut Value, pointer: &str, new: Value) {
    if let Some(slot) = value.pointer_mut(pointer) {
        *slot = new;
    }
}

/// Applies byte edits to `text`: (position, None) deletes, (position,
/// Some(byte)) inserts.
fn mutate(text: &str, edits: &[(usize, Option<u8>)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for (position, edit) in edits {
        let at = position % (bytes.len() + 1);
        match edit {
            None if at < bytes.len() => {
                bytes.remove(at);
            }
            None => {}
            Some(byte) => bytes.insert(at, *byte),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// What any read must satisfy: errors are errors, warnings are not.
fn check_read(text: &str, pack: &ContentPack) -> Result<(), TestCaseError> {
    match read_assessment(text, pack) {
        Ok(opened) => {
            prop_assert!(opened.warnings.iter().all(|w| !w.is_error()));
            let a = &opened.assessment;
            prop_assert_eq!(&a.pack_id, &pack.id);
            prop_assert!(a.answers.values().all(|x| !x.is_empty()));
            prop_assert!(a.set_aside.values().all(|x| !x.is_empty()));
            prop_assert!(a.answers.keys().all(|id| pack.question(id).is_some()));
            prop_assert!(a.set_aside.keys().all(|id| pack.question(id).is_none()));
            prop_assert!(a
                .answers
                .values()
                .filter_map(|x| x.response.and_then(Response::level))
                .all(|l| (1..=5).contains(&l)));
            // What was opened can be saved and opened again unchanged.
            let again = read_assessment(&write_assessment(a), pack).map(|o| o.assessment);
            prop_assert_eq!(again.as_ref(), Ok(a));
        }
        Err(problem) => prop_assert!(problem.is_error(), "{:?}", problem),
    }
    Ok(())
}

fn check_pack(text: &str) -> Result<(), TestCaseError> {
    match ContentPack::parse(FILE, text) {
        Ok(pack) => prop_assert!(pack.check(FILE).is_empty()),
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|e| e.file == FILE));
            prop_assert!(errors.iter().all(|e| e.to_string().starts_with(FILE)));
        }
    }
    Ok(())
}

proptest! {
    // PROPTEST_CASES overrides the 256 (see tests/common/cases.rs).
    #![proptest_config(ProptestConfig::with_cases(common::cases::cases(256)))]

    #[test]
    fn a_written_assessment_reads_back_the_same(a in assessment()) {
        let pack = small_pack();
        let text = write_assessment(&a);
        prop_assert!(text.starts_with(FILE_START), "{}", text);
        let opened = read_assessment(&text, &pack).map_err(|e| {
            TestCaseError::fail(format!("{e:?}\n{text}"))
        })?;
        prop_assert_eq!(&opened.assessment, &a);
        // The only warnings are for the answers kept aside.
        let warned: BTreeSet<String> = opened
            .warnings
            .iter()
            .map(|w| match w {
                FileProblem::UnknownQuestion { question_id } => Ok(question_id.clone()),
                other => Err(format!("{other:?}")),
            })
            .collect::<Result<_, _>>()
            .map_err(TestCaseError::fail)?;
        let set_aside: BTreeSet<String> = a.set_aside.keys().cloned().collect();
        prop_assert_eq!(warned, set_aside);
        prop_assert_eq!(write_assessment(&opened.assessment), text);
    }

    #[test]
    fn scores_stay_in_range_and_the_band_follows_the_overall(a in assessment()) {
        let pack = small_pack();
        let p = profile(&pack, &a);
        prop_assert_eq!(p.themes.len(), pack.themes.len());
        for (t, theme) in p.themes.iter().zip(&pack.themes) {
            prop_assert_eq!(&t.theme_id, &theme.id);
            prop_assert_eq!(t.scored + t.not_sure + t.unanswered, t.total);
            prop_assert_eq!(t.total, theme.questions.len());
            prop_assert_eq!(t.score.is_some(), t.scored > 0);
            if let Some(score) = t.score {
                prop_assert!(score <= 100);
            }
        }
        let all_scored = p.themes.iter().all(|t| t.score.is_some());
        prop_assert_eq!(p.overall.is_some(), all_scored);
        prop_assert_eq!(p.band, p.overall.map(Band::from_score));
        if let Some(overall) = p.overall {
            prop_assert!(overall <= 100);
            let scores: Vec<u8> = p.themes.iter().filter_map(|t| t.score).collect();
            prop_assert!(overall >= *scores.iter().min().unwrap());
            prop_assert!(overall <= *scores.iter().max().unwrap());
        }
    }

    #[test]
    fn the_summary_accounts_for_every_answer(a in assessment()) {
        let pack = small_pack();
        let s = summarise(&pack, &a);
        let levels: BTreeMap<&str, Option<Response>> =
            QUESTIONS.iter().map(|id| (*id, a.response(id))).collect();
        let with = |pred: &dyn Fn(Option<Response>) -> bool| -> Vec<&str> {
            levels.iter().filter(|(_, r)| pred(**r)).map(|(id, _)| *id).collect()
        };
        let level_in = |lo: u8, hi: u8| {
            move |r: Option<Response>| {
                matches!(r, Some(Response::Level(l)) if (lo..=hi).contains(&l))
            }
        };

        // Every question answered 1-4 has exactly one priority action.
        let mut acted: Vec<&str> = s.priority_actions.iter().map(|x| x.question_id.as_str()).collect();
        acted.sort_unstable();
        prop_assert_eq!(acted, with(&level_in(1, 4)));
        let mut strong: Vec<&str> = s.strengths.iter().map(|x| x.question_id.as_str()).collect();
        strong.sort_unstable();
        prop_assert_eq!(strong, with(&level_in(4, 5)));
        let unsure: Vec<&str> = s.find_out.iter().map(|x| x.question_id.as_str()).collect();
        // Find-outs come in pack order, which here is also id order.
        prop_assert_eq!(unsure, with(&|r| r == Some(Response::NotSure)));

        let level_5 = with(&level_in(5, 5)).len();
        prop_assert_eq!(
            s.priority_actions.len() + level_5 + s.find_out.len(),
            a.responded_count(&pack)
        );

        for action in &s.priority_actions {
            prop_assert_eq!(Some(Response::Level(action.level)), a.response(&action.question_id));
            let (theme, question) = pack.question(&action.question_id).unwrap();
            prop_assert_eq!(&action.theme_id, &theme.id);
            let expected = if action.level <= 2 { &question.act_if_1_or_2 } else { &question.act_if_3_or_4 };
            prop_assert_eq!(&action.action, expected);
        }
        prop_assert!(s.priority_actions.windows(2).all(|w| w[0].level <= w[1].level));
        prop_assert!(s.strengths.windows(2).all(|w| w[0].level >= w[1].level));

        prop_assert!(s.weakest_themes.len() <= 2);
        for id in &s.weakest_themes {
            prop_assert!(s.profile.theme(id).and_then(|t| t.score).is_some());
        }
        prop_assert!(s.case_studies.len() <= CASE_STUDY_LIMIT);
        prop_assert!(s.case_studies.iter().all(|m| !m.reasons.is_empty()));
    }

    #[test]
    fn reading_arbitrary_text_never_panics(t in text()) {
        check_read(&t, &small_pack())?;
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        check_read(&String::from_utf8_lossy(&bytes), &small_pack())?;
    }

    #[test]
    fn reading_arbitrary_json_never_panics(value in json_value()) {
        check_read(&value.to_string(), &small_pack())?;
    }

    #[test]
    fn reading_arbitrary_json_with_our_format_never_panics(
        fields in prop::collection::btree_map(key(), json_value(), 0..8),
        version in prop_oneof![Just(json!(1)), json_leaf()],
    ) {
        let mut object: serde_json::Map<String, Value> = fields.into_iter().collect();
        object.insert("format".into(), json!(FORMAT_NAME));
        object.insert("format_version".into(), version);
        check_read(&Value::Object(object).to_string(), &small_pack())?;
    }

    #[test]
    fn a_valid_file_with_one_part_replaced_never_panics(
        pointer in prop::sample::select(FILE_POINTERS.to_vec()),
        value in json_value(),
    ) {
        let mut file: Value = serde_json::from_str(&valid_file_text()).unwrap();
        replace(&mut file, pointer, value);
        check_read(&file.to_string(), &small_pack())?;
    }

    #[test]
    fn a_mutated_valid_file_never_panics(
        edits in prop::collection::vec((any::<usize>(), any::<Option<u8>>()), 1..8),
    ) {
        check_read(&mutate(&valid_file_text(), &edits), &small_pack())?;
    }

    #[test]
    fn parsing_arbitrary_text_as_a_pack_never_panics(t in text()) {
        check_pack(&t)?;
    }

    #[test]
    fn parsing_arbitrary_json_as_a_pack_never_panics(value in json_value()) {
        check_pack(&value.to_string())?;
    }

    #[test]
    fn a_valid_pack_with_one_part_replaced_never_panics(
        pointer in prop::sample::select(PACK_POINTERS.to_vec()),
        value in json_value(),
    ) {
        let mut pack = common::to_json_value(&small_pack());
        replace(&mut pack, pointer, value);
        check_pack(&pack.to_string())?;
    }

    #[test]
    fn a_mutated_valid_pack_never_panics(
        edits in prop::collection::vec((any::<usize>(), any::<Option<u8>>()), 1..8),
    ) {
        let text = serde_json::to_string_pretty(&small_pack()).unwrap();
        check_pack(&mutate(&text, &edits))?;
    }
}
