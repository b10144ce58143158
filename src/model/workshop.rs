//! The partnership view's working state: the partners' files as chosen,
//! whether names are hidden, and what the workshop has agreed. Saved in the
//! browser like answers (see `effects::autosave`), until the facilitator
//! ends the workshop.
//!
//! Every part that can change on its own carries its own stamp (see
//! `model::merge`): each file, "name partners by letter", the agreed file's
//! name, and each question's agreed level and note. So two tabs open on one
//! workshop merge field by field, newest per field, and never cancel each
//! other. "Remove all files" stamps a removal: a file chosen before it is
//! gone everywhere, one chosen after it stays.

use std::rc::Rc;

use serde_json::{json, Map, Value};

use crate::model::consensus::{Agreement, Consensus, MAX_AGREEMENT_CHARS};
use crate::model::content::ContentPack;
use crate::model::file::FileProblem;
use crate::model::locale::Locale;
use crate::model::merge::{stamp_after, Stamp};
use crate::model::partnership::{clean_name, partnership, Partnership};
use crate::model::sorted::SortedMap;
use crate::model::sorting;

/// A file as the browser read it: its name, and its bytes or why it could
/// not be read.
pub type ReadFile = (String, Result<Vec<u8>, FileProblem>);

/// Names the saved workshop's format.
pub const SAVED_FORMAT_NAME: &str = "ready-to-share-workshop";
pub const SAVED_FORMAT_VERSION: u64 = 1;

/// The most characters of partners' files kept in the browser, all files
/// together. Browsers give a site about 5 million characters of storage,
/// which the answers share; files past this are kept only while the page
/// is open, and the view says which.
pub const MAX_STORED_FILE_CHARS: usize = 3_000_000;

/// One chosen file.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopFile {
    /// The name it was chosen with.
    pub name: String,
    /// When it was chosen, and where: files are listed in this order.
    pub stamp: Stamp,
    /// The bytes as read (`Rc`, so that the app's state, which is copied
    /// on every action, does not copy every partner's file), or why the
    /// file could not even be read.
    pub content: Result<Rc<[u8]>, FileProblem>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workshop {
    /// Files chosen, oldest stamp first; one name at most once.
    pub files: Vec<WorkshopFile>,
    /// When "Remove all files" was last pressed: files chosen before it
    /// are gone.
    pub removed: Stamp,
    pub anonymise: bool,
    pub anonymise_stamp: Stamp,
    /// Files were chosen and then all removed here: the screen says so.
    /// Not saved.
    pub cleared: bool,
    pub consensus: Consensus,
    /// When each question's agreed level and note last changed.
    pub level_stamps: SortedMap<String, Stamp>,
    pub note_stamps: SortedMap<String, Stamp>,
    /// The name for the agreed file, once the user has changed it.
    pub agreed_name: Option<String>,
    pub name_stamp: Stamp,
}

/// A change to the workshop.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkshopEdit {
    /// More files; one with the same name as an earlier one replaces it.
    Add(Vec<ReadFile>),
    /// Remove every file (agreements stay).
    Clear,
    Anonymise(bool),
    AgreeLevel {
        question_id: String,
        level: Option<u8>,
    },
    /// A note over the limit changes nothing (the field says why).
    AgreeNote {
        question_id: String,
        note: String,
    },
    AgreedName(String),
}

impl Workshop {
    /// The highest counter any stamp here holds.
    fn highest(&self) -> u64 {
        self.files
            .iter()
            .map(|f| &f.stamp)
            .chain(self.level_stamps.values())
            .chain(self.note_stamps.values())
            .chain([&self.removed, &self.anonymise_stamp, &self.name_stamp])
            .map(|s| s.counter)
            .max()
            .unwrap_or(0)
    }

    /// A stamp for a change made now by `writer`: above every stamp here,
    /// and no earlier than the clock.
    fn next(&self, writer: &str, now: &str) -> Stamp {
        stamp_after(self.highest(), writer, now)
    }

