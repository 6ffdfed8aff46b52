//! The accept loop: HTTP/1.1 connections with limits, so a slow, stuck or hostile client
//! cannot hold the dev server hostage or make it grow. `axum::serve` has no knobs for these,
//! so connections are driven by hyper directly:
//! - a request's head must arrive within [`HEAD_TIMEOUT`] of the connection going idle
//!   (slow-loris clients and idle keep-alive connections are closed);
//! - a request head over [`MAX_HEAD`] bytes is refused (431) and the connection closed;
//! - no request has a body: one announced is refused (413) unread, and the connection closed;
//! - at most [`MAX_CONNECTIONS`] connections at once; more wait in the kernel's backlog.
//!
//! Open event streams are long-lived by design and unaffected: the head timeout runs only
//! while hyper waits for a request, not while a response streams.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// hyper's read buffer, and so the largest request head; hyper's minimum is 8 KiB.
pub const MAX_HEAD: usize = 16 * 1024;
pub const MAX_CONNECTIONS: usize = 512;

/// Serves `app` on `listener` until the task is dropped.
pub async fn serve(listener: TcpListener, app: Router) {
    let app = app.layer(middleware::from_fn(refuse_bodies));
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(permit) = permits.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            // Out of file descriptors and the like: wait for connections to close.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .keep_alive(true);
            // Errors here are the client's (reset, timeout, bad request): nothing to report.
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

/// Whether a request announces a body (every page is a GET, so none is ever read).
fn has_body(req: &Request) -> bool {
    let h = req.headers();
    h.contains_key(header::TRANSFER_ENCODING)
        || h.get(header::CONTENT_LENGTH)
            .is_some_and(|v| v.as_bytes() != b"0")
}

async fn refuse_bodies(req: Request, next: Next) -> Response {
    if !has_body(&req) {
        return next.run(req).await;
    }
    let mut r = Response::new(Body::from(
        "refused: requests to this server have no body\n",
    ));
    *r.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    // The body is never read, so the connection cannot be reused.
    h.insert(header::CONNECTION, HeaderValue::from_static("close"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder().uri("/");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn bodies_are_refused() {
        assert!(!has_body(&req(&[])));
        assert!(!has_body(&req(&[("content-length", "0")])));
        assert!(has_body(&req(&[("content-length", "10485760")])));
        assert!(has_body(&req(&[("transfer-encoding", "chunked")])));
    }
}
