//! The pure heart of Ready to Share: no browser or Yew imports here, so all of
//! it runs and is tested with plain `cargo test`.

pub mod assessment;
pub mod chart;
pub mod compare;
pub mod consensus;
pub mod content;
pub mod contrast;
pub mod date;
pub mod document;
pub mod downloads;
pub mod file;
pub mod file_problem;
pub mod json_shape;
pub mod languages;
pub mod locale;
pub mod merge;
pub mod pack_limits;
pub mod pack_reader;
pub mod packed_shape;
pub mod partnership;
pub mod plan;
pub mod plan_file;
pub mod plan_view;
pub mod render;
pub mod response;
pub mod scoring;
pub mod sorted;
pub mod sorting;
pub mod summary;
pub mod words;
pub mod workshop;
