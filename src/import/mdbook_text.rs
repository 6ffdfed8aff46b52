//! An mdBook chapter's text: `{{#include}}` and its kin resolved (confined to the book's
//! folder), mdbook-admonish fences as callouts, prose through the link resolver.

use std::path::Path;

use super::links::{Ctx, Resolver};
use super::text;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// `{{#include}}`, `{{#rustdoc_include}}`, `{{#playground}}` and `{{#title}}` resolved.
pub(super) fn expand(
    book: &Path,
    src_dir: &str,
    src: &str,
    raw: &str,
    res: &mut Resolver,
    diags: &mut Diagnostics,
) -> Vec<(usize, String)> {
    let shown = format!("{}/{src}", src_dir.trim_end_matches('/'));
    let mut lines = Vec::with_capacity(raw.len() / 40);
    for (i, line) in raw.lines().enumerate() {
        let n = i + 1;
        let mut out = String::new();
        let mut rest = line;
        while let Some(s) = rest.find("{{#") {
            let Some(e) = rest[s..].find("}}") else { break };
            if rest[..s].ends_with('\\') {
                out.push_str(&rest[..s - 1]);
                out.push_str(&rest[s..s + e + 2]);
                rest = &rest[s + e + 2..];
                continue;
            }
            out.push_str(&rest[..s]);
            let inner = rest[s + 3..s + e].trim();
            let col = line.len() - rest.len() + s + 1;
            let (cmd, arg) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
            match cmd {
                "include" | "rustdoc_include" | "playground" => {
                    match include(book, src_dir, src, arg.trim()) {
                        Ok(t) if cmd == "playground" => {
                            res.note(
                                src,
                                n,
                                "`{{#playground}}` shown as a code block (not runnable)",
                            );
                            out.push_str(&format!("```rust\n{}\n```", t.trim_end()));
                        }
                        Ok(t) => out.push_str(t.trim_end_matches('\n')),
                        Err((msg, hint)) => {
                            diags.push(Diagnostic::error(&shown, msg).at(n, col).hint(hint))
                        }
                    }
                }
                "title" => res.note(
                    src,
                    n,
                    format!(
                        "`{{{{#title {arg}}}}}` left out: the page keeps its title from SUMMARY.md"
                    ),
                ),
                _ => {
                    res.note(
                        src,
                        n,
                        format!("`{{{{#{cmd}}}}}` not supported: kept as text"),
                    );
                    out.push_str(&rest[s..s + e + 2]);
                }
            }
            rest = &rest[s + e + 2..];
        }
        out.push_str(rest);
        // Included lines are numbered as the line that includes them.
        lines.extend(out.split('\n').map(|l| (n, l.to_string())));
    }
    lines
}

