//! A report [`Document`] on screen, with the design system's classes. The
//! summary screen shows the same document as the HTML and Markdown
//! downloads; the screen fills its slots with the interactive parts (the
//! editable plan, the comparison's file picker, the downloads).

use std::cell::Cell;

use yew::prelude::*;

use crate::components::chart::chart_view;
use crate::components::heading::Heading;
use crate::model::document::{Block, Inline, List, Medium, Style, Table};

/// What the screen adds to a document: ids, the words "opens in a new tab"
/// and the parts that fill its slots.
pub struct Screen<'a> {
    /// Makes an id unique on the page (`Shared::id`).
    pub id: &'a dyn Fn(&str) -> String,
    pub new_tab: &'a str,
    /// Given the slot and its blocks as shown, what goes in its place.
    pub slot: &'a dyn Fn(crate::model::document::SlotId, Html) -> Html,
    /// Numbers the tables, for their captions' ids.
    tables: Cell<usize>,
}

impl<'a> Screen<'a> {
    pub fn new(
        id: &'a dyn Fn(&str) -> String,
        new_tab: &'a str,
        slot: &'a dyn Fn(crate::model::document::SlotId, Html) -> Html,
    ) -> Screen<'a> {
        Screen {
            id,
            new_tab,
            slot,
            tables: Cell::new(0),
        }
    }

    /// The blocks as shown on screen. In a slot, section headings take focus
    /// (focus moves to them when the slot's content appears).
    pub fn blocks(&self, blocks: &[Block], focus: bool) -> Html {
        blocks.iter().map(|b| self.block(b, focus)).collect()
    }

    fn block(&self, block: &Block, focus: bool) -> Html {
        match block {
            Block::Heading { level, text } => self.heading(*level, text, focus),
            Block::Paragraph { style, text } => {
                let class = match style {
                    Style::Normal => "rts-body",
                    Style::Muted | Style::Status => "rts-body rts-secondary",
                    Style::Note => "rts-body rts-body--note",
                };
                html! { <p {class}>{ self.inlines(text, None) }</p> }
            }
            Block::Panel { title, lines } => panel(title.as_deref(), lines),
            Block::Details { summary, text } => details(summary, text),
            Block::Rows(rows) => summary_rows(rows),
            Block::Table(table) => self.table(table),
            Block::List(list) => self.list(list),
            Block::Chart {
                title,
                chart,
                values,
            } => html! { <figure class="rts-figure">{ chart_view(title, chart, values) }</figure> },
            Block::Group { class, blocks } => {
                html! { <div class={*class}>{ self.blocks(blocks, focus) }</div> }
            }
            Block::Slot(slot, blocks) => (self.slot)(*slot, self.blocks(blocks, true)),
            Block::Only(show, blocks) => {
                if show.includes(Medium::Screen) {
                    self.blocks(blocks, focus)
                } else {
                    Html::default()
                }
            }
        }
    }

    /// A heading sized by its level. In a slot, a section heading (level
    /// 2) takes focus when the slot's content appears.
    fn heading(&self, level: u8, text: &[Inline], focus: bool) -> Html {
        let class = match level {
            1 => "rts-heading--l",
            2 => "rts-heading--m",
            _ => "rts-heading--s",
        };
        html! {
            <Heading {level} {class} focusable={focus && level == 2}>
                { self.inlines(text, None) }
            </Heading>
        }
    }

    /// A bulleted or numbered list, or one with its own class (which its
    /// items and links take too, as `…__item` and `…__link`); an item may
    /// hold a bulleted list of its own.
    fn list(&self, list: &List) -> Html {
        let class = match list.class {
            Some(class) => classes!("rts-list", class),
            None if list.numbered => classes!("rts-list", "rts-list--number"),
            None => classes!("rts-list", "rts-list--bullet"),
        };
        let item_class = list.class.map(|c| format!("{c}__item"));
        let link_class = list.class.map(|c| format!("{c}__link"));
        let items = list.items.iter().map(|item| {
            html! {
                <li class={item_class.clone()}>
                    { self.inlines(&item.text, link_class.as_deref()) }
                    if !item.list.is_empty() {
                        <ul class="rts-list rts-list--bullet">
                            { for item.list.iter().map(|t| html! { <li>{ self.inlines(t, None) }</li> }) }
                        </ul>
                    }
                </li>
            }
        });
        if list.numbered {
            html! { <ol {class}>{ for items }</ol> }
        } else {
            html! { <ul {class}>{ for items }</ul> }
        }
    }

    fn table(&self, table: &Table) -> Html {
        let n = self.tables.get() + 1;
        self.tables.set(n);
        let caption_id = (self.id)(&format!("table-{n}"));
        let numeric = |i: usize| table.head.get(i).is_some_and(|(_, numeric)| *numeric);
        let inner = html! {
            <table class={classes!("rts-table", table.class.map(|c| format!("rts-table--{c}")))}>
                if let Some(caption) = &table.caption {
                    <caption class="rts-table__caption" id={caption_id.clone()}>{ caption }</caption>
                }
                <thead>
                    <tr>
                        { for table.head.iter().map(|(heading, numeric)| html! {
                            <th scope="col" class={classes!("rts-table__header", numeric.then_some("rts-table__header--numeric"))}>{ heading }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(i, cell)| if i == 0 && table.row_headers {
                                html! { <th scope="row" class="rts-table__header">{ self.inlines(cell, None) }</th> }
                            } else {
                                // The column's name, shown beside the cell when a narrow screen stacks the rows.
                                let label = table.head.get(i).map(|(heading, _)| heading.clone());
                                html! { <td class={classes!("rts-table__cell", numeric(i).then_some("rts-table__cell--numeric"))} data-label={label}>{ self.inlines(cell, None) }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        };
        if table.caption.is_none() {
            return inner;
        }
        // A wide table scrolls inside a region named by its caption.
        html! {
            <div class="rts-table-wrapper" role="region" aria-labelledby={caption_id} tabindex="0">
                { inner }
            </div>
        }
    }

    fn inlines(&self, text: &[Inline], link_class: Option<&str>) -> Html {
        inlines(text, self.new_tab, link_class)
    }
}

/// The overall band's panel: a title, if any, and its lines.
fn panel(title: Option<&str>, lines: &[String]) -> Html {
    html! {
        <div class="rts-panel">
            if let Some(title) = title {
                <p class="rts-panel__title">{ title }</p>
            }
            { for lines.iter().map(|l| html! { <p class="rts-panel__body">{ l }</p> }) }
        </div>
    }
}

/// How something was worked out: a disclosure on screen, and the same
/// words in print.
fn details(summary: &str, text: &str) -> Html {
    html! {
        <>
            <details class="rts-details rts-no-print">
                <summary class="rts-details__summary">{ summary }</summary>
                <p class="rts-details__text">{ text }</p>
            </details>
            // Printed open: a closed disclosure prints as its summary alone.
            <div class="rts-print-only">
                <p class="rts-body rts-body--bold">{ summary }</p>
                <p class="rts-body">{ text }</p>
            </div>
        </>
    }
}

/// Labels and their values as a summary list, each value line ending in a
/// line break.
fn summary_rows(rows: &[(String, Vec<String>)]) -> Html {
    html! {
        <dl class="rts-summary-list">
            { for rows.iter().map(|(label, values)| html! {
                <div class="rts-summary-list__row">
                    <dt class="rts-summary-list__key">{ label }</dt>
                    <dd class="rts-summary-list__value">
                        { for values.iter().map(|v| html! { <>{ v }<br /></> }) }
                    </dd>
                </div>
            }) }
        </dl>
    }
}

/// Inline parts on screen; links open in a new tab and say so (`new_tab`),
/// and take `link_class` too when given.
pub fn inlines(text: &[Inline], new_tab: &str, link_class: Option<&str>) -> Html {
    text.iter()
        .map(|part| match part {
            Inline::Plain(t) | Inline::Lines(t) => html! { { t } },
            Inline::Note(t) => html! { { t.trim() } },
            Inline::NoteIn(t, lang) => html! { <span lang={*lang}>{ t.trim() }</span> },
            Inline::In(t, lang) => html! { <span lang={*lang}>{ t }</span> },
            Inline::Strong(t) => html! { <strong>{ t }</strong> },
            Inline::Secondary(t) => html! { <span class="rts-secondary">{ t }</span> },
            Inline::Aside(t) => html! { <span class="rts-secondary">{ format!("({t})") }</span> },
            Inline::Link { text, href } => html! {
                <a class={classes!("rts-link", link_class.map(str::to_string))} href={href.clone()}
                    target="_blank" rel="noopener noreferrer">
                    { text }
                    <span class="rts-link__new-tab">{ format!(" {}", new_tab) }</span>
                </a>
            },
            Inline::Break | Inline::SoftBreak => html! { <br /> },
            // The partnership screen shows scores in its own table.
            Inline::Meter(_) => Html::default(),
            Inline::Only(show, inner) => {
                if show.includes(Medium::Screen) {
                    inlines(inner, new_tab, link_class)
                } else {
                    Html::default()
                }
            }
        })
        .collect()
}
