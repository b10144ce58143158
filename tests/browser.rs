//! Browser tests: the app mounted in headless Chromium by
//! wasm-bindgen-test-runner (`cargo test --target wasm32-unknown-unknown
//! --test browser`, see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, write_assessment};
use ready_to_share::model::locale::Locale;
use ready_to_share::{MountOptions, PartnerPack};
use wasm_bindgen::JsCast;
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

/// Waits until the widget in `host` says storage holds every change (its
/// `data-rts-save-state`): a MutationObserver wakes the test when the
/// attribute changes, so nothing waits on a timer. A widget that never
/// saves fails the test at the runner's timeout.
async fn until_saved(host: &Element) {
    const SAVED: &str = ".rts-app[data-rts-save-state='saved']";
    let is_saved = |host: &Element| {
        host.query_selector(SAVED)
            .expect("a valid selector")
            .is_some()
    };
    if !is_saved(host) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let watched = host.clone();
            let on_change = wasm_bindgen::closure::Closure::<
                dyn FnMut(js_sys::Array, web_sys::MutationObserver),
            >::new(move |_, observer: web_sys::MutationObserver| {
                if is_saved(&watched) {
                    observer.disconnect();
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            });
            let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref())
                .expect("a MutationObserver");
            let options = web_sys::MutationObserverInit::new();
            options.set_attributes(true);
            options.set_child_list(true);
            options.set_subtree(true);
            observer
                .observe_with_options(host, &options)
                .expect("the host can be observed");
            // The observer owns the callback until it disconnects.
            on_change.forget();
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .expect("the promise resolves");
    }
    yew::scheduler::flush().await;
}

/// The button in `host` whose text is `text`.
fn button(host: &Element, text: &str) -> web_sys::HtmlElement {
    let buttons = host.query_selector_all("button").expect("a valid selector");
    (0..buttons.length())
        .filter_map(|i| buttons.get(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button \"{text}\""))
}

fn locale() -> Locale {
    Locale::english()
}

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage")
}

fn options(key: &str) -> MountOptions {
    MountOptions {
        storage_key: key.to_string(),
        ..MountOptions::default()
    }
}

