//! `coursebook serve` on an ephemeral port: pages from memory with the reload client,
//! live reload after an edit, errors shown while the last good site stays up, nothing
//! outside the site.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use coursebook::Audience;
use coursebook::serve::{self, Engine, Options};

/// Generous, so a loaded CI machine does not fail the test; a working watcher takes
/// a fraction of a second.
const PATIENCE: Duration = Duration::from_secs(10);

struct Reply {
    status: u16,
    headers: String,
    body: String,
}

/// One HTTP/1.1 request with the path sent exactly as given (no client-side clean-up).
fn get(addr: SocketAddr, path: &str) -> Reply {
    send(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    )
}

/// A request exactly as written; the reply read until the server closes the connection.
fn send(addr: SocketAddr, request: &str) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(PATIENCE)).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        headers: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

/// An open event stream; `wait_for` reads until the text appears.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET /__coursebook/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        Events {
            stream,
            seen: String::new(),
        }
    }

    /// Reads until `what` has come after everything already consumed.
    fn wait_for(&mut self, what: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        let mut buf = [0u8; 4096];
        loop {
            if let Some(i) = self.seen.find(what) {
                let upto = i + what.len();
                let got = self.seen[..upto].to_string();
                self.seen.drain(..upto);
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "no `{what}` in the event stream; got: {}",
                self.seen
            );
            match self.stream.read(&mut buf) {
                Ok(0) => panic!("event stream closed; got: {}", self.seen),
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {} // timeout: try again until the deadline
            }
        }
    }
}

/// Saves like many editors do: write a temporary file, then rename it over the original.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("md.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn new_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    coursebook::init::init(dir.path()).unwrap();
    dir
}

fn options(root: &Path) -> Options {
    Options {
        root: root.to_path_buf(),
        host: "127.0.0.1".into(),
        port: 0,
        open: false,
        audience: Audience::Trainer,
    }
}

const PAGE: &str = "/course/day-1/01-welcome.html";

