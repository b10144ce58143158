//! Saving as the answers and the workshop change (the `effects::autosave`
//! functions do the saving; these hooks decide when): shortly after each
//! change, at once when the page is hidden or the widget goes, and on news
//! from other tabs and widgets.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[cfg(feature = "workshop")]
use crate::effects::autosave::save_workshop;
use crate::effects::autosave::{register, save, save_later, unregister, Pending, PendingWorkshop};
use crate::effects::{panic_panel, storage};
use crate::model::content::ContentPack;
use crate::model::file::read_stamped_progress;
#[cfg(feature = "workshop")]
use crate::model::workshop::read_saved_workshop;
use crate::model::workshop::Workshop;
use crate::state::{Action, State};

type Slot<T> = Rc<RefCell<Option<T>>>;

/// Saves shortly after each change, and at once when the page is hidden or
/// closed; takes up answers saved by other tabs and widgets. Every listener
/// and registration goes when the widget does.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>, storage_key: &str, pack: &Rc<ContentPack>) {
    let pending: Slot<Pending> = use_mut_ref(|| None);
    let pending_workshop: Slot<PendingWorkshop> = use_mut_ref(|| None);
    let widget = use_mut_ref(|| 0u32);
    use_save_listeners(
        state,
        storage_key,
        pack,
        &pending,
        &pending_workshop,
        &widget,
    );
    use_save_workshop(state, storage_key, &pending_workshop, &widget);
    use_save_answers(state, storage_key, pack, &pending, &widget);
}

/// Registers this widget with the others on the page, and listens for the
/// page being hidden (save now) and for other tabs' saves (take them up).
#[hook]
fn use_save_listeners(
    state: &UseReducerHandle<State>,
    storage_key: &str,
    pack: &Rc<ContentPack>,
    pending: &Slot<Pending>,
    pending_workshop: &Slot<PendingWorkshop>,
    widget: &Rc<RefCell<u32>>,
) {
    let pending = Rc::clone(pending);
    let pending_workshop = Rc::clone(pending_workshop);
    let widget = Rc::clone(widget);
    let key = storage_key.to_string();
    let pack = Rc::clone(pack);
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let id = register_widget(&key, &dispatch);
        *widget.borrow_mut() = id;
        let window = gloo::utils::window();
        let on_hide = {
            let (pending, pending_workshop) = (Rc::clone(&pending), Rc::clone(&pending_workshop));
            let (key, pack, dispatch) = (key.clone(), Rc::clone(&pack), dispatch.clone());
            EventListener::new(&window, "pagehide", move |_| {
                save_pending(id, &key, &pack, &pending, &pending_workshop, |action| {
                    dispatch.dispatch(action)
                });
            })
        };
        let on_other_tab = take_up_other_tabs(&window, &key, &pack, &dispatch);
        move || {
            drop(on_hide);
            drop(on_other_tab);
            unregister(id);
            // The host may remove the widget just after a change: save
            // it now rather than lose it with the timer. The widget is
            // gone, so there is no screen to report a failure on; the
            // panic panel and other tabs still hold the answers.
            save_pending(id, &key, &pack, &pending, &pending_workshop, |_| {});
        }
    });
}

/// Registers this widget with the others on the page, so that what one
/// saves (answers, or the workshop or its end) reaches the others; returns
/// the widget's id.
fn register_widget(key: &str, dispatch: &UseReducerDispatcher<State>) -> u32 {
    let (dispatch, on_workshop) = (dispatch.clone(), dispatch.clone());
    register(
        key,
        Callback::from(move |saved| dispatch.dispatch(Action::Merge(saved))),
        Callback::from(move |saved: Option<Workshop>| {
            on_workshop.dispatch(match saved {
                Some(workshop) => Action::WorkshopMerge(workshop),
                None => Action::WorkshopEnded,
            })
        }),
    )
}

/// Saves at once the answers and the workshop still waiting for their
/// timers, and hands `report` what the reducer must hear of each save.
/// Each is taken out before it is saved, so no borrow is held while the
/// reducer runs.
fn save_pending(
    id: u32,
    key: &str,
    pack: &ContentPack,
    pending: &Slot<Pending>,
    pending_workshop: &Slot<PendingWorkshop>,
    report: impl Fn(Action),
) {
    let taken = pending.borrow_mut().take();
    if let Some(p) = taken {
        report(save(id, key, pack, &p));
    }
    #[cfg(feature = "workshop")]
    if let Some(p) = pending_workshop.borrow_mut().take() {
        report(save_workshop(id, key, &p));
    }
    #[cfg(not(feature = "workshop"))]
    let _ = pending_workshop;
}

