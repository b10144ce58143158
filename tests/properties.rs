//! Properties of the model over generated assessments, files and packs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use common::{pack_with, small_pack, theme, FILE, NOW};
use proptest::prelude::*;
use ready_to_share::model::assessment::{Answer, Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, write_assessment, FileProblem, FORMAT_NAME};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::partnership::partnership;
use ready_to_share::model::scoring::{profile, Band, Score};
use ready_to_share::model::summary::{summarise, CASE_STUDY_LIMIT, WEAKEST_THEME_COUNT};
use serde_json::{json, Value};

/// How every written file begins.
const FILE_START: &str =
    "{\n  \"format\": \"ready-to-share-assessment\",\n  \"format_version\": 2,";

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
                FileProblem::UnknownQuestion { question_id, .. } => Ok(question_id.clone()),
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
                prop_assert!(score <= Score::whole(100));
                prop_assert!(score.rounded() <= 100);
            }
        }
        let all_scored = p.themes.iter().all(|t| t.score.is_some());
        prop_assert_eq!(p.overall.is_some(), all_scored);
        prop_assert_eq!(p.band, p.overall.map(Band::from_score));
        if let Some(overall) = p.overall {
            prop_assert!(overall <= Score::whole(100));
            let scores: Vec<Score> = p.themes.iter().filter_map(|t| t.score).collect();
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
            let expected = match action.level {
                1 | 2 => &question.act_if_1_or_2,
                3 => &question.act_if_3,
                _ => &question.act_if_4,
            };
            prop_assert_eq!(&action.action, expected);
            prop_assert_eq!(&action.guidance, &question.guidance);
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

// ---------------------------------------------------------------------------
// Exact scoring, checked with whole-number arithmetic of the tests' own
// ---------------------------------------------------------------------------

/// Mostly levels, so most generated assessments have an overall score.
fn scored_response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        1 => Just(None),
        10 => (1u8..=5).prop_map(|l| Some(Response::Level(l))),
        1 => Just(Some(Response::NotSure)),
    ]
}

/// One to six themes of one to eight questions, with a response to each.
fn shaped_responses() -> impl Strategy<Value = Vec<Vec<Option<Response>>>> {
    prop::collection::vec(prop::collection::vec(scored_response(), 1..=8), 1..=6)
}

/// Every theme of 1 to 12 answered questions, as (questions, sum of
/// level - 1), grouped by its score as shown (rounded): within a group the
/// scores show the same but most differ exactly.
fn shapes_by_shown() -> Vec<Vec<(u8, u8)>> {
    let mut groups: BTreeMap<u128, Vec<(u8, u8)>> = BTreeMap::new();
    for n in 1..=12u8 {
        for sum in 0..=4 * n {
            let shown = rounded_half_up((25 * u128::from(sum), u128::from(n)));
            groups.entry(shown).or_default().push((n, sum));
        }
    }
    groups.into_values().collect()
}

/// `n` levels whose (level - 1) add up to `sum`, spread as evenly as they go.
fn levels_for((n, sum): (u8, u8)) -> Vec<Option<Response>> {
    (0..n)
        .map(|i| Some(Response::Level(sum / n + u8::from(i < sum % n) + 1)))
        .collect()
}

/// One to six themes, about half of them drawn from one group of equal
/// shown scores, so that rounding would often tie or misorder them; some
/// themes have unanswered or "not sure" questions besides.
fn near_ties() -> impl Strategy<Value = Vec<Vec<Option<Response>>>> {
    let groups = shapes_by_shown();
    let all: Vec<(u8, u8)> = groups.concat();
    let extra = prop_oneof![Just(None), Just(Some(Response::NotSure))];
    (
        prop::sample::select(groups),
        prop::collection::vec(
            (
                any::<bool>(),
                any::<prop::sample::Index>(),
                prop::collection::vec(extra, 0..=2),
            ),
            1..=6,
        ),
    )
        .prop_map(move |(group, themes)| {
            themes
                .into_iter()
                .map(|(same, index, extra)| {
                    let shape = if same {
                        *index.get(&group)
                    } else {
                        *index.get(&all)
                    };
                    let mut responses = levels_for(shape);
                    responses.extend(extra);
                    responses
                })
                .collect()
        })
}

/// Random shapes and near ties, half and half.
fn any_responses() -> impl Strategy<Value = Vec<Vec<Option<Response>>>> {
    prop_oneof![shaped_responses(), near_ties()]
}

