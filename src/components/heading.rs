use yew::prelude::*;

use crate::hooks::use_shared;

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// 1 for the page heading, 2 for its sections, and so on; offset by the
    /// host page's chosen level so the widget fits the host's outline.
    pub level: u8,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// A section heading that focus moves to when its content appears.
    #[prop_or_default]
    pub focusable: bool,
    pub children: Html,
}

/// A heading at the right level. Page headings (level 1) can take focus, so
/// focus can move to them when the page changes.
#[component]
pub fn Heading(props: &HeadingProps) -> Html {
    let shared = use_shared();
    let level = (shared.heading_base + props.level - 1).clamp(1, 6);
    let page = props.level == 1;
    let class = classes!(
        "rts-heading",
        page.then_some("rts-page-heading"),
        props.focusable.then_some("rts-focus-heading"),
        props.class.clone()
    );
    let tag = format!("h{level}");
    html! {
        <@{tag} class={class} id={props.id.clone()} tabindex={(page || props.focusable).then_some("-1")}>
            { props.children.clone() }
        </@>
    }
}
