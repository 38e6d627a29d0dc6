//! A YAML document as a tree of nodes that remember their line and column.
//!
//! serde-saphyr stops at the first error of a document. Operators fixing a check pack want every
//! problem at once, so files are first read into this tree (only YAML syntax can fail here) and
//! each check is then deserialized from its own subtree: one bad check does not hide the next.
//! [`NodeDeserializer`] attaches the position of the innermost node to every error it returns.
//!
//! The tree is built straight from the events of serde-saphyr's parser (granit), typing plain
//! scalars by the YAML 1.2 core schema, with anchors, aliases and `<<` merge keys. Going through
//! serde-saphyr's `Spanned` instead cost three serde structs per node: two thirds of the time of
//! loading a large pack.

use std::fmt;

use std::collections::HashMap;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span};

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
    /// Parses a whole document; errors carry the position the parser found.
    pub fn parse(text: &str) -> Result<Node, (Pos, String)> {
        let mut builder = Builder {
            anchors: HashMap::new(),
            stack: Vec::new(),
            root: None,
        };
        for item in Parser::new_from_str(text) {
            let (event, span) = item.map_err(|e| {
                let m = e.marker();
                (
                    Pos {
                        line: m.line() as u64,
                        column: m.col() as u64 + 1,
                    },
                    e.info(),
                )
            })?;
            builder.event(event, span)?;
        }
        Ok(builder.root.unwrap_or(Node {
            pos: Pos { line: 1, column: 1 },
            value: Value::Null,
        }))
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
        T::deserialize(NodeDeserializer(self, None))
    }

    /// Deserializes a mapping as if it had no entry `key` (read separately by the caller).
    pub fn deserialize_without<T: de::DeserializeOwned>(
        &self,
        key: &'static str,
    ) -> Result<T, DeError> {
        T::deserialize(NodeDeserializer(self, Some(key)))
    }
}

/// A collection being built, with its anchor and, for mappings, the key awaiting its value.
struct Open {
    node: Node,
    anchor: usize,
    key: Option<Node>,
    merges: Vec<Node>,
}

/// Assembles nodes from parser events.
struct Builder {
    anchors: HashMap<usize, Node>,
    stack: Vec<Open>,
    root: Option<Node>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), (Pos, String)> {
        let pos = Pos {
            line: span.start.line() as u64,
            column: span.start.col() as u64 + 1,
        };
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let explicit_str = tag
                    .as_ref()
                    .is_some_and(|t| t.is_yaml_core_schema_tag("str"));
                let value = if style == ScalarStyle::Plain && !explicit_str {
                    plain(&text)
                } else {
                    Value::Str(text.into_owned())
                };
                self.push(Node { pos, value }, anchor);
                Ok(())
            }
            Event::SequenceStart(_, anchor, _) => {
                self.stack.push(Open {
                    node: Node {
                        pos,
                        value: Value::Seq(Vec::new()),
                    },
                    anchor,
                    key: None,
                    merges: Vec::new(),
                });
                Ok(())
            }
            Event::MappingStart(_, anchor, _) => {
                self.stack.push(Open {
                    node: Node {
                        pos,
                        value: Value::Map(Vec::new()),
                    },
                    anchor,
                    key: None,
                    merges: Vec::new(),
                });
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let mut open = self
                    .stack
                    .pop()
                    .ok_or_else(|| (pos, "unbalanced collection end".to_owned()))?;
                if let Value::Map(entries) = &mut open.node.value {
                    check_duplicates(entries)?;
                    for source in open.merges {
                        merge(entries, source).map_err(|m| (pos, m))?;
                    }
                }
                self.push(open.node, open.anchor);
                Ok(())
            }
            Event::Alias(id) => {
                let node = self
                    .anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| (pos, "alias to an unknown anchor".to_owned()))?;
                self.push(
                    Node {
                        pos,
                        value: node.value,
                    },
                    0,
                );
                Ok(())
            }
            Event::DocumentStart(..) if self.root.is_some() => Err((
                pos,
                "more than one YAML document in the file; remove the second `---`".to_owned(),
            )),
            _ => Ok(()),
        }
    }

    /// Places a finished node into its parent (or as the root), recording its anchor.
    fn push(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        match &mut parent.node.value {
            Value::Seq(items) => items.push(node),
            Value::Map(entries) => match parent.key.take() {
                None => parent.key = Some(node),
                Some(key) if key.as_str() == Some("<<") => parent.merges.push(node),
                Some(key) => entries.push((key, node)),
            },
            _ => unreachable!("only collections are pushed on the stack"),
        }
    }
}

