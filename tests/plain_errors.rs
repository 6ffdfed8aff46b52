//! Errors a non-programmer can fix: YAML mistakes in plain words at the line of the mistake,
//! with the line quoted and a caret; durations in words; unknown keys as errors (and the
//! site's own keys allowed in book.toml); link hints written from the linking file.

mod common;
use common::*;

/// A session file whose front matter is `fm` (the file's line 2 is `fm`'s first line).
fn with(fm: &str) -> String {
    format!("---\n{fm}---\nBody.\n")
}

/// The one error a front matter gives, as (line, col, message, hint).
fn one_error(fm: &str) -> (usize, usize, String, String) {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &with(fm)),
    ]);
    let (_, d) = coursebook::load(f.root(), coursebook::Audience::Trainer);
    let errs: Vec<_> = d
        .items
        .iter()
        .filter(|d| d.severity == coursebook::diagnostics::Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let e = errs[0];
    assert_eq!(e.path, "content/p/a.md");
    (
        e.line,
        e.col,
        e.message.clone(),
        e.hint.clone().unwrap_or_default(),
    )
}

const OK: &str = "day: 1\nblock: after-lunch\nduration: 10m\n";

#[test]
fn indented_more_points_at_the_line_itself() {
    let (l, c, m, h) = one_error(&format!("title: A\n  {OK}"));
    assert_eq!((l, c), (3, 3));
    assert_eq!(m, "this line is indented more than the one before");
    assert!(h.contains("line `day:` up with `title:` on line 2"), "{h}");
    // After blank lines, the line before is the last one with something on it.
    let (l, c, m, _) = one_error(&format!("title: A\n\n\n    {OK}"));
    assert_eq!((l, c), (5, 5));
    assert_eq!(m, "this line is indented more than the one before");
}

#[test]
fn indented_less_names_the_key_to_line_up_with() {
    let fm = format!("title: A\n{OK}prompts:\n  - text: Why?\n   note: Ask twice\n");
    let (l, c, m, h) = one_error(&fm);
    assert_eq!((l, c), (8, 4));
    assert!(
        m.starts_with("this line is indented less than the one before"),
        "{m}"
    );
    assert!(h.contains("line `note:` up with `text:` on line 7"), "{h}");
}

#[test]
fn a_colon_in_a_title_needs_quotes_and_the_hint_is_the_fix() {
    let (l, c, m, h) = one_error(&format!("title: Recording: why it matters\n{OK}"));
    assert_eq!((l, c), (2, 8));
    assert_eq!(m, "a colon inside a title needs quotes");
    assert_eq!(
        h,
        "put the value in quotes: title: \"Recording: why it matters\""
    );
    // Pasting the hint's line in fixes it.
    let fixed = h.trim_start_matches("put the value in quotes: ");
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &with(&format!("{fixed}\n{OK}"))),
    ]);
    f.build();
    assert_eq!(
        texts(&f.html("p/a.html"), "h1"),
        ["Recording: why it matters"]
    );
}

#[test]
fn a_tab_in_the_indentation() {
    let (l, c, m, h) = one_error(&format!("title: A\n{OK}materials:\n\t- pens\n"));
    assert_eq!((l, c), (7, 1));
    assert_eq!(m, "a tab is used for indenting: use spaces");
    assert!(h.contains("spaces"), "{h}");
    let (l, c, m, _) = one_error(&format!("title: A\n\t{OK}"));
    assert_eq!((l, c), (3, 1));
    assert_eq!(m, "a tab is used for indenting: use spaces");
}

#[test]
fn a_quote_never_closed_and_a_bracket_never_closed() {
    let (l, c, m, h) = one_error(&format!("title: \"Recording\n{OK}"));
    assert_eq!((l, c), (2, 8));
    assert_eq!(m, "the quote opened here is never closed");
    assert!(h.contains("matching \""), "{h}");
    let (l, c, m, h) = one_error(&format!(
        "title: A\n{OK}materials: [pens, paper\nformat: pairs\n"
    ));
    assert_eq!((l, c), (6, 12));
    assert_eq!(m, "the `[` opened here is never closed");
    assert!(h.contains("close it with `]`"), "{h}");
}

