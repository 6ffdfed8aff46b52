//! Certificates of attendance and registers: the built-ins `programme.contact_hours` and
//! `programme.sessions`, `kind: certificate` (landscape page and .docx), `merge` leaving out
//! who did not attend, `coursebook register`, and no name from a list ever in the site.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::{Fixture, sel, texts};

const CERTIFICATE: &str = "---\ntitle: Certificate of attendance\nkind: certificate\nfields:\n  - { name: participant_name, label: Participant's name }\n---\n# Certificate of attendance\n\n## {{ participant_name }}\n\nattended {{ programme.title }} on {{ programme.dates }}: {{ programme.contact_hours }}.\n\n{{ programme.sessions }}\n";

/// A programme of two days: 45 min and 1 h 30 min on day one, with a trainer-only session
/// of 30 min between; 1 h on day two; breaks between the blocks.
fn site() -> Fixture {
    Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"Test course\"\n\n[output.html]\norganisation = \"Northshire Training\"\n",
        ),
        (
            "content/prog/index.md",
            "---\ntitle: Test programme\nparticipants: 5\ndays:\n  - { title: Day one, date: 2027-03-01 }\n  - { title: Day two, date: 2027-03-02 }\n---\nAbout.\n",
        ),
        (
            "content/prog/day-1/01-a.md",
            &common::session("Opening", 1, "before-coffee", "45m"),
        ),
        (
            "content/prog/day-1/02-t.md",
            "---\ntitle: Trainers' briefing\nday: 1\nblock: after-coffee\nduration: 30m\naudience: trainer\n---\nNotes.\n",
        ),
        (
            "content/prog/day-1/03-b.md",
            &common::session("Case work", 1, "after-lunch", "1h 30m"),
        ),
        (
            "content/prog/day-2/01-c.md",
            &common::session("Closing", 2, "before-coffee", "1h"),
        ),
        ("content/prog/letters/certificate.md", CERTIFICATE),
    ])
}

/// A `.docx`'s `word/document.xml`.
fn document_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// Minutes of a `duration:` as the example writes them: `30 mins`, `30m`, `0:30`, `30`.
fn minutes(text: &str) -> u32 {
    let t = text.trim();
    if let Some((h, m)) = t.split_once(':') {
        return h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap();
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = t[digits.len()..].trim();
    let n: u32 = digits.parse().unwrap();
    assert!(
        ["", "m", "min", "mins", "minutes"].contains(&rest),
        "unexpected duration {t}"
    );
    n
}

#[test]
fn the_example_certificate_counts_its_session_minutes() {
    // The example's sessions, read from their front matter here, not by coursebook.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut total = 0;
    let mut count = 0;
    for day in ["day-1", "day-2"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join("content/recording").join(day))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            assert!(!text.contains("\naudience: trainer"), "{f:?}");
            let d = text
                .lines()
                .find_map(|l| l.strip_prefix("duration:"))
                .unwrap_or_else(|| panic!("{f:?} has a duration"));
            total += minutes(d);
            count += 1;
        }
    }
    // Counted by hand: day one 30+30+30+15+15+30+30+30+15+15, day two 8 × 30.
    assert_eq!((count, total), (18, 480));

    let out = tempfile::tempdir().unwrap();
    let opts = coursebook::BuildOptions {
        root: root.to_path_buf(),
        dest: Some(out.path().join("site")),
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    let txt =
        std::fs::read_to_string(out.path().join("site/recording/letters/certificate.txt")).unwrap();
    assert!(txt.contains("8 hours of training"), "{txt}");
    let html = std::fs::read_to_string(out.path().join("site/recording/letters/certificate.html"))
        .unwrap();
    let doc = scraper::Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel("body.certificate-page .letter.certificate"))
            .count(),
        1
    );
    // The sessions in timetable order, one per line.
    let list = doc.select(&sel(".letter .filled.is-list")).next().unwrap();
    let lines: Vec<String> = list.text().map(str::to_string).collect();
    assert_eq!(lines.len(), 18);
    assert_eq!(lines[0], "Introduction and organisation for the two days");
    assert_eq!(lines[17], "Reflections on the two days and conclusions");
    assert!(
        document_xml(&out.path().join("site/recording/letters/certificate.docx"))
            .contains("w:orient=\"landscape\"")
    );
}

