//! The browser's clock, for timestamps and the dates in file names. The model
//! has no clock: times are passed in.

use crate::model::locale::Locale;

/// Now, as an ISO 8601 timestamp in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's local date as YYYY-MM-DD, for file names.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Today's date in words from the locale table, for example "22 November
/// 2026". Made here rather than with `toLocaleDateString`, whose first call
/// costs the browser tens of milliseconds.
pub fn today_in_words(locale: &Locale) -> String {
    let date = js_sys::Date::new_0();
    locale.date_in_words(date.get_full_year(), date.get_month() + 1, date.get_date())
}
