//! The partnership view: several partners' assessment files side by side.
//!
//! Scores are not pooled into one: for each theme the view gives the median
//! partner's score and the spread (highest minus lowest), and for each
//! question how far apart partners' answers are. The questions partners
//! disagree on most, and those most partners are not sure about, are the
//! agenda for a workshop.
//!
//! Everything except the order partners are listed in (and the numbers in
//! their names) is independent of the order the files are given in: the
//! statistics are symmetric and ties are broken by pack order.
//!
//! Naming: a partner is named by its file's organisation, or else its area.
//! Files with neither are named "Partner 1", "Partner 2", ... numbered in
//! order among the blank ones (skipping any number whose name a partner
//! already has). Names are cleaned first ([`clean_name`]): characters that
//! draw nothing (a soft hyphen, a zero-width space, a bidi mark...) are
//! removed and spacing collapsed, so two names that look the same are the
//! same name. Partners with the same name (ignoring case) are told apart as
//! "Council (1)", "Council (2)", in the order given. With
//! `anonymise`, every partner is "Partner A", "Partner B", ... in the order
//! given ("Partner AA" follows "Partner Z").

use std::cmp::{Ordering, Reverse};

use crate::model::assessment::{Answer, Assessment, Context, Response};
use crate::model::compare::{unmatched_answers, UnmatchedAnswer};
use crate::model::content::{ContentPack, Nation, LEVELS};
use crate::model::file::{read_assessment_bytes, FileProblem, Opened};
use crate::model::locale::{fill, Language, Locale};
use crate::model::scoring::{self, Profile, Score};
use crate::model::sorted::{SortedMap, SortedSet};
use crate::model::sorting;
use crate::model::summary::{match_case_studies, MatchedCaseStudy, WEAKEST_THEME_COUNT};

/// Questions whose answers are at least this many levels apart are listed
/// under "where you disagree".
pub const DISAGREEMENT_SPREAD: u8 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    /// The name to show: see the module documentation.
    pub name: String,
    /// The name of the file it came from, as given.
    pub file_name: String,
    pub assessment: Assessment,
    /// The language the file was made in, if it says: its notes are
    /// marked with it where the report is in another language.
    pub language: Option<Language>,
    /// What the user should know about the file (it still opened).
    pub warnings: Vec<FileProblem>,
    /// Answers to questions the pack does not have, by question id.
    pub unmatched: Vec<UnmatchedAnswer>,
    pub profile: Profile,
}

/// One theme across the partners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeSpread {
    pub theme_id: String,
    /// The middle score among partners with a score; with an even number of
    /// them, the exact mean of the two middle scores.
    pub median: Option<Score>,
    pub lowest: Option<Score>,
    pub highest: Option<Score>,
    /// Highest minus lowest.
    pub spread: Option<Score>,
    /// How many partners have a score in the theme.
    pub scored_by: usize,
}

/// One question across the partners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionSpread {
    pub question_id: String,
    pub theme_id: String,
    /// Each partner's response, in the order of [`Partnership::partners`].
    pub responses: Vec<Option<Response>>,
    /// How many partners answered at each level, level 1 first.
    pub level_counts: [usize; 5],
    pub not_sure: usize,
    pub unanswered: usize,
    /// Highest level minus lowest, among partners who gave a level.
    pub spread: Option<u8>,
}

impl QuestionSpread {
    /// Partners who answered with a level.
    pub fn levels_given(&self) -> usize {
        self.level_counts.iter().sum()
    }

    pub fn lowest(&self) -> Option<u8> {
        LEVELS
            .iter()
            .zip(self.level_counts)
            .find(|(_, n)| *n > 0)
            .map(|(level, _)| *level)
    }

    pub fn highest(&self) -> Option<u8> {
        LEVELS
            .iter()
            .zip(self.level_counts)
            .rfind(|(_, n)| *n > 0)
            .map(|(level, _)| *level)
    }

