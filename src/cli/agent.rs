//! `znode agent` (hidden): the far end of a fleet inspection. The jump host starts it over ssh,
//! sends one plan as a JSON line on stdin, and reads outcomes as JSON lines on stdout. When the
//! jump host goes away its stdin closes, and the checks in flight are stopped.

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::fleet::protocol::{AgentLine, AgentPlan, PROTOCOL};

/// The largest plan accepted: thousands of checks fit in far less.
const MAX_PLAN: u64 = 16 * 1024 * 1024;

pub(super) fn run() -> Result<Status, Error> {
    super::run_async(async {
        let mut stdout = tokio::io::stdout();
        let said_hello = crate::core::clock::now_ms();
        let hello = AgentLine::Hello {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            protocol: PROTOCOL,
            hostname: nix::unistd::gethostname()
                .map(|h| h.to_string_lossy().into_owned())
                .unwrap_or_default(),
            now_ms: said_hello,
        };
        stdout.write_all(hello.to_line().as_bytes()).await?;
        stdout.flush().await?;
        let mut input = BufReader::new(tokio::io::stdin().take(MAX_PLAN));
        let mut first = String::new();
        input.read_line(&mut first).await?;
        let got_plan = crate::core::clock::now_ms();
        let plan: AgentPlan = match serde_json::from_str(&first) {
            Ok(p) => p,
            Err(e) => {
                let reason = format!(
                    "cannot read the plan ({e}); this host runs znode {}: run `znode fleet push`",
                    env!("CARGO_PKG_VERSION")
                );
                stdout
                    .write_all(AgentLine::Refused { reason }.to_line().as_bytes())
                    .await?;
                stdout.flush().await?;
                return Ok(Status::Unknown);
            }
        };
        // The jump host stamped the plan when our hello arrived: the middle of our round trip
        // is that moment on our clock.
        let offset = (plan.sent_at_ms > 0).then(|| (said_hello + got_plan) / 2 - plan.sent_at_ms);
        let (stop, stopped) = tokio::sync::watch::channel(false);
        // The rest of stdin is only watched: its end means the jump host is gone.
        tokio::spawn(async move {
            let mut sink = Vec::new();
            let mut rest = input.into_inner().into_inner();
            let _ = rest.read_to_end(&mut sink).await;
            let _ = stop.send(true);
        });
        let (tx, mut rx) = mpsc::channel(64);
        let serving = tokio::spawn(crate::runner::remote::serve(plan, offset, tx, stopped));
        while let Some(line) = rx.recv().await {
            if stdout.write_all(line.to_line().as_bytes()).await.is_err()
                || stdout.flush().await.is_err()
            {
                break;
            }
        }
        let _ = serving.await;
        Ok(Status::Ok)
    })
}
