//! Ids made unique on a page that holds several sessions' bodies (print.html): every `id`
//! in a body gets the session's prefix (`day-1-03-case-summaries--key-points`), and the
//! body's links to its own anchors follow, so they still land. A session's own page keeps
//! its ids as written, so links from elsewhere keep working.

/// The prefix of a session's ids on a shared page: its output path as a slug.
pub fn prefix_of(out: &str) -> String {
    crate::util::slugify(out.strip_suffix(".html").unwrap_or(out))
}

/// `html` (a body as the build wrote it: attributes in double quotes) with each `id`
/// prefixed by `prefix--`, and each `href` to one of its own anchors (`#x`, or `own#x`,
/// the session's page as the links were rebased to) made `#prefix--x`. Text, comments and
/// attributes in single quotes are left as they are. One pass over the body.
pub fn scope_ids(html: &str, prefix: &str, own: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |e| e + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let end = tag_end(rest);
        tag(&rest[..end], prefix, own, &mut out);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Where the tag at the start of `s` ends (just past its `>`, outside quotes).
fn tag_end(s: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// One tag, its `id` and in-page `href` values rewritten.
fn tag(t: &str, prefix: &str, own: &str, out: &mut String) {
    let mut rest = t;
    loop {
        let found = [" id=\"", " href=\""]
            .iter()
            .filter_map(|a| find_outside_quotes(rest, a).map(|i| (i, *a)))
            .min_by_key(|(i, _)| *i);
        let Some((i, attr)) = found else {
            break;
        };
        let start = i + attr.len();
        let Some(len) = rest[start..].find('"') else {
            break;
        };
        let value = &rest[start..start + len];
        out.push_str(&rest[..start]);
        if attr == " id=\"" {
            out.push_str(&format!("{prefix}--{value}"));
        } else {
            let frag = value
                .strip_prefix('#')
                .or_else(|| value.strip_prefix(own).and_then(|v| v.strip_prefix('#')));
            match frag {
                Some(f) if !f.is_empty() => out.push_str(&format!("#{prefix}--{f}")),
                _ => out.push_str(value),
            }
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
}

/// The first `needle` in `s` that is not inside a quoted attribute value.
fn find_outside_quotes(s: &str, needle: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut quote: Option<u8> = None;
    for i in 0..bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if s[i..].starts_with(needle) => return Some(i),
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_own_anchors_get_the_prefix_and_nothing_else_changes() {
        let html = "<h2 id=\"key-points\">Key points</h2>\n<p>See <a href=\"#key-points\">above</a>, <a href=\"../day-1/a.html#key-points\">also</a>, <a href=\"../day-1/b.html#x\">b</a>, <a href=\"https://e.org/#y\">e</a>.</p><p>id=\"text\" stays</p><!-- <a id=\"c\"> --><span title=\"x id=&quot;q&quot;\" id=\"s\">s</span><sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup><div class=\"footnote-definition\" id=\"1\"></div>";
        let got = scope_ids(html, "day-1-a", "../day-1/a.html");
        assert!(got.contains("<h2 id=\"day-1-a--key-points\">"), "{got}");
        assert_eq!(
            got.matches("href=\"#day-1-a--key-points\"").count(),
            2,
            "{got}"
        );
        assert!(got.contains("href=\"../day-1/b.html#x\""), "{got}");
        assert!(got.contains("href=\"https://e.org/#y\""), "{got}");
        assert!(got.contains("<p>id=\"text\" stays</p>"), "{got}");
        assert!(got.contains("<!-- <a id=\"c\"> -->"), "{got}");
        assert!(got.contains("id=\"day-1-a--s\""), "{got}");
        assert!(got.contains("href=\"#day-1-a--1\""), "{got}");
        assert!(got.contains("id=\"day-1-a--1\""), "{got}");
        assert_eq!(
            prefix_of("day-1/03-case-summaries.html"),
            "day-1-03-case-summaries"
        );
    }
}