#[test]
fn a_key_given_twice_says_where_it_was_first() {
    let (l, c, m, _) = one_error(&format!("title: A\n{OK}title: B\n"));
    assert_eq!((l, c), (6, 1));
    assert_eq!(m, "`title` is given twice (first on line 2)");
}

#[test]
fn list_items_out_of_line() {
    // Less indented: the parser stops.
    let (l, c, m, h) = one_error(&format!("title: A\n{OK}materials:\n  - pens\n - paper\n"));
    assert_eq!((l, c), (8, 2));
    assert_eq!(
        m,
        "this list item `-` is indented less than the one on line 7: items of one list line up"
    );
    assert_eq!(h, "put the `-` in column 3, under the one on line 7");
    // More indented: YAML would read `pens - paper` as one item; refused.
    let (l, c, m, _) = one_error(&format!("title: A\n{OK}materials:\n- pens\n  - paper\n"));
    assert_eq!((l, c), (8, 3));
    assert!(m.contains("indented more than the one on line 7"), "{m}");
    // Under a key that already has a value: the item would join the value.
    let (l, c, m, h) = one_error(&format!("title: A\n{OK}materials: pens\n  - paper\n"));
    assert_eq!((l, c), (7, 3));
    assert_eq!(
        m,
        "a list item `-` under `materials`, which already has a value on line 6"
    );
    assert!(h.contains("leave nothing after `materials:`"), "{h}");
}

#[test]
fn the_printer_quotes_the_line_with_a_caret() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a.md",
            &with(&format!("title: Recording: why\n{OK}")),
        ),
        // Not only YAML: a wrong block is quoted too.
        (
            "content/p/b.md",
            "---\ntitle: B\nday: 1\nblock: after-lnch\nduration: 10m\n---\n",
        ),
    ]);
    let out = f.run(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "content/p/a.md:2:8: error: a colon inside a title needs quotes\n  2 | title: Recording: why\n    |        ^\n  = hint: put the value in quotes: title: \"Recording: why\""
        ),
        "{err}"
    );
    assert!(
        err.contains("content/p/b.md:4:8: error: unknown block `after-lnch`\n  4 | block: after-lnch\n    |        ^\n"),
        "{err}"
    );
    let out = f.run(&["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("  2 | title: Recording: why\n"), "{err}");
}

#[test]
fn unknown_keys_are_errors_with_the_closest_key() {
    let (l, c, m, h) = one_error(&format!("title: A\n{OK}materails: [pens]\n"));
    assert_eq!((l, c), (6, 1));
    assert_eq!(m, "unknown key `materails` in session front matter");
    assert_eq!(h, "did you mean `materials`?");
    let (_, _, m, h) = one_error(&format!("title: A\n{OK}keypoints: [Listen]\n"));
    assert_eq!(m, "unknown key `keypoints` in session front matter");
    assert_eq!(
        h,
        "use `objectives`, or list it under `extra-keys` in [content] of book.toml"
    );
}

#[test]
fn unknown_keys_in_programmes_pages_and_letters() {
    let f = Fixture::new(&[
        ("content/p/index.md", "---\ntitle: P\nvenu: Hall\n---\n"),
        ("content/p/notes.md", "---\ntitle: Notes\nsumary: x\n---\n"),
        ("content/about.md", "---\ntitle: About\nexercises: 3\n---\n"),
        (
            "content/p/letters/invite.md",
            "---\ntitle: Invite\ndescripton: x\n---\nDear all\n",
        ),
    ]);
    let errs = f.build_err();
    for want in [
        "content/p/index.md:3:1: error: unknown key `venu` in programme front matter\n  = hint: did you mean `venue`?",
        "content/p/notes.md:3:1: error: unknown key `sumary` in page front matter\n  = hint: did you mean `summary`?",
        "content/about.md:3:1: error: unknown key `exercises` in page front matter\n  = hint: use `duration`",
        "content/p/letters/invite.md:3:1: error: unknown key `descripton` in letter front matter",
    ] {
        assert!(
            errs.iter().any(|e| e.starts_with(want)),
            "{want}\n{errs:#?}"
        );
    }
}

#[test]
fn a_site_allows_its_own_keys_in_book_toml() {
    let s = with(&format!(
        "title: A\n{OK}keypoints: [Listen]\nexercises: 10\n"
    ));
    let page = "---\ntitle: Notes\nkeypoints: [x]\nexercises: 1\n---\n";
    let toml = "[book]\ntitle = \"T\"\n\n[content]\nextra-keys = [\"keypoints\"]\nextra-session-keys = [\"exercises\"]\n";
    let f = Fixture::new(&[
        ("book.toml", toml),
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &s),
        ("content/p/notes.md", page),
    ]);
    // `exercises` is allowed in sessions only: the page's is still an error, and only it.
    let errs = f.build_err();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].starts_with("content/p/notes.md:4:1: error: unknown key `exercises`"),
        "{errs:#?}"
    );
    let both = "[book]\ntitle = \"T\"\n\n[content]\nextra-keys = [\"keypoints\", \"exercises\"]\n";
    f.write("book.toml", both);
    f.build();
    // An unknown key in [content] itself stays a warning, as in the rest of book.toml.
    f.write("book.toml", &format!("{both}extra-kyes = []\n"));
    let r = f.build();
    let w: Vec<String> = r.diagnostics.items.iter().map(|d| d.to_string()).collect();
    assert!(
        w.iter().any(|d| d.starts_with("book.toml:6:1: warning: unknown key `extra-kyes` in [content]")),
        "{w:#?}"
    );
}

