//! The timetable as a built site shows it: CSV rows and the HTML table.

mod common;
use common::*;

fn csv_rows(f: &Fixture, prog: &str) -> Vec<Vec<String>> {
    let text = f.read(&format!("{prog}/timetable.csv"));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        vec![
            "day", "date", "start", "end", "minutes", "kind", "title", "block", "format", "page"
        ]
    );
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn cols(rows: &[Vec<String>], idx: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            idx.iter()
                .map(|&i| r[i].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn custom_blocks_breaks_and_a_days_own_start() {
    let f = Fixture::new(&[
        (
            "content/w/index.md",
            "---\ntitle: W\nstart: \"09:00\"\nblocks:\n  - { id: morning, title: Morning }\n  - { break: Lunch, duration: 1h }\n  - { id: afternoon, title: Afternoon }\n  - { break: Cake, duration: 10m }\ndays:\n  - { title: First, date: 2027-05-04 }\n  - { title: Second, start: \"10:15\" }\n---\n",
        ),
        ("content/w/a.md", &session("Alpha", 1, "morning", "45m")),
        ("content/w/b.md", &session("Beta", 1, "afternoon", "1h 15m")),
        ("content/w/c.md", &session("Gamma", 2, "morning", "0:30")),
        (
            "content/w/d.md",
            &session("Delta", 2, "afternoon", "20 mins"),
        ),
    ]);
    f.build();
    let rows = csv_rows(&f, "w");
    assert_eq!(
        cols(&rows, &[0, 1, 2, 3, 4, 5, 6, 7]),
        vec![
            "1 2027-05-04 09:00 09:45 45 session Alpha morning",
            "1 2027-05-04 09:45 10:45 60 break Lunch ",
            "1 2027-05-04 10:45 12:00 75 session Beta afternoon",
            "2  10:15 10:45 30 session Gamma morning",
            "2  10:45 11:45 60 break Lunch ",
            "2  11:45 12:05 20 session Delta afternoon",
        ],
        "the trailing Cake break is dropped; day 2 starts at its own time"
    );
    assert_eq!(rows[0][9], "w/a.html");

    let doc = f.html("w/timetable.html");
    let tables = doc.select(&sel("table.timetable")).count();
    assert_eq!(tables, 2, "one table per day");
    assert_eq!(
        texts(&doc, "#day-1 .block-heading th"),
        vec!["Morning", "Afternoon"]
    );
    assert_eq!(texts(&doc, "#day-1 tbody.break th"), vec!["Lunch"]);
    let times: Vec<String> = doc
        .select(&sel("#day-1 tr.session-row time"))
        .filter_map(|t| t.value().attr("datetime").map(str::to_string))
        .collect();
    assert_eq!(
        times,
        vec![
            "2027-05-04T09:00",
            "2027-05-04T09:45",
            "2027-05-04T10:45",
            "2027-05-04T12:00"
        ]
    );
    assert_eq!(texts(&doc, "#day-2 tfoot"), vec!["Day ends at 12:05"]);
}

#[test]
fn order_beats_file_name() {
    let mut third = session("Third", 1, "after-coffee", "10m");
    third = third.replace("day: 1\n", "day: 1\norder: 1\n");
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/01-a.md",
            &session("First", 1, "after-coffee", "10m"),
        ),
        (
            "content/p/02-b.md",
            &session("Second", 1, "after-coffee", "10m"),
        ),
        ("content/p/03-c.md", &third),
    ]);
    f.build();
    let rows = csv_rows(&f, "p");
    assert_eq!(cols(&rows, &[6]), vec!["Third", "First", "Second"]);
    // Previous/next follow the timetable.
    let doc = f.html("p/01-a.html");
    let prev = doc.select(&sel("a[rel=prev]")).next().unwrap();
    assert_eq!(
        resolve("p/01-a.html", prev.value().attr("href").unwrap()),
        "p/03-c.html"
    );
    let next = doc.select(&sel("a[rel=next]")).next().unwrap();
    assert_eq!(
        resolve("p/01-a.html", next.value().attr("href").unwrap()),
        "p/02-b.html"
    );
}

