//! Names and data: titles without control characters in every output, file names that
//! collide or escape on other systems, the one list of generated paths, calendar UIDs and
//! SEQUENCE, and the CSV formula guard on every column. Each test failed before its fix.

mod common;

use std::io::Read;
use std::path::Path;

use common::{Fixture, PROGRAMME};
use coursebook::{Audience, BuildOptions};

const DATED: &str =
    "---\ntitle: Prog\ndays:\n  - { title: Day one, date: 2027-03-01 }\n---\nAbout.\n";

fn build_zip(f: &Fixture) {
    coursebook::build(&BuildOptions {
        root: f.root().to_path_buf(),
        zip: true,
        ..Default::default()
    })
    .unwrap_or_else(|d| panic!("build failed: {:?}", d.sorted()));
}

/// Every file under `dir`, as (site-relative path, bytes); a `.docx` as its parts' text.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(e.path()).unwrap();
        if rel.ends_with(".docx") || rel.ends_with(".zip") {
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..z.len() {
                let mut part = z.by_index(i).unwrap();
                let mut b = Vec::new();
                part.read_to_end(&mut b).unwrap();
                let name = part.name().map(|n| n.to_string()).unwrap_or_default();
                out.push((format!("{rel}:{name}"), b));
            }
        } else {
            out.push((rel, bytes));
        }
    }
    out
}

fn is_binary(path: &str) -> bool {
    [".png", ".woff2", ".ico", ".docx", ".zip"]
        .iter()
        .any(|x| path.ends_with(x))
}

#[test]
fn control_characters_never_reach_a_title() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"Course\\u0000 one\"\n[output.html]\norganisation = \"North\\u0007shire\"\nsite-url = \"https://x.example/\"\n",
        ),
        (
            "content/p/index.md",
            "---\ntitle: \"Prog\\0ramme\\ttwo\"\nvenue: \"Room\\x01 1\"\nblocks:\n  - { id: am, title: \"Morn\\eing\" }\n  - { break: \"Cof\\afee\", duration: 15m }\n  - { id: pm, title: Afternoon }\ndays:\n  - { title: \"Day\\0 one\", date: 2027-03-01 }\n---\nAbout.\n",
        ),
        (
            "content/p/a.md",
            "---\ntitle: \"Ses\\0sion\\none\"\nday: 1\nblock: am\nduration: 30m\n---\nBody.\n",
        ),
        (
            "content/p/b.md",
            "---\ntitle: Second\nday: 1\nblock: pm\nduration: 30m\n---\nBody.\n",
        ),
        ("content/p/notes.md", "# Not\u{1}es\n\nText.\n"),
        (
            "content/p/letters/inv.md",
            "---\ntitle: \"Invi\\0tation\"\n---\nOn {{ programme.title }} at {{ programme.venue }}, {{ organisation }}.\n",
        ),
    ]);
    build_zip(&f);
    for (path, bytes) in files(&f.site()) {
        // A zip's or .docx's parts are read one by one; a part that is itself binary is not.
        if is_binary(&path) {
            continue;
        }
        let bad = bytes
            .iter()
            .position(|b| (*b < 0x20 && !b"\t\n\r".contains(b)) || *b == 0x7f);
        assert!(
            bad.is_none(),
            "{path} holds control character {:#04x}",
            bytes[bad.unwrap_or(0)]
        );
    }
    let doc = f.html("p/a.html");
    assert_eq!(common::texts(&doc, "title"), ["Session one · Course one"]);
    assert_eq!(common::texts(&doc, "main h1"), ["Session one"]);
    let csv = f.read("p/timetable.csv");
    assert!(csv.contains(",Session one,"), "{csv}");
    assert!(csv.contains(",Coffee,"), "{csv}");
    let ics = f.read("p/timetable.ics");
    assert!(ics.contains("SUMMARY:Session one\r\n"), "{ics}");
    assert!(ics.contains("X-WR-CALNAME:Programme two\r\n"), "{ics}");
    assert!(
        f.read("p/letters/inv.txt")
            .contains("On Programme two at Room 1, Northshire.")
    );
    let index = coursebook::render::search::read(&f.read("p/searchindex.js")).unwrap();
    assert!(index.iter().any(|d| d.title == "Session one"));
    assert_eq!(
        common::texts(&f.html("p/notes.html"), "title"),
        ["Notes · Course one"]
    );
}