/// Partners' responses to one pack (each partner a list of themes).
/// Random: one to four themes of one to seven questions. Near ties: the
/// themes' sizes come from one group of equal shown scores, and each
/// partner answers each theme either as that group's member or at random.
fn partners_responses() -> impl Strategy<Value = Vec<Vec<Vec<Option<Response>>>>> {
    let random = (
        prop::collection::vec(1usize..=7, 1..=4),
        prop::collection::vec(prop::collection::vec(scored_response(), 28), 1..=5),
    )
        .prop_map(|(shape, partners)| {
            partners
                .iter()
                .map(|answers| {
                    let mut rest = answers.iter().copied();
                    shape
                        .iter()
                        .map(|n| rest.by_ref().take(*n).collect())
                        .collect()
                })
                .collect()
        });
    let groups = shapes_by_shown();
    let all: Vec<(u8, u8)> = groups.concat();
    let near = (
        prop::sample::select(groups),
        prop::collection::vec((any::<bool>(), any::<prop::sample::Index>()), 1..=4),
        prop::collection::vec(prop::collection::vec((any::<bool>(), 0u8..=48), 4), 1..=5),
    )
        .prop_map(move |(group, themes, partners)| {
            let shapes: Vec<(u8, u8)> = themes
                .iter()
                .map(|(same, index)| {
                    if *same {
                        *index.get(&group)
                    } else {
                        *index.get(&all)
                    }
                })
                .collect();
            partners
                .iter()
                .map(|choices| {
                    shapes
                        .iter()
                        .zip(choices)
                        .map(|(&(n, sum), &(keep, seed))| {
                            levels_for((n, if keep { sum } else { seed % (4 * n + 1) }))
                        })
                        .collect()
                })
                .collect()
        });
    prop_oneof![random, near]
}

/// A pack of that shape (themes t0, t1...; questions t0q0, t0q1...) and an
/// assessment with those responses.
fn shaped(responses: &[Vec<Option<Response>>]) -> (ContentPack, Assessment) {
    let themes = responses
        .iter()
        .enumerate()
        .map(|(t, questions)| {
            let ids: Vec<String> = (0..questions.len()).map(|q| format!("t{t}q{q}")).collect();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            theme(&format!("t{t}"), &ids)
        })
        .collect();
    let pack = pack_with(themes, Vec::new());
    let mut a = Assessment::new(&pack, NOW);
    for (t, questions) in responses.iter().enumerate() {
        for (q, response) in questions.iter().enumerate() {
            a.set_response(&format!("t{t}q{q}"), *response);
        }
    }
    (pack, a)
}

/// A fraction `(numerator, denominator)` of points, denominator above 0.
type Fraction = (u128, u128);

fn cmp_fraction(a: Fraction, b: Fraction) -> Ordering {
    (a.0 * b.1).cmp(&(b.0 * a.1))
}

/// A theme's exact score from its responses: 25 * (sum of level - 1) over
/// the number of levels given; `None` without a level.
fn theme_fraction(responses: &[Option<Response>]) -> Option<Fraction> {
    let levels: Vec<u128> = responses
        .iter()
        .filter_map(|r| r.and_then(Response::level))
        .map(u128::from)
        .collect();
    let count = levels.len() as u128;
    (count > 0).then(|| (25 * levels.iter().map(|l| l - 1).sum::<u128>(), count))
}

/// The mean of fractions by cross-multiplying: sum of n_i * (D / d_i) over
/// k * D, where D is the product of the denominators.
fn mean_fraction(fractions: &[Fraction]) -> Fraction {
    let product: u128 = fractions.iter().map(|f| f.1).product();
    let numerator: u128 = fractions.iter().map(|f| f.0 * (product / f.1)).sum();
    (numerator, product * fractions.len() as u128)
}

/// The band of an exact fraction: the highest threshold it reaches.
fn band_of(f: Fraction) -> Band {
    if f.0 >= 75 * f.1 {
        Band::ReadyAndImproving
    } else if f.0 >= 50 * f.1 {
        Band::WellOnTheWay
    } else if f.0 >= 25 * f.1 {
        Band::MakingProgress
    } else {
        Band::StartingOut
    }
}

/// Rounded half up, by quotient and remainder.
fn rounded_half_up(f: Fraction) -> u128 {
    let (quotient, remainder) = (f.0 / f.1, f.0 % f.1);
    quotient + u128::from(2 * remainder >= f.1)
}

fn score_of(f: Fraction) -> Score {
    Score::ratio(f.0, f.1).expect("a denominator above 0")
}

/// Indices of the scored themes, weakest first by exact comparison, ties in
/// pack order; the first `WEAKEST_THEME_COUNT`.
fn weakest_by_fraction(fractions: &[Option<Fraction>]) -> Vec<usize> {
    let mut scored: Vec<(usize, Fraction)> = fractions
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|f| (i, f)))
        .collect();
    scored.sort_by(|a, b| cmp_fraction(a.1, b.1).then(a.0.cmp(&b.0)));
    scored
        .into_iter()
        .take(WEAKEST_THEME_COUNT)
        .map(|(i, _)| i)
        .collect()
}

