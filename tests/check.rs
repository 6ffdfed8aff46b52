//! `coursebook check` on a fixture with one of each kind of problem: every one is found, in
//! one run, at its file and line.

use std::path::Path;
use std::process::Command;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// (file, line, severity, a piece of the message)
type Expect = (&'static str, usize, &'static str, &'static str);

const EXPECTED: &[Expect] = &[
    (
        "content/p/day-1/01-bad-yaml.md",
        3,
        "error",
        "the `[` opened here is never closed",
    ),
    ("content/p/day-1/02-wrong-type.md", 3, "error", "`day`"),
    (
        "content/p/day-1/03-unknown-key.md",
        5,
        "error",
        "unknown key `duraton`",
    ),
    (
        "content/p/day-1/04-missing.md",
        2,
        "error",
        "missing required key `duration`",
    ),
    (
        "content/p/day-1/05-duration.md",
        5,
        "error",
        "invalid `duration`",
    ),
    (
        "content/p/day-1/06-block.md",
        4,
        "error",
        "unknown block `mornin`",
    ),
    (
        "content/p/day-1/07-day.md",
        3,
        "error",
        "day 5 is out of range",
    ),
    (
        "content/p/day-1/09-order-b.md",
        6,
        "warning",
        "`order: 1` is also used",
    ),
    ("content/p/day-1/10-links.md", 9, "error", "nowhere.md"),
    (
        "content/p/day-1/10-links.md",
        10,
        "error",
        "#no-such-heading",
    ),
    (
        "content/p/day-1/11-same-as.md",
        6,
        "error",
        "`same_as: nothing.md`",
    ),
    (
        "content/p/day-1/12-uses.md",
        6,
        "warning",
        "no session of this programme produces it",
    ),
    (
        "content/p/day-1/13-letters.md",
        6,
        "error",
        "unknown letter `invitaton`",
    ),
    (
        "content/p/letters/invitation.md",
        6,
        "error",
        "placeholder `recipient`",
    ),
    (
        "content/p/day-1/14-uses-early.md",
        7,
        "warning",
        "produced only later",
    ),
    ("content/p/index.md", 9, "warning", "min past its end at"),
    ("content/p/index.md", 5, "warning", "runs 50 min into Lunch"),
    ("book.toml", 5, "warning", "unknown key `autors`"),
];

fn fixture(root: &Path) {
    write(
        root,
        "book.toml",
        "[book]\ntitle = \"Fixture\"\n\n\nautors = [\"x\"]\n",
    );
    write(
        root,
        "content/p/index.md",
        "---\ntitle: P\nstart: \"09:30\"\nblocks:\n  - { id: morning, title: Morning }\n  - { break: Lunch, duration: 45m, at: \"11:00\" }\n  - { id: afternoon, title: Afternoon }\n\nend: \"13:00\"\ndays:\n  - { title: Day one }\n---\nThe programme.\n",
    );
    let s = |rel: &str, fm: &str, body: &str| {
        write(root, rel, &format!("---\n{fm}---\n{body}"));
    };
    // Morning: 10m + 1h + 1h + 10m from 09:30 -> 11:50, 50 min into a lunch at 11:00.
    s(
        "content/p/day-1/01-bad-yaml.md",
        "title: Bad\nday: [1\n",
        "",
    );
    s(
        "content/p/day-1/02-wrong-type.md",
        "title: Wrong type\nday: one\nblock: morning\nduration: 10m\n",
        "",
    );
    s(
        "content/p/day-1/03-unknown-key.md",
        "title: Unknown key\nday: 1\nblock: morning\nduraton: 10m\nduration: 10m\n",
        "",
    );
    s(
        "content/p/day-1/04-missing.md",
        "title: Missing\nday: 1\nblock: morning\n",
        "",
    );
    s(
        "content/p/day-1/05-duration.md",
        "title: Duration\nday: 1\nblock: morning\nduration: 30 minuets\n",
        "",
    );
    s(
        "content/p/day-1/06-block.md",
        "title: Block\nday: 1\nblock: mornin\nduration: 10m\n",
        "",
    );
    s(
        "content/p/day-1/07-day.md",
        "title: Day\nday: 5\nblock: morning\nduration: 10m\n",
        "",
    );
    s(
        "content/p/day-1/08-order-a.md",
        "title: Order A\nday: 1\nblock: morning\nduration: 1h\norder: 1\nproduces: [notes]\n",
        "# Order A\n",
    );
    s(
        "content/p/day-1/09-order-b.md",
        "title: Order B\nday: 1\nblock: morning\nduration: 1h\norder: 1\n",
        "",
    );
    s(
        "content/p/day-1/10-links.md",
        "title: Links\nday: 1\nblock: afternoon\nduration: 10m\n",
        "Text.\n\n[a broken link](nowhere.md)\n[a broken anchor](08-order-a.md#no-such-heading)\n",
    );
    s(
        "content/p/day-1/11-same-as.md",
        "title: Same as\nday: 1\nblock: afternoon\nduration: 10m\nsame_as: nothing.md\n",
        "",
    );
    s(
        "content/p/day-1/12-uses.md",
        "title: Uses\nday: 1\nblock: afternoon\nduration: 10m\nuses: [nothing-at-all]\n",
        "",
    );
    s(
        "content/p/day-1/13-letters.md",
        "title: Letters\nday: 1\nblock: afternoon\nduration: 10m\nletters: [invitaton]\n",
        "",
    );
    s(
        "content/p/day-1/14-uses-early.md",
        "title: Uses early\nday: 1\nblock: morning\nduration: 10m\norder: 0\nuses: [later-thing]\n",
        "",
    );
    s(
        "content/p/day-1/15-produces-late.md",
        "title: Produces late\nday: 1\nblock: afternoon\nduration: 3h\nproduces: [later-thing]\n",
        "",
    );
    write(
        root,
        "content/p/letters/invitation.md",
        "---\ntitle: Invitation\n---\nDear friend,\n\nHello {{ recipient }}.\n",
    );
}

#[test]
fn check_finds_every_problem_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fixture(root);
    let out = Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "errors mean exit 1");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Notes (such as the one about undated days) are information, not problems.
    let diags: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "note")
        .collect();
    let shown: Vec<String> = diags
        .iter()
        .map(|d| {
            format!(
                "{}:{}: {}: {}",
                d["path"].as_str().unwrap(),
                d["line"],
                d["severity"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    let mut missing = Vec::new();
    for (path, line, sev, msg) in EXPECTED {
        let found = diags.iter().any(|d| {
            d["path"] == *path
                && d["line"] == *line
                && d["severity"] == *sev
                && d["message"].as_str().unwrap().contains(msg)
        });
        if !found {
            missing.push(format!("{path}:{line}: {sev}: …{msg}…"));
        }
    }
    assert!(
        missing.is_empty(),
        "not found:\n{}\n\nreported:\n{}",
        missing.join("\n"),
        shown.join("\n")
    );
    // Nothing else is reported, every problem comes with a hint, and the counts add up.
    assert_eq!(diags.len(), EXPECTED.len(), "{}", shown.join("\n"));
    for d in diags {
        assert!(d["hint"].is_string(), "no hint: {d}");
        assert!(d["col"].as_u64().unwrap() >= 1, "no column: {d}");
    }
    let errors = EXPECTED.iter().filter(|e| e.2 == "error").count();
    assert_eq!(report["errors"], errors);
    assert_eq!(report["warnings"], EXPECTED.len() - errors);
    // Nothing was written.
    assert!(!root.join("site").exists());
}

#[test]
fn human_format_is_path_line_col() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fixture(root);
    let out = Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .args(["check", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains(
            "content/p/day-1/05-duration.md:5:11: error: invalid `duration`: `30 minuets` is not a duration\n  5 | duration: 30 minuets\n    |           ^\n  = hint: accepted forms:"
        ),
        "{text}"
    );
    assert!(text.contains("check failed"), "{text}");
}

#[test]
fn warnings_fail_only_when_denied() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    coursebook::init::init(root).unwrap();
    // An unknown key in book.toml is a warning (in front matter it is an error).
    let p = root.join("book.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(
        &p,
        text.replacen("[book]\n", "[book]\ncolour = \"red\"\n", 1),
    )
    .unwrap();
    let run = |deny: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_coursebook"));
        c.args(["check", "--format", "json", "--root"]).arg(root);
        if deny {
            c.arg("--deny-warnings");
        }
        let out = c.output().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["warnings"], 1, "{report}");
        assert_eq!(report["diagnostics"][0]["line"], 2, "{report}");
        assert_eq!(report["diagnostics"][0]["path"], "book.toml", "{report}");
        out.status.code()
    };
    assert_eq!(run(false), Some(0));
    assert_eq!(run(true), Some(1));
}

/// One mistake, one message: a session left out of the timetable by its own error does not
/// make the sessions that use what it produces report that nothing does.
#[test]
fn no_cascade_from_a_dropped_session() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    coursebook::init::init(root).unwrap();
    let p = root.join("content/course/day-1/02-first-exercise.md");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("block: morning", "block: mornin")).unwrap();
    let diags = coursebook::check(root, coursebook::Audience::Trainer);
    let shown: Vec<String> = diags
        .items
        .iter()
        .filter(|d| d.severity != coursebook::diagnostics::Severity::Note)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(shown[0].starts_with(
        "content/course/day-1/02-first-exercise.md:4:8: error: unknown block `mornin`"
    ));
}
