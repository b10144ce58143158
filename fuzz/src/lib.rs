//! What the fuzz targets share: structured inputs that `arbitrary` builds
//! from the fuzzer's bytes (JSON values, content packs, assessments), the
//! packs and locale they read against, and the checks every target makes on
//! what comes out.
//!
//! Structured inputs matter here: both readers refuse almost every random
//! byte string at the first `{`, so without them the fuzzer would rarely get
//! past "this is not JSON" to the code that walks a file or checks a pack.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Result, Unstructured};
use ready_to_share::model::assessment::{Answer, Assessment, Response};
use ready_to_share::model::content::{
    CaseStudy, ContentPack, Guidance, LevelDescriptors, PolicyArea, Question, StartPage, Theme,
};
use ready_to_share::model::file::{read_assessment, write_assessment, FORMAT_NAME};
use ready_to_share::model::locale::Locale;
use serde_json::{Map, Number, Value};

/// The name packs are parsed under.
pub const PACK_FILE: &str = "fuzz-pack.json";

pub fn built_in_pack() -> &'static ContentPack {
    static PACK: OnceLock<ContentPack> = OnceLock::new();
    PACK.get_or_init(ContentPack::built_in)
}

pub fn english() -> &'static Locale {
    static LOCALE: OnceLock<Locale> = OnceLock::new();
    LOCALE.get_or_init(Locale::english)
}

/// Text a user (or a partner's pack) could hold: hostile markup, formulas,
/// the words the readers look for, or anything at all.
pub const INTERESTING: [&str; 24] = [
    "<img src=x onerror=alert(1)>",
    "\"><script>alert(2)</script>",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+SUM(1)",
    "@cmd",
    "-1",
    "\t=1",
    "\r=1",
    "{area}",
    "{question}",
    "{",
    "}",
    "\u{feff}",
    "é🎉\u{202e}\u{0}",
    "  \n\t",
    "",
    FORMAT_NAME,
    "not-sure",
    "ready-to-share-core",
    "purpose",
    "purpose-what-information",
    "health-social-care",
    "https://example.org/a?b=1&c=\"2\"",
    "[x](javascript:alert(1)) *a* _b_ `c` # d | e",
];

/// A string: one of [`INTERESTING`], anything, or a mix of the two.
#[derive(Debug, Clone)]
pub struct Text(pub String);

impl<'a> Arbitrary<'a> for Text {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Text(match u.int_in_range(0..=3u8)? {
            0 => u.choose(&INTERESTING)?.to_string(),
            1 => format!(
                "{}{}{}",
                String::arbitrary(u)?,
                u.choose(&INTERESTING)?,
                String::arbitrary(u)?
            ),
            _ => String::arbitrary(u)?,
        }))
    }
}

/// Object keys: mostly the names the readers look for.
pub const KEYS: [&str; 40] = [
    "format",
    "format_version",
    "content_pack",
    "id",
    "version",
    "created",
    "updated",
    "context",
    "area",
    "organisation",
    "partners",
    "policy_areas",
    "answers",
    "set_aside",
    "story",
    "level",
    "note",
    "purpose-what-information",
    "governance-dpia",
    "people-tell-once",
    "language",
    "title",
    "start",
    "heading",
    "paragraphs",
    "time_needed",
    "scale",
    "themes",
    "description",
    "questions",
    "text",
    "hint",
    "levels",
    "not_started",
    "embedded",
    "act_if_1_or_2",
    "case_studies",
    "url",
    "summary",
    "guidance",
];

#[derive(Debug, Clone)]
pub struct Key(pub String);

impl<'a> Arbitrary<'a> for Key {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Key(if u.ratio(3u8, 4u8)? {
            u.choose(&KEYS)?.to_string()
        } else {
            Text::arbitrary(u)?.0
        }))
    }
}

