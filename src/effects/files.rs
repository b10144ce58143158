//! Reading the files a user chooses or drops, on this device. Nothing is
//! sent anywhere: the bytes go to the model, which says what they hold.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{read_as_bytes, FileReader};
use gloo::file::File;
use yew::{Callback, DragEvent, Event, TargetCast};

use crate::model::file::{FileProblem, MAX_FILE_BYTES};

/// What was read from each chosen file: its name, and its bytes or why it
/// could not be read. Bytes, not text, so that the reader can tell damaged
/// text from good (`file::read_assessment_bytes`).
pub type ChosenFiles = Vec<ChosenFile>;
pub type ChosenFile = (String, Result<Vec<u8>, FileProblem>);

/// Reads the files chosen in the file input a `change` event came from,
/// then empties the input, so that choosing the same file again fires
/// another change.
pub fn read_chosen(
    event: &Event,
    multiple: bool,
    readers: &Rc<RefCell<Readers>>,
    on_files: Callback<ChosenFiles>,
) {
    let input: web_sys::HtmlInputElement = event.target_unchecked_into();
    if let Some(list) = input.files() {
        read_all(files_of(&list, multiple), readers, on_files);
    }
    input.set_value("");
}

/// Reads the files dropped on a drop zone.
pub fn read_dropped(
    event: &DragEvent,
    multiple: bool,
    readers: &Rc<RefCell<Readers>>,
    on_files: Callback<ChosenFiles>,
) {
    event.prevent_default();
    if let Some(list) = event.data_transfer().and_then(|d| d.files()) {
        read_all(files_of(&list, multiple), readers, on_files);
    }
}

fn files_of(list: &web_sys::FileList, multiple: bool) -> Vec<File> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .take(if multiple { usize::MAX } else { 1 })
        .map(File::from)
        .collect()
}

/// The reads in progress, by batch (one batch per choice or drop). Reads
/// stop if their handles are dropped, so a field keeps this until done.
#[derive(Default)]
pub struct Readers {
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
