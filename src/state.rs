//! The app's one state and the actions that change it. The reducer calls the
//! model and nothing else: no browser APIs, so it is easy to test and reason
//! about. Saving happens in an effect, `effects::autosave`.

use std::rc::Rc;

use crate::model::assessment::{Assessment, Context, Response};
use crate::model::content::ContentPack;
use crate::model::date::CalendarDate;
use crate::model::file::{FileProblem, Opened};
use crate::model::locale::{fill, Locale};
use crate::model::merge::{context_changes, merge, Field, Stamped, Stamps};
use crate::model::plan::{ActionId, PlanEdit};
#[cfg(feature = "workshop")]
use crate::model::workshop;
use crate::model::workshop::{Workshop, WorkshopEdit};

/// Where the user is. Saved with the answers, so a reload returns here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Start,
    About,
    Tasks,
    /// One theme's questions, by the theme's index in the pack.
    Theme(usize),
    Check,
    Story,
    Summary,
    /// Several partners' files side by side.
    Partnership,
}

impl Step {
    /// A stable name for storage: themes by id, so a pack that reorders its
    /// themes still restores the right page.
    pub fn to_key(&self, pack: &ContentPack) -> String {
        match self {
            Step::Start => "start".into(),
            Step::About => "about".into(),
            Step::Tasks => "tasks".into(),
            Step::Theme(i) => pack
                .themes
                .get(*i)
                .map_or_else(|| "tasks".into(), |t| format!("theme:{}", t.id)),
            Step::Check => "check".into(),
            Step::Story => "story".into(),
            Step::Summary => "summary".into(),
            Step::Partnership => "partnership".into(),
        }
    }

    /// The step a stored name refers to; unknown names fall back to the task
    /// list, which is always a safe place to resume.
    pub fn from_key(key: &str, pack: &ContentPack) -> Step {
        match key {
            "start" => Step::Start,
            "about" => Step::About,
            "tasks" => Step::Tasks,
            "check" => Step::Check,
            "story" => Step::Story,
            "summary" => Step::Summary,
            "partnership" => Step::Partnership,
            _ => key
                .strip_prefix("theme:")
                .and_then(|id| pack.themes.iter().position(|t| t.id == id))
                .map_or(Step::Tasks, Step::Theme),
        }
    }
}

/// A change to the answers. Each carries the time it was made, because the
/// reducer has no clock.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Response {
        question_id: String,
        response: Option<Response>,
    },
    Note {
        question_id: String,
        note: String,
    },
    Context(Context),
    Story(String),
}

