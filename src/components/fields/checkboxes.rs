use yew::prelude::*;

use super::described_by;

/// One box: its id, its label and whether it is ticked.
#[derive(Clone, PartialEq)]
pub struct CheckboxItem {
    pub id: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Properties, PartialEq)]
pub struct CheckboxesProps {
    /// The question the boxes answer, as a fieldset's legend; a single box
    /// that names itself needs none.
    #[prop_or_default]
    pub legend: Option<AttrValue>,
    /// The hint under the legend; its id is made from `id`.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Names the group, for the hint's id.
    pub id: AttrValue,
    pub items: Vec<CheckboxItem>,
    /// Called with the index of the box ticked or unticked.
    pub on_toggle: Callback<usize>,
}

/// Checkboxes in the GOV.UK manner: in a fieldset described by its hint
/// when there is a question, or a lone box with its label.
#[component]
pub fn Checkboxes(props: &CheckboxesProps) -> Html {
    let boxes = props.items.iter().enumerate().map(|(index, item)| {
        let onchange = props.on_toggle.reform(move |_: Event| index);
        html! {
            <div class="rts-checkboxes__item">
                <input class="rts-checkboxes__input" type="checkbox" id={item.id.clone()}
                    checked={item.checked} {onchange} />
                <label class="rts-label rts-checkboxes__label" for={item.id.clone()}>{ &item.label }</label>
            </div>
        }
    });
    let boxes = html! { <div class="rts-checkboxes">{ for boxes }</div> };
    let Some(legend) = &props.legend else {
        return boxes;
    };
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="rts-form-group">
            <fieldset class="rts-fieldset" aria-describedby={described_by([props.hint.as_ref().map(|_| hint_id.as_str())])}>
                <legend class="rts-fieldset__legend">{ legend }</legend>
                if let Some(hint) = &props.hint {
                    <p class="rts-hint" id={hint_id.clone()}>{ hint }</p>
                }
                { boxes }
            </fieldset>
        </div>
    }
}