/// Any JSON value.
#[derive(Debug, Clone, Arbitrary)]
pub enum Json {
    Null,
    Bool(bool),
    Small(u8),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(Text),
    Array(Vec<Json>),
    Object(Vec<(Key, Json)>),
}

impl Json {
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Small(n) => Value::from(n % 8),
            Json::Int(n) => Value::from(*n),
            Json::Uint(n) => Value::from(*n),
            Json::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Json::Str(t) => Value::String(t.0.clone()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.to_value()))
                    .collect::<Map<_, _>>(),
            ),
        }
    }
}

/// An answer as a file holds it, right or wrong.
#[derive(Debug, Clone, Arbitrary)]
pub enum LevelIn {
    Absent,
    Level(u8),
    NotSure,
    Other(Json),
}

/// An assessment file that is mostly the right shape, so the reader gets
/// past the format checks to the answers.
#[derive(Debug, Clone, Arbitrary)]
pub struct FileShape {
    pub format_version: Option<Json>,
    pub pack_id: Option<Text>,
    pub pack_version: Option<Text>,
    pub created: Text,
    pub updated: Text,
    pub area: Text,
    pub organisation: Text,
    pub partners: Text,
    pub policy_areas: Vec<Text>,
    /// (question: an index into the pack's questions, or any id), level, note
    pub answers: Vec<(Result2<u8, Text>, LevelIn, Option<Text>)>,
    pub set_aside: Vec<(Text, LevelIn, Option<Text>)>,
    pub story: Text,
    /// Fields replaced by anything at all, by JSON pointer.
    pub replaced: Vec<(u8, Json)>,
}

/// `Result` without its meaning: one of two things.
#[derive(Debug, Clone, Arbitrary)]
pub enum Result2<A, B> {
    A(A),
    B(B),
}

const POINTERS: [&str; 12] = [
    "/format_version",
    "/content_pack",
    "/content_pack/id",
    "/context",
    "/context/area",
    "/context/policy_areas",
    "/context/policy_areas/0",
    "/answers",
    "/set_aside",
    "/story",
    "/updated",
    "",
];

impl FileShape {
    pub fn to_text(&self, pack: &ContentPack) -> String {
        let ids: Vec<&str> = pack.questions().map(|(_, q)| q.id.as_str()).collect();
        let answer = |level: &LevelIn, note: &Option<Text>| {
            let mut a = Map::new();
            match level {
                LevelIn::Absent => {}
                LevelIn::Level(l) => {
                    a.insert("level".into(), Value::from(l % 7));
                }
                LevelIn::NotSure => {
                    a.insert("level".into(), Value::from("not-sure"));
                }
                LevelIn::Other(v) => {
                    a.insert("level".into(), v.to_value());
                }
            }
            if let Some(note) = note {
                a.insert("note".into(), Value::from(note.0.clone()));
            }
            Value::Object(a)
        };
        let answers: Map<String, Value> = self
            .answers
            .iter()
            .map(|(q, level, note)| {
                let id = match q {
                    Result2::A(i) if !ids.is_empty() => {
                        ids[usize::from(*i) % ids.len()].to_string()
                    }
                    Result2::A(i) => i.to_string(),
                    Result2::B(t) => t.0.clone(),
                };
                (id, answer(level, note))
            })
            .collect();
        let set_aside: Map<String, Value> = self
            .set_aside
            .iter()
            .map(|(id, level, note)| (id.0.clone(), answer(level, note)))
            .collect();
        let policy: Vec<Value> = self
            .policy_areas
            .iter()
            .map(|t| Value::from(t.0.clone()))
            .collect();
        let mut file = serde_json::json!({
            "format": FORMAT_NAME,
            "format_version": self.format_version.as_ref().map_or(Value::from(1), Json::to_value),
            "content_pack": {
                "id": self.pack_id.as_ref().map_or(Value::from(pack.id.clone()), |t| Value::from(t.0.clone())),
                "version": self.pack_version.as_ref().map_or(Value::from(pack.version.clone()), |t| Value::from(t.0.clone())),
            },
            "created": self.created.0,
            "updated": self.updated.0,
            "context": {
                "area": self.area.0,
                "organisation": self.organisation.0,
                "partners": self.partners.0,
                "policy_areas": policy,
            },
            "answers": answers,
            "set_aside": set_aside,
            "story": self.story.0,
        });
        for (pointer, value) in &self.replaced {
            let pointer = POINTERS[usize::from(*pointer) % POINTERS.len()];
            if let Some(slot) = file.pointer_mut(pointer) {
                *slot = value.to_value();
            }
        }
        file.to_string()
    }
}

