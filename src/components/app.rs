use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::language_nav::LanguageNav;
use crate::components::notices::Notices;
use crate::components::pages::about::About;
use crate::components::pages::check::Check;
use crate::components::pages::partnership::PartnershipPage;
use crate::components::pages::start::Start;
use crate::components::pages::story::Story;
use crate::components::pages::summary::Summary;
use crate::components::pages::tasks::Tasks;
use crate::components::pages::theme_page::ThemePage;
use crate::components::shared::Shared;
use crate::effects::focus::{focus_and_scroll, Scroll};
use crate::effects::host_events::{announce_complete, request_update};
use crate::effects::{autosave, page, panic_panel};
use crate::model::content::ContentPack;
use crate::model::contrast::AccentColours;
use crate::model::languages::WELSH_REVIEWED;
use crate::model::locale::{fill, Language, Locale};
use crate::options::{safe_colour, MountOptions, OFFLINE_FILE};
use crate::state::{Action, FileMessages, State, Step};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub options: MountOptions,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let options = &props.options;
    // The language's words and questions; a partner's pack is checked with
    // the same rules as the built-in one, and if it fails, the built-in
    // pack is used and the problems are shown.
    let chosen = crate::hooks::use_language(options);
    let (locale, pack) = (Rc::clone(&chosen.locale), Rc::clone(&chosen.pack));
    let state = {
        let pack = Rc::clone(&pack);
        let key = options.storage_key.clone();
        use_reducer_eq(move || autosave::restore(&pack, &key))
    };
    crate::hooks::use_autosave(&state, &options.storage_key, &pack);
    let root = use_node_ref();
    let id_prefix = use_memo((), |_| {
        // Unique per mount, so two widgets on one page never share an id.
        static MOUNTS: AtomicU32 = AtomicU32::new(0);
        format!("rts{}-", MOUNTS.fetch_add(1, Ordering::Relaxed))
    });
    let shared = Shared {
        id_prefix: Rc::from(id_prefix.as_str()),
        offline_copy_url: options
            .offer_offline_copy
            .then(|| Rc::from(format!("{}{OFFLINE_FILE}", options.base_url).as_str())),
        pack: Rc::clone(&pack),
        locale: Rc::clone(&locale),
        heading_base: options.heading_level.clamp(1, 6),
        storage_key: Rc::from(options.storage_key.as_str()),
        results_event: options.results_event,
        dispatch: state.dispatcher(),
    };

    // The accent goes through the style object rather than a style
    // attribute, which a Content Security Policy without 'unsafe-inline'
    // would block. Each use of it is checked for contrast in the model:
    // a light accent gets dark text on the panel, and links and bars keep
    // the default wherever the accent would be too faint on white.
    {
        let root = root.clone();
        let accent = options
            .accent
            .as_deref()
            .and_then(safe_colour)
            .map(str::to_string);
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

    // The document's title names the screen (and says when it shows an
    // error), as on GOV.UK services, but only on the tool's own pages: a
    // host page's title belongs to the host.
    {
        let root = root.clone();
        let title = page_title(&state, &pack, &locale);
        use_effect_with(title, move |title| page::set_title(&root, title));
    }

    // The page's language follows the widget's, on the tool's own pages.
    {
        let root = root.clone();
        use_effect_with(locale.language, move |code| page::set_language(&root, code));
    }

    // If anything panics, this widget becomes a panel offering its answers.
    {
        let root = root.clone();
        let key = options.storage_key.clone();
        use_effect_with((), move |_| panic_panel::watch(&key, &root));
    }

    // The date on the summary and the partnership view: read after each
    // navigation, so a page left open overnight is dated afresh.
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.navigations, move |_| {
            dispatch.dispatch(Action::Today(crate::effects::clock::today()))
        });
    }

    // After each navigation, move focus to the new page's heading (or to the
    // question being changed), as a screen reader user expects. Not on the
    // first render: the widget must not take focus from the host page.
    {
        let root = root.clone();
        let prefix = Rc::clone(&id_prefix);
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

    {
        let root = root.clone();
        let pack = Rc::clone(&pack);
        let state = state.clone();
        // Only for a host that asked (`results-event`); the start page says so.
        let results_event = options.results_event;
        use_effect_with(
            (state.navigations, state.step == Step::Summary),
            move |(_, on_summary)| {
                if *on_summary && results_event {
                    announce_complete(&root, &pack, &state.assessment);
                }
            },
        );
    }

    let page = match state.step {
        Step::Start => html! { <Start state={state.clone()} /> },
        Step::About => {
            html! { <About context={state.assessment.context.clone()} returning_to_check={state.returning_to_check} /> }
        }
        Step::Tasks => html! { <Tasks state={state.clone()} /> },
        Step::Theme(index) => html! { <ThemePage {index} state={state.clone()} /> },
        Step::Check => html! { <Check state={state.clone()} /> },
        Step::Story => {
            html! { <Story story={state.assessment.story.clone()} returning_to_check={state.returning_to_check} /> }
        }
        Step::Summary => html! { <Summary state={state.clone()} /> },
        Step::Partnership => {
            html! {
                <PartnershipPage workshop={state.workshop.clone()} today={state.today}
                    saved={state.workshop_saved_revision >= state.workshop_revision}
                    status={state.workshop_status}
                    not_stored={state.workshop_not_stored.clone()} />
            }
        }
    };
    let on_update = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| request_update(&root))
    };

    html! {
        <ContextProvider<Shared> context={shared}>
            // data-rts-save-state says whether storage holds every change
            // yet, for tests and host tooling that must not guess with a timer.
            <div class="rts-app" ref={root.clone()} lang={locale.language} dir="ltr"
                data-rts-save-state={state.save_state().as_str()}>
                if options.language_switch {
                    <LanguageNav root={root.clone()} />
                }
                if locale.lang() != Language::English && !WELSH_REVIEWED {
                    <DraftNotice full={state.step == Step::Start} />
                }
                <Notices save_status={state.save_status}
                    progress_unreadable={state.progress_unreadable}
                    from_other_tab={state.from_other_tab}
                    update_ready={options.update_ready}
                    workshop={(!state.workshop.is_empty()).then_some(state.workshop_kept())}
                    language_problem={chosen.language_problem.clone().map(AttrValue::from)}
                    pack_problems={chosen.pack_problems.clone().map(|problems| (
                        AttrValue::from(options.partner_pack.as_ref().map_or(String::new(), |p| p.source.clone())),
                        problems,
                    ))}
                    assessment={state.assessment.clone()}
                    {on_update} />
                // Leaving or downloading stopped: a field holds text over its
                // limit, kept there unsaved.
                if state.problems_shown > 0 && !state.over_limit.is_empty() {
                    <ErrorSummary attempt={Some(state.problems_shown)}
                        errors={state.over_limit.iter().map(|(id, message)| (message.clone(), id.clone())).collect::<Vec<_>>()} />
                }
                { page }
                if let Some(url) = &options.statement_url {
                    <p class="rts-body rts-footer-links">
                        <a class="rts-link" href={url.clone()}>{ locale.ui.accessibility_statement }</a>
                        if locale.lang() != Language::English {
                            { " " }{ locale.language_nav.english_only }
                        }
                    </p>
                }
            </div>
        </ContextProvider<Shared>>
    }
}

