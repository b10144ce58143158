use yew::prelude::*;

use crate::components::shared::use_shared;
use crate::model::render::guide_links;

#[derive(Properties, PartialEq)]
pub struct GuideLinksProps {
    /// Guidance ids from the pack, most relevant first.
    pub ids: Vec<String>,
}

/// "Guidance:" and a link to each guidance item, with its publisher and
/// year; nothing when there is none. Links open in a new tab and say so.
#[component]
pub fn GuideLinks(props: &GuideLinksProps) -> Html {
    let shared = use_shared();
    let guides = guide_links(&shared.pack, &shared.locale, &props.ids);
    if guides.is_empty() {
        return html! {};
    }
    html! {
        <p class="rts-body rts-actions__guides">
            { &shared.locale.report.guidance_label }
            { for guides.iter().enumerate().map(|(i, g)| html! {
                <>
                    { if i == 0 { " " } else { "; " } }
                    <a class="rts-link" href={g.url.to_string()} target="_blank" rel="noopener noreferrer">
                        { g.title }
                        <span class="rts-link__new-tab">{ format!(" {}", shared.locale.common.opens_in_new_tab) }</span>
                    </a>
                    <span class="rts-secondary">{ format!(" ({})", g.about) }</span>
                </>
            }) }
        </p>
    }
}
