use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::confirm_panel::ConfirmPanel;
use crate::components::error_summary::ErrorSummary;
use crate::components::fields::file_picker::{ChosenFiles, FilePicker};
use crate::components::heading::Heading;
use crate::components::shared::Shared;
use crate::components::start_again::StartAgain;
use crate::effects::clock;
use crate::effects::focus::{focus, focus_in_widget};
use crate::hooks::use_shared;
use crate::model::file::{read_assessment_bytes, FileProblem, Opened};
use crate::options::OFFLINE_FILE;
use crate::state::{Action, FileMessages, State, Step};

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub state: UseReducerHandle<State>,
}

/// What this is, how long it takes, that answers stay on this device; then
/// start, continue, or open a saved file.
#[component]
pub fn Start(props: &StartProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let state = &props.state;
    let has_progress = !state.assessment.is_blank();

    let open_problem = match &state.file_messages {
        FileMessages::Failed(problem) => Some(problem.clone()),
        _ => None,
    };
    let errors = open_errors(&shared, open_problem.as_ref());

    // A file that would replace answers waits here until the user agrees.
    let pending = use_state(|| None::<Opened>);
    let confirm_panel = use_node_ref();
    let section = use_node_ref();
    // Set by "Cancel": once the panel has gone, focus goes back to the file
    // field (after the render, which may replace the field).
    let cancelled = use_mut_ref(|| false);
    use_confirm_focus(
        pending.is_some(),
        &confirm_panel,
        &section,
        &cancelled,
        shared.id("open-file"),
    );

    let on_open = open_file(&shared, &pending, has_progress);
    let confirmation = pending.as_ref().map(|opened| {
        let confirm = confirm_open(&shared, &pending, opened);
        let cancel = cancel_open(&pending, &cancelled);
        html! {
            <ConfirmPanel title_id={shared.id("open-confirm-title")} panel_ref={confirm_panel.clone()}
                warning={ui.open_confirm_warning} download_label={ui.open_confirm_download}
                confirm_label={ui.open_confirm} cancel_label={ui.cancel}
                assessment={state.assessment.clone()} on_confirm={confirm} on_cancel={cancel} />
        }
    });

    html! {
        <section class="rts-page rts-start" ref={section}>
            if !errors.is_empty() {
                <ErrorSummary {errors} />
            }
            { introduction(&shared) }
            { continue_or_start(&shared, state, has_progress) }
            <Heading level={2} class="rts-heading--m">{ &ui.open_heading }</Heading>
            <FilePicker id="open-file" label={ui.open_label}
                hint={if has_progress { format!("{} {}", ui.open_hint, ui.open_replaces) } else { ui.open_hint.to_string() }}
                on_files={on_open} error={open_problem} />
            { for confirmation }
            { partnership(&shared) }
            if let Some(url) = &shared.offline_copy_url {
                { offline_copy(&shared, url) }
            }
        </section>
    }
}

/// Moves focus when the confirm panel comes or goes: to the panel when it
/// is `shown`, and back to the file field (`input_id`, in `section`) when
/// it has gone because of "Cancel" (`cancelled`, which this clears).
#[hook]
fn use_confirm_focus(
    shown: bool,
    confirm_panel: &NodeRef,
    section: &NodeRef,
    cancelled: &Rc<RefCell<bool>>,
    input_id: String,
) {
    let (confirm_panel, section, cancelled) =
        (confirm_panel.clone(), section.clone(), cancelled.clone());
    use_effect_with(shown, move |shown| {
        if *shown {
            focus(&confirm_panel);
        } else if std::mem::take(&mut *cancelled.borrow_mut()) {
            focus_in_widget(&section, &input_id);
        }
    });
}

/// The error summary's entry for a file that could not be opened, linked
/// to the file field; none when there is no problem.
fn open_errors(shared: &Shared, problem: Option<&FileProblem>) -> Vec<(String, String)> {
    match problem {
        Some(problem) => vec![(
            shared.locale.file_problem_in(&shared.pack, problem),
            shared.id("open-file"),
        )],
        None => Vec::new(),
    }
}

