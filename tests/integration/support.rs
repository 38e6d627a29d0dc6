//! A test node in a temp dir, the binary runner, and the servers tests probe.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// A node folder with a config and check files, and its own SQLite store: the one fixture the
/// integration tests share.
pub struct TestNode {
    pub dir: tempfile::TempDir,
    /// Variables every command of this node runs with.
    env: Vec<(String, String)>,
    /// Commands run in the node's folder rather than the package's.
    in_dir: bool,
}

impl TestNode {
    /// A node with the given `targets:` block (YAML, already indented by two spaces).
    pub fn new(targets: &str) -> TestNode {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("checks")).unwrap();
        let cfg = format!(
            "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: [checks]\ndefaults:\n  timeout: 5s\nsystems:\n  - id: portal\n    name: 大数据中心门户系统\n  - id: database\n    name: 数据库\ntargets:\n{targets}\n"
        );
        std::fs::write(dir.path().join("znode.yaml"), cfg).unwrap();
        TestNode {
            dir,
            env: Vec::new(),
            in_dir: false,
        }
    }

    /// A node whose `znode.yaml` is exactly `config`, with an empty `checks/` folder.
    pub fn with_config(config: &str) -> TestNode {
        let node = TestNode::new("");
        std::fs::write(node.config(), config).unwrap();
        node
    }

    /// Every command of this node gets `key=value` in its environment.
    pub fn env(mut self, key: &str, value: &str) -> TestNode {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Commands run in the node's folder (relative paths in arguments are the node's).
    pub fn in_dir(mut self) -> TestNode {
        self.in_dir = true;
        self
    }

    /// `rel` under the node, its parent folders made.
    pub fn at(&self, rel: &str) -> PathBuf {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        p
    }

    /// Writes a file under the node (parent folders made); returns its path.
    pub fn file(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.at(rel);
        std::fs::write(&p, contents).unwrap();
        p
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("znode.yaml")
    }

    /// Appends YAML (top-level keys) to the config.
    pub fn add_config(&self, yaml: &str) -> &Self {
        let mut text = std::fs::read_to_string(self.config()).unwrap();
        text.push_str(yaml);
        std::fs::write(self.config(), text).unwrap();
        self
    }

    /// Writes `checks/NAME` with a `checks:` list (YAML items, indented by two spaces).
    pub fn checks(&self, name: &str, items: &str) -> &Self {
        std::fs::write(
            self.dir.path().join("checks").join(name),
            format!("checks:\n{items}"),
        )
        .unwrap();
        self
    }

    /// A command with `-c` set, a clean environment for znode's own variables and no stdin.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = znode();
        c.arg("-c").arg(self.config()).args(args);
        c.envs(self.env.iter().map(|(k, v)| (k, v)));
        c.stdin(std::process::Stdio::null());
        if self.in_dir {
            c.current_dir(self.dir.path());
        }
        c
    }

    /// Runs a command and keeps what it left.
    pub fn run(&self, args: &[&str]) -> Ran {
        self.cmd(args).ran()
    }

    /// Runs a command whose stdout is a JSON document: its exit code and the document.
    #[track_caller]
    pub fn json(&self, args: &[&str]) -> (i32, serde_json::Value) {
        let out = self.run(args);
        (out.status.code().unwrap_or(-1), out.json())
    }

    /// Runs `inspect --format json` with extra args and parses the document.
    #[track_caller]
    pub fn inspect_json(&self, extra: &[&str]) -> (i32, serde_json::Value) {
        let mut args = vec!["inspect", "--format", "json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }
}

/// What a run of the binary left. Its assertions print the command, the exit code, stdout and
/// stderr together, at the caller's line.
pub struct Ran {
    out: Output,
    what: String,
}

impl std::ops::Deref for Ran {
    type Target = Output;
    fn deref(&self) -> &Output {
        &self.out
    }
}

impl Ran {
    fn report(&self) -> String {
        format!(
            "{}\n  exit: {:?}\n  stdout:\n{}\n  stderr:\n{}",
            self.what,
            self.out.status.code(),
            text(&self.out.stdout),
            text(&self.out.stderr)
        )
    }

    /// stdout as text.
    pub fn stdout(&self) -> String {
        text(&self.out.stdout)
    }

    /// stderr as text.
    pub fn stderr(&self) -> String {
        text(&self.out.stderr)
    }

    /// Asserts the exit code.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Ran {
        assert_eq!(
            self.out.status.code(),
            Some(expected),
            "expected exit {expected}: {}",
            self.report()
        );
        self
    }

    /// Asserts that stdout contains `needle`.
    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Ran {
        self.has("stdout", &self.stdout(), needle)
    }

    /// Asserts that stderr contains `needle`.
    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Ran {
        self.has("stderr", &self.stderr(), needle)
    }

    #[track_caller]
    fn has(&self, stream: &str, text: &str, needle: &str) -> &Ran {
        assert!(
            text.contains(needle),
            "{stream} lacks {needle:?}: {}",
            self.report()
        );
        self
    }

    /// Asserts that neither stdout nor stderr contains `needle` (a secret, say).
    #[track_caller]
    pub fn never_shows(&self, needle: &str) -> &Ran {
        assert!(
            !self.stdout().contains(needle) && !self.stderr().contains(needle),
            "{needle:?} was shown: {}",
            self.report()
        );
        self
    }

    /// stdout parsed as one JSON document.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.out.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.report()))
    }
}

