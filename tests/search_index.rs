//! The search index holds every word a page shows, for its edition only, with stems that
//! match across endings (src/render/search/). The browser half is
//! tests/browser/search.test.mjs; the stemmer's shared cases are in tests/shared_cases.rs.

mod common;

use std::path::Path;

use common::{Fixture, PROGRAMME};
use coursebook::Audience;
use coursebook::render::search::{self, Indexed, Stemmer, words};

const LONG: &str = "---
title: Long session
day: 1
block: before-coffee
duration: 45m
summary: Gannetsummary opens it.
objectives: [Name the parts of a record]
prompts:
  - text: What is a chronology for?
    note: Okapipromptnote for trainers only.
materials: [Wombatmaterial cards]
---
## Plan

A first paragraph about records.

> [!TRAINER]
> Quollnote: the trainers' stickies go on the wall.

| Column | Other |
|---|---|
| Tablecellword | x |

```text
codeblockword()
```

The last paragraph names the asylum seekers' files, exercise seven and Zebrafinalword.
";

fn fixture(language: &str) -> Fixture {
    let mut body = String::new();
    for i in 0..120 {
        body.push_str(&format!(
            "Filler paragraph {i} about recording practice.\n\n"
        ));
    }
    Fixture::new(&[
        (
            "book.toml",
            &format!("[book]\ntitle = \"Test course\"\nlanguage = \"{language}\"\n"),
        ),
        (
            "content/index.md",
            "---\ntitle: Welcome\n---\nHomepageword here.\n",
        ),
        (
            "content/prog/index.md",
            &PROGRAMME.replace(
                "title: Test programme\n",
                "title: Test programme\nsession-bodies: all\n",
            ),
        ),
        (
            "content/prog/long.md",
            &LONG.replace("## Plan\n", &format!("## Plan\n\n{body}")),
        ),
        (
            "content/prog/notes.md",
            "---\ntitle: Reading list\n---\nPlainpageword and more.\n",
        ),
    ])
}

fn build(f: &Fixture, audience: Audience) -> std::path::PathBuf {
    let dest = f.root().join(format!("site-{audience:?}"));
    let opts = coursebook::BuildOptions {
        root: f.root().to_path_buf(),
        dest: Some(dest.clone()),
        audience,
        ..Default::default()
    };
    if let Err(d) = coursebook::build(&opts) {
        panic!(
            "{}",
            d.sorted()
                .iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    dest
}

fn index(site: &Path, file: &str) -> Vec<Indexed> {
    let js = std::fs::read_to_string(site.join(file)).unwrap();
    search::read(&js).unwrap()
}

fn entry<'a>(docs: &'a [Indexed], title: &str) -> &'a Indexed {
    docs.iter().find(|d| d.title == title).unwrap_or_else(|| {
        panic!(
            "{title} not indexed: {:?}",
            docs.iter().map(|d| &d.title).collect::<Vec<_>>()
        )
    })
}

#[test]
fn every_word_of_the_last_paragraph_is_in_the_entry() {
    let f = fixture("en-GB");
    let site = build(&f, Audience::Trainer);
    let docs = index(&site, "prog/searchindex.js");
    let long = entry(&docs, "Long session");
    assert_eq!(long.url, "prog/long.html");
    let last = LONG.trim_end().lines().last().unwrap();
    let body = words::stems(&long.body, Stemmer::English);
    for w in words::stems(last, Stemmer::English) {
        assert!(body.contains(&w), "{w} missing from {:?}", long.body);
    }
    // The text as the page shows it, in order, and the rest of the page too.
    assert!(
        long.body.contains("exercise seven and Zebrafinalword."),
        "{}",
        long.body
    );
    for w in [
        "Gannetsummary",
        "chronology",
        "Wombatmaterial",
        "Tablecellword",
        "codeblockword",
        "Filler paragraph 119",
        "Quollnote",
        "Okapipromptnote",
    ] {
        assert!(
            long.body.contains(w),
            "{w} missing from the trainer edition's entry"
        );
    }
    assert_eq!(long.headings.trim(), "Plan");
    assert!(entry(&docs, "Reading list").body.contains("Plainpageword"));
    assert!(
        entry(&index(&site, "searchindex.js"), "Welcome")
            .body
            .contains("Homepageword")
    );
    // Stems: "stickies" is found as "sticki", the one "sticky" gives.
    assert!(long.chunk_stems.contains(&"sticki".to_string()));
    assert!(long.chunk_stems.contains(&"asylum".to_string()));
    assert!(long.chunk_stems.contains(&"record".to_string()));
}

