//! `coursebook init` (a new site from an embedded template) and `coursebook new session`
//! (a session file with complete front matter, numbered to fall in place). Neither ever
//! overwrites a file.

mod days;

use std::path::{Path, PathBuf};

use crate::content::{duration, frontmatter, yaml};
use crate::diagnostics::{Diagnostic, closest};

/// The files of a new site: (path from the site root, contents).
pub const TEMPLATE: &[(&str, &str)] = &[
    ("book.toml", include_str!("template/book.toml")),
    (
        "content/index.md",
        include_str!("template/content/index.md"),
    ),
    (
        "content/course/index.md",
        include_str!("template/content/course/index.md"),
    ),
    (
        "content/course/day-1/01-welcome.md",
        include_str!("template/content/course/day-1/01-welcome.md"),
    ),
    (
        "content/course/day-1/02-first-exercise.md",
        include_str!("template/content/course/day-1/02-first-exercise.md"),
    ),
    (
        "content/course/day-1/03-questions.md",
        include_str!("template/content/course/day-1/03-questions.md"),
    ),
    (
        "content/course/letters/invitation.md",
        include_str!("template/content/course/letters/invitation.md"),
    ),
    (
        "content/course/letters/certificate.md",
        include_str!("template/content/course/letters/certificate.md"),
    ),
];

fn io_err(path: &Path, what: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path.display().to_string(), format!("cannot {what}: {e}"))
}

/// Writes a new site into `dir` (created if missing). Refuses, writing nothing, if any of
/// the template's files is already there. Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let existing: Vec<&str> = TEMPLATE
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| dir.join(p).exists())
        .collect();
    if !existing.is_empty() {
        return Err(Diagnostic::error(
            dir.join(existing[0]).display().to_string(),
            format!(
                "refusing to start a site in {}: {} already exist(s)",
                dir.display(),
                existing.join(", ")
            ),
        )
        .hint("coursebook init never overwrites; give it a new or empty folder: coursebook init my-course"));
    }
    let mut written = Vec::new();
    for (rel, text) in TEMPLATE {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_err(parent, "create the folder", e))?;
        }
        write_new(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

/// Creates `path` with `text`, failing if it exists (even if it appeared a moment ago).
fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| io_err(path, "create", e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| io_err(path, "write", e))
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub root: PathBuf,
    pub title: String,
    /// Programme folder; may be left out when the site has exactly one.
    pub programme: Option<String>,
    pub day: u32,
    /// Block id; when left out, the last block of that day (the first for a new day).
    pub block: Option<String>,
    pub duration: String,
}

/// What `new session` did: the file it wrote, and what it chose or changed, in words.
#[derive(Debug, Clone)]
pub struct Created {
    pub path: PathBuf,
    pub notes: Vec<String>,
}

/// A file-name slug: lower case, letters and digits, words joined by `-`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let mut cut: String = out.chars().take(60).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    if cut.is_empty() {
        "session".into()
    } else {
        cut
    }
}

/// The number prefix for a new file in `dir`: one after the highest `NN-` prefix there.
fn next_number(dir: &Path) -> u32 {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return 1;
    };
    rd.flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
            (name.ends_with(".md") && !digits.is_empty())
                .then(|| digits.parse::<u32>().ok())
                .flatten()
        })
        .max()
        .map_or(1, |n| n + 1)
}

/// YAML double-quoted scalar (JSON strings are valid YAML).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.replace('"', "'")))
}

/// Block ids of a programme, read from its index.md (the default blocks where it has none).
fn programme_blocks(index: &Path, display: &str) -> Result<Vec<String>, Diagnostic> {
    let text = std::fs::read_to_string(index).map_err(|e| io_err(index, "read", e))?;
    let text = crate::content::normalise(text);
    let split = frontmatter::split(&text)
        .map_err(|(line, msg)| Diagnostic::error(display, msg).at(line, 1))?;
    let ids = match split.yaml {
        Some(y) => {
            let node = yaml::parse(display, y, split.yaml_line)?;
            match node.get("blocks").map(|b| &b.value) {
                Some(yaml::Value::Seq(items)) => items
                    .iter()
                    .filter_map(|it| it.get("id").and_then(|n| n.as_text()))
                    .collect(),
                _ => Vec::new(),
            }
        }
        None => Vec::new(),
    };
    if ids.is_empty() {
        Ok(crate::model::default_blocks()
            .into_iter()
            .filter_map(|b| match b {
                crate::model::BlockDef::Block { id, .. } => Some(id),
                _ => None,
            })
            .collect())
    } else {
        Ok(ids)
    }
}

