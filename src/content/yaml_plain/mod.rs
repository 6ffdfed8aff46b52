//! YAML mistakes in an author's words: the parser's message (serde-saphyr) and a look at the
//! source text become a plain message, a hint that applies, and the place of the mistake
//! (the line before, when the parser only noticed it on the next one). Also the mistakes the
//! parser accepts without a word, where a list item turns into part of the text above it.
//!
//! Lines and columns here are 1-based within the front matter.

mod lines;

pub(super) use lines::message;
use lines::{
    Lines, Shape, indent, levels, nearest, offset_in, open_at_end, plain_value, quoted, shape,
};

/// A mistake as the author should read it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Plain {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
}

fn plain(line: usize, col: usize, message: String, hint: String) -> Option<Plain> {
    Some(Plain {
        line,
        col,
        message,
        hint,
    })
}

/// The plain reading of a parse error that serde-saphyr reported as `msg` at `line`:`col`.
pub(super) fn explain(msg: &str, line: usize, col: usize, text: &str, by: usize) -> Plain {
    let lines = Lines::new(text, by);
    let line = line.clamp(1, lines.0.len().max(1));
    tab(&lines, line, msg.contains("tab"))
        .or_else(|| first_indented(&lines))
        .or_else(|| unclosed_bracket(&lines, line))
        .or_else(|| quotes(&lines, msg, line, col))
        .or_else(|| duplicate(&lines, msg, line, col))
        .or_else(|| structure(&lines, msg, line, col))
        .or_else(|| starts_badly(&lines, msg, line, col))
        .unwrap_or_else(|| Plain {
            line,
            col,
            message: format!("this line is not valid YAML ({msg})"),
            hint: "front matter is `key: value` lines between two `---` lines; check this line's indentation, and put text in quotes if it has `: ` in it or starts with `[`, `{`, `*`, `&`, `@` or a backtick".into(),
        })
}

/// A tab in the indentation, at or before the error (anywhere, when the parser says tab).
fn tab(lines: &Lines, line: usize, said: bool) -> Option<Plain> {
    let last = if said { lines.0.len() } else { line };
    (1..=last).find_map(|n| {
        let l = lines.get(n);
        let lead = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
        let at = lead.find('\t')?;
        plain(
            n,
            at + 1,
            "a tab is used for indenting: use spaces".into(),
            "YAML indents with spaces only: replace the tab with spaces (two for each level)"
                .into(),
        )
    })
}

/// The first key indented: the keys of front matter start at the left edge.
fn first_indented(lines: &Lines) -> Option<Plain> {
    let first = (1..=lines.0.len()).find(|&n| {
        let t = lines.get(n).trim();
        !t.is_empty() && !t.starts_with('#')
    })?;
    let at = indent(lines.get(first));
    if at == 0 {
        return None;
    }
    plain(
        first,
        at + 1,
        "the first line is indented: front matter starts at the left edge".into(),
        "take the spaces away from the start of this line; indent only what belongs under a key"
            .into(),
    )
}

/// A `[` or `{` that is still open at the end of its line when the next line is not more
/// indented (so it cannot be a list carried on over lines).
fn unclosed_bracket(lines: &Lines, line: usize) -> Option<Plain> {
    for n in 1..=line {
        let l = lines.get(n);
        let Some(at) = open_at_end(l) else { continue };
        let next = ((n + 1)..=lines.0.len()).find(|&m| !lines.get(m).trim().is_empty());
        let carried = next.is_some_and(|m| indent(lines.get(m)) > indent(l));
        if carried {
            continue;
        }
        let (open, close) = match l[at..].chars().next() {
            Some('{') => ('{', '}'),
            _ => ('[', ']'),
        };
        let value = shape(l).key.map_or(&l[at..], |(_, v)| v);
        let key = shape(l).key.map_or("title", |(k, _)| k);
        return plain(
            n,
            l[..at].chars().count() + 1,
            format!("the `{open}` opened here is never closed"),
            format!(
                "close it with `{close}` on the same line, or, if the `{open}` is part of the text, put the whole value in quotes: {key}: {}",
                quoted(value)
            ),
        );
    }
    None
}

