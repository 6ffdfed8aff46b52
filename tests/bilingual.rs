//! A bilingual site, whole: a programme's deliveries in its Welsh edition
//! (`<programme>.cy/deliveries/<id>/`, their words from `deliveries/<id>.cy.md`), and the
//! site's own pages translated (`about.cy.md` beside `about.md`, `index.cy.md` a Welsh
//! home), each linked to its other language (`hreflang`, the language switch).

mod common;

use common::{Fixture, resolve, sel, texts};
use coursebook::{Audience, BuildOptions};
use scraper::Html;

const BOOK: &str = "[book]\ntitle = \"Recording course\"\nlanguage = \"en-GB\"\n";

const INDEX: &str = "---\ntitle: Recording\ntimezone: Europe/London\ndays:\n  - { title: Day one }\n---\nAbout recording.\n";
const INDEX_CY: &str = "---\ntitle: Cofnodi\ndays:\n  - { title: Diwrnod un }\n---\nAm gofnodi.\n";
const WELCOME: &str = "---\ntitle: Welcome\nday: 1\nblock: before-coffee\nduration: 30m\n---\nWelcome to the course.\n";
const WELCOME_CY: &str =
    "---\ntitle: Croeso\nday: 1\nblock: before-coffee\nduration: 30m\n---\nCroeso i'r cwrs.\n";
const NOTES: &str = "---\ntitle: Notes that matter\nday: 1\nblock: after-coffee\nduration: 1h30m\n---\nKeep notes short.\n";

const SPRING: &str = "---\ntitle: Spring run\nvenue: Riverside Centre\ndays:\n  - { date: 2027-03-01, start: \"10:00\" }\ntrainers:\n  - { name: Sam Lee, role: lead }\n---\nPark behind the library.\n\n> [!TRAINER]\n> Englishkeysecret at reception.\n";
const SPRING_CY: &str = "---\ntitle: Rhediad y gwanwyn\nvenue: Canolfan Glan yr Afon\ndays:\n  - { date: 2027-03-01, start: \"10:00\" }\ntrainers:\n  - { name: Sam Lee, role: arweinydd }\n---\nParciwch y tu ôl i'r llyfrgell.\n\n> [!TRAINER]\n> Allweddgyfrinachol yn y dderbynfa.\n";
const AUTUMN: &str = "---\ntitle: Autumn run\ndays:\n  - { date: 2027-10-04 }\ntrainers:\n  - Kim Park\n---\nOnline, link by email.\n";
const INVITE: &str = "---\ntitle: Invitation\n---\nYou are invited to {{ programme.title }} on {{ programme.dates }}.\n";

const OTHER: &str =
    "---\ntitle: Supervision\ndays:\n  - { title: Day one }\n---\nAbout supervision.\n";
const OTHER_RUN: &str = "---\ntitle: Supervision in May\ndays:\n  - { date: 2027-05-03 }\ntrainers:\n  - Jo Bell\n---\nRoom 2.\n";

fn files() -> Vec<(&'static str, String)> {
    let s = |x: &str| x.to_string();
    vec![
        ("book.toml", s(BOOK)),
        (
            "content/index.md",
            s("---\ntitle: Training\n---\nWelcome to our training.\n"),
        ),
        (
            "content/index.cy.md",
            s("---\ntitle: Hyfforddiant\n---\nCroeso i'n hyfforddiant.\n"),
        ),
        (
            "content/about.md",
            s("---\ntitle: About us\n---\nWe train social workers.\n"),
        ),
        (
            "content/about.cy.md",
            s(
                "---\ntitle: Amdanom ni\n---\nRydym yn hyfforddi.\n\n> [!NOTE]\n> Gweler y rhaglen.\n",
            ),
        ),
        (
            "content/news.cy.md",
            s("---\ntitle: Newyddion\n---\nA page of its own.\n"),
        ),
        ("content/rec/index.md", s(INDEX)),
        ("content/rec/index.cy.md", s(INDEX_CY)),
        ("content/rec/01-welcome.md", s(WELCOME)),
        ("content/rec/01-welcome.cy.md", s(WELCOME_CY)),
        ("content/rec/02-notes.md", s(NOTES)),
        ("content/rec/letters/invite.md", s(INVITE)),
        ("content/rec/deliveries/spring.md", s(SPRING)),
        ("content/rec/deliveries/spring.cy.md", s(SPRING_CY)),
        ("content/rec/deliveries/autumn.md", s(AUTUMN)),
        ("content/sup/index.md", s(OTHER)),
        (
            "content/sup/01-a.md",
            common::session("Reflecting", 1, "before-coffee", "1h"),
        ),
        ("content/sup/deliveries/may.md", s(OTHER_RUN)),
    ]
}

