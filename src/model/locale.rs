//! The table of every word the user sees that is not in the content pack:
//! buttons, statuses, headings, messages, one table per language, and
//! [`fill`] for their `{name}` placeholders. What the words say about the
//! domain (a band, a file problem, a character count) is in `words`.
//!
//! Fields are typed (a key missing from the table fails the build) and
//! grouped by where they appear. Templates use `{name}` placeholders, filled
//! by [`fill`].

// The types and the `BUILT_IN` table, made by build.rs from
// content/locale.en.json (or content/locale.cy.json with Welsh built in,
// the feature `built-in-welsh`), with English's language-switch words
// (`ENGLISH_LANGUAGE_NAV`): one struct per section (`Common`, `Bands`,
// `Statuses`, `FileMessages`, `Report`, `Ui`, `Compare`, `Partnership`,
// `Loader`: the words the page loaders in scripts/runtime show without the
// wasm, copied in by scripts/postbuild.mjs; `Plan`, `Consensus`), one
// `&'static str` per string. A key the code uses but the table lacks fails
// the build, naming the key.
include!(concat!(env!("OUT_DIR"), "/locale_tables.rs"));

use std::cell::RefCell;

/// The languages the tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Welsh,
}

/// The language built in, where nothing else says.
impl Default for Language {
    fn default() -> Self {
        Language::BUILT_IN
    }
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Welsh];

    /// The language built into this app; any other is read from files when
    /// chosen (see `languages`).
    #[cfg(not(feature = "built-in-welsh"))]
    pub const BUILT_IN: Language = Language::English;
    #[cfg(feature = "built-in-welsh")]
    pub const BUILT_IN: Language = Language::Welsh;

    /// The code in files, addresses and `lang` attributes: `en` or `cy`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
        }
    }

    /// `en`, `en-GB`, `cy`, `cy-GB` (any case); anything else is not known.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Some(Language::English),
            "cy" => Some(Language::Welsh),
            _ => None,
        }
    }

    /// The language's name in itself, as the language switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Cymraeg",
        }
    }

    /// Which of the six CLDR plural forms a whole number takes: English has
    /// one (1) and other; Welsh has zero (0), one (1), two (2), few (3),
    /// many (6) and other.
    pub fn plural_form(self, n: usize) -> PluralForm {
        match (self, n) {
            (Language::English, 1) => PluralForm::One,
            (Language::English, _) => PluralForm::Other,
            (Language::Welsh, 0) => PluralForm::Zero,
            (Language::Welsh, 1) => PluralForm::One,
            (Language::Welsh, 2) => PluralForm::Two,
            (Language::Welsh, 3) => PluralForm::Few,
            (Language::Welsh, 6) => PluralForm::Many,
            (Language::Welsh, _) => PluralForm::Other,
        }
    }
}

/// The CLDR plural forms, in the order a [`Plural`] keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralForm {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// A string with a form for each plural form (English fills the forms it
/// does not use from its `other`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct Plural(pub [&'static str; 6]);

impl Plural {
    pub fn form(&self, form: PluralForm) -> &'static str {
        self.0[form as usize]
    }
}

// A table is its strings in field order: every struct of it is #[repr(C)]
// and holds only `&'static str`, arrays of them and `Plural`, all of one
// size and alignment, so it has no padding and the layout of this array.
const _: () = assert!(std::mem::size_of::<Locale>() == STRINGS * std::mem::size_of::<&str>());
const _: () = assert!(std::mem::align_of::<Locale>() == std::mem::align_of::<&str>());

