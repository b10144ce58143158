use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::fields::file_picker::{ChosenFiles, FilePicker};
use crate::components::heading::Heading;
use crate::components::shared::use_shared;
use crate::effects::focus::{focus_and_scroll, Scroll};
use crate::model::compare::Change;
use crate::model::file::{read_assessment_bytes, FileProblem};
use crate::model::render::compare::{done_because, intro, question_change_text, table_rows};
use crate::model::render::Report;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// Whether an earlier file is open (then the comparison is shown instead).
    pub has_earlier: bool,
    pub problem: Option<FileProblem>,
    /// What changed, shown here, where the earlier file was chosen.
    #[prop_or_default]
    pub comparison: Html,
}

/// Comparing with an earlier assessment: the file picker, or in its place
/// what changed theme by theme and question by question. When the
/// comparison appears or goes, focus moves to the heading of what is now
/// there, so it is read out and nothing changes out of sight.
#[component]
pub fn CompareSection(props: &CompareProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let section = use_node_ref();
    let was_comparing = use_mut_ref(|| props.has_earlier);
    {
        let (section, was_comparing) = (section.clone(), was_comparing.clone());
        use_effect_with(props.has_earlier, move |comparing| {
            let before = std::mem::replace(&mut *was_comparing.borrow_mut(), *comparing);
            if before != *comparing {
                focus_heading(&section);
            }
        });
    }
    let on_files = {
        let shared = shared.clone();
        Callback::from(move |files: ChosenFiles| {
            if let Some((_, text)) = files.into_iter().next() {
                let opened = text.and_then(|bytes| read_assessment_bytes(&bytes, &shared.pack));
                shared.send(Action::Earlier(opened));
            }
        })
    };
    let errors = props
        .problem
        .iter()
        .map(|p| {
            (
                shared.locale.file_problem_in(&shared.pack, p),
                shared.id("earlier-file"),
            )
        })
        .collect::<Vec<_>>();
    html! {
        <div class="rts-compare" ref={section}>
            if props.has_earlier {
                { props.comparison.clone() }
            } else {
                // The controls do not print: a heading without its control
                // would make no sense on paper.
                <div class="rts-no-print">
                    <Heading level={2} class="rts-heading--m" focusable=true>{ &ui.compare_heading }</Heading>
                    if !errors.is_empty() {
                        <ErrorSummary {errors} />
                    }
                    <p class="rts-body">{ &ui.compare_body }</p>
                    <FilePicker id="earlier-file" label={ui.compare_label}
                        hint={ui.compare_hint} {on_files} error={props.problem.clone()} />
                </div>
            }
        </div>
    }
}

/// What appeared is below its heading: bring the heading to the top.
fn focus_heading(section: &NodeRef) {
    focus_and_scroll(section, ".rts-focus-heading", Scroll::Start);
}

/// What changed since the earlier assessment.
/// `caption_id` names the table's scrolling region.
pub fn comparison_view(report: &Report, on_remove: Callback<MouseEvent>, caption_id: &str) -> Html {
    let Some(comparison) = &report.comparison else {
        return Html::default();
    };
    let locale = report.locale;
    let c = &locale.compare;
    let rows = table_rows(report, comparison);
    let changes = [
        Change::MovedUp,
        Change::MovedDown,
        Change::NewlyAnswered,
        Change::NoLongerAnswered,
    ];
    html! {
        <div class="rts-comparison">
            <Heading level={2} class="rts-heading--m" focusable=true>{ &c.heading }</Heading>
            <p class="rts-body">{ intro(locale, comparison) }</p>
            if !comparison.has_changes() {
                <p class="rts-body">{ &c.no_changes }</p>
            }
            <div class="rts-table-wrapper" role="region" aria-labelledby={caption_id.to_string()} tabindex="0">
                <table class="rts-table rts-table--compare">
                    <caption class="rts-table__caption" id={caption_id.to_string()}>{ &c.table_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="rts-table__header">{ &locale.report.theme }</th>
                            <th scope="col" class="rts-table__header">{ &c.then }</th>
                            <th scope="col" class="rts-table__header">{ &c.now }</th>
                            <th scope="col" class="rts-table__header">{ &c.change }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|[label, then, now, change]| html! {
                            <tr>
                                <th scope="row" class="rts-table__header">{ label }</th>
                                <td class="rts-table__cell">{ then }</td>
                                <td class="rts-table__cell">{ now }</td>
                                <td class="rts-table__cell">{ change }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { for changes.iter().filter(|change| comparison.count(**change) > 0).map(|change| html! {
                <>
                    <Heading level={3} class="rts-heading--s">
                        { format!("{} ({})", crate::model::render::compare::change_text(locale, *change), comparison.count(*change)) }
                    </Heading>
                    <ul class="rts-list rts-list--bullet">
                        { for comparison.with_change(*change).map(|q| html! { <li>{ question_change_text(report, q) }</li> }) }
                    </ul>
                </>
            }) }
            <Heading level={3} class="rts-heading--s">{ &c.done_heading }</Heading>
            if comparison.done_actions.is_empty() {
                <p class="rts-body">{ &c.no_done }</p>
            } else {
                <ul class="rts-list rts-list--bullet">
                    { for comparison.done_actions.iter().map(|d| html! {
                        <li><strong>{ &d.action }</strong><br />
                            <span class="rts-secondary">{ done_because(report, d) }</span></li>
                    }) }
                </ul>
            }
            if !comparison.earlier_unmatched.is_empty() {
                <Heading level={3} class="rts-heading--s">{ &c.unmatched_heading }</Heading>
                <p class="rts-body">{ &c.unmatched_intro }</p>
                <ul class="rts-list rts-list--bullet">
                    { for comparison.earlier_unmatched.iter().map(|u| html! {
                        <li>{ crate::model::locale::fill(c.unmatched_item, &[
                            ("question", report.question_text(&u.question_id)),
                            ("answer", report.response_label(u.answer.response)),
                        ]) }</li>
                    }) }
                </ul>
            }
            { crate::components::plan::earlier_plan_view(report) }
            <button type="button" class="rts-button rts-button--secondary rts-no-print" onclick={on_remove}>
                { &locale.ui.compare_remove }
            </button>
        </div>
    }
}
