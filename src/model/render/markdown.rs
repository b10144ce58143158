//! A [`Document`] as Markdown, for pasting into documents, wikis and emails.
//! User and pack text is escaped so it cannot turn into links, headings or
//! HTML when the Markdown is rendered.

use std::fmt::Write;

use crate::model::document::{panel_text, Block, Document, Inline, Medium, Style, Table};
use crate::model::render::{summary, SummaryReport};

/// Escapes Markdown's special characters and HTML's angle brackets.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Escaped text keeping paragraph breaks, for notes and the story.
fn block_text(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|paragraph| escape(paragraph.trim()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The summary report as Markdown.
pub fn render(report: &SummaryReport) -> String {
    document(&summary::document(report))
}

/// Any report as Markdown: the title, then each block, a blank line apart.
pub fn document(doc: &Document) -> String {
    let mut m = String::with_capacity(16 * 1024);
    let _ = writeln!(m, "# {}", escape(&doc.title));
    blocks(&mut m, &doc.blocks);
    m
}

fn blocks(m: &mut String, list: &[Block]) {
    for block in list {
        self::block(m, block);
    }
}

fn block(m: &mut String, block: &Block) {
    match block {
        Block::Group { blocks: inner, .. } | Block::Slot(_, inner) => return blocks(m, inner),
        Block::Only(show, inner) => {
            if show.includes(Medium::Markdown) {
                blocks(m, inner);
            }
            return;
        }
        // The chart's numbers are in the table beside it.
        Block::Chart { .. } => return,
        _ => {}
    }
    m.push('\n');
    match block {
        Block::Heading { level, text } => {
            let _ = writeln!(
                m,
                "{} {}",
                "#".repeat(usize::from(*level)),
                inlines(text, "")
            );
        }
        Block::Paragraph {
            style: Style::Note,
            text,
        } => {
            for part in text {
                match part {
                    Inline::Note(t) | Inline::NoteIn(t, _) => m.push_str(&block_text(t)),
                    other => m.push_str(&inlines(std::slice::from_ref(other), "")),
                }
            }
            m.push('\n');
        }
        Block::Paragraph {
            style: Style::Status,
            text,
        } => {
            let _ = writeln!(m, "*{}*", inlines(text, ""));
        }
        Block::Paragraph { text, .. } => {
            let _ = writeln!(m, "{}", inlines(text, ""));
        }
        Block::Panel { title, lines } => {
            let _ = writeln!(m, "**{}**", escape(&panel_text(title, lines)));
        }
        Block::Details { text, .. } => {
            let _ = writeln!(m, "{}", escape(text));
        }
        Block::Rows(rows) => {
            for (label, values) in rows {
                if let [value] = values.as_slice() {
                    let _ = writeln!(m, "- **{}:** {}", escape(label), escape(value));
                } else {
                    let _ = writeln!(m, "- **{}:**", escape(label));
                    for value in values {
                        let _ = writeln!(m, "  - {}", escape(value));
                    }
                }
            }
        }
        Block::Table(table) if table.records => records(m, table),
        Block::Table(table) => self::table(m, table),
        Block::List(list) => {
            for (i, item) in list.items.iter().enumerate() {
                let (marker, indent) = if list.numbered {
                    (format!("{}.", i + 1), "   ")
                } else {
                    ("-".to_string(), "  ")
                };
                let _ = writeln!(m, "{marker} {}", inlines(&item.text, indent));
                for inner in &item.list {
                    let _ = writeln!(m, "{indent}- {}", inlines(inner, indent));
                }
            }
        }
        _ => {}
    }
}

fn table(m: &mut String, table: &Table) {
    let head: Vec<String> = table.head.iter().map(|(h, _)| escape(h)).collect();
    let _ = writeln!(m, "| {} |", head.join(" | "));
    let rule: Vec<&str> = table
        .head
        .iter()
        .map(|(_, numeric)| if *numeric { "---:" } else { "---" })
        .collect();
    let _ = writeln!(m, "|{}|", rule.join("|"));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| inlines(c, "")).collect();
        let _ = writeln!(m, "| {} |", cells.join(" | "));
    }
}

/// Each row as a list item: the first cell in bold, then "Heading: cell"
/// for each other cell that has something in it.
fn records(m: &mut String, table: &Table) {
    for row in &table.rows {
        let mut cells = row.iter().map(|c| inlines(c, "  "));
        let _ = write!(m, "- **{}**  ", cells.next().unwrap_or_default());
        for ((heading, _), cell) in table.head.iter().skip(1).zip(cells) {
            if !cell.is_empty() {
                let _ = write!(m, "\n  {}: {cell}", escape(heading));
            }
        }
        m.push('\n');
    }
}

/// Inline parts on one line; a line break continues at `indent`.
fn inlines(text: &[Inline], indent: &str) -> String {
    let mut m = String::new();
    for part in text {
        match part {
            Inline::Plain(t) | Inline::Lines(t) | Inline::Secondary(t) => m.push_str(&escape(t)),
            Inline::Note(t) | Inline::NoteIn(t, _) => m.push_str(&escape(t.trim())),
            Inline::In(t, _) => m.push_str(&escape(t)),
            Inline::Aside(t) => {
                let _ = write!(m, "({})", escape(t));
            }
            Inline::Strong(t) => {
                let _ = write!(m, "**{}**", escape(t));
            }
            Inline::Link { text, href } => {
                let _ = write!(m, "[{}](<{}>)", escape(text), link_address(href));
            }
            Inline::Break => {
                let _ = write!(m, "  \n{indent}");
            }
            Inline::SoftBreak => {
                let _ = write!(m, "\n{indent}");
            }
            Inline::Meter(_) => {}
            Inline::Only(show, inner) => {
                if show.includes(Medium::Markdown) {
                    m.push_str(&inlines(inner, indent));
                }
            }
        }
    }
    m
}

/// A pack address inside `<...>` in a Markdown link: it is one of the pack's
/// checked http(s) addresses, and without angle brackets or spaces nothing in
/// it can end the link.
fn link_address(url: &str) -> String {
    url.replace(['<', '>', ' '], "")
}
