//! The summary of the answers, worked out once per change to them (or to
//! the pack, which a language switch replaces) and shared by the summary
//! screen, its plan and its downloads.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::{use_shared, Same};
use crate::model::assessment::Assessment;
use crate::model::summary::{summarise, Summary};

/// The summary of `assessment` against the pack in use, worked out again
/// only when either changes.
#[hook]
pub fn use_summary(assessment: &Rc<Assessment>) -> Rc<Summary> {
    let pack = use_shared().pack;
    // The state keeps the answers in an `Rc` that is replaced exactly when
    // they change, and the pack is replaced when the language changes (the
    // summary holds the pack's words for each action).
    use_memo(
        (Same(Rc::clone(assessment)), Same(pack)),
        |(assessment, pack)| summarise(&pack.0, &assessment.0),
    )
}
