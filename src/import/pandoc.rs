//! Pandoc fenced divs (`::::: challenge` ... `:::::`), as the Carpentries Workbench writes
//! them, read into a tree and written back as coursebook callouts.

use super::links::{self, Ctx, Resolver};
use super::text;
use crate::diagnostics::Diagnostic;

pub enum Item {
    /// A line: its number in the file, its text, and whether it is code.
    Line(usize, String, bool),
    Div(Div),
}

pub struct Div {
    pub class: String,
    pub line: usize,
    pub items: Vec<Item>,
}

/// The class of a div's opening line (`:::: challenge`, `::: {.callout title="x"}`), or
/// `Some("")` for a closing line.
fn div_marker(line: &str) -> Option<String> {
    let t = line.trim();
    let n = t.chars().take_while(|c| *c == ':').count();
    if n < 3 {
        return None;
    }
    let rest = t[n..].trim().trim_end_matches(':').trim();
    if rest.is_empty() {
        return Some(String::new());
    }
    let word = rest
        .trim_start_matches('{')
        .trim_start()
        .trim_start_matches('.');
    let class: String = word
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!class.is_empty()).then_some(class)
}

/// The body's lines (the first numbered `first`) as a tree; an unclosed div is an error.
pub fn parse(
    shown: &str,
    body: &str,
    first: usize,
    res: &mut Resolver,
    src: &str,
) -> (Vec<Item>, Vec<Diagnostic>) {
    let raw: Vec<&str> = body.lines().collect();
    let code = text::code_lines(&raw);
    let numbered: Vec<(usize, String)> = raw
        .iter()
        .enumerate()
        .map(|(i, l)| (first + i, l.to_string()))
        .collect();
    let lines = links::join_attribute_lines(numbered, &code);
    let mut stack: Vec<Div> = vec![Div {
        class: String::new(),
        line: 0,
        items: Vec::new(),
    }];
    let mut errors = Vec::new();
    let mut in_code = false;
    for (n, l, c) in lines {
        let opening_fence = c && !in_code;
        in_code = c && !(in_code && text::fence(&l).is_some_and(|f| f.2.is_empty()));
        if c {
            let mut l = l;
            if opening_fence
                && let Some((ch, len, info)) = text::fence(&l)
                && !info.is_empty()
            {
                let indent = &l[..l.len() - l.trim_start().len()];
                let word = match links::fence_info(info) {
                    Ok(w) => w,
                    Err(w) => {
                        res.note(
                            src,
                            n,
                            format!("code block options `{info}` left out (kept: `{w}`)"),
                        );
                        w
                    }
                };
                l = format!("{indent}{}{word}", ch.to_string().repeat(len));
            }
            push(&mut stack, Item::Line(n, l, true));
            continue;
        }
        match div_marker(&l) {
            Some(class) if class.is_empty() => {
                if stack.len() > 1 {
                    let d = stack.pop().unwrap_or_else(|| unreachable!());
                    push(&mut stack, Item::Div(d));
                } else {
                    res.note(src, n, "a closing `:::` line with no div open left out");
                }
            }
            Some(class) => stack.push(Div {
                class,
                line: n,
                items: Vec::new(),
            }),
            None => push(&mut stack, Item::Line(n, l, false)),
        }
    }
    while stack.len() > 1 {
        let d = stack.pop().unwrap_or_else(|| unreachable!());
        errors.push(
            Diagnostic::error(
                shown,
                format!("the fenced div `{}` opened here is never closed", d.class),
            )
            .at(d.line, 1)
            .hint("end it with a line of colons (`::::::`) as long as the line that opens it"),
        );
        push(&mut stack, Item::Div(d));
    }
    (stack.pop().map(|d| d.items).unwrap_or_default(), errors)
}

fn push(stack: &mut [Div], item: Item) {
    if let Some(top) = stack.last_mut() {
        top.items.push(item);
    }
}

