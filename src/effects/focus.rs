//! Moving focus, as a keyboard or screen reader user expects when a page,
//! a message or a field appears or goes. Focus is a courtesy: if the
//! element has gone by the time it is asked for, there is nothing to say.

use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Where to scroll the host page after focusing without the browser's own
/// jump.
#[derive(Clone, Copy)]
pub enum Scroll {
    /// Only as far as needed to bring the element into view.
    Nearest,
    /// The element to the top of the view.
    Start,
}

fn html_element(element: web_sys::Element) -> Option<web_sys::HtmlElement> {
    element.dyn_into::<web_sys::HtmlElement>().ok()
}

fn focus_element(element: &web_sys::HtmlElement) {
    // Fails only for elements that cannot take focus, which the callers
    // never ask for: nothing for the user to hear about.
    let _ = element.focus();
}

/// Focuses the element itself.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        focus_element(&element);
    }
}

/// Focuses the first form control inside the element, for example the
/// first choice of a question whose "Clear answer" button is going.
pub fn focus_first_input(node: &NodeRef) {
    let first = node
        .cast::<web_sys::Element>()
        .and_then(|e| e.query_selector("input").ok().flatten())
        .and_then(html_element);
    if let Some(first) = first {
        focus_element(&first);
    }
}

/// Focuses the element with this id in the same widget as `near`. Ids are
/// made by the widget (`Shared::id`), so they are safe in a selector.
pub fn focus_in_widget(near: &NodeRef, id: &str) {
    let element = near
        .cast::<web_sys::Element>()
        .and_then(|e| e.closest(".rts-app").ok().flatten())
        .and_then(|app| app.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(html_element);
    if let Some(element) = element {
        focus_element(&element);
    }
}

/// Focuses the first element matching `selector` inside `root` without the
/// browser's jump, then scrolls the host page only as `scroll` says, so an
/// embedded widget does not throw the host page about.
pub fn focus_and_scroll(root: &NodeRef, selector: &str, scroll: Scroll) {
    let element = root
        .cast::<web_sys::Element>()
        .and_then(|r| {
            if r.matches(selector).unwrap_or(false) {
                Some(r)
            } else {
                r.query_selector(selector).ok().flatten()
            }
        })
        .and_then(html_element);
    let Some(element) = element else {
        return;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    let into_view = web_sys::ScrollIntoViewOptions::new();
    into_view.set_block(match scroll {
        Scroll::Nearest => web_sys::ScrollLogicalPosition::Nearest,
        Scroll::Start => web_sys::ScrollLogicalPosition::Start,
    });
    element.scroll_into_view_with_scroll_into_view_options(&into_view);
}
