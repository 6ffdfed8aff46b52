//! Translated content: `<file>.cy.md` beside a programme's files makes its Welsh edition
//! under `<programme>.cy/`, every page linked to its other-language version (`hreflang`,
//! the language switch), untranslated pages shown in the original with its `lang` and a
//! note, the participant edition applied to translations too.

mod common;

use common::{Fixture, resolve, sel, texts};
use coursebook::{Audience, BuildOptions};
use scraper::Html;

const BOOK: &str = "[book]\ntitle = \"Cwrs\"\nlanguage = \"en-GB\"\n";

const INDEX: &str = "---\ntitle: Recording\ndays:\n  - { title: Day one, date: 2027-03-01 }\n---\nAbout recording.\n";
const INDEX_CY: &str =
    "---\ntitle: Cofnodi\ndays:\n  - { title: Diwrnod un, date: 2027-03-01 }\n---\nAm gofnodi.\n";

const WELCOME: &str = "---\ntitle: Welcome\nday: 1\nblock: before-coffee\nduration: 30m\n---\nWelcome to the course.\n\n> [!TRAINER]\n> Englishtrainersecret.\n";
const WELCOME_CY: &str = "---\ntitle: Croeso\nday: 1\nblock: before-coffee\nduration: 30m\n---\nCroeso i'r cwrs.\n\n> [!TRAINER]\n> Cyfrinachhyfforddwr.\n";
const NOTES: &str = "---\ntitle: Notes that matter\nday: 1\nblock: after-coffee\nduration: 45m\n---\nKeep notes short.\n";

fn site() -> Fixture {
    Fixture::new(&[
        ("book.toml", BOOK),
        ("content/rec/index.md", INDEX),
        ("content/rec/index.cy.md", INDEX_CY),
        ("content/rec/01-welcome.md", WELCOME),
        ("content/rec/01-welcome.cy.md", WELCOME_CY),
        ("content/rec/02-notes.md", NOTES),
    ])
}

fn html_lang(doc: &Html) -> String {
    doc.select(&sel("html"))
        .next()
        .and_then(|h| h.value().attr("lang"))
        .unwrap_or_default()
        .to_string()
}

