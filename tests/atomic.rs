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
