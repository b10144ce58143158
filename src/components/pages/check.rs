use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::heading::Heading;
use crate::components::shared::Shared;
use crate::hooks::use_shared;
use crate::model::assessment::{Assessment, Context, Response};
use crate::model::content::Theme;
use crate::model::locale::Ui;
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
    let assessment = &props.state.assessment;
    let themes = shared.pack.themes.iter().enumerate().map(|(theme_index, theme)| {
        html! {
            <>
                <Heading level={2} class="rts-heading--m">{ &theme.title }</Heading>
                <dl class="rts-summary-list">{ theme_rows(&shared, assessment, theme_index, theme) }</dl>
            </>
        }
    });

    html! {
        <section class="rts-page rts-check">
            <BackLink to={Step::Tasks} />
            <Heading level={1} class="rts-heading--l">{ &ui.check_heading }</Heading>
            <Heading level={2} class="rts-heading--m">{ &ui.about_heading }</Heading>
            <dl class="rts-summary-list">
                { about_rows(&shared, &assessment.context) }
            </dl>
            { for themes }
            <Heading level={2} class="rts-heading--m">{ &ui.story_heading }</Heading>
            <dl class="rts-summary-list">
                <Row key_text={ui.story_heading}
                    value={html! { <p class="rts-body rts-body--note">{ or_none(ui, &assessment.story) }</p> }}
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

/// A theme's questions, each with its answer (and note) and a link to
/// change it on the theme's page.
fn theme_rows(shared: &Shared, assessment: &Assessment, theme_index: usize, theme: &Theme) -> Html {
    let ui = &shared.locale.ui;
    let rows = theme.questions.iter().map(|q| {
        let response = assessment.response(&q.id);
        let answer = match response {
            Some(Response::Level(level)) => format!("{} {}", level, shared.pack.level_label(level)),
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
    rows.collect()
}

/// The "About your area" answers, each with a link back to that page.
fn about_rows(shared: &Shared, context: &Context) -> Html {
    let ui = &shared.locale.ui;
    let text_value = |text: String| html! { <p class="rts-body rts-body--note">{ text }</p> };
    let rows = [
        (&ui.about_area, text_value(or_none(ui, &context.area))),
        (
            &ui.about_organisation,
            text_value(or_none(ui, &context.organisation)),
        ),
        (
            &ui.about_partners,
            text_value(or_none(ui, &context.partners)),
        ),
        (
            &ui.about_nation,
            text_value(or_none(ui, shared.locale.nation(context.nation))),
        ),
        (&ui.about_policy_areas, policy_areas_value(shared, context)),
    ];
    rows.into_iter()
        .map(|(label, value)| {
            html! {
                <Row key_text={label.to_string()} {value}
                    change_what={label.to_string()} on_change={shared.on(Action::ChangeFromCheck(Step::About))} />
            }
        })
        .collect()
}

/// The policy areas chosen, each on a line of its own (a label may hold a
/// comma), or "Not given".
fn policy_areas_value(shared: &Shared, context: &Context) -> Html {
    let areas: Vec<&str> = context
        .policy_areas
        .iter()
        .filter_map(|id| shared.pack.policy_area_label(id))
        .collect();
    if areas.is_empty() {
        html! { <p class="rts-body rts-body--note">{ shared.locale.ui.not_given }</p> }
    } else {
        html! {
            <ul class="rts-list">
                { for areas.iter().map(|a| html! { <li>{ *a }</li> }) }
            </ul>
        }
    }
}

/// The text as typed, trimmed, or "Not given" when there is none.
fn or_none(ui: &Ui, text: &str) -> String {
    if text.trim().is_empty() {
        ui.not_given.to_string()
    } else {
        text.trim().to_string()
    }
}
