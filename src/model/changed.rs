//! When a programme last changed, in whole seconds since [`EPOCH`]: the newest modification
//! time of book.toml, the programme's folder and everything in it (a file added, renamed or
//! removed changes its folder's time). The calendar writes it as every event's `SEQUENCE`,
//! which must grow when an event changes for a calendar to take an update; an unchanged
//! programme keeps it, so a rebuild writes the same bytes. (A content hash would not grow.)

use std::path::Path;
use std::time::{Duration, SystemTime};

use super::Site;

/// 2020-01-01T00:00:00Z: seconds since then fit the signed 32-bit `SEQUENCE` some calendar
/// programs use until 2088.
pub const EPOCH: Duration = Duration::from_secs(1_577_836_800);

/// Stamps each programme that gets a calendar (every day dated); the others keep 0.
pub fn stamp(root: &Path, site: &mut Site) {
    let book = seconds(&root.join(crate::config::FILE));
    let src = root.join(&site.config.src);
    for p in &mut site.programmes {
        if p.days.is_empty() || p.days.iter().any(|d| d.date.is_none()) {
            continue;
        }
        let newest = walkdir::WalkDir::new(src.join(&p.slug))
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok()?.modified().ok())
            .map(since_epoch)
            .max()
            .unwrap_or(0);
        p.changed = newest.max(book);
    }
}

fn seconds(path: &Path) -> u64 {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map_or(0, since_epoch)
}

fn since_epoch(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH + EPOCH)
        .map_or(0, |d| d.as_secs())
}
