//! The crate's layering (README, Architecture): imports between top-level modules point down
//! only, there is no import cycle, and only `cli/` prints or knows clap. Computed from the
//! source, so a new upward import fails here with the file that made it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every top-level module and its layer, bottom first. A new module must be placed here.
const LAYERS: &[(&str, &[&str])] = &[
    ("core", &["core"]),
    (
        "domain",
        &[
            "fleet", "settings", "catalog", "probe", "judge", "logs", "backup", "notify",
            "incident", "record", "pack", "alert", "data", "access", "drift",
        ],
    ),
    ("engines", &["runner", "runbook", "store", "outbox"]),
    ("report", &["report"]),
    ("app", &["app"]),
    ("cli", &["cli"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The source without `//` comments (doc comments name modules freely).
fn code_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| match l.find("//") {
            // Keep `://` inside string literals (URLs); only strip a comment start.
            Some(i) if !l[..i].ends_with(':') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Names of top-level modules a piece of code refers to through `crate::`.
fn crate_refs(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::X, b}`: every first segment in the group.
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

fn top_module(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let name = first.trim_end_matches(".rs").to_owned();
    (name != "lib" && name != "main").then_some(name)
}

/// module → (imported module → files that import it).
fn graph() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut g: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for f in &files {
        let Some(top) = top_module(&src, f) else {
            continue;
        };
        let entry = g.entry(top.clone()).or_default();
        for dep in crate_refs(&code_of(f)) {
            if dep != top {
                entry
                    .entry(dep)
                    .or_default()
                    .insert(f.strip_prefix(&src).unwrap().display().to_string());
            }
        }
    }
    g
}

#[test]
fn every_top_level_module_has_a_layer() {
    let unplaced: Vec<String> = graph()
        .into_keys()
        .filter(|m| layer_of(m).is_none())
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules without a layer: {unplaced:?}; add them to LAYERS in tests/integration/layers.rs \
         and to the README's Architecture section"
    );
}

#[test]
fn imports_point_down_only() {
    let mut upward = Vec::new();
    for (module, deps) in graph() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for (dep, files) in deps {
            if let Some(theirs) = layer_of(&dep)
                && theirs > own
            {
                upward.push(format!(
                    "{module} ({}) imports {dep} ({}) in {}",
                    LAYERS[own].0,
                    LAYERS[theirs].0,
                    files.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "upward imports (move the shared piece down, or pass it in):\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_import_cycle_between_top_level_modules() {
    let g = graph();
    // Depth-first search for a back edge; prints the cycle it closes.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut cycle = path[i..].to_vec();
            cycle.push(m.to_owned());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_owned());
        for dep in g.get(m).into_iter().flat_map(|d| d.keys()) {
            if g.contains_key(dep)
                && let Some(c) = visit(dep, g, path, done)
            {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(cycle) = visit(m, &g, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn only_cli_prints_or_knows_clap() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for f in files {
        if top_module(&src, &f).is_none_or(|m| m == "cli") {
            continue;
        }
        let code = code_of(&f);
        for needle in [
            "clap::",
            "println!",
            "eprintln!",
            "print!(",
            "eprint!(",
            "io::stdout()",
            "io::stderr()",
        ] {
            if code.contains(needle) {
                found.push(format!(
                    "{}: {needle}",
                    f.strip_prefix(&src).unwrap().display()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "outside cli/ (return the facts; cli/ prints them):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_reference_parser_sees_groups_and_paths() {
    let refs = crate_refs("use crate::{core::outcome::Status, store};\nlet x = crate::report::X;");
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        ["core", "report", "store"]
    );
}
