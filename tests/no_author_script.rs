//! Pages run no author script: raw HTML is sanitised by default, `javascript:` and friends
//! are errors at their place, names that would become such links are refused, every page
//! carries a strict Content-Security-Policy (and `serve` sends it), and a file from another
//! host is a warning.

mod common;
use std::io::{Read, Write};
use std::path::Path;

use common::*;
use scraper::Html;

const SESSION_HEAD: &str = "---\ntitle: Hostile <script>document.title='pwned'</script> session\nday: 1\nblock: after-tea\nduration: 10m\n---\n";

const ATTACK: &str = "Before.\n\n<script>window.pwned = 1; document.title = 'pwned';</script>\n\n\
<img src=\"x.png\" onerror=\"window.pwned = 2\">\n\n\
<div onclick=\"window.pwned = 3\" class=\"keep\" id=\"kept\">kept</div>\n\n\
<svg><script>window.pwned = 4</script><a xlink:href=\"#x\">s</a></svg>\n\n\
<iframe srcdoc=\"<script>parent.pwned = 5</script>\"></iframe>\n\n\
<details><summary>More</summary>Press <kbd>Ctrl</kbd>.</details>\n\n\
<figure><figcaption>Cap</figcaption></figure>\n\n\
<table><tr><td colspan=\"2\">cell</td></tr></table>\n\n\
> [!NOTE]\n> A callout.\n\n## A heading\n\n```rust\nfn main() {}\n```\n";

fn all_html(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in walk(dir) {
        if e.extension().is_some_and(|x| x == "html") {
            let rel = e.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            out.push((rel, std::fs::read_to_string(&e).unwrap()));
        }
    }
    assert!(out.len() > 5, "the build wrote pages");
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files
}

/// No script on the page but the theme's own files and the files the build writes (search
/// indexes, a programme's schedule.js; the letter kit, which is JSON), no
/// inline handler, no `javascript:` address, no frame, and the policy in the head.
fn assert_no_author_script(rel: &str, html: &str) {
    let doc = Html::parse_document(html);
    for s in doc.select(&sel("script")) {
        let v = s.value();
        match v.attr("src") {
            Some(src) => assert!(
                src.ends_with(".js")
                    && (src.contains("theme/")
                        || src.ends_with("searchindex.js")
                        || src.ends_with("/schedule.js"))
                    && !src.contains(':'),
                "{rel}: script {src}"
            ),
            None => assert_eq!(
                v.attr("type"),
                Some("application/json"),
                "{rel}: inline script {}",
                s.html()
            ),
        }
    }
    for el in doc.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "{rel}: handler {name}={value}"
            );
            assert!(
                !value.to_ascii_lowercase().contains("javascript:"),
                "{rel}: {name}={value}"
            );
        }
    }
    assert_eq!(
        doc.select(&sel("iframe, object, embed")).count(),
        0,
        "{rel}"
    );
    let csp: Vec<_> = doc
        .select(&sel("head meta[http-equiv='Content-Security-Policy']"))
        .filter_map(|m| m.value().attr("content"))
        .collect();
    assert_eq!(csp, vec![coursebook::render::CSP], "{rel}: the policy");
    for part in ["default-src 'self'", "object-src 'none'", "base-uri 'none'"] {
        assert!(csp[0].contains(part), "{rel}: {part}");
    }
    assert!(!csp[0].contains("unsafe-inline") && !csp[0].contains("unsafe-eval"));
}

fn hostile_site() -> Fixture {
    Fixture::new(&[
        ("content/index.md", &format!("# Home\n\n{ATTACK}")),
        // Bodies shared with participants, so both editions carry the attack.
        (
            "content/p/index.md",
            &format!(
                "{}\n{ATTACK}",
                PROGRAMME.replace(
                    "title: Test programme\n",
                    "title: Test programme\nsession-bodies: all\n"
                )
            ),
        ),
        ("content/p/a.md", &format!("{SESSION_HEAD}{ATTACK}")),
        ("content/p/page.md", &format!("# A page\n\n{ATTACK}")),
        (
            "content/p/letters/l.md",
            &format!("---\ntitle: L\naudience: all\n---\nDear reader, {ATTACK}"),
        ),
    ])
}

