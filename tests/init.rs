//! `coursebook init` gives a site that builds and checks clean; `coursebook new session`
//! adds a session that falls in place; neither overwrites anything.

use std::path::Path;
use std::process::Command;

use coursebook::Audience;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_coursebook"))
}

fn timetable(root: &Path) -> Vec<csv::StringRecord> {
    let report = coursebook::build(&coursebook::BuildOptions {
        root: root.to_path_buf(),
        dest: None,
        audience: Audience::Trainer,
        ..Default::default()
    })
    .unwrap();
    let mut rd = csv::Reader::from_path(report.dest.join("course/timetable.csv")).unwrap();
    rd.records().map(Result::unwrap).collect()
}

#[test]
fn init_makes_a_site_that_checks_and_builds_clean() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("new-course");
    let out = bin().arg("init").arg(&root).output().unwrap();
    assert_eq!(out.status.code(), Some(0));

    let diags = coursebook::check(&root, Audience::Trainer);
    assert!(problems(&diags).is_empty(), "{:?}", diags.items);
    let diags = coursebook::check(&root, Audience::Participant);
    assert!(problems(&diags).is_empty(), "{:?}", diags.items);

    // One day; three sessions across two blocks, with a break between them.
    let rows = timetable(&root);
    let sessions: Vec<_> = rows.iter().filter(|r| &r[5] == "session").collect();
    assert_eq!(sessions.len(), 3);
    assert!(rows.iter().all(|r| &r[0] == "1"));
    let blocks: std::collections::BTreeSet<&str> = sessions.iter().map(|r| &r[7]).collect();
    assert_eq!(blocks.len(), 2, "{blocks:?}");
    assert!(rows.iter().any(|r| &r[5] == "break"));
    assert!(root.join("site/course/letters/invitation.html").is_file());

    // Never overwrites: a second init fails and leaves the files as they were.
    let book = root.join("book.toml");
    std::fs::write(&book, "[book]\ntitle = \"Mine\"\n").unwrap();
    let out = bin().arg("init").arg(&root).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("never overwrites"));
    assert_eq!(
        std::fs::read_to_string(&book).unwrap(),
        "[book]\ntitle = \"Mine\"\n"
    );
}

#[test]
fn new_session_falls_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    coursebook::init::init(root).unwrap();
    let out = bin()
        .args([
            "new",
            "session",
            "Case studies: \"real\" ones",
            "--programme",
            "course",
            "--day",
            "1",
            "--block",
            "afternoon",
            "--duration",
            "30m",
            "--root",
        ])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = root.join("content/course/day-1/04-case-studies-real-ones.md");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        path.display().to_string()
    );
    let text = std::fs::read_to_string(&path).unwrap();
    for key in [
        "title:",
        "day: 1",
        "block: afternoon",
        "duration: 30m",
        "format:",
        "summary:",
        "objectives:",
        "prompts:",
        "materials:",
    ] {
        assert!(text.contains(key), "{key} in\n{text}");
    }
    let diags = coursebook::check(root, Audience::Trainer);
    assert!(problems(&diags).is_empty(), "{:?}", diags.items);

    // Last in the afternoon, with its title as written.
    let rows = timetable(root);
    let last = rows.iter().rfind(|r| &r[5] == "session").unwrap();
    assert_eq!(&last[6], "Case studies: \"real\" ones");
    assert_eq!(&last[4], "30");
    assert_eq!(&last[9], "course/day-1/04-case-studies-real-ones.html");

    // The next one is numbered after it; a new day gets a folder of its own.
    let run = |args: &[&str]| {
        bin()
            .args(["new", "session"])
            .args(args)
            .arg("--root")
            .arg(root)
            .output()
            .unwrap()
    };
    assert_eq!(run(&["Wrap up"]).status.code(), Some(0));
    assert!(root.join("content/course/day-1/05-wrap-up.md").is_file());
    assert_eq!(run(&["Day two", "--day", "2"]).status.code(), Some(0));
    assert!(root.join("content/course/day-2/01-day-two.md").is_file());

    // Mistakes are reported with a suggestion, and nothing is written.
    let out = run(&["Oops", "--block", "afternon"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `afternoon`?"));
    let out = run(&["Oops", "--duration", "30 minuets"]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["Oops", "--programme", "cours"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `course`?"));
    assert!(!root.join("content/course/day-1/06-oops.md").exists());
}

/// Errors and warnings; notes (a day without a date, say) are information.
fn problems(d: &coursebook::diagnostics::Diagnostics) -> Vec<&coursebook::diagnostics::Diagnostic> {
    d.items
        .iter()
        .filter(|x| x.severity != coursebook::diagnostics::Severity::Note)
        .collect()
}
