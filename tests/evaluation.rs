//! The evaluation form: every session participants attend, in timetable order, rated with
//! a comment box; the programme's own scale and questions; `evaluation.docx`, the blank
//! form for Word; never a trainer-only session, in either edition.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::{Fixture, sel, texts};
use coursebook::Audience;
use scraper::Html;

const PROGRAMME: &str = "---
title: Feedback test
venue: Room 4, County Hall
days:
  - { title: Day one, date: 2027-03-01 }
  - { title: Day two, date: 2027-03-02 }
evaluation:
  scale: { low: Poor, high: Excellent }
  questions:
    - What will you try first?
    - { text: \"Overall, was it worth the time?\", rating: true }
---
About.
";

fn session(title: &str, day: u32, order: u32, extra: &str) -> String {
    format!(
        "---\ntitle: {title}\nday: {day}\nblock: after-coffee\norder: {order}\nduration: 30m\n{extra}---\nBody.\n"
    )
}

fn site() -> Fixture {
    Fixture::new(&[
        ("content/prog/index.md", PROGRAMME),
        // File names out of timetable order: the form follows the timetable.
        (
            "content/prog/day-1/a.md",
            &session("Second on day one", 1, 2, ""),
        ),
        (
            "content/prog/day-1/b.md",
            &session("First on day one", 1, 1, ""),
        ),
        (
            "content/prog/day-1/c.md",
            &session("Trainers huddle wombat", 1, 3, "audience: trainer\n"),
        ),
        (
            "content/prog/day-2/a.md",
            &session("Only on day two", 2, 1, ""),
        ),
    ])
}

fn build_to(root: &Path, dest: &Path, audience: Audience) {
    let opts = coursebook::BuildOptions {
        root: root.to_path_buf(),
        dest: Some(dest.to_path_buf()),
        audience,
        ..Default::default()
    };
    if let Err(d) = coursebook::build(&opts) {
        panic!("build failed: {:?}", d.sorted());
    }
}

/// The parts of a `.docx`, read with the `zip` crate: `word/document.xml`'s text.
fn document_xml(docx: &Path) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("evaluation.docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The text of the `<w:t>` runs of a document, joined (XML entities decoded).
fn docx_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("document.xml is XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "t")
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("")
}

fn legends(doc: &Html) -> Vec<String> {
    texts(
        doc,
        ".eval-part:not(.eval-overall) fieldset legend .eval-title",
    )
}

#[test]
fn the_example_form_lists_every_session_in_timetable_order() {
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    build_to(root, &out.path().join("site"), Audience::Trainer);
    let site = out.path().join("site/recording");
    let csv = std::fs::read_to_string(site.join("timetable.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let sessions: Vec<String> = rows
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[5] == "session")
        .map(|r| r[6].to_string())
        .collect();
    assert_eq!(sessions.len(), 18);
    let doc = Html::parse_document(&std::fs::read_to_string(site.join("evaluation.html")).unwrap());
    assert_eq!(legends(&doc), sessions);
    // A rating of 1 to 5 per session, by name, and a comment box labelled for it.
    assert_eq!(doc.select(&sel("fieldset.eval-rating")).count(), 18 + 1);
    for f in doc.select(&sel(".eval-part:not(.eval-overall) fieldset")) {
        let values: Vec<_> = f
            .select(&sel("input[type=radio]"))
            .map(|i| i.value().attr("value").unwrap())
            .collect();
        assert_eq!(values, ["1", "2", "3", "4", "5"]);
    }
    assert_eq!(
        texts(&doc, ".eval-part h2"),
        [
            "Day one Monday 1 March 2027",
            "Day two Tuesday 2 March 2027",
            "Overall"
        ]
    );
    // The default words and questions; the programme's title, dates and venue.
    assert_eq!(
        texts(&doc, ".eval-overall .eval-title"),
        [
            "What will you do differently in your recording?",
            "What could we improve?",
            "Overall, how useful was the course?"
        ]
    );
    assert_eq!(texts(&doc, ".eval-overall fieldset").len(), 1);
    assert_eq!(texts(&doc, ".eval-end")[..2], ["Not useful", "Very useful"]);
    assert_eq!(
        texts(&doc, ".eval-place"),
        ["1 and 2 March 2027 · Training Suite, Northshire County Hall"]
    );
    for id in doc
        .select(&sel("textarea"))
        .map(|t| t.value().attr("id").unwrap())
    {
        assert_eq!(
            doc.select(&sel(&format!("label[for='{id}']"))).count(),
            1,
            "{id}"
        );
    }
    // Linked from the overview's tools and from the sidebar, marked there on its own page.
    let overview = Html::parse_document(&std::fs::read_to_string(site.join("index.html")).unwrap());
    assert!(
        overview
            .select(&sel(".tool-links a[href='../recording/evaluation.html']"))
            .next()
            .is_some()
    );
    assert_eq!(
        doc.select(&sel(
            ".sidebar a[href='../recording/evaluation.html'][aria-current=page]"
        ))
        .count(),
        1
    );
    // The blank form for Word: every session's title.
    let text = docx_text(&document_xml(&site.join("evaluation.docx")));
    for title in &sessions {
        assert!(text.contains(title.as_str()), "{title} in the .docx");
    }
    assert!(text.contains("☐ 1"), "boxes to tick");
}

#[test]
fn configured_scale_and_questions_and_no_trainer_only_session() {
    let f = site();
    for audience in [Audience::Trainer, Audience::Participant] {
        let dest = f.root().join(format!("out-{audience:?}"));
        build_to(f.root(), &dest, audience);
        let html = std::fs::read_to_string(dest.join("prog/evaluation.html")).unwrap();
        let doc = Html::parse_document(&html);
        // The form (the trainer edition's sidebar lists every session, as on every page).
        let main = doc.select(&sel("main")).next().unwrap().html();
        assert_eq!(
            legends(&doc),
            ["First on day one", "Second on day one", "Only on day two"],
            "{audience:?}"
        );
        assert!(
            !main.contains("wombat"),
            "{audience:?}: no trainer-only session"
        );
        if audience == Audience::Participant {
            assert!(!html.contains("wombat"), "nowhere on the participant page");
        }
        assert_eq!(texts(&doc, ".eval-end")[..2], ["Poor", "Excellent"]);
        assert!(texts(&doc, ".lead")[0].contains("from 1 (Poor) to 5 (Excellent)"));
        assert_eq!(
            texts(&doc, ".eval-overall .eval-title"),
            [
                "What will you try first?",
                "Overall, was it worth the time?"
            ]
        );
        // The rated question is a fieldset; the other a comment box.
        assert_eq!(
            texts(&doc, ".eval-overall fieldset legend .eval-title"),
            ["Overall, was it worth the time?"]
        );
        assert_eq!(doc.select(&sel(".eval-overall textarea")).count(), 1);
        let xml = document_xml(&dest.join("prog/evaluation.docx"));
        // A session's block keeps together in Word too; each ruled line draws (`between`).
        assert!(xml.contains(
            "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space=\"preserve\">Rating (1 = Poor, 5 = Excellent): </w:t>"
        ));
        assert!(xml.contains("<w:between "));
        let text = docx_text(&xml);
        assert!(text.contains("Only on day two") && text.contains("What will you try first?"));
        assert!(text.contains("1 = Poor, 5 = Excellent"), "{text}");
        assert!(!text.contains("wombat"), "{audience:?}: not in the .docx");
        // The page's save kit has no trainer-only text either.
        let kit = doc.select(&sel("#eval-kit")).next().expect("save kit");
        assert!(!kit.inner_html().contains("wombat"));
    }
}

#[test]
fn sessions_false_leaves_only_the_overall_questions() {
    let f = site();
    f.write(
        "content/prog/index.md",
        &PROGRAMME.replace("  questions:", "  sessions: false\n  questions:"),
    );
    f.build();
    let doc = f.html("prog/evaluation.html");
    assert!(legends(&doc).is_empty());
    assert_eq!(texts(&doc, ".eval-part h2"), ["Overall"]);
}

#[test]
fn a_bad_evaluation_key_is_an_error_with_the_closest_key() {
    let f = site();
    f.write(
        "content/prog/index.md",
        &PROGRAMME.replace("  questions:", "  questoins:"),
    );
    let errs = f.build_err();
    let e = errs
        .iter()
        .find(|e| e.contains("questoins"))
        .unwrap_or_else(|| panic!("{errs:?}"));
    assert!(e.starts_with("content/prog/index.md:9:3: error:"), "{e}");
    assert!(e.contains("did you mean `questions`?"), "{e}");

    f.write(
        "content/prog/index.md",
        &PROGRAMME.replace("scale: { low: Poor,", "scale: { lo: Poor,"),
    );
    let errs = f.build_err();
    let e = errs
        .iter()
        .find(|e| e.contains("`lo`"))
        .unwrap_or_else(|| panic!("{errs:?}"));
    assert!(e.starts_with("content/prog/index.md:8:12: error:"), "{e}");
    assert!(e.contains("did you mean `low`?"), "{e}");
}

#[test]
fn libreoffice_opens_the_blank_form() {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but soffice is not installed"
        );
        eprintln!("soffice not found: skipping the LibreOffice check");
        return;
    }
    let f = site();
    f.build();
    let docx = f.site().join("prog/evaluation.docx");
    let tmp = tempfile::tempdir().unwrap();
    let run = Command::new("soffice")
        .env("HOME", tmp.path())
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            tmp.path().display()
        ))
        .args(["--headless", "--convert-to", "txt:Text", "--outdir"])
        .arg(tmp.path())
        .arg(&docx)
        .output()
        .expect("soffice runs");
    assert!(run.status.success(), "{run:?}");
    let text = std::fs::read_to_string(tmp.path().join("evaluation.txt")).unwrap();
    for s in [
        "Evaluation: Feedback test",
        "First on day one",
        "Only on day two",
        "What will you try first?",
    ] {
        assert!(text.contains(s), "{s} in\n{text}");
    }
}
