//! Sources: finding the files under the content directory and reading them as text.
//! Parsing of front matter (YAML) and bodies (Markdown) lives in the submodules.

pub mod budget;
pub mod confine;
pub mod duration;
pub mod frontmatter;
pub mod highlight;
mod keys;
pub mod markdown;
pub mod urls;
pub mod yaml;
mod yaml_plain;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;

/// Larger Markdown files are refused: nobody writes a session that long, and it keeps a
/// stray data file from eating the machine.
pub const MAX_MARKDOWN_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path inside the content directory, `/`-separated (`recording/day-1/intro.md`).
    pub rel: String,
    /// Path from the site root, for messages (`content/recording/day-1/intro.md`).
    pub display: String,
    /// UTF-8 text with any byte-order mark removed and CRLF line ends made LF. Shared, so
    /// the dev server's caches hold it without copies.
    pub text: std::sync::Arc<str>,
}

#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub markdown: Vec<SourceFile>,
    /// (path inside the content directory, file on disk)
    pub assets: Vec<(String, PathBuf)>,
}

fn rel_string(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// A file's size and modification time, where the file system gives them.
type Stamp = Option<(u64, std::time::SystemTime)>;

/// Markdown files read before, by path, with the size and modification time they had
/// then: the dev server passes it to [`discover_cached`] so unchanged files are not read.
#[derive(Default)]
pub struct ReadCache {
    files: std::collections::HashMap<PathBuf, (u64, std::time::SystemTime, SourceFile)>,
}

impl ReadCache {
    /// Read `path` again next time whatever its time stamp says (for file systems whose
    /// clocks are too coarse to see two saves in one second).
    pub fn forget(&mut self, path: &Path) {
        self.files.remove(path);
    }
}

/// Walks `src_dir` (following links that stay inside `root`, skipping hidden files), reads every Markdown file and
/// lists everything else as an asset.
pub fn discover(root: &Path, src_dir: &Path) -> (Sources, Vec<Diagnostic>) {
    discover_cached(root, src_dir, &mut ReadCache::default())
}

/// [`discover`], reusing the text of files whose size and modification time are unchanged.
pub fn discover_cached(
    root: &Path,
    src_dir: &Path,
    cache: &mut ReadCache,
) -> (Sources, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let src_display = rel_string(src_dir.strip_prefix(root).unwrap_or(src_dir));
    let display = |rel: &str| {
        if src_display.is_empty() {
            rel.to_string()
        } else {
            format!("{src_display}/{rel}")
        }
    };
    let fence = confine::Fence::new(root);
    if src_dir.is_dir()
        && let Err(real) = fence.resolve(src_dir)
    {
        diags.push(
            Diagnostic::error(
                crate::config::FILE,
                format!("the content directory `{src_display}` is outside the site folder: it is {real}"),
            )
            .hint("keep the content inside the folder that holds book.toml: set `src` in [book] to a folder under it (default \"content\")"),
        );
        return (Sources::default(), diags);
    }
    if !src_dir.is_dir() {
        diags.push(
            Diagnostic::error(
                crate::config::FILE,
                format!("the content directory `{src_display}` does not exist"),
            )
            .hint("create it, or set `src` in [book] to the folder that holds your Markdown"),
        );
        return (Sources::default(), diags);
    }
    // Links out of the site root are refused before they are followed (confine.rs).
    let (files, d) = fence.walk(src_dir, |_| true);
    diags.extend(d);
    let (md_paths, assets): (Vec<_>, Vec<_>) = files
        .into_iter()
        .filter(|(rel, _)| !is_editor_litter(rel.rsplit('/').next().unwrap_or(rel)))
        .partition(|(rel, _)| rel.ends_with(".md"));
    let old = &cache.files;
    let read: Vec<(Result<SourceFile, Diagnostic>, Stamp)> = md_paths
        .par_iter()
        .map(|(rel, path)| {
            let stamp = std::fs::metadata(path)
                .and_then(|m| Ok((m.len(), m.modified()?)))
                .ok();
            if let (Some(st), Some((len, time, f))) = (stamp, old.get(path))
                && st == (*len, *time)
                && f.rel == *rel
            {
                return (Ok(f.clone()), stamp);
            }
            (
                read_text(path, rel, &display(rel), stamp.map(|s| s.0)),
                stamp,
            )
        })
        .collect();
    let mut fresh = std::collections::HashMap::with_capacity(read.len());
    let mut markdown = Vec::with_capacity(read.len());
    for ((r, stamp), (_, path)) in read.into_iter().zip(md_paths) {
        match r {
            Ok(f) => {
                if let Some((len, time)) = stamp {
                    fresh.insert(path, (len, time, f.clone()));
                }
                markdown.push(f);
            }
            Err(d) => diags.push(d),
        }
    }
    cache.files = fresh;
    (Sources { markdown, assets }, diags)
}

/// An editor's backup, swap or lock file: never content, never published (a backup of a
/// trainer-only page would otherwise go out as plain text).
pub fn is_editor_litter(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with('~')
        || [".bak", ".orig", ".swp", ".swo", ".tmp", ".rej"]
            .iter()
            .any(|e| lower.ends_with(e))
        || (lower.starts_with('#') && lower.ends_with('#'))
        || lower == ".ds_store"
        || lower == "thumbs.db"
        || lower == "desktop.ini"
}

/// `len`: the size, when the caller has just looked (a stat per file is not free at 5,000).
fn read_text(
    path: &Path,
    rel: &str,
    display: &str,
    len: Option<u64>,
) -> Result<SourceFile, Diagnostic> {
    let len = match len {
        Some(l) => l,
        None => std::fs::metadata(path)
            .map_err(|e| Diagnostic::error(display, format!("cannot read: {e}")))?
            .len(),
    };
    if len > MAX_MARKDOWN_BYTES {
        return Err(Diagnostic::error(
            display,
            format!(
                "file is {} KiB; Markdown files may be at most {} KiB",
                len / 1024,
                MAX_MARKDOWN_BYTES / 1024
            ),
        )
        .hint("split it into several pages"));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Diagnostic::error(display, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let col = good
            .rsplit(|b| *b == b'\n')
            .next()
            .map_or(0, |l| String::from_utf8_lossy(l).chars().count())
            + 1;
        Diagnostic::error(display, "file is not UTF-8 text")
            .at(line, col)
            .hint("save the file as UTF-8 (most editors offer this under “Save as” or “Encoding”)")
    })?;
    Ok(SourceFile {
        rel: rel.to_string(),
        display: display.to_string(),
        text: normalise(text).into(),
    })
}

/// Byte-order mark removed, CRLF and lone CR made LF, so positions are the same on every system;
/// other control characters (NUL, escape, ...) dropped: they mean nothing in a page, are not
/// allowed in a `.docx`, and would reach titles taken from headings.
pub fn normalise(text: String) -> String {
    let t = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let t = if t.contains('\r') {
        t.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        t
    };
    match crate::util::strip_controls(&t) {
        std::borrow::Cow::Borrowed(_) => t,
        std::borrow::Cow::Owned(o) => o,
    }
}