/// Writes `content/<programme>/day-<N>/<NN>-<slug>.md`, first adding day N to the
/// programme's `days:` list when it has one without that day. Returns its path and notes.
// Long by design: each value of the command line is checked against the programme, with
// its own error, before the programme is edited and the one file written.
pub fn new_session(opts: &NewSession) -> Result<Created, Diagnostic> {
    let (config, diags) = crate::config::load(&opts.root);
    let Some(config) = config else {
        return Err(diags
            .into_iter()
            .next()
            .unwrap_or_else(|| Diagnostic::error(crate::config::FILE, "cannot read book.toml")));
    };
    let src = opts.root.join(&config.src);
    let src_display = config.src.display().to_string();
    let programmes: Vec<String> = std::fs::read_dir(&src)
        .map_err(|e| io_err(&src, "read", e))?
        .flatten()
        .filter(|e| e.path().join("index.md").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let programme = match &opts.programme {
        Some(p) if programmes.contains(p) => p.clone(),
        Some(p) => {
            let hint = match closest(p, programmes.iter().map(String::as_str)) {
                Some(c) => format!("did you mean `{c}`?"),
                None => format!("programmes: {}", programmes.join(", ")),
            };
            return Err(Diagnostic::error(
                "",
                format!("no programme `{p}`: there is no {src_display}/{p}/index.md"),
            )
            .hint(hint));
        }
        None if programmes.len() == 1 => programmes[0].clone(),
        None => {
            return Err(Diagnostic::error(
                "",
                "which programme? The site has more than one (or none)",
            )
            .hint(format!(
                "pass --programme with one of: {}",
                programmes.join(", ")
            )));
        }
    };
    if opts.day == 0 {
        return Err(Diagnostic::error("", "days count from 1").hint("--day 1"));
    }
    let minutes = duration::parse(&opts.duration).map_err(|m| {
        Diagnostic::error("", format!("invalid --duration: {m}")).hint(duration::ACCEPTED)
    })?;
    let index_display = format!("{src_display}/{programme}/index.md");
    let index = src.join(&programme).join("index.md");
    let blocks = programme_blocks(&index, &index_display)?;
    let mut notes = Vec::new();
    let block = match &opts.block {
        Some(b) if blocks.contains(b) => b.clone(),
        Some(b) => {
            let hint = match closest(b, blocks.iter().map(String::as_str)) {
                Some(c) => format!("did you mean `{c}`? Blocks: {}", blocks.join(", ")),
                None => format!("the programme's blocks are: {}", blocks.join(", ")),
            };
            return Err(
                Diagnostic::error(&index_display, format!("unknown block `{b}`")).hint(hint),
            );
        }
        None => {
            let (b, why) = days::default_block(&opts.root, &programme, opts.day, &blocks);
            notes.push(format!(
                "block `{b}` ({why}); to change it, pass --block with one of {}, or edit `block:` in the file",
                blocks.join(", ")
            ));
            b
        }
    };
    let index_text = std::fs::read_to_string(&index).map_err(|e| io_err(&index, "read", e))?;
    if let Some((edited, added)) = days::add_days(&index_text, opts.day, &index_display)? {
        std::fs::write(&index, edited).map_err(|e| io_err(&index, "write", e))?;
        notes.push(format!(
            "added {} to `days:` in {index_display}",
            added.join(", ")
        ));
    }
    let dir = src.join(&programme).join(format!("day-{}", opts.day));
    std::fs::create_dir_all(&dir).map_err(|e| io_err(&dir, "create the folder", e))?;
    let n = next_number(&dir);
    let path = dir.join(format!("{n:02}-{}.md", slug(&opts.title)));
    let text = format!(
        "---\n\
         title: {title}\n\
         day: {day}\n\
         block: {block}\n\
         duration: {minutes}m\n\
         format: plenary\n\
         summary: One line for the timetable and the handout.\n\
         objectives: []\n\
         prompts: []\n\
         materials: []\n\
         ---\n\
         What happens in this session, and how to run it.\n",
        title = quoted(opts.title.trim()),
        day = opts.day,
    );
    write_new(&path, &text)?;
    Ok(Created { path, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_names() {
        assert_eq!(slug("Case summaries, in pairs"), "case-summaries-in-pairs");
        assert_eq!(slug("  Plenary: what's next?  "), "plenary-what-s-next");
        assert_eq!(slug("???"), "session");
        assert_eq!(slug("Café"), "café");
    }

    #[test]
    fn quoted_titles_survive_yaml() {
        let q = quoted("A \"quoted\" title: with colon");
        let node = yaml::parse("x.md", &format!("title: {q}\n"), 1).unwrap();
        assert_eq!(
            node.get("title").and_then(|n| n.as_text()).as_deref(),
            Some("A \"quoted\" title: with colon")
        );
    }
}
