//! The trainer's day (issue 14): spare time to the day's `end`, a late day, prompts listed
//! once, the letter page's order and heading, the 404 page at any depth, and `new session`
//! for a day the programme lacks.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

use common::{Fixture, sel, session, texts};

const PROGRAMME: &str = "---\ntitle: P\nvenue: Room 1\nstart: \"09:30\"\nend: \"16:30\"\ndays:\n  - { title: Day one, date: 2027-03-01 }\n---\nAbout.\n";

fn out(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    rd.records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn a_day_ending_early_shows_its_spare_time_and_check_notes_it_at_end() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/day-1/01-a.md",
            &session("A", 1, "before-coffee", "60m"),
        ),
        (
            "content/p/day-1/02-b.md",
            &session("B", 1, "after-coffee", "45m"),
        ),
    ]);
    f.build();
    let rows = csv_rows(&f.read("p/timetable.csv"));
    assert_eq!(
        rows.last().unwrap(),
        &[
            "1",
            "2027-03-01",
            "11:30",
            "16:30",
            "300",
            "free",
            "Free time",
            "",
            "",
            ""
        ]
    );
    assert_eq!(rows.len(), 4, "A, Coffee, B, free: {rows:?}");
    let tt = f.html("p/timetable.html");
    let free = texts(&tt, "table.timetable tr.free-row");
    assert_eq!(free.len(), 1, "{free:?}");
    assert!(free[0].contains("11:30–16:30") && free[0].contains("Free time"));
    assert_eq!(
        texts(&tt, "table.timetable caption")[0],
        "Day one: 09:30 to 16:30, 2 sessions"
    );
    // The participant edition shows the same clock (built first: the trainer's is last).
    let o = f.run(&["build", "--audience", "participant"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert_eq!(csv_rows(&f.read("p/timetable.csv")), rows);
    assert!(f.read("p/handout.html").contains("09:30–16:30"));
    f.build();
    // The handout and the print page show the same clock; the calendar has no event for it.
    for page in ["p/handout.html", "p/print.html"] {
        let text = f.read(page);
        assert!(
            text.contains("16:30") && text.contains("Free time"),
            "{page}"
        );
    }
    let ics = f.read("p/timetable.ics");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    assert!(!ics.contains("Free time"));
    let o = f.run(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(
        out(&o)
            .contains("content/p/index.md:5:6: note: day 1 has 5 h spare before its end at 16:30"),
        "{}",
        out(&o)
    );
}

#[test]
fn a_days_own_end_wins_and_a_late_day_is_a_warning_with_its_minutes() {
    let programme = "---\ntitle: P\nend: \"16:30\"\ndays:\n  - { title: Day one, end: \"12:00\" }\n  - { title: Day two }\n---\n";
    let f = Fixture::new(&[
        ("content/p/index.md", programme),
        (
            "content/p/day-1/01-a.md",
            &session("A", 1, "before-coffee", "3h"),
        ),
        (
            "content/p/day-2/01-b.md",
            &session("B", 2, "before-coffee", "7h 10m"),
        ),
    ]);
    let o = f.run(&["check"]);
    let said = out(&o);
    assert!(
        said.contains("content/p/index.md:5:28: warning: day 1 runs 30 min past its end at 12:00: its last session finishes at 12:30"),
        "{said}"
    );
    assert!(
        said.contains("content/p/index.md:3:6: warning: day 2 runs 10 min past its end at 16:30"),
        "{said}"
    );
    assert!(!said.contains("spare"), "{said}");
}

#[test]
fn prompts_from_front_matter_and_a_prompts_callout_are_one_list_shown_once() {
    let s = "---\ntitle: S\nday: 1\nblock: before-coffee\nduration: 30m\nprompts:\n  - First from the front matter?\n  - text: Second, with a note?\n    note: Only for trainers.\n---\nIntro.\n\n> [!PROMPTS]\n> - Third, from the body?\n> - First from the front matter?\n\nAfter.\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/day-1/01-s.md", s),
    ]);
    f.build();
    let page = f.html("p/day-1/01-s.html");
    let items: Vec<String> = page
        .select(&sel("ol.prompts > li"))
        .map(|li| li.text().next().unwrap_or_default().trim().to_string())
        .collect();
    assert_eq!(
        items,
        vec![
            "First from the front matter?",
            "Second, with a note?",
            "Third, from the body?"
        ]
    );
    let html = f.read("p/day-1/01-s.html");
    for text in ["First from the front matter?", "Third, from the body?"] {
        assert_eq!(
            html.matches(text).count(),
            1,
            "{text} once on the session page"
        );
        assert_eq!(
            f.read("p/prompts.html").matches(text).count(),
            1,
            "{text} once on the prompts page"
        );
        assert_eq!(
            f.read("p/print.html").matches(text).count(),
            1,
            "{text} once on the print page"
        );
    }
    assert!(html.contains("Intro.") && html.contains("After."));
    // The participant edition keeps the prompts and drops the note.
    let o = f.run(&["build", "--audience", "participant"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let html = f.read("p/day-1/01-s.html");
    assert_eq!(html.matches("Third, from the body?").count(), 1);
    assert!(!html.contains("Only for trainers."));
}

const LETTER: &str = "---\ntitle: Welcome\naudience: all\nfields:\n  - { name: participant_name, label: Participant's name }\n  - { name: trainer_name, label: Trainer's name }\n---\nDear {{ participant_name }},\n\n> [!TRAINER]\n> Secret planning words for trainers only.\n\nFrom {{ trainer_name }}, {{ organisation }}.\n";

#[test]
fn the_letter_page_reads_fill_in_then_print_and_save_then_the_list_then_the_command_line() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n[output.html]\norganisation = \"Northshire Training\"\nlogo = \"assets/logo.svg\"\n",
        ),
        (
            "content/assets/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/day-1/01-a.md",
            &session("A", 1, "before-coffee", "60m"),
        ),
        ("content/p/letters/welcome.md", LETTER),
    ]);
    f.build();
    let page = f.html("p/letters/welcome.html");
    let main = page.select(&sel("main")).next().unwrap();
    let order: Vec<String> = main
        .children()
        .filter_map(scraper::ElementRef::wrap)
        .map(|e| {
            let v = e.value();
            v.id()
                .map(str::to_string)
                .or_else(|| v.classes().find(|c| *c != "card").map(str::to_string))
                .unwrap_or_else(|| v.name().to_string())
        })
        .collect();
    let at = |x: &str| {
        order
            .iter()
            .position(|o| o == x)
            .unwrap_or_else(|| panic!("{x} in {order:?}"))
    };
    assert!(at("letter-form") < at("letter-actions"), "{order:?}");
    assert!(at("letter-actions") < at("letter-sheet"), "{order:?}");
    assert!(at("letter-sheet") < at("letter-merge"), "{order:?}");
    assert!(at("letter-merge") < at("letter-downloads"), "{order:?}");
    let cli = texts(&page, ".letter-downloads details");
    assert!(
        cli[0].contains("coursebook merge content/p/letters/welcome.md"),
        "{cli:?}"
    );
    assert_eq!(
        texts(&page, "#letter .letter-head .letter-org"),
        vec!["Northshire Training"]
    );
    let logo = page
        .select(&sel("#letter .letter-head img.letter-logo"))
        .next()
        .unwrap();
    assert_eq!(logo.value().attr("src"), Some("../../assets/logo.svg"));
    assert_eq!(
        page.select(&sel("#letter-form input[type=date]#letter-date"))
            .count(),
        1
    );
    assert_eq!(
        page.select(&sel("#letter-form"))
            .next()
            .unwrap()
            .value()
            .attr("data-key"),
        Some("coursebook-letter:p/letters/welcome.html")
    );
    assert_eq!(page.select(&sel("button.clear-letter")).count(), 1);
    // No inline handler: the buttons are wired by the theme's scripts.
    assert!(!f.read("p/letters/welcome.html").contains("onclick"));
    // The participant edition publishes the letter without its trainer note.
    let o = f.run(&["build", "--audience", "participant"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    for file in ["p/letters/welcome.html", "p/letters/welcome.txt"] {
        assert!(!f.read(file).contains("Secret planning words"), "{file}");
    }
}

/// A web server for `site` under `/sub/`, which answers any other path with 404.html, as
/// web servers do; each connection on its own, until the test ends.
fn serve(site: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            answer(stream, &site);
        }
    });
    addr
}