fn alternates(doc: &Html) -> Vec<(String, String)> {
    doc.select(&sel("link[rel=alternate][hreflang]"))
        .map(|l| {
            (
                l.value().attr("hreflang").unwrap().to_string(),
                l.value().attr("href").unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_welsh_pages_exist_and_link_both_ways() {
    let f = site();
    f.build();
    for page in [
        "rec.cy/index.html",
        "rec.cy/01-welcome.html",
        "rec.cy/02-notes.html",
        "rec.cy/timetable.html",
    ] {
        assert!(f.site().join(page).is_file(), "{page} missing");
    }
    // The original keeps its paths.
    assert!(f.site().join("rec/01-welcome.html").is_file());

    let en = f.html("rec/01-welcome.html");
    let cy = f.html("rec.cy/01-welcome.html");
    assert_eq!(html_lang(&en), "en-GB");
    assert_eq!(html_lang(&cy), "cy");
    let want_en = vec![
        ("en-GB".to_string(), "../rec/01-welcome.html".to_string()),
        ("cy".to_string(), "../rec.cy/01-welcome.html".to_string()),
    ];
    assert_eq!(alternates(&en), want_en);
    assert_eq!(alternates(&cy), want_en);
    assert!(texts(&cy, "main h1").iter().any(|t| t.contains("Croeso")));
    assert!(texts(&cy, "main").join(" ").contains("r cwrs."));
    assert!(
        !texts(&cy, "main")
            .join(" ")
            .contains("Welcome to the course")
    );
}

#[test]
fn the_switch_links_resolve_and_mark_the_current_language() {
    let f = site();
    f.build();
    for page in [
        "rec/01-welcome.html",
        "rec.cy/01-welcome.html",
        "rec/timetable.html",
        "rec.cy/02-notes.html",
        "rec.cy/index.html",
    ] {
        let doc = f.html(page);
        let links: Vec<_> = doc.select(&sel("nav.lang-switch a")).collect();
        assert_eq!(links.len(), 2, "{page}: a link per language");
        let names: Vec<String> = links.iter().map(|a| a.text().collect()).collect();
        assert_eq!(names, ["English", "Cymraeg"], "{page}");
        let current: Vec<_> = links
            .iter()
            .filter(|a| a.value().attr("aria-current") == Some("true"))
            .collect();
        assert_eq!(current.len(), 1, "{page}: one current language");
        let cur_lang = current[0].value().attr("hreflang").unwrap();
        assert_eq!(cur_lang, html_lang(&doc), "{page}");
        for a in &links {
            let target = resolve(page, a.value().attr("href").unwrap());
            assert!(f.site().join(&target).is_file(), "{page}: {target} missing");
        }
    }
    // A site with one language has no switch and no alternates.
    let one = Fixture::new(&[
        ("book.toml", BOOK),
        ("content/rec/index.md", INDEX),
        ("content/rec/01-welcome.md", WELCOME),
    ]);
    one.build();
    let doc = one.html("rec/01-welcome.html");
    assert_eq!(doc.select(&sel("nav.lang-switch")).count(), 0);
    assert!(alternates(&doc).is_empty());
}

#[test]
fn an_untranslated_page_falls_back_marked() {
    let f = site();
    f.build();
    let doc = f.html("rec.cy/02-notes.html");
    let main = doc.select(&sel("main")).next().unwrap();
    assert_eq!(main.value().attr("lang"), Some("en-GB"));
    assert_eq!(texts(&doc, ".untranslated-note").len(), 1);
    assert!(texts(&doc, "main").join(" ").contains("Keep notes short."));
    // A translated page is not marked.
    let cy = f.html("rec.cy/01-welcome.html");
    assert_eq!(cy.select(&sel(".untranslated-note")).count(), 0);
    assert_eq!(
        cy.select(&sel("main")).next().unwrap().value().attr("lang"),
        None
    );
}

#[test]
fn the_welsh_timetable_uses_translated_titles_and_welsh_dates() {
    let f = site();
    f.build();
    let tt = f.read("rec.cy/timetable.html");
    assert!(tt.contains("Croeso"), "translated title");
    assert!(
        tt.contains("Notes that matter"),
        "untranslated title falls back"
    );
    assert!(tt.contains("Dydd Llun 1 Mawrth 2027"));
    assert!(tt.contains("Diwrnod un"));
    // The home page lists the programme once: the edition is reached by its switch.
    let home = f.html("index.html");
    let cards = texts(&home, "main a");
    assert!(!cards.iter().any(|t| t.contains("Cofnodi")), "{cards:?}");
    // Welsh pages are in the Welsh edition's own search shard.
    let shard = f.read("rec.cy/searchindex.js");
    assert!(shard.contains("Croeso"));
}

#[test]
fn the_participant_edition_drops_trainer_text_in_the_translation() {
    let f = site();
    let dest = f.root().join("out-p");
    coursebook::build(&BuildOptions {
        root: f.root().to_path_buf(),
        dest: Some(dest.clone()),
        audience: Audience::Participant,
        ..Default::default()
    })
    .unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    let cy = std::fs::read_to_string(dest.join("rec.cy/01-welcome.html")).unwrap();
    assert!(cy.contains("Croeso"));
    assert!(!cy.contains("Cyfrinachhyfforddwr"));
    let shard = std::fs::read_to_string(dest.join("rec.cy/searchindex.js")).unwrap();
    assert!(!shard.contains("Cyfrinachhyfforddwr"));
    // And the trainer build keeps it.
    f.build();
    assert!(
        f.read("rec.cy/01-welcome.html")
            .contains("Cyfrinachhyfforddwr")
    );
}

#[test]
fn a_folder_of_the_sites_own_where_an_edition_would_go_is_an_error() {
    let f = Fixture::new(&[
        ("book.toml", BOOK),
        ("content/rec/index.md", INDEX),
        ("content/rec/01-welcome.cy.md", WELCOME_CY),
        ("content/rec/01-welcome.md", WELCOME),
        ("content/rec.cy/index.md", INDEX),
    ]);
    let errs = f.build_err().join("\n");
    assert!(errs.contains("content/rec/01-welcome.cy.md"), "{errs}");
    assert!(errs.contains("written to `rec.cy/`"), "{errs}");
}
