//! `build --lms cc,scorm12`: the example's packages unzipped and their manifests read: every
//! listed file is packed (and every packed file listed once), every resource is reached,
//! sessions come in timetable order, SCOs load `scorm.js` and nothing else does, the bytes
//! are the same from build to build and edition to edition, and no trainer-only text or page
//! is in them.

mod common;
mod marked;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use coursebook::lms::Kind;
use coursebook::{Audience, BuildOptions};

fn build(root: &Path, dest: &Path, audience: Audience, lms: &[Kind]) {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        dest: Some(dest.to_path_buf()),
        audience,
        lms: lms.to_vec(),
        ..Default::default()
    };
    if let Err(d) = coursebook::build(&opts) {
        panic!("build failed: {:#?}", d.sorted());
    }
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every member of a zip, by name.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let mut b = Vec::new();
        e.read_to_end(&mut b).unwrap();
        let name = e.name().unwrap().to_string();
        assert!(out.insert(name.clone(), b).is_none(), "{name} twice");
    }
    out
}

fn text(m: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        m.get(name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .clone(),
    )
    .unwrap()
}

#[derive(Debug)]
struct Resource {
    id: String,
    href: Option<String>,
    scormtype: Option<String>,
    files: Vec<String>,
    dependencies: Vec<String>,
}

/// The manifest's facts the tests look at.
struct Manifest {
    schema: String,
    version: String,
    resources: Vec<Resource>,
    /// Item identifierrefs in document order.
    item_refs: Vec<String>,
    /// Items directly under the organisation.
    top_items: usize,
    structure: Option<String>,
}

fn read_manifest(xml: &str) -> Manifest {
    let doc = roxmltree::Document::parse(xml).expect("imsmanifest.xml is XML");
    let named = |n: &'static str| doc.descendants().filter(move |e| e.tag_name().name() == n);
    let first = |n: &'static str| {
        named(n)
            .next()
            .and_then(|e| e.text())
            .unwrap_or_default()
            .to_string()
    };
    let org = named("organization").next().expect("an organization");
    let resources = named("resource")
        .map(|r| {
            let kids = |n: &str, a: &str| {
                r.children()
                    .filter(|c| c.tag_name().name() == n)
                    .map(|c| c.attribute(a).unwrap().to_string())
                    .collect::<Vec<_>>()
            };
            let scormtype = r
                .attributes()
                .find(|a| a.name() == "scormtype")
                .map(|a| a.value().to_string());
            Resource {
                id: r.attribute("identifier").unwrap().to_string(),
                href: r.attribute("href").map(str::to_string),
                scormtype,
                files: kids("file", "href"),
                dependencies: kids("dependency", "identifierref"),
            }
        })
        .collect();
    Manifest {
        schema: first("schema"),
        version: first("schemaversion"),
        resources,
        item_refs: named("item")
            .filter_map(|i| i.attribute("identifierref"))
            .map(str::to_string)
            .collect(),
        top_items: org
            .children()
            .filter(|c| c.tag_name().name() == "item")
            .count(),
        structure: org.attribute("structure").map(str::to_string),
    }
}

/// The session pages of a participant `timetable.csv`, in its order.
fn timetable_pages(csv: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    r.records()
        .map(|r| r.unwrap())
        .filter(|r| &r[5] == "session")
        .map(|r| r[9].to_string())
        .collect()
}

/// The checks both kinds pass; returns the manifest.
fn check_package(kind: Kind, members: &BTreeMap<String, Vec<u8>>) -> Manifest {
    let m = read_manifest(&text(members, "imsmanifest.xml"));
    // Every listed file is packed, once; every packed file is listed.
    let mut listed = HashSet::new();
    for Resource { href, files, .. } in &m.resources {
        if let Some(h) = href {
            assert!(
                files.contains(h),
                "{h}: a resource's page is one of its files"
            );
        }
        for f in files {
            let f = coursebook::util::percent_decode(f);
            assert!(
                members.contains_key(&f),
                "{kind:?}: {f} listed but not packed"
            );
            assert!(listed.insert(f.clone()), "{kind:?}: {f} listed twice");
        }
    }
    for name in members.keys().filter(|n| *n != "imsmanifest.xml") {
        assert!(
            listed.contains(name),
            "{kind:?}: {name} packed but not listed"
        );
    }
    // Every resource is reached from an item or a dependency; every reference resolves.
    let ids: HashSet<&str> = m.resources.iter().map(|r| r.id.as_str()).collect();
    let mut reached: HashSet<&str> = m.item_refs.iter().map(String::as_str).collect();
    for r in &m.resources {
        reached.extend(r.dependencies.iter().map(String::as_str));
    }
    for id in &reached {
        assert!(
            ids.contains(id),
            "{kind:?}: {id} is referenced but not defined"
        );
    }
    for id in &ids {
        assert!(
            reached.contains(id),
            "{kind:?}: resource {id} is never referenced"
        );
    }
    // Sessions in timetable order (the package's own, participant, timetable.csv).
    let href_of: HashMap<&str, &str> = m
        .resources
        .iter()
        .filter_map(|r| r.href.as_deref().map(|h| (r.id.as_str(), h)))
        .collect();
    let pages: Vec<&str> = m.item_refs.iter().map(|r| href_of[r.as_str()]).collect();
    let sessions: Vec<String> = pages
        .iter()
        .filter(|p| p.contains("/day-"))
        .map(|p| p.to_string())
        .collect();
    let expected = timetable_pages(&text(members, "recording/timetable.csv"));
    assert!(expected.len() > 10, "the example has its sessions");
    assert_eq!(sessions, expected, "{kind:?}: items in timetable order");
    for page in [
        "recording/index.html",
        "recording/timetable.html",
        "recording/handout.html",
    ] {
        assert!(pages.contains(&page), "{kind:?}: an item opens {page}");
    }
    m
}

