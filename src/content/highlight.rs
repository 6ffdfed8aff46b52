//! Fenced code highlighted into CSS classes (`hl-*`) with syntect. The syntax set is loaded
//! once, on the first page that has code. Results are memoised by a hash of language and
//! code, in memory (rebuilds in `serve`) and on disk in `.coursebook-cache/` (the next build),
//! so unchanged blocks are highlighted once.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{LazyLock, Mutex};

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use syntect::html::{ClassStyle, line_tokens_to_classed_spans};
use syntect::parsing::{ParseState, ScopeStack, ScopeStackOp, SyntaxReference, SyntaxSet};
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
    let html = LINES.with(|memo| memo.borrow_mut().block(code, syntax, ss))?;
    if let Ok(mut m) = MEMO.lock() {
        m.html.insert(key, html.clone());
        m.used.insert(key);
    }
    Some(html)
}

/// What the parser made of one line: the scope operations, and the state after it.
struct Parsed {
    ops: Rc<[(usize, ScopeStackOp)]>,
    next: usize,
}

/// Lines already parsed, by parser state and text. Parsing a line depends on nothing else,
/// so a line that recurs in the same state (a closing brace, a common import, a line shared
/// by variants of one example) is parsed once per thread. Parser states are interned so a
/// key is a small number.
#[derive(Default)]
struct LineMemo {
    states: Vec<ParseState>,
    /// Interned states by a hash of their debug form (ParseState has no `Hash`).
    by_hash: HashMap<u64, Vec<usize>>,
    /// The first state of each syntax, by name.
    starts: HashMap<String, usize>,
    lines: HashMap<(usize, String), Parsed>,
}

/// Beyond this many distinct lines the memo starts again, so memory stays bounded in a
/// long `serve` session.
const MAX_LINES: usize = 100_000;

thread_local! {
    static LINES: RefCell<LineMemo> = RefCell::new(LineMemo::default());
}

impl LineMemo {
    fn intern(&mut self, state: ParseState) -> usize {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{state:?}").hash(&mut h);
        let ids = self.by_hash.entry(h.finish()).or_default();
        if let Some(&id) = ids.iter().find(|&&i| self.states[i] == state) {
            return id;
        }
        self.states.push(state);
        ids.push(self.states.len() - 1);
        self.states.len() - 1
    }

    /// The block as class-annotated HTML, as syntect's `ClassedHTMLGenerator` makes it.
    fn block(&mut self, code: &str, syntax: &SyntaxReference, ss: &SyntaxSet) -> Option<String> {
        if self.lines.len() > MAX_LINES {
            *self = LineMemo::default();
        }
        let mut state = match self.starts.get(&syntax.name) {
            Some(&id) => id,
            None => {
                let id = self.intern(ParseState::new(syntax));
                self.starts.insert(syntax.name.clone(), id);
                id
            }
        };
        let style = ClassStyle::SpacedPrefixed { prefix: "hl-" };
        let mut stack = ScopeStack::new();
        let mut html = String::with_capacity(code.len() * 4);
        let mut open: isize = 0;
        for line in LinesWithEndings::from(code) {
            let key = (state, line.to_string());
            let (ops, next) = match self.lines.get(&key) {
                Some(p) => (p.ops.clone(), p.next),
                None => {
                    let mut st = self.states[state].clone();
                    let ops: Rc<[_]> = st.parse_line(line, ss).ok()?.into();
                    let next = self.intern(st);
                    self.lines.insert(
                        key,
                        Parsed {
                            ops: ops.clone(),
                            next,
                        },
                    );
                    (ops, next)
                }
            };
            let (formatted, delta) =
                line_tokens_to_classed_spans(line, &ops, style, &mut stack).ok()?;
            open += delta;
            html.push_str(&formatted);
            state = next;
        }
        for _ in 0..open {
            html.push_str("</span>");
        }
        Some(html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntect_alone(code: &str, lang: &str) -> String {
        let ss = &*SYNTAXES;
        let syntax = ss.find_syntax_by_token(lang).unwrap();
        let mut g = syntect::html::ClassedHTMLGenerator::new_with_class_style(
            syntax,
            ss,
            ClassStyle::SpacedPrefixed { prefix: "hl-" },
        );
        for line in LinesWithEndings::from(code) {
            g.parse_html_for_line_which_includes_newline(line).unwrap();
        }
        g.finalize()
    }

    /// The line memo gives exactly what syntect gives, also when a line recurs in another
    /// state (`x = 1` in code and inside a comment or string) and on the second pass, when
    /// every line is a hit.
    #[test]
    fn line_memo_matches_syntect() {
        let blocks = [
            (
                "fn a() {\n    let x = 1;\n}\n/*\n    let x = 1;\n*/\nlet s = \"\n    let x = 1;\n\";\n",
                "rust",
            ),
            (
                "def f():\n    x = 1\n    \"\"\"\n    x = 1\n    \"\"\"\n    return x\n",
                "python",
            ),
            ("x = 1\n", "python"),
            (
                "<p class=\"a\">x = 1</p>\n<script>\nx = 1\n</script>\n",
                "html",
            ),
            ("no newline at the end", "rust"),
            // Variants of one example: only the middle line is new.
            ("fn b() {\n    let y = 1;\n}\n", "rust"),
            ("fn b() {\n    let y = 2;\n}\n", "rust"),
        ];
        let mut memo = LineMemo::default();
        for pass in 0..2 {
            for (code, lang) in blocks {
                let syntax = SYNTAXES.find_syntax_by_token(lang).unwrap();
                let got = memo.block(code, syntax, &SYNTAXES).unwrap();
                assert_eq!(
                    got,
                    syntect_alone(code, lang),
                    "pass {pass}, {lang}: {code}"
                );
            }
        }
        let lines: usize = blocks.iter().map(|(c, _)| c.lines().count()).sum();
        assert!(memo.lines.len() < lines, "no line was shared");
    }

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
