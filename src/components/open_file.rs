use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{read_as_bytes, FileReader};
use gloo::file::File;
use yew::prelude::*;

use crate::components::shared::use_shared;
use crate::model::file::{FileProblem, MAX_FILE_BYTES};

/// What was read from each chosen file: its name, and its bytes or why it
/// could not be read. Bytes, not text, so that the reader can tell damaged
/// text from good (`file::read_assessment_bytes`).
pub type ChosenFiles = Vec<ChosenFile>;
pub type ChosenFile = (String, Result<Vec<u8>, FileProblem>);

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

    let read = {
        let readers = readers.clone();
        let on_files = props.on_files.clone();
        let multiple = props.multiple;
        move |list: web_sys::FileList| {
            let files: Vec<File> = (0..list.length())
                .filter_map(|i| list.get(i))
                .take(if multiple { usize::MAX } else { 1 })
                .map(File::from)
                .collect();
            read_all(files, &readers, on_files.clone());
        }
    };

    let on_change = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                read(list);
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
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                read(list);
            }
        })
    };

    let input_id = shared.id(&props.id);
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let ui = &shared.locale.ui;
    let described = if props.error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
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
            <input type="file" class={classes!("rts-file-upload", props.error.is_some().then_some("rts-file-upload--error"))} id={input_id}
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

/// The reads in progress, by batch (one batch per choice or drop).
#[derive(Default)]
struct Readers {
    next_batch: u32,
    active: Vec<(u32, FileReader)>,
}

/// Reads every file, then calls `on_files` once with all of them in order.
fn read_all(files: Vec<File>, readers: &Rc<RefCell<Readers>>, on_files: Callback<ChosenFiles>) {
    let total = files.len();
    if total == 0 {
        return;
    }
    // Each batch keeps its readers until it is done; another batch chosen
    // meanwhile reads alongside it.
    let batch = {
        let mut readers = readers.borrow_mut();
        readers.next_batch += 1;
        readers.next_batch
    };
    let results: Rc<RefCell<Vec<Option<ChosenFile>>>> = Rc::new(RefCell::new(vec![None; total]));
    let finish = {
        let results = Rc::clone(&results);
        let readers = Rc::clone(readers);
        move || {
            let done: ChosenFiles = results.borrow_mut().drain(..).flatten().collect();
            on_files.emit(done);
            // A reader may not be dropped inside its own callback, so the
            // batch's readers are let go just after.
            let readers = Rc::clone(&readers);
            gloo::timers::callback::Timeout::new(0, move || {
                readers.borrow_mut().active.retain(|(b, _)| *b != batch);
            })
            .forget();
        }
    };
    let remaining = Rc::new(RefCell::new(total));
    let record = {
        let results = Rc::clone(&results);
        move |index: usize, entry: ChosenFile| {
            results.borrow_mut()[index] = Some(entry);
            *remaining.borrow_mut() -= 1;
            if *remaining.borrow() == 0 {
                finish();
            }
        }
    };
    let record = Rc::new(record);
    for (index, file) in files.into_iter().enumerate() {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as u64 {
            let bytes = usize::try_from(file.size()).unwrap_or(usize::MAX);
            record(index, (name, Err(FileProblem::TooLarge { bytes })));
            continue;
        }
        let record = Rc::clone(&record);
        let task = read_as_bytes(&file, move |result| {
            let bytes = result.map_err(|error| FileProblem::NotJson {
                detail: error.to_string(),
            });
            record(index, (name, bytes));
        });
        readers.borrow_mut().active.push((batch, task));
    }
}