/// A quote never closed, or text after the closing quote.
fn quotes(lines: &Lines, msg: &str, line: usize, col: usize) -> Option<Plain> {
    let l = lines.get(line);
    if msg.contains("unclosed quote") {
        let q = l.chars().nth(col.saturating_sub(1)).unwrap_or('"');
        let q = if matches!(q, '"' | '\'') { q } else { '"' };
        return plain(
            line,
            col,
            "the quote opened here is never closed".into(),
            format!("end the text with a matching {q} on the same line"),
        );
    }
    if msg.contains("unknown escape") || msg.contains("hexadecimal") {
        let value = shape(l).key.map_or("", |(_, v)| v);
        let single = value
            .trim_matches('"')
            .replace("\\\"", "\"")
            .replace('\'', "''");
        return plain(
            line,
            col,
            "a backslash `\\` inside double quotes starts an escape that YAML does not know".into(),
            format!(
                "write the backslash twice (`\\\\`), or use single quotes, in which a backslash is just a backslash: {}: '{single}'",
                shape(l).key.map_or("title", |(k, _)| k)
            ),
        );
    }
    if msg.contains("misplaced bracket") {
        let c = l.chars().nth(col.saturating_sub(1)).unwrap_or(']');
        let (key, value) = shape(l).key.unwrap_or(("title", l.trim()));
        return plain(
            line,
            col,
            format!("this `{c}` closes nothing: there is one too many"),
            format!(
                "take it out, or, if it is part of the text, put the whole value in quotes: {key}: {}",
                quoted(value)
            ),
        );
    }
    if !msg.contains("trailing content after") {
        return None;
    }
    let (key, value) = shape(l).key?;
    let single = value.starts_with('\'');
    let start = offset_in(l, value);
    let fix = if single {
        format!(
            "a ' inside single quotes is written twice ({key}: '{}'), or put the value in double quotes",
            value.trim_matches('\'').replace('\'', "''")
        )
    } else {
        format!("put the whole value in quotes: {key}: {}", quoted(value))
    };
    plain(
        line,
        l[..start.min(l.len())].chars().count() + 1,
        "text goes on after the closing quote".into(),
        fix,
    )
}

/// `duplicate mapping key: title, …`: where the key was first given.
fn duplicate(lines: &Lines, msg: &str, line: usize, col: usize) -> Option<Plain> {
    let rest = msg.strip_prefix("duplicate mapping key: ")?;
    let key = rest.split(',').next().unwrap_or(rest).trim();
    let here = shape(lines.get(line)).content_col;
    let mut first = None;
    for n in (1..line).rev() {
        let s = shape(lines.get(n));
        if s.content.is_empty() || s.content.starts_with('#') {
            continue;
        }
        if s.content_col < here || (s.content_col == here && s.dash.is_some()) {
            if s.content_col == here && s.key.is_some_and(|(k, _)| k == key) {
                first = Some(n);
            }
            break;
        }
        if s.content_col == here && s.key.is_some_and(|(k, _)| k == key) {
            first = Some(n);
        }
    }
    let said = match first {
        Some(n) => format!("`{key}` is given twice (first on line {})", lines.file(n)),
        None => format!("`{key}` is given twice"),
    };
    plain(
        line,
        col,
        said,
        format!("keep one `{key}`: the two cannot both hold"),
    )
}

/// Indentation and colons: the messages about mappings and lists.
fn structure(lines: &Lines, msg: &str, line: usize, col: usize) -> Option<Plain> {
    let mapping = msg.contains("mapping values are not allowed");
    let expected = msg.contains("did not find expected") || msg.contains("simple key expected");
    if !mapping && !expected && !msg.contains("':' indicator") {
        return None;
    }
    if let Some(p) = judge(lines, line) {
        return Some(p);
    }
    let l = lines.get(line);
    let s = shape(l);
    if mapping
        && let Some((key, value)) = s.key
        && value.contains(": ")
    {
        let what = if key == "title" {
            "a title".to_string()
        } else {
            format!("`{key}`")
        };
        let start = offset_in(l, value);
        return plain(
            line,
            l[..start.min(l.len())].chars().count() + 1,
            format!("a colon inside {what} needs quotes"),
            format!("put the value in quotes: {key}: {}", quoted(value)),
        );
    }
    if msg.contains("simple key expected") && s.key.is_none() && !s.content.is_empty() {
        let fix = s.content.replacen(' ', ": ", 1);
        return plain(
            line,
            s.content_col + 1,
            format!("`{}` is not a `key: value` line", s.content),
            format!("put a colon and a space after the key: {fix}"),
        );
    }
    // The parser noticed only at the start of this line: the mistake is the line before.
    let at_start = col <= s.content_col + 1 || indent(l) == 0;
    if at_start && let Some(p) = lines.before(line) {
        return judge(lines, p);
    }
    None
}

