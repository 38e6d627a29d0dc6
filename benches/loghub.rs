//! Template mining on Loghub-2k (`../shared/data/loghub-2k`, or the folder given): each system's
//! 2,000 raw lines are fed to the miner the way `znode logs top` feeds it (`message(line)`, the
//! leading time and header stripped), and the grouping accuracy (GA, the Loghub measure: a line is
//! right when its cluster holds exactly the lines of its true template) is printed per system with
//! the mean, then the mining speed over all the lines on one core. With `--tsv OUT` it writes
//! `system<TAB>event<TAB>content<TAB>line` for `bench/loghub_drain3.py`, which runs Drain3 on the
//! same raw lines, and on Loghub's parsed messages (its home ground) for reference.
//!
//! usage: cargo bench --bench loghub -- [DIR] [--tsv OUT]

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use znode::logs::template::{Miner, message};

/// Drain with per-system settings (Zhu et al., ICSE-SEIP 2019), for the same systems.
const DRAIN_PUBLISHED: &[(&str, f64)] = &[
    ("Apache", 1.000),
    ("HDFS", 0.998),
    ("Hadoop", 0.948),
    ("HealthApp", 0.780),
    ("Linux", 0.690),
    ("Proxifier", 0.526),
    ("Spark", 0.920),
    ("Windows", 0.997),
];

/// The fields of one CSV record (quotes doubled inside quoted fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Each line's true template id and its message as Loghub parsed it, in line order, from
/// `X_2k.log_structured.csv`.
fn events(path: &Path) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(path).expect("read the structured CSV");
    let mut lines = text.lines();
    let header = csv_fields(lines.next().expect("a header"));
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("a {name} column"))
    };
    let (event, content) = (col("EventId"), col("Content"));
    lines
        .map(|l| {
            let f = csv_fields(l);
            (f[event].clone(), f[content].clone())
        })
        .unzip()
}

/// Grouping accuracy: the share of lines whose predicted cluster is exactly their true group.
fn grouping_accuracy(truth: &[String], predicted: &[usize]) -> f64 {
    let mut labels_of: HashMap<usize, HashSet<&str>> = HashMap::new();
    let mut clusters_of: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (t, &p) in truth.iter().zip(predicted) {
        labels_of.entry(p).or_default().insert(t);
        clusters_of.entry(t).or_default().insert(p);
    }
    let right = truth
        .iter()
        .zip(predicted)
        .filter(|(t, p)| labels_of[p].len() == 1 && clusters_of[t.as_str()].len() == 1)
        .count();
    right as f64 / truth.len() as f64
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/loghub-2k"
    ));
    let mut tsv = None;
    while let Some(a) = args.next() {
        if a == "--tsv" {
            tsv = args.next().map(PathBuf::from);
        } else {
            dir = PathBuf::from(a);
        }
    }
    let mut out = tsv
        .map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("create the TSV file")));
    let mut all: Vec<String> = Vec::new();
    let mut sum = 0.0;
    let mut published = 0.0;
    let mut n = 0;
    println!("system     lines  templates  clusters  GA znode  GA Drain (published)");
    for &(system, drain) in DRAIN_PUBLISHED {
        let log = dir.join(format!("{system}_2k.log"));
        let Ok(text) = std::fs::read_to_string(&log) else {
            println!("{system:<10} (no {})", log.display());
            continue;
        };
        let lines: Vec<&str> = text.lines().collect();
        let (truth, contents) = events(&dir.join(format!("{system}_2k.log_structured.csv")));
        assert_eq!(
            lines.len(),
            truth.len(),
            "{system}: lines and labels differ"
        );
        let mut m = Miner::default();
        let added: Vec<usize> = lines.iter().map(|l| m.add(message(l), None)).collect();
        let predicted: Vec<usize> = added.iter().map(|&i| m.resolve(i)).collect();
        let clusters = m.clusters().len();
        let ga = grouping_accuracy(&truth, &predicted);
        let templates = truth.iter().collect::<HashSet<_>>().len();
        println!(
            "{system:<10} {:>5}  {templates:>9}  {clusters:>8}  {ga:>8.3}  {drain:>8.3}",
            lines.len()
        );
        if let Some(f) = out.as_mut() {
            for ((t, l), c) in truth.iter().zip(&lines).zip(&contents) {
                let c = c.replace('\t', " ");
                writeln!(f, "{system}\t{t}\t{c}\t{l}").expect("write the TSV");
            }
        }
        sum += ga;
        published += drain;
        n += 1;
        all.extend(lines.iter().map(|l| l.to_string()));
    }
    if n == 0 {
        eprintln!("no Loghub-2k systems in {}", dir.display());
        std::process::exit(2);
    }
    println!(
        "mean over {n} systems                     {:>8.3}  {:>8.3}",
        sum / n as f64,
        published / n as f64
    );
    // Speed: every line 25 times over, through one miner, best of three.
    let rounds = 25;
    let mut best = f64::MAX;
    for _ in 0..3 {
        let mut m = Miner::default();
        let start = Instant::now();
        for _ in 0..rounds {
            for l in &all {
                std::hint::black_box(m.add(message(l), None));
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "speed: {} lines in {:.3} s on one core, {:.2} M lines/s",
        all.len() * rounds,
        best,
        (all.len() * rounds) as f64 / best / 1e6
    );
}
