//! Geometry of the profile chart: one horizontal bar per theme, shared by the
//! on-screen summary and the HTML report so both draw the same picture.

use crate::model::content::ContentPack;
use crate::model::scoring::{Profile, Score};

pub const WIDTH: u32 = 720;
/// Wide enough for the longest theme title, "Safeguarding and the duty to share".
pub const LABEL_WIDTH: u32 = 300;
pub const BAR_MAX: u32 = 340;
pub const ROW_HEIGHT: u32 = 40;
pub const BAR_HEIGHT: u32 = 24;
pub const TOP: u32 = 28;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub theme_id: String,
    pub label: String,
    pub score: Option<Score>,
    /// Top of the row.
    pub y: u32,
    pub width: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub bars: Vec<Bar>,
    pub height: u32,
    /// x positions and values of the gridlines (0, 25, 50, 75, 100).
    pub ticks: Vec<(u32, u8)>,
}

pub fn chart(pack: &ContentPack, profile: &Profile) -> Chart {
    let bars: Vec<Bar> = profile
        .themes
        .iter()
        .zip(0u32..)
        .map(|(theme_score, row)| Bar {
            theme_id: theme_score.theme_id.clone(),
            label: pack
                .theme(&theme_score.theme_id)
                .map(|t| t.title.clone())
                .unwrap_or_default(),
            score: theme_score.score,
            y: TOP + row * ROW_HEIGHT,
            width: theme_score
                .score
                .map_or(0, |s| u32::from(s.rounded()) * BAR_MAX / 100),
        })
        .collect();
    let rows = u32::try_from(bars.len()).unwrap_or(0);
    Chart {
        bars,
        height: TOP + rows * ROW_HEIGHT + 8,
        ticks: (0..=4u8)
            .map(|i| (LABEL_WIDTH + u32::from(i) * BAR_MAX / 4, i * 25))
            .collect(),
    }
}