/// Runs a command to completion and keeps what it left.
pub trait RunExt {
    /// Runs and keeps the output.
    fn ran(&mut self) -> Ran;
}

impl RunExt for Command {
    fn ran(&mut self) -> Ran {
        let what = format!(
            "{} {}",
            self.get_program().to_string_lossy(),
            self.get_args()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let out = self
            .output()
            .unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
        Ran { out, what }
    }
}

/// The binary under test, with ZNODE_* variables of the developer's shell removed.
pub fn znode() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_znode"));
    for (k, _) in std::env::vars() {
        if k.starts_with("ZNODE_") {
            c.env_remove(k);
        }
    }
    c.env("NO_COLOR", "1");
    c
}

/// The outcome of one check in an inspect JSON document.
pub fn outcome<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["check"] == id)
        .unwrap_or_else(|| panic!("no outcome for {id} in {doc:#}"))
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A number PostgreSQL answers to `sql` in database `db` (-1 when it answers none).
pub fn psql_count(db: &str, sql: &str) -> i64 {
    let o = Command::new("psql")
        .args(["-h", "127.0.0.1", "-U", "postgres", "-d", db, "-tAc", sql])
        .output()
        .unwrap();
    text(&o.stdout).trim().parse().unwrap_or(-1)
}

/// A loopback port where nothing listens.
pub fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// A listener that accepts connections and never says anything.
pub fn black_hole() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    thread::spawn(move || {
        let mut held = Vec::new();
        for s in l.incoming().flatten() {
            held.push(s);
        }
    });
    port
}

/// A small HTTP/1.1 server with fixed routes:
/// `/ok` 200 text with Chinese, `/json` 200 JSON, `/500`, `/redirect` → /ok,
/// `/auth` 200 only with the bearer token `Zq-t0ken-9931`, else 401; `/COLOUR/_cluster/health`
/// an Elasticsearch cluster health document of that colour.
pub fn http_server() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    thread::spawn(move || {
        for s in l.incoming().flatten() {
            thread::spawn(move || serve(s));
        }
    });
    port
}

