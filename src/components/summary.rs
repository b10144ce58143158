use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::case_studies::CaseStudyList;
use crate::components::chart::Chart;
use crate::components::compare::{comparison_view, CompareSection};
use crate::components::downloads::Downloads;
use crate::components::heading::Heading;
use crate::components::plan::ActionPlan;
use crate::components::shared::use_shared;
use crate::model::render::Report;
use crate::state::{Action, State, Step};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub state: UseReducerHandle<State>,
}

/// The readiness profile, band, strengths, actions, case studies and story,
/// then the downloads.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let r = &shared.locale.report;
    let assessment = &props.state.assessment;
    let date = props.state.today.in_words(&shared.locale);
    let mut report = Report::new(&shared.pack, &shared.locale, assessment, &date);
    if let Some(earlier) = &props.state.earlier {
        report = report.with_comparison(earlier);
    }
    let summary = &report.summary;

    let band = html! {
        <div class="rts-panel">
            if let (Some(band), Some(score)) = (summary.profile.band, summary.profile.overall) {
                <p class="rts-panel__title">{ shared.locale.band(band) }</p>
                <p class="rts-panel__body">{ crate::model::locale::fill(r.overall_score, &[("score", &score.rounded_in_band().to_string())]) }</p>
                <p class="rts-panel__body">{ shared.locale.band_means(band) }</p>
            } else {
                <p class="rts-panel__body">{ &shared.locale.bands.not_yet }</p>
            }
        </div>
    };

    let caption_id = shared.id("profile-caption");
    let table = html! {
        <div class="rts-table-wrapper" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
        <table class="rts-table">
            <caption class="rts-table__caption" id={caption_id}>{ &r.chart_title }</caption>
            <thead>
                <tr>
                    <th scope="col" class="rts-table__header">{ &r.theme }</th>
                    <th scope="col" class="rts-table__header rts-table__header--numeric">{ &r.score }</th>
                    <th scope="col" class="rts-table__header rts-table__header--numeric">{ &r.answered }</th>
                    <th scope="col" class="rts-table__header rts-table__header--numeric">{ &r.not_sure }</th>
                    <th scope="col" class="rts-table__header rts-table__header--numeric">{ &r.unanswered }</th>
                </tr>
            </thead>
            <tbody>
                { for summary.profile.themes.iter().map(|t| html! {
                    <tr>
                        <th scope="row" class="rts-table__header">{ report.theme_title(&t.theme_id) }</th>
                        <td class="rts-table__cell rts-table__cell--numeric">{ report.score_text(t.score) }</td>
                        <td class="rts-table__cell rts-table__cell--numeric">{ t.scored }</td>
                        <td class="rts-table__cell rts-table__cell--numeric">{ t.not_sure }</td>
                        <td class="rts-table__cell rts-table__cell--numeric">{ t.unanswered }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
    };

    let strengths = if summary.strengths.is_empty() {
        html! { <p class="rts-body">{ &r.no_strengths }</p> }
    } else {
        html! {
            <ul class="rts-list rts-list--bullet">
                { for summary.strengths.iter().map(|s| html! {
                    <li>
                        { report.question_text(&s.question_id) }
                        <span class="rts-secondary">{ format!(" ({}: {})", report.theme_title(&s.theme_id), shared.pack.level_label(s.level)) }</span>
                    </li>
                }) }
            </ul>
        }
    };

    let case_studies = if summary.case_studies.is_empty() {
        html! { <p class="rts-body">{ &r.no_case_studies }</p> }
    } else {
        html! {
            <CaseStudyList items={summary.case_studies.iter().map(|m| (m.case_study_id.clone(), m.reasons.iter().map(|r| report.reason_text(r)).collect::<Vec<_>>().join(" "))).collect::<Vec<_>>()} />
        }
    };

    html! {
        <section class="rts-page rts-summary">
            <div class="rts-no-print">
                <BackLink on_click={shared.on(Action::Go(Step::Tasks))} />
            </div>
            <Heading level={1} class="rts-heading--l">{ report.title() }</Heading>
            <p class="rts-body rts-secondary">{ report.generated() }</p>
            <Heading level={2} class="rts-heading--m">{ &r.overall_heading }</Heading>
            { band }
            <details class="rts-details rts-no-print">
                <summary class="rts-details__summary">{ &ui.how_worked_out }</summary>
                <p class="rts-details__text">{ &shared.locale.bands.method }</p>
            </details>
            // Printed open: a closed disclosure prints as its summary alone.
            <div class="rts-print-only">
                <p class="rts-body rts-body--bold">{ &ui.how_worked_out }</p>
                <p class="rts-body">{ &shared.locale.bands.method }</p>
            </div>
            <Heading level={2} class="rts-heading--m">{ &r.profile_heading }</Heading>
            <figure class="rts-figure">
                <Chart profile={summary.profile.clone()} />
            </figure>
            { table }
            <Heading level={2} class="rts-heading--m">{ &r.strengths_heading }</Heading>
            { strengths }
            <ActionPlan state={props.state.clone()} />
            <Heading level={2} class="rts-heading--m">{ &r.case_studies_heading }</Heading>
            { case_studies }
            if !assessment.story.trim().is_empty() {
                <Heading level={2} class="rts-heading--m">{ &r.story_heading }</Heading>
                <p class="rts-body rts-body--note">{ assessment.story.trim() }</p>
            }
            <CompareSection has_earlier={props.state.earlier.is_some()}
                problem={props.state.earlier_problem.clone()}
                comparison={comparison_view(&report, shared.on(Action::ClearEarlier), &shared.id("compare-caption"))} />
            <Downloads assessment={assessment.clone()} earlier={props.state.earlier.clone()} />
            <p class="rts-body rts-secondary">{ &r.privacy }</p>
        </section>
    }
}
