//! How long the model takes for one full assessment with the built-in pack:
//! reading the pack and the locale, scoring, the summary, each download's
//! renderer, and writing and reading the JSON file. Prints the median and
//! the 95th percentile of many runs of each, and the total of what clicking
//! "See your summary" and every download button costs (budget: 10 ms).
//!
//! Run with `cargo run --release --example model_bench` (scripts/bench.sh
//! does). `-- --quick` runs fewer iterations. Uses std::time only.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::chart::chart;
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::{read_assessment, write_assessment};
use ready_to_share::model::locale::Locale;
use ready_to_share::model::render::{csv, html, markdown, SummaryReport};
use ready_to_share::model::scoring::profile;
use ready_to_share::model::summary::summarise;

/// The budget for the summary plus every download, in model time.
const BUDGET: Duration = Duration::from_millis(10);

/// A full assessment: every question answered (levels 1 to 5 and some "not
/// sure"), a note on every third, the context and a story.
fn full_assessment(pack: &ContentPack) -> Assessment {
    let mut a = Assessment::new(pack, "2026-11-22T10:00:00Z");
    a.context.area = "Bath and North East Somerset".into();
    a.context.organisation = "Council".into();
    a.context.partners = "NHS, police, Jobcentre Plus, housing, schools".into();
    for area in pack.policy_areas.iter().take(2) {
        a.context.policy_areas.insert(area.id.clone());
    }
    for (i, (_, q)) in pack.questions().enumerate() {
        let response = if i % 7 == 6 {
            Response::NotSure
        } else {
            Response::Level(u8::try_from(i % 5 + 1).unwrap_or(1))
        };
        a.set_response(&q.id, Some(response));
        if i % 3 == 0 {
            a.set_note(
                &q.id,
                "Agreed at the last board meeting; ask the IG lead about the DPIA.",
            );
        }
    }
    a.story = "A family's housing officer and health visitor did not know about each other. \
               Once they shared, the family got help within a week."
        .into();
    a.updated = "2026-11-22T11:00:00Z".into();
    a
}

struct Stats {
    median: Duration,
    p95: Duration,
    runs: usize,
}

/// Runs `f` for about `target` (at least `min_runs` times) and returns the
/// median and 95th percentile of single runs.
fn measure<T>(min_runs: usize, target: Duration, mut f: impl FnMut() -> T) -> Stats {
    for _ in 0..3 {
        black_box(f()); // warm up
    }
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < min_runs || (started.elapsed() < target && times.len() < 100_000) {
        let t = Instant::now();
        black_box(f());
        times.push(t.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        p95: at(0.95),
        runs: times.len(),
    }
}

fn show(name: &str, s: &Stats) {
    println!(
        "  {name:<44} median {:>10.3} ms   p95 {:>10.3} ms   ({} runs)",
        s.median.as_secs_f64() * 1e3,
        s.p95.as_secs_f64() * 1e3,
        s.runs
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (min_runs, target) = if quick {
        (20, Duration::from_millis(200))
    } else {
        (200, Duration::from_secs(1))
    };

    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let assessment = full_assessment(&pack);
    let date = "22 November 2026";
    let file = write_assessment(&assessment);
    let report = SummaryReport::new(&pack, &locale, &assessment, date);
    let sizes = [
        ("HTML", html::render(&report).len()),
        ("Markdown", markdown::render(&report).len()),
        ("CSV", csv::render(&report).len()),
        ("JSON", file.len()),
    ];

    println!(
        "Model benchmark: built-in pack ({} themes, {} questions), a full assessment \
         ({} answers); median and p95 of single runs",
        pack.themes.len(),
        pack.question_count(),
        assessment.answers.len()
    );
    println!(
        "  download sizes: {}",
        sizes
            .iter()
            .map(|(n, s)| format!("{n} {:.1} KB", *s as f64 / 1024.0))
            .collect::<Vec<_>>()
            .join(", ")
    );

    println!("At start-up:");
    show(
        "read + check the built-in content pack",
        &measure(min_runs / 4, target, ContentPack::built_in),
    );
    show(
        "read the locale table",
        &measure(min_runs / 4, target, Locale::english),
    );

    println!("Per operation:");
    show(
        "score (profile)",
        &measure(min_runs, target, || profile(&pack, &assessment)),
    );
    show(
        "summary (summarise)",
        &measure(min_runs, target, || summarise(&pack, &assessment)),
    );
    show(
        "chart geometry",
        &measure(min_runs, target, || {
            chart(&pack, &profile(&pack, &assessment))
        }),
    );
    let summary_page = measure(min_runs, target, || {
        SummaryReport::new(&pack, &locale, &assessment, date)
    });
    show(
        "report (summary + words) = SummaryReport::new",
        &summary_page,
    );
    let render_html = measure(min_runs, target, || {
        html::render(&SummaryReport::new(&pack, &locale, &assessment, date))
    });
    show("HTML download (SummaryReport::new + render)", &render_html);
    let render_md = measure(min_runs, target, || {
        markdown::render(&SummaryReport::new(&pack, &locale, &assessment, date))
    });
    show(
        "Markdown download (SummaryReport::new + render)",
        &render_md,
    );
    let render_csv = measure(min_runs, target, || {
        csv::render(&SummaryReport::new(&pack, &locale, &assessment, date))
    });
    show("CSV download (SummaryReport::new + render)", &render_csv);
    let write_json = measure(min_runs, target, || write_assessment(&assessment));
    show("JSON download (write_assessment)", &write_json);
    let read_json = measure(min_runs, target, || read_assessment(&file, &pack));
    show("open the JSON file (read_assessment)", &read_json);
    match read_assessment(&file, &pack) {
        Ok(opened) if opened.assessment == assessment => {}
        Ok(_) => eprintln!("warning: the JSON file did not read back the same"),
        Err(e) => eprintln!("warning: the JSON file did not open: {e:?}"),
    }

    let all = measure(min_runs, target, || {
        let report = SummaryReport::new(&pack, &locale, &assessment, date);
        let h = html::render(&report);
        let m = markdown::render(&SummaryReport::new(&pack, &locale, &assessment, date));
        let c = csv::render(&SummaryReport::new(&pack, &locale, &assessment, date));
        let j = write_assessment(&assessment);
        h.len() + m.len() + c.len() + j.len()
    });
    println!("Summary + all four downloads (as the app does them, one Report each):");
    show("total", &all);
    let verdict = if all.median < BUDGET { "PASS" } else { "OVER" };
    println!(
        "MODEL_TOTAL_MS {:.3} {:.3} (budget < {} ms: {verdict})",
        all.median.as_secs_f64() * 1e3,
        all.p95.as_secs_f64() * 1e3,
        BUDGET.as_millis()
    );
}
