//! Reads JSON against a shape described by data (a few static tables)
//! instead of code derived for each struct: serde's derived readers cost
//! the wasm a visitor per struct and field, and their error path pulls in
//! floating-point formatting.
//!
//! Errors are the ones serde's derived reader gives, word for word and with
//! the same line and column, so a partner sees the same message as before
//! (tests/pack_reader.rs compares the two on many broken packs; the one
//! exception is in `visit_map`, for a word written as an object whose first
//! key is not a string). serde_json
//! places an error where its reader stands when the error is made; where the
//! derived reader would have stopped earlier (at the `[` or `{` of a value of
//! the wrong kind), [`Fix`] moves the position back.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// What a JSON value must be.
#[derive(Clone, Copy)]
pub enum Shape {
    Text,
    Texts,
    Record(&'static Record),
    Records(&'static Record),
    /// A unit enum written as one of these words (or, as serde also
    /// accepts, an object with one of them as its key and `null` as value).
    Word(&'static Words),
    /// `null`: the value of a unit variant in object form.
    Unit,
    /// `true` or `false`.
    Flag,
}

/// A struct: every field optional, no others allowed.
pub struct Record {
    /// How serde names it, for example "struct Theme".
    pub name: &'static str,
    /// In declaration order: a sequence fills them in this order.
    pub fields: &'static [&'static str],
    pub shapes: &'static [Shape],
}

/// The words a unit enum accepts, with serde's own list of them.
pub struct Words {
    pub words: &'static [&'static str],
    /// As serde lists them: "`reworded` or `removed`".
    pub listed: &'static str,
}

/// A value read against a [`Shape`]; words are kept as text.
#[derive(Debug, Default)]
pub enum Node {
    /// A field that was not given (or `null` for [`Shape::Unit`]).
    #[default]
    Absent,
    Text(String),
    List(Vec<Node>),
    /// The fields of a [`Record`] in declaration order.
    Fields(Vec<Node>),
}

impl Node {
    /// The record's fields, to be taken in declaration order.
    pub fn fields(self) -> Fields {
        match self {
            Node::Fields(fields) => Fields(fields.into_iter()),
            _ => Fields(Vec::new().into_iter()),
        }
    }
}

/// The fields of one record, taken in declaration order; a field that was
/// not given reads as empty, as `#[serde(default)]` would have it.
pub struct Fields(std::vec::IntoIter<Node>);

impl Fields {
    fn next_node(&mut self) -> Node {
        self.0.next().unwrap_or_default()
    }

    pub fn text(&mut self) -> String {
        match self.next_node() {
            Node::Text(text) => text,
            _ => String::new(),
        }
    }

    /// A flag reads as a text, "true" or "false" (absent is false).
    pub fn flag(&mut self) -> bool {
        self.text() == "true"
    }

    pub fn texts(&mut self) -> Vec<String> {
        self.records(|mut item| item.text())
    }

    pub fn record<T>(&mut self, build: fn(Fields) -> T) -> T {
        build(self.next_node().fields())
    }

