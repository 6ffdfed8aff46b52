//! `coursebook import`: another tool's lesson or book written out as coursebook sources,
//! a programme folder under the site's `content/` (or `--into`). Everything is converted in
//! memory first; nothing is written when there is an error or when any file to be written
//! exists already. What could not be converted is listed as notes at its file and line.

mod carpentries;
pub mod days;
mod lesson_pages;
mod links;
mod mdbook;
mod mdbook_text;
mod pandoc;
pub mod text;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::content::yaml::Node;
use crate::diagnostics::{Diagnostic, Diagnostics};

pub use carpentries::Options as CarpentriesOptions;

/// What an import writes: files of one programme folder, and what it did not convert.
pub struct Plan {
    pub programme: String,
    /// Path inside the programme folder, contents.
    pub files: Vec<(String, Vec<u8>)>,
    /// Notes, `file:line: what was not converted and why`, paths in the source's folder.
    pub notes: Vec<Diagnostic>,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// A Carpentries Workbench lesson (config.yaml, episodes/, learners/, instructors/,
    /// profiles/) as a programme: a session per episode, laid out on days by the day rule.
    Carpentries {
        /// The lesson's folder (it holds config.yaml).
        lesson: PathBuf,
        /// The content folder to write into (default: the current site's content/).
        #[arg(long)]
        into: Option<PathBuf>,
        /// The programme's folder name (default: the lesson folder's name).
        #[arg(long)]
        programme: Option<String>,
        /// When each day starts (default `09:30`, or book.toml's [import] `start`).
        #[arg(long)]
        start: Option<String>,
        /// When each day ends (default `17:00`, or [import] `end`).
        #[arg(long)]
        end: Option<String>,
        /// The morning break: time/minutes, or `none` (default `11:00/15`).
        #[arg(long)]
        morning_break: Option<String>,
        /// Lunch: time/minutes, or `none` (default `12:30/60`).
        #[arg(long)]
        lunch: Option<String>,
        /// The afternoon break: time/minutes, or `none` (default `15:00/15`).
        #[arg(long)]
        afternoon_break: Option<String>,
    },
    /// An mdBook (book.toml, src/SUMMARY.md) as a programme of plain pages.
    Mdbook {
        /// The book's folder (it holds book.toml).
        book: PathBuf,
        #[arg(long)]
        into: Option<PathBuf>,
        /// The programme's folder name (default: the book folder's name).
        #[arg(long)]
        programme: Option<String>,
    },
}

/// The CLI's `import`: convert, list what was not converted, write, and say where.
pub fn run(cmd: Command) -> ExitCode {
    let (source, into, result) = match cmd {
        Command::Carpentries {
            lesson,
            into,
            programme,
            start,
            end,
            morning_break,
            lunch,
            afternoon_break,
        } => {
            let site = match site_config() {
                Ok(c) => c,
                Err(()) => return ExitCode::from(1),
            };
            let file = site.as_ref().map(|c| &c.import);
            // A flag wins over book.toml's [import], which wins over the default.
            let pick = |flag: Option<String>, key: &str, default: &str| {
                flag.or_else(|| file.and_then(|f| f.get(key)).map(str::to_string))
                    .unwrap_or_else(|| default.to_string())
            };
            let start = pick(start, "start", "09:30");
            let end = pick(end, "end", "17:00");
            let morning_break = pick(morning_break, "morning-break", "11:00/15");
            let lunch = pick(lunch, "lunch", "12:30/60");
            let afternoon_break = pick(afternoon_break, "afternoon-break", "15:00/15");
            let rule = match day_rule(
                &start,
                &end,
                &[
                    ("Morning break", "morning-break", &morning_break),
                    ("Lunch", "lunch", &lunch),
                    ("Afternoon break", "afternoon-break", &afternoon_break),
                ],
            ) {
                Ok(r) => r,
                Err(d) => return fail(&lesson, d),
            };
            let r = carpentries::import(&lesson, &CarpentriesOptions { programme, rule });
            (lesson, into, r)
        }
        Command::Mdbook {
            book,
            into,
            programme,
        } => {
            let r = mdbook::import(&book, programme.as_deref());
            (book, into, r)
        }
    };
    let (plan, mut diags) = result;
    let Some(plan) = plan else {
        crate::print_diagnostics(&diags, Some(&source));
        eprintln!(
            "import failed: {} error(s); nothing was written",
            diags.errors()
        );
        return ExitCode::from(1);
    };
    let into = match into.map_or_else(default_into, Ok) {
        Ok(p) => p,
        Err(d) => return fail(&source, d),
    };
    diags.extend(plan.notes.iter().cloned());
    crate::print_diagnostics(&diags, Some(&source));
    match write(&plan, &into) {
        Ok(n) => {
            eprintln!(
                "wrote {n} file(s) to {}; {} thing(s) not converted are listed above",
                into.join(&plan.programme).display(),
                plan.notes.len()
            );
            ExitCode::SUCCESS
        }
        Err(ds) => {
            crate::print_diagnostics(&ds, None);
            eprintln!("import failed; nothing was written");
            ExitCode::from(1)
        }
    }
}