    /// The population standard deviation of the levels given.
    pub fn standard_deviation(&self) -> Option<f64> {
        let (numerator, n) = self.variance_parts()?;
        let n = n as f64;
        Some((numerator as f64 / (n * n)).sqrt())
    }

    /// The population variance as `numerator / n²`, in whole numbers so that
    /// rankings compare it exactly.
    fn variance_parts(&self) -> Option<(u128, u128)> {
        let mut n = 0u128;
        let mut sum = 0u128;
        let mut squares = 0u128;
        for (level, count) in LEVELS.iter().zip(self.level_counts) {
            let (level, count) = (u128::from(*level), count as u128);
            n += count;
            sum += level * count;
            squares += level * level * count;
        }
        (n > 0).then(|| (n * squares - sum * sum, n))
    }

    /// More disagreement first: the wider spread, then the larger standard
    /// deviation. Equal questions compare equal (the caller breaks the tie).
    fn cmp_disagreement(&self, other: &QuestionSpread) -> Ordering {
        let variance = match (self.variance_parts(), other.variance_parts()) {
            (Some((a, n)), Some((b, m))) => (b * n * n).cmp(&(a * m * m)),
            (a, b) => b.is_some().cmp(&a.is_some()),
        };
        other.spread.cmp(&self.spread).then(variance)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partnership {
    /// Whether partners' names were replaced with letters.
    pub anonymised: bool,
    /// Files that could not be opened, with the reason, in the order given.
    pub failed: Vec<(String, FileProblem)>,
    /// In the order their files were given.
    pub partners: Vec<Partner>,
    /// One per theme, in pack order.
    pub themes: Vec<ThemeSpread>,
    /// One per question, in pack order.
    pub questions: Vec<QuestionSpread>,
    /// Ids of the questions at least two partners answered with a level,
    /// most disagreement first (widest spread, then largest standard
    /// deviation, then pack order).
    pub disagreement_ranking: Vec<String>,
    /// The start of the ranking with a spread of [`DISAGREEMENT_SPREAD`] or
    /// more: "where you disagree".
    pub disagreements: Vec<String>,
    /// Ids of the questions some partner is not sure about, most partners
    /// first, then pack order.
    pub most_not_sure: Vec<String>,
    /// Theme ids with the lowest median scores, weakest first.
    pub weakest_themes: Vec<String>,
    /// Every policy area any partner chose.
    pub policy_areas: SortedSet<String>,
    /// Where the partners say they work: one nation when all who say agree,
    /// both when they differ.
    pub nation: Nation,
    pub case_studies: Vec<MatchedCaseStudy>,
}

impl Partnership {
    pub fn question(&self, question_id: &str) -> Option<&QuestionSpread> {
        self.questions.iter().find(|q| q.question_id == question_id)
    }

    pub fn theme(&self, theme_id: &str) -> Option<&ThemeSpread> {
        self.themes.iter().find(|t| t.theme_id == theme_id)
    }
}

/// Opens every file against `pack` and brings the partners together.
/// `files` are (file name, file bytes or text) pairs. `locale` gives the words for
/// made-up names ("Partner 1", "Council (2)", "Partner A").
pub fn partnership<N, T>(
    pack: &ContentPack,
    locale: &Locale,
    files: &[(N, T)],
    anonymise: bool,
) -> Partnership
where
    N: AsRef<str>,
    T: AsRef<[u8]>,
{
    let OpenedFiles { opened, failed } = open_files(pack, files);
    let partners = make_partners(pack, locale, opened, anonymise);
    let themes = theme_spreads(pack, &partners);
    let questions: Vec<QuestionSpread> = pack
        .questions()
        .map(|(theme, question)| question_spread(&theme.id, &question.id, &partners))
        .collect();
    let (disagreement_ranking, disagreements) = rank_disagreement(&questions);
    let most_not_sure = rank_not_sure(&questions);
    let weakest_themes = weakest_by_median(&themes);

    let policy_areas = partners
        .iter()
        .flat_map(|p| p.assessment.context.policy_areas.iter().cloned())
        .collect();
    let nation = Nation::common(partners.iter().map(|p| p.assessment.context.nation));
    let median_scores: Vec<(String, Score)> = themes
        .iter()
        .filter_map(|t| Some((t.theme_id.clone(), t.median?)))
        .collect();
    let case_studies = match_case_studies(pack, &policy_areas, &weakest_themes, &median_scores);

    Partnership {
        anonymised: anonymise,
        failed,
        partners,
        themes,
        questions,
        disagreement_ranking,
        disagreements,
        most_not_sure,
        weakest_themes,
        policy_areas,
        nation,
        case_studies,
    }
}

/// The files given, split by whether they opened, each named by its
/// cleaned file name and in the order given.
struct OpenedFiles {
    opened: Vec<(String, Opened)>,
    failed: Vec<(String, FileProblem)>,
}

/// Reads every file against `pack`.
fn open_files<N, T>(pack: &ContentPack, files: &[(N, T)]) -> OpenedFiles
where
    N: AsRef<str>,
    T: AsRef<[u8]>,
{
    let mut failed = Vec::new();
    let mut opened = Vec::new();
    for (name, text) in files {
        match read_assessment_bytes(text.as_ref(), pack) {
            Ok(file) => opened.push((clean_name(name.as_ref()), file)),
            Err(problem) => failed.push((clean_name(name.as_ref()), problem)),
        }
    }
    OpenedFiles { opened, failed }
}

/// The opened files as partners, named (see the module documentation) and
/// scored. With `anonymise`, file names and everything that could name a
/// partner are dropped here, so that nothing further on can show them.
fn make_partners(
    pack: &ContentPack,
    locale: &Locale,
    mut opened: Vec<(String, Opened)>,
    anonymise: bool,
) -> Vec<Partner> {
    let names = if anonymise {
        (0..opened.len())
            .map(|i| {
                fill(
                    locale.partnership.anonymous_name,
                    &[("letter", &letters(i))],
                )
            })
            .collect()
    } else {
        let given: Vec<String> = opened
            .iter()
            .map(|(_, file)| given_name(&file.assessment))
            .collect();
        partner_names(locale, &given)
    };

    if anonymise {
        // Names hidden: nothing that could name a partner goes further.
        for (file_name, file) in &mut opened {
            file_name.clear();
            file.assessment = without_names(&file.assessment);
        }
    }
    opened
        .into_iter()
        .zip(names)
        .map(|((file_name, file), name)| Partner {
            name,
            file_name,
            unmatched: unmatched_answers(pack, &file.assessment),
            profile: scoring::profile(pack, &file.assessment),
            assessment: file.assessment,
            language: file.language,
            warnings: file.warnings,
        })
        .collect()
}

/// Each theme's median, lowest and highest score among the partners who
/// have one, in pack order.
fn theme_spreads(pack: &ContentPack, partners: &[Partner]) -> Vec<ThemeSpread> {
    pack.themes
        .iter()
        .enumerate()
        .map(|(index, theme)| {
            let mut scores: Vec<Score> = partners
                .iter()
                .filter_map(|p| p.profile.themes.get(index).and_then(|t| t.score))
                .collect();
            sorting::sort(&mut scores);
            ThemeSpread {
                theme_id: theme.id.clone(),
                median: median(&scores),
                lowest: scores.first().copied(),
                highest: scores.last().copied(),
                spread: scores
                    .first()
                    .zip(scores.last())
                    .map(|(lo, hi)| hi.minus(*lo)),
                scored_by: scores.len(),
            }
        })
        .collect()
}

/// One question's responses across the partners, counted by level.
fn question_spread(theme_id: &str, question_id: &str, partners: &[Partner]) -> QuestionSpread {
    let responses: Vec<Option<Response>> = partners
        .iter()
        .map(|p| p.assessment.response(question_id))
        .collect();
    let mut spread = QuestionSpread {
        question_id: question_id.to_string(),
        theme_id: theme_id.to_string(),
        level_counts: [0; 5],
        not_sure: 0,
        unanswered: 0,
        spread: None,
        responses,
    };
    for response in &spread.responses {
        match response {
            Some(Response::Level(level)) => {
                spread.level_counts[usize::from((*level).clamp(1, 5) - 1)] += 1;
            }
            Some(Response::NotSure) => spread.not_sure += 1,
            None => spread.unanswered += 1,
        }
    }
    spread.spread = spread.lowest().zip(spread.highest()).map(|(l, h)| h - l);
    spread
}

/// The questions at least two partners gave a level for, most
/// disagreement first, and the start of that ranking wide enough apart to
/// list under "where you disagree".
fn rank_disagreement(questions: &[QuestionSpread]) -> (Vec<String>, Vec<String>) {
    // Indices are pack order, so a stable sort keeps it among equals.
    let mut ranked: Vec<&QuestionSpread> =
        questions.iter().filter(|q| q.levels_given() >= 2).collect();
    sorting::sort_by(&mut ranked, |a, b| a.cmp_disagreement(b));
    let ranking = ranked.iter().map(|q| q.question_id.clone()).collect();
    let disagreements = ranked
        .iter()
        .take_while(|q| q.spread.is_some_and(|s| s >= DISAGREEMENT_SPREAD))
        .map(|q| q.question_id.clone())
        .collect();
    (ranking, disagreements)
}

/// The questions some partner is not sure about, most partners first,
/// then pack order.
fn rank_not_sure(questions: &[QuestionSpread]) -> Vec<String> {
    let mut unsure: Vec<&QuestionSpread> = questions.iter().filter(|q| q.not_sure > 0).collect();
    sorting::sort_by_key(&mut unsure, |q| Reverse(q.not_sure));
    unsure.iter().map(|q| q.question_id.clone()).collect()
}

/// The themes with the lowest median scores, by the same rule as a single
/// summary: the lowest scores first, a theme without a score is unknown
/// rather than weak, ties keep pack order.
fn weakest_by_median(themes: &[ThemeSpread]) -> Vec<String> {
    let mut scored: Vec<(Score, usize, &str)> = themes
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.median.map(|m| (m, i, t.theme_id.as_str())))
        .collect();
    sorting::sort(&mut scored);
    scored
        .iter()
        .take(WEAKEST_THEME_COUNT)
        .map(|(_, _, id)| id.to_string())
        .collect()
}

/// The median of sorted scores: the middle one, or the mean of the two
/// middle ones, exactly.
fn median(sorted: &[Score]) -> Option<Score> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        return sorted.get(n / 2).copied();
    }
    Score::mean(sorted.get(n / 2 - 1..=n / 2)?)
}

