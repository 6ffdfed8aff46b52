//! One diagnostic type from config to render: every stage collects, none exits.

use std::fmt;
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A problem found in the user's input, pointing at a file (relative to the site root) and,
/// where known, a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            path: path.into(),
            line: 0,
            col: 0,
            message: message.into(),
            hint: None,
        }
    }
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, message)
    }
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, message)
    }
    pub fn note(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, path, message)
    }
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        if hint.is_some() {
            self.hint = hint;
        }
        self
    }

    /// `path:line:col: severity: message`, then the hint on its own line.
    pub fn render(&self, colour: bool) -> String {
        self.render_with(colour, None)
    }

    /// [`Diagnostic::render`] with the file's text, when it could be read: the line the
    /// diagnostic points at is quoted under the first line, with a caret under its column
    /// (compiler style), before the hint.
    pub fn render_with(&self, colour: bool, source: Option<&str>) -> String {
        let (on, off) = if colour {
            let c = match self.severity {
                Severity::Error => "\x1b[1;31m",
                Severity::Warning => "\x1b[1;33m",
                Severity::Note => "\x1b[1;36m",
            };
            (c, "\x1b[0m")
        } else {
            ("", "")
        };
        let mut out = String::new();
        if !self.path.is_empty() {
            out.push_str(&self.path);
            if self.line > 0 {
                out.push_str(&format!(":{}:{}", self.line, self.col.max(1)));
            }
            out.push_str(": ");
        }
        out.push_str(&format!(
            "{on}{}{off}: {}",
            self.severity.label(),
            self.message
        ));
        if let Some(snippet) = source.and_then(|text| snippet(text, self.line, self.col)) {
            out.push('\n');
            out.push_str(&snippet);
        }
        if let Some(h) = &self.hint {
            out.push_str(&format!("\n  = hint: {h}"));
        }
        out
    }
}

/// Tabs are shown as this many spaces, so the caret lines up whatever the terminal does.
const TAB: &str = "    ";

/// `  12 | title: Recording: why` and, under it, `     |        ^`; `None` when the line
/// is not in `text` (or the diagnostic has no line).
pub fn snippet(text: &str, line: usize, col: usize) -> Option<String> {
    if line == 0 {
        return None;
    }
    let raw = text.split('\n').nth(line - 1)?;
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    let raw = if line == 1 {
        raw.strip_prefix('\u{feff}').unwrap_or(raw)
    } else {
        raw
    };
    // Control characters would move the terminal's cursor: shown as U+FFFD.
    let show = |c: char| -> String {
        match c {
            '\t' => TAB.to_string(),
            c if c.is_control() => '\u{fffd}'.to_string(),
            c => c.to_string(),
        }
    };
    let shown: String = raw.chars().map(show).collect();
    let before: usize = raw
        .chars()
        .take(col.max(1) - 1)
        .map(|c| show(c).chars().count())
        .sum();
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    Some(format!(
        "  {number} | {}\n  {gutter} | {}^",
        shown.trim_end(),
        " ".repeat(before)
    ))
}

/// Prints diagnostics with the source line each points at, reading each file (relative to
/// `root`) once.
pub struct Printer<'a> {
    root: Option<&'a std::path::Path>,
    colour: bool,
    files: std::collections::HashMap<String, Option<String>>,
}

impl<'a> Printer<'a> {
    /// `root`: the folder diagnostics' paths are relative to; `None` prints no source lines.
    pub fn new(root: Option<&'a std::path::Path>, colour: bool) -> Self {
        Printer {
            root,
            colour,
            files: std::collections::HashMap::new(),
        }
    }

    /// One diagnostic as it is printed.
    pub fn render(&mut self, d: &Diagnostic) -> String {
        let source = match (self.root, d.line) {
            (Some(root), line) if line > 0 && !d.path.is_empty() => self
                .files
                .entry(d.path.clone())
                .or_insert_with(|| read_small(&root.join(&d.path)))
                .as_deref(),
            _ => None,
        };
        d.render_with(self.colour, source)
    }
}

/// A text file's contents, unless it is missing, not UTF-8 or too large to be a source.
fn read_small(p: &std::path::Path) -> Option<String> {
    let meta = std::fs::metadata(p).ok()?;
    if !meta.is_file() || meta.len() > 16 * 1024 * 1024 {
        return None;
    }
    String::from_utf8(std::fs::read(p).ok()?).ok()
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// The diagnostics of one run, in the order found.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }
    /// Counted as shown: a problem found on several pages (a template's) counts once.
    pub fn count(&self, s: Severity) -> usize {
        self.sorted().iter().filter(|d| d.severity == s).count()
    }
    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }
    /// Sorted by file, then position, so output is stable whatever order stages ran in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        v.dedup();
        v
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Whether to colour output on stderr: only on a terminal, and never when NO_COLOR is set.
pub fn colour_stderr() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lw = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = levenshtein(&lw, &c.to_lowercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (word.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_ignores_strangers() {
        let keys = ["title", "duration", "materials"];
        assert_eq!(closest("duraton", keys), Some("duration"));
        assert_eq!(closest("Title", keys), Some("title"));
        assert_eq!(closest("zzzzzz", keys), None);
    }

    #[test]
    fn quotes_the_line_with_a_caret_under_the_column() {
        let d = Diagnostic::error("a.md", "bad").at(2, 8).hint("quote it");
        let text = "---\ntitle: Recording: why\n---\n";
        assert_eq!(
            d.render_with(false, Some(text)),
            "a.md:2:8: error: bad\n  2 | title: Recording: why\n    |        ^\n  = hint: quote it"
        );
        // Tabs shown as four spaces, the caret still under its character; wide line numbers.
        assert_eq!(
            snippet("\tx: 1\n", 1, 2).as_deref(),
            Some("  1 |     x: 1\n    |     ^")
        );
        let text = "\n".repeat(11) + "title: Recording: why";
        assert_eq!(
            snippet(&text, 12, 8).as_deref(),
            Some("  12 | title: Recording: why\n     |        ^")
        );
        // A line the file does not have: no snippet, no panic.
        assert_eq!(snippet("one line", 3, 1), None);
        assert_eq!(snippet("one line", 0, 0), None);
    }

    #[test]
    fn renders_path_line_col_and_hint() {
        let d = Diagnostic::error("content/a.md", "bad")
            .at(4, 8)
            .hint("do this");
        assert_eq!(
            d.to_string(),
            "content/a.md:4:8: error: bad\n  = hint: do this"
        );
    }
}
