use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::language_nav::LanguageNav;
use crate::components::notices::Notices;
use crate::components::pages::about::About;
use crate::components::pages::check::Check;
#[cfg(feature = "workshop")]
use crate::components::pages::partnership::PartnershipPage;
use crate::components::pages::start::Start;
use crate::components::pages::story::Story;
use crate::components::pages::summary::Summary;
use crate::components::pages::tasks::Tasks;
use crate::components::pages::theme_page::ThemePage;
use crate::components::shared::Shared;
use crate::effects::autosave;
use crate::effects::host_events::request_update;
use crate::model::languages::WELSH_REVIEWED;
use crate::model::locale::{Language, Locale, ENGLISH_LANGUAGE_NAV};
use crate::options::{MountOptions, OFFLINE_FILE};
use crate::state::{State, Step};

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
        let carried = options.carried.clone();
        use_reducer_eq(move || autosave::restore(&pack, &key, carried.as_ref()))
    };
    crate::hooks::use_autosave(&state, &options.storage_key, &pack);
    let root = use_node_ref();
    let id_prefix = use_memo((), |_| {
        // Unique per mount, so two widgets on one page never share an id.
        static MOUNTS: AtomicU32 = AtomicU32::new(0);
        format!("rts{}-", MOUNTS.fetch_add(1, Ordering::Relaxed))
    });
    let shared = shared_context(options, &chosen, &id_prefix, state.dispatcher());

    crate::hooks::page::use_accent(&root, options.accent.as_deref());
    crate::hooks::page::use_title_and_language(&root, &state, &locale);
    crate::hooks::page::use_panic_panel(&root, &options.storage_key);
    crate::hooks::page::use_today(&state);
    crate::hooks::page::use_focus_after_navigation(&root, &state, &id_prefix);
    crate::hooks::page::use_results_event(&root, &pack, &state, options.results_event);

    let page = screen(&state, options);
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
                    state={state.clone()}
                    {on_update} />
                // Leaving or downloading stopped: a field holds text over its
                // limit, kept there unsaved.
                if state.problems_shown > 0 && !state.over_limit.is_empty() {
                    <ErrorSummary attempt={Some(state.problems_shown)}
                        errors={state.over_limit.iter().map(|(id, message)| (message.clone(), id.clone())).collect::<Vec<_>>()} />
                }
                { page }
                { statement_link(options.statement_url.as_deref(), &locale) }
            </div>
        </ContextProvider<Shared>>
    }
}

/// What every component of this widget shares (see [`Shared`]).
fn shared_context(
    options: &MountOptions,
    chosen: &crate::hooks::language::Chosen,
    id_prefix: &str,
    dispatch: UseReducerDispatcher<State>,
) -> Shared {
    Shared {
        id_prefix: Rc::from(id_prefix),
        offline_copy_url: options
            .offer_offline_copy
            .then(|| Rc::from(format!("{}{OFFLINE_FILE}", options.base_url).as_str())),
        pack: Rc::clone(&chosen.pack),
        locale: Rc::clone(&chosen.locale),
        heading_base: options.heading_level.clamp(1, 6),
        storage_key: Rc::from(options.storage_key.as_str()),
        results_event: options.results_event,
        dispatch,
    }
}

/// The link to the accessibility statement, last on every screen, marked
/// as English in another language (the statement is in English only).
fn statement_link(url: Option<&str>, locale: &Locale) -> Html {
    let Some(url) = url else {
        return Html::default();
    };
    html! {
        <p class="rts-body rts-footer-links">
            <a class="rts-link" href={url.to_string()}>{ locale.ui.accessibility_statement }</a>
            if locale.lang() != Language::English {
                { " " }{ locale.language_nav.english_only }
            }
        </p>
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
    let (words, english) = (&shared.locale.language_nav, &ENGLISH_LANGUAGE_NAV);
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

/// The screen for the current step. (`options` says how the partnership
/// view's loading went, in the module built without the view.)
#[cfg_attr(feature = "workshop", allow(unused_variables))]
fn screen(state: &UseReducerHandle<State>, options: &MountOptions) -> Html {
    match state.step {
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
        #[cfg(feature = "workshop")]
        Step::Partnership => {
            html! {
                <PartnershipPage workshop={state.workshop.clone()} today={state.today}
                    saved={state.workshop_saved_revision >= state.workshop_revision}
                    status={state.workshop_status}
                    not_stored={state.workshop_not_stored.clone()}
                    blocked={!state.over_limit.is_empty()} />
            }
        }
        #[cfg(not(feature = "workshop"))]
        Step::Partnership => html! {
            <crate::components::pages::workshop_loading::WorkshopLoading state={state.clone()}
                unavailable={options.workshop_unavailable} outdated={options.workshop_outdated} />
        },
    }
}
