use std::rc::Rc;

use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::consensus::ConsensusSection;
use crate::components::document::{inlines, Screen};
use crate::components::download_failed::DownloadFailed;
use crate::components::fields::checkboxes::{CheckboxItem, Checkboxes};
use crate::components::fields::file_picker::{ChosenFiles, FilePicker};
use crate::components::heading::Heading;
use crate::components::shared::Shared;
use crate::effects::download::{self, DownloadError};
use crate::effects::{autosave, clock, focus};
use crate::hooks::use_confirming;
use crate::hooks::{use_shared, Same};
use crate::model::assessment::Response;
use crate::model::consensus::Consensus;
use crate::model::date::CalendarDate;
use crate::model::document::Text;
use crate::model::downloads::PartnershipFormat;
use crate::model::locale::{fill, Ui};
use crate::model::partnership::Partnership;
use crate::model::render::case_study_blocks;
use crate::model::render::partnership::PartnershipReport;
use crate::model::workshop::{Workshop, WorkshopEdit};
use crate::state::{Action, SaveStatus, Step};

/// Makes the file on this device, dated when the button was pressed, and
/// saves it.
fn download_partnership(
    shared: &Shared,
    view: &Partnership,
    consensus: &Consensus,
    format: PartnershipFormat,
) -> Result<(), DownloadError> {
    let today = clock::today();
    let date = today.in_words(&shared.locale);
    let report = PartnershipReport::new(&shared.pack, &shared.locale, view, &date)
        .with_agreements(consensus);
    download::save(&format.make(&report, &today.iso()))
}

/// A format's button label.
fn label(ui: &Ui, format: PartnershipFormat) -> &'static str {
    match format {
        PartnershipFormat::Html => ui.partnership_download_html,
        PartnershipFormat::Csv => ui.partnership_download_csv,
        PartnershipFormat::Json => ui.partnership_download_json,
    }
}

/// When the workshop is ended: the status says so, and focus goes to the
/// file field, since the button it was on is gone.
fn workshop_ended(shared: &Shared, ended: &UseStateHandle<bool>, page: &NodeRef) -> Callback<()> {
    let (ended, page, input_id) = (ended.clone(), page.clone(), shared.id("partnership-files"));
    Callback::from(move |()| {
        ended.set(true);
        focus::focus_in_widget(&page, &input_id);
    })
}

/// "Name partners by letter" and "Remove all files", once files are open.
fn file_controls(shared: &Shared, anonymise: bool, page: &NodeRef) -> Html {
    let ui = &shared.locale.ui;
    let on_anonymise = {
        let shared = shared.clone();
        Callback::from(move |_: usize| shared.edit_workshop(WorkshopEdit::Anonymise(!anonymise)))
    };
    let on_clear = {
        let (shared, page) = (shared.clone(), page.clone());
        let input_id = shared.id("partnership-files");
        Callback::from(move |_: MouseEvent| {
            // The button goes with the files: focus moves to the file
            // field first, so it is not lost.
            focus::focus_in_widget(&page, &input_id);
            shared.edit_workshop(WorkshopEdit::Clear);
        })
    };
    html! {
        <div class="rts-no-print">
            <Checkboxes id={shared.id("anonymise-group")} on_toggle={on_anonymise}
                items={vec![CheckboxItem {
                    id: shared.id("anonymise"),
                    label: ui.partnership_anonymise.to_string(),
                    checked: anonymise,
                }]} />
            <button type="button" class="rts-link-button" onclick={on_clear}>{ &ui.partnership_clear }</button>
        </div>
    }
}

/// The case studies chosen for the partnership, as the HTML report has them.
fn case_studies(shared: &Shared, report: &PartnershipReport) -> Html {
    let words = &shared.locale.partnership;
    let blocks = case_study_blocks(
        &shared.pack,
        &shared.locale,
        (words.case_studies_heading, words.no_case_studies),
        &report.partnership.case_studies,
        |reason| report.reason_text(reason),
    );
    let id = |name: &str| shared.id(&format!("partnership-{name}"));
    let no_slot = |_, shown: Html| shown;
    Screen::new(&id, shared.locale.common.opens_in_new_tab, &no_slot).blocks(&blocks, false)
}

