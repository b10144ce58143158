//! One file per screen or component. Props structs are named after their
//! component and callbacks are named `on_*`.

pub mod app;
pub mod start;