#[test]
fn fixed_time_break_shows_free_time_and_warns_on_overrun() {
    let prog = |len: &str| {
        vec![
            (
                "content/p/index.md".to_string(),
                "---\ntitle: P\nblocks:\n  - { id: am, title: AM }\n  - { break: Lunch, duration: 45m, at: \"12:30\" }\n  - { id: pm, title: PM }\n---\n".to_string(),
            ),
            ("content/p/a.md".to_string(), session("Long", 1, "am", len)),
            ("content/p/b.md".to_string(), session("After", 1, "pm", "30m")),
        ]
    };
    let files = prog("2h");
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = Fixture::new(&refs);
    let report = f.build();
    assert_eq!(report.diagnostics.warnings(), 0);
    let rows = csv_rows(&f, "p");
    assert_eq!(
        cols(&rows, &[2, 3, 5, 6]),
        vec![
            "09:30 11:30 session Long",
            "11:30 12:30 free Free time",
            "12:30 13:15 break Lunch",
            "13:15 13:45 session After"
        ]
    );

    let files = prog("3h 20m");
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = Fixture::new(&refs);
    let report = f.build();
    let w: Vec<String> = report
        .diagnostics
        .items
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(report.diagnostics.warnings(), 1, "{w:?}");
    assert!(w[0].contains("runs 20 min into Lunch"), "{w:?}");
    assert!(w[0].starts_with("content/p/index.md:"), "{w:?}");
}

#[test]
fn html_in_titles_and_prompts_is_escaped() {
    let s = "---\ntitle: \"<script>alert(1)</script> & <b>bold</b>\"\nday: 1\nblock: after-lunch\nduration: 30m\nprompts:\n  - \"<img src=x onerror=alert(2)>\"\nmaterials: [\"<i>pens</i>\"]\n---\nText.\n";
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME), ("content/p/x.md", s)]);
    f.build();
    for page in [
        "p/x.html",
        "p/timetable.html",
        "p/prompts.html",
        "p/materials.html",
        "p/index.html",
    ] {
        let doc = f.html(page);
        assert_eq!(
            doc.select(&sel("main script, main img, main b, main i"))
                .count(),
            0,
            "{page} has injected markup"
        );
    }
    let doc = f.html("p/x.html");
    assert_eq!(
        texts(&doc, "h1"),
        vec!["<script>alert(1)</script> & <b>bold</b>"]
    );
    assert_eq!(
        texts(&doc, ".prompts li"),
        vec!["<img src=x onerror=alert(2)>"]
    );
}

