//! Workshop consensus: agreed levels where recorded, the partners' median
//! where not (said so per question), the partners listed, the file named for
//! the partnership, and files of other pack versions. Questions are found by
//! position in the built-in pack.
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::consensus::{
    agreed_assessment, median_level, other_versions_text, suggested_name, Basis, Consensus,
    MAX_AGREEMENT_CHARS,
};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, write_assessment, FileProblem};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::partnership::{letters, partnership};
use ready_to_share::model::plan::PlanProblem;
use serde_json::{json, Value};

const NOW: &str = "2026-11-22T10:00:00.000Z";

fn ids(pack: &ContentPack) -> Vec<String> {
    pack.questions().map(|(_, q)| q.id.clone()).collect()
}

fn file(pack: &ContentPack, organisation: &str, area: &str, levels: &[Option<Response>]) -> String {
    let mut a = Assessment::new(pack, NOW);
    a.context.organisation = organisation.to_string();
    a.context.area = area.to_string();
    for (id, response) in ids(pack).iter().zip(levels) {
        a.set_response(id, *response);
    }
    write_assessment(&a)
}

fn l(level: u8) -> Option<Response> {
    Some(Response::Level(level))
}

#[test]
fn the_median_level_is_the_middle_or_the_lower_middle() {
    assert_eq!(median_level(&[]), None);
    assert_eq!(median_level(&[4]), Some(4));
    assert_eq!(median_level(&[5, 1, 3]), Some(3));
    assert_eq!(median_level(&[2, 3]), Some(2));
    assert_eq!(median_level(&[1, 5, 4, 2]), Some(2));
}

#[test]
fn agreements_are_checked_and_tidied() {
    let mut c = Consensus::default();
    c.set_level("q", Some(3));
    c.set_level("q", Some(9));
    assert_eq!(
        c.level("q"),
        Some(3),
        "a level out of range changes nothing"
    );
    assert_eq!(
        c.set_note("q", &"x".repeat(MAX_AGREEMENT_CHARS + 1)),
        Err(PlanProblem::TooLong {
            limit: MAX_AGREEMENT_CHARS,
            length: MAX_AGREEMENT_CHARS + 1
        })
    );
    c.set_note("q", "Because the DPO said so").unwrap();
    assert_eq!(c.agreed_count(), 1);
    c.set_level("q", None);
    assert_eq!(
        c.get("q").map(|a| a.note.as_str()),
        Some("Because the DPO said so")
    );
    c.set_note("q", "").unwrap();
    assert!(c.agreed.is_empty());
}

/// Three partners; question 0 and 1 agreed at the workshop, the rest by the
/// rules.
#[test]
fn the_agreed_assessment_uses_agreed_levels_else_the_median_and_says_which() {
    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let q = ids(&pack);
    let files = vec![
        (
            "council.json",
            file(
                &pack,
                "Council",
                "Northshire",
                &[l(1), l(1), l(2), l(1), Some(Response::NotSure), None],
            ),
        ),
        (
            "nhs.json",
            file(
                &pack,
                "NHS <Trust>",
                "Northshire",
                &[l(5), l(4), l(4), l(2), None, None],
            ),
        ),
        (
            "police.json",
            file(&pack, "Police", "", &[l(3), l(2), l(5), None, None, None]),
        ),
    ];
    let view = partnership(&pack, &locale, &files, false);
    assert!(view.disagreements.contains(&q[0]));
    let mut consensus = Consensus::default();
    consensus.set_level(&q[0], Some(2));
    consensus
        .set_note(&q[0], "Only the council has a policy")
        .unwrap();
    consensus.set_level(&q[1], Some(3));

    let name = suggested_name(&view);
    assert_eq!(name, "Northshire");
    let agreed = agreed_assessment(&pack, &locale, &view, &consensus, &name, NOW);
    let a = &agreed.assessment;
    let basis = |i: usize| agreed.questions[i].basis;
    // Agreed where recorded.
    assert_eq!(a.response(&q[0]), l(2));
    assert_eq!(basis(0), Basis::Agreed);
    assert!(a.note(&q[0]).contains(locale.consensus.note_agreed));
    assert!(a.note(&q[0]).contains("Only the council has a policy"));
    assert_eq!(a.response(&q[1]), l(3));
    // The median where not: 2, 4, 5 -> 4.
    assert_eq!(a.response(&q[2]), l(4));
    assert_eq!(basis(2), Basis::Median { partners: 3 });
    assert!(
        a.note(&q[2]).contains("from 3 of 3 partners"),
        "{}",
        a.note(&q[2])
    );
    // Two levels, 1 and 2: the lower middle.
    assert_eq!(a.response(&q[3]), l(1));
    assert_eq!(basis(3), Basis::Median { partners: 2 });
    // Only "not sure": not sure, said so.
    assert_eq!(a.response(&q[4]), Some(Response::NotSure));
    assert_eq!(basis(4), Basis::NotSure { partners: 1 });
    // Nobody answered: no answer.
    assert_eq!(a.response(&q[5]), None);
    assert_eq!(basis(5), Basis::NoAnswer);
    // Each note lists every partner's answer.
    assert!(
        a.note(&q[2])
            .contains(&format!("{}: Council", pack.level_label(2))),
        "{}",
        a.note(&q[2])
    );
    // Named for the partnership, partners listed.
    assert_eq!(a.context.area, "Northshire");
    assert_eq!(a.context.organisation, "");
    assert_eq!(a.context.partners, "Council\nNHS <Trust>\nPolice");
    assert!(agreed.other_versions.is_empty());
    assert_eq!(other_versions_text(&pack, &locale, &agreed), None);

    // It is a normal file: it opens, and gives the partnership's summary.
    let text = write_assessment(a);
    let opened = read_assessment(&text, &pack).expect("the agreed file opens");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert_eq!(opened.assessment.answers, a.answers);
    let summary = ready_to_share::model::summary::summarise(&pack, &opened.assessment);
    assert!(summary
        .priority_actions
        .iter()
        .any(|x| x.question_id == q[0]));
    assert!(summary.find_out.iter().any(|f| f.question_id == q[4]));

    // A blank name uses the default.
    let unnamed = agreed_assessment(&pack, &locale, &view, &consensus, "  ", NOW);
    assert_eq!(
        unnamed.assessment.context.area,
        locale.consensus.default_name
    );
}