impl Edit {
    /// The fields this edit changed, from `before` to `after`: what
    /// comparing every field would find, reading only those it can touch.
    fn changed(&self, before: &Assessment, after: &Assessment) -> Vec<Field> {
        let field = |changed: bool, field: Field| if changed { vec![field] } else { Vec::new() };
        match self {
            Edit::Response { question_id, .. } => field(
                before.response(question_id) != after.response(question_id),
                Field::Response(question_id.clone()),
            ),
            Edit::Note { question_id, .. } => field(
                before.note(question_id) != after.note(question_id),
                Field::Note(question_id.clone()),
            ),
            Edit::Story(_) => field(before.story != after.story, Field::Story),
            Edit::Context(_) => context_changes(&before.context, &after.context),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Go(Step),
    /// Go to a theme page and put focus on one of its questions (from a
    /// "Change" link on the check answers page).
    ChangeAnswer {
        theme: usize,
        question_id: String,
    },
    /// Go to a page from a "Change" link on the check answers page: its
    /// "Save and continue" (and "Back") then return there.
    ChangeFromCheck(Step),
    Edit {
        edit: Edit,
        now: String,
    },
    /// A saved file opened: replace the answers and go to the task list.
    Opened {
        opened: Opened,
        now: String,
    },
    /// A file failed to open: report it and keep the answers as they are.
    OpenFailed(FileProblem),
    DismissFileMessages,
    StartAgain {
        now: String,
    },
    /// How saving this revision of the answers went, reported by the
    /// saving effect. `Ok` means storage holds everything up to it, merged
    /// with `merged` when storage held answers this copy did not have.
    Saved {
        revision: u64,
        status: SaveStatus,
        merged: Option<Stamped>,
    },
    /// An earlier assessment to compare with, or why it would not open.
    Earlier(Result<Opened, FileProblem>),
    ClearEarlier,
    /// Answers saved by another tab or another widget with the same storage
    /// key (or found in storage when saving): merged in field by field, so
    /// the newest change to each field is kept, whoever made it.
    Merge(Stamped),
    /// A change to one field of the action plan. A value the plan does not
    /// accept (too long, not a month) changes nothing: the screen says why.
    Plan {
        id: ActionId,
        edit: PlanEdit,
        now: String,
    },
    /// A field's text is over its limit, with the message saying so, or
    /// no longer is (`None`). The text stays in the field, unsaved.
    OverLimit {
        id: String,
        message: Option<String>,
    },
    /// "Save and continue" and the like: go on, unless a field holds text
    /// over its limit; then stop and show the error summary instead, so
    /// nothing typed is lost.
    Continue(Step),
    /// A download was asked for: stop and show the error summary if a
    /// field holds text over its limit.
    ShowProblems,
    /// The day, as the clock said after a navigation: the summary and the
    /// partnership view are dated with it, never by reading the clock
    /// while drawing.
    Today(CalendarDate),
    /// A change in the partnership view: files, names hidden, agreements.
    Workshop {
        edit: WorkshopEdit,
        now: String,
    },
    /// The workshop as another tab or widget with the same storage key
    /// saved it: merged in per file, setting and agreement.
    WorkshopMerge(Workshop),
    /// The workshop was ended, here or in another tab or widget: all of it
    /// is gone (the saving effect removes it from storage).
    WorkshopEnded,
    /// How saving this revision of the workshop went, as `Saved` for the
    /// answers. `not_stored` names the files left out for room.
    WorkshopSaved {
        revision: u64,
        status: SaveStatus,
        merged: Option<Workshop>,
        not_stored: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to report: saving works, or nothing was saved yet.
    Ok,
    /// The browser does not let this page store anything.
    Blocked,
    /// Storage is full.
    Full,
}

/// Whether storage holds the answers yet, for the `data-rts-save-state`
/// attribute that tests and host tooling wait on instead of a timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// Storage holds every change.
    Saved,
    /// A change is waiting to be saved.
    Pending,
    /// The last attempt to save failed (storage blocked or full).
    Failed,
    /// Nothing is saved, to keep unreadable progress that could not be
    /// copied aside (see `State::hold_saving`).
    Held,
}

impl SaveState {
    pub fn as_str(self) -> &'static str {
        match self {
            SaveState::Saved => "saved",
            SaveState::Pending => "pending",
            SaveState::Failed => "failed",
            SaveState::Held => "held",
        }
    }
}

/// What the last attempt to open a file said.
#[derive(Debug, Clone, PartialEq)]
pub enum FileMessages {
    None,
    Failed(FileProblem),
    /// A file opened with nothing to report: say that it worked.
    Opened,
    OpenedWithWarnings(Vec<FileProblem>),
    /// Progress saved in this browser by an earlier version of the
    /// questions, and what changed for it.
    Updated(Vec<FileProblem>),
}

/// The app's state. Yew's reducer copies it for every action, so what is
/// large (the answers and their stamps, the earlier assessment, the
/// workshop) is held by `Rc`: a copy shares them, and an action that
/// changes one copies that one only (`Rc::make_mut`).
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub pack: Rc<ContentPack>,
    pub assessment: Rc<Assessment>,
    pub step: Step,
    /// Counts step changes, so the focus effect runs on every navigation but
    /// not on the first render (the widget must not steal focus on load).
    pub navigations: u32,
    /// The question to focus after navigating, if any.
    pub focus_question: Option<String>,
    pub file_messages: FileMessages,
    pub save_status: SaveStatus,
    /// Saved progress was found but could not be read; it was kept aside.
    pub progress_unreadable: bool,
    /// Newer answers from another tab or widget were taken up.
    pub from_other_tab: bool,
    /// When each field of the answers last changed (see `model::merge`).
    pub stamps: Rc<Stamps>,
    /// Names this tab's or widget's changes in the stamps. Set once per
    /// mount by the browser layer, which has the randomness.
    pub writer: String,
    /// Goes up with every change that is saved: the answers, their stamps
    /// or the step.
    pub revision: u64,
    /// The last revision known to be in storage.
    pub saved_revision: u64,
    /// The last revision that failed to save.
    pub failed_revision: u64,
    /// An earlier assessment of the same area, to show progress against.
    pub earlier: Option<Rc<Assessment>>,
    /// Why the last earlier file chosen did not open.
    pub earlier_problem: Option<FileProblem>,
    /// Saved progress that could not be read could not be copied aside
    /// either: nothing is saved over it until the user opens a file or
    /// starts again.
    pub hold_saving: bool,
    /// The user came from a "Change" link on Check your answers, so
    /// "Save and continue" goes back there.
    pub returning_to_check: bool,
    /// Today, for the dates on the summary and the partnership view.
    pub today: CalendarDate,
    /// The partnership view's files and agreements, saved under the
    /// storage key like the answers (see `model::workshop`).
    pub workshop: Rc<Workshop>,
    /// Goes up with every change to the workshop.
    pub workshop_revision: u64,
    /// The last revision of the workshop known to be in storage.
    pub workshop_saved_revision: u64,
    /// How saving the workshop last went.
    pub workshop_status: SaveStatus,
    /// Files kept only in memory, for room (see `model::workshop`).
    pub workshop_not_stored: Vec<String>,
    /// The fields on this screen holding text over their limit (unsaved,
    /// kept in the field): each field's id with its message, in the order
    /// they went over.
    pub over_limit: Vec<(String, String)>,
    /// Goes up each time leaving or downloading stopped for text over a
    /// limit; 0 while the error summary is not shown.
    pub problems_shown: u32,
}

