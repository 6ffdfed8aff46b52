//! Letter templates end to end: placeholder checks, the letter page, the .docx and .txt
//! downloads (parsed, and read by LibreOffice when it is installed), and `coursebook merge`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use coursebook::diagnostics::Severity;
use coursebook::{Audience, BuildOptions};
use scraper::{Html, Selector};

/// A programme title with characters that XML must escape and Markdown would format: it
/// must come out verbatim everywhere.
const TITLE: &str = "Recording & *Reflection* <2027>";

const INVITATION: &str = "---
title: Invitation
description: Send three weeks before.
fields:
  - { name: participant_name, label: Participant's name, example: Sam Taylor }
  - { name: reply_by, label: Reply by, example: 1 February 2027 }
---
# Your place

Dear {{ participant_name }},

You have a place on **{{ programme.title }}** at {{ programme.venue }}
on {{ programme.dates }}, from {{ programme.start }}.

- bring a *case summary*;
- bring a record.

1. Read it.
2. Anonymise it.

Reply by {{ reply_by }}.

Yours,

Jo\\
{{ organisation }}
";

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A small site with one programme, one session and the given letters.
fn site(letters: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "book.toml",
        "[book]\ntitle = \"Test site\"\nlanguage = \"en-GB\"\n\n[output.html]\norganisation = \"Northshire & Co\"\n",
    );
    write(
        root,
        "content/prog/index.md",
        &format!(
            "---\ntitle: \"{TITLE}\"\nvenue: County Hall\ndays:\n  - {{ title: Day one, date: 2027-03-01 }}\n---\nAbout.\n"
        ),
    );
    write(
        root,
        "content/prog/day-1/intro.md",
        "---\ntitle: Intro\nday: 1\nblock: before-coffee\nduration: 30m\nletters: [invitation]\n---\nHello.\n",
    );
    for (name, text) in letters {
        write(root, &format!("content/prog/letters/{name}.md"), text);
    }
    dir
}

fn build(root: &Path, audience: Audience) -> PathBuf {
    let dest = root.join(match audience {
        Audience::Trainer => "site",
        Audience::Participant => "participant",
    });
    let report = coursebook::build(&BuildOptions {
        root: root.to_path_buf(),
        dest: Some(dest.clone()),
        audience,
        ..Default::default()
    })
    .unwrap_or_else(|d| panic!("build failed: {:?}", d.items));
    assert_eq!(report.diagnostics.errors(), 0);
    dest
}

fn zip_part(docx: &[u8], name: &str) -> Option<String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut f = z.by_name(name).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    Some(s)
}