fn fail(source: &Path, d: Diagnostic) -> ExitCode {
    let mut ds = Diagnostics::default();
    ds.push(d);
    crate::print_diagnostics(&ds, Some(source));
    ExitCode::from(1)
}

/// The config of the site around the current folder, when there is one (its `[import]`
/// gives the day rule); its diagnostics are shown, and its errors stop the import.
fn site_config() -> Result<Option<crate::config::Config>, ()> {
    let here = Path::new(".");
    if !here.join(crate::config::FILE).is_file() {
        return Ok(None);
    }
    let (cfg, found) = crate::config::load(here);
    let mut ds = Diagnostics::default();
    ds.extend(found);
    crate::print_diagnostics(&ds, Some(here));
    cfg.map(Some).ok_or(())
}

/// The day rule from the command line's times.
pub fn day_rule(
    start: &str,
    end: &str,
    breaks: &[(&str, &str, &str)],
) -> Result<days::DayRule, Diagnostic> {
    let time = |flag: &str, s: &str| {
        days::clock(s).ok_or_else(|| {
            Diagnostic::error(format!("--{flag}"), format!("`{s}` is not a time"))
                .hint(format!("write it as `--{flag} 09:30`"))
        })
    };
    let mut rule = days::DayRule {
        start: time("start", start)?,
        end: time("end", end)?,
        breaks: Vec::new(),
    };
    for (title, flag, spec) in breaks {
        if let Some(b) = days::parse_break(title, flag, spec)? {
            rule.breaks.push(b);
        }
    }
    rule.check()?;
    Ok(rule)
}

/// The content folder of the site around the current folder.
pub fn default_into() -> Result<PathBuf, Diagnostic> {
    let here = Path::new(".");
    if !here.join("book.toml").is_file() {
        return Err(Diagnostic::error("book.toml", "no book.toml here, so no site to import into")
            .hint("run this in a site's folder (`coursebook init` makes one), or give --into with a content folder"));
    }
    let (cfg, _) = crate::config::load(here);
    Ok(cfg.map_or_else(|| PathBuf::from("content"), |c| here.join(c.src)))
}

/// Writes the plan under `into/<programme>/`, refusing (and writing nothing) when any file
/// is there already. Returns how many files were written.
pub fn write(plan: &Plan, into: &Path) -> Result<usize, Diagnostics> {
    let mut diags = Diagnostics::default();
    let dir = into.join(&plan.programme);
    for (rel, _) in &plan.files {
        let p = dir.join(rel);
        if p.exists() || p.symlink_metadata().is_ok() {
            diags.push(
                Diagnostic::error(
                    p.display().to_string(),
                    "is there already: the import would overwrite it",
                )
                .hint("move it away, or import as another programme with --programme NAME"),
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    for (rel, bytes) in &plan.files {
        let p = dir.join(rel);
        let made = p
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&p, bytes));
        if let Err(e) = made {
            diags.push(Diagnostic::error(
                p.display().to_string(),
                format!("cannot write: {e}"),
            ));
            return Err(diags);
        }
    }
    Ok(plan.files.len())
}

/// A UTF-8 file of the source folder (CRLF read as LF).
fn read_text(base: &Path, rel: &str) -> Result<String, Diagnostic> {
    match std::fs::read(base.join(rel)) {
        Ok(b) => String::from_utf8(b)
            .map(|t| {
                t.replace("\r\n", "\n")
                    .trim_start_matches('\u{feff}')
                    .to_string()
            })
            .map_err(|_| Diagnostic::error(rel, "is not UTF-8 text").hint("save it as UTF-8")),
        Err(e) => Err(Diagnostic::error(
            rel,
            format!("cannot read {}: {e}", base.join(rel).display()),
        )),
    }
}

/// Front matter (as a tree; empty when there is none), the body and the body's first line.
fn split_front(shown: &str, text: &str, diags: &mut Diagnostics) -> Option<(Node, String, usize)> {
    match crate::content::frontmatter::split(text) {
        Ok(s) => {
            let node = match s.tree(shown) {
                Ok(n) => n,
                Err(d) => {
                    diags.push(d);
                    return None;
                }
            };
            Some((node, s.body.to_string(), s.body_line))
        }
        Err((line, msg)) => {
            diags.push(
                Diagnostic::error(shown, msg)
                    .at(line, 1)
                    .hint("end the front matter with a line of `---`"),
            );
            None
        }
    }
}