/// Trainer-only text of the example, each checked present in the trainer site, and
/// whether its page is trainer-only too.
const TRAINER_ONLY_TEXT: &[(&str, &str, bool)] = &[
    (
        "recording/day-1/05-post-box.html",
        "people will write more freely if you keep them",
        false,
    ),
    (
        "recording/trainer-checklist.html",
        "Trainer checklist",
        true,
    ),
];

/// The participant edition only: trainer-only text and pages are in the trainer site, and
/// in no member of any package.
fn no_trainer_only_text(site: &Path, packages: &[(&str, &BTreeMap<String, Vec<u8>>)]) {
    for (page, words, whole_page) in TRAINER_ONLY_TEXT {
        let trainer = std::fs::read_to_string(site.join(page)).unwrap();
        assert!(
            trainer.contains(words),
            "{page} holds “{words}” for trainers"
        );
        for (kind, pkg) in packages {
            assert_eq!(pkg.contains_key(*page), !whole_page, "{kind}: {page}");
            for (name, bytes) in pkg.iter() {
                let t = String::from_utf8_lossy(bytes);
                assert!(!t.contains(words), "{kind}: “{words}” leaked into {name}");
            }
        }
    }
}

#[test]
fn the_example_packages_are_whole_ordered_and_for_participants() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    build(
        &example(),
        &site,
        Audience::Trainer,
        &[Kind::Cc, Kind::Scorm12],
    );

    let cc = unzip(&site.join("recording.imscc"));
    let m = check_package(Kind::Cc, &cc);
    assert_eq!(m.schema, "IMS Common Cartridge");
    assert_eq!(m.version, "1.3.0");
    assert_eq!(m.structure.as_deref(), Some("rooted-hierarchy"));
    assert_eq!(m.top_items, 1, "one root item");
    let xml = text(&cc, "imsmanifest.xml");
    assert!(xml.contains("xmlns=\"http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1\""));
    assert!(xml.contains("<lomimscc:string language=\"en-GB\">Recording in Social Work<"));
    assert!(
        !cc.contains_key("theme/scorm.js"),
        "only SCORM packages carry scorm.js"
    );

    let scorm = unzip(&site.join("recording-scorm12.zip"));
    let m = check_package(Kind::Scorm12, &scorm);
    assert_eq!(m.schema, "ADL SCORM");
    assert_eq!(m.version, "1.2");
    assert!(scorm.contains_key("theme/scorm.js"));
    // A SCO per session, each loading scorm.js; no other page loads it.
    let scos: Vec<&str> = m
        .resources
        .iter()
        .filter(|r| r.scormtype.as_deref() == Some("sco"))
        .map(|r| r.href.as_deref().unwrap())
        .collect();
    assert_eq!(
        scos,
        timetable_pages(&text(&scorm, "recording/timetable.csv"))
    );
    for r in &m.resources {
        assert!(
            matches!(r.scormtype.as_deref(), Some("sco" | "asset")),
            "{r:?}"
        );
    }
    for (name, bytes) in scorm.iter().filter(|(n, _)| n.ends_with(".html")) {
        let page = String::from_utf8_lossy(bytes);
        let loads = common::sel("script[src]");
        let doc = scraper::Html::parse_document(&page);
        let scripts: Vec<String> = doc
            .select(&loads)
            .map(|s| common::resolve(name, s.value().attr("src").unwrap()))
            .collect();
        let is_sco = scos.contains(&name.as_str());
        assert_eq!(
            scripts.iter().any(|s| s == "theme/scorm.js"),
            is_sco,
            "{name}: scorm.js exactly on SCO pages ({scripts:?})"
        );
        // The same page in the CC package has no script added.
        if is_sco {
            assert_eq!(
                page.replacen(
                    "<script src=\"../../theme/scorm.js\" defer></script>\n",
                    "",
                    1
                ),
                String::from_utf8_lossy(&cc[name])
            );
        }
    }
    // The site's own pages are unchanged.
    let own = std::fs::read_to_string(site.join(scos[0])).unwrap();
    assert!(!own.contains("scorm.js"));

    no_trainer_only_text(&site, &[("cc", &cc), ("scorm12", &scorm)]);
}

