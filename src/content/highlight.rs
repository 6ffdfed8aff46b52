//! Fenced code highlighted into CSS classes (`hl-*`) with syntect. The syntax set is loaded
//! once, on the first page that has code; results are memoised by content so repeated blocks
//! (and rebuilds in `serve`) skip the work.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::util::escape_html;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static MEMO: LazyLock<Mutex<HashMap<(String, String), String>>> = LazyLock::new(Default::default);

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
    let key = (lang.to_string(), code.to_string());
    if let Ok(m) = MEMO.lock()
        && let Some(hit) = m.get(&key)
    {
        return Some(hit.clone());
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
        m.insert(key, html.clone());
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
    fn unknown_language_is_escaped_plain() {
        let h = code_block("<x>\n", "nosuchlang");
        assert!(h.contains("&lt;x&gt;"));
        assert!(!h.contains("hl-"));
    }
}
