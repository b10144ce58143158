//! A [`Document`] as a self-contained HTML page: inline CSS (one style block
//! for every report, styled for screen and print, so "Save as PDF" from the
//! print dialog gives a clean document) and an inline SVG chart beside its
//! table. Every string from the user or the content pack is escaped.

use std::fmt::Write;

use crate::model::chart::{self, Chart};
use crate::model::document::{panel_text, Block, Document, Inline, Medium, Style, Table};
use crate::model::render::{summary, SummaryReport};

/// Escapes text for use in HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escaped text with its line breaks kept.
fn lines(text: &str) -> String {
    escape(text).replace('\n', "<br>")
}

/// Escaped text as paragraphs, line breaks kept, for notes and the story;
/// each marked with `lang` when it is not empty (a note in another
/// language: the code is the app's own, `en` or `cy`).
fn paragraphs(text: &str, lang: &str) -> String {
    let mut h = String::new();
    for p in text.trim().split("\n\n").filter(|p| !p.trim().is_empty()) {
        h.push_str("<p");
        if !lang.is_empty() {
            h.push_str(" lang=\"");
            h.push_str(lang);
            h.push('"');
        }
        h.push('>');
        h.push_str(&lines(p.trim()));
        h.push_str("</p>");
    }
    h
}

/// Long text with no spaces that a user pasted (a shared-drive address in a
/// note) wraps, so every page prints on A4 at full size: `break-word`
/// throughout, and `anywhere` in the cells that hold what was typed (notes,
/// the plan's owner and note, the details about the area), since only
/// `anywhere` lets a table column be narrower than such text. Ordinary words
/// stay whole: the other cells (a plan's status, an answer's level) keep
/// their words' widths.
const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff;line-height:1.5;margin:0;overflow-wrap:break-word}
main{max-width:48rem;margin:0 auto;padding:1.5rem}
main.wide{max-width:64rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.5rem;margin:2rem 0 .75rem;border-top:1px solid #b1b4b6;padding-top:1rem}
h3{font-size:1.1875rem;margin:1.25rem 0 .25rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
a{color:#1d70b8}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.5rem .75rem .5rem 0}
td.num,th.num{text-align:right}
.band{font-size:1.25rem;font-weight:700}
.muted{color:#505a5f}
.chart{display:grid;grid-template-columns:minmax(6rem,16rem) minmax(6rem,1fr) 3rem;gap:.5rem 1rem;align-items:center;max-width:45rem;margin:1rem 0}
.chart .bar-row{display:contents}
.chart .bar-track{display:block;width:100%;height:1.5rem;background:#f3f2f1;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.chart .bar-fill{fill:#1d70b8}
.track{display:block;min-width:5rem;height:.5rem;background:#f3f2f1;margin-top:.25rem}
.fill{display:block;height:100%;background:#1d70b8;-webkit-print-color-adjust:exact;print-color-adjust:exact}
ol li,ul li{margin-bottom:.5rem}
td p,table.rows td,table.plan td:last-child,table.plan td:nth-last-child(4){overflow-wrap:anywhere}
@media print{main{max-width:none;padding:0}a{color:#0b0c0c}a[href]::after{content:' (' attr(href) ')';font-size:.85em;word-break:break-all}h2,h3,h4{break-after:avoid}tr,li,figure{break-inside:avoid}table.plan thead{display:table-header-group}}
@media (forced-colors:active){.chart .bar-fill{fill:CanvasText}.chart .bar-track{border:1px solid CanvasText}.fill{forced-color-adjust:none;background:CanvasText}.track{border:1px solid CanvasText}}
";

/// The summary report as a self-contained HTML page.
pub fn render(report: &SummaryReport) -> String {
    document(&summary::document(report))
}

/// Any report as a self-contained HTML page: the one page shell.
pub fn document(doc: &Document) -> String {
    let mut h = String::with_capacity(32 * 1024);
    let title = escape(&doc.title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main{}>\n<h1>{title}</h1>\n",
        escape(&doc.language),
        if doc.wide { " class=\"wide\"" } else { "" }
    );
    blocks(&mut h, &doc.blocks);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn blocks(h: &mut String, list: &[Block]) {
    for block in list {
        self::block(h, block);
    }
}

fn block(h: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let _ = writeln!(h, "<h{level}>{}</h{level}>", inlines(text));
        }
        Block::Paragraph {
            style: Style::Note,
            text,
        } => {
            let _ = writeln!(h, "{}", inlines(text));
        }
        Block::Paragraph { style, text } => {
            let class = if *style == Style::Muted {
                " class=\"muted\""
            } else {
                ""
            };
            let _ = writeln!(h, "<p{class}>{}</p>", inlines(text));
        }
        Block::Panel { title, lines } => {
            let _ = writeln!(
                h,
                "<p class=\"band\">{}</p>",
                escape(&panel_text(title, lines))
            );
        }
        Block::Details { text, .. } => {
            let _ = writeln!(h, "<p class=\"muted\">{}</p>", escape(text));
        }
        Block::Rows(rows) => {
            h.push_str("<table class=\"rows\">\n");
            for (label, values) in rows {
                let values: Vec<String> = values.iter().map(|v| escape(v)).collect();
                let _ = writeln!(
                    h,
                    "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                    escape(label),
                    values.join("<br>")
                );
            }
            h.push_str("</table>\n");
        }
        Block::Table(table) => self::table(h, table),
        Block::List(list) => {
            let tag = if list.numbered { "ol" } else { "ul" };
            let _ = writeln!(h, "<{tag}>");
            for item in &list.items {
                let _ = write!(h, "<li>{}", inlines(&item.text));
                if !item.list.is_empty() {
                    h.push_str("\n<ul>\n");
                    for inner in &item.list {
                        let _ = writeln!(h, "<li>{}</li>", inlines(inner));
                    }
                    h.push_str("</ul>");
                }
                h.push_str("</li>\n");
            }
            let _ = writeln!(h, "</{tag}>");
        }
        Block::Chart {
            title,
            chart,
            values,
        } => self::chart(h, title, chart, values),
        Block::Group { blocks: inner, .. } | Block::Slot(_, inner) => blocks(h, inner),
        Block::Only(show, inner) => {
            if show.includes(Medium::Html) {
                blocks(h, inner);
            }
        }
    }
}

fn table(h: &mut String, table: &Table) {
    match table.class {
        Some(class) => {
            let _ = writeln!(h, "<table class=\"{class}\">");
        }
        None => h.push_str("<table>\n"),
    }
    if let Some(caption) = &table.caption {
        let _ = writeln!(h, "<caption class=\"muted\">{}</caption>", escape(caption));
    }
    h.push_str("<thead><tr>");
    for (heading, numeric) in &table.head {
        let _ = write!(
            h,
            "<th scope=\"col\"{}>{}</th>",
            if *numeric { " class=\"num\"" } else { "" },
            escape(heading)
        );
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        h.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let numeric = table.head.get(i).is_some_and(|(_, n)| *n);
            let (tag, attrs) = if i == 0 && table.row_headers {
                ("th", " scope=\"row\"")
            } else if numeric {
                ("td", " class=\"num\"")
            } else {
                ("td", "")
            };
            let _ = write!(h, "<{tag}{attrs}>{}</{tag}>", inlines(cell));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

fn inlines(text: &[Inline]) -> String {
    let mut h = String::new();
    for part in text {
        match part {
            Inline::Plain(t) => h.push_str(&escape(t)),
            Inline::Lines(t) => h.push_str(&lines(t)),
            Inline::Strong(t) => {
                let _ = write!(h, "<strong>{}</strong>", escape(t));
            }
            Inline::Secondary(t) => {
                let _ = write!(h, "<span class=\"muted\">{}</span>", lines(t));
            }
            Inline::Aside(t) => {
                let _ = write!(h, "<span class=\"muted\">({})</span>", escape(t));
            }
            Inline::Link { text, href } => {
                let _ = write!(
                    h,
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    escape(href),
                    escape(text)
                );
            }
            Inline::Break | Inline::SoftBreak => h.push_str("<br>"),
            Inline::Note(t) => h.push_str(&paragraphs(t, "")),
            Inline::NoteIn(t, lang) => h.push_str(&paragraphs(t, lang)),
            Inline::In(t, lang) => {
                let _ = write!(h, "<span lang=\"{lang}\">{}</span>", escape(t));
            }
            Inline::Meter(score) => {
                let _ = write!(
                    h,
                    "<span class=\"track\" aria-hidden=\"true\"><span class=\"fill\" style=\"width:{}%\"></span></span>",
                    (*score).min(100)
                );
            }
            Inline::Only(show, inner) => {
                if show.includes(Medium::Html) {
                    h.push_str(&inlines(inner));
                }
            }
        }
    }
    h
}

/// The profile chart, from the shared geometry: a row per theme with its
/// name, a bar as long as its score and the score. The names and scores are
/// HTML text, so a long theme name wraps, even with a reader's own text
/// spacing (WCAG 1.4.12), instead of being cut off as SVG text was; only
/// each bar is a small SVG (no style attribute needed for its length). The
/// table after it has the same scores for screen readers, so the chart is
/// one image named by its title.
fn chart(h: &mut String, title: &str, chart: &Chart, values: &[String]) {
    let _ = writeln!(
        h,
        "<figure class=\"chart\" role=\"img\" aria-labelledby=\"rts-chart-title\">\n\
         <span id=\"rts-chart-title\" hidden>{}</span>",
        escape(title)
    );
    for (bar, value) in chart.bars.iter().zip(values) {
        // The length in tenths of a percent, written with whole numbers:
        // formatting a float would bring its printing code into the wasm.
        let tenths = (bar.width * 1000 + chart::BAR_MAX / 2) / chart::BAR_MAX;
        let percent = format!("{}.{}", tenths / 10, tenths % 10);
        let _ = writeln!(
            h,
            "<span class=\"bar-row\"><span class=\"bar-label\">{}</span>\
             <svg class=\"bar-track\" viewBox=\"0 0 100 1\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
             <rect class=\"bar-fill\" width=\"{percent}\" height=\"1\"/></svg>\
             <span class=\"bar-value\">{}</span></span>",
            escape(&bar.label),
            escape(value)
        );
    }
    h.push_str("</figure>\n");
}
