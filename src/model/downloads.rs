//! Every file the tool makes, in one list: each format gives its file name,
//! its type and its bytes. The screens only list buttons for these, and a
//! new format is a new variant that each `match` below must handle.

use crate::model::assessment::Assessment;
use crate::model::consensus::Consensus;
use crate::model::file::write_assessment_in;
use crate::model::render::partnership::PartnershipReport;
use crate::model::render::{csv, file_name, html, markdown, plan, SummaryReport};

/// A file ready to save: what to call it, its media type and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

const HTML: &str = "text/html;charset=utf-8";
const MARKDOWN: &str = "text/markdown;charset=utf-8";
const CSV: &str = "text/csv;charset=utf-8";
const JSON: &str = "application/json";

/// The files the summary offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    /// The report, for any browser and for printing.
    Html,
    Markdown,
    /// One row per question.
    Csv,
    /// The action plan, one row per action.
    PlanCsv,
    /// The assessment file, which opens again.
    Json,
}

impl SummaryFormat {
    /// In the order the summary offers them.
    pub const ALL: [SummaryFormat; 5] = [
        SummaryFormat::Html,
        SummaryFormat::Markdown,
        SummaryFormat::Csv,
        SummaryFormat::PlanCsv,
        SummaryFormat::Json,
    ];

    /// A name for the format, for ids and tests.
    pub fn id(self) -> &'static str {
        match self {
            SummaryFormat::Html => "html",
            SummaryFormat::Markdown => "markdown",
            SummaryFormat::Csv => "csv",
            SummaryFormat::PlanCsv => "plan-csv",
            SummaryFormat::Json => "json",
        }
    }

    /// The file, dated `today` (`YYYY-MM-DD`), from the report the screen
    /// shows.
    pub fn make(self, report: &SummaryReport, today: &str) -> Download {
        let area = &report.assessment.context.area;
        let (stem, extension, mime, text) = match self {
            SummaryFormat::Html => ("", "html", HTML, html::render(report)),
            SummaryFormat::Markdown => ("", "md", MARKDOWN, markdown::render(report)),
            SummaryFormat::Csv => ("", "csv", CSV, csv::render(report)),
            SummaryFormat::PlanCsv => ("plan", "csv", CSV, plan::csv(report)),
            SummaryFormat::Json => {
                return assessment_file(report.assessment, report.locale.language, today)
            }
        };
        let mut name = file_name(area, today, extension);
        if !stem.is_empty() {
            name = name.replacen("ready-to-share", &format!("ready-to-share-{stem}"), 1);
        }
        Download {
            name,
            mime,
            bytes: text.into_bytes(),
        }
    }
}

/// The assessment file, which opens again in the tool, saying the language
/// (`en-GB`, `cy`) it was made in.
pub fn assessment_file(assessment: &Assessment, language: &str, today: &str) -> Download {
    Download {
        name: file_name(&assessment.context.area, today, "json"),
        mime: JSON,
        bytes: write_assessment_in(assessment, language).into_bytes(),
    }
}

/// The files the partnership view offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnershipFormat {
    /// The report, with what the partnership agreed.
    Html,
    /// One row per partner and question.
    Csv,
    /// Every partner's file in one bundle.
    Json,
}

impl PartnershipFormat {
    pub const ALL: [PartnershipFormat; 3] = [
        PartnershipFormat::Html,
        PartnershipFormat::Csv,
        PartnershipFormat::Json,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PartnershipFormat::Html => "html",
            PartnershipFormat::Csv => "csv",
            PartnershipFormat::Json => "json",
        }
    }

    pub fn make(self, report: &PartnershipReport, today: &str) -> Download {
        use crate::model::render::partnership;
        let (extension, mime, text) = match self {
            PartnershipFormat::Html => ("html", HTML, partnership::html(report)),
            PartnershipFormat::Csv => ("csv", CSV, partnership::csv(report)),
            PartnershipFormat::Json => ("json", JSON, partnership::json(report)),
        };
        Download {
            name: file_name("partnership", today, extension),
            mime,
            bytes: text.into_bytes(),
        }
    }
}

/// The partnership's agreed assessment, as a file that opens in the tool,
/// named for its area and "agreed", dated `today`.
pub fn agreed_file(agreed: &Assessment, today: &str, language: &str) -> Download {
    let area = &agreed.context.area;
    Download {
        name: file_name(&format!("{area} agreed"), today, "json"),
        mime: JSON,
        bytes: write_assessment_in(agreed, language).into_bytes(),
    }
}

/// Whether the workshop agreed anything, for the reports to show.
pub fn agreed_anything(consensus: &Consensus) -> bool {
    consensus
        .agreed
        .values()
        .any(|a| a.level.is_some() || !a.note.trim().is_empty())
}
