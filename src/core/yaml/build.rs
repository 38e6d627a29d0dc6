//! Building a [`Node`] tree from parser events: YAML 1.2 core-schema typing of plain scalars,
//! anchors and aliases, `<<` merge keys, and duplicate-key errors.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, ScalarStyle, Span};

use super::{Node, Pos, Value};

/// A collection being built, with its anchor and, for mappings, the key awaiting its value.
struct Open {
    node: Node,
    anchor: usize,
    key: Option<Node>,
    merges: Vec<Node>,
}

/// The most values a file may expand to, aliases included.
const MAX_NODES: usize = 1_000_000;

/// Values in a node, itself included.
fn count(node: &Node) -> usize {
    1 + match &node.value {
        Value::Seq(items) => items.iter().map(count).sum(),
        Value::Map(entries) => entries.iter().map(|(k, v)| count(k) + count(v)).sum(),
        _ => 0,
    }
}

/// Assembles nodes from parser events.
#[derive(Default)]
pub(super) struct Builder {
    anchors: HashMap<usize, (Node, usize)>,
    /// Nodes made so far, aliases counted as the copies they make.
    made: usize,
    stack: Vec<Open>,
    pub(super) root: Option<Node>,
}

impl Builder {
    pub(super) fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), (Pos, String)> {
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
                let size = self
                    .anchors
                    .get(&id)
                    .map(|a| a.1)
                    .ok_or_else(|| (pos, "alias to an unknown anchor".to_owned()))?;
                // Aliases of aliases grow exponentially: a file of a few hundred bytes could
                // expand to gigabytes (an alias bomb). Counted before anything is copied.
                self.made = self.made.saturating_add(size);
                if self.made > MAX_NODES {
                    return Err((
                        pos,
                        format!(
                            "aliases expand the file beyond {MAX_NODES} values; write the values out or use fewer nested aliases"
                        ),
                    ));
                }
                let node = self.anchors[&id].0.clone();
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
            let size = count(&node);
            self.anchors.insert(anchor, (node.clone(), size));
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
