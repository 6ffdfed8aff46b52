//! `build --lms` on a site of two programmes: each package is whole by itself. Every
//! relative `href` and `src` of every page in it resolves to a member of the same package
//! (the home page, the sidebars and the root search index name only its own programme), from
//! a participant build (the site's own files) and a trainer build (the participant edition
//! rendered in memory).

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use common::{Fixture, PROGRAMME, resolve, sel, session};
use coursebook::lms::Kind;
use coursebook::{Audience, BuildOptions};

fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let mut b = Vec::new();
        e.read_to_end(&mut b).unwrap();
        out.insert(e.name().unwrap().to_string(), b);
    }
    out
}

fn two_programmes() -> Fixture {
    let other = PROGRAMME.replace("Test programme", "Other programme");
    Fixture::new(&[
        ("content/alpha/index.md", PROGRAMME),
        (
            "content/alpha/day-1/a.md",
            &session("Alpha one", 1, "before-coffee", "30m"),
        ),
        (
            "content/alpha/notes.md",
            "---\ntitle: Alpha notes\n---\nText.\n",
        ),
        ("content/beta/index.md", &other),
        (
            "content/beta/day-1/b.md",
            &session("Beta one", 1, "before-coffee", "30m"),
        ),
        ("content/about.md", "---\ntitle: About\n---\nA site page.\n"),
    ])
}

/// Percent-decoded, query dropped: the member a link names.
fn member_of(page: &str, link: &str) -> String {
    let link = link.split(['?', '#']).next().unwrap_or("");
    let mut bytes = Vec::new();
    let b = link.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(hex) = link.get(i + 1..i + 3)
            && let Ok(x) = u8::from_str_radix(hex, 16)
        {
            bytes.push(x);
            i += 3;
        } else {
            bytes.push(b[i]);
            i += 1;
        }
    }
    resolve(page, &String::from_utf8(bytes).unwrap())
}

fn is_relative(link: &str) -> bool {
    let l = link.trim();
    !(l.is_empty()
        || l.starts_with('#')
        || l.starts_with("//")
        || l.starts_with('/')
        || l.split_once(':').is_some_and(|(s, _)| {
            !s.contains('/')
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }))
}

/// `own`/`other`: (title, folder) of the package's programme and of the one left out.
fn assert_self_contained(
    name: &str,
    own: (&str, &str),
    other: (&str, &str),
    pkg: &BTreeMap<String, Vec<u8>>,
) {
    let links = sel("[href], [src]");
    let mut checked = 0;
    for (path, bytes) in pkg.iter().filter(|(p, _)| p.ends_with(".html")) {
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        for e in doc.select(&links) {
            for attr in ["href", "src"] {
                let Some(link) = e.value().attr(attr) else {
                    continue;
                };
                if !is_relative(link) {
                    continue;
                }
                let target = member_of(path, link);
                let target = if target.is_empty() || target.ends_with('/') {
                    format!("{target}index.html")
                } else {
                    target
                };
                assert!(
                    pkg.contains_key(&target),
                    "{name}: {path} links to {link} ({target}), not in the package"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "{name}: only {checked} links checked");
    let home = String::from_utf8_lossy(&pkg["index.html"]).into_owned();
    assert!(
        home.contains(own.0) && !home.contains(other.0),
        "{name}: home page\n{home}"
    );
    // The root search index loads only this programme's shard.
    let root = String::from_utf8_lossy(&pkg["searchindex.js"]).into_owned();
    let shard = |folder: &str| format!("{folder}/searchindex.js");
    assert!(
        root.contains(&shard(own.1)) && !root.contains(&shard(other.1)),
        "{name}: {root}"
    );
    assert!(pkg.contains_key(&shard(own.1)));
    assert!(!pkg.keys().any(|k| k.starts_with(&format!("{}/", other.1))));
}

#[test]
fn every_link_of_a_package_stays_inside_it() {
    let f = two_programmes();
    for audience in [Audience::Participant, Audience::Trainer] {
        let dest = f.root().join(format!("out-{audience:?}"));
        let opts = BuildOptions {
            root: f.root().to_path_buf(),
            dest: Some(dest.clone()),
            audience,
            lms: vec![Kind::Cc, Kind::Scorm12],
            ..Default::default()
        };
        if let Err(d) = coursebook::build(&opts) {
            panic!("build failed: {:#?}", d.sorted());
        }
        // The site itself still lists both programmes.
        let home = std::fs::read_to_string(dest.join("index.html")).unwrap();
        assert!(home.contains("Test programme") && home.contains("Other programme"));
        let alpha = ("Test programme", "alpha");
        let beta = ("Other programme", "beta");
        for (name, own, other) in [
            ("alpha.imscc", alpha, beta),
            ("alpha-scorm12.zip", alpha, beta),
            ("beta.imscc", beta, alpha),
            ("beta-scorm12.zip", beta, alpha),
        ] {
            let pkg = unzip(&dest.join(name));
            assert_self_contained(name, own, other, &pkg);
        }
    }
}
