//! The participant edition by allow-list: every road by which trainer-only content once
//! reached participants, each with its own marker, present in the trainer build and absent
//! from every byte of the participant build (pages, scripts, CSV, calendar, sitemap, the
//! parts of each `.docx` and each member of `site.zip`).

mod marked;

use std::io::Read;
use std::path::{Path, PathBuf};

use coursebook::Audience;
use coursebook::merge::{Format, MergeOptions};

fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Each road, and the marker that travels it.
const ROUTES: &[(&str, &str)] = &[
    ("a [!Trainer] note in a shared letter", "Ibexletternote"),
    (
        "a note of punctuation and digits",
        "Door code: 4471#; mob. 07700-900-123",
    ),
    (
        "a PDF linked only from a trainer-only page",
        "Jackalanswerkey",
    ),
    ("an image linked only from a trainer note", "Civetimage"),
    (
        "an image raw HTML uses only in a trainer note",
        "Civetrawimage",
    ),
    ("a footnote cited only from a trainer note", "Geckofootnote"),
    ("an HTML comment", "Lemurcomment"),
    ("a trainer-only session's title", "Pangolinsession"),
    ("a trainer-only programme", "Tapirprogramme"),
    ("a session body written to the trainer", "Okapibody"),
    ("the programme's trainer-facing overview", "Yakoverview"),
    ("a letter, the trainer's tool by default", "Quaggaletter"),
    ("a trainer-only page", "Zorillapage"),
    ("a prompt's note", "Narwhalnote"),
];

