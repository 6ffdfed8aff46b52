//! What a trainer takes into the room: the run sheet to run from, the sign-in sheets, the
//! pack lists and the prompt cards, and a Print button on every printable page.

mod common;

use common::{Fixture, sel, texts};
use coursebook::Audience;
use scraper::Html;

const PROGRAMME: &str = "---
title: Room test
venue: Room 4, County Hall
participants: 3
blocks:
  - { id: am, title: Morning }
  - { break: Coffee, duration: 15m }
  - { id: pm, title: Afternoon }
  - { break: Lunch, duration: 30m, at: \"12:30\" }
  - { id: late, title: Late }
days:
  - { title: Day one, date: 2027-03-01 }
  - { title: Day two, date: 2027-03-02 }
---
About.
";

/// Front-matter prompts (one with a note), materials, a summary and notes whose first
/// sentence the run sheet shows.
const FRONT: &str = "---
title: Front prompts
day: 1
block: am
duration: 30m
format: pairs
summary: Pairs read each other's notes.
materials: [Flipchart, marker pens]
prompts:
  - What did you read?
  - text: What surprised you?
    note: Wombatnote for the trainer.
---
Start with the ‘quiet’ pairs: they need time. Then swap.
";

/// Prompts only in a `[!PROMPTS]` callout, after other text.
const CALLOUT: &str = "---
title: Callout prompts
day: 1
block: pm
duration: 20m
materials: [flipchart, sticky notes]
---
Open with a story about a file.

> [!PROMPTS]
> - Who reads this record?
> - What would they make of it?
";

const PLAIN: &str = "---
title: No prompts
day: 2
block: am
duration: 15m
materials: [name badges]
---
Keep it short.
";

/// After the pinned lunch, so that the day shows it.
const LATE: &str =
    "---\ntitle: Late one\nday: 1\nblock: late\nduration: 15m\n---\nClose the day. Then go home.\n";

fn site() -> Fixture {
    Fixture::new(&[
        ("content/prog/index.md", PROGRAMME),
        ("content/prog/day-1/a-front.md", FRONT),
        ("content/prog/day-1/b-callout.md", CALLOUT),
        ("content/prog/day-2/a-plain.md", PLAIN),
        ("content/prog/day-1/c-late.md", LATE),
    ])
}

fn build(f: &Fixture, audience: Audience) {
    let opts = coursebook::BuildOptions {
        root: f.root().to_path_buf(),
        audience,
        ..Default::default()
    };
    if let Err(d) = coursebook::build(&opts) {
        panic!("build failed: {:?}", d.sorted());
    }
}

fn attr(doc: &Html, css: &str, name: &str) -> Vec<String> {
    doc.select(&sel(css))
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

#[test]
fn run_sheet_has_labelled_columns_first_prompts_notes_and_a_done_heading() {
    let f = site();
    build(&f, Audience::Trainer);
    let doc = f.html("prog/runsheet-day-1.html");
    assert_eq!(
        texts(&doc, "table.runsheet thead th"),
        [
            "Time",
            "Session",
            "Materials",
            "First prompt",
            "Notes",
            "Done"
        ]
    );
    // The markup the running-late script shares: the day, its date, each row's times.
    assert_eq!(attr(&doc, "table.runsheet", "data-day"), ["1"]);
    assert_eq!(attr(&doc, "table.runsheet", "data-date"), ["2027-03-01"]);
    assert_eq!(attr(&doc, ".late-control", "data-day"), ["1"]);
    assert_eq!(
        attr(&doc, "table.runsheet tbody tr", "data-start"),
        ["09:30", "10:00", "10:15", "10:35", "12:30", "13:00"]
    );
    // Lunch is pinned (`at: "12:30"`); Coffee is not.
    assert_eq!(attr(&doc, "tr[data-fixed]", "data-start"), ["12:30"]);
    assert!(texts(&doc, "tr[data-fixed]")[0].contains("Lunch"));
    assert_eq!(
        texts(&doc, "tr.session-row time.t-start"),
        ["09:30", "10:15", "13:00"]
    );

    let rows: Vec<_> = doc.select(&sel("tr.session-row")).collect();
    assert_eq!(rows.len(), 3);
    let cell = |i: usize, label: &str| {
        let e = rows[i]
            .select(&sel(&format!("[data-label='{label}']")))
            .next()
            .unwrap_or_else(|| panic!("no {label} cell in row {i}"));
        e.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(cell(0, "Session").starts_with("Front prompts 30 min · Pairs"));
    assert!(cell(0, "Session").contains("Pairs read each other's notes."));
    assert_eq!(cell(0, "Materials"), "Flipchart, marker pens");
    assert_eq!(cell(0, "First prompt"), "What did you read?");
    // The first sentence of the notes, whole words, quotes kept in place.
    assert_eq!(
        cell(0, "Notes"),
        "Start with the ‘quiet’ pairs: they need time."
    );
    // A session whose prompts are only in a [!PROMPTS] callout: its first item.
    assert_eq!(cell(1, "First prompt"), "Who reads this record?");
    assert_eq!(cell(1, "Notes"), "Open with a story about a file.");
    for label in ["Time", "Materials", "First prompt", "Notes", "Done"] {
        assert_eq!(
            doc.select(&sel(&format!("tr.session-row td[data-label='{label}']")))
                .count(),
            3,
            "{label}"
        );
    }
    assert_eq!(doc.select(&sel("td.tick input[type=checkbox]")).count(), 3);
    // No prompt, no materials: the cells are empty (and hidden on a phone).
    assert_eq!(cell(2, "First prompt"), "");
    assert_eq!(cell(2, "Notes"), "Close the day.");
    assert!(doc.select(&sel(".write-in .write-lines")).next().is_some());
    // A trainer's prompt note is not a first prompt.
    assert!(!f.read("prog/runsheet-day-1.html").contains("Wombatnote"));
}

#[test]
fn sign_in_sheets_have_a_row_per_expected_participant() {
    let f = site();
    build(&f, Audience::Trainer);
    for day in [1, 2] {
        let doc = f.html(&format!("prog/signin-day-{day}.html"));
        assert_eq!(
            texts(&doc, "table.signin thead tr:last-child th"),
            ["No.", "Name", "Organisation", "Signature"]
        );
        // The programme, day, date and venue head the table, so they repeat on each page.
        let head = texts(&doc, "table.signin thead .signin-head")[0].clone();
        assert!(
            head.contains("Room test") && head.contains("Room 4, County Hall"),
            "{head}"
        );
        assert!(
            head.contains(if day == 1 {
                "Day one, Monday 1 March 2027"
            } else {
                "Day two"
            }),
            "{head}"
        );
        assert_eq!(texts(&doc, "table.signin tbody tr .num"), ["1", "2", "3"]);
    }
    // Without `participants:`, twenty rows.
    f.write(
        "content/prog/index.md",
        &PROGRAMME.replace("participants: 3\n", ""),
    );
    build(&f, Audience::Trainer);
    let doc = f.html("prog/signin-day-1.html");
    assert_eq!(doc.select(&sel("table.signin tbody tr")).count(), 20);
    // Sign-in sheets are the trainer's.
    build(&f, Audience::Participant);
    assert!(!f.site().join("prog/signin-day-1.html").exists());
}

#[test]
fn a_bad_participants_value_is_an_error_at_its_line() {
    for (value, says) in [
        ("lots", "must be a whole number"),
        ("0", "out of range"),
        ("-4", "out of range"),
        ("2.5", "whole number"),
    ] {
        let f = site();
        f.write(
            "content/prog/index.md",
            &PROGRAMME.replace("participants: 3", &format!("participants: {value}")),
        );
        let errs = f.build_err();
        let e = errs
            .iter()
            .find(|e| e.contains("participants"))
            .unwrap_or_else(|| panic!("{value}: {errs:?}"));
        assert!(
            e.starts_with("content/prog/index.md:4:15: error:"),
            "{value}: {e}"
        );
        assert!(e.contains(says) && e.contains("hint"), "{value}: {e}");
    }
}

#[test]
fn pack_list_names_each_material_once_a_day_with_its_sessions() {
    let f = site();
    build(&f, Audience::Trainer);
    let doc = f.html("prog/materials.html");
    let days: Vec<_> = doc.select(&sel("section.pack-day")).collect();
    assert_eq!(days.len(), 2);
    let items = |d: usize| -> Vec<String> {
        days[d]
            .select(&sel(".pack-item"))
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    // "Flipchart" and "flipchart" are one item, needed by both sessions.
    assert_eq!(
        items(0),
        [
            "Flipchart for Front prompts, Callout prompts",
            "marker pens for Front prompts",
            "sticky notes for Callout prompts",
        ]
    );
    assert_eq!(items(1), ["name badges for No prompts"]);
    assert_eq!(
        days[0]
            .select(&sel(".pack-item input[type=checkbox]"))
            .count(),
        3
    );
    assert!(texts(&doc, "section.pack-day h2")[0].starts_with("Pack list: Day one"));
}

#[test]
fn prompt_cards_hold_every_prompt_in_order_and_notes_only_for_trainers() {
    let f = site();
    build(&f, Audience::Trainer);
    let doc = f.html("prog/prompt-cards.html");
    assert_eq!(
        texts(&doc, ".prompt-card .card-text"),
        [
            "What did you read?",
            "What surprised you?",
            "Who reads this record?",
            "What would they make of it?",
        ]
    );
    assert_eq!(
        attr(&doc, ".prompt-card", "data-counter"),
        ["1 / 4", "2 / 4", "3 / 4", "4 / 4"]
    );
    assert_eq!(attr(&doc, ".prompt-card", "id")[2], "card-3");
    assert_eq!(
        texts(&doc, ".prompt-card .card-session a")[3],
        "Callout prompts"
    );
    assert_eq!(texts(&doc, ".card-note").len(), 1);
    assert!(texts(&doc, ".card-note")[0].contains("Wombatnote"));
    assert_eq!(attr(&doc, "script[src$='cards.js']", "src").len(), 1);

    build(&f, Audience::Participant);
    let html = f.read("prog/prompt-cards.html");
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel(".prompt-card")).count(), 4);
    assert!(doc.select(&sel(".card-note")).next().is_none());
    assert!(!html.contains("Wombatnote"));
}

const PRINTABLE: &[&str] = &[
    "prog/handout.html",
    "prog/print.html",
    "prog/prompts.html",
    "prog/materials.html",
    "prog/prompt-cards.html",
    "prog/day-1/a-front.html",
];

const TRAINER_PRINTABLE: &[&str] = &[
    "prog/runsheet-day-1.html",
    "prog/runsheet-day-2.html",
    "prog/signin-day-1.html",
    "prog/signin-day-2.html",
];

#[test]
fn every_printable_page_has_a_print_button_its_script_shows() {
    let f = site();
    for audience in [Audience::Trainer, Audience::Participant] {
        build(&f, audience);
        let pages = PRINTABLE.iter().chain(if audience == Audience::Trainer {
            TRAINER_PRINTABLE
        } else {
            &[]
        });
        for page in pages {
            let doc = f.html(page);
            // Hidden until print.js shows it: without script there is no dead button.
            let buttons: Vec<_> = doc
                .select(&sel("button[type=button][data-print][hidden]"))
                .collect();
            assert_eq!(buttons.len(), 1, "{page}");
            assert!(
                buttons[0].text().collect::<String>().starts_with("Print"),
                "{page}"
            );
            assert_eq!(
                attr(&doc, "script[src$='theme/print.js']", "src").len(),
                1,
                "{page}"
            );
            assert!(doc.select(&sel("[onclick]")).next().is_none(), "{page}");
        }
    }
    assert!(f.site().join("theme/print.js").exists());
    assert!(f.site().join("theme/cards.js").exists());
}

#[test]
fn overview_and_sidebar_link_the_room_pages_for_trainers_only() {
    let f = site();
    build(&f, Audience::Trainer);
    for page in [
        "prog/index.html",
        "prog/timetable.html",
        "prog/day-1/a-front.html",
    ] {
        let doc = f.html(page);
        let side: Vec<String> = attr(&doc, "#sidebar a", "href")
            .iter()
            .map(|h| common::resolve(page, h))
            .collect();
        for want in [
            "prog/runsheet-day-1.html",
            "prog/runsheet-day-2.html",
            "prog/signin-day-1.html",
            "prog/signin-day-2.html",
            "prog/prompt-cards.html",
            "prog/materials.html",
        ] {
            assert!(
                side.iter().any(|h| h == want),
                "{page}: {want} not in {side:?}"
            );
        }
    }
    let doc = f.html("prog/index.html");
    let tools: Vec<String> = attr(&doc, "main .tool-links a", "href")
        .iter()
        .map(|h| common::resolve("prog/index.html", h))
        .collect();
    for want in [
        "prog/runsheet-day-1.html",
        "prog/signin-day-2.html",
        "prog/prompt-cards.html",
        "prog/materials.html",
    ] {
        assert!(tools.iter().any(|h| h == want), "{want} not in {tools:?}");
    }
    // The run sheet page marks its own link in the sidebar.
    let rs = f.html("prog/runsheet-day-2.html");
    assert_eq!(
        attr(&rs, "#sidebar a[aria-current=page]", "href"),
        ["../prog/runsheet-day-2.html"]
    );

    build(&f, Audience::Participant);
    for page in ["prog/index.html", "prog/day-1/a-front.html"] {
        let html = f.read(page);
        assert!(
            !html.contains("runsheet-day") && !html.contains("signin-day"),
            "{page}"
        );
        assert!(html.contains("prompt-cards.html"), "{page}");
    }
}
