//! Search by language, the Rust half of `tests/cases/shared.json`'s `search_stem_lang` and
//! `search_words_lang` (the JavaScript half: tests/browser/shared-cases.test.mjs), and the
//! two halves run on the same words here: every word of the repository and some odd ones,
//! stemmed in French, German, Spanish and Welsh by `words.rs` and by `search-words.js`
//! with Snowball's scripts in Node.

use std::process::Command;

use coursebook::render::search::{Stemmer, words};
use serde_json::Value;

fn cases() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/shared.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const LANGS: [(&str, Stemmer); 4] = [
    ("fr", Stemmer::French),
    ("de", Stemmer::German),
    ("es", Stemmer::Spanish),
    ("cy", Stemmer::None),
];

#[test]
fn each_languages_words_stem_as_the_cases_say() {
    let all = cases();
    let mut wrong = Vec::new();
    for (lang, stemmer) in LANGS {
        assert_eq!(Stemmer::for_language(lang), stemmer);
        let list = all["search_stem_lang"][lang].as_array().unwrap();
        assert!(list.len() >= 50, "{lang}: {} cases", list.len());
        for c in list {
            let (input, want) = (c["in"].as_str().unwrap(), c["out"].as_str().unwrap());
            let got = stemmer.key_stem(input).1;
            if got != want {
                wrong.push(format!("{lang} {input:?}: got {got:?}, want {want:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn texts_split_and_stem_by_language() {
    let all = cases();
    let list = all["search_words_lang"].as_array().unwrap();
    let mut wrong = Vec::new();
    for c in list {
        let (lang, input) = (c["lang"].as_str().unwrap(), c["in"].as_str().unwrap());
        let got = serde_json::json!(words::stems(input, Stemmer::for_language(lang)));
        if got != c["out"] {
            wrong.push(format!("{lang} {input:?}: got {got}, want {}", c["out"]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// What the issue asks of French: the elided article or pronoun does not hide the word.
#[test]
fn french_elision_finds_the_word() {
    let fr = Stemmer::French;
    let stem = |w: &str| fr.key_stem(w).1;
    assert_eq!(stem("l'enregistrement"), stem("enregistrements"));
    assert_eq!(stem("d'action"), stem("actions"));
    assert_eq!(stem("qu'il"), "il");
    assert_eq!(stem("L’Action"), stem("action"));
    // Its key (the filter's prefixes, search.js's prefix match) is the word's too.
    assert_eq!(fr.key_stem("l'enregistrement").0, "enregistrement");
    // Not an elision: another head, nothing after, two apostrophes; and not in German.
    assert_eq!(stem("aujourd'hui"), "aujourdhui");
    assert_eq!(words::elide("l'"), "l'");
    assert_eq!(words::elide("l''action"), "l''action");
    assert_eq!(Stemmer::German.key_stem("l'action").1, "laction");
}

/// Node, or None (a failure under CI, where .ci/run checks it is there).
fn node() -> Option<&'static str> {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("CI").is_some() {
        panic!("CI is set but node is not installed: .ci/run needs Node.js 18 or later");
    }
    found.then_some("node")
}

/// Every word of the README, the docs, the example's content, the source and the theme's
/// strings, some odd ones (accents alone, decomposed, astral, elisions) and made-up ones,
/// stemmed in each
/// language here and by `search-words.js` (with `search-stem-*.js`) in Node: the same lists.
#[test]
fn search_js_stems_every_word_alike_in_each_language() {
    let Some(node) = node() else {
        eprintln!("node not found: skipping search.js's stems by language");
        return;
    };
    let root = env!("CARGO_MANIFEST_DIR");
    let mut text = String::new();
    for dir in ["docs", "content", "src", "themes/default/i18n"] {
        for e in walkdir::WalkDir::new(format!("{root}/{dir}")).sort_by_file_name() {
            let e = e.unwrap();
            if e.path()
                .extension()
                .is_some_and(|x| x == "md" || x == "rs" || x == "ftl")
            {
                text.push_str(&std::fs::read_to_string(e.path()).unwrap());
                text.push('\n');
            }
        }
    }
    text.push_str(&std::fs::read_to_string(format!("{root}/README.md")).unwrap());
    let odd = [
        "e\u{301}le\u{300}ve",
        "\u{301}a",
        "a\u{301}\u{301}",
        "l'\u{1d400}x",
        "\u{1d400}\u{1d401}s",
        "a\u{1d400}e",
        "\u{1d400}oá",
        "\u{1d400}eir",
        "İSTANBUL",
        "ΣΟΦΟΣ",
        "STRAẞE",
        "ﬁnance",
        "ǅemal",
        "qu'",
        "'s",
        "l'é",
        "d'\u{2019}x",
        "ñandú",
        "çà",
        "aeiouyäöüéèêëïîôûùàâç",
        "uuuuu",
        "yyy",
        "Ü",
    ];
    // And 20,000 made-up words over letters Snowball treats specially, accents alone,
    // apostrophes and characters past U+FFFF (a fixed linear congruential sequence).
    let alphabet: Vec<char> =
        "aeiouyäöüßéèêëïîôûùàâçñáíóúbcdfghjklmnpqrstvwxz'\u{301}\u{308}ǅﬁ𝐀İσς12ŵ"
            .chars()
            .collect();
    let mut state: u64 = 7;
    let made: Vec<String> = (0..20_000)
        .map(|_| {
            let mut next = || {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) as usize
            };
            let n = 1 + next() % 14;
            (0..n).map(|_| alphabet[next() % alphabet.len()]).collect()
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let list: Vec<&str> = text
        .split(|c: char| !words::is_word_char(c))
        .chain(odd)
        .chain(made.iter().map(String::as_str))
        .filter(|w| !w.is_empty() && seen.insert(*w))
        .collect();
    assert!(list.len() > 3000, "{} words", list.len());
    let dir = tempfile::tempdir().unwrap();
    let words_file = dir.path().join("words.txt");
    std::fs::write(&words_file, list.join("\n")).unwrap();
    let run = Command::new(node)
        .arg("-e")
        .arg(
            "const vm = require('vm'), fs = require('fs');\
             const [dir, words] = process.argv.slice(1);\
             const module = { exports: {} };\
             const ctx = vm.createContext({ module });\
             for (const f of ['search-stem-base.js', 'search-stem-fr.js', 'search-stem-de.js',\
               'search-stem-es.js', 'search-words.js'])\
               vm.runInContext(fs.readFileSync(dir + '/' + f, 'utf8'), ctx, { filename: f });\
             const list = fs.readFileSync(words, 'utf8').split('\\n');\
             const out = {};\
             for (const l of ['fr', 'de', 'es', 'cy'])\
               out[l] = list.map(w => module.exports.stems(w, l).join(' '));\
             process.stdout.write(JSON.stringify(out));",
        )
        .args([
            format!("{root}/themes/default/static"),
            words_file.to_str().unwrap().to_string(),
        ])
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let js: Value = serde_json::from_slice(&run.stdout).unwrap();
    let mut wrong = Vec::new();
    for (lang, stemmer) in LANGS {
        let got = js[lang].as_array().unwrap();
        assert_eq!(got.len(), list.len());
        for (w, j) in list.iter().zip(got) {
            let r = words::stems(w, stemmer).join(" ");
            if r != j.as_str().unwrap() {
                wrong.push(format!("{lang} {w:?}: Rust {r:?}, JS {j}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