#[wasm_bindgen_test]
async fn start_now_moves_to_the_about_page_and_focuses_its_heading() {
    let host = host();
    let key = "browser-test-start";
    let _ = storage().remove_item(&format!("{key}:progress:v1"));
    let handle = ready_to_share::mount(host.clone(), options(key));
    yew::scheduler::flush().await;

    button(&host, locale().ui.start_button).click();
    yew::scheduler::flush().await;

    let heading = host
        .query_selector(".rts-page-heading")
        .unwrap()
        .expect("a page heading");
    assert_eq!(heading.text_content().unwrap(), locale().ui.about_heading);
    let active = document().active_element().expect("something has focus");
    assert!(
        active.is_same_node(Some(&heading)),
        "focus is on the heading"
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn an_answer_updates_the_page_and_is_saved_under_the_widgets_key() {
    let key = "browser-test-answer";
    let storage = storage();
    let _ = storage.remove_item(&format!("{key}:progress:v1"));
    storage
        .set_item(&format!("{key}:step:v1"), "theme:purpose")
        .unwrap();
    // A minimal saved file puts the widget on the first theme page.
    let pack = ContentPack::built_in();
    let blank = Assessment::new(&pack, "2026-01-01T00:00:00Z");
    storage
        .set_item(&format!("{key}:progress:v1"), &write_assessment(&blank))
        .unwrap();
    let host = host();
    let handle = ready_to_share::mount(host.clone(), options(key));
    yew::scheduler::flush().await;

    let question = &pack.themes[0].questions[0];
    let radio = host
        .query_selector(&format!("input[id$='q-{}-4']", question.id))
        .unwrap()
        .expect("the level 4 radio")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    radio.click();
    yew::scheduler::flush().await;
    assert!(radio.checked());
    let progress = host
        .query_selector(".rts-theme__progress")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        progress.starts_with("1 of"),
        "progress shows one answer: {progress}"
    );

    until_saved(&host).await;
    let saved = storage
        .get_item(&format!("{key}:progress:v1"))
        .unwrap()
        .expect("progress was saved");
    let opened = read_assessment(&saved, &pack).expect("the saved progress reads back");
    assert_eq!(
        opened.assessment.response(&question.id),
        Some(Response::Level(4))
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_keep_separate_answers_and_ids() {
    let storage = storage();
    for key in ["browser-test-one", "browser-test-two"] {
        let _ = storage.remove_item(&format!("{key}:progress:v1"));
        storage
            .set_item(&format!("{key}:step:v1"), "theme:purpose")
            .unwrap();
    }
    let pack = ContentPack::built_in();
    let blank = write_assessment(&Assessment::new(&pack, "2026-01-01T00:00:00Z"));
    storage
        .set_item("browser-test-one:progress:v1", &blank)
        .unwrap();
    storage
        .set_item("browser-test-two:progress:v1", &blank)
        .unwrap();
    let (one, two) = (host(), host());
    let first = ready_to_share::mount(one.clone(), options("browser-test-one"));
    let second = ready_to_share::mount(two.clone(), options("browser-test-two"));
    yew::scheduler::flush().await;

    let radio_in = |host: &Element| {
        host.query_selector("input[type=radio]")
            .unwrap()
            .expect("a radio")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
    };
    let (radio_one, radio_two) = (radio_in(&one), radio_in(&two));
    assert_ne!(radio_one.id(), radio_two.id(), "ids are unique per widget");
    radio_one.click();
    yew::scheduler::flush().await;
    assert!(radio_one.checked());
    assert!(!radio_two.checked(), "the other widget is untouched");

    until_saved(&one).await;
    until_saved(&two).await;
    let saved_two = storage.get_item("browser-test-two:progress:v1").unwrap();
    let two_answers = read_assessment(&saved_two.unwrap(), &pack).unwrap();
    assert!(two_answers.assessment.answers.is_empty());
    first.destroy();
    second.destroy();
    one.remove();
    two.remove();
}

/// The radio of question `question_id` at `level` in `host`.
fn radio(host: &Element, question_id: &str, level: u8) -> web_sys::HtmlInputElement {
    host.query_selector(&format!("input[id$='q-{question_id}-{level}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("the level {level} radio of {question_id}"))
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap()
}

#[wasm_bindgen_test]
async fn two_widgets_with_the_same_key_keep_both_answers_live_and_after_a_reload() {
    let key = "browser-test-same-key";
    let storage = storage();
    let pack = ContentPack::built_in();
    storage
        .set_item(
            &format!("{key}:progress:v1"),
            &write_assessment(&Assessment::new(&pack, "2026-01-01T00:00:00Z")),
        )
        .unwrap();
    storage
        .set_item(&format!("{key}:step:v1"), "theme:purpose")
        .unwrap();
    let (q1, q2) = (
        &pack.themes[0].questions[0].id,
        &pack.themes[0].questions[1].id,
    );
    let (one, two) = (host(), host());
    let first = ready_to_share::mount(one.clone(), options(key));
    let second = ready_to_share::mount(two.clone(), options(key));
    yew::scheduler::flush().await;

    // One answer in each, before either has saved.
    radio(&one, q1, 3).click();
    radio(&two, q2, 4).click();
    yew::scheduler::flush().await;
    until_saved(&one).await;
    until_saved(&two).await;
    for (name, host) in [("first", &one), ("second", &two)] {
        assert!(radio(host, q1, 3).checked(), "the {name} widget shows {q1}");
        assert!(radio(host, q2, 4).checked(), "the {name} widget shows {q2}");
    }
    let saved = storage
        .get_item(&format!("{key}:progress:v1"))
        .unwrap()
        .expect("progress was saved");
    let opened = read_assessment(&saved, &pack).unwrap().assessment;
    assert_eq!(opened.response(q1), Some(Response::Level(3)));
    assert_eq!(opened.response(q2), Some(Response::Level(4)));

    // Gone and back, as after a reload.
    first.destroy();
    second.destroy();
    let again = [
        ready_to_share::mount(one.clone(), options(key)),
        ready_to_share::mount(two.clone(), options(key)),
    ];
    yew::scheduler::flush().await;
    for host in [&one, &two] {
        assert!(radio(host, q1, 3).checked());
        assert!(radio(host, q2, 4).checked());
    }
    for handle in again {
        handle.destroy();
    }
    one.remove();
    two.remove();
}

#[wasm_bindgen_test]
async fn a_broken_partner_pack_falls_back_to_the_built_in_pack_and_says_so() {
    let host = host();
    let options = MountOptions {
        storage_key: "browser-test-partner".into(),
        partner_pack: Some(PartnerPack {
            source: "https://partner.example/pack.json".into(),
            text: Ok("{\"id\": \"partner\"".into()),
        }),
        ..MountOptions::default()
    };
    let _ = storage().remove_item("browser-test-partner:progress:v1");
    let handle = ready_to_share::mount(host.clone(), options);
    yew::scheduler::flush().await;
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains(&ContentPack::built_in().start.heading));
    assert!(
        text.contains("https://partner.example/pack.json"),
        "the notice names the pack: {text}"
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn reaching_the_summary_tells_a_host_that_asked_scores_but_no_free_text() {
    let key = "browser-test-complete";
    let pack = ContentPack::built_in();
    let mut assessment = Assessment::new(&pack, "2026-01-01T00:00:00Z");
    for theme in &pack.themes {
        assessment.set_response(&theme.questions[0].id, Some(Response::Level(3)));
    }
    assessment.set_note(&pack.themes[0].questions[0].id, "secret-note-marker");
    assessment.context.area = "secret-area-marker".into();
    let storage = storage();
    storage
        .set_item(
            &format!("{key}:progress:v1"),
            &write_assessment(&assessment),
        )
        .unwrap();
    storage
        .set_item(&format!("{key}:step:v1"), "summary")
        .unwrap();

    let host = host();
    let received: Rc<RefCell<Option<String>>> = Rc::default();
    let listener = {
        let received = Rc::clone(&received);
        gloo::events::EventListener::new(&host, "ready-to-share:complete", move |event| {
            let event = event
                .dyn_ref::<web_sys::CustomEvent>()
                .expect("a CustomEvent");
            *received.borrow_mut() = js_sys::JSON::stringify(&event.detail())
                .ok()
                .and_then(|s| s.as_string());
        })
    };
    // Off unless the host asks: nothing is sent.
    let handle = ready_to_share::mount(host.clone(), options(key));
    yew::scheduler::flush().await;
    assert!(host
        .text_content()
        .unwrap_or_default()
        .contains(locale().report.title));
    assert_eq!(*received.borrow(), None, "no event unless the host asked");
    handle.destroy();

    let handle = ready_to_share::mount(
        host.clone(),
        MountOptions {
            results_event: true,
            ..options(key)
        },
    );
    yew::scheduler::flush().await;

    let detail = received.borrow().clone().expect("the event was sent");
    assert!(detail.contains("\"band\":\"well-on-the-way\""), "{detail}");
    assert!(detail.contains("\"overall\":50"), "{detail}");
    assert!(
        !detail.contains("secret"),
        "no free text leaves the widget: {detail}"
    );
    drop(listener);
    handle.destroy();
    host.remove();
}
