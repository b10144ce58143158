//! Small hand-made content packs and assessments for the model tests, so the
//! tests do not depend on the wording of the built-in pack.
#![allow(dead_code)]

pub mod cases;

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::{
    CaseStudy, ContentPack, Guidance, LevelDescriptors, PolicyArea, Question, StartPage, Theme,
};
use ready_to_share::model::scoring::Score;

/// The name test packs are parsed and checked under.
pub const FILE: &str = "test-pack.json";
pub const PACK_ID: &str = "test-pack";
pub const PACK_VERSION: &str = "2.0.0";
pub const NOW: &str = "2024-05-01T10:00:00Z";

/// A complete question; its actions name it, so tests can tell them apart.
pub fn question(id: &str) -> Question {
    Question {
        id: id.to_string(),
        text: format!("Question {id}?"),
        hint: format!("Why {id} matters."),
        levels: LevelDescriptors {
            not_started: format!("{id} level 1"),
            emerging: format!("{id} level 2"),
            developing: format!("{id} level 3"),
            established: format!("{id} level 4"),
            embedded: format!("{id} level 5"),
        },
        act_if_1_or_2: format!("{id}: start"),
        act_if_3: format!("{id}: agree"),
        act_if_4: format!("{id}: embed"),
        act_if_3_or_4: String::new(),
        guidance: Vec::new(),
        source: format!("Where {id} comes from."),
    }
}

pub fn theme(id: &str, question_ids: &[&str]) -> Theme {
    Theme {
        id: id.to_string(),
        title: format!("Theme {id}"),
        description: format!("What {id} covers."),
        questions: question_ids.iter().map(|q| question(q)).collect(),
    }
}

pub fn policy_area(id: &str) -> PolicyArea {
    PolicyArea {
        id: id.to_string(),
        label: format!("Area {id}"),
    }
}

pub fn case_study(id: &str, themes: &[&str], policy_areas: &[&str]) -> CaseStudy {
    CaseStudy {
        id: id.to_string(),
        title: format!("Case {id}"),
        source: "A council, 2020".to_string(),
        place: format!("Place of {id}"),
        url: format!("https://example.org/{id}"),
        policy_areas: policy_areas.iter().map(|s| s.to_string()).collect(),
        themes: themes.iter().map(|s| s.to_string()).collect(),
        summary: format!("What happened in {id}."),
        ..CaseStudy::default()
    }
}

pub fn guidance(id: &str, themes: &[&str]) -> Guidance {
    Guidance {
        id: id.to_string(),
        title: format!("Guide {id}"),
        source: "A regulator, 2021".to_string(),
        publisher: "A regulator".to_string(),
        published: "2021".to_string(),
        url: format!("https://example.org/guide/{id}"),
        themes: themes.iter().map(|s| s.to_string()).collect(),
        ..Guidance::default()
    }
}