/// Whether `line`'s indentation makes sense after the line before it.
fn judge(lines: &Lines, line: usize) -> Option<Plain> {
    let p = lines.before(line)?;
    let (l, pl) = (lines.get(line), lines.get(p));
    let (s, ps) = (shape(l), shape(pl));
    if s.content.is_empty() || s.content.starts_with('#') {
        return None;
    }
    if let Some(d) = s.dash {
        let under = ps.key.filter(|(_, pv)| plain_value(pv)).map(|(pk, _)| pk);
        if let Some(pk) = under
            && d > ps.content_col
        {
            return under_value(lines, line, d, pk, p);
        }
        // The item before it in its list: the nearest line above with a `-` not further
        // right, passing over what is indented under it.
        for n in (1..line).rev() {
            let o = shape(lines.get(n));
            if o.content.is_empty() || o.content.starts_with('#') {
                continue;
            }
            match o.dash {
                Some(od) if od != d => return misaligned_item(lines, line, d, n, od),
                Some(_) => return None,
                None if o.content_col < d => break,
                None => {}
            }
        }
        return under.and_then(|pk| under_value(lines, line, d, pk, p));
    }
    let kc = s.content_col;
    let this = s.key.map_or("it".to_string(), |(k, _)| format!("`{k}:`"));
    let other = |o: &Shape, n: usize| match o.key {
        Some((k, _)) => format!("`{k}:` on line {}", lines.file(n)),
        None => format!("line {}", lines.file(n)),
    };
    let has_value = ps.key.is_none_or(|(_, v)| has_value(v));
    if kc > ps.content_col && has_value {
        let under = match ps.key {
            Some((pk, _)) => {
                format!("; or, if it belongs under `{pk}`, leave nothing after `{pk}:`")
            }
            None => String::new(),
        };
        return plain(
            line,
            kc + 1,
            "this line is indented more than the one before".into(),
            format!("line {this} up with {}{under}", other(&ps, p)),
        );
    }
    // At the column of a list's `-`, only another `- item` may stand.
    if let Some(pd) = ps.dash
        && kc == pd
        && kc < ps.content_col
        && !levels(lines, p).contains(&kc)
    {
        return plain(
            line,
            kc + 1,
            "this line is indented less than the one before: it stands where the list's `-` does"
                .into(),
            format!(
                "line {this} up with {} (column {}), or make it a new item: - {}",
                other(&ps, p),
                ps.content_col + 1,
                s.content
            ),
        );
    }
    if kc < ps.content_col && !levels(lines, p).contains(&kc) {
        let (near_line, near) = nearest(lines, p, kc);
        return plain(
            line,
            kc + 1,
            "this line is indented less than the one before, and lines up with nothing above it"
                .into(),
            format!(
                "line {this} up with {} (column {})",
                other(&shape(lines.get(near_line)), near_line),
                near + 1
            ),
        );
    }
    None
}

/// A value on the key's own line, after which nothing can be indented under the key (a
/// block scalar's `|` or `>`, or an anchor or tag alone, expects more lines).
fn has_value(v: &str) -> bool {
    !v.is_empty() && !v.starts_with(['|', '>', '&', '!'])
}

fn under_value(lines: &Lines, line: usize, dash: usize, key: &str, p: usize) -> Option<Plain> {
    plain(
        line,
        dash + 1,
        format!(
            "a list item `-` under `{key}`, which already has a value on line {}",
            lines.file(p)
        ),
        format!(
            "to make `{key}` a list, leave nothing after `{key}:` and put each item on a line of its own below it, as `  - item`"
        ),
    )
}

fn misaligned_item(lines: &Lines, line: usize, dash: usize, p: usize, pd: usize) -> Option<Plain> {
    let more = if dash > pd { "more" } else { "less" };
    let p = lines.file(p);
    plain(
        line,
        dash + 1,
        format!(
            "this list item `-` is indented {more} than the one on line {p}: items of one list line up"
        ),
        format!(
            "put the `-` in column {}, under the one on line {p}",
            pd + 1
        ),
    )
}

/// A value that starts with a character YAML reads as something else.
fn starts_badly(lines: &Lines, msg: &str, line: usize, col: usize) -> Option<Plain> {
    let l = lines.get(line);
    let s = shape(l);
    let (key, value) = s.key?;
    let first = value.chars().next()?;
    if !matches!(
        first,
        '*' | '&' | '@' | '`' | '%' | '!' | '[' | '{' | '|' | '>'
    ) {
        return None;
    }
    let at = l[..offset_in(l, value)].chars().count() + 1;
    let flow = msg.contains("trailing") || msg.contains("flow") || msg.contains("expected");
    match first {
        '[' | '{' if !flow => return None,
        '[' | '{' => {}
        _ if col != at && col != at + 1 => return None,
        _ => {}
    }
    let read_as = match first {
        '[' => " (YAML reads it as a list)",
        '{' => " (YAML reads it as a mapping)",
        '*' | '&' => " (YAML reads it as a reference)",
        _ => "",
    };
    plain(
        line,
        at,
        format!(
            "a value that starts with {} needs quotes{read_as}",
            match first {
                '`' => "a backtick".to_string(),
                c => format!("`{c}`"),
            }
        ),
        format!("put the value in quotes: {key}: {}", quoted(value)),
    )
}

