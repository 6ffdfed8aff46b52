//! Search by language over a built site (tests/fixtures/search-lang: an English site with a
//! French programme, a Welsh one, and an English one with a German edition): each shard is
//! stemmed by its programme's or edition's language, the root says which (`sl`), Snowball's
//! scripts are written only for the languages used, and the participant edition still has
//! no trainer word. The browser half: tests/browser/search-lang.test.mjs.

use std::path::{Path, PathBuf};

use coursebook::Audience;
use coursebook::render::search::{self, Stemmer};
use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/search-lang");

fn build(root: &Path, dest: &Path, audience: Audience) -> PathBuf {
    let opts = coursebook::BuildOptions {
        root: root.to_path_buf(),
        dest: Some(dest.to_path_buf()),
        audience,
        ..Default::default()
    };
    if let Err(d) = coursebook::build(&opts) {
        panic!(
            "{:?}",
            d.sorted().iter().map(|x| x.to_string()).collect::<Vec<_>>()
        );
    }
    dest.to_path_buf()
}

/// Each `push({...})` of an index file, as JSON.
fn chunks(site: &Path, file: &str) -> Vec<Value> {
    let js = std::fs::read_to_string(site.join(file)).unwrap();
    js.lines()
        .filter_map(|l| Some(&l[l.find(".push(")? + 6..l.rfind(");")?]))
        .map(|j| serde_json::from_str(j).unwrap())
        .collect()
}

/// A shard's language and every stem of its chunks.
fn shard(site: &Path, slug: &str) -> (String, Vec<String>) {
    let cs = chunks(site, &format!("{slug}/searchindex.js"));
    assert!(!cs.is_empty());
    let lang = cs[0]["lang"].as_str().unwrap().to_string();
    for c in &cs {
        assert_eq!(
            c["lang"],
            lang.as_str(),
            "every chunk of {slug} names its stemmer"
        );
    }
    let stems = cs
        .iter()
        .flat_map(|c| c["s"].as_array().unwrap().iter())
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    (lang, stems)
}

#[test]
fn each_shard_is_stemmed_by_its_own_language() {
    let tmp = tempfile::tempdir().unwrap();
    let site = build(Path::new(FIXTURE), &tmp.path().join("t"), Audience::Trainer);

    // The root: the site's language, and each shard's, in the order of its shards.
    let root = &chunks(&site, "searchindex.js")[0];
    assert_eq!(root["lang"], "en");
    let shards: Vec<&str> = root["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let langs: Vec<&str> = root["sl"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let by_shard: Vec<(&str, &str)> = shards.iter().copied().zip(langs).collect();
    for want in [
        ("francais/searchindex.js", "fr"),
        ("cymraeg/searchindex.js", ""),
        ("english/searchindex.js", "en"),
        ("english.de/searchindex.js", "de"),
    ] {
        assert!(by_shard.contains(&want), "{want:?} in {by_shard:?}");
    }

    // French: Snowball's stems, the elided article gone ("L'enregistrement").
    let (lang, stems) = shard(&site, "francais");
    assert_eq!(lang, "fr");
    let fr = |w: &str| Stemmer::French.key_stem(w).1;
    assert_eq!(fr("enregistrements"), "enregistr");
    for w in ["enregistr", "action", "seanc", "ecout", "particip"] {
        assert!(stems.contains(&w.to_string()), "{w} in {stems:?}");
    }
    assert!(!stems.iter().any(|s| s.starts_with("lenregistr")));
    assert!(!stems.contains(&"actions".to_string()));

    // The German edition: German stems, umlauts folded.
    let (lang, stems) = shard(&site, "english.de");
    assert_eq!(lang, "de");
    for w in ["aufzeichn", "teilnehm", "tafel", "ubung"] {
        assert!(stems.contains(&w.to_string()), "{w} in {stems:?}");
    }

    // Welsh: no stemmer, the key as it is; English: the light stemmer.
    let (lang, stems) = shard(&site, "cymraeg");
    assert_eq!(lang, "");
    assert!(stems.contains(&"cofnodion".to_string()));
    let (lang, stems) = shard(&site, "english");
    assert_eq!(lang, "en");
    assert!(stems.contains(&"sticki".to_string()));

    // Snowball's scripts for the languages used, and only those.
    for f in [
        "search-stem-base.js",
        "search-stem-fr.js",
        "search-stem-de.js",
    ] {
        let text = std::fs::read_to_string(site.join("theme").join(f)).unwrap();
        assert!(
            text.contains("Copyright (c) 2001, Dr Martin Porter"),
            "{f}'s licence"
        );
    }
    assert!(!site.join("theme/search-stem-es.js").exists());
}

#[test]
fn an_english_site_gets_no_snowball_script() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("src");
    std::fs::create_dir_all(root.join("content/english")).unwrap();
    for f in [
        "book.toml",
        "content/index.md",
        "content/english/index.md",
        "content/english/01-board.md",
    ] {
        std::fs::copy(Path::new(FIXTURE).join(f), root.join(f)).unwrap();
    }
    let site = build(&root, &tmp.path().join("site"), Audience::Trainer);
    assert!(site.join("theme/search.js").exists());
    let stems: Vec<_> = std::fs::read_dir(site.join("theme"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("search-stem-"))
        .collect();
    assert!(stems.is_empty(), "{stems:?}");
    // One language: the root names no shard's.
    assert!(chunks(&site, "searchindex.js")[0].get("sl").is_none());
}

#[test]
fn the_participant_edition_has_no_trainer_word_in_any_language() {
    let tmp = tempfile::tempdir().unwrap();
    let trainer = build(Path::new(FIXTURE), &tmp.path().join("t"), Audience::Trainer);
    let participant = build(
        Path::new(FIXTURE),
        &tmp.path().join("p"),
        Audience::Participant,
    );
    for (slug, secret) in [
        ("francais", "Secretformateur"),
        ("english.de", "Geheimtrainerwort"),
    ] {
        let file = format!("{slug}/searchindex.js");
        let t = std::fs::read_to_string(trainer.join(&file)).unwrap();
        assert!(
            search::text(&t).contains(secret),
            "{secret} in the trainer's {slug}"
        );
        let p = std::fs::read_to_string(participant.join(&file)).unwrap();
        assert!(
            !p.to_lowercase().contains(&secret.to_lowercase()),
            "{secret} in {file}"
        );
        assert!(!search::text(&p).contains(secret));
        let (_, stems) = shard(&participant, slug);
        let lower = secret.to_lowercase();
        assert!(
            !stems
                .iter()
                .any(|s| lower.starts_with(s.as_str()) && s.len() > 8)
        );
    }
}
