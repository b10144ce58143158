use std::rc::Rc;

use yew::prelude::*;

use crate::model::content::ContentPack;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub pack: Rc<ContentPack>,
}

#[component]
pub fn Start(props: &StartProps) -> Html {
    let start = &props.pack.start;
    html! {
        <section class="rts-start">
            <h1 class="rts-heading rts-heading--xl">{ &start.heading }</h1>
            { for start.paragraphs.iter().map(|p| html! { <p class="rts-body">{ p }</p> }) }
            <p class="rts-body">{ &start.time_needed }</p>
        </section>
    }
}
