//! What converting real lessons asked of the format: plain pages in `order` and grouped by
//! folder, raw-HTML ids and definition terms as link targets, inline Markdown in front
//! matter, callout titles, challenges with folded solutions, ids unique on every page (the
//! print page too), and "On this page".

mod common;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use common::*;
use scraper::Html;

fn ses(title: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\nday: 1\nblock: after-coffee\nduration: 20m\n{extra}---\n{body}")
}

const LESSON: &str = "Intro.\n\n## One\n\n### One a\n\n## Two\n\n## Key points\n\nSee [the points](#key-points) and [the term](glossary.md#shell).\n";

fn site() -> Fixture {
    Fixture::new(&[
        (
            "content/p/index.md",
            "---\ntitle: P\nsession-bodies: all\ndays:\n  - { title: Day one, date: 2027-03-01 }\nprerequisites:\n  - A `terminal`\nbring:\n  - A *laptop*\n---\nAbout.\n",
        ),
        (
            "content/p/a.md",
            &ses(
                "Shell",
                "summary: Use `ls` <b>now</b>\nobjectives:\n  - Run `ls -l` and **read** it\n  - \"- not a list\"\nprompts:\n  - text: What does `pwd` print?\n    note: Say *slowly*\nmaterials:\n  - A `USB` stick\n",
                LESSON,
            ),
        ),
        (
            "content/p/glossary.md",
            "---\ntitle: Glossary\norder: 2\n---\n<a id=\"top\"></a>\n\nShell {#shell}\n: The program that reads commands.\n\nTerminal\n: The window.\n\n<dl><dt id=\"glossary-term\">Term</dt><dd>A word.</dd></dl>\n",
        ),
        (
            "content/p/about.md",
            "---\ntitle: About\norder: 1\n---\nAbout.\n",
        ),
        ("content/p/zebra.md", "# Zebra\n\nNo order.\n"),
        (
            "content/p/setup-guides/windows.md",
            "---\ntitle: Setup\n---\nWindows.\n",
        ),
        (
            "content/p/setup-guides/mac.md",
            "---\ntitle: Setup\norder: 1\n---\nMac.\n",
        ),
        (
            "content/p/extras/index.md",
            "---\ntitle: Extra reading\norder: 1\n---\nMore.\n",
        ),
        ("content/p/extras/b.md", "# Bee\n\nB.\n"),
    ])
}

#[test]
fn plain_pages_follow_order_and_sit_under_their_folders() {
    let f = site();
    f.build();
    let doc = f.html("p/a.html");
    let top = texts(
        &doc,
        ".sidebar .nav-pages:not(h3 + .nav-pages):not(.nav-runsheets):not(.nav-signin) a",
    );
    let all = texts(
        &doc,
        ".sidebar .nav-pages:not(.nav-runsheets):not(.nav-signin) a",
    );
    assert_eq!(
        &all[..3],
        ["About", "Glossary", "Zebra"],
        "order first, then file name: {all:?}"
    );
    assert!(!top.is_empty());
    // Folders after the programme's own pages: a folder's title is its index.md's, or
    // its name made readable; inside, `order` then file name.
    let groups = texts(&doc, ".sidebar h3.nav-block");
    let groups: Vec<&String> = groups
        .iter()
        .filter(|g| *g == "Extra reading" || *g == "Setup guides")
        .collect();
    assert_eq!(groups, ["Extra reading", "Setup guides"], "{groups:?}");
    let links: Vec<String> = doc
        .select(&sel(".sidebar .nav-pages a, .sidebar h3.nav-block a"))
        .filter_map(|a| a.value().attr("href"))
        .filter_map(|h| h.strip_prefix("../p/").map(String::from))
        .collect();
    let pos = |h: &str| links.iter().position(|l| l == h).unwrap_or(usize::MAX);
    assert!(pos("extras/index.html") < pos("extras/b.html"), "{links:?}");
    assert!(
        pos("setup-guides/mac.html") < pos("setup-guides/windows.html"),
        "{links:?}"
    );
    assert!(pos("zebra.html") < pos("extras/index.html"), "{links:?}");
    // The programme's overview lists them in the same order.
    let over = f.html("p/index.html");
    let listed = texts(&over, "#notes + ul a, section[aria-labelledby=notes] a");
    assert_eq!(&listed[..3], ["About", "Glossary", "Zebra"], "{listed:?}");
}

#[test]
fn raw_html_ids_and_definition_terms_are_link_targets() {
    let f = site();
    f.write(
        "content/p/about.md",
        "---\ntitle: About\norder: 1\n---\n[t](glossary.md#top), [g](glossary.md#glossary-term), [s](glossary.md#shell), [tm](glossary.md#terminal).\n",
    );
    f.build();
    let g = f.html("p/glossary.html");
    for id in ["top", "glossary-term", "shell", "terminal"] {
        assert_eq!(
            g.select(&sel(&format!("#{id}"))).count(),
            1,
            "{id} is on the page after sanitising"
        );
    }
    assert_eq!(texts(&g, "dt#shell"), ["Shell"], "the {{#id}} is not shown");
    f.write(
        "content/p/about.md",
        "---\ntitle: About\n---\n[x](glossary.md#no-such-term)\n",
    );
    let errs = f.build_err().join("\n");
    assert!(
        errs.contains("about.md:4:1: error: link to `glossary.md#no-such-term`"),
        "{errs}"
    );
}

