//! The bilingual fixture site the `bilingual*` tests share: a programme in English with
//! its Welsh edition (a translated and an untranslated delivery, a letter), a second
//! programme not translated, `about.md` + `about.cy.md`, a lone `news.cy.md`, and
//! `index.md` + `index.cy.md`; and what they read of its pages.
#![allow(dead_code)]

use crate::common::{Fixture, resolve, sel, texts};
use scraper::Html;

pub const BOOK: &str = "[book]\ntitle = \"Recording course\"\nlanguage = \"en-GB\"\n";

pub const INDEX: &str = "---\ntitle: Recording\ntimezone: Europe/London\ndays:\n  - { title: Day one }\n---\nAbout recording.\n";
pub const INDEX_CY: &str =
    "---\ntitle: Cofnodi\ndays:\n  - { title: Diwrnod un }\n---\nAm gofnodi.\n";
pub const WELCOME: &str = "---\ntitle: Welcome\nday: 1\nblock: before-coffee\nduration: 30m\n---\nWelcome to the course.\n";
pub const WELCOME_CY: &str =
    "---\ntitle: Croeso\nday: 1\nblock: before-coffee\nduration: 30m\n---\nCroeso i'r cwrs.\n";
pub const NOTES: &str = "---\ntitle: Notes that matter\nday: 1\nblock: after-coffee\nduration: 1h30m\n---\nKeep notes short.\n";

pub const SPRING: &str = "---\ntitle: Spring run\nvenue: Riverside Centre\ndays:\n  - { date: 2027-03-01, start: \"10:00\" }\ntrainers:\n  - { name: Sam Lee, role: lead }\n---\nPark behind the library.\n\n> [!TRAINER]\n> Englishkeysecret at reception.\n";
pub const SPRING_CY: &str = "---\ntitle: Rhediad y gwanwyn\nvenue: Canolfan Glan yr Afon\ndays:\n  - { date: 2027-03-01, start: \"10:00\" }\ntrainers:\n  - { name: Sam Lee, role: arweinydd }\n---\nParciwch y tu ôl i'r llyfrgell.\n\n> [!TRAINER]\n> Allweddgyfrinachol yn y dderbynfa.\n";
pub const AUTUMN: &str = "---\ntitle: Autumn run\ndays:\n  - { date: 2027-10-04 }\ntrainers:\n  - Kim Park\n---\nOnline, link by email.\n";
pub const INVITE: &str = "---\ntitle: Invitation\n---\nYou are invited to {{ programme.title }} on {{ programme.dates }}.\n";

pub const OTHER: &str =
    "---\ntitle: Supervision\ndays:\n  - { title: Day one }\n---\nAbout supervision.\n";
pub const OTHER_RUN: &str = "---\ntitle: Supervision in May\ndays:\n  - { date: 2027-05-03 }\ntrainers:\n  - Jo Bell\n---\nRoom 2.\n";

pub fn files() -> Vec<(&'static str, String)> {
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
            crate::common::session("Reflecting", 1, "before-coffee", "1h"),
        ),
        ("content/sup/deliveries/may.md", s(OTHER_RUN)),
    ]
}

pub fn site() -> Fixture {
    let f = files();
    let refs: Vec<(&str, &str)> = f.iter().map(|(p, t)| (*p, t.as_str())).collect();
    Fixture::new(&refs)
}

pub fn html_lang(doc: &Html) -> String {
    let h = doc.select(&sel("html")).next().unwrap();
    h.value().attr("lang").unwrap_or_default().to_string()
}

/// `hreflang` links as (language, site-relative path), from the page at `page`.
pub fn alternates(doc: &Html, page: &str) -> Vec<(String, String)> {
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
pub fn switch(doc: &Html, page: &str) -> Vec<(String, String, bool)> {
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

pub fn pair(en: &str, cy: &str) -> Vec<(String, String)> {
    vec![("en-GB".into(), en.into()), ("cy".into(), cy.into())]
}

pub fn main_text(doc: &Html) -> String {
    texts(doc, "main").join(" ")
}

/// A participant build of `f` into `<root>/part`; its folder.
pub fn participant(f: &Fixture) -> std::path::PathBuf {
    f.build_participant_to("part")
}

/// Every `hreflang` link and language switch link of every page under `dir` reaches a page
/// that was written. Returns how many links were checked.
pub fn every_language_link_exists(dir: &std::path::Path) -> usize {
    let mut checked = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "html") {
                continue;
            }
            let rel = p
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let doc = Html::parse_document(&std::fs::read_to_string(&p).unwrap());
            let links = sel("link[rel=alternate][hreflang], nav.lang-switch a");
            for l in doc.select(&links) {
                let to = resolve(&rel, l.value().attr("href").unwrap());
                assert!(dir.join(&to).is_file(), "{rel} links to {to}, not written");
                checked += 1;
            }
        }
    }
    checked
}
