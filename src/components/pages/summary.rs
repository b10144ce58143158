use std::rc::Rc;

use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::compare::CompareSection;
use crate::components::document::Screen;
use crate::components::downloads::Downloads;
use crate::components::heading::Heading;
use crate::components::plan::ActionPlan;
use crate::components::shared::Shared;
use crate::effects::download::watch_print;
use crate::hooks::{use_shared, use_summary};
use crate::model::document::SlotId;
use crate::model::render::{plan, summary, SummaryReport};
use crate::state::{Action, State, Step};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub state: UseReducerHandle<State>,
}

/// The summary's document (the same one the HTML and Markdown downloads
/// show), with the editable plan, the comparison's file picker and the
/// downloads in their slots.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let shared = use_shared();
    let assessment = &props.state.assessment;
    let summary = use_summary(assessment);
    let date = props.state.today.in_words(&shared.locale);
    let mut report = SummaryReport::with_summary(
        &shared.pack,
        &shared.locale,
        assessment,
        Rc::clone(&summary),
        &date,
    );
    if let Some(earlier) = &props.state.earlier {
        report = report.with_comparison(earlier);
    }
    let document = summary::document(&report);
    let print_ready = use_print_ready();
    let on_print = {
        let print_ready = print_ready.clone();
        Callback::from(move |_: ()| print_ready.set(true))
    };

    let slot = |slot: SlotId, shown: Html| match slot {
        // On screen, the plan to change; in print, every action as text
        // (the report's plan table: owner, month in words, status, note),
        // not as form controls.
        SlotId::Plan if !*print_ready => html! {
            <div class="rts-no-print"><ActionPlan state={props.state.clone()} summary={Rc::clone(&summary)} /></div>
        },
        SlotId::Plan => html! {
            <>
                <div class="rts-no-print"><ActionPlan state={props.state.clone()} summary={Rc::clone(&summary)} /></div>
                <div class="rts-print-only rts-plan-print">{ printed_plan(&shared, &report) }</div>
            </>
        },
        SlotId::Compare => comparison(&shared, &props.state, shown),
        SlotId::Downloads => html! {
            <Downloads assessment={assessment.clone()} summary={Rc::clone(&summary)} earlier={props.state.earlier.clone()}
                blocked={!props.state.over_limit.is_empty()}
                print_ready={*print_ready} on_print_ready={on_print.clone()} />
        },
    };
    let id = |name: &str| shared.id(&format!("summary-{name}"));
    let screen = Screen::new(&id, shared.locale.common.opens_in_new_tab, &slot);

    html! {
        <section class="rts-page rts-summary">
            <div class="rts-no-print">
                <BackLink to={Step::Tasks} />
            </div>
            <Heading level={1} class="rts-heading--l">{ &document.title }</Heading>
            { screen.blocks(&document.blocks, false) }
            // The host asked for the results (results-event): say they went.
            if shared.results_event {
                <p class="rts-body rts-secondary rts-no-print">{ &shared.locale.ui.results_event_sent }</p>
            }
        </section>
    }
}

/// Whether to draw the print-only plan: it holds every action's text, which
/// a large plan makes slow to draw, so it is drawn only once printing is
/// asked for (by the browser, or by the print button through
/// `on_print_ready`).
#[hook]
fn use_print_ready() -> UseStateHandle<bool> {
    let print_ready = use_state_eq(|| false);
    {
        let print_ready = print_ready.clone();
        use_effect_with((), move |_| {
            let watch = watch_print(move || print_ready.set(true));
            move || drop(watch)
        });
    }
    print_ready
}

/// Every action of the plan as text, for print: the report's plan blocks,
/// with ids of their own so they do not clash with the screen's.
fn printed_plan(shared: &Shared, report: &SummaryReport) -> Html {
    let print_id = |name: &str| shared.id(&format!("summary-print-{name}"));
    let as_shown = |_: SlotId, shown: Html| shown;
    Screen::new(&print_id, shared.locale.common.opens_in_new_tab, &as_shown)
        .blocks(&plan::blocks(report), false)
}

/// The comparison with an earlier assessment (`shown`, the document's own
/// blocks) and the button that removes it, or the file picker that asks
/// for one.
fn comparison(shared: &Shared, state: &State, shown: Html) -> Html {
    let comparison = html! {
        <>
            { shown }
            <button type="button" class="rts-button rts-button--secondary rts-no-print"
                onclick={shared.on(Action::ClearEarlier)}>
                { &shared.locale.ui.compare_remove }
            </button>
        </>
    };
    html! {
        <CompareSection has_earlier={state.earlier.is_some()}
            problem={state.earlier_problem.clone()} {comparison} />
    }
}
