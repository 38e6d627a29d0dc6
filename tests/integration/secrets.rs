//! No configured secret value appears in stdout, stderr, JSON or the store.

use crate::support::*;

const PASSWORD: &str = "Zq-s3cret-pw-7781";
const TOKEN: &str = "Zq-t0ken-9931";

#[test]
fn secrets_never_leak() {
    let port = http_server();
    let token_file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(token_file.path(), format!("{TOKEN}\n")).unwrap();
    let node = TestNode::new(&format!(
        "  web: {{ url: \"http://127.0.0.1:{port}/\", username: admin, password_env: ZNODE_T_PW, token_file: \"{}\" }}\n  db: {{ dsn: \"postgres://nobody@127.0.0.1:5432/postgres\", password_env: ZNODE_T_PW }}\n  my: {{ dsn: \"mysql://nobody@127.0.0.1:3306/test\", password_env: ZNODE_T_PW }}\n",
        token_file.path().display()
    ));
    node.checks(
        "s.yaml",
        r#"  - { id: basic, title: 基本认证, category: 日常检查, target: web, probe: { kind: http, path: auth, auth: basic } }
  - { id: bearer, title: 令牌, category: 日常检查, target: web, probe: { kind: http, path: auth, auth: bearer } }
  - { id: pg, title: 数据库, category: 日常检查, target: db, probe: { kind: sql, query: "SELECT 1" } }
  - { id: my, title: 数据库, category: 日常检查, target: my, probe: { kind: sql, query: "SELECT 1" } }
"#,
    );
    let mut all = String::new();
    for format in ["table", "json", "nagios", "prometheus"] {
        let out = node
            .cmd(&["inspect", "--format", format])
            .env("ZNODE_T_PW", PASSWORD)
            .output()
            .unwrap();
        all.push_str(&text(&out.stdout));
        all.push_str(&text(&out.stderr));
    }
    let out = node
        .cmd(&["inspect", "--format", "json"])
        .env("ZNODE_T_PW", PASSWORD)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        outcome(&doc, "bearer")["status"],
        "OK",
        "the token from the file was used"
    );
    assert_eq!(
        outcome(&doc, "basic")["status"],
        "CRIT",
        "the server only takes the bearer token"
    );
    assert_eq!(outcome(&doc, "pg")["status"], "CRIT");
    for args in [
        &["history", "show", "latest", "--format", "json"][..],
        &["config", "check"],
        &["history"],
    ] {
        let out = node.cmd(args).env("ZNODE_T_PW", PASSWORD).output().unwrap();
        all.push_str(&text(&out.stdout));
        all.push_str(&text(&out.stderr));
    }
    for f in ["history.db", "history.db-wal"] {
        all.push_str(&read_lossy(&node.path().join(f)));
    }
    assert!(
        all.contains("bearer") && all.len() > 1000,
        "the outputs were collected"
    );
    assert!(!all.contains(PASSWORD), "the password leaked");
    assert!(!all.contains(TOKEN), "the token leaked");
}

/// A credential in a URL's query (`?password=`, `?access_token=`) is refused in targets as a
/// password in its userinfo is, and never printed: not by `config check`, not by a probe given
/// such a URL on the command line.
#[test]
fn credentials_in_url_queries_are_refused_or_masked() {
    let node = TestNode::new(&format!(
        "  db: {{ dsn: \"postgres://app@127.0.0.1:5432/x?sslmode=disable&password={PASSWORD}\" }}\n  api: {{ url: \"http://127.0.0.1:1/x?access_token={TOKEN}\" }}\n"
    ));
    node.run(&["config", "check"])
        .code(3)
        .stderr_has("target `db` has a credential (`password`) in the query of its dsn")
        .stderr_has("target `api` has a credential (`access_token`) in the query of its url")
        .stderr_has("znode.yaml:")
        .never_shows(PASSWORD)
        .never_shows(TOKEN);
    // The store URL shown by config check: masked too.
    let ok = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    ok.run(&[
        "--store",
        &format!("postgres://nobody@127.0.0.1:5432/nowhere?password={PASSWORD}"),
        "config",
        "check",
    ])
    .code(0)
    .stdout_has("password=***")
    .never_shows(PASSWORD);
    // Ad hoc, the probe uses the URL as given but quotes it masked.
    let port = http_server();
    for format in ["nagios", "json"] {
        ok.run(&[
            "probe",
            "http",
            &format!("http://127.0.0.1:{port}/500?access_token={TOKEN}"),
            "--format",
            format,
        ])
        .code(2)
        .never_shows(TOKEN);
    }
}