/// A valid pack with the given themes and case studies, policy areas
/// "health", "safety" and "housing", and no guidance.
pub fn pack_with(themes: Vec<Theme>, case_studies: Vec<CaseStudy>) -> ContentPack {
    ContentPack {
        id: PACK_ID.to_string(),
        version: PACK_VERSION.to_string(),
        language: "en-GB".to_string(),
        title: "Test pack".to_string(),
        start: StartPage {
            heading: "Start here".to_string(),
            paragraphs: vec!["A paragraph.".to_string()],
            time_needed: "Ten minutes.".to_string(),
        },
        scale: ["One", "Two", "Three", "Four", "Five"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        policy_areas: ["health", "safety", "housing"]
            .iter()
            .map(|id| policy_area(id))
            .collect(),
        themes,
        case_studies,
        guidance: Vec::new(),
        earlier_questions: Vec::new(),
    }
}

/// Three themes: alpha (a1, a2), beta (b1, b2, b3), gamma (c1); two case
/// studies and one guide.
pub fn small_pack() -> ContentPack {
    let mut pack = pack_with(
        vec![
            theme("alpha", &["a1", "a2"]),
            theme("beta", &["b1", "b2", "b3"]),
            theme("gamma", &["c1"]),
        ],
        vec![
            case_study("case-one", &["alpha"], &["health"]),
            case_study("case-two", &["beta", "gamma"], &[]),
        ],
    );
    pack.guidance = vec![guidance("guide-one", &["alpha"])];
    pack
}

/// Every question id of `pack`, in pack order.
pub fn question_ids(pack: &ContentPack) -> Vec<String> {
    pack.questions().map(|(_, q)| q.id.clone()).collect()
}

/// A new assessment of `pack` with the given responses.
pub fn answered(pack: &ContentPack, responses: &[(&str, Response)]) -> Assessment {
    let mut assessment = Assessment::new(pack, NOW);
    for (id, response) in responses {
        assessment.set_response(id, Some(*response));
    }
    assessment
}

pub fn level(level: u8) -> Response {
    Response::Level(level)
}

/// The pack as JSON text, for tests that break it by editing the JSON.
pub fn to_json_value(pack: &ContentPack) -> serde_json::Value {
    serde_json::to_value(pack).expect("a pack serialises")
}

/// An exact score of `numerator / denominator` points, for expected values
/// worked out by hand.
pub fn exact(numerator: u128, denominator: u128) -> Score {
    Score::ratio(numerator, denominator).expect("a denominator above 0")
}

/// A score as the screens and downloads show it: rounded, halves up.
pub fn shown(score: Option<Score>) -> Option<u8> {
    score.map(Score::rounded)
}

/// The issue's example: five themes whose exact scores are 37.5, 37.5, 37.5,
/// 70.83 and 62.5. Rounded for display they are 38, 38, 38, 71 and 63, whose
/// mean is 248 / 5 = 49.6, shown as 50 (the old, wrong, overall); the exact
/// overall is 49.17. See [`issue_example_answers`].
pub fn issue_example_pack() -> ContentPack {
    pack_with(
        vec![
            theme("purpose", &["p1", "p2"]),
            theme("governance", &["g1", "g2"]),
            theme("people", &["s1", "s2"]),
            theme("data", &["d1", "d2", "d3", "d4", "d5", "d6"]),
            theme("culture", &["c1", "c2"]),
        ],
        Vec::new(),
    )
}

/// Answers to [`issue_example_pack`], with the exact theme scores:
/// purpose, governance, people: levels 2 and 3, (25 + 50) / 2 = 37.5;
/// data: five at level 4 and one at 3, (5 * 75 + 50) / 6 = 425 / 6 = 70.83;
/// culture: levels 3 and 4, (50 + 75) / 2 = 62.5.
/// Overall: (3 * 75/2 + 425/6 + 125/2) / 5 = (675 + 425 + 375) / 6 / 5
/// = 1475 / 30 = 295 / 6 = 49.17.
pub fn issue_example_answers(pack: &ContentPack) -> Assessment {
    answered(
        pack,
        &[
            ("p1", level(2)),
            ("p2", level(3)),
            ("g1", level(2)),
            ("g2", level(3)),
            ("s1", level(2)),
            ("s2", level(3)),
            ("d1", level(4)),
            ("d2", level(4)),
            ("d3", level(4)),
            ("d4", level(4)),
            ("d5", level(4)),
            ("d6", level(3)),
            ("c1", level(3)),
            ("c2", level(4)),
        ],
    )
}

/// The issue's second example: purpose (p1), governance (g1..g7) and data
/// (d1..d6), in that order. See [`close_themes_answers`].
pub fn close_themes_pack() -> ContentPack {
    pack_with(
        vec![
            theme("purpose", &["p1"]),
            theme("governance", &["g1", "g2", "g3", "g4", "g5", "g6", "g7"]),
            theme("data", &["d1", "d2", "d3", "d4", "d5", "d6"]),
        ],
        Vec::new(),
    )
}

/// Answers to [`close_themes_pack`]: purpose at `purpose_level`;
/// governance six at level 3 and one at 2, (6 * 50 + 25) / 7 = 325 / 7 =
/// 46.43; data five at level 3 and one at 2, (5 * 50 + 25) / 6 = 275 / 6 =
/// 45.83. Both show as 46, governance first in pack order, yet data is the
/// weaker.
pub fn close_themes_answers(pack: &ContentPack, purpose_level: u8) -> Assessment {
    let mut responses = vec![("p1", level(purpose_level))];
    for id in ["g1", "g2", "g3", "g4", "g5", "g6"] {
        responses.push((id, level(3)));
    }
    responses.push(("g7", level(2)));
    for id in ["d1", "d2", "d3", "d4", "d5"] {
        responses.push((id, level(3)));
    }
    responses.push(("d6", level(2)));
    answered(pack, &responses)
}