fn site() -> Fixture {
    let f = files();
    let refs: Vec<(&str, &str)> = f.iter().map(|(p, t)| (*p, t.as_str())).collect();
    Fixture::new(&refs)
}

fn html_lang(doc: &Html) -> String {
    let h = doc.select(&sel("html")).next().unwrap();
    h.value().attr("lang").unwrap_or_default().to_string()
}

/// `hreflang` links as (language, site-relative path), from the page at `page`.
fn alternates(doc: &Html, page: &str) -> Vec<(String, String)> {
    doc.select(&sel("link[rel=alternate][hreflang]"))
        .map(|l| {
            let v = l.value();
            (
                v.attr("hreflang").unwrap().to_string(),
                resolve(page, v.attr("href").unwrap()),
            )
        })
        .collect()
}

/// The language switch's links as (language, site-relative path, current).
fn switch(doc: &Html, page: &str) -> Vec<(String, String, bool)> {
    doc.select(&sel("nav.lang-switch a"))
        .map(|a| {
            let v = a.value();
            (
                v.attr("lang").unwrap().to_string(),
                resolve(page, v.attr("href").unwrap()),
                v.attr("aria-current") == Some("true"),
            )
        })
        .collect()
}

fn pair(en: &str, cy: &str) -> Vec<(String, String)> {
    vec![("en-GB".into(), en.into()), ("cy".into(), cy.into())]
}

fn main_text(doc: &Html) -> String {
    texts(doc, "main").join(" ")
}

#[test]
fn a_delivery_is_in_the_welsh_edition_in_welsh_and_linked_both_ways() {
    let f = site();
    f.build();
    let dir = "rec.cy/deliveries/spring";
    for file in [
        "index.html",
        "runsheet-day-1.html",
        "signin-day-1.html",
        "schedule.js",
        "timetable.csv",
        "timetable.ics",
        "evaluation.html",
        "letters/invite.html",
        "letters/invite.docx",
    ] {
        let p = f.site().join(dir).join(file);
        assert!(p.is_file(), "{dir}/{file} missing");
    }
    // The original's paths do not change.
    assert!(f.site().join("rec/deliveries/spring/index.html").is_file());

    let en_path = "rec/deliveries/spring/index.html";
    let cy_path = "rec.cy/deliveries/spring/index.html";
    let en = f.html(en_path);
    let cy = f.html(cy_path);
    assert_eq!(html_lang(&en), "en-GB");
    assert_eq!(html_lang(&cy), "cy");
    assert_eq!(alternates(&en, en_path), pair(en_path, cy_path));
    assert_eq!(alternates(&cy, cy_path), pair(en_path, cy_path));
    assert_eq!(
        switch(&en, en_path),
        vec![
            ("en-GB".into(), en_path.into(), true),
            ("cy".into(), cy_path.into(), false)
        ]
    );
    assert_eq!(switch(&cy, cy_path)[1], ("cy".into(), cy_path.into(), true));

    // Its own words from spring.cy.md; the interface, dates, durations and the edition's
    // session titles in Welsh; not marked untranslated.
    let text = main_text(&cy);
    assert!(
        texts(&cy, "main h1")
            .join(" ")
            .contains("Rhediad y gwanwyn"),
        "{text}"
    );
    for want in [
        "Canolfan Glan yr Afon",
        "Parciwch y tu ôl",
        "Hyfforddwyr",
        "Dydd Llun 1 Mawrth 2027",
        "Diwrnod 1",
        "Croeso",
        "1 awr 30 munud",
        "10:00",
    ] {
        assert!(
            text.contains(want),
            "{want:?} not on the Welsh delivery: {text}"
        );
    }
    for english in [
        "Riverside Centre",
        "Park behind",
        "Trainers",
        "Welcome",
        "Day 1",
        "March",
    ] {
        assert!(
            !text.contains(english),
            "{english:?} on the Welsh delivery: {text}"
        );
    }
    assert!(cy.select(&sel("main[lang]")).next().is_none());
    assert!(cy.select(&sel(".untranslated-note")).next().is_none());
    // Its session links and run sheet links stay in the edition.
    for a in cy.select(&sel("main a[href]")) {
        let to = resolve(cy_path, a.value().attr("href").unwrap());
        assert!(!to.starts_with("rec/"), "the Welsh delivery links to {to}");
    }
}

