//! Output paths: two sources may not write the same file, nor files whose names differ only
//! by case (they overwrite each other on Windows and macOS, where sites are often opened).

use std::collections::HashMap;

use super::Site;
use crate::diagnostics::Diagnostic;

/// Files coursebook writes at the site root.
pub const SITE_FILES: &[&str] = &[
    "index.html",
    "404.html",
    "searchindex.js",
    "sitemap.xml",
    "site.zip",
    ".coursebook",
];
/// Folder of the theme's static files.
pub const THEME_DIR: &str = "theme/";
/// Files coursebook writes in each programme folder (`*` matches a day number).
pub const PROGRAMME_FILES: &[&str] = &[
    "index.html",
    "timetable.html",
    "timetable.csv",
    "timetable.ics",
    "prompts.html",
    "materials.html",
    "themes.html",
    "handout.html",
    "print.html",
    "runsheet-day-*.html",
];

fn generated_by(path: &str, programmes: &[&str]) -> Option<&'static str> {
    if SITE_FILES.contains(&path) {
        return Some("a file coursebook writes itself");
    }
    if path.starts_with(THEME_DIR) {
        return Some("where the theme's files go");
    }
    let (dir, file) = path.split_once('/')?;
    if !programmes.contains(&dir) {
        return None;
    }
    PROGRAMME_FILES
        .iter()
        .any(|g| match g.split_once('*') {
            Some((a, b)) => {
                file.starts_with(a) && file.ends_with(b) && file.len() > a.len() + b.len()
            }
            None => *g == file,
        })
        .then_some("a page coursebook generates for the programme")
}

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let programmes: Vec<&str> = site.programmes.iter().map(|p| p.slug.as_str()).collect();
    // Every output a source makes: (output path, source path for messages).
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
    let mut diags = Vec::new();
    let mut seen: HashMap<String, &(String, String)> = HashMap::new();
    for o in &outs {
        if let Some(by) = generated_by(&o.0, &programmes) {
            diags.push(
                Diagnostic::error(&o.1, format!("would write {}, {by}", o.0))
                    .hint("rename the file; these names are taken: index, timetable, prompts, materials, themes, handout, print, runsheet-day-N"),
            );
            continue;
        }
        let key = o.0.to_lowercase();
        match seen.get(&key) {
            Some(first) if first.0 == o.0 => diags.push(
                Diagnostic::error(
                    &o.1,
                    format!("would write {}, which {} writes too", o.0, first.1),
                )
                .hint("rename one of them"),
            ),
            Some(first) => diags.push(
                Diagnostic::error(
                    &o.1,
                    format!("{} and {} ({}) differ only by case", o.0, first.0, first.1),
                )
                .hint("they would overwrite each other on Windows and macOS: rename one"),
            ),
            None => {
                seen.insert(key, o);
            }
        }
    }
    diags
}
