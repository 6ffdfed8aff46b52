//! The pseudo-locale, strictly: a site whose own content has no English word (it is
//! written in Welsh and numbers) is built in `en-XA` with the 12-hour clock, and every
//! ASCII word left in what a reader sees, inside the pseudo-locale's brackets or out, must
//! be the author's: every page (session pages with callouts, the post box, the evaluation
//! form, delivery pages, the letter page, run sheets, sign-in sheets), letters (.txt, the
//! .docx's text), the calendars' descriptions and the pages of `coursebook register`.
//! Dates, am and pm, durations and a list's "and" are the pseudo-locale's too. Anything
//! else is English that coursebook wrote.

mod common;
mod pseudo_locale;

use pseudo_locale::{walk, words};

use std::io::Read;
use std::path::Path;

use common::Fixture;
use scraper::Html;

const BOOK: &str =
    "[book]\ntitle = \"Cwrs\"\nlanguage = \"en-XA\"\n[output.html]\nclock = \"12h\"\n";

const INDEX: &str = "---\ntitle: Rhaglen hyfforddi\nvenue: Neuadd y dref\nparticipants: 4\ndays:\n  - { title: Diwrnod cyntaf, date: 2027-03-01 }\n  - { title: Ail ddiwrnod, date: 2027-03-08 }\n---\nCroeso i bawb.\n";

const FIRST: &str = "---\ntitle: Cyflwyniad\nsummary: Crynodeb byr\nday: 1\nblock: before-coffee\nduration: 90m\nproduces: [post-box]\nprompts:\n  - Beth yw eich barn?\n---\n> [!NOTE]\n> Nodyn bach.\n\n> [!TIP]\n> Awgrym bach.\n\n> [!WARNING]\n> Rhybudd.\n\n> [!IMPORTANT]\n> Pwysig.\n\n> [!CAUTION]\n> Gofal.\n\n> [!TRAINER]\n> I hyfforddwyr.\n\n> [!HANDOUT]\n> I bawb.\n\n> [!CHALLENGE]\n> Her fach.\n\n> [!SOLUTION]\n> Ateb.\n\n> [!PROMPTS]\n> - Pam?\n> - Sut?\n> \n> Mwy.\n\nMae \"dyfyniad\" yma.\n";

const SECOND: &str =
    "---\ntitle: Gweithdy\nday: 2\nblock: after-lunch\nduration: 45m\n---\nGwaith grŵp.\n";

const LETTER: &str = "---\ntitle: Tystysgrif\nkind: certificate\nfields:\n  - { name: enw, label: Enw llawn }\n---\n# Tystysgrif\n\n{{ enw }}: {{ programme.title }}, {{ programme.dates }}, {{ programme.contact_hours }}, {{ programme.venue }}.\n";

const DELIVERY: &str = "---\ntitle: Rhediad gwanwyn\nvenue: Canolfan\ndays:\n  - { date: 2027-04-12 }\n  - { date: 2027-04-19 }\ntrainers:\n  - { name: Siân Owen, role: lead }\n  - Dafydd Jones\nparticipants: 4\n---\nParcio y tu ôl.\n";

/// The text of a `.docx`'s `word/document.xml` (its `<w:t>` runs).
fn docx_text(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    for part in xml.split("<w:t").skip(1) {
        let Some((_, rest)) = part.split_once('>') else {
            continue;
        };
        out.push_str(rest.split("</w:t>").next().unwrap_or(""));
        out.push(' ');
    }
    out
}

/// What a calendar shows people: its events' summaries, descriptions and locations
/// (unfolded), not its keywords.
fn ics_text(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "").replace("\n ", "");
    let mut out = String::new();
    for line in unfolded.lines() {
        for key in [
            "SUMMARY",
            "DESCRIPTION",
            "LOCATION",
            "X-WR-CALNAME",
            "X-WR-CALDESC",
        ] {
            if let Some(rest) = line.strip_prefix(key)
                && let Some((_, value)) = rest.split_once(':')
            {
                out.push_str(&value.replace("\\n", " ").replace("\\,", ","));
                out.push(' ');
            }
        }
    }
    out
}

