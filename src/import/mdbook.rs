//! `coursebook import mdbook`: an mdBook as a programme of plain pages, in the order and
//! nesting of its `SUMMARY.md`.

use std::collections::HashSet;
use std::path::Path;

use super::links::{Ctx, Resolver};
use super::mdbook_text::{convert, expand};
use super::text::{self, yaml_str};
use super::{Plan, read_text};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::util::slugify;

struct Entry {
    title: String,
    path: String,
    line: usize,
    children: Vec<Entry>,
}

struct Group {
    /// A part's title (`# Part`); none for prefix, unnamed numbered and suffix chapters.
    title: Option<String>,
    suffix: bool,
    entries: Vec<Entry>,
}

/// A chapter's place: source path (under src/), title, written path, order.
struct Placed {
    src: String,
    title: String,
    dest: String,
    order: usize,
    line: usize,
}

fn book_toml(book: &Path, diags: &mut Diagnostics) -> Option<toml::Table> {
    let text = read_text(book, "book.toml")
        .map_err(|d| diags.push(d.hint("give the folder of an mdBook: it holds book.toml")))
        .ok()?;
    match text.parse::<toml::Table>() {
        Ok(t) => Some(t),
        Err(e) => {
            let (line, col) = e.span().map_or((1, 1), |s| {
                let before = &text[..s.start.min(text.len())];
                (
                    before.matches('\n').count() + 1,
                    before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                )
            });
            diags.push(Diagnostic::error("book.toml", e.message().to_string()).at(line, col));
            None
        }
    }
}