    /// Makes `edit`, stamped as `writer`'s change at `now`.
    pub fn apply(&mut self, edit: WorkshopEdit, writer: &str, now: &str) {
        let stamp = self.next(writer, now);
        match edit {
            WorkshopEdit::Add(files) => {
                self.cleared = false;
                // One stamp each, in the order chosen.
                for (i, (name, bytes)) in files.into_iter().enumerate() {
                    self.files.retain(|f| f.name != name);
                    self.files.push(WorkshopFile {
                        name,
                        stamp: Stamp {
                            counter: stamp.counter.saturating_add(i as u64),
                            writer: stamp.writer.clone(),
                        },
                        content: bytes.map(Rc::from),
                    });
                }
            }
            WorkshopEdit::Clear => {
                self.files.clear();
                self.removed = stamp;
                self.cleared = true;
            }
            WorkshopEdit::Anonymise(on) => {
                self.anonymise = on;
                self.anonymise_stamp = stamp;
            }
            WorkshopEdit::AgreeLevel { question_id, level } => {
                if level.is_some_and(|l| !(1..=5).contains(&l)) {
                    return;
                }
                self.consensus.set_level(&question_id, level);
                self.level_stamps.insert(question_id, stamp);
            }
            WorkshopEdit::AgreeNote { question_id, note } => {
                // Refused when too long: the field keeps the text and says so.
                if self.consensus.set_note(&question_id, &note).is_ok() {
                    self.note_stamps.insert(question_id, stamp);
                }
            }
            WorkshopEdit::AgreedName(name) => {
                self.agreed_name = Some(name);
                self.name_stamp = stamp;
            }
        }
    }

    /// How many files were chosen, read or not.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// True when there is nothing to keep: no files, no agreement, no name
    /// and names shown.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
            && self.consensus.agreed.is_empty()
            && self.agreed_name.is_none()
            && !self.anonymise
    }

    /// The partnership view of the files. Files that could not even be read
    /// join the files that did not open, first, so every list, on screen
    /// and in the downloads, names them the same way.
    pub fn view(&self, pack: &ContentPack, locale: &Locale) -> Partnership {
        let read: Vec<(&str, &[u8])> = self
            .files
            .iter()
            .filter_map(|f| Some((f.name.as_str(), f.content.as_deref().ok()?)))
            .collect();
        let mut view = partnership(pack, locale, &read, self.anonymise);
        let unreadable = self
            .files
            .iter()
            .filter_map(|f| Some((clean_name(&f.name), f.content.as_ref().err()?.clone())));
        view.failed.splice(0..0, unreadable);
        view
    }

    /// The names of the files that are not kept in the browser because all
    /// of them together would pass [`MAX_STORED_FILE_CHARS`]: the last
    /// chosen go first.
    pub fn not_stored(&self) -> Vec<String> {
        stored_files(self).1
    }
}

/// The newer of two stamped values.
fn newer<'a, T>(ours: (&'a Stamp, T), theirs: (&'a Stamp, T)) -> (&'a Stamp, T) {
    if theirs.0 > ours.0 {
        theirs
    } else {
        ours
    }
}

/// Two copies of one workshop made one: per file, per setting and per
/// agreement, the newest; no file chosen before the newest "Remove all
/// files". The same whichever copy comes first, and merging a copy in twice
/// changes nothing more.
pub fn merge(ours: &Workshop, theirs: &Workshop) -> Workshop {
    let removed = ours.removed.clone().max(theirs.removed.clone());
    let mut files: Vec<WorkshopFile> = Vec::new();
    for file in ours.files.iter().chain(&theirs.files) {
        if file.stamp < removed {
            continue;
        }
        match files.iter_mut().find(|f| f.name == file.name) {
            Some(kept) if file.stamp > kept.stamp => *kept = file.clone(),
            Some(_) => {}
            None => files.push(file.clone()),
        }
    }
    sorting::sort_by(&mut files, |a, b| a.stamp.cmp(&b.stamp));

    let (anonymise_stamp, anonymise) = newer(
        (&ours.anonymise_stamp, ours.anonymise),
        (&theirs.anonymise_stamp, theirs.anonymise),
    );
    let (name_stamp, agreed_name) = newer(
        (&ours.name_stamp, &ours.agreed_name),
        (&theirs.name_stamp, &theirs.agreed_name),
    );
    let mut merged = Workshop {
        files,
        removed,
        anonymise,
        anonymise_stamp: anonymise_stamp.clone(),
        cleared: ours.cleared,
        agreed_name: agreed_name.clone(),
        name_stamp: name_stamp.clone(),
        ..Workshop::default()
    };
    let none = Stamp::default();
    let mut questions: Vec<&String> = [ours, theirs]
        .iter()
        .flat_map(|w| {
            w.consensus
                .agreed
                .keys()
                .chain(w.level_stamps.keys())
                .chain(w.note_stamps.keys())
        })
        .collect();
    sorting::sort(&mut questions);
    questions.dedup();
    for id in questions {
        let agreement = |w: &Workshop| w.consensus.get(id).cloned().unwrap_or_default();
        let (a, b) = (agreement(ours), agreement(theirs));
        let (level_stamp, level) = newer(
            (stamp_of(&ours.level_stamps, id, &none), a.level),
            (stamp_of(&theirs.level_stamps, id, &none), b.level),
        );
        let (note_stamp, note) = newer(
            (stamp_of(&ours.note_stamps, id, &none), &a.note),
            (stamp_of(&theirs.note_stamps, id, &none), &b.note),
        );
        merged.keep_agreement(id, level, note, level_stamp, note_stamp);
    }
    merged
}