/// What the status region says: how many files are open and how many
/// failed, or that they were all removed or the workshop ended. The region
/// is always there, so that what it says after each choice is announced.
fn status_text(ui: &Ui, workshop: &Workshop, ended: bool, failed: usize) -> String {
    let file_count = workshop.file_count();
    if file_count == 0 {
        return if workshop.cleared {
            ui.partnership_none.to_string()
        } else if ended && workshop.is_empty() {
            ui.workshop_ended.to_string()
        } else {
            String::new()
        };
    }
    let mut text = fill(ui.partnership_opened, &[("count", &file_count.to_string())]);
    if failed > 0 {
        text.push(' ');
        text.push_str(&fill(
            ui.partnership_failed_count,
            &[("count", &failed.to_string())],
        ));
    }
    text.push(' ');
    text.push_str(ui.partnership_add_more);
    text
}

/// The files that could not be opened, each with why.
fn failed_notice(shared: &Shared, failed: &[(String, String)]) -> Html {
    if failed.is_empty() {
        return Html::default();
    }
    let words = &shared.locale.partnership;
    html! {
        <div class="rts-notice rts-notice--warning" role="region" aria-labelledby={shared.id("failed-heading")}>
            <Heading level={2} class="rts-heading--m" id={shared.id("failed-heading")}>{ &words.failed_heading }</Heading>
            <p class="rts-body">{ &words.failed_intro }</p>
            <ul class="rts-list rts-list--bullet">
                { for failed.iter().map(|(name, why)| html! { <li><strong>{ name }</strong>{ ": " }{ why }</li> }) }
            </ul>
        </div>
    }
}

/// A button for each of the partnership's files, and what to say if the
/// browser would not save one.
fn downloads(
    shared: &Shared,
    view: &Rc<Partnership>,
    consensus: &Consensus,
    failed: &UseStateHandle<bool>,
    blocked: bool,
) -> Html {
    let ui = &shared.locale.ui;
    let button = |format: PartnershipFormat| {
        let (shared, view, failed) = (shared.clone(), Rc::clone(view), failed.clone());
        let consensus = consensus.clone();
        let text = label(ui, format);
        let onclick = Callback::from(move |_: MouseEvent| {
            if blocked {
                shared.send(Action::ShowProblems);
            } else {
                failed.set(download_partnership(&shared, &view, &consensus, format).is_err());
            }
        });
        html! { <button type="button" class="rts-button rts-button--secondary" {onclick}>{ text }</button> }
    };
    html! {
        <div class="rts-downloads rts-no-print">
            <Heading level={2} class="rts-heading--m">{ &ui.downloads_heading }</Heading>
            <p class="rts-body">{ &ui.partnership_downloads_intro }</p>
            <div class="rts-button-group">
                { for PartnershipFormat::ALL.into_iter().map(button) }
            </div>
            <DownloadFailed failed={**failed} />
        </div>
    }
}

