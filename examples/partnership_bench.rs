//! How long the partnership view takes for 50 partners with the built-in
//! pack: reading the files and computing the view, then rendering the HTML,
//! CSV and JSON downloads; and what saving the workshop costs after each
//! pause in typing an agreement (reading the stored copy, merging, writing
//! it all again, files included). Prints the median of several runs.
//!
//! Run with `cargo run --release --example partnership_bench` (or without
//! `--release` to see the debug build's figures). Give a folder after `--`
//! to also write the three downloads there, to look at.

use std::time::{Duration, Instant};

use ready_to_share::model::assessment::{Assessment, Response};
use ready_to_share::model::content::ContentPack;
use ready_to_share::model::file::write_assessment;
use ready_to_share::model::locale::Locale;
use ready_to_share::model::partnership::partnership;
use ready_to_share::model::render::partnership::{csv, html, json, PartnershipReport};
use ready_to_share::model::workshop::{
    merge, read_saved_workshop, write_saved_workshop, Workshop, WorkshopEdit,
};

const PARTNERS: usize = 50;
const RUNS: usize = 15;

/// A small, fixed pseudo-random sequence, so every run sees the same files.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn partner_files(pack: &ContentPack) -> Vec<(String, String)> {
    let mut random = Lcg(2024);
    let organisations = [
        "Council",
        "NHS Trust",
        "Police",
        "Jobcentre Plus",
        "Housing",
    ];
    (0..PARTNERS)
        .map(|i| {
            let mut a = Assessment::new(pack, "2026-11-22T10:00:00Z");
            a.context.organisation = format!("{} {}", organisations[i % 5], i / 5);
            for (_, q) in pack.questions() {
                let response = match random.next(8) {
                    0 => None,
                    1 => Some(Response::NotSure),
                    n => Some(Response::Level(u8::try_from(n - 1).unwrap_or(1).min(5))),
                };
                a.set_response(&q.id, response);
                if random.next(3) == 0 {
                    a.set_note(
                        &q.id,
                        "We agreed this at the last board meeting.\n\nAsk the IG lead.",
                    );
                }
            }
            (format!("partner-{i}.json"), write_assessment(&a))
        })
        .collect()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let pack = ContentPack::built_in();
    let locale = Locale::english();
    let files = partner_files(&pack);
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();

    let mut compute = Vec::new();
    let mut render = Vec::new();
    let mut sizes = (0, 0, 0);
    for _ in 0..RUNS {
        let start = Instant::now();
        let view = partnership(&pack, &locale, &files, false);
        compute.push(start.elapsed());

        let start = Instant::now();
        let report = PartnershipReport::new(&pack, &locale, &view, "22 November 2026");
        let page = html(&report);
        let table = csv(&report);
        let bundle = json(&report);
        render.push(start.elapsed());
        sizes = (page.len(), table.len(), bundle.len());
        assert_eq!(view.partners.len(), PARTNERS);
    }
    println!(
        "{PARTNERS} partner files ({} KB) against the built-in pack ({} questions), median of {RUNS} runs:",
        bytes / 1024,
        pack.question_count()
    );
    println!("  read and compute the view: {:?}", median(compute));
    println!("  render HTML, CSV and JSON:  {:?}", median(render));
    println!(
        "  sizes: HTML {} KB, CSV {} KB, JSON {} KB",
        sizes.0 / 1024,
        sizes.1 / 1024,
        sizes.2 / 1024
    );

    let (save, saved_bytes) = workshop_save(&pack, &files);
    println!(
        "  save the workshop after a pause in typing (read {} KB stored, merge, write it again): {:?}",
        saved_bytes / 1024,
        save
    );

    if let Some(folder) = std::env::args().nth(1) {
        let view = partnership(&pack, &locale, &files, false);
        let report = PartnershipReport::new(&pack, &locale, &view, "22 November 2026");
        let folder = std::path::Path::new(&folder);
        for (name, text) in [
            ("partnership.html", html(&report)),
            ("partnership.csv", csv(&report)),
            ("partnership.json", json(&report)),
        ] {
            let path = folder.join(name);
            match std::fs::write(&path, text) {
                Ok(()) => println!("  wrote {}", path.display()),
                Err(e) => eprintln!("  could not write {}: {e}", path.display()),
            }
        }
    }
}

/// One save of a workshop of these files with one agreement being typed,
/// as the app makes it after each pause: the stored copy read, merged with
/// this one, and the whole written again. The median time, and the size
/// of what is stored.
fn workshop_save(pack: &ContentPack, files: &[(String, String)]) -> (Duration, usize) {
    let now = "2026-11-22T10:00:00.000Z";
    let mut workshop = Workshop::default();
    let chosen = files
        .iter()
        .map(|(name, text)| (name.clone(), Ok(text.clone().into_bytes())))
        .collect();
    workshop.apply(WorkshopEdit::Add(chosen), "bench", now);
    let (stored, _) = write_saved_workshop(&workshop);
    let question_id = pack
        .questions()
        .next()
        .map(|(_, q)| q.id.clone())
        .unwrap_or_default();
    let mut times = Vec::new();
    for i in 0..RUNS {
        workshop.apply(
            WorkshopEdit::AgreeNote {
                question_id: question_id.clone(),
                note: format!("Agreed at the workshop, take {i}"),
            },
            "bench",
            now,
        );
        let start = Instant::now();
        let theirs = read_saved_workshop(&stored).expect("the stored workshop reads back");
        let merged = merge(&workshop, &theirs);
        let (text, _) = write_saved_workshop(&merged);
        times.push(start.elapsed());
        assert!(text.len() >= stored.len() / 2);
    }
    (median(times), stored.len())
}
