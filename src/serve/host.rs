//! Which `Host` a request may name. A page on another site can make a browser send requests
//! here by pointing its own name at 127.0.0.1 (DNS rebinding); those requests carry the
//! other site's name in `Host`, so only names of this server are answered: the loopback
//! names, the `--host` given, and, when bound to every address, any IP literal (an IP
//! cannot be rebound). A port, when named, must be ours.

use std::net::IpAddr;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

#[derive(Debug, Clone)]
pub struct Allowed {
    /// `--host` as given, lowercase, without brackets.
    host: String,
    port: u16,
    /// Bound to 0.0.0.0 or `::`: reached through any of the machine's addresses.
    any_ip: bool,
}

impl Allowed {
    pub fn new(host: &str, port: u16) -> Allowed {
        let host = host
            .trim_matches(|c| c == '[' || c == ']')
            .to_ascii_lowercase();
        let any_ip = host.parse::<IpAddr>().is_ok_and(|ip| ip.is_unspecified());
        Allowed { host, port, any_ip }
    }

    /// Whether `value` (a `Host` header or a URI's authority) names this server.
    pub fn accepts(&self, value: &str) -> bool {
        let Some((name, port)) = split(value) else {
            return false;
        };
        if port.is_some_and(|p| p != self.port) {
            return false;
        }
        let name = name.to_ascii_lowercase();
        let name = name.strip_suffix('.').unwrap_or(&name);
        if name == "localhost" || name == self.host {
            return true;
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || self.any_ip,
            Err(_) => false,
        }
    }
}

/// `name[:port]` or `[v6][:port]` into the name (without brackets) and the port.
fn split(value: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = if let Some(rest) = value.strip_prefix('[') {
        let (v6, after) = rest.split_once(']')?;
        match after {
            "" => (v6, None),
            p => (v6, Some(p.strip_prefix(':')?)),
        }
    } else {
        match value.rsplit_once(':') {
            // A bare IPv6 address has colons but no brackets: not a valid Host.
            Some((n, _)) if n.contains(':') => return None,
            Some((n, p)) => (n, Some(p)),
            None => (value, None),
        }
    };
    if name.is_empty() {
        return None;
    }
    let port = match port {
        Some(p) => Some(p.parse::<u16>().ok()?),
        None => None,
    };
    Some((name, port))
}

/// Refuses, before any route (the event stream included), a request whose `Host` or
/// absolute URI names another server, or that names none.
pub async fn check(State(allowed): State<Allowed>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok());
    let authority = req.uri().authority().map(|a| a.as_str());
    let ok = match (host, authority) {
        (None, None) => false,
        (h, a) => h.is_none_or(|h| allowed.accepts(h)) && a.is_none_or(|a| allowed.accepts(a)),
    };
    if ok {
        return next.run(req).await;
    }
    let mut r = Response::new(axum::body::Body::from(
        "refused: this server answers only to its own address (localhost or the --host given)\n",
    ));
    *r.status_mut() = StatusCode::MISDIRECTED_REQUEST;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_and_our_port() {
        let a = Allowed::new("127.0.0.1", 3000);
        for ok in [
            "localhost",
            "localhost:3000",
            "LOCALHOST:3000",
            "localhost.:3000",
            "127.0.0.1:3000",
            "127.0.0.1",
            "[::1]:3000",
            "[::1]",
        ] {
            assert!(a.accepts(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:3000",
            "localhost:3001",
            "127.0.0.1:80",
            "localhost.evil.example:3000",
            "192.168.1.10:3000",
            "::1",
            "",
            ":3000",
            "localhost:",
            "localhost:99999",
            "[::1",
        ] {
            assert!(!a.accepts(bad), "{bad}");
        }
    }

    #[test]
    fn the_host_given_and_any_ip_when_bound_to_all() {
        let a = Allowed::new("Trainer-Laptop.local", 8000);
        assert!(a.accepts("trainer-laptop.local:8000"));
        assert!(!a.accepts("192.168.1.10:8000"));
        let a = Allowed::new("0.0.0.0", 8000);
        assert!(a.accepts("192.168.1.10:8000"));
        assert!(a.accepts("[fe80::1]:8000"));
        assert!(!a.accepts("evil.example:8000"));
        let a = Allowed::new("[::]", 8000);
        assert!(a.accepts("10.0.0.2:8000"));
    }
}
