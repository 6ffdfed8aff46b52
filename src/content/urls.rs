//! URLs an author wrote, in Markdown links and images and in raw HTML, that a page must not
//! carry: `javascript:`, `vbscript:` and (outside images) `data:` run or smuggle script, so
//! they are errors; a file embedded from another host (image, frame, script) breaks the
//! promise that a page loads nothing from elsewhere, so it is a warning.

use std::cell::RefCell;
use std::ops::Range;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{Event, Tag, TagEnd};

/// How a page uses a URL: followed when clicked, or loaded with the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    Link,
    Image,
    /// Loaded with the page: a frame, a script, a stylesheet, media, an object.
    Embed(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Runs script or hides a document: refused.
    Refuse,
    /// Loaded from another host.
    Remote,
}

/// One URL that needs a diagnostic, where it stands in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub url: String,
    pub line: usize,
    pub col: usize,
    pub what: Use,
    pub verdict: Verdict,
}

/// The scheme of `url` as a browser reads it: leading spaces and control characters
/// dropped, tabs and line breaks inside ignored, lower case. `None` for a relative URL.
pub fn scheme(url: &str) -> Option<String> {
    let mut s = String::new();
    for c in url.trim_start_matches(|c: char| c <= ' ').chars() {
        match c {
            '\t' | '\n' | '\r' => continue,
            ':' => return (!s.is_empty()).then_some(s),
            c if c.is_ascii_alphanumeric() || "+-.".contains(c) => s.push(c.to_ascii_lowercase()),
            _ => return None,
        }
    }
    None
}

/// What is wrong with `url` used as `what`, if anything.
pub fn judge(url: &str, what: Use) -> Option<Verdict> {
    match scheme(url).as_deref() {
        Some("javascript" | "vbscript") => Some(Verdict::Refuse),
        Some("data") => {
            let rest = url.trim_start().get(5..).unwrap_or("").trim_start();
            let image = rest
                .get(..6)
                .is_some_and(|p| p.eq_ignore_ascii_case("image/"));
            (!(what == Use::Image && image)).then_some(Verdict::Refuse)
        }
        Some("http" | "https" | "ftp") if what != Use::Link => Some(Verdict::Remote),
        None if what != Use::Link && url.trim_start().starts_with("//") => Some(Verdict::Remote),
        _ => None,
    }
}

/// What scanning a body found: whether it has raw HTML (so it needs cleaning), and the
/// URLs that need a diagnostic.
#[derive(Debug, Default)]
pub struct Scan {
    pub raw_html: bool,
    pub findings: Vec<Finding>,
}

/// Scans the parsed events of a body (with their byte ranges); `at` turns an offset into a
/// line and column.
pub fn scan(events: &[(Event, Range<usize>)], at: impl Fn(usize) -> (usize, usize)) -> Scan {
    let mut out = Scan::default();
    let pos = |r: &Range<usize>| {
        if r.start == usize::MAX {
            (0, 0)
        } else {
            at(r.start)
        }
    };
    // A block of raw HTML comes a line at a time: its lines are joined so a tag may span them.
    let mut block: Option<(String, (usize, usize))> = None;
    for (ev, range) in events {
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => {
                push(&mut out.findings, dest_url, pos(range), Use::Link);
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                push(&mut out.findings, dest_url, pos(range), Use::Image);
            }
            Event::Start(Tag::HtmlBlock) => {
                out.raw_html = true;
                block = Some((String::new(), pos(range)));
            }
            Event::Html(t) => {
                out.raw_html = true;
                match &mut block {
                    Some((b, _)) => b.push_str(t),
                    None => html(&mut out.findings, t, pos(range)),
                }
            }
            Event::InlineHtml(t) => {
                out.raw_html = true;
                html(&mut out.findings, t, pos(range));
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((b, p)) = block.take() {
                    html(&mut out.findings, &b, p);
                }
            }
            _ => {}
        }
    }
    out
}

fn push(found: &mut Vec<Finding>, url: &str, (line, col): (usize, usize), what: Use) {
    if let Some(verdict) = judge(url, what) {
        found.push(Finding {
            url: url.to_string(),
            line,
            col,
            what,
            verdict,
        });
    }
}

/// Start tags of an HTML fragment, with the fragment's line each starts on (1-based).
struct Tags(RefCell<Vec<(u64, html5ever::tokenizer::Tag)>>);

