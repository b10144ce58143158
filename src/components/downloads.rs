use yew::prelude::*;

use crate::clock;
use crate::components::heading::Heading;
use crate::components::shared::{use_shared, Shared};
use crate::download;
use crate::model::assessment::Assessment;
use crate::model::file::write_assessment;
use crate::model::render::{csv, file_name, html, markdown, Report};

/// Offers the assessment as the JSON file that can be opened again.
pub fn offer_json(assessment: &Assessment) {
    let name = file_name(&assessment.context.area, &clock::today(), "json");
    let _ = download::offer(&name, "application/json", &write_assessment(assessment));
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Html,
    Markdown,
    Csv,
    Json,
    PlanCsv,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::PlanCsv => "plan-csv",
        }
    }
}

fn offer(shared: &Shared, assessment: &Assessment, earlier: Option<&Assessment>, format: Format) {
    if format == Format::Json {
        return offer_json(assessment);
    }
    let date = clock::today_in_words(&shared.locale);
    let mut report = Report::new(&shared.pack, &shared.locale, assessment, &date);
    if let Some(earlier) = earlier {
        report = report.with_comparison(earlier);
    }
    let (extension, mime, contents) = match format {
        Format::Html => ("html", "text/html;charset=utf-8", html::render(&report)),
        Format::Markdown => (
            "md",
            "text/markdown;charset=utf-8",
            markdown::render(&report),
        ),
        Format::PlanCsv => (
            "csv",
            "text/csv;charset=utf-8",
            crate::model::render::plan::csv(&report),
        ),
        _ => ("csv", "text/csv;charset=utf-8", csv::render(&report)),
    };
    let mut name = file_name(&assessment.context.area, &clock::today(), extension);
    if format == Format::PlanCsv {
        name = name.replacen("ready-to-share", "ready-to-share-plan", 1);
    }
    let _ = download::offer(&name, mime, &contents);
}

#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    pub assessment: Assessment,
    /// An earlier assessment: the downloads then include the comparison.
    #[prop_or_default]
    pub earlier: Option<Assessment>,
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
    let button = |format: Format, label: &str, hint: &str| {
        let hint_id = shared.id(&format!("download-{}-hint", format.name()));
        let shared2 = shared.clone();
        let assessment = props.assessment.clone();
        let earlier = props.earlier.clone();
        let asked = asked.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            offer(&shared2, &assessment, earlier.as_ref(), format);
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
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <div class="rts-downloads rts-no-print">
            <Heading level={2} class="rts-heading--m">{ &ui.downloads_heading }</Heading>
            <p class="rts-body">{ &ui.downloads_intro }</p>
            <ul class="rts-downloads__list">
                { button(Format::Html, ui.download_html, ui.download_html_hint) }
                { button(Format::Markdown, ui.download_markdown, ui.download_markdown_hint) }
                { button(Format::Csv, ui.download_csv, ui.download_csv_hint) }
                { button(Format::PlanCsv, shared.locale.plan.download_csv, shared.locale.plan.download_csv_hint) }
                { button(Format::Json, ui.download_json, ui.download_json_hint) }
            </ul>
            if *asked {
                <details class="rts-details">
                    <summary class="rts-details__summary">{ &ui.copy_answers }</summary>
                    <div class="rts-details__text">
                        <label class="rts-label" for={shared.id("downloads-copy")}>{ &ui.copy_answers_label }</label>
                        <textarea class="rts-textarea" id={shared.id("downloads-copy")} rows="6" readonly=true
                            value={write_assessment(&props.assessment)} />
                    </div>
                </details>
            }
            <button type="button" class="rts-button rts-button--secondary" onclick={print}>
                { &ui.print }
            </button>
        </div>
    }
}
