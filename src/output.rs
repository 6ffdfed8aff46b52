//! Publishing: outputs are written to a temporary sibling of the build directory, which is
//! swapped into place only when every file was written. A failed or interrupted build leaves
//! the previous site as it was; its leftovers are removed by the next build.

use std::collections::BTreeSet;
use std::io::Read;
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
        recover(&dest);
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

    /// Marks the new site and swaps it in for the old one: one atomic exchange where the
    /// system has it, so there is a whole site at every moment; elsewhere two renames, whose
    /// gap [`recover`] closes on the next run.
    pub fn finish(mut self) -> Result<(), Diagnostic> {
        std::fs::write(
            self.tmp.join(MARKER),
            "This folder is written by coursebook and replaced on every build.\n",
        )
        .map_err(|e| io_err(&self.tmp, "write the marker", e))?;
        crash_point("before-swap");
        let had_old = std::fs::symlink_metadata(&self.dest).is_ok();
        if had_old && exchange_supported() {
            match exchange(&self.tmp, &self.dest) {
                Ok(()) => {
                    // The temporary folder now holds the previous site.
                    self.finished = true;
                    crash_point("after-exchange");
                    let _ = std::fs::remove_dir_all(&self.tmp);
                    return Ok(());
                }
                Err(e) if !unsupported(&e) => {
                    return Err(io_err(&self.dest, "put the new site in place", e));
                }
                Err(_) => {}
            }
        }
        let old = self
            .parent
            .join(format!(".{}.old-{}", self.name, std::process::id()));
        if had_old {
            std::fs::rename(&self.dest, &old)
                .map_err(|e| io_err(&self.dest, "move the previous site aside", e))?;
            crash_point("after-move-aside");
        }
        if let Err(e) = std::fs::rename(&self.tmp, &self.dest) {
            if had_old {
                let _ = std::fs::rename(&old, &self.dest);
            }
            return Err(io_err(&self.dest, "put the new site in place", e));
        }
        self.finished = true;
        crash_point("after-swap");
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

/// A test hook: `COURSEBOOK_TEST_CRASH_AT=<point>` ends the process at that point of the
/// swap, as a kill would (tests/atomic.rs). It can only stop a build, never change one.
fn crash_point(point: &str) {
    if std::env::var_os("COURSEBOOK_TEST_CRASH_AT").is_some_and(|p| p == point) {
        std::process::abort();
    }
}

/// `COURSEBOOK_TEST_NO_EXCHANGE=1` takes the two-rename road, as on systems without an
/// exchange, so tests on Linux cover it too.
fn exchange_supported() -> bool {
    cfg!(target_os = "linux") && std::env::var_os("COURSEBOOK_TEST_NO_EXCHANGE").is_none()
}

/// Whether an exchange failed because the system or file system cannot do it.
fn unsupported(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if let Some(code) = e.raw_os_error() {
        return [libc::ENOSYS, libc::EINVAL, libc::ENOTSUP, libc::EOPNOTSUPP].contains(&code);
    }
    e.kind() == std::io::ErrorKind::Unsupported
}

/// Swaps two paths in one step (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two valid NUL-terminated paths that outlive the call; the syscall reads them
    // and nothing else. The raw syscall, since glibc before 2.28 has no wrapper.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Puts back the site of a build stopped between moving the old site aside and moving the
/// new one in (`site/` missing, `.site.old-PID` whole: the only copy), then removes the
/// leftovers of interrupted builds, `.site.tmp-*` (unfinished) and `.site.old-*` (only
/// once a site is in place; never anything else).
pub fn recover(dest: &Path) {
    let dest = absolute(dest);
    let (Some(parent), Some(name)) = (dest.parent(), dest.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let tmp = format!(".{name}.tmp-");
    let old = format!(".{name}.old-");
    let Ok(rd) = std::fs::read_dir(parent) else {
        return;
    };
    let mut olds = Vec::new();
    let mut tmps = Vec::new();
    for e in rd.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        // Only real folders: a link of that name is not ours to follow.
        if !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if n.starts_with(&old) {
            olds.push(e.path());
        } else if n.starts_with(&tmp) {
            tmps.push(e.path());
        }
    }
    if std::fs::symlink_metadata(&dest).is_err() {
        // The newest whole previous site; a finished new one (marked) if there is none.
        let newest = |dirs: &[PathBuf]| {
            dirs.iter()
                .filter_map(|d| {
                    let m = std::fs::metadata(d.join(MARKER)).ok()?;
                    Some((m.modified().ok()?, d.clone()))
                })
                .max()
                .map(|(_, d)| d)
        };
        if let Some(back) = newest(&olds).or_else(|| newest(&tmps))
            && std::fs::rename(&back, &dest).is_ok()
        {
            olds.retain(|d| *d != back);
            tmps.retain(|d| *d != back);
        }
    }
    // A previous site is removed only once a site is in place (or it was put back).
    let in_place = std::fs::symlink_metadata(&dest).is_ok();
    for d in tmps.iter().chain(olds.iter().filter(|_| in_place)) {
        let _ = std::fs::remove_dir_all(d);
    }
}

/// Whether `old` holds exactly `bytes`: the size first, then the file in pieces.
fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    let Ok(f) = open_file(old, bytes.len() as u64) else {
        return false;
    };
    same_stream(f, &mut &bytes[..]).unwrap_or(false)
}

