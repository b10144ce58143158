//! The summary of the answers, worked out once per change to them and
//! shared by the summary screen, its plan and its downloads.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_shared;
use crate::model::assessment::Assessment;
use crate::model::summary::{summarise, Summary};

/// The same answers by identity: the state keeps them in an `Rc` that is
/// replaced exactly when they change, so comparing pointers is enough, and
/// costs nothing where comparing values would read every answer.
#[derive(Clone)]
struct SameAnswers(Rc<Assessment>);

impl PartialEq for SameAnswers {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The summary of `assessment`, worked out again only when it changes.
#[hook]
pub fn use_summary(assessment: &Rc<Assessment>) -> Rc<Summary> {
    let pack = use_shared().pack;
    use_memo(SameAnswers(Rc::clone(assessment)), move |answers| {
        summarise(&pack, &answers.0)
    })
}