// Long by design: the import's steps in order (book.toml, summary, layout, chapters,
// programme page, files), each short, sharing the resolver.
pub fn import(book: &Path, programme: Option<&str>) -> (Option<Plan>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let Some(cfg) = book_toml(book, &mut diags) else {
        return (None, diags);
    };
    let b = cfg.get("book").and_then(|v| v.as_table());
    let s = |k: &str| {
        b.and_then(|t| t.get(k))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let folder = book
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "book".into());
    let title = s("title").unwrap_or_else(|| folder.clone());
    let src_dir = s("src").unwrap_or_else(|| "src".into());
    let shown = format!("{}/", src_dir.trim_end_matches('/'));
    let mut res = Resolver::new(book.join(&src_dir), &shown);
    let summary_path = format!("{shown}SUMMARY.md");
    let summary = match read_text(book, &summary_path) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d.hint("an mdBook lists its chapters in src/SUMMARY.md"));
            return (None, diags);
        }
    };
    let groups = parse_summary(&summary, &mut res);
    let mut placed = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut taken: HashSet<String> = ["index.md".to_string()].into();
    let (mut order, mut folders) = (0, 0);
    // Whether a folder has been placed at the top yet (see `place`).
    let mut top_folder = false;
    for g in &groups {
        match (&g.title, g.suffix) {
            (Some(_), _) | (None, true) => {
                let t = g.title.clone().unwrap_or_else(|| "Back matter".into());
                let dir = unique(&mut taken, "", &slugify(&t), "");
                folders += 1;
                top_folder = true;
                let folder_order = folders;
                let index = format!("{dir}/index.md");
                let first = placed.len();
                let mut seen = false;
                for (i, e) in g.entries.iter().enumerate() {
                    place(
                        e,
                        &dir,
                        i + 1,
                        &mut seen,
                        &mut folders,
                        &mut taken,
                        &mut placed,
                    );
                }
                let mut body = format!(
                    "---\ntitle: {}\norder: {folder_order}\n---\n\n",
                    yaml_str(&t)
                );
                for p in &placed[first..] {
                    let rel = p.dest.strip_prefix(&format!("{dir}/")).unwrap_or(&p.dest);
                    let direct = !rel.contains('/')
                        || rel.matches('/').count() == 1 && rel.ends_with("/index.md");
                    if direct {
                        body.push_str(&format!(
                            "- [{}]({})\n",
                            p.title.replace(['[', ']'], ""),
                            text::relative(&index, &p.dest)
                        ));
                    }
                }
                files.push((index, body.into_bytes()));
            }
            (None, false) => {
                for e in &g.entries {
                    order += 1;
                    let at = (&mut folders, &mut taken, &mut placed);
                    place(e, "", order, &mut top_folder, at.0, at.1, at.2);
                }
            }
        }
    }
    for p in &placed {
        res.pages.insert(p.src.clone(), p.dest.clone());
    }
    for p in &placed {
        let missing = |d: Diagnostic| {
            Diagnostic::error(&summary_path, format!("chapter `{}`: {}", p.src, d.message))
                .at(p.line, 1)
                .hint("the path is relative to the book's src/ folder")
        };
        let Ok(raw) = read_text(&book.join(&src_dir), &p.src).map_err(|d| diags.push(missing(d)))
        else {
            continue;
        };
        let mut expanded = expand(book, &src_dir, &p.src, &raw, &mut res, &mut diags);
        // The page shows its title as its heading: a first `# Title` saying the same goes.
        if let Some(first) = expanded.iter().position(|(_, l)| !l.trim().is_empty())
            && expanded[first].1.starts_with("# ")
            && text::heading_text(&expanded[first].1)
                .is_some_and(|h| h.eq_ignore_ascii_case(p.title.trim()))
        {
            expanded.remove(first);
        }
        let body = convert(
            &expanded,
            &mut res,
            Ctx {
                src: &p.src,
                dest: &p.dest,
                trainer: false,
            },
        );
        let body = res.finish_page(body);
        let fm = format!(
            "---\ntitle: {}\norder: {}\n---\n\n",
            yaml_str(&p.title),
            p.order
        );
        files.push((
            p.dest.clone(),
            format!("{fm}{}\n", text::trim_blank(body).join("\n")).into_bytes(),
        ));
    }
    let mut index = format!("---\ntitle: {}\n", yaml_str(&title));
    if let Some(authors) = b.and_then(|t| t.get("authors")).and_then(|v| v.as_array()) {
        let names: Vec<String> = authors
            .iter()
            .filter_map(|a| a.as_str())
            .map(yaml_str)
            .collect();
        if !names.is_empty() {
            index.push_str(&format!("authors: [{}]\n", names.join(", ")));
        }
    }
    if let Some(d) = s("description") {
        index.push_str(&format!("summary: {}\n", yaml_str(&d)));
    }
    index.push_str("session-bodies: all\n---\n\n");
    index.push_str(&format!(
        "This programme's pages are the book *{}*, imported from mdBook.\n",
        title.replace(['*', '_'], "")
    ));
    files.push(("index.md".into(), index.into_bytes()));
    if let Some(lang) = s("language") {
        res.notes.push(Diagnostic::note(
            "book.toml",
            format!(
                "`language = \"{lang}\"` is the site's setting: put it in the site's book.toml"
            ),
        ));
    }
    for (dest, src) in std::mem::take(&mut res.assets) {
        match std::fs::read(book.join(&src_dir).join(&src)) {
            Ok(bytes) => files.push((dest, bytes)),
            Err(e) => diags.push(Diagnostic::error(
                format!("{shown}{src}"),
                format!("cannot read: {e}"),
            )),
        }
    }
    if diags.has_errors() {
        return (None, diags);
    }
    let programme = programme.map_or_else(|| slugify(&folder), str::to_string);
    (
        Some(Plan {
            programme,
            files,
            notes: std::mem::take(&mut res.notes),
        }),
        diags,
    )
}

fn unique(taken: &mut HashSet<String>, dir: &str, stem: &str, ext: &str) -> String {
    let stem = if stem.is_empty() { "page" } else { stem };
    let join = |s: &str| {
        if dir.is_empty() {
            format!("{s}{ext}")
        } else {
            format!("{dir}/{s}{ext}")
        }
    };
    let mut name = join(stem);
    let mut n = 2;
    while taken.contains(&name) {
        name = join(&format!("{stem}-{n}"));
        n += 1;
    }
    taken.insert(name.clone());
    name
}

/// A chapter as `dir/<stem>.md`, or, with sub-chapters, `dir/<stem>/index.md` and them inside.
/// Folders take their `order` from `folders`, counted in the summary's order, since
/// coursebook lists a programme's folders by their index's `order` whatever their depth.
/// coursebook lists a folder's own pages before its sub-folders, so a chapter that follows
/// a folder among its siblings (`seen_folder`) becomes a folder too (only its `index.md`),
/// which keeps the summary's order.
// Long by design (in clippy's count of arguments): the placement's state, threaded through
// the recursion.
#[allow(clippy::too_many_arguments)]
fn place(
    e: &Entry,
    dir: &str,
    order: usize,
    seen_folder: &mut bool,
    folders: &mut usize,
    taken: &mut HashSet<String>,
    out: &mut Vec<Placed>,
) {
    let file = e.path.rsplit('/').next().unwrap_or(&e.path);
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let mut stem = slugify(stem);
    if stem == "index" || stem == "readme" || stem.is_empty() {
        stem = slugify(&e.title);
    }
    if e.children.is_empty() && !*seen_folder {
        let dest = unique(taken, dir, &stem, ".md");
        out.push(Placed {
            src: e.path.clone(),
            title: e.title.clone(),
            dest,
            order,
            line: e.line,
        });
        return;
    }
    let sub = unique(taken, dir, &stem, "");
    *seen_folder = true;
    *folders += 1;
    out.push(Placed {
        src: e.path.clone(),
        title: e.title.clone(),
        dest: format!("{sub}/index.md"),
        order: *folders,
        line: e.line,
    });
    let mut seen = false;
    for (i, c) in e.children.iter().enumerate() {
        place(c, &sub, i + 1, &mut seen, folders, taken, out);
    }
}