#[test]
fn trainer_only_words_are_not_in_the_participant_index() {
    let f = fixture("en-GB");
    let trainer =
        std::fs::read_to_string(build(&f, Audience::Trainer).join("prog/searchindex.js")).unwrap();
    let site = build(&f, Audience::Participant);
    let js = std::fs::read_to_string(site.join("prog/searchindex.js")).unwrap();
    let docs = search::read(&js).unwrap();
    let long = entry(&docs, "Long session");
    assert!(long.body.contains("Zebrafinalword"));
    for w in ["Quollnote", "Okapipromptnote", "stickies"] {
        assert!(trainer.contains(w), "{w} should be in the trainer index");
        assert!(
            !js.to_lowercase().contains(&w.to_lowercase()),
            "{w} leaked into the participant index"
        );
        assert!(!search::text(&js).contains(w));
    }
    assert!(!long.chunk_stems.contains(&"quollnot".to_string()));
    assert!(!long.chunk_stems.contains(&"okapipromptnot".to_string()));
}

#[test]
fn the_sites_language_chooses_the_stemmer() {
    let lang = |site: &Path| {
        let js = std::fs::read_to_string(site.join("searchindex.js")).unwrap();
        let start = js.find(".push(").unwrap() + 6;
        let v: serde_json::Value =
            serde_json::from_str(&js[start..js.rfind(");").unwrap()]).unwrap();
        v["lang"].as_str().unwrap().to_string()
    };
    let en = fixture("en-GB");
    let site = build(&en, Audience::Trainer);
    assert_eq!(lang(&site), "en");
    let fr = fixture("fr");
    assert_eq!(lang(&build(&fr, Audience::Trainer)), "fr");
    let cy = fixture("cy");
    let site = build(&cy, Audience::Trainer);
    assert_eq!(lang(&site), "");
    let docs = index(&site, "prog/searchindex.js");
    let stems = &entry(&docs, "Long session").chunk_stems;
    assert!(
        stems.contains(&"records".to_string()),
        "Welsh words keep their endings"
    );
    let en_docs = index(&build(&en, Audience::Trainer), "prog/searchindex.js");
    let en_stems = &entry(&en_docs, "Long session").chunk_stems;
    assert!(!en_stems.contains(&"records".to_string()));
    assert_eq!(Stemmer::for_language("en-US"), Stemmer::English);
    assert_eq!(Stemmer::for_language("de"), Stemmer::German);
    assert_eq!(Stemmer::for_language("fr-CA"), Stemmer::French);
    assert_eq!(Stemmer::for_language("cy"), Stemmer::None);
}

#[test]
fn the_brief_s_endings_meet() {
    for group in [
        &["stickies", "sticky"][..],
        &["recording", "records", "recorded", "record"],
    ] {
        let s: Vec<String> = group.iter().map(|w| words::english(w)).collect();
        assert!(s.iter().all(|x| *x == s[0]), "{s:?}");
    }
}

/// The root index's filters (`f`, one per shard in `shards`), as written.
fn filters(site: &Path) -> Vec<(String, String)> {
    let js = std::fs::read_to_string(site.join("searchindex.js")).unwrap();
    let start = js.find(".push(").unwrap() + 6;
    let end = js[start..].find(");\n").unwrap() + start;
    let v: serde_json::Value = serde_json::from_str(&js[start..end]).unwrap();
    let shards: Vec<String> = serde_json::from_value(v["shards"].clone()).unwrap();
    let f: Vec<String> = serde_json::from_value(v["f"].clone()).unwrap();
    assert_eq!(shards.len(), f.len());
    shards.into_iter().zip(f).collect()
}

#[test]
fn the_root_holds_each_shards_filter_of_its_stems_and_prefixes() {
    use search::filter::holds;
    let f = fixture("en-GB");
    let trainer = filters(&build(&f, Audience::Trainer));
    assert_eq!(trainer.len(), 1);
    let (path, t) = &trainer[0];
    assert_eq!(path, "prog/searchindex.js");
    // Whole words by stem; the word being typed by the first 1-4 characters of a stem or key.
    for item in [
        "=record",
        "=sticki",
        "=zebrafinalword",
        "=quollnot",
        "<r",
        "<re",
        "<rec",
        "<reco",
        "<stic",
        "<zebr",
        "<quol",
    ] {
        assert!(holds(t, item), "{item} missing from the trainer filter");
    }
    let absent = [
        "=xylophonist",
        "<xylo",
        "=recording",
        "<recor",
        "=homepageword",
    ];
    for item in absent {
        assert!(!holds(t, item), "{item} in the filter");
    }
    // The participant edition's filter is made from its own text: no trainer-only word.
    let participant = filters(&build(&f, Audience::Participant));
    let p = &participant[0].1;
    assert!(holds(p, "=zebrafinalword") && holds(p, "<zebr"));
    for item in ["=quollnot", "<quol", "=okapipromptnot", "<okap"] {
        assert!(holds(t, item), "{item} missing from the trainer filter");
        assert!(!holds(p, item), "{item} in the participant filter");
    }
}
