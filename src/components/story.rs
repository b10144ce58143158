use yew::prelude::*;

use crate::clock;
use crate::components::heading::{BackLink, Heading};
use crate::components::shared::use_shared;
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
    let id = shared.id("story");
    let hint_id = shared.id("story-hint");
    let on_input = {
        let shared = shared.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            shared.send(Action::Edit {
                edit: Edit::Story(input.value()),
                now: clock::now(),
            });
        })
    };
    html! {
        <section class="rts-page rts-story">
            <BackLink on_click={shared.on(Action::Go(Step::Check))} />
            <Heading level={1} class="rts-heading--l">{ &ui.story_heading }</Heading>
            { for ui.story_intro.iter().map(|p| html! { <p class="rts-body">{ p }</p> }) }
            <div class="rts-form-group">
                <label class="rts-label rts-label--bold" for={id.clone()}>{ &ui.story_label }</label>
                <p class="rts-hint" id={hint_id.clone()}>{ &ui.story_hint }</p>
                <textarea class="rts-textarea" id={id} rows="8"
                    maxlength={MAX_STORY_CHARS.to_string()} aria-describedby={hint_id}
                    value={props.story.clone()} oninput={on_input} />
            </div>
            if props.returning_to_check {
                <button type="button" class="rts-button" onclick={shared.on(Action::Go(Step::Check))}>
                    { &ui.save_and_continue }
                </button>
            } else {
                <button type="button" class="rts-button" onclick={shared.on(Action::Go(Step::Summary))}>
                    { &ui.see_summary }
                </button>
            }
        </section>
    }
}
