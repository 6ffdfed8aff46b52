//! `coursebook import carpentries` and `coursebook import mdbook`: a real Workbench lesson
//! (tests/fixtures/carpentries/shell-novice) and a hand-written mdBook
//! (tests/fixtures/mdbook) imported into fresh sites, checked, built and read back.

mod common;
mod import_support;

use std::path::{Path, PathBuf};

use common::{Fixture, sel, texts};
use coursebook::Audience;
use coursebook::render::search;
use import_support::{assert_checks_clean, build_into, fixture_dir, imported_as, lesson, stderr};

/// A site with only book.toml, the lesson imported into its content/.
fn imported(kind: &str, source: &Path) -> (Fixture, String) {
    imported_as(kind, source, &[])
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn html_at(p: &Path) -> scraper::Html {
    scraper::Html::parse_document(
        &std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
    )
}

const INSTRUCTOR_DIV: &str = "Closing the terminal emulator and opening";
const INSTRUCTOR_PAGE: &str = "capture small data manipulation steps";

#[test]
fn a_carpentries_lesson_becomes_a_programme_that_checks_and_builds_clean() {
    let (f, report) = imported("carpentries", &fixture_dir("carpentries/shell-novice"));
    // What was not converted is listed at its file and line.
    assert!(
        report.contains(
            "episodes/02-filedir.md:131:1: note: image `fig/home-directories.svg` left out"
        ),
        "{report}"
    );
    assert!(
        report.contains("config.yaml:24:1: note: `life_cycle` not imported"),
        "{report}"
    );
    assert_checks_clean(&f, Audience::Trainer);
    assert_checks_clean(&f, Audience::Participant);

    let site = f.root().join("trainer");
    build_into(&f, Audience::Trainer, &site);
    // The day rule, by hand from the episodes' teaching + exercises: 5, 40, 50, 35, 50, 45,
    // 45 minutes from 09:30, breaks at 11:00 (15), 12:30 (60), 15:00 (15), end 17:00.
    // 09:30 +5; 09:35 +40 = 10:15; 50 would end 11:05, past the break: 11:15; 35 would end
    // 12:40, past lunch: 13:30; 14:05 +50 = 14:55; 45 would end 15:40: 15:15; 16:00 +45.
    let csv = std::fs::read_to_string(site.join("shell-novice/timetable.csv")).unwrap();
    let sessions: Vec<(String, String)> = csv
        .lines()
        .filter(|l| l.contains(",session,"))
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[2].to_string(), c[6].trim_matches('"').to_string())
        })
        .collect();
    let want = [
        ("09:30", "Introducing the Shell"),
        ("09:35", "Navigating Files and Directories"),
        ("11:15", "Working With Files and Directories"),
        ("13:30", "Pipes and Filters"),
        ("14:05", "Loops"),
        ("15:15", "Shell Scripts"),
        ("16:00", "Finding Things"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(sessions, want);
    assert!(csv.contains(",break,") && csv.contains("Lunch"));

    // Questions became prompts, objectives objectives, the challenge a callout, its
    // solution folded, images with their alt text.
    let page = html_at(&site.join("shell-novice/episodes/05-loop.html"));
    assert!(
        texts(&page, ".callout-challenge .callout-title")
            .iter()
            .any(|t| t.contains("Variables in Loops"))
    );
    assert!(page.select(&sel("details.callout-solution")).count() >= 4);
    let body = page.root_element().html();
    assert!(body.contains("How can I perform the same actions on many different files?"));
    assert!(body.contains("Trace the values taken on by a loop variable"));
    let fs = html_at(&site.join("shell-novice/episodes/02-filedir.html"));
    let img = fs
        .select(&sel("img[src='fig/filesystem.svg']"))
        .next()
        .expect("figure");
    assert!(
        img.value()
            .attr("alt")
            .unwrap()
            .starts_with("The file system is made up of a root directory")
    );
    assert!(
        site.join("shell-novice/episodes/fig/filesystem.svg")
            .is_file()
    );
    assert!(
        site.join("shell-novice/episodes/fig/nano-screenshot.png")
            .is_file()
    );
    // Code fences keep their language; the trainer edition has the instructor notes.
    assert!(
        all_files(&site)
            .iter()
            .any(|p| p.ends_with("instructors/instructor-notes.html"))
    );
    let create =
        std::fs::read_to_string(site.join("shell-novice/episodes/03-create.html")).unwrap();
    assert!(create.contains(INSTRUCTOR_DIV));
    // Credits: the licence page and the overview.
    let licence = std::fs::read_to_string(site.join("shell-novice/licence.html")).unwrap();
    assert!(licence.contains("CC-BY 4.0") && licence.contains("full legal text of the CC BY 4.0"));
    assert!(licence.contains("Please cite as"));
    let overview = std::fs::read_to_string(site.join("shell-novice/index.html")).unwrap();
    assert!(overview.contains("adapted from") && overview.contains("Software Carpentry"));
    // Setup first among the pages, then key points.
    let pages: Vec<String> = page
        .select(&sel("#sidebar a"))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| {
            h.trim_start_matches("../")
                .trim_start_matches("shell-novice/")
                .to_string()
        })
        .filter(|h| {
            !h.starts_with("episodes/") && !h.contains("index.html") && h.contains('/')
                || ["setup.html", "key-points.html", "licence.html"].contains(&h.as_str())
        })
        .collect();
    assert_eq!(
        pages,
        // The other folders follow by name (config.yaml lists no order for them).
        [
            "setup.html",
            "key-points.html",
            "licence.html",
            "instructors/instructor-notes.html",
            "learners/discuss.html",
            "learners/reference.html",
            "learners/resources.html",
            "profiles/learner-profiles.html"
        ]
    );

    // The participant edition has no instructor text, in pages or in the search index.
    let part = f.root().join("participant");
    build_into(&f, Audience::Participant, &part);
    let mut read = 0;
    for p in all_files(&part) {
        let name = p.to_string_lossy().into_owned();
        if !(name.ends_with(".html") || name.ends_with(".js")) {
            continue;
        }
        let mut text = std::fs::read_to_string(&p).unwrap();
        if name.ends_with("searchindex.js") {
            text = search::text(&text);
            read += 1;
        }
        for probe in [INSTRUCTOR_DIV, INSTRUCTOR_PAGE] {
            assert!(!text.contains(probe), "{probe} in {name}");
        }
    }
    assert!(read >= 2, "search index files read: {read}");
    let trainer_index = std::fs::read_to_string(site.join("shell-novice/searchindex.js")).unwrap();
    assert!(search::text(&trainer_index).contains(INSTRUCTOR_DIV));
}

