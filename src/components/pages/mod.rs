//! The screens, one file each: the start page, about your area, the task
//! list, a theme's questions, check your answers, your story, the summary
//! and the partnership view (in the page's first module, which is built
//! without it, `workshop_loading` asks for the whole app instead). `app`
//! chooses which one is shown.

pub mod about;
pub mod check;
#[cfg(feature = "workshop")]
pub mod partnership;
pub mod start;
pub mod story;
pub mod summary;
pub mod tasks;
pub mod theme_page;
#[cfg(not(feature = "workshop"))]
pub mod workshop_loading;
