//! Words and punctuation coursebook writes inside a page, in the page's language: durations
//! and contact hours, callouts' default titles, smart quotes, and Welsh "a"/"ac".

mod common;

use common::{Fixture, texts};

const BOOK: &str = "[book]\ntitle = \"T\"\nlanguage = \"en-GB\"\n";

const BODY: &str = "> [!NOTE]\n> Un.\n\n> [!TIP] Fy nheitl\n> Dau.\n\n> [!TRAINER]\n> Tri.\n\nMae \"dyfyniad\" yma.\n";

/// A programme in `language` (none: the site's British English): a 90-minute session with
/// callouts and a quoted word, a 45-minute one, and a letter of contact hours.
fn site(language: Option<&str>) -> Fixture {
    let lang = language.map_or(String::new(), |l| format!("language: {l}\n"));
    let index = format!(
        "---\ntitle: Rhaglen\n{lang}days:\n  - {{ title: Un, date: 2027-03-01 }}\n  - {{ title: Dau, date: 2027-03-08 }}\n---\nAm.\n"
    );
    let first =
        format!("---\ntitle: Cyntaf\nday: 1\nblock: before-coffee\nduration: 90m\n---\n{BODY}");
    Fixture::new(&[
        ("book.toml", BOOK),
        ("content/p/index.md", &index),
        ("content/p/01-a.md", &first),
        (
            "content/p/02-b.md",
            &common::session("Ail", 2, "before-coffee", "45m"),
        ),
        (
            "content/p/letters/oriau.md",
            "---\ntitle: Oriau\n---\nOriau: {{ programme.contact_hours }}; {{ programme.dates }}.\n",
        ),
    ])
}

#[test]
fn durations_and_contact_hours_in_each_language() {
    let cases = [
        (None, "1 h 30 min", "45 min", "2 hours 15 minutes"),
        (Some("cy"), "1 awr 30 munud", "45 munud", "2 awr 15 munud"),
        (Some("fr"), "1 h 30", "45 min", "2 heures 15 minutes"),
        (
            Some("de"),
            "1 Std. 30 Min.",
            "45 Min.",
            "2 Stunden 15 Minuten",
        ),
        (Some("es"), "1 h 30 min", "45 min", "2 horas 15 minutos"),
    ];
    for (lang, long, short, words) in cases {
        let f = site(lang);
        f.build();
        let tt = f.read("p/timetable.html");
        assert!(tt.contains(long) && tt.contains(short), "{lang:?}: {tt}");
        let session = f.read("p/01-a.html");
        assert!(session.contains(long), "{lang:?}: session page");
        let print = f.read("p/print.html");
        assert!(print.contains(long), "{lang:?}: print");
        let txt = f.read("p/letters/oriau.txt");
        assert!(txt.contains(&format!("Oriau: {words};")), "{lang:?}: {txt}");
        if lang.is_some() {
            assert!(!tt.contains("1 h 30 min") || lang == Some("es"), "{lang:?}");
        }
    }
}

#[test]
fn welsh_lists_of_dates_take_ac_before_un_and_wyth() {
    let f = site(Some("cy"));
    f.build();
    let txt = f.read("p/letters/oriau.txt");
    assert!(txt.contains("1 ac 8 Mawrth 2027"), "{txt}");
}

#[test]
fn callout_default_titles_follow_the_language() {
    let cases = [
        (None, ["Note", "Trainer note"]),
        (Some("cy"), ["Nodyn", "Nodyn i hyfforddwyr"]),
        (Some("fr"), ["Remarque", "Note pour le formateur"]),
        (Some("de"), ["Hinweis", "Hinweis für Trainer"]),
        (Some("es"), ["Nota", "Nota para el formador"]),
    ];
    for (lang, want) in cases {
        let f = site(lang);
        f.build();
        let page = f.html("p/01-a.html");
        let titles = texts(&page, ".callout-title");
        // The author's own title stays as written.
        assert_eq!(titles, [want[0], "Fy nheitl", want[1]], "{lang:?}");
    }
}

#[test]
fn smart_quotes_follow_the_language() {
    let cases = [
        (None, "“dyfyniad”"),
        (Some("cy"), "“dyfyniad”"),
        (Some("fr"), "«\u{202F}dyfyniad\u{202F}»"),
        (Some("de"), "„dyfyniad“"),
        (Some("es"), "«dyfyniad»"),
    ];
    for (lang, want) in cases {
        let f = site(lang);
        f.build();
        let body = f.read("p/01-a.html");
        assert!(
            body.contains(&format!("Mae {want} yma.")),
            "{lang:?}: {body}"
        );
    }
}

#[test]
fn a_translated_edition_takes_its_own_language() {
    let f = site(None);
    f.write(
        "content/p/01-a.fr.md",
        "---\ntitle: Premier\nday: 1\nblock: before-coffee\nduration: 90m\n---\n> [!TIP]\n> Un.\n\nIl dit \"bonjour\".\n",
    );
    f.build();
    let page = f.html("p.fr/01-a.html");
    assert_eq!(texts(&page, ".callout-title"), ["Astuce"]);
    let body = f.read("p.fr/01-a.html");
    assert!(body.contains("Il dit «\u{202F}bonjour\u{202F}»."), "{body}");
    // The original keeps English.
    assert_eq!(
        texts(&f.html("p/01-a.html"), ".callout-title"),
        ["Note", "Fy nheitl", "Trainer note"]
    );
}
