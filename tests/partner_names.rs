#![cfg(not(target_arch = "wasm32"))]
//! Partners' names: characters that draw nothing are removed, spacing is
//! collapsed, and names that then look the same are numbered, everywhere a
//! partner is named (the screen's table, "Where you disagree", the
//! downloads and the agreed file).

mod common;

use std::collections::BTreeSet;

use common::{answered, level, small_pack, NOW};
use proptest::prelude::*;
use ready_to_share::model::consensus::{agreed_assessment, Consensus};
use ready_to_share::model::file::write_assessment;
use ready_to_share::model::locale::Locale;
use ready_to_share::model::partnership::{clean_name, name_key, partner_names, partnership};
use ready_to_share::model::render::partnership::{csv, html, PartnershipReport};

/// A file of the small pack for `organisation`, answering a1 at `a1`.
fn file(organisation: &str, a1: u8) -> String {
    let pack = small_pack();
    let mut a = answered(&pack, &[("a1", level(a1))]);
    a.context.organisation = organisation.to_string();
    write_assessment(&a)
}

/// "Council" four times, each with a different invisible character in it,
/// and a police force whose name carries a right-to-left override.
const LOOK_ALIKES: [&str; 5] = [
    "Council",
    "Coun\u{00AD}cil",
    "\u{200B}Council\u{200D}",
    "Coun\u{2066}cil\u{2069}\u{FEFF}",
    "Pol\u{202E}ice",
];

#[test]
fn names_that_look_the_same_are_numbered_in_the_view_and_every_download() {
    let pack = small_pack();
    let locale = Locale::english();
    let files: Vec<(String, String)> = LOOK_ALIKES
        .iter()
        .enumerate()
        .map(|(i, name)| (format!("file-{i}.json"), file(name, 1 + 4 * (i as u8 % 2))))
        .collect();
    let p = partnership(&pack, &locale, &files, false);
    let names: Vec<&str> = p.partners.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Council (1)",
            "Council (2)",
            "Council (3)",
            "Council (4)",
            "Police"
        ]
    );

    // Where you disagree: a1 was given levels 1 and 5.
    let report = PartnershipReport::new(&pack, &locale, &p, "1 June 2024");
    let q = p.question("a1").expect("a1");
    assert_eq!(
        report.answer_groups(q),
        [
            "One: Council (1), Council (3), Police",
            "Five: Council (2), Council (4)"
        ]
    );

    // No download carries an invisible character from a name.
    for out in [html(&report), csv(&report)] {
        for hidden in ['\u{00AD}', '\u{200B}', '\u{200D}', '\u{2066}', '\u{202E}'] {
            assert!(!out.contains(hidden), "{hidden:?} in a download");
        }
        assert!(out.contains("Council (4)"));
    }

    // The agreed file lists five different partners.
    let agreed = agreed_assessment(&pack, &locale, &p, &Consensus::default(), "Bath", NOW);
    assert_eq!(
        agreed.assessment.context.partners,
        "Council (1)\nCouncil (2)\nCouncil (3)\nCouncil (4)\nPolice"
    );
    assert!(agreed
        .assessment
        .note("a1")
        .contains("Council (1), Council (3), Police"));
}

#[test]
fn a_file_name_with_invisible_characters_is_shown_without_them() {
    let files = vec![
        ("council.json".to_string(), file("A", 1)),
        ("coun\u{00AD}cil.json".to_string(), file("B", 1)),
    ];
    let p = partnership(&small_pack(), &Locale::english(), &files, false);
    assert_eq!(p.partners[1].file_name, "council.json");
}

#[test]
fn cleaning_removes_what_draws_nothing_and_collapses_spacing() {
    assert_eq!(
        clean_name("  Bath\u{00A0}and\n\tNorth  East "),
        "Bath and North East"
    );
    assert_eq!(clean_name("N\u{200C}H\u{200E}S\u{200F}"), "NHS");
    assert_eq!(clean_name("\u{202A}Police\u{202C}"), "Police");
    assert_eq!(clean_name("\u{00AD}\u{200B} \u{FEFF}"), "");
    assert_eq!(clean_name("Caf\u{E9} \u{1F3E0}"), "Caf\u{E9} \u{1F3E0}");
    assert_eq!(name_key("COUN\u{AD}CIL"), "council");
}

