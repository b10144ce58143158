//! The language switch, after the GOV.UK language navigation pattern: each
//! language named in itself, the current one marked, in the same place on
//! every screen. Choosing one keeps every answer, note and the screen: the
//! loader fetches the language's files and the widget is drawn again in it.

use yew::prelude::*;

use crate::effects::focus::{focus_and_scroll, Scroll};
use crate::hooks::use_shared;
use crate::model::locale::Language;

#[derive(Properties, PartialEq)]
pub struct LanguageNavProps {
    /// The widget's root, which the request to the loader is sent from.
    pub root: NodeRef,
}

/// What the link to a language says to a screen reader after its name, in
/// that language (GOV.UK's hidden text).
fn change_to(language: Language) -> &'static str {
    match language {
        Language::English => "Change the language to English",
        Language::Welsh => "Newid yr iaith i'r Gymraeg",
    }
}

#[component]
pub fn LanguageNav(props: &LanguageNavProps) -> Html {
    let shared = use_shared();
    let current = shared.locale.lang();
    let nav = use_node_ref();
    // After a switch made here, focus stays in the switch (on the link back)
    // instead of falling to the page when the pressed link becomes text.
    let switched = use_mut_ref(|| false);
    {
        let (nav, switched) = (nav.clone(), switched.clone());
        use_effect_with(current, move |_| {
            if std::mem::take(&mut *switched.borrow_mut()) {
                focus_and_scroll(&nav, "a", Scroll::Nearest);
            }
        });
    }
    let links = Language::ALL.iter().map(|&language| {
        let code = language.code();
        if language == current {
            return html! {
                <li class="rts-language__item">
                    <span class="rts-language__current" aria-current="true" lang={code}>{ language.own_name() }</span>
                </li>
            };
        }
        let onclick = {
            let (root, switched) = (props.root.clone(), switched.clone());
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                *switched.borrow_mut() = true;
                crate::effects::host_events::request_language(&root, code);
            })
        };
        html! {
            <li class="rts-language__item">
                <a class="rts-link rts-language__link" href={format!("?lang={code}")}
                    hreflang={code} lang={code} rel="alternate" {onclick}>
                    { language.own_name() }
                    <span class="rts-visually-hidden">{ format!(": {}", change_to(language)) }</span>
                </a>
            </li>
        }
    });
    html! {
        <nav class="rts-language" aria-label={shared.locale.language_nav.label} ref={nav}>
            <ul class="rts-language__list">{ for links }</ul>
        </nav>
    }
}