#[test]
fn files_of_another_pack_version_are_named_and_their_unmatched_answers_kept() {
    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let q = ids(&pack);
    let current = file(&pack, "Council", "", &[l(2), l(4)]);
    let mut older: Value = serde_json::from_str(&file(&pack, "Police", "", &[l(4), l(2)])).unwrap();
    older["content_pack"]["version"] = json!("1.0.0");
    older["answers"]["a-question-long-gone"] = json!({ "level": 3, "note": "old" });
    let files = vec![
        ("council.json", current),
        ("police.json", older.to_string()),
    ];
    let view = partnership(&pack, &locale, &files, false);
    let agreed = agreed_assessment(
        &pack,
        &locale,
        &view,
        &Consensus::default(),
        "Eastshire",
        NOW,
    );
    assert_eq!(
        agreed.other_versions,
        [("Police".to_string(), "1.0.0".to_string())]
    );
    let message = other_versions_text(&pack, &locale, &agreed).expect("a message");
    assert!(message.contains("Police (1.0.0)"), "{message}");
    assert!(message.contains(&pack.version));
    // The answer to a question this version does not ask is kept aside.
    let kept = agreed
        .assessment
        .set_aside
        .get("a-question-long-gone")
        .expect("kept aside");
    assert_eq!(kept.response, l(3));
    assert!(kept.note.contains("Police"));
    // Matched answers use the rules as usual: 2 and 4 -> 2.
    assert_eq!(agreed.assessment.response(&q[0]), l(2));
    let back = read_assessment(&write_assessment(&agreed.assessment), &pack).unwrap();
    assert!(back
        .assessment
        .set_aside
        .contains_key("a-question-long-gone"));
}

/// Every field of an opened assessment within what the screens accept:
/// the About page's fields, and each note (answers and kept aside).
fn over_the_screens_limits(a: &Assessment) -> Vec<String> {
    use ready_to_share::model::file::{MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_PARTNERS_CHARS};
    let mut over = Vec::new();
    let mut check = |what: String, text: &str, limit: usize| {
        if text.chars().count() > limit {
            over.push(format!("{what}: {} > {limit}", text.chars().count()));
        }
    };
    check("area".into(), &a.context.area, MAX_NAME_CHARS);
    check(
        "organisation".into(),
        &a.context.organisation,
        MAX_NAME_CHARS,
    );
    check("partners".into(), &a.context.partners, MAX_PARTNERS_CHARS);
    for (id, answer) in a.answers.iter().chain(a.set_aside.iter()) {
        check(format!("note {id}"), &answer.note, MAX_NOTE_CHARS);
    }
    over
}

