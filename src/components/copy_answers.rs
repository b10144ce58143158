use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_shared;
use crate::model::assessment::Assessment;
use crate::model::file::write_assessment_in;

#[derive(Properties, PartialEq)]
pub struct CopyAnswersProps {
    /// Names the text box, unique in the widget.
    pub name: AttrValue,
    pub assessment: Rc<Assessment>,
}

/// The answers as the text of an assessment file, to copy, behind a
/// disclosure: where downloads are blocked too (a frame sandboxed without
/// allow-downloads), nothing typed is stuck in the browser.
#[component]
pub fn CopyAnswers(props: &CopyAnswersProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let id = shared.id(&props.name);
    html! {
        <details class="rts-details">
            <summary class="rts-details__summary">{ &ui.copy_answers }</summary>
            <div class="rts-details__text">
                <label class="rts-label" for={id.clone()}>{ &ui.copy_answers_label }</label>
                <textarea class="rts-textarea" {id} rows="6" readonly=true
                    value={write_assessment_in(&props.assessment, shared.locale.language)} />
            </div>
        </details>
    }
}
