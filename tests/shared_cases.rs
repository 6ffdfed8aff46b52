//! The Rust half of tests/cases/shared.json: `coursebook merge`'s CSV reading, cell
//! cleaning and file slugs must give the outputs the letter page's JavaScript gives
//! (tests/browser/shared-cases.test.mjs); the search index's words, stems and token
//! characters those of `search-words.js`, on the cases and on every word of this repository's
//! Markdown and Rust.
//! And the letter page's zip writer, run in Node, makes archives the zip crate reads,
//! past 65,535 entries too.

use std::process::Command;

use coursebook::merge;
use coursebook::render::search::{self, Stemmer, words};
use serde_json::Value;

fn cases() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/shared.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Runs `f` on each case's input; every mismatch is listed, not only the first.
fn each(kind: &str, f: impl Fn(&str) -> Value) {
    let all = cases();
    let list = all[kind]
        .as_array()
        .unwrap_or_else(|| panic!("no {kind} cases"));
    assert!(!list.is_empty(), "no {kind} cases");
    let mut wrong = Vec::new();
    for c in list {
        let input = c["in"].as_str().unwrap();
        let want = match c.get("out") {
            Some(v) => v.clone(),
            None => serde_json::json!({
                "separator": c["separator"], "header": c["header"], "rows": c["rows"]
            }),
        };
        let got = f(input);
        if got != want {
            wrong.push(format!("{input:?}: got {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{kind}:\n{}", wrong.join("\n"));
}

/// The letter page's date in words (letters.js, `Intl.DateTimeFormat`) is the site's
/// (`Locale::date_words`, ICU4X), in each language coursebook writes (`lang`, default en-GB),
/// and the pseudo-locale `en-XA` (British English, accented and bracketed).
#[test]
fn date_in_words() {
    use coursebook::model::clock::{HourClock, Lang, Locale};
    let all = cases();
    let list = all["date_words"].as_array().expect("date_words cases");
    let mut wrong = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for c in list {
        let tag = c.get("lang").and_then(Value::as_str).unwrap_or("en-GB");
        let lang = Lang::parse(tag).unwrap_or_else(|| panic!("unknown lang {tag}"));
        seen.insert(lang);
        let locale = Locale::of(tag, HourClock::Locale);
        let input = c["in"].as_str().unwrap();
        let got = input
            .parse::<jiff::civil::Date>()
            .ok()
            .map(|d| locale.date_words(d))
            .unwrap_or_default();
        if got != c["out"].as_str().unwrap() {
            wrong.push(format!("{tag} {input:?}: got {got:?}, want {}", c["out"]));
        }
    }
    assert!(wrong.is_empty(), "date_words:\n{}", wrong.join("\n"));
    assert_eq!(seen.len(), Lang::ALL.len(), "a case for every language");
}

/// The pseudo-locale's words (dates and durations in `en-XA`): `i18n::pseudo_words` is
/// letters.js's `pseudoWords`.
#[test]
fn pseudo_words() {
    each("pseudo_words", |s| coursebook::i18n::pseudo_words(s).into());
}

/// Each case of `kind` (input any JSON) through `f`; every mismatch listed.
fn each_value(kind: &str, f: impl Fn(&Value) -> Value) {
    let all = cases();
    let list = all[kind]
        .as_array()
        .unwrap_or_else(|| panic!("no {kind} cases"));
    assert!(!list.is_empty(), "no {kind} cases");
    let wrong: Vec<String> = list
        .iter()
        .filter(|c| f(&c["in"]) != c["out"])
        .map(|c| format!("{}: got {}, want {}", c["in"], f(&c["in"]), c["out"]))
        .collect();
    assert!(wrong.is_empty(), "{kind}:\n{}", wrong.join("\n"));
}

/// A case's header and days, as the letter page's kit carries them.
fn header_and_days(c: &Value) -> (Vec<String>, Vec<merge::attendance::ListDay>) {
    (
        serde_json::from_value(c["header"].clone()).unwrap(),
        serde_json::from_value(c["days"].clone()).unwrap(),
    )
}

/// Who attended: `merge`'s reading (src/merge/attendance.rs) is letter-save.js's.
#[test]
fn attendance() {
    each("attendance_yes", |s| merge::attendance::yes(s).into());
    each_value("attendance_columns", |c| {
        let (header, days) = header_and_days(c);
        let cols = merge::attendance::columns_in(&header, &days);
        serde_json::json!({ "attended": cols.attended, "days": cols.days })
    });
    each_value("attendance_rows", |c| {
        let (header, days) = header_and_days(c);
        let cells: Vec<String> = serde_json::from_value(c["cells"].clone()).unwrap();
        let cols = merge::attendance::columns_in(&header, &days);
        merge::attendance::attended(&cols, &header, &cells)
            .is_ok()
            .into()
    });
}

#[test]
fn trim() {
    each("trim", |s| merge::trim(s).into());
}

#[test]
fn cell_cleaning() {
    each("clean", |s| merge::clean(s).into());
}

#[test]
fn file_slugs() {
    each("slug", |s| merge::file_slug(s).into());
}

#[test]
fn separator_detection() {
    each("separator", |s| {
        String::from(char::from(merge::detect_separator(s))).into()
    });
}

#[test]
fn csv_reading() {
    each("csv", |s| {
        match merge::read_table(s.as_bytes(), "people.csv") {
            Ok(t) => serde_json::json!({
                "separator": String::from(char::from(t.separator)),
                "header": t.header,
                "rows": t.rows.into_iter().map(|(_, cells)| cells).collect::<Vec<_>>(),
            }),
            // An empty list is an error here and a missing header there.
            Err(_) => serde_json::json!({
                "separator": String::from(char::from(merge::detect_separator(""))),
                "header": null,
                "rows": [],
            }),
        }
    });
}

#[test]
fn search_stems() {
    each("search_stem", |s| words::english(s).into());
}

#[test]
fn search_words() {
    each("search_words", |s| {
        serde_json::json!(words::stems(s, Stemmer::English))
    });
}

#[test]
fn search_token_characters() {
    each("search_codes", |s| {
        let n: usize = s.parse().unwrap();
        let c = search::code(n);
        assert_eq!(search::entry(c), Some(n));
        c.to_string().into()
    });
}

/// A shard filter's probes (`search::filter`, `probes` in search-words.js), item and filter size.
#[test]
fn search_filter_probes() {
    let all = cases();
    let list = all["search_filter"]
        .as_array()
        .expect("search_filter cases");
    assert!(!list.is_empty());
    for c in list {
        let (item, m) = (c["in"].as_str().unwrap(), c["m"].as_u64().unwrap() as u32);
        let got: Vec<u32> = search::filter::probes(item, m).collect();
        assert_eq!(serde_json::json!(got), c["out"], "{item:?} in {m} bits");
    }
}

/// Every word of the README, the docs, the example's content and the source, stemmed here and by
/// `search-words.js` in Node: the same list (thousands of words, each form once).
#[test]
fn search_js_stems_every_word_of_the_repository_alike() {
    let Some(node) = node() else {
        eprintln!("node not found: skipping search-words.js's stems");
        return;
    };
    let root = env!("CARGO_MANIFEST_DIR");
    let mut text = String::new();
    for dir in ["docs", "content", "src"] {
        for e in walkdir::WalkDir::new(format!("{root}/{dir}")).sort_by_file_name() {
            let e = e.unwrap();
            if e.path().extension().is_some_and(|x| x == "md" || x == "rs") {
                text.push_str(&std::fs::read_to_string(e.path()).unwrap());
                text.push('\n');
            }
        }
    }
    text.push_str(&std::fs::read_to_string(format!("{root}/README.md")).unwrap());
    let mut seen = std::collections::BTreeSet::new();
    let list: Vec<&str> = text
        .split(|c: char| !words::is_word_char(c))
        .filter(|w| !w.is_empty() && seen.insert(*w))
        .collect();
    assert!(list.len() > 3000, "{} words", list.len());
    let input = list.join("\n");
    let dir = tempfile::tempdir().unwrap();
    let words_file = dir.path().join("words.txt");
    std::fs::write(&words_file, &input).unwrap();
    let run = Command::new(node)
        .arg("-e")
        .arg(
            "const vm = require('vm'), fs = require('fs');\
             const [script, words] = process.argv.slice(1);\
             const module = { exports: {} };\
             vm.runInNewContext(fs.readFileSync(script, 'utf8'), { module });\
             const out = fs.readFileSync(words, 'utf8').split('\\n')\
               .map(w => module.exports.stems(w, 'en').join(' '));\
             process.stdout.write(JSON.stringify(out));",
        )
        .args([
            format!("{root}/themes/default/static/search-words.js"),
            words_file.to_str().unwrap().to_string(),
        ])
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let js: Vec<String> = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(js.len(), list.len());
    let wrong: Vec<String> = list
        .iter()
        .zip(&js)
        .filter_map(|(w, j)| {
            let r = words::stems(w, Stemmer::English).join(" ");
            (r != *j).then(|| format!("{w:?}: Rust {r:?}, JS {j:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
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

#[test]
fn the_letter_pages_zips_open_with_the_zip_crate() {
    let Some(node) = node() else {
        eprintln!("node not found: skipping the letter page's zip writer");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/static/letter-save.js"
    );
    for n in cases()["zip_entries"].as_array().unwrap() {
        let n = n.as_u64().unwrap();
        let out = dir.path().join(format!("{n}.zip"));
        let run = Command::new(node)
            .arg("-e")
            .arg(
                "const vm = require('vm'), fs = require('fs');\
                 const [script, n, out] = process.argv.slice(1);\
                 const module = { exports: {} };\
                 vm.runInNewContext(fs.readFileSync(script, 'utf8'), { module, TextEncoder });\
                 const files = Array.from({ length: +n }, (_, i) => [i + '.txt', 'entry ' + i]);\
                 fs.writeFileSync(out, module.exports.zip(files));",
            )
            .args([script, &n.to_string(), out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(run.status.success(), "{run:?}");
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap())
            .unwrap_or_else(|e| panic!("{n} entries: {e}"));
        assert_eq!(zip.len() as u64, n);
        for i in [0, n / 2, n.saturating_sub(1)] {
            if i >= n {
                continue;
            }
            let mut e = zip.by_index(i as usize).unwrap();
            assert_eq!(e.name().unwrap(), format!("{i}.txt"));
            let mut text = String::new();
            std::io::Read::read_to_string(&mut e, &mut text).unwrap();
            assert_eq!(text, format!("entry {i}"));
        }
    }
}
