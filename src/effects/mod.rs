//! The only modules that talk to the browser. Components render state and
//! turn what the user does into actions; when something must happen outside
//! the page's own DOM tree (storage, files, the clock, focus, the document's
//! title, events for the host page), they call a function here, and any
//! failure comes back as a value the component shows in the locale's words.
//!
//! Nothing here decides anything: which answers are newer, what a file
//! says and what a report contains are all in `model`.

pub mod autosave;
pub mod clock;
pub mod download;
pub mod events;
pub mod files;
pub mod focus;
pub mod host_events;
pub mod page;
pub mod panic_panel;
pub mod storage;
