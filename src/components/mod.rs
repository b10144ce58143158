//! One file per screen or component. Props structs are named after their
//! component and callbacks are named `on_*`. Every word shown comes from the
//! content pack or the locale table, reached through [`shared::Shared`].

pub mod about;
pub mod app;
pub mod back_link;
pub mod chart;
pub mod check;
pub mod compare;
pub mod confirm_panel;
pub mod consensus;
pub mod copy_answers;
pub mod document;
pub mod download_failed;
pub mod downloads;
pub mod error_summary;
pub mod fields;
pub mod heading;
pub mod notices;
pub mod partnership;
pub mod plan;
pub mod question;
pub mod shared;
pub mod start;
pub mod start_again;
pub mod story;
pub mod summary;
pub mod tasks;
pub mod theme_page;