/// The text of `word/document.xml`: `w:t` contents, a newline per paragraph and break,
/// and «…» for merge fields as Word shows them.
fn docx_text(docx: &[u8]) -> String {
    let xml = zip_part(docx, "word/document.xml").expect("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml parses as XML");
    let mut out = String::new();
    for n in doc.descendants() {
        match n.tag_name().name() {
            "t" => out.push_str(n.text().unwrap_or("")),
            "br" => out.push('\n'),
            "p" if n.prev_sibling_element().is_some() => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[test]
fn placeholders_are_checked_with_their_positions() {
    let bad = "---\ntitle: T\nfields:\n  - { name: participant_name, label: Name }\n  - { name: unused_one, label: Unused }\n---\nDear {{ participant_name }},\n\nSee you, {{ partcipant_name }}.\n";
    let dir = site(&[("invitation", bad)]);
    let (site, diags) = coursebook::load(dir.path(), Audience::Trainer);
    assert!(site.is_none());
    let err = diags
        .items
        .iter()
        .find(|d| d.severity == Severity::Error)
        .expect("an error");
    assert_eq!(err.path, "content/prog/letters/invitation.md");
    assert_eq!((err.line, err.col), (9, 10));
    assert!(err.message.contains("partcipant_name"), "{}", err.message);
    assert!(
        err.hint
            .as_deref()
            .is_some_and(|h| h.contains("`participant_name`")),
        "{:?}",
        err.hint
    );
    let warn = diags
        .items
        .iter()
        .find(|d| d.severity == Severity::Warning && d.message.contains("unused_one"))
        .expect("a warning for the unused field");
    assert_eq!(warn.line, 5);
}

#[test]
fn a_field_of_several_lines_gets_a_box_of_that_many_rows() {
    let good = "---\ntitle: T\nfields:\n  - { name: who, label: Who }\n  - { name: points, label: Points, lines: 4 }\n---\nDear {{ who }},\n\n{{ points }}\n";
    let dir = site(&[("invitation", good)]);
    let out = build(dir.path(), Audience::Trainer);
    let page = Html::parse_document(
        &std::fs::read_to_string(out.join("prog/letters/invitation.html")).unwrap(),
    );
    let sel = |s: &str| Selector::parse(s).unwrap();
    let boxes: Vec<_> = page
        .select(&sel("#letter-form [name]:not(#letter-date)"))
        .collect();
    let shape: Vec<_> = boxes
        .iter()
        .map(|b| (b.value().name(), b.attr("name").unwrap(), b.attr("rows")))
        .collect();
    assert_eq!(
        shape,
        [("input", "who", None), ("textarea", "points", Some("4"))]
    );

    // Not a whole number from 1 to 30: an error at the value, with the accepted range.
    for (lines, col) in [("0", 43), ("many", 43), ("4.5", 43)] {
        let bad = good.replace("lines: 4", &format!("lines: {lines}"));
        let dir = site(&[("invitation", &bad)]);
        let (site, diags) = coursebook::load(dir.path(), Audience::Trainer);
        assert!(site.is_none(), "lines: {lines}");
        let err = diags
            .items
            .iter()
            .find(|d| d.severity == Severity::Error)
            .expect("an error");
        assert_eq!(
            (err.path.as_str(), err.line, err.col),
            ("content/prog/letters/invitation.md", 5, col),
            "{err:?}"
        );
        assert!(err.message.contains("`lines`"), "{}", err.message);
        assert!(
            err.hint
                .as_deref()
                .is_some_and(|h| h.contains("from 1 to 30")),
            "{:?}",
            err.hint
        );
    }
}

#[test]
fn letter_page_has_form_preview_print_and_downloads() {
    let dir = site(&[("invitation", INVITATION)]);
    let out = build(dir.path(), Audience::Trainer);
    let html = std::fs::read_to_string(out.join("prog/letters/invitation.html")).unwrap();
    let page = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap();

    // One labelled input per field, the example as its placeholder (and the date's box).
    let inputs: Vec<_> = page
        .select(&sel("form#letter-form input:not(#letter-date)"))
        .collect();
    assert_eq!(inputs.len(), 2);
    assert_eq!(inputs[0].attr("name"), Some("participant_name"));
    assert_eq!(inputs[0].attr("placeholder"), Some("Sam Taylor"));
    for i in &inputs {
        let id = i.attr("id").unwrap();
        let label = page
            .select(&sel(&format!("label[for=\"{id}\"]")))
            .next()
            .expect("a label for each input");
        assert!(!label.text().collect::<String>().trim().is_empty());
    }
    // The letter shows its blanks without JavaScript, and the built-ins filled in.
    let blanks: Vec<_> = page
        .select(&sel("#letter .blank[data-field=\"participant_name\"]"))
        .collect();
    assert_eq!(blanks.len(), 1);
    assert_eq!(blanks[0].text().collect::<String>(), "[Participant's name]");
    let letter_text: String = page
        .select(&sel("#letter"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(letter_text.contains(TITLE), "{letter_text}");
    assert!(!letter_text.contains("{{"));
    // Print and save buttons (shown by the script), the script from the theme, nothing
    // inline that runs: the only other script element is the save kit, JSON data.
    assert!(page.select(&sel("button.print-letter")).next().is_some());
    let saves: Vec<_> = page
        .select(&sel("button.save-letter"))
        .filter_map(|b| b.attr("data-format"))
        .collect();
    assert_eq!(saves, ["docx", "txt"]);
    let scripts: Vec<_> = page.select(&sel("script")).collect();
    for s in &scripts {
        assert!(
            s.attr("src").is_some()
                || (s.attr("type") == Some("application/json")
                    && s.attr("id") == Some("letter-kit")),
            "{}",
            s.html()
        );
    }
    let kit = page
        .select(&sel("script#letter-kit"))
        .next()
        .expect("a save kit");
    let raw: String = kit.text().collect();
    // Every `<` escaped, so nothing in a letter can close the element.
    assert!(!raw.contains('<'));
    let kit: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(kit["name"], "invitation");
    let slots: Vec<&str> = kit["txt"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["field"].as_str())
        .collect();
    assert_eq!(slots, ["participant_name", "reply_by"]);
    for js in ["letters.js", "letter-save.js"] {
        let src = format!("../../theme/{js}");
        assert!(scripts.iter().any(|s| s.attr("src") == Some(src.as_str())));
        assert!(out.join("theme").join(js).is_file());
    }
    // The list to merge is picked by a labelled file box.
    let pick = page
        .select(&sel(".letter-merge input[type=file]#merge-file"))
        .next();
    assert!(pick.is_some());
    assert!(page.select(&sel("label[for=merge-file]")).next().is_some());
    assert!(!html.contains(" onclick="));
    // Download links name files that exist.
    let mut downloads: Vec<&str> = page
        .select(&sel(".letter-downloads a[download]"))
        .filter_map(|a| a.attr("href"))
        .collect();
    downloads.sort();
    assert_eq!(
        downloads,
        vec![
            "../../prog/letters/invitation.docx",
            "../../prog/letters/invitation.txt"
        ]
    );
    for d in downloads {
        assert!(out.join("prog/letters").join(d).is_file(), "{d}");
    }
}

#[test]
fn docx_is_a_valid_package_with_merge_fields() {
    let dir = site(&[("invitation", INVITATION)]);
    let out = build(dir.path(), Audience::Trainer);
    let docx = std::fs::read(out.join("prog/letters/invitation.docx")).unwrap();

    let types = zip_part(&docx, "[Content_Types].xml").expect("content types");
    roxmltree::Document::parse(&types).unwrap();
    assert!(types.contains(
        "PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\""
    ));
    let rels = zip_part(&docx, "_rels/.rels").expect("package relationships");
    assert!(rels.contains("Target=\"word/document.xml\""));
    // Every part the document refers to is in the package, and every XML part parses.
    let doc_rels = zip_part(&docx, "word/_rels/document.xml.rels").unwrap();
    let parsed = roxmltree::Document::parse(&doc_rels).unwrap();
    for r in parsed
        .descendants()
        .filter(|n| n.has_tag_name("Relationship"))
    {
        let target = r.attribute("Target").unwrap();
        let part = zip_part(&docx, &format!("word/{target}"))
            .unwrap_or_else(|| panic!("missing part word/{target}"));
        roxmltree::Document::parse(&part).unwrap();
    }
    let header = zip_part(&docx, "word/header1.xml").unwrap();
    assert!(header.contains("Northshire &amp; Co"));

    let xml = zip_part(&docx, "word/document.xml").unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let fields: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "fldSimple")
        .filter_map(|n| {
            n.attributes()
                .find(|a| a.name() == "instr")
                .map(|a| a.value())
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            " MERGEFIELD participant_name \\* MERGEFORMAT ",
            " MERGEFIELD reply_by \\* MERGEFORMAT "
        ]
    );
    let styles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "pStyle")
        .filter_map(|n| {
            n.attributes()
                .find(|a| a.name() == "val")
                .map(|a| a.value())
        })
        .collect();
    assert!(styles.contains(&"Heading1"));
    assert_eq!(styles.iter().filter(|s| **s == "ListParagraph").count(), 4);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.tag_name().name() == "numId")
            .count(),
        4
    );

    let text = docx_text(&docx);
    assert!(text.contains("Dear «Participant's name»,"), "{text}");
    assert!(text.contains(TITLE), "{text}");
    assert!(text.contains("Jo\nNorthshire & Co"), "{text}");
    assert!(!text.contains('\\') && !text.contains("{{"), "{text}");
    // Bold and italic carried over.
    let has = |tag: &str, word: &str| {
        doc.descendants()
            .filter(|n| n.tag_name().name() == "r")
            .any(|r| {
                r.descendants().any(|n| n.tag_name().name() == tag)
                    && r.descendants()
                        .any(|n| n.tag_name().name() == "t" && n.text() == Some(word))
            })
    };
    assert!(has("b", TITLE));
    assert!(has("i", "case summary"));

    // Builds are reproducible.
    let again = build(dir.path(), Audience::Trainer);
    assert_eq!(
        std::fs::read(again.join("prog/letters/invitation.docx")).unwrap(),
        docx
    );
}

#[test]
fn txt_has_blanks_in_brackets_and_no_template_syntax() {
    let dir = site(&[("invitation", INVITATION)]);
    let out = build(dir.path(), Audience::Trainer);
    let txt = std::fs::read_to_string(out.join("prog/letters/invitation.txt")).unwrap();
    assert!(txt.starts_with("Your place\n==========\n\nDear [Participant's name],\n"));
    assert!(txt.contains(&format!(
        "You have a place on {TITLE} at County Hall on 1 March 2027, from 09:30."
    )));
    assert!(
        txt.contains("- bring a case summary;\n- bring a record.\n\n1. Read it.\n2. Anonymise it.")
    );
    assert!(txt.contains("Reply by [Reply by]."));
    assert!(txt.ends_with("Jo\nNorthshire & Co\n"), "{txt}");
    assert!(!txt.contains("{{") && !txt.contains('\\'));
}

#[test]
fn letters_are_the_trainers_unless_shared_with_everyone() {
    let secret =
        "---\ntitle: Note to self\naudience: trainer\n---\nRemember {{ programme.title }}.\n";
    let shared = "---\ntitle: Welcome\naudience: all\n---\nWelcome to {{ programme.title }}.\n";
    let dir = site(&[
        ("invitation", INVITATION),
        ("secret", secret),
        ("welcome", shared),
    ]);
    let trainer = build(dir.path(), Audience::Trainer);
    for name in ["secret", "invitation", "welcome"] {
        assert!(trainer.join(format!("prog/letters/{name}.docx")).is_file());
    }
    let participant = build(dir.path(), Audience::Participant);
    for ext in ["html", "docx", "txt"] {
        assert!(
            participant
                .join(format!("prog/letters/welcome.{ext}"))
                .is_file()
        );
        // A letter is the trainer's tool by default, like one marked `audience: trainer`.
        for name in ["secret", "invitation"] {
            assert!(
                !participant
                    .join(format!("prog/letters/{name}.{ext}"))
                    .exists(),
                "{name}.{ext}"
            );
        }
    }
}

/// Convert a .docx to text with LibreOffice, in its own profile so parallel runs don't clash.
fn soffice_text(docx: &Path) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .env("HOME", tmp.path())
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            tmp.path().display()
        ))
        .args(["--headless", "--convert-to", "txt:Text", "--outdir"])
        .arg(tmp.path())
        .arg(docx)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{status:?}");
    let stem = docx.file_stem().unwrap().to_string_lossy();
    std::fs::read_to_string(tmp.path().join(format!("{stem}.txt"))).expect("soffice wrote text")
}