/// The text `{{#include path[:anchor | :from:to]}}` names, confined to the book's folder.
fn include(book: &Path, src_dir: &str, src: &str, arg: &str) -> Result<String, (String, String)> {
    let mut parts = arg.splitn(3, ':');
    let file = parts.next().unwrap_or("");
    let (a, b) = (parts.next(), parts.next());
    let rel = text::join(
        &format!("{}/{}", src_dir.trim_end_matches('/'), text::dir_of(src)),
        file,
    );
    let outside = || {
        (
            format!("`{file}` is outside the book's folder"),
            "an include may only name files inside the book's folder".to_string(),
        )
    };
    let Some(rel) = rel else {
        return Err(outside());
    };
    let path = book.join(&rel);
    if !path.exists() {
        return Err((
            format!("cannot include `{file}`: no such file"),
            "the path is relative to the chapter's folder".to_string(),
        ));
    }
    let inside = path
        .canonicalize()
        .ok()
        .zip(book.canonicalize().ok())
        .is_some_and(|(p, b)| p.starts_with(b));
    if !inside {
        return Err(outside());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| {
        (
            format!("cannot include `{file}`: {e}"),
            "include a UTF-8 text file".into(),
        )
    })?;
    let lines: Vec<&str> = text.lines().collect();
    let num = |s: Option<&str>| {
        s.filter(|x| !x.is_empty())
            .map(|x| x.trim().parse::<usize>())
    };
    let keep = |l: &&&str| !l.contains("ANCHOR:") && !l.contains("ANCHOR_END:");
    match (a, b) {
        (None, _) | (Some(""), None) => Ok(lines
            .iter()
            .filter(keep)
            .copied()
            .collect::<Vec<_>>()
            .join("\n")),
        (Some(x), None) if x.trim().parse::<usize>().is_err() => {
            let (start, end) = (
                format!("ANCHOR: {}", x.trim()),
                format!("ANCHOR_END: {}", x.trim()),
            );
            let from = lines.iter().position(|l| l.trim_end().ends_with(&start));
            let to = lines.iter().position(|l| l.trim_end().ends_with(&end));
            match (from, to) {
                (Some(f), Some(t)) if f < t => Ok(lines[f + 1..t]
                    .iter()
                    .filter(keep)
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n")),
                _ => Err((
                    format!("`{file}` has no anchor `{}`", x.trim()),
                    format!(
                        "mark it with lines `// ANCHOR: {0}` and `// ANCHOR_END: {0}`",
                        x.trim()
                    ),
                )),
            }
        }
        (a, b) => {
            let bad = || {
                (
                    format!("`{arg}` is not a line range"),
                    "write `file:2:10` (lines 2 to 10), `file:2:` or `file::10`".to_string(),
                )
            };
            let from = num(a).transpose().map_err(|_| bad())?.unwrap_or(1).max(1);
            let to = if b.is_none() {
                Some(from)
            } else {
                num(b).transpose().map_err(|_| bad())?
            };
            let to = to.unwrap_or(lines.len()).min(lines.len());
            Ok(lines
                .get(from - 1..to)
                .unwrap_or(&[])
                .iter()
                .filter(keep)
                .copied()
                .collect::<Vec<_>>()
                .join("\n"))
        }
    }
}

fn admonish_marker(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "note" | "abstract" | "summary" | "tldr" | "info" | "todo" | "example" | "quote"
        | "cite" | "question" | "help" | "faq" => "NOTE",
        "tip" | "hint" | "success" | "check" | "done" => "TIP",
        "important" => "IMPORTANT",
        "warning" | "attention" => "WARNING",
        "caution" | "failure" | "fail" | "missing" | "danger" | "error" | "bug" => "CAUTION",
        _ => return None,
    })
}

/// The `admonish` fence's kind and title: `admonish warning "Title"`, `title="Title"`.
fn admonish_info(info: &str) -> (String, Option<String>) {
    let rest = info.strip_prefix("admonish").unwrap_or("").trim();
    let kind = rest
        .split_whitespace()
        .next()
        .filter(|w| !w.contains(['=', '"']))
        .unwrap_or("note")
        .to_string();
    let title = rest.find('"').and_then(|s| {
        rest[s + 1..]
            .find('"')
            .map(|e| rest[s + 1..s + 1 + e].to_string())
    });
    (kind, title)
}

/// Lines of a chapter: admonish fences as callouts, prose through the resolver.
pub(super) fn convert(numbered: &[(usize, String)], res: &mut Resolver, cx: Ctx) -> Vec<String> {
    let lines: Vec<&str> = numbered.iter().map(|(_, l)| l.as_str()).collect();
    let code = text::code_lines(&lines);
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if code[i]
            && let Some((ch, len, info)) = text::fence(l)
            && info.starts_with("admonish")
        {
            let end = (i + 1..lines.len())
                .find(|&j| {
                    text::fence(lines[j])
                        .is_some_and(|(c, n, r)| c == ch && n >= len && r.is_empty())
                })
                .unwrap_or(lines.len());
            let (kind, title) = admonish_info(info);
            let marker = admonish_marker(&kind).unwrap_or_else(|| {
                res.note(
                    cx.src,
                    numbered[i].0,
                    format!("admonish kind `{kind}` shown as a note"),
                );
                "NOTE"
            });
            let inner = convert(&numbered[i + 1..end.min(lines.len())], res, cx);
            out.push(String::new());
            out.push(format!(
                "> [!{marker}]{}",
                title.map(|t| format!(" {t}")).unwrap_or_default()
            ));
            out.extend(text::quote(&text::trim_blank(inner)));
            out.push(String::new());
            i = end + 1;
            continue;
        }
        out.push(if code[i] {
            l.to_string()
        } else {
            res.line(cx, numbered[i].0, l)
        });
        i += 1;
    }
    out
}
