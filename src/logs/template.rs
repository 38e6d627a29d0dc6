//! Template mining, Drain-style (He et al., ICWS'17): error lines that differ only in their
//! variables (numbers, addresses, ids, paths) are grouped under one template with a count.
//!
//! Tokens are classified instead of regex-masked (Drain3's masks use look-behind, and per-token
//! classification is faster): a token that is an IP, UUID, hex id or path becomes a typed
//! wildcard, `key=value` keeps its key, any other token with a digit becomes `<*>`. The parse
//! tree groups by token count and the first token (Drain's depth 4); in a leaf, a line joins the most
//! similar template when at least `similarity` of the positions agree, and differing positions
//! turn into `<*>`.

use std::borrow::Cow;
use std::collections::HashMap;

/// One template and the lines it stands for.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Cluster {
    /// Tokens, wildcards included, joined by spaces.
    pub template: String,
    /// Lines.
    pub count: u64,
    /// First and last time seen, epoch ms.
    pub first: Option<i64>,
    /// See `first`.
    pub last: Option<i64>,
    /// The first line, as an example.
    pub sample: String,
}

struct Node {
    tokens: Vec<Box<str>>,
    cluster: Cluster,
}

/// The miner.
pub struct Miner {
    similarity: f64,
    max_per_leaf: usize,
    leaves: HashMap<(usize, Box<str>), Vec<usize>>,
    nodes: Vec<Node>,
}

const WILD: &str = "<*>";

impl Default for Miner {
    fn default() -> Self {
        Miner::new(0.5)
    }
}

impl Miner {
    /// A miner; `similarity` is Drain's `st` (0.4 in Drain3, 0.5 in the Loghub benchmark).
    pub fn new(similarity: f64) -> Miner {
        Miner {
            similarity,
            max_per_leaf: 200,
            leaves: HashMap::new(),
            nodes: Vec::new(),
        }
    }

    /// Adds a line; returns the index of its cluster.
    pub fn add(&mut self, line: &str, ts: Option<i64>) -> usize {
        let tokens: Vec<Cow<'_, str>> = line.split_ascii_whitespace().map(mask).collect();
        self.add_tokens(&tokens, line, ts, 1)
    }

    /// Adds an already mined template with its count (merging miners of several files).
    pub fn add_cluster(&mut self, c: &Cluster) -> usize {
        let tokens: Vec<Cow<'_, str>> = c.template.split(' ').map(Cow::Borrowed).collect();
        let i = self.add_tokens(&tokens, &c.sample, c.first, c.count);
        let cl = &mut self.nodes[i].cluster;
        if let Some(l) = c.last {
            cl.last = Some(cl.last.map_or(l, |x| x.max(l)));
        }
        i
    }

    fn add_tokens(
        &mut self,
        tokens: &[Cow<'_, str>],
        line: &str,
        ts: Option<i64>,
        n: u64,
    ) -> usize {
        let prefix = |i: usize| -> Box<str> {
            match tokens.get(i) {
                Some(t) if !t.starts_with('<') => (**t).into(),
                Some(_) => WILD.into(),
                None => "".into(),
            }
        };
        // Drain's depth 4 (root, length, one token, leaf): the first token only.
        let key = (tokens.len(), prefix(0));
        let leaf = self.leaves.entry(key).or_default();
        let mut best: Option<(f64, usize)> = None;
        for &ci in leaf.iter() {
            let t = &self.nodes[ci].tokens;
            let same = t
                .iter()
                .zip(tokens)
                .filter(|(a, b)| ***a == **b && &***a != WILD)
                .count();
            let sim = if t.is_empty() {
                1.0
            } else {
                same as f64 / t.len() as f64
            };
            if best.is_none_or(|(s, _)| sim > s) {
                best = Some((sim, ci));
            }
        }
        match best {
            Some((sim, ci)) if sim >= self.similarity || leaf.len() >= self.max_per_leaf => {
                let node = &mut self.nodes[ci];
                for (t, new) in node.tokens.iter_mut().zip(tokens) {
                    if **t != **new && &**t != WILD {
                        *t = WILD.into();
                    }
                }
                let c = &mut node.cluster;
                c.count += n;
                if let Some(t) = ts {
                    c.first = Some(c.first.map_or(t, |f| f.min(t)));
                    c.last = Some(c.last.map_or(t, |l| l.max(t)));
                }
                ci
            }
            _ => {
                let ci = self.nodes.len();
                leaf.push(ci);
                self.nodes.push(Node {
                    tokens: tokens.iter().map(|t| Box::from(&**t)).collect(),
                    cluster: Cluster {
                        template: String::new(),
                        count: n,
                        first: ts,
                        last: ts,
                        sample: crate::core::secret::mask_inline(&crate::logs::scan::clip(line)),
                    },
                });
                ci
            }
        }
    }

    /// The clusters, largest first.
    pub fn clusters(self) -> Vec<Cluster> {
        let mut out: Vec<Cluster> = self
            .nodes
            .into_iter()
            .map(|n| {
                let mut c = n.cluster;
                // `password=<*>` keeps a value without digits as a token: mask it.
                c.template = crate::core::secret::mask_inline(&n.tokens.join(" "));
                c
            })
            .collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.template.cmp(&b.template))
        });
        out
    }
}

