//! The standalone page: mounts the app on the page's own root element.

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("rts-root")
        .expect("index.html has an element with id rts-root");
    // The handle lives as long as the page.
    std::mem::forget(ready_to_share::mount(
        root,
        ready_to_share::MountOptions::default(),
    ));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Ready to Share runs in the browser: use scripts/serve.sh");
}
