//! Yew hooks: neither screens nor effects, but the glue that says when an
//! effect runs (autosave), what every component reads (the shared context)
//! and where focus goes around a question.

pub mod autosave;
pub mod confirming;
pub mod language;
pub mod page;
pub mod shared;
pub mod summary;

pub use autosave::use_autosave;
pub use confirming::use_confirming;
pub use language::use_language;
pub use shared::use_shared;
pub use summary::use_summary;
