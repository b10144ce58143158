use gloo::file::callbacks::{read_as_text, FileReader};
use gloo::file::File;
use yew::prelude::*;

use crate::components::shared::{use_shared, Shared};
use crate::model::file::{read_assessment, FileProblem, MAX_FILE_BYTES};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    /// Warn that opening a file replaces the answers on this device.
    pub replaces_answers: bool,
}

/// Opens a saved assessment file, chosen with the file picker or dropped on
/// the area. A file that fails to open leaves the current answers alone.
#[component]
pub fn OpenFile(props: &OpenFileProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    // The read stops if its handle is dropped, so keep it until it is done.
    let reader = use_mut_ref(|| None::<FileReader>);
    let dragging = use_state(|| false);

    let open = {
        let shared = shared.clone();
        let reader = reader.clone();
        move |file: web_sys::File| {
            let file = File::from(file);
            if file.size() > MAX_FILE_BYTES as u64 {
                shared.send(Action::OpenFailed(FileProblem::TooLarge {
                    bytes: usize::try_from(file.size()).unwrap_or(usize::MAX),
                }));
                return;
            }
            let shared = shared.clone();
            let task = read_as_text(&file, move |result| open_text(&shared, result));
            *reader.borrow_mut() = Some(task);
        }
    };

    let on_change = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open(file);
            }
            // Choosing the same file again must fire another change.
            input.set_value("");
        })
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
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                open(file);
            }
        })
    };

    let input_id = shared.id("open-file");
    let hint_id = shared.id("open-file-hint");
    html! {
        <div class={classes!("rts-drop-zone", dragging.then_some("rts-drop-zone--active"))}
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <label class="rts-label" for={input_id.clone()}>{ &ui.open_label }</label>
            <p class="rts-hint" id={hint_id.clone()}>
                { &ui.open_hint }
                if props.replaces_answers {
                    { " " }{ &ui.open_replaces }
                }
            </p>
            <input type="file" class="rts-file-upload" id={input_id}
                accept=".json,application/json" aria-describedby={hint_id}
                onchange={on_change} />
        </div>
    }
}

fn open_text(shared: &Shared, result: Result<String, gloo::file::FileReadError>) {
    let action = match result {
        Ok(text) => match read_assessment(&text, &shared.pack) {
            Ok(opened) => Action::Opened(opened),
            Err(problem) => Action::OpenFailed(problem),
        },
        Err(error) => Action::OpenFailed(FileProblem::NotJson {
            detail: error.to_string(),
        }),
    };
    shared.send(action);
}
