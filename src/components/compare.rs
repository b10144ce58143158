use yew::prelude::*;

use crate::components::heading::Heading;
use crate::components::open_file::{ChosenFiles, FilePicker};
use crate::components::shared::use_shared;
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
}

/// Comparing with an earlier assessment: the file picker, or what changed
/// theme by theme and question by question. Directions are given in words.
#[component]
pub fn CompareSection(props: &CompareProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let on_files = {
        let shared = shared.clone();
        Callback::from(move |files: ChosenFiles| {
            if let Some((_, text)) = files.into_iter().next() {
                let opened = text.and_then(|bytes| read_assessment_bytes(&bytes, &shared.pack));
                shared.send(Action::Earlier(opened));
            }
        })
    };
    html! {
        <div class="rts-compare">
            <Heading level={2} class="rts-heading--m">{ &ui.compare_heading }</Heading>
            if let Some(problem) = &props.problem {
                <p class="rts-error-message" role="alert">{ shared.locale.file_problem(problem) }</p>
            }
            if !props.has_earlier {
                <p class="rts-body">{ &ui.compare_body }</p>
                <FilePicker id="earlier-file" label={ui.compare_label}
                    hint={ui.compare_hint} {on_files} />
            }
        </div>
    }
}

/// What changed since the earlier assessment.
pub fn comparison_view(report: &Report, on_remove: Callback<MouseEvent>) -> Html {
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
            <Heading level={2} class="rts-heading--m">{ &c.heading }</Heading>
            <p class="rts-body">{ intro(locale, comparison) }</p>
            if !comparison.has_changes() {
                <p class="rts-body">{ &c.no_changes }</p>
            }
            <div class="rts-table-wrapper">
                <table class="rts-table">
                    <caption class="rts-table__caption">{ &c.table_caption }</caption>
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