fn serve(mut s: TcpStream) {
    let mut reader = BufReader::new(s.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let mut auth = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if line.to_ascii_lowercase().starts_with("authorization:") {
            auth = line.trim_end().to_owned();
        }
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let (status, extra, body) = match path.as_str() {
        "/ok" => ("200 OK", "", "<html>大数据中心门户 hello</html>".to_owned()),
        "/json" => (
            "200 OK",
            "Content-Type: application/json\r\n",
            r#"{"status":"UP","queue":{"depth":7}}"#.to_owned(),
        ),
        "/500" => ("500 Internal Server Error", "", "boom".to_owned()),
        "/green/_cluster/health" | "/yellow/_cluster/health" | "/red/_cluster/health" => {
            let colour = path.split('/').nth(1).unwrap_or("green");
            let unassigned = if colour == "green" { 0 } else { 5 };
            let body = format!(
                r#"{{"cluster_name":"zq-logs","status":"{colour}","timed_out":false,"number_of_nodes":2,"number_of_data_nodes":2,"active_primary_shards":10,"active_shards":15,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":{unassigned},"delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,"task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":75.0}}"#
            );
            ("200 OK", "Content-Type: application/json\r\n", body)
        }
        "/version" => (
            "200 OK",
            "Server: TestServer/2.4.9\r\n",
            "<p>up</p>".to_owned(),
        ),
        "/redirect" => ("302 Found", "Location: /ok\r\n", String::new()),
        "/auth" if auth.ends_with("Bearer Zq-t0ken-9931") => ("200 OK", "", "welcome".to_owned()),
        "/auth" => ("401 Unauthorized", "", "who are you".to_owned()),
        _ => ("404 Not Found", "", "no such page".to_owned()),
    };
    let resp = format!(
        "HTTP/1.1 {status}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = s.write_all(resp.as_bytes());
}

/// An HTTPS server whose self-signed certificate expires in `days` days; answers 200.
pub fn tls_server(days: i64) -> u16 {
    use std::sync::Arc;

    let key = rcgen::KeyPair::generate().unwrap();
    let mut params =
        rcgen::CertificateParams::new(vec!["localhost".into(), "127.0.0.1".into()]).unwrap();
    let end = chrono::Utc::now() + chrono::Duration::days(days);
    use chrono::Datelike;
    params.not_after = rcgen::date_time_ymd(end.year(), end.month() as u8, end.day() as u8);
    let cert = params.self_signed(&key).unwrap();
    let cert_der = cert.der().clone();
    let key_der = rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into());
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert_der], key_der)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    l.set_nonblocking(true).unwrap();
    thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::from_std(l).unwrap();
            loop {
                let Ok((s, _)) = l.accept().await else {
                    continue;
                };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    use tokio::io::{AsyncReadExt, AsyncWriteExt};
                    let Ok(mut tls) = acceptor.accept(s).await else {
                        return;
                    };
                    let mut buf = [0u8; 4096];
                    let _ = tls.read(&mut buf).await;
                    let _ = tls
                        .write_all(
                            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
                        )
                        .await;
                    let _ = tls.shutdown().await;
                });
            }
        });
    });
    port
}

static DB_SEQ: AtomicU32 = AtomicU32::new(0);

/// A unique database name for this test process.
pub fn unique_db(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        DB_SEQ.fetch_add(1, Ordering::SeqCst)
    )
}

/// A scratch PostgreSQL database, dropped when the test ends (also when it fails).
pub struct PgDb(pub String);

impl PgDb {
    /// A name only; the database is created by whoever uses it first (the store does).
    pub fn named(prefix: &str) -> PgDb {
        PgDb(unique_db(prefix))
    }

    /// Creates it now.
    pub fn create(prefix: &str) -> PgDb {
        let db = PgDb::named(prefix);
        psql("postgres", &format!("CREATE DATABASE {}", db.0));
        db
    }
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-qc",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.0),
            ])
            .output();
    }
}

/// Runs SQL on the local PostgreSQL as `postgres`.
pub fn psql(db: &str, sql: &str) {
    let out = Command::new("psql")
        .args([
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            db,
            "-v",
            "ON_ERROR_STOP=1",
            "-qc",
            sql,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "psql {sql}: {}", text(&out.stderr));
}

/// The single value a query returns on the local PostgreSQL.
pub fn psql_value(db: &str, sql: &str) -> String {
    let out = Command::new("psql")
        .args(["-h", "127.0.0.1", "-U", "postgres", "-d", db, "-tAc", sql])
        .output()
        .unwrap();
    assert!(out.status.success(), "psql {sql}: {}", text(&out.stderr));
    text(&out.stdout).trim().to_owned()
}

/// Reads a whole file as lossy text (for searching a SQLite store for leaked secrets).
pub fn read_lossy(p: &Path) -> String {
    let mut v = Vec::new();
    if let Ok(mut f) = std::fs::File::open(p) {
        f.read_to_end(&mut v).unwrap();
    }
    text(&v)
}

/// Waits until `f` is true or panics after `secs`.
pub fn wait_for(secs: u64, what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..secs * 10 {
        if f() {
            return;
        }
        thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

/// The `--store` flag for a backend, and the scratch database dropped when the test ends.
pub fn store_url_flag(backend: &str) -> (Vec<String>, Option<PgDb>) {
    match backend {
        "postgres" => {
            let db = PgDb::named("znode_store");
            (
                vec![
                    "--store".into(),
                    format!("postgres://postgres@127.0.0.1:5432/{}", db.0),
                ],
                Some(db),
            )
        }
        _ => (vec![], None),
    }
}

/// The runs of Latin letters (3 or more) in `text` that are not in `allowed`, each with the
/// text around it; tokens with digits or path and address characters are values and pass.
pub fn latin_words(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || "，；：（）()、,;“”`|*#".contains(c))
    {
        if token
            .chars()
            .any(|c| c.is_ascii_digit() || "/\\.:@_-=<>*".contains(c))
        {
            continue;
        }
        let mut word = String::new();
        for c in token.chars().chain([' ']) {
            if c.is_ascii_alphabetic() {
                word.push(c);
                continue;
            }
            if word.len() >= 3 && !allowed.contains(&word.as_str()) {
                found.push(format!("{word}  ←  {}", text.trim()));
            }
            word.clear();
        }
    }
    found
}

/// One value from a SQLite store, through Python's sqlite3 (the tests' direct reading of the
/// store, beside what znode computes).
pub fn sqlite_value(db: &Path, sql: &str) -> String {
    let o = Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])",
        ])
        .arg(db)
        .arg(sql)
        .output()
        .expect("python3");
    assert!(o.status.success(), "{}", text(&o.stderr));
    text(&o.stdout).trim().to_owned()
}

