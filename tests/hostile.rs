//! Hostile input gets a clear error naming the file: never a panic or a hang.

mod common;
use common::*;

const S: &str = "---\ntitle: a\nday: 1\nblock: after-tea\nduration: 10m\n---\n";

#[test]
fn encoding_bom_and_crlf() {
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    std::fs::write(
        f.root().join("content/p/bad.md"),
        b"---\ntitle: caf\xe9\n---\n",
    )
    .unwrap();
    let e = f.build_err();
    assert!(
        e[0].starts_with("content/p/bad.md:2:11: error: file is not UTF-8 text"),
        "{e:?}"
    );

    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    let crlf = "\u{feff}---\r\ntitle: Windows\r\nday: 1\r\nblock: after-tea\r\nduration: 10m\r\n---\r\n[bad](nope.md)\r\n";
    f.write("content/p/w.md", crlf);
    let e = f.build_err();
    assert!(
        e[0].starts_with("content/p/w.md:7:1: error: link to missing file"),
        "positions survive CRLF and a BOM: {e:?}"
    );
    f.write("content/p/w.md", &crlf.replace("[bad](nope.md)", "Fine"));
    f.build();
    assert_eq!(texts(&f.html("p/w.html"), "h1"), vec!["Windows"]);
}

#[test]
fn out_of_range_numbers_and_durations() {
    for (fm, want) in [
        ("day: 99999999999999999999", "out of range"),
        ("day: -1", "out of range"),
        ("day: 1.5", "whole number"),
        ("duration: 0", "not a positive number"),
        ("duration: -10m", "negative"),
        ("duration: 0m", "zero"),
        ("duration: 48h", "longer than a day"),
    ] {
        let key = fm.split(':').next().unwrap();
        let text = S
            .lines()
            .map(|l| {
                if l.starts_with(&format!("{key}:")) {
                    fm
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let f = Fixture::new(&[("content/p/index.md", PROGRAMME), ("content/p/a.md", &text)]);
        let e = f.build_err();
        assert!(
            e.iter()
                .any(|x| x.starts_with("content/p/a.md:") && x.contains(want)),
            "{fm}: {e:?}"
        );
    }
}

#[test]
fn two_sources_for_one_output_and_names_differing_by_case() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/timetable.md", "---\ntitle: Mine\n---\n"),
    ]);
    let e = f.build_err();
    assert!(
        e[0].starts_with("content/p/timetable.md: error: would write p/timetable.html"),
        "{e:?}"
    );

    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/x.md", "x"),
        ("content/p/x.html", "<p>raw</p>"),
    ]);
    let e = f.build_err();
    assert!(e[0].contains("which content/p/x.md writes too"), "{e:?}");

    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/Intro.md", S),
        ("content/p/intro.md", S),
    ]);
    let e = f.build_err();
    assert!(e.iter().any(|x| x.contains("differ only by case")), "{e:?}");
}

#[test]
fn file_names_with_spaces_and_accents_link_properly() {
    let f = Fixture::new(&[
        (
            "content/p/index.md",
            "---\ntitle: P\n---\n[the session](my%20s\u{e9}ssion.md) and [again](<my s\u{e9}ssion.md>)\n",
        ),
        ("content/p/my s\u{e9}ssion.md", S),
    ]);
    f.build();
    assert!(f.site().join("p/my s\u{e9}ssion.html").exists());
    let doc = f.html("p/index.html");
    let hrefs: Vec<String> = doc
        .select(&sel("main .prose a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    for h in &hrefs {
        assert_eq!(
            coursebook::util::percent_decode(&resolve("p/index.html", h)),
            "p/my s\u{e9}ssion.html",
            "{h}"
        );
    }
    let side: Vec<&str> = doc
        .select(&sel(".sidebar a"))
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.contains("ssion"))
        .collect();
    assert_eq!(side, vec!["../p/my%20s%C3%A9ssion.html"]);
}