impl State {
    pub fn new(pack: Rc<ContentPack>, assessment: Assessment, step: Step) -> State {
        State {
            pack,
            assessment: Rc::new(assessment),
            step,
            navigations: 0,
            focus_question: None,
            file_messages: FileMessages::None,
            save_status: SaveStatus::Ok,
            progress_unreadable: false,
            from_other_tab: false,
            stamps: Rc::default(),
            writer: String::new(),
            // Unsaved until the first save says otherwise.
            revision: 1,
            saved_revision: 0,
            failed_revision: 0,
            earlier: None,
            earlier_problem: None,
            hold_saving: false,
            returning_to_check: false,
            today: CalendarDate::default(),
            workshop: Rc::default(),
            // Nothing to save until the workshop changes.
            workshop_revision: 0,
            workshop_saved_revision: 0,
            workshop_status: SaveStatus::Ok,
            workshop_not_stored: Vec::new(),
            over_limit: Vec::new(),
            problems_shown: 0,
        }
    }

    /// True when storage can keep the whole workshop: saving works and
    /// every file fits (a change waiting to be saved is saved at once if
    /// the page is closed or reloaded).
    pub fn workshop_kept(&self) -> bool {
        self.workshop_status == SaveStatus::Ok && self.workshop_not_stored.is_empty()
    }

    /// The title for the current screen: its heading, then the product's name.
    pub fn page_title(&self, locale: &Locale) -> String {
        let ui = &locale.ui;
        let area = self.assessment.context.area.trim();
        let heading = match self.step {
            Step::Start => self.pack.start.heading.clone(),
            Step::About => ui.about_heading.to_string(),
            Step::Tasks => ui.tasks_heading.to_string(),
            Step::Theme(index) => self
                .pack
                .themes
                .get(index)
                .map_or_else(|| ui.tasks_heading.to_string(), |t| t.title.clone()),
            Step::Check => ui.check_heading.to_string(),
            Step::Story => ui.story_heading.to_string(),
            Step::Summary if area.is_empty() => locale.report.title.to_string(),
            Step::Summary => fill(locale.report.title_for_area, &[("area", area)]),
            Step::Partnership => locale.partnership.title.to_string(),
        };
        let error = match self.step {
            Step::Start => matches!(self.file_messages, FileMessages::Failed(_)),
            Step::Summary => self.earlier_problem.is_some(),
            _ => false,
        };
        locale.page_title(&heading, error)
    }