/// The theme scores table: a row per partner, with the median and spread.
fn scores_table(shared: &Shared, report: &PartnershipReport) -> Html {
    let words = &shared.locale.partnership;
    let view = report.partnership;
    let partners = &view.partners;
    // Each cell's theme, shown beside it when a narrow screen stacks the rows.
    let titles = || shared.pack.themes.iter().map(|t| t.title.clone());
    html! {
        <>
        <Heading level={2} class="rts-heading--m">{ &words.scores_heading }</Heading>
        <div class="rts-table-wrapper" role="region" aria-labelledby={shared.id("scores-caption")} tabindex="0">
            <table class="rts-table rts-table--scores">
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
                            { for p.profile.themes.iter().zip(titles()).map(|(t, title)| html! {
                                <td class="rts-table__cell rts-table__cell--numeric" data-label={title}>{ report.score_text(t.score) }</td>
                            }) }
                            <td class="rts-table__cell rts-table__cell--numeric" data-label={words.overall}>{ crate::model::words::overall_text(report.locale, p.profile.overall) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" class="rts-table__header">{ &words.median }</th>
                        { for view.themes.iter().zip(titles()).map(|(t, title)| html! {
                            <td class="rts-table__cell rts-table__cell--numeric" data-label={title}>{ report.score_text(t.median) }</td>
                        }) }
                        <td class="rts-table__cell"></td>
                    </tr>
                    <tr>
                        <th scope="row" class="rts-table__header">{ &words.spread }</th>
                        { for view.themes.iter().zip(titles()).map(|(t, title)| html! {
                            <td class="rts-table__cell rts-table__cell--numeric" data-label={title}>{ t.spread.map(|s| s.rounded().to_string()).unwrap_or_default() }</td>
                        }) }
                        <td class="rts-table__cell"></td>
                    </tr>
                </tfoot>
            </table>
        </div>
        </>
    }
}

/// "Where you disagree": each question partners answered far apart, with
/// who gave which answer.
fn disagreements(shared: &Shared, report: &PartnershipReport) -> Html {
    let words = &shared.locale.partnership;
    let view = report.partnership;
    html! {
        <>
        <Heading level={2} class="rts-heading--m">{ &words.disagree_heading }</Heading>
        if view.disagreements.is_empty() {
            <p class="rts-body">{ &words.no_disagreement }</p>
        } else {
            <p class="rts-body">{ &words.disagree_intro }</p>
            <div class="rts-when-near">
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
            </div>
        }
        </>
    }
}

/// "What partners are not sure about": the questions most partners were
/// not sure of, and who.
fn not_sure(shared: &Shared, report: &PartnershipReport) -> Html {
    let words = &shared.locale.partnership;
    let view = report.partnership;
    let partners = &view.partners;
    html! {
        <>
        <Heading level={2} class="rts-heading--m">{ &words.not_sure_heading }</Heading>
        if view.most_not_sure.is_empty() {
            <p class="rts-body">{ &words.no_not_sure }</p>
        } else {
            <p class="rts-body">{ &words.not_sure_intro }</p>
            <div class="rts-when-near">
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
            </div>
        }
        </>
    }
}

/// Warnings (another version of the questions, answers that match no
/// question), per partner: listed, so nothing in a file is dropped unseen.
fn partner_checks(shared: &Shared, view: &Partnership) -> Html {
    let words = &shared.locale.partnership;
    let checks: Vec<(String, Vec<Text>)> = view
        .partners
        .iter()
        .filter(|p| !p.warnings.is_empty())
        .map(|p| {
            let lines = p
                .warnings
                .iter()
                .map(|w| shared.locale.file_problem_text(&shared.pack, w))
                .collect();
            (p.name.clone(), lines)
        })
        .collect();
    html! {
        <>
        if !checks.is_empty() {
            <Heading level={2} class="rts-heading--m">{ &words.warnings_heading }</Heading>
            <ul class="rts-list rts-list--bullet">
                { for checks.iter().map(|(name, lines)| html! {
                    <li><strong>{ name }</strong>
                        <ul class="rts-list rts-list--bullet">
                            { for lines.iter().map(|l| html! { <li>{ inlines(l, "", None) }</li> }) }
                        </ul>
                    </li>
                }) }
            </ul>
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct PartnershipPageProps {
    pub workshop: Rc<Workshop>,
    /// The date the view is shown with.
    pub today: CalendarDate,
    /// Storage holds every change to the workshop.
    pub saved: bool,
    /// How saving the workshop last went.
    pub status: SaveStatus,
    /// Files kept only in memory, for room.
    pub not_stored: Vec<String>,
    /// A field holds text over its limit: the downloads stop and the error
    /// summary says where, so the text is not lost or left out.
    pub blocked: bool,
}

/// The partnership view: several partners' files side by side, where they
/// disagree first. Everything is worked out on this device by the model;
/// the files and agreements live in the app's state.
#[component]
pub fn PartnershipPage(props: &PartnershipPageProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let words = &shared.locale.partnership;
    let workshop = &props.workshop;
    let view = {
        let (shared, workshop) = (shared.clone(), workshop.clone());
        // Worked out again only when the files, the names setting or the
        // language (its pack and words) change, not with every agreement
        // typed.
        let inputs = (
            workshop.files.clone(),
            workshop.anonymise,
            Same(Rc::clone(&shared.pack)),
            Same(Rc::clone(&shared.locale)),
        );
        use_memo(inputs, move |_| workshop.view(&shared.pack, &shared.locale))
    };
    let date = props.today.in_words(&shared.locale);
    let report = PartnershipReport::new(&shared.pack, &shared.locale, &view, &date);

    let on_files = {
        let shared = shared.clone();
        Callback::from(move |files: ChosenFiles| shared.edit_workshop(WorkshopEdit::Add(files)))
    };
    let page = use_node_ref();
    let failed_download = use_state_eq(|| false);
    let file_count = workshop.file_count();
    let failed = report.failed_files();
    let partners = &view.partners;
    // The status region is always there, so that what it says after each
    // choice is announced; it says how many files failed, too.
    let ended = use_state_eq(|| false);
    let status = status_text(ui, workshop, *ended, failed.len());

    let on_ended = workshop_ended(&shared, &ended, &page);

    html! {
        <section class="rts-page rts-partnership" ref={page.clone()}>
            <div class="rts-no-print">
                <BackLink to={Step::Start} />
            </div>
            <Heading level={1} class="rts-heading--l">{ &words.title }</Heading>
            <FilePicker id="partnership-files" multiple=true label={ui.partnership_files_label}
                hint={ui.partnership_files_hint} {on_files} />
            <p class="rts-body rts-no-print" role="status">{ status }</p>
            if !workshop.is_empty() {
                <SaveMessage saved={props.saved} status={props.status}
                    not_stored={props.not_stored.clone()} />
            }
            if file_count > 0 {
                { file_controls(&shared, workshop.anonymise, &page) }
            }
            { failed_notice(&shared, &failed) }
            if partners.is_empty() {
                if file_count > 0 {
                    <p class="rts-body">{ &words.no_partners }</p>
                }
            } else {
                <p class="rts-body">{ fill(words.intro, &[("count", &partners.len().to_string())]) }</p>
                if view.anonymised {
                    <p class="rts-body rts-secondary">{ &words.anonymised }</p>
                }
                { scores_table(&shared, &report) }
                <p class="rts-body rts-secondary">{ &words.method }</p>

                { disagreements(&shared, &report) }

                <ConsensusSection view={view.clone()} workshop={workshop.clone()} blocked={props.blocked} />

                { not_sure(&shared, &report) }

                { case_studies(&shared, &report) }

                { downloads(&shared, &view, &workshop.consensus, &failed_download, props.blocked) }
                { partner_checks(&shared, &view) }
                <p class="rts-body rts-secondary">{ &words.privacy }</p>
            }
            if !workshop.is_empty() {
                <EndWorkshop {on_ended} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SaveMessageProps {
    saved: bool,
    status: SaveStatus,
    not_stored: Vec<String>,
}

/// Whether the workshop is kept in this browser: saving, saved, or why
/// not (and then it is kept only while the page is open).
#[component]
fn SaveMessage(props: &SaveMessageProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let problem = match props.status {
        SaveStatus::Ok if props.not_stored.is_empty() => None,
        SaveStatus::Ok => Some(fill(
            ui.workshop_not_stored,
            &[("files", &props.not_stored.join(", "))],
        )),
        SaveStatus::Blocked => Some(ui.workshop_blocked.to_string()),
        SaveStatus::Full => Some(ui.workshop_full.to_string()),
    };
    match problem {
        Some(problem) => html! {
            <div class="rts-notice rts-notice--warning rts-no-print" role="alert">
                <p class="rts-body">{ problem }</p>
            </div>
        },
        None => html! {
            <p class="rts-body rts-secondary rts-no-print" aria-live="polite">
                { if props.saved { ui.workshop_saved } else { ui.workshop_saving } }
            </p>
        },
    }
}

#[derive(Properties, PartialEq)]
struct EndWorkshopProps {
    /// Called once the workshop is ended.
    on_ended: Callback<()>,
}

/// "End the workshop and clear it" asks first. Focus follows: to the
/// question when it opens, and back to the button when it is cancelled.
#[component]
fn EndWorkshop(props: &EndWorkshopProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let (confirming, button, panel) = use_confirming();
    if *confirming != Some(true) {
        let confirming = confirming.clone();
        return html! {
            <div class="rts-no-print">
                <button type="button" class="rts-button rts-button--warning" ref={button}
                    onclick={move |_| confirming.set(Some(true))}>
                    { &ui.workshop_end }
                </button>
            </div>
        };
    }
    let confirm = {
        let (shared, on_ended) = (shared.clone(), props.on_ended.clone());
        Callback::from(move |_: MouseEvent| {
            autosave::end_workshop(&shared.storage_key);
            shared.send(Action::WorkshopEnded);
            on_ended.emit(());
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(Some(false)))
    };
    let title_id = shared.id("end-workshop-title");
    html! {
        <div class="rts-warning-panel rts-no-print" role="group" ref={panel} tabindex="-1"
            aria-labelledby={title_id.clone()}>
            <p class="rts-body rts-body--bold" id={title_id}>{ &ui.workshop_end_warning }</p>
            <div class="rts-button-group">
                <button type="button" class="rts-button rts-button--warning" onclick={confirm}>
                    { &ui.workshop_end_confirm }
                </button>
                <button type="button" class="rts-link-button" onclick={cancel}>{ &ui.cancel }</button>
            </div>
        </div>
    }
}
