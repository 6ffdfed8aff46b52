//! A site with a marker in every kind of trainer-only content, for the audience and printing tests.
//! A small fixture site with one marker in each kind of trainer-only content.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use coursebook::{Audience, BuildOptions};

/// Markers that must appear in the trainer build and nowhere in the participant build.
pub const MARKERS: &[&str] = &[
    "Zanzibarpage trainer only body",
    "Quokkatitle Trainer Page",
    "Wombatcallout trainer remark here",
    "Narwhalnote about the prompt",
    "Pangolinsession trainer session",
    "Axolotlletter trainer letter",
    "Okapicallout inside a letter",
];

pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A two-day programme (dates set unless `dated` is false) in a fresh temp dir.
pub fn site(dated: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(
        r,
        "book.toml",
        "[book]\ntitle = \"Fixture course\"\nlanguage = \"en-GB\"\n\n[output.html]\nsite-url = \"https://intranet.example/training/\"\norganisation = \"Northshire\"\n",
    );
    write(r, "content/index.md", "---\ntitle: Welcome\n---\nHello.\n");
    let days = if dated {
        "days:\n  - { title: Day one, date: 2027-03-01 }\n  - { title: Day two, date: 2027-03-30 }\n"
    } else {
        "days:\n  - { title: Day one, date: 2027-03-01 }\n  - { title: Day two }\n"
    };
    write(
        r,
        "content/prog/index.md",
        &format!(
            "---\ntitle: Recording, the course\nsummary: Two days on recording; with care, and commas.\nprerequisites: [Bring an example]\nvenue: \"Room 1, County Hall; Northshire\"\ntimezone: Europe/London\n{days}---\nAbout.\n"
        ),
    );
    write(
        r,
        "content/prog/day-1/a-intro.md",
        "---\ntitle: Introductions\nday: 1\nblock: before-coffee\nduration: 30m\nformat: large-group\nsummary: Names, hopes and a first look at the programme.\nobjectives: [Meet each other]\nmaterials: [name badges]\nprompts:\n  - What do you hope for?\n  - text: What worries you?\n    note: Narwhalnote about the prompt\n---\nWelcome everyone.\n\n> [!TRAINER]\n> Wombatcallout trainer remark here.\n",
    );
    write(
        r,
        "content/prog/day-1/b-pairs.md",
        "---\ntitle: Case summaries, in pairs\nday: 1\nblock: after-coffee\nduration: 1h\nformat: pairs\nsummary: Partners swap summaries.\nprompts: [How did it read?]\nmaterials: [sticky notes]\n---\nRead in pairs.\n",
    );
    write(
        r,
        "content/prog/day-1/c-secret.md",
        "---\ntitle: Pangolinsession trainer session\nday: 1\nblock: after-lunch\nduration: 30m\naudience: trainer\n---\nTrainers prepare the room.\n",
    );
    write(
        r,
        "content/prog/day-2/a-recap.md",
        "---\ntitle: Recap\nday: 2\nblock: before-coffee\nduration: 45m\nformat: plenary\nsummary: What we learnt on day one.\n---\nRecap.\n",
    );
    write(
        r,
        "content/prog/trainer-notes.md",
        "---\ntitle: Quokkatitle Trainer Page\naudience: trainer\n---\nZanzibarpage trainer only body.\n",
    );
    write(
        r,
        "content/prog/letters/invite.md",
        "---\ntitle: Invitation\naudience: all\nfields:\n  - { name: participant_name, label: Name, example: Sam }\n---\nDear {{ participant_name }},\n\n> [!Trainer]\n> Okapicallout inside a letter.\n\nSee you.\n",
    );
    write(
        r,
        "content/prog/letters/secret.md",
        "---\ntitle: Axolotlletter trainer letter\naudience: trainer\n---\nDear colleague.\n",
    );
    dir
}

pub fn build(root: &Path, audience: Audience, zip: bool) -> Result<PathBuf, String> {
    let dest = root.join(match audience {
        Audience::Trainer => "out-trainer",
        Audience::Participant => "out-participant",
    });
    let opts = BuildOptions {
        root: root.to_path_buf(),
        dest: Some(dest.clone()),
        audience,
        zip,
        ..Default::default()
    };
    match coursebook::build(&opts) {
        Ok(_) => Ok(dest),
        Err(d) => Err(d
            .sorted()
            .iter()
            .map(|x| x.render(false))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

/// Every file under `dir`, with its bytes.
pub fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}
