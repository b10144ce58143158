//! Makes the app's downloads (a Blob, an object URL and a click on an
//! anchor that is never attached to the host page) and asks the browser to
//! print. The panic panel (`panic_panel.rs`) makes its own last-chance
//! download, and the single-file copy's script (`file-copy.js`) its own.

use wasm_bindgen::JsCast;

use crate::model::downloads::Download;

/// The browser would not make the file or open printing. The screens say
/// so in the locale's words (`ui.download_failed`, `ui.print_failed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DownloadError;

/// Saves a file the model made, through the browser's own download.
pub fn save(file: &Download) -> Result<(), DownloadError> {
    let bytes = js_sys::Uint8Array::from(file.bytes.as_slice());
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError)?;
    let result = click_link(&url, &file.name);
    // Give the browser time to start reading the Blob before letting it go.
    gloo::timers::callback::Timeout::new(10_000, move || {
        // Only frees memory: nothing the user would notice if it failed.
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    result
}

fn click_link(url: &str, file_name: &str) -> Result<(), DownloadError> {
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .map_err(|_| DownloadError)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| DownloadError)?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}

/// Opens the browser's printing, for a paper or PDF copy of the summary.
pub fn print() -> Result<(), DownloadError> {
    gloo::utils::window().print().map_err(|_| DownloadError)
}

/// Listens for the page about to print: the browser's `beforeprint` (Ctrl+P
/// or the menu) and the print media query turning on (which emulated print
/// does too). The summary draws its print-only plan then, not on every
/// visit. Dropping it removes the listeners.
pub struct PrintWatch {
    _listeners: Vec<gloo::events::EventListener>,
}

pub fn watch_print(on_print: impl Fn() + Clone + 'static) -> PrintWatch {
    let window = gloo::utils::window();
    let mut listeners = Vec::new();
    let before = on_print.clone();
    listeners.push(gloo::events::EventListener::new(
        &window,
        "beforeprint",
        move |_| before(),
    ));
    // `matchMedia` through Reflect: a MediaQueryList is an EventTarget.
    let query = js_sys::Reflect::get(&window, &"matchMedia".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&window, &"print".into()).ok())
        .and_then(|q| q.dyn_into::<web_sys::EventTarget>().ok());
    if let Some(query) = query {
        listeners.push(gloo::events::EventListener::new(
            &query,
            "change",
            move |_| on_print(),
        ));
    }
    PrintWatch {
        _listeners: listeners,
    }
}
