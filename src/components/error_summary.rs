use yew::prelude::*;

use crate::components::heading::Heading;
use crate::effects::focus::{focus, focus_in_widget};
use crate::hooks::use_shared;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// Each message with the id of the field it is about.
    pub errors: Vec<(String, String)>,
    /// Focus it when this changes, not when the errors do: for a summary
    /// that stays while the person puts each field right.
    #[prop_or_default]
    pub attempt: Option<u32>,
}

/// The GOV.UK error summary: "There is a problem", focused when it appears,
/// linking to each field at fault.
#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let shared = use_shared();
    let node = use_node_ref();
    {
        let node = node.clone();
        let errors = props.attempt.is_none().then(|| props.errors.clone());
        use_effect_with((props.attempt, errors), move |_| focus(&node));
    }
    let title_id = shared.id("error-summary-title");
    html! {
        <div class="rts-error-summary" ref={node.clone()} tabindex="-1" role="alert"
            aria-labelledby={title_id.clone()}>
            <Heading level={2} class="rts-error-summary__title" id={title_id}>
                { &shared.locale.ui.error_summary_title }
            </Heading>
            <ul class="rts-error-summary__list">
                { for props.errors.iter().map(|(message, field_id)| {
                    let field_id_text = field_id.clone();
                    let field_id = field_id.clone();
                    // Move focus to the field without changing the page's
                    // address, which belongs to the host.
                    let onclick = {
                        let node = node.clone();
                        Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            focus_in_widget(&node, &field_id);
                        })
                    };
                    html! {
                        <li><a href={format!("#{field_id_text}")} class="rts-error-summary__link" {onclick}>{ message }</a></li>
                    }
                }) }
            </ul>
        </div>
    }
}