    /// A list of texts or of records: each item is passed as a record of one
    /// field for a text, or as its own fields for a record.
    pub fn records<T>(&mut self, build: impl Fn(Fields) -> T) -> Vec<T> {
        match self.next_node() {
            Node::List(items) => items
                .into_iter()
                .map(|item| match item {
                    Node::Fields(_) => build(item.fields()),
                    text => build(Fields(vec![text].into_iter())),
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Where the derived reader would have placed an error, relative to where
/// serde_json's reader stands when this reader makes it.
#[derive(Clone, Copy)]
enum Fix {
    /// Where it stands: just after the value or key at fault.
    Here,
    /// At the `[` or `{` the value starts with (the derived reader looks at
    /// it without reading it; this one has read it, and perhaps its end).
    Opener,
    /// One past the `[` or `{`: serde_json's "expected value" looks ahead.
    AfterOpener,
    /// One past the first character of a number, `true`, `false` or `null`.
    AfterTokenStart,
    /// At the comma serde_json read (with white space, and a `}` after it)
    /// where the derived reader wanted the end of a word's object form.
    BeforeComma,
}

struct Fault {
    message: String,
    fix: Fix,
}

/// Reads `text` as one value of `shape`. The error is serde_json's message,
/// with its line and column.
pub fn read(text: &str, shape: Shape) -> Result<Node, String> {
    let fault = Cell::new(None);
    let mut reader = serde_json::Deserializer::from_str(text);
    let seed = Seed {
        shape,
        fault: &fault,
    };
    let result = seed
        .deserialize(&mut reader)
        .and_then(|node| reader.end().map(|()| node));
    result.map_err(|error| match fault.take() {
        None => error.to_string(),
        Some(Fault { message, fix }) => {
            let bytes = text.as_bytes();
            let at = fix_index(bytes, index_of(bytes, error.line(), error.column()), fix);
            let (line, column) = position_of(bytes, at);
            format!("{message} at line {line} column {column}")
        }
    })
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\n' | b'\t' | b'\r')
}

fn fix_index(bytes: &[u8], at: usize, fix: Fix) -> usize {
    let mut at = at.min(bytes.len());
    match fix {
        Fix::Here => at,
        Fix::Opener | Fix::AfterOpener => {
            // Back over what serde_json read after the opener: white space,
            // and a closing bracket or a comma it looked for next.
            while at > 1 && (is_space(bytes[at - 1]) || b",]}".contains(&bytes[at - 1])) {
                at -= 1;
            }
            let opener = at.saturating_sub(1);
            match fix {
                Fix::Opener => opener,
                _ => opener + 1,
            }
        }
        Fix::BeforeComma => {
            while at > 0 && (is_space(bytes[at - 1]) || bytes[at - 1] == b'}') {
                at -= 1;
            }
            at.saturating_sub(usize::from(at > 0 && bytes[at - 1] == b','))
        }
        Fix::AfterTokenStart => {
            while at > 0
                && (bytes[at - 1].is_ascii_alphanumeric() || b"+-.".contains(&bytes[at - 1]))
            {
                at -= 1;
            }
            at + 1
        }
    }
}

/// The byte index of a line (from 1) and column (bytes from the line's start).
fn index_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = bytes
        .iter()
        .enumerate()
        .filter(|(_, byte)| **byte == b'\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(i, _)| if line > 1 { i + 1 } else { 0 });
    line_start + column
}

/// Line and column of a byte index, counted as serde_json counts them.
fn position_of(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before[..line_start].iter().filter(|b| **b == b'\n').count();
    (line, at - line_start)
}

#[derive(Clone, Copy)]
struct Seed<'a> {
    shape: Shape,
    fault: &'a Cell<Option<Fault>>,
}

impl Seed<'_> {
    fn with(self, shape: Shape) -> Self {
        Seed { shape, ..self }
    }

    fn fail<E: de::Error>(self, message: String, fix: Fix) -> Result<Node, E> {
        self.fault.set(Some(Fault { message, fix }));
        Err(E::custom(""))
    }

    /// What serde's derived reader says it expected.
    fn expected(self) -> &'static str {
        match self.shape {
            Shape::Text => "a string",
            Shape::Texts | Shape::Records(_) => "a sequence",
            Shape::Record(record) => record.name,
            Shape::Word(_) => "",
            Shape::Unit => "unit",
            Shape::Flag => "a boolean",
        }
    }

    /// A number, `true`, `false` or `null` where it does not belong.
    fn wrong_token<E: de::Error>(self, found: fmt::Arguments) -> Result<Node, E> {
        match self.shape {
            Shape::Word(_) => self.fail("expected value".into(), Fix::AfterTokenStart),
            _ => self.wrong_type(found, Fix::Here),
        }
    }

    /// An array or object where it does not belong.
    fn wrong_container<E: de::Error>(self, found: &str) -> Result<Node, E> {
        match self.shape {
            Shape::Word(_) => self.fail("expected value".into(), Fix::AfterOpener),
            _ => self.wrong_type(format_args!("{found}"), Fix::Opener),
        }
    }

    fn wrong_type<E: de::Error>(self, found: fmt::Arguments, fix: Fix) -> Result<Node, E> {
        let message = format!("invalid type: {found}, expected {}", self.expected());
        self.fail(message, fix)
    }

    fn word<E: de::Error>(self, words: &Words, word: &str) -> Result<Node, E> {
        if words.words.contains(&word) {
            Ok(Node::Text(word.to_string()))
        } else {
            let message = format!("unknown variant `{word}`, expected {}", words.listed);
            self.fail(message, Fix::Here)
        }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Node;

    fn deserialize<D: de::Deserializer<'de>>(self, reader: D) -> Result<Node, D::Error> {
        reader.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected())
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Node, E> {
        if let Shape::Flag = self.shape {
            return Ok(Node::Text(value.to_string()));
        }
        self.wrong_token(format_args!("boolean `{value}`"))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Node, E> {
        self.wrong_token(format_args!("integer `{value}`"))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        self.wrong_token(format_args!("integer `{value}`"))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Node, E> {
        // serde_json's own shortest form (no core float formatting); JSON
        // numbers are always finite.
        let number = serde_json::Number::from_f64(value);
        let shown = number.map(|n| n.to_string()).unwrap_or_default();
        self.wrong_token(format_args!("floating point `{shown}`"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        match self.shape {
            Shape::Unit => Ok(Node::Absent),
            _ => self.wrong_token(format_args!("null")),
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Node, E> {
        match self.shape {
            Shape::Text => Ok(Node::Text(value.to_string())),
            Shape::Word(words) => self.word(words, value),
            _ => self.wrong_type(format_args!("string {value:?}"), Fix::Here),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let (item, record) = match self.shape {
            Shape::Texts => (Shape::Text, None),
            Shape::Records(record) => (Shape::Record(record), None),
            // serde also reads a struct from an array of its fields in order.
            Shape::Record(record) => (Shape::Unit, Some(record)),
            _ => return self.wrong_container("sequence"),
        };
        let mut items = Vec::new();
        match record {
            None => {
                while let Some(node) = seq.next_element_seed(self.with(item))? {
                    items.push(node);
                }
                Ok(Node::List(items))
            }
            Some(record) => {
                for shape in record.shapes {
                    match seq.next_element_seed(self.with(*shape))? {
                        Some(node) => items.push(node),
                        None => break,
                    }
                }
                Ok(Node::Fields(items))
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        match self.shape {
            Shape::Record(record) => {
                let mut fields: Vec<Node> = record.shapes.iter().map(|_| Node::Absent).collect();
                while let Some(key) = map.next_key_seed(Key)? {
                    let Some(i) = record.fields.iter().position(|field| *field == key) else {
                        let message =
                            format!("unknown field `{key}`, expected {}", OneOf(record.fields));
                        return self.fail(message, Fix::Here);
                    };
                    if !matches!(fields[i], Node::Absent) {
                        let message = format!("duplicate field `{}`", record.fields[i]);
                        return self.fail(message, Fix::Here);
                    }
                    fields[i] = map.next_value_seed(self.with(record.shapes[i]))?;
                }
                Ok(Node::Fields(fields))
            }
            // `{"removed": null}`, which serde accepts for a unit variant.
            // (A first key that is not a string gets serde_json's "key must
            // be a string", not the derived reader's "invalid type: ...,
            // expected variant identifier": no partner writes a word so.)
            Shape::Word(words) => {
                let Some(key) = map.next_key_seed(Key)? else {
                    return self.fail("expected value".into(), Fix::Here);
                };
                let node = self.word(words, &key)?;
                map.next_value_seed(self.with(Shape::Unit))?;
                // The derived reader wants `}` next, and says "expected
                // value" at anything else; serde_json's map reader has its
                // own words for each case, and may have read a comma.
                match map.next_key_seed(Probe) {
                    Ok(None) => Ok(node),
                    Err(error) => {
                        let said = error.to_string();
                        if said.starts_with("EOF while parsing an object") {
                            return Err(error);
                        }
                        let fix = match said.starts_with("expected `,` or `}`") {
                            true => Fix::Here,
                            false => Fix::BeforeComma,
                        };
                        self.fail("expected value".into(), fix)
                    }
                    Ok(Some(())) => self.fail("expected value".into(), Fix::BeforeComma),
                }
            }
            _ => self.wrong_container("map"),
        }
    }
}

/// Fails at once, reading nothing: stands in for a key that should not be there.
struct Probe;

impl<'de> DeserializeSeed<'de> for Probe {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::custom(""))
    }
}

/// An object's key.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, reader: D) -> Result<String, D::Error> {
        reader.deserialize_any(self)
    }
}

impl Visitor<'_> for Key {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_string())
    }
}

/// serde's list of the names it expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
struct OneOf(&'static [&'static str]);

impl fmt::Display for OneOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [one] => write!(f, "`{one}`"),
            [a, b] => write!(f, "`{a}` or `{b}`"),
            names => {
                f.write_str("one of ")?;
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "`{name}`")?;
                }
                Ok(())
            }
        }
    }
}
