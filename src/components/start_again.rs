use yew::prelude::*;

use crate::components::confirm_panel::ConfirmPanel;
use crate::components::shared::use_shared;
use crate::effects::clock;
use crate::effects::focus::focus;
use crate::model::assessment::Assessment;
use crate::state::Action;

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

#[derive(Properties, PartialEq)]
pub struct StartAgainProps {
    pub assessment: Assessment,
}

/// "Start again" asks first, and offers to download the answers before they
/// are deleted. Focus follows: to the question when it opens, and back to
/// the button when it is cancelled.
#[component]
pub fn StartAgain(props: &StartAgainProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let (confirming, button, panel) = use_confirming();

    if *confirming != Some(true) {
        let confirming = confirming.clone();
        return html! {
            <button type="button" class="rts-button rts-button--secondary" ref={button} data-rts-action="start-again"
                onclick={move |_| confirming.set(Some(true))}>
                { &ui.start_again }
            </button>
        };
    }

    let confirm = {
        let shared = shared.clone();
        Callback::from(move |_| shared.send(Action::StartAgain { now: clock::now() }))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(Some(false)))
    };
    html! {
        <ConfirmPanel title_id={shared.id("start-again-title")} panel_ref={panel}
            warning={ui.start_again_warning} download_label={ui.start_again_download}
            confirm_label={ui.start_again_confirm} cancel_label={ui.cancel}
            assessment={props.assessment.clone()} on_confirm={confirm} on_cancel={cancel} />
    }
}