#[test]
fn contact_hours_leave_out_breaks_and_trainers_time() {
    let f = site();
    f.build();
    let txt = f.read("prog/letters/certificate.txt");
    // 45 + 90 + 60 minutes; the trainers' briefing and the breaks do not count.
    assert!(txt.contains(": 3 hours 15 minutes."), "{txt}");
    assert!(txt.contains("Opening\nCase work\nClosing"), "{txt}");
    assert!(!txt.contains("Trainers' briefing"), "{txt}");
    assert!(txt.contains("1 and 2 March 2027"), "{txt}");
    let doc = f.html("prog/letters/certificate.html");
    assert_eq!(
        texts(&doc, ".letter .filled.is-list"),
        ["OpeningCase workClosing"]
    );
    // A letter stays upright.
    f.write(
        "content/prog/letters/note.md",
        "---\ntitle: Note\n---\nHours: {{ programme.contact_hours }}.\n",
    );
    f.build();
    assert!(
        f.read("prog/letters/note.txt")
            .contains("Hours: 3 hours 15 minutes.")
    );
    let xml = document_xml(&f.site().join("prog/letters/note.docx"));
    assert!(
        !xml.contains("landscape") && xml.contains("w:w=\"11906\""),
        "{xml}"
    );
}

#[test]
fn a_kind_that_is_neither_is_an_error_at_its_line() {
    let f = site();
    f.write(
        "content/prog/letters/certificate.md",
        &CERTIFICATE.replace("kind: certificate", "kind: certifcate"),
    );
    let errs = f.build_err().join("\n");
    assert!(
        errs.contains("content/prog/letters/certificate.md:3:7: error: `kind` must be `letter` or `certificate`"),
        "{errs}"
    );
    assert!(errs.contains("did you mean `certificate`?"), "{errs}");
}

fn have_soffice() -> bool {
    Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn soffice_text(docx: &Path) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new("soffice")
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
    assert!(out.status.success(), "{out:?}");
    let stem = docx.file_stem().unwrap().to_string_lossy();
    std::fs::read_to_string(tmp.path().join(format!("{stem}.txt"))).expect("soffice wrote text")
}

const PEOPLE: &str = "participant_name,organisation,attended\nAnna Kowalska,Northshire,yes\nBen Okafor,Eastfield,no\nCara Nguyen,Westshire,✓\nDev Patel,Northshire,x\n";

