use yew::prelude::*;

use crate::clock;
use crate::components::heading::{BackLink, Heading};
use crate::components::shared::{use_shared, Shared};
use crate::model::assessment::Context;
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

fn send_context(shared: &Shared, context: Context) {
    shared.send(Action::Edit {
        edit: Edit::Context(context),
        now: clock::now(),
    });
}

/// About your area: all optional, saved as it is typed.
#[component]
pub fn About(props: &AboutProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let context = &props.context;

    let text_field = |name: &str,
                      label: &str,
                      hint: &str,
                      value: &str,
                      autocomplete: &'static str,
                      set: fn(&mut Context, String)| {
        let id = shared.id(name);
        let hint_id = shared.id(&format!("{name}-hint"));
        let oninput = {
            let shared = shared.clone();
            let context = context.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next = context.clone();
                set(&mut next, input.value());
                send_context(&shared, next);
            })
        };
        html! {
            <div class="rts-form-group">
                <label class="rts-label" for={id.clone()}>{ label }</label>
                <p class="rts-hint" id={hint_id.clone()}>{ hint }</p>
                <input class="rts-input" type="text" id={id} value={value.to_string()}
                    maxlength={MAX_NAME_CHARS.to_string()}
                    aria-describedby={hint_id} {autocomplete} spellcheck="false" {oninput} />
            </div>
        }
    };

    let partners_id = shared.id("partners");
    let partners_hint = shared.id("partners-hint");
    let on_partners = {
        let shared = shared.clone();
        let context = context.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let mut next = context.clone();
            next.partners = input.value();
            send_context(&shared, next);
        })
    };

    let areas_hint = shared.id("policy-areas-hint");
    let areas = shared.pack.policy_areas.iter().map(|area| {
        let id = shared.id(&format!("policy-{}", area.id));
        let checked = context.policy_areas.contains(&area.id);
        let onchange = {
            let shared = shared.clone();
            let context = context.clone();
            let area_id = area.id.clone();
            Callback::from(move |_: Event| {
                let mut next = context.clone();
                if !next.policy_areas.remove(&area_id) {
                    next.policy_areas.insert(area_id.clone());
                }
                send_context(&shared, next);
            })
        };
        html! {
            <div class="rts-checkboxes__item">
                <input class="rts-checkboxes__input" type="checkbox" id={id.clone()} {checked} {onchange} />
                <label class="rts-label rts-checkboxes__label" for={id}>{ &area.label }</label>
            </div>
        }
    });

    html! {
        <section class="rts-page rts-about">
            <BackLink on_click={shared.on(Action::Go(if props.returning_to_check { Step::Check } else { Step::Start }))} />
            <Heading level={1} class="rts-heading--l">{ &ui.about_heading }</Heading>
            <p class="rts-body">{ &ui.about_intro }</p>
            { text_field("area", ui.about_area, ui.about_area_hint, &context.area, "off", |c, v| c.area = v) }
            { text_field("organisation", ui.about_organisation, ui.about_organisation_hint, &context.organisation, "organization", |c, v| c.organisation = v) }
            <div class="rts-form-group">
                <label class="rts-label" for={partners_id.clone()}>{ &ui.about_partners }</label>
                <p class="rts-hint" id={partners_hint.clone()}>{ &ui.about_partners_hint }</p>
                <textarea class="rts-textarea" id={partners_id} rows="4"
                    maxlength={MAX_PARTNERS_CHARS.to_string()}
                    aria-describedby={partners_hint} value={context.partners.clone()}
                    oninput={on_partners} />
            </div>
            <div class="rts-form-group">
                <fieldset class="rts-fieldset" aria-describedby={areas_hint.clone()}>
                    <legend class="rts-fieldset__legend">{ &ui.about_policy_areas }</legend>
                    <p class="rts-hint" id={areas_hint}>{ &ui.about_policy_areas_hint }</p>
                    <div class="rts-checkboxes">{ for areas }</div>
                </fieldset>
            </div>
            <button type="button" class="rts-button"
                onclick={shared.on(Action::Go(if props.returning_to_check { Step::Check } else { Step::Tasks }))}>
                { &ui.save_and_continue }
            </button>
        </section>
    }
}
