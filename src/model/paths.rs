//! Output paths: two sources may not write the same file, nor files whose names differ only
//! by case or by how an accent is encoded (NFC `é` against NFD `e` + U+0301): they overwrite
//! each other on Windows and macOS, where sites are often opened. A `\\` or `:` in a name is
//! refused: on Windows it is a folder separator or a drive, so `x\\..\\..\\evil.txt` in
//! `site.zip` would unzip outside its folder.

use std::collections::HashMap;

use icu_normalizer::ComposingNormalizerBorrowed;

use super::Site;
use crate::diagnostics::Diagnostic;
use crate::render::outputs::{generated_by, programme_names};

/// Every output name checked: names unsafe in a link or on Windows, names `coursebook`
/// writes itself, and outputs that would overwrite one another.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let outs = outputs(site);
    let mut diags = unsafe_names(site, &outs);
    diags.extend(clashes(site, &outs));
    diags.extend(delivery_ids(site));
    diags
}

/// A delivery's id (its file name) names a folder of the site: letters, digits, `-`, `_`
/// and `.` only, not starting with a dot.
fn delivery_ids(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for d in site.programmes.iter().flat_map(|p| &p.deliveries) {
        let safe = !d.id.is_empty()
            && !d.id.starts_with('.')
            && d.id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !safe {
            let better: String =
                d.id.chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() {
                            c.to_ascii_lowercase()
                        } else {
                            '-'
                        }
                    })
                    .collect();
            let better = better.trim_matches('-');
            diags.push(
                Diagnostic::error(
                    &d.src,
                    format!("the delivery id `{}` (its file name) is not a safe folder name", d.id),
                )
                .at(1, 1)
                .hint(format!(
                    "rename the file with letters, digits, `-` and `_` only, e.g. `{}.md`: the id names the folder of its pages",
                    if better.is_empty() { "spring-2027" } else { better }
                )),
            );
        }
    }
    diags
}

/// Every output a source makes: (output path, source path for messages).
fn outputs(site: &Site) -> Vec<(String, String)> {
    let mut outs: Vec<(String, String)> = Vec::new();
    for pg in &site.pages {
        outs.push((pg.out.clone(), pg.src.clone()));
    }
    for p in &site.programmes {
        for s in &p.sessions {
            outs.push((s.out.clone(), s.src.clone()));
        }
        for pg in &p.pages {
            outs.push((pg.out.clone(), pg.src.clone()));
        }
        for l in &p.letters {
            let stem = l.out.trim_end_matches(".html");
            for ext in ["html", "docx", "txt"] {
                outs.push((format!("{stem}.{ext}"), l.src.clone()));
            }
        }
    }
    let src_dir = site.config.src.to_string_lossy().replace('\\', "/");
    for a in &site.assets {
        outs.push((a.out.clone(), format!("{src_dir}/{}", a.out)));
    }
    outs
}

/// A `\\` or `:` in a name, each bad file or folder name once.
fn unsafe_names(site: &Site, outs: &[(String, String)]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // A programme folder with no sessions yet still names its generated pages.
    let folders = site
        .programmes
        .iter()
        .map(|p| (format!("{}/", p.slug), p.src.clone()));
    // Each bad file or folder name once, not once per file inside the folder.
    let mut reported = std::collections::HashSet::new();
    for o in outs.iter().cloned().chain(folders) {
        let Some(bad) = o.0.find(['\\', ':']) else {
            continue;
        };
        let end = o.0[bad..].find('/').map_or(o.0.len(), |i| bad + i);
        let name = &o.0[o.0[..bad].rfind('/').map_or(0, |i| i + 1)..end];
        if reported.insert(o.0[..end].to_string()) {
            let c = &o.0[bad..=bad];
            let better = name.replace(['\\', ':'], "-");
            diags.push(
                Diagnostic::error(
                    &o.1,
                    format!("the name `{name}` cannot be part of a link: it holds `{c}`"),
                )
                .hint(format!(
                    "rename it, e.g. `{better}`: a `:` makes a link to it an address of another \
                     kind (`javascript:...`), and on Windows `\\` and `:` separate folders and \
                     drives, so the file would land elsewhere, or nowhere"
                )),
            );
        }
    }
    diags
}

/// Names `coursebook` writes itself, and two outputs whose names are the same, or differ
/// only by case or Unicode form.
fn clashes(site: &Site, outs: &[(String, String)]) -> Vec<Diagnostic> {
    let programmes: Vec<&str> = site.programmes.iter().map(|p| p.slug.as_str()).collect();
    let mut diags = Vec::new();
    let nfc = ComposingNormalizerBorrowed::new_nfc();
    let mut seen: HashMap<String, &(String, String)> = HashMap::new();
    for o in outs {
        if o.0.contains(['\\', ':']) {
            continue;
        }
        if let Some(by) = generated_by(&o.0, &programmes) {
            diags.push(
                Diagnostic::error(&o.1, format!("would write {}, {by}", o.0)).hint(format!(
                    "rename the file; these names are taken in a programme folder: {}",
                    programme_names()
                )),
            );
            continue;
        }
        let key = nfc.normalize(&o.0.to_lowercase()).into_owned();
        match seen.get(&key) {
            Some(first) if first.0 == o.0 => diags.push(
                Diagnostic::error(
                    &o.1,
                    format!("would write {}, which {} writes too", o.0, first.1),
                )
                .hint("rename one of them"),
            ),
            Some(first) => {
                let how = if first.0.to_lowercase() == o.0.to_lowercase() {
                    "only by case"
                } else {
                    "only in how an accented letter is encoded (composed or as a letter and \
                     an accent)"
                };
                diags.push(
                    Diagnostic::error(
                        &o.1,
                        format!("{} and {} ({}) differ {how}", o.0, first.0, first.1),
                    )
                    .hint("they would overwrite each other on Windows and macOS: rename one"),
                )
            }
            None => {
                seen.insert(key, o);
            }
        }
    }
    diags
}
