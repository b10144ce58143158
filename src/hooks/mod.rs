//! Yew hooks: neither screens nor effects, but the glue that says when an
//! effect runs (autosave), what every component reads (the shared context)
//! and where focus goes around a question.

pub mod autosave;
pub mod confirming;
pub mod language;
pub mod page;
pub mod shared;
pub mod summary;

use std::rc::Rc;

/// A value held by `Rc`, equal to another only when it is the same one: a
/// memo's key for what the state or the language replaces whenever it
/// changes (the answers, the pack, the words), where comparing the values
/// would read all of them on every render.
pub struct Same<T>(pub Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

pub use autosave::use_autosave;
pub use confirming::use_confirming;
pub use language::use_language;
pub use shared::use_shared;
pub use summary::use_summary;
