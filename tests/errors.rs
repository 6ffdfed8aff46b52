//! Bad input: every problem reported in one run, at its line and column, with a hint;
//! exit codes; and a failed build leaves the previous site alone.

mod common;
use common::*;

#[test]
fn every_front_matter_error_in_one_run_at_its_line() {
    let bad =
        "---\ntitle: Broken\nday: 1\nblock: after-cofee\nduration: 30 minuets\nformt: pairs\n---\n";
    let no_title = "---\nday: 1\nblock: after-lunch\nduration: 10m\n---\n";
    let yaml = "---\ntitle: [unclosed\nday: 1\n---\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", bad),
        ("content/p/b.md", no_title),
        ("content/p/c.md", yaml),
        ("content/p/d.md", &session("Far", 7, "after-tea", "10m")),
    ]);
    let errs = f.build_err();
    let find = |needle: &str| {
        errs.iter()
            .find(|e| e.contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` in {errs:#?}"))
            .clone()
    };
    let e = find("unknown block `after-cofee`");
    assert!(e.starts_with("content/p/a.md:4:8: error:"), "{e}");
    assert!(e.contains("did you mean `after-coffee`?"), "{e}");
    let e = find("30 minuets");
    assert!(e.starts_with("content/p/a.md:5:11: error:"), "{e}");
    assert!(e.contains("accepted forms:"), "{e}");
    let e = find("unknown key `formt`");
    assert!(e.starts_with("content/p/a.md:6:1: error:"), "{e}");
    assert!(e.contains("did you mean `format`?"), "{e}");
    let e = find("missing required key `title`");
    assert!(e.starts_with("content/p/b.md:"), "{e}");
    let e = find("the `[` opened here is never closed");
    assert!(e.starts_with("content/p/c.md:2:8: error:"), "{e}");
    let e = find("day 7 is out of range");
    assert!(e.starts_with("content/p/d.md:3:6: error:"), "{e}");
}

#[test]
fn a_word_for_a_number_gets_an_example_it_could_use() {
    let a = "---\ntitle: A\nday: 1\nblock: after-lunch\nduration: 10m\norder: soon\n---\n";
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME), ("content/p/a.md", a)]);
    let errs = f.build_err();
    let e = errs
        .iter()
        .find(|e| e.contains("`order` must be a whole number"))
        .unwrap_or_else(|| panic!("{errs:#?}"));
    assert!(e.starts_with("content/p/a.md:6:8: error:"), "{e}");
    // Not the least number it accepts (i64::MIN), which no one would write.
    assert!(e.contains("for example `order: 1`"), "{e}");
}

#[test]
fn broken_links_and_anchors_are_errors_at_their_line() {
    let a = "---\ntitle: A\nday: 1\nblock: after-lunch\nduration: 10m\n---\n## Real heading\n\nSee [b](b.md), [gone](missing.md)\nand [bad anchor](b.md#nowhere), [here](#real-heading), [img](nope.png).\n";
    let b = "---\ntitle: B\nday: 1\nblock: after-lunch\nduration: 10m\n---\n## Somewhere\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", a),
        ("content/p/b.md", b),
    ]);
    let errs = f.build_err();
    assert_eq!(errs.len(), 3, "{errs:#?}");
    assert!(
        errs[0].starts_with("content/p/a.md:9:16: error: link to missing file `missing.md`"),
        "{errs:#?}"
    );
    assert!(
        errs[1].starts_with("content/p/a.md:10:5: error: link to `b.md#nowhere`"),
        "{errs:#?}"
    );
    assert!(errs[1].contains("its headings: somewhere"), "{errs:#?}");
    assert!(
        errs[2].starts_with("content/p/a.md:10:56: error: link to missing file `nope.png`"),
        "{errs:#?}"
    );
    assert!(errs[2].contains("assets/"), "{errs:#?}");
}

#[test]
fn cli_exit_codes_and_summary() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &session("A", 1, "after-tea", "10m")),
    ]);
    let ok = f.run(&["build"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let err = String::from_utf8_lossy(&ok.stderr);
    assert!(
        err.contains("wrote") && err.contains("pages") && err.contains("ms"),
        "{err}"
    );
    assert!(!err.contains('\x1b'), "no colour when not on a terminal");
    assert!(
        !err.contains("note:"),
        "build leaves notes (no dates here) to check: {err}"
    );

    let bad_args = f.run(&["build", "--no-such-flag"]);
    assert_eq!(bad_args.status.code(), Some(2));
    let version = f.run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));

    f.write(
        "content/p/a.md",
        &session("A", 1, "after-tea", "ten minuets"),
    );
    let bad = f.run(&["build"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("content/p/a.md:5:11: error: invalid `duration`"),
        "{err}"
    );
    assert!(err.contains("previous site"), "{err}");
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a.md",
            &session("Original", 1, "after-tea", "10m"),
        ),
    ]);
    f.build();
    let before = f.read("p/a.html");
    f.write(
        "content/p/a.md",
        &session("Changed", 1, "no-such-block", "10m"),
    );
    f.build_err();
    assert_eq!(f.read("p/a.html"), before);
    assert!(f.site().join(".coursebook").exists());
}

