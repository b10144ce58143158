//! Workshop consensus in the partnership view: for each question where
//! partners disagree, the level they agreed and a short note of why; then
//! "Download the agreed assessment", a normal assessment file for the
//! partnership. The rules are in `model::consensus`.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::download_failed::DownloadFailed;
use crate::components::fields::radios::{RadioItem, Radios};
use crate::components::fields::text::TextField;
use crate::components::heading::Heading;
use crate::components::shared::Shared;
use crate::effects::{clock, download};
use crate::hooks::use_shared;
use crate::model::consensus::{
    agreed_assessment, other_versions_text, suggested_name, Agreement, Consensus,
    MAX_AGREEMENT_CHARS,
};
use crate::model::content::LEVELS;
use crate::model::downloads::agreed_file;
use crate::model::file::MAX_NAME_CHARS;
use crate::model::locale::fill;
use crate::model::partnership::Partnership;
use crate::model::workshop::{Workshop, WorkshopEdit};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ConsensusProps {
    pub view: Rc<Partnership>,
    pub workshop: Rc<Workshop>,
    /// A field holds text over its limit (an agreement's note, the name):
    /// the download stops and the error summary says where.
    pub blocked: bool,
}

/// What partners agreed, question by question, and the agreed file.
#[component]
pub fn ConsensusSection(props: &ConsensusProps) -> Html {
    let shared = use_shared();
    let words = &shared.locale.consensus;
    let consensus = &props.workshop.consensus;
    let view = &props.view;
    let name_now = props
        .workshop
        .agreed_name
        .clone()
        .unwrap_or_else(|| suggested_name(view));

    let questions = questions_to_agree(&shared, view, consensus);

    // The file's times are stamped when it is downloaded, not here: the
    // screen needs only which other versions of the questions it draws on.
    let versions = other_versions_text(
        &shared.pack,
        &shared.locale,
        &agreed_assessment(&shared.pack, &shared.locale, view, consensus, &name_now, ""),
    );
    let failed = use_state_eq(|| false);
    let on_download = if props.blocked {
        shared.on(Action::ShowProblems)
    } else {
        download_agreed(&shared, view, consensus, &name_now, &failed)
    };
    let on_name = {
        let shared = shared.clone();
        Callback::from(move |value: String| shared.edit_workshop(WorkshopEdit::AgreedName(value)))
    };
    let hint_id = shared.id("agreed-download-hint");

    html! {
        <div class="rts-consensus">
            <Heading level={2} class="rts-heading--m">{ &words.heading }</Heading>
            <p class="rts-body">{ &words.intro }</p>
            { for questions.iter().map(|id| html! {
                <AgreeQuestion key={id.clone()} question_id={id.clone()} view={Rc::clone(view)}
                    agreement={consensus.get(id).cloned().unwrap_or_default()} />
            }) }
            <p class="rts-body">
                { fill(words.agreed_count, &[
                    ("count", &consensus.agreed_count().to_string()),
                    ("total", &shared.pack.question_count().to_string()),
                ]) }
            </p>
            <div class="rts-no-print">
                <TextField id={shared.id("partnership-name")} label={words.name_label}
                    field_name={words.name_field} hint={words.name_hint} autocomplete="off"
                    value={name_now.clone()} limit={MAX_NAME_CHARS} on_input={on_name} />
                if let Some(versions) = versions {
                    <div class="rts-notice rts-notice--warning">
                        <p class="rts-body">{ versions }</p>
                    </div>
                }
                <button type="button" class="rts-button" aria-describedby={hint_id.clone()}
                    onclick={on_download}>{ &words.download }</button>
                <p class="rts-hint" id={hint_id}>{ &words.download_hint }</p>
                <DownloadFailed failed={*failed} />
            </div>
        </div>
    }
}

/// The questions to agree on: the disagreements, then any other question
/// with an agreement kept from before more files were added (if the pack
/// still has it).
fn questions_to_agree(shared: &Shared, view: &Partnership, consensus: &Consensus) -> Vec<String> {
    let mut questions: Vec<String> = view.disagreements.clone();
    for id in consensus.agreed.keys() {
        if !questions.contains(id) && shared.pack.question(id).is_some() {
            questions.push(id.clone());
        }
    }
    questions
}

