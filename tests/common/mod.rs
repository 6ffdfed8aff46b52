//! Fixture sites in temporary directories, and helpers to read what a build wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// A site with the given files (path, text); `book.toml` gets a default when absent.
    pub fn new(files: &[(&str, &str)]) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let f = Fixture { dir };
        if !files.iter().any(|(p, _)| *p == "book.toml") {
            f.write("book.toml", "[book]\ntitle = \"Test course\"\n");
        }
        for (p, t) in files {
            f.write(p, t);
        }
        f
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn site(&self) -> PathBuf {
        self.root().join("site")
    }

    /// Build with the library; panics with the diagnostics if it fails.
    /// A participant build into `<root>/<rel>`; its folder.
    pub fn build_participant_to(&self, rel: &str) -> PathBuf {
        let dest = self.root().join(rel);
        let opts = coursebook::BuildOptions {
            root: self.root().to_path_buf(),
            audience: coursebook::Audience::Participant,
            dest: Some(dest.clone()),
            ..Default::default()
        };
        coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
        dest
    }

    pub fn build(&self) -> coursebook::Report {
        let opts = coursebook::BuildOptions {
            root: self.root().to_path_buf(),
            ..Default::default()
        };
        match coursebook::build(&opts) {
            Ok(r) => r,
            Err(d) => panic!(
                "build failed:\n{}",
                d.sorted()
                    .iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    /// Build expecting failure; returns the rendered diagnostics.
    pub fn build_err(&self) -> Vec<String> {
        let opts = coursebook::BuildOptions {
            root: self.root().to_path_buf(),
            ..Default::default()
        };
        match coursebook::build(&opts) {
            Ok(_) => panic!("build should have failed"),
            Err(d) => d.sorted().iter().map(|x| x.to_string()).collect(),
        }
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.site().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(rel))
    }

    /// Runs the binary with `args` in the fixture's root.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_coursebook"))
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Text of every element matching `css`, whitespace collapsed.
pub fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

pub const PROGRAMME: &str =
    "---\ntitle: Test programme\ndays:\n  - { title: Day one, date: 2027-03-01 }\n---\nAbout.\n";

pub fn session(title: &str, day: u32, block: &str, duration: &str) -> String {
    format!(
        "---\ntitle: {title}\nday: {day}\nblock: {block}\nduration: {duration}\n---\nBody of {title}.\n"
    )
}

/// `href` as written on the page at site-relative `page`, resolved to a site-relative path
/// (fragment dropped).
pub fn resolve(page: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or("");
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}
