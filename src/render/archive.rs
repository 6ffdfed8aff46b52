//! `site.zip`: the whole site in one file, for a shared drive or an upload. Entries are in
//! path order with the zip format's fixed default date, so the same site gives the same bytes.
//! Written from the files as published, streamed: memory stays bounded whatever the site's
//! size, and ZIP64 records are used where an entry, offset or count needs them.

use std::io::{BufWriter, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;

use crate::diagnostics::Diagnostic;

pub const NAME: &str = "site.zip";

/// Files from this size on get a ZIP64 entry (the plain one stops at 4 GiB), with room to
/// spare for compression that grows incompressible data.
const LARGE: u64 = 0xF000_0000;

/// Writes `dir/site.zip` holding the files `paths` (site-relative, inside `dir`).
pub fn write_site_zip(dir: &Path, paths: &[String]) -> Result<(), Diagnostic> {
    let fail =
        |e: &dyn std::fmt::Display| Diagnostic::error("", format!("cannot write {NAME}: {e}"));
    let mut sorted: Vec<&String> = paths.iter().filter(|p| p.as_str() != NAME).collect();
    sorted.sort();
    let at = dir.join(NAME);
    // A file of that name may be a hard link into the published site: never write into it.
    let _ = std::fs::remove_file(&at);
    let file = std::fs::File::create_new(&at).map_err(|e| fail(&e))?;
    let mut zip = zip::ZipWriter::new(BufWriter::new(file));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for p in sorted {
        let src = dir.join(p);
        let read_err = |e: std::io::Error| {
            Diagnostic::error("", format!("cannot read {}: {e}", src.display()))
        };
        let mut f = std::fs::File::open(&src).map_err(read_err)?;
        let len = f.metadata().map_err(read_err)?.len();
        zip.start_file(p.as_str(), opts.large_file(len >= LARGE))
            .map_err(|e| fail(&e))?;
        std::io::copy(&mut f, &mut zip).map_err(|e| fail(&e))?;
    }
    let mut out = zip.finish().map_err(|e| fail(&e))?;
    out.flush().map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[ignore = "70,000 files, about 20 s: .ci/run runs it"]
    fn more_entries_than_sixteen_bits_hold() {
        let dir = tempfile::tempdir().unwrap();
        let n = 70_000;
        let mut paths = Vec::new();
        for i in 0..n {
            let p = format!("d{}/{i}.txt", i % 100);
            if i < 100 {
                std::fs::create_dir(dir.path().join(format!("d{i}"))).unwrap();
            }
            std::fs::write(dir.path().join(&p), i.to_string()).unwrap();
            paths.push(p);
        }
        write_site_zip(dir.path(), &paths).unwrap();
        let f = std::fs::File::open(dir.path().join(NAME)).unwrap();
        let mut zip = zip::ZipArchive::new(f).unwrap();
        assert_eq!(zip.len(), n);
        let mut e = zip.by_name("d99/69999.txt").unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut e, &mut text).unwrap();
        assert_eq!(text, "69999");
    }
}
