//! A calendar day, as the browser's clock gave it when an action was made.
//! The model never reads a clock: dates come in with actions.

use crate::model::locale::Locale;

/// A day in the local calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct CalendarDate {
    pub year: u32,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
}

impl CalendarDate {
    /// YYYY-MM-DD, for file names; empty when no date is known yet.
    pub fn iso(self) -> String {
        if self == CalendarDate::default() {
            return String::new();
        }
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "22 November 2026"; empty when no date is known yet.
    pub fn in_words(self, locale: &Locale) -> String {
        if self == CalendarDate::default() {
            return String::new();
        }
        locale.date_in_words(self.year, self.month, self.day)
    }
}
