//! What partners agreed at a workshop, and the agreed assessment made from
//! it: a normal assessment file for the partnership.
//!
//! The rules, per question of the pack:
//! - a level the facilitator recorded as agreed is the answer, and the
//!   note says it was agreed (with the agreement's own note);
//! - otherwise the answer is the partners' median level: the middle of the
//!   levels partners gave, or with an even number of them the lower of the
//!   two middle ones, so the agreed file never claims more than half the
//!   partners gave; the note says so and how many partners it came from;
//! - with no level from any partner, "not sure" if some partner was not
//!   sure, else no answer.
//!
//! Each note also lists every partner's answer. The partners are listed in
//! the file's partner organisations, and the file is named for the
//! partnership.
//!
//! The agreed file always opens cleanly in the app, however many partners
//! there are: no field is longer than the screens accept. When the list of
//! partners would be, it names as many as fit and says how many more there
//! are and that the partnership report names them all; when a note would
//! be, each answer is given with how many partners gave it instead of their
//! names, and the note says who said what is in the partnership report. Answers partners gave to questions the pack no longer asks
//! are kept aside in the agreed file, never dropped.
//!
//! Pure: no browser code.

use crate::model::assessment::{Answer, Assessment, Context, Response};
use crate::model::content::{ContentPack, LEVELS};
use crate::model::file::{FileProblem, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_PARTNERS_CHARS};
use crate::model::locale::{fill, Locale};
use crate::model::partnership::{clean_name, name_key, Partnership, QuestionSpread};
use crate::model::plan::{too_long, PlanProblem};
use crate::model::sorted::SortedMap;
use crate::model::sorting;

/// The longest agreement note the screens accept, in characters.
pub const MAX_AGREEMENT_CHARS: usize = 500;

/// What partners agreed about one question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Agreement {
    /// The agreed level, 1 to 5; `None` until one is agreed.
    pub level: Option<u8>,
    /// Why, in a few words.
    pub note: String,
}

/// The agreements recorded so far, by question id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Consensus {
    pub agreed: SortedMap<String, Agreement>,
}

impl Consensus {
    pub fn get(&self, question_id: &str) -> Option<&Agreement> {
        self.agreed.get(question_id)
    }

    /// The agreed level, if one is recorded.
    pub fn level(&self, question_id: &str) -> Option<u8> {
        self.get(question_id).and_then(|a| a.level)
    }

    /// Records (or with `None`, clears) the agreed level. A level outside 1
    /// to 5 changes nothing.
    pub fn set_level(&mut self, question_id: &str, level: Option<u8>) {
        if level.is_some_and(|l| !(1..=5).contains(&l)) {
            return;
        }
        self.agreed
            .get_or_insert_with(question_id.to_string(), Default::default)
            .level = level;
        self.tidy(question_id);
    }

    /// Records the note. One longer than [`MAX_AGREEMENT_CHARS`] changes
    /// nothing and says why.
    pub fn set_note(&mut self, question_id: &str, note: &str) -> Result<(), PlanProblem> {
        too_long(note, MAX_AGREEMENT_CHARS)?;
        self.agreed
            .get_or_insert_with(question_id.to_string(), Default::default)
            .note = note.to_string();
        self.tidy(question_id);
        Ok(())
    }

    fn tidy(&mut self, question_id: &str) {
        if self
            .agreed
            .get(question_id)
            .is_some_and(|a| a.level.is_none() && a.note.trim().is_empty())
        {
            self.agreed.remove(question_id);
        }
    }

    /// How many questions have an agreed level.
    pub fn agreed_count(&self) -> usize {
        self.agreed.values().filter(|a| a.level.is_some()).count()
    }
}

/// How the agreed file's answer to a question was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Recorded as agreed at the workshop.
    Agreed,
    /// The partners' median level, from this many partners' levels.
    Median { partners: usize },
    /// No partner gave a level; this many were not sure.
    NotSure { partners: usize },
    /// No partner answered.
    NoAnswer,
}

/// One question of the agreed assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreedQuestion {
    pub question_id: String,
    pub response: Option<Response>,
    pub basis: Basis,
}

