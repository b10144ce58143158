use yew::prelude::*;

use crate::hooks::use_shared;
use crate::state::{Action, Step};

#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    /// The page it goes back to.
    pub to: Step,
}

/// Goes back a step. A button, not a link: the widget never changes the
/// page's address. Like "Save and continue", it stops with the error
/// summary while a field holds text over its limit, so leaving never
/// throws typed text away.
#[component]
pub fn BackLink(props: &BackLinkProps) -> Html {
    let shared = use_shared();
    html! {
        <button type="button" class="rts-back-link" onclick={shared.on(Action::Continue(props.to.clone()))}>
            { &shared.locale.ui.back }
        </button>
    }
}
