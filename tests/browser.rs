//! Browser tests: the app mounted in headless Chromium by
//! wasm-bindgen-test-runner (`cargo test --target wasm32-unknown-unknown
//! --test browser`, see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use ready_to_share::model::content::ContentPack;
use ready_to_share::MountOptions;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// A fresh host element appended to the body, as a partner's page would have.
fn host() -> Element {
    let document = document();
    let host = document.create_element("div").expect("create a div");
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("append the host");
    host
}

#[wasm_bindgen_test]
async fn start_page_heading_comes_from_the_content_pack() {
    let host = host();
    let document = document();
    let body = document.body().expect("a body");
    let head = document.head().expect("a head");
    let body_before = body.child_element_count();
    let head_before = head.child_element_count();
    let title_before = document.title();

    let handle = ready_to_share::mount(host.clone(), MountOptions::default());
    yew::scheduler::flush().await;

    let h1 = host
        .query_selector("h1")
        .expect("a valid selector")
        .expect("the start page has an h1");
    assert_eq!(
        h1.text_content().unwrap_or_default(),
        ContentPack::built_in().start.heading
    );

    // The app is a guest: it renders inside its host and nowhere else.
    assert_eq!(
        body.child_element_count(),
        body_before,
        "mounting added elements to the body outside the host"
    );
    assert_eq!(
        head.child_element_count(),
        head_before,
        "mounting added elements to the head"
    );
    assert_eq!(document.title(), title_before, "mounting changed the title");
    let headings = document.query_selector_all("h1").expect("a valid selector");
    for i in 0..headings.length() {
        let heading = headings.get(i).expect("an h1 in the list");
        assert!(
            host.contains(Some(&heading)),
            "an h1 was rendered outside the host"
        );
    }

    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn destroying_the_app_leaves_its_host_empty() {
    let host = host();
    let handle = ready_to_share::mount(host.clone(), MountOptions::default());
    yew::scheduler::flush().await;
    assert!(host.child_element_count() > 0, "the app rendered something");

    handle.destroy();
    yew::scheduler::flush().await;
    assert_eq!(
        host.child_element_count(),
        0,
        "the app cleaned up after itself"
    );
    host.remove();
}
