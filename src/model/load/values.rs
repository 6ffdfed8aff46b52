//! Front-matter values every kind of file reads the same way: audience, minutes, clock
//! times, a title made from a file name.

use super::Pos;
use crate::content::SourceFile;
use crate::content::duration;
use crate::content::yaml::{Fields, Node, Value};
use crate::diagnostics::Diagnostic;
use crate::model::Clock;

/// A title made from a file's name: `03-case-notes.md` is "Case notes".
pub(super) fn title_from_file(rel: &str) -> String {
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md");
    let words = stem
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_')
        .replace(['-', '_'], " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => stem.to_string(),
    }
}

/// `audience: trainer` makes a file trainer-only (`Some(true)`), `audience: all` shares it
/// (`Some(false)`); `None` when not said, so each kind keeps its own default.
pub(super) fn audience_of(
    f: &SourceFile,
    node: &Node,
    diags: &mut Vec<Diagnostic>,
) -> Option<bool> {
    let n = node.get("audience")?;
    match n
        .as_text()
        .as_deref()
        .map(str::trim)
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("trainer") | Some("trainers") => Some(true),
        Some("all") | Some("everyone") | Some("participant") | Some("participants") => Some(false),
        _ => {
            diags.push(
                Diagnostic::error(
                    &f.display,
                    "`audience` must be `trainer` (for trainers only) or `all` (for everyone)",
                )
                .at(n.line, n.col)
                .hint("leave it out for the default: pages are for all; letters for trainers"),
            );
            Some(true)
        }
    }
}

pub(super) fn parse_minutes(fl: &mut Fields, n: &Node, key: &str) -> Option<u32> {
    let r = match &n.value {
        Value::Int(i) if *i > 0 && *i <= 24 * 60 => Ok(*i as u32),
        Value::Int(i) if *i <= 0 => Err(format!("`{i}` is not a positive number of minutes")),
        Value::Int(i) => Err(format!("`{i}` minutes is longer than a day")),
        Value::Str(s) => duration::parse(s),
        _ => Err(format!("found {}", n.kind())),
    };
    match r {
        Ok(m) => Some(m),
        Err(msg) => {
            fl.error_at(
                n,
                format!("invalid `{key}`: {msg}"),
                Some(duration::ACCEPTED.to_string()),
            );
            None
        }
    }
}

pub(super) fn parse_clock(fl: &mut Fields, key: &str) -> Option<(Clock, Pos)> {
    let (t, n) = fl.text_node(key)?;
    match Clock::parse(&t) {
        Some(c) => Some((c, Pos::of(n))),
        None => {
            fl.error_at(
                n,
                format!("`{key}` is `{t}`, not a clock time"),
                Some("write 24-hour time in quotes, e.g. \"09:30\"".into()),
            );
            None
        }
    }
}
