//! The front matter's text as an author laid it out: each line's indentation, list markers
//! and `key: value` shape, the levels a line may start at, and the library's own message.

/// The front matter's lines, read for their indentation and `key: value` shape.
pub(super) struct Lines<'a>(pub(super) Vec<&'a str>, usize);

/// One line's shape: where its `-` markers and its content start (0-based columns), and the
/// content split at the first `: ` into key and value, when it has one.
pub(super) struct Shape<'a> {
    pub(super) dash: Option<usize>,
    pub(super) content_col: usize,
    pub(super) content: &'a str,
    pub(super) key: Option<(&'a str, &'a str)>,
}

pub(super) fn shape(l: &str) -> Shape<'_> {
    let indent = l.len() - l.trim_start_matches(' ').len();
    let mut rest = &l[indent..];
    let mut col = indent;
    let mut dash = None;
    while rest == "-" || rest.starts_with("- ") {
        dash.get_or_insert(col);
        let after = rest[1..].trim_start_matches(' ');
        col += rest.len() - after.len();
        rest = after;
    }
    let content = rest.trim_end();
    let key = if content.starts_with(['"', '\'', '[', '{', '#']) {
        None
    } else if let Some(k) = content.strip_suffix(':') {
        Some((k, ""))
    } else {
        content
            .split_once(": ")
            .map(|(k, v)| (k.trim_end(), strip_comment(v.trim())))
    };
    Shape {
        dash,
        content_col: col,
        content,
        key: key.filter(|(k, _)| !k.is_empty()),
    }
}

/// A value without its trailing comment (`days:   # the days` has none).
pub(super) fn strip_comment(v: &str) -> &str {
    if v.starts_with('#') {
        return "";
    }
    if v.starts_with(['"', '\'']) {
        return v;
    }
    v.split_once(" #").map_or(v, |(a, _)| a.trim_end())
}

/// A value that carries on to the next lines as plain text (no quotes, no block marker).
pub(super) fn plain_value(v: &str) -> bool {
    !v.is_empty() && !v.starts_with(['"', '\'', '|', '>', '[', '{', '&', '*', '!'])
}

impl<'a> Lines<'a> {
    /// `by`: how many lines of the file come before the front matter.
    pub(super) fn new(text: &'a str, by: usize) -> Self {
        Lines(text.lines().collect(), by)
    }
    /// A line of the front matter as a line of the file, for messages.
    pub(super) fn file(&self, line: usize) -> usize {
        line + self.1
    }
    pub(super) fn get(&self, line: usize) -> &'a str {
        line.checked_sub(1)
            .and_then(|i| self.0.get(i))
            .copied()
            .unwrap_or("")
    }
    /// The last line before `line` that holds something (not blank, not a comment).
    pub(super) fn before(&self, line: usize) -> Option<usize> {
        (1..line.min(self.0.len() + 1)).rev().find(|&n| {
            let t = self.get(n).trim();
            !t.is_empty() && !t.starts_with('#')
        })
    }
}

/// The byte offset of the last bracket left open at the end of `l`, outside quotes and
/// comments.
pub(super) fn open_at_end(l: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in l.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if matches!(prev, ' ' | '[' | '{' | ',' | ':') => quote = Some(c),
            (None, '#') if prev == ' ' => break,
            (None, '[' | '{') => open.push(i),
            (None, ']' | '}') => {
                open.pop();
            }
            _ => {}
        }
        prev = c;
    }
    open.last().copied()
}

/// Where `v`, a piece of `l`, starts in it (the end of `l` if `v` is not a piece of it).
pub(super) fn offset_in(l: &str, v: &str) -> usize {
    let (a, b) = (l.as_ptr() as usize, v.as_ptr() as usize);
    if b >= a && b + v.len() <= a + l.len() {
        b - a
    } else {
        l.len()
    }
}

pub(super) fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

/// `"value"`, or `'value'` when the value has double quotes in it.
pub(super) fn quoted(v: &str) -> String {
    if v.contains('"') && !v.contains('\'') {
        format!("'{v}'")
    } else {
        format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// The columns a line after `p` may start at: `p`'s and those of the keys it sits under.
pub(super) fn levels(lines: &Lines, p: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut min = usize::MAX;
    for n in (1..=p).rev() {
        let s = shape(lines.get(n));
        if s.content.is_empty() || s.content.starts_with('#') {
            continue;
        }
        if s.content_col < min {
            out.push(s.content_col);
            min = s.content_col;
        }
        // A list's `-` column is a level only where the list's key stands at it too.
        if let Some(d) = s.dash
            && d < min
        {
            min = d;
        }
    }
    out
}

/// The key above `p` whose column is nearest `col`: (its line, its column).
pub(super) fn nearest(lines: &Lines, p: usize, col: usize) -> (usize, usize) {
    let mut best = (p, shape(lines.get(p)).content_col);
    let mut min = usize::MAX;
    for n in (1..=p).rev() {
        let s = shape(lines.get(n));
        if s.content.is_empty() || s.content_col >= min {
            continue;
        }
        min = s.content_col;
        if s.content_col.abs_diff(col) < best.1.abs_diff(col) {
            best = (n, s.content_col);
        }
    }
    best
}

/// The error's message for a diagnostic, rendered by serde-saphyr itself: its own position
/// left off (the diagnostic carries it) and any other it names (an alias's anchor) counted
/// from the start of the file, `by` lines before the front matter, not of the front matter.
pub(crate) fn message(e: &serde_saphyr::Error, by: usize) -> String {
    let no_place = NoPlace;
    let formatter = serde_saphyr::DefaultMessageFormatter.with_localizer(&no_place);
    let options = serde_saphyr::render_options! {
        formatter: &formatter,
        snippets: serde_saphyr::SnippetMode::Off,
        line_offset: by as u64,
    };
    let msg = e.render_with_options(options);
    msg.lines().next().unwrap_or("invalid YAML").to_string()
}

/// English as serde-saphyr words it, less the position of the error itself (where it is,
/// or where the alias that led to it is used).
struct NoPlace;

impl serde_saphyr::Localizer for NoPlace {
    fn alias_used_at(&self, _: serde_saphyr::Location) -> String {
        String::new()
    }

    fn attach_location<'a>(
        &self,
        base: std::borrow::Cow<'a, str>,
        _: serde_saphyr::Location,
    ) -> std::borrow::Cow<'a, str> {
        base
    }
}
