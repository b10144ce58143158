use yew::prelude::*;

use std::cell::RefCell;
use std::rc::Rc;

use super::{described_by, error_message};
use crate::components::shared::Shared;
use crate::effects::clock::Later;
use crate::effects::events::input_value;
use crate::hooks::use_shared;
use crate::model::locale::Locale;
use crate::model::words::CharacterCount;
use crate::state::Action;

/// How long typing must pause before the count is announced (as GOV.UK's
/// character count), so a screen reader is not interrupted at every key.
const ANNOUNCE_AFTER_MS: u32 = 1_000;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The control's id, made with `Shared::id`; the hint, error and count
    /// ids are made from it.
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub label_class: Classes,
    /// A fuller accessible name where many fields share one visible label.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: AttrValue,
    /// At most this many characters are saved. More are kept in the field
    /// with an error message, never cut off: the browser's `maxlength` would
    /// silently drop the end of pasted text.
    #[prop_or_default]
    pub limit: Option<usize>,
    /// How the "too long" message names the field; the label by default.
    #[prop_or_default]
    pub field_name: Option<AttrValue>,
    /// A textarea with this many rows; a one-line input when not given.
    #[prop_or_default]
    pub rows: Option<u32>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub spellcheck: Option<AttrValue>,
    #[prop_or_default]
    pub readonly: bool,
    /// Classes for the form group around the field.
    #[prop_or_default]
    pub class: Classes,
    /// Called with the text after each change, when it is within the limit.
    #[prop_or_default]
    pub on_input: Callback<String>,
}

/// A text input or textarea with its label, hint, error message and, for a
/// textarea with a limit, a character count. It saves as it changes; text
/// over the limit stays in the field and is not saved until shortened.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let shared = use_shared();
    // Text over the limit, kept here because the state holds only what
    // may be saved.
    let draft = use_state(|| None::<String>);
    let shown = draft
        .as_deref()
        .map_or_else(|| props.value.to_string(), str::to_string);
    let length = shown.chars().count();
    let error = props.limit.filter(|limit| length > *limit).map(|limit| {
        let field = props.field_name.as_ref().unwrap_or(&props.label);
        shared.locale.too_long(field, length, limit)
    });
    let count = props
        .limit
        .filter(|_| props.rows.is_some())
        .map(|limit| shared.locale.character_count(length, limit));

    // What the polite live region says: the count (or, for a one-line
    // field, the error), set once typing pauses.
    let announced = use_state_eq(String::new);
    let pause = use_mut_ref(|| None::<Later>);
    // Whether this field has told the state its text is over the limit.
    let reported = use_mut_ref(|| false);
    use_withdraw_report(&shared, &reported, props.id.to_string());

    let on_input = input_callback(props, &shared, &draft, &reported, &pause, &announced);

    let id = &props.id;
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let count_id = format!("{id}-count");
    let described = described_by([
        props.hint.as_ref().map(|_| hint_id.as_str()),
        error.as_ref().map(|_| error_id.as_str()),
        count.as_ref().map(|_| count_id.as_str()),
    ]);
    let invalid = error.is_some().then_some("true");
    html! {
        <div class={classes!("rts-form-group", error.is_some().then_some("rts-form-group--error"), props.class.clone())}>
            <label class={classes!("rts-label", props.label_class.clone())} for={id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <p class="rts-hint" id={hint_id}>{ hint }</p>
            }
            if let Some(error) = &error {
                { error_message(error_id, shared.locale.ui.error_prefix, error) }
            }
            { control(props, shown, described, invalid, on_input) }
            if let Some(count) = count {
                { character_count(count_id, count) }
            }
            if props.limit.is_some() {
                <p class="rts-visually-hidden" aria-live="polite">{ (*announced).clone() }</p>
            }
        </div>
    }
}