/// Whether `old` and `src` have the same bytes, read side by side in pieces, so a large
/// asset is never held whole (twice) in memory.
fn same_file(old: &Path, src: &Path) -> bool {
    let Ok(m) = std::fs::metadata(src) else {
        return false;
    };
    match (open_file(old, m.len()), std::fs::File::open(src)) {
        (Ok(a), Ok(mut b)) => same_stream(a, &mut b).unwrap_or(false),
        _ => false,
    }
}

/// `path` opened, if it is a regular file of `len` bytes.
fn open_file(path: &Path, len: u64) -> std::io::Result<std::fs::File> {
    let m = std::fs::symlink_metadata(path)?;
    if !m.is_file() || m.len() != len {
        return Err(std::io::ErrorKind::InvalidData.into());
    }
    std::fs::File::open(path)
}

/// Whether two readers yield the same bytes to the end.
fn same_stream(mut a: impl Read, b: &mut impl Read) -> std::io::Result<bool> {
    const CHUNK: usize = 64 * 1024;
    let mut x = vec![0u8; CHUNK];
    let mut y = vec![0u8; CHUNK];
    loop {
        let n = read_full(&mut a, &mut x)?;
        let m = read_full(b, &mut y)?;
        if n != m || x[..n] != y[..m] {
            return Ok(false);
        }
        if n < CHUNK {
            return Ok(true);
        }
    }
}

/// Fills `buf` unless the reader ends first; the number of bytes read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_puts_back_the_only_copy_and_removes_only_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let mk = |name: &str, marked: bool| {
            let d = dir.path().join(name);
            std::fs::create_dir(&d).unwrap();
            std::fs::write(d.join("index.html"), name).unwrap();
            if marked {
                std::fs::write(d.join(MARKER), "").unwrap();
            }
        };
        // Stopped between the two renames: the previous site is the only copy.
        mk(".site.old-7", true);
        mk(".site.tmp-8", false);
        mk("other", false);
        recover(&site);
        assert_eq!(
            std::fs::read_to_string(site.join("index.html")).unwrap(),
            ".site.old-7"
        );
        assert!(!dir.path().join(".site.tmp-8").exists());
        assert!(dir.path().join("other").exists());
        // A first build killed: nothing to put back, the unfinished folder goes.
        std::fs::remove_dir_all(&site).unwrap();
        mk(".site.tmp-9", false);
        recover(&site);
        assert!(!site.exists());
        assert!(!dir.path().join(".site.tmp-9").exists());
        // With a site in place, every leftover goes and the site stays.
        mk("site", true);
        mk(".site.old-10", true);
        mk(".site.tmp-11", true);
        recover(&site);
        assert_eq!(
            std::fs::read_to_string(site.join("index.html")).unwrap(),
            "site"
        );
        assert!(!dir.path().join(".site.old-10").exists());
        assert!(!dir.path().join(".site.tmp-11").exists());
    }

    #[test]
    fn compares_in_pieces() {
        let dir = tempfile::tempdir().unwrap();
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::fs::write(&a, &big).unwrap();
        std::fs::write(&b, &big).unwrap();
        assert!(same_file(&a, &b));
        assert!(same_bytes(&a, &big));
        let mut other = big.clone();
        other[150_000] ^= 1;
        std::fs::write(&b, &other).unwrap();
        assert!(!same_file(&a, &b));
        assert!(!same_bytes(&a, &other));
        assert!(!same_bytes(&a, &big[..100]));
        assert!(!same_bytes(&dir.path().join("missing"), b""));
        std::fs::write(&b, b"").unwrap();
        assert!(same_bytes(&b, b""));
    }
}