#[test]
fn a_session_with_script_builds_to_pages_that_run_none() {
    let f = hostile_site();
    for audience in ["trainer", "participant"] {
        let out = f.run(&["build", "--audience", audience]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for (rel, html) in all_html(&f.site()) {
            assert_no_author_script(&rel, &html);
        }
        // What course material needs, and coursebook's own markup, survive.
        let doc = f.html("p/a.html");
        assert_eq!(texts(&doc, "main #kept.keep"), vec!["kept"]);
        for css in [
            "main details > summary",
            "main kbd",
            "main figure > figcaption",
            "main td[colspan='2']",
            "main aside.callout-note",
            "main h2#a-heading",
            "main pre.code[data-lang]",
        ] {
            assert_eq!(doc.select(&sel(css)).count(), 1, "{audience}: {css}");
        }
        assert!(doc.select(&sel("main pre.code span[class^='hl-']")).count() > 1);
        // The title is text, in the page, the sidebar and <title>.
        let title = texts(&doc, "title").join("");
        assert!(
            title.contains("<script>document.title='pwned'</script>"),
            "{title}"
        );
        // On the print page a session's ids carry its prefix, so no two sessions share one.
        let print = f.html("p/print.html");
        assert_eq!(print.select(&sel("main #p-a--kept")).count(), 1);
    }
}

#[test]
fn sanitize_false_is_the_documented_opt_out() {
    let f = hostile_site();
    f.write(
        "book.toml",
        "[book]\ntitle = \"T\"\n[output.html]\nsanitize = false\n",
    );
    f.build();
    assert!(f.read("p/a.html").contains("<script>window.pwned = 1;"));
}

fn errors_of(f: &Fixture) -> String {
    let out = f.run(&["check"]);
    assert_eq!(out.status.code(), Some(1), "check should fail");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn script_addresses_are_errors_at_their_place() {
    let body = "Text\n\n[x](javascript:alert(1)) and <JaVaScRiPt:alert(2)>\n\n\
[ref]\n\n[ref]: vbscript:msgbox(3)\n\n\
<a title=\"t\" href=\"jav&#x61;script:alert(4)\">raw</a>\n\n\
[d](data:text/html;base64,PHNjcmlwdD4=)\n\n\
![ok](data:image/png;base64,iVBORw0KGgo=)\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &format!("# A\n{body}")),
    ]);
    let e = errors_of(&f);
    for want in [
        "content/p/a.md:4:1: error: link to `javascript:alert(1)`",
        "content/p/a.md:4:30: error: link to `JaVaScRiPt:alert(2)`",
        "content/p/a.md:6:1: error: link to `vbscript:msgbox(3)`",
        "content/p/a.md:10:1: error: link to `javascript:alert(4)`",
        "content/p/a.md:12:1: error: link to `data:text/html;base64,PHNjcmlwdD4=`",
    ] {
        assert!(e.contains(want), "no `{want}` in\n{e}");
    }
    assert!(
        !e.contains("data:image/png"),
        "an image may be data:image/...\n{e}"
    );
    assert_eq!(e.matches(": error: ").count(), 5, "{e}");
    // The same in a letter.
    let g = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/letters/l.md",
            "---\ntitle: L\n---\nDear [you](javascript:alert(1)).\n",
        ),
    ]);
    assert!(errors_of(&g).contains("content/p/letters/l.md:4:6: error: link to `javascript:"));
}

