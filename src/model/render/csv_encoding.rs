//! CSV encoding for every CSV download (summary, plan, partnership): cells
//! quoted (RFC 4180), and any cell a spreadsheet would treat as a formula
//! neutralised.

/// Quotes a cell, and prefixes an apostrophe when it starts with a character
/// that spreadsheets read as the start of a formula (= + - @, tab, return),
/// so `=HYPERLINK(...)` shows as text instead of running.
pub fn cell(text: &str) -> String {
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let mut out = String::with_capacity(text.len() + 3);
    out.push('"');
    if risky {
        out.push('\'');
    }
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
    out
}

/// Adds one record: every cell quoted and neutralised, ending in CRLF.
pub fn row(out: &mut String, cells: &[&str]) {
    let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// A new CSV file with its header row; the byte order mark makes Excel read
/// it as UTF-8.
pub fn start(headers: &[&str]) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, headers);
    out
}
