//! The action plan on the summary: the priority actions and "find out"
//! actions, the top five first and the rest behind "Show all", each with an
//! owner, a target month, a status and a note. Each change is dispatched to
//! the reducer, which calls the model, and saved like an answer. Also the
//! earlier plan in "Compare with an earlier assessment".

use yew::prelude::*;

use crate::components::document::inlines;
use crate::components::fields::text::TextField;
use crate::components::heading::Heading;
use crate::components::shared::use_shared;
use crate::effects::events::change_value;
use crate::model::locale::fill;
use crate::model::plan::{
    check, plan_view, PlanEdit, PlanItem, Status, MAX_OWNER_CHARS, MAX_PLAN_NOTE_CHARS, TOP_ACTIONS,
};
use crate::model::render::plan::{item_text, owner_text, progress_text, status_text, target_text};
use crate::model::render::{guide_inlines, SummaryReport};
use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct ActionPlanProps {
    pub state: UseReducerHandle<State>,
}

/// The plan: current actions (top five, then all), then other entries.
#[component]
pub fn ActionPlan(props: &ActionPlanProps) -> Html {
    let shared = use_shared();
    let show_all = use_state(|| false);
    let assessment = &props.state.assessment;
    let date = String::new();
    let report = SummaryReport::new(&shared.pack, &shared.locale, assessment, &date);
    let view = plan_view(&shared.pack, &shared.locale, assessment, &report.summary);
    let p = &shared.locale.plan;
    let total = view.current.len();
    let shown = if *show_all {
        total
    } else {
        total.min(TOP_ACTIONS)
    };
    let list_id = shared.id("plan-list");
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };

    html! {
        <div class="rts-plan">
            <Heading level={2} class="rts-heading--m">{ &p.heading }</Heading>
            if total == 0 {
                <p class="rts-body">{ &shared.locale.report.no_actions }</p>
            } else {
                <p class="rts-body">{ &p.intro }</p>
                <p class="rts-body rts-secondary" role="status">{ progress_text(&report, &view) }</p>
                <ol class="rts-list rts-plan__list" id={list_id.clone()}>
                    { for view.current.iter().take(shown).enumerate().map(|(i, item)| html! {
                        <PlanAction key={format!("{}:{}", item.id.question_id, item.id.step.as_str())}
                            number={i + 1} item={item.clone()} />
                    }) }
                </ol>
                if total > TOP_ACTIONS {
                    <button type="button" class="rts-button rts-button--secondary rts-no-print"
                        aria-expanded={(*show_all).to_string()} aria-controls={list_id}
                        onclick={toggle}>
                        { if *show_all {
                            fill(p.show_top, &[("count", &TOP_ACTIONS.to_string())])
                        } else {
                            fill(p.show_all, &[("count", &total.to_string())])
                        } }
                    </button>
                }
            }
            if !view.other.is_empty() {
                <Heading level={3} class="rts-heading--s">{ &p.other_heading }</Heading>
                <p class="rts-body">{ &p.other_intro }</p>
                <ul class="rts-list rts-list--bullet rts-plan__other">
                    { for view.other.iter().map(|item| html! {
                        <li>
                            <strong>{ item_text(item) }</strong>
                            if !item.action.is_empty() {
                                <br /><span class="rts-secondary">{ &item.why }</span>
                            }
                            <br />
                            { format!("{}: {}. {}: {}. {}: {}.",
                                p.owner, owner_text(&report, &item.entry.owner),
                                p.target, target_text(&report, &item.entry.target),
                                p.status, status_text(&report, item.entry.status)) }
                            if !item.entry.note.trim().is_empty() {
                                <br /><span class="rts-secondary">{ format!("{}: {}", p.note, item.entry.note.trim()) }</span>
                            }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PlanActionProps {
    number: usize,
    item: PlanItem,
}

/// One action: what to do, why, its guidance, and the plan's four fields in
/// a fieldset named by the action.
#[component]
fn PlanAction(props: &PlanActionProps) -> Html {
    let shared = use_shared();
    let p = &shared.locale.plan;
    let item = &props.item;
    let base = shared.id(&format!(
        "plan-{}-{}",
        item.id.question_id,
        item.id.step.as_str()
    ));
    let legend_id = format!("{base}-legend");
    let send = {
        let shared = shared.clone();
        let id = item.id.clone();
        move |edit: PlanEdit| shared.edit_plan(id.clone(), edit)
    };
    let on_status = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            let status = match change_value(&e).as_str() {
                "in-progress" => Status::InProgress,
                "done" => Status::Done,
                _ => Status::NotStarted,
            };
            send(PlanEdit::Status(status));
        })
    };
    // "Guidance:" and its links, after the line break the reports start with.
    let guides = guide_inlines(&shared.pack, &shared.locale, &item.guidance);
    let theme = item
        .theme_id
        .as_deref()
        .and_then(|t| shared.pack.theme(t))
        .map(|t| t.title.clone())
        .unwrap_or_default();
    html! {
        <li class="rts-plan__item">
            <fieldset class="rts-fieldset rts-plan__fieldset" aria-labelledby={legend_id.clone()}>
                <legend class="rts-fieldset__legend rts-plan__legend" id={legend_id}>
                    <span class="rts-plan__number">{ format!("{}. ", props.number) }</span>
                    <span class="rts-plan__action">{ item_text(item) }</span>
                </legend>
                <p class="rts-body rts-secondary rts-plan__why">
                    { if theme.is_empty() { item.why.clone() } else { format!("{} ({theme})", item.why) } }
                </p>
                if !guides.is_empty() {
                    <p class="rts-body rts-actions__guides">
                        { inlines(&guides[1..], shared.locale.common.opens_in_new_tab, None) }
                    </p>
                }
                <div class="rts-plan__fields">
                    <TextField id={format!("{base}-owner")} class="rts-plan__field" label={p.owner}
                        hint={p.owner_hint} autocomplete="off"
                        value={item.entry.owner.clone()} limit={MAX_OWNER_CHARS}
                        on_input={{ let send = send.clone(); Callback::from(move |v: String| send(PlanEdit::Owner(v))) }} />
                    <PlanMonth id={format!("{base}-target")} value={item.entry.target.clone()}
                        on_change={{ let send = send.clone(); Callback::from(move |v: String| send(PlanEdit::Target(v))) }} />
                    <div class="rts-form-group rts-plan__field">
                        <label class="rts-label" for={format!("{base}-status")}>{ &p.status }</label>
                        <select class="rts-select" id={format!("{base}-status")} onchange={on_status}>
                            { for Status::ALL.iter().map(|s| html! {
                                <option value={s.as_str()} selected={*s == item.entry.status}>
                                    { match s { Status::NotStarted => &p.not_started, Status::InProgress => &p.in_progress, Status::Done => &p.done } }
                                </option>
                            }) }
                        </select>
                    </div>
                    <TextField id={format!("{base}-note")} class="rts-plan__field" label={p.note}
                        rows={2} value={item.entry.note.clone()} limit={MAX_PLAN_NOTE_CHARS}
                        on_input={Callback::from(move |v: String| send(PlanEdit::Note(v)))} />
                </div>
            </fieldset>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct PlanMonthProps {
    id: String,
    value: AttrValue,
    on_change: Callback<String>,
}

/// The target month: the browser's month picker (`YYYY-MM`). A value it
/// cannot hold (from a file) is shown beside it, as written.
#[component]
fn PlanMonth(props: &PlanMonthProps) -> Html {
    let shared = use_shared();
    let p = &shared.locale.plan;
    let error = use_state(|| false);
    let onchange = {
        let on_change = props.on_change.clone();
        let error = error.clone();
        Callback::from(move |e: Event| {
            let value = change_value(&e);
            let ok = check(&PlanEdit::Target(value.clone())).is_ok();
            error.set(!ok);
            if ok {
                on_change.emit(value);
            }
        })
    };
    let kept = (!props.value.is_empty() && crate::model::plan::month(&props.value).is_none())
        .then(|| props.value.to_string());
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("rts-form-group", "rts-plan__field", error.then_some("rts-form-group--error"))}>
            <label class="rts-label" for={props.id.clone()}>{ &p.target }</label>
            if *error {
                <p class="rts-error-message" id={error_id.clone()}>{ &p.not_a_month }</p>
            }
            if let Some(kept) = kept {
                <p class="rts-hint">{ kept }</p>
            }
            <input class="rts-input rts-input--month" type="month" id={props.id.clone()}
                aria-describedby={error.then_some(error_id)}
                value={props.value.clone()} {onchange} />
        </div>
    }
}
