use std::rc::Rc;

use yew::prelude::*;

use crate::components::start::Start;
use crate::model::content::ContentPack;
use crate::MountOptions;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub options: MountOptions,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let pack = use_memo((), |_| ContentPack::built_in());
    let _ = &props.options;
    html! {
        <div class="rts-app">
            <Start pack={Rc::clone(&pack)} />
        </div>
    }
}
