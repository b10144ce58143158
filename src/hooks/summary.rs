//! The summary of the answers, worked out once per change to them (or to
//! the pack, which a language switch replaces) and shared by the summary
//! screen, its plan and its downloads.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_shared;
use crate::model::assessment::Assessment;
use crate::model::content::ContentPack;
use crate::model::summary::{summarise, Summary};

/// The same answers and the same pack, by identity: the state keeps the
/// answers in an `Rc` that is replaced exactly when they change, and the
/// pack is replaced when the language changes (the summary holds the pack's
/// words for each action), so comparing pointers is enough, and costs
/// nothing where comparing values would read every answer.
#[derive(Clone)]
struct SameInputs(Rc<Assessment>, Rc<ContentPack>);

impl PartialEq for SameInputs {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && Rc::ptr_eq(&self.1, &other.1)
    }
}

/// The summary of `assessment` against the pack in use, worked out again
/// only when either changes.
#[hook]
pub fn use_summary(assessment: &Rc<Assessment>) -> Rc<Summary> {
    let pack = use_shared().pack;
    use_memo(SameInputs(Rc::clone(assessment), pack), |inputs| {
        summarise(&inputs.1, &inputs.0)
    })
}
