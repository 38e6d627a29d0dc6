//! Mutation fuzzing of what znode reads from people and from the world: the configuration, a
//! check file, a playbook, log lines, threshold ranges and CSV bytes. Seeds are the shipped
//! files; each round flips, drops, repeats or splices bytes and inserts YAML and log
//! metacharacters (aliases, anchors, flow brackets, tabs, invalid UTF-8). Every input must end
//! in a result or a problem naming the file — never a panic, a hang or an unbounded allocation.
//! Deterministic (seeded); `ZNODE_FUZZ_ROUNDS` sets the rounds per target (default 300), and
//! `ZNODE_FUZZ_SEED` another seed.

use std::path::Path;
use std::str::FromStr;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that make parsers take their rarer paths.
const SPICE: &[&[u8]] = &[
    b"&a ",
    b"*a",
    b"<<: *a",
    b"[",
    b"]",
    b"{",
    b"}",
    b": ",
    b"- ",
    b"\t",
    b"\n",
    b"\"",
    b"'",
    b"#",
    b"!!binary ",
    b"~",
    b"\xff\xfe",
    b"\xe4\xb8",
    b"\0",
    b"---\n",
    b"...",
    b"${X}",
    b"{{",
    b"}}",
    b"999999999999999999999",
    b"-1",
    b"1e309",
    b"NaN",
    b"0s",
    b"10:",
    b"@",
    b"%",
    b"\\",
    b"password=",
    b"://u:p@h/",
    b"\xe9\x94\x99\xe8\xaf\xaf",
    b"2025-10-10 09:00:00,123 ",
];

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(128)).min(out.len());
                let piece = out[at..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, piece);
            }
            3 => {
                let end = (at + rng.below(48)).min(out.len());
                let piece = out[at..end].to_vec();
                for _ in 0..rng.below(6) {
                    out.splice(at..at, piece.iter().copied());
                }
            }
            _ => {
                let s = SPICE[rng.below(SPICE.len())];
                out.splice(at..at, s.iter().copied());
            }
        }
    }
    out
}

fn rounds() -> usize {
    std::env::var("ZNODE_FUZZ_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300)
}

fn rng(target: u64) -> Rng {
    let seed: u64 = std::env::var("ZNODE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_2026_1203);
    Rng(seed ^ target.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
}

/// Runs `f` on an input; a panic fails the test with the input saved for a re-run.
fn survive(target: &str, input: &[u8], f: impl FnOnce() + std::panic::UnwindSafe) {
    if std::panic::catch_unwind(f).is_err() {
        let keep = std::env::temp_dir().join(format!("znode-fuzz-{target}.crash"));
        std::fs::write(&keep, input).unwrap();
        panic!(
            "{target}: panicked on the input saved at {}",
            keep.display()
        );
    }
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(ROOT).join(rel)).unwrap()
}

/// Every problem names the file it is about.
fn assert_located(problems: &znode::core::error::Problems, file: &Path, input: &[u8]) {
    for p in &problems.0 {
        assert!(
            !p.file.as_os_str().is_empty() && !p.message.is_empty(),
            "a problem without its file or message for {:?}: {p:?}",
            String::from_utf8_lossy(input)
        );
    }
    let _ = file;
}

#[test]
fn configurations_end_in_settings_or_located_problems() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("checks")).unwrap();
    std::fs::write(
        dir.path().join("checks/routine.yaml"),
        read("checks/routine.yaml"),
    )
    .unwrap();
    let seed = read("examples/znode.yaml");
    let path = dir.path().join("znode.yaml");
    let mut rng = rng(1);
    for _ in 0..rounds() {
        let input = mutate(&seed, &mut rng);
        std::fs::write(&path, &input).unwrap();
        let p = path.clone();
        survive("config", &input, move || {
            if let Err(problems) = znode::settings::load(&p, &Default::default()) {
                assert!(!problems.0.is_empty());
                assert_located(&problems, &p, &[]);
            }
        });
    }
}

#[test]
fn check_files_end_in_checks_or_located_problems() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("checks")).unwrap();
    let config = dir.path().join("znode.yaml");
    std::fs::write(
        &config,
        "node: 测试节点\nstore: history.db\nchecks: [checks]\nsystems:\n  - id: portal\n    name: 门户\n    role: 基础\n",
    )
    .unwrap();
    let seeds = [
        read("checks/routine.yaml"),
        read("checks/daily.yaml"),
        read("checks/middleware.yaml"),
    ];
    let file = dir.path().join("checks/fuzzed.yaml");
    let mut rng = rng(2);
    for i in 0..rounds() {
        let input = mutate(&seeds[i % seeds.len()], &mut rng);
        std::fs::write(&file, &input).unwrap();
        let c = config.clone();
        let f = file.clone();
        let shown = input.clone();
        survive("check-file", &input, move || {
            if let Err(problems) = znode::settings::load(&c, &Default::default()) {
                assert_located(&problems, &f, &shown);
            }
        });
    }
}

