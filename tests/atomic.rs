//! Killing a build half-way leaves the published site whole, and the next build cleans up.

mod common;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site."))
        .collect()
}

#[test]
fn a_killed_build_leaves_the_previous_site_whole() {
    let f = Fixture::new(&[("content/p/index.md", "---\ntitle: P\n---\n")]);
    f.write(
        "content/p/a.md",
        &session("First version", 1, "after-tea", "10m"),
    );
    f.build();
    let before = snapshot(&f.site());
    assert!(before.contains_key("p/a.html"));

    // Enough pages that writing them takes a while, so the build can be caught mid-write.
    for i in 0..1500 {
        let s = session(
            &format!("Session {i}"),
            1 + (i / 300) as u32,
            ["before-coffee", "after-coffee", "after-lunch", "after-tea"][i % 4],
            "5m",
        );
        f.write(
            &format!("content/p/s{i:04}.md"),
            &format!("{s}\n{}\n", "Some words for the page. ".repeat(200)),
        );
    }
    f.write(
        "content/p/index.md",
        "---\ntitle: P\ndays: [{title: A}, {title: B}, {title: C}, {title: D}, {title: E}]\n---\n",
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .args(["build"])
        .current_dir(f.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let caught = loop {
        if !leftovers(f.root()).is_empty() {
            break true;
        }
        if child.try_wait().unwrap().is_some() || start.elapsed() > Duration::from_secs(60) {
            break false;
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    child.kill().unwrap();
    let _ = child.wait();
    assert!(
        caught,
        "the build should write into a temporary sibling first"
    );
    assert_eq!(
        snapshot(&f.site()),
        before,
        "the published site is exactly as it was"
    );
    assert!(
        !leftovers(f.root()).is_empty(),
        "the killed build left its temporary folder"
    );

    // The next build cleans the leftovers and publishes.
    f.build();
    assert!(leftovers(f.root()).is_empty(), "{:?}", leftovers(f.root()));
    assert!(f.site().join("p/s1499.html").exists());
}

#[test]
fn unchanged_files_are_kept_and_changed_ones_replaced() {
    let f = Fixture::new(&[("content/p/index.md", "---\ntitle: P\n---\n")]);
    f.write("content/p/a.md", &session("Alpha", 1, "after-tea", "10m"));
    f.write("content/p/b.md", &session("Beta", 1, "after-tea", "10m"));
    f.build();
    let old = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for p in ["p/a.html", "p/b.html"] {
        std::fs::File::options()
            .write(true)
            .open(f.site().join(p))
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    // Body-only edit: the sidebar and every other page stay the same.
    f.write(
        "content/p/b.md",
        &session("Beta", 1, "after-tea", "10m").replace("Body of Beta.", "A new body."),
    );
    f.build();
    let mtime = |p: &str| {
        std::fs::metadata(f.site().join(p))
            .unwrap()
            .modified()
            .unwrap()
    };
    assert_eq!(
        mtime("p/a.html"),
        old,
        "an unchanged page is carried over, not rewritten"
    );
    assert_ne!(mtime("p/b.html"), old);
    assert!(f.read("p/b.html").contains("A new body."));
}

/// A build of the fixture's current content that the test hook stops at `point`, as a kill
/// would; `two_renames` takes the road of systems without an atomic exchange.
fn build_stopped_at(f: &Fixture, point: &str, two_renames: bool) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_coursebook"));
    cmd.arg("build")
        .current_dir(f.root())
        .env("COURSEBOOK_TEST_CRASH_AT", point)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if two_renames {
        cmd.env("COURSEBOOK_TEST_NO_EXCHANGE", "1");
    }
    let status = cmd.status().unwrap();
    assert!(
        !status.success(),
        "the build should have stopped at {point} (is the hook reached?)"
    );
}

/// Version 1 published, then the content changed to version 2 (not yet built).
fn two_versions() -> (Fixture, BTreeMap<String, Vec<u8>>) {
    let f = Fixture::new(&[("content/p/index.md", "---\ntitle: P\n---\n")]);
    f.write(
        "content/p/a.md",
        &session("Version one", 1, "after-tea", "10m"),
    );
    f.build();
    let one = snapshot(&f.site());
    f.write(
        "content/p/a.md",
        &session("Version two", 1, "after-tea", "10m"),
    );
    f.write("content/p/b.md", &session("Another", 1, "after-tea", "10m"));
    (f, one)
}

#[test]
fn stopped_inside_the_swap_the_site_is_whole() {
    // What version 2 publishes, to compare with.
    let (f, _) = two_versions();
    f.build();
    let two = snapshot(&f.site());
    assert!(two.contains_key("p/b.html"));

    for point in ["before-swap", "after-exchange"] {
        let (f, one) = two_versions();
        build_stopped_at(&f, point, false);
        let now = snapshot(&f.site());
        let expected = if point == "before-swap" { &one } else { &two };
        assert!(
            now == *expected,
            "{point}: the site is not the whole {} version",
            if point == "before-swap" { "old" } else { "new" }
        );
        f.build();
        assert_eq!(snapshot(&f.site()), two, "{point}");
        assert!(
            leftovers(f.root()).is_empty(),
            "{point}: {:?}",
            leftovers(f.root())
        );
    }
}

#[test]
fn without_an_exchange_the_only_copy_is_put_back_not_deleted() {
    let (f, _) = two_versions();
    f.build();
    let two = snapshot(&f.site());

    // Between the two renames: no site/, the previous site in .site.old-PID.
    let (f, one) = two_versions();
    build_stopped_at(&f, "after-move-aside", true);
    assert!(!f.site().exists());
    let aside = leftovers(f.root());
    assert!(
        aside.iter().any(|n| n.starts_with(".site.old-")),
        "{aside:?}"
    );
    // A build that fails (an error in the content) still puts the previous site back.
    f.write("content/p/c.md", "---\ntitle: [unclosed\n---\n");
    let e = f.build_err();
    assert!(!e.is_empty());
    assert_eq!(snapshot(&f.site()), one, "the previous site is back, whole");
    std::fs::remove_file(f.root().join("content/p/c.md")).unwrap();
    f.build();
    assert_eq!(snapshot(&f.site()), two);
    assert!(leftovers(f.root()).is_empty(), "{:?}", leftovers(f.root()));

    // After both renames, before the old copy is removed: the new site is in place.
    let (f, _) = two_versions();
    build_stopped_at(&f, "after-swap", true);
    assert_eq!(snapshot(&f.site()), two);
    f.build();
    assert!(leftovers(f.root()).is_empty(), "{:?}", leftovers(f.root()));
}

#[test]
fn site_zip_is_streamed_from_the_published_files() {
    let f = Fixture::new(&[("content/p/index.md", "---\ntitle: P\n---\n")]);
    f.write(
        "content/p/a.md",
        &format!(
            "{}\n[The data](big.txt)\n",
            session("Alpha", 1, "after-tea", "10m")
        ),
    );
    let big: String = (0..300_000).map(|i| format!("{i} ")).collect();
    f.write("content/p/big.txt", &big);
    let opts = coursebook::BuildOptions {
        root: f.root().to_path_buf(),
        zip: true,
        ..Default::default()
    };
    coursebook::build(&opts).unwrap();
    let site = snapshot(&f.site());
    let zip = std::fs::File::open(f.site().join("site.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(zip).unwrap();
    let mut names = Vec::new();
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut bytes).unwrap();
        let name = e.name().unwrap().to_string();
        assert_eq!(Some(&bytes), site.get(&name), "{name}");
        names.push(name);
    }
    let mut expected: Vec<&String> = site
        .keys()
        .filter(|k| *k != "site.zip" && *k != ".coursebook")
        .collect();
    expected.sort();
    assert_eq!(names.iter().collect::<Vec<_>>(), expected);
    assert!(names.contains(&"p/big.txt".to_string()), "{names:?}");
}