/// A programme with a marker on every road (none of it an error).
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(
        r,
        "book.toml",
        // Raw HTML kept as written (comments too), so only the edition can keep them out.
        "[book]\ntitle = \"Fixture course\"\n\n[output.html]\nsite-url = \"https://intranet.example/training/\"\nsanitize = false\n",
    );
    write(
        r,
        "content/prog/index.md",
        "---\ntitle: Recording\nfor: Practitioners\ntimezone: Europe/London\ndays:\n  - { title: Day one, date: 2027-03-01 }\n  - { title: Day two, date: 2027-03-02 }\n---\nYakoverview: how to run these two days.\n\n> [!HANDOUT]\n> Welcome, Wapitiwelcome.\n",
    );
    // A trainer-only session first on day one: everything after it keeps its time.
    write(
        r,
        "content/prog/day-1/a-setup.md",
        "---\ntitle: Pangolinsession room set-up\nday: 1\nblock: before-coffee\nduration: 45m\naudience: trainer\n---\nArrange the chairs.\n",
    );
    write(
        r,
        "content/prog/day-1/b-intro.md",
        "---\ntitle: Introductions\nday: 1\nblock: before-coffee\nduration: 30m\nsummary: Names and hopes.\nprompts:\n  - text: What worries you?\n    note: Narwhalnote about the prompt\nmaterials: [name badges]\n---\n## Plan\n\nOkapibody: put people in pairs.[^g]\n\n> [!Trainer]\n> ## Plan\n> Door code: 4471#; mob. 07700-900-123. The key is\n> [here](../answers/key.pdf) ![c](../img/secret.svg) and[^t].\n\n## Plan\n\n> [!HANDOUT]\n> Koalahandout: bring one case summary.[^g]\n\n<!-- Lemurcomment: ask Sam to print extra copies -->\n\n[^g]: Gnushared footnote.\n[^t]: Geckofootnote answer.\n",
    );
    write(
        r,
        "content/prog/day-1/c-pairs.md",
        "---\ntitle: Pairs\nday: 1\nblock: after-coffee\nduration: 1h\nformat: pairs\n---\nRead in pairs.\n",
    );
    write(
        r,
        "content/prog/day-2/a-recap.md",
        "---\ntitle: Recap\nday: 2\nblock: before-coffee\nduration: 45m\n---\nRecap.\n",
    );
    write(
        r,
        "content/prog/trainer-notes.md",
        "---\ntitle: Zorillapage notes\naudience: trainer\n---\nSee [the key](answers/key.pdf).\n",
    );
    write(
        r,
        "content/prog/answers/key.pdf",
        "%PDF-1.4 Jackalanswerkey",
    );
    // Raw HTML uses files too: one for everyone, one only inside a trainer note.
    write(
        r,
        "content/prog/day-2/b-figures.md",
        "---\ntitle: Figures\nday: 2\nblock: after-coffee\nduration: 15m\n---\n> [!HANDOUT]\n> <img src=\"../img/chart.svg\" alt=\"chart\">\n\n> [!TRAINER]\n> <img src=\"../img/raw-secret.svg\" alt=\"x\">\n",
    );
    write(
        r,
        "content/prog/img/chart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Dingochart</text></svg>",
    );
    write(
        r,
        "content/prog/img/raw-secret.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Civetrawimage</text></svg>",
    );
    write(
        r,
        "content/prog/img/secret.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Civetimage</text></svg>",
    );
    write(
        r,
        "content/assets/public.txt",
        "Published to everyone from the public folder.",
    );
    write(
        r,
        "content/prog/letters/welcome.md",
        "---\ntitle: Welcome letter\naudience: all\nfields:\n  - { name: name, label: Name }\n---\nDear {{ name }},\n\n> [!Trainer]\n> Ibexletternote: send it a week before.\n\nSee you soon.\n",
    );
    write(
        r,
        "content/prog/letters/managers.md",
        "---\ntitle: Quaggaletter to managers\nfields:\n  - { name: name, label: Name }\n---\nDear {{ name }}, the post box said this.\n",
    );
    write(
        r,
        "content/secret/index.md",
        "---\ntitle: Tapirprogramme for trainers\naudience: trainer\n---\nOnly trainers.\n",
    );
    write(
        r,
        "content/secret/day-1/a.md",
        "---\ntitle: Tapirprogramme session\nday: 1\nduration: 30m\nblock: before-coffee\n---\nHidden.\n",
    );
    // Editor litter beside the sources: published by neither edition.
    for (name, text) in [
        ("content/prog/trainer-notes.md~", "Marmotbackup"),
        ("content/prog/trainer-notes.md.bak", "Marmotbackup"),
        ("content/prog/trainer-notes.md.orig", "Marmotbackup"),
        ("content/prog/#trainer-notes.md#", "Marmotbackup"),
    ] {
        write(r, name, text);
    }
    dir
}

fn build(root: &Path, audience: Audience) -> Result<PathBuf, String> {
    marked::build(root, audience, true)
}

/// Every file's text, with the parts of each `.docx` and the members of `site.zip` (and the
/// `.docx` inside it) unzipped: (where, text).
fn texts(dir: &Path) -> Vec<(String, String)> {
    fn add(name: String, bytes: &[u8], out: &mut Vec<(String, String)>) {
        if bytes.starts_with(b"PK\x03\x04") {
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..z.len() {
                let mut f = z.by_index(i).unwrap();
                let member = format!("{name}:{}", f.name().unwrap());
                let mut buf = Vec::new();
                f.read_to_end(&mut buf).unwrap();
                add(member, &buf, out);
            }
        } else {
            out.push((name, String::from_utf8_lossy(bytes).into_owned()));
        }
    }
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() {
            let name = e.path().strip_prefix(dir).unwrap().display().to_string();
            add(name.clone(), &std::fs::read(e.path()).unwrap(), &mut out);
            // The file's name is part of what it gives away.
            out.push((format!("{name} (its name)"), name));
        }
    }
    out
}

/// `text` as words, lower case, so `Door code: 4471#` matches however it was escaped.
fn words(text: &str) -> String {
    let mut s = String::from(" ");
    for c in text.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with(' ') {
            s.push(' ');
        }
    }
    s.push(' ');
    s
}