#[test]
fn names_differing_only_in_unicode_form_are_twins() {
    let nfc = "caf\u{e9}";
    let nfd = "cafe\u{301}";
    let s = |t: &str| common::session(t, 1, "before-coffee", "30m");
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (&format!("content/p/{nfc}.md"), &s("One")),
        (&format!("content/p/{nfd}.md"), &s("Two")),
        (&format!("content/assets/{nfc}.txt"), "a"),
        (&format!("content/assets/{nfd}.txt"), "b"),
    ]);
    let errs = f.build_err();
    let twins: Vec<&String> = errs
        .iter()
        .filter(|e| e.contains("differ only in how an accented letter is encoded"))
        .collect();
    assert_eq!(twins.len(), 2, "{errs:?}");
    assert!(twins.iter().any(|e| e.contains("p/caf")), "{twins:?}");
    assert!(twins.iter().any(|e| e.contains("assets/caf")), "{twins:?}");
}

#[test]
fn backslashes_and_colons_in_output_names_are_refused() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a:b.md",
            &common::session("Colon", 1, "before-coffee", "30m"),
        ),
        ("content/assets/x\\..\\..\\evil.txt", "owned"),
    ]);
    let out = f.run(&["build", "--zip"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "content/assets/x\\..\\..\\evil.txt: error: the name `x\\..\\..\\evil.txt` cannot be part of a link: it holds `\\`"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "content/p/a:b.md: error: the name `a:b.html` cannot be part of a link: it holds `:`"
        ),
        "{err}"
    );
    assert!(!f.site().join("site.zip").exists());
}

#[test]
fn an_asset_cannot_replace_the_search_shard() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a.md",
            &common::session("A", 1, "before-coffee", "30m"),
        ),
        ("content/p/searchindex.js", "alert(1)"),
    ]);
    let errs = f.build_err();
    assert!(
        errs.iter().any(|e| e.starts_with(
            "content/p/searchindex.js: error: would write p/searchindex.js, a file coursebook generates"
        )),
        "{errs:?}"
    );
}

/// Every file a build writes with every feature on is a source's, an asset, or on the list
/// the loader checks names against.
#[test]
fn every_generated_file_is_on_the_reserved_list() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n[output.html]\nsite-url = \"https://x.example/\"\n",
        ),
        ("content/index.md", "# Home\n"),
        ("content/about.md", "# About\n"),
        ("content/p/index.md", DATED),
        (
            "content/p/day-1/a.md",
            "---\ntitle: A\nday: 1\nblock: before-coffee\nduration: 30m\nthemes: [t]\nprompts: [Why?]\nmaterials: [pens]\n---\nx\n",
        ),
        ("content/p/notes.md", "# Notes\n"),
        ("content/p/letters/inv.md", "---\ntitle: Inv\n---\nHello.\n"),
        (
            "content/p/deliveries/spring.md",
            "---\ndays: [{ date: 2027-04-12 }]\n---\nParking.\n",
        ),
        ("content/assets/logo.svg", "<svg/>"),
    ]);
    build_zip(&f);
    let (site, _) = coursebook::load(f.root(), Audience::Trainer);
    let site = site.expect("loads");
    let mut from_sources: Vec<String> = site.assets.iter().map(|a| a.out.clone()).collect();
    from_sources.extend(site.home.iter().chain(&site.pages).map(|p| p.out.clone()));
    let mut programmes = Vec::new();
    for p in &site.programmes {
        programmes.push(p.slug.as_str());
        from_sources.extend(p.sessions.iter().map(|s| s.out.clone()));
        from_sources.extend(p.pages.iter().map(|s| s.out.clone()));
        for l in &p.letters {
            let stem = l.out.trim_end_matches(".html");
            from_sources.extend(["html", "docx", "txt"].map(|x| format!("{stem}.{x}")));
        }
    }
    let mut written = 0;
    for e in walkdir::WalkDir::new(f.site()) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        written += 1;
        let rel = e
            .path()
            .strip_prefix(f.site())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        assert!(
            from_sources.contains(&rel)
                || coursebook::render::outputs::generated_by(&rel, &programmes).is_some(),
            "{rel} is written but not on render::outputs' list"
        );
    }
    // The features that write files of their own were on.
    for p in [
        "sitemap.xml",
        "site.zip",
        "p/timetable.ics",
        "p/runsheet-day-1.html",
        "p/searchindex.js",
        "p/deliveries/spring/timetable.ics",
        "p/deliveries/spring/schedule.js",
        "p/deliveries/spring/runsheet-day-1.html",
        "p/deliveries/spring/signin-day-1.html",
    ] {
        assert!(f.site().join(p).exists(), "{p}");
    }
    assert!(written > 20);
}

