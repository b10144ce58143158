use std::rc::Rc;

use yew::prelude::*;

use crate::clock;
use crate::components::case_studies::CaseStudyList;
use crate::components::consensus::ConsensusSection;
use crate::components::heading::{BackLink, Heading};
use crate::components::open_file::{ChosenFiles, FilePicker};
use crate::components::shared::{use_shared, Shared};
use crate::download;
use crate::model::assessment::Response;
use crate::model::file::FileProblem;
use crate::model::locale::fill;
use crate::model::partnership::{partnership, Partnership};
use crate::model::render::file_name;
use crate::model::render::partnership::{csv, html, json, PartnershipReport};
use crate::state::{Action, Step};

/// The files chosen so far: those read, and those that could not be read.
#[derive(Clone, Default, PartialEq)]
struct Chosen {
    read: Vec<(String, Vec<u8>)>,
    unreadable: Vec<(String, FileProblem)>,
}

impl Chosen {
    /// Adds files; one with the same name as an earlier one replaces it.
    fn add(&self, files: ChosenFiles) -> Chosen {
        let mut next = self.clone();
        for (name, text) in files {
            next.read.retain(|(n, _)| *n != name);
            next.unreadable.retain(|(n, _)| *n != name);
            match text {
                Ok(text) => next.read.push((name, text)),
                Err(problem) => next.unreadable.push((name, problem)),
            }
        }
        next
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Html,
    Csv,
    Json,
}

/// The partnership view of the chosen files. Files that could not even be
/// read (too large) join the files that did not open, so every list, on
/// screen and in the downloads, names them the same way.
fn view_of(shared: &Shared, chosen: &Chosen, anonymise: bool) -> Partnership {
    let mut view = partnership(&shared.pack, &shared.locale, &chosen.read, anonymise);
    view.failed.splice(0..0, chosen.unreadable.iter().cloned());
    view
}

fn offer(shared: &Shared, chosen: &Chosen, anonymise: bool, format: Format) {
    let view = view_of(shared, chosen, anonymise);
    let date = clock::today_in_words(&shared.locale);
    let report = PartnershipReport::new(&shared.pack, &shared.locale, &view, &date);
    let (extension, mime, contents) = match format {
        Format::Html => ("html", "text/html;charset=utf-8", html(&report)),
        Format::Csv => ("csv", "text/csv;charset=utf-8", csv(&report)),
        Format::Json => ("json", "application/json", json(&report)),
    };
    let name = file_name("partnership", &clock::today(), extension);
    let _ = download::offer(&name, mime, &contents);
}

/// The partnership view: several partners' files side by side, where they
/// disagree first. Everything is worked out on this device by the model.
#[component]
pub fn PartnershipPage() -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let words = &shared.locale.partnership;
    let chosen = use_state(Chosen::default);
    // Whether files were chosen and then all removed, to say so.
    let cleared = use_state(|| false);
    let anonymise = use_state(|| false);
    let view = {
        let shared = shared.clone();
        use_memo(
            ((*chosen).clone(), *anonymise),
            move |(chosen, anonymise)| view_of(&shared, chosen, *anonymise),
        )
    };
    let date = clock::today_in_words(&shared.locale);
    let report = PartnershipReport::new(&shared.pack, &shared.locale, &view, &date);

