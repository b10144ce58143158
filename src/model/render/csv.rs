//! CSV for spreadsheets: one row per question. Cells are quoted (RFC 4180)
//! and any cell a spreadsheet would treat as a formula is neutralised. The
//! plan and partnership CSVs write their rows with [`row`] too.

use crate::model::render::{compare, SummaryReport};

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

pub fn render(report: &SummaryReport) -> String {
    let headers: Vec<&str> = report
        .locale
        .report
        .csv_headers
        .iter()
        .copied()
        .chain(compare::csv_headers(report))
        .collect();
    let mut out = start(&headers);
    for (theme, q) in report.pack.questions() {
        let response = report.assessment.response(&q.id);
        let level = response
            .and_then(|r| r.level())
            .map(|l| l.to_string())
            .unwrap_or_default();
        let descriptor = response
            .and_then(|r| r.level())
            .map_or("", |l| q.levels.for_level(l));
        let earlier = compare::csv_cells(report, &q.id);
        let mut cells = vec![
            theme.title.as_str(),
            &q.id,
            &q.text,
            &level,
            report.response_label(response),
            descriptor,
            report.assessment.note(&q.id),
        ];
        cells.extend(earlier.iter().map(String::as_str));
        row(&mut out, &cells);
    }
    out
}