#[test]
// Long by design: one site built, registered and read whole; the allowed words, the files
// that must be read and the check are one story.
fn no_english_word_is_left_where_the_content_has_none() {
    let f = Fixture::new(&[
        ("book.toml", BOOK),
        ("content/p/index.md", INDEX),
        ("content/p/01-a.md", FIRST),
        ("content/p/02-b.md", SECOND),
        ("content/p/letters/tystysgrif.md", LETTER),
        ("content/p/deliveries/gwanwyn.md", DELIVERY),
    ]);
    f.build();
    std::fs::write(
        f.root().join("pobl.csv"),
        "Name;Organisation;Day 1;Day 2\nSiân Owen;Cyngor;yes;x\n",
    )
    .unwrap();
    let out = f.run(&["register", "--data", "pobl.csv", "--out", "cofrestr"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The author's words (and file names), and names that stay as they are; the list's
    // column names are not on any page (not allowed).
    let mut author = String::new();
    for p in walk(&f.root().join("content")) {
        author.push_str(&std::fs::read_to_string(&p).unwrap());
        author.push_str(&p.to_string_lossy());
    }
    author.push_str(BOOK);
    author.push_str("Cyngor");
    let mut allowed = words(&author);
    // Product and format names, and the file names coursebook writes.
    allowed.extend(
        [
            "coursebook",
            "csv",
            "ics",
            "docx",
            "txt",
            "zip",
            "pdf",
            "html",
            "evaluation",
            // A time zone's IANA name (here the default, `UTC`) is an identifier, written
            // as tzdata spells it whatever the language.
            "utc",
        ]
        .map(String::from),
    );
    let mut pages: Vec<(String, String)> = Vec::new();
    let roots = [f.site(), f.root().join("cofrestr")];
    for root in &roots {
        for p in walk(root) {
            let rel = p.strip_prefix(f.root()).unwrap().display().to_string();
            let text = match p.extension().and_then(|e| e.to_str()) {
                Some("html") => pseudo_locale::visible(
                    &Html::parse_document(&std::fs::read_to_string(&p).unwrap()),
                    &["aria-label", "title", "placeholder", "data-label", "alt"],
                ),
                Some("txt") => std::fs::read_to_string(&p).unwrap(),
                Some("docx") => docx_text(&p),
                Some("ics") => ics_text(&std::fs::read_to_string(&p).unwrap()),
                _ => continue,
            };
            pages.push((rel, text));
        }
    }
    let kinds = [
        "p/01-a.html",
        "p/post-box.html",
        "evaluation",
        "deliveries/gwanwyn",
        "tystysgrif.txt",
        "tystysgrif.docx",
        "p/letters/tystysgrif.html",
        "p/runsheet-day-1.html",
        "gwanwyn/runsheet-day-1.html",
        "p/signin-day-1.html",
        "p/timetable.ics",
        "gwanwyn/timetable.ics",
        "cofrestr/signin-day-1.html",
        "cofrestr/attendance.html",
    ];
    for k in kinds {
        // Each has words of coursebook's own, in the pseudo-locale (a calendar has the
        // author's words only: its titles, venue and summaries).
        assert!(
            pages.iter().any(|(rel, text)| rel.contains(k)
                && (text.contains('⟦') || k.ends_with(".ics") && text.contains("Crynodeb"))),
            "the test reads {k}: {:?}",
            pages.iter().map(|p| &p.0).collect::<Vec<_>>()
        );
    }
    // The letter page's script dates a letter in the pseudo-locale too (letters.js).
    let letter = Html::parse_document(
        &std::fs::read_to_string(f.site().join("p/letters/tystysgrif.html")).unwrap(),
    );
    let form = letter
        .select(&scraper::Selector::parse("#letter-form").unwrap())
        .next()
        .unwrap();
    assert_eq!(form.value().attr("data-date-lang"), Some("en-XA"));
    let mut found = Vec::new();
    for (rel, text) in &pages {
        for w in words(text) {
            if !allowed.contains(&w) {
                found.push(format!("{rel}: {w}"));
            }
        }
    }
    assert!(found.is_empty(), "English left:\n{}", found.join("\n"));
}
