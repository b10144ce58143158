//! The content pack's shape as data for [`json_shape`] (partners' packs,
//! and the built-in pack's JSON in tests) and [`packed_shape`] (the built-in
//! pack as the app carries it), and the pack built from what they read.
//!
//! Field lists are in each struct's declaration order (serde's order, which
//! its messages list and its array form fills); the builders below take the
//! fields in the same order.

use super::content::{
    AppliesIn, CaseStudy, Change, ContentError, ContentPack, EarlierQuestion, Guidance,
    LevelDescriptors, PolicyArea, Question, StartPage, Theme, BUILT_IN_PACKED,
};
use super::json_shape::{self, Fields, Record, Shape, Words};
use super::packed_shape;

const TEXT: Shape = Shape::Text;
const TEXTS: Shape = Shape::Texts;

static PACK: Record = Record {
    name: "struct ContentPack",
    fields: &[
        "id",
        "version",
        "language",
        "title",
        "start",
        "scale",
        "policy_areas",
        "themes",
        "case_studies",
        "guidance",
        "earlier_questions",
    ],
    shapes: &[
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        Shape::Record(&START),
        TEXTS,
        Shape::Records(&POLICY_AREA),
        Shape::Records(&THEME),
        Shape::Records(&CASE_STUDY),
        Shape::Records(&GUIDANCE),
        Shape::Records(&EARLIER_QUESTION),
    ],
};

static START: Record = Record {
    name: "struct StartPage",
    fields: &["heading", "paragraphs", "time_needed"],
    shapes: &[TEXT, TEXTS, TEXT],
};

static POLICY_AREA: Record = Record {
    name: "struct PolicyArea",
    fields: &["id", "label"],
    shapes: &[TEXT, TEXT],
};

static THEME: Record = Record {
    name: "struct Theme",
    fields: &["id", "title", "description", "questions"],
    shapes: &[TEXT, TEXT, TEXT, Shape::Records(&QUESTION)],
};

static QUESTION: Record = Record {
    name: "struct Question",
    fields: &[
        "id",
        "text",
        "hint",
        "levels",
        "act_if_1_or_2",
        "act_if_3",
        "act_if_4",
        "act_if_3_or_4",
        "guidance",
        "source",
    ],
    shapes: &[
        TEXT,
        TEXT,
        TEXT,
        Shape::Record(&LEVELS),
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXTS,
        TEXT,
    ],
};

static LEVELS: Record = Record {
    name: "struct LevelDescriptors",
    fields: &LevelDescriptors::FIELD_NAMES,
    shapes: &[TEXT, TEXT, TEXT, TEXT, TEXT],
};

static CASE_STUDY: Record = Record {
    name: "struct CaseStudy",
    fields: &[
        "id",
        "title",
        "source",
        "place",
        "url",
        "policy_areas",
        "themes",
        "summary",
        "national",
    ],
    shapes: &[
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXTS,
        TEXTS,
        TEXT,
        Shape::Flag,
    ],
};

static GUIDANCE: Record = Record {
    name: "struct Guidance",
    fields: &[
        "id",
        "title",
        "source",
        "publisher",
        "published",
        "url",
        "themes",
        "applies_in",
    ],
    shapes: &[
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXTS,
        Shape::Word(&APPLIES_IN),
    ],
};

static APPLIES_IN: Words = Words {
    words: &["uk", "england", "wales"],
    listed: "one of `uk`, `england`, `wales`",
};

static EARLIER_QUESTION: Record = Record {
    name: "struct EarlierQuestion",
    fields: &["id", "version", "text", "change", "replaced_by", "levels"],
    shapes: &[
        TEXT,
        TEXT,
        TEXT,
        Shape::Word(&CHANGE),
        TEXT,
        Shape::Record(&LEVELS),
    ],
};

static CHANGE: Words = Words {
    words: &["reworded", "removed", "meaning"],
    listed: "one of `reworded`, `removed`, `meaning`",
};

/// Reads a pack's JSON; the error is serde_json's message with its position.
/// The pack is not checked here: see [`ContentPack::check`].
pub fn read_pack(text: &str) -> Result<ContentPack, String> {
    json_shape::read(text, Shape::Record(&PACK)).map(|node| pack(node.fields()))
}

/// Reads the packed form build.rs writes for the built-in pack; `None` only
/// if the build wrote it wrongly.
pub fn unpack_pack(packed: &str) -> Option<ContentPack> {
    packed_shape::unpack(packed, Shape::Record(&PACK)).map(|node| pack(node.fields()))
}

