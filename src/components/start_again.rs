use yew::prelude::*;

use crate::clock;
use crate::components::downloads::offer_json;
use crate::components::shared::use_shared;
use crate::model::assessment::Assessment;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct StartAgainProps {
    pub assessment: Assessment,
}

/// "Start again" asks first, and offers to download the answers before they
/// are deleted.
#[component]
pub fn StartAgain(props: &StartAgainProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let confirming = use_state(|| false);

    if !*confirming {
        let confirming = confirming.clone();
        return html! {
            <button type="button" class="rts-button rts-button--secondary"
                onclick={move |_| confirming.set(true)}>
                { &ui.start_again }
            </button>
        };
    }

    let download = {
        let assessment = props.assessment.clone();
        Callback::from(move |_| offer_json(&assessment))
    };
    let confirm = {
        let shared = shared.clone();
        Callback::from(move |_| shared.send(Action::StartAgain { now: clock::now() }))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    html! {
        <div class="rts-warning-panel" role="group" aria-labelledby={shared.id("start-again-title")}>
            <p class="rts-body rts-body--bold" id={shared.id("start-again-title")}>
                { &ui.start_again_warning }
            </p>
            <div class="rts-button-group">
                <button type="button" class="rts-button rts-button--secondary" onclick={download}>
                    { &ui.start_again_download }
                </button>
                <button type="button" class="rts-button rts-button--warning" onclick={confirm}>
                    { &ui.start_again_confirm }
                </button>
                <button type="button" class="rts-link-button" onclick={cancel}>
                    { &ui.cancel }
                </button>
            </div>
        </div>
    }
}
