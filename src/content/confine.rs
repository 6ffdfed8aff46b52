//! The site root as a fence. Every file coursebook reads to publish (content, assets, the
//! theme) must resolve inside the folder that holds book.toml: a symbolic link out of it
//! (`ln -s /proc/self/environ content/p/env.txt`) would publish the build machine's files.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

/// The site root, resolved once, and how to show paths under it.
pub struct Fence {
    /// `root` with every link resolved: what a resolved path must start with.
    real: PathBuf,
    /// `root` as given, for stripping from paths in messages.
    root: PathBuf,
}

impl Fence {
    pub fn new(root: &Path) -> Fence {
        Fence {
            real: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            root: root.to_path_buf(),
        }
    }

    /// `path` relative to the site root, `/`-separated, for messages.
    pub fn show(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Where `path` really is, when that is inside the root.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, String> {
        match std::fs::canonicalize(path) {
            Ok(real) if real.starts_with(&self.real) => Ok(real),
            Ok(real) => Err(real.display().to_string()),
            Err(e) => Err(format!("(cannot follow it: {e})")),
        }
    }

    /// `None` when the symbolic link `path` leads inside the root; else the error naming the
    /// link and where it points.
    pub fn refuse_link(&self, path: &Path) -> Option<Diagnostic> {
        let real = self.resolve(path).err()?;
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_else(|_| real.clone());
        let leads = if target == real {
            String::new()
        } else {
            format!(" ({real})")
        };
        Some(
            Diagnostic::error(
                self.show(path),
                format!("symbolic link to `{target}`{leads} leads outside the site folder"),
            )
            .hint("coursebook publishes only files inside the folder that holds book.toml: copy the file in instead of linking to it"),
        )
    }

    /// Every file under `dir` (following links that stay inside the root, skipping hidden
    /// names), by path relative to `dir`, sorted; plus an error for each link out of the
    /// root, each loop and each unreadable entry. `keep` filters entries before descent.
    pub fn walk(
        &self,
        dir: &Path,
        mut keep: impl FnMut(&walkdir::DirEntry) -> bool,
    ) -> (Vec<(String, PathBuf)>, Vec<Diagnostic>) {
        let mut refused = Vec::new();
        let mut files = Vec::new();
        let mut diags = Vec::new();
        let walker = WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                    return false;
                }
                if e.path_is_symlink()
                    && let Some(d) = self.refuse_link(e.path())
                {
                    refused.push(d);
                    return false;
                }
                keep(e)
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let p = e.path().map_or_else(|| self.show(dir), |p| self.show(p));
                    let msg = if e.loop_ancestor().is_some() {
                        "symbolic link loop: this folder links back to one of its parents"
                            .to_string()
                    } else {
                        format!(
                            "cannot read: {}",
                            e.io_error().map_or(e.to_string(), |io| io.to_string())
                        )
                    };
                    diags.push(Diagnostic::error(p, msg).hint("remove or fix the link"));
                    continue;
                }
            };
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push((rel, entry.path().to_path_buf()));
            }
        }
        diags.append(&mut refused);
        (files, diags)
    }
}
