use yew::prelude::*;

use crate::hooks::use_shared;

#[derive(Properties, PartialEq)]
pub struct DownloadFailedProps {
    pub failed: bool,
    /// Printing failed rather than a download.
    #[prop_or_default]
    pub print: bool,
}

/// Says, where the button is, that the browser did not make the file (or
/// open printing), so a click that did nothing is never left unexplained.
#[component]
pub fn DownloadFailed(props: &DownloadFailedProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    // The alert region is always there, so what it says when a click
    // fails is announced.
    html! {
        <div role="alert">
            if props.failed {
                <p class="rts-error-message">
                    { if props.print { ui.print_failed } else { ui.download_failed } }
                </p>
            }
        </div>
    }
}
