use yew::prelude::*;

use crate::components::copy_answers::CopyAnswers;
use crate::components::download_failed::DownloadFailed;
use crate::components::downloads::download_json;
use crate::hooks::use_shared;
use crate::model::locale::{fill, Language, Locale};
use crate::state::SaveStatus;
use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub save_status: SaveStatus,
    pub progress_unreadable: bool,
    pub from_other_tab: bool,
    pub update_ready: bool,
    /// With a workshop open: whether storage can hold all of it.
    pub workshop: Option<bool>,
    /// The partner pack's address and its problems, when it was refused.
    pub pack_problems: Option<(AttrValue, Vec<String>)>,
    /// The language asked for could not be read, and why.
    #[prop_or_default]
    pub language_problem: Option<AttrValue>,
    /// The app's state, shared rather than copied: the answers are read only
    /// when storage fails and they are offered as a file or text.
    pub state: UseReducerHandle<State>,
    pub on_update: Callback<MouseEvent>,
}

/// Messages about the widget itself (saving, versions, a partner's pack),
/// shown above every page.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let storage_problem = match props.save_status {
        SaveStatus::Ok => None,
        SaveStatus::Blocked => Some(&ui.storage_blocked),
        SaveStatus::Full => Some(&ui.storage_full),
    };
    // Says "saved" only when it is: the workshop is kept too, unless
    // storage failed or some of its files would not fit.
    let update_text = match (storage_problem, props.workshop) {
        (Some(_), _) | (None, Some(false)) => ui.update_ready_unsaved,
        (None, Some(true)) => ui.update_ready_workshop,
        (None, None) => ui.update_ready,
    };
    let failed = use_state_eq(|| false);
    let download = {
        let (state, failed) = (props.state.clone(), failed.clone());
        let language = shared.locale.language;
        Callback::from(move |_: MouseEvent| {
            failed.set(download_json(&state.assessment, language).is_err())
        })
    };
    html! {
        <>
            if props.update_ready {
                <div class="rts-notice" role="status">
                    <p class="rts-body">{ update_text }</p>
                    <button type="button" class="rts-button rts-button--secondary"
                        onclick={props.on_update.clone()}>{ &ui.update_now }</button>
                </div>
            }
            if let Some(reason) = &props.language_problem {
                <div class="rts-notice rts-notice--warning" role="status">
                    <p class="rts-body">{ language_failed(&shared.locale) }</p>
                    <p class="rts-body rts-secondary" lang="en">{ reason.as_str() }</p>
                </div>
            }
            if let Some((source, problems)) = &props.pack_problems {
                <div class="rts-notice rts-notice--warning" role="status">
                    <p class="rts-body">{ fill(ui.partner_pack_failed, &[("source", source)]) }</p>
                    <ul class="rts-list rts-list--bullet">
                        { for problems.iter().take(10).map(|p| html! { <li>{ p }</li> }) }
                    </ul>
                </div>
            }
            if props.progress_unreadable {
                <div class="rts-notice rts-notice--warning" role="status">
                    <p class="rts-body">{ &ui.progress_unreadable }</p>
                </div>
            }
            if props.from_other_tab {
                <div class="rts-notice" role="status">
                    <p class="rts-body">{ &ui.from_other_tab }</p>
                </div>
            }
            if let Some(problem) = storage_problem {
                <div class="rts-notice rts-notice--warning" role="alert">
                    <p class="rts-body">{ problem }</p>
                    <button type="button" class="rts-button rts-button--secondary" onclick={download}>
                        { &ui.download_answers }
                    </button>
                    <DownloadFailed failed={*failed} />
                    <CopyAnswers name="answers-copy" assessment={props.state.assessment.clone()} />
                </div>
            }
        </>
    }
}

/// What to say when the language chosen could not be read, so the tool is
/// in the one built in: English could not be read where Welsh is built in,
/// otherwise Welsh could not be. (Both say it in both languages.)
fn language_failed(locale: &Locale) -> &'static str {
    match Language::BUILT_IN {
        Language::Welsh => locale.language_nav.english_failed,
        Language::English => locale.language_nav.failed,
    }
}
