//! The assessment file: the JSON a user downloads and can open again later.
//!
//! Writing uses typed structs so fields come out in a readable order.
//! Reading walks a `serde_json::Value` by hand, so that every problem can be
//! named precisely (which answer, which field) and one bad answer does not
//! stop the rest of the file from opening.

use serde::Serialize;
use serde_json::Value;

use crate::model::assessment::{Answer, Assessment, Context, Response};
use crate::model::content::{Change, ContentPack, Nation};
use crate::model::locale::Language;
use crate::model::merge::{Stamped, Stamps};
use crate::model::sorted::SortedMap;
use crate::model::{plan_file, plan_file::EntryOut};

/// Names the format inside every file, so we can tell our files from others.
pub const FORMAT_NAME: &str = "ready-to-share-assessment";
/// Raised when the meaning of a field changes; readers migrate older ones.
/// Version 2 added the action plan (`plan`); a version 1 file opens with an
/// empty plan.
pub const FORMAT_VERSION: u64 = 2;
/// The app's own version (Cargo.toml), shown with the pack's and the file
/// format's on the start page and in every report.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Larger files are refused before parsing: no real assessment comes near it.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The longest note, story and context fields the screens accept, in
/// characters. Together they keep any file the app writes well under
/// [`MAX_FILE_BYTES`], so a downloaded file always opens again.
/// 3,500 keeps a file with every note full under the limit with the
/// built-in pack's 51 questions (4,000 did with 46).
pub const MAX_NOTE_CHARS: usize = 3_500;
pub const MAX_STORY_CHARS: usize = 20_000;
pub const MAX_NAME_CHARS: usize = 300;
pub const MAX_PARTNERS_CHARS: usize = 3_000;
/// The most answers a file keeps aside for questions the pack does not
/// have. The screens never make such answers; a pack's earlier questions
/// number far fewer. A file with more opens with the first ones and says
/// how many were left out.
pub const MAX_SET_ASIDE: usize = 200;
/// How many warnings of one kind are listed when a file opens; the rest are
/// counted in one line (see [`summarise`]). Enough for every question of
/// the built-in pack to be named (say, each reworded); a flood of
/// thousands is one line.
pub const WARNINGS_OF_A_KIND: usize = 50;

pub use crate::model::file_problem::FileProblem;

/// A file that opened, with anything the user should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub assessment: Assessment,
    pub warnings: Vec<FileProblem>,
    /// The language the file says it was made in, if it says one this app
    /// knows: the words typed into it are most likely in it.
    pub language: Option<Language>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    format_version: u64,
    content_pack: PackOut<'a>,
    /// The language it was made in (`en-GB`, `cy`), for people reading the
    /// file; a file opens the same in every language, so readers ignore it.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    created: &'a str,
    updated: &'a str,
    context: ContextOut<'a>,
    answers: SortedMap<&'a str, AnswerOut<'a>>,
    #[serde(skip_serializing_if = "SortedMap::is_empty")]
    set_aside: SortedMap<&'a str, AnswerOut<'a>>,
    story: &'a str,
    /// Saved progress only: when each field last changed (`model::merge`).
    /// Readers that do not know this field ignore it.
    #[serde(skip_serializing_if = "Option::is_none")]
    stamps: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    plan: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct PackOut<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct ContextOut<'a> {
    area: &'a str,
    organisation: &'a str,
    partners: &'a str,
    policy_areas: Vec<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    nation: &'a str,
}

#[derive(Serialize)]
struct AnswerOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Value>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
}

fn answers_out(answers: &SortedMap<String, Answer>) -> SortedMap<&str, AnswerOut<'_>> {
    answers
        .iter()
        .map(|(id, answer)| {
            let level = answer.response.map(|r| match r {
                Response::Level(level) => Value::from(level),
                Response::NotSure => Value::from("not-sure"),
            });
            (
                id.as_str(),
                AnswerOut {
                    level,
                    note: &answer.note,
                },
            )
        })
        .collect()
}

/// The assessment as the JSON file users download.
pub fn write_assessment(assessment: &Assessment) -> String {
    // Serialising plain strings and maps cannot fail.
    serde_json::to_string_pretty(&file_out(assessment, None)).unwrap_or_default()
}

