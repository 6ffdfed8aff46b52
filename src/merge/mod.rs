//! `coursebook merge`: one filled letter per row of a participant list.
//!
//! The list is a CSV as Excel and LibreOffice save it: maybe a UTF-8 byte-order mark, quoted
//! cells with commas, quotes and line breaks, and `;` (or a tab) as the separator in some
//! locales, detected from the header line. Every document is made in memory first; if any
//! error is found nothing is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::letters::{self, docx};
use crate::model::logo::Logo;
use crate::model::{Delivery, Letter, Programme};
use crate::render::builtin_value_in;

pub mod attendance;
mod find;
mod table;
pub use table::{Table, clean, detect_separator, file_slug, read_table, trim};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Docx,
    Txt,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Txt => "txt",
        }
    }
}

#[derive(Debug, Clone)]
pub struct MergeOptions {
    /// The letter template, `content/<programme>/letters/<name>.md`.
    pub letter: PathBuf,
    /// The participant list.
    pub data: PathBuf,
    /// Where the letters go; default `<name>-letters` in the current folder.
    pub out: Option<PathBuf>,
    pub format: Format,
    /// A delivery of the letter's programme (`--delivery <id>`): its dates, venue, start,
    /// trainers, contact hours and sessions fill the built-ins.
    pub delivery: Option<String>,
}

/// The letters of one merge, made but not yet written.
#[derive(Debug)]
pub struct Merged {
    pub dir: PathBuf,
    pub format: Format,
    /// File names (inside `dir`) and contents, in row order.
    pub files: Vec<(String, Vec<u8>)>,
    /// Rows left out of a certificate's merge: people who did not attend.
    pub skipped: usize,
}

