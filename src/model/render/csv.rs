//! The summary as CSV for spreadsheets: one row per question, written with
//! the encoder in `csv_encoding` like the plan and partnership CSVs.

use crate::model::render::csv_encoding::{row, start};
use crate::model::render::{compare, SummaryReport};

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
