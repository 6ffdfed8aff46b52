//! `coursebook register`: each day's sign-in sheet filled with the names on a participant
//! list, and, when the list says who attended (an `attended` column or a column per day),
//! an attendance summary: pages ready to print, written outside the site (as `merge` writes
//! its letters), never into it.

mod html;

use std::path::{Path, PathBuf};

use crate::Audience;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::merge::{attendance, clean, read_table};
use crate::model::Programme;

#[derive(Debug, Clone)]
pub struct RegisterOptions {
    /// The programme's folder name; may be left out when the site has one programme.
    pub programme: Option<String>,
    /// The participant list (CSV).
    pub data: PathBuf,
    /// Where the pages go; default `<programme>-register`.
    pub out: Option<PathBuf>,
}

/// The pages of one register, made but not yet written.
#[derive(Debug)]
pub struct Register {
    pub dir: PathBuf,
    /// File names (inside `dir`) and contents.
    pub files: Vec<(String, Vec<u8>)>,
    /// How many people the list names.
    pub people: usize,
}

/// One person on the list: name, organisation, and the days they attended when the list
/// says (`None`: it does not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub organisation: String,
    pub days: Option<Vec<bool>>,
}

/// Load the site around the current folder, read the list and make the pages.
// Long by design: the command's steps in order (find the site, load it with its strings,
// pick the programme, read the list, make the pages, pick the folder), each a few lines
// with its own early return.
pub fn register(opts: &RegisterOptions) -> (Option<Register>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let Some(root) = cwd
        .ancestors()
        .find(|d| d.join("book.toml").is_file())
        .map(Path::to_path_buf)
    else {
        diags.push(
            Diagnostic::error("book.toml", "no book.toml in this folder or any above it")
                .hint("run `coursebook register` from the site's folder"),
        );
        return (None, diags);
    };
    // The site's theme and its `.ftl` overrides, read as `build` reads them.
    let (site, strings, d) = crate::load_with_strings(&root, Audience::Trainer);
    diags.extend(d);
    let (Some(site), Some((catalog, i18n_diags))) = (site, strings) else {
        return (None, diags);
    };
    diags.extend(i18n_diags);
    if diags.has_errors() {
        return (None, diags);
    }
    let Some(p) = programme(&site.programmes, opts.programme.as_deref(), &mut diags) else {
        return (None, diags);
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
    let people = people(&table, p);
    if people.is_empty() {
        diags.push(Diagnostic::warning(
            &display,
            "the list has no names: the sheets have blank rows only",
        ));
    }
    let org = site.config.organisation.as_deref();
    let tr = catalog.strings(&p.language);
    let mut files: Vec<(String, Vec<u8>)> = p
        .days
        .iter()
        .map(|d| {
            (
                format!("signin-day-{}.html", d.number),
                html::sheet(p, d, &people, org, &tr).into_bytes(),
            )
        })
        .collect();
    if people.iter().any(|x| x.days.is_some()) {
        files.push((
            "attendance.html".to_string(),
            html::attendance(p, &people, org, &tr).into_bytes(),
        ));
    }
    let default = format!("{}-register", p.slug);
    let dir = match crate::merge::out_dir(
        opts.out.as_deref(),
        &root,
        &site.config,
        &default,
        "registers",
    ) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    if crate::merge::inside(&opts.data, &root.join(&site.config.src)) {
        diags.push(
            Diagnostic::warning(
                &display,
                "the participant list is inside the content folder, which the site is built from",
            )
            .hint("keep lists of people outside the content folder, so no build can publish them"),
        );
    }
    let n = people.len();
    (
        Some(Register {
            dir,
            files,
            people: n,
        }),
        diags,
    )
}

/// Write the pages, all or none, as `merge` writes its letters.
pub fn write(r: &Register, diags: &mut Diagnostics) -> Result<(), Diagnostic> {
    crate::merge::write_files(&r.dir, &r.files, "html", diags)
}

/// The programme named, or the only one.
fn programme<'a>(
    all: &'a [Programme],
    slug: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<&'a Programme> {
    let slugs = || {
        all.iter()
            .map(|p| p.slug.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match slug {
        Some(s) => {
            let found = all.iter().find(|p| p.slug == s.trim_end_matches('/'));
            if found.is_none() {
                let hint = match crate::diagnostics::closest(s, all.iter().map(|p| p.slug.as_str()))
                {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("the programmes are: {}", slugs()),
                };
                diags.push(
                    Diagnostic::error(s, "the site has no programme of this name").hint(hint),
                );
            }
            found
        }
        None if all.len() == 1 => all.first(),
        None => {
            diags.push(
                Diagnostic::error("book.toml", "which programme? The site has several")
                    .hint(format!("name one with --programme: {}", slugs())),
            );
            None
        }
    }
}

/// The people on the list: the name from the column `name` (or `participant_name`,
/// `participant`, `full name`, any case), else the first; the organisation from
/// `organisation` (or `organization`, `org`, `employer`, `team`); the days from the
/// attendance columns ([`attendance::columns`]). Rows without a name are left out.
pub fn people(table: &crate::merge::Table, p: &Programme) -> Vec<Person> {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let find = |names: &[&str]| {
        table
            .header
            .iter()
            .position(|h| names.contains(&norm(h).as_str()))
    };
    let name = find(&[
        "name",
        "participantname",
        "participantsname",
        "participant",
        "fullname",
    ])
    .unwrap_or(0);
    let org = find(&["organisation", "organization", "org", "employer", "team"]);
    let cols = attendance::columns(table, p);
    table
        .rows
        .iter()
        .filter_map(|(_, cells)| {
            let cell = |c: usize| cells.get(c).map(|s| clean(s)).unwrap_or_default();
            let name = cell(name);
            if name.is_empty() {
                return None;
            }
            let days = if cols.days.is_empty() && cols.attended.is_none() {
                None
            } else if cols.days.is_empty() {
                // Only `attended`: every day alike.
                let all = attendance::attended(&cols, &table.header, cells).is_ok();
                Some(vec![all; p.days.len()])
            } else {
                Some(
                    p.days
                        .iter()
                        .map(|d| {
                            cols.days
                                .iter()
                                .find(|(n, _)| *n == d.number)
                                .is_some_and(|&(_, c)| attendance::yes(&cell(c)) == Some(true))
                        })
                        .collect(),
                )
            };
            Some(Person {
                name,
                organisation: org.map(cell).unwrap_or_default(),
                days,
            })
        })
        .collect()
}
