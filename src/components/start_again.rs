use std::rc::Rc;

use yew::prelude::*;

use crate::components::confirm_panel::ConfirmPanel;
use crate::effects::clock;
use crate::hooks::use_confirming;
use crate::hooks::use_shared;
use crate::model::assessment::Assessment;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct StartAgainProps {
    pub assessment: Rc<Assessment>,
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
