//! Saving progress as it changes, restoring it on load, and keeping every
//! copy of one assessment in step: other tabs (through storage events) and
//! other widgets with the same storage key on this page (through a registry
//! here, since storage events do not reach the page that saved). The storage
//! calls themselves are in `effects::storage`; which answers are newer is
//! decided by `model::merge`, through the reducer's `Action::Merge`.
//!
//! The partnership view's workshop is saved the same way under its own key
//! (`<key>:workshop:v1`), merged by `model::workshop::merge`, and removed
//! from storage when the workshop is ended.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::effects::{clock, storage};
use crate::model::assessment::Assessment;
use crate::model::content::ContentPack;
use crate::model::file::{
    read_assessment, read_progress_after_update, read_stamped_progress, write_saved_progress,
};
use crate::model::merge::{merge, Stamped, Stamps};
use crate::model::workshop::Workshop;
#[cfg(feature = "workshop")]
use crate::model::workshop::{self, read_saved_workshop, write_saved_workshop};
use crate::state::{Action, FileMessages, SaveStatus, State, Step};

/// How long typing may pause before progress is saved (src/options.json,
/// where the tests read it too).
use crate::options::{Carried, SAVE_DELAY_MS};

/// What to save: the answers with their stamps, the step, and which
/// revision of the answers they are. The answers and stamps are the
/// state's own, shared: every change makes a new `Pending`, and copying
/// them each time (each keystroke in a note) would be wasted on all but
/// the one that is saved.
pub(crate) struct Pending {
    pub(crate) assessment: Rc<Assessment>,
    pub(crate) stamps: Rc<Stamps>,
    pub(crate) step: String,
    pub(crate) revision: u64,
}

impl Pending {
    /// The answers with their stamps, as the merge takes them.
    fn stamped(&self) -> Stamped {
        Stamped::copy_of(&self.assessment, &self.stamps)
    }
}

/// The workshop to save, and which revision of it it is (never made when
/// built without the workshop).
#[cfg_attr(not(feature = "workshop"), allow(dead_code))]
pub(crate) struct PendingWorkshop {
    pub(crate) workshop: Rc<Workshop>,
    pub(crate) revision: u64,
}

fn step_key(storage_key: &str) -> String {
    format!("{storage_key}:step:v1")
}

/// A name for this mount's changes, different for every tab and widget.
fn writer_id() -> String {
    thread_local! {
        static MOUNTS: Cell<u32> = const { Cell::new(0) };
    }
    let mount = MOUNTS.with(|m| {
        m.set(m.get().wrapping_add(1));
        m.get()
    });
    // Math.random is enough here: the id only has to differ between the
    // few tabs and widgets open on one assessment.
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{random:08x}{mount:x}")
}