impl TokenSink for Tags {
    type Handle = ();
    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(t) = token
            && t.kind == TagKind::StartTag
        {
            self.0.borrow_mut().push((line, t));
        }
        TokenSinkResult::Continue
    }
}

/// The URL attributes of raw HTML, read as a browser reads them (entities decoded).
/// Linear in the fragment: positions are worked out only for tags with a finding, by a
/// cursor that only moves forward.
fn html(found: &mut Vec<Finding>, text: &str, (line, col): (usize, usize)) {
    if !text.contains('<') {
        return;
    }
    let tok = Tokenizer::new(Tags(RefCell::new(Vec::new())), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(text));
    let _ = tok.feed(&queue);
    tok.end();
    let tags = tok.sink.0.take();
    let mut place = Place::new(text);
    let mut hits = Vec::new();
    for (tag_line, tag) in tags {
        let name: &str = &tag.name;
        hits.clear();
        for a in &tag.attrs {
            let attr: &str = &a.name.local;
            if !URL_ATTRIBUTES.contains(&attr) {
                continue;
            }
            let what = use_of(name, attr);
            if attr == "srcset" {
                for candidate in a.value.split(',') {
                    let url = candidate.split_whitespace().next().unwrap_or("");
                    hits.extend(judge(url, what).map(|v| (url.to_string(), what, v)));
                }
            } else {
                hits.extend(judge(&a.value, what).map(|v| (a.value.to_string(), what, v)));
            }
        }
        if hits.is_empty() {
            continue;
        }
        let (l, c) = place.of_tag(name, tag_line);
        let at = if l == 0 {
            (line, col + c)
        } else {
            (line + l, c + 1)
        };
        for (url, what, verdict) in hits.drain(..) {
            found.push(Finding {
                url,
                line: at.0,
                col: at.1,
                what,
                verdict,
            });
        }
    }
}

fn use_of(tag: &str, attr: &str) -> Use {
    match (tag, attr) {
        ("img", "src" | "srcset") | ("input", "src") => Use::Image,
        ("iframe" | "frame", _) => Use::Embed("frame"),
        ("script", _) => Use::Embed("script"),
        ("link", "href") => Use::Embed("stylesheet or other linked file"),
        ("object" | "embed" | "applet", _) => Use::Embed("object"),
        ("video" | "audio" | "source" | "track", _) => Use::Embed("media file"),
        (_, "src" | "poster" | "background" | "srcset" | "data" | "lowsrc" | "dynsrc") => {
            Use::Embed("file")
        }
        _ => Use::Link,
    }
}

/// Where tags start in a fragment, found in order.
struct Place<'a> {
    text: &'a str,
    /// `text` in ASCII lower case: the same byte offsets, for finding `<name`.
    lower: String,
    starts: Vec<usize>,
    /// Tags start at or after this byte.
    cursor: usize,
    /// The last place worked out (byte, line, characters before it on its line), so
    /// columns on one long line are counted once.
    last: (usize, usize, usize),
}

impl<'a> Place<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Place {
            text,
            lower: text.to_ascii_lowercase(),
            starts,
            cursor: 0,
            last: (0, 0, 0),
        }
    }

    /// Line (0-based, in the fragment) and characters before the `<name` of a tag the
    /// tokenizer says ends on `end_line` (1-based).
    fn of_tag(&mut self, name: &str, end_line: u64) -> (usize, usize) {
        let last = self.starts.len() - 1;
        let end = (end_line.saturating_sub(1) as usize).min(last);
        let eol = self.starts.get(end + 1).copied().unwrap_or(self.text.len());
        let needle = format!("<{name}");
        let offset = match self
            .lower
            .get(self.cursor..eol)
            .and_then(|w| w.find(&needle))
        {
            Some(i) => {
                self.cursor += i + 1;
                self.cursor - 1
            }
            None => self.starts[end],
        };
        let l = self.starts.partition_point(|&s| s <= offset) - 1;
        let (from, before) = match self.last {
            (o, line, chars) if line == l && o <= offset => (o, chars),
            _ => (self.starts[l], 0),
        };
        let c = before + self.text.get(from..offset).map_or(0, |b| b.chars().count());
        self.last = (offset, l, c);
        (l, c)
    }
}