#[test]
fn names_that_would_become_script_links_are_refused() {
    let f = Fixture::new(&[
        ("content/javascript:alert(1)/index.md", PROGRAMME),
        ("content/p/index.md", PROGRAMME),
        ("content/p/javascript:alert(2).md", "# Page\n"),
        ("content/p/assets/vbscript:x.png", "png"),
    ]);
    let e = errors_of(&f);
    for want in [
        "content/javascript:alert(1)/index.md: error: the name `javascript:alert(1)` cannot be part of a link",
        "content/p/javascript:alert(2).md: error: the name `javascript:alert(2).html` cannot be part of a link",
        "content/p/assets/vbscript:x.png: error: the name `vbscript:x.png`",
    ] {
        assert!(e.contains(want), "no `{want}` in\n{e}");
    }
    assert!(
        e.contains("hint: rename it, e.g. `javascript-alert(1)`"),
        "{e}"
    );
}

#[test]
fn remote_files_are_warnings_and_errors_under_deny_warnings() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a.md",
            "# A\n\n![logo](https://cdn.example/logo.png)\n\n<iframe src=\"https://video.example/x\"></iframe>\n\n<script src=\"//cdn.example/x.js\"></script>\n\n[a link is fine](https://example.org/)\n",
        ),
    ]);
    let out = f.run(&["check"]);
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{e}");
    for want in [
        "content/p/a.md:3:1: warning: image loaded from another host: `https://cdn.example/logo.png`",
        "content/p/a.md:5:1: warning: frame loaded from another host: `https://video.example/x`",
        "content/p/a.md:7:1: warning: script loaded from another host: `//cdn.example/x.js`",
    ] {
        assert!(e.contains(want), "no `{want}` in\n{e}");
    }
    assert!(!e.contains("example.org"), "{e}");
    let out = f.run(&["check", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
}

/// One HTTP/1.1 GET; the response head, lower case.
fn head_of(addr: std::net::SocketAddr, path: &str) -> String {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    text.split_once("\r\n\r\n").unwrap().0.to_ascii_lowercase()
}

#[test]
fn serve_sends_the_policy_as_a_header() {
    let dir = tempfile::tempdir().unwrap();
    coursebook::init::init(dir.path()).unwrap();
    let opts = coursebook::serve::Options {
        root: dir.path().to_path_buf(),
        host: "127.0.0.1".into(),
        port: 0,
        open: false,
        audience: coursebook::Audience::Trainer,
    };
    let server = coursebook::serve::start(&opts, false).unwrap();
    let want = format!(
        "content-security-policy: {}",
        coursebook::render::CSP.to_ascii_lowercase()
    );
    for path in [
        "/course/day-1/01-welcome.html",
        "/__coursebook/live.js",
        "/nope.html",
    ] {
        let head = head_of(server.addr, path);
        assert!(head.contains(&want), "{path}: {head}");
    }
    drop(server);
}

/// `check` of `root` within a generous time (a hang or quadratic blow-up fails the test).
fn check_within(root: &Path) -> coursebook::diagnostics::Diagnostics {
    let (tx, rx) = std::sync::mpsc::channel();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(coursebook::check(&root, coursebook::Audience::Trainer));
    });
    rx.recv_timeout(std::time::Duration::from_secs(120))
        .expect("check did not finish in 120 s")
}

#[test]
fn a_file_full_of_raw_html_findings_is_read_in_one_pass() {
    // ~3.5 MiB: 50,000 remote images on one line of a raw HTML block, then 50,000 script
    // links a line each; every one is a finding whose place must be worked out.
    let one_line = "<img src=\"https://h.example/i.png\">".repeat(50_000);
    let many_lines = "<a href=\"javascript:x\">j</a>\n".repeat(50_000);
    let body = format!("# Big\n\n<div>\n{one_line}\n</div>\n\n<div>\n{many_lines}</div>\n");
    assert!(body.len() < 4 * 1024 * 1024);
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/big.md", &body),
    ]);
    let d = check_within(f.root());
    let all: Vec<_> = d.sorted().into_iter().map(|x| x.to_string()).collect();
    let warnings = all
        .iter()
        .filter(|x| x.contains(": warning: image loaded from another host"))
        .count();
    let errors = all
        .iter()
        .filter(|x| x.contains(": error: link to `javascript:x`"))
        .count();
    assert_eq!((warnings, errors), (50_000, 50_000));
    // Places are right at both ends: the last image on line 4, the last link on line 50,007.
    let last_col = 1 + 49_999 * "<img src=\"https://h.example/i.png\">".len();
    assert!(
        all.iter()
            .any(|x| x.starts_with(&format!("content/p/big.md:4:{last_col}: warning")))
    );
    assert!(
        all.iter()
            .any(|x| x.starts_with("content/p/big.md:50007:1: error"))
    );
}

