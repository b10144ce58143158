//! Form fields in the GOV.UK manner. Each field makes its own ids for its
//! hint, error message and character count, and joins the ones it shows
//! into `aria-describedby`, so no screen has to keep them in step by hand.

pub mod checkboxes;
pub mod file_picker;
pub mod radios;
pub mod text;

use yew::prelude::*;

/// The `aria-describedby` value for the ids given, or none at all.
pub(crate) fn described_by<'a>(ids: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let joined = ids.into_iter().flatten().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// A field's error message, its id for `aria-describedby`, starting with
/// a visually hidden "Error:" (`prefix`) for screen readers.
pub(crate) fn error_message(id: String, prefix: &str, message: &str) -> Html {
    html! {
        <p class="rts-error-message" {id}>
            <span class="rts-visually-hidden">{ format!("{prefix} ") }</span>
            { message }
        </p>
    }
}
