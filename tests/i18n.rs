//! Interface strings (src/i18n): the pseudo-locale leaves no English interface word on any
//! page or in the scripts' table, Welsh counts take six forms, a site's `.ftl` override
//! falls back to English for what it lacks and `check` says so, `<html lang>` is the site's.

mod common;
mod pseudo_locale;

use pseudo_locale::{outside_brackets, walk, words};

use std::collections::BTreeSet;
use std::path::Path;

use common::{Fixture, sel};
use scraper::Html;

/// Copies the example site (book.toml and content/) into `to`.
fn copy_example(to: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walk(&src.join("content")) {
        let rel = entry.strip_prefix(src).unwrap();
        let dest = to.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&entry, dest).unwrap();
    }
    std::fs::copy(src.join("book.toml"), to.join("book.toml")).unwrap();
}

fn set_language(root: &Path, lang: &str) {
    let p = root.join("book.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("language") {
                format!("language = \"{lang}\"")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(p, text + "\n").unwrap();
}

/// The words of the en-GB file's messages (not its comments or ids), less any word the
/// author's own content and the file names use: what is left can only come from the interface.
fn interface_vocabulary(site: &Path) -> BTreeSet<String> {
    let ftl = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/en-GB.ftl"),
    )
    .unwrap();
    let mut vocab = BTreeSet::new();
    for line in ftl.lines() {
        if line.starts_with('#') {
            continue;
        }
        let text = match line.split_once(" = ") {
            Some((_, t)) => t,
            None => line,
        };
        // Variables and selector keys are not words a reader sees.
        let text: String = text
            .split('{')
            .map(|part| part.split_once('}').map_or(part, |(_, after)| after))
            .collect::<Vec<_>>()
            .join(" ");
        let text = text.split(']').next_back().unwrap_or("");
        vocab.extend(words(text));
    }
    let mut author = String::new();
    for f in walk(&site.join("content")) {
        author.push_str(&std::fs::read_to_string(&f).unwrap_or_default());
        author.push(' ');
        author.push_str(&f.to_string_lossy());
    }
    author.push_str(&std::fs::read_to_string(site.join("book.toml")).unwrap());
    let author = words(&author);
    // Product and format names stay as they are in every language.
    let keep = [
        "coursebook",
        "csv",
        "ics",
        "docx",
        "txt",
        "zip",
        "pdf",
        "word",
        "excel",
        "libreoffice",
        "utf",
        "unicode",
    ];
    vocab
        .into_iter()
        .filter(|w| !author.contains(w) && !keep.contains(&w.as_str()))
        .collect()
}

#[test]
fn the_pseudo_locale_leaves_no_english_interface_word() {
    let f = Fixture::new(&[]);
    copy_example(f.root());
    set_language(f.root(), "en-XA");
    f.build();
    let vocab = interface_vocabulary(f.root());
    assert!(
        vocab.len() > 50,
        "the test checks many words: {}",
        vocab.len()
    );
    let mut found: Vec<String> = Vec::new();
    for page in walk(&f.site()) {
        if page.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let doc = Html::parse_document(&std::fs::read_to_string(&page).unwrap());
        for w in words(&outside_brackets(&pseudo_locale::visible(
            &doc,
            &["aria-label", "title", "placeholder", "data-label"],
        ))) {
            if vocab.contains(&w) {
                found.push(format!(
                    "{}: {w}",
                    page.strip_prefix(f.site()).unwrap().display()
                ));
            }
        }
    }
    let script = f.read("theme/i18n-en-XA.js");
    let table = script
        .split_once("messages: ")
        .map(|(_, t)| t.split_once(" };").map_or(t, |(t, _)| t))
        .unwrap();
    // The messages' texts (not their ids).
    let json: serde_json::Value = serde_json::from_str(table).unwrap();
    let mut texts = String::new();
    for v in json.as_object().unwrap().values() {
        match v {
            serde_json::Value::String(s) => texts.push_str(s),
            serde_json::Value::Object(per) => {
                for s in per.values() {
                    texts.push_str(s.as_str().unwrap());
                    texts.push(' ');
                }
            }
            _ => panic!("a message is text or forms"),
        }
        texts.push(' ');
    }
    for w in words(&outside_brackets(&texts)) {
        if vocab.contains(&w) {
            found.push(format!("i18n-en-XA.js: {w}"));
        }
    }
    assert!(found.is_empty(), "English interface words left: {found:#?}");
    // The pseudo text is there: the brackets and the accents.
    let home = f.read("index.html");
    assert!(
        home.contains("⟦"),
        "pseudo-localised strings on the home page"
    );
}