impl Locale {
    /// The table whose strings, in field order, are `strings`.
    fn from_strings(strings: [&'static str; STRINGS]) -> Locale {
        // SAFETY: Locale has exactly the layout of [&'static str; STRINGS]
        // (asserted above: same size and alignment, and repr(C) structs of
        // &str fields in declaration order), and every value of that array
        // is a valid Locale. This keeps the code that reads a table at run
        // time to this line, where building the structs field by field cost
        // about 29 KB of wasm.
        unsafe { std::mem::transmute::<[&'static str; STRINGS], Locale>(strings) }
    }
}

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The strings of a locale table in the generated structs' field order:
/// keys sorted, lists in order, a plural's six forms (missing forms from
/// its `other`).
fn strings_in_order(value: &serde_json::Value, out: &mut Vec<String>) -> Result<(), String> {
    use serde_json::Value;
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => {
            for item in items {
                strings_in_order(item, out)?;
            }
        }
        Value::Object(map)
            if map.contains_key("other")
                && map.keys().all(|k| PLURAL_KEYS.contains(&k.as_str())) =>
        {
            let other = map.get("other").and_then(Value::as_str).unwrap_or("");
            for form in PLURAL_KEYS {
                out.push(
                    map.get(form)
                        .and_then(Value::as_str)
                        .unwrap_or(other)
                        .to_string(),
                );
            }
        }
        // serde_json's map keeps its keys sorted (the crate's default,
        // without "preserve_order"), the generated structs' field order.
        Value::Object(map) => {
            for value in map.values() {
                strings_in_order(value, out)?;
            }
        }
        _ => return Err("a value is not text".to_string()),
    }
    Ok(())
}

thread_local! {
    // A table read at run time is kept for the life of the page (its
    // strings are `'static`), so choosing a language twice reads it once.
    static READ: RefCell<Vec<(String, Locale)>> = const { RefCell::new(Vec::new()) };
}

impl Locale {
    /// The table built into the app (see [`Language::BUILT_IN`]).
    pub fn built_in() -> Locale {
        BUILT_IN
    }

    /// The English table: built into the app, except in the build with
    /// Welsh built in (where English is read from its file when chosen).
    #[cfg(not(feature = "built-in-welsh"))]
    pub fn english() -> Locale {
        BUILT_IN
    }

    /// The table's language, from its `language` code (`en-GB`, `cy`).
    pub fn lang(&self) -> Language {
        Language::from_code(self.language).unwrap_or_default()
    }

    /// A plural string's form for `n`, in this table's language.
    pub fn plural(&self, plural: Plural, n: usize) -> &'static str {
        plural.form(self.lang().plural_form(n))
    }

    /// A table shipped beside the app (`content/locale.cy.json`, checked
    /// when the app was built), read when its language is chosen. Fails if
    /// it is not JSON or does not have exactly this version's strings.
    pub fn from_json(text: &str) -> Result<Locale, String> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut strings = Vec::new();
        strings_in_order(&value, &mut strings)?;
        if let Some(found) = READ.with(|read| {
            read.borrow()
                .iter()
                .find(|(s, _)| *s == text)
                .map(|(_, l)| *l)
        }) {
            return Ok(found);
        }
        if strings.len() != STRINGS {
            return Err(format!(
                "the table has {} strings where this version has {STRINGS}",
                strings.len()
            ));
        }
        let leaked: Vec<&'static str> = strings
            .into_iter()
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect();
        let strings: [&'static str; STRINGS] = leaked
            .try_into()
            .map_err(|_| "the table does not fit this version".to_string())?;
        let locale = Locale::from_strings(strings);
        READ.with(|read| read.borrow_mut().push((text.to_string(), locale)));
        Ok(locale)
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

/// A part of a template being filled: its own words, or a value.
pub enum Part<'t, 'v, V> {
    Words(&'t str),
    Value(&'v V),
}

/// Walks `template`, giving its own words and, for each `{name}` that
/// `values` names, the value (an unknown name is kept as written). One
/// pass, so a value that happens to contain "{name}" is never filled in
/// itself.
pub fn fill_each<'t, 'v, V>(
    template: &'t str,
    values: &'v [(&str, V)],
    mut give: impl FnMut(Part<'t, 'v, V>),
) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((value, close)) => {
                give(Part::Words(&rest[..open]));
                give(Part::Value(value));
                rest = &after[close + 1..];
            }
            None => {
                give(Part::Words(&rest[..=open]));
                rest = after;
            }
        }
    }
    give(Part::Words(rest));
}

/// Replaces each `{name}` in `template` with its value. Values are inserted
/// as they are: escaping is the renderer's job.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    fill_each(template, values, |part| match part {
        Part::Words(words) => out.push_str(words),
        Part::Value(value) => out.push_str(value),
    });
    out
}
