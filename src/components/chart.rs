use yew::prelude::*;

use crate::model::chart::Chart;

/// The readiness profile as a bar chart, from the geometry the HTML report
/// draws too. The table beside it carries the same numbers for screen
/// readers and anyone who prefers a table.
///
/// The theme names and scores are HTML text, so they wrap at any width and
/// with any text spacing (WCAG 1.4.10 and 1.4.12); only the bars and the
/// grid are drawn, each row in its own small SVG whose geometry needs no
/// style attribute (which the Content Security Policy would block).
pub fn chart_view(title: &str, chart: &Chart, values: &[String]) -> Html {
    let ticks = chart
        .ticks
        .iter()
        .map(|(_, value)| *value)
        .collect::<Vec<_>>();
    let grid = html! {
        { for ticks.iter().map(|value| html! {
            <line class="rts-chart__grid" x1={value.to_string()} x2={value.to_string()}
                y1="0" y2="10" vector-effect="non-scaling-stroke" />
        }) }
    };
    html! {
        <div class="rts-chart" role="img" aria-label={title.to_string()}>
            <div class="rts-chart__row rts-chart__row--axis" aria-hidden="true">
                <span class="rts-chart__label"></span>
                <span class="rts-chart__axis">
                    { for ticks.iter().map(|value| html! {
                        <span class={classes!("rts-chart__tick", format!("rts-chart__tick--{value}"))}>{ value }</span>
                    }) }
                </span>
                <span class="rts-chart__value"></span>
            </div>
            { for chart.bars.iter().zip(values).map(|(bar, value)| {
                let width = bar.score.map_or(0, |s| u32::from(s.rounded()));
                html! {
                    <div class="rts-chart__row">
                        <span class="rts-chart__label">{ &bar.label }</span>
                        <svg class="rts-chart__track" viewBox="0 0 100 10" preserveAspectRatio="none"
                            focusable="false" aria-hidden="true">
                            { grid.clone() }
                            <rect class="rts-chart__bar" x="0" y="1" width={width.to_string()} height="8" />
                        </svg>
                        <span class="rts-chart__value">{ value }</span>
                    </div>
                }
            }) }
        </div>
    }
}