#[test]
fn front_matter_texts_are_inline_markdown_on_pages_and_plain_elsewhere() {
    let f = site();
    f.build();
    let doc = f.html("p/a.html");
    assert_eq!(texts(&doc, ".objectives li code"), ["ls -l"]);
    assert_eq!(texts(&doc, ".objectives li strong"), ["read"]);
    assert_eq!(
        texts(&doc, ".objectives li")[1],
        "- not a list",
        "a value is never a block"
    );
    assert_eq!(texts(&doc, ".lead code"), ["ls"]);
    assert_eq!(doc.select(&sel(".lead b")).count(), 0, "raw HTML is text");
    assert!(texts(&doc, ".lead")[0].contains("<b>now</b>"));
    assert_eq!(texts(&doc, ".prompts li code"), ["pwd"]);
    assert_eq!(texts(&doc, ".prompt-note em"), ["slowly"]);
    assert_eq!(texts(&doc, ".session-extras li code"), ["USB"]);
    for page in [
        "p/a.html",
        "p/print.html",
        "p/prompts.html",
        "p/materials.html",
    ] {
        let text = texts(&f.html(page), "main").join(" ");
        assert!(!text.contains('`'), "{page}: {text}");
    }
    let over = f.html("p/index.html");
    assert_eq!(texts(&over, "main li code"), ["terminal"]);
    let handout = f.html("p/handout.html");
    assert_eq!(texts(&handout, "main li em"), ["laptop"]);
    // The index as the search box reads it (its text is packed a character a word).
    let search: String = coursebook::render::search::read(&f.read("p/searchindex.js"))
        .unwrap()
        .iter()
        .map(|d| format!("{}\n{}\n{}\n", d.title, d.headings, d.body))
        .collect();
    assert!(search.contains("Run ls -l and read it"), "{search}");
    assert!(!search.contains('`'), "{search}");
    let ics = f.read("p/timetable.ics");
    assert!(ics.contains("Use ls <b>now</b>"), "{ics}");
    assert!(!ics.contains('`'), "{ics}");
}