/// The assessment file as downloaded, saying the language it was made in.
pub fn write_assessment_in(assessment: &Assessment, language: &str) -> String {
    let mut file = file_out(assessment, None);
    file.language = Some(language);
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Progress as this app saves it in the browser: the assessment file with
/// the change stamps of its fields, on one line.
pub fn write_saved_progress(stamped: &Stamped) -> String {
    let file = file_out(&stamped.assessment, Some(stamped.stamps.to_json()));
    serde_json::to_string(&file).unwrap_or_default()
}

fn file_out(assessment: &Assessment, stamps: Option<Value>) -> FileOut<'_> {
    FileOut {
        format: FORMAT_NAME,
        format_version: FORMAT_VERSION,
        content_pack: PackOut {
            id: &assessment.pack_id,
            version: &assessment.pack_version,
        },
        language: None,
        created: &assessment.created,
        updated: &assessment.updated,
        context: ContextOut {
            area: &assessment.context.area,
            organisation: &assessment.context.organisation,
            partners: &assessment.context.partners,
            policy_areas: assessment
                .context
                .policy_areas
                .iter()
                .map(String::as_str)
                .collect(),
            nation: assessment.context.nation.id(),
        },
        answers: answers_out(&assessment.answers),
        set_aside: answers_out(&assessment.set_aside),
        story: &assessment.story,
        stamps,
        plan: plan_file::write_plan(&assessment.plan),
    }
}

/// Reads a file against the current pack. Answers to questions the pack does
/// not have are kept aside and reported; a bad level is reported and its note
/// kept; anything that makes the file unusable is an error.
pub fn read_assessment(text: &str, pack: &ContentPack) -> Result<Opened, FileProblem> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge { bytes: text.len() });
    }
    read_saved_progress(text, pack)
}

/// Reads a file as the bytes it holds. Text that is not valid UTF-8 is read
/// with the characters that could not be read replaced by U+FFFD, and a
/// warning names each field they were in.
pub fn read_assessment_bytes(bytes: &[u8], pack: &ContentPack) -> Result<Opened, FileProblem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge { bytes: bytes.len() });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => return read_assessment(text, pack),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let value = parse(&text)?;
    let mut opened = read_value(&value, pack)?;
    let mut damaged = Vec::new();
    damaged_fields(&value, "", &mut damaged);
    opened.warnings.extend(
        first_of_each(damaged)
            .into_iter()
            .map(|field| FileProblem::DamagedText { field }),
    );
    Ok(opened)
}

/// Each path once, in the order first found: by sorted positions, not by
/// searching the list for each path, since a file can hold tens of
/// thousands of them.
fn first_of_each(paths: Vec<String>) -> Vec<String> {
    let mut order: Vec<usize> = (0..paths.len()).collect();
    crate::model::sorting::sort_by(&mut order, |&a, &b| paths[a].cmp(&paths[b]));
    let mut first = vec![false; paths.len()];
    for (n, &i) in order.iter().enumerate() {
        first[i] = n == 0 || paths[order[n - 1]] != paths[i];
    }
    paths
        .into_iter()
        .zip(first)
        .filter_map(|(path, first)| first.then_some(path))
        .collect()
}

/// The path of every name and text in `value` that holds U+FFFD, as often
/// as it is found.
fn damaged_fields(value: &Value, path: &str, found: &mut Vec<String>) {
    fn note(path: &str, found: &mut Vec<String>) {
        found.push(path.to_string());
    }
    match value {
        Value::String(text) if text.contains('\u{fffd}') => note(path, found),
        Value::Array(items) => {
            for item in items {
                damaged_fields(item, path, found);
            }
        }
        Value::Object(object) => {
            for (name, item) in object {
                let inner = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                if name.contains('\u{fffd}') {
                    note(&inner, found);
                }
                damaged_fields(item, &inner, found);
            }
        }
        _ => {}
    }
}

/// Reads progress this app saved itself, with the same checks as
/// [`read_assessment`] but no size limit: a long story must never make
/// saved answers unreadable.
pub fn read_saved_progress(text: &str, pack: &ContentPack) -> Result<Opened, FileProblem> {
    read_value(&parse(text)?, pack)
}

/// Reads saved progress with the change stamps of its fields. Progress
/// saved before stamps existed reads with none.
pub fn read_stamped_progress(text: &str, pack: &ContentPack) -> Result<Stamped, FileProblem> {
    read_progress_after_update(text, pack).map(|(stamped, _)| stamped)
}