/// Names from a few letters, spaces and characters that draw nothing, so
/// that look-alikes are common. No digits or brackets, so that no real name
/// looks like a numbered one.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            'a',
            'A',
            'b',
            ' ',
            '\u{A0}',
            '\n',
            '\u{AD}',
            '\u{200B}',
            '\u{200D}',
            '\u{200F}',
            '\u{202E}',
            '\u{2066}',
            '\u{FEFF}',
            '\u{E0041}',
        ]),
        0..6,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Characters the property tests put in names that must not survive.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}')
}

proptest! {
    #[test]
    fn cleaning_is_idempotent_and_leaves_nothing_invisible(n in name(), any in ".{0,12}") {
        for text in [n, any] {
            let once = clean_name(&text);
            prop_assert_eq!(clean_name(&once), once.clone());
            prop_assert_eq!(once.trim(), once.as_str());
            prop_assert!(!once.contains("  "));
            prop_assert!(once.chars().all(|c| c == ' ' || !c.is_whitespace()));
            let invisible = once.chars().any(invisible);
            prop_assert!(!invisible, "{:?}", once);
        }
    }

    #[test]
    fn names_that_render_the_same_never_get_the_same_label(names in prop::collection::vec(name(), 0..8)) {
        let locale = Locale::english();
        let labels = partner_names(&locale, &names);
        prop_assert_eq!(labels.len(), names.len());
        // Every label is different, however it is written.
        let keys: BTreeSet<String> = labels.iter().map(|l| name_key(l)).collect();
        prop_assert_eq!(keys.len(), labels.len());
        for (i, label) in labels.iter().enumerate() {
            prop_assert_eq!(&clean_name(label), label);
            prop_assert!(!label.is_empty());
            let look_alikes = names
                .iter()
                .filter(|n| !clean_name(n).is_empty() && name_key(n) == name_key(&names[i]))
                .count();
            if clean_name(&names[i]).is_empty() {
                prop_assert!(label.starts_with("Partner "));
            } else if look_alikes == 1 {
                prop_assert_eq!(label, &clean_name(&names[i]));
            } else {
                // Numbered by its place among its look-alikes.
                let place = names[..=i]
                    .iter()
                    .filter(|n| name_key(n) == name_key(&names[i]))
                    .count();
                prop_assert_eq!(label, &format!("{} ({place})", clean_name(&names[i])));
            }
        }
    }

    #[test]
    fn numbering_is_stable(names in prop::collection::vec(name(), 0..8), extra in "[xyz]{1,4}") {
        let locale = Locale::english();
        let labels = partner_names(&locale, &names);
        // The same names give the same labels.
        prop_assert_eq!(&partner_names(&locale, &names), &labels);
        // A new name that looks like no other leaves every label as it was.
        let mut more = names.clone();
        more.push(extra.clone());
        let after = partner_names(&locale, &more);
        prop_assert_eq!(&after[..labels.len()], &labels[..]);
        prop_assert_eq!(&after[labels.len()], &extra);
    }
}

// ---------------------------------------------------------------------------
// Names hidden: no download names anyone
// ---------------------------------------------------------------------------

