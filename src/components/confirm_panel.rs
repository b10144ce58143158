use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_shared;

use crate::components::download_failed::DownloadFailed;
use crate::components::downloads::download_json;
use crate::model::assessment::Assessment;

#[derive(Properties, PartialEq)]
pub struct ConfirmPanelProps {
    /// The id of the warning, which names the panel.
    pub title_id: AttrValue,
    /// Focus moves here when the panel opens.
    pub panel_ref: NodeRef,
    pub warning: AttrValue,
    pub download_label: AttrValue,
    pub confirm_label: AttrValue,
    pub cancel_label: AttrValue,
    /// The answers at risk, offered as a file first.
    pub assessment: Rc<Assessment>,
    pub on_confirm: Callback<MouseEvent>,
    pub on_cancel: Callback<MouseEvent>,
}

/// A warning before answers are replaced or deleted, in the GOV.UK manner:
/// offer the download first, then the destructive choice, then cancel.
/// Shared by "Start again" and by opening a file over saved answers.
#[component]
pub fn ConfirmPanel(props: &ConfirmPanelProps) -> Html {
    let shared = use_shared();
    let failed = use_state_eq(|| false);
    let on_download = {
        let (assessment, failed) = (props.assessment.clone(), failed.clone());
        let language = shared.locale.language;
        Callback::from(move |_: MouseEvent| {
            failed.set(download_json(&assessment, language).is_err())
        })
    };
    html! {
        <div class="rts-warning-panel" role="group" ref={props.panel_ref.clone()} tabindex="-1"
            aria-labelledby={props.title_id.clone()}>
            <p class="rts-body rts-body--bold" id={props.title_id.clone()}>
                { &props.warning }
            </p>
            <div class="rts-button-group">
                <button type="button" class="rts-button rts-button--secondary" onclick={on_download}>
                    { &props.download_label }
                </button>
                <button type="button" class="rts-button rts-button--warning" onclick={props.on_confirm.clone()}>
                    { &props.confirm_label }
                </button>
                <button type="button" class="rts-link-button" onclick={props.on_cancel.clone()}>
                    { &props.cancel_label }
                </button>
            </div>
            <DownloadFailed failed={*failed} />
        </div>
    }
}