fn answer(mut s: TcpStream, site: &Path) {
    // The request's head, to its blank line.
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16384 {
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let file = path
        .strip_prefix("/sub/")
        .filter(|p| !p.contains(".."))
        .map(|p| site.join(p))
        .filter(|p| p.is_file());
    let (status, body) = match file {
        Some(p) => ("200 OK", std::fs::read(p).unwrap()),
        None => (
            "404 Not Found",
            std::fs::read(site.join("404.html")).unwrap(),
        ),
    };
    let _ = write!(
        s,
        "HTTP/1.0 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = s.write_all(&body);
}

fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    // One write: the server answers once it has the head, then closes.
    let head = format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n");
    s.write_all(head.as_bytes()).unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let code = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (code, body)
}

/// `href` as a browser resolves it on the page at absolute `page` path.
fn resolve(page: &str, href: &str) -> String {
    if href.starts_with('/') {
        return href.to_string();
    }
    common::resolve(page.trim_start_matches('/'), href).replace("//", "/")
}

#[test]
fn the_404_page_finds_its_stylesheet_and_home_at_any_depth() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n[output.html]\nsite-url = \"https://intranet.example/sub/\"\n",
        ),
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/day-1/01-a.md",
            &session("A", 1, "before-coffee", "60m"),
        ),
    ]);
    f.build();
    let addr = serve(f.site());
    let deep = "/sub/a/b/c/missing.html";
    let (code, body) = get(&addr, deep);
    assert_eq!(code, 404);
    let page = scraper::Html::parse_document(&body);
    let styles: Vec<String> = page
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|l| l.value().attr("href"))
        .map(|h| format!("/{}", resolve(deep, h).trim_start_matches('/')))
        .collect();
    assert!(
        styles.contains(&"/sub/theme/coursebook.css".to_string()),
        "{styles:?}"
    );
    let (code, css) = get(&addr, "/sub/theme/coursebook.css");
    assert_eq!(code, 200);
    assert!(css.contains('{'));
    let home = page.select(&sel("main a.home-link")).next().unwrap();
    let home = resolve(deep, home.value().attr("href").unwrap());
    assert_eq!(home, "/sub/index.html");
    assert_eq!(get(&addr, &home).0, 200);
    // The script that mends links from file:// is reachable from there too.
    let scripts: Vec<String> = page
        .select(&sel("script[src$='not-found.js']"))
        .filter_map(|s| s.value().attr("src"))
        .map(|h| resolve(deep, h))
        .collect();
    assert!(
        scripts.contains(&"/sub/theme/not-found.js".to_string()),
        "{scripts:?}"
    );
    assert_eq!(get(&addr, "/sub/theme/not-found.js").0, 200);
}