/// The line without its leading time tokens (`2025-10-10 09:00:00,123`, `[10:00:01]`): tokens
/// of digits and punctuation only, which would only add `<*> <*>` to every template.
pub fn message(line: &str) -> &str {
    let mut rest = line.trim_start();
    while let Some(tok) = rest.split_ascii_whitespace().next() {
        let timeish = tok.bytes().any(|b| b.is_ascii_digit())
            && tok
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_punctuation());
        if !timeish {
            break;
        }
        rest = rest[tok.len()..].trim_start();
    }
    rest
}

/// Classifies a token: a typed wildcard, `key=<*>`, `<*>` for other tokens with digits, or
/// itself.
pub fn mask(token: &str) -> Cow<'_, str> {
    let t =
        token.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | '"' | '\''));
    if t.is_empty() {
        return Cow::Borrowed(token);
    }
    if let Some((k, v)) = t.split_once(['=', ':'])
        && !k.is_empty()
        && !v.is_empty()
        && !k.bytes().any(|b| b.is_ascii_digit())
        && !k.contains('/')
    {
        let m = mask(v);
        if m != v {
            let sep = &t[k.len()..k.len() + 1];
            return Cow::Owned(format!("{k}{sep}{m}"));
        }
        return Cow::Borrowed(token);
    }
    if is_path(t) {
        return Cow::Borrowed("<PATH>");
    }
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(token);
    }
    if is_ip(t) {
        Cow::Borrowed("<IP>")
    } else if is_uuid(t) {
        Cow::Borrowed("<UUID>")
    } else if is_hex(t) {
        Cow::Borrowed("<HEX>")
    } else {
        Cow::Borrowed(WILD)
    }
}

fn is_path(t: &str) -> bool {
    t.len() > 1 && t.starts_with('/') && t[1..].contains('/')
}

fn is_ip(t: &str) -> bool {
    let host = t.rsplit_once(':').map_or(t, |(h, p)| {
        if p.bytes().all(|b| b.is_ascii_digit()) && h.contains('.') {
            h
        } else {
            t
        }
    });
    let parts: Vec<&str> = host.split('.').collect();
    (parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit())))
        || (host.matches(':').count() >= 2
            && host.bytes().all(|b| b.is_ascii_hexdigit() || b == b':'))
}

fn is_uuid(t: &str) -> bool {
    t.len() == 36
        && t.bytes().enumerate().all(|(i, b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

fn is_hex(t: &str) -> bool {
    let h = t.strip_prefix("0x").unwrap_or(t);
    h.len() >= 6 && h.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_tokens_are_dropped() {
        assert_eq!(
            message("2025-10-10 09:00:00,123 ERROR [main] x 42"),
            "ERROR [main] x 42"
        );
        assert_eq!(message("[2025-10-10 09:00:00] boom"), "boom");
        assert_eq!(message("ERROR 1"), "ERROR 1");
    }

    #[test]
    fn variables_are_masked() {
        assert_eq!(mask("10.0.0.7:8080"), "<IP>");
        assert_eq!(mask("550e8400-e29b-41d4-a716-446655440000"), "<UUID>");
        assert_eq!(mask("0x7f3a2b"), "<HEX>");
        assert_eq!(mask("/data/upload/a.csv"), "<PATH>");
        assert_eq!(mask("userId=42,"), "userId=<*>");
        assert_eq!(mask("1234ms"), "<*>");
        assert_eq!(mask("ERROR"), "ERROR");
    }

    #[test]
    fn lines_differing_in_variables_share_a_template() {
        let mut m = Miner::default();
        let a = m.add(
            "ERROR order 1001 failed: timeout after 3000ms from 10.0.0.1",
            Some(1),
        );
        let b = m.add(
            "ERROR order 1002 failed: timeout after 5000ms from 10.0.0.2",
            Some(5),
        );
        let c = m.add("ERROR cannot open /data/x/y.csv", Some(3));
        assert_eq!(a, b);
        assert_ne!(a, c);
        let cl = m.clusters();
        assert_eq!(cl[0].count, 2);
        assert_eq!(
            cl[0].template,
            "ERROR order <*> failed: timeout after <*> from <IP>"
        );
        assert_eq!((cl[0].first, cl[0].last), (Some(1), Some(5)));
    }
}
