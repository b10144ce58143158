//! The browser's clock, for timestamps and the dates in file names. The model
//! has no clock: times are passed in.

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

/// Today's date as a person reads it in `language`, for example
/// "22 November 2026".
pub fn today_in_words(language: &str) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(js_sys::Date::new_0().to_locale_date_string(language, &options))
}
