//! The accept loop: HTTP/1.1 connections with limits, so a slow, stuck or hostile client
//! cannot hold the dev server hostage or make it grow. `axum::serve` has no knobs for these,
//! so connections are driven by hyper directly:
//! - a request's head must arrive within [`HEAD_TIMEOUT`] of the connection going idle
//!   (slow-loris clients and idle keep-alive connections are closed);
//! - a request head over [`MAX_HEAD`] bytes is refused (431) and the connection closed;
//! - no request has a body: one announced is refused (413) unread, and the connection closed;
//! - a client that stops reading its responses for [`WRITE_STALL`] is dropped;
//! - at most [`MAX_CONNECTIONS`] connections at once; more wait in the kernel's backlog.
//!
//! Open event streams are long-lived by design and unaffected: the head timeout runs only
//! while hyper waits for a request, not while a response streams.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::Sleep;

pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// hyper's read buffer, and so the largest request head; hyper's minimum is 8 KiB.
pub const MAX_HEAD: usize = 16 * 1024;
pub const MAX_CONNECTIONS: usize = 512;
/// Longer than the event stream's keep-alive (15 s), which an open page reads.
pub const WRITE_STALL: Duration = Duration::from_secs(20);

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
            let _ = http
                .serve_connection(TokioIo::new(Stall::new(stream)), service)
                .await;
        });
    }
}

/// A connection whose writes fail once the peer has not taken a byte for [`WRITE_STALL`]
/// (hyper has no write timeout, and a stuck reader would otherwise hold its task forever).
struct Stall {
    io: TcpStream,
    since: Option<Pin<Box<Sleep>>>,
}

impl Stall {
    fn new(io: TcpStream) -> Stall {
        Stall { io, since: None }
    }

    /// Passes a write's outcome through, starting the stall clock while it is pending.
    fn watch<T>(&mut self, cx: &mut Context<'_>, r: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if r.is_ready() {
            self.since = None;
            return r;
        }
        let timer = self
            .since
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(WRITE_STALL)));
        if timer.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Err(io::ErrorKind::TimedOut.into()));
        }
        Poll::Pending
    }
}

impl AsyncRead for Stall {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl AsyncWrite for Stall {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.io).poll_write(cx, buf);
        self.watch(cx, r)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.io).poll_write_vectored(cx, bufs);
        self.watch(cx, r)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let r = Pin::new(&mut self.io).poll_flush(cx);
        self.watch(cx, r)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
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
