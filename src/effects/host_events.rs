//! The events a widget sends out of itself: to the host page when a user
//! reaches the summary, and to the page's loader to switch versions. Both
//! bubble out of a shadow root.

use wasm_bindgen::JsValue;
use yew::NodeRef;

use crate::model::assessment::Assessment;
use crate::model::content::ContentPack;
use crate::model::scoring::profile;

/// Sent to the host page when a user reaches the summary.
pub const COMPLETE_EVENT: &str = "ready-to-share:complete";
/// Sent to the page's loader when the user agrees to load a new version.
pub const UPDATE_EVENT: &str = "ready-to-share:apply-update";

fn send(root: &NodeRef, name: &str, detail: Option<&JsValue>) {
    let Some(element) = root.cast::<web_sys::Element>() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Some(detail) = detail {
        init.set_detail(detail);
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // The result says whether a listener cancelled the event, which
        // the widget does not ask of its host: nothing to act on.
        let _ = element.dispatch_event(&event);
    }
}

/// Scores, counts and band only: never text the user typed.
pub fn announce_complete(root: &NodeRef, pack: &ContentPack, assessment: &Assessment) {
    let profile = profile(pack, assessment);
    let set = |target: &js_sys::Object, key: &str, value: JsValue| {
        // Setting a property on a plain new object cannot fail.
        let _ = js_sys::Reflect::set(target, &key.into(), &value);
    };
    let count = |n: usize| JsValue::from(u32::try_from(n).unwrap_or(u32::MAX));
    let themes = js_sys::Array::new();
    for theme in &profile.themes {
        let item = js_sys::Object::new();
        set(&item, "id", theme.theme_id.as_str().into());
        set(
            &item,
            "score",
            theme
                .score
                .map_or(JsValue::NULL, |s| JsValue::from(s.rounded())),
        );
        set(&item, "answered", count(theme.scored));
        set(&item, "notSure", count(theme.not_sure));
        set(&item, "unanswered", count(theme.unanswered));
        themes.push(&item);
    }
    let detail = js_sys::Object::new();
    set(&detail, "themes", themes.into());
    set(
        &detail,
        "overall",
        profile
            .overall
            .map_or(JsValue::NULL, |s| JsValue::from(s.rounded_in_band())),
    );
    set(
        &detail,
        "band",
        profile.band.map_or(JsValue::NULL, |b| b.id().into()),
    );
    set(&detail, "contentPack", pack.id.as_str().into());
    send(root, COMPLETE_EVENT, Some(&detail));
}

/// Asks the page's loader (scripts/postbuild.mjs) to switch to the new version.
pub fn request_update(root: &NodeRef) {
    send(root, UPDATE_EVENT, None);
}

/// Sent to the page's loader when someone chooses another language: the
/// loader fetches its files (if any) and calls `setLanguage`.
pub const LANGUAGE_EVENT: &str = "ready-to-share:language";

/// Asks the page's loader to show the widget in `code` (`en` or `cy`).
pub fn request_language(root: &NodeRef, code: &str) {
    send(root, LANGUAGE_EVENT, Some(&JsValue::from_str(code)));
}

/// Sent to the page's loader when someone opens the partnership view in the
/// page's first module, which is built without it: the loader fetches the
/// whole app and mounts it in this one's place, passing the event's detail
/// on as its `carried` option: `{ progress, earlier }` (the answers as
/// saved progress, and the assessment opened to compare with, as a file).
/// If it cannot, it calls `workshopUnavailable`.
pub const WORKSHOP_EVENT: &str = "ready-to-share:workshop";

/// Asks the page's loader for the whole app, carrying what only this
/// widget has to it.
pub fn request_workshop(root: &NodeRef, progress: &str, earlier: Option<&str>) {
    let detail = js_sys::Object::new();
    // Setting a property on a plain new object cannot fail.
    let _ = js_sys::Reflect::set(&detail, &"progress".into(), &progress.into());
    if let Some(earlier) = earlier {
        let _ = js_sys::Reflect::set(&detail, &"earlier".into(), &earlier.into());
    }
    send(root, WORKSHOP_EVENT, Some(&detail));
}
