//! Makes the app's downloads (a Blob, an object URL and a click on an
//! anchor that is never attached to the host page) and asks the browser to
//! print. The panic panel (`panic_panel.rs`) makes its own last-chance
//! download, and the single-file copy's script (`file-copy.js`) its own.

use wasm_bindgen::JsCast;

/// The browser would not make the file or open printing. The screens say
/// so in the locale's words (`ui.download_failed`, `ui.print_failed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DownloadError;

/// Saves `contents` as a file called `file_name`, through the browser's
/// own download.
pub fn save_as(file_name: &str, mime_type: &str, contents: &str) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError)?;
    let result = click_link(&url, file_name);
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
