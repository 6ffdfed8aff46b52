//! Letter templates: Markdown with `{{ field }}` blanks and built-in values.

/// Values filled in at build time from the programme and book.toml.
pub const BUILTINS: &[&str] = &[
    "programme.title",
    "programme.venue",
    "programme.dates",
    "programme.start",
    "programme.contact_hours",
    "programme.sessions",
    "organisation",
    POST_BOX_POINTS,
    "delivery.title",
    "delivery.dates",
    "delivery.venue",
    "delivery.start",
    "delivery.trainers",
];

/// Minutes participants spend in sessions in delivery `d`, and those sessions' titles in the
/// delivery's order: from the delivery's own timetable (session rows only, trainer-only
/// sessions left out), as [`super::Programme::attended_minutes`] is for the programme.
pub fn delivery_attended<'a>(p: &'a super::Programme, d: &super::Delivery) -> (u32, Vec<&'a str>) {
    let mut minutes = 0;
    let mut titles = Vec::new();
    for i in d.timetable.session_order() {
        if let Some(s) = p.sessions.get(i).filter(|s| !s.trainer_only) {
            minutes += s.minutes;
            titles.push(s.title.as_str());
        }
    }
    (minutes, titles)
}

/// Names as written in a sentence: "Sam", "Sam and Kim", "Sam, Kim and Jo".
pub fn names_in_words(names: &[&str]) -> Option<String> {
    names_in_words_in(crate::model::clock::Locale::default(), names)
}

/// Names in a sentence in a language: "Sam, Kim et Jo", "Sam ac Owen" (Welsh "ac" before
/// a vowel, `Lang::and_before`; the pseudo-locale's "and" accented).
pub fn names_in_words_in(locale: crate::model::clock::Locale, names: &[&str]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.to_string()),
        [rest @ .., last] => Some(format!(
            "{} {} {last}",
            rest.join(", "),
            locale.and_before(last)
        )),
    }
}

/// What a letters file is: a letter, or a certificate of attendance (`kind: certificate`),
/// which prints on one landscape page and is merged only for people who attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Letter,
    Certificate,
}

/// Minutes in words, for a certificate: "7 hours 30 minutes", "6 hours", "45 minutes",
/// "1 hour 1 minute".
/// British English; `Lang::hours_in_words` for a programme's language.
pub fn hours_in_words(minutes: u32) -> String {
    crate::model::clock::Lang::EnGb.hours_in_words(minutes)
}
/// The points typed on the post-box page (`<programme>/post-box.html`), grouped by the
/// sessions that `produce: [post-box]`: filled in only when the note is saved from that
/// page; a blank on the letter's own page and downloads.
pub const POST_BOX_POINTS: &str = "post_box.points";

/// What sessions `produce` for the post-box page.
pub const POST_BOX: &str = "post-box";

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Field {
    pub name: String,
    pub label: String,
    pub example: Option<String>,
    /// How many lines its box on the letter page has: more than 1 for a list of points,
    /// whose line breaks the letter keeps.
    pub lines: u8,
}

/// A placeholder as written, with its position in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub name: String,
    pub line: usize,
    pub col: usize,
}

/// A piece of a letter's text: literal Markdown or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Slot(String),
}

#[derive(Debug, Clone)]
pub struct Letter {
    /// File stem: `invitation`.
    pub name: String,
    pub src: String,
    /// `recording/letters/invitation.html`.
    pub out: String,
    pub title: String,
    pub description: Option<String>,
    pub fields: Vec<Field>,
    /// The body split at placeholders.
    pub pieces: Vec<Piece>,
    /// The body rendered to HTML with each placeholder as a token [`token`] `i`, where `i` indexes
    /// `slots`: values are put in after Markdown so they are never parsed as Markdown.
    pub html: String,
    pub slots: Vec<String>,
    /// Where each slot stands in the file, in the same order as `slots`.
    pub placeholders: Vec<Placeholder>,
    pub trainer_only: bool,
    /// `kind:`: a letter, or a certificate of attendance.
    pub kind: Kind,
}

