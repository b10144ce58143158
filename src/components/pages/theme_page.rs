use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::heading::Heading;
use crate::components::question::Question;
use crate::hooks::use_shared;
use crate::model::locale::fill;
use crate::model::scoring::score_theme;
use crate::state::{Action, State, Step};

#[derive(Properties, PartialEq)]
pub struct ThemePageProps {
    pub index: usize,
    pub state: UseReducerHandle<State>,
}

/// One theme's questions on one page, with where it sits among the themes.
#[component]
pub fn ThemePage(props: &ThemePageProps) -> Html {
    let shared = use_shared();
    let ui = &shared.locale.ui;
    let pack = &shared.pack;
    let Some(theme) = pack.themes.get(props.index) else {
        return Html::default();
    };
    let assessment = &props.state.assessment;
    let score = score_theme(theme, assessment);
    // After "Change" on Check your answers, go back there (GOV.UK pattern).
    let returning = props.state.returning_to_check;
    let next = if returning {
        Step::Check
    } else if props.index + 1 < pack.themes.len() {
        Step::Theme(props.index + 1)
    } else {
        Step::Check
    };
    let of = theme.questions.len();

    html! {
        <section class="rts-page rts-theme">
            <BackLink to={if returning { Step::Check } else { Step::Tasks }} />
            <span class="rts-caption rts-caption--l">
                { fill(ui.theme_position, &[("n", &(props.index + 1).to_string()), ("total", &pack.themes.len().to_string())]) }
            </span>
            <Heading level={1} class="rts-heading--l">{ &theme.title }</Heading>
            <p class="rts-body">{ &theme.description }</p>
            <p class="rts-body rts-theme__progress" aria-live="polite">
                { fill(ui.theme_answered, &[("answered", &score.responded().to_string()), ("total", &of.to_string())]) }
            </p>
            <p class="rts-hint">{ &ui.theme_saved_hint }</p>
            { for theme.questions.iter().enumerate().map(|(index, question)| html! {
                <Question key={question.id.clone()} theme={props.index} {index}
                    number={index + 1} {of}
                    response={assessment.response(&question.id)}
                    earlier={assessment.response(&question.id).is_none().then(|| {
                        let kept = assessment.set_aside.get(&question.id).and_then(|a| a.response);
                        shared.locale.earlier_answer(pack, &question.id, kept)
                    }).flatten()}
                    note={AttrValue::from(assessment.note(&question.id).to_string())} />
            }) }
            <div class="rts-button-group">
                <button type="button" class="rts-button" onclick={shared.on(Action::Continue(next))}>
                    { &ui.save_and_continue }
                </button>
                <button type="button" class="rts-link-button" onclick={shared.on(Action::Continue(Step::Tasks))}>
                    { &ui.return_to_tasks }
                </button>
            </div>
        </section>
    }
}
