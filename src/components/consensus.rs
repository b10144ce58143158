//! Workshop consensus in the partnership view: for each question where
//! partners disagree, the level they agreed and a short note of why; then
//! "Download the agreed assessment", a normal assessment file for the
//! partnership. The rules are in `model::consensus`.

use std::rc::Rc;

use yew::prelude::*;

use crate::clock;
use crate::components::heading::Heading;
use crate::components::plan::PlanText;
use crate::components::shared::use_shared;
use crate::download;
use crate::model::consensus::{
    agreed_assessment, other_versions_text, suggested_name, Consensus, MAX_AGREEMENT_CHARS,
};
use crate::model::content::LEVELS;
use crate::model::file::{write_assessment, MAX_NAME_CHARS};
use crate::model::locale::fill;
use crate::model::partnership::Partnership;
use crate::model::render::file_name;

#[derive(Properties, PartialEq)]
pub struct ConsensusProps {
    pub view: Rc<Partnership>,
}

/// What partners agreed, question by question, and the agreed file.
#[component]
pub fn ConsensusSection(props: &ConsensusProps) -> Html {
    let shared = use_shared();
    let words = &shared.locale.consensus;
    let consensus = use_state(Consensus::default);
    let name = use_state(|| None::<String>);
    let view = &props.view;
    let name_now = (*name).clone().unwrap_or_else(|| suggested_name(view));

    // The disagreements, then any other question with an agreement kept
    // from before more files were added.
    let mut questions: Vec<String> = view.disagreements.clone();
    for id in consensus.agreed.keys() {
        if !questions.contains(id) && shared.pack.question(id).is_some() {
            questions.push(id.clone());
        }
    }

    let now = clock::now();
    let agreed = agreed_assessment(
        &shared.pack,
        &shared.locale,
        view,
        &consensus,
        &name_now,
        &now,
    );
    let versions = other_versions_text(&shared.pack, &shared.locale, &agreed);
    let on_download = {
        let agreed = Rc::new(agreed.assessment);
        Callback::from(move |_: MouseEvent| {
            let area = &agreed.context.area;
            let file = file_name(&format!("{area} agreed"), &clock::today(), "json");
            let _ = download::offer(&file, "application/json", &write_assessment(&agreed));
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |value: String| name.set(Some(value)))
    };
    let hint_id = shared.id("agreed-download-hint");

    html! {
        <div class="rts-consensus">
            <Heading level={2} class="rts-heading--m">{ &words.heading }</Heading>
            <p class="rts-body">{ &words.intro }</p>
            { for questions.iter().map(|id| {
                let consensus = consensus.clone();
                html! { <AgreeQuestion key={id.clone()} question_id={id.clone()} view={Rc::clone(view)} {consensus} /> }
            }) }
            <p class="rts-body">
                { fill(words.agreed_count, &[
                    ("count", &consensus.agreed_count().to_string()),
                    ("total", &shared.pack.question_count().to_string()),
                ]) }
            </p>
            <div class="rts-no-print">
                <PlanText id={shared.id("partnership-name")} label={words.name_label}
                    field={Some(AttrValue::from(words.name_field))}
                    hint={Some(AttrValue::from(words.name_hint))}
                    value={name_now.clone()} limit={MAX_NAME_CHARS} on_change={on_name} />
                if let Some(versions) = versions {
                    <div class="rts-notice rts-notice--warning">
                        <p class="rts-body">{ versions }</p>
                    </div>
                }
                <button type="button" class="rts-button" aria-describedby={hint_id.clone()}
                    onclick={on_download}>{ &words.download }</button>
                <p class="rts-hint" id={hint_id}>{ &words.download_hint }</p>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AgreeQuestionProps {
    question_id: String,
    view: Rc<Partnership>,
    consensus: UseStateHandle<Consensus>,
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
    let agreement = props
        .consensus
        .get(&question.id)
        .cloned()
        .unwrap_or_default();
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
    let choose = |level: Option<u8>| {
        let consensus = props.consensus.clone();
        let id = question.id.clone();
        Callback::from(move |_: Event| {
            let mut next = (*consensus).clone();
            next.set_level(&id, level);
            consensus.set(next);
        })
    };
    let on_note = {
        let consensus = props.consensus.clone();
        let id = question.id.clone();
        Callback::from(move |note: String| {
            let mut next = (*consensus).clone();
            if next.set_note(&id, &note).is_ok() {
                consensus.set(next);
            }
        })
    };
    let radio = |level: Option<u8>, label: String| {
        let id = format!(
            "{base}-{}",
            level.map_or("none".to_string(), |l| l.to_string())
        );
        html! {
            <div class="rts-radios__item">
                <input class="rts-radios__input" type="radio" id={id.clone()} name={format!("{base}-level")}
                    checked={agreement.level == level} onchange={choose(level)} />
                <label class="rts-label rts-radios__label" for={id}>{ label }</label>
            </div>
        }
    };
    let hint_id = format!("{base}-hint");
    html! {
        <div class="rts-consensus__question">
            <fieldset class="rts-fieldset" aria-describedby={range.as_ref().map(|_| hint_id.clone())}>
                <legend class="rts-fieldset__legend rts-fieldset__legend--s">{ &question.text }</legend>
                if let Some(range) = &range {
                    <p class="rts-hint" id={hint_id}>{ range }</p>
                }
                <div class="rts-radios rts-radios--small">
                    { for LEVELS.iter().map(|&l| radio(Some(l), format!("{} {}", l, shared.pack.level_label(l)))) }
                    { radio(None, words.not_agreed.to_string()) }
                </div>
            </fieldset>
            <PlanText id={format!("{base}-note")} label={words.note_label}
                field={Some(AttrValue::from(words.note_field))} hint={None::<AttrValue>}
                multiline=true value={agreement.note.clone()} limit={MAX_AGREEMENT_CHARS} on_change={on_note} />
        </div>
    }
}
