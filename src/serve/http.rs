//! HTTP: the site from memory, the live-reload script and its event stream. Only paths of
//! the built site are served; nothing is read from disk except the assets and theme files
//! that the site lists.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body as HttpBody, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::watch;

use super::engine::{Body, Files};
use crate::diagnostics::Diagnostic;

pub const LIVE_JS_PATH: &str = "/__coursebook/live.js";
pub const EVENTS_PATH: &str = "/__coursebook/events";
const LIVE_JS: &str = include_str!("live.js");

/// What the server shows now: the last good site and, if the last rebuild failed, why.
#[derive(Debug, Default)]
pub struct Status {
    /// Bumped each time a rebuild changes the site; open pages reload when it moves.
    pub generation: u64,
    pub files: Arc<Files>,
    pub errors: Vec<Diagnostic>,
}

pub type Shared = watch::Sender<Arc<Status>>;

/// The routes, behind the `Host` check (which runs first, for every route and the fallback).
pub fn router(state: Shared, allowed: super::host::Allowed) -> Router {
    Router::new()
        .route(LIVE_JS_PATH, get(live_js))
        .route(EVENTS_PATH, get(events))
        .fallback(site_file)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(
            allowed,
            super::host::check,
        ))
}

async fn live_js() -> Response {
    with_headers(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        HttpBody::from(LIVE_JS),
    )
}

/// Server-sent events: `ok` (data: the generation) or `errors` (data: the diagnostics as
/// JSON), once on connecting and then on every change.
async fn events(State(state): State<Shared>) -> impl IntoResponse {
    let rx = state.subscribe();
    let stream = futures_util::stream::unfold((rx, true), |(mut rx, first)| async move {
        if !first {
            rx.changed().await.ok()?;
        }
        let ev = event_of(&rx.borrow_and_update());
        Some((Ok::<_, Infallible>(ev), (rx, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

fn event_of(s: &Status) -> Event {
    if s.errors.is_empty() {
        Event::default().event("ok").data(s.generation.to_string())
    } else {
        let json = serde_json::to_string(&s.errors).unwrap_or_else(|_| "[]".into());
        Event::default().event("errors").data(json)
    }
}

/// The site path a request names, or None if it tries to leave the site.
pub fn site_path(raw: &str) -> Option<String> {
    let decoded = crate::util::percent_decode(raw);
    if decoded.contains(['\0', '\\']) {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" => {}
            "." | ".." => return None,
            s => parts.push(s),
        }
    }
    let mut p = parts.join("/");
    if p.is_empty() || decoded.ends_with('/') {
        if !p.is_empty() {
            p.push('/');
        }
        p.push_str("index.html");
    }
    Some(p)
}

pub fn mime(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn with_headers(status: StatusCode, mime: &'static str, body: HttpBody) -> Response {
    let mut r = Response::new(body);
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    // The pages' own policy, as a header too: it holds for a theme that drops the meta tag.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(crate::render::CSP),
    );
    r
}

fn plain(status: StatusCode, msg: &'static str) -> Response {
    with_headers(status, "text/plain; charset=utf-8", HttpBody::from(msg))
}

/// The reload client, added before `</body>` of every HTML page served (never in `build`).
pub fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let tag = format!(
        "<script src=\"{LIVE_JS_PATH}\" data-generation=\"{generation}\" defer></script>\n"
    );
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// Shown while there is no good site yet (the first build failed).
const NO_SITE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>coursebook: the site has errors</title></head><body><h1>The site has errors</h1>\
<p>Fix them and this page reloads by itself. They are listed in the terminal too.</p>\
</body></html>";

async fn site_file(State(state): State<Shared>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
    }
    let Some(path) = site_path(uri.path()) else {
        return plain(StatusCode::FORBIDDEN, "refused: the path leaves the site\n");
    };
    let status = state.borrow().clone();
    let found = status.files.get(&path).map(|b| (path.clone(), b));
    if found.is_none() && !path.ends_with(".html") {
        // `/programme` names a folder: send the browser to `/programme/` so relative links work.
        let index = format!("{path}/index.html");
        if status.files.contains_key(&index) {
            let mut r = plain(StatusCode::PERMANENT_REDIRECT, "");
            if let Ok(v) = HeaderValue::from_str(&format!("/{path}/")) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            return r;
        }
    }
    let (code, path, body) = match found {
        Some((p, b)) => (StatusCode::OK, p, b.clone()),
        None => match status.files.get("404.html") {
            Some(b) => (StatusCode::NOT_FOUND, "404.html".to_string(), b.clone()),
            None if status.files.is_empty() => (
                StatusCode::SERVICE_UNAVAILABLE,
                "error.html".to_string(),
                Body::Mem(Bytes::from_static(NO_SITE.as_bytes())),
            ),
            None => return plain(StatusCode::NOT_FOUND, "not found\n"),
        },
    };
    let mime = mime(&path);
    let bytes = match body {
        Body::Mem(b) => b,
        // A file read or a page rendered now: off the runtime's threads.
        Body::File(..) | Body::Lazy(_) => {
            let lazy = matches!(body, Body::Lazy(_));
            match tokio::task::spawn_blocking(move || body.bytes()).await {
                Ok(Ok(b)) => b,
                Ok(Err(e)) if lazy => {
                    eprintln!("error: {e}");
                    let msg = HttpBody::from(format!("{e}\n"));
                    return with_headers(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "text/plain; charset=utf-8",
                        msg,
                    );
                }
                _ => return plain(StatusCode::NOT_FOUND, "not found\n"),
            }
        }
    };
    let bytes = if mime.starts_with("text/html") {
        Bytes::from(inject(&bytes, status.generation))
    } else {
        bytes
    };
    let body = if method == Method::HEAD {
        HttpBody::empty()
    } else {
        HttpBody::from(bytes)
    };
    with_headers(code, mime, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/a/").as_deref(), Some("a/index.html"));
        assert_eq!(site_path("/a/b%20c.html").as_deref(), Some("a/b c.html"));
        assert_eq!(site_path("//a//b.html").as_deref(), Some("a/b.html"));
        assert_eq!(site_path("/../book.toml"), None);
        assert_eq!(site_path("/a/%2e%2e/%2e%2e/book.toml"), None);
        assert_eq!(site_path("/a/..%2fbook.toml"), None);
        assert_eq!(site_path("/a%5c..%5cbook.toml"), None);
        assert_eq!(site_path("/a%00.html"), None);
    }

    #[test]
    fn injects_before_the_last_body_end() {
        let out = String::from_utf8(inject(b"<html><body>x</body></html>", 7)).unwrap();
        assert!(out.contains(
            "x<script src=\"/__coursebook/live.js\" data-generation=\"7\" defer></script>\n</body>"
        ));
        let out = String::from_utf8(inject(b"no body", 1)).unwrap();
        assert!(out.starts_with("no body<script"));
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime("a/b.HTML"), "text/html; charset=utf-8");
        assert_eq!(mime("x.csv"), "text/csv; charset=utf-8");
        assert_eq!(
            mime("theme/coursebook.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(mime("README"), "application/octet-stream");
    }
}