#[test]
fn merge_makes_a_landscape_certificate_for_each_who_attended() {
    let f = site();
    let list = f.root().join("people.csv");
    std::fs::write(&list, PEOPLE).unwrap();
    // By name, from the site's folder.
    let out = f.run(&[
        "merge",
        "certificate",
        "--data",
        "people.csv",
        "--out",
        "certs",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("people.csv:3:1: note: row 2: no certificate, as `attended` is `no`"),
        "{stderr}"
    );
    assert!(stderr.contains("wrote 3 letter(s)"), "{stderr}");
    assert!(
        stderr.contains("skipped 1 row(s) of people who did not attend"),
        "{stderr}"
    );
    // `attended` is read, not ignored as a column the letter has no field for.
    assert!(
        stderr.contains("no field for the column `organisation`; ignored"),
        "{stderr}"
    );
    let mut names: Vec<String> = std::fs::read_dir(f.root().join("certs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "01-anna-kowalska.docx",
            "03-cara-nguyen.docx",
            "04-dev-patel.docx"
        ]
    );
    let people = [
        ("01-anna-kowalska.docx", "Anna Kowalska"),
        ("03-cara-nguyen.docx", "Cara Nguyen"),
        ("04-dev-patel.docx", "Dev Patel"),
    ];
    for (file, name) in people {
        let path = f.root().join("certs").join(file);
        let xml = document_xml(&path);
        assert!(
            xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"),
            "{xml}"
        );
        if have_soffice() {
            let text = soffice_text(&path);
            assert!(text.contains(name), "{text}");
            assert!(text.contains("3 hours 15 minutes"), "{text}");
            assert!(!text.contains("Ben Okafor"), "{text}");
        }
    }
    // The path works as before; a name the site lacks is refused with the letters it has.
    let by_path = f.run(&[
        "merge",
        "content/prog/letters/certificate.md",
        "--data",
        "people.csv",
        "--out",
        "certs2",
    ]);
    assert!(by_path.status.success());
    let missing = f.run(&["merge", "certificat", "--data", "people.csv"]);
    assert_eq!(missing.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(
        stderr.contains("no letter of this name")
            && stderr.contains("content/prog/letters/certificate.md"),
        "{stderr}"
    );
}

#[test]
fn day_columns_say_who_attended() {
    let f = site();
    std::fs::write(
        f.root().join("days.csv"),
        "participant_name,Day 1,Day two\nAnna Kowalska,yes,\nBen Okafor,,\nCara Nguyen,,x\n",
    )
    .unwrap();
    let out = f.run(&["merge", "certificate", "--data", "days.csv", "--out", "c"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("row 2: no certificate, as no day is marked as attended"),
        "{stderr}"
    );
    assert!(stderr.contains("wrote 2 letter(s)"), "{stderr}");
}

#[test]
fn register_fills_each_day_and_sums_up_attendance() {
    let f = site();
    std::fs::write(
        f.root().join("people.csv"),
        "Name;Organisation;Day 1;Day 2\n\"Okafor, Ben\";<b>Eastfield</b>;yes;no\nAnna Kowalska;Northshire;x;✓\n",
    )
    .unwrap();
    let out = f.run(&["register", "--data", "people.csv", "--out", "reg"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("wrote 3 page(s) for 2 people"), "{stderr}");
    let read = |name: &str| {
        scraper::Html::parse_document(
            &std::fs::read_to_string(f.root().join("reg").join(name)).unwrap(),
        )
    };
    for day in [1, 2] {
        let doc = read(&format!("signin-day-{day}.html"));
        let names = texts(&doc, "table.signin tbody td.name");
        // Two names, then blank rows up to `participants: 5`.
        assert_eq!(names, ["Okafor, Ben", "Anna Kowalska", "", "", ""]);
        assert_eq!(
            texts(&doc, "table.signin tbody td.org")[0],
            "<b>Eastfield</b>",
            "escaped, shown as text"
        );
        let head = texts(&doc, "thead .head")[0].clone();
        assert!(head.contains("Test programme"), "{head}");
        assert!(
            head.contains(if day == 1 {
                "Day one, Monday 1 March 2027"
            } else {
                "Day two, Tuesday 2 March 2027"
            }),
            "{head}"
        );
    }
    let doc = read("attendance.html");
    let rows: Vec<Vec<String>> = doc
        .select(&sel("table.attendance tbody tr"))
        .map(|tr| {
            tr.select(&sel("td"))
                .map(|td| td.text().collect::<String>())
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        [
            ["Okafor, Ben", "<b>Eastfield</b>", "✓", "–", "1"],
            ["Anna Kowalska", "Northshire", "✓", "✓", "2"]
        ]
    );
    assert_eq!(texts(&doc, "tfoot td")[1..3], ["2", "1"]);

    // Never into the site: an --out inside the content or build folder is refused.
    let inside = f.run(&["register", "--data", "people.csv", "--out", "content/reg"]);
    assert_eq!(inside.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&inside.stderr)
            .contains("refusing to write the registers inside the content folder")
    );
    assert!(!f.root().join("content/reg").exists());
}

#[test]
fn no_name_from_a_list_reaches_the_site() {
    let f = site();
    std::fs::write(f.root().join("people.csv"), PEOPLE).unwrap();
    assert!(
        f.run(&[
            "merge",
            "certificate",
            "--data",
            "people.csv",
            "--out",
            "certs"
        ])
        .status
        .success()
    );
    assert!(
        f.run(&["register", "--data", "people.csv", "--out", "reg"])
            .status
            .success()
    );
    let names = [
        "Kowalska",
        "Okafor",
        "Nguyen",
        "Patel",
        "Eastfield",
        "Westshire",
    ];
    for audience in ["trainer", "participant"] {
        let out = f.run(&["build", "--audience", audience]);
        assert!(out.status.success(), "{out:?}");
        let mut seen = 0;
        for entry in walk(&f.site()) {
            let bytes = std::fs::read(&entry).unwrap();
            let mut texts = vec![String::from_utf8_lossy(&bytes).into_owned()];
            // Inside every .docx and zip too.
            if let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(&bytes)) {
                for i in 0..zip.len() {
                    let mut s = String::new();
                    let _ = zip.by_index(i).unwrap().read_to_string(&mut s);
                    texts.push(s);
                }
            }
            for t in &texts {
                for n in names {
                    assert!(!t.contains(n), "{n} in {entry:?}");
                }
            }
            seen += 1;
        }
        assert!(seen > 10, "the site has its files");
    }
    // The trainer edition does have the certificate, with its blank.
    f.run(&["build"]);
    assert!(
        f.read("prog/letters/certificate.txt")
            .contains("[Participant's name]")
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_certificate_page_is_headed_by_the_organisation_and_its_logo() {
    let f = site();
    f.write(
        "book.toml",
        "[book]\ntitle = \"Test course\"\n\n[output.html]\norganisation = \"Northshire Training\"\nlogo = \"assets/logo.svg\"\n",
    );
    f.write(
        "content/assets/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
    );
    f.build();
    let doc = f.html("prog/letters/certificate.html");
    assert_eq!(
        texts(&doc, ".letter.certificate .letter-head .letter-org"),
        ["Northshire Training"]
    );
    let src: Vec<&str> = doc
        .select(&sel(".letter.certificate .letter-head img.letter-logo"))
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert_eq!(src, ["../../assets/logo.svg"]);
    assert_eq!(
        texts(&doc, "button.print-letter"),
        ["Print the certificate"]
    );
}