/// The organisation, or else the area, cleaned ([`clean_name`]); empty
/// when neither is given (or neither draws anything).
fn given_name(assessment: &Assessment) -> String {
    let organisation = clean_name(&assessment.context.organisation);
    if organisation.is_empty() {
        clean_name(&assessment.context.area)
    } else {
        organisation
    }
}

/// True for a character that draws nothing where it stands: Unicode's
/// format characters (soft hyphen, zero-width space, joiner and
/// non-joiner, word joiner, bidi marks, embeddings, overrides and
/// isolates, the byte order mark, invisible operators, tags...), control
/// characters, variation selectors, the combining grapheme joiner and the
/// Hangul fillers. Spacing is not one of them: it is collapsed instead.
pub fn draws_nothing(c: char) -> bool {
    let c = u32::from(c);
    // A table searched in order, not a `match`: a match on this many
    // ranges compiles to a large tree of branches in the wasm.
    let control = c < 0x20 || (0x7F..0xA0).contains(&c);
    DRAWS_NOTHING
        .iter()
        .any(|&(first, last)| (first..=last).contains(&c))
        || (control && !char::from_u32(c).is_some_and(char::is_whitespace))
}

/// The ranges of [`draws_nothing`], first and last inclusive.
const DRAWS_NOTHING: [(u32, u32); 25] = [
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    // Tags, variation selectors and the rest of the plane-14 block that
    // Unicode reserves as default-ignorable (U+E0000 to U+E0FFF), assigned
    // or not: a property test found U+E0002 kept.
    (0xE0000, 0xE0FFF),
];