impl Workshop {
    /// Keeps one question's agreement, as merged or as read back, with
    /// the stamps of its level and note. The stamps are kept even when the
    /// agreement was cleared, so that a merge knows the clearing is newer;
    /// an agreement with neither a level nor a note is not kept.
    fn keep_agreement(
        &mut self,
        id: &str,
        level: Option<u8>,
        note: &str,
        level_stamp: &Stamp,
        note_stamp: &Stamp,
    ) {
        if *level_stamp != Stamp::default() {
            self.level_stamps
                .insert(id.to_string(), level_stamp.clone());
        }
        if *note_stamp != Stamp::default() {
            self.note_stamps.insert(id.to_string(), note_stamp.clone());
        }
        if level.is_some() || !note.trim().is_empty() {
            self.consensus.agreed.insert(
                id.to_string(),
                Agreement {
                    level,
                    note: note.to_string(),
                },
            );
        }
    }
}

/// The stamp of `id` in `stamps`, or `none`.
fn stamp_of<'a>(stamps: &'a SortedMap<String, Stamp>, id: &str, none: &'a Stamp) -> &'a Stamp {
    stamps.get(id).unwrap_or(none)
}

fn stamp_json(stamp: &Stamp) -> Value {
    json!([stamp.counter, stamp.writer])
}

fn read_stamp(value: Option<&Value>) -> Stamp {
    match value.and_then(Value::as_array).map(Vec::as_slice) {
        Some([counter, writer]) => Stamp {
            counter: counter.as_u64().unwrap_or(0),
            writer: writer.as_str().unwrap_or_default().to_string(),
        },
        _ => Stamp::default(),
    }
}

/// Each file as saved, and the names of those left out for room.
fn stored_files(workshop: &Workshop) -> (Vec<Value>, Vec<String>) {
    let mut stored = Vec::new();
    let mut left_out = Vec::new();
    let mut total = 0usize;
    for file in &workshop.files {
        let mut entry = Map::new();
        entry.insert("name".into(), json!(file.name));
        entry.insert("stamp".into(), stamp_json(&file.stamp));
        let size = match &file.content {
            Ok(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => {
                    entry.insert("text".into(), json!(text));
                    text.chars().count()
                }
                // Kept byte for byte, so that it opens with the same
                // warnings as when it was chosen.
                Err(_) => {
                    let encoded = base64(bytes);
                    let size = encoded.len();
                    entry.insert("base64".into(), json!(encoded));
                    size
                }
            },
            Err(FileProblem::TooLarge { bytes }) => {
                entry.insert("too_large".into(), json!(bytes));
                0
            }
            Err(problem) => {
                let detail = match problem {
                    FileProblem::NotJson { detail } => detail.clone(),
                    _ => String::new(),
                };
                entry.insert("not_read".into(), json!(detail));
                0
            }
        };
        if total + size > MAX_STORED_FILE_CHARS {
            left_out.push(file.name.clone());
            continue;
        }
        total += size;
        stored.push(Value::Object(entry));
    }
    (stored, left_out)
}

/// The workshop as saved in the browser, and the names of the files left
/// out of it for room (see [`MAX_STORED_FILE_CHARS`]).
pub fn write_saved_workshop(workshop: &Workshop) -> (String, Vec<String>) {
    let (files, left_out) = stored_files(workshop);
    let mut agreements = Map::new();
    let none = Stamp::default();
    let mut ids: Vec<&String> = workshop
        .consensus
        .agreed
        .keys()
        .chain(workshop.level_stamps.keys())
        .chain(workshop.note_stamps.keys())
        .collect();
    sorting::sort(&mut ids);
    ids.dedup();
    for id in ids {
        let agreement = workshop.consensus.get(id).cloned().unwrap_or_default();
        agreements.insert(
            id.clone(),
            json!({
                "level": agreement.level,
                "level_stamp": stamp_json(workshop.level_stamps.get(id).unwrap_or(&none)),
                "note": agreement.note,
                "note_stamp": stamp_json(workshop.note_stamps.get(id).unwrap_or(&none)),
            }),
        );
    }
    let saved = json!({
        "format": SAVED_FORMAT_NAME,
        "format_version": SAVED_FORMAT_VERSION,
        "files": files,
        "removed": stamp_json(&workshop.removed),
        "anonymise": { "value": workshop.anonymise, "stamp": stamp_json(&workshop.anonymise_stamp) },
        "agreed_name": { "value": workshop.agreed_name, "stamp": stamp_json(&workshop.name_stamp) },
        "agreements": agreements,
    });
    (saved.to_string(), left_out)
}

