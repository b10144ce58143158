//! The action plan on the summary: the priority actions and "find out"
//! actions, the top five first and the rest behind "Show all", each with an
//! owner, a target month, a status and a note. Each change is dispatched to
//! the reducer, which calls the model, and saved like an answer. Also the
//! earlier plan in "Compare with an earlier assessment".

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::document::inlines;
use crate::components::fields::text::TextField;
use crate::components::fields::{described_by, error_message};
use crate::components::heading::Heading;
use crate::effects::events::{change_value, focus_leaves, input_value};
use crate::effects::focus::{focus_and_scroll, Scroll};
use crate::hooks::use_shared;
use crate::model::locale::{self, fill};
use crate::model::plan::{PlanEdit, Status, MAX_OWNER_CHARS, MAX_PLAN_NOTE_CHARS, TOP_ACTIONS};
use crate::model::plan_view::{plan_view, PlanItem};
use crate::model::render::plan::{item_text, owner_text, progress_text, status_text, target_text};
use crate::model::render::{guide_inlines, SummaryReport};
use crate::model::summary::Summary;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct ActionPlanProps {
    pub state: UseReducerHandle<State>,
    /// The summary the screen worked out (see `hooks::use_summary`).
    pub summary: Rc<Summary>,
}

/// The plan: current actions (top five, then all), then other entries.
#[component]
pub fn ActionPlan(props: &ActionPlanProps) -> Html {
    let shared = use_shared();
    let show_all = use_state(|| false);
    let assessment = &props.state.assessment;
    let date = String::new();
    let report = SummaryReport::with_summary(
        &shared.pack,
        &shared.locale,
        assessment,
        Rc::clone(&props.summary),
        &date,
    );
    let view = plan_view(&shared.pack, &shared.locale, assessment, &report.summary);
    let p = &shared.locale.plan;
    let total = view.current.len();
    let shown = if *show_all {
        total
    } else {
        total.min(TOP_ACTIONS)
    };
    let list_id = shared.id("plan-list");
    // After "Show all", focus goes to the first action it showed, so the
    // next Tab reaches its fields rather than skipping them.
    let list = use_node_ref();
    let focus_new = use_mut_ref(|| false);
    use_focus_first_shown(*show_all, &list, &focus_new);
    let toggle = {
        let (show_all, state) = (show_all.clone(), props.state.clone());
        Callback::from(move |_: MouseEvent| {
            // "Show the top 5 only" would take away fields that may hold
            // text over a limit, and that text with them: it stops and the
            // error summary says where, as leaving the page does.
            if *show_all && !state.over_limit.is_empty() {
                state.dispatch(Action::ShowProblems);
                return;
            }
            *focus_new.borrow_mut() = !*show_all;
            show_all.set(!*show_all);
        })
    };

    html! {
        <div class="rts-plan">
            <Heading level={2} class="rts-heading--m">{ &p.heading }</Heading>
            if total == 0 {
                <p class="rts-body">{ &shared.locale.report.no_actions }</p>
            } else {
                <p class="rts-body">{ &p.intro }</p>
                <p class="rts-body rts-secondary" role="status">{ progress_text(&report, &view) }</p>
                <ol class="rts-list rts-plan__list" id={list_id.clone()} ref={list}>
                    { for view.current.iter().take(shown).enumerate().map(|(i, item)| html! {
                        <PlanAction key={format!("{}:{}", item.id.question_id, item.id.step.as_str())}
                            number={i + 1} item={item.clone()} />
                    }) }
                </ol>
                if total > TOP_ACTIONS {
                    <button type="button" class="rts-button rts-button--secondary rts-no-print"
                        aria-expanded={(*show_all).to_string()} aria-controls={list_id}
                        onclick={toggle}>
                        { show_all_label(p, *show_all, total) }
                    </button>
                }
            }
            if !view.other.is_empty() {
                { other_entries(&report, &view.other) }
            }
        </div>
    }
}

/// Once "Show all" has shown them (`focus_new`, which this clears), moves
/// focus to the first action after the top few.
#[hook]
fn use_focus_first_shown(show_all: bool, list: &NodeRef, focus_new: &Rc<RefCell<bool>>) {
    let (list, focus_new) = (list.clone(), focus_new.clone());
    use_effect_with(show_all, move |shown| {
        if *shown && focus_new.replace(false) {
            let selector = format!(
                ".rts-plan__item:nth-child({}) .rts-plan__legend",
                TOP_ACTIONS + 1
            );
            focus_and_scroll(&list, &selector, Scroll::Start);
        }
    });
}

