//! Plain English for busy public servants, checked over every string in the
//! built-in content pack and the locale table: no sentence over 25 words,
//! none of the GOV.UK words to avoid, and no unexplained jargon the content
//! review found.
// Native only: wasm32 runs just tests/browser.rs (see scripts/test.sh).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;

const PACK: &str = include_str!("../content/pack.en.json");
const LOCALE: &str = include_str!("../content/locale.en.json");
const LONGEST_SENTENCE: usize = 25;

/// Words to avoid (the GOV.UK style guide's list, and the review's
/// findings), as lower-case word stems: a word matches when it starts with
/// the stem and the rest is one of the given endings.
const AVOID: &[(&str, &[&str])] = &[
    ("tackl", &["e", "es", "ed", "ing"]),
    ("focus", &["", "es", "ed", "ing", "sed", "sing"]),
    ("commit", &["", "s", "ted", "ting", "ment", "ments"]),
    (
        "transform",
        &["", "s", "ed", "ing", "ation", "ations", "ational"],
    ),
    ("empower", &["", "s", "ed", "ing", "ment"]),
    ("facilitat", &["e", "es", "ed", "ing"]),
    ("foster", &["", "s", "ed", "ing"]),
    ("leverag", &["e", "es", "ed", "ing"]),
    ("utilis", &["e", "es", "ed", "ing", "ation"]),
    ("streamlin", &["e", "es", "ed", "ing"]),
    ("robust", &["", "ly", "ness"]),
    ("deploy", &["", "s", "ed", "ing", "ment"]),
    (
        "collaborat",
        &["e", "es", "ed", "ing", "ion", "ive", "ively"],
    ),
    ("liais", &["e", "es", "ed", "ing"]),
    ("incentivis", &["e", "es", "ed", "ing"]),
    ("key", &["", "s"]),
    ("pledg", &["e", "es", "ed", "ing"]),
    ("overarching", &[""]),
    ("agenda", &["", "s"]),
    ("dialogue", &["", "s"]),
    ("combat", &["", "s", "ing"]),
    ("countering", &[""]),
    ("advancing", &[""]),
    ("strengthening", &[""]),
    ("flow", &["", "s"]),
    ("please", &[""]),
    // The review of pack 2.0.0: say how often ("each year", "at set times").
    ("regularly", &[""]),
];
const AVOID_PHRASES: &[&str] = &[
    "going forward",
    "in order to",
    "one-stop shop",
    "ring fencing",
    "ring-fencing",
    "drive out",
    "captain's log",
    "e.g.",
];

/// Every string in a JSON document, with its path, leaving out addresses
/// and ids, which are not prose.
fn strings<'a>(value: &'a Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::String(text) => {
            let last = path.rsplit('.').next().unwrap_or("");
            if !matches!(last, "url" | "id" | "replaced_by" | "version" | "language") {
                out.push((path, text));
            }
        }
        Value::Array(items) => {
            // Lists of ids (a question's guidance, a study's themes and
            // policy areas) are not prose.
            let last = path.rsplit('.').next().unwrap_or("");
            let ids = matches!(last, "guidance" | "themes" | "policy_areas");
            for (i, item) in items.iter().enumerate() {
                if !(ids && item.is_string()) {
                    strings(item, format!("{path}[{i}]"), out);
                }
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                // Earlier wording is kept exactly as people answered it.
                if key == "earlier_questions" {
                    continue;
                }
                strings(item, format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

fn all_strings() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, text) in [("pack", PACK), ("locale", LOCALE)] {
        let value: Value = serde_json::from_str(text).expect("valid JSON");
        let mut found = Vec::new();
        strings(&value, name.to_string(), &mut found);
        out.extend(found.into_iter().map(|(p, s)| (p, s.to_string())));
    }
    out
}

/// Sentences end at ".", "!" or "?" followed by a space (or the end).
fn sentences(text: &str) -> Vec<String> {
    let mut result = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, ch) in chars.iter().enumerate() {
        current.push(*ch);
        let next = chars.get(i + 1).copied();
        let previous = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let ends = matches!(ch, '.' | '!' | '?')
            || matches!(ch, '"' | '”' | '’' | ')') && matches!(previous, Some('.' | '!' | '?'));
        let closing_next = matches!(next, Some('"' | '”' | '’' | ')'));
        if ends && !closing_next && next.is_none_or(char::is_whitespace) {
            result.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        result.push(current);
    }
    result
}

fn word_count(sentence: &str) -> usize {
    sentence.split_whitespace().count()
}

/// The words to avoid found in `text`, lower-cased.
fn words_to_avoid(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found: Vec<String> = AVOID_PHRASES
        .iter()
        .filter(|p| lower.contains(*p))
        .map(|p| p.to_string())
        .collect();
    for word in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let word = word.trim_matches('\'');
        for (stem, endings) in AVOID {
            if let Some(rest) = word.strip_prefix(stem) {
                if endings.contains(&rest) {
                    found.push(word.to_string());
                }
            }
        }
    }
    found
}