/// Reads saved progress. A value that cannot be read is moved aside, never
/// overwritten, so nothing is lost; the user is told. `carried` is what
/// the page's first module handed over when someone opened the partnership
/// view (`MountOptions::carried`): this mount then opens there, with those
/// answers merged with storage's, comparing with the same earlier file.
pub fn restore(pack: &Rc<ContentPack>, storage_key: &str, carried: Option<&Carried>) -> State {
    let fresh = || Stamped {
        assessment: Assessment::new(pack, &clock::now()),
        stamps: Default::default(),
    };
    let key = storage::progress_key(storage_key);
    let mut unreadable = false;
    let mut hold_saving = false;
    // Nothing stored yet: the fresh state is as good as saved until it
    // changes, so a visit that changes nothing writes nothing.
    let mut nothing_stored = false;
    let mut updated = Vec::new();
    let (stamped, step, status) = match storage::load(&key) {
        Ok(Some(text)) => match read_progress_after_update(&text, pack) {
            // Saved by an earlier version of the questions: the task list
            // says what changed, as opening the same answers as a file would.
            Ok((stamped, warnings)) if !warnings.is_empty() => {
                updated = warnings;
                (stamped, Step::Tasks, SaveStatus::Ok)
            }
            Ok((stamped, _)) => {
                let step = storage::load(&step_key(storage_key))
                    .ok()
                    .flatten()
                    .map_or(Step::Tasks, |s| Step::from_key(&s, pack));
                (stamped, step, SaveStatus::Ok)
            }
            Err(_) => {
                unreadable = true;
                if keep_aside(&key, &text) {
                    // If this fails, the same value is found, kept aside
                    // (already there) and reported again next time: no loss.
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
        Ok(None) => {
            nothing_stored = true;
            (fresh(), Step::Start, SaveStatus::Ok)
        }
        Err(error) => (fresh(), Step::Start, error.into()),
    };
    let stored = !nothing_stored && !unreadable && status == SaveStatus::Ok;
    let carried = carried.and_then(|c| Some((read_stamped_progress(&c.progress, pack).ok()?, c)));
    let (stamped, step, arrived) = match carried {
        // Storage may hold a change another tab made since, or nothing at
        // all (blocked, full): the carried answers are never lost to it.
        Some((theirs, carried)) => {
            nothing_stored = false;
            let answers = if stored {
                merge(&stamped, &theirs)
            } else {
                theirs
            };
            (answers, Step::Partnership, Some(carried))
        }
        None => (stamped, step, None),
    };
    let mut state = State::new(Rc::clone(pack), stamped.assessment, step);
    if let Some(carried) = arrived {
        state.earlier = carried
            .earlier
            .as_deref()
            .and_then(|text| read_assessment(text, pack).ok())
            .map(|opened| Rc::new(opened.assessment));
        if carried.focus {
            // Arrived by a navigation, though a new mount: focus goes to
            // the heading as on any other screen.
            state.navigations = 1;
        }
    }
    #[cfg(feature = "workshop")]
    {
        let (workshop, workshop_status) = restore_workshop(storage_key);
        state.workshop = Rc::new(workshop);
        state.workshop_status = workshop_status;
    }
    state.stamps = Rc::new(stamped.stamps);
    state.writer = writer_id();
    state.today = clock::today();
    state.save_status = status;
    state.progress_unreadable = unreadable;
    state.hold_saving = hold_saving;
    if nothing_stored {
        state.saved_revision = state.revision;
    }
    if !updated.is_empty() {
        state.file_messages = FileMessages::Updated(updated);
    }
    state
}

#[cfg(feature = "workshop")]
/// Reads the saved workshop. One that cannot be read is moved aside like
/// unreadable progress, never overwritten.
fn restore_workshop(storage_key: &str) -> (Workshop, SaveStatus) {
    let key = storage::workshop_key(storage_key);
    match storage::load(&key) {
        Ok(Some(text)) => match read_saved_workshop(&text) {
            Some(workshop) => (workshop, SaveStatus::Ok),
            None => {
                if keep_aside(&key, &text) {
                    let _ = storage::remove(&key);
                }
                (Workshop::default(), SaveStatus::Ok)
            }
        },
        Ok(None) => (Workshop::default(), SaveStatus::Ok),
        Err(error) => (Workshop::default(), error.into()),
    }
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

/// A mounted widget: its id, storage key, and ways to send it answers and
/// a workshop saved by another widget with the same key (`None`: the
/// workshop was ended).
type Widget = (u32, String, Callback<Stamped>, Callback<Option<Workshop>>);

thread_local! {
    /// Every mounted widget on this page: its id, storage key and a way to
    /// send it answers saved by another widget with the same key.
    static WIDGETS: RefCell<Vec<Widget>> = RefCell::default();
    static NEXT_WIDGET: Cell<u32> = const { Cell::new(0) };
}

pub(crate) fn register(
    storage_key: &str,
    on_saved: Callback<Stamped>,
    on_workshop: Callback<Option<Workshop>>,
) -> u32 {
    let id = NEXT_WIDGET.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    WIDGETS.with(|w| {
        w.borrow_mut()
            .push((id, storage_key.to_string(), on_saved, on_workshop))
    });
    id
}

pub(crate) fn unregister(id: u32) {
    WIDGETS.with(|w| w.borrow_mut().retain(|(other, ..)| *other != id));
}

/// The other widgets on this page with the same storage key.
fn others(id: u32, storage_key: &str) -> Vec<Widget> {
    WIDGETS.with(|w| {
        w.borrow()
            .iter()
            .filter(|(other, key, ..)| *other != id && key == storage_key)
            .cloned()
            .collect()
    })
}

/// Tells the other widgets on this page with the same storage key what was
/// just saved.
fn tell_others(id: u32, storage_key: &str, saved: &Stamped) {
    for (_, _, callback, _) in others(id, storage_key) {
        callback.emit(saved.clone());
    }
}

/// Tells the other widgets on this page with the same storage key the
/// workshop just saved, or with `None` that it was ended.
fn tell_others_workshop(id: u32, storage_key: &str, saved: Option<&Workshop>) {
    for (_, _, _, callback) in others(id, storage_key) {
        callback.emit(saved.cloned());
    }
}

/// Ends the workshop: removes it from storage, and tells the other widgets
/// on this page (other tabs hear it from storage). The caller then sends
/// `Action::WorkshopEnded`.
pub fn end_workshop(storage_key: &str) {
    // Blocked storage holds no workshop to remove.
    let _ = storage::remove(&storage::workshop_key(storage_key));
    tell_others_workshop(0, storage_key, None);
}

#[cfg(feature = "workshop")]
/// Merges this copy of the workshop with what is in storage and writes the
/// result (or removes it, when nothing is left to keep), as `save` does for
/// the answers.
pub(crate) fn save_workshop(widget: u32, storage_key: &str, pending: &PendingWorkshop) -> Action {
    let failed = |error: storage::StorageError| Action::WorkshopSaved {
        revision: pending.revision,
        status: error.into(),
        merged: None,
        not_stored: Vec::new(),
    };
    let key = storage::workshop_key(storage_key);
    let stored = match storage::load(&key) {
        Ok(stored) => stored,
        Err(error) => return failed(error),
    };
    let merged = match stored.as_deref().and_then(read_saved_workshop) {
        Some(theirs) => Rc::new(workshop::merge(&pending.workshop, &theirs)),
        None => Rc::clone(&pending.workshop),
    };
    let (result, not_stored) = if merged.is_empty() {
        let result = match stored {
            Some(_) => storage::remove(&key),
            None => Ok(()),
        };
        (result, Vec::new())
    } else {
        let (text, not_stored) = write_saved_workshop(&merged);
        let result = if stored.as_deref() == Some(text.as_str()) {
            Ok(())
        } else {
            storage::save(&key, &text)
        };
        (result, not_stored)
    };
    if let Err(error) = result {
        return failed(error);
    }
    tell_others_workshop(widget, storage_key, (!merged.is_empty()).then_some(&merged));
    Action::WorkshopSaved {
        revision: pending.revision,
        status: SaveStatus::Ok,
        merged: (merged != pending.workshop).then(|| Workshop::clone(&merged)),
        not_stored,
    }
}

/// Merges this copy with what is in storage and writes the result, so an
/// answer saved meanwhile by another tab or widget is kept, never written
/// over. Returns what the reducer must hear: how the save went, with the
/// merged answers if storage held anything this copy did not.
pub(crate) fn save(
    widget: u32,
    storage_key: &str,
    pack: &ContentPack,
    pending: &Pending,
) -> Action {
    let failed = |error: storage::StorageError| Action::Saved {
        revision: pending.revision,
        status: error.into(),
        merged: None,
    };
    let key = storage::progress_key(storage_key);
    let stored = match storage::load(&key) {
        Ok(stored) => stored,
        Err(error) => return failed(error),
    };
    let ours = pending.stamped();
    // What storage holds that this copy did not, merged in; none when it
    // holds nothing new, and then this copy is saved as it is.
    let merged = stored
        .as_deref()
        .and_then(|text| read_stamped_progress(text, pack).ok())
        .map(|theirs| merge(&ours, &theirs))
        .filter(|merged| *merged != ours);
    let saved = merged.as_ref().unwrap_or(&ours);
    let text = write_saved_progress(saved);
    let result = if stored.as_deref() == Some(text.as_str()) {
        Ok(())
    } else {
        storage::save(&key, &text)
    }
    .and_then(|()| storage::save(&step_key(storage_key), &pending.step));
    if let Err(error) = result {
        return failed(error);
    }
    tell_others(widget, storage_key, saved);
    Action::Saved {
        revision: pending.revision,
        status: SaveStatus::Ok,
        merged,
    }
}

/// Saves what is pending after [`SAVE_DELAY_MS`], as this widget, unless
/// it was taken meanwhile (the page was hidden, the widget removed) or the
/// returned timer is dropped (a newer change).
pub(crate) fn save_later<P: 'static>(
    pending: Rc<RefCell<Option<P>>>,
    widget: Rc<RefCell<u32>>,
    run: impl Fn(u32, &P) + 'static,
) -> Timeout {
    Timeout::new(SAVE_DELAY_MS, move || {
        let id = *widget.borrow();
        let taken = pending.borrow_mut().take();
        if let Some(p) = taken {
            run(id, &p);
        }
    })
}
