//! Limits on a partner's content pack, checked on its raw text before it is
//! parsed: a pack over them is refused at once, instead of holding up the
//! host page while thousands of questions are read and drawn.

/// The largest pack accepted, in bytes: about five times the built-in pack.
pub const MAX_PACK_BYTES: usize = 512 * 1024;

/// The most questions a pack may hold: more than six times the built-in
/// pack, and still quick to read and show.
pub const MAX_PACK_QUESTIONS: usize = 300;

/// Why a pack was refused before it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackLimit {
    /// The pack is `bytes` long.
    TooLarge { bytes: usize },
    /// The pack holds at least `questions` questions.
    TooManyQuestions { questions: usize },
}

/// Checks a pack's text against [`MAX_PACK_BYTES`] and
/// [`MAX_PACK_QUESTIONS`] without parsing it. Questions are counted by their
/// `"levels"` field, which every question has once and nothing else has; the
/// count stops one past the limit, so a huge pack is not read to its end.
pub fn check_pack_limits(text: &str) -> Result<(), PackLimit> {
    if text.len() > MAX_PACK_BYTES {
        return Err(PackLimit::TooLarge { bytes: text.len() });
    }
    let questions = count_levels_fields(text, MAX_PACK_QUESTIONS + 1);
    if questions > MAX_PACK_QUESTIONS {
        return Err(PackLimit::TooManyQuestions { questions });
    }
    Ok(())
}

/// How many times `"levels"` appears as an object key, up to `stop`.
fn count_levels_fields(text: &str, stop: usize) -> usize {
    const FIELD: &str = "\"levels\"";
    let mut count = 0;
    let mut rest = text;
    while let Some(at) = rest.find(FIELD) {
        let after = &rest[at + FIELD.len()..];
        // A key is followed by a colon; the same word inside a string value
        // would have its quotes escaped, so it never matches.
        if after.trim_start().starts_with(':') {
            count += 1;
            if count >= stop {
                break;
            }
        }
        rest = after;
    }
    count
}
