//! Small hand-made content packs and assessments for the model tests, so the
//! tests do not depend on the wording of the built-in pack.
#![allow(dead_code)]

pub mod cases;

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::{
    CaseStudy, ContentPack, Guidance, LevelDescriptors, PolicyArea, Question, StartPage, Theme,
};

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
        act_if_3_or_4: format!("{id}: improve"),
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
        place: "Somewhere".to_string(),
        url: format!("https://example.org/{id}"),
        policy_areas: policy_areas.iter().map(|s| s.to_string()).collect(),
        themes: themes.iter().map(|s| s.to_string()).collect(),
        summary: format!("What happened in {id}."),
    }
}

pub fn guidance(id: &str, themes: &[&str]) -> Guidance {
    Guidance {
        id: id.to_string(),
        title: format!("Guide {id}"),
        source: "A regulator, 2021".to_string(),
        url: format!("https://example.org/guide/{id}"),
        themes: themes.iter().map(|s| s.to_string()).collect(),
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
