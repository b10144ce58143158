//! Writes the built-in content pack (`content/pack.en.json`) in a packed
//! form for the wasm: no key names repeated, no quotes, no JSON escapes and
//! no layout, so it is smaller (about 1.8 KB less gzipped) and the app reads
//! it without a JSON parse at start. src/model/packed_shape.rs reads it.
//!
//! Shared by `build.rs` and `tests/content_pack.rs` (through `#[path]`).
//!
//! The form: the pack's key names, each ended by NUL, then one more NUL;
//! then the pack's value. A text is its characters ended by NUL. A list is
//! its items and then END_LIST. An object is, for each field, one character
//! naming the key (KEY_BASE plus its place in the key names) and the value,
//! and then END_OBJECT (so an empty object in a list is not the list's end).
//! Only texts, flags (packed as the texts "true" and "false"), lists and
//! objects are allowed: a content pack holds nothing else.

use serde_json::Value;

/// Ends an object; no text starts with it.
pub const END_OBJECT: char = '\u{1}';
/// Ends a list; no text starts with it.
pub const END_LIST: char = '\u{2}';
/// Key characters start here, printable and one byte each.
pub const KEY_BASE: u32 = 0x20;

/// The packed form of a pack's JSON, or what stops it being packed.
pub fn pack(json: &str) -> Result<String, String> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| format!("this is not valid JSON: {e}"))?;
    let mut keys = Vec::new();
    collect_keys(&value, &mut keys);
    if keys.len() > (0x7F - KEY_BASE) as usize {
        return Err(format!("too many key names to pack: {}", keys.len()));
    }
    let mut out = String::new();
    for key in &keys {
        if key.is_empty() || key.contains('\0') {
            return Err(format!("the key {key:?} cannot be packed"));
        }
        out.push_str(key);
        out.push('\0');
    }
    out.push('\0');
    write(&value, &keys, "", &mut out)?;
    Ok(out)
}

fn collect_keys(value: &Value, keys: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if !keys.contains(key) {
                    keys.push(key.clone());
                }
                collect_keys(child, keys);
            }
        }
        Value::Array(items) => items.iter().for_each(|child| collect_keys(child, keys)),
        _ => {}
    }
}

fn write(value: &Value, keys: &[String], at: &str, out: &mut String) -> Result<(), String> {
    match value {
        Value::String(text) => {
            if text.contains('\0') || text.starts_with([END_OBJECT, END_LIST]) {
                return Err(format!("{at}: the text {text:?} cannot be packed"));
            }
            out.push_str(text);
            out.push('\0');
        }
        // A flag is packed as the text its reader gives it.
        Value::Bool(flag) => {
            out.push_str(if *flag { "true" } else { "false" });
            out.push('\0');
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                write(item, keys, &format!("{at}/{i}"), out)?;
            }
            out.push(END_LIST);
        }
        Value::Object(map) => {
            for (key, child) in map {
                let place = keys.iter().position(|k| k == key).unwrap_or(0) as u32;
                out.push(char::from_u32(KEY_BASE + place).unwrap_or(END_OBJECT));
                write(child, keys, &format!("{at}/{key}"), out)?;
            }
            out.push(END_OBJECT);
        }
        other => {
            return Err(format!(
                "{at}: a content pack holds only texts, flags, lists and objects, not {other}"
            ))
        }
    }
    Ok(())
}
