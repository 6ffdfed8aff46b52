//! `coursebook merge` where it could do harm: links in the output folder, an output folder
//! that would be published, and a run from inside the content folder.

mod common;
use std::path::Path;
use std::process::{Command, Output};

use common::*;

const LETTER: &str = "---\ntitle: Invitation\nfields:\n  - { name: participant_name, label: Name }\n---\nDear {{ participant_name }},\n";
const LIST: &str = "participant_name\nSam Taylor\nJo Bloggs\n";

fn letters_site() -> Fixture {
    Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        ("content/p/letters/invitation.md", LETTER),
        ("people.csv", LIST),
    ])
}

/// `coursebook merge` run in `cwd` with the given arguments after the letter.
fn merge(f: &Fixture, cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coursebook"))
        .arg("merge")
        .arg(f.root().join("content/p/letters/invitation.md"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Every path under `dir`, relative, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if e.file_type().unwrap().is_dir() {
            out.extend(walkdir(&p));
        }
        out.push(p);
    }
    out
}

#[cfg(unix)]
#[test]
fn never_writes_through_a_link_in_the_output_folder() {
    let f = letters_site();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let out = f.root().join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(&victim, out.join("01-sam-taylor.txt")).unwrap();
    let data = f.root().join("people.csv");
    let run = merge(
        &f,
        f.root(),
        &[
            "--data",
            data.to_str().unwrap(),
            "--out",
            "out",
            "--format",
            "txt",
        ],
    );
    assert!(run.status.success(), "{run:?}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let written = out.join("01-sam-taylor.txt");
    assert!(!written.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(
        std::fs::read_to_string(&written)
            .unwrap()
            .contains("Dear Sam Taylor,")
    );
    assert_eq!(listing(&out), ["01-sam-taylor.txt", "02-jo-bloggs.txt"]);

    // The output folder itself a link: refused, nothing written where it points.
    let target = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(target.path(), f.root().join("linked")).unwrap();
    let run = merge(
        &f,
        f.root(),
        &["--data", data.to_str().unwrap(), "--out", "linked"],
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert!(listing(target.path()).is_empty());
}

#[test]
fn refuses_an_output_folder_that_would_be_published() {
    let f = letters_site();
    let data = f.root().join("people.csv");
    let before = listing(f.root());
    for out in ["content/p/sent", "content", "site/letters"] {
        let run = merge(
            &f,
            f.root(),
            &["--data", data.to_str().unwrap(), "--out", out],
        );
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{out}: {stderr}");
        assert!(
            stderr.contains("error: refusing to write the letters inside the"),
            "{stderr}"
        );
        assert!(
            stderr.contains("hint: pass --out with a folder outside it"),
            "{stderr}"
        );
        assert_eq!(listing(f.root()), before, "{out}: nothing written");
    }
}

#[cfg(unix)]
#[test]
fn a_link_into_the_content_folder_is_inside_it() {
    let f = letters_site();
    let data = f.root().join("people.csv");
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("to-content");
    std::os::unix::fs::symlink(f.root().join("content/p"), &link).unwrap();
    let out = link.join("sent");
    let run = merge(
        &f,
        f.root(),
        &[
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    assert!(!f.root().join("content/p/sent").exists());
}

#[test]
fn run_from_a_letters_folder_nothing_lands_in_content() {
    // The trainer keeps the list beside the letter and runs merge there, with no --out.
    let f = letters_site();
    let letters = f.root().join("content/p/letters");
    std::fs::write(letters.join("people.csv"), LIST).unwrap();
    let before = listing(&f.root().join("content"));
    let run = merge(&f, &letters, &["--data", "people.csv", "--format", "txt"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert_eq!(listing(&f.root().join("content")), before, "{stderr}");
    let out = f.root().join("invitation-letters");
    assert_eq!(listing(&out), ["01-sam-taylor.txt", "02-jo-bloggs.txt"]);
    assert!(
        stderr.contains(&format!("to {}", out.display())),
        "{stderr}"
    );
    // The list itself is where the next build could publish it: said, not moved.
    assert!(
        stderr.contains("warning: the participant list is inside the content folder"),
        "{stderr}"
    );
}
