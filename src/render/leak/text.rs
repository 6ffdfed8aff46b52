//! Output files as the leak scan reads them: as words, whatever their format (markup
//! without tags and entities, JSON and JavaScript unescaped, calendars unfolded, zips member
//! by member).

use std::io::Read;

use super::{Content, MAX_MEMBER_BYTES, MAX_MEMBERS, Output, words};

/// An output's bytes, where it may hold text (images and fonts are not read).
pub(super) fn bytes_of(o: &Output) -> Option<std::borrow::Cow<'_, [u8]>> {
    match &o.content {
        Content::Bytes(b) => Some(b.into()),
        Content::Static(b) => Some((*b).into()),
        // Files copied from the content folder are part of the site too.
        Content::Copy(p) if is_text(&o.path) => std::fs::read(p).ok().map(Into::into),
        Content::Deferred(d) => d.render().ok().map(Into::into),
        Content::Copy(_) => None,
    }
}

/// The text of a file as words, by kind: markup without its tags and entities, a calendar
/// unfolded and unescaped, a zip (a `.docx`, `site.zip`) member by member.
pub(super) fn texts_of(path: &str, bytes: &[u8], out: &mut dyn FnMut(&str, &str), depth: usize) {
    if bytes.starts_with(b"PK\x03\x04") {
        if depth < 2 {
            zip_members(path, std::io::Cursor::new(bytes), out, depth);
        }
        return;
    }
    let ext = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let text = String::from_utf8_lossy(bytes);
    let plain = match ext.as_str() {
        "html" | "htm" | "xhtml" | "xml" | "svg" | "rels" => unescape_json(&markup_text(&text)),
        "ics" => calendar_text(&text),
        _ => unescape_json(&text),
    };
    out(path, &words(&plain));
    // The search index writes its texts one character a word: read back, they are words.
    if path.rsplit(['/', ':']).next() == Some("searchindex.js") {
        out(path, &words(&crate::render::search::text(&text)));
    }
}

pub(super) fn zip_members(
    path: &str,
    reader: impl std::io::Read + std::io::Seek,
    out: &mut dyn FnMut(&str, &str),
    depth: usize,
) {
    let Ok(mut z) = zip::ZipArchive::new(reader) else {
        return;
    };
    for i in 0..z.len().min(MAX_MEMBERS) {
        let Ok(f) = z.by_index(i) else {
            continue;
        };
        let name = f.name().unwrap_or_default().to_string();
        let mut buf = Vec::new();
        if f.take(MAX_MEMBER_BYTES).read_to_end(&mut buf).is_err() {
            continue;
        }
        texts_of(&format!("{path}:{name}"), &buf, out, depth + 1);
    }
}

/// Markup as it reads: tags removed (a block's tag is a space, an inline one is nothing, so
/// `un<em>believ</em>able` stays one word), entities decoded.
pub(super) fn markup_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..i]));
        let Some(j) = rest[i..].find('>') else {
            rest = &rest[i..];
            break;
        };
        let tag = &rest[i + 1..i + j];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
        // Where a link leads is part of what a page gives away.
        for attr in ["href=\"", "src=\""] {
            if let Some(k) = tag.find(attr)
                && let Some(v) = tag[k + attr.len()..].split('"').next()
            {
                out.push(' ');
                out.push_str(v);
                out.push(' ');
            }
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Tags that do not separate words: HTML's phrasing elements and Word's runs.
const INLINE: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "code",
    "data",
    "del",
    "dfn",
    "em",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
    "w:r",
    "w:t",
    "w:rpr",
    "w:b",
    "w:i",
    "w:u",
    "w:fldsimple",
];

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &after[..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => ent
                    .strip_prefix("#x")
                    .or_else(|| ent.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `\uXXXX` and `\n`-style escapes of JSON and JavaScript strings, decoded.
pub(super) fn unescape_json(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(d) => out.push(d),
                    None => out.push(' '),
                }
            }
            Some('n' | 'r' | 't') => out.push(' '),
            Some(d) => out.push(d),
            None => {}
        }
    }
    out
}

/// A calendar's text: folded lines joined, `\,` `\;` `\n` escapes read.
pub(super) fn calendar_text(s: &str) -> String {
    let unfolded = s.replace("\r\n ", "").replace("\n ", "");
    let mut out = String::with_capacity(unfolded.len());
    let mut chars = unfolded.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push(' '),
                Some(d) => out.push(d),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn is_text(path: &str) -> bool {
    let ext = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "html"
            | "htm"
            | "txt"
            | "md"
            | "csv"
            | "tsv"
            | "js"
            | "mjs"
            | "json"
            | "xml"
            | "svg"
            | "ics"
            | "css"
            | "docx"
            | "xlsx"
            | "pptx"
            | "odt"
            | "zip"
            | "rtf"
            | "yaml"
            | "yml"
    )
}