fn pack(mut f: Fields) -> ContentPack {
    ContentPack {
        id: f.text(),
        version: f.text(),
        language: f.text(),
        title: f.text(),
        start: f.record(start),
        scale: f.texts(),
        policy_areas: f.records(policy_area),
        themes: f.records(theme),
        case_studies: f.records(case_study),
        guidance: f.records(guidance),
        earlier_questions: f.records(earlier_question),
    }
}

fn start(mut f: Fields) -> StartPage {
    StartPage {
        heading: f.text(),
        paragraphs: f.texts(),
        time_needed: f.text(),
    }
}

fn policy_area(mut f: Fields) -> PolicyArea {
    PolicyArea {
        id: f.text(),
        label: f.text(),
    }
}

fn theme(mut f: Fields) -> Theme {
    Theme {
        id: f.text(),
        title: f.text(),
        description: f.text(),
        questions: f.records(question),
    }
}

fn question(mut f: Fields) -> Question {
    Question {
        id: f.text(),
        text: f.text(),
        hint: f.text(),
        levels: f.record(levels),
        act_if_1_or_2: f.text(),
        act_if_3: f.text(),
        act_if_4: f.text(),
        act_if_3_or_4: f.text(),
        guidance: f.texts(),
        source: f.text(),
    }
}

fn levels(mut f: Fields) -> LevelDescriptors {
    LevelDescriptors {
        not_started: f.text(),
        emerging: f.text(),
        developing: f.text(),
        established: f.text(),
        embedded: f.text(),
    }
}

fn case_study(mut f: Fields) -> CaseStudy {
    CaseStudy {
        id: f.text(),
        title: f.text(),
        source: f.text(),
        place: f.text(),
        url: f.text(),
        policy_areas: f.texts(),
        themes: f.texts(),
        summary: f.text(),
        national: f.flag(),
    }
}

fn guidance(mut f: Fields) -> Guidance {
    Guidance {
        id: f.text(),
        title: f.text(),
        source: f.text(),
        publisher: f.text(),
        published: f.text(),
        url: f.text(),
        themes: f.texts(),
        applies_in: match f.text().as_str() {
            "england" => AppliesIn::England,
            "wales" => AppliesIn::Wales,
            _ => AppliesIn::Uk,
        },
    }
}

fn earlier_question(mut f: Fields) -> EarlierQuestion {
    EarlierQuestion {
        id: f.text(),
        version: f.text(),
        text: f.text(),
        change: match f.text().as_str() {
            "removed" => Change::Removed,
            "meaning" => Change::Meaning,
            _ => Change::Reworded,
        },
        replaced_by: f.text(),
        levels: f.record(levels),
    }
}

impl ContentPack {
    /// Reads and checks a pack. `file` names its source in every error.
    pub fn parse(file: &str, text: &str) -> Result<ContentPack, Vec<ContentError>> {
        let pack = read_pack(text).map_err(|e| {
            vec![ContentError {
                file: file.to_string(),
                item: String::new(),
                field: String::new(),
                problem: format!("this is not a valid content pack: {e}"),
            }]
        })?;
        let errors = pack.check(file);
        if errors.is_empty() {
            Ok(pack)
        } else {
            Err(errors)
        }
    }

    /// The built-in pack. The test suite checks it and compares it with the
    /// pack read from its JSON, so this cannot fail in a build that passed
    /// its tests, and it is not checked again at every start.
    pub fn built_in() -> ContentPack {
        match unpack_pack(BUILT_IN_PACKED) {
            Some(pack) => pack,
            None => panic!("the built-in content pack was packed wrongly by build.rs"),
        }
    }

    /// A partner's pack, as the loader found it (its text, or why it could
    /// not be fetched), through the one way in: its size and question count
    /// checked before it is read, then read and checked like the built-in
    /// pack. On failure, what to tell people, worded by `locale`: a pack's
    /// own mistakes are listed after the locale's sentence, in English, for
    /// the web team that wrote it.
    pub fn load_partner(
        source: &str,
        text: Result<&str, &str>,
        locale: &crate::model::locale::Locale,
    ) -> Result<ContentPack, Vec<String>> {
        use crate::model::pack_limits::check_pack_limits;
        let text = text.map_err(|reason| vec![locale.pack_not_fetched(source, reason)])?;
        check_pack_limits(text).map_err(|limit| vec![locale.pack_limit(source, limit)])?;
        ContentPack::parse(source, text)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }
}