/// Listens for other tabs' saves under this storage key and takes them
/// up: their answers merged, their workshop merged, or its end.
fn take_up_other_tabs(
    window: &web_sys::Window,
    key: &str,
    pack: &Rc<ContentPack>,
    dispatch: &UseReducerDispatcher<State>,
) -> EventListener {
    let progress_key = storage::progress_key(key);
    #[cfg(feature = "workshop")]
    let workshop_key = storage::workshop_key(key);
    let (pack, dispatch) = (Rc::clone(pack), dispatch.clone());
    EventListener::new(window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        let changed = event.key();
        #[cfg(feature = "workshop")]
        if changed.as_deref() == Some(workshop_key.as_str()) {
            match event.new_value() {
                Some(text) => {
                    if let Some(theirs) = read_saved_workshop(&text) {
                        dispatch.dispatch(Action::WorkshopMerge(theirs));
                    }
                }
                None => dispatch.dispatch(Action::WorkshopEnded),
            }
            return;
        }
        if changed.as_deref() != Some(progress_key.as_str()) {
            return;
        }
        if let Some(text) = event.new_value() {
            if let Ok(theirs) = read_stamped_progress(&text, &pack) {
                dispatch.dispatch(Action::Merge(theirs));
            }
        }
    })
}

/// Saves the workshop shortly after each change to it. Built without the
/// workshop (the page's first module), there is none to save, and the hook
/// does nothing.
#[hook]
#[cfg_attr(not(feature = "workshop"), allow(unused_variables))]
fn use_save_workshop(
    state: &UseReducerHandle<State>,
    storage_key: &str,
    pending_workshop: &Slot<PendingWorkshop>,
    widget: &Rc<RefCell<u32>>,
) {
    #[cfg(feature = "workshop")]
    {
        let pending = Rc::clone(pending_workshop);
        let widget = Rc::clone(widget);
        let key = storage_key.to_string();
        let handle = state.clone();
        use_effect_with(state.workshop_revision, move |revision| {
            let state: &State = &handle;
            // Nothing has changed since the workshop was restored.
            if *revision <= state.workshop_saved_revision {
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            }
            *pending.borrow_mut() = Some(PendingWorkshop {
                workshop: state.workshop.clone(),
                revision: *revision,
            });
            let dispatch = handle.dispatcher();
            let timeout = save_later(pending, widget, move |id, p| {
                dispatch.dispatch(save_workshop(id, &key, p))
            });
            Box::new(move || drop(timeout))
        });
    }
}

/// Saves the answers and the screen shortly after each change, and keeps
/// the panic panel's copy current.
#[hook]
fn use_save_answers(
    state: &UseReducerHandle<State>,
    storage_key: &str,
    pack: &Rc<ContentPack>,
    pending: &Slot<Pending>,
    widget: &Rc<RefCell<u32>>,
) {
    let pending = Rc::clone(pending);
    let widget = Rc::clone(widget);
    let key = storage_key.to_string();
    let pack = Rc::clone(pack);
    let handle = state.clone();
    let step = state.step.to_key(pack.as_ref());
    use_effect_with(
        (state.revision, step, state.hold_saving),
        move |(revision, step, hold)| {
            let state: &State = &handle;
            panic_panel::remember(&key, &state.assessment);
            // Nothing is saved for a visit that has changed nothing yet: a
            // returning visitor who never answered then still gets the start
            // screen written into the page, not "Loading…".
            if state.saved_revision >= *revision && step == "start" {
                *pending.borrow_mut() = None;
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            }
            if *hold {
                *pending.borrow_mut() = None;
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            }
            *pending.borrow_mut() = Some(Pending {
                assessment: Rc::clone(&state.assessment),
                stamps: Rc::clone(&state.stamps),
                step: step.clone(),
                revision: *revision,
            });
            let dispatch = handle.dispatcher();
            let timeout = save_later(pending, widget, move |id, p| {
                dispatch.dispatch(save(id, &key, &pack, p))
            });
            // A newer change cancels this save and schedules its own.
            Box::new(move || drop(timeout))
        },
    );
}