/// The agreed assessment, how each answer was decided, and the files made
/// with another version of the questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreed {
    pub assessment: Assessment,
    /// In pack order.
    pub questions: Vec<AgreedQuestion>,
    /// Partners whose files were made with another version (or set) of the
    /// questions, with the version their file named.
    pub other_versions: Vec<(String, String)>,
}

/// The median of levels for an agreed answer: the middle one, or the lower
/// of the two middle ones.
pub fn median_level(levels: &[u8]) -> Option<u8> {
    let mut sorted = levels.to_vec();
    sorting::sort(&mut sorted);
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    sorted.get((n - 1) / 2).copied()
}

/// The name to suggest for the partnership: the area most partners gave
/// (the first of equals), or nothing.
pub fn suggested_name(partnership: &Partnership) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for partner in &partnership.partners {
        let area = clean_name(&partner.assessment.context.area);
        if area.is_empty() {
            continue;
        }
        match counts
            .iter_mut()
            .find(|(a, _)| name_key(a) == name_key(&area))
        {
            Some((_, n)) => *n += 1,
            None => counts.push((area, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(a, _)| a)
        .unwrap_or_default()
}

/// Each answer some partner gave (levels lowest first, then "not sure"),
/// worded by `word` from its label and the names of those who gave it,
/// joined with semicolons.
fn by_answer(
    pack: &ContentPack,
    locale: &Locale,
    given: &[(&str, Option<Response>)],
    word: impl Fn(&str, &[&str]) -> String,
) -> String {
    let mut groups: Vec<Response> = LEVELS.iter().map(|l| Response::Level(*l)).collect();
    groups.push(Response::NotSure);
    groups
        .into_iter()
        .filter_map(|answer| {
            let names: Vec<&str> = given
                .iter()
                .filter(|(_, r)| *r == Some(answer))
                .map(|(name, _)| *name)
                .collect();
            let label = crate::model::words::response_label(pack, locale, Some(answer));
            (!names.is_empty()).then(|| word(label, &names))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Emerging: Council, NHS; Developing: Police" for the responses given.
fn answer_groups(
    pack: &ContentPack,
    locale: &Locale,
    given: &[(&str, Option<Response>)],
) -> String {
    by_answer(pack, locale, given, |answer, names| {
        fill(
            locale.partnership.answer_group,
            &[("answer", answer), ("names", &names.join(", "))],
        )
    })
}

/// "Emerging: 12 partners; Developing: 3 partners" for the responses given:
/// the short form of [`answer_groups`], which names nobody.
fn answer_counts(
    pack: &ContentPack,
    locale: &Locale,
    given: &[(&str, Option<Response>)],
) -> String {
    by_answer(pack, locale, given, |answer, names| {
        let template = locale.plural(locale.consensus.answer_count, names.len());
        fill(
            template,
            &[("answer", answer), ("count", &names.len().to_string())],
        )
    })
}

/// A note from its first lines and the partners' answers, within
/// [`MAX_NOTE_CHARS`]: the answers by name when they fit, else by how many
/// partners gave each, else left out.
fn note_within_limit(
    lines: &[String],
    by_name: Option<String>,
    by_count: impl FnOnce() -> String,
) -> String {
    let with = |last: Option<String>| {
        let mut all = lines.to_vec();
        all.extend(last);
        all.join("\n")
    };
    let fits = |note: &String| note.chars().count() <= MAX_NOTE_CHARS;
    let named = with(by_name);
    if fits(&named) {
        return named;
    }
    let counted = with(Some(by_count()));
    if fits(&counted) {
        return counted;
    }
    with(None)
}

/// The partner organisations of the agreed file, one a line, within
/// [`MAX_PARTNERS_CHARS`]: as many as fit, then how many more there are.
pub fn partners_list(locale: &Locale, names: &[&str]) -> String {
    let all = names.join("\n");
    if all.chars().count() <= MAX_PARTNERS_CHARS {
        return all;
    }
    let more = |count: usize| {
        fill(
            locale.consensus.partners_more,
            &[
                ("count", &count.to_string()),
                ("total", &names.len().to_string()),
            ],
        )
    };
    let mut listed: Vec<&str> = Vec::new();
    let mut length = 0;
    for name in names {
        // The names so far, this one, a line break and the last line.
        let with_this = length + name.chars().count() + 1;
        if with_this + more(names.len() - listed.len() - 1).chars().count() > MAX_PARTNERS_CHARS {
            break;
        }
        listed.push(name);
        length = with_this;
    }
    let mut lines: Vec<String> = listed.iter().map(|n| n.to_string()).collect();
    lines.push(more(names.len() - listed.len()));
    lines.join("\n")
}

/// The answer the rules give for these responses, and how.
fn decide(responses: &[Option<Response>], agreed: Option<u8>) -> (Option<Response>, Basis) {
    if let Some(level) = agreed {
        return (Some(Response::Level(level)), Basis::Agreed);
    }
    let levels: Vec<u8> = responses
        .iter()
        .filter_map(|r| r.and_then(Response::level))
        .collect();
    if let Some(level) = median_level(&levels) {
        return (
            Some(Response::Level(level)),
            Basis::Median {
                partners: levels.len(),
            },
        );
    }
    let unsure = responses
        .iter()
        .filter(|r| **r == Some(Response::NotSure))
        .count();
    if unsure > 0 {
        (Some(Response::NotSure), Basis::NotSure { partners: unsure })
    } else {
        (None, Basis::NoAnswer)
    }
}

/// The agreed assessment of the partnership, named `name` (or the locale's
/// default name when blank), made at `now`.
pub fn agreed_assessment(
    pack: &ContentPack,
    locale: &Locale,
    partnership: &Partnership,
    consensus: &Consensus,
    name: &str,
    now: &str,
) -> Agreed {
    let names: Vec<&str> = partnership
        .partners
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let mut assessment = Assessment::new(pack, now);
    assessment.context = agreed_context(locale, partnership, &names, name);

    let mut questions = Vec::new();
    for spread in &partnership.questions {
        let agreement = consensus.get(&spread.question_id);
        let (answer, question) = agreed_answer(pack, locale, &names, spread, agreement);
        if !answer.is_empty() {
            assessment
                .answers
                .insert(spread.question_id.clone(), answer);
        }
        questions.push(question);
    }

    // Answers to questions the pack no longer asks: kept aside, with every
    // partner's answer in the note.
    for (question_id, given) in unmatched_by_question(partnership) {
        let answer = set_aside_answer(pack, locale, &given);
        assessment.set_aside.insert(question_id.to_string(), answer);
    }

    Agreed {
        assessment,
        questions,
        other_versions: other_versions(partnership),
    }
}

/// The agreed file's context: named for the partnership, listing the
/// partners, with every policy area any partner chose.
fn agreed_context(
    locale: &Locale,
    partnership: &Partnership,
    names: &[&str],
    name: &str,
) -> Context {
    // The name as the screens accept it: a longer one (a partner's area
    // suggested, or text still over the field's limit) is cut short.
    let name: String = clean_name(name).chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim();
    Context {
        area: if name.is_empty() {
            locale.consensus.default_name.to_string()
        } else {
            name.to_string()
        },
        organisation: String::new(),
        partners: partners_list(locale, names),
        policy_areas: partnership.policy_areas.clone(),
        nation: partnership.nation,
    }
}

/// One question's agreed answer, by the rules in the module documentation,
/// with a note that says how it was decided and what each partner said.
fn agreed_answer(
    pack: &ContentPack,
    locale: &Locale,
    names: &[&str],
    spread: &QuestionSpread,
    agreement: Option<&Agreement>,
) -> (Answer, AgreedQuestion) {
    let words = &locale.consensus;
    let (response, basis) = decide(&spread.responses, agreement.and_then(|a| a.level));
    let given: Vec<(&str, Option<Response>)> = names
        .iter()
        .copied()
        .zip(spread.responses.iter().copied())
        .collect();
    let groups = answer_groups(pack, locale, &given);
    let mut lines: Vec<String> = basis_line(locale, basis, names.len()).into_iter().collect();
    // The agreement's own note, even without an agreed level: nothing
    // the facilitator wrote is dropped.
    if let Some(note) = agreement.map(|a| a.note.trim()).filter(|n| !n.is_empty()) {
        lines.push(note.to_string());
    }
    let note = note_within_limit(
        &lines,
        (!groups.is_empty()).then(|| fill(words.note_answers, &[("groups", &groups)])),
        || {
            fill(
                words.note_answers_counted,
                &[("groups", &answer_counts(pack, locale, &given))],
            )
        },
    );
    let question = AgreedQuestion {
        question_id: spread.question_id.clone(),
        response,
        basis,
    };
    (Answer { response, note }, question)
}

/// The note's first line, saying how the answer was decided; none when no
/// partner answered.
fn basis_line(locale: &Locale, basis: Basis, partner_count: usize) -> Option<String> {
    let words = &locale.consensus;
    match basis {
        Basis::Agreed => Some(words.note_agreed.to_string()),
        Basis::Median { partners } => Some(fill(
            words.note_median,
            &[
                ("count", &partners.to_string()),
                ("total", &partner_count.to_string()),
            ],
        )),
        Basis::NotSure { partners } => Some(fill(
            words.note_not_sure,
            &[("count", &partners.to_string())],
        )),
        Basis::NoAnswer => None,
    }
}

/// Partners' answers to questions the pack does not ask, by question id,
/// each with the partner's name, partners in the order given.
fn unmatched_by_question(
    partnership: &Partnership,
) -> SortedMap<&str, Vec<(&str, Option<Response>)>> {
    let mut by_question: SortedMap<&str, Vec<(&str, Option<Response>)>> = SortedMap::new();
    for partner in &partnership.partners {
        for u in &partner.unmatched {
            by_question
                .get_or_insert_with(u.question_id.as_str(), Default::default)
                .push((partner.name.as_str(), u.answer.response));
        }
    }
    by_question
}

/// The answer kept aside for a question the pack no longer asks: decided
/// by the same rules (with nothing agreed), every partner's answer noted.
fn set_aside_answer(
    pack: &ContentPack,
    locale: &Locale,
    given: &[(&str, Option<Response>)],
) -> Answer {
    let words = &locale.consensus;
    let responses: Vec<Option<Response>> = given.iter().map(|(_, r)| *r).collect();
    let (response, _) = decide(&responses, None);
    let groups = answer_groups(pack, locale, given);
    let note = note_within_limit(
        &[],
        Some(fill(words.set_aside_note, &[("groups", &groups)])),
        || {
            fill(
                words.set_aside_note_counted,
                &[("groups", &answer_counts(pack, locale, given))],
            )
        },
    );
    Answer { response, note }
}

/// Partners whose files were made with another version (or set) of the
/// questions, with the version (or pack) their file named.
fn other_versions(partnership: &Partnership) -> Vec<(String, String)> {
    partnership
        .partners
        .iter()
        .filter_map(|p| {
            p.warnings.iter().find_map(|w| match w {
                FileProblem::OtherPackVersion { version } => {
                    Some((p.name.clone(), version.clone()))
                }
                FileProblem::OtherPack { pack_id } => Some((p.name.clone(), pack_id.clone())),
                _ => None,
            })
        })
        .collect()
}

/// "Some files were made with a different version of the questions: ..."
/// or nothing when every file matches the pack.
pub fn other_versions_text(pack: &ContentPack, locale: &Locale, agreed: &Agreed) -> Option<String> {
    if agreed.other_versions.is_empty() {
        return None;
    }
    let files: Vec<String> = agreed
        .other_versions
        .iter()
        .map(|(name, version)| {
            fill(
                locale.consensus.file_version,
                &[("name", name), ("version", version)],
            )
        })
        .collect();
    Some(fill(
        locale.consensus.other_versions,
        &[("files", &files.join(", ")), ("version", &pack.version)],
    ))
}