/// A field that goes (another screen) takes its report with it: if it
/// had told the state its text was over the limit (`reported`), it says
/// so no longer.
#[hook]
fn use_withdraw_report(shared: &Shared, reported: &Rc<RefCell<bool>>, id: String) {
    let (shared, reported) = (shared.clone(), reported.clone());
    use_effect_with((), move |_| {
        move || {
            if *reported.borrow() {
                shared.send(Action::OverLimit { id, message: None });
            }
        }
    });
}

/// Saves the text as it changes while it is within the limit; text over
/// it is kept in `draft` and the state told (so the summary can block the
/// downloads), and once typing pauses the count or error is announced.
fn input_callback(
    props: &TextFieldProps,
    shared: &Shared,
    draft: &UseStateHandle<Option<String>>,
    reported: &Rc<RefCell<bool>>,
    pause: &Rc<RefCell<Option<Later>>>,
    announced: &UseStateHandle<String>,
) -> Callback<InputEvent> {
    let (draft, limit, on_input) = (draft.clone(), props.limit, props.on_input.clone());
    let (shared, reported, pause, announced) = (
        shared.clone(),
        reported.clone(),
        pause.clone(),
        announced.clone(),
    );
    let field = props
        .field_name
        .clone()
        .unwrap_or_else(|| props.label.clone());
    let (id, counted) = (props.id.to_string(), props.rows.is_some());
    Callback::from(move |e: InputEvent| {
        let value = input_value(&e);
        let Some(limit) = limit else {
            on_input.emit(value);
            return;
        };
        let length = value.chars().count();
        let over = length > limit;
        let message = over.then(|| shared.locale.too_long(&field, length, limit));
        if over || *reported.borrow() {
            *reported.borrow_mut() = over;
            shared.send(Action::OverLimit {
                id: id.clone(),
                message: message.clone(),
            });
        }
        let say = announcement(&shared.locale, counted, length, limit, message);
        let announced = announced.clone();
        *pause.borrow_mut() = Some(Later::after(ANNOUNCE_AFTER_MS, move || announced.set(say)));
        if over {
            draft.set(Some(value));
        } else {
            draft.set(None);
            on_input.emit(value);
        }
    })
}

/// What the live region says once typing pauses: for a counted field the
/// count when it is shown (nothing while it is far from the limit), for a
/// one-line field the "too long" message if there is one.
fn announcement(
    locale: &Locale,
    counted: bool,
    length: usize,
    limit: usize,
    message: Option<String>,
) -> String {
    if counted {
        let count = locale.character_count(length, limit);
        if count.visible {
            count.text
        } else {
            String::new()
        }
    } else {
        message.unwrap_or_default()
    }
}

/// The textarea (when the field has rows) or one-line input itself.
fn control(
    props: &TextFieldProps,
    shown: String,
    described: Option<String>,
    invalid: Option<&'static str>,
    on_input: Callback<InputEvent>,
) -> Html {
    let id = &props.id;
    if let Some(rows) = props.rows {
        html! {
            <textarea class="rts-textarea" id={id.clone()} rows={rows.to_string()}
                aria-label={props.aria_label.clone()} aria-describedby={described}
                aria-invalid={invalid} readonly={props.readonly}
                value={shown} oninput={on_input} />
        }
    } else {
        html! {
            <input class="rts-input" type="text" id={id.clone()}
                aria-label={props.aria_label.clone()} aria-describedby={described}
                aria-invalid={invalid} autocomplete={props.autocomplete.clone()}
                spellcheck={props.spellcheck.clone()}
                value={shown} oninput={on_input} />
        }
    }
}

/// The count under a textarea with a limit: hidden from sight (but not
/// from screen readers) while far from the limit, marked once over it.
fn character_count(id: String, count: CharacterCount) -> Html {
    html! {
        <p {id} class={classes!(
            "rts-hint", "rts-character-count",
            (!count.visible).then_some("rts-visually-hidden"),
            count.over.then_some("rts-character-count--over"),
        )}>{ count.text }</p>
    }
}
