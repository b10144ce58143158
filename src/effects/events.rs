//! The values carried by form events, so that components never reach into
//! the DOM for them. Each is read from the element the event came from.

use yew::{Event, InputEvent};

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
