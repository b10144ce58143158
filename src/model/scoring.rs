//! Scores per theme and the overall band.
//!
//! The method, as the README and the summary explain it:
//! - each answered level counts 1 = 0, 2 = 25, 3 = 50, 4 = 75, 5 = 100;
//! - a theme's score is the average over its questions answered with a level
//!   ("not sure" and unanswered questions are counted, not scored);
//! - the overall score is the average of the theme scores, each theme
//!   weighted equally, and it is only given once every theme has a score;
//! - the band follows from it: under 25 Getting started, 25 to 49 Developing,
//!   50 to 74 Established, 75 or more Leading.

use crate::model::assessment::{Assessment, Response};
use crate::model::content::{ContentPack, Theme};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeScore {
    pub theme_id: String,
    /// 0 to 100; `None` when no question in the theme has a level yet.
    pub score: Option<u8>,
    /// Questions answered with a level.
    pub scored: usize,
    pub not_sure: usize,
    pub unanswered: usize,
    pub total: usize,
}

impl ThemeScore {
    pub fn responded(&self) -> usize {
        self.scored + self.not_sure
    }

    pub fn status(&self) -> ThemeStatus {
        if self.responded() == 0 {
            ThemeStatus::NotStarted
        } else if self.unanswered == 0 {
            ThemeStatus::Completed
        } else {
            ThemeStatus::InProgress
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeStatus {
    NotStarted,
    InProgress,
    Completed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    GettingStarted,
    Developing,
    Established,
    Leading,
}

impl Band {
    pub const ALL: [Band; 4] = [
        Band::GettingStarted,
        Band::Developing,
        Band::Established,
        Band::Leading,
    ];

    pub fn from_score(score: u8) -> Band {
        match score {
            0..=24 => Band::GettingStarted,
            25..=49 => Band::Developing,
            50..=74 => Band::Established,
            _ => Band::Leading,
        }
    }

    /// A stable machine name, used in files and events.
    pub fn id(self) -> &'static str {
        match self {
            Band::GettingStarted => "getting-started",
            Band::Developing => "developing",
            Band::Established => "established",
            Band::Leading => "leading",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// One score per theme, in pack order.
    pub themes: Vec<ThemeScore>,
    /// The average of the theme scores, once every theme has one.
    pub overall: Option<u8>,
    pub band: Option<Band>,
}

impl Profile {
    pub fn theme(&self, theme_id: &str) -> Option<&ThemeScore> {
        self.themes.iter().find(|t| t.theme_id == theme_id)
    }
}

/// The score of one answered level, 0 to 100.
pub fn level_points(level: u8) -> u32 {
    u32::from(level.clamp(1, 5) - 1) * 25
}

/// Rounds `numerator / denominator` to the nearest whole number, halves up.
fn rounded_ratio(numerator: u32, denominator: u32) -> u8 {
    let rounded = (2 * numerator + denominator) / (2 * denominator);
    u8::try_from(rounded.min(100)).unwrap_or(100)
}

pub fn score_theme(theme: &Theme, assessment: &Assessment) -> ThemeScore {
    let mut score = ThemeScore {
        theme_id: theme.id.clone(),
        score: None,
        scored: 0,
        not_sure: 0,
        unanswered: 0,
        total: theme.questions.len(),
    };
    let mut points = 0;
    for question in &theme.questions {
        match assessment.response(&question.id) {
            Some(Response::Level(level)) => {
                score.scored += 1;
                points += level_points(level);
            }
            Some(Response::NotSure) => score.not_sure += 1,
            None => score.unanswered += 1,
        }
    }
    if score.scored > 0 {
        let count = u32::try_from(score.scored).unwrap_or(u32::MAX);
        score.score = Some(rounded_ratio(points, count));
    }
    score
}

pub fn profile(pack: &ContentPack, assessment: &Assessment) -> Profile {
    let themes: Vec<ThemeScore> = pack
        .themes
        .iter()
        .map(|t| score_theme(t, assessment))
        .collect();
    let scores: Option<Vec<u32>> = themes.iter().map(|t| t.score.map(u32::from)).collect();
    let overall = scores.filter(|s| !s.is_empty()).map(|s| {
        let count = u32::try_from(s.len()).unwrap_or(u32::MAX);
        rounded_ratio(s.iter().sum(), count)
    });
    Profile {
        themes,
        overall,
        band: overall.map(Band::from_score),
    }
}