/// Requests received: (path with query, body).
pub type Seen = Arc<Mutex<Vec<(String, String)>>>;

/// An HTTP receiver on a free port that answers every request as a robot does.
pub fn receiver() -> (u16, Seen) {
    receiver_on(TcpListener::bind("127.0.0.1:0").unwrap())
}

/// The same receiver on a listener the test made (a port chosen before the receiver exists).
pub fn receiver_on(l: TcpListener) -> (u16, Seen) {
    let port = l.local_addr().unwrap().port();
    let seen: Seen = Arc::default();
    let keep = seen.clone();
    std::thread::spawn(move || {
        for stream in l.incoming().flatten() {
            let mut r = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if r.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
            let mut len = 0usize;
            loop {
                let mut h = String::new();
                if r.read_line(&mut h).is_err() || h.trim().is_empty() {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0u8; len];
            let _ = r.read_exact(&mut body);
            keep.lock()
                .unwrap()
                .push((path, String::from_utf8_lossy(&body).into_owned()));
            let answer = r#"{"errcode":0,"errmsg":"ok"}"#;
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
        }
    });
    (port, seen)
}

/// A scratch MariaDB database, dropped when the test ends (also when it fails).
pub struct MyDb(pub String);

impl MyDb {
    /// Creates it now.
    pub fn create(prefix: &str) -> MyDb {
        let db = MyDb(unique_db(prefix));
        mariadb("mysql", &format!("CREATE DATABASE {}", db.0));
        db
    }
}

impl Drop for MyDb {
    fn drop(&mut self) {
        let _ = Command::new("mariadb")
            .args(["-h", "127.0.0.1", "-u", "root", "-e"])
            .arg(format!("DROP DATABASE IF EXISTS {}", self.0))
            .output();
    }
}

/// Runs SQL on the local MariaDB as root; returns the output without headers.
pub fn mariadb(db: &str, sql: &str) -> String {
    let out = Command::new("mariadb")
        .args(["-h", "127.0.0.1", "-u", "root", "-N", "-e", sql, db])
        .output()
        .unwrap();
    assert!(out.status.success(), "mariadb {sql}: {}", text(&out.stderr));
    text(&out.stdout).trim().to_owned()
}

/// A TCP proxy to `upstream` on loopback that cuts every connection once `budget` bytes in
/// all have come back from the server: a database going away in the middle of a session.
pub fn cutting_proxy(upstream: u16, budget: usize) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let sent = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    thread::spawn(move || {
        for client in l.incoming() {
            let Ok(client) = client else { return };
            let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else {
                continue;
            };
            let (c2, s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
            thread::spawn(move || {
                let (mut from, mut to) = (c2, s2);
                let _ = std::io::copy(&mut from, &mut to);
                let _ = to.shutdown(std::net::Shutdown::Both);
            });
            let sent = sent.clone();
            thread::spawn(move || {
                let (mut from, mut to) = (server, client);
                let mut buf = [0u8; 8192];
                loop {
                    let n = match from.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    if sent.fetch_add(n, Ordering::SeqCst) + n > budget {
                        break;
                    }
                    if to.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
                let _ = to.shutdown(std::net::Shutdown::Both);
                let _ = from.shutdown(std::net::Shutdown::Both);
            });
        }
    });
    port
}

/// An HTTP server on loopback that answers every request with 200 and `body`.
pub fn serve_body(body: &'static str) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    thread::spawn(move || {
        for mut s in l.incoming().flatten() {
            let mut reader = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
                line.clear();
            }
            let _ = s.write_all(
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )
                .as_bytes(),
            );
        }
    });
    port
}