#[test]
fn the_welsh_run_sheet_and_letters_of_a_delivery_are_welsh() {
    let f = site();
    f.build();
    let path = "rec.cy/deliveries/spring/runsheet-day-1.html";
    let rs = f.html(path);
    assert_eq!(html_lang(&rs), "cy");
    let text = main_text(&rs);
    for want in [
        "Taflen rhedeg",
        "Diwrnod 1",
        "Dydd Llun 1 Mawrth 2027",
        "Rhediad y gwanwyn",
        "Canolfan Glan yr Afon",
        "Sam Lee (arweinydd)",
        "Croeso",
        "30 munud",
    ] {
        assert!(
            text.contains(want),
            "{want:?} not on the Welsh run sheet: {text}"
        );
    }
    assert!(
        !text.contains("Run sheet") && !text.contains("Day 1"),
        "{text}"
    );
    assert_eq!(
        alternates(&rs, path),
        pair("rec/deliveries/spring/runsheet-day-1.html", path)
    );
    // The schedule of the Welsh delivery is its own.
    let sched = f.read("rec.cy/deliveries/spring/schedule.js");
    assert!(sched.contains("rec.cy/deliveries/spring"), "{sched}");
    // The letter's built-ins in the edition's language.
    let letter = f.read("rec.cy/deliveries/spring/letters/invite.txt");
    assert!(
        letter.contains("Cofnodi") && letter.contains("1 Mawrth 2027"),
        "{letter}"
    );
}

#[test]
fn an_untranslated_delivery_is_the_originals_words_marked() {
    let f = site();
    f.build();
    let path = "rec.cy/deliveries/autumn/index.html";
    let doc = f.html(path);
    assert_eq!(html_lang(&doc), "cy");
    let main = doc.select(&sel("main")).next().unwrap();
    assert_eq!(main.value().attr("lang"), Some("en-GB"));
    assert!(doc.select(&sel(".untranslated-note")).next().is_some());
    let text = main_text(&doc);
    assert!(text.contains("Online, link by email."), "{text}");
    assert!(text.contains("Dydd Llun 4 Hydref 2027"), "{text}");
    assert_eq!(
        alternates(&doc, path),
        pair("rec/deliveries/autumn/index.html", path)
    );
    // The translated one is not marked.
    let spring = f.html("rec.cy/deliveries/spring/index.html");
    assert!(spring.select(&sel(".untranslated-note")).next().is_none());
}

