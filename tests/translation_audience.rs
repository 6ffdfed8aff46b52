//! A translation cannot publish what its original keeps from participants: a trainer-only
//! programme, session, page, letter or site page stays trainer-only in every language,
//! whatever the translation's own front matter says (it may only keep more back).

mod common;

use common::Fixture;
use std::path::Path;

/// Every file under `dir`, as (site-relative path, its bytes as text, lossy).
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((
                rel,
                String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned(),
            ));
        }
    }
    out
}

fn fixture() -> Fixture {
    Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"Courses\"\nlanguage = \"en-GB\"\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\naudience: trainer\n---\nStaffonlyabout.\n",
        ),
        (
            "content/about.cy.md",
            "---\ntitle: Amdanom\n---\nCyfrinachamdanom.\n",
        ),
        (
            "content/rec/index.md",
            "---\ntitle: Recording\ndays:\n  - { title: Day one }\n---\nAbout recording.\n",
        ),
        // The translation would publish session bodies; the original keeps them for trainers.
        (
            "content/rec/index.cy.md",
            "---\ntitle: Cofnodi\nsession-bodies: all\n---\nAm gofnodi.\n",
        ),
        (
            "content/rec/01-open.md",
            "---\ntitle: Welcome\nday: 1\nblock: before-coffee\nduration: 30m\n---\nWelcome.\n",
        ),
        (
            "content/rec/01-open.cy.md",
            "---\ntitle: Croeso\nday: 1\nblock: before-coffee\nduration: 30m\n---\nCroeso.\n\nNodiadhyfforddwr.\n",
        ),
        (
            "content/rec/02-briefing.md",
            "---\ntitle: Trainers' briefing\nday: 1\nblock: after-coffee\nduration: 30m\naudience: trainer\n---\nStaffonlysession.\n",
        ),
        (
            "content/rec/02-briefing.cy.md",
            "---\ntitle: Sesiwnddirgel\nday: 1\nblock: after-coffee\nduration: 30m\n---\nCyfrinachsesiwn.\n",
        ),
        (
            "content/rec/guide.md",
            "---\ntitle: Guide\naudience: trainer\n---\nStaffonlyguide.\n",
        ),
        (
            "content/rec/guide.cy.md",
            "---\ntitle: Canllawcudd\n---\nCyfrinachcanllaw.\n",
        ),
        (
            "content/rec/letters/invite.md",
            "---\ntitle: Invite\n---\nStaffonlyletter.\n",
        ),
        (
            "content/rec/letters/invite.cy.md",
            "---\ntitle: Gwahoddiadcudd\naudience: all\n---\nCyfrinachllythyr.\n",
        ),
        (
            "content/hidden/index.md",
            "---\ntitle: Hidden\naudience: trainer\ndays:\n  - { title: Day one }\n---\nStaffonlyprogramme.\n",
        ),
        (
            "content/hidden/index.cy.md",
            "---\ntitle: Cuddrhaglen\n---\nCyfrinachrhaglen.\n",
        ),
        (
            "content/hidden/01-a.md",
            "---\ntitle: A\nday: 1\nblock: before-coffee\nduration: 30m\n---\nStaffonlya.\n",
        ),
        (
            "content/hidden/01-a.cy.md",
            "---\ntitle: Sesiwna\nday: 1\nblock: before-coffee\nduration: 30m\n---\nDirgelwcha.\n",
        ),
    ])
}

const WELSH_SECRETS: [&str; 12] = [
    "Nodiadhyfforddwr",
    "Cuddrhaglen",
    "Sesiwna",
    "Cyfrinachamdanom",
    "Cyfrinachsesiwn",
    "Sesiwnddirgel",
    "Cyfrinachcanllaw",
    "Canllawcudd",
    "Cyfrinachllythyr",
    "Gwahoddiadcudd",
    "Cyfrinachrhaglen",
    "Dirgelwcha",
];

#[test]
fn a_translation_of_a_trainer_only_file_stays_out_of_the_participant_build() {
    let f = fixture();
    let dest = f.build_participant_to("part");
    let all = files(&dest);
    // The Welsh edition of the public programme is there, with its public session.
    assert!(
        all.iter()
            .any(|(p, t)| p.starts_with("rec.cy/") && t.contains("Croeso"))
    );
    for (path, text) in &all {
        for secret in WELSH_SECRETS {
            assert!(!text.contains(secret), "{secret} in {path}");
        }
        assert!(!path.starts_with("hidden.cy/"), "{path}");
        for gone in [
            "about.cy.html",
            "rec.cy/guide.html",
            "rec.cy/letters/invite",
        ] {
            assert!(!path.starts_with(gone), "{path}");
        }
    }
}

#[test]
fn the_trainer_build_keeps_them_marked_trainer_only() {
    let f = fixture();
    f.build();
    let session = f.read("rec.cy/02-briefing.html");
    assert!(session.contains("Cyfrinachsesiwn"));
    let guide = f.read("rec.cy/guide.html");
    assert!(guide.contains("Cyfrinachcanllaw"));
    assert!(f.read("hidden.cy/index.html").contains("Cuddrhaglen"));
}
