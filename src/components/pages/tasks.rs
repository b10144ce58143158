use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::document::inlines;
use crate::components::heading::Heading;
use crate::components::shared::Shared;
use crate::hooks::use_shared;
use crate::model::document::{plain, Text};
use crate::model::file::{summarise, FileProblem, WarningLine};
use crate::model::locale::{fill, whole_number};
use crate::model::scoring::{score_theme, ThemeStatus};
use crate::state::{Action, FileMessages, State, Step};

#[derive(Properties, PartialEq)]
pub struct TasksProps {
    pub state: UseReducerHandle<State>,
}

#[derive(Properties, PartialEq)]
struct TaskProps {
    name: AttrValue,
    hint: Option<AttrValue>,
    status: AttrValue,
    /// Tag style: "done", "progress" or "todo".
    tone: &'static str,
    on_click: Callback<MouseEvent>,
    id: AttrValue,
}

/// One row of the task list: the task (a button, since the widget never
/// changes the address) and its status, read out with it.
#[component]
fn Task(props: &TaskProps) -> Html {
    let status_id = format!("{}-status", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = if props.hint.is_some() {
        format!("{hint_id} {status_id}")
    } else {
        status_id.clone()
    };
    html! {
        <li class="rts-task-list__item">
            <div class="rts-task-list__name">
                <button type="button" class="rts-link-button rts-task-list__link"
                    aria-describedby={described} onclick={props.on_click.clone()}>
                    { &props.name }
                </button>
                if let Some(hint) = &props.hint {
                    <p class="rts-hint rts-task-list__hint" id={hint_id}>{ hint }</p>
                }
            </div>
            <div class="rts-task-list__status" id={status_id}>
                <strong class={classes!("rts-tag", format!("rts-tag--{}", props.tone))}>{ &props.status }</strong>
            </div>
        </li>
    }
}

/// The task list: every theme with its status, done in any order.
#[component]
pub fn Tasks(props: &TasksProps) -> Html {
    let shared = use_shared();
    let locale = &shared.locale;
    let ui = &locale.ui;
    let pack = &shared.pack;
    let assessment = &props.state.assessment;
    let answered = assessment.responded_count(pack);
    let total = pack.question_count();

    let about_done = assessment.context != Default::default();
    let themes = pack.themes.iter().enumerate().map(|(index, theme)| {
        let score = score_theme(theme, assessment);
        let status = score.status();
        let tone = match status {
            ThemeStatus::Completed => "done",
            ThemeStatus::InProgress => "progress",
            ThemeStatus::NotStarted => "todo",
        };
        let count = fill(
            ui.tasks_theme_count,
            &[
                ("answered", &score.responded().to_string()),
                ("total", &score.total.to_string()),
            ],
        );
        html! {
            <Task name={theme.title.clone()} hint={Some(AttrValue::from(format!("{} {count}", theme.description)))}
                status={locale.status(status).to_string()} {tone}
                id={shared.id(&format!("task-{}", theme.id))}
                on_click={shared.on(Action::Go(Step::Theme(index)))} />
        }
    });

    html! {
        <section class="rts-page rts-tasks">
            <BackLink to={Step::Start} />
            { file_banner(&shared, &props.state.file_messages) }
            <Heading level={1} class="rts-heading--l">{ &ui.tasks_heading }</Heading>
            <p class="rts-body">
                { fill(ui.tasks_progress, &[("answered", &answered.to_string()), ("total", &total.to_string())]) }
            </p>
            <p class="rts-body">{ &ui.tasks_any_order }</p>
            <Heading level={2} class="rts-heading--m">{ &ui.tasks_prepare }</Heading>
            <ul class="rts-task-list">
                <Task name={ui.about_heading} hint={None::<AttrValue>}
                    status={if about_done { locale.statuses.completed } else { ui.optional }}
                    tone={if about_done { "done" } else { "todo" }}
                    id={shared.id("task-about")} on_click={shared.on(Action::Go(Step::About))} />
            </ul>
            <Heading level={2} class="rts-heading--m">{ &ui.tasks_themes }</Heading>
            <ul class="rts-task-list">{ for themes }</ul>
            <Heading level={2} class="rts-heading--m">{ &ui.tasks_finish }</Heading>
            <ul class="rts-task-list">
                <Task name={ui.story_heading} hint={None::<AttrValue>}
                    status={if assessment.story.trim().is_empty() { ui.optional } else { locale.statuses.completed }}
                    tone={if assessment.story.trim().is_empty() { "todo" } else { "done" }}
                    id={shared.id("task-story")} on_click={shared.on(Action::Go(Step::Story))} />
                <Task name={ui.check_heading} hint={None::<AttrValue>}
                    status={fill(ui.tasks_theme_count, &[("answered", &answered.to_string()), ("total", &total.to_string())])}
                    tone={if answered == total { "done" } else { "todo" }}
                    id={shared.id("task-check")} on_click={shared.on(Action::Go(Step::Check))} />
            </ul>
            <button type="button" class="rts-button" onclick={shared.on(Action::Go(Step::Summary))}>
                { &ui.see_summary }
            </button>
        </section>
    }
}

/// What opening a file, or an update to the questions, has to say above the
/// task list: a green "Success" only when there is nothing to check; an
/// "Important" alert listing what to check (50 of a kind, then a count);
/// and, for answers saved by an earlier version, a region saying what
/// changed.
fn file_banner(shared: &Shared, messages: &FileMessages) -> Html {
    let (locale, pack) = (&shared.locale, &shared.pack);
    let ui = &locale.ui;
    let listed = |problems: &[FileProblem]| -> Vec<Text> {
        summarise(problems)
            .into_iter()
            .map(|line| match line {
                WarningLine::Problem(w) => locale.file_problem_text(pack, w),
                WarningLine::More(count) => plain(fill(
                    locale.file.more_of_the_same,
                    &[("count", &whole_number(count))],
                )),
            })
            .collect()
    };
    let (success, role, title, lead, lines) = match messages {
        FileMessages::Opened => (true, "alert", ui.opened_title, ui.opened_body, Vec::new()),
        FileMessages::OpenedWithWarnings(warnings) => (
            false,
            "alert",
            ui.opened_warnings_title,
            ui.opened_with_warnings,
            listed(warnings),
        ),
        FileMessages::Updated(changes) => (
            false,
            "region",
            ui.updated_title,
            ui.updated_body,
            listed(changes),
        ),
        FileMessages::None | FileMessages::Failed(_) => return Html::default(),
    };
    let title_id = shared.id("file-banner-title");
    html! {
        <div class={classes!("rts-notification", success.then_some("rts-notification--success"))}
            {role} aria-labelledby={title_id.clone()}>
            <Heading level={2} class="rts-notification__title" id={title_id}>{ title }</Heading>
            <div class="rts-notification__content">
                <p class="rts-notification__heading">{ lead }</p>
                if !lines.is_empty() {
                    <ul class="rts-list rts-list--bullet">
                        { for lines.iter().map(|line| html! { <li>{ inlines(line, "", None) }</li> }) }
                    </ul>
                }
            </div>
        </div>
    }
}