#[test]
fn playbooks_end_in_a_plan_or_located_problems() {
    let seeds: Vec<Vec<u8>> = std::fs::read_dir(Path::new(ROOT).join("playbooks"))
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "yaml").then(|| std::fs::read(p).unwrap())
        })
        .collect();
    let file = Path::new("playbooks/fuzzed.yaml");
    let mut rng = rng(3);
    for i in 0..rounds() * 3 {
        let input = mutate(&seeds[i % seeds.len()], &mut rng);
        let text = String::from_utf8_lossy(&input).into_owned();
        survive("playbook", &input, move || {
            if let Err(problems) = znode::runbook::parse(file, &text) {
                assert_located(&problems, file, text.as_bytes());
            }
        });
    }
}

#[test]
fn log_lines_mine_and_mask_without_panics() {
    use znode::logs::template::{Miner, mask, message};
    let seeds: &[&[u8]] = &[
        b"2025-10-10 09:00:00,123 ERROR [exec-1] c.x.Order - order 1001 failed: upstream 10.0.3.1:8080 timeout after 3000ms",
        b"Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4  user=root",
        b"[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6",
        b"20171223-22:15:29:606|Step_LSC|30002312|onExtend:1514038530000 14 0 4",
        b"10.0.0.7 - - [10/Oct/2025:09:00:00 +0800] \"GET /api?token=abc&password=x HTTP/1.1\" 502 12 3.201",
        b"2025-10-10 09:00:00 \xe9\x94\x99\xe8\xaf\xaf \xe8\xbf\x9e\xe6\x8e\xa5 jdbc:postgresql://app:secret@db1.example.com:5432/x \xb4\xed\xce\xf3",
    ];
    let mut rng = rng(4);
    let mut miner = Miner::default();
    let mut lines = 0;
    for i in 0..rounds() * 20 {
        let input = mutate(seeds[i % seeds.len()], &mut rng);
        let line = String::from_utf8_lossy(&input).into_owned();
        let m = &mut miner;
        survive(
            "log-line",
            &input,
            std::panic::AssertUnwindSafe(|| {
                let msg = message(&line);
                assert!(line.contains(msg), "a message is a part of its line");
                for tok in msg.split_ascii_whitespace() {
                    let _ = mask(tok);
                }
                m.add(msg, Some(i as i64));
                let masked = znode::core::secret::mask_inline(&line);
                assert!(!masked.contains("password=x"), "{masked}");
                let _ = znode::core::secret::redact_urls_in(&line);
            }),
        );
        lines += 1;
    }
    let clusters = miner.clusters();
    assert!(!clusters.is_empty() && clusters.len() <= lines);
    assert_eq!(clusters.iter().map(|c| c.count).sum::<u64>(), lines as u64);
}

#[test]
fn threshold_ranges_parse_or_refuse_and_read_back_the_same() {
    use znode::core::threshold::Range;
    let seeds: &[&[u8]] = &[
        b"10", b"10:", b"~:10", b"10:20", b"@10:20", b"0.5", b"-1:1", b":",
    ];
    let mut rng = rng(5);
    for i in 0..rounds() * 20 {
        let input = mutate(seeds[i % seeds.len()], &mut rng);
        let text = String::from_utf8_lossy(&input).into_owned();
        survive("range", &input, move || {
            if let Ok(r) = Range::from_str(&text) {
                let again = Range::from_str(r.as_str()).expect("a range reads back");
                assert_eq!(again.as_str(), r.as_str());
                let _ = r.alerts(f64::NAN);
                let _ = r.describe_breach(1e308);
            }
        });
    }
}

#[test]
fn csv_bytes_decode_without_panics() {
    let seeds: &[&[u8]] = &[
        b"id,name,amount\n1,\"a,b\",3.5\n2,\"say \"\"hi\"\"\",\n",
        b"\xef\xbb\xbfid,\xe5\x90\x8d\xe7\xa7\xb0\r\n1,\xe5\xbc\xa0\xe4\xb8\x89\r\n",
        b"\xb1\xe0\xba\xc5,\xc3\xfb\xb3\xc6\n1,\xd5\xc5\xc8\xfd\n",
    ];
    let mut rng = rng(6);
    for i in 0..rounds() * 20 {
        let input = mutate(seeds[i % seeds.len()], &mut rng);
        let shown = input.clone();
        survive("csv", &shown, move || {
            if let Some(text) = znode::core::csv::decode(&input) {
                for (line, fields) in znode::core::csv::records(&text) {
                    assert!(line >= 1 && !fields.is_empty());
                }
            }
        });
    }
}
