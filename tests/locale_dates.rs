//! Dates and clock times by locale (ICU4X): a programme's `language:` (or the site's)
//! writes its day headings, dates and times as that language does; `[output.html] clock`
//! forces a 12- or 24-hour clock; the CSV's ISO columns never change.

mod common;

use common::{Fixture, sel, texts};

fn programme(language: Option<&str>) -> String {
    let lang = language.map_or(String::new(), |l| format!("language: {l}\n"));
    format!(
        "---\ntitle: Dates\n{lang}days:\n  - {{ title: Day one, date: 2027-03-01 }}\n  - {{ title: Day two, date: 2027-03-02 }}\n---\nAbout.\n"
    )
}

fn site(book: &str, language: Option<&str>) -> Fixture {
    Fixture::new(&[
        ("book.toml", book),
        ("content/p/index.md", &programme(language)),
        (
            "content/p/01-a.md",
            &common::session("First", 1, "before-coffee", "60m"),
        ),
        (
            "content/p/02-b.md",
            &common::session("Second", 2, "before-coffee", "60m"),
        ),
    ])
}

const BOOK: &str = "[book]\ntitle = \"T\"\nlanguage = \"en-GB\"\n";

/// The timetable's day headings and the programme's dates in `language`.
fn headings(language: &str) -> (Vec<String>, String, String) {
    let f = site(BOOK, Some(language));
    f.build();
    let tt = f.html("p/timetable.html");
    let lang = tt
        .select(&sel("html"))
        .next()
        .and_then(|h| h.value().attr("lang"))
        .unwrap_or_default()
        .to_string();
    let session = f.read("p/01-a.html");
    (texts(&tt, "main h2"), lang, session)
}

#[test]
fn day_headings_follow_the_programme_language() {
    let cases = [
        ("cy", "Dydd Llun 1 Mawrth 2027"),
        ("fr", "lundi 1 mars 2027"),
        ("de", "Montag, 1. März 2027"),
        ("es", "lunes, 1 de marzo de 2027"),
        ("en-GB", "Monday 1 March 2027"),
    ];
    for (lang, want) in cases {
        let (h, html_lang, session) = headings(lang);
        assert!(
            h.iter().any(|t| t.contains(want)),
            "{lang}: no heading with {want:?} in {h:?}"
        );
        assert_eq!(html_lang, lang, "<html lang> of a {lang} programme");
        assert!(
            session.contains(want),
            "{lang}: the session page shows its day's date {want:?}"
        );
    }
}

#[test]
fn a_programme_in_another_language_than_the_site_gets_its_own_dates() {
    let f = Fixture::new(&[
        ("book.toml", BOOK),
        ("content/p/index.md", &programme(Some("cy"))),
        (
            "content/p/01-a.md",
            &common::session("First", 1, "before-coffee", "60m"),
        ),
        ("content/q/index.md", &programme(None)),
        (
            "content/q/01-a.md",
            &common::session("Other", 1, "before-coffee", "60m"),
        ),
    ]);
    f.build();
    assert!(f.read("p/index.html").contains("1 a 2 Mawrth 2027"));
    assert!(f.read("q/index.html").contains("1 and 2 March 2027"));
    let home = f.html("index.html");
    let lang = home
        .select(&sel("html"))
        .next()
        .unwrap()
        .value()
        .attr("lang");
    assert_eq!(lang, Some("en-GB"), "site pages carry the site's language");
}

#[test]
fn a_twelve_hour_clock_override() {
    let book = "[book]\ntitle = \"T\"\n[output.html]\nclock = \"12h\"\n";
    let f = site(book, None);
    f.build();
    let tt = f.html("p/timetable.html");
    let starts: Vec<String> = texts(&tt, "time.t-start")
        .into_iter()
        .map(|t| t.replace('\u{202f}', " "))
        .collect();
    assert_eq!(
        starts.first().map(String::as_str),
        Some("9:30 am"),
        "{starts:?}"
    );
    // Machines still read 24-hour ISO times.
    let dt: Vec<&str> = tt
        .select(&sel("time.t-start"))
        .filter_map(|t| t.value().attr("datetime"))
        .collect();
    assert_eq!(dt.first().copied(), Some("2027-03-01T09:30"));
    let row = tt.select(&sel("tr[data-start]")).next().unwrap();
    assert_eq!(row.value().attr("data-start"), Some("09:30"));
    let schedule = f.read("p/schedule.js").replace('\u{202f}', " ");
    assert!(schedule.contains("\"09:30\""));
    // now.js writes moved times in the page's 12-hour form.
    assert!(
        schedule.contains("\"clock\":{\"am\":\"{t} am\",\"pm\":\"{t} pm\"}"),
        "{schedule}"
    );
    // The CSV's date, start and end columns stay ISO.
    let csv = f.read("p/timetable.csv");
    let first = csv.lines().nth(1).unwrap();
    assert!(first.starts_with("1,2027-03-01,09:30,10:30,"), "{first}");
}

#[test]
fn the_csv_stays_iso_in_welsh() {
    let f = site(BOOK, Some("cy"));
    f.build();
    assert!(
        !f.read("p/schedule.js").contains("\"clock\""),
        "24-hour: no forms"
    );
    let csv = f.read("p/timetable.csv");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("1,2027-03-01,09:30,")
    );
    assert!(!csv.contains("Mawrth"));
}

#[test]
fn an_unknown_language_is_a_warning_with_a_hint() {
    let f = site(BOOK, Some("cyy"));
    let r = f.build();
    let text: Vec<String> = r
        .diagnostics
        .sorted()
        .iter()
        .map(|d| d.to_string())
        .collect();
    let all = text.join("\n");
    assert!(all.contains("language `cyy`"), "{all}");
    assert!(all.contains("did you mean `cy`"), "{all}");
    assert!(f.read("p/timetable.html").contains("Monday 1 March 2027"));
}

#[test]
fn a_bad_clock_value_is_an_error() {
    let f = site(
        "[book]\ntitle = \"T\"\n[output.html]\nclock = \"13h\"\n",
        None,
    );
    let errs = f.build_err().join("\n");
    assert!(errs.contains("`clock` must be"), "{errs}");
}
