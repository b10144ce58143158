//! The summary: profile, strengths, ranked actions and matched case studies.

use std::cmp::Reverse;

use crate::model::assessment::{Assessment, Response};
use crate::model::content::{CaseStudy, ContentPack};
use crate::model::scoring::{self, Profile, Score};
use crate::model::sorted::SortedSet;
use crate::model::sorting;

/// How many case studies the summary suggests.
pub const CASE_STUDY_LIMIT: usize = 4;
/// How many of the lowest-scoring themes count as "weakest".
pub const WEAKEST_THEME_COUNT: usize = 2;
/// At most this many of the suggested case studies come from one place, so
/// one well-documented area does not crowd out the rest.
pub const CASE_STUDIES_PER_PLACE: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strength {
    pub question_id: String,
    pub theme_id: String,
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityAction {
    pub question_id: String,
    pub theme_id: String,
    pub level: u8,
    /// The pack's recommended next step for this level.
    pub action: String,
    /// Ids of the guidance that helps with it, most relevant first.
    pub guidance: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindOut {
    pub question_id: String,
    pub theme_id: String,
}

/// Why a case study was suggested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchReason {
    /// It illustrates one of the weakest themes.
    WeakTheme { theme_id: String },
    /// It covers a policy area the user chose.
    PolicyArea { policy_area_id: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedCaseStudy {
    pub case_study_id: String,
    pub reasons: Vec<MatchReason>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub profile: Profile,
    /// Theme ids with the lowest scores, weakest first.
    pub weakest_themes: Vec<String>,
    /// Questions at level 4 or 5, strongest first.
    pub strengths: Vec<Strength>,
    /// Lowest levels first, then the weakest themes, then pack order.
    pub priority_actions: Vec<PriorityAction>,
    /// "Not sure" answers, in pack order.
    pub find_out: Vec<FindOut>,
    pub case_studies: Vec<MatchedCaseStudy>,
}

pub fn summarise(pack: &ContentPack, assessment: &Assessment) -> Summary {
    let profile = scoring::profile(pack, assessment);
    let weakest_themes = weakest_themes(pack, &profile);
    let AnswersByKind {
        mut strengths,
        mut priority_actions,
        find_out,
    } = answers_by_kind(pack, assessment);
    // Stable sorts keep pack order among equals.
    sorting::sort_by_key(&mut priority_actions, |a| {
        (a.level, theme_rank(pack, &profile, &a.theme_id))
    });
    sorting::sort_by_key(&mut strengths, |s| {
        let (_, score, index) = theme_rank(pack, &profile, &s.theme_id);
        (Reverse(s.level), Reverse(score), index)
    });

    let theme_scores: Vec<(String, Score)> = profile
        .themes
        .iter()
        .filter_map(|t| Some((t.theme_id.clone(), t.score?)))
        .collect();
    let case_studies = match_case_studies(
        pack,
        &assessment.context.policy_areas,
        &weakest_themes,
        &theme_scores,
    );
    Summary {
        profile,
        weakest_themes,
        strengths,
        priority_actions,
        find_out,
        case_studies,
    }
}

/// Where a theme ranks from weakest to strongest, as a key to sort by.
/// Ranked by the exact score, never the rounded one. A theme with no score
/// sorts after every scored theme: it is unknown, not weak. Ties keep pack
/// order.
fn theme_rank(
    pack: &ContentPack,
    profile: &Profile,
    theme_id: &str,
) -> (bool, Option<Score>, usize) {
    let index = pack
        .themes
        .iter()
        .position(|t| t.id == theme_id)
        .unwrap_or(usize::MAX);
    let score = profile.theme(theme_id).and_then(|t| t.score);
    (score.is_none(), score, index)
}

/// The ids of the [`WEAKEST_THEME_COUNT`] lowest-scoring themes, weakest
/// first; a theme without a score is never among them.
fn weakest_themes(pack: &ContentPack, profile: &Profile) -> Vec<String> {
    let mut scored_themes: Vec<&str> = profile
        .themes
        .iter()
        .filter(|t| t.score.is_some())
        .map(|t| t.theme_id.as_str())
        .collect();
    sorting::sort_by_key(&mut scored_themes, |id| theme_rank(pack, profile, id));
    scored_themes
        .iter()
        .take(WEAKEST_THEME_COUNT)
        .map(|id| id.to_string())
        .collect()
}

/// The answers sorted into what the summary lists, each in pack order.
struct AnswersByKind {
    strengths: Vec<Strength>,
    priority_actions: Vec<PriorityAction>,
    find_out: Vec<FindOut>,
}

/// Goes through the questions once: a level of 4 or 5 is a strength, a
/// level with an action for it is a priority action (a strength can be
/// one too), and "not sure" is something to find out.
fn answers_by_kind(pack: &ContentPack, assessment: &Assessment) -> AnswersByKind {
    let mut strengths = Vec::new();
    let mut priority_actions = Vec::new();
    let mut find_out = Vec::new();
    for (theme, question) in pack.questions() {
        match assessment.response(&question.id) {
            Some(Response::Level(level)) => {
                if level >= 4 {
                    strengths.push(Strength {
                        question_id: question.id.clone(),
                        theme_id: theme.id.clone(),
                        level,
                    });
                }
                if let Some(action) = question.action_for(level) {
                    priority_actions.push(PriorityAction {
                        question_id: question.id.clone(),
                        theme_id: theme.id.clone(),
                        level,
                        action: action.to_string(),
                        guidance: pack.guidance_for(question, assessment.context.nation),
                    });
                }
            }
            Some(Response::NotSure) => find_out.push(FindOut {
                question_id: question.id.clone(),
                theme_id: theme.id.clone(),
            }),
            None => {}
        }
    }
    AnswersByKind {
        strengths,
        priority_actions,
        find_out,
    }
}

/// Weight of a case study that covers one of the chosen policy areas: the
/// same as illustrating the second-weakest theme.
const POLICY_AREA_WEIGHT: usize = 2;

/// A case study that matched, with what it is ranked and limited by.
struct Candidate<'p> {
    weight: usize,
    /// The exact mean score of the themes it illustrates, if any is scored.
    mean: Option<Score>,
    /// Where it is from, trimmed; empty for a national study.
    place: &'p str,
    matched: MatchedCaseStudy,
}

/// Case studies that illustrate the weakest themes or cover a chosen policy
/// area, best match first. The weakest theme weighs 3, the next 2, and each
/// chosen policy area 2. Equal weights are broken by relevance: how weak, on
/// average, all the themes a study illustrates are (from `theme_scores`,
/// exact); only then by pack order. At most [`CASE_STUDIES_PER_PLACE`] come
/// from one place. Shared with the partnership view, which passes the
/// partners' weakest themes, median scores and chosen areas.
pub(crate) fn match_case_studies(
    pack: &ContentPack,
    chosen: &SortedSet<String>,
    weakest_themes: &[String],
    theme_scores: &[(String, Score)],
) -> Vec<MatchedCaseStudy> {
    let mut matches: Vec<Candidate> = pack
        .case_studies
        .iter()
        .filter_map(|study| candidate(study, chosen, weakest_themes, theme_scores))
        .collect();
    // Heaviest first; then the lowest mean score of its themes (the weakest
    // are the most relevant), a study with no scored theme last. The sort
    // is stable, so pack order decides only exact ties.
    sorting::sort_by_key(&mut matches, |c| {
        (Reverse(c.weight), c.mean.is_none(), c.mean)
    });
    best_per_place(matches)
}

/// A case study weighed against the weakest themes and the chosen policy
/// areas; `None` when it matches neither.
fn candidate<'p>(
    study: &'p CaseStudy,
    chosen: &SortedSet<String>,
    weakest_themes: &[String],
    theme_scores: &[(String, Score)],
) -> Option<Candidate<'p>> {
    let mut weight = 0;
    let mut reasons = Vec::new();
    for (rank, theme_id) in weakest_themes.iter().enumerate() {
        if study.themes.contains(theme_id) {
            weight += WEAKEST_THEME_COUNT + 1 - rank;
            reasons.push(MatchReason::WeakTheme {
                theme_id: theme_id.clone(),
            });
        }
    }
    for area in &study.policy_areas {
        if chosen.contains(area) {
            weight += POLICY_AREA_WEIGHT;
            reasons.push(MatchReason::PolicyArea {
                policy_area_id: area.clone(),
            });
        }
    }
    let scores: Vec<Score> = theme_scores
        .iter()
        .filter(|(id, _)| study.themes.contains(id))
        .map(|(_, score)| *score)
        .collect();
    (!reasons.is_empty()).then(|| Candidate {
        weight,
        mean: Score::mean(&scores),
        // A national study is from no one place.
        place: if study.national {
            ""
        } else {
            study.place.trim()
        },
        matched: MatchedCaseStudy {
            case_study_id: study.id.clone(),
            reasons,
        },
    })
}

/// The first [`CASE_STUDY_LIMIT`] of the ranked candidates, taking at most
/// [`CASE_STUDIES_PER_PLACE`] from one place (places compared ignoring
/// case), so one well-documented area does not crowd out the rest.
fn best_per_place(ranked: Vec<Candidate>) -> Vec<MatchedCaseStudy> {
    let mut per_place: Vec<(&str, usize)> = Vec::new();
    let mut chosen_studies = Vec::new();
    for Candidate { place, matched, .. } in ranked {
        if chosen_studies.len() == CASE_STUDY_LIMIT {
            break;
        }
        if place.is_empty() {
            chosen_studies.push(matched);
            continue;
        }
        let count = match per_place
            .iter_mut()
            .find(|(p, _)| p.eq_ignore_ascii_case(place))
        {
            Some((_, count)) => count,
            None => {
                per_place.push((place, 0));
                &mut per_place.last_mut().expect("just pushed").1
            }
        };
        if *count < CASE_STUDIES_PER_PLACE {
            *count += 1;
            chosen_studies.push(matched);
        }
    }
    chosen_studies
}
