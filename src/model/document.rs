//! A report as plain data: headings, paragraphs, tables, lists, the chart and
//! the places where the screen puts its interactive parts. The summary and
//! partnership reports are each built once as a [`Document`]; thin renderers
//! turn it into the HTML download (`render::html`), the Markdown download
//! (`render::markdown`) and the screen (`components::document`), so a new
//! section is added in one place.
//!
//! Text is plain here: each renderer escapes it for its own format.

use crate::model::chart::Chart;

/// A whole report: its title (the page title and the first heading) and its
/// blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// The language of the words, for `<html lang>`.
    pub language: String,
    /// A wide page, for tables with a column per theme.
    pub wide: bool,
    pub blocks: Vec<Block>,
}

/// Where a part is shown: some words help on paper but not beside the
/// controls on screen, and some lists are shorter in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Screen,
    /// The HTML and Markdown downloads.
    Files,
    /// The screen and the HTML download.
    NotMarkdown,
}

/// Where a document is being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    Screen,
    Html,
    Markdown,
}

impl Show {
    pub fn includes(self, medium: Medium) -> bool {
        match self {
            Show::Screen => medium == Medium::Screen,
            Show::Files => medium != Medium::Screen,
            Show::NotMarkdown => medium != Medium::Markdown,
        }
    }
}

/// The interactive parts the summary screen puts in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotId {
    /// The editable action plan.
    Plan,
    /// The file picker for an earlier assessment, or the comparison.
    Compare,
    Downloads,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Normal,
    /// Secondary text: the date, captions, how something was worked out.
    Muted,
    /// Text the user wrote, which may run to several paragraphs.
    Note,
    /// A line that stands apart, such as progress: italic in Markdown, where
    /// a line starting with a number could otherwise read as a list item.
    Status,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        text: Text,
    },
    Paragraph {
        style: Style,
        text: Text,
    },
    /// The overall band: a title and a line or two about it.
    Panel {
        title: Option<String>,
        lines: Vec<String>,
    },
    /// How something was worked out: behind a disclosure on screen, printed
    /// as a paragraph.
    Details {
        summary: String,
        text: String,
    },
    /// Labels and their values, each value one or more lines.
    Rows(Vec<(String, Vec<String>)>),
    Table(Table),
    List(List),
    /// The profile chart: its title (what it is, for screen readers), its
    /// geometry and each bar's value in words.
    Chart {
        title: String,
        chart: Chart,
        values: Vec<String>,
    },
    /// Blocks kept together; on screen, in a `div` of this class.
    Group {
        class: &'static str,
        blocks: Vec<Block>,
    },
    /// On screen the interactive part named; in the files, `blocks` in its
    /// place. The screen may show `blocks` inside its part.
    Slot(SlotId, Vec<Block>),
    /// Blocks shown in some media only.
    Only(Show, Vec<Block>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub caption: Option<String>,
    /// A class for the table (`plan`: long text that may wrap anywhere; on
    /// screen, `rts-table--{class}`).
    pub class: Option<&'static str>,
    /// Column headings, each with whether the column holds numbers.
    pub head: Vec<(String, bool)>,
    /// Whether each row's first cell heads the row.
    pub row_headers: bool,
    /// In Markdown, each row as a list item ("- **first**", then "Heading:
    /// cell" lines) rather than a table: for cells of long text.
    pub records: bool,
    pub rows: Vec<Vec<Text>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub numbered: bool,
    /// A class for the list on screen; its links take `{class}__link`.
    pub class: Option<&'static str>,
    pub items: Vec<Item>,
}

/// A list item: its text, and a list inside it (often empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: Text,
    pub list: Vec<Text>,
}

/// A run of inline parts.
pub type Text = Vec<Inline>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Plain(String),
    /// Text whose line breaks are kept (in Markdown, they become spaces).
    Lines(String),
    Strong(String),
    /// Secondary text, line breaks kept.
    Secondary(String),
    /// Secondary text in brackets: "(Governance and the law)".
    Aside(String),
    /// An http(s) address from the pack; it opens in a new tab on screen.
    Link {
        text: String,
        href: String,
    },
    Break,
    /// A new line on screen and in HTML; in Markdown a new source line in
    /// the same paragraph (read as a space), for a line that follows on.
    SoftBreak,
    /// Text the user wrote, which may run to several paragraphs.
    Note(String),
    /// Words in another language than the document's (a question's earlier
    /// wording, which exists only in English, in a Welsh sentence), marked
    /// with their `lang` code.
    In(String, &'static str),
    /// A note written in another language than the document's (a partner's
    /// file made in English, in a Welsh report), marked with its `lang`
    /// code so a screen reader reads it in that language.
    NoteIn(String, &'static str),
    /// A bar as long as a score out of 100, beside the score in words.
    Meter(u8),
    Only(Show, Vec<Inline>),
}

/// A panel as one line, for the files: "Title. Line one Line two".
pub fn panel_text(title: &Option<String>, lines: &[String]) -> String {
    let mut words: Vec<String> = title.iter().map(|t| format!("{t}.")).collect();
    words.extend(lines.iter().cloned());
    words.join(" ")
}

/// Plain text as a [`Text`].
pub fn plain(text: impl Into<String>) -> Text {
    vec![Inline::Plain(text.into())]
}

/// The words of a run of plain parts (a message made by
/// `Locale::file_problem_text`), for where no language can be marked.
pub fn words_of(text: &[Inline]) -> String {
    text.iter()
        .map(|part| match part {
            Inline::Plain(t) | Inline::In(t, _) => t.as_str(),
            _ => "",
        })
        .collect()
}

impl Block {
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: plain(text),
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph {
            style: Style::Normal,
            text: plain(text),
        }
    }

    pub fn muted(text: impl Into<String>) -> Block {
        Block::Paragraph {
            style: Style::Muted,
            text: plain(text),
        }
    }

    /// A list of items without inner lists.
    pub fn list(numbered: bool, items: impl IntoIterator<Item = Text>) -> Block {
        Block::List(List::new(numbered, items))
    }
}

impl List {
    /// A list of items without inner lists.
    pub fn new(numbered: bool, items: impl IntoIterator<Item = Text>) -> List {
        List {
            numbered,
            class: None,
            items: items
                .into_iter()
                .map(|text| Item {
                    text,
                    list: Vec::new(),
                })
                .collect(),
        }
    }

    /// The same list with a class on screen.
    pub fn class(mut self, class: &'static str) -> List {
        self.class = Some(class);
        self
    }
}

impl Document {
    /// Every block, those inside groups, slots and `Only` included, in
    /// order: for checks that look for a kind of block anywhere.
    pub fn all_blocks(&self) -> Vec<&Block> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
            for block in blocks {
                out.push(block);
                match block {
                    Block::Group { blocks, .. }
                    | Block::Slot(_, blocks)
                    | Block::Only(_, blocks) => walk(blocks, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }
}
