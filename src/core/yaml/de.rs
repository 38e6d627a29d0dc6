//! Typed values out of a [`Node`]: a serde `Deserializer` that stamps every error with the
//! position of the innermost node, and the did-you-mean helper for unknown names.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::{Node, Pos, Value};

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
            // `{variant: value}`, the externally tagged form.
            Value::Map(entries) if entries.len() == 1 => {
                v.visit_enum(EnumAccessor(&entries[0].0, &entries[0].1))
            }
            Value::Map(_) => {
                return Err(self.claim(<DeError as de::Error>::custom(
                    "expected a mapping with exactly one key naming the variant",
                )));
            }
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

/// An enum written as `{variant: value}`.
struct EnumAccessor<'a>(&'a Node, &'a Node);

impl<'de, 'a> de::EnumAccess<'de> for EnumAccessor<'a> {
    type Error = DeError;
    type Variant = VariantAccessor<'a>;
    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), DeError> {
        let variant = seed.deserialize(NodeDeserializer(self.0, None))?;
        Ok((variant, VariantAccessor(self.1)))
    }
}

/// The value of an enum variant.
struct VariantAccessor<'a>(&'a Node);

impl<'de> de::VariantAccess<'de> for VariantAccessor<'_> {
    type Error = DeError;
    fn unit_variant(self) -> Result<(), DeError> {
        match self.0.value {
            Value::Null => Ok(()),
            _ => Err(DeError::at(self.0.pos, "this variant takes no value")),
        }
    }
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, DeError> {
        seed.deserialize(NodeDeserializer(self.0, None))
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, DeError> {
        NodeDeserializer(self.0, None).deserialize_seq(v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        NodeDeserializer(self.0, None).deserialize_map(v)
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