#[test]
fn the_welsh_session_page_lists_the_welsh_deliveries() {
    let f = site();
    f.build();
    let path = "rec.cy/01-welcome.html";
    let doc = f.html(path);
    let runs: Vec<(String, String)> = doc
        .select(&sel(".session-runs li a"))
        .map(|a| {
            let text = a.text().collect::<String>();
            (resolve(path, a.value().attr("href").unwrap()), text)
        })
        .collect();
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert_eq!(runs[0].0, "rec.cy/deliveries/spring/index.html");
    assert!(runs[0].1.contains("Rhediad y gwanwyn"), "{runs:?}");
    assert_eq!(runs[1].0, "rec.cy/deliveries/autumn/index.html");
    let text = texts(&doc, ".session-runs").join(" ");
    assert!(text.contains("Dydd Llun 1 Mawrth 2027, 10:00"), "{text}");
    // The original's lists the original's.
    let en = f.html("rec/01-welcome.html");
    let hrefs: Vec<String> = en
        .select(&sel(".session-runs li a"))
        .map(|a| resolve("rec/01-welcome.html", a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(
        hrefs,
        [
            "rec/deliveries/spring/index.html",
            "rec/deliveries/autumn/index.html"
        ]
    );
}

#[test]
fn site_pages_and_the_home_page_have_welsh_versions() {
    let f = site();
    f.build();
    // about.cy.md is about.md's translation, where it always was.
    let about = f.html("about.html");
    let about_cy = f.html("about.cy.html");
    assert_eq!(html_lang(&about), "en-GB");
    assert_eq!(html_lang(&about_cy), "cy");
    let want = pair("about.html", "about.cy.html");
    assert_eq!(alternates(&about, "about.html"), want);
    assert_eq!(alternates(&about_cy, "about.cy.html"), want);
    assert_eq!(switch(&about_cy, "about.cy.html").len(), 2);
    // Its interface and its callout titles in Welsh.
    assert_eq!(texts(&about_cy, ".breadcrumbs li a"), ["Hafan"]);
    assert!(
        main_text(&about_cy).contains("Nodyn"),
        "{}",
        main_text(&about_cy)
    );
    let home_link = about_cy.select(&sel("a.site-name")).next().unwrap();
    assert_eq!(home_link.value().attr("href"), Some("index.cy.html"));

    // A lone translation is a page of its own, as before.
    let news = f.html("news.cy.html");
    assert_eq!(html_lang(&news), "en-GB");
    assert!(alternates(&news, "news.cy.html").is_empty());
    assert!(news.select(&sel("nav.lang-switch")).next().is_none());

    // The homes link to each other.
    let home = f.html("index.html");
    let home_cy = f.html("index.cy.html");
    let want = pair("index.html", "index.cy.html");
    assert_eq!(alternates(&home, "index.html"), want);
    assert_eq!(alternates(&home_cy, "index.cy.html"), want);
    assert_eq!(
        switch(&home, "index.html"),
        vec![
            ("en-GB".into(), "index.html".into(), true),
            ("cy".into(), "index.cy.html".into(), false)
        ]
    );
    assert_eq!(html_lang(&home_cy), "cy");
}

#[test]
fn the_welsh_home_lists_the_welsh_editions_and_marks_the_others() {
    let f = site();
    f.build();
    let path = "index.cy.html";
    let doc = f.html(path);
    assert!(texts(&doc, "main h1").join(" ").contains("Hyfforddiant"));
    assert!(main_text(&doc).contains("hyfforddiant."));
    assert!(texts(&doc, "main h2").iter().any(|t| t == "Rhaglenni"));
    let cards: Vec<(String, Option<String>, String)> = doc
        .select(&sel(".programme-card h3 a"))
        .map(|a| {
            let v = a.value();
            (
                resolve(path, v.attr("href").unwrap()),
                v.attr("lang").map(str::to_string),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        cards,
        vec![
            ("rec.cy/index.html".into(), None, "Cofnodi".into()),
            (
                "sup/index.html".into(),
                Some("en-GB".into()),
                "Supervision".into()
            ),
        ]
    );
    // The sidebar's programmes too: the Welsh edition where there is one.
    let nav: Vec<String> = doc
        .select(&sel(".nav-pages a"))
        .map(|a| resolve(path, a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(nav, ["rec.cy/index.html", "sup/index.html"]);
    let en_nav: Vec<String> = f
        .html("about.html")
        .select(&sel(".nav-pages a"))
        .map(|a| resolve("about.html", a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(en_nav, ["rec/index.html", "sup/index.html"]);
    let marks = texts(&doc, ".programme-card .untranslated-mark");
    assert_eq!(marks, ["Heb ei gyfieithu eto"]);
    // Upcoming deliveries: the Welsh edition's runs, and the untranslated programme's,
    // marked; each run once.
    let runs: Vec<(String, String)> = doc
        .select(&sel(".deliveries li"))
        .map(|li| {
            let a = li.select(&sel("a")).next().unwrap();
            (
                resolve(path, a.value().attr("href").unwrap()),
                li.text().collect::<String>(),
            )
        })
        .collect();
    let hrefs: Vec<&str> = runs.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        hrefs,
        [
            "rec.cy/deliveries/spring/index.html",
            "sup/deliveries/may/index.html",
            "rec.cy/deliveries/autumn/index.html"
        ]
    );
    assert!(runs[0].1.contains("Cofnodi: Rhediad y gwanwyn"), "{runs:?}");
    assert!(runs[0].1.contains("1 Mawrth 2027"), "{runs:?}");
    assert!(runs[1].1.contains("3 Mai 2027") && runs[1].1.contains("Heb ei gyfieithu eto"));

    // The English home lists the originals' runs only, once each.
    let en = f.html("index.html");
    let hrefs: Vec<String> = en
        .select(&sel(".deliveries li a"))
        .map(|a| resolve("index.html", a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(
        hrefs,
        [
            "rec/deliveries/spring/index.html",
            "sup/deliveries/may/index.html",
            "rec/deliveries/autumn/index.html"
        ]
    );
    assert!(en.select(&sel(".untranslated-mark")).next().is_none());
}

#[test]
fn search_holds_the_translated_pages_and_deliveries() {
    let f = site();
    f.build();
    let root = f.read("searchindex.js");
    for url in ["\"about.cy.html\"", "\"index.cy.html\"", "\"about.html\""] {
        assert!(root.contains(url), "{url} not in the root index");
    }
    // The translations say their language; the originals and a lone page do not.
    assert!(root.contains("\"w\":\"Page · Cymraeg\""), "{root}");
    assert!(root.contains("\"w\":\"Home · Cymraeg\""), "{root}");
    assert_eq!(root.matches("Cymraeg").count(), 2, "{root}");
    let shard = f.read("rec.cy/searchindex.js");
    assert!(shard.contains("\"rec.cy/deliveries/spring/index.html\""));
    assert!(shard.contains("\"rec.cy/deliveries/autumn/index.html\""));
    assert!(!shard.contains("\"rec/deliveries/"));
}

#[test]
fn the_participant_build_has_no_papers_and_no_trainer_words_in_either_language() {
    let f = site();
    let dest = f.root().join("part");
    let opts = BuildOptions {
        root: f.root().to_path_buf(),
        audience: Audience::Participant,
        dest: Some(dest.clone()),
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    for dir in ["rec/deliveries/spring", "rec.cy/deliveries/spring"] {
        let d = dest.join(dir);
        assert!(d.join("index.html").is_file(), "{dir} missing");
        assert!(
            !d.join("runsheet-day-1.html").exists(),
            "{dir} has a run sheet"
        );
        assert!(
            !d.join("signin-day-1.html").exists(),
            "{dir} has a sign-in sheet"
        );
    }
    let mut stack = vec![dest.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                for secret in ["Allweddgyfrinachol", "Englishkeysecret", "runsheet-day"] {
                    assert!(!text.contains(secret), "{secret} in {}", p.display());
                }
            }
        }
    }
    let cy = Html::parse_document(
        &std::fs::read_to_string(dest.join("rec.cy/deliveries/spring/index.html")).unwrap(),
    );
    assert!(main_text(&cy).contains("Parciwch y tu ôl"));
    assert!(!main_text(&cy).contains("Nodyn i hyfforddwyr"));
}

#[test]
fn check_warns_of_a_delivery_translation_without_its_original_only() {
    let f = site();
    let warnings = |f: &Fixture| -> Vec<String> {
        let out = f.run(&["check"]);
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| l.contains(": warning:"))
            .map(str::to_string)
            .collect()
    };
    // A lone site-page translation (news.cy.md) and the translations with originals: no
    // warning of theirs.
    let before = warnings(&f);
    assert!(before.iter().all(|w| !w.contains(".cy.md")), "{before:?}");
    f.write(
        "content/rec/deliveries/winter.cy.md",
        "---\ndays:\n  - { date: 2027-12-06 }\n---\nGaeaf.\n",
    );
    let after = warnings(&f);
    let new: Vec<&String> = after.iter().filter(|w| !before.contains(w)).collect();
    assert_eq!(new.len(), 1, "{after:?}");
    assert!(
        new[0].starts_with("content/rec/deliveries/winter.cy.md: warning:")
            && new[0].contains("rec/deliveries/winter.md"),
        "{new:?}"
    );
    f.build();
    assert!(!f.site().join("rec.cy/deliveries/winter").exists());
}

#[test]
fn a_trainer_in_a_translated_delivery_is_booked_once() {
    let f = site();
    // Sam Lee runs `spring` on 1 March; the Welsh edition's spring is the same run.
    let out = f.run(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!err.contains("is booked on"), "{err}");
    // A second run the same day is still caught, once.
    f.write(
        "content/sup/deliveries/clash.md",
        "---\ndays:\n  - { date: 2027-03-01 }\ntrainers:\n  - Sam Lee\n---\nClash.\n",
    );
    let out = f.run(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.matches("is booked on").count(), 1, "{err}");
}

#[test]
fn a_delivery_translation_with_other_dates_is_a_warning() {
    let f = site();
    let warned = |f: &Fixture| -> Vec<String> {
        let out = f.run(&["check"]);
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| l.starts_with("content/rec/deliveries/spring.cy.md: warning:"))
            .map(str::to_string)
            .collect()
    };
    assert!(warned(&f).is_empty(), "{:?}", warned(&f));
    f.write(
        "content/rec/deliveries/spring.cy.md",
        &SPRING_CY.replace("2027-03-01", "2027-03-02"),
    );
    let w = warned(&f);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("other days than content/rec/deliveries/spring.md"),
        "{w:?}"
    );
    f.write(
        "content/rec/deliveries/spring.cy.md",
        &SPRING_CY.replace("Sam Lee", "Sam Li"),
    );
    let w = warned(&f);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("other trainers"), "{w:?}");
}

#[test]
fn a_trainer_only_delivery_is_trainer_only_in_its_translation_too() {
    let f = site();
    f.write(
        "content/rec/deliveries/autumn.md",
        &AUTUMN.replace("---\ntitle:", "---\naudience: trainer\ntitle:"),
    );
    // The translation forgets `audience: trainer`.
    f.write(
        "content/rec/deliveries/autumn.cy.md",
        &AUTUMN
            .replace("Autumn run", "Rhediad yr hydref")
            .replace("Online, link by email.", "Arlein, dolen drwy ebost."),
    );
    f.build();
    assert!(
        f.site()
            .join("rec.cy/deliveries/autumn/index.html")
            .is_file()
    );
    let dest = f.root().join("part");
    let opts = BuildOptions {
        root: f.root().to_path_buf(),
        audience: Audience::Participant,
        dest: Some(dest.clone()),
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    assert!(!dest.join("rec/deliveries/autumn").exists());
    assert!(!dest.join("rec.cy/deliveries/autumn").exists());
    assert!(dest.join("rec.cy/deliveries/spring/index.html").is_file());
    for page in [
        "rec.cy/01-welcome.html",
        "index.cy.html",
        "rec.cy/searchindex.js",
    ] {
        let text = std::fs::read_to_string(dest.join(page)).unwrap();
        assert!(!text.contains("Rhediad yr hydref"), "{page}");
        assert!(!text.contains("deliveries/autumn"), "{page}");
    }
}
