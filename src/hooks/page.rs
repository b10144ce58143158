//! The widget's effects on its page, each a hook the app calls once: the
//! accent colour, the page's title and language (on the tool's own pages
//! only), the panic panel, today's date, focus after each navigation, and
//! the results event a host asked for.

use std::rc::Rc;

use yew::prelude::*;

use crate::effects::focus::{focus_and_scroll, Scroll};
use crate::effects::host_events::announce_complete;
use crate::effects::{page, panic_panel};
use crate::model::content::ContentPack;
use crate::model::contrast::AccentColours;
use crate::model::locale::Locale;
use crate::options::safe_colour;
use crate::state::{Action, State, Step};

/// The accent goes through the style object rather than a style attribute,
/// which a Content Security Policy without 'unsafe-inline' would block.
/// Each use of it is checked for contrast in the model: a light accent gets
/// dark text on the panel, and links and bars keep the default wherever the
/// accent would be too faint on white.
#[hook]
pub fn use_accent(root: &NodeRef, accent: Option<&str>) {
    let root = root.clone();
    let accent = accent.and_then(safe_colour).map(str::to_string);
    use_effect_with(accent, move |accent| {
        let colours = AccentColours::for_accent(accent.as_deref());
        let set = accent.is_some();
        page::set_properties(
            &root,
            colours
                .properties()
                .into_iter()
                .map(|(name, value)| (name, set.then_some(value))),
        );
    });
}

/// The document's title names the screen (and says when it shows an
/// error), as on GOV.UK services, and the page's language follows the
/// widget's, but only on the tool's own pages: a host page's title and
/// language belong to the host.
#[hook]
pub fn use_title_and_language(root: &NodeRef, state: &UseReducerHandle<State>, locale: &Locale) {
    {
        let root = root.clone();
        let title = state.page_title(locale);
        use_effect_with(title, move |title| page::set_title(&root, title));
    }
    let root = root.clone();
    use_effect_with(locale.language, move |code| page::set_language(&root, code));
}

/// If anything panics, this widget becomes a panel offering its answers.
#[hook]
pub fn use_panic_panel(root: &NodeRef, storage_key: &str) {
    let root = root.clone();
    let key = storage_key.to_string();
    use_effect_with((), move |_| panic_panel::watch(&key, &root));
}

/// The date on the summary and the partnership view: read after each
/// navigation, so a page left open overnight is dated afresh.
#[hook]
pub fn use_today(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    use_effect_with(state.navigations, move |_| {
        dispatch.dispatch(Action::Today(crate::effects::clock::today()))
    });
}

/// After each navigation, focus moves to the new page's heading (or to the
/// question being changed), as a screen reader user expects. Not on the
/// first render: the widget must not take focus from the host page.
#[hook]
pub fn use_focus_after_navigation(
    root: &NodeRef,
    state: &UseReducerHandle<State>,
    id_prefix: &Rc<String>,
) {
    let root = root.clone();
    let prefix = Rc::clone(id_prefix);
    use_effect_with(
        (state.navigations, state.focus_question.clone()),
        move |(navigations, question)| {
            if *navigations > 0 {
                // Question ids are checked to be lower-case letters,
                // digits and hyphens, so they are safe in a selector.
                let selector = match question {
                    Some(id) => format!("#{prefix}q-{id} input"),
                    None => ".rts-page-heading".to_string(),
                };
                focus_and_scroll(&root, &selector, Scroll::Nearest);
            }
        },
    );
}

/// Only for a host that asked (`results-event`; the start page says so):
/// the scores, counts and band when the user reaches the summary.
#[hook]
pub fn use_results_event(
    root: &NodeRef,
    pack: &Rc<ContentPack>,
    state: &UseReducerHandle<State>,
    results_event: bool,
) {
    let root = root.clone();
    let pack = Rc::clone(pack);
    let state = state.clone();
    use_effect_with(
        (state.navigations, state.step == Step::Summary),
        move |(_, on_summary)| {
            if *on_summary && results_event {
                announce_complete(&root, &pack, &state.assessment);
            }
        },
    );
}
