//! The values carried by form events, so that components never reach into
//! the DOM for them. Each is read from the element the event came from.

use yew::{Event, FocusEvent, InputEvent, NodeRef};

/// The text of the input, textarea or select an event came from.
fn value_of(target: Option<web_sys::EventTarget>) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = target else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// The field's text after an `input` event.
pub fn input_value(event: &InputEvent) -> String {
    value_of(event.target())
}

/// The field's value after a `change` event (selects, month inputs).
pub fn change_value(event: &Event) -> String {
    value_of(event.target())
}

/// Whether a `focusout` takes focus out of `group` (to somewhere else on
/// the page, or away from the page), rather than from one of its fields to
/// another. (The group comes by reference: Yew hands events on from one
/// listener at its root, so the event's current target is not the group.)
pub fn focus_leaves(event: &FocusEvent, group: &NodeRef) -> bool {
    use wasm_bindgen::JsCast;
    let to = event
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    match (group.get(), to) {
        (Some(group), Some(to)) => !group.contains(Some(&to)),
        _ => true,
    }
}