/// What a div becomes: its marker and the title it has when it has no heading of its own.
pub fn callout(class: &str) -> Option<(&'static str, &'static str)> {
    Some(match class {
        "instructor" => ("TRAINER", ""),
        "challenge" => ("CHALLENGE", ""),
        "solution" => ("SOLUTION", ""),
        "hint" => ("SOLUTION", "Hint"),
        "spoiler" => ("SOLUTION", "More"),
        "callout" => ("NOTE", ""),
        "discussion" => ("PROMPTS", "Discussion"),
        "prereq" => ("IMPORTANT", "Prerequisite"),
        "testimonial" => ("NOTE", "Testimonial"),
        "checklist" => ("NOTE", "Checklist"),
        "keypoints" => ("NOTE", "Key points"),
        "questions" => ("NOTE", "Questions"),
        "objectives" => ("NOTE", "Objectives"),
        "caution" => ("CAUTION", ""),
        "warning" => ("WARNING", ""),
        "tip" => ("TIP", ""),
        _ => return None,
    })
}

/// The items written as coursebook Markdown lines.
pub fn render(items: &[Item], res: &mut Resolver, cx: Ctx) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Item::Line(_, l, true) => out.push(l.clone()),
            Item::Line(n, l, false) => out.push(res.line(cx, *n, l)),
            Item::Div(d) => {
                match callout(&d.class) {
                    Some((marker, default)) => {
                        let cx = Ctx {
                            trainer: cx.trainer || marker == "TRAINER",
                            ..cx
                        };
                        let (title, rest) = take_title(&d.items);
                        let title = match title {
                            Some((n, t)) => format!(" {}", res.line(cx, n, &t)),
                            None if default.is_empty() => String::new(),
                            None => format!(" {default}"),
                        };
                        let inner = text::trim_blank(render(rest, res, cx));
                        out.push(String::new());
                        out.push(format!("> [!{marker}]{title}"));
                        out.extend(text::quote(&inner));
                        out.push(String::new());
                    }
                    None => {
                        res.note(cx.src, d.line, format!("fenced div `{}` not converted: its content is kept, without the div", d.class));
                        out.push(String::new());
                        out.extend(render(&d.items, res, cx));
                        out.push(String::new());
                    }
                }
            }
        }
    }
    out
}

/// A div's first heading (when it is its first line of text) as its title, and the rest.
fn take_title(items: &[Item]) -> (Option<(usize, String)>, &[Item]) {
    let first = items
        .iter()
        .position(|i| !matches!(i, Item::Line(_, l, false) if l.trim().is_empty()));
    if let Some(i) = first
        && let Item::Line(n, l, false) = &items[i]
        && let Some(t) = text::heading_text(l)
    {
        return (Some((*n, t)), &items[i + 1..]);
    }
    (None, items)
}

/// The items of the list a div holds (a Carpentries `questions`, `objectives` or
/// `keypoints`), each one line; anything else in it is listed.
pub fn list_items(d: &Div, res: &mut Resolver, cx: Ctx) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in &d.items {
        match item {
            Item::Line(n, l, false) => {
                let t = l.trim();
                if t.is_empty() {
                    continue;
                }
                let marker = t
                    .strip_prefix("- ")
                    .or(t.strip_prefix("* "))
                    .or(t.strip_prefix("+ "))
                    .or_else(|| {
                        let digits = t.chars().take_while(char::is_ascii_digit).count();
                        (digits > 0)
                            .then(|| {
                                t[digits..]
                                    .strip_prefix(". ")
                                    .or(t[digits..].strip_prefix(") "))
                            })
                            .flatten()
                    });
                let converted = res.line(cx, *n, marker.unwrap_or(t));
                match (marker, items.last_mut()) {
                    (Some(_), _) => items.push(converted.trim().to_string()),
                    (None, Some(last)) if l.starts_with([' ', '\t']) || !converted.is_empty() => {
                        last.push(' ');
                        last.push_str(converted.trim());
                    }
                    _ => res.note(
                        cx.src,
                        *n,
                        format!("text in `{}` that is not a list item left out", d.class),
                    ),
                }
            }
            Item::Line(n, _, true) => {
                res.note(cx.src, *n, format!("code in `{}` left out", d.class))
            }
            Item::Div(inner) => res.note(
                cx.src,
                inner.line,
                format!("div `{}` inside `{}` left out", inner.class, d.class),
            ),
        }
    }
    items
}
