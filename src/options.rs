//! The mount contract: how one mounted widget behaves, the same for every
//! way in (the standalone page, the iframe page, the custom element and the
//! single-file copy). The defaults live in `src/options.json`, which build.rs
//! turns into the constants below and scripts/runtime/build.mjs gives the
//! runtime scripts, so the Rust and JavaScript sides cannot drift apart.

// DEFAULT_STORAGE_KEY, PROGRESS_KEY_SUFFIX, WORKSHOP_KEY_SUFFIX, OFFLINE_FILE,
// PAGE_HEADING_LEVEL and ELEMENT_HEADING_LEVEL, from src/options.json.
include!(concat!(env!("OUT_DIR"), "/mount_contract.rs"));

use std::rc::Rc;

use crate::model::locale::Language;

/// Where a widget keeps its answers: `<storage key>:progress:v1`.
pub fn progress_key(storage_key: &str) -> String {
    format!("{storage_key}{PROGRESS_KEY_SUFFIX}")
}

/// Where a widget keeps its workshop: `<storage key>:workshop:v1`.
pub fn workshop_key(storage_key: &str) -> String {
    format!("{storage_key}{WORKSHOP_KEY_SUFFIX}")
}

/// How one mounted widget behaves. Each mount has its own options and state,
/// so two widgets on one page are independent.
#[derive(Debug, Clone, PartialEq)]
pub struct MountOptions {
    /// Names this widget's saved progress, so two widgets or two sites that
    /// share an origin do not share answers.
    pub storage_key: String,
    /// The level (1-6) of the widget's top heading, to fit the host's outline.
    pub heading_level: u8,
    /// A colour for links, the chart and the band panel, checked by
    /// [`safe_colour`] before use.
    pub accent: Option<String>,
    /// A partner's own content pack: where it came from and its text, or why
    /// it could not be fetched. Checked with the same rules as the built-in
    /// pack; if it fails, the built-in pack is used and the widget says so.
    pub partner_pack: Option<PartnerPack>,
    /// The address the app's own files are served from, ending in `/`, for
    /// the "save this tool for offline use" link.
    pub base_url: String,
    /// Offer the single-file copy for offline use (not when running from it).
    pub offer_offline_copy: bool,
    /// A new version has been downloaded and is waiting: offer to switch.
    pub update_ready: bool,
    /// The language to show. English is built in; for another, the loader
    /// fetches its files first ([`LanguageFiles`]).
    pub language: Language,
    /// Another language's words and questions as the loader fetched them,
    /// or why it could not. `None` for English.
    pub language_files: Option<LanguageFiles>,
    /// Where the accessibility statement is, linked from every screen: the
    /// tool's own page beside it, or the host's (`accessibility-statement`).
    /// `None` where there is no page to link (the single-file copy).
    pub statement_url: Option<String>,
    /// Show the language switch (a host may hide it with
    /// `language-switch="hidden"`).
    pub language_switch: bool,
    /// The host asked to be told the results (`results-event`): when the
    /// user reaches the summary, a `ready-to-share:complete` event carries
    /// the scores and band, and the start page says so. Off unless asked.
    pub results_event: bool,
    /// What the page's first module had when someone opened the
    /// partnership view: the loader then mounts the whole app (built with
    /// the `workshop` feature) in its place, which opens on the view with
    /// it. Carried rather than read back from storage, which may be blocked
    /// or full.
    pub carried: Option<Carried>,
    /// How many times the loader could not fetch the whole app for the
    /// partnership view: the first module then says so and offers to try
    /// again.
    pub workshop_unavailable: u32,
    /// The last time, the whole app's files were not on the server: the
    /// tool has been updated since the page was opened, so reloading it
    /// is what helps.
    pub workshop_outdated: bool,
}

/// What the first module hands the whole app (see [`MountOptions::carried`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    /// The answers, as saved progress (`write_saved_progress`'s text).
    pub progress: Rc<str>,
    /// The earlier assessment opened to compare with, as a file
    /// (`write_assessment`'s text): it is kept only in memory.
    pub earlier: Option<Rc<str>>,
    /// Focus was still in the widget when the whole app was mounted: it
    /// moves to the view's heading, as after any navigation. Otherwise the
    /// person has moved on while it loaded, and keeps their place.
    pub focus: bool,
}

/// A language's files as the loader fetched them: its words
/// (`locale.<code>.json`) and its questions (`pack.<code>.json`), or why
/// they could not be fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageFiles {
    pub language: Language,
    /// The words and the questions, shared rather than copied on each
    /// render (together about 250 KB).
    pub files: Result<(Rc<str>, Rc<str>), String>,
}

/// A partner's content pack as the loader found it.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerPack {
    /// The pack's address, named in every error.
    pub source: String,
    /// The pack's text, or why it could not be fetched.
    pub text: Result<String, String>,
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions {
            storage_key: DEFAULT_STORAGE_KEY.into(),
            heading_level: PAGE_HEADING_LEVEL,
            accent: None,
            partner_pack: None,
            base_url: String::new(),
            offer_offline_copy: false,
            update_ready: false,
            results_event: false,
            language: Language::BUILT_IN,
            language_files: None,
            language_switch: true,
            statement_url: None,
            carried: None,
            workshop_unavailable: 0,
            workshop_outdated: false,
        }
    }
}

/// A colour a host may set: `#` and 3 to 8 hex digits, or a plain colour
/// name. Anything else could break out of the style attribute, so it is
/// refused.
pub fn safe_colour(colour: &str) -> Option<&str> {
    let colour = colour.trim();
    let hex = colour
        .strip_prefix('#')
        .is_some_and(|h| (3..=8).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit()));
    let named =
        !colour.is_empty() && colour.len() <= 20 && colour.chars().all(|c| c.is_ascii_alphabetic());
    (hex || named).then_some(colour)
}