    let on_files = {
        let chosen = chosen.clone();
        let cleared = cleared.clone();
        Callback::from(move |files: ChosenFiles| {
            cleared.set(false);
            chosen.set(chosen.add(files));
        })
    };
    let page = use_node_ref();
    let on_clear = {
        let (chosen, page, cleared) = (chosen.clone(), page.clone(), cleared.clone());
        let input_id = shared.id("partnership-files");
        Callback::from(move |_: MouseEvent| {
            // The button goes with the files: focus moves to the file
            // field first, so it is not lost.
            let input = page
                .cast::<web_sys::Element>()
                .and_then(|p| p.query_selector(&format!("#{input_id}")).ok().flatten())
                .and_then(|i| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(i).ok());
            if let Some(input) = input {
                let _ = input.focus();
            }
            chosen.set(Chosen::default());
            cleared.set(true);
        })
    };
    let on_anonymise = {
        let anonymise = anonymise.clone();
        Callback::from(move |_: Event| anonymise.set(!*anonymise))
    };
    let download_button = |format: Format, label: &str| {
        let (shared, chosen, anonymise) = (shared.clone(), Rc::new((*chosen).clone()), *anonymise);
        let onclick =
            Callback::from(move |_: MouseEvent| offer(&shared, &chosen, anonymise, format));
        html! { <button type="button" class="rts-button rts-button--secondary" {onclick}>{ label }</button> }
    };
    let file_count = chosen.read.len() + chosen.unreadable.len();
    let failed: Vec<(String, String)> = view
        .failed
        .iter()
        .enumerate()
        .map(|(i, (_, problem))| {
            (
                report.failed_file(i),
                shared.locale.file_problem_in(&shared.pack, problem),
            )
        })
        .collect();
    // Warnings (another version of the questions, answers that match no
    // question), per partner: listed, so nothing in a file is dropped unseen.
    let checks: Vec<(String, Vec<String>)> = view
        .partners
        .iter()
        .filter(|p| !p.warnings.is_empty())
        .map(|p| {
            let lines = p
                .warnings
                .iter()
                .map(|w| shared.locale.file_problem_in(&shared.pack, w))
                .collect();
            (p.name.clone(), lines)
        })
        .collect();
    let partners = &view.partners;
    // The status region is always there, so that what it says after each
    // choice is announced; it says how many files failed, too.
    let status = if file_count == 0 {
        if *cleared {
            ui.partnership_none.to_string()
        } else {
            String::new()
        }
    } else {
        let mut text = fill(ui.partnership_opened, &[("count", &file_count.to_string())]);
        if !failed.is_empty() {
            text.push(' ');
            text.push_str(&fill(
                ui.partnership_failed_count,
                &[("count", &failed.len().to_string())],
            ));
        }
        text.push(' ');
        text.push_str(ui.partnership_add_more);
        text
    };

