//! Ready to Share: an information sharing readiness self-assessment that runs
//! entirely in the browser.
//!
//! `model` is plain Rust (tested with `cargo test`); everything else is the
//! thin browser layer around it, compiled only for wasm32.

pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod clock;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
pub mod storage;

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
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions {
            storage_key: "ready-to-share".into(),
            heading_level: 1,
        }
    }
}

/// Renders the app inside `element` and nowhere else.
#[cfg(target_arch = "wasm32")]
pub fn mount(element: web_sys::Element, options: MountOptions) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(element, AppProps { options }).render()
}
