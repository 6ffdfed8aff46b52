//! Work linear in the file: inputs that cost quadratic (or worse) time or memory before
//! finish, and the per-file budgets for tables and nesting give their errors. The time limit
//! only catches hangs (generous, and never a measure of speed: `cargo bench --bench hot`
//! shows how the cost grows).

mod common;

use std::sync::mpsc;
use std::time::Duration;

use common::{Fixture, PROGRAMME};
use coursebook::Audience;

/// Runs `f` on a thread and fails the test if it has not finished after a minute.
fn finishes<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(v) => v,
        Err(_) => panic!("{what} did not finish in 60 s"),
    }
}

fn check(f: &Fixture) -> Vec<String> {
    let root = f.root().to_path_buf();
    finishes("coursebook check", move || {
        coursebook::check(&root, Audience::Trainer)
            .sorted()
            .iter()
            .map(|d| d.to_string())
            .collect()
    })
}

#[test]
fn twenty_thousand_identical_headings_get_their_ids() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/notes.md", &"## Intro\n\n".repeat(20_000)),
    ]);
    let root = f.root().to_path_buf();
    finishes("a build of 20,000 identical headings", move || {
        coursebook::build(&coursebook::BuildOptions {
            root,
            ..Default::default()
        })
        .map(|_| ())
        .map_err(|d| format!("{:?}", d.sorted()))
    })
    .unwrap_or_else(|e| panic!("build failed: {e}"));
    let doc = f.html("p/notes.html");
    let ids: Vec<String> = doc
        .select(&common::sel("main h2"))
        .filter_map(|h| h.value().id().map(str::to_string))
        .collect();
    assert_eq!(ids.len(), 20_000);
    assert_eq!(&ids[..3], ["intro", "intro-1", "intro-2"]);
    assert_eq!(ids[19_999], "intro-19999");
}

#[test]
fn five_thousand_unclosed_placeholders_are_each_reported() {
    // Before, each `{{` counted the lines of everything before it and searched the rest of
    // the body for `}}`: with three million lines first, that never finished.
    let mut body = String::from("---\ntitle: Invitation\n---\nDear you,\n");
    body.push_str(&"\n".repeat(3_000_000));
    body.push_str(&"{{ name\n".repeat(5_000));
    body.push_str("Yours, {{ organisation }}\n");
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/letters/invitation.md", &body),
    ]);
    let diags = check(&f);
    let unclosed: Vec<&String> = diags
        .iter()
        .filter(|d| d.contains("is not closed by `}}`"))
        .collect();
    assert_eq!(unclosed.len(), 5_000, "{:?}", &diags[..diags.len().min(5)]);
    let first_line = 3 + 1 + 3_000_000 + 1;
    assert!(
        unclosed.iter().any(|d| d.starts_with(&format!(
            "content/p/letters/invitation.md:{first_line}:1: error:"
        ))),
        "{}",
        unclosed[0]
    );
    assert!(unclosed.iter().any(|d| d.starts_with(&format!(
        "content/p/letters/invitation.md:{}:1: error:",
        first_line + 4_999
    ))));
}

#[test]
fn a_wide_table_over_narrow_rows_is_refused_at_its_line() {
    // 40,000 columns and 2,000 rows of one cell each: 80 million cells once padded.
    let cols = 40_000;
    let mut body = String::from("---\ntitle: Wide\n---\nIntro.\n\n");
    body.push_str(&"| a ".repeat(cols));
    body.push_str("|\n");
    body.push_str(&"|---".repeat(cols));
    body.push_str("|\n");
    body.push_str(&"| x |\n".repeat(2_000));
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/wide.md", &body),
    ]);
    let diags = check(&f);
    let err = diags
        .iter()
        .find(|d| d.contains("cells"))
        .unwrap_or_else(|| panic!("no table error in {diags:?}"));
    assert!(
        err.starts_with("content/p/wide.md:6:1: error: this table makes up to"),
        "{err}"
    );
    assert!(err.contains("40000 columns, 2001 rows"), "{err}");
    assert!(err.contains("100000 cells"), "{err}");
    assert!(err.contains("hint: split it"), "{err}");
}

#[test]
fn ordinary_tables_under_the_budget_build() {
    // 20 columns by 4,000 rows: 80,020 cells, under the budget of 100,000.
    let mut body = String::from("---\ntitle: Long\n---\n");
    body.push_str(&"| h ".repeat(20));
    body.push_str("|\n");
    body.push_str(&"|---".repeat(20));
    body.push_str("|\n");
    for i in 0..4_000 {
        body.push_str(&format!("| {i} ").repeat(20));
        body.push_str("|\n");
    }
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/long.md", &body),
    ]);
    let diags = check(&f);
    assert!(diags.iter().all(|d| !d.contains("error")), "{diags:?}");
}

#[test]
fn deep_nesting_is_refused_at_its_line() {
    let mut body = String::from("---\ntitle: Deep\n---\nIntro.\n\n");
    body.push_str(&">".repeat(100_000));
    body.push_str(" deep\n");
    body.push_str(&"lazy line\n".repeat(100_000));
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/deep.md", &body),
    ]);
    let diags = check(&f);
    let err = diags
        .iter()
        .find(|d| d.contains("levels deep"))
        .unwrap_or_else(|| panic!("no nesting error in {diags:?}"));
    assert!(
        err.starts_with("content/p/deep.md:6:257: error: Markdown nested 257 levels deep"),
        "{err}"
    );
    assert!(err.contains("at most 256"), "{err}");
}

#[test]
fn nesting_within_the_limit_builds() {
    let mut body = String::from("---\ntitle: Nested\n---\n");
    for i in 0..40 {
        body.push_str(&"  ".repeat(i));
        body.push_str("- level\n");
    }
    body.push_str(&format!("\n{} quoted\n", "> ".repeat(60)));
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/nested.md", &body),
    ]);
    let diags = check(&f);
    assert!(diags.iter().all(|d| !d.contains("error")), "{diags:?}");
}
