//! Links: `.md` targets rewritten to `.html`, and every internal link, image and raw-HTML
//! `src`/`href` recorded with its place and whether participants see it.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use super::{Lines, Link};

/// The relative `src="..."` and `href="..."` values of raw HTML.
pub(super) fn html_refs(
    h: &str,
    range: &Range<usize>,
    lines: &Lines,
    public: bool,
    out: &mut Vec<Link>,
) {
    for attr in ["src=\"", "href=\"", "src='", "href='"] {
        let quote = if attr.ends_with('"') { '"' } else { '\'' };
        for (i, _) in h.match_indices(attr) {
            let rest = &h[i + attr.len()..];
            let Some(url) = rest.split(quote).next() else {
                continue;
            };
            if url.is_empty() || is_external(url) || url.starts_with('#') {
                continue;
            }
            let (line, col) = lines.at(range.start);
            out.push(Link {
                url: url.to_string(),
                line,
                col,
                image: attr.starts_with("src"),
                public,
            });
        }
    }
}

/// The `id` values of the tags in a piece of raw HTML (`<a id="x">`, `<dt id='y'>`,
/// `<div id=z>`), which links may name as anchors. Comments are skipped.
pub(super) fn html_ids(h: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = h;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let b = rest.as_bytes();
        // Past the tag's name, then attribute by attribute.
        let mut i = 1;
        if !b.get(1).is_some_and(u8::is_ascii_alphabetic) {
            rest = &rest[1..];
            continue;
        }
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let name_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !b"=>/".contains(&b[i]) {
                i += 1;
            }
            let name = &rest[name_start..i];
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let start = i + 1;
                    let end = rest[start..]
                        .find(q as char)
                        .map_or(rest.len(), |e| start + e);
                    i = (end + 1).min(rest.len());
                    &rest[start..end]
                }
                _ => {
                    let start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    &rest[start..i]
                }
            };
            if name.eq_ignore_ascii_case("id") && !value.trim().is_empty() {
                ids.push(decode_entities(value.trim()));
            }
        }
        rest = &rest[i.min(rest.len())..];
    }
    ids
}

/// The few character references an id is likely to hold, decoded as a browser would.
fn decode_entities(v: &str) -> String {
    if !v.contains('&') {
        return v.to_string();
    }
    v.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Whether `url` names a scheme (`https:`, `mailto:`) or another host (`//host`).
fn is_external(url: &str) -> bool {
    let scheme_end = url.find(':');
    let slash = url.find('/');
    match scheme_end {
        Some(c) => {
            slash.is_none_or(|s| c < s)
                && url[..c]
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || "+-.".contains(ch))
        }
        None => url.starts_with("//"),
    }
}

/// Rewrite `x.md` / `x.md#a` links to `.html` and record every internal link for checking.
pub(super) fn rewrite_link<'a>(
    ev: Event<'a>,
    range: &Range<usize>,
    lines: &Lines,
    links: &mut Vec<Link>,
    public: bool,
) -> Event<'a> {
    match ev {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let url = record(&dest_url, range, lines, links, false, public);
            Event::Start(Tag::Link {
                link_type,
                dest_url: url.map_or(dest_url, CowStr::from),
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            record(&dest_url, range, lines, links, true, public);
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    }
}

/// Records an internal link or image; for a link to a `.md` file or a folder, the URL
/// it becomes.
fn record(
    url: &str,
    range: &Range<usize>,
    lines: &Lines,
    links: &mut Vec<Link>,
    image: bool,
    public: bool,
) -> Option<String> {
    if url.is_empty() || is_external(url) {
        return None;
    }
    let (line, col) = lines.at(range.start);
    links.push(Link {
        url: url.to_string(),
        line,
        col,
        image,
        public,
    });
    let (path, frag) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    };
    if image {
        return None;
    }
    let new_path = if let Some(stem) = path.strip_suffix(".md") {
        format!("{stem}.html")
    } else if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        return None;
    };
    let mut s = new_path;
    if let Some(q) = query {
        s.push('?');
        s.push_str(q);
    }
    if let Some(f) = frag {
        s.push('#');
        s.push_str(f);
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::super::{Body, render};
    use super::html_ids;
    use crate::Audience;

    #[test]
    fn raw_html_ids_in_any_quoting_are_anchors() {
        assert_eq!(
            html_ids(
                "<a id=\"x\"></a><DIV class=a ID='y' hidden><dt id=z>T</dt><!-- <b id=\"no\"> --><p data-id=\"no\">"
            ),
            vec!["x", "y", "z"]
        );
        let m = render(
            "<a id=\"top\"></a>\n\nText <span id=\"mid\">m</span>.\n",
            1,
            Audience::Trainer,
            Body::Shared,
        );
        assert_eq!(m.anchors, vec!["top", "mid"]);
    }

    #[test]
    fn md_links_become_html_and_are_recorded_with_lines() {
        let m = render(
            "Text\n\nSee [a](../day-1/a.md#x) and [w](https://example.org/a.md).\n",
            10,
            Audience::Trainer,
            Body::Shared,
        );
        assert!(m.html.contains("href=\"../day-1/a.html#x\""), "{}", m.html);
        assert!(m.html.contains("href=\"https://example.org/a.md\""));
        assert_eq!(m.links.len(), 1);
        assert_eq!(m.links[0].line, 12);
        assert_eq!(m.links[0].col, 5);
    }
}