fn holders<'a>(all: &'a [(String, String)], marker: &str) -> Vec<&'a str> {
    let m = words(marker);
    all.iter()
        .filter(|(_, t)| words(t).contains(&m))
        .map(|(n, _)| n.as_str())
        .collect()
}

#[test]
fn every_route_is_in_the_trainer_build_and_nowhere_in_the_participant_build() {
    let dir = fixture();
    let trainer = texts(&build(dir.path(), Audience::Trainer).unwrap());
    let participant = texts(&build(dir.path(), Audience::Participant).unwrap());
    assert!(participant.len() > 20, "{}", participant.len());
    for (road, marker) in ROUTES {
        assert!(
            !holders(&trainer, marker).is_empty(),
            "trainer build lacks {road} ({marker})"
        );
        let leaks = holders(&participant, marker);
        assert!(leaks.is_empty(), "{road} ({marker}) reached {leaks:?}");
    }
    // Backups are in neither edition.
    assert!(holders(&trainer, "Marmotbackup").is_empty());
    assert!(holders(&participant, "Marmotbackup").is_empty());
    // What participants are meant to see is there, the site zip included.
    let mut chart = holders(&participant, "Dingochart");
    chart.sort();
    assert_eq!(
        chart,
        vec!["prog/img/chart.svg", "site.zip:prog/img/chart.svg"]
    );
    for shared in [
        "Koalahandout",
        "Wapitiwelcome",
        "Gnushared footnote",
        "What worries you",
    ] {
        let found = holders(&participant, shared);
        assert!(
            found.iter().any(|n| n.ends_with(".html"))
                && found.iter().any(|n| n.starts_with("site.zip:")),
            "{shared}: {found:?}"
        );
    }
    let names: Vec<&str> = participant.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"assets/public.txt"), "{names:?}");
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("prog/letters/welcome.docx:word/"))
    );
    assert!(!names.iter().any(|n| n.starts_with("secret/")), "{names:?}");
}