/// Mistakes the parser accepts: a `- item` under a line that already has a plain value,
/// which YAML reads as more of that value, so the item is lost from the list.
pub(super) fn silent(text: &str, by: usize) -> Option<Plain> {
    let lines = Lines::new(text, by);
    for line in 1..=lines.0.len() {
        let s = shape(lines.get(line));
        let Some(d) = s.dash else { continue };
        let Some(p) = lines.before(line) else {
            continue;
        };
        let ps = shape(lines.get(p));
        match (ps.key, ps.dash) {
            (Some((pk, pv)), _) if plain_value(pv) && d > ps.content_col => {
                return under_value(&lines, line, d, pk, p);
            }
            (None, Some(pd)) if plain_value(ps.content) && d > pd => {
                return misaligned_item(&lines, line, d, p, pd);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, line: usize, col: usize, msg: &str) -> Plain {
        explain(msg, line, col, text, 0)
    }

    #[test]
    fn indentation_more_and_less() {
        let p = at(
            "title: A\n  day: 1\n",
            2,
            6,
            "mapping values are not allowed in this context",
        );
        assert_eq!((p.line, p.col), (2, 3));
        assert_eq!(p.message, "this line is indented more than the one before");
        let t = "title: A\nprompts:\n  - text: a\n   note: b\n";
        let p = at(
            t,
            4,
            4,
            "while parsing a block collection, did not find expected '-' indicator",
        );
        assert_eq!((p.line, p.col), (4, 4));
        assert!(p.message.contains("indented less"), "{p:?}");
        assert!(p.hint.contains("`text:` on line 3"), "{p:?}");
    }

    #[test]
    fn colon_tab_quote_and_brackets() {
        let p = at(
            "title: Recording: why it matters\n",
            1,
            17,
            "mapping values are not allowed in this context",
        );
        assert_eq!(
            (p.line, p.col, p.message.as_str()),
            (1, 8, "a colon inside a title needs quotes")
        );
        assert_eq!(
            p.hint,
            "put the value in quotes: title: \"Recording: why it matters\""
        );
        let p = at(
            "title: A\n\tday: 1\n",
            1,
            8,
            "while scanning a plain scalar, found a tab",
        );
        assert_eq!((p.line, p.col), (2, 1));
        let p = at(
            "title: [unclosed\nday: 1\n",
            2,
            4,
            "illegal placement of ':' indicator",
        );
        assert_eq!((p.line, p.col), (1, 8));
        assert_eq!(p.message, "the `[` opened here is never closed");
        // A list carried on over lines is not unclosed.
        assert!(unclosed_bracket(&Lines::new("a: [1,\n  2]\n", 0), 2).is_none());
    }

    /// Whatever the parser says, wherever it says it: an answer, never a panic.
    #[test]
    fn any_message_at_any_place_is_answered() {
        let texts = [
            "",
            "-",
            "- - -",
            "\t",
            "a: [",
            "é: ü: ß",
            "  - a: b\n -",
            "'",
            "\"\\",
            "a:\n\n\n  b",
            "ключ: значение: ещё\n  - x",
            "a: 'b' c\n",
            "? x\n: y",
            "a: |\n  t\n u",
        ];
        let messages = [
            "mapping values are not allowed in this context",
            "did not find expected key",
            "did not find expected '-' indicator",
            "simple key expected ':'",
            "unclosed quote",
            "invalid trailing content after single-quoted scalar",
            "duplicate mapping key: a, set DuplicateKeyPolicy",
            "found unknown escape character",
            "misplaced bracket",
            "alias references unknown anchor",
            "found a tab",
            "something new",
        ];
        for t in texts {
            for m in messages {
                for line in 0..6 {
                    for col in 0..12 {
                        let p = explain(m, line, col, t, 3);
                        assert!(p.line >= 1 && !p.message.is_empty() && !p.hint.is_empty());
                    }
                }
            }
            let _ = silent(t, 3);
        }
    }

    #[test]
    fn silent_list_mistakes() {
        let p = silent("materials: x\n  - a\n", 0).unwrap();
        assert_eq!((p.line, p.col), (2, 3));
        let p = silent("materials:\n- a\n  - b\n", 0).unwrap();
        assert_eq!((p.line, p.col), (3, 3));
        assert!(
            p.message.contains("indented more than the one on line 2"),
            "{p:?}"
        );
        assert_eq!(
            silent(
                "materials:\n  - a\n  - b\nprompts:\n  - text: x\n    note: y\n",
                0
            ),
            None
        );
        assert_eq!(silent("summary: >\n  - not a list\n", 0), None);
    }
}