/// Three partners' files, each naming its organisation, area and partner
/// organisations, with a plan owner and notes, a story and a kept-aside
/// note that name them too. Returns the files and every text that names
/// someone.
fn naming_files() -> (Vec<(String, String)>, Vec<String>) {
    use ready_to_share::model::assessment::Answer;
    use ready_to_share::model::plan::{ActionId, PlanEdit, Step};
    let pack = small_pack();
    let people = [
        (
            "Fernhill Borough Council",
            "Wyvern Vale",
            "Dr Ada Quillfeather",
        ),
        ("Marlowmere NHS Trust", "Brackenridge", "Ottoline Pembury"),
        (
            "Thistlecombe Police",
            "Saltmarsh Fold",
            "Inspector Rowan Kettleby",
        ),
    ];
    let mut files = Vec::new();
    let mut secrets = Vec::new();
    for (i, (organisation, area, owner)) in people.iter().enumerate() {
        let mut a = answered(&pack, &[("a1", level(1 + 2 * i as u8)), ("b1", level(2))]);
        a.context.organisation = organisation.to_string();
        a.context.area = area.to_string();
        a.context.partners = format!("Quenby Housing {i}\nAshgrove Academy {i}");
        a.set_note("a1", &format!("{organisation}'s DPO is drafting it"));
        a.set_note("b2", &format!("Ask {owner}"));
        a.story = format!("A family in {area} told their story once");
        a.set_aside.insert(
            "an-old-question".into(),
            Answer {
                response: Some(level(2)),
                note: format!("{owner} said so"),
            },
        );
        let id = ActionId::new("a1", Step::Start);
        a.plan
            .apply(
                &id,
                PlanEdit::Owner(format!("{owner}, {organisation}")),
                NOW,
            )
            .expect("an owner");
        a.plan
            .apply(&id, PlanEdit::Note(format!("{organisation} leads")), NOW)
            .expect("a note");
        let file_name = format!("{}-assessment.json", organisation.replace(' ', "-"));
        secrets.extend([
            organisation.to_string(),
            area.to_string(),
            owner.to_string(),
            file_name.clone(),
            format!("Quenby Housing {i}"),
            format!("Ashgrove Academy {i}"),
        ]);
        files.push((file_name, write_assessment(&a)));
    }
    // A file that does not open is not named either.
    files.push(("Gorsedene-Council-broken.json".into(), "not json".into()));
    secrets.push("Gorsedene-Council-broken.json".into());
    (files, secrets)
}

#[test]
fn with_names_hidden_no_download_names_a_partner() {
    let pack = small_pack();
    let locale = Locale::english();
    let (files, secrets) = naming_files();

    // Named, every download does name them: the check below can fail.
    let named = partnership(&pack, &locale, &files, false);
    let report = PartnershipReport::new(&pack, &locale, &named, "1 June 2024");
    let bundle = ready_to_share::model::render::partnership::json(&report);
    for secret in &secrets {
        assert!(
            bundle.contains(secret.as_str()),
            "{secret} in the named bundle"
        );
    }

    let hidden = partnership(&pack, &locale, &files, true);
    let report = PartnershipReport::new(&pack, &locale, &hidden, "1 June 2024");
    let mut consensus = Consensus::default();
    consensus.set_level("a1", Some(2));
    let name = ready_to_share::model::consensus::suggested_name(&hidden);
    let agreed = agreed_assessment(&pack, &locale, &hidden, &consensus, &name, NOW);
    let downloads = [
        ("HTML", html(&report)),
        ("CSV", csv(&report)),
        (
            "JSON",
            ready_to_share::model::render::partnership::json(&report),
        ),
        ("agreed file", write_assessment(&agreed.assessment)),
    ];
    for (what, out) in &downloads {
        let lower = out.to_lowercase();
        for secret in &secrets {
            for word in secret.split(['-', ' ', '\n', '.']).filter(|w| w.len() > 4) {
                // Every word of every name, except the words the app
                // itself uses.
                if ["assessment", "council", "police", "trust"]
                    .contains(&word.to_lowercase().as_str())
                {
                    continue;
                }
                assert!(
                    !lower.contains(&word.to_lowercase()),
                    "{what} has {word:?} (from {secret:?}):\n{out}"
                );
            }
            assert!(!out.contains(secret.as_str()), "{what} has {secret:?}");
        }
        assert!(
            out.contains("Partner A") && out.contains("Partner C"),
            "{what}"
        );
    }
    // The answers are all still there.
    let q = hidden.question("a1").expect("a1");
    assert_eq!(q.level_counts, [1, 0, 1, 0, 1]);
}