#[test]
fn packages_are_the_same_bytes_from_either_edition_and_every_build() {
    let out = tempfile::tempdir().unwrap();
    let (a, b) = (out.path().join("a"), out.path().join("b"));
    build(
        &example(),
        &a,
        Audience::Trainer,
        &[Kind::Cc, Kind::Scorm12],
    );
    build(
        &example(),
        &b,
        Audience::Participant,
        &[Kind::Scorm12, Kind::Cc],
    );
    for name in ["recording.imscc", "recording-scorm12.zip"] {
        let (x, y) = (
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
        );
        assert!(
            x == y,
            "{name}: same bytes from a trainer and a participant build"
        );
        eprintln!("{name}: {} bytes", x.len());
    }
    // Built again into the same folder (files hard-linked from the previous site).
    build(&example(), &a, Audience::Trainer, &[Kind::Cc]);
    assert_eq!(
        std::fs::read(a.join("recording.imscc")).unwrap(),
        std::fs::read(b.join("recording.imscc")).unwrap()
    );
    assert!(
        !a.join("recording-scorm12.zip").exists(),
        "only what was asked for"
    );
}

#[test]
fn a_package_holds_its_own_programme_and_no_trainer_only_part() {
    let dir = marked::site(true);
    let r = dir.path();
    marked::write(
        r,
        "content/other/index.md",
        "---\ntitle: Other programme\ndays:\n  - { title: Day one }\n---\nElsewhere.\n",
    );
    marked::write(
        r,
        "content/other/day-1/x.md",
        "---\ntitle: Other session\nday: 1\nblock: before-coffee\nduration: 30m\n---\nBody.\n",
    );
    let site = r.join("site");
    build(r, &site, Audience::Trainer, &[Kind::Cc, Kind::Scorm12]);
    for name in [
        "prog.imscc",
        "prog-scorm12.zip",
        "other.imscc",
        "other-scorm12.zip",
    ] {
        let pkg = unzip(&site.join(name));
        let own = name.split(['.', '-']).next().unwrap();
        for member in pkg.keys() {
            let top = member.split('/').next().unwrap();
            assert!(
                !["prog", "other"].contains(&top) || top == own || !member.contains('/'),
                "{name} holds {member} of another programme"
            );
            assert!(!["404.html", "sitemap.xml", ".coursebook"].contains(&member.as_str()));
        }
        assert!(pkg.contains_key("theme/coursebook.css") && pkg.contains_key("index.html"));
        for (member, bytes) in &pkg {
            let t = String::from_utf8_lossy(bytes);
            for m in marked::MARKERS {
                assert!(!t.contains(m), "{name}: “{m}” in {member}");
            }
        }
    }
    // The trainer-only session's page exists for trainers and is no item of the package.
    let xml = text(&unzip(&site.join("prog.imscc")), "imsmanifest.xml");
    assert!(xml.contains("Introductions") && !xml.contains("Pangolinsession"));
    assert!(
        std::fs::read_dir(site.join("prog/day-1"))
            .unwrap()
            .any(|e| e.unwrap().file_name() == "c-secret.html")
    );
}

#[test]
fn the_command_line_takes_kinds_by_comma_or_repeated_and_refuses_others() {
    let f = common::Fixture::new(&[
        ("content/p/index.md", common::PROGRAMME),
        (
            "content/p/s.md",
            &common::session("Only session", 1, "before-coffee", "30m"),
        ),
    ]);
    let out = f.run(&["build", "--lms", "cc,scorm12"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(f.site().join("p.imscc").is_file() && f.site().join("p-scorm12.zip").is_file());
    let out = f.run(&["build", "--lms", "scorm12", "--lms", "scorm12"]);
    assert!(out.status.success());
    assert!(f.site().join("p-scorm12.zip").is_file() && !f.site().join("p.imscc").exists());
    let out = f.run(&["build", "--lms", "scorm2004"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("scorm12"));
}

#[test]
fn a_trainer_build_with_packages_stops_at_a_leak_in_the_participant_edition() {
    let dir = marked::site(true);
    let r = dir.path();
    // A theme whose script carries trainer text (as tests/audience.rs): the trainer site is
    // fine, its participant edition is not, and the packages are made from that edition.
    marked::write(
        r,
        "themes/leaky/static/extra.js",
        "const remark = \"Wombatcallout trainer remark here\";",
    );
    let toml = std::fs::read_to_string(r.join("book.toml")).unwrap();
    marked::write(
        r,
        "book.toml",
        &toml.replace(
            "[output.html]",
            "[build]\ntheme = \"leaky\"\n\n[output.html]",
        ),
    );
    let site = r.join("site");
    build(r, &site, Audience::Trainer, &[]);
    let opts = BuildOptions {
        root: r.to_path_buf(),
        dest: Some(site.clone()),
        lms: vec![Kind::Cc],
        ..Default::default()
    };
    let err: Vec<String> = match coursebook::build(&opts) {
        Ok(_) => panic!("a package would carry trainer text"),
        Err(d) => d.sorted().iter().map(|x| x.to_string()).collect(),
    };
    assert!(
        err.iter()
            .any(|e| e.contains("content/prog/day-1/a-intro.md:") && e.contains("extra.js")),
        "{err:#?}"
    );
    assert!(!site.join("prog.imscc").exists(), "the previous site stays");
    assert!(site.join("prog/index.html").exists());
}
