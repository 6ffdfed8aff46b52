//! Small text helpers shared by several stages.

/// Escape text for HTML element content and attribute values. Runs over bytes and copies
/// unescaped stretches whole: it is on the path of every value a template prints.
pub fn escape_html(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len() + 16);
    let mut last = 0;
    for (i, b) in bytes.iter().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
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

/// Encode a site-relative path for use in an `href`: spaces, `%`, `#`, `?` and non-ASCII
/// are percent-encoded; `/` stays.
pub fn encode_path(p: &str) -> String {
    if let Some((path, frag)) = p.split_once('#') {
        return format!("{}#{}", encode_path(path), encode_path(frag));
    }
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~!$&'()*+,;=:@".contains(&b) {
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
    fn slugs() {
        assert_eq!(slugify("Running the session"), "running-the-session");
        assert_eq!(slugify("  What's next?  "), "what-s-next");
        assert_eq!(slugify("Café – 2"), "café-2");
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
        assert_eq!(root_prefix("a/b/c.html"), "../../");
        assert_eq!(root_prefix("index.html"), "");
    }
}
