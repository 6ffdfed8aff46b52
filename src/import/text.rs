//! Markdown text as the importers read it: code fences, inline links and images (with a
//! Pandoc `{...}` attribute block after them), and paths between the files written.

/// A code fence opening or closing: its character, length and the rest of the line.
pub fn fence(line: &str) -> Option<(char, usize, &str)> {
    let t = line.trim_start();
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|x| *x == c).count();
    (n >= 3).then(|| (c, n, t[n..].trim()))
}

/// For each line, whether it is code: inside a fenced block, fence lines included.
pub fn code_lines(lines: &[&str]) -> Vec<bool> {
    let mut open: Option<(char, usize)> = None;
    lines
        .iter()
        .map(|l| match (open, fence(l)) {
            (None, Some((c, n, _))) => {
                open = Some((c, n));
                true
            }
            (Some((c, n)), Some((c2, n2, rest))) if c == c2 && n2 >= n && rest.is_empty() => {
                open = None;
                true
            }
            (o, _) => o.is_some(),
        })
        .collect()
}

/// A link or image found in a line.
pub struct Link<'a> {
    pub image: bool,
    pub text: &'a str,
    pub target: &'a str,
    /// What followed the target inside the parentheses (a title), trimmed.
    pub title: &'a str,
    /// A Pandoc attribute block written right after the link, without its braces.
    pub attrs: Option<&'a str>,
}

/// The end (exclusive) of the code span that starts at `i`, if its backticks are closed.
fn code_span_end(b: &[u8], i: usize) -> Option<usize> {
    let n = b[i..].iter().take_while(|c| **c == b'`').count();
    let mut j = i + n;
    while j < b.len() {
        if b[j] == b'`' {
            let m = b[j..].iter().take_while(|c| **c == b'`').count();
            if m == n {
                return Some(j + m);
            }
            j += m;
        } else {
            j += 1;
        }
    }
    None
}

