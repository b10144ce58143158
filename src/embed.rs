//! What the page loaders call: `embed.js` (the `<ready-to-share>` custom
//! element), the standalone page and the single-file offline copy. Each call
//! mounts one independent widget and returns a handle that removes it.
//!
//! Yew never removes the event listeners it puts on an app's root element
//! (it forgets their closures on purpose), so an app destroyed and made
//! again for every mount would leave a root element, its listeners and their
//! closures behind each time. Instead each mount borrows a root and its app
//! from a small pool: on unmount the app renders nothing (so the widget's
//! own listeners, timers and effects end, and its progress is saved), its
//! root leaves the page, and both wait for the next mount, which starts
//! afresh. The pool is never larger than the most widgets shown at once.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::model::locale::Language;
use crate::options::{Carried, LanguageFiles, MountOptions, PartnerPack};
use crate::App;

/// One pooled app: its root element and the handle to update it.
struct Slot {
    root: web_sys::Element,
    app: yew::AppHandle<Guest>,
}

thread_local! {
    /// Apps whose widget was unmounted, waiting to be used again.
    static PARKED: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
    /// Counts mounts, so each one starts with fresh state.
    static MOUNTS: RefCell<u64> = const { RefCell::new(0) };
}

#[derive(Properties, PartialEq)]
struct GuestProps {
    /// What the widget shows; `None` while parked.
    options: Option<MountOptions>,
    /// Changes with every mount, so the widget never inherits state.
    mount: u64,
}

/// The pooled app's root component: the widget, or nothing while parked.
#[component]
fn Guest(props: &GuestProps) -> Html {
    match &props.options {
        Some(options) => html! { <App key={props.mount} options={options.clone()} /> },
        None => html! {},
    }
}

/// A mounted widget. `unmount` removes it and everything it listens to.
#[wasm_bindgen]
pub struct WidgetHandle {
    slot: Option<Slot>,
    options: MountOptions,
    mount: u64,
}

impl WidgetHandle {
    /// Draws the widget again with its options as they are now.
    fn show_options(&mut self) {
        if let Some(slot) = &mut self.slot {
            slot.app.update(GuestProps {
                options: Some(self.options.clone()),
                mount: self.mount,
            });
        }
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Called by the loader when a new version is waiting: the widget offers
    /// to switch, and never reloads on its own mid-assessment.
    #[wasm_bindgen(js_name = updateReady)]
    pub fn update_ready(&mut self) {
        self.options.update_ready = true;
        self.show_options();
    }

    /// Shows the widget in another language, keeping everything typed and
    /// the screen: the loader calls this when someone uses the language
    /// switch, with the files it fetched (`options` as for `mountWidget`:
    /// `language`, and `languageWords` and `languagePack` or
    /// `languageError`).
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&mut self, options: JsValue) {
        let chosen = options_from_js(&options);
        self.options.language = chosen.language;
        self.options.language_files = chosen.language_files;
        // A partner may give a pack for each language.
        if chosen.partner_pack.is_some() {
            self.options.partner_pack = chosen.partner_pack;
        }
        self.show_options();
    }

    /// Called by the loader when the whole app, which holds the partnership
    /// view, could not be fetched: the widget says so and offers to try
    /// again, keeping everything. `outdated`: its files were not on the
    /// server (the tool has been updated since the page was opened).
    #[wasm_bindgen(js_name = workshopUnavailable)]
    pub fn workshop_unavailable(&mut self, outdated: bool) {
        self.options.workshop_unavailable += 1;
        self.options.workshop_outdated = outdated;
        self.show_options();
    }

    pub fn unmount(&mut self) {
        if let Some(mut slot) = self.slot.take() {
            slot.app.update(GuestProps {
                options: None,
                mount: self.mount,
            });
            slot.root.remove();
            PARKED.with(|parked| parked.borrow_mut().push(slot));
        }
    }
}

fn get(options: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn get_string(options: &JsValue, key: &str) -> Option<String> {
    get(options, key).and_then(|v| v.as_string())
}

/// Reads the loader's plain options object:
/// `{ storageKey, headingLevel, accent, packSource, packText, packError,
///    baseUrl, offerOfflineCopy, resultsEvent }`, all optional. The results
/// event is sent only when `resultsEvent` is `true` itself.
/// An address the widget may link to: http(s) or a relative path, never a
/// script (`javascript:`) or data address.
fn safe_link(url: &str) -> bool {
    let url = url.trim();
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
        }
        _ => !url.is_empty(),
    }
}

