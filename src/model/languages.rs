//! Another language's words and questions, read when someone chooses it.
//! One language is built into the app (English; Welsh in the build with
//! `built-in-welsh`, the first module of the Welsh pages); the other comes
//! as two files beside it (`content/locale.*.json` and
//! `content/pack.*.json`, checked when the app was built), fetched only by
//! those who choose it.

use crate::model::content::ContentPack;
use crate::model::locale::{Language, Locale};

// WELSH_REVIEWED: whether every Welsh string has been reviewed by a
// qualified translator (content/translation-review.csv, read by build.rs).
// Until it is, the Welsh screens and downloads say so.
include!(concat!(env!("OUT_DIR"), "/translation_status.rs"));

/// The words and the questions in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct InLanguage {
    pub locale: Locale,
    pub pack: ContentPack,
}

/// The language built in.
pub fn built_in() -> InLanguage {
    InLanguage {
        locale: Locale::built_in(),
        pack: ContentPack::built_in(),
    }
}

/// A language's tables from their text. The questions must be the built-in
/// pack's, in other words (same id and version), so answers, files and
/// partnerships do not depend on the language. The wording of earlier
/// versions comes from the built-in pack (English whatever the language
/// built in): it was only ever asked in English.
/// Fails with a reason (for the web team) if either file is wrong.
pub fn read_language(language: Language, words: &str, pack: &str) -> Result<InLanguage, String> {
    let locale = Locale::from_json(words).map_err(|e| format!("words: {e}"))?;
    if locale.lang() != language {
        return Err(format!("words: not a {} table", language.own_name()));
    }
    let mut pack = ContentPack::parse("questions", pack).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let built_in = ContentPack::built_in();
    if (&pack.id, &pack.version) != (&built_in.id, &built_in.version) {
        return Err(format!(
            "questions: version {} of {}, but this app has version {}",
            pack.version, pack.id, built_in.version
        ));
    }
    pack.earlier_questions = built_in.earlier_questions;
    Ok(InLanguage { locale, pack })
}