#[derive(Properties, PartialEq)]
struct DraftNoticeProps {
    full: bool,
}

/// Says, in the language shown and in English, that its translation is not
/// yet reviewed: in full on the start page, in a line on the others.
#[component]
fn DraftNotice(props: &DraftNoticeProps) -> Html {
    let shared = crate::hooks::use_shared();
    let (words, english) = (&shared.locale.language_nav, Locale::english().language_nav);
    if !props.full {
        return html! {
            <p class="rts-body rts-secondary">
                { words.draft_notice_heading }{ " " }
                <span lang="en">{ format!("({})", english.draft_notice_heading) }</span>
            </p>
        };
    }
    html! {
        <div class="rts-inset rts-inset--first" role="note">
            <p class="rts-body"><strong>{ words.draft_notice_heading }</strong></p>
            <p class="rts-body">{ words.draft_notice }</p>
            <p class="rts-body" lang="en">{ english.draft_notice_other_language }</p>
        </div>
    }
}

/// The title for the current screen: its heading, then the product's name.
fn page_title(state: &State, pack: &ContentPack, locale: &Locale) -> String {
    let ui = &locale.ui;
    let area = state.assessment.context.area.trim();
    let heading = match state.step {
        Step::Start => pack.start.heading.clone(),
        Step::About => ui.about_heading.to_string(),
        Step::Tasks => ui.tasks_heading.to_string(),
        Step::Theme(index) => pack
            .themes
            .get(index)
            .map_or_else(|| ui.tasks_heading.to_string(), |t| t.title.clone()),
        Step::Check => ui.check_heading.to_string(),
        Step::Story => ui.story_heading.to_string(),
        Step::Summary if area.is_empty() => locale.report.title.to_string(),
        Step::Summary => fill(locale.report.title_for_area, &[("area", area)]),
        Step::Partnership => locale.partnership.title.to_string(),
    };
    let error = match state.step {
        Step::Start => matches!(state.file_messages, FileMessages::Failed(_)),
        Step::Summary => state.earlier_problem.is_some(),
        _ => false,
    };
    locale.page_title(&heading, error)
}
