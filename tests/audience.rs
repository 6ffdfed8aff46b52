//! Two audiences from one source: every trainer-only kind shows in the trainer build and
//! leaves no byte in the participant build, its search index or its zip.

mod marked;

use std::io::Read;

use coursebook::Audience;
use marked::{MARKERS, build, files, site, write};

fn contains(hay: &[u8], needle: &str) -> bool {
    let n = needle.to_lowercase();
    String::from_utf8_lossy(hay).to_lowercase().contains(&n)
}

#[test]
fn trainer_build_shows_every_trainer_only_kind_marked() {
    let dir = site(true);
    let out = build(dir.path(), Audience::Trainer, false).unwrap();
    let all = files(&out);
    for m in MARKERS {
        assert!(
            all.iter().any(|(_, b)| contains(b, m)),
            "trainer build lacks {m}"
        );
    }
    // Marked as trainer notes where they appear.
    let s = marked::read(&out, "prog/day-1/a-intro.html");
    let doc = scraper::Html::parse_document(&s);
    let note = scraper::Selector::parse(".trainer-only").unwrap();
    let marked: Vec<String> = doc
        .select(&note)
        .map(|e| e.text().collect::<String>())
        .collect();
    assert!(
        marked.iter().any(|t| t.contains("Narwhalnote")),
        "{marked:?}"
    );
    assert!(
        marked.iter().any(|t| t.contains("Wombatcallout")),
        "{marked:?}"
    );
}

#[test]
fn participant_build_has_no_trainer_only_byte() {
    let dir = site(true);
    let out = build(dir.path(), Audience::Participant, true).unwrap();
    let all = files(&out);
    assert!(all.len() > 10);
    let mut zipped = 0;
    for (path, bytes) in &all {
        for m in MARKERS {
            assert!(!contains(bytes, m), "{} holds {m}", path.display());
        }
        let p = path.to_string_lossy();
        assert!(!p.contains("trainer-notes") && !p.contains("secret"), "{p}");
        if p.ends_with("site.zip") {
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..z.len() {
                let mut f = z.by_index(i).unwrap();
                let name = f.name().unwrap().to_string();
                assert!(!name.contains("secret") && !name.contains("trainer-notes"));
                let mut buf = Vec::new();
                f.read_to_end(&mut buf).unwrap();
                for m in MARKERS {
                    assert!(!contains(&buf, m), "site.zip:{name} holds {m}");
                }
                zipped += 1;
            }
        }
    }
    // The zip holds every other file of the site (not the build dir's own marker).
    let site_files = all
        .iter()
        .filter(|(p, _)| !p.ends_with("site.zip") && !p.ends_with(".coursebook"))
        .count();
    assert_eq!(zipped, site_files);
    // Participant pages still have their public parts.
    let s = marked::read(&out, "prog/day-1/a-intro.html");
    assert!(s.contains("What worries you?"));
    assert!(s.contains("Participant edition"));
}

#[test]
fn leak_check_fails_the_participant_build() {
    let dir = site(true);
    // A theme whose script carries trainer text, whatever the model says. (Words of the
    // theme's templates are public by definition: every edition prints them.)
    write(
        dir.path(),
        "themes/leaky/static/extra.js",
        "const remark = \"Wombatcallout trainer remark here\";",
    );
    let toml = std::fs::read_to_string(dir.path().join("book.toml")).unwrap();
    write(
        dir.path(),
        "book.toml",
        &toml.replace(
            "[output.html]",
            "[build]\ntheme = \"leaky\"\n\n[output.html]",
        ),
    );
    let err = build(dir.path(), Audience::Participant, false).unwrap_err();
    assert!(
        err.contains("content/prog/day-1/a-intro.md:") && err.contains("extra.js"),
        "{err}"
    );
    assert!(!dir.path().join("out-participant").exists());
    // The trainer build of the same site is fine.
    build(dir.path(), Audience::Trainer, false).unwrap();
}
