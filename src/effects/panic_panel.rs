//! If anything panics, each widget on the page is replaced by a plain panel
//! that explains what happened and offers the answers as they were last
//! saved, instead of leaving a dead widget. The panel is plain DOM with a
//! Blob link, so it keeps working after the WebAssembly has stopped.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Once;

use crate::model::assessment::Assessment;
use crate::model::file::write_assessment;
use crate::model::locale::Locale;
use crate::model::render::file_name;
use crate::model::sorted::SortedMap;

thread_local! {
    /// The last good assessment of each widget, by storage key: the state's
    /// own, shared, so keeping it costs no copy. Written as a file only if
    /// a panic comes, not on every change.
    static LAST_GOOD: RefCell<SortedMap<String, Rc<Assessment>>> = RefCell::default();
    /// The root element of each mounted widget, by storage key.
    static ROOTS: RefCell<Vec<(String, web_sys::Element)>> = RefCell::default();
}

/// Keeps the latest good state of a widget, to offer if it breaks.
pub fn remember(storage_key: &str, assessment: &Rc<Assessment>) {
    LAST_GOOD.with(|map| {
        map.borrow_mut()
            .insert(storage_key.to_string(), Rc::clone(assessment))
    });
}

/// Watches a mounted widget's root, until the returned function is called
/// when the widget goes.
pub fn watch(storage_key: &str, root: &yew::NodeRef) -> impl FnOnce() {
    install_hook();
    let root = root.cast::<web_sys::Element>();
    if let Some(root) = &root {
        ROOTS.with(|roots| {
            roots
                .borrow_mut()
                .push((storage_key.to_string(), root.clone()))
        });
    }
    move || {
        if let Some(root) = root {
            ROOTS.with(|roots| roots.borrow_mut().retain(|(_, r)| *r != root));
        }
    }
}

fn install_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            show_panels();
            previous(info);
        }));
    });
}

fn show_panels() {
    let locale = Locale::built_in();
    let roots = ROOTS.with(|roots| roots.borrow().clone());
    for (key, root) in roots {
        let saved = LAST_GOOD.with(|map| {
            map.borrow()
                .get(&key)
                .map(|a| (a.context.area.clone(), write_assessment(a)))
        });
        // Past a panic there is nothing more to do if even this fails.
        let _ = show_panel(&root, &locale, saved);
    }
}

fn show_panel(
    root: &web_sys::Element,
    locale: &Locale,
    saved: Option<(String, String)>,
) -> Option<()> {
    let document = root.owner_document()?;
    let element = |tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let panel = element("div", "rts-error-panel", "")?;
    panel.set_attribute("role", "alert").ok()?;
    // In the language built in, whatever the widget showed: marked so, for
    // screen readers.
    panel.set_attribute("lang", locale.language).ok()?;
    let title = element("p", "rts-error-panel__title", locale.ui.crashed_title)?;
    let body = element("p", "rts-body", locale.ui.crashed_body)?;
    panel.append_child(&title).ok()?;
    panel.append_child(&body).ok()?;
    if let Some((area, file)) = saved {
        let url = blob_url(&file)?;
        let link = element("a", "rts-button", locale.ui.crashed_download)?;
        link.set_attribute("href", &url).ok()?;
        link.set_attribute("download", &file_name(&area, "", "json"))
            .ok()?;
        panel.append_child(&link).ok()?;
    }
    root.set_inner_html("");
    root.append_child(&panel).ok()?;
    Some(())
}

fn blob_url(contents: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
