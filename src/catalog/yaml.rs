//! A YAML document as a tree of nodes that remember their line and column.
//!
//! serde-saphyr stops at the first error of a document. Operators fixing a check pack want every
//! problem at once, so files are first read into this tree (only YAML syntax can fail here) and
//! each check is then deserialized from its own subtree: one bad check does not hide the next.
//! [`NodeDeserializer`] attaches the position of the innermost node to every error it returns.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A 1-based line and column in a source file; `0:0` when unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: u64,
}

/// One YAML node with its position.
#[derive(Clone, Debug)]
pub struct Node {
    /// Where the node starts.
    pub pos: Pos,
    /// What the node holds.
    pub value: Value,
}

/// The value of a [`Node`].
#[derive(Clone, Debug)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string (also keys).
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in document order.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// Parses a whole document; errors carry the position serde-saphyr found.
    pub fn parse(text: &str) -> Result<Node, (Pos, String)> {
        if text.trim().is_empty() {
            return Ok(Node {
                pos: Pos { line: 1, column: 1 },
                value: Value::Null,
            });
        }
        serde_saphyr::from_str::<Node>(text).map_err(|e| {
            let pos = e
                .location()
                .map(|l| Pos {
                    line: l.line(),
                    column: l.column(),
                })
                .unwrap_or_default();
            (pos, e.without_snippet().to_string())
        })
    }

    /// The entry of a mapping with this key, if the node is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string of a string node.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A short name of the node's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// Deserializes a typed value from this subtree.
    pub fn deserialize<T: de::DeserializeOwned>(&self) -> Result<T, DeError> {
        T::deserialize(NodeDeserializer(self))
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<Value>::deserialize(d)?;
        Ok(Node {
            pos: Pos {
                line: s.referenced.line(),
                column: s.referenced.column(),
            },
            value: s.value,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        i64::try_from(v)
            .map(Value::Int)
            .map_err(|_| E::custom("integer too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(n) = seq.next_element::<Node>()? {
            items.push(n);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(k) = map.next_key::<Node>()? {
            let v = map.next_value::<Node>()?;
            entries.push((k, v));
        }
        Ok(Value::Map(entries))
    }
}

/// An error while reading a typed value from a [`Node`], with the innermost position.
#[derive(Debug, Clone)]
pub struct DeError {
    /// Where the problem is; `None` until a node claims it.
    pub pos: Option<Pos>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we know.
    pub hint: Option<String>,
}

impl DeError {
    /// An error at a known position.
    pub fn at(pos: Pos, message: impl Into<String>) -> Self {
        DeError {
            pos: Some(pos),
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            pos: None,
            message: msg.to_string(),
            hint: None,
        }
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let err = DeError::custom(format_args!("unknown key `{field}`"));
        match did_you_mean(field, expected.iter().copied()) {
            Some(s) => err.with_hint(format!("did you mean `{s}`?")),
            None => err.with_hint(format!("expected one of: {}", expected.join(", "))),
        }
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let err = DeError::custom(format_args!("unknown value `{variant}`"));
        match did_you_mean(variant, expected.iter().copied()) {
            Some(s) => err.with_hint(format!("did you mean `{s}`?")),
            None => err.with_hint(format!("expected one of: {}", expected.join(", "))),
        }
    }
}

/// The closest candidate to a misspelt word, when one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Deserializes typed values from a [`Node`], stamping errors with the node's position.
pub struct NodeDeserializer<'a>(pub &'a Node);

impl NodeDeserializer<'_> {
    fn claim(&self, mut e: DeError) -> DeError {
        if e.pos.is_none() {
            e.pos = Some(self.0.pos);
        }
        e
    }
    fn invalid_type(&self, exp: &dyn de::Expected) -> DeError {
        let unexp = match &self.0.value {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Int(i) => de::Unexpected::Signed(*i),
            Value::Float(f) => de::Unexpected::Float(*f),
            Value::Str(s) => de::Unexpected::Str(s),
            Value::Seq(_) => de::Unexpected::Seq,
            Value::Map(_) => de::Unexpected::Map,
        };
        self.claim(<DeError as de::Error>::invalid_type(unexp, exp))
    }
}

macro_rules! forward_to_any {
    ($($name:ident)*) => {$(
        fn $name<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
            self.deserialize_any(v)
        }
    )*};
}