fn have_soffice() -> bool {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("CI").is_some() {
        panic!("CI is set but soffice is not installed: .ci/run installs libreoffice-writer-nogui");
    }
    found
}

#[test]
fn libreoffice_reads_the_docx() {
    if !have_soffice() {
        eprintln!("soffice not found: skipping the LibreOffice check");
        return;
    }
    let dir = site(&[("invitation", INVITATION)]);
    let out = build(dir.path(), Audience::Trainer);
    let text = soffice_text(&out.join("prog/letters/invitation.docx"));
    assert!(text.contains(TITLE), "{text}");
    assert!(text.contains("Participant's name"), "{text}");

    // And a merged letter, with the value in place of the field.
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "participant_name,reply_by\nSam Taylor,1 May\n").unwrap();
    let merged = dir.path().join("merged");
    let run = merge_cmd(dir.path(), &csv, &merged, &[]);
    assert!(run.status.success(), "{run:?}");
    let text = soffice_text(&merged.join("01-sam-taylor.docx"));
    assert!(text.contains("Dear Sam Taylor,"), "{text}");
}

fn merge_cmd(root: &Path, csv: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .arg("merge")
        .arg(root.join("content/prog/letters/invitation.md"))
        .arg("--data")
        .arg(csv)
        .arg("--out")
        .arg(out)
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn merge_reads_excel_csv_with_bom_semicolons_and_quotes() {
    let dir = site(&[("invitation", INVITATION)]);
    let csv = dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "\u{FEFF}participant_name;reply_by;email\r\n\"Taylor, Sam\";\"1 \"\"May\"\"\";sam@example.org\r\n**Jo** <b>;;jo@example.org\r\n",
    )
    .unwrap();
    let out = dir.path().join("letters-out");
    let run = merge_cmd(dir.path(), &csv, &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    // One warning for the extra column, one naming the row and field of the empty cell.
    assert_eq!(stderr.matches("`email`").count(), 1, "{stderr}");
    assert!(
        stderr.contains("people.csv:3:2: warning: row 2 has no value for `reply_by`"),
        "{stderr}"
    );

    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, vec!["01-taylor-sam.docx", "02-jo-b.docx"]);
    let first = docx_text(&std::fs::read(out.join("01-taylor-sam.docx")).unwrap());
    assert!(first.contains("Dear Taylor, Sam,"), "{first}");
    assert!(first.contains("Reply by 1 \"May\"."), "{first}");
    assert!(first.contains(TITLE));
    let first_xml = zip_part(
        &std::fs::read(out.join("01-taylor-sam.docx")).unwrap(),
        "word/document.xml",
    )
    .unwrap();
    assert!(!first_xml.contains("MERGEFIELD"));
    // A value is text, never Markdown or markup; an empty cell keeps its merge field.
    let second = docx_text(&std::fs::read(out.join("02-jo-b.docx")).unwrap());
    assert!(second.contains("Dear **Jo** <b>,"), "{second}");
    assert!(second.contains("Reply by «Reply by»."), "{second}");

    // The same list as text.
    let txt_out = dir.path().join("txt-out");
    let run = merge_cmd(dir.path(), &csv, &txt_out, &["--format", "txt"]);
    assert!(run.status.success());
    let t = std::fs::read_to_string(txt_out.join("01-taylor-sam.txt")).unwrap();
    assert!(t.contains("Dear Taylor, Sam,\n"));
}

