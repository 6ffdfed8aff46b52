//! Publishing: outputs are written to a temporary sibling of the build directory, which is
//! swapped into place only when every file was written. A failed or interrupted build leaves
//! the previous site as it was; its leftovers are removed by the next build.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::render::{Content, Output};

/// Marks a directory as written by coursebook, so it may be replaced.
pub const MARKER: &str = ".coursebook";

/// `p` made absolute and free of `.` and `..`, without requiring it to exist.
pub fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    // Resolve symlinks in the longest existing prefix, then add the rest lexically.
    let mut existing = p.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        out.push(name);
    }
    let mut clean = PathBuf::new();
    for c in out.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other.as_os_str()),
        }
    }
    clean
}

/// Refuses build directories that would put the author's work at risk.
pub fn check_dest(root: &Path, config: &Config, dest: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let dest = absolute(dest);
    let content = absolute(&root.join(&config.src));
    let themes = absolute(&root.join("themes"));
    let refuse = |why: &str| {
        Err(Diagnostic::error(
            crate::config::FILE,
            format!("refusing to build into {}: {why}", dest.display()),
        )
        .hint("set `build-dir` in [build] (or --dest) to a folder of its own, such as \"site\""))
    };
    if dest.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && absolute(&home) == dest
    {
        return refuse("it is your home directory");
    }
    if root.starts_with(&dest) {
        return refuse("it is the site root or a folder that contains it");
    }
    if dest.starts_with(&content) {
        return refuse("it is the content directory or inside it");
    }
    if dest.starts_with(&themes) {
        return refuse("it is inside the themes directory");
    }
    if dest.is_file() {
        return refuse("it is a file");
    }
    if dest.is_dir() && !dest.join(MARKER).exists() {
        let empty = std::fs::read_dir(&dest)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return refuse(
                "it is a folder coursebook did not create and it is not empty (it has no .coursebook marker)",
            );
        }
    }
    Ok(())
}

fn io_err(path: &Path, what: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path.display().to_string(), format!("cannot {what}: {e}"))
}

/// Write `outputs` as the site in `dest`, atomically.
pub fn publish(
    root: &Path,
    config: &Config,
    dest: &Path,
    outputs: &[Output],
) -> Result<(), Diagnostic> {
    let p = Publish::begin(root, config, dest)?;
    p.write(outputs)?;
    p.finish()
}

/// A site being written: files go into a temporary sibling of the build directory as they
/// are rendered (so the whole site never sits in memory), and [`Publish::finish`] swaps it
/// into place. Dropped unfinished, it removes its temporary folder and the published site
/// is untouched.
pub struct Publish {
    dest: PathBuf,
    parent: PathBuf,
    name: String,
    tmp: PathBuf,
    /// The published site, when coursebook made it: unchanged files are hard-linked from it.
    previous: Option<PathBuf>,
    finished: bool,
}

impl Publish {
    pub fn begin(root: &Path, config: &Config, dest: &Path) -> Result<Publish, Diagnostic> {
        check_dest(root, config, dest)?;
        let dest = absolute(dest);
        let parent = dest
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        std::fs::create_dir_all(&parent).map_err(|e| io_err(&parent, "create the folder", e))?;
        clean_leftovers(&parent, &name);
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).map_err(|e| io_err(&tmp, "create the folder", e))?;
        // Creating a file costs far more than reading and comparing one, and the old site
        // stays untouched either way.
        let previous = dest.join(MARKER).exists().then(|| dest.clone());
        Ok(Publish {
            dest,
            parent,
            name,
            tmp,
            previous,
            finished: false,
        })
    }

    /// Where a written file is until the site is swapped in.
    pub fn staged(&self, path: &str) -> PathBuf {
        self.tmp.join(path)
    }

    /// Writes `outputs` into the temporary folder, in parallel.
    pub fn write(&self, outputs: &[Output]) -> Result<(), Diagnostic> {
        write_all(&self.tmp, outputs, self.previous.as_deref())
    }

    /// Marks the new site and swaps it in for the old one.
    pub fn finish(mut self) -> Result<(), Diagnostic> {
        std::fs::write(
            self.tmp.join(MARKER),
            "This folder is written by coursebook and replaced on every build.\n",
        )
        .map_err(|e| io_err(&self.tmp, "write the marker", e))?;
        let old = self
            .parent
            .join(format!(".{}.old-{}", self.name, std::process::id()));
        let had_old = self.dest.exists();
        if had_old {
            std::fs::rename(&self.dest, &old)
                .map_err(|e| io_err(&self.dest, "move the previous site aside", e))?;
        }
        if let Err(e) = std::fs::rename(&self.tmp, &self.dest) {
            if had_old {
                let _ = std::fs::rename(&old, &self.dest);
            }
            return Err(io_err(&self.dest, "put the new site in place", e));
        }
        self.finished = true;
        if had_old {
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

impl Drop for Publish {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Removes `.site.tmp-*` and `.site.old-*` left by interrupted builds (never anything else).
fn clean_leftovers(parent: &Path, name: &str) {
    let Ok(rd) = std::fs::read_dir(parent) else {
        return;
    };
    let tmp = format!(".{name}.tmp-");
    let old = format!(".{name}.old-");
    for e in rd.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if (n.starts_with(&tmp) || n.starts_with(&old)) && e.path().is_dir() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Whether `old` holds exactly `bytes`.
fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(old).is_ok_and(|b| b == bytes)
}

fn same_file(old: &Path, src: &Path) -> bool {
    match (std::fs::metadata(old), std::fs::metadata(src)) {
        (Ok(a), Ok(b)) if a.is_file() && a.len() == b.len() => std::fs::read(old)
            .ok()
            .zip(std::fs::read(src).ok())
            .is_some_and(|(x, y)| x == y),
        _ => false,
    }
}

fn write_all(dir: &Path, outputs: &[Output], previous: Option<&Path>) -> Result<(), Diagnostic> {
    let dirs: BTreeSet<PathBuf> = outputs
        .iter()
        .filter_map(|o| Path::new(&o.path).parent().map(|p| dir.join(p)))
        .collect();
    for d in dirs {
        std::fs::create_dir_all(&d).map_err(|e| io_err(&d, "create the folder", e))?;
    }
    outputs.par_iter().try_for_each(|o| {
        let path = dir.join(&o.path);
        let rendered;
        let bytes: Option<&[u8]> = match &o.content {
            Content::Bytes(b) => Some(b),
            Content::Static(b) => Some(b),
            Content::Copy(_) => None,
            Content::Deferred(d) => {
                rendered = d.render()?;
                Some(&rendered)
            }
        };
        if let Some(prev) = previous {
            let old = prev.join(&o.path);
            let unchanged = match (&o.content, bytes) {
                (Content::Copy(src), _) => same_file(&old, src),
                (_, Some(b)) => same_bytes(&old, b),
                _ => false,
            };
            if unchanged && std::fs::hard_link(&old, &path).is_ok() {
                return Ok(());
            }
        }
        let r = match (&o.content, bytes) {
            (Content::Copy(src), _) => std::fs::copy(src, &path).map(|_| ()),
            (_, Some(b)) => std::fs::write(&path, b),
            (_, None) => Ok(()),
        };
        r.map_err(|e| io_err(&path, "write", e))
    })
}
