//! Watching book.toml, the content and the theme. Events are debounced (an editor's save is
//! often several events: write a temp file, rename it over the old one) and sorted into
//! "content changed" and "book.toml or theme changed".

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::diagnostics::Diagnostic;

pub type Watcher = Debouncer<RecommendedWatcher, RecommendedCache>;

/// What a batch of events asks for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// book.toml or the theme changed: read them again and render everything.
    pub full: bool,
    /// Files that changed, relative to the site root, for the terminal.
    pub paths: Vec<String>,
    /// The same, as the watcher gave them.
    pub abs: Vec<PathBuf>,
}

pub struct Watched {
    pub root: PathBuf,
    pub src: PathBuf,
    pub themes: PathBuf,
}

impl Watched {
    /// Sorts one changed path; None for files that do not matter (editor backups, swap
    /// files, anything outside what we watch).
    pub fn classify(&self, path: &Path) -> Option<(bool, String)> {
        let name = path.file_name()?.to_string_lossy();
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name == "4913"
        {
            return None;
        }
        let rel = |p: &Path| {
            p.strip_prefix(&self.root)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        };
        if path.parent() == Some(self.root.as_path()) && name == crate::config::FILE {
            return Some((true, rel(path)));
        }
        if path.starts_with(&self.themes) {
            return Some((true, rel(path)));
        }
        if path.starts_with(&self.src) {
            // Hidden folders are skipped by the build, so by the watcher too.
            let hidden = path
                .strip_prefix(&self.src)
                .ok()?
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            return (!hidden).then(|| (false, rel(path)));
        }
        None
    }

    pub fn change_of(&self, events: &DebounceEventResult) -> Change {
        let mut change = Change::default();
        let Ok(events) = events else {
            // The watcher lost track (e.g. too many events): rebuild everything to be safe.
            change.full = true;
            return change;
        };
        for e in events {
            if matches!(e.kind, EventKind::Access(_)) {
                continue;
            }
            for p in &e.paths {
                if let Some((full, rel)) = self.classify(p) {
                    change.full |= full;
                    if !change.paths.contains(&rel) {
                        change.paths.push(rel);
                        change.abs.push(p.clone());
                    }
                }
            }
        }
        change
    }
}

/// Starts watching; events arrive on the returned channel. Keep the watcher alive.
pub fn start(w: &Watched) -> Result<(Watcher, mpsc::Receiver<DebounceEventResult>), Diagnostic> {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(60), None, tx)
        .map_err(|e| Diagnostic::error("", format!("cannot watch for changes: {e}")))?;
    let watch = |d: &mut Watcher, p: &Path, mode| {
        d.watch(p, mode).map_err(|e| {
            Diagnostic::error(
                p.display().to_string(),
                format!("cannot watch for changes: {e}"),
            )
            .hint("on Linux, raise fs.inotify.max_user_watches")
        })
    };
    // The root itself (not recursive) for book.toml: editors that save by renaming a temp
    // file over it would leave a watch on the file itself watching nothing.
    watch(&mut debouncer, &w.root, RecursiveMode::NonRecursive)?;
    watch(&mut debouncer, &w.src, RecursiveMode::Recursive)?;
    if w.themes.is_dir() {
        watch(&mut debouncer, &w.themes, RecursiveMode::Recursive)?;
    }
    Ok((debouncer, rx))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_paths() {
        let w = Watched {
            root: "/s".into(),
            src: "/s/content".into(),
            themes: "/s/themes".into(),
        };
        let c = |p: &str| w.classify(Path::new(p));
        assert_eq!(c("/s/book.toml"), Some((true, "book.toml".into())));
        assert_eq!(
            c("/s/content/a/b.md"),
            Some((false, "content/a/b.md".into()))
        );
        assert_eq!(
            c("/s/themes/x/templates/base.html"),
            Some((true, "themes/x/templates/base.html".into()))
        );
        assert_eq!(c("/s/content/a/.b.md.swp"), None);
        assert_eq!(c("/s/content/a/b.md~"), None);
        assert_eq!(c("/s/content/.git/x"), None);
        assert_eq!(c("/s/site/index.html"), None);
        assert_eq!(c("/s/other.toml"), None);
    }
}