/// A name as it should be shown: characters that draw nothing removed,
/// runs of spacing (any kind, line breaks too) made one space, and none at
/// either end. Cleaning a clean name changes nothing.
pub fn clean_name(name: &str) -> String {
    let drawn: String = name.chars().filter(|c| !draws_nothing(*c)).collect();
    drawn.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How names are compared: two names are the same when they are cleaned
/// the same, ignoring case.
pub fn name_key(name: &str) -> String {
    clean_name(name).to_lowercase()
}

/// Display names for the given names (empty for blank), all different
/// by [`name_key`]: look-alikes are numbered in the order given.
pub fn partner_names<S: AsRef<str>>(locale: &Locale, given: &[S]) -> Vec<String> {
    let given: Vec<String> = given.iter().map(|n| clean_name(n.as_ref())).collect();
    let words = &locale.partnership;
    let mut counts: SortedMap<String, usize> = SortedMap::new();
    for name in given.iter().filter(|n| !n.is_empty()) {
        *counts.get_or_insert_with(name_key(name), Default::default) += 1;
    }
    // Names taken so far, so that no made-up name repeats a real one.
    let mut taken: SortedSet<String> = counts
        .iter()
        .filter(|(_, n)| **n == 1)
        .map(|(key, _)| key.clone())
        .collect();
    let mut next_number: SortedMap<String, usize> = SortedMap::new();
    let mut next_blank = 0;
    given
        .iter()
        .map(|name| {
            let tidy = name.clone();
            let key = name_key(name);
            if !name.is_empty() && counts.get(&key) == Some(&1) {
                return tidy;
            }
            loop {
                let made_up = if name.is_empty() {
                    next_blank += 1;
                    fill(words.blank_name, &[("n", &next_blank.to_string())])
                } else {
                    let n = next_number.get_or_insert_with(key.clone(), || 0);
                    *n += 1;
                    fill(
                        words.duplicate_name,
                        &[("name", &tidy), ("n", &n.to_string())],
                    )
                };
                if taken.insert(name_key(&made_up)) {
                    return made_up;
                }
            }
        })
        .collect()
}

/// Spreadsheet-style letters for a position from 0: A to Z, then AA, AB...
pub fn letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    out.iter().rev().collect()
}

/// An assessment with everything that could name its organisation or its
/// people left out: the area, the organisation, the partner organisations,
/// and everything partners wrote in their own words (answers' notes, the
/// story, and the action plan, whose owners name organisations and people).
/// What is left is the answers and the policy areas. The view works on
/// this when names are hidden, so that no screen or download can name a
/// partner.
pub fn without_names(assessment: &Assessment) -> Assessment {
    let responses_only = |answers: &SortedMap<String, Answer>| {
        let mut kept = SortedMap::new();
        for (id, answer) in answers.iter() {
            if answer.response.is_some() {
                kept.insert(
                    id.clone(),
                    Answer {
                        response: answer.response,
                        note: String::new(),
                    },
                );
            }
        }
        kept
    };
    Assessment {
        context: Context {
            policy_areas: assessment.context.policy_areas.clone(),
            ..Context::default()
        },
        answers: responses_only(&assessment.answers),
        set_aside: responses_only(&assessment.set_aside),
        story: String::new(),
        plan: Default::default(),
        ..assessment.clone()
    }
}