/// Saved progress, with what a person must be told about it when it was
/// saved with an earlier version of the pack: the same messages opening it
/// as a file would give (questions reworded, changed in meaning, removed).
/// Progress saved with the current pack gives none: once it is saved again
/// it belongs to the current pack, so the messages are given once.
pub fn read_progress_after_update(
    text: &str,
    pack: &ContentPack,
) -> Result<(Stamped, Vec<FileProblem>), FileProblem> {
    let value = parse(text)?;
    let opened = read_value(&value, pack)?;
    let saved_with = value
        .pointer("/content_pack/version")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let warnings = if saved_with.is_empty() || saved_with == pack.version {
        Vec::new()
    } else {
        // "The file was made with a different version" is what the notice
        // itself says, in words about the browser rather than a file.
        let mut warnings = opened.warnings;
        warnings.retain(|w| !matches!(w, FileProblem::OtherPackVersion { .. }));
        warnings
    };
    let stamped = Stamped {
        assessment: opened.assessment,
        stamps: Stamps::from_json(value.get("stamps")),
    };
    Ok((stamped, warnings))
}

fn parse(text: &str) -> Result<Value, FileProblem> {
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| FileProblem::NotJson {
        detail: e.to_string(),
    })
}

fn read_value(value: &Value, pack: &ContentPack) -> Result<Opened, FileProblem> {
    let root = value.as_object().ok_or(FileProblem::NotOurs)?;
    check_format(root)?;

    let mut warnings = Vec::new();
    let answered_with = read_pack_named(root, pack, &mut warnings)?;
    // Read in this order: it decides which fault a file with several is
    // told about.
    let mut assessment = Assessment {
        // From now on the assessment belongs to the pack it was opened with.
        pack_id: pack.id.clone(),
        pack_version: pack.version.clone(),
        created: optional_string(Some(root), "created", "created")?,
        updated: optional_string(Some(root), "updated", "updated")?,
        story: optional_string(Some(root), "story", "story")?,
        context: read_context(root, pack, &mut warnings)?,
        plan: plan_file::read_plan(root, pack, &mut warnings)?,
        ..Assessment::default()
    };
    read_answers(
        root,
        pack,
        answered_with.as_deref(),
        &mut assessment,
        &mut warnings,
    )?;
    Ok(Opened {
        assessment,
        warnings,
        // For people reading the file, so never a reason to refuse it.
        language: root
            .get("language")
            .and_then(Value::as_str)
            .and_then(Language::from_code),
    })
}

/// The file says it is one of ours, in a format version this app reads.
fn check_format(root: &Object) -> Result<(), FileProblem> {
    if root.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(FileProblem::NotOurs);
    }
    let version = root
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| malformed("format_version"))?;
    if version > FORMAT_VERSION {
        return Err(FileProblem::NewerFormat { version });
    }
    if version == 0 {
        return Err(malformed("format_version"));
    }
    Ok(())
}

/// Reads which pack the file was made with, warning when it was another
/// pack or another version of this one. Returns the version the answers
/// were given with when it was this pack: answers from another version are
/// told when a question they answered has since been reworded, and set
/// aside when its meaning changed.
fn read_pack_named(
    root: &Object,
    pack: &ContentPack,
    warnings: &mut Vec<FileProblem>,
) -> Result<Option<String>, FileProblem> {
    let content_pack = optional_object(root, "content_pack")?;
    let pack_id = optional_string(content_pack, "id", "content_pack.id")?;
    let pack_version = optional_string(content_pack, "version", "content_pack.version")?;
    if pack_id.is_empty() {
        // An old or hand-made file that does not say: match by question id.
    } else if pack_id != pack.id {
        warnings.push(FileProblem::OtherPack {
            pack_id: pack_id.clone(),
        });
    } else if pack_version != pack.version {
        warnings.push(FileProblem::OtherPackVersion {
            version: pack_version.clone(),
        });
    }
    Ok((pack_id == pack.id).then_some(pack_version))
}

