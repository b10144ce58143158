use yew::prelude::*;

use crate::components::document::inlines;
use crate::components::fields::radios::{RadioItem, Radios};
use crate::components::fields::text::TextField;
use crate::components::shared::Shared;
use crate::effects::focus::focus_first_input;
use crate::hooks::use_shared;
use crate::model::assessment::Response;
use crate::model::content::{self, LEVELS};
use crate::model::document::Text;
use crate::model::file::MAX_NOTE_CHARS;
use crate::model::locale::fill;
use crate::state::Edit;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub theme: usize,
    pub index: usize,
    /// Position shown to the user, for example "Question 3 of 6".
    pub number: usize,
    pub of: usize,
    pub response: Option<Response>,
    /// An answer kept aside because the question's levels changed meaning,
    /// in words asking for a new answer.
    #[prop_or_default]
    pub earlier: Option<Text>,
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
    let earlier_id = format!("{base}-earlier");
    let described_by = match props.earlier {
        Some(_) => format!("{hint_id} {earlier_id}"),
        None => hint_id.clone(),
    };

    let choices = choices();
    let items = radio_items(&shared, question, &base, &choices, props.response);
    let set_response = edit_response(&shared, &question.id);
    let on_choose = {
        let set_response = set_response.clone();
        Callback::from(move |index: usize| set_response(choices.get(index).copied()))
    };
    let clear = {
        let fieldset = fieldset.clone();
        Callback::from(move |_: MouseEvent| {
            // The button goes once the answer does: keep focus in the
            // question by moving it to the first choice first.
            focus_first_input(&fieldset);
            set_response(None);
        })
    };
    let on_note = edit_note(&shared, &question.id);

    html! {
        <div class="rts-question" id={base.clone()}>
            <fieldset class="rts-fieldset" ref={fieldset} aria-describedby={described_by}>
                <legend class="rts-fieldset__legend rts-fieldset__legend--m">
                    <span class="rts-caption">
                        { fill(ui.question_number, &[("n", &props.number.to_string()), ("total", &props.of.to_string())]) }
                    </span>
                    { &question.text }
                </legend>
                <p class="rts-hint" id={hint_id}>{ &question.hint }</p>
                if let Some(earlier) = &props.earlier {
                    <p class="rts-body rts-question__earlier" id={earlier_id}>{ inlines(earlier, "", None) }</p>
                }
                <Radios name={format!("{base}-response")} {items} {on_choose}
                    divider={Some((LEVELS.len(), AttrValue::from(ui.or)))} />
                if props.response.is_some() {
                    // Named in full by aria-label: a visually hidden span
                    // would be read with a stray space before its colon.
                    <button type="button" class="rts-link-button rts-question__clear" onclick={clear}
                        aria-label={fill(ui.clear_answer_for, &[("question", &question.text)])}>
                        { &ui.clear_answer }
                    </button>
                }
            </fieldset>
            // Every note has the same visible label, so its name also says
            // which question it belongs to.
            <TextField id={format!("{base}-note")} class="rts-question__note" label={ui.note_label}
                aria_label={fill(ui.note_label_for, &[("question", &question.text)])}
                hint={ui.note_hint} rows={2} value={props.note.clone()} limit={MAX_NOTE_CHARS}
                field_name={shared.locale.fields.note} on_input={on_note} />
        </div>
    }
}

/// The answers in the order shown: the five levels, then "Not sure" (set
/// apart by "or").
fn choices() -> Vec<Response> {
    LEVELS
        .iter()
        .map(|&level| Response::Level(level))
        .chain([Response::NotSure])
        .collect()
}

/// A radio for each choice: a level with its name and this question's own
/// descriptor as the hint, and "Not sure" with its hint; the one given is
/// checked.
fn radio_items(
    shared: &Shared,
    question: &content::Question,
    base: &str,
    choices: &[Response],
    checked: Option<Response>,
) -> Vec<RadioItem> {
    let ui = &shared.locale.ui;
    choices
        .iter()
        .map(|&response| match response {
            Response::Level(level) => RadioItem {
                id: format!("{base}-{level}"),
                label: format!("{} {}", level, shared.pack.level_label(level)),
                hint: Some(question.levels.for_level(level).to_string()),
                checked: checked == Some(response),
            },
            Response::NotSure => RadioItem {
                id: format!("{base}-not-sure"),
                label: shared.locale.common.not_sure.to_string(),
                hint: Some(ui.not_sure_hint.to_string()),
                checked: checked == Some(response),
            },
        })
        .collect()
}

/// Saves an answer to the question, or clears it (`None`).
fn edit_response(shared: &Shared, question_id: &str) -> impl Fn(Option<Response>) + Clone {
    let (shared, question_id) = (shared.clone(), question_id.to_string());
    move |response: Option<Response>| {
        shared.edit(Edit::Response {
            question_id: question_id.clone(),
            response,
        })
    }
}

/// Saves the question's note as it is typed.
fn edit_note(shared: &Shared, question_id: &str) -> Callback<String> {
    let (shared, question_id) = (shared.clone(), question_id.to_string());
    Callback::from(move |note: String| {
        shared.edit(Edit::Note {
            question_id: question_id.clone(),
            note,
        })
    })
}
