//! Inline Markdown in front-matter text (a summary, an objective, a prompt): `code`,
//! *emphasis*, **strong**, ~~strike~~ and web links, made once into HTML and into plain
//! text. Raw HTML is text; a value never becomes a block (`- x`, `# x`, `1. x` read as
//! written); a link that is not `http:`, `https:` or `mailto:` is only its text (the value
//! is shown on pages in different folders, so a relative link has no one meaning).

use std::borrow::Borrow;
use std::ops::Deref;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::util::escape_html;

/// A front-matter text as HTML (for pages) and as plain text (for CSV, the calendar,
/// search, letters and anything else that is not HTML). Reads as its plain text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline {
    pub text: String,
    /// Made by us from escaped text: templates may show it as it is.
    pub html: String,
}

impl Inline {
    /// Text with no Markdown in it (a `[!PROMPTS]` item already read as text).
    pub fn plain(text: &str) -> Self {
        Inline {
            text: text.to_string(),
            html: escape_html(text),
        }
    }
}

impl Deref for Inline {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl Borrow<str> for Inline {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl From<&str> for Inline {
    /// `src` read as inline Markdown (see [`inline`]).
    fn from(src: &str) -> Self {
        inline(src)
    }
}

impl std::fmt::Display for Inline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// What may start a block: with a word put before it, the value is always one paragraph.
const LEAD: &str = "x ";

/// `src` read as inline Markdown.
pub fn inline(src: &str) -> Inline {
    let one_line = src.split_whitespace().collect::<Vec<_>>().join(" ");
    if !one_line.contains(['`', '*', '_', '[', '<', '&', '\\', '~']) {
        return Inline::plain(&one_line);
    }
    let with_lead = format!("{LEAD}{one_line}");
    let mut lead = LEAD.len();
    let mut text = String::new();
    let mut link_depth = 0usize;
    let mut events: Vec<Event> = Vec::new();
    for ev in Parser::new_ext(&with_lead, Options::ENABLE_STRIKETHROUGH) {
        let ev = match ev {
            Event::Text(t) if lead > 0 => {
                let cut = lead.min(t.len());
                lead -= cut;
                let rest = t.get(cut..).unwrap_or("").to_string();
                if rest.is_empty() {
                    continue;
                }
                Event::Text(rest.into())
            }
            Event::Start(Tag::Link { dest_url, .. }) if !web(&dest_url) => {
                link_depth += 1;
                continue;
            }
            Event::End(TagEnd::Link) if link_depth > 0 => {
                link_depth -= 1;
                continue;
            }
            Event::Start(Tag::Paragraph | Tag::Image { .. })
            | Event::End(TagEnd::Paragraph | TagEnd::Image) => continue,
            Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
            Event::FootnoteReference(l) => Event::Text(format!("[^{l}]").into()),
            Event::SoftBreak | Event::HardBreak => Event::Text(" ".into()),
            ev => ev,
        };
        if let Event::Text(t) | Event::Code(t) = &ev {
            text.push_str(t);
        }
        events.push(ev);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Inline {
        text: text.trim().to_string(),
        html: html.trim().to_string(),
    }
}

/// A link a front-matter text may keep: to the web or an e-mail address.
fn web(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn inline_markdown_becomes_html_and_plain_text() {
        let i = inline("Use `ls -l` to *list* **files**");
        assert_eq!(
            i.html,
            "Use <code>ls -l</code> to <em>list</em> <strong>files</strong>"
        );
        assert_eq!(i.text, "Use ls -l to list files");
        let raw = inline("Say <script>alert(1)</script> & `<b>`");
        assert_eq!(
            raw.html,
            "Say &lt;script&gt;alert(1)&lt;/script&gt; &amp; <code>&lt;b&gt;</code>"
        );
        assert_eq!(raw.text, "Say <script>alert(1)</script> & <b>");
        for block in [
            "- not a list",
            "# not a heading",
            "1. not a list",
            "> no quote",
        ] {
            let b = inline(block);
            assert_eq!(b.text, block);
            assert!(!b.html.contains('<'), "{}", b.html);
        }
        assert_eq!(inline("_start_ here").html, "<em>start</em> here");
        let l = inline("[site](https://e.org) and [x](javascript:alert(1)) and [p](a.md)");
        assert_eq!(l.html, "<a href=\"https://e.org\">site</a> and x and p");
        assert_eq!(l.text, "site and x and p");
        assert_eq!(inline("don't \"quote\"").text, "don't \"quote\"");
        assert_eq!(inline("two\nlines").text, "two lines");
    }
}
