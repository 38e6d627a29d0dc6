//! Template mining benchmark: builds a labelled sample of error messages whose true templates are
//! known, writes it as TSV (label, line) for `bench/drain3_accuracy.py`, and prints znode's
//! mining speed and grouping accuracy (GA, the Loghub measure: a line is right when its cluster
//! holds exactly the lines of its true template).
//!
//! usage: cargo bench --bench templates -- [OUT.tsv] [LINES]

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::time::Instant;

use znode::logs::template::Miner;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn int(&mut self, max: u64) -> u64 {
        self.next() % max
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.int(xs.len() as u64) as usize]
    }
    fn ip(&mut self) -> String {
        format!(
            "10.{}.{}.{}",
            self.int(255),
            self.int(255),
            1 + self.int(254)
        )
    }
    fn hex(&mut self, n: usize) -> String {
        (0..n).map(|_| format!("{:x}", self.int(16))).collect()
    }
}

const USERS: &[&str] = &[
    "zhangwei",
    "liuyang",
    "ops",
    "admin",
    "chenjie",
    "wangfang",
    "sync_svc",
    "gis_reader",
];
const NAMES: &[&str] = &[
    "orderPool",
    "syncPool",
    "gisPool",
    "asyncExecutor",
    "mqListener",
    "cacheRefresher",
];
const TABLES: &[&str] = &[
    "t_permit",
    "t_applicant",
    "t_catalog",
    "t_exchange_log",
    "t_user",
];
const TARGETS: &[&str] = &["省平台", "市平台", "共享库", "前置机A", "前置机B"];
const KEYS: &[&str] = &[
    "pool.max",
    "retry.count",
    "timeout.read",
    "batch.size",
    "cache.ttl",
];

fn line(t: usize, r: &mut Rng) -> String {
    match t {
        0 => format!(
            "Order {} failed: upstream {} read timed out after {}ms",
            r.int(100000),
            r.ip(),
            r.int(9000)
        ),
        1 => format!("数据库连接失败，重试 {} 次", r.int(10)),
        2 => format!(
            "send failed: Connection refused ({}:{})",
            r.ip(),
            1024 + r.int(60000)
        ),
        3 => format!("Session {} expired for user {}", r.hex(32), r.pick(USERS)),
        4 => format!("cannot open /data/upload/{}/{}.csv", r.int(999), r.hex(8)),
        5 => format!(
            "GC pause {}ms heap {}M->{}M",
            r.int(2000),
            r.int(8000),
            r.int(8000)
        ),
        6 => format!(
            "User {} login failed from {}: bad password",
            r.pick(USERS),
            r.ip()
        ),
        7 => format!("User {} logged in from {}", r.pick(USERS), r.ip()),
        8 => format!(
            "batch {} synced {} records to {}",
            r.int(99999),
            r.int(5000),
            r.pick(TARGETS)
        ),
        9 => format!(
            "request {}-{}-4{}-a{}-{} completed in {} ms with status {}",
            r.hex(8),
            r.hex(4),
            r.hex(3),
            r.hex(3),
            r.hex(12),
            r.int(3000),
            r.pick(&["200", "404", "500", "502"])
        ),
        10 => format!(
            "Cache eviction: removed {} entries, {} remaining",
            r.int(10000),
            r.int(100000)
        ),
        11 => format!(
            "Failed to parse config key {}: expected integer",
            r.pick(KEYS)
        ),
        12 => format!(
            "Thread pool {} exhausted: active={} max={}",
            r.pick(NAMES),
            r.int(500),
            r.int(500)
        ),
        13 => format!(
            "Slow SQL ({} ms): SELECT * FROM {} WHERE id = ?",
            r.int(20000),
            r.pick(TABLES)
        ),
        14 => format!("Disk usage on /data{} is {}%", r.int(4), 50 + r.int(50)),
        15 => format!(
            "Connection reset by peer {}:{}",
            r.ip(),
            1024 + r.int(60000)
        ),
        16 => format!(
            "Retrying task {} (attempt {} of 5)",
            r.int(100000),
            1 + r.int(5)
        ),
        17 => format!("JMS listener {} stopped", r.pick(NAMES)),
        18 => format!("License expires in {} days", r.int(90)),
        19 => format!(
            "Received {} bytes from {} in {} ms",
            r.int(1 << 20),
            r.ip(),
            r.int(5000)
        ),
        20 => "Lock wait timeout exceeded; try restarting transaction".to_owned(),
        21 => format!(
            "File /data/in/{}.zip uploaded by {}, size {} bytes",
            r.hex(10),
            r.pick(USERS),
            r.int(1 << 30)
        ),
        22 => format!("Invalid token for client 0x{}", r.hex(12)),
        23 => format!("Heartbeat from node-{} missed", r.int(64)),
        24 => format!(
            "Scheduled job {} finished in {} ms",
            r.pick(NAMES),
            r.int(60000)
        ),
        // Near twins of 7 and 15: same length and first token, one word apart. Drain-style
        // miners merge such pairs at usual similarity thresholds; the sample keeps them to
        // show it.
        25 => format!("User {} logged out from {}", r.pick(USERS), r.ip()),
        _ => format!(
            "Connection closed by peer {}:{}",
            r.ip(),
            1024 + r.int(60000)
        ),
    }
}

const TEMPLATES: usize = 27;

/// Grouping accuracy: the share of lines whose predicted cluster is exactly their true group.
fn grouping_accuracy(truth: &[usize], predicted: &[usize]) -> f64 {
    let mut labels_of: HashMap<usize, HashSet<usize>> = HashMap::new();
    let mut clusters_of: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (&t, &p) in truth.iter().zip(predicted) {
        labels_of.entry(p).or_default().insert(t);
        clusters_of.entry(t).or_default().insert(p);
    }
    let right = truth
        .iter()
        .zip(predicted)
        .filter(|(t, p)| labels_of[p].len() == 1 && clusters_of[t].len() == 1)
        .count();
    right as f64 / truth.len() as f64
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let out = args.first().cloned();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(200_000);
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    // Skewed frequencies, as in real logs: a few templates dominate.
    let sample: Vec<(usize, String)> = (0..n)
        .map(|_| {
            let t = (r.int(1000) as f64 / 1000.0).powi(2) * TEMPLATES as f64;
            let t = (t as usize).min(TEMPLATES - 1);
            (t, line(t, &mut r))
        })
        .collect();
    if let Some(path) = &out {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(path).expect("create the sample file"));
        for (t, l) in &sample {
            writeln!(f, "{t}\t{l}").expect("write the sample");
        }
    }
    let truth: Vec<usize> = sample.iter().map(|s| s.0).collect();
    let mut best = f64::MAX;
    let mut predicted = Vec::new();
    let mut templates = 0;
    for _ in 0..3 {
        let mut m = Miner::default();
        let start = Instant::now();
        let added: Vec<usize> = sample.iter().map(|(_, l)| m.add(l, None)).collect();
        predicted = added.iter().map(|&i| m.resolve(i)).collect();
        best = best.min(start.elapsed().as_secs_f64());
        templates = m.clusters().len();
    }
    println!(
        "znode  : {n} lines, {TEMPLATES} true templates -> {templates} clusters, {:.2} M lines/s, GA {:.3}",
        n as f64 / best / 1e6,
        grouping_accuracy(&truth, &predicted)
    );
}
