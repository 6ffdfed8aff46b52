//! After the course: the post-box summary (`<programme>/post-box.html`), grouped by the
//! sessions that `produce: [post-box]`, trainer edition only; and the action-plan sheet
//! (`<programme>/action-plan.html`), in both editions, from the programme's `action_plan:`.

mod common;

use std::path::{Path, PathBuf};

use common::{Fixture, sel, texts};
use coursebook::Audience;
use coursebook::render::search;
use scraper::Html;

/// The example site, built into a temporary folder in `audience`'s edition.
fn example(audience: Audience) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let opts = coursebook::BuildOptions {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        dest: Some(site.clone()),
        audience,
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    (out, site)
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_post_box_page_groups_by_the_post_box_sessions_in_timetable_order() {
    let (_t, site) = example(Audience::Trainer);
    let doc = Html::parse_document(&read(&site, "recording/post-box.html"));
    // The example's two post-box sessions (day 1 before lunch and after tea), in that order.
    assert_eq!(
        texts(&doc, ".post-box-session h2"),
        [
            "Post box and learning points",
            "Post box and learning points (end of day one)"
        ]
    );
    assert_eq!(
        texts(&doc, ".post-box-session .when"),
        ["Day 1, 11:30", "Day 1, 14:30"]
    );
    let boxes: Vec<_> = doc
        .select(&sel(".post-box-session textarea"))
        .map(|t| {
            (
                t.value().attr("name").unwrap().to_string(),
                t.value().attr("data-heading").unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        boxes,
        [
            (
                "points-1".to_string(),
                "Post box and learning points (Day 1, 11:30)".to_string()
            ),
            (
                "points-2".to_string(),
                "Post box and learning points (end of day one) (Day 1, 14:30)".to_string()
            ),
        ]
    );
    // Each heading links to its session; the sessions that sort the points are named.
    let hrefs: Vec<_> = doc
        .select(&sel(".post-box-session h2 a"))
        .map(|a| common::resolve("recording/post-box.html", a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(
        hrefs,
        [
            "recording/day-1/05-post-box.html",
            "recording/day-1/10-post-box-again.html"
        ]
    );
    let hint = texts(&doc, "main > .hint").join(" ");
    assert!(
        hint.contains("Post box messages for the organisation (Day 2, 10:45)"),
        "{hint}"
    );
    // The note to managers uses the points: its kit has the slot, its other blanks a box.
    let kit = doc.select(&sel("#letter-kit")).next().expect("a save kit");
    let kit: serde_json::Value = serde_json::from_str(&kit.text().collect::<String>()).unwrap();
    assert_eq!(kit["name"], "note-to-managers");
    let txt = kit["txt"].as_array().unwrap();
    assert!(
        txt.iter().any(|p| p["field"] == "post_box.points"),
        "{txt:?}"
    );
    assert!(doc.select(&sel("#field-manager_name")).next().is_some());
    assert!(
        doc.select(&sel("textarea.post-box-points[name='post_box.points']"))
            .next()
            .is_some()
    );
    // The letter's own page says where its points are typed; its .txt keeps the blank.
    let letter = Html::parse_document(&read(&site, "recording/letters/note-to-managers.html"));
    let link = letter
        .select(&sel(".post-box-link a"))
        .next()
        .expect("a link");
    let href = link.value().attr("href").unwrap();
    assert_eq!(
        common::resolve("recording/letters/note-to-managers.html", href),
        "recording/post-box.html"
    );
    assert!(
        read(&site, "recording/letters/note-to-managers.txt")
            .contains("[Points from the post box]")
    );
    // The sidebar and the overview link to both pages.
    let overview = Html::parse_document(&read(&site, "recording/index.html"));
    let links: Vec<_> = overview
        .select(&sel("main a"))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| common::resolve("recording/index.html", h))
        .collect();
    assert!(
        links.contains(&"recording/post-box.html".to_string())
            && links.contains(&"recording/action-plan.html".to_string()),
        "{links:?}"
    );
    let current = doc
        .select(&sel(".sidebar a[aria-current=page]"))
        .next()
        .unwrap();
    let href = current.value().attr("href").unwrap();
    assert_eq!(
        common::resolve("recording/post-box.html", href),
        "recording/post-box.html"
    );
}

#[test]
fn the_post_box_page_is_not_in_the_participant_edition_nor_its_search() {
    let (_t, trainer) = example(Audience::Trainer);
    let (_p, site) = example(Audience::Participant);
    assert!(trainer.join("recording/post-box.html").exists());
    assert!(!site.join("recording/post-box.html").exists());
    let trainer_index = search::read(&read(&trainer, "recording/searchindex.js")).unwrap();
    assert!(
        trainer_index
            .iter()
            .any(|d| d.url == "recording/post-box.html")
    );
    let js = read(&site, "recording/searchindex.js");
    let index = search::read(&js).unwrap();
    assert!(index.iter().all(|d| d.url != "recording/post-box.html"));
    assert!(!search::text(&js).contains("Post-box summary"));
    assert!(index.iter().any(|d| d.url == "recording/action-plan.html"));
    for rel in [
        "recording/index.html",
        "recording/action-plan.html",
        "recording/timetable.html",
    ] {
        let page = read(&site, rel);
        assert!(
            !page.contains("recording/post-box.html"),
            "{rel} links to the post-box page"
        );
        assert!(!page.contains("Post-box summary"), "{rel}");
    }
}

#[test]
fn the_action_plan_sheet_has_the_programme_statements_in_both_editions() {
    for audience in [Audience::Trainer, Audience::Participant] {
        let (_t, site) = example(audience);
        let doc = Html::parse_document(&read(&site, "recording/action-plan.html"));
        let numbers = texts(&doc, ".plan-statement .plan-number");
        assert_eq!(numbers, ["1", "2", "3", "4", "5"], "{audience:?}");
        let statements = texts(&doc, ".plan-statement .statement-text");
        assert_eq!(statements[0], "Within the next month I will read up on …");
        assert_eq!(statements[4], "I will ask my supervisor for …");
        assert_eq!(texts(&doc, ".write-in .write-label"), ["Name", "Date"]);
        assert_eq!(
            doc.select(&sel(".plan-statement .write-space .write-line"))
                .count(),
            20
        );
        let current = doc
            .select(&sel(".sidebar a[aria-current=page]"))
            .next()
            .unwrap();
        let href = current.value().attr("href").unwrap();
        assert_eq!(
            common::resolve("recording/action-plan.html", href),
            "recording/action-plan.html"
        );
    }
}

const PROGRAMME: &str = "---
title: After test
days:
  - { title: Day one, date: 2027-03-01 }
---
About.
";

#[test]
fn without_action_plan_the_sheet_has_default_statements_and_no_post_box_page() {
    let f = Fixture::new(&[
        ("content/prog/index.md", PROGRAMME),
        (
            "content/prog/one.md",
            &common::session("One", 1, "before-coffee", "30m"),
        ),
    ]);
    f.build();
    let doc = f.html("prog/action-plan.html");
    let statements = texts(&doc, ".plan-statement .statement-text");
    assert_eq!(statements.len(), 5);
    assert!(statements[0].starts_with("The first thing I will do differently"));
    assert!(!f.site().join("prog/post-box.html").exists());
    assert!(!f.read("prog/index.html").contains("prog/post-box.html"));
}

#[test]
fn without_a_letter_for_the_points_the_page_saves_a_plain_note() {
    let post = "---\ntitle: Posting\nday: 1\nblock: before-coffee\nduration: 15m\nproduces: [post-box]\nprompts: [What should the *organisation* hear?]\n---\nBody.\n";
    let f = Fixture::new(&[
        ("content/prog/index.md", PROGRAMME),
        ("content/prog/post.md", post),
    ]);
    f.build();
    let doc = f.html("prog/post-box.html");
    assert_eq!(texts(&doc, ".post-box-session h2"), ["Posting"]);
    assert_eq!(
        texts(&doc, ".post-box-prompts li"),
        ["What should the organisation hear?"]
    );
    let kit = doc.select(&sel("#letter-kit")).next().expect("a save kit");
    let kit: serde_json::Value = serde_json::from_str(&kit.text().collect::<String>()).unwrap();
    assert_eq!(kit["name"], "post-box-points");
    let text: String = kit["txt"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(text.contains("Points from the post box"), "{text}");
    assert!(text.contains("After test, 1 March 2027"), "{text}");
}

#[test]
fn a_bad_action_plan_is_an_error_at_its_line_and_column() {
    for (value, line, col, said) in [
        (
            "action_plan: one statement\n",
            4,
            14,
            "must be a list of statements",
        ),
        (
            "action_plan:\n  - First\n  - { text: Second }\n",
            6,
            5,
            "each item of `action_plan` must be text",
        ),
        ("action_plan:\n  - First\n  - \"  \"\n", 6, 5, "is empty"),
        (
            "action_plan: [a, b, c, d, e, f]\n",
            4,
            14,
            "has 6 statements; the sheet holds at most 5",
        ),
    ] {
        let programme =
            format!("---\ntitle: After test\ndays: [{{ title: Day one }}]\n{value}---\nAbout.\n");
        let f = Fixture::new(&[
            ("content/prog/index.md", &programme),
            (
                "content/prog/one.md",
                &common::session("One", 1, "before-coffee", "30m"),
            ),
        ]);
        let errs = f.build_err().join("\n");
        let at = format!("content/prog/index.md:{line}:{col}: error:");
        assert!(errs.contains(&at) && errs.contains(said), "{value}: {errs}");
    }
}

#[test]
fn a_letter_with_the_points_but_no_post_box_session_is_warned_about() {
    let letter = "---\ntitle: Note\n---\nThe points:\n\n{{ post_box.points }}\n";
    let f = Fixture::new(&[
        ("content/prog/index.md", PROGRAMME),
        (
            "content/prog/one.md",
            &common::session("One", 1, "before-coffee", "30m"),
        ),
        ("content/prog/letters/note.md", letter),
    ]);
    let report = f.build();
    let msgs: Vec<String> = report
        .diagnostics
        .items
        .iter()
        .map(|d| d.to_string())
        .collect();
    let all = msgs.join("\n");
    assert!(
        all.contains(
            "content/prog/letters/note.md:6:1: warning: `{{ post_box.points }}` has no value"
        ),
        "{all}"
    );
}

#[test]
fn a_long_statement_gets_fewer_lines_to_write_on() {
    let long = "By the end of the first three months after this course I will have read, with my supervisor, every case summary I wrote last year and rewritten";
    let programme = format!(
        "---\ntitle: After test\ndays: [{{ title: Day one }}]\naction_plan:\n  - Short one\n  - {long}\n---\nAbout.\n"
    );
    let f = Fixture::new(&[
        ("content/prog/index.md", &programme),
        (
            "content/prog/one.md",
            &common::session("One", 1, "before-coffee", "30m"),
        ),
    ]);
    f.build();
    let doc = f.html("prog/action-plan.html");
    let lines: Vec<usize> = doc
        .select(&sel(".plan-statement .write-space"))
        .map(|w| w.select(&sel(".write-line")).count())
        .collect();
    assert_eq!(lines, [4, 2]);
}
