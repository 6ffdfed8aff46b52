//! Fenced code highlighted into CSS classes (`hl-*`) with syntect. The syntax set is loaded
//! once, on the first page that has code. Results are memoised by a hash of language and
//! code, in memory (rebuilds in `serve`) and on disk in `.coursebook-cache/` (the next build),
//! so unchanged blocks are highlighted once.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{LazyLock, Mutex};

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::util::escape_html;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static MEMO: LazyLock<Mutex<Memo>> = LazyLock::new(Default::default);

#[derive(Default)]
struct Memo {
    html: HashMap<u64, String>,
    /// Keys used since the cache was loaded: only these are saved, so the cache never grows
    /// beyond what the site has.
    used: HashSet<u64>,
}

/// The cache file, named for the versions whose output it holds.
const CACHE_FILE: &str = concat!("highlight-", env!("CARGO_PKG_VERSION"), ".json");

/// FNV-1a: stable from run to run and version to version, unlike std's hasher.
fn key(lang: &str, code: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in lang.bytes().chain([0]).chain(code.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Loads highlighted blocks saved by an earlier build (a missing or bad cache is ignored:
/// the build is then cold).
pub fn load_cache(dir: &Path) {
    let Ok(text) = std::fs::read_to_string(dir.join(CACHE_FILE)) else {
        return;
    };
    let Ok(map) = serde_json::from_str::<HashMap<String, String>>(&text) else {
        return;
    };
    if let Ok(mut m) = MEMO.lock() {
        for (k, v) in map {
            if let Ok(k) = u64::from_str_radix(&k, 16) {
                m.html.insert(k, v);
            }
        }
        m.used.clear();
    }
}

/// Saves the blocks this build used. Failure only costs the next build time.
pub fn save_cache(dir: &Path) {
    let Ok(m) = MEMO.lock() else { return };
    let map: HashMap<String, &String> = m
        .used
        .iter()
        .filter_map(|k| m.html.get(k).map(|v| (format!("{k:016x}"), v)))
        .collect();
    if map.is_empty() && !dir.exists() {
        return;
    }
    if std::fs::create_dir_all(dir).is_ok()
        && let Ok(json) = serde_json::to_string(&map)
    {
        let tmp = dir.join(format!("{CACHE_FILE}.tmp-{}", std::process::id()));
        if std::fs::write(&tmp, json).is_ok() {
            let _ = std::fs::rename(&tmp, dir.join(CACHE_FILE));
        }
        let _ = std::fs::write(dir.join(".gitignore"), "*\n");
    }
}

/// The `<pre>` for a fenced block whose info string is `info`.
pub fn code_block(code: &str, info: &str) -> String {
    let lang = info
        .split(|c: char| c == ',' || c.is_whitespace() || c == '{')
        .next()
        .unwrap_or("")
        .trim();
    let inner = if lang.is_empty() {
        None
    } else {
        highlight(code, lang)
    };
    let inner = inner.unwrap_or_else(|| escape_html(code));
    if lang.is_empty() {
        format!("<pre class=\"code\"><code>{inner}</code></pre>\n")
    } else {
        let l = escape_html(lang);
        format!(
            "<pre class=\"code\" data-lang=\"{l}\"><code class=\"language-{l}\">{inner}</code></pre>\n"
        )
    }
}

fn highlight(code: &str, lang: &str) -> Option<String> {
    let key = key(lang, code);
    if let Ok(mut m) = MEMO.lock()
        && let Some(hit) = m.html.get(&key).cloned()
    {
        m.used.insert(key);
        return Some(hit);
    }
    let ss = &*SYNTAXES;
    let syntax = ss
        .find_syntax_by_token(lang)
        .or_else(|| ss.find_syntax_by_token(&lang.to_lowercase()))?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        ss,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    let html = generator.finalize();
    if let Ok(mut m) = MEMO.lock() {
        m.html.insert(key, html.clone());
        m.used.insert(key);
    }
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_known_languages_into_classes() {
        let h = code_block("fn main() {}\n", "rust");
        assert!(h.contains("hl-"), "{h}");
        assert!(h.contains("data-lang=\"rust\""));
    }

    #[test]
    fn cache_round_trips_through_disk() {
        let dir = tempfile::tempdir().unwrap();
        let code = "fn cached_round_trip() {}\n";
        let first = code_block(code, "rust");
        save_cache(dir.path());
        let text = std::fs::read_to_string(dir.path().join(CACHE_FILE)).unwrap();
        assert!(text.contains("cached_round_trip"));
        load_cache(dir.path());
        assert_eq!(code_block(code, "rust"), first);
    }

    #[test]
    fn unknown_language_is_escaped_plain() {
        let h = code_block("<x>\n", "nosuchlang");
        assert!(h.contains("&lt;x&gt;"));
        assert!(!h.contains("hl-"));
    }
}
