use yew::prelude::*;

use crate::components::shared::use_shared;

#[derive(Properties, PartialEq)]
pub struct CaseStudyListProps {
    /// Each matched case study's id, with the reasons it was chosen in words.
    pub items: Vec<(String, String)>,
}

/// The matched case studies: links that open in a new tab and say so, where
/// each comes from, and why it was chosen.
#[component]
pub fn CaseStudyList(props: &CaseStudyListProps) -> Html {
    let shared = use_shared();
    html! {
        <ul class="rts-list rts-case-studies">
            { for props.items.iter().filter_map(|(id, reasons)| {
                let study = shared.pack.case_studies.iter().find(|c| &c.id == id)?;
                Some(html! {
                    <li class="rts-case-studies__item">
                        <a class="rts-link rts-case-studies__link" href={study.url.clone()} target="_blank" rel="noopener noreferrer">
                            { &study.title }
                            <span class="rts-link__new-tab">{ format!(" {}", shared.locale.common.opens_in_new_tab) }</span>
                        </a>
                        <p class="rts-body rts-secondary">{ format!("{}; {}", study.place, study.source) }</p>
                        <p class="rts-body">{ &study.summary }</p>
                        <p class="rts-body rts-case-studies__reason">{ reasons }</p>
                    </li>
                })
            }) }
        </ul>
    }
}
