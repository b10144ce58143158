//! The summary: profile, strengths, ranked actions and matched case studies.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use crate::model::assessment::{Assessment, Response};
use crate::model::content::ContentPack;
use crate::model::scoring::{self, Profile};

/// How many case studies the summary suggests.
pub const CASE_STUDY_LIMIT: usize = 4;
/// How many of the lowest-scoring themes count as "weakest".
pub const WEAKEST_THEME_COUNT: usize = 2;

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
    // A theme with no score sorts after every scored theme: it is unknown,
    // not weak.
    let theme_rank = |theme_id: &str| -> (u16, usize) {
        let index = pack
            .themes
            .iter()
            .position(|t| t.id == theme_id)
            .unwrap_or(usize::MAX);
        let score = profile
            .theme(theme_id)
            .and_then(|t| t.score)
            .map_or(u16::MAX, u16::from);
        (score, index)
    };

    let mut scored_themes: Vec<&str> = profile
        .themes
        .iter()
        .filter(|t| t.score.is_some())
        .map(|t| t.theme_id.as_str())
        .collect();
    scored_themes.sort_by_key(|id| theme_rank(id));
    let weakest_themes: Vec<String> = scored_themes
        .iter()
        .take(WEAKEST_THEME_COUNT)
        .map(|id| id.to_string())
        .collect();

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
                if level <= 4 {
                    let action = if level <= 2 {
                        &question.act_if_1_or_2
                    } else {
                        &question.act_if_3_or_4
                    };
                    priority_actions.push(PriorityAction {
                        question_id: question.id.clone(),
                        theme_id: theme.id.clone(),
                        level,
                        action: action.clone(),
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
    // Stable sorts keep pack order among equals.
    priority_actions.sort_by_key(|a| (a.level, theme_rank(&a.theme_id)));
    strengths.sort_by_key(|s| {
        let (score, index) = theme_rank(&s.theme_id);
        (Reverse(s.level), Reverse(score), index)
    });

    let case_studies = match_case_studies(pack, &assessment.context.policy_areas, &weakest_themes);
    Summary {
        profile,
        weakest_themes,
        strengths,
        priority_actions,
        find_out,
        case_studies,
    }
}

/// Weight of a case study that covers one of the chosen policy areas: the
/// same as illustrating the second-weakest theme.
const POLICY_AREA_WEIGHT: usize = 2;

/// Case studies that illustrate the weakest themes or cover a chosen policy
/// area, best match first. The weakest theme weighs 3, the next 2, and each
/// chosen policy area 2; ties keep pack order. Shared with the partnership
/// view, which passes the partners' weakest themes and chosen areas.
pub(crate) fn match_case_studies(
    pack: &ContentPack,
    chosen: &BTreeSet<String>,
    weakest_themes: &[String],
) -> Vec<MatchedCaseStudy> {
    let mut matches: Vec<(usize, MatchedCaseStudy)> = pack
        .case_studies
        .iter()
        .filter_map(|study| {
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
            (!reasons.is_empty()).then(|| {
                (
                    weight,
                    MatchedCaseStudy {
                        case_study_id: study.id.clone(),
                        reasons,
                    },
                )
            })
        })
        .collect();
    matches.sort_by_key(|(weight, _)| Reverse(*weight));
    matches
        .into_iter()
        .take(CASE_STUDY_LIMIT)
        .map(|(_, m)| m)
        .collect()
}