#[test]
fn merge_refuses_a_missing_column_and_writes_nothing() {
    let dir = site(&[("invitation", INVITATION)]);
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "participant_name,replyby\nSam,1 May\n").unwrap();
    let out = dir.path().join("letters-out");
    let run = merge_cmd(dir.path(), &csv, &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("people.csv:1:1: error: no column for the field `reply_by`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `replyby`?"), "{stderr}");
    assert!(!out.exists());

    // Bad arguments are exit code 2.
    let run = Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .args(["merge", "x.md", "--format", "pdf", "--data", "p.csv"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn merge_turns_thirty_rows_into_thirty_letters() {
    let dir = site(&[("invitation", INVITATION)]);
    let csv = dir.path().join("people.csv");
    let mut text = String::from("participant_name,reply_by\n");
    for i in 1..=30 {
        text.push_str(&format!("Person {i},{i} May\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("out");
    let run = merge_cmd(dir.path(), &csv, &out, &[]);
    assert!(run.status.success(), "{run:?}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 30);
    for i in 1..=30 {
        let path = out.join(format!("{i:02}-person-{i}.docx"));
        let text = docx_text(&std::fs::read(&path).unwrap());
        assert!(text.contains(&format!("Dear Person {i},")), "{text}");
        assert!(text.contains(&format!("Reply by {i} May.")), "{text}");
    }
}

/// The live preview in a real browser, from `file://`: a driver script loaded after
/// letters.js types into a box the way a trainer would.
#[test]
fn typing_fills_the_letter_in_a_browser() {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(browser) = browser else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but chromium is not installed: .ci/run installs it"
        );
        eprintln!("no chromium found: skipping the browser check");
        return;
    };
    let dir = site(&[("invitation", INVITATION)]);
    let out = build(dir.path(), Audience::Trainer);
    std::fs::write(
        out.join("theme/drive.js"),
        "var i = document.querySelector('input[name=\"participant_name\"]');\n\
         i.value = '<b>Sam</b> & *Jo*';\n\
         i.dispatchEvent(new Event('input', { bubbles: true }));\n",
    )
    .unwrap();
    let page = out.join("prog/letters/invitation.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let marker = "theme/letters.js\" defer></script>";
    assert!(html.contains(marker));
    let driven = html.replace(
        marker,
        &format!("{marker}<script src=\"../../theme/drive.js\" defer></script>"),
    );
    let test_page = out.join("prog/letters/driven.html");
    std::fs::write(&test_page, driven).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let run = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", test_page.display()))
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let dom = Html::parse_document(&String::from_utf8_lossy(&run.stdout));
    let sel = |s: &str| Selector::parse(s).unwrap();
    let blank = dom
        .select(&sel("#letter .blank[data-field=\"participant_name\"]"))
        .next()
        .expect("the blank");
    // Typed text goes in as text: no element made from it, no Markdown.
    assert_eq!(blank.text().collect::<String>(), "<b>Sam</b> & *Jo*");
    assert!(blank.select(&sel("b")).next().is_none());
    assert!(blank.value().classes().any(|c| c == "is-filled"));
    // The other blank is untouched; the form is shown and the list of blanks hidden.
    let reply = dom
        .select(&sel("#letter .blank[data-field=\"reply_by\"]"))
        .next()
        .unwrap();
    assert_eq!(reply.text().collect::<String>(), "[Reply by]");
    let form = dom.select(&sel("#letter-form")).next().unwrap();
    assert!(form.attr("hidden").is_none());
    let print = dom.select(&sel("button.print-letter")).next().unwrap();
    assert!(print.attr("hidden").is_none());
}

#[test]
fn letters_show_on_the_overview_and_their_sessions() {
    let dir = site(&[("invitation", INVITATION)]);
    let out = build(dir.path(), Audience::Trainer);
    let sel = Selector::parse("main a").unwrap();
    for page in ["prog/index.html", "prog/day-1/intro.html"] {
        let html = Html::parse_document(&std::fs::read_to_string(out.join(page)).unwrap());
        let hrefs: Vec<String> = html
            .select(&sel)
            .filter_map(|a| a.attr("href").map(str::to_string))
            .collect();
        assert!(
            hrefs.iter().any(|h| h.ends_with("letters/invitation.html")),
            "{page}: {hrefs:?}"
        );
    }
    write(
        dir.path(),
        "content/prog/day-1/intro.md",
        "---\ntitle: Intro\nday: 1\nblock: before-coffee\nduration: 30m\nletters: [invitaton]\n---\nHello.\n",
    );
    let (_, diags) = coursebook::load(dir.path(), Audience::Trainer);
    let err = diags
        .items
        .iter()
        .find(|d| d.severity == Severity::Error)
        .expect("an unknown letter is an error");
    assert_eq!(err.path, "content/prog/day-1/intro.md");
    assert!(err.message.contains("invitaton"));
}

#[test]
fn a_builtin_without_a_value_is_a_warning_at_its_place() {
    let letter = "---\ntitle: T\n---\nSee you at {{ programme.venue }}.\n";
    let dir = site(&[("invitation", letter)]);
    write(
        dir.path(),
        "content/prog/index.md",
        "---\ntitle: Prog\n---\nAbout.\n",
    );
    let (site, diags) = coursebook::load(dir.path(), Audience::Trainer);
    assert!(site.is_some());
    let w = diags
        .items
        .iter()
        .find(|d| d.message.contains("programme.venue"))
        .expect("a warning for the unset venue");
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.path, "content/prog/letters/invitation.md");
    assert_eq!((w.line, w.col), (4, 12));
    // The downloads show a readable blank.
    let out = build(dir.path(), Audience::Trainer);
    let txt = std::fs::read_to_string(out.join("prog/letters/invitation.txt")).unwrap();
    assert_eq!(txt, "See you at [Venue].\n");
}
