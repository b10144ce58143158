//! What can be wrong with a file someone opens: errors that stop it
//! opening and warnings that do not. Its own room because the file reader
//! and the plan reader both report them.

/// Something wrong with a file. Errors stop it opening; warnings do not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        detail: String,
    },
    NotOurs,
    NewerFormat {
        version: u64,
    },
    Malformed {
        field: String,
    },
    /// `question` is the question's wording, when the pack knows it.
    LevelOutOfRange {
        question_id: String,
        question: Option<String>,
        value: String,
    },
    /// An answer to a question the pack does not ask. `question` is the
    /// wording people answered, when the pack's earlier questions have it,
    /// and `replacement` the wording of the question that replaced it.
    UnknownQuestion {
        question_id: String,
        question: Option<String>,
        replacement: Option<String>,
    },
    /// The answer was kept, but the question's wording changed since the
    /// file was saved: people should check it still fits.
    RewordedQuestion {
        question_id: String,
        earlier: String,
        now: String,
    },
    /// The question's levels now mean something else: the answer is kept
    /// aside (never scored or compared as the same answer), and shown with
    /// the wording that was answered so the person can answer again.
    /// `answered` is the earlier descriptor of the level given, or `None`
    /// for "not sure" or a note alone.
    ChangedMeaning {
        question_id: String,
        question: String,
        answered: Option<String>,
    },
    UnknownPolicyArea {
        policy_area_id: String,
    },
    /// A place the partnership works that this version does not know.
    UnknownNation {
        nation: String,
    },
    OtherPack {
        pack_id: String,
    },
    OtherPackVersion {
        version: String,
    },
    /// Some of the file's text was not valid UTF-8: the characters that could
    /// not be read in this field were replaced with U+FFFD.
    DamagedText {
        field: String,
    },
    /// A plan entry for an action the pack does not have: kept aside in the
    /// plan and listed. `question` is its wording, when the pack knows it.
    PlanActionNotInPack {
        question_id: String,
        question: Option<String>,
    },
    /// A plan owner or note longer than the screens accept: kept in full.
    PlanTooLong {
        question_id: String,
        question: Option<String>,
        field: String,
        limit: usize,
        length: usize,
    },
    /// A plan target that is not a month: kept as written.
    PlanTargetNotMonth {
        question_id: String,
        question: Option<String>,
        value: String,
    },
    /// More plan entries for actions the pack does not have than
    /// [`crate::model::plan::MAX_PLAN_ENTRIES_ASIDE`]: the first `kept` are kept.
    PlanEntriesLeftOut {
        kept: usize,
        left_out: usize,
    },
    /// More answers to questions the pack does not have than
    /// [`crate::model::file::MAX_SET_ASIDE`]: the first `kept` are kept aside.
    SetAsideLeftOut {
        kept: usize,
        left_out: usize,
    },
}

impl FileProblem {
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            FileProblem::TooLarge { .. }
                | FileProblem::NotJson { .. }
                | FileProblem::NotOurs
                | FileProblem::NewerFormat { .. }
                | FileProblem::Malformed { .. }
        )
    }
}
