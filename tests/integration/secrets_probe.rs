//! The `secrets` probe on a configuration tree: one real plaintext password among decoys, found
//! by file:line and key, its value nowhere in the output or the store.

use crate::support::*;

const REAL: &str = "Zq-Plain-Pw-4471";

#[test]
fn one_real_password_among_decoys() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    let conf = node.path().join("conf");
    std::fs::create_dir_all(conf.join("tomcat")).unwrap();
    std::fs::create_dir_all(conf.join("app")).unwrap();
    std::fs::write(
        conf.join("tomcat/context.xml"),
        format!(
            "<Context>\n  <!-- <Resource name=\"jdbc/old\" password=\"OldPlain123\"/> -->\n  <Resource name=\"jdbc/share\" auth=\"Container\"\n            username=\"share\" password=\"{REAL}\"\n            url=\"jdbc:postgresql://db:5432/share\"/>\n</Context>\n"
        ),
    )
    .unwrap();
    std::fs::write(
        conf.join("app/application.yml"),
        "spring:\n  datasource:\n    url: jdbc:mysql://db:3306/app?useSSL=true\n    username: app\n    password: ${DB_PASSWORD}\n  redis:\n    password: ENC(9f8a7b6c5d==)\n# password: commented-out-pw\n",
    )
    .unwrap();
    std::fs::write(
        conf.join("app/app.properties"),
        "jdbc.password={cipher}AbC123==\nmq.password=\ntoken=${TOKEN}\n",
    )
    .unwrap();
    std::fs::write(
        conf.join("app/.env"),
        "DB_PASSWORD=\nAPI_KEY=$SECRET_FROM_VAULT\n",
    )
    .unwrap();
    std::fs::write(conf.join("app/readme.txt"), "password=NotAConfigFile1\n").unwrap();
    std::os::unix::fs::symlink("/etc", conf.join("app/etc-link")).unwrap();
    node.checks(
        "s.yaml",
        &format!("  - {{ id: plain, title: 明码密码, category: 脆弱性检查, item: 3, probe: {{ kind: secrets, paths: [\"{}\"] }} }}\n", conf.display()),
    );
    let out = node.run(&["inspect", "--format", "json"]);
    out.code(2);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let o = outcome(&doc, "plain");
    assert_eq!(o["status"], "CRIT", "{o:#}");
    assert_eq!(o["value"]["value"], 1.0, "exactly one finding: {o:#}");
    let expected = format!("{}:4 password", conf.join("tomcat/context.xml").display());
    assert_eq!(o["evidence"][0], expected.as_str(), "{o:#}");
    assert!(o["summary"].as_str().unwrap().contains(&expected));
    let mut all = text(&out.stdout) + &text(&out.stderr);
    for format in ["table", "nagios", "prometheus"] {
        all += &text(
            &node
                .run(&["history", "show", "latest", "--format", format])
                .stdout,
        );
    }
    all += &read_lossy(&node.path().join("history.db"));
    all += &read_lossy(&node.path().join("history.db-wal"));
    assert!(!all.contains(REAL), "the plaintext value leaked");
    assert!(!all.contains("OldPlain123"));
}