/// The index just past the bracket that closes the one at `open` (`[`/`]` or `(`/`)`).
fn close(b: &[u8], open: usize, o: u8, c: u8) -> Option<usize> {
    let mut depth = 0;
    let mut j = open;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 1,
            b'`' if o == b'[' => {
                if let Some(e) = code_span_end(b, j) {
                    j = e;
                    continue;
                }
            }
            x if x == o => depth += 1,
            x if x == c => {
                depth -= 1;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

fn parse_link(line: &str, i: usize) -> Option<(Link<'_>, usize)> {
    let b = line.as_bytes();
    let image = b[i] == b'!';
    let open = if image { i + 1 } else { i };
    if b.get(open) != Some(&b'[') {
        return None;
    }
    let text_end = close(b, open, b'[', b']')?;
    if b.get(text_end) != Some(&b'(') {
        return None;
    }
    let paren_end = close(b, text_end, b'(', b')')?;
    let inner = line[text_end + 1..paren_end - 1].trim();
    let (target, title) = if let Some(rest) = inner.strip_prefix('<') {
        let e = rest.find('>')?;
        (&rest[..e], rest[e + 1..].trim())
    } else {
        match inner.find(char::is_whitespace) {
            Some(e) => (&inner[..e], inner[e..].trim()),
            None => (inner, ""),
        }
    };
    let mut end = paren_end;
    let mut attrs = None;
    if b.get(end) == Some(&b'{')
        && let Some(e) = line[end..].find('}')
    {
        attrs = Some(&line[end + 1..end + e]);
        end += e + 1;
    }
    let link = Link {
        image,
        text: &line[open + 1..text_end - 1],
        target,
        title,
        attrs,
    };
    Some((link, end))
}

/// The line with every inline link and image (outside code spans) replaced by `f`'s text.
pub fn map_links(line: &str, f: &mut dyn FnMut(&Link) -> String) -> String {
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => match code_span_end(b, i) {
                Some(e) => i = e,
                None => i += b[i..].iter().take_while(|c| **c == b'`').count(),
            },
            b'[' | b'!' => match parse_link(line, i) {
                Some((link, end)) => {
                    out.push_str(&line[copied..i]);
                    out.push_str(&f(&link));
                    i = end;
                    copied = end;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    out.push_str(line.get(copied..).unwrap_or(""));
    out
}

/// A link reference definition, `[label]: target "title"`: (label, target, rest).
pub fn reference_definition(line: &str) -> Option<(&str, &str, &str)> {
    let t = line
        .strip_prefix("   ")
        .or(line.strip_prefix("  "))
        .or(line.strip_prefix(' '))
        .unwrap_or(line);
    let rest = t.strip_prefix('[')?;
    let e = rest.find("]:")?;
    let label = &rest[..e];
    if label.is_empty() || label.starts_with('^') {
        return None;
    }
    let after = rest[e + 2..].trim();
    let (target, title) = match after.find(char::is_whitespace) {
        Some(s) => (&after[..s], after[s..].trim()),
        None => (after, ""),
    };
    (!target.is_empty()).then_some((
        label,
        target.trim_start_matches('<').trim_end_matches('>'),
        title,
    ))
}

/// A reference label as CommonMark matches it: case folded, inner whitespace one space.
pub fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `line` with every reference to a label of `dropped` (`[text][label]`, `[label][]`,
/// `[label]`) made its text, and an image's (`![alt][label]`) its alt text in italics, as
/// an inline link that cannot be kept is; code spans as they are.
pub fn unlink_references(line: &str, dropped: &std::collections::HashSet<String>) -> String {
    if dropped.is_empty() || !line.contains('[') {
        return line.to_string();
    }
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        if b[i] == b'`' {
            i = code_span_end(b, i).unwrap_or(b.len());
            continue;
        }
        if b[i] != b'[' {
            i += 1;
            continue;
        }
        let Some(close) = line[i + 1..].find(['[', ']']).map(|e| i + 1 + e) else {
            break;
        };
        if b[close] == b'[' {
            i = close;
            continue;
        }
        let inner = &line[i + 1..close];
        let after = close + 1;
        let (label, end) = match b.get(after) {
            Some(b'(' | b':') => {
                i = after;
                continue;
            }
            Some(b'[') => match line[after + 1..].find(']') {
                Some(0) => (inner, after + 2),
                Some(e) => (&line[after + 1..after + 1 + e], after + 2 + e),
                None => {
                    i = after;
                    continue;
                }
            },
            _ => (inner, after),
        };
        if !dropped.contains(&label_key(label)) {
            i = after;
            continue;
        }
        let image = i > 0 && b[i - 1] == b'!';
        let start = if image { i - 1 } else { i };
        out.push_str(&line[copied..start]);
        if image {
            out.push_str(&format!("*{inner}*"));
        } else {
            out.push_str(inner);
        }
        copied = end;
        i = end;
    }
    out.push_str(&line[copied..]);
    out
}

/// Whether a link target names another site or scheme (or only an anchor on this page).
pub fn is_external(target: &str) -> bool {
    let scheme = target.find(':').is_some_and(|c| {
        !target[..c].contains('/')
            && target[..c]
                .chars()
                .all(|x| x.is_ascii_alphanumeric() || "+.-".contains(x))
    });
    scheme || target.starts_with("//") || target.starts_with('#') || target.is_empty()
}

/// `rel` (a `/`-separated path) joined to the folder `dir`, `.` and `..` resolved; `None`
/// when it climbs out of the root.
pub fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// The folder of a `/`-separated file path ("" at the root).
pub fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// The relative link from the file `from` to the file `to` (both from the same root).
pub fn relative(from: &str, to: &str) -> String {
    let a: Vec<&str> = dir_of(from).split('/').filter(|p| !p.is_empty()).collect();
    let b: Vec<&str> = to.split('/').collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out: Vec<&str> = vec![".."; a.len() - common];
    out.extend(&b[common..]);
    out.join("/")
}

/// A YAML scalar that reads back as exactly `s` (JSON strings are YAML).
pub fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The text of an ATX heading line, without its `#`s or a trailing `{...}` block.
pub fn heading_text(line: &str) -> Option<String> {
    let t = line.trim_start();
    let n = t.chars().take_while(|c| *c == '#').count();
    if n == 0 || n > 6 || !t[n..].starts_with([' ', '\t']) {
        return None;
    }
    let mut text = t[n..].trim();
    if text.ends_with('}')
        && let Some(s) = text.rfind('{')
    {
        text = text[..s].trim_end();
    }
    Some(text.trim_end_matches('#').trim().to_string())
}

/// Quoted as a blockquote: every line prefixed with `> ` (an empty one with `>`).
pub fn quote(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect()
}

/// Leading and trailing blank lines removed, and runs of blank lines outside code made one.
pub fn trim_blank(lines: Vec<String>) -> Vec<String> {
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let code = code_lines(&refs);
    // Only empty lines: a quoted `>` line may be inside quoted code, which keeps its own.
    let blank = |l: &str| l.trim().is_empty();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for (l, c) in lines.iter().zip(code) {
        if !c && blank(l) && out.last().is_none_or(|p: &String| blank(p)) {
            continue;
        }
        out.push(l.clone());
    }
    while out.last().is_some_and(|l| blank(l)) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_to_dropped_definitions_become_text() {
        let dropped: std::collections::HashSet<String> = ["gone", "two words"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let un = |l: &str| unlink_references(l, &dropped);
        assert_eq!(un("See [the file][gone] now."), "See the file now.");
        assert_eq!(un("See [Gone][] and [gone]."), "See Gone and gone.");
        assert_eq!(un("[x][Two   Words] ![a fig][gone]"), "x *a fig*");
        // Kept: other labels, inline links, definitions, code spans, callouts.
        for same in [
            "[kept][other] [other]",
            "[gone](x.md)",
            "[gone]: x.md",
            "`[a][gone]` and [!NOTE]",
        ] {
            assert_eq!(un(same), same);
        }
    }

    #[test]
    fn links_and_attributes_are_found_outside_code() {
        let mut seen = Vec::new();
        let out = map_links(
            "See `[a](b)` and ![A *fig*](fig/x.png){alt='Alt'} and [`ls`](02.md#x \"t\").",
            &mut |l| {
                seen.push((
                    l.image,
                    l.text.to_string(),
                    l.target.to_string(),
                    l.attrs.map(str::to_string),
                ));
                "L".into()
            },
        );
        assert_eq!(out, "See `[a](b)` and L and L.");
        assert_eq!(
            seen[0],
            (
                true,
                "A *fig*".into(),
                "fig/x.png".into(),
                Some("alt='Alt'".into())
            )
        );
        assert_eq!(seen[1], (false, "`ls`".into(), "02.md#x".into(), None));
    }

    #[test]
    fn paths_join_and_relate() {
        assert_eq!(
            join("episodes", "../learners/setup.md").as_deref(),
            Some("learners/setup.md")
        );
        assert_eq!(join("", "../x.md"), None);
        assert_eq!(relative("episodes/01.md", "setup.md"), "../setup.md");
        assert_eq!(relative("a/b/c.md", "a/d/e.md"), "../d/e.md");
        assert_eq!(relative("x.md", "fig/y.png"), "fig/y.png");
        assert!(is_external("https://x") && is_external("#a") && !is_external("fig/a:b.png"));
    }

    #[test]
    fn code_lines_follow_fences() {
        let lines = ["a", "```bash", ":::: x", "```", "b", "````", "```", "````"];
        assert_eq!(
            code_lines(&lines),
            [false, true, true, true, false, true, true, true]
        );
    }
}