#[test]
fn durations_in_words() {
    let forms = [
        ("half an hour", 30),
        ("an hour", 60),
        ("a quarter of an hour", 15),
        ("quarter of an hour", 15),
        ("three quarters of an hour", 45),
        ("1.5 hours", 90),
        ("1 ½ hours", 90),
        ("1½ hours", 90),
        ("one hour", 60),
        ("two hours", 120),
        ("an hour and a half", 90),
        ("90 mins", 90),
        ("twelve minutes", 12),
    ];
    let two_days = "---\ntitle: P\ndays:\n  - { title: One }\n  - { title: Two }\n---\n";
    let mut files = vec![("content/p/index.md".to_string(), two_days.to_string())];
    for (i, (d, _)) in forms.iter().enumerate() {
        let day = 1 + (i % 2) as u32;
        files.push((
            format!("content/p/s{i:02}.md"),
            session(&format!("S{i}"), day, "after-lunch", d),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = Fixture::new(&refs);
    let (site, d) = coursebook::load(f.root(), coursebook::Audience::Trainer);
    let site = site.unwrap_or_else(|| panic!("{:#?}", d.items));
    let mut got: Vec<(String, u32)> = site.programmes[0]
        .sessions
        .iter()
        .map(|s| (s.src.clone(), s.minutes))
        .collect();
    got.sort();
    for (i, (d, m)) in forms.iter().enumerate() {
        assert_eq!(got[i], (format!("content/p/s{i:02}.md"), *m), "{d}");
    }
    // A form it cannot read lists the forms it can.
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a.md",
            &session("A", 1, "after-lunch", "half a day"),
        ),
    ]);
    let errs = f.build_err();
    assert!(
        errs[0].starts_with(
            "content/p/a.md:5:11: error: invalid `duration`: `half a day` is not a duration"
        ),
        "{errs:#?}"
    );
    assert!(
        errs[0].contains("half an hour | a quarter of an hour"),
        "{errs:#?}"
    );
}

