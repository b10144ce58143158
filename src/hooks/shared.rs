//! The context every component of one widget reads.

use yew::prelude::*;

use crate::components::shared::Shared;

/// What this widget shares (set by `App`).
#[hook]
pub fn use_shared() -> Shared {
    use_context::<Shared>().expect("components are rendered inside App")
}