#[test]
fn callouts_have_their_own_titles_and_challenges_fold_their_solutions() {
    let body = "> [!NOTE] Before you <script>alert(1)</script> `start`\n> Read this.\n\n> [!TIP]\n> No title.\n\n> [!CHALLENGE] Count the files\n> How many?\n>\n> > [!SOLUTION]\n> > Three.\n\n> [!SOLUTION] Hint\n> Look again.\n\n> [!TRAINER] Secret title\n> Secret body.\n";
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/a.md", &ses("A", "", body)),
        ("content/p/page.md", &format!("# Page\n\n{body}")),
    ]);
    f.build();
    let doc = f.html("p/a.html");
    assert_eq!(
        texts(&doc, ".callout-note > .callout-title"),
        ["Before you <script>alert(1)</script> start"]
    );
    assert_eq!(doc.select(&sel(".callout-title script")).count(), 0);
    assert_eq!(
        texts(&doc, ".callout-note > .callout-title code"),
        ["start"]
    );
    assert_eq!(texts(&doc, ".callout-tip > .callout-title"), ["Tip"]);
    assert_eq!(
        texts(&doc, "aside.callout-challenge > .callout-title"),
        ["Count the files"]
    );
    let solution = sel("aside.callout-challenge > details.callout-solution > summary");
    assert_eq!(doc.select(&solution).count(), 1);
    assert_eq!(
        texts(&doc, "details.callout-solution > summary"),
        ["Solution", "Hint"]
    );
    assert!(
        doc.select(&sel("details.callout-solution"))
            .all(|d| d.value().attr("open").is_none()),
        "folded on the page"
    );
    assert_eq!(
        texts(&doc, ".callout-trainer > .callout-title"),
        ["Secret title"]
    );
    // Print unfolds them: paper cannot open a <details>.
    let print = f.html("p/print.html");
    let opened = print.select(&sel("details.callout-solution[open]")).count();
    assert_eq!(opened, 2);

    // Participants: a trainers' session body keeps none of it; a plain page keeps all but
    // the trainer note, title too.
    let out = f.run(&["build", "--audience", "participant"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let body = f.read("p/a.html");
    assert!(
        !body.contains("Count the files") && !body.contains("Secret"),
        "{body}"
    );
    let page = f.html("p/page.html");
    assert_eq!(
        texts(&page, "details.callout-solution > summary"),
        ["Solution", "Hint"]
    );
    assert!(!f.read("p/page.html").contains("Secret"));
}

/// 21 sessions that each end with "Key points" and link to it.
fn many_sessions() -> Fixture {
    let mut files: Vec<(String, String)> = vec![(
        "content/p/index.md".into(),
        "---\ntitle: P\nsession-bodies: all\ndays:\n  - { title: One }\n  - { title: Two }\n  - { title: Three }\n---\nAbout.\n"
            .into(),
    )];
    for i in 0..21 {
        let day = i / 7 + 1;
        files.push((
            format!("content/p/day-{day}/{i:02}-s.md"),
            format!(
                "---\ntitle: S{i}\nday: {day}\nblock: after-coffee\nduration: 10m\n---\nText[^n].\n\n## Key points\n\n- [Back](#key-points)\n\n[^n]: A note.\n"
            ),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    Fixture::new(&refs)
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out
}

fn assert_no_duplicate_ids(dir: &Path) -> usize {
    let files = html_files(dir);
    assert!(files.len() > 5);
    for p in &files {
        let doc = Html::parse_document(&std::fs::read_to_string(p).unwrap());
        let mut seen = HashSet::new();
        for e in doc.select(&sel("[id]")) {
            let id = e.value().attr("id").unwrap_or_default();
            assert!(
                seen.insert(id.to_string()),
                "{}: id `{id}` twice",
                p.display()
            );
        }
    }
    files.len()
}

#[test]
fn no_page_has_an_id_twice_and_print_links_still_land() {
    let f = many_sessions();
    f.build();
    assert_no_duplicate_ids(&f.site());
    let print = f.html("p/print.html");
    let ids: HashSet<&str> = print
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert!(ids.contains("p-day-2-08-s--key-points"), "{ids:?}");
    // Every in-page link of the print page lands on an id of the print page.
    for a in print.select(&sel("main a[href^='#']")) {
        let href = a.value().attr("href").unwrap_or_default();
        assert!(ids.contains(&href[1..]), "print.html: {href} lands nowhere");
    }
    // A session's own page keeps its ids as written.
    let one = f.html("p/day-1/00-s.html");
    assert_eq!(one.select(&sel("h2#key-points")).count(), 1);
    assert_eq!(one.select(&sel("a[href='#key-points']")).count(), 1);

    // The example site too, in both editions.
    for audience in ["trainer", "participant"] {
        let out = tempfile::tempdir().unwrap();
        let dest = out.path().join("site");
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_coursebook"))
            .args(["build", "--audience", audience, "--dest"])
            .arg(&dest)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_no_duplicate_ids(&dest);
    }
}

#[test]
fn a_page_with_more_than_three_headings_has_on_this_page() {
    let f = site();
    f.write(
        "content/p/short.md",
        "---\ntitle: Short\n---\n## One\n\n## Two\n\n## Three\n",
    );
    f.write(
        "content/p/b.md",
        &ses(
            "Trainers",
            "",
            "## Plan\n\n## Timing\n\n> [!HANDOUT]\n> ## Open one\n> ## Open two\n\n## Debrief\n",
        ),
    );
    f.write("content/p/index.md", "---\ntitle: P\n---\nAbout.\n");
    f.build();
    let doc = f.html("p/a.html");
    assert_eq!(
        texts(&doc, "nav.toc li"),
        ["One", "One a", "Two", "Key points"]
    );
    let hrefs: Vec<&str> = doc
        .select(&sel("nav.toc a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(hrefs, ["#one", "#one-a", "#two", "#key-points"]);
    assert_eq!(f.html("p/short.html").select(&sel("nav.toc")).count(), 0);
    assert_eq!(
        texts(&f.html("p/b.html"), "nav.toc li").len(),
        5,
        "the trainers see all"
    );
    // Participants see only their headings: two is not past three.
    let out = f.run(&["build", "--audience", "participant"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(f.html("p/b.html").select(&sel("nav.toc")).count(), 0);
    assert_eq!(
        texts(&f.html("p/a.html"), "nav.toc li").len(),
        0,
        "a trainers' body"
    );
}

#[test]
fn trainer_only_texts_with_markdown_stay_out_of_the_participant_edition() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a.md",
            &ses(
                "Open",
                "prompts:\n  - text: Which `flag` lists hidden files?\n    note: The answer is `-a`, say *Quetzal plainly now*\n",
                "Body.\n",
            ),
        ),
        (
            "content/p/b.md",
            &ses(
                "Closed",
                "audience: trainer\nsummary: The `zebra` crossing *plan* for trainers only\n",
                "Body.\n",
            ),
        ),
    ]);
    let out = f.run(&["build", "--audience", "participant"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let prompts = f.html("p/prompts.html");
    assert_eq!(texts(&prompts, "main .prompts li code"), ["flag"]);
    for page in [
        "p/a.html",
        "p/prompts.html",
        "p/print.html",
        "p/searchindex.js",
    ] {
        let text = f.read(page);
        assert!(
            !text.contains("Quetzal") && !text.contains("zebra"),
            "{page}"
        );
    }
}