#[test]
fn welsh_counts_take_six_forms_and_the_page_says_so() {
    let f = Fixture::new(&[]);
    copy_example(f.root());
    set_language(f.root(), "cy");
    f.build();
    let script = f.read("theme/i18n-cy.js");
    for form in [
        "dim sesiynau",
        "un sesiwn",
        "dwy sesiwn",
        "tair sesiwn",
        "chwe sesiwn",
        "{$n} sesiwn",
    ] {
        assert!(script.contains(form), "{form} in i18n-cy.js");
    }
    let doc = f.html("index.html");
    let html = doc.select(&sel("html")).next().unwrap();
    assert_eq!(html.attr("lang"), Some("cy"));
    let skip = common::texts(&doc, ".skip-link");
    assert_eq!(skip, vec!["Neidio i'r cynnwys".to_string()]);
    let search = doc.select(&sel("#search-input")).next().unwrap();
    assert_eq!(search.attr("placeholder"), Some("Chwilio"));
    assert!(
        std::fs::read_to_string(f.site().join("recording/timetable.html"))
            .unwrap()
            .contains("10 sesiwn</caption>"),
        "the day's caption counts in Welsh"
    );
}

#[test]
fn a_site_override_adds_messages_and_falls_back_to_english_with_a_warning() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\nlanguage = \"xx\"\n[build]\ntheme = \"mine\"\n",
        ),
        (
            "themes/mine/i18n/xx.ftl",
            "timetable = Tidsplan\nnot_a_message = Nope\n",
        ),
        ("content/p/index.md", common::PROGRAMME),
        (
            "content/p/01-a.md",
            &common::session("A", 1, "before-coffee", "30 min"),
        ),
    ]);
    let out = f.run(&["check"]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        said.contains("themes/mine/i18n/xx.ftl")
            && said.contains("no `search_label` message for xx"),
        "{said}"
    );
    assert!(
        said.contains("`not_a_message` is not one coursebook uses"),
        "{said}"
    );
    f.build();
    let doc = f.html("p/timetable.html");
    assert_eq!(common::texts(&doc, "h1"), vec!["Tidsplan".to_string()]);
    // What xx lacks is English, never blank.
    assert_eq!(
        common::texts(&doc, ".skip-link"),
        vec!["Skip to content".to_string()]
    );
}

/// A programme in a language the site's file lacks messages for is checked too, not only
/// book.toml's language; each language once, and the site's own language still is.
#[test]
fn a_programmes_own_language_is_checked_for_missing_messages() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\nlanguage = \"en-GB\"\n[build]\ntheme = \"mine\"\n",
        ),
        ("themes/mine/i18n/xx.ftl", "timetable = Tidsplan\n"),
        (
            "content/p/index.md",
            "---\ntitle: P\nlanguage: xx\ndays:\n  - { title: One }\n---\n",
        ),
        (
            "content/p/01-a.md",
            &common::session("A", 1, "before-coffee", "30 min"),
        ),
        (
            "content/q/index.md",
            "---\ntitle: Q\nlanguage: xx\ndays:\n  - { title: One }\n---\n",
        ),
        (
            "content/q/01-a.md",
            &common::session("A", 1, "before-coffee", "30 min"),
        ),
    ]);
    let out = f.run(&["check"]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        said.matches("no `search_label` message for xx").count(),
        1,
        "{said}"
    );
    assert!(said.contains("themes/mine/i18n/xx.ftl"), "{said}");
    // The built-in en-GB is whole: nothing said of it.
    assert!(!said.contains("message for en-GB"), "{said}");
    f.build();
    let doc = f.html("p/timetable.html");
    assert_eq!(common::texts(&doc, "h1"), vec!["Tidsplan".to_string()]);
}

#[test]
fn an_unknown_language_is_english_with_a_warning_at_its_line() {
    let f = Fixture::new(&[
        ("book.toml", "[book]\ntitle = \"T\"\nlanguage = \"tlh\"\n"),
        ("content/p/index.md", common::PROGRAMME),
        (
            "content/p/01-a.md",
            &common::session("A", 1, "before-coffee", "30 min"),
        ),
    ]);
    let out = f.run(&["check"]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(said.contains("book.toml:3:"), "{said}");
    assert!(
        said.contains("no interface strings for language `tlh`"),
        "{said}"
    );
    f.build();
    let doc = f.html("p/timetable.html");
    assert_eq!(common::texts(&doc, "h1"), vec!["Timetable".to_string()]);
}