#[test]
fn very_large_files_and_deep_nesting_are_refused_cleanly() {
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    f.write("content/p/huge.md", &"word ".repeat(1_000_000));
    let e = f.build_err();
    assert!(
        e[0].starts_with("content/p/huge.md: error: file is") && e[0].contains("at most 4096 KiB"),
        "{e:?}"
    );

    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    f.write(
        "content/p/deep.md",
        &format!("---\ntitle: {}\n---\n", "{a: ".repeat(20_000)),
    );
    let e = f.build_err();
    assert!(e[0].contains("nested more than"), "{e:?}");

    // Deep Markdown nesting is an error at its line (tests/linear.rs has more), not a crash.
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    f.write(
        "content/p/q.md",
        &format!("{S}{} deep\n\n{}", ">".repeat(20_000), "- ".repeat(5_000)),
    );
    let e = f.build_err();
    assert!(
        e.iter()
            .any(|x| x.starts_with("content/p/q.md:") && x.contains("nested 257 levels deep")),
        "{e:?}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_an_error_not_a_hang() {
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    std::os::unix::fs::symlink(f.root().join("content/p"), f.root().join("content/p/loop"))
        .unwrap();
    let e = f.build_err();
    assert!(e.iter().any(|x| x.contains("symbolic link loop")), "{e:?}");
}

#[test]
fn raw_html_is_sanitised_unless_sanitize_is_false() {
    let body = format!(
        "{S}<div class=\"mine\">kept</div>\n\n<script>alert('x')</script>\n\n<a href=\"b.html\" onclick=\"x()\">j</a>\n"
    );
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME), ("content/p/a.md", &body)]);
    f.build();
    // Sanitised by default; and a title that is markup reaches <title>, the sidebar of every
    // page, print and handout.
    f.write(
        "content/p/b.md",
        &format!(
            "{}Body.\n",
            S.replace(
                "title: a",
                "title: \"<script>alert('t')</script><img src=x onerror=alert(2)>\""
            )
        ),
    );
    f.build();
    let doc = f.html("p/a.html");
    assert_eq!(texts(&doc, "main .mine"), vec!["kept"]);
    // The whole of every page, not only <main>.
    let found = author_script(&f.site());
    assert!(found.is_empty(), "{found:#?}");
    assert!(
        f.read("p/a.html")
            .contains("&lt;script&gt;alert(&#39;t&#39;)"),
        "the title is shown as text in the sidebar"
    );
    f.write(
        "book.toml",
        "[book]\ntitle = \"T\"\n[output.html]\nsanitize = false\n",
    );
    f.build();
    let html = f.read("p/a.html");
    assert!(
        html.contains("<script>alert('x')</script>"),
        "sanitize = false trusts the authors"
    );
}