/// Downloads the agreed assessment, stamped with the time of the click;
/// `failed` says whether the browser refused the download.
fn download_agreed(
    shared: &Shared,
    view: &Rc<Partnership>,
    consensus: &Consensus,
    name: &str,
    failed: &UseStateHandle<bool>,
) -> Callback<MouseEvent> {
    let (shared, view, consensus, failed) = (
        shared.clone(),
        Rc::clone(view),
        consensus.clone(),
        failed.clone(),
    );
    let name = name.to_string();
    Callback::from(move |_: MouseEvent| {
        let agreed = agreed_assessment(
            &shared.pack,
            &shared.locale,
            &view,
            &consensus,
            &name,
            &clock::now(),
        )
        .assessment;
        let file = agreed_file(&agreed, &clock::today().iso(), shared.locale.language);
        failed.set(download::save(&file).is_err());
    })
}

#[derive(Properties, PartialEq)]
struct AgreeQuestionProps {
    question_id: String,
    view: Rc<Partnership>,
    agreement: Agreement,
}

/// One question: the agreed level (or "not agreed yet") and a note.
#[component]
fn AgreeQuestion(props: &AgreeQuestionProps) -> Html {
    let shared = use_shared();
    let words = &shared.locale.consensus;
    let Some((_, question)) = shared.pack.question(&props.question_id) else {
        return Html::default();
    };
    let base = shared.id(&format!("agree-{}", question.id));
    let agreement = &props.agreement;
    let range = props.view.question(&question.id).map(|q| {
        fill(
            words.level_hint,
            &[
                (
                    "lowest",
                    q.lowest().map_or("", |l| shared.pack.level_label(l)),
                ),
                (
                    "highest",
                    q.highest().map_or("", |l| shared.pack.level_label(l)),
                ),
            ],
        )
    });
    let on_note = {
        let (shared, question_id) = (shared.clone(), question.id.clone());
        Callback::from(move |note: String| {
            shared.edit_workshop(WorkshopEdit::AgreeNote {
                question_id: question_id.clone(),
                note,
            })
        })
    };
    // Each level, then "not agreed yet".
    let choices: Vec<Option<u8>> = LEVELS.iter().copied().map(Some).chain([None]).collect();
    let items = choices
        .iter()
        .map(|&level| RadioItem {
            id: format!(
                "{base}-{}",
                level.map_or("none".to_string(), |l| l.to_string())
            ),
            label: level.map_or_else(
                || words.not_agreed.to_string(),
                |l| format!("{} {}", l, shared.pack.level_label(l)),
            ),
            hint: None,
            checked: agreement.level == level,
        })
        .collect::<Vec<_>>();
    let on_choose = {
        let (shared, question_id) = (shared.clone(), question.id.clone());
        Callback::from(move |index: usize| {
            shared.edit_workshop(WorkshopEdit::AgreeLevel {
                question_id: question_id.clone(),
                level: choices.get(index).copied().flatten(),
            })
        })
    };
    let hint_id = format!("{base}-hint");
    html! {
        <div class="rts-consensus__question">
            <div class="rts-when-near">
                <fieldset class="rts-fieldset" aria-describedby={range.as_ref().map(|_| hint_id.clone())}>
                    <legend class="rts-fieldset__legend rts-fieldset__legend--s">{ &question.text }</legend>
                    if let Some(range) = &range {
                        <p class="rts-hint" id={hint_id}>{ range }</p>
                    }
                    <Radios name={format!("{base}-level")} class="rts-radios--small" {items} {on_choose} />
                    // Inside its question's group, and named with the question,
                    // so each of the 51 notes says which question it is for.
                    <TextField id={format!("{base}-note")} label={words.note_label}
                        aria_label={fill(words.note_label_for, &[("question", &question.text)])}
                        field_name={words.note_field} rows={2} value={agreement.note.clone()}
                        limit={MAX_AGREEMENT_CHARS} on_input={on_note} />
                </fieldset>
            </div>
        </div>
    }
}