/// The text of an assessment file, made one of four ways.
#[derive(Debug, Clone, Arbitrary)]
pub enum FileInput {
    /// Any bytes, read as UTF-8 with replacement characters.
    Bytes(Vec<u8>),
    /// Any JSON value.
    Json(Json),
    /// Any JSON object that says it is ours.
    Ours(Vec<(Key, Json)>, Option<Json>),
    /// A file of nearly the right shape.
    Shape(FileShape),
}

impl FileInput {
    pub fn to_text(&self, pack: &ContentPack) -> String {
        match self {
            FileInput::Bytes(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            FileInput::Json(json) => json.to_value().to_string(),
            FileInput::Ours(fields, version) => {
                let mut object: Map<String, Value> = fields
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.to_value()))
                    .collect();
                object.insert("format".into(), Value::from(FORMAT_NAME));
                object.insert(
                    "format_version".into(),
                    version.as_ref().map_or(Value::from(1), Json::to_value),
                );
                Value::Object(object).to_string()
            }
            FileInput::Shape(shape) => shape.to_text(pack),
        }
    }
}

/// A whole content pack whose text comes from the fuzzer and whose ids are
/// well formed, so most generated packs pass the checks and reach the
/// renderers.
#[derive(Debug, Clone, Arbitrary)]
pub struct PackShape {
    pub title: Text,
    pub scale: [Text; 5],
    pub policy_areas: Vec<Text>,
    /// Each theme: title, description, questions (each its six texts and
    /// five descriptors).
    pub themes: Vec<(Text, Text, Vec<([Text; 4], [Text; 5])>)>,
    /// Each case study: title, summary, url path, and which themes and
    /// policy areas (by index) it covers.
    pub case_studies: Vec<(Text, Text, Text, Vec<u8>, Vec<u8>)>,
    pub guidance: Vec<(Text, Text, Vec<u8>)>,
}

/// Empty or blank text would fail the checks: give it something.
fn filled(text: &Text) -> String {
    if text.0.trim().is_empty() {
        format!("x{}", text.0)
    } else {
        text.0.clone()
    }
}

/// A web address the checks accept, with the fuzzer's text after the host.
fn address(path: &Text) -> String {
    let path: String = path
        .0
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '"')
        .collect();
    format!("https://example.org/{path}")
}