/// Warnings for built-ins a programme's letters use but that have no value (no `venue`, no
/// dated days, no `organisation`): the letter would show a blank there.
pub fn unset_builtins(
    p: &super::Programme,
    organisation: Option<&str>,
    hidden_deliveries: bool,
) -> Vec<crate::diagnostics::Diagnostic> {
    // A participant build leaves trainer-only deliveries out; its warnings are the trainer
    // build's, which has them.
    let no_deliveries = p.deliveries.is_empty() && !hidden_deliveries;
    let unset = |name: &str| -> Option<(&str, &str)> {
        match name {
            "programme.venue" if p.venue.is_none() => Some((
                "the programme sets no `venue`",
                "add `venue:` to the programme's index.md",
            )),
            "programme.dates" if p.dates_label().is_none() => Some((
                "the programme's days have no dates",
                "give each day a date: `days: [{ title: Day one, date: 2027-03-01 }]`",
            )),
            "programme.sessions" if p.attended_titles().is_empty() => Some((
                "the programme has no sessions for participants",
                "add sessions to the programme's day folders",
            )),
            POST_BOX_POINTS
                if !p
                    .sessions
                    .iter()
                    .any(|s| s.produces.iter().any(|x| x == POST_BOX)) =>
            {
                Some((
                    "no session of the programme has `produces: [post-box]`, so it has no post-box page",
                    "add `produces: [post-box]` to the sessions where the post box is filled",
                ))
            }
            "delivery.dates" if no_deliveries && p.dates_label().is_none() => Some((
                "the programme has no deliveries and its days have no dates",
                "add a delivery (`deliveries/<id>.md` with `days:`), or give the programme's days dates",
            )),
            "delivery.venue" if no_deliveries && p.venue.is_none() => Some((
                "the programme has no deliveries and sets no `venue`",
                "add a delivery (`deliveries/<id>.md` with `venue:`), or `venue:` in the programme's index.md",
            )),
            "delivery.title" | "delivery.trainers" if no_deliveries => Some((
                "the programme has no deliveries, whose letters fill it in",
                "add a delivery: `deliveries/<id>.md` in the programme's folder",
            )),
            "organisation" if organisation.is_none() => Some((
                "book.toml sets no organisation",
                "add `organisation = \"...\"` under [output.html] in book.toml",
            )),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for l in &p.letters {
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for ph in &l.placeholders {
            if !seen.insert(&ph.name) {
                continue;
            }
            if let Some((why, hint)) = unset(&ph.name) {
                out.push(
                    crate::diagnostics::Diagnostic::warning(
                        &l.src,
                        format!(
                            "`{{{{ {} }}}}` has no value: {why}; the letter shows a blank",
                            ph.name
                        ),
                    )
                    .at(ph.line, ph.col)
                    .hint(hint),
                );
            }
        }
    }
    out
}

/// The stand-in for placeholder `i` while the Markdown is rendered: private-use characters
/// that Markdown leaves alone.
pub fn token(i: usize) -> String {
    format!("\u{E000}{i}\u{E001}")
}

/// Pieces, placeholders, and malformed placeholders as (line, col, message).
pub type Scan = (Vec<Piece>, Vec<Placeholder>, Vec<(usize, usize, String)>);

/// Split `body` at `{{ name }}` placeholders. Returns the pieces, the placeholders with their
/// positions, and the positions of malformed ones (`{{` without `}}`, or an empty name).
/// One pass: positions are counted forwards, and where the next line break and the next `}}`
/// stand is remembered, so neither many placeholders nor many unclosed `{{` rescan the body.
pub fn scan(body: &str, first_line: usize) -> Scan {
    let mut pieces = Vec::new();
    let mut found = Vec::new();
    let mut bad = Vec::new();
    let mut rest = body;
    let mut consumed = 0;
    let mut at = Cursor {
        body,
        offset: 0,
        line: first_line,
        line_start: 0,
        col: 1,
    };
    let mut next_nl = Next::new("\n");
    let mut next_close = Next::new("}}");
    while let Some(i) = rest.find("{{") {
        let abs = consumed + i;
        let (l, c) = at.advance(abs);
        let after = &rest[i + 2..];
        let nl = next_nl.after(body, abs + 2).unwrap_or(body.len());
        let Some(j) = next_close
            .after(body, abs + 2)
            .filter(|close| *close < nl)
            .map(|close| close - (abs + 2))
        else {
            bad.push((
                l,
                c,
                "`{{` is not closed by `}}` on the same line".to_string(),
            ));
            pieces.push(Piece::Text(rest[..i + 2].to_string()));
            consumed = abs + 2;
            rest = after;
            continue;
        };
        let name = after[..j].trim();
        pieces.push(Piece::Text(rest[..i].to_string()));
        let valid = !name.is_empty()
            && name
                .chars()
                .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '.' || ch == '-');
        if valid {
            found.push(Placeholder {
                name: name.to_string(),
                line: l,
                col: c,
            });
            pieces.push(Piece::Slot(name.to_string()));
        } else {
            bad.push((
                l,
                c,
                format!("`{{{{{}}}}}` is not a placeholder name", &after[..j]),
            ));
            pieces.push(Piece::Text(rest[..i + 2 + j + 2].to_string()));
        }
        consumed = abs + 2 + j + 2;
        rest = &after[j + 2..];
    }
    pieces.push(Piece::Text(rest.to_string()));
    pieces.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
    // The characters of a `token` typed into the letter would read as a placeholder once the
    // Markdown is rendered: they mean nothing in a letter, so they become U+FFFD.
    for p in &mut pieces {
        if let Piece::Text(t) = p
            && t.contains(TOKEN_CHARS)
        {
            *t = t.replace(TOKEN_CHARS, "\u{FFFD}");
        }
    }
    (pieces, found, bad)
}

/// Line and column of byte offsets visited in increasing order.
struct Cursor<'a> {
    body: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
    /// Column of `offset`, in characters, 1-based.
    col: usize,
}