/// `[Title](path)` from a summary line's text.
fn summary_link(t: &str) -> Option<(String, String)> {
    let rest = t.strip_prefix('[')?;
    let close = rest.rfind("](")?;
    let target = rest[close + 2..].strip_suffix(')')?;
    Some((
        rest[..close].to_string(),
        crate::util::percent_decode(target.trim()),
    ))
}

// Long by design: one pass over SUMMARY.md's lines, one arm per kind of line (title, part,
// separator, prefix or suffix chapter, list item at its depth, draft).
fn parse_summary(summary: &str, res: &mut Resolver) -> Vec<Group> {
    let mut groups = vec![Group {
        title: None,
        suffix: false,
        entries: Vec::new(),
    }];
    let mut indents: Vec<usize> = Vec::new();
    let mut seen_title = false;
    let mut draft_depth: Option<usize> = None;
    let mut seen_list = false;
    for (i, line) in summary.lines().enumerate() {
        let n = i + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with("---") || t.starts_with("***") || t.starts_with("<!--") {
            continue;
        }
        if let Some(h) = text::heading_text(t) {
            let any = groups.iter().any(|g| !g.entries.is_empty());
            if !seen_title && !any {
                seen_title = true;
            } else {
                groups.push(Group {
                    title: Some(h),
                    suffix: false,
                    entries: Vec::new(),
                });
                indents.clear();
            }
            continue;
        }
        let indent = line.len() - line.trim_start().len() + line.matches('\t').count() * 3;
        let item = t.strip_prefix("- ").or(t.strip_prefix("* ")).or_else(|| {
            let d = t.chars().take_while(char::is_ascii_digit).count();
            (d > 0).then(|| t[d..].strip_prefix(". ")).flatten()
        });
        let Some((title, path)) = summary_link(item.unwrap_or(t).trim()) else {
            res.note(
                "SUMMARY.md",
                n,
                "line of SUMMARY.md that is not a chapter link left out",
            );
            continue;
        };
        let Some(_) = item else {
            // A prefix chapter before the list, a suffix chapter after it.
            if seen_list && !groups.last().is_some_and(|g| g.suffix) {
                groups.push(Group {
                    title: None,
                    suffix: true,
                    entries: Vec::new(),
                });
            }
            if path.is_empty() {
                res.note(
                    "SUMMARY.md",
                    n,
                    format!("draft chapter `{title}` (no file) left out"),
                );
            } else if let Some(g) = groups.last_mut() {
                g.entries.push(Entry {
                    title,
                    path,
                    line: n,
                    children: Vec::new(),
                });
            }
            continue;
        };
        seen_list = true;
        while indents.last().is_some_and(|&x| x >= indent) {
            indents.pop();
        }
        let depth = indents.len();
        indents.push(indent);
        if draft_depth.is_some_and(|d| depth > d) {
            res.note(
                "SUMMARY.md",
                n,
                format!("chapter `{title}` under a draft chapter left out"),
            );
            continue;
        }
        draft_depth = None;
        if path.is_empty() {
            res.note(
                "SUMMARY.md",
                n,
                format!("draft chapter `{title}` (no file) left out"),
            );
            draft_depth = Some(depth);
            continue;
        }
        let Some(g) = groups.last_mut() else { continue };
        let mut list = &mut g.entries;
        for _ in 0..depth {
            if list.is_empty() {
                break;
            }
            let last = list.len() - 1;
            list = &mut list[last].children;
        }
        list.push(Entry {
            title,
            path,
            line: n,
            children: Vec::new(),
        });
    }
    groups.retain(|g| !g.entries.is_empty() || g.title.is_some());
    groups
}