fn pick(indexes: &[u8], ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if ids.is_empty() {
        return out;
    }
    for i in indexes {
        let id = &ids[usize::from(*i) % ids.len()];
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

impl PackShape {
    pub fn to_pack(&self) -> ContentPack {
        let policy_ids: Vec<String> = (0..self.policy_areas.len().min(6))
            .map(|i| format!("policy-{i}"))
            .collect();
        let themes: Vec<Theme> = self
            .themes
            .iter()
            .take(6)
            .enumerate()
            .map(|(t, (title, description, questions))| {
                let mut questions: Vec<Question> = questions
                    .iter()
                    .take(8)
                    .enumerate()
                    .map(|(q, (texts, levels))| Question {
                        id: format!("t{t}-q{q}"),
                        text: filled(&texts[0]),
                        hint: filled(&texts[1]),
                        levels: LevelDescriptors {
                            not_started: filled(&levels[0]),
                            emerging: filled(&levels[1]),
                            developing: filled(&levels[2]),
                            established: filled(&levels[3]),
                            embedded: filled(&levels[4]),
                        },
                        act_if_1_or_2: filled(&texts[2]),
                        act_if_3_or_4: filled(&texts[3]),
                    })
                    .collect();
                if questions.is_empty() {
                    questions.push(Question {
                        id: format!("t{t}-q0"),
                        text: "Q".into(),
                        hint: "H".into(),
                        levels: LevelDescriptors {
                            not_started: "1".into(),
                            emerging: "2".into(),
                            developing: "3".into(),
                            established: "4".into(),
                            embedded: "5".into(),
                        },
                        act_if_1_or_2: "A".into(),
                        act_if_3_or_4: "B".into(),
                    });
                }
                Theme {
                    id: format!("theme-{t}"),
                    title: filled(title),
                    description: filled(description),
                    questions,
                }
            })
            .collect();
        let theme_ids: Vec<String> = themes.iter().map(|t| t.id.clone()).collect();
        let case_studies = self
            .case_studies
            .iter()
            .take(8)
            .enumerate()
            .map(|(i, (title, summary, path, covers, areas))| CaseStudy {
                id: format!("case-{i}"),
                title: filled(title),
                source: "Source".into(),
                place: "Place".into(),
                url: address(path),
                policy_areas: pick(areas, &policy_ids),
                themes: {
                    let mut t = pick(covers, &theme_ids);
                    if t.is_empty() {
                        t.extend(theme_ids.first().cloned());
                    }
                    t
                },
                summary: filled(summary),
            })
            .collect();
        let guidance = self
            .guidance
            .iter()
            .take(4)
            .enumerate()
            .map(|(i, (title, path, covers))| Guidance {
                id: format!("guide-{i}"),
                title: filled(title),
                source: "Source".into(),
                url: address(path),
                themes: pick(covers, &theme_ids),
            })
            .collect();
        ContentPack {
            id: "fuzz-pack".into(),
            version: "1".into(),
            language: "en-GB".into(),
            title: filled(&self.title),
            start: StartPage {
                heading: "Start".into(),
                paragraphs: vec![],
                time_needed: String::new(),
            },
            scale: self.scale.iter().map(filled).collect(),
            policy_areas: policy_ids
                .iter()
                .zip(&self.policy_areas)
                .map(|(id, label)| PolicyArea {
                    id: id.clone(),
                    label: filled(label),
                })
                .collect(),
            themes,
            case_studies,
            guidance,
        }
    }
}

/// Checks what `read_assessment` returned: an error is an error, a warning
/// is not, every answer fits the pack, and what opened saves and opens again
/// unchanged. Panics (so the fuzzer reports a crash) if not.
pub fn check_read(text: &str, pack: &ContentPack) -> Option<Assessment> {
    match read_assessment(text, pack) {
        Ok(opened) => {
            assert!(
                opened.warnings.iter().all(|w| !w.is_error()),
                "{:?}",
                opened.warnings
            );
            let a = &opened.assessment;
            assert_eq!(a.pack_id, pack.id);
            assert!(a.answers.values().all(|x| !x.is_empty()));
            assert!(a.set_aside.values().all(|x| !x.is_empty()));
            assert!(a.answers.keys().all(|id| pack.question(id).is_some()));
            assert!(a.set_aside.keys().all(|id| pack.question(id).is_none()));
            assert!(a
                .answers
                .values()
                .filter_map(|x| x.response.and_then(Response::level))
                .all(|l| (1..=5).contains(&l)));
            let written = write_assessment(a);
            let again = read_assessment(&written, pack).map(|o| o.assessment);
            assert_eq!(again.as_ref(), Ok(a), "saved and opened again: {written}");
            Some(opened.assessment)
        }
        Err(problem) => {
            assert!(problem.is_error(), "{problem:?}");
            None
        }
    }
}

/// An assessment built directly (not read), for the renderers: any answers,
/// any text.
#[derive(Debug, Clone, Arbitrary)]
pub struct AssessmentShape {
    pub area: Text,
    pub organisation: Text,
    pub partners: Text,
    pub story: Text,
    pub policy_areas: Vec<u8>,
    /// (question by index, level 0 = none, 6 = not sure, note)
    pub answers: Vec<(u8, u8, Text)>,
}

impl AssessmentShape {
    pub fn to_assessment(&self, pack: &ContentPack) -> Assessment {
        let mut a = Assessment::new(pack, "2026-11-22T10:00:00Z");
        let ids: Vec<String> = pack.questions().map(|(_, q)| q.id.clone()).collect();
        a.context.area = self.area.0.clone();
        a.context.organisation = self.organisation.0.clone();
        a.context.partners = self.partners.0.clone();
        a.story = self.story.0.clone();
        let policy: Vec<String> = pack.policy_areas.iter().map(|p| p.id.clone()).collect();
        a.context.policy_areas = pick(&self.policy_areas, &policy).into_iter().collect();
        let mut answers = BTreeMap::new();
        for (q, level, note) in &self.answers {
            if ids.is_empty() {
                break;
            }
            let id = ids[usize::from(*q) % ids.len()].clone();
            let response = match level % 7 {
                0 => None,
                6 => Some(Response::NotSure),
                l => Some(Response::Level(l)),
            };
            answers.insert(
                id,
                Answer {
                    response,
                    note: note.0.clone(),
                },
            );
        }
        for (id, answer) in answers {
            a.set_note(&id, &answer.note);
            a.set_response(&id, answer.response);
        }
        a
    }
}

/// Checks a rendered HTML document: whatever the text, it never holds
/// markup that could run or load anything.
pub fn check_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    for tag in [
        "<script", "<img", "<iframe", "<object", "<embed", "<link", "<base", "<form",
    ] {
        assert!(!lower.contains(tag), "the HTML holds {tag}:\n{html}");
    }
    // No tag carries an event handler (escaped text such as
    // "&lt;img onerror=...&gt;" is fine: it is not inside a tag).
    for tag in lower.split('<').skip(1) {
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let inside = tag.split('>').next().unwrap_or("");
        let handler = inside
            .split(|c: char| c.is_whitespace() || c == '/')
            .skip(1)
            .any(|attribute| attribute.starts_with("on") && attribute.contains('='));
        assert!(
            !handler,
            "a tag in the HTML has an event handler: <{inside}>\n{html}"
        );
    }
}

/// Checks rendered Markdown: no raw HTML tags from the text.
pub fn check_markdown(markdown: &str) {
    let lower = markdown.to_ascii_lowercase();
    for tag in ["<script", "<img", "<iframe"] {
        assert!(
            !lower.contains(tag),
            "the Markdown holds {tag}:\n{markdown}"
        );
    }
}

/// Parses RFC 4180 CSV (every field quoted, as the renderer writes it) and
/// checks that no cell starts as a spreadsheet formula would, and every row
/// has as many cells as the header.
pub fn check_csv(csv: &str) {
    let text = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' => {
                let mut cell = String::new();
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        Some('"') => break,
                        Some(c) => cell.push(c),
                        None => panic!("an unclosed quote in the CSV:\n{csv}"),
                    }
                }
                row.push(cell);
            }
            ',' => {}
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF in the CSV:\n{csv}");
                rows.push(std::mem::take(&mut row));
            }
            other => panic!("{other:?} outside a quoted cell in the CSV:\n{csv}"),
        }
    }
    assert!(
        row.is_empty(),
        "the CSV does not end with a line break:\n{csv}"
    );
    let width = rows.first().map_or(0, Vec::len);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(
            r.len(),
            width,
            "row {i} has {} cells, not {width}:\n{csv}",
            r.len()
        );
        for cell in r {
            let first = cell.chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "a cell starts as a formula: {cell:?}"
            );
        }
    }
}