/// The median of fractions: the middle one, or the mean of the middle two.
fn median_fraction(mut fractions: Vec<Fraction>) -> Option<Fraction> {
    fractions.sort_by(|a, b| cmp_fraction(*a, *b));
    let n = fractions.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(fractions[n / 2]),
        _ => Some(mean_fraction(&fractions[n / 2 - 1..=n / 2])),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases::cases(512)))]

    #[test]
    fn the_band_is_the_band_of_the_exact_mean_of_the_exact_theme_means(
        responses in any_responses(),
    ) {
        let (pack, a) = shaped(&responses);
        let p = profile(&pack, &a);
        let fractions: Vec<Option<Fraction>> =
            responses.iter().map(|r| theme_fraction(r)).collect();
        for (t, f) in p.themes.iter().zip(&fractions) {
            prop_assert_eq!(t.score, f.map(score_of));
            prop_assert_eq!(t.score.map(|s| u128::from(s.rounded())), f.map(rounded_half_up));
        }
        let all: Option<Vec<Fraction>> = fractions.iter().copied().collect();
        let overall = all.map(|f| mean_fraction(&f));
        prop_assert_eq!(p.overall, overall.map(score_of));
        prop_assert_eq!(p.band, overall.map(band_of));
        prop_assert_eq!(
            p.overall.map(|s| u128::from(s.rounded())),
            overall.map(rounded_half_up)
        );
    }

    #[test]
    fn the_weakest_themes_never_depend_on_display_rounding(
        responses in any_responses(),
    ) {
        let (pack, a) = shaped(&responses);
        let s = summarise(&pack, &a);
        let fractions: Vec<Option<Fraction>> =
            responses.iter().map(|r| theme_fraction(r)).collect();
        let expected: Vec<String> = weakest_by_fraction(&fractions)
            .into_iter()
            .map(|i| format!("t{i}"))
            .collect();
        prop_assert_eq!(&s.weakest_themes, &expected);
        // Priority actions at one level follow the exact theme scores too.
        let index = |id: &str| id[1..].parse::<usize>().expect("a theme number");
        for pair in s.priority_actions.windows(2) {
            if pair[0].level == pair[1].level {
                let (x, y) = (index(&pair[0].theme_id), index(&pair[1].theme_id));
                let (fx, fy) = (fractions[x].expect("scored"), fractions[y].expect("scored"));
                let order = cmp_fraction(fx, fy).then(x.cmp(&y));
                prop_assert_ne!(order, Ordering::Greater, "{:?}", pair);
            }
        }
    }

    #[test]
    fn the_partnership_ranks_themes_by_exact_medians(
        per_partner in partners_responses(),
    ) {
        let themes = per_partner[0].len();
        let (pack, _) = shaped(&per_partner[0]);
        let files: Vec<(String, String)> = per_partner
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("p{i}.json"), write_assessment(&shaped(r).1)))
            .collect();
        let p = partnership(&pack, &Locale::english(), &files, false);
        let medians: Vec<Option<Fraction>> = (0..themes)
            .map(|t| {
                median_fraction(
                    per_partner.iter().filter_map(|r| theme_fraction(&r[t])).collect(),
                )
            })
            .collect();
        for (spread, median) in p.themes.iter().zip(&medians) {
            prop_assert_eq!(spread.median, median.map(score_of));
        }
        let expected: Vec<String> = weakest_by_fraction(&medians)
            .into_iter()
            .map(|i| format!("t{i}"))
            .collect();
        prop_assert_eq!(&p.weakest_themes, &expected);
        // Each partner's band, from its own exact overall.
        prop_assert_eq!(p.partners.len(), per_partner.len());
        for (partner, responses) in p.partners.iter().zip(&per_partner) {
            let all: Option<Vec<Fraction>> = responses.iter().map(|r| theme_fraction(r)).collect();
            let overall = all.map(|f| mean_fraction(&f));
            prop_assert_eq!(partner.profile.overall, overall.map(score_of));
            prop_assert_eq!(partner.profile.band, overall.map(band_of));
        }
    }

    #[test]
    fn rounded_is_half_up_of_the_exact_value(
        denominator in 1u128..=100_000,
        per_mille in 0u128..=100_000,
        scale in 1u128..=1_000,
    ) {
        // Any score from 0 to 100 over the denominator.
        let numerator = per_mille * denominator / 1_000;
        let score = score_of((numerator, denominator));
        prop_assert_eq!(u128::from(score.rounded()), rounded_half_up((numerator, denominator)));
        // The same value written another way is the same score.
        let scaled = score_of((numerator * scale, denominator * scale));
        prop_assert_eq!(scaled, score);
        prop_assert_eq!(scaled.rounded(), score.rounded());
        prop_assert_eq!(Band::from_score(score), band_of((numerator, denominator)));
    }

    #[test]
    fn scores_compare_as_their_exact_values(
        a in (0u128..=10_000, 1u128..=10_000),
        b in (0u128..=10_000, 1u128..=10_000),
    ) {
        let (x, y) = (score_of(a), score_of(b));
        prop_assert_eq!(x.cmp(&y), cmp_fraction(a, b));
        prop_assert_eq!(x == y, cmp_fraction(a, b) == Ordering::Equal);
        prop_assert_eq!(Score::mean(&[x, y]), Some(score_of(mean_fraction(&[a, b]))));
        if cmp_fraction(a, b) != Ordering::Less {
            // a - b = (a.0 * b.1 - b.0 * a.1) / (a.1 * b.1).
            prop_assert_eq!(x.minus(y), score_of((a.0 * b.1 - b.0 * a.1, a.1 * b.1)));
        } else {
            prop_assert_eq!(x.minus(y), Score::whole(0));
        }
    }
}
