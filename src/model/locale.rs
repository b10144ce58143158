//! The table of every word the user sees that is not in the content pack:
//! buttons, statuses, headings, messages, one table per language, and
//! [`fill`] for their `{name}` placeholders. What the words say about the
//! domain (a band, a file problem, a character count) is in `words`.
//!
//! Fields are typed (a key missing from the table fails the build) and
//! grouped by where they appear. Templates use `{name}` placeholders, filled
//! by [`fill`].

// The types and the `EN` table, made by build.rs from
// content/locale.en.json: one struct per section (`Common`, `Bands`,
// `Statuses`, `FileMessages`, `Report`, `Ui`, `Compare`, `Partnership`,
// `Loader`: the words the page loaders in scripts/runtime show without the
// wasm, copied in by scripts/postbuild.mjs; `Plan`, `Consensus`), one
// `&'static str` per string. A key the code uses but the table lacks fails
// the build, naming the key.
include!(concat!(env!("OUT_DIR"), "/locale_tables.rs"));

impl Locale {
    pub fn english() -> Locale {
        EN
    }
}

/// A whole number with commas between thousands, as GOV.UK writes them:
/// 4,000 and 20,000.
pub fn whole_number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Replaces each `{name}` in `template` with its value. Values are inserted
/// as they are: escaping is the renderer's job.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template, so a value that happens to contain
    // "{name}" is never filled in itself.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