/// Reads a saved workshop; `None` for anything that is not a saved
/// workshop of this version or older; within one, a part that cannot be read is
/// left out, and a note longer than the screens accept is left out too.
pub fn read_saved_workshop(text: &str) -> Option<Workshop> {
    let value: Value = serde_json::from_str(text).ok()?;
    let root = value.as_object()?;
    if !is_saved_workshop(root) {
        return None;
    }
    let mut workshop = Workshop {
        removed: read_stamp(root.get("removed")),
        files: read_saved_files(root),
        ..Workshop::default()
    };
    if let Some(anonymise) = root.get("anonymise") {
        workshop.anonymise = anonymise.get("value").and_then(Value::as_bool) == Some(true);
        workshop.anonymise_stamp = read_stamp(anonymise.get("stamp"));
    }
    if let Some(name) = root.get("agreed_name") {
        workshop.agreed_name = name
            .get("value")
            .and_then(Value::as_str)
            .map(str::to_string);
        workshop.name_stamp = read_stamp(name.get("stamp"));
    }
    for (id, agreement) in root
        .get("agreements")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        read_saved_agreement(&mut workshop, id, agreement);
    }
    Some(workshop)
}

/// The saved workshop's format, in this version or an older one.
fn is_saved_workshop(root: &Map<String, Value>) -> bool {
    root.get("format").and_then(Value::as_str) == Some(SAVED_FORMAT_NAME)
        && root
            .get("format_version")
            .and_then(Value::as_u64)
            .is_some_and(|v| (1..=SAVED_FORMAT_VERSION).contains(&v))
}

/// The saved files that can be read, the first of any name only, in the
/// order they were chosen.
fn read_saved_files(root: &Map<String, Value>) -> Vec<WorkshopFile> {
    let mut files: Vec<WorkshopFile> = Vec::new();
    for file in root
        .get("files")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(name) = file.get("name").and_then(Value::as_str) else {
            continue;
        };
        let Some(content) = saved_file_content(file) else {
            continue;
        };
        if files.iter().any(|f| f.name == name) {
            continue;
        }
        files.push(WorkshopFile {
            name: name.to_string(),
            stamp: read_stamp(file.get("stamp")),
            content,
        });
    }
    sorting::sort_by(&mut files, |a, b| a.stamp.cmp(&b.stamp));
    files
}

/// A saved file's bytes (as text, or in base64 when they are not text), or
/// why it could not be read when it was chosen; `None` when the entry says
/// neither, so it is left out.
fn saved_file_content(file: &Value) -> Option<Result<Rc<[u8]>, FileProblem>> {
    if let Some(text) = file.get("text").and_then(Value::as_str) {
        Some(Ok(Rc::from(text.as_bytes())))
    } else if let Some(bytes) = file
        .get("base64")
        .and_then(Value::as_str)
        .and_then(unbase64)
    {
        Some(Ok(Rc::from(bytes)))
    } else if let Some(bytes) = file.get("too_large").and_then(Value::as_u64) {
        Some(Err(FileProblem::TooLarge {
            bytes: bytes as usize,
        }))
    } else {
        let detail = file.get("not_read").and_then(Value::as_str)?;
        Some(Err(FileProblem::NotJson {
            detail: detail.to_string(),
        }))
    }
}

/// One saved agreement with its stamps. A level outside 1 to 5 or a note
/// longer than the screens accept is left out.
fn read_saved_agreement(workshop: &mut Workshop, id: &str, agreement: &Value) {
    let level = agreement
        .get("level")
        .and_then(Value::as_u64)
        .filter(|l| (1..=5).contains(l))
        .map(|l| l as u8);
    let note = agreement
        .get("note")
        .and_then(Value::as_str)
        .filter(|n| n.chars().count() <= MAX_AGREEMENT_CHARS)
        .unwrap_or_default();
    let level_stamp = read_stamp(agreement.get("level_stamp"));
    let note_stamp = read_stamp(agreement.get("note_stamp"));
    workshop.keep_agreement(id, level, note, &level_stamp, &note_stamp);
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(BASE64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Reads standard base64 with padding; `None` if it is not.
fn unbase64(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        let mut padding = 0;
        for &c in chunk {
            let value = match c {
                b'=' => {
                    padding += 1;
                    0
                }
                _ if padding > 0 => return None,
                _ => BASE64.iter().position(|&b| b == c)? as u32,
            };
            n = (n << 6) | value;
        }
        if padding > 2 {
            return None;
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - padding]);
    }
    Some(out)
}
