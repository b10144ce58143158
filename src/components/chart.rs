use yew::prelude::*;

use crate::components::shared::use_shared;
use crate::model::chart::{self, BAR_HEIGHT, LABEL_WIDTH, ROW_HEIGHT, WIDTH};
use crate::model::scoring::Profile;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub profile: Profile,
}

/// The readiness profile as a bar chart. The table beside it carries the
/// same numbers for screen readers and anyone who prefers a table.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let shared = use_shared();
    let chart = chart::chart(&shared.pack, &props.profile);
    let title_id = shared.id("chart-title");
    let no_score = &shared.locale.common.no_score;
    html! {
        <svg class="rts-chart" role="img" aria-labelledby={title_id.clone()}
            viewBox={format!("0 0 {WIDTH} {}", chart.height)} preserveAspectRatio="xMinYMin meet">
            <title id={title_id}>{ &shared.locale.report.chart_title }</title>
            { for chart.ticks.iter().map(|(x, value)| html! {
                <>
                    <line class="rts-chart__grid" x1={x.to_string()} x2={x.to_string()}
                        y1="20" y2={(chart.height - 4).to_string()} />
                    <text class="rts-chart__text" x={x.to_string()} y="14" text-anchor="middle">{ value }</text>
                </>
            }) }
            { for chart.bars.iter().map(|bar| {
                let mid = bar.y + ROW_HEIGHT / 2;
                let value = bar
                    .score
                    .map_or_else(|| no_score.to_string(), |s| s.rounded().to_string());
                html! {
                    <>
                        <text class="rts-chart__text" x={(LABEL_WIDTH - 8).to_string()} y={(mid + 5).to_string()}
                            text-anchor="end">{ &bar.label }</text>
                        <rect class="rts-chart__bar" x={LABEL_WIDTH.to_string()} y={(mid - BAR_HEIGHT / 2).to_string()}
                            width={bar.width.to_string()} height={BAR_HEIGHT.to_string()} />
                        <text class="rts-chart__text rts-chart__value" x={(LABEL_WIDTH + bar.width + 6).to_string()}
                            y={(mid + 5).to_string()}>{ value }</text>
                    </>
                }
            }) }
        </svg>
    }
}
