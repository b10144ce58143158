use yew::prelude::*;

use crate::hooks::use_shared;

#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    pub on_click: Callback<MouseEvent>,
}

/// Goes back a step. A button, not a link: the widget never changes the
/// page's address.
#[component]
pub fn BackLink(props: &BackLinkProps) -> Html {
    let shared = use_shared();
    html! {
        <button type="button" class="rts-back-link" onclick={props.on_click.clone()}>
            { &shared.locale.ui.back }
        </button>
    }
}