#[test]
fn the_dev_server_cleans_an_edited_body_and_keeps_the_rest() {
    use coursebook::serve::{Body, Engine};
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    coursebook::init::init(&root).unwrap();
    let add = |rel: &str, html: &str| {
        let p = root.join(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, format!("{text}\n{html}\n")).unwrap();
    };
    add(
        "content/course/day-1/01-welcome.md",
        "<p class=\"a\">first<script>window.a=1</script></p>",
    );
    add(
        "content/course/day-1/02-first-exercise.md",
        "<p class=\"b\">second<script>window.b=1</script></p>",
    );
    let page = |files: &coursebook::serve::Files, rel: &str| match &files[rel] {
        Body::Mem(b) => String::from_utf8(b.to_vec()).unwrap(),
        other => panic!("{rel}: {other:?}"),
    };
    let mut engine = Engine::new(&root, coursebook::Audience::Trainer);
    let first = engine.rebuild(true).unwrap();
    let welcome = "course/day-1/01-welcome.html";
    let exercise = "course/day-1/02-first-exercise.html";
    assert!(page(&first.files, welcome).contains("<p class=\"a\">first</p>"));
    add(
        "content/course/day-1/02-first-exercise.md",
        "<p class=\"c\">third<img src=\"x.png\" onerror=\"window.c=1\"></p>",
    );
    engine.forget(&[root.join("content/course/day-1/02-first-exercise.md")]);
    let r = engine.rebuild(false).unwrap();
    let edited = page(&r.files, exercise);
    assert!(
        edited.contains("<p class=\"c\">third<img src=\"x.png\"></p>"),
        "{edited}"
    );
    assert!(edited.contains("<p class=\"b\">second</p>"));
    assert!(!edited.contains("script>window") && !edited.contains("onerror"));
    assert!(
        !r.rendered.contains(&welcome.to_string()),
        "{:?}",
        r.rendered
    );
    assert!(page(&r.files, welcome).contains("<p class=\"a\">first</p>"));
}

#[test]
fn a_theme_whose_base_drops_the_policy_is_warned_about() {
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    let toml = "[book]\ntitle = \"T\"\n[build]\ntheme = \"mine\"\n";
    f.write("book.toml", toml);
    // A theme folder without its own base.html keeps the built-in one, policy and all.
    f.write("themes/mine/static/extra.css", "p {}");
    assert_eq!(
        coursebook::check(f.root(), coursebook::Audience::Trainer).warnings(),
        0
    );
    f.write(
        "themes/mine/templates/base.html",
        "<!DOCTYPE html><html><head><title>{{ page_title }}</title>{% block head %}{% endblock head %}</head><body class=\"{% block body_class %}{% endblock body_class %}\">{% block content %}{% endblock content %}</body></html>",
    );
    for audience in [
        coursebook::Audience::Trainer,
        coursebook::Audience::Participant,
    ] {
        let d = coursebook::check(f.root(), audience);
        let text: Vec<String> = d.sorted().iter().map(|x| x.render(false)).collect();
        assert!(
            text.iter().any(|t| t.starts_with(
                "themes/mine/templates/base.html: warning: this base.html has no Content-Security-Policy"
            ) && t.contains("default-src 'self'")),
            "{audience:?}: {text:?}"
        );
    }
}