/// A key written twice in one mapping is an error, as in serde-saphyr: which one was meant?
fn check_duplicates(entries: &[(Node, Node)]) -> Result<(), (Pos, String)> {
    let mut seen = std::collections::HashSet::new();
    for (k, _) in entries {
        if let Some(name) = k.as_str()
            && !seen.insert(name)
        {
            return Err((
                k.pos,
                format!("duplicate key `{name}` in this mapping; keep one"),
            ));
        }
    }
    Ok(())
}

/// Applies a `<<` merge: entries of the merged mapping(s) that the mapping does not set itself.
fn merge(entries: &mut Vec<(Node, Node)>, source: Node) -> Result<(), String> {
    let maps = match source.value {
        Value::Map(m) => vec![m],
        Value::Seq(items) => items
            .into_iter()
            .map(|n| match n.value {
                Value::Map(m) => Ok(m),
                _ => Err("`<<` takes a mapping or a list of mappings".to_owned()),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err("`<<` takes a mapping or a list of mappings".to_owned()),
    };
    for m in maps {
        for (k, v) in m {
            if !entries
                .iter()
                .any(|(ek, _)| ek.as_str().is_some() && ek.as_str() == k.as_str())
            {
                entries.push((k, v));
            }
        }
    }
    Ok(())
}

/// Types a plain scalar by the YAML 1.2 core schema.
fn plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(i) = text.parse::<i64>()
    {
        return Value::Int(i);
    }
    if let Some(oct) = text.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(oct, 8)
    {
        return Value::Int(i);
    }
    if let Some(hex) = text.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return Value::Int(i);
    }
    let float_like = digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
    if float_like && let Ok(f) = text.parse::<f64>() {
        return Value::Float(f);
    }
    Value::Str(text.to_owned())
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

/// Deserializes typed values from a [`Node`], stamping errors with the node's position; the
/// optional key is skipped if the node is a mapping.
pub struct NodeDeserializer<'a>(pub &'a Node, pub Option<&'static str>);

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
                skip: self.1,
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
            _ => v.visit_some(NodeDeserializer(self.0, self.1)),
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
        v.visit_newtype_struct(NodeDeserializer(self.0, self.1))
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
            Some(n) => seed.deserialize(NodeDeserializer(n, None)).map(Some),
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
    skip: Option<&'static str>,
}

impl<'de> MapAccess<'de> for MapAccessor<'_> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let skip = self.skip;
        match self
            .entries
            .find(|(k, _)| skip.is_none() || k.as_str() != skip)
        {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(NodeDeserializer(k, None)).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let node = self
            .value
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("value without a key"))?;
        seed.deserialize(NodeDeserializer(node, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

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
    fn plain_scalars_follow_the_core_schema() {
        let n = Node::parse("a: 10\nb: '10'\nc: 1.5\nd: ~\ne: true\nf: ~:10\ng: 0x1F\nh: 1e3\ni: 2026-12-31\nj: !!str 5\n").unwrap();
        let v = |k: &str| n.get(k).unwrap().value.clone();
        assert!(matches!(v("a"), Value::Int(10)));
        assert!(matches!(v("b"), Value::Str(s) if s == "10"));
        assert!(matches!(v("c"), Value::Float(f) if f == 1.5));
        assert!(matches!(v("d"), Value::Null));
        assert!(matches!(v("e"), Value::Bool(true)));
        assert!(matches!(v("f"), Value::Str(s) if s == "~:10"));
        assert!(matches!(v("g"), Value::Int(31)));
        assert!(matches!(v("h"), Value::Float(f) if f == 1000.0));
        assert!(matches!(v("i"), Value::Str(s) if s == "2026-12-31"));
        assert!(matches!(v("j"), Value::Str(s) if s == "5"));
    }

    #[test]
    fn anchors_aliases_and_merges() {
        let n = Node::parse(
            "base: &b { timeout: 5s, retries: 1 }\nx:\n  <<: *b\n  retries: 3\ny: *b\n",
        )
        .unwrap();
        let x = n.get("x").unwrap();
        assert!(matches!(x.get("retries").unwrap().value, Value::Int(3)));
        assert!(matches!(&x.get("timeout").unwrap().value, Value::Str(s) if s == "5s"));
        assert!(matches!(
            n.get("y").unwrap().get("retries").unwrap().value,
            Value::Int(1)
        ));
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let (pos, msg) = Node::parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(pos, Pos { line: 3, column: 1 });
        assert!(msg.contains("duplicate key `a`"));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let (pos, _) = Node::parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(pos.line >= 1);
    }
}
