//! The words under form fields with a limit: the character count and the
//! "too long" message, written out by hand here.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

use ready_to_share::model::locale::{whole_number, Locale};

#[test]
fn whole_numbers_have_commas_between_thousands() {
    assert_eq!(whole_number(0), "0");
    assert_eq!(whole_number(7), "7");
    assert_eq!(whole_number(500), "500");
    assert_eq!(whole_number(1_000), "1,000");
    assert_eq!(whole_number(4_000), "4,000");
    assert_eq!(whole_number(20_000), "20,000");
    assert_eq!(whole_number(123_456), "123,456");
    assert_eq!(whole_number(1_234_567), "1,234,567");
}

#[test]
fn the_count_says_the_limit_until_three_quarters_is_used() {
    let locale = Locale::english();
    let count = locale.character_count(374, 500);
    assert_eq!(count.text, "You can enter up to 500 characters.");
    assert!(!count.visible);
    assert!(!count.over);
    let count = locale.character_count(0, 4_000);
    assert_eq!(count.text, "You can enter up to 4,000 characters.");
    assert!(!count.visible);
}

#[test]
fn from_three_quarters_the_count_shows_what_is_left() {
    let locale = Locale::english();
    let count = locale.character_count(375, 500);
    assert_eq!(count.text, "You have 125 characters remaining.");
    assert!(count.visible);
    assert!(!count.over);
    assert_eq!(
        locale.character_count(499, 500).text,
        "You have 1 character remaining."
    );
    assert_eq!(
        locale.character_count(500, 500).text,
        "You have 0 characters remaining."
    );
    assert!(!locale.character_count(500, 500).over);
}

#[test]
fn over_the_limit_the_count_says_how_many_too_many() {
    let locale = Locale::english();
    let count = locale.character_count(501, 500);
    assert_eq!(count.text, "You have 1 character too many.");
    assert!(count.visible);
    assert!(count.over);
    assert_eq!(
        locale.character_count(21_500, 20_000).text,
        "You have 1,500 characters too many."
    );
}

#[test]
fn the_too_long_message_names_the_field_and_both_lengths() {
    let locale = Locale::english();
    assert_eq!(
        locale.too_long("Your note", 4_012, 4_000),
        "Your note must be 4,000 characters or fewer. You have 4,012. Shorten it to save it."
    );
}

#[test]
fn a_calendar_date_is_written_for_file_names_and_in_words() {
    use ready_to_share::model::date::CalendarDate;
    let locale = Locale::english();
    let date = CalendarDate {
        year: 2026,
        month: 3,
        day: 7,
    };
    assert_eq!(date.iso(), "2026-03-07");
    assert_eq!(date.in_words(&locale), "7 March 2026");
    // No date yet (before the first action): nothing rather than nonsense.
    assert_eq!(CalendarDate::default().iso(), "");
    assert_eq!(CalendarDate::default().in_words(&locale), "");
}
