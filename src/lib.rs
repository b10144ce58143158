//! Ready to Share: an information sharing readiness self-assessment that runs
//! entirely in the browser.
//!
//! `model` is plain Rust (tested with `cargo test`) and `state` is the one
//! reducer over it. The browser layer, compiled only for wasm32, is
//! `components` (what is shown, and the actions it sends), `hooks`, `effects`
//! (the only modules that call browser APIs) and `embed` (the custom
//! element). `options` is the mount contract every way in shares.

pub mod model;
pub mod options;
pub mod state;

pub use options::{safe_colour, MountOptions, PartnerPack};

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod effects;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod hooks;

#[cfg(target_arch = "wasm32")]
pub use components::app::{App, AppProps};

/// Renders the app inside `element` and nowhere else.
#[cfg(target_arch = "wasm32")]
pub fn mount(element: web_sys::Element, options: MountOptions) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(element, AppProps { options }).render()
}