#[test]
fn a_broken_links_hint_pasted_back_builds_clean() {
    let a = |link: &str| {
        format!("---\ntitle: A\nday: 1\nblock: after-lunch\nduration: 10m\n---\nSee [b]({link}).\n")
    };
    let b = session("B", 2, "after-lunch", "10m");
    let programme = "---\ntitle: P\ndays:\n  - { title: One, date: 2027-03-01 }\n  - { title: Two, date: 2027-03-02 }\n---\n";
    let f = Fixture::new(&[
        ("content/p/index.md", programme),
        ("content/p/day-1/a.md", &a("day-2/b.md")),
        ("content/p/day-2/b.md", &b),
    ]);
    let errs = f.build_err();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let e = &errs[0];
    assert!(
        e.starts_with("content/p/day-1/a.md:7:5: error: link to missing file `day-2/b.md`"),
        "{e}"
    );
    let hint = e
        .split("did you mean `")
        .nth(1)
        .and_then(|h| h.split('`').next())
        .unwrap_or_else(|| panic!("{e}"));
    assert_eq!(hint, "../day-2/b.md");
    f.write("content/p/day-1/a.md", &a(hint));
    f.build();
    let doc = f.html("p/day-1/a.html");
    let href = doc
        .select(&sel("main a[href*='b.html']"))
        .next()
        .and_then(|x| x.value().attr("href"))
        .unwrap_or_else(|| panic!("no link"));
    assert_eq!(resolve("p/day-1/a.html", href), "p/day-2/b.html");
}

#[test]
fn a_link_to_a_file_with_errors_says_so() {
    let a = "---\ntitle: A\nday: 1\nblock: after-lunch\nduration: 10m\n---\nSee [x](03-x.md).\n";
    let x = "---\ntitle: X: why\nday: 1\nblock: after-lunch\nduration: 10m\n---\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/01-a.md", a),
        ("content/p/03-x.md", x),
    ]);
    let errs = f.build_err();
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(
        errs[0].starts_with("content/p/01-a.md:7:5: error: link to `03-x.md`: `content/p/03-x.md` has errors of its own (reported with it); the link will work once they are fixed"),
        "{errs:#?}"
    );
    assert!(!errs[0].contains("missing"), "{errs:#?}");
    assert!(
        errs[1].starts_with("content/p/03-x.md:2:8: error: a colon inside a title needs quotes"),
        "{errs:#?}"
    );
}

#[test]
fn every_error_of_every_file_in_one_run() {
    let many = "---\ntitle: Many\nday: 1\nblock: after-cofee\nduration: a while\nmaterails: [pens]\n---\nSee [gone](gone.md).\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", many),
        ("content/p/b.md", &with(&format!("title: A\n  {OK}"))),
        (
            "content/p/c.md",
            &with(&format!("title: C\n{OK}title: D\n")),
        ),
        (
            "content/p/d.md",
            &with(&format!("title: D\n{OK}keypoints: [x]\n")),
        ),
    ]);
    let errs = f.build_err();
    for want in [
        "content/p/a.md:4:8: error: unknown block `after-cofee`",
        "content/p/a.md:5:11: error: invalid `duration`: `a while` is not a duration",
        "content/p/a.md:6:1: error: unknown key `materails`",
        "content/p/b.md:3:3: error: this line is indented more than the one before",
        "content/p/c.md:6:1: error: `title` is given twice (first on line 2)",
        "content/p/d.md:6:1: error: unknown key `keypoints`",
    ] {
        assert!(
            errs.iter().any(|e| e.starts_with(want)),
            "{want}\n{errs:#?}"
        );
    }
}