impl Cursor<'_> {
    fn advance(&mut self, to: usize) -> (usize, usize) {
        let gap = self.body.get(self.offset..to).unwrap_or("");
        match gap.rfind('\n') {
            Some(nl) => {
                self.line += gap.matches('\n').count();
                self.line_start = self.offset + nl + 1;
                self.col = 1 + self
                    .body
                    .get(self.line_start..to)
                    .map_or(0, |s| s.chars().count());
            }
            None => self.col += gap.chars().count(),
        }
        self.offset = to;
        (self.line, self.col)
    }
}

/// Where `pat` next occurs at or after a position; positions asked for only increase, so the
/// answer is reused until it is passed and the body is searched once in all.
struct Next {
    pat: &'static str,
    /// (searched from, found at or `None` for nowhere after)
    last: Option<(usize, Option<usize>)>,
}

impl Next {
    fn new(pat: &'static str) -> Self {
        Next { pat, last: None }
    }
    /// The first occurrence at or after `from`.
    fn after(&mut self, body: &str, from: usize) -> Option<usize> {
        match self.last {
            Some((start, None)) if start <= from => return None,
            Some((start, Some(at))) if start <= from && at >= from => return Some(at),
            _ => {}
        }
        let found = body
            .get(from..)
            .and_then(|t| t.find(self.pat))
            .map(|i| from + i);
        self.last = Some((from, found));
        found
    }
}

const TOKEN_CHARS: [char; 2] = ['\u{E000}', '\u{E001}'];

/// `html` with each `token(i)` replaced by `fill(i)`, in one pass: a value that itself holds a
/// token is not filled again.
pub fn fill_tokens(html: &str, mut fill: impl FnMut(usize) -> String) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(a) = rest.find('\u{E000}') {
        let after = &rest[a + '\u{E000}'.len_utf8()..];
        let Some((index, tail)) = after
            .split_once('\u{E001}')
            .and_then(|(n, tail)| Some((n.parse::<usize>().ok()?, tail)))
        else {
            out.push_str(&rest[..a + '\u{E000}'.len_utf8()]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..a]);
        out.push_str(&fill(index));
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_with_positions() {
        let (pieces, found, bad) = scan("Dear {{ name }},\n\nSee {{programme.title}} {{ }}", 10);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].line, found[0].col), (10, 6));
        assert_eq!(found[1].name, "programme.title");
        assert_eq!((found[1].line, found[1].col), (12, 5));
        assert_eq!(bad.len(), 1);
        assert_eq!(pieces[0], Piece::Text("Dear ".into()));
        assert_eq!(pieces[1], Piece::Slot("name".into()));
    }

    #[test]
    fn tokens_are_filled_once() {
        let html = format!("<p>{} and {}</p>", token(0), token(1));
        let out = fill_tokens(&html, |i| if i == 0 { token(1) } else { "one".into() });
        assert_eq!(out, format!("<p>{} and one</p>", token(1)));
        assert_eq!(
            fill_tokens("a \u{E000}x\u{E001} b", |_| "!".into()),
            "a \u{E000}x\u{E001} b"
        );
    }

    #[test]
    fn positions_count_characters_across_lines() {
        let body = "é {{ a }} {{\n\nxx {{ b }} {{}} ü {{ c\n{{ d }}";
        let (_, found, bad) = scan(body, 3);
        let at: Vec<_> = found
            .iter()
            .map(|p| (p.name.as_str(), p.line, p.col))
            .collect();
        assert_eq!(at, [("a", 3, 3), ("b", 5, 4), ("d", 6, 1)]);
        let bad: Vec<_> = bad.iter().map(|b| (b.0, b.1)).collect();
        assert_eq!(bad, [(3, 11), (5, 12), (5, 19)]);
    }

    #[test]
    fn hours_are_written_in_words() {
        assert_eq!(hours_in_words(450), "7 hours 30 minutes");
        assert_eq!(hours_in_words(360), "6 hours");
        assert_eq!(hours_in_words(45), "45 minutes");
        assert_eq!(hours_in_words(61), "1 hour 1 minute");
        assert_eq!(hours_in_words(0), "0 minutes");
    }

    #[test]
    fn names_are_joined_in_words() {
        assert_eq!(names_in_words(&[]), None);
        assert_eq!(names_in_words(&["Sam"]).unwrap(), "Sam");
        assert_eq!(names_in_words(&["Sam", "Kim"]).unwrap(), "Sam and Kim");
        assert_eq!(
            names_in_words(&["Sam", "Kim", "Jo"]).unwrap(),
            "Sam, Kim and Jo"
        );
    }

    #[test]
    fn unclosed_is_reported() {
        let (_, found, bad) = scan("Hi {{ name\nthere", 1);
        assert!(found.is_empty());
        assert_eq!((bad[0].0, bad[0].1), (1, 4));
    }
}
