use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::fields::file_picker::{ChosenFiles, FilePicker};
use crate::components::heading::Heading;
use crate::effects::focus::{focus_and_scroll, Scroll};
use crate::hooks::use_shared;
use crate::model::file::{read_assessment_bytes, FileProblem};
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