/// Load the site the letter belongs to, read the list and make one document per row.
// Long by design: a merge's steps in order (find the site, load it, read the list, map its
// columns, make the letters), all reporting into one set of diagnostics before any write.
pub fn merge(opts: &MergeOptions) -> (Option<Merged>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let Some((root, site, pi, li)) = find::letter(&opts.letter, &mut diags) else {
        return (None, diags);
    };
    let root = root.as_path();
    let programme = &site.programmes[pi];
    let letter = &programme.letters[li];
    let delivery = match opts.delivery.as_deref() {
        None => None,
        Some(id) => match find::delivery(programme, id) {
            Ok(d) => Some(d),
            Err(d) => {
                diags.push(d);
                return (None, diags);
            }
        },
    };

    let display = opts.data.display().to_string();
    let table = match std::fs::read(&opts.data) {
        Ok(b) => read_table(&b, &display),
        Err(e) => Err(Diagnostic::error(
            &display,
            format!("cannot read the list: {e}"),
        )),
    };
    let table = match table {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let org = site.config.organisation.as_deref();
    let (files, skipped) = make_letters(
        letter,
        (programme, delivery),
        (org, site.logo.as_deref()),
        &site.config.language,
        &table,
        &display,
        opts.format,
        &mut diags,
    );
    if diags.has_errors() {
        return (None, diags);
    }
    let default = format!("{}-letters", letter.name);
    let dir = match out_dir(opts.out.as_deref(), root, &site.config, &default, "letters") {
        Ok(d) => d,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    if inside(&opts.data, &root.join(&site.config.src)) {
        diags.push(
            Diagnostic::warning(
                &display,
                format!(
                    "the participant list is inside the content folder `{}`, which the site is built from",
                    site.config.src.display()
                ),
            )
            .hint("keep lists of people outside the content folder, so no build can publish them"),
        );
    }
    (
        Some(Merged {
            dir,
            format: opts.format,
            files,
            skipped,
        }),
        diags,
    )
}

/// Whether `path` is `folder` or inside it, links resolved.
pub fn inside(path: &Path, folder: &Path) -> bool {
    crate::output::absolute(path).starts_with(crate::output::absolute(folder))
}

/// Where the letters go: `--out`, or `<name>-letters` in the current folder, or beside
/// book.toml when the current folder is inside the content (run from a letters folder).
/// Never inside the content or the build folder, which are published.
pub fn out_dir(
    out: Option<&Path>,
    root: &Path,
    config: &crate::config::Config,
    default: &str,
    documents: &str,
) -> Result<PathBuf, Diagnostic> {
    let content = root.join(&config.src);
    let dir = match out {
        Some(d) => d.to_path_buf(),
        None if inside(Path::new("."), &content) => root.join(default),
        None => PathBuf::from(default),
    };
    let published = [
        (&content, "content"),
        (&root.join(&config.build_dir), "build"),
    ];
    for (folder, what) in published {
        if inside(&dir, folder) {
            return Err(Diagnostic::error(
                dir.display().to_string(),
                format!(
                    "refusing to write the {documents} inside the {what} folder `{}`: the site is published from it, with these {documents} and the names in them",
                    folder.display()
                ),
            )
            .hint(format!(
                "pass --out with a folder outside it, such as {}",
                root.join(default).display()
            )));
        }
    }
    Ok(dir)
}

/// Which column holds each field: the column named after the field, or after its label.
fn columns(
    letter: &Letter,
    table: &Table,
    display: &str,
    attendance: &attendance::Columns,
    diags: &mut Diagnostics,
) -> Option<Vec<usize>> {
    let mut cols = Vec::new();
    let mut missing = false;
    for f in &letter.fields {
        let at = table.header.iter().position(|h| h == &f.name).or_else(|| {
            table
                .header
                .iter()
                .position(|h| h.to_lowercase() == f.label.to_lowercase())
        });
        match at {
            Some(i) => cols.push(i),
            None => {
                missing = true;
                let hint = match closest(&f.name, table.header.iter().map(String::as_str)) {
                    Some(c) => format!("did you mean `{c}`? Name the column `{}`", f.name),
                    None => format!(
                        "add a column `{}` ({}); the columns are: {}",
                        f.name,
                        f.label,
                        table.header.join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::error(
                        display,
                        format!("no column for the field `{}` ({})", f.name, f.label),
                    )
                    .at(1, 1)
                    .hint(hint),
                );
            }
        }
    }
    if missing {
        return None;
    }
    let extra: Vec<&str> = table
        .header
        .iter()
        .enumerate()
        .filter(|(i, _)| !cols.contains(i) && !attendance.holds(*i))
        .map(|(_, h)| h.as_str())
        .collect();
    if !extra.is_empty() {
        diags.push(
            Diagnostic::warning(
                display,
                format!(
                    "the letter has no field for {} `{}`; ignored",
                    if extra.len() == 1 {
                        "the column"
                    } else {
                        "the columns"
                    },
                    extra.join("`, `")
                ),
            )
            .at(1, 1),
        );
    }
    Some(cols)
}

// Long by design: one letter per row (its values, its fills, both writers, its file name),
// in row order.
#[allow(clippy::too_many_arguments)]
fn make_letters(
    letter: &Letter,
    (programme, delivery): (&Programme, Option<&Delivery>),
    (organisation, logo): (Option<&str>, Option<&Logo>),
    language: &str,
    table: &Table,
    display: &str,
    format: Format,
    diags: &mut Diagnostics,
) -> (Vec<(String, Vec<u8>)>, usize) {
    // A certificate is only for those who attended, when the list says who did.
    let attendance = match letter.kind {
        crate::model::LetterKind::Certificate => match delivery {
            Some(d) => attendance::columns_of(table, &d.days),
            None => attendance::columns(table, programme),
        },
        crate::model::LetterKind::Letter => attendance::Columns::default(),
    };
    let Some(cols) = columns(letter, table, display, &attendance, diags) else {
        return (Vec::new(), 0);
    };
    let mut skipped = 0;
    if table.rows.is_empty() {
        diags.push(Diagnostic::warning(
            display,
            "the list has a header but no rows: no letters to write",
        ));
    }
    let doc = letters::parse(letter);
    let width = table.rows.len().to_string().len().max(2);
    let meta = docx::Meta {
        title: &letter.title,
        organisation,
        language,
        landscape: letter.kind == crate::model::LetterKind::Certificate,
        logo: logo.filter(|_| letter.kind == crate::model::LetterKind::Certificate),
    };
    let mut files = Vec::new();
    for (n, (line, cells)) in table.rows.iter().enumerate() {
        if let Err(why) = attendance::attended(&attendance, &table.header, cells) {
            skipped += 1;
            diags.push(
                Diagnostic::note(display, format!("row {}: no certificate, as {why}", n + 1))
                    .at(*line, 1),
            );
            continue;
        }
        let mut values: HashMap<&str, String> = HashMap::new();
        for (f, &c) in letter.fields.iter().zip(&cols) {
            let v = cells.get(c).map(|s| clean(s)).unwrap_or_default();
            let v = v.as_str();
            if v.is_empty() {
                diags.push(
                    Diagnostic::warning(
                        display,
                        format!(
                            "row {} has no value for `{}` ({}); its letter keeps the blank",
                            n + 1,
                            f.name,
                            f.label
                        ),
                    )
                    .at(*line, c + 1),
                );
            } else {
                values.insert(f.name.as_str(), v.to_string());
            }
        }
        let fills = letters::fills(letter, |name| {
            values
                .get(name)
                .cloned()
                .or_else(|| builtin_value_in(name, programme, delivery, organisation))
        });
        let slug = letter
            .fields
            .first()
            .and_then(|f| values.get(f.name.as_str()))
            .map(|v| file_slug(v))
            .unwrap_or_default();
        let number = format!("{:0width$}", n + 1);
        let name = if slug.is_empty() {
            format!("{number}.{}", format.ext())
        } else {
            format!("{number}-{slug}.{}", format.ext())
        };
        let bytes = match format {
            Format::Txt => Ok(letters::txt::write(&doc, &fills).into_bytes()),
            Format::Docx => docx::write(&doc, &fills, &meta),
        };
        match bytes {
            Ok(b) => files.push((name, b)),
            Err(e) => diags.push(
                Diagnostic::error(display, format!("could not make letter {}: {e}", n + 1))
                    .at(*line, 1),
            ),
        }
    }
    (files, skipped)
}

/// Write the letters into their folder (made if missing): all of them or none. Each is
/// written into a fresh folder inside it, then renamed over its name, which replaces a link
/// of that name rather than writing through it; if one cannot be moved in, those already
/// moved are put back. Files of an earlier merge that this one did not replace are left
/// alone, with a warning.
pub fn write(merged: &Merged, diags: &mut Diagnostics) -> Result<(), Diagnostic> {
    write_files(&merged.dir, &merged.files, merged.format.ext(), diags)
}

/// [`write`] for any documents: `files` into `dir`, all or none; `ext` names the earlier
/// documents to warn about.
pub fn write_files(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    ext: &str,
    diags: &mut Diagnostics,
) -> Result<(), Diagnostic> {
    let dir_display = dir.display().to_string();
    let err = |p: &Path, what: &str, e: std::io::Error| {
        Diagnostic::error(p.display().to_string(), format!("cannot {what}: {e}"))
    };
    let made = match std::fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(Diagnostic::error(
                &dir_display,
                "the folder for the letters is a symbolic link; they are not written through it",
            )
            .hint("pass --out with a real folder (or a new name)"));
        }
        Ok(m) if !m.is_dir() => {
            return Err(
                Diagnostic::error(&dir_display, "this is a file, not a folder")
                    .hint("pass --out with a folder for the letters"),
            );
        }
        Ok(_) => false,
        Err(_) => {
            std::fs::create_dir_all(dir).map_err(|e| err(dir, "make the folder", e))?;
            true
        }
    };
    let stage = dir.join(format!(".coursebook-merge-{}", std::process::id()));
    let result = write_staged(&stage, dir, files, err, |a, b| std::fs::rename(a, b));
    let _ = std::fs::remove_dir_all(&stage);
    if result.is_err() && made {
        let _ = std::fs::remove_dir(dir);
    }
    result?;
    let ours: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let stale = stale_letters(dir, ext, &ours);
    if !stale.is_empty() {
        diags.push(Diagnostic::warning(
            &dir_display,
            format!(
                "{} letter(s) from an earlier merge are still in this folder: {}",
                stale.len(),
                stale.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Writes `files` into the new folder `stage`, then moves each into `dir`, undoing every
/// move if one fails (what a name held before goes back too).
fn write_staged(
    stage: &Path,
    dir: &Path,
    files: &[(String, Vec<u8>)],
    err: impl Fn(&Path, &str, std::io::Error) -> Diagnostic,
    rename: impl Fn(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), Diagnostic> {
    let _ = std::fs::remove_dir_all(stage);
    std::fs::create_dir(stage).map_err(|e| err(stage, "make the folder", e))?;
    for (name, bytes) in files {
        let path = stage.join(name);
        std::fs::File::create_new(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, bytes))
            .map_err(|e| err(&dir.join(name), "write", e))?;
    }
    // (name, whether something was there before and is kept aside in `stage`)
    let mut moved: Vec<(&str, bool)> = Vec::new();
    let aside = |name: &str| stage.join(format!("{name}.before"));
    let mut failure = None;
    for (name, _) in files {
        let target = dir.join(name);
        let had = std::fs::symlink_metadata(&target).is_ok();
        if had && let Err(e) = rename(&target, &aside(name)) {
            failure = Some(err(&target, "replace", e));
            break;
        }
        if let Err(e) = rename(&stage.join(name), &target) {
            if had {
                let _ = rename(&aside(name), &target);
            }
            failure = Some(err(&target, "write", e));
            break;
        }
        moved.push((name, had));
    }
    let Some(failure) = failure else {
        return Ok(());
    };
    for (name, had) in moved.into_iter().rev() {
        let target = dir.join(name);
        let _ = std::fs::remove_file(&target);
        if had {
            let _ = rename(&aside(name), &target);
        }
    }
    Err(failure)
}

/// Numbered letters in `dir` (`07-sam-taylor.docx`) with extension `ext` that are not in `ours`.
fn stale_letters(dir: &Path, ext: &str, ours: &[&str]) -> Vec<String> {
    let suffix = format!(".{ext}");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut stale: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            n.ends_with(&suffix)
                && n.chars().next().is_some_and(|c| c.is_ascii_digit())
                && !ours.contains(&n.as_str())
        })
        .collect();
    stale.sort();
    stale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cleaned_as_the_letter_page_cleans_them() {
        assert_eq!(clean("  one\r\ntwo\rthree\n "), "one\ntwo\nthree");
        assert_eq!(clean("a\tb\u{1}\u{b}c\u{FFFF}"), "a\tbc");
    }

    #[test]
    fn detects_separators() {
        assert_eq!(detect_separator("a,b,c\n1;2"), b',');
        assert_eq!(detect_separator("name;\"a, b\";c\n"), b';');
        assert_eq!(detect_separator("a\tb\n"), b'\t');
        assert_eq!(detect_separator("single\n"), b',');
    }

    #[test]
    fn reads_excel_csv() {
        let bytes = "\u{FEFF}participant_name;team\r\n\"Taylor, Sam\";\"The \"\"East\"\" team\"\r\n;;\r\nJo;\r\n"
            .as_bytes();
        let t = read_table(bytes, "people.csv").unwrap();
        assert_eq!(t.separator, b';');
        assert_eq!(t.header, vec!["participant_name", "team"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].1, vec!["Taylor, Sam", "The \"East\" team"]);
        assert_eq!(t.rows[0].0, 2);
        assert_eq!(t.rows[1].0, 4);
    }

    #[test]
    fn a_failed_move_puts_every_file_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("01-a.txt"), "old one").unwrap();
        std::fs::write(out.join("03-c.txt"), "old three").unwrap();
        let files: Vec<(String, Vec<u8>)> = ["01-a.txt", "02-b.txt", "03-c.txt"]
            .iter()
            .map(|n| (n.to_string(), format!("new {n}").into_bytes()))
            .collect();
        let stage = out.join(".stage");
        let err = |p: &Path, w: &str, e: std::io::Error| {
            Diagnostic::error(p.display().to_string(), format!("{w}: {e}"))
        };
        // The third letter cannot be moved in (a full disk, a lock...).
        let r = write_staged(&stage, &out, &files, err, |a, b| {
            if a.ends_with("03-c.txt") {
                return Err(std::io::Error::other("no"));
            }
            std::fs::rename(a, b)
        });
        assert!(r.is_err());
        let _ = std::fs::remove_dir_all(&stage);
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["01-a.txt", "03-c.txt"]);
        assert_eq!(
            std::fs::read_to_string(out.join("01-a.txt")).unwrap(),
            "old one"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("03-c.txt")).unwrap(),
            "old three"
        );
        // And with nothing failing, all three are in.
        write_staged(&stage, &out, &files, err, |a, b| std::fs::rename(a, b)).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("03-c.txt")).unwrap(),
            "new 03-c.txt"
        );
    }

    #[test]
    fn refuses_other_encodings() {
        let d = read_table(b"name\nJos\xe9\n", "people.csv").unwrap_err();
        assert_eq!(d.line, 2);
        assert!(d.message.contains("UTF-8"));
    }
}
