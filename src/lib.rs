//! Ready to Share: an information sharing readiness self-assessment that runs
//! entirely in the browser.
//!
//! `model` is plain Rust (tested with `cargo test`) and `state` is the one
//! reducer over it. The browser layer, compiled only for wasm32, is
//! `components` (what is shown, and the actions it sends), `effects` (the
//! only modules that call browser APIs) and `embed` (the custom element).

pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod effects;
#[cfg(target_arch = "wasm32")]
pub mod embed;

#[cfg(target_arch = "wasm32")]
pub use components::app::{App, AppProps};

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
    /// The host asked to be told the results (`results-event`): when the
    /// user reaches the summary, a `ready-to-share:complete` event carries
    /// the scores and band, and the start page says so. Off unless asked.
    pub results_event: bool,
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
            storage_key: "ready-to-share".into(),
            heading_level: 1,
            accent: None,
            partner_pack: None,
            base_url: String::new(),
            offer_offline_copy: false,
            update_ready: false,
            results_event: false,
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

/// Renders the app inside `element` and nowhere else.
#[cfg(target_arch = "wasm32")]
pub fn mount(element: web_sys::Element, options: MountOptions) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(element, AppProps { options }).render()
}