/// The table of common mistakes: (front matter after `title`-less start, line, col, message).
/// Each is a whole front matter; the file's line 2 is its first line.
const MISTAKES: &[(&str, usize, usize, &str)] = &[
    // A colon inside another value.
    (
        "title: A\nday: 1\nblock: after-lunch\nduration: 10m\nsummary: Notes: the why\n",
        6,
        10,
        "a colon inside `summary` needs quotes",
    ),
    // Values that start with a character YAML reads as something else.
    (
        "title: *Draft* notes\nday: 1\n",
        2,
        8,
        "a value that starts with `*` needs quotes",
    ),
    (
        "title: @home\nday: 1\n",
        2,
        8,
        "a value that starts with `@` needs quotes",
    ),
    (
        "title: `code` review\nday: 1\n",
        2,
        8,
        "a value that starts with a backtick needs quotes",
    ),
    (
        "title: [Draft] Recording\nday: 1\n",
        2,
        8,
        "a value that starts with `[` needs quotes",
    ),
    // Text after a closing quote.
    (
        "title: 'Children's voices'\nday: 1\n",
        2,
        8,
        "text goes on after the closing quote",
    ),
    (
        "title: \"Recording\" in practice\nday: 1\n",
        2,
        8,
        "text goes on after the closing quote",
    ),
    // No colon after a key.
    (
        "title: A\nday 1\nblock: after-lunch\n",
        3,
        1,
        "`day 1` is not a `key: value` line",
    ),
    // A list item at the top level, under a key with a value.
    (
        "title: A\n- pens\n",
        3,
        1,
        "a list item `-` under `title`, which already has a value on line 2",
    ),
    // A key where the list's `-` stands.
    (
        "title: A\nprompts:\n  - text: a\n  note: b\nday: 1\n",
        5,
        3,
        "this line is indented less than the one before: it stands where the list's `-` does",
    ),
    // A list item out of line after a nested key.
    (
        "title: A\nprompts:\n  - text: a\n    note: b\n   - text: c\nday: 1\n",
        6,
        4,
        "this list item `-` is indented more than the one on line 4",
    ),
    // A key at no level above it.
    (
        "title: A\nobjectives:\n  - one\n day: 1\n",
        5,
        2,
        "this line is indented less than the one before, and lines up with nothing above it",
    ),
    // A quoted value, then a line indented under it.
    (
        "title: \"A\"\n  day: 1\n",
        3,
        3,
        "this line is indented more than the one before",
    ),
    // Text of a `|` block less indented than the block.
    (
        "title: A\nsummary: |\n  text\n more\n",
        5,
        2,
        "this line is indented less than the one before",
    ),
    // A backslash escape YAML does not know, and a bracket too many.
    (
        "title: \"C:\\Users\\notes\"\n",
        2,
        8,
        "a backslash `\\` inside double quotes",
    ),
    (
        "title: A\nobjectives: [a, b]]\n",
        3,
        19,
        "this `]` closes nothing",
    ),
    // The first line indented.
    (
        "  title: A\nday: 1\n",
        2,
        3,
        "the first line is indented: front matter starts at the left edge",
    ),
];

#[test]
fn the_table_of_common_mistakes() {
    for (fm, line, col, msg) in MISTAKES {
        let f = Fixture::new(&[
            ("content/p/index.md", PROGRAMME),
            ("content/p/a.md", &with(fm)),
        ]);
        let (_, d) = coursebook::load(f.root(), coursebook::Audience::Trainer);
        let e = d
            .items
            .iter()
            .find(|d| d.path == "content/p/a.md")
            .unwrap_or_else(|| panic!("{fm}: {:#?}", d.items));
        assert_eq!((e.line, e.col), (*line, *col), "{fm}: {e}");
        assert!(e.message.starts_with(msg), "{fm}: {e}");
        assert!(e.hint.is_some(), "{fm}: {e}");
    }
}

#[test]
fn a_comment_after_a_key_is_not_a_value() {
    // `materials:   # for the room` opens a list: its items are not "under a value".
    let fm = format!("title: A\n{OK}materials:   # for the room\n  - pens\n  - paper\n");
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &with(&fm)),
    ]);
    let (site, d) = coursebook::load(f.root(), coursebook::Audience::Trainer);
    assert!(
        !d.items
            .iter()
            .any(|d| d.severity == coursebook::diagnostics::Severity::Error),
        "{:#?}",
        d.items
    );
    let s = &site.expect("a site").programmes[0].sessions[0];
    assert_eq!(s.materials.len(), 2);
}