/// Attributes whose value is a URL (HTML and SVG).
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "ping",
    "manifest",
    "codebase",
    "archive",
    "usemap",
    "icon",
    "profile",
    "xlink:href",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_as_a_browser_reads_them() {
        assert_eq!(
            scheme(" \u{1}JaVa\tScript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("a/b:c"), None);
        assert_eq!(scheme("x.md#a:b"), None);
        assert_eq!(judge("javascript:x", Use::Link), Some(Verdict::Refuse));
        assert_eq!(judge("VBScript:x", Use::Image), Some(Verdict::Refuse));
        assert_eq!(
            judge("data:text/html,<b>", Use::Link),
            Some(Verdict::Refuse)
        );
        assert_eq!(
            judge("data:image/png;base64,AA", Use::Link),
            Some(Verdict::Refuse)
        );
        assert_eq!(judge("data:image/png;base64,AA", Use::Image), None);
        assert_eq!(
            judge("https://x.example/a.png", Use::Image),
            Some(Verdict::Remote)
        );
        assert_eq!(
            judge("//x.example/a.png", Use::Image),
            Some(Verdict::Remote)
        );
        assert_eq!(judge("https://x.example/", Use::Link), None);
        assert_eq!(judge("mailto:a@b.example", Use::Link), None);
        assert_eq!(judge("../assets/a.png", Use::Image), None);
    }

    proptest::proptest! {
        /// Whatever a browser (the WHATWG parser) reads as a script address, we refuse.
        #[test]
        fn agrees_with_the_whatwg_parser(
            pre in "[ \t\n\r\u{0}-\u{1f}]{0,3}",
            s in "[jJaAvVsScCrRiIpPtTdDbB\t\n\r :/%&#x;.+-]{0,14}",
            post in "[a-z:(/]{0,4}",
        ) {
            for url in [format!("{pre}{s}{post}"), format!("{pre}javascript:{s}"), format!("{pre}{s}:x")] {
                if let Ok(u) = ::url::Url::parse(&url)
                    && matches!(u.scheme(), "javascript" | "vbscript" | "data")
                {
                    proptest::prop_assert_eq!(judge(&url, Use::Link), Some(Verdict::Refuse), "{:?}", url);
                    let ours = scheme(&url);
                    proptest::prop_assert_eq!(ours.as_deref(), Some(u.scheme()), "{:?}", url);
                }
            }
        }
    }

    fn found(text: &str) -> Vec<(String, usize, usize, Verdict)> {
        let events: Vec<_> =
            pulldown_cmark::Parser::new_ext(text, super::super::markdown::options())
                .into_offset_iter()
                .collect();
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let at = |o: usize| {
            let l = starts.partition_point(|&s| s <= o) - 1;
            (l + 1, text[starts[l]..o].chars().count() + 1)
        };
        scan(&events, at)
            .findings
            .into_iter()
            .map(|f| (f.url, f.line, f.col, f.verdict))
            .collect()
    }

    #[test]
    fn markdown_links_and_images_at_their_place() {
        let r = found("Hi [x](javascript:alert(1)) and\n![i](https://h.example/i.png)\n");
        assert_eq!(
            r,
            vec![
                ("javascript:alert(1)".into(), 1, 4, Verdict::Refuse),
                ("https://h.example/i.png".into(), 2, 1, Verdict::Remote)
            ]
        );
        assert!(found("<javascript:alert(1)>\n").len() == 1);
        assert!(found("[r]\n\n[r]: vbscript:x\n").len() == 1);
    }

    #[test]
    fn raw_html_read_as_a_browser_reads_it() {
        let r =
            found("<div>\n<a title=\"t\"\n   href=\"jav&#x61;script:alert(1)\">x</a>\n</div>\n");
        assert_eq!(
            r,
            vec![("javascript:alert(1)".into(), 2, 1, Verdict::Refuse)]
        );
        let r = found(
            "Text <img src=\"data:text/html,x\"> and <iframe src=\"https://e.example\"></iframe>\n",
        );
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!((r[0].1, r[0].2, r[0].3), (1, 6, Verdict::Refuse));
        assert_eq!(r[1].3, Verdict::Remote);
        let r = found("<img srcset=\"a.png 1x, https://e.example/b.png 2x\">\n");
        assert_eq!(r.len(), 1);
        assert!(
            found("<a href=\"x.html\" title=\"javascript: the good parts\">b</a>\n").is_empty()
        );
    }
}
