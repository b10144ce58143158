//! Scores per theme and the overall band.
//!
//! The method, as the README and the summary explain it:
//! - each answered level counts 1 = 0, 2 = 25, 3 = 50, 4 = 75, 5 = 100;
//! - a theme's score is the mean over its questions answered with a level
//!   ("not sure" and unanswered questions are counted, not scored);
//! - the overall score is the mean of the theme scores, each theme weighted
//!   equally, and it is only given once every theme has a score;
//! - the band follows from the overall score: under 25 Starting out, 25 up to
//!   50 Making progress, 50 up to 75 Well on the way, 75 or more Ready and
//!   improving.
//!
//! Every score is kept as an exact fraction ([`Score`]). Bands and rankings
//! come from the exact values; scores are rounded only to be shown, so a
//! mean of 49.17 is never put in the band that starts at 50.

use std::cmp::Ordering;

use crate::model::assessment::{Assessment, Response};
use crate::model::content::{ContentPack, Theme};

/// A score from 0 to 100 as an exact fraction, in lowest terms.
///
/// Compare and rank with it; call [`Score::rounded`] only to show it.
#[derive(Debug, Clone, Copy)]
pub struct Score {
    numerator: u128,
    denominator: u128,
}

impl Score {
    /// `numerator / denominator` points; `None` when the denominator is 0.
    pub fn ratio(numerator: u128, denominator: u128) -> Option<Score> {
        if denominator == 0 {
            return None;
        }
        let divisor = gcd(numerator, denominator);
        Some(Score {
            numerator: numerator / divisor,
            denominator: denominator / divisor,
        })
    }

    pub fn whole(points: u8) -> Score {
        Score {
            numerator: u128::from(points),
            denominator: 1,
        }
    }

    /// The mean of the scores, exactly; `None` for no scores.
    pub fn mean(scores: &[Score]) -> Option<Score> {
        let count = u128::try_from(scores.len()).ok().filter(|n| *n > 0)?;
        let mut sum = Score::whole(0);
        for score in scores {
            sum = sum.plus(*score);
        }
        Score::ratio(sum.numerator, sum.denominator.checked_mul(count)?)
            .or_else(|| Score::approximate(sum.as_f64() / scores.len() as f64))
    }

    /// `self - lower`, or zero when `lower` is the larger.
    pub fn minus(self, lower: Score) -> Score {
        if lower >= self {
            return Score::whole(0);
        }
        let exact = (|| {
            let left = self.numerator.checked_mul(lower.denominator)?;
            let right = lower.numerator.checked_mul(self.denominator)?;
            Score::ratio(
                left - right,
                self.denominator.checked_mul(lower.denominator)?,
            )
        })();
        exact
            .or_else(|| Score::approximate(self.as_f64() - lower.as_f64()))
            .unwrap_or(Score::whole(0))
    }

    fn plus(self, other: Score) -> Score {
        let exact = (|| {
            let divisor = gcd(self.denominator, other.denominator);
            let denominator = (self.denominator / divisor).checked_mul(other.denominator)?;
            let left = self.numerator.checked_mul(denominator / self.denominator)?;
            let right = other
                .numerator
                .checked_mul(denominator / other.denominator)?;
            Score::ratio(left.checked_add(right)?, denominator)
        })();
        exact
            .or_else(|| Score::approximate(self.as_f64() + other.as_f64()))
            .unwrap_or(self)
    }

    /// Only for packs so large that exact sums would overflow 128 bits (no
    /// real pack comes near): the nearest fraction over 2^40.
    fn approximate(value: f64) -> Option<Score> {
        const SCALE: f64 = (1u64 << 40) as f64;
        let scaled = (value.max(0.0) * SCALE).round();
        Score::ratio(scaled as u128, 1u128 << 40)
    }

    fn as_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }

    /// Rounded to the nearest whole number, halves up: for showing only.
    pub fn rounded(self) -> u8 {
        let twice = self.numerator.saturating_mul(2);
        let rounded = twice.saturating_add(self.denominator) / self.denominator.saturating_mul(2);
        u8::try_from(rounded.min(100)).unwrap_or(100)
    }

    /// An overall score rounded to show beside its band: as [`Score::rounded`],
    /// except that it never rounds up into the next band (49.6 shows as 49,
    /// in "Making progress", not as 50), so the number and the band agree.
    pub fn rounded_in_band(self) -> u8 {
        let rounded = self.rounded();
        if Band::from_score(Score::whole(rounded)) == Band::from_score(self) {
            rounded
        } else {
            rounded.saturating_sub(1)
        }
    }

    /// True when the score is at least `points`, exactly.
    pub fn at_least(self, points: u8) -> bool {
        self >= Score::whole(points)
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl PartialEq for Score {
    fn eq(&self, other: &Score) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Score) -> Ordering {
        match (
            self.numerator.checked_mul(other.denominator),
            other.numerator.checked_mul(self.denominator),
        ) {
            (Some(left), Some(right)) => left.cmp(&right),
            _ => self.as_f64().total_cmp(&other.as_f64()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeScore {
    pub theme_id: String,
    /// 0 to 100, exact; `None` when no question in the theme has a level yet.
    pub score: Option<Score>,
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
    StartingOut,
    MakingProgress,
    WellOnTheWay,
    ReadyAndImproving,
}

impl Band {
    pub const ALL: [Band; 4] = [
        Band::StartingOut,
        Band::MakingProgress,
        Band::WellOnTheWay,
        Band::ReadyAndImproving,
    ];

    /// The lowest score in each band, in the order of [`Band::ALL`].
    pub const THRESHOLDS: [u8; 4] = [0, 25, 50, 75];

    /// The band of an exact score: a score just under a threshold stays in
    /// the band below it, however it rounds.
    pub fn from_score(score: Score) -> Band {
        Band::ALL
            .iter()
            .zip(Band::THRESHOLDS)
            .rev()
            .find(|(_, threshold)| score.at_least(*threshold))
            .map_or(Band::StartingOut, |(band, _)| *band)
    }

    /// A stable machine name, used in files and events.
    pub fn id(self) -> &'static str {
        match self {
            Band::StartingOut => "starting-out",
            Band::MakingProgress => "making-progress",
            Band::WellOnTheWay => "well-on-the-way",
            Band::ReadyAndImproving => "ready-and-improving",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// One score per theme, in pack order.
    pub themes: Vec<ThemeScore>,
    /// The mean of the theme scores, once every theme has one.
    pub overall: Option<Score>,
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
    score.score = Score::ratio(u128::from(points), score.scored as u128);
    score
}

pub fn profile(pack: &ContentPack, assessment: &Assessment) -> Profile {
    let themes: Vec<ThemeScore> = pack
        .themes
        .iter()
        .map(|t| score_theme(t, assessment))
        .collect();
    let scores: Option<Vec<Score>> = themes.iter().map(|t| t.score).collect();
    let overall = scores.and_then(|s| Score::mean(&s));
    Profile {
        themes,
        overall,
        band: overall.map(Band::from_score),
    }
}