    html! {
        <section class="rts-page rts-partnership" ref={page}>
            <div class="rts-no-print">
                <BackLink on_click={shared.on(Action::Go(Step::Start))} />
            </div>
            <Heading level={1} class="rts-heading--l">{ &words.title }</Heading>
            <FilePicker id="partnership-files" multiple=true label={ui.partnership_files_label}
                hint={ui.partnership_files_hint} {on_files} />
            <p class="rts-body rts-no-print" role="status">{ status }</p>
            if file_count > 0 {
                <div class="rts-no-print">
                    <div class="rts-checkboxes__item">
                        <input class="rts-checkboxes__input" type="checkbox" id={shared.id("anonymise")}
                            checked={*anonymise} onchange={on_anonymise} />
                        <label class="rts-label rts-checkboxes__label" for={shared.id("anonymise")}>
                            { &ui.partnership_anonymise }
                        </label>
                    </div>
                    <button type="button" class="rts-link-button" onclick={on_clear}>{ &ui.partnership_clear }</button>
                </div>
            }
            if !failed.is_empty() {
                <div class="rts-notice rts-notice--warning" role="region" aria-labelledby={shared.id("failed-heading")}>
                    <Heading level={2} class="rts-heading--m" id={shared.id("failed-heading")}>{ &words.failed_heading }</Heading>
                    <p class="rts-body">{ &words.failed_intro }</p>
                    <ul class="rts-list rts-list--bullet">
                        { for failed.iter().map(|(name, why)| html! { <li><strong>{ name }</strong>{ ": " }{ why }</li> }) }
                    </ul>
                </div>
            }
            if partners.is_empty() {
                if file_count > 0 {
                    <p class="rts-body">{ &words.no_partners }</p>
                }
            } else {
                <p class="rts-body">{ fill(words.intro, &[("count", &partners.len().to_string())]) }</p>
                if view.anonymised {
                    <p class="rts-body rts-secondary">{ &words.anonymised }</p>
                }
                <Heading level={2} class="rts-heading--m">{ &words.scores_heading }</Heading>
                <div class="rts-table-wrapper" role="region" aria-labelledby={shared.id("scores-caption")} tabindex="0">
                    <table class="rts-table">
                        <caption class="rts-table__caption" id={shared.id("scores-caption")}>{ &words.scores_caption }</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="rts-table__header">{ &words.partner }</th>
                                { for shared.pack.themes.iter().map(|t| html! {
                                    <th scope="col" class="rts-table__header rts-table__header--numeric">{ &t.title }</th>
                                }) }
                                <th scope="col" class="rts-table__header rts-table__header--numeric">{ &words.overall }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for partners.iter().map(|p| html! {
                                <tr>
                                    <th scope="row" class="rts-table__header">{ &p.name }</th>
                                    { for p.profile.themes.iter().map(|t| html! {
                                        <td class="rts-table__cell rts-table__cell--numeric">{ report.score_text(t.score) }</td>
                                    }) }
                                    <td class="rts-table__cell rts-table__cell--numeric">{ crate::model::render::overall_text(report.locale, p.profile.overall) }</td>
                                </tr>
                            }) }
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row" class="rts-table__header">{ &words.median }</th>
                                { for view.themes.iter().map(|t| html! {
                                    <td class="rts-table__cell rts-table__cell--numeric">{ report.score_text(t.median) }</td>
                                }) }
                                <td class="rts-table__cell"></td>
                            </tr>
                            <tr>
                                <th scope="row" class="rts-table__header">{ &words.spread }</th>
                                { for view.themes.iter().map(|t| html! {
                                    <td class="rts-table__cell rts-table__cell--numeric">{ t.spread.map(|s| s.rounded().to_string()).unwrap_or_default() }</td>
                                }) }
                                <td class="rts-table__cell"></td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <p class="rts-body rts-secondary">{ &words.method }</p>

                <Heading level={2} class="rts-heading--m">{ &words.disagree_heading }</Heading>
                if view.disagreements.is_empty() {
                    <p class="rts-body">{ &words.no_disagreement }</p>
                } else {
                    <p class="rts-body">{ &words.disagree_intro }</p>
                    <ol class="rts-list rts-list--number rts-disagreements">
                        { for view.disagreements.iter().filter_map(|id| view.question(id)).map(|q| html! {
                            <li class="rts-disagreements__item">
                                <strong>{ report.question_text(&q.question_id) }</strong>
                                <span class="rts-secondary">{ format!(" ({})", report.theme_title(&q.theme_id)) }</span>
                                <p class="rts-body">{ fill(words.answer_range, &[
                                    ("lowest", q.lowest().map_or("", |l| shared.pack.level_label(l))),
                                    ("highest", q.highest().map_or("", |l| shared.pack.level_label(l))),
                                ]) }</p>
                                <ul class="rts-list rts-list--bullet">
                                    { for report.answer_groups(q).iter().map(|g| html! { <li>{ g }</li> }) }
                                </ul>
                            </li>
                        }) }
                    </ol>
                }

                <ConsensusSection view={view.clone()} />

                <Heading level={2} class="rts-heading--m">{ &words.not_sure_heading }</Heading>
                if view.most_not_sure.is_empty() {
                    <p class="rts-body">{ &words.no_not_sure }</p>
                } else {
                    <p class="rts-body">{ &words.not_sure_intro }</p>
                    <ul class="rts-list rts-list--bullet">
                        { for view.most_not_sure.iter().filter_map(|id| view.question(id)).map(|q| html! {
                            <li>
                                <strong>{ report.question_text(&q.question_id) }</strong>
                                <br />
                                { fill(words.not_sure_count, &[
                                    ("count", &q.not_sure.to_string()),
                                    ("total", &partners.len().to_string()),
                                    ("names", &report.names_where(q, |r| r == Some(Response::NotSure))),
                                ]) }
                            </li>
                        }) }
                    </ul>
                }

                <Heading level={2} class="rts-heading--m">{ &words.case_studies_heading }</Heading>
                if view.case_studies.is_empty() {
                    <p class="rts-body">{ &words.no_case_studies }</p>
                } else {
                    <CaseStudyList items={view.case_studies.iter().map(|m| (m.case_study_id.clone(), m.reasons.iter().map(|r| report.reason_text(r)).collect::<Vec<_>>().join(" "))).collect::<Vec<_>>()} />
                }

                <div class="rts-downloads rts-no-print">
                    <Heading level={2} class="rts-heading--m">{ &ui.downloads_heading }</Heading>
                    <p class="rts-body">{ &ui.partnership_downloads_intro }</p>
                    <div class="rts-button-group">
                        { download_button(Format::Html, ui.partnership_download_html) }
                        { download_button(Format::Csv, ui.partnership_download_csv) }
                        { download_button(Format::Json, ui.partnership_download_json) }
                    </div>
                </div>
                if !checks.is_empty() {
                    <Heading level={2} class="rts-heading--m">{ &words.warnings_heading }</Heading>
                    <ul class="rts-list rts-list--bullet">
                        { for checks.iter().map(|(name, lines)| html! {
                            <li><strong>{ name }</strong>
                                <ul class="rts-list rts-list--bullet">
                                    { for lines.iter().map(|l| html! { <li>{ l }</li> }) }
                                </ul>
                            </li>
                        }) }
                    </ul>
                }
                <p class="rts-body rts-secondary">{ &words.privacy }</p>
            }
        </section>
    }
}
