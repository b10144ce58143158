//! The screens, one file each: the start page, about your area, the task
//! list, a theme's questions, check your answers, your story, the summary
//! and the partnership view. `app` chooses which one is shown.

pub mod about;
pub mod check;
pub mod partnership;
pub mod start;
pub mod story;
pub mod summary;
pub mod tasks;
pub mod theme_page;
