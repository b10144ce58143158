use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::fields::text::TextField;
use crate::components::heading::Heading;
use crate::hooks::use_shared;
use crate::model::file::MAX_STORY_CHARS;
use crate::state::{Action, Edit, Step};

#[derive(Properties, PartialEq)]
pub struct StoryProps {
    pub story: AttrValue,
    /// Came from a "Change" link: "Save and continue" goes back to Check
    /// your answers instead of on to the summary.
    #[prop_or_default]
    pub returning_to_check: bool,
}

/// Your story (optional): the #InfoStory prompt.
#[component]
pub fn Story(props: &StoryProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let on_input = {
        let shared = shared.clone();
        Callback::from(move |story: String| shared.edit(Edit::Story(story)))
    };
    html! {
        <section class="rts-page rts-story">
            <BackLink to={Step::Check} />
            <Heading level={1} class="rts-heading--l">{ &ui.story_heading }</Heading>
            { for ui.story_intro.iter().map(|p| html! { <p class="rts-body">{ p }</p> }) }
            <TextField id={shared.id("story")} label={ui.story_label} label_class="rts-label--bold"
                hint={ui.story_hint} rows={8} value={props.story.clone()} limit={MAX_STORY_CHARS}
                field_name={shared.locale.fields.story} {on_input} />
            if props.returning_to_check {
                <button type="button" class="rts-button" onclick={shared.on(Action::Continue(Step::Check))}>
                    { &ui.save_and_continue }
                </button>
            } else {
                <button type="button" class="rts-button" onclick={shared.on(Action::Continue(Step::Summary))}>
                    { &ui.see_summary }
                </button>
            }
        </section>
    }
}
