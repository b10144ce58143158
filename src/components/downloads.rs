use std::rc::Rc;

use yew::prelude::*;

use crate::components::copy_answers::CopyAnswers;
use crate::components::download_failed::DownloadFailed;
use crate::components::heading::Heading;
use crate::components::shared::Shared;
use crate::effects::clock;
use crate::effects::download::{self, DownloadError};
use crate::hooks::use_shared;
use crate::model::assessment::Assessment;
use crate::model::downloads::{assessment_file, SummaryFormat};
use crate::model::locale::Locale;
use crate::model::render::SummaryReport;
use crate::model::summary::Summary;
use crate::state::Action;

/// Saves the assessment as the JSON file that can be opened again.
pub fn download_json(assessment: &Assessment, language: &str) -> Result<(), DownloadError> {
    download::save(&assessment_file(
        assessment,
        language,
        &clock::today().iso(),
    ))
}

/// What a click on the downloads could not do.
#[derive(Clone, Copy, PartialEq)]
enum Failed {
    Download,
    Print,
}

/// Makes the file on this device, dated when the button was pressed, and
/// saves it.
fn download_summary(
    shared: &Shared,
    assessment: &Assessment,
    summary: &Rc<Summary>,
    earlier: Option<&Assessment>,
    format: SummaryFormat,
) -> Result<(), DownloadError> {
    let today = clock::today();
    let date = today.in_words(&shared.locale);
    let mut report = SummaryReport::with_summary(
        &shared.pack,
        &shared.locale,
        assessment,
        Rc::clone(summary),
        &date,
    );
    if let Some(earlier) = earlier {
        report = report.with_comparison(earlier);
    }
    download::save(&format.make(&report, &today.iso()))
}

/// A format's button label and hint.
fn words(locale: &Locale, format: SummaryFormat) -> (&'static str, &'static str) {
    let ui = &locale.ui;
    match format {
        SummaryFormat::Html => (ui.download_html, ui.download_html_hint),
        SummaryFormat::Markdown => (ui.download_markdown, ui.download_markdown_hint),
        SummaryFormat::Csv => (ui.download_csv, ui.download_csv_hint),
        SummaryFormat::PlanCsv => (locale.plan.download_csv, locale.plan.download_csv_hint),
        SummaryFormat::Json => (ui.download_json, ui.download_json_hint),
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    pub assessment: Rc<Assessment>,
    /// Its summary, as the screen worked it out (see `hooks::use_summary`).
    pub summary: Rc<Summary>,
    /// An earlier assessment: the downloads then include the comparison.
    #[prop_or_default]
    pub earlier: Option<Rc<Assessment>>,
    /// A field holds text over its limit: a download stops and the error
    /// summary says which, rather than leaving that text out.
    #[prop_or_default]
    pub blocked: bool,
    /// Whether the summary has drawn its print-only plan; "Print this
    /// summary" asks for it (`on_print_ready`) and prints once it is drawn.
    #[prop_or(true)]
    pub print_ready: bool,
    #[prop_or_default]
    pub on_print_ready: Callback<()>,
}

/// The download buttons and print. Files are made on this device.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    // A browser can block downloads without telling the page (a frame
    // sandboxed without allow-downloads), so once one is asked for, the
    // answers are also offered as text to copy.
    let asked = use_state_eq(|| false);
    // What the last click could not do, if anything: said under the buttons.
    let failed = use_state_eq(|| None::<Failed>);
    let button = |format: SummaryFormat| {
        let (label, hint) = words(&shared.locale, format);
        let hint_id = shared.id(&format!("download-{}-hint", format.id()));
        let shared2 = shared.clone();
        let (assessment, summary) = (Rc::clone(&props.assessment), Rc::clone(&props.summary));
        let earlier = props.earlier.clone();
        let (asked, failed) = (asked.clone(), failed.clone());
        let blocked = props.blocked;
        let onclick = Callback::from(move |_: MouseEvent| {
            if blocked {
                shared2.send(Action::ShowProblems);
                return;
            }
            let result =
                download_summary(&shared2, &assessment, &summary, earlier.as_deref(), format);
            failed.set(result.is_err().then_some(Failed::Download));
            asked.set(true);
        });
        html! {
            <li class="rts-downloads__item">
                <button type="button" class="rts-button rts-button--secondary"
                    aria-describedby={hint_id.clone()} {onclick}>{ label }</button>
                <p class="rts-hint" id={hint_id}>{ hint }</p>
            </li>
        }
    };
    // Printing waits for the print-only plan to be drawn.
    let print_asked = use_state_eq(|| false);
    {
        let (failed, print_asked) = (failed.clone(), print_asked.clone());
        use_effect_with((*print_asked, props.print_ready), move |(asked, ready)| {
            if *asked && *ready {
                print_asked.set(false);
                failed.set(download::print().is_err().then_some(Failed::Print));
            }
        });
    }
    let print = {
        let (print_asked, on_print_ready) = (print_asked.clone(), props.on_print_ready.clone());
        Callback::from(move |_: MouseEvent| {
            print_asked.set(true);
            on_print_ready.emit(());
        })
    };
    html! {
        <div class="rts-downloads rts-no-print">
            <Heading level={2} class="rts-heading--m">{ &ui.downloads_heading }</Heading>
            <p class="rts-body">{ &ui.downloads_intro }</p>
            <ul class="rts-downloads__list">
                { for SummaryFormat::ALL.into_iter().map(button) }
            </ul>
            <DownloadFailed failed={failed.is_some()} print={*failed == Some(Failed::Print)} />
            if *asked {
                <CopyAnswers name="downloads-copy" assessment={props.assessment.clone()} />
            }
            <button type="button" class="rts-button rts-button--secondary" onclick={print}>
                { &ui.print }
            </button>
        </div>
    }
}