#[test]
fn serves_reloads_and_survives_errors() {
    let dir = new_site();
    let root = dir.path();
    let server = serve::start(&options(root), false).unwrap();
    let addr = server.addr;
    assert!(addr.ip().is_loopback());

    // A page, from memory, with the reload client and nothing inline.
    let r = get(addr, PAGE);
    assert_eq!(r.status, 200);
    assert!(r.headers.contains("content-type: text/html; charset=utf-8"));
    let doc = scraper::Html::parse_document(&r.body);
    let live = scraper::Selector::parse("script[src='/__coursebook/live.js']").unwrap();
    let tags: Vec<_> = doc.select(&live).collect();
    assert_eq!(tags.len(), 1, "one reload client");
    assert_eq!(tags[0].value().attr("data-generation"), Some("1"));
    assert!(tags[0].inner_html().trim().is_empty(), "no inline script");
    assert!(r.body.contains("Welcome people as they arrive"));
    assert!(
        !root.join("site").exists(),
        "serve writes no build directory"
    );

    let js = get(addr, "/__coursebook/live.js");
    assert_eq!(js.status, 200);
    assert!(js.headers.contains("content-type: text/javascript"));
    assert!(js.body.contains("EventSource"));

    let mut events = Events::open(addr);
    events.wait_for("event: ok\ndata: 1\n");

    // Edit a session: the new text is served and open pages are told to reload.
    let session = root.join("content/course/day-1/01-welcome.md");
    let text = std::fs::read_to_string(&session).unwrap();
    let saved = Instant::now();
    save(
        &session,
        &text.replace("Welcome people as they arrive", "Greet everyone warmly"),
    );
    events.wait_for("event: ok\ndata: 2\n");
    let seen = saved.elapsed();
    assert!(
        seen < Duration::from_secs(2),
        "the reload event came {seen:?} after the save"
    );
    let r = get(addr, PAGE);
    assert!(r.body.contains("Greet everyone warmly"), "{}", r.body);
    assert!(r.body.contains("data-generation=\"2\""));
    // The print page, rendered only now that it is asked for, has the new text too.
    let r = get(addr, "/course/print.html");
    assert_eq!(r.status, 200);
    assert!(r.headers.contains("content-type: text/html; charset=utf-8"));
    assert!(r.body.contains("Greet everyone warmly"), "{}", r.body);
    assert!(r.body.contains("data-generation=\"2\""));

    // A broken edit: the server stays up with the last good page and sends the error.
    let good = std::fs::read_to_string(&session).unwrap();
    save(
        &session,
        &good.replace("duration: 30m", "duration: 30 minuets"),
    );
    let got = events.wait_for("event: errors");
    let errs = events.wait_for("\n\n");
    assert!(
        errs.contains(r#""path":"content/course/day-1/01-welcome.md","line":5,"col":11"#),
        "{got}{errs}"
    );
    assert!(errs.contains("30 minuets"), "{errs}");
    let r = get(addr, PAGE);
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Greet everyone warmly"));

    // Fixing it clears the error; the site is as it was, so no reload is needed.
    save(&session, &good);
    events.wait_for("event: ok\ndata: 2\n");
    drop(server);
}

#[test]
fn nothing_outside_the_site() {
    let dir = new_site();
    let root = dir.path();
    let server = serve::start(&options(root), false).unwrap();
    let addr = server.addr;
    for path in [
        "/../book.toml",
        "/course/../../book.toml",
        "/%2e%2e/book.toml",
        "/course/..%2f..%2fbook.toml",
        "/..%5cbook.toml",
    ] {
        let r = get(addr, path);
        assert_eq!(r.status, 403, "{path}");
        assert!(!r.body.contains("[book]"), "{path}");
    }
    // Sources are not part of the site.
    for path in [
        "/book.toml",
        "/content/index.md",
        "/course/day-1/01-welcome.md",
    ] {
        let r = get(addr, path);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains("[book]") && !r.body.contains("duration:"));
    }
    // The site's own 404 page (with the reload client), and no directory listings.
    let r = get(addr, "/nope.html");
    assert_eq!(r.status, 404);
    assert!(r.headers.contains("content-type: text/html"));
    assert!(r.body.contains("/__coursebook/live.js"));
    assert!(r.body.contains("Page not found"));
    let listing = get(addr, "/theme/");
    assert_eq!(listing.status, 404);
    assert!(listing.body.contains("Page not found"));
    // A folder redirects to its slash form, where its index is.
    let r = get(addr, "/course");
    assert_eq!(r.status, 308);
    assert!(r.headers.contains("location: /course/"));
    let r = get(addr, "/course/");
    assert_eq!(r.status, 200);
    // MIME types.
    for (path, mime) in [
        ("/course/timetable.csv", "text/csv"),
        ("/theme/coursebook.css", "text/css"),
        ("/course/timetable.html", "text/html"),
    ] {
        let r = get(addr, path);
        assert_eq!(r.status, 200, "{path}");
        assert!(
            r.headers.contains(&format!("content-type: {mime}")),
            "{path}: {}",
            r.headers
        );
    }
    // Only pages get the reload client.
    assert!(
        !get(addr, "/course/timetable.csv")
            .body
            .contains("__coursebook")
    );
}