#[test]
fn without_site_url_the_404_page_has_links_for_the_top_level_and_the_server_root() {
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    f.build();
    let page = f.html("404.html");
    let styles: Vec<&str> = page
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|l| l.value().attr("href"))
        .collect();
    assert!(
        styles.contains(&"theme/coursebook.css") && styles.contains(&"/theme/coursebook.css"),
        "{styles:?}"
    );
    let home = page.select(&sel("main a.home-link")).next().unwrap();
    assert_eq!(home.value().attr("href"), Some("index.html"));
    assert!(f.site().join("theme/not-found.js").is_file());
}

fn init(dir: &Path) -> PathBuf {
    let root = dir.join("course-site");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .arg("init")
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    root
}

fn coursebook(root: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn new_session_on_a_day_the_one_day_course_lacks_adds_the_day_and_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let root = init(dir.path());
    let index = root.join("content/course/index.md");
    let before = std::fs::read_to_string(&index).unwrap();
    let o = coursebook(
        &root,
        &[
            "new",
            "session",
            "Day two opener",
            "--day",
            "2",
            "--duration",
            "45m",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let said = out(&o);
    assert!(
        said.contains("block `morning` (the first block: day 2 has no sessions yet)"),
        "{said}"
    );
    assert!(
        said.contains("added Day 2 to `days:` in content/course/index.md"),
        "{said}"
    );
    let after = std::fs::read_to_string(&index).unwrap();
    assert_eq!(
        after,
        before.replace(
            "  - { title: Day one }\n",
            "  - { title: Day one }\n  - { title: Day 2 }\n"
        )
    );
    let o = coursebook(&root, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(!out(&o).contains(": warning:"), "{}", out(&o));
    // A second session on day 2 goes in that day's last block, and says so.
    let o = coursebook(
        &root,
        &[
            "new",
            "session",
            "More",
            "--day",
            "2",
            "--block",
            "afternoon",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let o = coursebook(&root, &["new", "session", "Last", "--day", "2"]);
    assert!(
        out(&o).contains("block `afternoon` (the last block of day 2)"),
        "{}",
        out(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&index).unwrap(),
        after,
        "day 2 is not added twice"
    );
    assert_eq!(coursebook(&root, &["check"]).status.code(), Some(0));
}

#[test]
fn new_session_without_a_days_list_adds_nothing_and_a_flow_list_is_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let root = init(dir.path());
    let index = root.join("content/course/index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    let open = text.replace("days:\n  - { title: Day one }\n", "");
    std::fs::write(&index, &open).unwrap();
    let o = coursebook(&root, &["new", "session", "Two", "--day", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert_eq!(std::fs::read_to_string(&index).unwrap(), open);
    assert_eq!(coursebook(&root, &["check"]).status.code(), Some(0));

    // Back to the one-day course, its days now written as a flow list.
    std::fs::remove_dir_all(root.join("content/course/day-2")).unwrap();
    let flow = text.replace(
        "days:\n  - { title: Day one }\n",
        "days: [{ title: Day one }]\n",
    );
    std::fs::write(&index, &flow).unwrap();
    let o = coursebook(&root, &["new", "session", "Three", "--day", "3"]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let said = out(&o);
    assert!(said.contains("cannot be edited safely"), "{said}");
    assert!(
        said.contains("`- { title: Day 2 }` and `- { title: Day 3 }`"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&index).unwrap(),
        flow,
        "left as it was"
    );
    assert!(
        !root.join("content/course/day-3").exists(),
        "no session written"
    );
    assert_eq!(coursebook(&root, &["check"]).status.code(), Some(0));
}