#[test]
fn book_toml_problems() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\ntitel = \"x\"\n[build]\nbuild_dir = \"out\"\n",
        ),
        ("content/index.md", "Hi\n"),
    ]);
    let r = f.build();
    let w: Vec<String> = r.diagnostics.items.iter().map(|d| d.to_string()).collect();
    assert!(
        w.iter().any(
            |x| x.starts_with("book.toml:3:1: warning: unknown key `titel`")
                && x.contains("`title`")
        ),
        "{w:#?}"
    );
    assert!(
        w.iter().any(
            |x| x.starts_with("book.toml:5:1: warning: unknown key `build_dir`")
                && x.contains("`build-dir`")
        ),
        "{w:#?}"
    );

    let f = Fixture::new(&[("book.toml", "[book]\nauthors = [\"A\"]\n")]);
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing `title` in [book]"));
}

#[test]
fn refuses_to_build_over_the_content_or_an_unmarked_folder() {
    let f = Fixture::new(&[
        ("content/index.md", "Hi\n"),
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n[build]\nbuild-dir = \"content\"\n",
        ),
    ]);
    let errs = f.build_err();
    assert!(errs[0].contains("refusing to build into"), "{errs:?}");
    assert!(f.root().join("content/index.md").exists());

    let f = Fixture::new(&[("content/index.md", "Hi\n"), ("notes/keep.txt", "mine")]);
    let out = f.run(&["build", "--dest", "notes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did not create"));
    assert_eq!(
        std::fs::read_to_string(f.root().join("notes/keep.txt")).unwrap(),
        "mine"
    );
    let out = f.run(&["build", "--dest", "."]);
    assert_eq!(out.status.code(), Some(1));
}

/// Content and theme load side by side; a build with errors in both reports both.
#[test]
fn content_and_theme_errors_in_one_run() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"Test course\"\n[build]\ntheme = \"mine\"\n",
        ),
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a.md",
            &session("A", 1, "after-tea", "ten minuets"),
        ),
        ("themes/mine/templates/page.html", "{% if %}broken"),
    ]);
    let errs = f.build_err();
    assert!(
        errs.iter()
            .any(|e| e.starts_with("content/p/a.md:5:11: error: invalid `duration`")),
        "{errs:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.starts_with("themes/mine/templates") && e.contains("template error")),
        "{errs:#?}"
    );
}

/// A theme's mistakes are reported in its own file, at line and column, with the closest
/// name: misspelt filters (all of them, when templates load) and fields (when rendering).
#[test]
fn theme_template_errors_at_their_line_with_a_hint() {
    let book = "[book]\ntitle = \"Test course\"\n[build]\ntheme = \"mine\"\n";
    let session_tpl = |body: &str| {
        format!(
            "{{% extends \"base.html\" %}}\n{{% block content %}}\n{body}\n{{% endblock content %}}\n"
        )
    };
    let filters =
        session_tpl("<h1>{{ session.title | uper }}</h1><p>{{ session.block | lowr }}</p>");
    let f = Fixture::new(&[
        ("book.toml", book),
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &session("A", 1, "after-tea", "10m")),
        ("themes/mine/templates/session.html", &filters),
    ]);
    let errs = f.build_err();
    let e = errs
        .iter()
        .find(|e| e.contains("Unknown filter `uper`"))
        .unwrap_or_else(|| panic!("{errs:#?}"));
    assert!(
        e.starts_with("themes/mine/templates/session.html:3:24: error: template error:"),
        "{e}"
    );
    assert!(e.contains("did you mean `upper`?"), "{e}");
    assert!(
        errs.iter()
            .any(|e| e.starts_with("themes/mine/templates/session.html:3:")
                && e.contains("`lowr`")
                && e.contains("did you mean `lower`?")),
        "{errs:#?}"
    );

    let field = session_tpl("<h1>{{ session.titel }}</h1>");
    let f = Fixture::new(&[
        ("book.toml", book),
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &session("A", 1, "after-tea", "10m")),
        ("content/p/b.md", &session("B", 1, "after-tea", "10m")),
        ("themes/mine/templates/session.html", &field),
    ]);
    let out = f.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "themes/mine/templates/session.html:3:16: error: cannot render: Field `titel` is not defined"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `title`?"), "{stderr}");
    // Two session pages hit the same mistake: it is one problem, reported and counted once.
    assert_eq!(stderr.matches("`titel`").count(), 1, "{stderr}");
    assert!(stderr.contains("build failed: 1 error(s)"), "{stderr}");
}

/// A theme written for Tera 1 (macros, imports) or calling a misspelt component is told
/// what Tera 2 has instead.
#[test]
fn tera_1_macros_and_unknown_components_get_a_hint() {
    let book = "[book]\ntitle = \"Test course\"\n[build]\ntheme = \"mine\"\n";
    let errs = |tpl: &str| {
        let page = format!(
            "{{% extends \"base.html\" %}}\n{{% block content %}}\n{tpl}\n{{% endblock content %}}\n"
        );
        Fixture::new(&[
            ("book.toml", book),
            ("content/p/index.md", PROGRAMME),
            ("content/p/a.md", &session("A", 1, "after-tea", "10m")),
            ("themes/mine/templates/session.html", &page),
        ])
        .build_err()
    };
    let e = errs("{% import \"macros.html\" as m %}");
    assert!(
        e[0].starts_with(
            "themes/mine/templates/session.html:3:4: error: template error: Unknown tag"
        ),
        "{e:#?}"
    );
    assert!(e[0].contains("a Tera 1 macro is now a component"), "{e:#?}");
    let e = errs("{{<linx items={session.themes} root={root} />}}");
    assert!(
        e[0].starts_with("themes/mine/templates/session.html:3:3: error: template error: Unknown component `linx`"),
        "{e:#?}"
    );
    assert!(e[0].contains("did you mean `links`?"), "{e:#?}");
}
