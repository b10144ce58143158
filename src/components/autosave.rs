//! Saving progress as it changes, restoring it on load, and keeping two
//! tabs on the same assessment in step. The storage calls themselves are in
//! `crate::storage`; the decisions (which answers are newer) are in the
//! reducer.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::assessment::Assessment;
use crate::model::content::ContentPack;
use crate::model::file::{read_saved_progress, write_assessment};
use crate::state::{Action, SaveStatus, State, Step};
use crate::{clock, panic_panel, storage};

/// How long typing may pause before progress is saved.
const SAVE_DELAY_MS: u32 = 400;

/// What to save: the assessment file and the step, under versioned keys.
struct Pending {
    progress: String,
    step: String,
    updated: String,
}

fn step_key(storage_key: &str) -> String {
    format!("{storage_key}:step:v1")
}

/// Reads saved progress. A value that cannot be read is moved aside, never
/// overwritten, so nothing is lost; the user is told.
pub fn restore(pack: &Rc<ContentPack>, storage_key: &str) -> State {
    let fresh = || Assessment::new(pack, &clock::now());
    let key = storage::progress_key(storage_key);
    let mut unreadable = false;
    let mut hold_saving = false;
    let (assessment, step, status) = match storage::load(&key) {
        Ok(Some(text)) => match read_saved_progress(&text, pack) {
            Ok(opened) => {
                let step = storage::load(&step_key(storage_key))
                    .ok()
                    .flatten()
                    .map_or(Step::Tasks, |s| Step::from_key(&s, pack));
                (opened.assessment, step, SaveStatus::Ok)
            }
            Err(_) => {
                unreadable = true;
                if keep_aside(&key, &text) {
                    let _ = storage::remove(&key);
                    (fresh(), Step::Start, SaveStatus::Ok)
                } else {
                    // No room to keep a copy: leave the value where it is and
                    // save nothing over it this time.
                    hold_saving = true;
                    (fresh(), Step::Start, SaveStatus::Full)
                }
            }
        },
        Ok(None) => (fresh(), Step::Start, SaveStatus::Ok),
        Err(error) => (fresh(), Step::Start, error.into()),
    };
    let mut state = State::new(Rc::clone(pack), assessment, step);
    state.save_status = status;
    state.progress_unreadable = unreadable;
    state.hold_saving = hold_saving;
    state
}

/// Copies an unreadable value aside without overwriting an earlier copy.
/// True when the copy is safely stored.
fn keep_aside(key: &str, text: &str) -> bool {
    let first = format!("{key}:unreadable");
    let target = match storage::load(&first) {
        Ok(None) => first,
        Ok(Some(existing)) if existing == text => return true,
        Ok(Some(_)) => format!("{first}:{}", clock::now()),
        Err(_) => return false,
    };
    storage::save(&target, text).is_ok()
}

/// The assessment saved by another tab, if it is newer than `updated`.
fn newer_in_storage(storage_key: &str, pack: &ContentPack, updated: &str) -> Option<Assessment> {
    let text = storage::load(&storage::progress_key(storage_key)).ok()??;
    let stored = read_saved_progress(&text, pack).ok()?.assessment;
    (stored.updated.as_str() > updated).then_some(stored)
}

/// Saves, unless another tab has saved newer answers since this tab last
/// saved: those are never overwritten by older ones, and are taken up here
/// instead. What this tab wrote itself is never "another tab's".
fn save(
    storage_key: &str,
    pack: &ContentPack,
    pending: &Pending,
    last_written: &RefCell<Option<String>>,
) -> Action {
    let ours = last_written.borrow().clone();
    if let Some(newer) = newer_in_storage(storage_key, pack, &pending.updated) {
        if ours.as_deref() != Some(newer.updated.as_str()) {
            return Action::FromOtherTab(newer);
        }
    }
    *last_written.borrow_mut() = Some(pending.updated.clone());
    let result = storage::save(&storage::progress_key(storage_key), &pending.progress)
        .and_then(|()| storage::save(&step_key(storage_key), &pending.step));
    Action::SaveResult(match result {
        Ok(()) => SaveStatus::Ok,
        Err(error) => error.into(),
    })
}

/// Saves shortly after each change, and at once when the page is hidden or
/// closed; picks up answers saved by another tab. Every listener goes when
/// the widget does.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>, storage_key: &str, pack: &Rc<ContentPack>) {
    let pending: Rc<RefCell<Option<Pending>>> = use_mut_ref(|| None);
    // The `updated` stamp of what this tab last saved or restored.
    let last_written = {
        let restored = state.assessment.updated.clone();
        use_mut_ref(move || Some(restored))
    };
    {
        let pending = Rc::clone(&pending);
        let key = storage_key.to_string();
        let pack = Rc::clone(pack);
        let dispatch = state.dispatcher();
        let last_written = Rc::clone(&last_written);
        use_effect_with((), move |_| {
            let (pending_on_unmount, key_on_unmount, pack_on_unmount, last_written_on_unmount) = (
                Rc::clone(&pending),
                key.clone(),
                Rc::clone(&pack),
                Rc::clone(&last_written),
            );
            let window = gloo::utils::window();
            let on_hide = {
                let (pending, key, pack, dispatch) = (
                    Rc::clone(&pending),
                    key.clone(),
                    Rc::clone(&pack),
                    dispatch.clone(),
                );
                EventListener::new(&window, "pagehide", move |_| {
                    if let Some(p) = pending.borrow_mut().take() {
                        dispatch.dispatch(save(&key, &pack, &p, &last_written));
                    }
                })
            };
            let progress_key = storage::progress_key(&key);
            let on_other_tab = EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(progress_key.as_str()) {
                    return;
                }
                if let Some(text) = event.new_value() {
                    if let Ok(opened) = read_saved_progress(&text, &pack) {
                        dispatch.dispatch(Action::FromOtherTab(opened.assessment));
                    }
                }
            });
            move || {
                drop(on_hide);
                drop(on_other_tab);
                // The host may remove the widget just after a change: save
                // it now rather than lose it with the timer.
                if let Some(p) = pending_on_unmount.borrow_mut().take() {
                    let _ = save(
                        &key_on_unmount,
                        &pack_on_unmount,
                        &p,
                        &last_written_on_unmount,
                    );
                }
            }
        });
    }
    {
        let pending = Rc::clone(&pending);
        let key = storage_key.to_string();
        let pack = Rc::clone(pack);
        let dispatch = state.dispatcher();
        let last_written = Rc::clone(&last_written);
        let step = state.step.to_key(pack.as_ref());
        let hold = state.hold_saving;
        use_effect_with(
            (state.assessment.clone(), step, hold),
            move |(assessment, step, hold)| {
                let progress = write_assessment(assessment);
                panic_panel::remember(&key, &assessment.context.area, &progress);
                if *hold {
                    *pending.borrow_mut() = None;
                    return Box::new(|| ()) as Box<dyn FnOnce()>;
                }
                *pending.borrow_mut() = Some(Pending {
                    progress,
                    step: step.clone(),
                    updated: assessment.updated.clone(),
                });
                let timeout = Timeout::new(SAVE_DELAY_MS, move || {
                    if let Some(p) = pending.borrow_mut().take() {
                        dispatch.dispatch(save(&key, &pack, &p, &last_written));
                    }
                });
                // A newer change cancels this save and schedules its own.
                Box::new(move || drop(timeout))
            },
        );
    }
}
