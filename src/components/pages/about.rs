use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::fields::checkboxes::{CheckboxItem, Checkboxes};
use crate::components::fields::described_by;
use crate::components::fields::radios::{RadioItem, Radios};
use crate::components::fields::text::TextField;
use crate::components::heading::Heading;
use crate::components::shared::Shared;
use crate::hooks::use_shared;
use crate::model::assessment::Context;
use crate::model::content::Nation;
use crate::model::file::{MAX_NAME_CHARS, MAX_PARTNERS_CHARS};
use crate::state::{Action, Edit, Step};

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub context: Context,
    /// Came from a "Change" link: "Save and continue" goes back to Check
    /// your answers.
    #[prop_or_default]
    pub returning_to_check: bool,
}

/// About your area: all optional, saved as it is typed.
#[component]
pub fn About(props: &AboutProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let names = &shared.locale.fields;
    let context = &props.context;
    let change = |set: fn(&mut Context, String)| change_context(&shared, context, set);

    html! {
        <section class="rts-page rts-about">
            <BackLink to={if props.returning_to_check { Step::Check } else { Step::Start }} />
            <Heading level={1} class="rts-heading--l">{ &ui.about_heading }</Heading>
            <p class="rts-body">{ &ui.about_intro }</p>
            <TextField id={shared.id("area")} label={ui.about_area} hint={ui.about_area_hint}
                value={context.area.clone()} limit={MAX_NAME_CHARS} field_name={names.area}
                autocomplete="off" spellcheck="false" on_input={change(|c, v| c.area = v)} />
            <TextField id={shared.id("organisation")} label={ui.about_organisation}
                hint={ui.about_organisation_hint} value={context.organisation.clone()}
                limit={MAX_NAME_CHARS} field_name={names.organisation}
                autocomplete="organization" spellcheck="false"
                on_input={change(|c, v| c.organisation = v)} />
            <TextField id={shared.id("partners")} label={ui.about_partners} hint={ui.about_partners_hint}
                rows={4} value={context.partners.clone()} limit={MAX_PARTNERS_CHARS}
                field_name={names.partners} on_input={change(|c, v| c.partners = v)} />
            { nation_question(&shared, context) }
            { policy_areas_question(&shared, context) }
            <button type="button" class="rts-button"
                onclick={shared.on(Action::Continue(if props.returning_to_check { Step::Check } else { Step::Tasks }))}>
                { &ui.save_and_continue }
            </button>
        </section>
    }
}

/// Saves a change to one part of the context (`set` puts the new text in
/// its place), so each field changes only its own part.
fn change_context(
    shared: &Shared,
    context: &Context,
    set: fn(&mut Context, String),
) -> Callback<String> {
    let (shared, context) = (shared.clone(), context.clone());
    Callback::from(move |value: String| {
        let mut next = context.clone();
        set(&mut next, value);
        shared.edit(Edit::Context(next));
    })
}

/// Which nation the area is in: one of the choices, in a fieldset with a
/// hint.
fn nation_question(shared: &Shared, context: &Context) -> Html {
    let ui = &shared.locale.ui;
    let nation_id = shared.id("nation");
    let nation_hint_id = format!("{nation_id}-hint");
    let nation_items = Nation::CHOICES
        .iter()
        .map(|nation| RadioItem {
            id: shared.id(&format!("nation-{}", nation.id())),
            label: shared.locale.nation(*nation).to_string(),
            hint: None,
            checked: context.nation == *nation,
        })
        .collect::<Vec<_>>();
    let on_nation = {
        let (shared, context) = (shared.clone(), context.clone());
        Callback::from(move |index: usize| {
            let mut next = context.clone();
            next.nation = Nation::CHOICES.get(index).copied().unwrap_or_default();
            shared.edit(Edit::Context(next));
        })
    };
    html! {
        <div class="rts-form-group">
            <fieldset class="rts-fieldset" aria-describedby={described_by([Some(nation_hint_id.as_str())])}>
                <legend class="rts-fieldset__legend">{ &ui.about_nation }</legend>
                <p class="rts-hint" id={nation_hint_id.clone()}>{ &ui.about_nation_hint }</p>
                <Radios name={nation_id} items={nation_items} on_choose={on_nation} />
            </fieldset>
        </div>
    }
}

/// The pack's policy areas as checkboxes; each one ticked or unticked is
/// saved at once.
fn policy_areas_question(shared: &Shared, context: &Context) -> Html {
    let ui = &shared.locale.ui;
    let areas = &shared.pack.policy_areas;
    let on_toggle = {
        let (shared, context) = (shared.clone(), context.clone());
        let ids: Vec<String> = areas.iter().map(|a| a.id.clone()).collect();
        Callback::from(move |index: usize| {
            let mut next = context.clone();
            if let Some(id) = ids.get(index) {
                if !next.policy_areas.remove(id) {
                    next.policy_areas.insert(id.clone());
                }
            }
            shared.edit(Edit::Context(next));
        })
    };
    let items = areas
        .iter()
        .map(|area| CheckboxItem {
            id: shared.id(&format!("policy-{}", area.id)),
            label: area.label.clone(),
            checked: context.policy_areas.contains(&area.id),
        })
        .collect::<Vec<_>>();
    html! {
        <Checkboxes id={shared.id("policy-areas")} legend={ui.about_policy_areas}
            hint={ui.about_policy_areas_hint} {items} {on_toggle} />
    }
}
