//! `coursebook import carpentries`: the day rule from book.toml's `[import]` (the flags
//! win), and references to link definitions that could not be kept made text.

mod common;
mod import_support;

use common::Fixture;
use coursebook::Audience;
use import_support::{assert_checks_clean, build_into, fixture_dir, imported_as, lesson, stderr};

/// The sessions' (day, start) as the timetable CSV lists them.
fn session_starts(f: &Fixture) -> Vec<String> {
    let site = f.root().join("trainer");
    build_into(f, Audience::Trainer, &site);
    let csv = std::fs::read_to_string(site.join("shell-novice/timetable.csv")).unwrap();
    csv.lines()
        .filter(|l| l.contains(",session,"))
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            format!("{} {}", c[0], c[2])
        })
        .collect()
}

#[test]
fn the_day_rule_comes_from_book_toml_and_the_flags_win() {
    // The file gives the rule of the flags test below, but for an afternoon break after the
    // day's end, which only the flag (`none`) makes a rule at all.
    let f = Fixture::new(&[(
        "book.toml",
        "[book]\ntitle = \"T\"\n\n[import]\nend = \"13:00\"\nlunch = \"none\"\nafternoon-break = \"16:00/15\"\n",
    )]);
    let lesson = fixture_dir("carpentries/shell-novice");
    let refused = f.run(&["import", "carpentries", lesson.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("the day ends at 13:00, before 16:15"),
        "{}",
        stderr(&refused)
    );
    let out = f.run(&[
        "import",
        "carpentries",
        lesson.to_str().unwrap(),
        "--afternoon-break",
        "none",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_checks_clean(&f, Audience::Trainer);
    assert_eq!(
        session_starts(&f),
        [
            "1 09:30", "1 09:35", "1 11:15", "1 12:05", "2 09:30", "2 11:15", "2 12:00"
        ]
    );

    // A value not in the flag's form is an error at its line; an unknown key a warning.
    let bad = Fixture::new(&[(
        "book.toml",
        "[book]\ntitle = \"T\"\n[import]\nlunch = \"12.30\"\nstrat = \"09:00\"\n",
    )]);
    let out = bad.run(&["import", "carpentries", lesson.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("book.toml:4:9: error: `lunch` in [import] is not a break: `12.30`"),
        "{err}"
    );
    assert!(
        err.contains("book.toml:5:1: warning: unknown key `strat` in [import]"),
        "{err}"
    );
    assert!(err.contains("did you mean `start`?"), "{err}");
    assert!(!bad.root().join("content").exists());
}

#[test]
fn references_to_a_definition_left_out_become_text() {
    // `gone` names a file that is not there (in the episode and in links.md); `kept` one
    // that is; `[x]` in code stays as written.
    let l = lesson(&[
        ("config.yaml", "title: 'Refs'\nepisodes:\n- a.md\n"),
        (
            "episodes/a.md",
            "---\ntitle: A\nteaching: 10\n---\n\nOpen [the data][gone], [Gone][] or [gone], \
             and [the notes][kept], ![a chart][fig].\n\n`[x][gone]`\n\n\
             [gone]: data/missing.csv\n[kept]: data/here.csv\n",
        ),
        ("episodes/data/here.csv", "a,b\n"),
        ("links.md", "[fig]: fig/missing.png\n"),
    ]);
    let (f, report) = imported_as("carpentries", l.path(), &["--programme", "refs"]);
    let text = std::fs::read_to_string(f.root().join("content/refs/episodes/a.md")).unwrap();
    assert!(
        text.contains("Open the data, Gone or gone, and [the notes][kept], *a chart*."),
        "{text}"
    );
    assert!(text.contains("`[x][gone]`"), "{text}");
    assert!(text.contains("[kept]: data/here.csv"), "{text}");
    assert!(
        !text.contains("[gone]:") && !text.contains("[fig]:"),
        "{text}"
    );
    assert!(
        report.contains(
            "episodes/a.md:10:1: note: link definition `[gone]` left out, its references made text"
        ),
        "{report}"
    );
    assert_checks_clean(&f, Audience::Participant);
}
