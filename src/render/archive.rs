//! `site.zip`: the whole site in one file, for a shared drive or an upload. Entries are in
//! path order with the zip format's fixed default date, so the same site gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::{Content, Output};
use crate::diagnostics::Diagnostic;

pub const NAME: &str = "site.zip";

pub fn site_zip(outputs: &[Output]) -> Result<Output, Diagnostic> {
    let fail =
        |e: &dyn std::fmt::Display| Diagnostic::error("", format!("cannot write {NAME}: {e}"));
    let mut sorted: Vec<&Output> = outputs.iter().filter(|o| o.path != NAME).collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for o in sorted {
        let copied;
        let bytes: &[u8] = match &o.content {
            Content::Bytes(b) => b,
            Content::Static(b) => b,
            Content::Copy(p) => {
                copied = std::fs::read(p).map_err(|e| {
                    Diagnostic::error("", format!("cannot read {}: {e}", p.display()))
                })?;
                &copied
            }
            Content::Deferred(d) => {
                copied = d.render()?;
                &copied
            }
        };
        zip.start_file(o.path.as_str(), opts)
            .map_err(|e| fail(&e))?;
        zip.write_all(bytes).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(Output::bytes(NAME, cursor.into_inner()))
}