/// Reads the answers and those set aside, putting each where it belongs
/// (see [`place_answer`]) and saying how many did not fit.
fn read_answers(
    root: &Object,
    pack: &ContentPack,
    answered_with: Option<&str>,
    assessment: &mut Assessment,
    warnings: &mut Vec<FileProblem>,
) -> Result<(), FileProblem> {
    let mut set_aside_left_out = 0;
    for field in ["answers", "set_aside"] {
        let Some(answers) = optional_object(root, field)? else {
            continue;
        };
        for (question_id, value) in answers {
            let wording = pack.question(question_id).map(|(_, q)| q.text.as_str());
            let answer = read_answer(field, question_id, wording, value, warnings)?;
            if answer.is_empty() {
                continue;
            }
            let set_aside_full = assessment.set_aside.len() == MAX_SET_ASIDE;
            let from_set_aside = field == "set_aside";
            let (placed, warning) = place_answer(
                pack,
                answered_with,
                from_set_aside,
                question_id,
                &answer,
                set_aside_full,
            );
            warnings.extend(warning);
            match placed {
                Placed::Answers => {
                    assessment.answers.insert(question_id.clone(), answer);
                }
                Placed::SetAside => {
                    assessment.set_aside.insert(question_id.clone(), answer);
                }
                Placed::LeftOut => set_aside_left_out += 1,
            }
        }
    }
    if set_aside_left_out > 0 {
        warnings.push(FileProblem::SetAsideLeftOut {
            kept: assessment.set_aside.len(),
            left_out: set_aside_left_out,
        });
    }
    Ok(())
}

/// Where an answer read from a file goes.
enum Placed {
    /// With the answers to the pack's questions.
    Answers,
    /// Set aside: kept in the file, but not an answer to any question asked.
    SetAside,
    /// Left out, because as many answers are set aside as a file may hold.
    LeftOut,
}

/// Where an answer belongs, and what the person must be told about it. An
/// answer stays with its question unless the question's meaning changed
/// since it was given; an answer to a question the pack does not ask is
/// set aside, never dropped, while there is room.
fn place_answer(
    pack: &ContentPack,
    answered_with: Option<&str>,
    from_set_aside: bool,
    question_id: &str,
    answer: &Answer,
    set_aside_full: bool,
) -> (Placed, Option<FileProblem>) {
    let Some((_, question)) = pack.question(question_id) else {
        return unknown_question(pack, question_id, set_aside_full);
    };
    let changes = match answered_with {
        Some(version) => pack.changes_since(question_id, version),
        None => Vec::new(),
    };
    let meaning_changed = pack
        .earlier_questions
        .iter()
        .any(|e| e.id == *question_id && e.change == Change::Meaning);
    if from_set_aside && meaning_changed {
        // Kept aside because its meaning changed: it stays aside
        // (the question shows it and asks for a new answer). An
        // answer kept aside for a question the pack did not have
        // comes back when the pack has it again.
        return (Placed::SetAside, None);
    }
    if let Some(meaning) = changes.iter().find(|e| e.change == Change::Meaning) {
        // The wording they answered is the oldest change since
        // their version, when it kept its levels; the change
        // of meaning always does.
        let earlier = changes
            .first()
            .filter(|e| !e.levels.is_empty())
            .unwrap_or(meaning);
        let problem = FileProblem::ChangedMeaning {
            question_id: question_id.to_string(),
            question: question.text.clone(),
            answered: match answer.response {
                Some(Response::Level(level)) => Some(earlier.levels.for_level(level).to_string()),
                _ => None,
            },
        };
        return (Placed::SetAside, Some(problem));
    }
    let reworded = changes
        .first()
        .map(|earlier| FileProblem::RewordedQuestion {
            question_id: question_id.to_string(),
            earlier: earlier.text.clone(),
            now: question.text.clone(),
        });
    (Placed::Answers, reworded)
}

/// An answer to a question the pack does not ask: set aside, with what the
/// question was and what replaced it when the pack says, or left out when
/// there is no room.
fn unknown_question(
    pack: &ContentPack,
    question_id: &str,
    set_aside_full: bool,
) -> (Placed, Option<FileProblem>) {
    if set_aside_full {
        return (Placed::LeftOut, None);
    }
    let earlier = pack.earlier_question(question_id);
    let problem = FileProblem::UnknownQuestion {
        question_id: question_id.to_string(),
        question: earlier.map(|e| e.text.clone()),
        replacement: earlier
            .and_then(|e| pack.question(&e.replaced_by))
            .map(|(_, q)| q.text.clone()),
    };
    (Placed::SetAside, Some(problem))
}