impl<'de> Deserializer<'de> for NodeDeserializer<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let r = match &self.0.value {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Int(i) => v.visit_i64(*i),
            Value::Float(f) => v.visit_f64(*f),
            Value::Str(s) => v.visit_str(s),
            Value::Seq(items) => v.visit_seq(SeqAccessor {
                items: items.iter(),
            }),
            Value::Map(entries) => v.visit_map(MapAccessor {
                entries: entries.iter(),
                value: None,
            }),
        };
        r.map_err(|e| self.claim(e))
    }

    // Scalars written without quotes may come as numbers or booleans; a field declared as text
    // takes them as they were written, as operators expect (`port: 8080` in a string field).
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let r = match &self.0.value {
            Value::Bool(b) => v.visit_string(b.to_string()),
            Value::Int(i) => v.visit_string(i.to_string()),
            Value::Float(f) => v.visit_string(f.to_string()),
            Value::Str(s) => v.visit_str(s),
            _ => return Err(self.invalid_type(&v)),
        };
        r.map_err(|e| self.claim(e))
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_string(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let r = match &self.0.value {
            Value::Null => v.visit_none(),
            _ => v.visit_some(NodeDeserializer(self.0)),
        };
        r.map_err(|e| self.claim(e))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        let r = match &self.0.value {
            Value::Str(s) => v.visit_enum(s.as_str().into_deserializer()),
            _ => return Err(self.invalid_type(&v)),
        };
        r.map_err(|e| self.claim(e))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _n: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_newtype_struct(NodeDeserializer(self.0))
            .map_err(|e| self.claim(e))
    }

    forward_to_any! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _n: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _n: &'static str,
        _len: usize,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _n: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }
}

struct SeqAccessor<'a> {
    items: std::slice::Iter<'a, Node>,
}

impl<'de> SeqAccess<'de> for SeqAccessor<'_> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(n) => seed.deserialize(NodeDeserializer(n)).map(Some),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapAccessor<'a> {
    entries: std::slice::Iter<'a, (Node, Node)>,
    value: Option<&'a Node>,
}

impl<'de> MapAccess<'de> for MapAccessor<'_> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(NodeDeserializer(k)).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let node = self
            .value
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("value without a key"))?;
        seed.deserialize(NodeDeserializer(node))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        timeout: Option<u32>,
    }

    #[test]
    fn nested_positions_are_kept() {
        let n = Node::parse("checks:\n  - id: a\n    timeout: 5\n  - id: b\n").unwrap();
        let checks = n.get("checks").unwrap();
        let Value::Seq(items) = &checks.value else {
            panic!("not a seq")
        };
        assert_eq!(items[1].pos.line, 4);
        assert_eq!(items[1].get("id").unwrap().pos, Pos { line: 4, column: 9 });
    }

    #[test]
    fn unknown_key_points_at_the_key_with_a_suggestion() {
        let n = Node::parse("id: a\ntimout: 5\n").unwrap();
        let e = n.deserialize::<Item>().unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 2, column: 1 }));
        assert_eq!(e.hint.as_deref(), Some("did you mean `timeout`?"));
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let n = Node::parse("id: a\ntimeout: soon\n").unwrap();
        let e = n.deserialize::<Item>().unwrap_err();
        assert_eq!(
            e.pos,
            Some(Pos {
                line: 2,
                column: 10
            })
        );
    }

    #[test]
    fn missing_field_points_at_the_mapping() {
        let n = Node::parse("x:\n  timeout: 5\n").unwrap();
        let e = n.get("x").unwrap().deserialize::<Item>().unwrap_err();
        assert!(e.message.contains("missing field `id`"), "{}", e.message);
        assert_eq!(e.pos.map(|p| p.line), Some(2));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let (pos, _) = Node::parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(pos.line >= 1);
    }
}