/// Sources quote published titles and publishers' names as they are, and
/// guidance items carry their published titles.
fn is_a_quoted_name(path: &str) -> bool {
    path.ends_with(".source")
        || path.ends_with(".publisher")
        || path.contains(".guidance[") && path.ends_with(".title")
}

/// The item a string belongs to: a question, a case study, a guidance item,
/// or else the string itself. Jargon may be explained anywhere in its item.
fn item_of(path: &str) -> &str {
    for marker in [".questions[", ".case_studies[", ".guidance["] {
        if let Some(start) = path.find(marker) {
            if let Some(end) = path[start..].find(']') {
                return &path[..start + end + 1];
            }
        }
    }
    path
}

#[test]
fn the_checks_catch_what_they_are_for() {
    assert_eq!(words_to_avoid("We will tackle this."), ["tackle"]);
    assert_eq!(words_to_avoid("Partners focused on it"), ["focused"]);
    assert_eq!(words_to_avoid("A key worker"), ["key"]);
    assert!(words_to_avoid("The committee met; a keyboard; monkey").is_empty());
    assert_eq!(words_to_avoid("In order to share"), ["in order to"]);
    assert!(words_to_avoid("Data protection impact assessment").is_empty());
    let long = "one two three four five six seven eight nine ten eleven twelve \
                thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty \
                twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six.";
    assert_eq!(word_count(&sentences(long)[0]), 26);
    assert_eq!(sentences("One. Two? Three \"four.\" Five").len(), 4);
}

#[test]
fn no_sentence_is_over_25_words() {
    let mut long = Vec::new();
    for (path, text) in all_strings() {
        for sentence in sentences(&text) {
            if word_count(&sentence) > LONGEST_SENTENCE {
                long.push(format!(
                    "{path} ({} words): {}",
                    word_count(&sentence),
                    sentence.trim()
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "sentences over {LONGEST_SENTENCE} words:\n{}",
        long.join("\n")
    );
}

#[test]
fn no_words_to_avoid() {
    let mut found = Vec::new();
    for (path, text) in all_strings() {
        if is_a_quoted_name(&path) {
            continue;
        }
        let words = words_to_avoid(&text);
        if !words.is_empty() {
            found.push(format!("{path}: {words:?} in {text:?}"));
        }
    }
    assert!(found.is_empty(), "words to avoid:\n{}", found.join("\n"));
}

/// The review found these used without explanation; where they are used,
/// they must be explained in the same text.
#[test]
fn jargon_is_explained_where_it_is_used() {
    let explained: &[(&str, &[&str])] = &[
        (
            "caldicott principles",
            &["eight principles", "principles for"],
        ),
        ("troubled families", &["supporting families"]),
        ("dpia", &["data protection impact assessment"]),
        ("mash", &["multi-agency safeguarding hub"]),
        // The review of pack 2.0.0 (section 6): ten terms, and the ICO.
        ("condition", &["extra legal test", "set case"]),
        ("criminal offence data", &["including allegations"]),
        ("part 3", &["law enforcement"]),
        ("overriding public interest", &["outweigh"]),
        ("adult at risk", &["needs care and support"]),
        ("access records", &["logs of who"]),
        ("near misses", &["mistakes caught"]),
        ("timeliness", &["timeliness means"]),
        ("partnership board", &["senior group"]),
        ("governance meetings", &["where partners oversee"]),
        ("ico", &["information commissioner"]),
    ];
    let all = all_strings();
    let mut missing = Vec::new();
    for (path, text) in &all {
        if is_a_quoted_name(path) {
            continue;
        }
        let lower = text.to_lowercase();
        let item: String = all
            .iter()
            .filter(|(p, _)| item_of(p) == item_of(path))
            .map(|(_, t)| t.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        for (term, explanations) in explained {
            let used = lower
                .split(|c: char| !(c.is_alphanumeric() || c == ' '))
                .any(|part| {
                    part.split(' ').any(|w| w == *term) || part.contains(&format!("{term} "))
                });
            if used && !explanations.iter().any(|e| item.contains(e)) {
                missing.push(format!("{path}: \"{term}\" without explanation: {text}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The review of pack 2.0.0 found one role with four names. It is the
/// "data protection adviser" everywhere; the start page says once that this
/// may be the data protection officer.
#[test]
fn one_name_for_the_data_protection_role() {
    let mut found = Vec::new();
    for (path, text) in all_strings() {
        if is_a_quoted_name(&path) {
            continue;
        }
        let lower = text.to_lowercase();
        for other in [
            "data protection contact",
            "data protection officer",
            "legal adviser",
        ] {
            let defined_here = path.starts_with("pack.start.paragraphs")
                && lower.contains("your data protection adviser is");
            if lower.contains(other) && !defined_here {
                found.push(format!("{path}: \"{other}\" in {text:?}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
