use std::rc::Rc;

use yew::prelude::*;

use crate::effects::clock;
use crate::model::content::ContentPack;
use crate::model::locale::Locale;
use crate::model::plan::{ActionId, PlanEdit};
use crate::model::workshop::WorkshopEdit;
use crate::state::{Action, Edit, State};

/// What every component of one mounted widget shares: the content, the
/// words, the heading level to start from and the way to change state.
#[derive(Clone)]
pub struct Shared {
    pub pack: Rc<ContentPack>,
    pub locale: Rc<Locale>,
    /// The level of the page heading (1 standalone; a host may ask for 2).
    pub heading_base: u8,
    pub storage_key: Rc<str>,
    /// Prefix of every element id in this widget, unique per mount.
    pub id_prefix: Rc<str>,
    /// Where the single-file offline copy can be downloaded, if offered.
    pub offline_copy_url: Option<Rc<str>>,
    /// The host is sent the results when the user reaches the summary (it
    /// asked, with `results-event`), so the start page says so.
    pub results_event: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pack, &other.pack)
            && Rc::ptr_eq(&self.locale, &other.locale)
            && self.heading_base == other.heading_base
            && self.storage_key == other.storage_key
            && self.id_prefix == other.id_prefix
            && self.offline_copy_url == other.offline_copy_url
            && self.results_event == other.results_event
    }
}

impl Shared {
    /// An element id that is unique to this widget.
    pub fn id(&self, name: &str) -> String {
        format!("{}{name}", self.id_prefix)
    }

    pub fn send(&self, action: Action) {
        self.dispatch.dispatch(action);
    }

    /// Sends a change to the answers, stamped with the time it was made:
    /// the reducer has no clock.
    pub fn edit(&self, edit: Edit) {
        self.send(Action::Edit {
            edit,
            now: clock::now(),
        });
    }

    /// Sends a change to one field of the action plan, stamped likewise.
    pub fn edit_plan(&self, id: ActionId, edit: PlanEdit) {
        self.send(Action::Plan {
            id,
            edit,
            now: clock::now(),
        });
    }

    /// Sends a change to the workshop's agreements, stamped likewise.
    pub fn edit_workshop(&self, edit: WorkshopEdit) {
        self.send(Action::Workshop {
            edit,
            now: clock::now(),
        });
    }

    /// A callback that sends the same action on every call.
    pub fn on<E>(&self, action: Action) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action.clone()))
    }
}
