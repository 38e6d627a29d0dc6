//! The `rabbitmq` probe's AMQP 0-9-1 handshake against the local broker.

use crate::support::*;

fn probe(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut c = znode();
    c.arg("probe").arg("rabbitmq").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        text(&o.stdout) + &text(&o.stderr),
    )
}

#[test]
fn handshake_login_and_vhost() {
    let (code, out) = probe(&["127.0.0.1:5672"], &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("RABBITMQ OK: RabbitMQ ") && out.contains("accepted guest on vhost /"),
        "{out}"
    );
    assert!(out.contains("'handshake_time'="), "{out}");

    let (code, out) = probe(
        &[
            "127.0.0.1:5672",
            "--username",
            "guest",
            "--password-env",
            "ZNODE_T_MQ",
        ],
        &[("ZNODE_T_MQ", "Zq-wrong-mq-pw")],
    );
    assert_eq!(code, 2);
    assert!(out.contains("login as guest refused"), "{out}");
    assert!(!out.contains("Zq-wrong-mq-pw"));

    let (code, out) = probe(
        &["127.0.0.1:5672", "--set", "vhost=/znode-no-such-vhost"],
        &[],
    );
    assert_eq!(code, 2);
    assert!(
        out.contains("opening vhost /znode-no-such-vhost refused: 530 NOT_ALLOWED"),
        "{out}"
    );

    // An HTTP server answers the AMQP header with an HTTP error, not a broker's frames.
    let http = http_server();
    let (code, out) = probe(&[&format!("127.0.0.1:{http}"), "--timeout", "3s"], &[]);
    assert_eq!(code, 2, "{out}");
    assert!(out.starts_with("RABBITMQ CRITICAL: "), "{out}");
}
