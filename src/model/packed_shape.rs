//! Reads the packed form that build.rs writes for the built-in pack (the
//! form is described in build/pack_gen.rs) against a [`Shape`], giving the
//! same [`Node`] the JSON reader gives. The packed text is made at build
//! time from a pack the tests check, so any fault here is a bug in the
//! build, and reads as `None`.

use super::json_shape::{Node, Shape};

/// Ends an object, and a list (as in build/pack_gen.rs).
const END_OBJECT: u8 = 1;
const END_LIST: u8 = 2;
/// Key characters start here (as in build/pack_gen.rs).
const KEY_BASE: u8 = 0x20;

pub fn unpack(packed: &str, shape: Shape) -> Option<Node> {
    let (names, body) = match packed.strip_prefix('\0') {
        Some(body) => ("", body),
        None => packed.split_once("\0\0")?,
    };
    let mut reader = Reader {
        keys: names.split('\0').collect(),
        text: body,
        at: 0,
    };
    let node = reader.value(shape)?;
    (reader.at == body.len()).then_some(node)
}

struct Reader<'a> {
    keys: Vec<&'a str>,
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn value(&mut self, shape: Shape) -> Option<Node> {
        match shape {
            Shape::Text | Shape::Word(_) | Shape::Flag => {
                let length = self.text.get(self.at..)?.find('\0')?;
                let text = &self.text[self.at..self.at + length];
                self.at += length + 1;
                Some(Node::Text(text.to_string()))
            }
            Shape::Texts => self.list(Shape::Text),
            Shape::Records(record) => self.list(Shape::Record(record)),
            Shape::Record(record) => {
                let mut fields: Vec<Node> = record.shapes.iter().map(|_| Node::Absent).collect();
                while !self.end(END_OBJECT) {
                    let key = self.next_byte()?.checked_sub(KEY_BASE)?;
                    let name = self.keys.get(usize::from(key))?;
                    let i = record.fields.iter().position(|field| field == name)?;
                    fields[i] = self.value(record.shapes[i])?;
                }
                Some(Node::Fields(fields))
            }
            Shape::Unit => Some(Node::Absent),
        }
    }

    fn list(&mut self, item: Shape) -> Option<Node> {
        let mut items = Vec::new();
        while !self.end(END_LIST) {
            items.push(self.value(item)?);
        }
        Some(Node::List(items))
    }

    fn next_byte(&mut self) -> Option<u8> {
        let byte = *self.text.as_bytes().get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// Whether a list or object ends here (and if so, steps past its end).
    fn end(&mut self, marker: u8) -> bool {
        let end = self.text.as_bytes().get(self.at) == Some(&marker);
        self.at += usize::from(end);
        end
    }
}