#[test]
fn answers_only_to_its_own_name() {
    // DNS rebinding: a page at evil.example, its name pointed at 127.0.0.1, reads the site.
    let dir = new_site();
    let server = serve::start(&options(dir.path()), false).unwrap();
    let addr = server.addr;
    let port = addr.port();
    let ask = |host: &str, target: &str| {
        send(
            addr,
            &format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
    };
    let ok = ask(&format!("localhost:{port}"), PAGE);
    assert_eq!(ok.status, 200);
    assert!(ok.body.contains("Welcome"), "{}", ok.body);
    for host in [
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_string(),
    ] {
        assert_eq!(ask(&host, PAGE).status, 200, "{host}");
    }
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("localhost:{}", port.wrapping_add(1)),
    ] {
        for target in [PAGE, "/", "/__coursebook/events", "/__coursebook/live.js"] {
            let r = ask(&host, target);
            assert_eq!(r.status, 421, "{host} {target}");
            assert!(
                r.body.starts_with("refused:"),
                "{host} {target}: {}",
                r.body
            );
            assert!(!r.body.contains("event:"), "{host} {target}");
        }
    }
    // An absolute URI names the server too; a request that names none is refused.
    let r = send(
        addr,
        &format!(
            "GET http://evil.example:{port}{PAGE} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(r.status, 421);
    let r = send(addr, &format!("GET {PAGE} HTTP/1.0\r\n\r\n"));
    assert_eq!(r.status, 421);
    assert!(!r.body.contains("Welcome"));
}

#[test]
fn starts_with_errors_and_recovers() {
    let dir = new_site();
    let root = dir.path();
    let session = root.join("content/course/day-1/02-first-exercise.md");
    let good = std::fs::read_to_string(&session).unwrap();
    std::fs::write(&session, good.replace("block: morning", "block: mornin")).unwrap();
    let server = serve::start(&options(root), false).unwrap();
    let addr = server.addr;
    let r = get(addr, "/");
    assert_eq!(r.status, 503);
    assert!(r.body.contains("/__coursebook/live.js"));
    let mut events = Events::open(addr);
    let errs = events.wait_for("\n\n");
    assert!(errs.contains("event: errors"), "{errs}");
    assert!(errs.contains("unknown block `mornin`"), "{errs}");
    save(&session, &good);
    events.wait_for("event: ok\ndata: 1\n");
    assert_eq!(get(addr, "/course/index.html").status, 200);
}

#[test]
fn build_output_has_no_reload_client() {
    let dir = new_site();
    let root = dir.path();
    let report = coursebook::build(&coursebook::BuildOptions {
        root: root.to_path_buf(),
        dest: None,
        audience: Audience::Trainer,
        ..Default::default()
    })
    .unwrap();
    let mut pages = 0;
    for e in walk(&report.dest) {
        if e.extension().is_some_and(|x| x == "html") {
            pages += 1;
            let html = std::fs::read_to_string(&e).unwrap();
            assert!(!html.contains("__coursebook"), "{}", e.display());
        }
    }
    assert!(pages > 5);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The engine re-renders only the pages an edit touches, and everything after a theme
/// change.
#[test]
fn rebuilds_only_what_an_edit_touches() {
    let dir = new_site();
    let root = dir.path();
    // A second programme, a copy of the first.
    for rel in [
        "index.md",
        "day-1/01-welcome.md",
        "day-1/02-first-exercise.md",
        "day-1/03-questions.md",
        "letters/invitation.md",
    ] {
        let from = root.join("content/course").join(rel);
        let to = root.join("content/other").join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    }
    let mut engine = Engine::new(&std::fs::canonicalize(root).unwrap(), Audience::Trainer);
    let first = engine.rebuild(true).unwrap();
    let pages = first.files.keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(first.rendered.len(), pages);

    // A change to a session's text: its page and the pages that gather prompts or
    // materials may change; nothing of the other programme, no other session.
    let session = root.join("content/other/day-1/03-questions.md");
    let text = std::fs::read_to_string(&session).unwrap();
    std::fs::write(&session, text.replace("by theme", "by topic")).unwrap();
    let r = engine.rebuild(false).unwrap();
    assert!(
        r.rendered
            .contains(&"other/day-1/03-questions.html".to_string())
    );
    assert!(
        r.rendered.iter().all(|p| p.starts_with("other/")),
        "{:?}",
        r.rendered
    );
    assert!(
        !r.rendered
            .contains(&"other/day-1/01-welcome.html".to_string()),
        "{:?}",
        r.rendered
    );
    assert!(
        r.changed
            .contains(&"other/day-1/03-questions.html".to_string())
    );
    let page = match &r.files["other/day-1/03-questions.html"] {
        serve::Body::Mem(b) => String::from_utf8(b.to_vec()).unwrap(),
        other => panic!("the edited session's page is rendered at once, not {other:?}"),
    };
    assert!(page.contains("by topic"));
    // Every page is still there, the same as a full build would make.
    assert_eq!(
        r.files.keys().collect::<std::collections::BTreeSet<_>>(),
        first.files.keys().collect()
    );
    let mut fresh = Engine::new(&std::fs::canonicalize(root).unwrap(), Audience::Trainer);
    let full = fresh.rebuild(true).unwrap();
    // Whole-programme pages that changed are rendered when asked for; asked for now, every
    // page is what a full build makes.
    assert!(
        matches!(r.files["other/print.html"], serve::Body::Lazy(_)),
        "{:?}",
        r.files["other/print.html"]
    );
    for (path, body) in full.files.iter() {
        assert_eq!(
            body.bytes().unwrap(),
            r.files[path].bytes().unwrap(),
            "{path} differs from a full build"
        );
    }

    // A new title is in every page's navigation: every page of that programme changes.
    std::fs::write(
        &session,
        text.replace(
            "title: Answering the questions",
            "title: Questions answered",
        ),
    )
    .unwrap();
    let r = engine.rebuild(false).unwrap();
    assert!(
        r.changed
            .contains(&"other/day-1/01-welcome.html".to_string())
    );
    // The root search index holds each programme's filter of its words: a new word
    // changes it too.
    assert!(
        r.changed
            .iter()
            .all(|p| p.starts_with("other/") || p == "searchindex.js"),
        "{:?}",
        r.changed
    );

    // An asset is served from disk; replacing it counts as a change (open pages reload).
    let logo = root.join("content/assets/logo.svg");
    std::fs::create_dir_all(logo.parent().unwrap()).unwrap();
    std::fs::write(&logo, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    let r = engine.rebuild(false).unwrap();
    assert_eq!(r.changed, vec!["assets/logo.svg".to_string()]);
    std::fs::write(
        &logo,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"/>",
    )
    .unwrap();
    let r = engine.rebuild(false).unwrap();
    assert_eq!(r.changed, vec!["assets/logo.svg".to_string()]);
    assert!(r.rendered.is_empty(), "{:?}", r.rendered);

    // Nothing changed: nothing rendered, nothing reported.
    let r = engine.rebuild(false).unwrap();
    assert!(r.rendered.is_empty(), "{:?}", r.rendered);
    assert!(r.changed.is_empty());

    // A theme override re-renders every page.
    let tpl = root.join("themes/default/templates/404.html");
    std::fs::create_dir_all(tpl.parent().unwrap()).unwrap();
    std::fs::write(
        &tpl,
        "{% extends \"base.html\" %}{% block content %}<p>Gone.</p>{% endblock content %}",
    )
    .unwrap();
    let r = engine.rebuild(true).unwrap();
    assert_eq!(r.rendered.len(), pages);
    assert!(
        r.changed.contains(&"404.html".to_string()),
        "{:?}",
        r.changed
    );
}

/// book.toml is watched too (saved the way editors do), and a change to it reaches every page.
#[test]
fn book_toml_edit_reaches_every_page() {
    let dir = new_site();
    let root = dir.path();
    let server = serve::start(&options(root), false).unwrap();
    let addr = server.addr;
    let mut events = Events::open(addr);
    events.wait_for("event: ok\ndata: 1\n");
    let book = root.join("book.toml");
    let text = std::fs::read_to_string(&book).unwrap();
    let tmp = root.join(".book.toml.swp");
    std::fs::write(
        &tmp,
        text.replace("Your organisation", "Northshire Training"),
    )
    .unwrap();
    std::fs::rename(&tmp, &book).unwrap();
    events.wait_for("event: ok\ndata: 2\n");
    for page in ["/index.html", PAGE, "/course/timetable.html"] {
        let r = get(addr, page);
        assert!(r.body.contains("Northshire Training"), "{page}");
    }
}