#[test]
fn both_editions_keep_the_same_clock() {
    let dir = fixture();
    let csv = |a: Audience| {
        let out = build(dir.path(), a).unwrap();
        let text = std::fs::read_to_string(out.join("prog/timetable.csv")).unwrap();
        let mut rd = csv::Reader::from_reader(text.as_bytes());
        rd.records()
            .map(|r| {
                let r = r.unwrap();
                (
                    r[0].to_string(),
                    r[2].to_string(),
                    r[3].to_string(),
                    r[5].to_string(),
                    r[6].to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let t = csv(Audience::Trainer);
    let p = csv(Audience::Participant);
    assert_eq!(t.len(), p.len(), "{t:?}\n{p:?}");
    for (a, b) in t.iter().zip(&p) {
        // Day, start, end: the same on every row.
        assert_eq!((&a.0, &a.1, &a.2), (&b.0, &b.1, &b.2), "{a:?} / {b:?}");
        if a.4.contains("Pangolinsession") {
            assert_eq!((b.3.as_str(), b.4.as_str()), ("reserved", "Trainers' time"));
        } else {
            assert_eq!(a, b);
        }
    }
    assert_eq!(t[0].1, "09:30");
    assert_eq!(p[1], t[1]);
    assert_eq!(p[1].1, "10:15", "{p:?}");
    // The calendar: the same events at the same times, less the trainers' own.
    let ics = |a: Audience| {
        let out = dir.path().join(match a {
            Audience::Trainer => "out-trainer",
            Audience::Participant => "out-participant",
        });
        std::fs::read_to_string(out.join("prog/timetable.ics"))
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("DTSTART;TZID"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (ti, pi) = (ics(Audience::Trainer), ics(Audience::Participant));
    assert_eq!(ti.len(), pi.len() + 1);
    assert_eq!(&ti[1..], &pi[..]);
}

#[test]
fn heading_ids_and_the_edition_banner() {
    let dir = fixture();
    let ids = |a: Audience| {
        let out = build(dir.path(), a).unwrap();
        let html = std::fs::read_to_string(out.join("prog/day-1/b-intro.html")).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("main h2[id]").unwrap();
        doc.select(&sel)
            .map(|e| e.value().attr("id").unwrap().to_string())
            .filter(|i| i.starts_with("plan"))
            .collect::<Vec<_>>()
    };
    let t = ids(Audience::Trainer);
    let p = ids(Audience::Participant);
    assert_eq!(t, vec!["plan", "plan-1", "plan-2"]);
    // The body's headings are trainers' notes; the one id a participant could see agrees.
    assert!(p.iter().all(|i| t.contains(i)), "{p:?}");
    // Every participant page says which edition it is, before its content.
    let out = dir.path().join("out-participant");
    let banner = scraper::Selector::parse("body > .edition-banner + .layout main").unwrap();
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&out).into_iter().flatten() {
        if e.path().extension().is_some_and(|x| x == "html") {
            let doc = scraper::Html::parse_document(&std::fs::read_to_string(e.path()).unwrap());
            assert!(
                doc.select(&banner).next().is_some(),
                "{}",
                e.path().display()
            );
            pages += 1;
        }
    }
    assert!(pages > 8);
    let trainer = std::fs::read_to_string(dir.path().join("out-trainer/prog/index.html")).unwrap();
    assert!(!trainer.contains("edition-banner"));
}

#[test]
fn near_misses_are_errors_with_the_marker_they_meant() {
    for (note, hint) in [
        ("> [!TRAINERS]\n> x", "[!TRAINER]"),
        ("> [! TRAINER]\n> x", "[!TRAINER]"),
        ("> [!TRAINER-NOTE]\n> x", "[!TRAINER]"),
    ] {
        let dir = fixture();
        write(
            dir.path(),
            "content/prog/day-2/a-recap.md",
            format!(
                "---\ntitle: Recap\nday: 2\nblock: before-coffee\nduration: 45m\n---\nRecap.\n\n{note}\n"
            ),
        );
        for a in [Audience::Trainer, Audience::Participant] {
            let err = build(dir.path(), a).unwrap_err();
            assert!(
                err.contains("content/prog/day-2/a-recap.md:9:3: error: unknown callout marker")
                    && err.contains(hint),
                "{err}"
            );
        }
    }
    // A key in other case: an error, not a page published with a warning.
    let dir = fixture();
    write(
        dir.path(),
        "content/prog/trainer-notes.md",
        "---\ntitle: Zorillapage notes\nAudience: trainer\n---\nSecret.\n",
    );
    let err = build(dir.path(), Audience::Participant).unwrap_err();
    assert!(
        err.contains("content/prog/trainer-notes.md:3:1: error: `Audience`")
            && err.contains("`audience:`"),
        "{err}"
    );
}

#[test]
fn a_link_into_trainer_only_content_is_an_error_in_both_editions() {
    let dir = fixture();
    write(
        dir.path(),
        "content/prog/day-2/a-recap.md",
        "---\ntitle: Recap\nday: 2\nblock: before-coffee\nduration: 45m\n---\n> [!HANDOUT]\n> See [the notes](../trainer-notes.md).\n",
    );
    for a in [Audience::Trainer, Audience::Participant] {
        let diags = coursebook::check(dir.path(), a);
        let text: Vec<String> = diags.sorted().iter().map(|d| d.render(false)).collect();
        let text = text.join("\n");
        assert!(
            text.contains("content/prog/day-2/a-recap.md:8:7: error: link `../trainer-notes.md` leads participants to trainer-only `prog/trainer-notes.html`"),
            "{a:?}: {text}"
        );
        assert!(
            !text.contains("missing file") && !text.contains("did you mean"),
            "{text}"
        );
    }
}

#[test]
fn a_lesson_name_shared_by_a_trainer_page_is_not_a_leak() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "book.toml", "[book]\ntitle = \"Lessons\"\n");
    write(
        r,
        "content/git/index.md",
        "---\ntitle: Version Control with Git\nsession-bodies: all\ndays:\n  - { title: Day one }\n---\nA lesson for learners.\n",
    );
    write(
        r,
        "content/git/episodes/01-intro.md",
        "---\ntitle: Automated Version Control\nday: 1\nblock: before-coffee\nduration: 30m\n---\n## Discussion prompts\n\nWhat is version control?\n",
    );
    write(
        r,
        "content/git/instructor-notes.md",
        "---\ntitle: \"Version Control with Git: Instructor Notes\"\naudience: trainer\n---\n## Discussion prompts\n\nLegend: the lesson runs long; skip the last challenge.\n",
    );
    let t = build(r, Audience::Trainer).unwrap();
    let p = build(r, Audience::Participant).unwrap();
    // Learner-facing bodies are shared whole.
    let page = std::fs::read_to_string(p.join("git/episodes/01-intro.html")).unwrap();
    assert!(page.contains("What is version control?"));
    assert!(!p.join("git/instructor-notes.html").exists());
    let tt = std::fs::read_to_string(t.join("git/timetable.csv")).unwrap();
    let pt = std::fs::read_to_string(p.join("git/timetable.csv")).unwrap();
    assert_eq!(tt, pt);
    assert!(coursebook::check(r, Audience::Participant).errors() == 0);
}

#[test]
fn check_for_participants_runs_the_leak_scan() {
    let dir = fixture();
    write(
        dir.path(),
        "content/prog/day-2/a-recap.md",
        "---\ntitle: Recap\nday: 2\nblock: before-coffee\nduration: 45m\n---\nRecap.\n\n> [!TRAINER]\n> Übungsblatt Kapitel Sieben liegt bereit.\n",
    );
    // A theme script that carries the note, in other case.
    write(
        dir.path(),
        "themes/leaky/static/extra.js",
        "const x = \"ÜBUNGSBLATT KAPITEL SIEBEN LIEGT BEREIT\";",
    );
    let toml = std::fs::read_to_string(dir.path().join("book.toml")).unwrap();
    write(
        dir.path(),
        "book.toml",
        toml.replace(
            "[output.html]",
            "[build]\ntheme = \"leaky\"\n\n[output.html]",
        ),
    );
    assert_eq!(coursebook::check(dir.path(), Audience::Trainer).errors(), 0);
    let diags = coursebook::check(dir.path(), Audience::Participant);
    let text: Vec<String> = diags.sorted().iter().map(|d| d.render(false)).collect();
    assert!(
        text.iter().any(|t| t
            .starts_with("content/prog/day-2/a-recap.md:10:3: error: trainer-only text")
            && t.contains("theme/extra.js")),
        "{text:?}"
    );
}

#[test]
fn merge_leaves_out_a_trainer_note_in_any_case() {
    let dir = fixture();
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "name\nSam Taylor\n").unwrap();
    let out = dir.path().join("letters-out");
    let (merged, diags) = coursebook::merge::merge(&MergeOptions {
        letter: dir.path().join("content/prog/letters/welcome.md"),
        data: csv,
        out: Some(out.clone()),
        format: Format::Txt,
        delivery: None,
    });
    assert_eq!(diags.errors(), 0);
    let merged = merged.unwrap();
    let mut d = coursebook::diagnostics::Diagnostics::default();
    coursebook::merge::write(&merged, &mut d).unwrap();
    let text = std::fs::read_to_string(out.join("01-sam-taylor.txt")).unwrap();
    assert!(text.contains("Dear Sam Taylor"), "{text}");
    assert!(
        !text.to_lowercase().contains("ibexletternote") && !text.contains("[!"),
        "{text}"
    );
}
