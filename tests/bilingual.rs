//! A bilingual site, whole: a programme's deliveries in its Welsh edition
//! (`<programme>.cy/deliveries/<id>/`, their words from `deliveries/<id>.cy.md`), and the
//! site's own pages translated (`about.cy.md` beside `about.md`, `index.cy.md` a Welsh
//! home), each linked to its other language (`hreflang`, the language switch). The rules
//! (participant builds, checks, links) are in `bilingual_rules.rs`.

mod bilingual_site;
mod common;

use bilingual_site::*;
use common::{resolve, sel, texts};

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
    // The schedule of the Welsh delivery is its own file, in Welsh, linking the Welsh pages;
    // its running-late key is the run's (a_run_is_one_run_in_both_languages).
    let sched = f.read("rec.cy/deliveries/spring/schedule.js");
    assert!(
        sched.contains("\"href\":\"rec.cy/01-welcome.html\"") && sched.contains("Croeso"),
        "{sched}"
    );
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
    // Each is stemmed by its language: the Welsh pages are a chunk of their own with
    // Welsh's `lang` (no stemmer: "" for prefix matching), the English ones English.
    let chunks: Vec<serde_json::Value> = root
        .split("window.coursebookSearch || []).push(")
        .skip(1)
        .map(|c| serde_json::from_str(&c[..c.rfind("});").unwrap() + 1]).unwrap())
        .collect();
    let urls = |c: &serde_json::Value| -> Vec<String> {
        c["docs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["u"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(chunks.len(), 2, "{root}");
    assert_eq!(chunks[0]["lang"], "en");
    assert!(urls(&chunks[0]).contains(&"about.html".to_string()));
    assert_eq!(chunks[1]["lang"], "");
    let mut welsh = urls(&chunks[1]);
    welsh.sort();
    assert_eq!(welsh, ["about.cy.html", "index.cy.html"]);
    let shard = f.read("rec.cy/searchindex.js");
    assert!(shard.contains("\"rec.cy/deliveries/spring/index.html\""));
    assert!(shard.contains("\"rec.cy/deliveries/autumn/index.html\""));
    assert!(!shard.contains("\"rec/deliveries/"));
}

/// One run in two languages is one run: the Welsh calendar's events have the English
/// one's UIDs (importing both updates, never doubles), and a delay set on the Welsh pages
/// is kept under the English pages' key.
#[test]
fn a_run_is_one_run_in_both_languages() {
    let f = site();
    f.build();
    let uids = |path: &str| -> Vec<String> {
        f.read(path)
            .lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(str::to_string)
            .collect()
    };
    for run in ["spring", "autumn"] {
        let en = uids(&format!("rec/deliveries/{run}/timetable.ics"));
        assert!(!en.is_empty(), "{run}");
        assert_eq!(uids(&format!("rec.cy/deliveries/{run}/timetable.ics")), en);
        let key = |path: &str| -> String {
            let js = f.read(path);
            let at = js.find("\"programme\":").expect(path);
            js[at..].split('"').nth(3).unwrap().to_string()
        };
        let en_key = key(&format!("rec/deliveries/{run}/schedule.js"));
        assert_eq!(en_key, format!("rec/deliveries/{run}"));
        assert_eq!(key(&format!("rec.cy/deliveries/{run}/schedule.js")), en_key);
    }
}
