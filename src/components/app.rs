use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
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
use crate::model::locale::{fill, Locale};
use crate::model::scoring::profile;
use crate::state::{Action, SaveStatus, State, Step};
use crate::{clock, safe_colour, storage, MountOptions, PartnerPack};

/// How long typing may pause before progress is saved.
const SAVE_DELAY_MS: u32 = 400;
/// The single-file copy made by the build (scripts/postbuild.mjs).
pub const OFFLINE_COPY_FILE: &str = "ready-to-share-offline.html";
/// Sent to the host page when a user reaches the summary.
pub const COMPLETE_EVENT: &str = "ready-to-share:complete";
/// Sent to the page's loader when the user agrees to load a new version.
pub const UPDATE_EVENT: &str = "ready-to-share:apply-update";

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

/// The pack to use, and the problems with a partner's pack if it was refused.
fn choose_pack(partner: Option<&PartnerPack>) -> (Rc<ContentPack>, Option<Vec<String>>) {
    let Some(partner) = partner else {
        return (Rc::new(ContentPack::built_in()), None);
    };
    let problems = match &partner.text {
        Ok(text) => match ContentPack::parse(&partner.source, text) {
            Ok(pack) => return (Rc::new(pack), None),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        },
        Err(reason) => vec![format!("{}: {reason}", partner.source)],
    };
    (Rc::new(ContentPack::built_in()), Some(problems))
}

/// Tells the host page that the user reached the summary: scores and band
/// only, never free text. Bubbles out of a shadow root.
fn announce_complete(root: &NodeRef, pack: &ContentPack, assessment: &Assessment) {
    let Some(element) = root.cast::<web_sys::Element>() else {
        return;
    };
    let profile = profile(pack, assessment);
    let detail = js_sys::Object::new();
    let set = |target: &js_sys::Object, key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(target, &key.into(), &value);
    };
    let themes = js_sys::Array::new();
    for theme in &profile.themes {
        let item = js_sys::Object::new();
        set(&item, "id", theme.theme_id.as_str().into());
        set(
            &item,
            "score",
            theme.score.map_or(JsValue::NULL, JsValue::from),
        );
        set(&item, "answered", JsValue::from(theme.scored as u32));
        set(&item, "notSure", JsValue::from(theme.not_sure as u32));
        set(&item, "unanswered", JsValue::from(theme.unanswered as u32));
        themes.push(&item);
    }
    set(&detail, "themes", themes.into());
    set(
        &detail,
        "overall",
        profile.overall.map_or(JsValue::NULL, JsValue::from),
    );
    set(
        &detail,
        "band",
        profile.band.map_or(JsValue::NULL, |b| b.id().into()),
    );
    set(&detail, "contentPack", pack.id.as_str().into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(COMPLETE_EVENT, &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// Asks the page's loader to switch to the new version (see scripts/postbuild.mjs).
fn request_update(root: &NodeRef) {
    if let Some(element) = root.cast::<web_sys::Element>() {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(UPDATE_EVENT, &init) {
            let _ = element.dispatch_event(&event);
        }
    }
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
    let locale = use_memo((), |_| Locale::english());
    // A partner's pack is checked with the same rules as the built-in one;
    // if it fails, the built-in pack is used and the problems are shown.
    let loaded = use_memo(options.partner_pack.clone(), |partner| {
        choose_pack(partner.as_ref())
    });
    let pack = Rc::clone(&loaded.0);
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
        offline_copy_url: options
            .offer_offline_copy
            .then(|| Rc::from(format!("{}{OFFLINE_COPY_FILE}", options.base_url).as_str())),
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

    {
        let root = root.clone();
        let pack = Rc::clone(&pack);
        let state = state.clone();
        use_effect_with(
            (state.navigations, state.step == Step::Summary),
            move |(_, on_summary)| {
                if *on_summary {
                    announce_complete(&root, &pack, &state.assessment);
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

    let style = options
        .accent
        .as_deref()
        .and_then(safe_colour)
        .map(|colour| format!("--rts-accent: {colour}"));
    let on_update = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| request_update(&root))
    };

    html! {
        <ContextProvider<Shared> context={shared}>
            <div class="rts-app" ref={root} lang={locale.language.clone()} {style}>
                if options.update_ready {
                    <div class="rts-notice" role="status">
                        <p class="rts-body">{ &locale.ui.update_ready }</p>
                        <button type="button" class="rts-button rts-button--secondary" onclick={on_update}>
                            { &locale.ui.update_now }
                        </button>
                    </div>
                }
                if let Some(problems) = &loaded.1 {
                    <div class="rts-notice rts-notice--warning" role="status">
                        <p class="rts-body">{ fill(&locale.ui.partner_pack_failed, &[("source", options.partner_pack.as_ref().map_or("", |p| p.source.as_str()))]) }</p>
                        <ul class="rts-list rts-list--bullet">
                            { for problems.iter().take(10).map(|p| html! { <li>{ p }</li> }) }
                        </ul>
                    </div>
                }
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