#[test]
fn session_page_has_everything_a_trainer_needs() {
    let s = "---\ntitle: Case summaries\nday: 1\nblock: after-coffee\nduration: 30 mins\nformat: pairs\nsummary: Swap and read.\nobjectives: [Give feedback]\nprompts:\n  - As a colleague?\n  - text: As a family member?\n    note: Watch for over-correction.\nmaterials: [sticky notes]\nthemes: [aspects-of-difference]\nproduces: [post-box]\n---\nBody.\n\n> [!PROMPTS]\n> - From the body?\n";
    let u = "---\ntitle: Sorting the post box\nday: 1\nblock: after-tea\nduration: 15m\nuses: [post-box]\nsame_as: a.md\n---\nAgain.\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", s),
        ("content/p/b.md", u),
    ]);
    f.build();
    let doc = f.html("p/a.html");
    assert_eq!(
        texts(&doc, "h1"),
        vec!["Case summaries"],
        "only the session title is an h1"
    );
    assert_eq!(texts(&doc, ".prompts li").len(), 3);
    assert!(texts(&doc, ".prompts li")[1].contains("Watch for over-correction."));
    assert!(texts(&doc, ".facts").join(" ").contains("09:30–10:00"));
    assert!(texts(&doc, ".facts").join(" ").contains("Pairs"));
    assert_eq!(
        texts(&doc, ".breadcrumbs li"),
        vec!["Home", "Test programme", "Day one", "Case summaries"]
    );
    assert!(
        texts(&doc, ".threads")
            .join(" ")
            .contains("Sorting the post box")
    );
    let next = doc
        .select(&sel("a[rel=next]"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert_eq!(resolve("p/a.html", next), "p/b.html");
    let current: Vec<&str> = doc
        .select(&sel(".sidebar a[aria-current=page]"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(current.len(), 1);
    assert_eq!(resolve("p/a.html", current[0]), "p/a.html");
    let doc = f.html("p/b.html");
    let same = doc
        .select(&sel(".same-as a"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert_eq!(resolve("p/b.html", same), "p/a.html");

    let prompts = f.html("p/prompts.html");
    assert_eq!(texts(&prompts, ".prompts li").len(), 3);
    let mats = f.html("p/materials.html");
    assert_eq!(texts(&mats, ".checklist .item"), vec!["sticky notes"]);
    let themes = f.html("p/themes.html");
    assert_eq!(
        texts(&themes, "#aspects-of-difference h2"),
        vec!["Aspects of difference"]
    );
}

#[test]
fn materials_are_listed_once_per_day_with_their_sessions() {
    let a = "---\ntitle: A\nday: 1\nblock: before-coffee\nduration: 10m\nmaterials: [Flipchart paper, pens]\n---\n";
    let b = "---\ntitle: B\nday: 1\nblock: after-coffee\nduration: 10m\nmaterials: [flipchart paper]\n---\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", a),
        ("content/p/b.md", b),
    ]);
    f.build();
    let doc = f.html("p/materials.html");
    assert_eq!(
        texts(&doc, ".checklist .item"),
        vec!["Flipchart paper", "pens"]
    );
    assert_eq!(texts(&doc, ".checklist li .for")[0], "for A, B");
}

#[test]
fn a_long_programmes_sidebar_lists_only_the_days_own_sessions() {
    let mut files = vec![(
        "content/p/index.md".to_string(),
        "---\ntitle: P\ndays: [{title: One}, {title: Two}, {title: Three}]\n---\n".to_string(),
    )];
    for i in 0..45 {
        files.push((
            format!("content/p/s{i:02}.md"),
            session(&format!("S{i}"), 1 + (i / 15) as u32, "after-tea", "10m"),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = Fixture::new(&refs);
    f.build();
    let doc = f.html("p/s20.html");
    let listed = texts(&doc, ".sidebar .nav-sessions li");
    assert_eq!(listed.len(), 15, "only day two's sessions: {listed:?}");
    assert!(
        listed
            .iter()
            .all(|t| (15..30).any(|i| t.ends_with(&format!("S{i}")))),
        "{listed:?}"
    );
    let current: Vec<&str> = doc
        .select(&sel(".sidebar a[aria-current=page]"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(current, vec!["../p/s20.html"]);
    // Other days are a link to their part of the timetable.
    let day_links: Vec<&str> = doc
        .select(&sel(".sidebar .nav-heading a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        day_links,
        vec!["../p/timetable.html#day-1", "../p/timetable.html#day-3"]
    );
    // The timetable page's sidebar lists no sessions at all; the table has them all.
    let t = f.html("p/timetable.html");
    assert_eq!(t.select(&sel(".sidebar .nav-sessions li")).count(), 0);
    assert_eq!(t.select(&sel("tr.session-row")).count(), 45);
}

/// A theme that walks a value's fields gets them in the view's order, the same on every
/// build: without it, two builds of unchanged content would differ (and so would never
/// reuse the published files).
#[test]
fn a_theme_walking_fields_sees_them_in_a_fixed_order() {
    let tpl = "{% extends \"base.html\" %}\n{% block content %}<p id=\"keys\">{% for k, v in session %}{{ k }} {% endfor %}</p>{% endblock content %}\n";
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"Test course\"\n[build]\ntheme = \"mine\"\n",
        ),
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &session("A", 1, "after-tea", "10m")),
        ("themes/mine/templates/session.html", tpl),
    ]);
    let keys = || {
        // Each build in its own process: hash seeds differ between processes.
        let out = f.run(&["build"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        texts(&f.html("p/a.html"), "#keys")
    };
    let first = keys();
    assert!(first[0].starts_with("title href day "), "{first:?}");
    for _ in 0..3 {
        assert_eq!(keys(), first);
    }
}