/// Every way a page of the built site could run a script the theme did not ship, anywhere
/// in the document (head, sidebar, `<title>`, body): a `<script>` that is not one of the
/// theme's files (data blocks aside), an `on*` attribute, a `javascript:`/`vbscript:` URL,
/// an element that embeds another document, or markup left unescaped in `<title>`.
fn author_script(site: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![site.to_path_buf()];
    let mut pages = 0;
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "html") {
                continue;
            }
            pages += 1;
            let rel = p.strip_prefix(site).unwrap().display().to_string();
            let raw = std::fs::read_to_string(&p).unwrap();
            let doc = scraper::Html::parse_document(&raw);
            for el in doc.select(&sel("*")) {
                let v = el.value();
                let tag = v.name();
                if tag == "script" {
                    let data = v.attr("type") == Some("application/json");
                    // The 404 page also loads its script from the server's root.
                    let theme = v.attr("src").is_some_and(|s| {
                        let s = match s.strip_prefix('/') {
                            Some(rest) if rel == "404.html" => rest,
                            _ => s,
                        };
                        s.trim_start_matches("../").starts_with("theme/") && s.ends_with(".js")
                    });
                    // A programme's schedule.js, which the build writes (its name is
                    // on render::outputs' list, so no author's file can take it).
                    let schedule = v.attr("src").is_some_and(|s| {
                        s.trim_start_matches("../")
                            .strip_suffix("/schedule.js")
                            .is_some_and(|dir| !dir.is_empty() && !dir.contains('/'))
                    });
                    if !data && !theme && !schedule {
                        found.push(format!("{rel}: <script src={:?}>", v.attr("src")));
                    }
                }
                if ["iframe", "object", "embed", "base", "frame"].contains(&tag) {
                    found.push(format!("{rel}: <{tag}>"));
                }
                for (name, value) in v.attrs() {
                    let url = value.trim().to_ascii_lowercase();
                    if name.to_ascii_lowercase().starts_with("on")
                        || url.starts_with("javascript:")
                        || url.starts_with("vbscript:")
                        || name == "srcdoc"
                    {
                        found.push(format!("{rel}: <{tag} {name}={value:?}>"));
                    }
                }
            }
            // <title> holds text only: a tag there would be markup a later reader trusts.
            let head = raw.split("</title>").next().unwrap_or("");
            if let Some((_, title)) = head.split_once("<title>")
                && title.contains('<')
            {
                found.push(format!("{rel}: <title>{title}"));
            }
        }
    }
    assert!(pages > 3, "the site has pages to look at ({pages})");
    found
}

#[test]
fn placeholder_stand_ins_typed_or_in_values_are_text() {
    // While Markdown is rendered a placeholder is U+E000 n U+E001. Typed into a letter, those
    // characters made a second placeholder; inside a value, they were filled again.
    let programme = PROGRAMME.replace("Test programme", "Prog \u{E000}1\u{E001}");
    let letter = "---\ntitle: L\nfields:\n  - name: who\n    label: Who\n---\n\
                  Dear {{ programme.title }}, {{ who }}; typed \u{E000}1\u{E001}.\n";
    let f = Fixture::new(&[
        ("content/p/index.md", &programme),
        ("content/p/letters/l.md", letter),
    ]);
    f.build();
    let page = f.html("p/letters/l.html");
    assert_eq!(texts(&page, ".filled"), vec!["Prog \u{E000}1\u{E001}"]);
    assert_eq!(texts(&page, "[data-field=who]"), vec!["[Who]"]);
    assert!(
        texts(&page, "p")
            .iter()
            .any(|p| p.ends_with("typed \u{FFFD}1\u{FFFD}.")),
        "{:?}",
        texts(&page, "p")
    );
    let txt = f.read("p/letters/l.txt");
    assert_eq!(txt.matches("[Who]").count(), 1, "{txt}");
}

#[test]
fn the_script_check_looks_at_the_whole_document() {
    // A canary: each of these is outside <main>, where the check used to stop.
    let dir = tempfile::tempdir().unwrap();
    let clean = "<!doctype html><html><head><title>T</title>\
                 <script src=\"../theme/coursebook.js\" defer></script></head>\
                 <body><main>ok</main></body></html>";
    for (i, page) in [clean; 4].iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.html")), page).unwrap();
    }
    assert_eq!(author_script(dir.path()), Vec::<String>::new());
    for (name, from, to) in [
        (
            "head",
            "</head>",
            "<script src=\"https://cdn.example/x.js\"></script></head>",
        ),
        (
            "sidebar",
            "<main>",
            "<nav><a href=\" JavaScript:alert(1)\">x</a></nav><main>",
        ),
        (
            "handler",
            "<main>",
            "<aside><img src=x onerror=alert(1)></aside><main>",
        ),
        ("title", "<title>T</title>", "<title>a<b>b</b></title>"),
        (
            "frame",
            "</main>",
            "</main><footer><iframe srcdoc=x></iframe></footer>",
        ),
    ] {
        let page = clean.replacen(from, to, 1);
        std::fs::write(dir.path().join("bad.html"), &page).unwrap();
        assert!(!author_script(dir.path()).is_empty(), "{name}: {page}");
    }
}
