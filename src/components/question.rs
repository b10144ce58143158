use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::clock;
use crate::components::shared::use_shared;
use crate::model::assessment::Response;
use crate::model::content::LEVELS;
use crate::model::file::MAX_NOTE_CHARS;
use crate::model::locale::fill;
use crate::state::{Action, Edit};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub theme: usize,
    pub index: usize,
    /// Position shown to the user, for example "Question 3 of 6".
    pub number: usize,
    pub of: usize,
    pub response: Option<Response>,
    pub note: AttrValue,
}

/// One question: a fieldset whose legend is the question, the hint saying
/// why it matters, the five levels each with this question's own descriptor,
/// "not sure", and an optional note. Its props are small values, so an
/// answer to one question re-renders only that question.
#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let shared = use_shared();
    let fieldset = use_node_ref();
    let ui = &shared.locale.ui;
    let Some(question) = shared
        .pack
        .themes
        .get(props.theme)
        .and_then(|t| t.questions.get(props.index))
    else {
        return Html::default();
    };
    let base = shared.id(&format!("q-{}", question.id));
    let hint_id = format!("{base}-hint");
    let name = format!("{base}-response");

    let choose = |response: Option<Response>| {
        let shared = shared.clone();
        let question_id = question.id.clone();
        Callback::from(move |_: Event| {
            shared.send(Action::Edit {
                edit: Edit::Response {
                    question_id: question_id.clone(),
                    response,
                },
                now: clock::now(),
            })
        })
    };
    let radio = |response: Response, label: String, descriptor: Option<&str>| {
        let id = match response {
            Response::Level(level) => format!("{base}-{level}"),
            Response::NotSure => format!("{base}-not-sure"),
        };
        let item_hint = format!("{id}-hint");
        html! {
            <div class="rts-radios__item">
                <input class="rts-radios__input" type="radio" id={id.clone()} name={name.clone()}
                    checked={props.response == Some(response)}
                    aria-describedby={descriptor.map(|_| item_hint.clone())}
                    onchange={choose(Some(response))} />
                <label class="rts-label rts-radios__label" for={id}>{ label }</label>
                if let Some(text) = descriptor {
                    <p class="rts-hint rts-radios__hint" id={item_hint}>{ text }</p>
                }
            </div>
        }
    };

    let note_id = format!("{base}-note");
    let on_note = {
        let shared = shared.clone();
        let question_id = question.id.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            shared.send(Action::Edit {
                edit: Edit::Note {
                    question_id: question_id.clone(),
                    note: input.value(),
                },
                now: clock::now(),
            })
        })
    };
    let clear = {
        let shared = shared.clone();
        let question_id = question.id.clone();
        let fieldset = fieldset.clone();
        Callback::from(move |_: MouseEvent| {
            // The button goes once the answer does: keep focus in the
            // question by moving it to the first choice first.
            if let Some(first) = fieldset
                .cast::<web_sys::Element>()
                .and_then(|f| f.query_selector("input").ok().flatten())
                .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = first.focus();
            }
            shared.send(Action::Edit {
                edit: Edit::Response {
                    question_id: question_id.clone(),
                    response: None,
                },
                now: clock::now(),
            })
        })
    };

    html! {
        <div class="rts-question" id={base.clone()}>
            <fieldset class="rts-fieldset" ref={fieldset} aria-describedby={hint_id.clone()}>
                <legend class="rts-fieldset__legend rts-fieldset__legend--m">
                    <span class="rts-caption">
                        { fill(ui.question_number, &[("n", &props.number.to_string()), ("total", &props.of.to_string())]) }
                    </span>
                    { &question.text }
                </legend>
                <p class="rts-hint" id={hint_id}>{ &question.hint }</p>
                <div class="rts-radios">
                    { for LEVELS.iter().map(|&level| radio(
                        Response::Level(level),
                        format!("{} {}", level, shared.pack.level_label(level)),
                        Some(question.levels.for_level(level)),
                    )) }
                    <p class="rts-radios__divider">{ &ui.or }</p>
                    { radio(Response::NotSure, shared.locale.common.not_sure.to_string(), Some(ui.not_sure_hint)) }
                </div>
                if props.response.is_some() {
                    // Named in full by aria-label: a visually hidden span
                    // would be read with a stray space before its colon.
                    <button type="button" class="rts-link-button rts-question__clear" onclick={clear}
                        aria-label={fill(ui.clear_answer_for, &[("question", &question.text)])}>
                        { &ui.clear_answer }
                    </button>
                }
            </fieldset>
            <div class="rts-form-group rts-question__note">
                <label class="rts-label" for={note_id.clone()}>{ &ui.note_label }</label>
                <p class="rts-hint" id={format!("{note_id}-hint")}>{ &ui.note_hint }</p>
                // Every note has the same visible label, so its name also
                // says which question it belongs to.
                <textarea class="rts-textarea" id={note_id.clone()} rows="2"
                    aria-label={fill(ui.note_label_for, &[("question", &question.text)])}
                    maxlength={MAX_NOTE_CHARS.to_string()}
                    aria-describedby={format!("{note_id}-hint")}
                    value={props.note.clone()} oninput={on_note} />
            </div>
        </div>
    }
}
