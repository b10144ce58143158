//! One answer's response: a level or "not sure". Its own room because both
//! the assessment and the plan (whose steps are named by responses) hold it.

/// A level from 1 (Not started) to 5 (Embedded), or "not sure".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Response {
    Level(u8),
    NotSure,
}

impl Response {
    pub fn level(self) -> Option<u8> {
        match self {
            Response::Level(level) => Some(level),
            Response::NotSure => None,
        }
    }
}
