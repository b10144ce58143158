use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::heading::Heading;
use crate::hooks::use_shared;
use crate::model::assessment::Response;
use crate::state::{Action, State, Step};

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub state: UseReducerHandle<State>,
}

#[derive(Properties, PartialEq)]
struct RowProps {
    key_text: AttrValue,
    value: Html,
    /// What the change link changes, read out after "Change".
    change_what: AttrValue,
    on_change: Callback<MouseEvent>,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let shared = use_shared();
    html! {
        <div class="rts-summary-list__row">
            <dt class="rts-summary-list__key">{ &props.key_text }</dt>
            <dd class="rts-summary-list__value">{ props.value.clone() }</dd>
            <dd class="rts-summary-list__actions">
                <button type="button" class="rts-link-button" onclick={props.on_change.clone()}>
                    { &shared.locale.ui.change }
                    <span class="rts-visually-hidden">{ format!(" {}", props.change_what) }</span>
                </button>
            </dd>
        </div>
    }
}

/// Check your answers: every answer with a change link, grouped by theme.
#[component]
pub fn Check(props: &CheckProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let pack = &shared.pack;
    let assessment = &props.state.assessment;

    let themes = pack.themes.iter().enumerate().map(|(theme_index, theme)| {
        let rows = theme.questions.iter().map(|q| {
            let response = assessment.response(&q.id);
            let answer = match response {
                Some(Response::Level(level)) => format!("{} {}", level, pack.level_label(level)),
                Some(Response::NotSure) => shared.locale.common.not_sure.to_string(),
                None => shared.locale.common.not_answered.to_string(),
            };
            let note = assessment.note(&q.id);
            let value = html! {
                <>
                    <p class={classes!("rts-body", response.is_none().then_some("rts-body--missing"))}>{ answer }</p>
                    if !note.trim().is_empty() {
                        <p class="rts-body rts-body--note">{ format!("{}: {}", ui.note_short, note.trim()) }</p>
                    }
                </>
            };
            html! {
                <Row key_text={q.text.clone()} {value} change_what={q.text.clone()}
                    on_change={shared.on(Action::ChangeAnswer { theme: theme_index, question_id: q.id.clone() })} />
            }
        });
        html! {
            <>
                <Heading level={2} class="rts-heading--m">{ &theme.title }</Heading>
                <dl class="rts-summary-list">{ for rows }</dl>
            </>
        }
    });

    let context = &assessment.context;
    let areas: Vec<&str> = context
        .policy_areas
        .iter()
        .filter_map(|id| pack.policy_area_label(id))
        .collect();
    let or_none = |text: &str| {
        if text.trim().is_empty() {
            ui.not_given.to_string()
        } else {
            text.trim().to_string()
        }
    };
    let text_value = |text: String| html! { <p class="rts-body rts-body--note">{ text }</p> };
    // Each policy area on a line of its own: a label may hold a comma.
    let areas_value = if areas.is_empty() {
        text_value(ui.not_given.to_string())
    } else {
        html! {
            <ul class="rts-list">
                { for areas.iter().map(|a| html! { <li>{ *a }</li> }) }
            </ul>
        }
    };
    let about_rows = [
        (&ui.about_area, text_value(or_none(&context.area))),
        (
            &ui.about_organisation,
            text_value(or_none(&context.organisation)),
        ),
        (&ui.about_partners, text_value(or_none(&context.partners))),
        (
            &ui.about_nation,
            text_value(or_none(shared.locale.nation(context.nation))),
        ),
        (&ui.about_policy_areas, areas_value),
    ];

    html! {
        <section class="rts-page rts-check">
            <BackLink on_click={shared.on(Action::Go(Step::Tasks))} />
            <Heading level={1} class="rts-heading--l">{ &ui.check_heading }</Heading>
            <Heading level={2} class="rts-heading--m">{ &ui.about_heading }</Heading>
            <dl class="rts-summary-list">
                { for about_rows.into_iter().map(|(label, value)| html! {
                    <Row key_text={label.to_string()} {value}
                        change_what={label.to_string()} on_change={shared.on(Action::ChangeFromCheck(Step::About))} />
                }) }
            </dl>
            { for themes }
            <Heading level={2} class="rts-heading--m">{ &ui.story_heading }</Heading>
            <dl class="rts-summary-list">
                <Row key_text={ui.story_heading}
                    value={html! { <p class="rts-body rts-body--note">{ or_none(&assessment.story) }</p> }}
                    change_what={ui.story_heading} on_change={shared.on(Action::ChangeFromCheck(Step::Story))} />
            </dl>
            <div class="rts-button-group">
                <button type="button" class="rts-button" onclick={shared.on(Action::Go(Step::Story))}>
                    { &ui.continue_button }
                </button>
            </div>
        </section>
    }
}