/// What the button says: "Show all {count} actions", or, once they are
/// shown, "Show the top {count} only".
fn show_all_label(p: &locale::Plan, showing_all: bool, total: usize) -> String {
    if showing_all {
        fill(p.show_top, &[("count", &TOP_ACTIONS.to_string())])
    } else {
        fill(p.show_all, &[("count", &total.to_string())])
    }
}

/// The plan's other entries (ones the answers no longer call for, or naming
/// actions the pack does not have), as text: what, why, the four fields.
fn other_entries(report: &SummaryReport, other: &[PlanItem]) -> Html {
    let p = &report.locale.plan;
    html! {
        <>
            <Heading level={3} class="rts-heading--s">{ &p.other_heading }</Heading>
            <p class="rts-body">{ &p.other_intro }</p>
            <ul class="rts-list rts-list--bullet rts-plan__other">
                { for other.iter().map(|item| html! {
                    <li>
                        <strong>{ item_text(item) }</strong>
                        if !item.action.is_empty() {
                            <br /><span class="rts-secondary">{ &item.why }</span>
                        }
                        <br />
                        { format!("{}: {}. {}: {}. {}: {}.",
                            p.owner, owner_text(report, &item.entry.owner),
                            p.target, target_text(report, &item.entry.target),
                            p.status, status_text(report, item.entry.status)) }
                        if !item.entry.note.trim().is_empty() {
                            <br /><span class="rts-secondary">{ format!("{}: {}", p.note, item.entry.note.trim()) }</span>
                        }
                    </li>
                }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct PlanActionProps {
    number: usize,
    item: PlanItem,
}

/// One action: what to do, why, its guidance, and the plan's four fields in
/// a fieldset named by the action.
#[component]
fn PlanAction(props: &PlanActionProps) -> Html {
    let shared = use_shared();
    let p = &shared.locale.plan;
    let item = &props.item;
    let base = shared.id(&format!(
        "plan-{}-{}",
        item.id.question_id,
        item.id.step.as_str()
    ));
    let legend_id = format!("{base}-legend");
    let send = {
        let shared = shared.clone();
        let id = item.id.clone();
        move |edit: PlanEdit| shared.edit_plan(id.clone(), edit)
    };
    let on_status = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            let status = match change_value(&e).as_str() {
                "in-progress" => Status::InProgress,
                "done" => Status::Done,
                _ => Status::NotStarted,
            };
            send(PlanEdit::Status(status));
        })
    };
    // "Guidance:" and its links, after the line break the reports start with.
    let guides = guide_inlines(&shared.pack, &shared.locale, &item.guidance);
    let theme = item
        .theme_id
        .as_deref()
        .and_then(|t| shared.pack.theme(t))
        .map(|t| t.title.clone())
        .unwrap_or_default();
    html! {
        <li class="rts-plan__item">
            <fieldset class="rts-fieldset rts-plan__fieldset" aria-labelledby={legend_id.clone()}>
                <legend class="rts-fieldset__legend rts-plan__legend" id={legend_id} tabindex="-1">
                    <span class="rts-plan__number">{ format!("{}. ", props.number) }</span>
                    <span class="rts-plan__action">{ item_text(item) }</span>
                </legend>
                <p class="rts-body rts-secondary rts-plan__why">
                    { if theme.is_empty() { item.why.clone() } else { format!("{} ({theme})", item.why) } }
                </p>
                if !guides.is_empty() {
                    <p class="rts-body rts-actions__guides">
                        { inlines(&guides[1..], shared.locale.common.opens_in_new_tab, None) }
                    </p>
                }
                <div class="rts-plan__fields">
                    <TextField id={format!("{base}-owner")} class="rts-plan__field" label={p.owner}
                        hint={p.owner_hint} autocomplete="off"
                        value={item.entry.owner.clone()} limit={MAX_OWNER_CHARS}
                        on_input={{ let send = send.clone(); Callback::from(move |v: String| send(PlanEdit::Owner(v))) }} />
                    <PlanMonth id={format!("{base}-target")} action={item_text(item).to_string()} value={item.entry.target.clone()}
                        on_change={{ let send = send.clone(); Callback::from(move |v: String| send(PlanEdit::Target(v))) }} />
                    <div class="rts-form-group rts-plan__field">
                        <label class="rts-label" for={format!("{base}-status")}>{ &p.status }</label>
                        <select class="rts-select" id={format!("{base}-status")} onchange={on_status}>
                            { for Status::ALL.iter().map(|s| html! {
                                <option value={s.as_str()} selected={*s == item.entry.status}>
                                    { match s { Status::NotStarted => &p.not_started, Status::InProgress => &p.in_progress, Status::Done => &p.done } }
                                </option>
                            }) }
                        </select>
                    </div>
                    <TextField id={format!("{base}-note")} class="rts-plan__field" label={p.note}
                        rows={2} value={item.entry.note.clone()} limit={MAX_PLAN_NOTE_CHARS}
                        on_input={Callback::from(move |v: String| send(PlanEdit::Note(v)))} />
                </div>
            </fieldset>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct PlanMonthProps {
    id: String,
    /// The action, named in the group's legend for those who hear it.
    action: String,
    value: AttrValue,
    on_change: Callback<String>,
}

/// Which box of the target month an error is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MonthBox {
    Month,
    Year,
}

/// The target month as typed: a month box and a year box.
#[derive(Clone, Default, PartialEq, Eq)]
struct Typed {
    month: String,
    year: String,
}

impl Typed {
    /// The boxes for a saved `YYYY-MM` (empty for anything else).
    fn from_saved(value: &str) -> Self {
        match crate::model::plan::month(value) {
            Some((year, month)) => Self {
                month: month.to_string(),
                year: year.to_string(),
            },
            None => Self::default(),
        }
    }

    fn is_empty(&self) -> bool {
        self.month.trim().is_empty() && self.year.trim().is_empty()
    }

    /// The month number, if the month box holds one from 1 to 12.
    fn month_number(&self) -> Option<u8> {
        let m = self.month.trim();
        (!m.is_empty() && m.len() <= 2 && m.chars().all(|c| c.is_ascii_digit()))
            .then(|| m.parse::<u8>().ok())
            .flatten()
            .filter(|m| (1..=12).contains(m))
    }

    /// What to save: `Some("")` when both boxes are empty, `Some("YYYY-MM")`
    /// for a real month, and `None` while it is incomplete or wrong.
    fn saved(&self) -> Option<String> {
        if self.is_empty() {
            return Some(String::new());
        }
        let month = self.month_number()?;
        let value = format!("{}-{month:02}", self.year.trim());
        crate::model::plan::month(&value).map(|_| value)
    }

    /// What is wrong, and with which box. A month that cannot be real, or
    /// a year that cannot be, is said as it is typed; a missing or short
    /// part only once the person has left the boxes (`left`).
    fn problem(&self, left: bool) -> Option<(MonthBox, Problem)> {
        let (month, year) = (self.month.trim(), self.year.trim());
        let year_digits = year.chars().all(|c| c.is_ascii_digit());
        if !month.is_empty() && self.month_number().is_none() {
            return Some((MonthBox::Month, Problem::MonthNotReal));
        }
        if !year.is_empty() && (!year_digits || year.len() > 4 || year.starts_with('0')) {
            return Some((MonthBox::Year, Problem::YearNotReal));
        }
        if !left || self.is_empty() {
            return None;
        }
        if month.is_empty() {
            Some((MonthBox::Month, Problem::MonthMissing))
        } else if year.is_empty() {
            Some((MonthBox::Year, Problem::YearMissing))
        } else if year.len() < 4 {
            Some((MonthBox::Year, Problem::YearNotReal))
        } else {
            None
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Problem {
    MonthNotReal,
    YearNotReal,
    MonthMissing,
    YearMissing,
}

impl Problem {
    /// The error message for the problem.
    fn words(self, p: &locale::Plan) -> &'static str {
        match self {
            Problem::MonthNotReal => p.month_not_real,
            Problem::YearNotReal => p.year_not_real,
            Problem::MonthMissing => p.month_missing,
            Problem::YearMissing => p.year_missing,
        }
    }
}

/// The target month in the GOV.UK date input manner: a "Month" box and a
/// "Year" box in a group. What is typed stays as typed; it is saved only
/// when it is a real month (`YYYY-MM`), and cleared when both boxes are
/// emptied. A saved value that is not a month (from a file) is shown
/// beside it, as written.
#[component]
fn PlanMonth(props: &PlanMonthProps) -> Html {
    let shared = use_shared();
    let p = &shared.locale.plan;
    // The boxes as typed, while they say something other than what is saved.
    let draft = use_state(|| None::<Typed>);
    // Whether the person has left the boxes since typing in them.
    let left = use_state(|| false);
    let typed = match &*draft {
        Some(d) if d.saved().is_none_or(|v| v == props.value.as_str()) => d.clone(),
        _ => Typed::from_saved(&props.value),
    };
    let on_box = |which: MonthBox| type_in_box(which, &typed, props, &draft, &left);
    let group = use_node_ref();
    let on_leave = leave_boxes(&left, &group);
    let problem = typed.problem(*left);
    let kept = (!props.value.is_empty() && crate::model::plan::month(&props.value).is_none())
        .then(|| props.value.to_string());
    let id = &props.id;
    let (hint_id, error_id, kept_id) = (
        format!("{id}-hint"),
        format!("{id}-error"),
        format!("{id}-kept"),
    );
    let described = described_by([
        Some(hint_id.as_str()),
        kept.as_ref().map(|_| kept_id.as_str()),
    ]);
    let at_fault = |which: MonthBox| problem.is_some_and(|(b, _)| b == which);
    let one_box = |which: MonthBox, label: &str, value: &str, width: &str| {
        let box_id = match which {
            MonthBox::Month => format!("{id}-month"),
            MonthBox::Year => format!("{id}-year"),
        };
        let fault = at_fault(which);
        html! {
            <div class="rts-date-input__item">
                <label class="rts-label rts-date-input__label" for={box_id.clone()}>{ label.to_string() }</label>
                <input class={classes!("rts-input", "rts-date-input__input", width.to_string(), fault.then_some("rts-input--error"))}
                    type="text" inputmode="numeric" autocomplete="off" spellcheck="false"
                    id={box_id} aria-invalid={fault.then_some("true")}
                    aria-describedby={fault.then(|| error_id.clone())}
                    value={value.to_string()} oninput={on_box(which)} />
            </div>
        }
    };
    html! {
        <div class={classes!("rts-form-group", "rts-plan__field", "rts-plan__target", problem.is_some().then_some("rts-form-group--error"))}>
            <fieldset class="rts-fieldset" id={id.clone()}
                aria-describedby={described} ref={group} onfocusout={on_leave}>
                <legend class="rts-fieldset__legend rts-label">
                    { &p.target }
                    <span class="rts-visually-hidden">{ fill(p.target_for, &[("action", &props.action)]) }</span>
                </legend>
                <p class="rts-hint" id={hint_id}>{ &p.target_hint }</p>
                if let Some((_, problem)) = problem {
                    { error_message(error_id.clone(), shared.locale.ui.error_prefix, problem.words(p)) }
                }
                if let Some(kept) = kept {
                    <p class="rts-hint" id={kept_id}>{ kept }</p>
                }
                <div class="rts-date-input">
                    { one_box(MonthBox::Month, p.month, &typed.month, "rts-input--width-2") }
                    { one_box(MonthBox::Year, p.year, &typed.year, "rts-input--width-4") }
                </div>
            </fieldset>
        </div>
    }
}

/// Typing in a box: what the boxes now say is kept as typed, and saved
/// (through `on_change`) when it is a real month other than the one saved.
fn type_in_box(
    which: MonthBox,
    typed: &Typed,
    props: &PlanMonthProps,
    draft: &UseStateHandle<Option<Typed>>,
    left: &UseStateHandle<bool>,
) -> Callback<InputEvent> {
    let (draft, left, on_change) = (draft.clone(), left.clone(), props.on_change.clone());
    let (typed, saved) = (typed.clone(), props.value.clone());
    Callback::from(move |e: InputEvent| {
        let mut next = typed.clone();
        match which {
            MonthBox::Month => next.month = input_value(&e),
            MonthBox::Year => next.year = input_value(&e),
        }
        if let Some(value) = next.saved().filter(|v| v != saved.as_str()) {
            on_change.emit(value);
        }
        if next.saved().is_some() {
            left.set(false);
        }
        draft.set(Some(next));
    })
}

/// Focus leaving the group, not moving between its boxes, is leaving the
/// boxes: a missing part is said then, not while typing (and not when
/// Tab goes from the month box to the year box).
fn leave_boxes(left: &UseStateHandle<bool>, group: &NodeRef) -> Callback<FocusEvent> {
    let (left, group) = (left.clone(), group.clone());
    Callback::from(move |e: FocusEvent| {
        if focus_leaves(&e, &group) {
            left.set(true);
        }
    })
}
