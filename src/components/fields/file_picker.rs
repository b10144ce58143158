use yew::prelude::*;

use super::described_by;
pub use crate::effects::files::ChosenFiles;
use crate::effects::files::{read_chosen, read_dropped, Readers};
use crate::hooks::use_shared;
use crate::model::file::FileProblem;

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// Names the input, for the error summary's links.
    pub id: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    #[prop_or_default]
    pub multiple: bool,
    /// Called once with every chosen file, in the order chosen.
    pub on_files: Callback<ChosenFiles>,
    /// A problem with the file chosen: shown at the field (the GOV.UK
    /// error message), with its technical detail in a disclosure.
    #[prop_or_default]
    pub error: Option<FileProblem>,
}

/// Chooses files with the file picker or by dropping them on the area, and
/// reads them on this device.
#[component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let shared = use_shared();
    // Reads stop if their handles are dropped, so keep them until done.
    let readers = use_mut_ref(Readers::default);
    let dragging = use_state(|| false);

    let on_change = {
        let (readers, on_files, multiple) =
            (readers.clone(), props.on_files.clone(), props.multiple);
        Callback::from(move |e: Event| read_chosen(&e, multiple, &readers, on_files.clone()))
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let (readers, on_files, multiple) =
            (readers.clone(), props.on_files.clone(), props.multiple);
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            read_dropped(&e, multiple, &readers, on_files.clone());
        })
    };

    let input_id = shared.id(&props.id);
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let ui = &shared.locale.ui;
    let described = described_by([
        Some(hint_id.as_str()),
        props.error.as_ref().map(|_| error_id.as_str()),
    ]);
    let detail = props
        .error
        .as_ref()
        .and_then(|p| shared.locale.file_problem_detail(p));
    html! {
        <div class={classes!("rts-drop-zone", "rts-no-print", props.error.is_some().then_some("rts-form-group--error"), dragging.then_some("rts-drop-zone--active"))}
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <label class="rts-label" for={input_id.clone()}>{ &props.label }</label>
            <p class="rts-hint" id={hint_id}>{ &props.hint }</p>
            if let Some(problem) = &props.error {
                <p class="rts-error-message" id={error_id}>
                    <span class="rts-visually-hidden">{ format!("{} ", ui.error_prefix) }</span>
                    { shared.locale.file_problem_in(&shared.pack, problem) }
                </p>
            }
            // data-rts-field names the field for what was done on the start
            // screen written into index.html (scripts/runtime/early-input.js).
            <input type="file" class={classes!("rts-file-upload", props.error.is_some().then_some("rts-file-upload--error"))} id={input_id}
                data-rts-field={props.id.clone()}
                accept=".json,application/json" multiple={props.multiple}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described} onchange={on_change} />
            if let Some(detail) = detail {
                <details class="rts-details rts-details--small">
                    <summary class="rts-details__summary">{ &shared.locale.file.detail_summary }</summary>
                    <p class="rts-details__text">{ detail }</p>
                </details>
            }
        </div>
    }
}
