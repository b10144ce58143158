//! What is shown: `app` (the shell that picks a screen), the screens in
//! `pages/`, and the widgets they are built from here and in `fields/`.
//! Props structs are named after their component and callbacks are named
//! `on_*`. Every word shown comes from the content pack or the locale table,
//! reached through [`shared::Shared`].

pub mod app;
pub mod back_link;
pub mod chart;
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
pub mod language_nav;
pub mod notices;
pub mod pages;
pub mod plan;
pub mod question;
pub mod shared;
pub mod start_again;