#[test]
fn an_import_refuses_to_overwrite_and_writes_nothing() {
    let (f, _) = imported("carpentries", &fixture_dir("carpentries/shell-novice"));
    let loops = f.root().join("content/shell-novice/episodes/05-loop.md");
    std::fs::write(
        &loops,
        "---\ntitle: Mine\nday: 1\nduration: 5m\n---\nMy edit.\n",
    )
    .unwrap();
    std::fs::remove_file(f.root().join("content/shell-novice/key-points.md")).unwrap();
    let again = f.run(&[
        "import",
        "carpentries",
        fixture_dir("carpentries/shell-novice").to_str().unwrap(),
    ]);
    let err = stderr(&again);
    assert_eq!(again.status.code(), Some(1), "{err}");
    assert!(err.contains("05-loop.md: error: is there already"), "{err}");
    assert!(err.contains("nothing was written"));
    assert!(
        std::fs::read_to_string(&loops)
            .unwrap()
            .contains("My edit.")
    );
    assert!(!f.root().join("content/shell-novice/key-points.md").exists());
}

#[test]
fn an_unknown_div_is_listed_and_a_malformed_lesson_is_reported_in_one_run() {
    let cfg = "title: 'Tiny'\nlicense: 'CC-BY 4.0'\nepisodes:\n- a.md\n";
    let ok = lesson(&[
        ("config.yaml", cfg),
        (
            "episodes/a.md",
            "---\ntitle: A\nteaching: 10\nexercises: 5\n---\n\nText.\n\n::: group-tab\n\n### Windows\n\nPress Start.\n\n:::\n\n::: instructor\nSecret.\n:::\n\n\
             :::: challenge\n## Count them\n\n```{.language-bash}\nls | wc -l\n```\n\n::: hint\nUse a pipe.\n:::\n\n\
             ::: solution\n## Answer\nThree.\n:::\nMore text.\n::::\n\n::: discussion\n## Talk\nWhat surprised you?\n:::\n\n\
             ![Caption](https://example.org/x.png){alt='Remote'}\n\n::: keypoints\n- Pipes join commands\n:::\n",
        ),
    ]);
    let (f, report) = imported_as("carpentries", ok.path(), &["--programme", "tiny"]);
    assert!(
        report.contains("episodes/a.md:9:1: note: fenced div `group-tab` not converted"),
        "{report}"
    );
    let text = std::fs::read_to_string(f.root().join("content/tiny/episodes/a.md")).unwrap();
    assert!(
        text.contains("Press Start.") && text.contains("> [!TRAINER]\n> Secret."),
        "{text}"
    );
    assert!(text.contains("duration: 15 min"));
    for want in [
        "> [!CHALLENGE] Count them\n> ```bash\n> ls | wc -l\n> ```",
        "> > [!SOLUTION] Hint\n> > Use a pipe.\n>\n> > [!SOLUTION] Answer",
        "> > [!SOLUTION] Answer\n> > Three.\n>\n> More text.",
        "> [!PROMPTS] Talk\n> What surprised you?",
        "[Remote](https://example.org/x.png)",
        "> [!NOTE] Key points\n> - Pipes join commands",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    assert!(
        report.contains("image from another host made a link"),
        "{report}"
    );
    let key_points = std::fs::read_to_string(f.root().join("content/tiny/key-points.md")).unwrap();
    assert!(
        key_points.contains("## [A](episodes/a.md)\n\n- Pipes join commands"),
        "{key_points}"
    );
    assert_checks_clean(&f, Audience::Trainer);

    let bad = lesson(&[
        (
            "config.yaml",
            "title: 'Broken'\nepisodes:\n- a.md\n- b.md\n- c.md\n",
        ),
        (
            "episodes/a.md",
            "---\ntitle: A\nteaching: 10\n---\n\n:::: challenge\n\n## Try\n\nNo end.\n",
        ),
        (
            "episodes/b.md",
            "---\ntitle: B\nteaching: ten\n---\n\n::: callout\nAlso open.\n",
        ),
    ]);
    let f = Fixture::new(&[]);
    let out = f.run(&["import", "carpentries", bad.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("config.yaml:5:3: error: `c.md` is listed under `episodes` but episodes/c.md is not there"), "{err}");
    assert!(
        err.contains(
            "episodes/a.md:6:1: error: the fenced div `challenge` opened here is never closed"
        ),
        "{err}"
    );
    assert!(
        err.contains("episodes/b.md:6:1: error: the fenced div `callout`"),
        "{err}"
    );
    assert!(
        err.contains("episodes/b.md:3:11: error: `teaching` is not a number of minutes"),
        "{err}"
    );
    assert!(err.contains("hint:"));
    assert!(!f.root().join("content").exists(), "nothing is written");

    let broken_yaml = lesson(&[("config.yaml", "title: 'Broken\nepisodes:\n- a.md\n")]);
    let out = f.run(&[
        "import",
        "carpentries",
        broken_yaml.path().to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("config.yaml:1:") && err.contains("error:"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn an_mdbook_becomes_pages_in_summary_order_with_includes_and_callouts() {
    let (f, report) = imported("mdbook", &fixture_dir("mdbook"));
    assert!(
        report.contains("src/SUMMARY.md:10:1: note: draft chapter `On Windows` (no file) left out"),
        "{report}"
    );
    assert_checks_clean(&f, Audience::Trainer);
    let site = f.root().join("trainer");
    build_into(&f, Audience::Trainer, &site);
    let intro = html_at(&site.join("mdbook/introduction.html"));
    let hrefs: Vec<String> = intro
        .select(&sel("#sidebar .nav-pages a, #sidebar .nav-block a"))
        .map(|a| {
            a.value()
                .attr("href")
                .unwrap()
                .trim_start_matches("../mdbook/")
                .to_string()
        })
        .collect();
    assert_eq!(
        hrefs,
        [
            "introduction.html",
            "getting-started/index.html",
            "getting-started/install/index.html",
            "getting-started/install/linux/index.html",
            "getting-started/install/linux/debian.html",
            "getting-started/first-steps/index.html",
            "reference/index.html",
            "reference/commands.html",
            "reference/config.html",
            "back-matter/index.html",
            "back-matter/contributors.html",
        ]
    );
    assert!(!intro.root_element().html().contains("On Windows"));
    // The logo, copied, with its alt text.
    let img = intro
        .select(&sel("img[src='images/logo.svg']"))
        .next()
        .expect("logo");
    assert_eq!(
        img.value().attr("alt"),
        Some("The handbook’s logo, a notebook")
    );
    assert!(site.join("mdbook/images/logo.svg").is_file());
    // Includes: by anchor (without the anchor lines) and by line range.
    let install =
        std::fs::read_to_string(site.join("mdbook/getting-started/install/index.html")).unwrap();
    assert!(
        install.contains("Heron at the weir")
            && !install.contains("ANCHOR")
            && !install.contains("Not included")
    );
    let first = html_at(&site.join("mdbook/getting-started/first-steps/index.html"));
    let code = texts(&first, "pre").join("\n");
    assert!(
        code.contains("notes add") && code.contains("notes close"),
        "{code}"
    );
    assert!(
        !code.contains("notes start") && !code.contains("notes export"),
        "{code}"
    );
    assert_eq!(texts(&first, ".callout-tip .callout-title"), ["Tip"]);
    // The admonish block is a callout with its title.
    let page = html_at(&site.join("mdbook/getting-started/install/index.html"));
    assert_eq!(
        texts(&page, ".callout-warning .callout-title"),
        ["Check your version"]
    );
    // Links between chapters still land after the move into folders.
    let debian = html_at(&site.join("mdbook/getting-started/install/linux/debian.html"));
    let back = debian
        .select(&sel("main a"))
        .find(|a| a.text().any(|t| t.contains("introduction")))
        .unwrap();
    assert_eq!(
        back.value().attr("href"),
        Some("../../../introduction.html")
    );
}

#[test]
fn an_include_outside_the_book_is_refused() {
    let book = lesson(&[
        ("book/book.toml", "[book]\ntitle = \"B\"\n"),
        (
            "book/src/SUMMARY.md",
            "# Summary\n\n- [One](one.md)\n- [Two](two.md)\n",
        ),
        (
            "book/src/one.md",
            "# One\n\n{{#include ../../secret.txt}}\n",
        ),
        ("book/src/two.md", "# Two\n\n{{#include missing.rs:nope}}\n"),
        ("secret.txt", "do not publish\n"),
    ]);
    let f = Fixture::new(&[]);
    let out = f.run(&[
        "import",
        "mdbook",
        book.path().join("book").to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("src/one.md:3:1: error: `../../secret.txt` is outside the book's folder"),
        "{err}"
    );
    assert!(
        err.contains("src/two.md:3:1: error: cannot include `missing.rs`"),
        "{err}"
    );
    assert!(!f.root().join("content").exists());
}

#[test]
fn the_day_rule_takes_its_times_from_the_flags() {
    let (f, _) = imported_as(
        "carpentries",
        &fixture_dir("carpentries/shell-novice"),
        &[
            "--end",
            "13:00",
            "--lunch",
            "none",
            "--afternoon-break",
            "none",
        ],
    );
    assert_checks_clean(&f, Audience::Trainer);
    let site = f.root().join("trainer");
    build_into(&f, Audience::Trainer, &site);
    // 5, 40, 50, 35, 50, 45, 45 minutes; 09:30-11:00, break 15 min, 11:15-13:00. The fifth
    // (50) would end 13:30, past the day's end: day 2. The sixth (45) would end 11:05.
    let csv = std::fs::read_to_string(site.join("shell-novice/timetable.csv")).unwrap();
    let got: Vec<String> = csv
        .lines()
        .filter(|l| l.contains(",session,"))
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            format!("{} {}", c[0], c[2])
        })
        .collect();
    assert_eq!(
        got,
        [
            "1 09:30", "1 09:35", "1 11:15", "1 12:05", "2 09:30", "2 11:15", "2 12:00"
        ]
    );

    let bad = f.run(&["import", "carpentries", "x", "--lunch", "12.30"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("--lunch: error: `12.30` is not a break"),
        "{}",
        stderr(&bad)
    );
    let outside = tempfile::tempdir().unwrap();
    let none = std::process::Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .args([
            "import",
            "carpentries",
            fixture_dir("carpentries/shell-novice").to_str().unwrap(),
        ])
        .current_dir(outside.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("no book.toml here"),
        "{}",
        stderr(&none)
    );
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}
