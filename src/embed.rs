//! What the page loaders call: `embed.js` (the `<ready-to-share>` custom
//! element), the standalone page and the single-file offline copy. Each call
//! mounts one independent widget and returns a handle that removes it.

use wasm_bindgen::prelude::*;

use crate::{mount, MountOptions, PartnerPack};

/// A mounted widget. `unmount` removes it and everything it listens to.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<yew::AppHandle<crate::App>>,
    options: MountOptions,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Called by the loader when a new version is waiting: the widget offers
    /// to switch, and never reloads on its own mid-assessment.
    #[wasm_bindgen(js_name = updateReady)]
    pub fn update_ready(&mut self) {
        self.options.update_ready = true;
        if let Some(app) = &mut self.app {
            app.update(crate::AppProps {
                options: self.options.clone(),
            });
        }
    }

    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
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
///    baseUrl, offerOfflineCopy }`, all optional.
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
    }
}

/// Mounts a widget inside `element` (for example a div in a shadow root).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(element: web_sys::Element, options: JsValue) -> WidgetHandle {
    let options = options_from_js(&options);
    WidgetHandle {
        app: Some(mount(element, options.clone())),
        options,
    }
}

/// Panics on purpose, so tests can check the panel that replaces a broken
/// widget. Only in debug builds: release builds do not have it.
#[cfg(debug_assertions)]
#[wasm_bindgen(js_name = forcePanicForTests)]
pub fn force_panic_for_tests() {
    panic!("forced by a test");
}
