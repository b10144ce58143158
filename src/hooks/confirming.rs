//! A question before a destructive choice, and where focus goes around it.

use yew::prelude::*;

use crate::effects::focus::focus;

/// Whether a question before a destructive choice is open (`None` until
/// the user first acts, so nothing takes focus on load), and the button
/// and panel focus moves between: to the panel when it opens, back to the
/// button when it is cancelled.
#[hook]
pub fn use_confirming() -> (UseStateHandle<Option<bool>>, NodeRef, NodeRef) {
    let confirming = use_state(|| None::<bool>);
    let button = use_node_ref();
    let panel = use_node_ref();
    {
        let (button, panel) = (button.clone(), panel.clone());
        use_effect_with(*confirming, move |confirming| match confirming {
            Some(true) => focus(&panel),
            Some(false) => focus(&button),
            None => {}
        });
    }
    (confirming, button, panel)
}