    /// True when storage holds every change made so far.
    pub fn saved(&self) -> bool {
        self.saved_revision >= self.revision
    }

    pub fn save_state(&self) -> SaveState {
        if self.saved() {
            SaveState::Saved
        } else if self.hold_saving {
            SaveState::Held
        } else if self.failed_revision >= self.revision {
            SaveState::Failed
        } else {
            SaveState::Pending
        }
    }

    /// The answers with their stamps, as saved.
    pub fn stamped(&self) -> Stamped {
        Stamped::copy_of(&self.assessment, &self.stamps)
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.navigations += 1;
        self.revision += 1;
        self.focus_question = None;
        self.returning_to_check = false;
        self.problems_shown = 0;
    }

    /// The reducer: each group of actions has a function of its own below,
    /// so that this stays a table of what each action does.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Go(step) => self.go_to_page(step),
            Action::OverLimit { id, message } => self.set_over_limit(id, message),
            Action::Continue(step) => self.continue_to(step),
            Action::ShowProblems => self.show_problems(),
            Action::ChangeAnswer { theme, question_id } => self.change_answer(theme, question_id),
            Action::ChangeFromCheck(step) => self.change_from_check(step),
            Action::Edit { edit, now } => self.edit_answers(edit, now),
            Action::Opened { opened, now } => self.open_file(opened, now),
            Action::OpenFailed(problem) => {
                self.file_messages = FileMessages::Failed(problem);
            }
            Action::DismissFileMessages => self.file_messages = FileMessages::None,
            Action::StartAgain { now } => self.start_again(now),
            Action::Saved {
                revision,
                status,
                merged,
            } => self.answers_saved(revision, status, merged),
            Action::Earlier(opened) => self.set_earlier(opened),
            Action::ClearEarlier => {
                self.earlier = None;
                self.earlier_problem = None;
            }
            Action::Plan { id, edit, now } => self.edit_plan(&id, edit, now),
            Action::Today(date) => self.today = date,
            #[cfg(feature = "workshop")]
            Action::Workshop { edit, now } => self.edit_workshop(edit, &now),
            #[cfg(feature = "workshop")]
            Action::WorkshopMerge(theirs) => self.merge_workshop(&theirs),
            Action::WorkshopEnded => self.end_workshop(),
            #[cfg(feature = "workshop")]
            Action::WorkshopSaved {
                revision,
                status,
                merged,
                not_stored,
            } => self.workshop_saved(revision, status, merged, not_stored),
            // Built without the workshop (the page's first module), nothing
            // sends these: the workshop is neither restored, shown nor saved.
            #[cfg(not(feature = "workshop"))]
            Action::Workshop { .. } | Action::WorkshopMerge(_) | Action::WorkshopSaved { .. } => {}
            Action::Merge(theirs) => self.merge_answers(&theirs),
        }
    }

    // Moving between pages, and stopping for text over a limit.

    /// A plain move to a page: any message about the last file opened is
    /// done with, except on the start page, which shows why a file did not
    /// open.
    fn go_to_page(&mut self, step: Step) {
        if !matches!(step, Step::Start) {
            self.file_messages = FileMessages::None;
        }
        self.go(step);
    }

    /// Records that a field went over its limit (or changed its message),
    /// or came back under it. The error summary goes when the last does.
    fn set_over_limit(&mut self, id: String, message: Option<String>) {
        let at = self.over_limit.iter().position(|(field, _)| *field == id);
        match (at, message) {
            (Some(at), Some(message)) => self.over_limit[at].1 = message,
            (None, Some(message)) => self.over_limit.push((id, message)),
            (Some(at), None) => {
                self.over_limit.remove(at);
            }
            (None, None) => {}
        }
        if self.over_limit.is_empty() {
            self.problems_shown = 0;
        }
    }

    /// "Save and continue": text over a limit would be lost by leaving, so
    /// it stops and shows the error summary instead.
    fn continue_to(&mut self, step: Step) {
        if self.over_limit.is_empty() {
            self.go_to_page(step);
        } else {
            self.problems_shown += 1;
        }
    }

    /// Before a download: show the error summary if text is over a limit.
    fn show_problems(&mut self) {
        if !self.over_limit.is_empty() {
            self.problems_shown += 1;
        }
    }

    /// A "Change" link on check answers for one question: its theme page,
    /// focused on it, and back to check answers after.
    fn change_answer(&mut self, theme: usize, question_id: String) {
        self.go(Step::Theme(theme));
        self.focus_question = Some(question_id);
        self.returning_to_check = true;
    }

    /// A "Change" link on check answers for a whole page: back there after.
    fn change_from_check(&mut self, step: Step) {
        self.file_messages = FileMessages::None;
        self.go(step);
        self.returning_to_check = true;
    }

    // Changing the answers.

    /// One change to the answers, stamped so that a merge with another tab
    /// keeps the newest change to each field.
    fn edit_answers(&mut self, edit: Edit, now: String) {
        let before = Rc::clone(&self.assessment);
        let a = Rc::make_mut(&mut self.assessment);
        match &edit {
            Edit::Response {
                question_id,
                response,
            } => a.set_response(question_id, *response),
            Edit::Note { question_id, note } => a.set_note(question_id, note),
            Edit::Context(context) => a.context = context.clone(),
            Edit::Story(story) => a.story = story.clone(),
        }
        if a.created.is_empty() {
            a.created = now.clone();
        }
        a.updated = now.clone();
        let changed = edit.changed(&before, &self.assessment);
        Rc::make_mut(&mut self.stamps).record_fields(changed, &self.writer, &now);
        self.revision += 1;
    }

    /// One change to the action plan. A value the plan refuses changes
    /// nothing, and neither does one that leaves the entry as it was.
    fn edit_plan(&mut self, id: &ActionId, edit: PlanEdit, now: String) {
        // Only the entry is compared, not every field of the
        // assessment: a keystroke in a large plan stays cheap.
        let before = self.assessment.plan.entry(id).cloned();
        let mut assessment = Assessment::clone(&self.assessment);
        if assessment.plan.apply(id, edit, &now).is_err() {
            return;
        }
        let after = assessment.plan.entry(id);
        if Rc::make_mut(&mut self.stamps).record_plan_edit(
            id,
            before.as_ref(),
            after,
            &self.writer,
            &now,
        ) {
            assessment.updated = now;
            self.assessment = Rc::new(assessment);
            self.revision += 1;
        }
    }

    /// Takes up answers saved by another tab or widget, field by field.
    fn merge_answers(&mut self, theirs: &Stamped) {
        let merged = merge(&self.stamped(), theirs);
        if merged.assessment == *self.assessment && merged.stamps == *self.stamps {
            return;
        }
        // Only say so when something the user can see changed:
        // two fresh tabs both saving a blank assessment is not news.
        if !merged.assessment.same_answers(&self.assessment) {
            self.from_other_tab = true;
        }
        self.assessment = Rc::new(merged.assessment);
        self.stamps = Rc::new(merged.stamps);
        self.revision += 1;
    }

    // Opening files and starting again.

    /// A saved file replaces the answers; the task list shows what it holds.
    fn open_file(&mut self, opened: Opened, now: String) {
        let mut assessment = opened.assessment;
        assessment.updated = now.clone();
        // Opening a file is this tab's newest change: it replaces
        // everything saved before it, here or in another tab.
        Rc::make_mut(&mut self.stamps).record_reset(&assessment, &self.writer, &now);
        self.assessment = Rc::new(assessment);
        self.revision += 1;
        self.hold_saving = false;
        self.file_messages = if opened.warnings.is_empty() {
            FileMessages::Opened
        } else {
            FileMessages::OpenedWithWarnings(opened.warnings)
        };
        self.go(Step::Tasks);
    }

    /// Blank answers, stamped as this tab's newest change so that they
    /// replace the old ones in every tab too.
    fn start_again(&mut self, now: String) {
        self.assessment = Rc::new(Assessment::new(&self.pack, &now));
        Rc::make_mut(&mut self.stamps).record_reset(&self.assessment, &self.writer, &now);
        self.revision += 1;
        self.hold_saving = false;
        self.file_messages = FileMessages::None;
        self.go(Step::Start);
    }

    /// The earlier assessment to compare with, or why it did not open (the
    /// one chosen before stays when a new one fails).
    fn set_earlier(&mut self, opened: Result<Opened, FileProblem>) {
        match opened {
            Ok(opened) => {
                self.earlier = Some(Rc::new(opened.assessment));
                self.earlier_problem = None;
            }
            Err(problem) => self.earlier_problem = Some(problem),
        }
    }

    // Saving, as the saving effect reports it.

    /// How saving a revision of the answers went. What storage held that
    /// this copy did not is merged in first.
    fn answers_saved(&mut self, revision: u64, status: SaveStatus, merged: Option<Stamped>) {
        self.save_status = status;
        if status != SaveStatus::Ok {
            self.failed_revision = self.failed_revision.max(revision);
            return;
        }
        // With no change since the saved revision, taking up what
        // was written leaves exactly what storage holds.
        let unchanged_since = self.revision == revision;
        if let Some(merged) = merged {
            self.merge_answers(&merged);
        }
        self.saved_revision = if unchanged_since {
            self.revision
        } else {
            self.saved_revision.max(revision)
        };
    }

    // The partnership view's workshop.

    #[cfg(feature = "workshop")]
    /// A change in the partnership view; one that changes nothing is not
    /// saved again.
    fn edit_workshop(&mut self, edit: WorkshopEdit, now: &str) {
        let before = Rc::clone(&self.workshop);
        Rc::make_mut(&mut self.workshop).apply(edit, &self.writer, now);
        if self.workshop != before {
            self.workshop_revision += 1;
        }
    }

    #[cfg(feature = "workshop")]
    /// Takes up the workshop as another tab or widget saved it.
    fn merge_workshop(&mut self, theirs: &Workshop) {
        let merged = workshop::merge(&self.workshop, theirs);
        if merged != *self.workshop {
            self.workshop = Rc::new(merged);
            self.workshop_revision += 1;
        }
    }

    /// The workshop is over: all of it goes, and storage is cleared of it.
    fn end_workshop(&mut self) {
        self.workshop = Rc::default();
        self.workshop_not_stored.clear();
        self.workshop_revision += 1;
    }

    #[cfg(feature = "workshop")]
    /// How saving a revision of the workshop went, as [`Self::answers_saved`]
    /// for the answers; `not_stored` names the files left out for room.
    fn workshop_saved(
        &mut self,
        revision: u64,
        status: SaveStatus,
        merged: Option<Workshop>,
        not_stored: Vec<String>,
    ) {
        self.workshop_status = status;
        if status != SaveStatus::Ok {
            return;
        }
        self.workshop_not_stored = not_stored;
        let unchanged_since = self.workshop_revision == revision;
        if let Some(merged) = merged {
            self.merge_workshop(&merged);
        }
        self.workshop_saved_revision = if unchanged_since {
            self.workshop_revision
        } else {
            self.workshop_saved_revision.max(revision)
        };
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Reporting an unchanged save status must not re-render the page.
        match &action {
            Action::Saved {
                revision,
                status,
                merged: None,
            } if *status == self.save_status
                && *revision
                    <= if *status == SaveStatus::Ok {
                        self.saved_revision
                    } else {
                        self.failed_revision
                    } =>
            {
                return self
            }
            Action::Today(date) if *date == self.today => return self,
            _ => {}
        }
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}