/// What the tool is and how long it takes, that the answers stay on this
/// device, and the disclosures on privacy and on the tool's versions.
fn introduction(shared: &Shared) -> Html {
    let ui = &shared.locale.ui;
    let start = &shared.pack.start;
    html! {
        <>
            <Heading level={1} class="rts-heading--xl">{ &start.heading }</Heading>
            { for start.paragraphs.iter().map(|p| html! { <p class="rts-body">{ p }</p> }) }
            <p class="rts-body">{ &start.time_needed }</p>
            <div class="rts-inset">
                <p class="rts-body">{ &ui.start_privacy }</p>
                // Only where the host asked to be sent the results.
                if shared.results_event {
                    <p class="rts-body">{ &ui.results_event_notice }</p>
                }
            </div>
            <details class="rts-details">
                <summary class="rts-details__summary">{ &ui.privacy_heading }</summary>
                <div class="rts-details__text">
                    { for ui.privacy_points.iter().map(|p| html! { <p class="rts-body">{ p }</p> }) }
                </div>
            </details>
            <details class="rts-details">
                <summary class="rts-details__summary">{ &ui.about_tool_heading }</summary>
                <div class="rts-details__text">
                    <p class="rts-body">{ shared.locale.versions(&shared.pack) }</p>
                    <p class="rts-body">{ &ui.about_tool_licence }</p>
                </div>
            </details>
        </>
    }
}

/// With answers saved: say so, with "Continue" and "Start again";
/// otherwise the start button.
fn continue_or_start(shared: &Shared, state: &State, has_progress: bool) -> Html {
    let ui = &shared.locale.ui;
    if has_progress {
        html! {
            <>
                <Heading level={2} class="rts-heading--m">{ &ui.start_saved_heading }</Heading>
                <p class="rts-body">{ &ui.start_saved_body }</p>
                <div class="rts-button-group">
                    <button type="button" class="rts-button" data-rts-action="continue"
                        onclick={shared.on(Action::Go(Step::Tasks))}>
                        { &ui.start_continue }
                    </button>
                </div>
                <StartAgain assessment={state.assessment.clone()} />
            </>
        }
    } else {
        html! {
            <button type="button" class="rts-button rts-button--start" data-rts-action="start"
                onclick={shared.on(Action::Go(Step::About))}>
                { &ui.start_button }
            </button>
        }
    }
}

/// The way to the partnership view, for combining several partners' files.
fn partnership(shared: &Shared) -> Html {
    let ui = &shared.locale.ui;
    html! {
        <>
            <Heading level={2} class="rts-heading--m">{ &ui.partnership_heading }</Heading>
            <p class="rts-body">{ &ui.partnership_body }</p>
            <button type="button" class="rts-button rts-button--secondary" data-rts-action="partnership"
                onclick={shared.on(Action::Go(Step::Partnership))}>
                { &ui.partnership_button }
            </button>
        </>
    }
}

/// The link to the single-file copy for use offline, where one is offered.
fn offline_copy(shared: &Shared, url: &str) -> Html {
    let ui = &shared.locale.ui;
    html! {
        <div class="rts-no-print">
            <Heading level={2} class="rts-heading--m">{ &ui.offline_heading }</Heading>
            <p class="rts-body">{ &ui.offline_body }</p>
            <a class="rts-link rts-offline-link" href={url.to_string()} download={OFFLINE_FILE}>
                { &ui.offline_link }
            </a>
        </div>
    }
}

/// Opens the first file chosen. A file that would replace answers waits in
/// `pending` for the user to agree; one that cannot be read is reported.
fn open_file(
    shared: &Shared,
    pending: &UseStateHandle<Option<Opened>>,
    has_progress: bool,
) -> Callback<ChosenFiles> {
    let (shared, pending) = (shared.clone(), pending.clone());
    Callback::from(move |files: ChosenFiles| {
        let Some((_, text)) = files.into_iter().next() else {
            return;
        };
        let opened = text.and_then(|bytes| read_assessment_bytes(&bytes, &shared.pack));
        match opened {
            Ok(opened) if has_progress => {
                shared.send(Action::DismissFileMessages);
                pending.set(Some(opened));
            }
            Ok(opened) => shared.send(Action::Opened {
                opened,
                now: clock::now(),
            }),
            Err(problem) => {
                pending.set(None);
                shared.send(Action::OpenFailed(problem));
            }
        }
    })
}

/// "Open it": the waiting file replaces the answers.
fn confirm_open(
    shared: &Shared,
    pending: &UseStateHandle<Option<Opened>>,
    opened: &Opened,
) -> Callback<MouseEvent> {
    let (shared, pending, opened) = (shared.clone(), pending.clone(), opened.clone());
    Callback::from(move |_: MouseEvent| {
        pending.set(None);
        shared.send(Action::Opened {
            opened: opened.clone(),
            now: clock::now(),
        });
    })
}

/// "Cancel": the waiting file is dropped, and `cancelled` tells the effect
/// to put focus back on the file field once the panel has gone.
fn cancel_open(
    pending: &UseStateHandle<Option<Opened>>,
    cancelled: &Rc<RefCell<bool>>,
) -> Callback<MouseEvent> {
    let (pending, cancelled) = (pending.clone(), cancelled.clone());
    Callback::from(move |_: MouseEvent| {
        *cancelled.borrow_mut() = true;
        pending.set(None);
    })
}
