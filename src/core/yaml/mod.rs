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

mod build;
mod de;

pub use de::{DeError, NodeDeserializer, did_you_mean};

use serde::de::DeserializeOwned;
use serde_saphyr::granit_parser::Parser;

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
        let mut builder = build::Builder::default();
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

    /// A mapping split in two: the entries with these keys, and the others (same positions).
    pub fn split(&self, keys: &[&str]) -> (Node, Node) {
        let Value::Map(entries) = &self.value else {
            return (self.clone(), self.clone());
        };
        let (a, b): (Vec<_>, Vec<_>) = entries
            .iter()
            .cloned()
            .partition(|(k, _)| k.as_str().is_some_and(|k| keys.contains(&k)));
        (
            Node {
                pos: self.pos,
                value: Value::Map(a),
            },
            Node {
                pos: self.pos,
                value: Value::Map(b),
            },
        )
    }

    /// The subtree as JSON (positions are lost), to send a check's probe to another host.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.as_str().unwrap_or_default().to_owned(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// A tree from JSON, every position the start of the document.
    pub fn from_json(json: &serde_json::Value) -> Node {
        use serde_json::Value as J;
        let value = match json {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            J::String(s) => Value::Str(s.clone()),
            J::Array(items) => Value::Seq(items.iter().map(Node::from_json).collect()),
            J::Object(map) => Value::Map(
                map.iter()
                    .map(|(k, v)| {
                        let key = Node {
                            pos: Pos::default(),
                            value: Value::Str(k.clone()),
                        };
                        (key, Node::from_json(v))
                    })
                    .collect(),
            ),
        };
        Node {
            pos: Pos::default(),
            value,
        }
    }

    /// Deserializes a typed value from this subtree.
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T, DeError> {
        T::deserialize(NodeDeserializer(self, None))
    }

    /// Deserializes a mapping as if it had no entry `key` (read separately by the caller).
    pub fn deserialize_without<T: DeserializeOwned>(
        &self,
        key: &'static str,
    ) -> Result<T, DeError> {
        T::deserialize(NodeDeserializer(self, Some(key)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_bomb_is_refused_before_it_grows() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        assert!(text.len() < 1000);
        let (pos, msg) = Node::parse(&text).unwrap_err();
        assert!(msg.contains("aliases expand the file beyond"), "{msg}");
        assert!(pos.line > 1);
        // Ordinary aliases still work.
        let n = Node::parse("base: &b { t: 5s }\nx: *b\n").unwrap();
        assert!(n.get("x").is_some());
    }
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
