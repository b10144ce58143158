use yew::prelude::*;

/// One choice: its id, its label and, if it has one, the hint under it.
#[derive(Clone, PartialEq)]
pub struct RadioItem {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub checked: bool,
}

#[derive(Properties, PartialEq)]
pub struct RadiosProps {
    /// The group's name: one choice at a time within it.
    pub name: AttrValue,
    pub items: Vec<RadioItem>,
    /// The word ("or") shown before the item at this index, setting apart
    /// a choice that is not like the others.
    #[prop_or_default]
    pub divider: Option<(usize, AttrValue)>,
    /// Called with the index of the item chosen.
    pub on_choose: Callback<usize>,
    #[prop_or_default]
    pub class: Classes,
}

/// Radios in the GOV.UK manner, each hint tied to its own choice. The
/// fieldset and legend around them belong to the screen, which knows what
/// the question is.
#[component]
pub fn Radios(props: &RadiosProps) -> Html {
    let item = |(index, item): (usize, &RadioItem)| {
        let hint_id = format!("{}-hint", item.id);
        let onchange = props.on_choose.reform(move |_: Event| index);
        let divider = props
            .divider
            .as_ref()
            .filter(|(at, _)| *at == index)
            .map(|(_, word)| html! { <p class="rts-radios__divider">{ word }</p> });
        html! {
            <>
                { for divider }
                <div class="rts-radios__item">
                    <input class="rts-radios__input" type="radio" id={item.id.clone()}
                        name={props.name.clone()} checked={item.checked}
                        aria-describedby={item.hint.as_ref().map(|_| hint_id.clone())} {onchange} />
                    <label class="rts-label rts-radios__label" for={item.id.clone()}>{ &item.label }</label>
                    if let Some(hint) = &item.hint {
                        <p class="rts-hint rts-radios__hint" id={hint_id}>{ hint }</p>
                    }
                </div>
            </>
        }
    };
    html! {
        <div class={classes!("rts-radios", props.class.clone())}>{ for props.items.iter().enumerate().map(item) }</div>
    }
}
