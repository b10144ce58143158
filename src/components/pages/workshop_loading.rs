//! The partnership view's place in the page's first module, which is built
//! without it (the `workshop` feature) so that nobody who never opens it
//! downloads it. On arrival it asks the page's loader for the whole app,
//! carrying the answers; the loader mounts that app in this one's place,
//! on the partnership view. If the loader cannot fetch it (offline, before
//! the whole app was ever used in this browser), it says so here, and the
//! person can try again or go back: nothing is lost either way.

use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::heading::Heading;
use crate::effects::host_events::request_workshop;
use crate::hooks::use_shared;
use crate::model::file::{write_assessment, write_saved_progress};
use crate::state::{State, Step};

#[derive(Properties, PartialEq)]
pub struct WorkshopLoadingProps {
    pub state: UseReducerHandle<State>,
    /// How many times the loader could not fetch the whole app.
    pub unavailable: u32,
    /// The last time, its files were not on the server: the tool was
    /// updated since the page was opened.
    pub outdated: bool,
}

/// What the whole app opens with: the answers as saved progress, and the
/// earlier assessment being compared with (kept only in memory) as a file.
fn ask_for_whole_app(page: &NodeRef, state: &State) {
    let progress = write_saved_progress(&state.stamped());
    let earlier = state.earlier.as_deref().map(write_assessment);
    request_workshop(page, &progress, earlier.as_deref());
}

#[component]
pub fn WorkshopLoading(props: &WorkshopLoadingProps) -> Html {
    let shared = use_shared();
    let page = use_node_ref();
    let ask = {
        let (page, state) = (page.clone(), props.state.clone());
        Callback::from(move |_: ()| ask_for_whole_app(&page, &state))
    };
    {
        let ask = ask.clone();
        // Once, on arrival; "Try again" asks again.
        use_effect_with((), move |_| ask.emit(()));
    }
    let words = &shared.locale.partnership;
    html! {
        <section class="rts-page rts-workshop-loading" ref={page}>
            <div class="rts-no-print">
                <BackLink to={Step::Start} />
            </div>
            <Heading level={1} class="rts-heading--l">{ words.title }</Heading>
            if props.unavailable == 0 {
                <p class="rts-body rts-loading" role="status">{ words.opening }</p>
            } else {
                // Keyed by the attempt, so each failure is announced again.
                <div key={props.unavailable} class="rts-notice rts-notice--warning" role="alert">
                    <p class="rts-body">
                        { if props.outdated { words.opening_outdated } else { words.opening_failed } }
                    </p>
                </div>
                <button type="button" class="rts-button" onclick={ask.reform(|_: MouseEvent| ())}>
                    { shared.locale.loader.retry }
                </button>
            }
        </section>
    }
}
