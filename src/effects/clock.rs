//! The browser's clock, read when an action is made (never while a screen
//! is drawn). The model has no clock: times are passed in.

use crate::model::date::CalendarDate;

/// Now, as an ISO 8601 timestamp in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today in the local calendar. Dates in words are made by the locale
/// table rather than `toLocaleDateString`, whose first call costs the
/// browser tens of milliseconds.
pub fn today() -> CalendarDate {
    let date = js_sys::Date::new_0();
    CalendarDate {
        year: date.get_full_year(),
        month: date.get_month() + 1,
        day: date.get_date(),
    }
}

/// A call made once, after a pause. Dropping it cancels the call, so a new
/// one replaces the last (the way to wait until typing pauses).
pub struct Later {
    _timeout: gloo::timers::callback::Timeout,
}

impl Later {
    pub fn after(millis: u32, call: impl FnOnce() + 'static) -> Later {
        Later {
            _timeout: gloo::timers::callback::Timeout::new(millis, call),
        }
    }
}
