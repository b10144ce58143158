use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::about::About;
use crate::components::check::Check;
use crate::components::shared::Shared;
use crate::components::start::Start;
use crate::components::story::Story;
use crate::components::summary::Summary;
use crate::components::tasks::Tasks;
use crate::components::theme_page::ThemePage;
use crate::model::assessment::Assessment;
use crate::model::content::ContentPack;
use crate::model::file::{read_assessment, write_assessment};
use crate::model::locale::Locale;
use crate::state::{Action, SaveStatus, State, Step};
use crate::{clock, storage, MountOptions};

/// How long typing may pause before progress is saved.
const SAVE_DELAY_MS: u32 = 400;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub options: MountOptions,
}

/// What to save: the assessment file and the step, under versioned keys.
struct Pending {
    progress: String,
    step: String,
}

fn step_key(storage_key: &str) -> String {
    format!("{storage_key}:step:v1")
}

/// Reads saved progress. A value that cannot be read is moved aside, never
/// overwritten, so nothing is lost; the user is told.
fn restore(pack: &Rc<ContentPack>, storage_key: &str) -> State {
    let fresh = || Assessment::new(pack, &clock::now());
    let key = storage::progress_key(storage_key);
    let mut unreadable = false;
    let (assessment, step, status) = match storage::load(&key) {
        Ok(Some(text)) => match read_assessment(&text, pack) {
            Ok(opened) => {
                let step = storage::load(&step_key(storage_key))
                    .ok()
                    .flatten()
                    .map_or(Step::Tasks, |s| Step::from_key(&s, pack));
                (opened.assessment, step, SaveStatus::Ok)
            }
            Err(_) => {
                unreadable = true;
                let _ = storage::save(&format!("{key}:unreadable"), &text);
                let _ = storage::remove(&key);
                (fresh(), Step::Start, SaveStatus::Ok)
            }
        },
        Ok(None) => (fresh(), Step::Start, SaveStatus::Ok),
        Err(error) => (fresh(), Step::Start, error.into()),
    };
    let mut state = State::new(Rc::clone(pack), assessment, step);
    state.save_status = status;
    state.progress_unreadable = unreadable;
    state
}

fn save(storage_key: &str, pending: &Pending) -> SaveStatus {
    let result = storage::save(&storage::progress_key(storage_key), &pending.progress)
        .and_then(|()| storage::save(&step_key(storage_key), &pending.step));
    match result {
        Ok(()) => SaveStatus::Ok,
        Err(error) => error.into(),
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let options = &props.options;
    let pack = use_memo((), |_| ContentPack::built_in());
    let locale = use_memo((), |_| Locale::english());
    let state = {
        let pack = Rc::clone(&pack);
        let key = options.storage_key.clone();
        use_reducer_eq(move || restore(&pack, &key))
    };
    let root = use_node_ref();
    let id_prefix = use_memo((), |_| {
        // Unique per mount, so two widgets on one page never share an id.
        static MOUNTS: AtomicU32 = AtomicU32::new(0);
        format!("rts{}-", MOUNTS.fetch_add(1, Ordering::Relaxed))
    });
    let shared = Shared {
        id_prefix: Rc::from(id_prefix.as_str()),
        pack: Rc::clone(&pack),
        locale: Rc::clone(&locale),
        heading_base: options.heading_level.clamp(1, 6),
        storage_key: Rc::from(options.storage_key.as_str()),
        dispatch: state.dispatcher(),
    };

    // Save shortly after each change, and at once when the page is hidden
    // or closed. The listener goes when the widget does.
    let pending: Rc<RefCell<Option<Pending>>> = use_mut_ref(|| None);
    {
        let pending = Rc::clone(&pending);
        let key = options.storage_key.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                if let Some(p) = pending.borrow_mut().take() {
                    dispatch.dispatch(Action::SaveResult(save(&key, &p)));
                }
            });
            move || drop(listener)
        });
    }
    {
        let pending = Rc::clone(&pending);
        let key = options.storage_key.clone();
        let dispatch = state.dispatcher();
        let step = state.step.to_key(&pack);
        use_effect_with(
            (state.assessment.clone(), step),
            move |(assessment, step)| {
                *pending.borrow_mut() = Some(Pending {
                    progress: write_assessment(assessment),
                    step: step.clone(),
                });
                let timeout = Timeout::new(SAVE_DELAY_MS, move || {
                    if let Some(p) = pending.borrow_mut().take() {
                        dispatch.dispatch(Action::SaveResult(save(&key, &p)));
                    }
                });
                // A newer change cancels this save and schedules its own.
                move || drop(timeout)
            },
        );
    }

    // After each navigation, move focus to the new page's heading (or to the
    // question being changed), as a screen reader user expects. Not on the
    // first render: the widget must not take focus from the host page.
    {
        let root = root.clone();
        let prefix = Rc::clone(&id_prefix);
        use_effect_with(
            (state.navigations, state.focus_question.clone()),
            move |(navigations, question)| {
                if *navigations > 0 {
                    focus_within(&root, &prefix, question.as_deref());
                }
            },
        );
    }

    let page = match state.step {
        Step::Start => html! { <Start state={state.clone()} /> },
        Step::About => html! { <About context={state.assessment.context.clone()} /> },
        Step::Tasks => html! { <Tasks state={state.clone()} /> },
        Step::Theme(index) => html! { <ThemePage {index} state={state.clone()} /> },
        Step::Check => html! { <Check state={state.clone()} /> },
        Step::Story => html! { <Story story={state.assessment.story.clone()} /> },
        Step::Summary => html! { <Summary state={state.clone()} /> },
    };
    let warning = match state.save_status {
        SaveStatus::Ok => None,
        SaveStatus::Blocked => Some(&locale.ui.storage_blocked),
        SaveStatus::Full => Some(&locale.ui.storage_full),
    };

    html! {
        <ContextProvider<Shared> context={shared}>
            <div class="rts-app" ref={root} lang={locale.language.clone()}>
                if state.progress_unreadable {
                    <div class="rts-notice rts-notice--warning" role="status">
                        <p class="rts-body">{ &locale.ui.progress_unreadable }</p>
                    </div>
                }
                if let Some(warning) = warning {
                    <div class="rts-notice rts-notice--warning" role="status">
                        <p class="rts-body">{ warning }</p>
                    </div>
                }
                { page }
            </div>
        </ContextProvider<Shared>>
    }
}

fn focus_within(root: &NodeRef, prefix: &str, question_id: Option<&str>) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    // Question ids are checked to be lower-case letters, digits and hyphens,
    // so they are safe inside a selector.
    let selector = match question_id {
        Some(id) => format!("#{prefix}q-{id} input"),
        None => ".rts-page-heading".to_string(),
    };
    if let Ok(Some(element)) = root.query_selector(&selector) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
