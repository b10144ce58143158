//! The only place that makes files for the user: a Blob, an object URL and
//! a click on an anchor that is never attached to the host page.

use wasm_bindgen::JsCast;

/// Offers `contents` to the user as a file called `file_name`.
pub fn offer(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "could not make an address for the file".to_string())?;
    let result = click_link(&url, file_name);
    // Give the browser time to start reading the Blob before letting it go.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    result
}

fn click_link(url: &str, file_name: &str) -> Result<(), String> {
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .map_err(|_| "could not start the download".to_string())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "could not start the download".to_string())?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}