fn ics_values(raw: &str, key: &str) -> Vec<String> {
    raw.replace("\r\n ", "")
        .split("\r\n")
        .filter_map(|l| l.strip_prefix(&format!("{key}:")).map(str::to_string))
        .collect()
}

#[test]
fn calendar_uids_tell_paths_apart_and_sequence_grows_with_an_edit() {
    let s = |t: &str, b: &str| common::session(t, 1, b, "30m");
    let f = Fixture::new(&[
        ("content/p/index.md", DATED),
        ("content/p/x/y-z.md", &s("First", "before-coffee")),
        ("content/p/x-y/z.md", &s("Second", "after-coffee")),
    ]);
    f.build();
    let raw = f.read("p/timetable.ics");
    let uids = ics_values(&raw, "UID");
    assert_eq!(uids.len(), 2, "{raw}");
    assert_ne!(uids[0], uids[1]);
    let seq = ics_values(&raw, "SEQUENCE");
    assert_eq!(seq.len(), 2, "{raw}");
    let before: u64 = seq[0].parse().unwrap();
    // Unchanged: the same bytes.
    f.build();
    assert_eq!(f.read("p/timetable.ics"), raw);
    // An edit, a minute later by the file's clock: every event's SEQUENCE grows.
    let path = f.root().join("content/p/x/y-z.md");
    std::fs::write(
        &path,
        s("First, longer", "before-coffee").replace("30m", "45m"),
    )
    .unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    f.build();
    let after = ics_values(&f.read("p/timetable.ics"), "SEQUENCE");
    assert!(
        after.iter().all(|a| a.parse::<u64>().unwrap() > before),
        "{before} -> {after:?}"
    );
    assert_eq!(ics_values(&f.read("p/timetable.ics"), "UID"), uids);
}

#[test]
fn every_csv_column_is_guarded_against_formulas() {
    let f = Fixture::new(&[
        (
            "content/@p/index.md",
            "---\ntitle: Prog\nblocks:\n  - { id: \"=1+2\", title: Morning }\n---\nAbout.\n",
        ),
        (
            "content/@p/a.md",
            "---\ntitle: A\nday: 1\nblock: \"=1+2\"\nduration: 30m\nformat: \"-2+3\"\n---\nx\n",
        ),
    ]);
    f.build();
    let csv = f.read("@p/timetable.csv");
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(row[7], "'=1+2", "{csv}");
    assert_eq!(row[8], "'-2+3", "{csv}");
    assert_eq!(row[9], "'@p/a.html", "{csv}");
    for cell in csv.lines().skip(1).flat_map(|l| l.split(',')) {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell} in {csv}");
    }
}