/// The agreed file of `count` partners, each with a name of 40 or more
/// characters, answering every question (levels 1 to 5 and "not sure" in
/// turn) and, with `old_answers`, one question the pack no longer asks; one
/// question agreed with a note as long as the screen allows.
fn many_partners_agreed(
    count: usize,
    anonymise: bool,
    old_answers: bool,
) -> (ContentPack, Assessment, String) {
    use ready_to_share::model::assessment::Answer;
    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let files: Vec<(String, String)> = (0..count)
        .map(|i| {
            let mut a = Assessment::new(&pack, NOW);
            a.context.organisation = format!("Partner organisation with a long name, number {i}");
            a.context.area = "Bath and North East Somerset".into();
            for (j, id) in ids(&pack).iter().enumerate() {
                let response = match (i + j) % 6 {
                    5 => Some(Response::NotSure),
                    n => l(n as u8 + 1),
                };
                a.set_response(id, response);
            }
            if old_answers {
                a.set_aside.insert(
                    "a-question-no-longer-asked".into(),
                    Answer {
                        response: l(1 + (i % 5) as u8),
                        note: String::new(),
                    },
                );
            }
            (format!("partner-{i}.json"), write_assessment(&a))
        })
        .collect();
    let view = partnership(&pack, &locale, &files, anonymise);
    assert_eq!(view.partners.len(), count);
    let q = ids(&pack);
    let mut consensus = Consensus::default();
    consensus.set_level(&q[0], Some(3));
    consensus
        .set_note(&q[0], &"w".repeat(MAX_AGREEMENT_CHARS))
        .expect("a note the screen allows");
    let name = suggested_name(&view);
    let agreed = agreed_assessment(&pack, &locale, &view, &consensus, &name, NOW);
    let text = write_assessment(&agreed.assessment);
    (pack, agreed.assessment, text)
}

#[test]
fn the_agreed_file_of_90_or_200_partners_opens_cleanly_in_the_app() {
    for count in [90, 200] {
        for (anonymise, old_answers) in [(false, false), (true, false), (false, true)] {
            let (pack, written, text) = many_partners_agreed(count, anonymise, old_answers);
            let opened = read_assessment(&text, &pack).expect("the agreed file opens");
            // Only the answers kept aside are reported, as they are in
            // any file that has them.
            let expected = if old_answers {
                vec![FileProblem::UnknownQuestion {
                    question_id: "a-question-no-longer-asked".into(),
                    question: None,
                    replacement: None,
                }]
            } else {
                Vec::new()
            };
            assert_eq!(opened.warnings, expected, "{count} partners: no warnings");
            assert_eq!(
                over_the_screens_limits(&opened.assessment),
                Vec::<String>::new(),
                "{count} partners: every field within the screens' limits"
            );
            assert_eq!(opened.assessment, written);

            // The partners listed as far as they fit, then where the rest
            // are. Letters are short: 200 of them fit.
            let partners: Vec<&str> = opened.assessment.context.partners.lines().collect();
            let first = if anonymise {
                "Partner A"
            } else {
                "Partner organisation with a long name, number 0"
            };
            assert_eq!(partners[0], first);
            let last = partners.last().expect("a list");
            if anonymise {
                assert_eq!(partners.len(), count);
                assert_eq!(*last, format!("Partner {}", letters(count - 1)));
            } else {
                assert!(
                    last.starts_with("And ")
                        && last.ends_with(&format!(
                            "more of the {count} partners. The partnership report names them all."
                        )),
                    "{last}"
                );
                let more: usize = last
                    .trim_start_matches("And ")
                    .split(' ')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("how many more");
                assert_eq!(partners.len() - 1 + more, count, "every partner counted");
                assert_eq!(
                    partners[partners.len() - 2],
                    format!(
                        "Partner organisation with a long name, number {}",
                        partners.len() - 2
                    )
                );
            }

            // Each note gives the answers by how many partners gave them,
            // and keeps what the workshop agreed and wrote.
            let q = ids(&pack);
            let note = opened.assessment.note(&q[0]);
            assert!(note.starts_with("Agreed by partners at the workshop.\n"));
            assert!(note.contains(&"w".repeat(MAX_AGREEMENT_CHARS)));
            if anonymise {
                // Letters are short enough to be listed.
                assert!(note.contains("Partner A, "), "{note}");
                continue;
            }
            assert!(note.contains("Who said what is in the partnership report."));
            let second = opened.assessment.note(&q[1]);
            let per_answer = count / 6;
            assert!(
                second.contains(&format!(": {per_answer} partners")),
                "{second}"
            );
            assert!(!second.contains("number 1,"), "{second}");
            if old_answers {
                let aside = opened
                    .assessment
                    .set_aside
                    .get("a-question-no-longer-asked")
                    .expect("kept aside");
                assert!(aside
                    .note
                    .contains("Who said what is in the partnership report."));
            }
        }
    }
}

#[test]
fn a_few_partners_are_still_named_in_full() {
    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let files = vec![
        ("a.json".to_string(), file(&pack, "Council", "", &[l(1)])),
        ("b.json".to_string(), file(&pack, "Police", "", &[l(4)])),
    ];
    let view = partnership(&pack, &locale, &files, false);
    let agreed = agreed_assessment(&pack, &locale, &view, &Consensus::default(), "Bath", NOW);
    assert_eq!(agreed.assessment.context.partners, "Council\nPolice");
    let note = agreed.assessment.note(&ids(&pack)[0]);
    assert!(
        note.ends_with("Partners' answers: Not started: Council; Established: Police."),
        "{note}"
    );
}
