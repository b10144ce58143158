use yew::prelude::*;

use crate::clock;
use crate::components::app::OFFLINE_COPY_FILE;
use crate::components::error_summary::ErrorSummary;
use crate::components::heading::Heading;
use crate::components::open_file::{ChosenFiles, FilePicker};
use crate::components::shared::use_shared;
use crate::components::start_again::StartAgain;
use crate::model::file::read_assessment_bytes;
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
    let start = &shared.pack.start;
    let state = &props.state;
    let has_progress = !state.assessment.is_blank();

    let errors = match &state.file_messages {
        FileMessages::Failed(problem) => {
            vec![(shared.locale.file_problem(problem), shared.id("open-file"))]
        }
        _ => Vec::new(),
    };

    let on_open = {
        let shared = shared.clone();
        Callback::from(move |files: ChosenFiles| {
            let Some((_, text)) = files.into_iter().next() else {
                return;
            };
            let opened = text.and_then(|bytes| read_assessment_bytes(&bytes, &shared.pack));
            shared.send(match opened {
                Ok(opened) => Action::Opened {
                    opened,
                    now: clock::now(),
                },
                Err(problem) => Action::OpenFailed(problem),
            });
        })
    };

    html! {
        <section class="rts-page rts-start">
            if !errors.is_empty() {
                <ErrorSummary {errors} />
            }
            <Heading level={1} class="rts-heading--xl">{ &start.heading }</Heading>
            { for start.paragraphs.iter().map(|p| html! { <p class="rts-body">{ p }</p> }) }
            <p class="rts-body">{ &start.time_needed }</p>
            <div class="rts-inset">
                <p class="rts-body">{ &ui.start_privacy }</p>
            </div>
            <details class="rts-details">
                <summary class="rts-details__summary">{ &ui.privacy_heading }</summary>
                <div class="rts-details__text">
                    { for ui.privacy_points.iter().map(|p| html! { <p class="rts-body">{ p }</p> }) }
                </div>
            </details>
            if has_progress {
                <Heading level={2} class="rts-heading--m">{ &ui.start_saved_heading }</Heading>
                <p class="rts-body">{ &ui.start_saved_body }</p>
                <div class="rts-button-group">
                    <button type="button" class="rts-button"
                        onclick={shared.on(Action::Go(Step::Tasks))}>
                        { &ui.start_continue }
                    </button>
                </div>
                <StartAgain assessment={state.assessment.clone()} />
            } else {
                <button type="button" class="rts-button rts-button--start"
                    onclick={shared.on(Action::Go(Step::About))}>
                    { &ui.start_button }
                </button>
            }
            <Heading level={2} class="rts-heading--m">{ &ui.open_heading }</Heading>
            <FilePicker id="open-file" label={ui.open_label}
                hint={if has_progress { format!("{} {}", ui.open_hint, ui.open_replaces) } else { ui.open_hint.to_string() }}
                on_files={on_open} />
            <Heading level={2} class="rts-heading--m">{ &ui.partnership_heading }</Heading>
            <p class="rts-body">{ &ui.partnership_body }</p>
            <button type="button" class="rts-button rts-button--secondary"
                onclick={shared.on(Action::Go(Step::Partnership))}>
                { &ui.partnership_button }
            </button>
            if let Some(url) = &shared.offline_copy_url {
                <div class="rts-no-print">
                    <Heading level={2} class="rts-heading--m">{ &ui.offline_heading }</Heading>
                    <p class="rts-body">{ &ui.offline_body }</p>
                    <a class="rts-link rts-offline-link" href={url.to_string()} download={OFFLINE_COPY_FILE}>
                        { &ui.offline_link }
                    </a>
                </div>
            }
        </section>
    }
}