/// The files the loader fetched for a language other than the one built
/// in: `languageWords` and `languagePack`, or `languageError`.
fn language_files(options: &JsValue) -> Option<LanguageFiles> {
    let language = Language::from_code(&get_string(options, "language")?)?;
    if language == Language::BUILT_IN {
        return None;
    }
    let files = match (
        get_string(options, "languageWords"),
        get_string(options, "languagePack"),
    ) {
        (Some(words), Some(pack)) => Ok((Rc::from(words), Rc::from(pack))),
        _ => Err(get_string(options, "languageError").unwrap_or_default()),
    };
    Some(LanguageFiles { language, files })
}

/// What the first module handed over for the whole app, passed through by
/// the loader as `carried`: `{ progress, earlier }`, both text, and
/// `focus`, which the loader adds.
fn carried(options: &JsValue) -> Option<Carried> {
    let carried = get(options, "carried")?;
    Some(Carried {
        progress: Rc::from(get_string(&carried, "progress")?),
        earlier: get_string(&carried, "earlier").map(Rc::from),
        focus: get(&carried, "focus").is_some_and(|v| v.is_truthy()),
    })
}

pub fn options_from_js(options: &JsValue) -> MountOptions {
    let defaults = MountOptions::default();
    let partner_pack = get_string(options, "packSource").map(|source| PartnerPack {
        source,
        text: match get_string(options, "packText") {
            Some(text) => Ok(text),
            None => Err(get_string(options, "packError").unwrap_or_default()),
        },
    });
    MountOptions {
        storage_key: get_string(options, "storageKey")
            .filter(|k| !k.trim().is_empty())
            .unwrap_or(defaults.storage_key),
        heading_level: get(options, "headingLevel")
            .and_then(|v| v.as_f64().or_else(|| v.as_string()?.parse().ok()))
            .map_or(defaults.heading_level, |level| level.clamp(1.0, 6.0) as u8),
        accent: get_string(options, "accent"),
        partner_pack,
        base_url: get_string(options, "baseUrl").unwrap_or_default(),
        offer_offline_copy: get(options, "offerOfflineCopy").is_some_and(|v| v.is_truthy()),
        update_ready: false,
        results_event: get(options, "resultsEvent").and_then(|v| v.as_bool()) == Some(true),
        language: get_string(options, "language")
            .and_then(|code| Language::from_code(&code))
            .unwrap_or_default(),
        language_files: language_files(options),
        language_switch: get(options, "languageSwitch").is_none_or(|v| v.is_truthy()),
        statement_url: get_string(options, "statementUrl").filter(|u| safe_link(u)),
        carried: carried(options),
        workshop_unavailable: 0,
        workshop_outdated: false,
    }
}

/// Mounts a widget inside `element` (for example a div in a shadow root).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsValue> {
    let options = options_from_js(&options);
    let mount = MOUNTS.with(|mounts| {
        let mut mounts = mounts.borrow_mut();
        *mounts += 1;
        *mounts
    });
    let props = GuestProps {
        options: Some(options.clone()),
        mount,
    };
    let slot = match PARKED.with(|parked| parked.borrow_mut().pop()) {
        Some(mut slot) => {
            element.append_child(&slot.root)?;
            slot.app.update(props);
            slot
        }
        None => {
            let document = element
                .owner_document()
                .ok_or_else(|| JsValue::from_str("the element has no document"))?;
            let root = document.create_element("div")?;
            root.set_class_name("rts-root");
            element.append_child(&root)?;
            let app = yew::Renderer::<Guest>::with_root_and_props(root.clone(), props).render();
            Slot { root, app }
        }
    };
    Ok(WidgetHandle {
        slot: Some(slot),
        options,
        mount,
    })
}

/// Panics on purpose, so tests can check the panel that replaces a broken
/// widget. Only in debug builds: release builds do not have it.
#[cfg(debug_assertions)]
#[wasm_bindgen(js_name = forcePanicForTests)]
pub fn force_panic_for_tests() {
    panic!("forced by a test");
}