fn malformed(field: &str) -> FileProblem {
    FileProblem::Malformed {
        field: field.to_string(),
    }
}

type Object = serde_json::Map<String, Value>;

/// An object field that may be absent or null, but not of another type.
fn optional_object<'a>(parent: &'a Object, field: &str) -> Result<Option<&'a Object>, FileProblem> {
    match parent.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(object)) => Ok(Some(object)),
        Some(_) => Err(malformed(field)),
    }
}

fn optional_string(
    parent: Option<&Object>,
    field: &str,
    path: &str,
) -> Result<String, FileProblem> {
    match parent.and_then(|p| p.get(field)) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(text)) => Ok(text.clone()),
        Some(_) => Err(malformed(path)),
    }
}

fn read_context(
    root: &Object,
    pack: &ContentPack,
    warnings: &mut Vec<FileProblem>,
) -> Result<Context, FileProblem> {
    let context = optional_object(root, "context")?;
    let mut result = Context {
        area: optional_string(context, "area", "context.area")?,
        organisation: optional_string(context, "organisation", "context.organisation")?,
        partners: optional_string(context, "partners", "context.partners")?,
        ..Context::default()
    };
    // A nation this version does not know is reported and left unsaid, so
    // every guidance item is shown rather than some hidden wrongly.
    let nation = optional_string(context, "nation", "context.nation")?;
    match Nation::from_id(&nation) {
        Some(known) => result.nation = known,
        None => warnings.push(FileProblem::UnknownNation { nation }),
    }
    match context.and_then(|c| c.get("policy_areas")) {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                let id = item
                    .as_str()
                    .ok_or_else(|| malformed("context.policy_areas"))?;
                if pack.policy_areas.iter().any(|p| p.id == id) {
                    result.policy_areas.insert(id.to_string());
                } else {
                    warnings.push(FileProblem::UnknownPolicyArea {
                        policy_area_id: id.to_string(),
                    });
                }
            }
        }
        Some(_) => return Err(malformed("context.policy_areas")),
    }
    Ok(result)
}

fn read_answer(
    section: &str,
    question_id: &str,
    wording: Option<&str>,
    value: &Value,
    warnings: &mut Vec<FileProblem>,
) -> Result<Answer, FileProblem> {
    let path = |field: &str| format!("{section}.{question_id}{field}");
    let object = value.as_object().ok_or_else(|| malformed(&path("")))?;
    let note = optional_string(Some(object), "note", &path(".note"))?;
    let response = match object.get("level") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s == "not-sure" => Some(Response::NotSure),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|l| (1..=5).contains(&l)) => {
            n.as_u64().map(|l| Response::Level(l as u8))
        }
        Some(other) => {
            warnings.push(FileProblem::LevelOutOfRange {
                question_id: question_id.to_string(),
                question: wording.map(str::to_string),
                value: other.to_string(),
            });
            None
        }
    };
    Ok(Answer { response, note })
}

/// A line of the list of warnings shown when a file opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningLine<'a> {
    Problem(&'a FileProblem),
    /// So many more warnings of the kind just listed.
    More(usize),
}

/// The warnings to list: the first [`WARNINGS_OF_A_KIND`] of each kind, in
/// the order each kind first came, each kind's rest counted in one line.
pub fn summarise(warnings: &[FileProblem]) -> Vec<WarningLine<'_>> {
    let mut kinds: Vec<(
        std::mem::Discriminant<FileProblem>,
        Vec<&FileProblem>,
        usize,
    )> = Vec::new();
    for warning in warnings {
        let kind = std::mem::discriminant(warning);
        let at = match kinds.iter().position(|(k, ..)| *k == kind) {
            Some(at) => at,
            None => {
                kinds.push((kind, Vec::new(), 0));
                kinds.len() - 1
            }
        };
        let (_, listed, more) = &mut kinds[at];
        if listed.len() < WARNINGS_OF_A_KIND {
            listed.push(warning);
        } else {
            *more += 1;
        }
    }
    let mut lines = Vec::new();
    for (_, listed, more) in kinds {
        lines.extend(listed.into_iter().map(WarningLine::Problem));
        if more > 0 {
            lines.push(WarningLine::More(more));
        }
    }
    lines
}
