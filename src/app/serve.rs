//! `znode serve`: the read-only status page over HTTP, built from the store on each request.
//! Routes: `/` (the page), `/check/{subject}`, `/api/v1/status` (JSON), `/api/v1/watch` (the
//! watcher's heartbeat, for `znode probe watch` on another machine), `/metrics` (Prometheus
//! text), `/badge/{subject}.svg`. Nothing is written; nothing comes from outside the binary
//! (CSS inline, no script, no CDN: the government intranet is offline).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;

use crate::core::clock::{local_time, now_ms};
use crate::core::error::Error;
use crate::core::secret::Secret;
use crate::report::status;
use crate::settings::Settings;
use crate::store::Store;

/// How the page is served.
pub struct Options {
    /// Where to listen (127.0.0.1 by default: put a reverse proxy in front to publish it).
    pub listen: SocketAddr,
    /// Basic auth: user name and password.
    pub auth: Option<(String, Secret)>,
}

struct Shared {
    store: Store,
    settings: Settings,
    auth: Option<String>,
}

/// Serves until SIGINT or SIGTERM; `ready` hears the address once it listens.
pub async fn run(
    settings: Settings,
    options: Options,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), Error> {
    let store = Store::open_existing(&settings.store_url).await?;
    let auth = options.auth.map(|(user, pass)| {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{user}:{}", pass.expose()))
        )
    });
    let shared = Arc::new(Shared {
        store,
        settings,
        auth,
    });
    let app = Router::new()
        .route("/", get(page))
        .route("/check/{subject}", get(check))
        .route("/api/v1/status", get(api_status))
        .route("/api/v1/watch", get(api_watch))
        .route("/metrics", get(metrics))
        .route("/badge/{file}", get(badge))
        .layer(axum::middleware::from_fn_with_state(shared.clone(), guard))
        .with_state(shared);
    let listener = tokio::net::TcpListener::bind(options.listen)
        .await
        .map_err(|e| Error::Message(format!("cannot listen on {}: {e}", options.listen)))?;
    ready(listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            use tokio::signal::unix::{SignalKind, signal};
            let (Ok(mut int), Ok(mut term)) = (
                signal(SignalKind::interrupt()),
                signal(SignalKind::terminate()),
            ) else {
                return;
            };
            tokio::select! {
                _ = int.recv() => {},
                _ = term.recv() => {},
            }
        })
        .await
        .map_err(|e| Error::Message(format!("serving: {e}")))
}

/// Basic auth when configured; the comparison takes the same time wherever it differs.
async fn guard(
    State(s): State<Arc<Shared>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if let Some(expected) = &s.auth {
        let given = request
            .headers()
            .get(header::AUTHORIZATION)
            .map(|v| v.as_bytes())
            .unwrap_or_default();
        let same = given.len() == expected.len()
            && given
                .iter()
                .zip(expected.as_bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if !same {
            let mut r = (
                StatusCode::UNAUTHORIZED,
                "需要登录 / authentication required\n",
            )
                .into_response();
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"znode\", charset=\"UTF-8\""),
            );
            return r;
        }
    }
    next.run(request).await
}

/// A store error as a page: the status page says what is wrong rather than hanging up.
fn failed(e: impl std::fmt::Display) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        format!("history store unavailable: {e}\n"),
    )
        .into_response()
}

fn html(body: String) -> Response {
    let mut h = HeaderMap::new();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    (h, body).into_response()
}

async fn page(State(s): State<Arc<Shared>>) -> Response {
    match status::build(&s.store, &s.settings, now_ms()).await {
        Ok(p) => match status::page_html(&p) {
            Ok(body) => html(body),
            Err(e) => failed(e),
        },
        Err(e) => failed(e),
    }
}

async fn check(State(s): State<Arc<Shared>>, Path(subject): Path<String>) -> Response {
    let now = now_ms();
    match status::check_page(&s.store, &s.settings, &subject, now).await {
        Ok(Some(p)) => {
            let generated = local_time(now, s.settings.timezone, "%Y-%m-%d %H:%M:%S");
            match status::check_html(&p, &s.settings.node, &generated) {
                Ok(body) => html(body),
                Err(e) => failed(e),
            }
        }
        Ok(None) => (
            StatusCode::NOT_FOUND,
            format!("没有检查项 {}\n", status::escape(&subject)),
        )
            .into_response(),
        Err(e) => failed(e),
    }
}

async fn api_status(State(s): State<Arc<Shared>>) -> Response {
    match status::build(&s.store, &s.settings, now_ms()).await {
        Ok(p) => axum::Json(serde_json::json!({ "schema": "znode.status/v1", "status": p }))
            .into_response(),
        Err(e) => failed(e),
    }
}

async fn api_watch(State(s): State<Arc<Shared>>) -> Response {
    let now = now_ms();
    match s.store.watch_sessions(now - 86_400_000 * 90).await {
        Ok(list) => match list.last() {
            Some(w) => axum::Json(serde_json::json!({
                "node": s.settings.node,
                "pid": w.pid,
                "machine": w.machine,
                "started_at": w.started_at,
                "beat_at": w.beat_at,
                "stopped": w.stopped_at.is_some(),
                "profile": w.profile,
                "until": w.until,
                "units": w.checks,
            }))
            .into_response(),
            None => (
                StatusCode::NOT_FOUND,
                "no watcher has run with this store\n",
            )
                .into_response(),
        },
        Err(e) => failed(e),
    }
}

async fn metrics(State(s): State<Arc<Shared>>) -> Response {
    match status::build(&s.store, &s.settings, now_ms()).await {
        Ok(p) => {
            let mut h = HeaderMap::new();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
            );
            (h, status::prometheus(&p)).into_response()
        }
        Err(e) => failed(e),
    }
}

async fn badge(State(s): State<Arc<Shared>>, Path(file): Path<String>) -> Response {
    let Some(subject) = file.strip_suffix(".svg") else {
        return (StatusCode::NOT_FOUND, "badges end in .svg\n").into_response();
    };
    let page = match status::build(&s.store, &s.settings, now_ms()).await {
        Ok(p) => p,
        Err(e) => return failed(e),
    };
    let card = page
        .groups
        .iter()
        .flat_map(|g| &g.cards)
        .find(|c| c.subject == subject);
    let label = card.map(|c| c.title.as_str()).unwrap_or(subject);
    let mut h = HeaderMap::new();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    (h, status::badge_svg(label, card.map(|c| c.status))).into_response()
}
