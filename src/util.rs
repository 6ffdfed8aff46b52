//! Small text helpers shared by several stages.

/// Escape text for HTML element content and attribute values. Runs over bytes and copies
/// unescaped stretches whole: it is on the path of every value a template prints.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    each_escaped(s, |part| out.push_str(part));
    out
}

/// [`escape_html`] into a writer: Tera's escape function, so templates print without an
/// intermediate string.
pub fn escape_html_to(s: &str, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut r = Ok(());
    each_escaped(s, |part| {
        if r.is_ok() {
            r = w.write_all(part.as_bytes());
        }
    });
    r
}

/// Calls `out` with the stretches of `s` and the escapes between them, in order.
fn each_escaped<'a>(s: &'a str, mut out: impl FnMut(&'a str)) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        if last < i {
            out(&s[last..i]);
        }
        out(rep);
        last = i + 1;
    }
    if last < s.len() {
        out(&s[last..]);
    }
}

/// Whitespace collapsed and cut at a word boundary to at most `max` characters, with an
/// ellipsis when cut: snippets for search and summaries.
pub fn truncate_words(s: &str, max: usize) -> String {
    // One pass that stops at `max`: bodies are long and snippets short.
    let mut out = String::with_capacity(s.len().min(max * 2) + 4);
    let mut count = 0;
    for word in s.split_whitespace() {
        let n = word.chars().count();
        let sep = usize::from(count > 0);
        if count + sep + n > max {
            if count == 0 {
                out.extend(word.chars().take(max));
            }
            out.push('…');
            return out;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
        count += sep + n;
    }
    out
}

/// `s` without control characters (NUL, escape, DEL, C1 ...), keeping tabs and line breaks:
/// front-matter and book.toml text, where a YAML or TOML escape can write any of them.
pub fn strip_controls(s: &str) -> std::borrow::Cow<'_, str> {
    // Every source file passes here: look at bytes first (a control character is a byte
    // below 0x20, 0x7F, or U+0080..U+009F, which UTF-8 starts with 0xC2), and decode only
    // when one of those bytes is there.
    // (In chunks, with no early exit inside one, so the compiler can use vector compares.)
    let maybe = s.as_bytes().chunks(64).any(|c| {
        c.iter().fold(false, |seen, &b| {
            seen | ((b < 0x20) & (b != b'\t') & (b != b'\n')) | (b == 0x7f) | (b == 0xc2)
        })
    });
    if maybe && s.chars().any(|c| c.is_control() && c != '\t' && c != '\n') {
        s.chars()
            .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// A title as every output shows it: one line of text. Tabs and line breaks become spaces,
/// other control characters are dropped, and the ends are trimmed.
pub fn clean_title(s: &str) -> String {
    let line_break =
        |c: char| c.is_control() && c.is_whitespace() || matches!(c, '\u{2028}' | '\u{2029}');
    if !s.chars().any(|c| c.is_control() || line_break(c)) && s.trim() == s {
        return s.to_string();
    }
    s.chars()
        .filter_map(|c| {
            if line_break(c) {
                Some(' ')
            } else if c.is_control() {
                None
            } else {
                Some(c)
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Standard base64 with padding (RFC 4648), for bytes carried in JSON.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A heading or file slug: lowercase letters and digits joined by single hyphens.
/// Non-ASCII letters are kept (browsers handle them in fragments).
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c == '_' || c == '-' || c.is_whitespace() || c.is_ascii_punctuation() {
            dash = true;
        }
    }
    out
}

/// Decode `%XX` escapes in a link path; invalid escapes are kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Encode a site-relative path for use in an `href`: spaces, `%`, `?`, `:`, non-ASCII and
/// the like are percent-encoded; `/` stays; the first `#` starts the fragment (a later one is
/// encoded). A `:` would make `javascript:x/a.html` a `javascript:` address rather than a
/// file. The search index holds its URLs already so encoded (render/search.rs).
pub fn encode_path(p: &str) -> String {
    match p.split_once('#') {
        Some((path, frag)) => format!("{}#{}", encode_bytes(path), encode_bytes(frag)),
        None => encode_bytes(p),
    }
}

/// A file's site-relative path as an `href`, every `#` part of the name (a package
/// manifest's `<file href>`, lms/).
pub fn encode_file_path(p: &str) -> String {
    encode_bytes(p)
}

fn encode_bytes(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `../` repeated once per folder in `path` (a site-relative file path), so a page can
/// link to any other page relatively and work from file:// and any sub-path.
pub fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xFF, 0xFE]), "//4=");
    }

    #[test]
    fn control_characters_go_and_everything_else_stays() {
        assert_eq!(strip_controls("a\u{0}b\u{7f}c\u{85}d\u{9f}e"), "abcde");
        assert_eq!(strip_controls("tab\tline\ncr\r"), "tab\tline\ncr");
        // Letters whose UTF-8 starts with 0xC2 or 0xC3 are not control characters.
        let kept = "\u{a0}nbsp £ é ü Ω 漢";
        assert!(matches!(
            strip_controls(kept),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(strip_controls(kept), kept);
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Running the session"), "running-the-session");
        assert_eq!(slugify("  What's next?  "), "what-s-next");
        assert_eq!(slugify("Café – 2"), "café-2");
    }

    #[test]
    fn snippets_cut_at_a_word() {
        assert_eq!(truncate_words("  a  short\n text ", 20), "a short text");
        assert_eq!(truncate_words("one two three", 7), "one two…");
        assert_eq!(truncate_words("one two three", 6), "one…");
        assert_eq!(truncate_words("abcdefghij", 4), "abcd…");
        assert_eq!(truncate_words("été à la plage", 6), "été à…");
        assert_eq!(truncate_words("", 5), "");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape_html("<b a=\"x\">&'"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn paths() {
        assert_eq!(percent_decode("my%20file.md"), "my file.md");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(encode_path("a b/é.html"), "a%20b/%C3%A9.html");
        assert_eq!(encode_path("t.html#a b"), "t.html#a%20b");
        assert_eq!(
            encode_path("javascript:alert(1)/index.html"),
            "javascript%3Aalert(1)/index.html"
        );
        assert_eq!(root_prefix("a/b/c.html"), "../../");
        assert_eq!(root_prefix("index.html"), "");
    }
}

/// Rewrites the relative `href`/`src` URLs in `html`, written for the page at site path
/// `from`, so they work in the page at `to` (a session's body shown in print.html, say).
/// Links to a fragment alone point back at `from`, whose headings they name.
pub fn rebase_links(html: &str, from: &str, to: &str) -> String {
    let from_dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    let up = root_prefix(to);
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some((attr_end, value_end)) = find_attr(rest) {
        out.push_str(&rest[..attr_end]);
        let url = &rest[attr_end..value_end];
        out.push_str(&rebase_one(url, from, from_dir, &up));
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

/// Byte range of the value of the next ` href="` or ` src="` in `s`. One pass over `s`
/// (memchr for `=`): print pages run this over every session's body.
fn find_attr(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = s[from..].find('=') {
        let eq = from + i;
        from = eq + 1;
        if s[from..].starts_with('"') && (s[..eq].ends_with(" href") || s[..eq].ends_with(" src")) {
            let start = eq + 2;
            let end = start + s[start..].find('"')?;
            return Some((start, end));
        }
    }
    None
}

fn rebase_one(url: &str, from: &str, from_dir: &str, up: &str) -> String {
    let external = url.starts_with('/')
        || url
            .find(':')
            .is_some_and(|c| url.find('/').is_none_or(|s| c < s));
    if url.is_empty() || external {
        return url.to_string();
    }
    if url.starts_with('#') {
        return format!("{up}{}{url}", encode_path(from));
    }
    let mut parts: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let (path, tail) = match url.find(['#', '?']) {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return url.to_string();
                }
            }
            s => parts.push(s),
        }
    }
    format!("{up}{}{tail}", parts.join("/"))
}

#[cfg(test)]
mod rebase_tests {
    use super::rebase_links;

    #[test]
    fn links_in_a_moved_body_still_resolve() {
        let html = r##"<a href="05-post-box.html#x">a</a> <a href="../letters/i.html">b</a> <img src="../../assets/l.svg" alt=""> <a href="#top">c</a> <a href="https://e.org/a">d</a>"##;
        let out = rebase_links(html, "rec/day-1/03.html", "rec/print.html");
        assert!(
            out.contains(r#"href="../rec/day-1/05-post-box.html#x""#),
            "{out}"
        );
        assert!(out.contains(r#"href="../rec/letters/i.html""#), "{out}");
        assert!(out.contains(r#"src="../assets/l.svg""#), "{out}");
        assert!(out.contains(r#"href="../rec/day-1/03.html#top""#), "{out}");
        assert!(out.contains(r#"href="https://e.org/a""#), "{out}");
        // Other attributes and text with `=` are left alone.
        let html = r#"<p>x = 1</p><span data-src="a.html" title="b=c"></span><a class="k" href="a.html">a</a>"#;
        let out = rebase_links(html, "rec/day-1/03.html", "rec/print.html");
        assert_eq!(
            out,
            r#"<p>x = 1</p><span data-src="a.html" title="b=c"></span><a class="k" href="../rec/day-1/a.html">a</a>"#
        );
    }
}
