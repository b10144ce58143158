//! The partnership view's working state: the partners' files as chosen,
//! whether names are hidden, and what the workshop has agreed. Kept in the
//! app's one state (not saved: the files are the partners' own, and the
//! README asks people to download before leaving).

use std::rc::Rc;

use crate::model::consensus::Consensus;
use crate::model::content::ContentPack;
use crate::model::file::FileProblem;
use crate::model::locale::Locale;
use crate::model::partnership::{clean_name, partnership, Partnership};

/// A file as the browser read it: its name, and its bytes or why it could
/// not be read.
pub type ReadFile = (String, Result<Vec<u8>, FileProblem>);

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workshop {
    /// Files read, in the order chosen. `Rc` so that the app's state, which
    /// is copied on every action, does not copy every partner's file.
    pub read: Vec<(String, Rc<[u8]>)>,
    /// Files that could not even be read (too large), in the order chosen.
    pub unreadable: Vec<(String, FileProblem)>,
    pub anonymise: bool,
    /// Files were chosen and then all removed: the screen says so.
    pub cleared: bool,
    pub consensus: Consensus,
    /// The name for the agreed file, once the user has changed it.
    pub agreed_name: Option<String>,
}

/// A change to the workshop.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkshopEdit {
    /// More files; one with the same name as an earlier one replaces it.
    Add(Vec<ReadFile>),
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
    pub fn apply(&mut self, edit: WorkshopEdit) {
        match edit {
            WorkshopEdit::Add(files) => {
                self.cleared = false;
                for (name, bytes) in files {
                    self.read.retain(|(n, _)| *n != name);
                    self.unreadable.retain(|(n, _)| *n != name);
                    match bytes {
                        Ok(bytes) => self.read.push((name, Rc::from(bytes))),
                        Err(problem) => self.unreadable.push((name, problem)),
                    }
                }
            }
            WorkshopEdit::Clear => {
                self.read.clear();
                self.unreadable.clear();
                self.cleared = true;
            }
            WorkshopEdit::Anonymise(on) => self.anonymise = on,
            WorkshopEdit::AgreeLevel { question_id, level } => {
                self.consensus.set_level(&question_id, level)
            }
            WorkshopEdit::AgreeNote { question_id, note } => {
                // Refused when too long: the field keeps the text and says so.
                let _ = self.consensus.set_note(&question_id, &note);
            }
            WorkshopEdit::AgreedName(name) => self.agreed_name = Some(name),
        }
    }

    /// How many files were chosen, read or not.
    pub fn file_count(&self) -> usize {
        self.read.len() + self.unreadable.len()
    }

    /// The partnership view of the files. Files that could not even be read
    /// join the files that did not open, so every list, on screen and in
    /// the downloads, names them the same way.
    pub fn view(&self, pack: &ContentPack, locale: &Locale) -> Partnership {
        let mut view = partnership(pack, locale, &self.read, self.anonymise);
        view.failed.splice(
            0..0,
            self.unreadable
                .iter()
                .map(|(name, problem)| (clean_name(name), problem.clone())),
        );
        view
    }
}
