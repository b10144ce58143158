//! Form fields in the GOV.UK manner. Each field makes its own ids for its
//! hint, error message and character count, and joins the ones it shows
//! into `aria-describedby`, so no screen has to keep them in step by hand.

pub mod checkboxes;
pub mod file_picker;
pub mod radios;
pub mod text;

/// The `aria-describedby` value for the ids given, or none at all.
pub(crate) fn described_by<'a>(ids: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let joined = ids.into_iter().flatten().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}
