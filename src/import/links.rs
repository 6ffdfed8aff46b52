//! Links and images of imported text: each relative target found again among the pages
//! written (its new path, relative to the new file) or the files copied; what cannot be
//! kept as a working link becomes text, and is listed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use super::text::{self, Link};
use crate::diagnostics::Diagnostic;
use crate::util::{encode_path, percent_decode};

pub struct Resolver {
    /// The folder the source paths start from (the lesson's, or the book's `src/`).
    pub base: PathBuf,
    /// How source paths are shown in the report (`""` or `"src/"`).
    pub shown: String,
    /// Source path -> the page's path in the programme folder.
    pub pages: HashMap<String, String>,
    /// Pages (written paths) that are trainer-only.
    pub trainer: HashSet<String>,
    /// Files to copy: path in the programme folder -> source path.
    pub assets: BTreeMap<String, String>,
    pub notes: Vec<Diagnostic>,
    /// Labels (as [`text::label_key`]) of the definitions left out of the page being
    /// converted: its references to them become text ([`Resolver::finish_page`]).
    dropped: HashSet<String>,
}

/// The file a line belongs to.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub src: &'a str,
    pub dest: &'a str,
    pub trainer: bool,
}

impl Resolver {
    pub fn new(base: PathBuf, shown: &str) -> Self {
        Resolver {
            base,
            shown: shown.to_string(),
            pages: HashMap::new(),
            trainer: HashSet::new(),
            assets: BTreeMap::new(),
            notes: Vec::new(),
            dropped: HashSet::new(),
        }
    }

    /// Lists something not converted, at a line of a source file.
    pub fn note(&mut self, src: &str, line: usize, what: impl Into<String>) {
        let path = format!("{}{src}", self.shown);
        self.notes.push(Diagnostic::note(path, what).at(line, 1));
    }

    fn target(&mut self, cx: Ctx, target: &str) -> Result<String, &'static str> {
        if text::is_external(target) {
            return Ok(target.to_string());
        }
        let (path, frag) = match target.find(['#', '?']) {
            Some(i) => (&target[..i], &target[i..]),
            None => (target, ""),
        };
        let frag = if frag.starts_with('?') { "" } else { frag };
        let Some(mut src) = text::join(text::dir_of(cx.src), &percent_decode(path)) else {
            return Err("it leads out of the folder imported");
        };
        if let Some(stem) = src.strip_suffix(".html") {
            let md = format!("{stem}.md");
            if self.pages.contains_key(&md) {
                src = md;
            }
        }
        if let Some(dest) = self.pages.get(&src) {
            if self.trainer.contains(dest) && !cx.trainer {
                return Err("it leads to a trainer-only page from one for participants");
            }
            return Ok(encode_path(&format!(
                "{}{frag}",
                text::relative(cx.dest, dest)
            )));
        }
        if src.ends_with(".md") || src.ends_with(".Rmd") || src.is_empty() {
            return Err("that page is not imported");
        }
        // The Workbench finds `fig/`, `data/` and `files/` of any page in episodes/.
        if !self.base.join(&src).is_file()
            && ["fig/", "data/", "files/"]
                .iter()
                .any(|d| path.starts_with(d))
            && self.base.join("episodes").join(path).is_file()
        {
            src = format!("episodes/{}", percent_decode(path));
        }
        let disk = self.base.join(&src);
        let inside = disk
            .canonicalize()
            .ok()
            .zip(self.base.canonicalize().ok())
            .is_some_and(|(f, b)| f.starts_with(b) && f.is_file());
        if !inside {
            return Err("the file is not there");
        }
        self.assets.insert(src.clone(), src.clone());
        Ok(encode_path(&format!(
            "{}{frag}",
            text::relative(cx.dest, &src)
        )))
    }

    fn link(&mut self, cx: Ctx, n: usize, l: &Link) -> String {
        let title = if l.title.is_empty() {
            String::new()
        } else {
            format!(" {}", l.title)
        };
        if l.image {
            let alt = l
                .attrs
                .and_then(alt_attr)
                .unwrap_or_else(|| l.text.to_string());
            if let Some(a) = l.attrs
                && !without_alt(a).trim().is_empty()
            {
                self.note(
                    cx.src,
                    n,
                    format!(
                        "image attributes `{{{}}}` left out (the alt text is kept)",
                        without_alt(a).trim()
                    ),
                );
            }
            let caption = if l.attrs.is_some()
                && !l.text.trim().is_empty()
                && l.text != alt
                && title.is_empty()
            {
                format!(" {}", text::yaml_str(&l.text.replace('\\', "")))
            } else {
                title
            };
            if text::is_external(l.target)
                && !l.target.starts_with('#')
                && !l.target.starts_with("data:")
            {
                self.note(
                    cx.src,
                    n,
                    format!(
                        "image from another host made a link (the pages' policy blocks it): {}",
                        l.target
                    ),
                );
                return format!("[{}]({})", one_line(&alt), l.target);
            }
            return match self.target(cx, l.target) {
                Ok(t) => format!("![{}]({t}{caption})", one_line(&alt)),
                Err(why) => {
                    self.note(
                        cx.src,
                        n,
                        format!("image `{}` left out, its alt text kept: {why}", l.target),
                    );
                    format!("*{}*", one_line(&alt))
                }
            };
        }
        if let Some(a) = l.attrs {
            self.note(cx.src, n, format!("link attributes `{{{a}}}` left out"));
        }
        match self.target(cx, l.target) {
            Ok(t) => format!("[{}]({t}{title})", l.text),
            Err(why) => {
                self.note(
                    cx.src,
                    n,
                    format!("link to `{}` made text: {why}", l.target),
                );
                l.text.to_string()
            }
        }
    }

    /// A converted page's lines with its references to the definitions left out made text
    /// (a definition may come after its use, so this runs on the whole page); code as it is.
    pub fn finish_page(&mut self, lines: Vec<String>) -> Vec<String> {
        let dropped = std::mem::take(&mut self.dropped);
        if dropped.is_empty() {
            return lines;
        }
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let code = text::code_lines(&refs);
        lines
            .iter()
            .zip(code)
            .map(|(l, c)| {
                if c {
                    l.clone()
                } else {
                    text::unlink_references(l, &dropped)
                }
            })
            .collect()
    }

    /// One line of prose (not code): links, images, attributes and reference definitions.
    pub fn line(&mut self, cx: Ctx, n: usize, line: &str) -> String {
        if let Some((label, target, title)) = text::reference_definition(line) {
            if text::is_external(target) {
                return line.to_string();
            }
            return match self.target(cx, target) {
                Ok(t) => format!("[{label}]: {t} {title}").trim_end().to_string(),
                Err(why) => {
                    self.note(
                        cx.src,
                        n,
                        format!(
                            "link definition `[{label}]` left out, its references made text: {why}"
                        ),
                    );
                    self.dropped.insert(text::label_key(label));
                    String::new()
                }
            };
        }
        let mut out = text::map_links(line, &mut |l| self.link(cx, n, l));
        if text::heading_text(&out).is_some()
            && out.trim_end().ends_with('}')
            && let Some(s) = out.rfind('{')
        {
            let attrs = out[s + 1..out.trim_end().len() - 1].to_string();
            let id = attrs
                .split_whitespace()
                .find(|w| w.starts_with('#'))
                .map(str::to_string);
            if attrs.split_whitespace().any(|w| !w.starts_with('#')) {
                self.note(
                    cx.src,
                    n,
                    format!("heading attributes `{{{attrs}}}` left out (an `#id` is kept)"),
                );
            }
            out.truncate(s);
            let base = out.trim_end().to_string();
            out = match id {
                Some(id) => format!("{base} {{{id}}}"),
                None => base,
            };
        }
        out
    }
}

/// A Pandoc attribute block without its `alt='...'`.
fn without_alt(a: &str) -> String {
    let Some(i) = a.find("alt=") else {
        return a.to_string();
    };
    let rest = &a[i + 4..];
    let end = rest
        .chars()
        .next()
        .filter(|c| *c == '\'' || *c == '"')
        .and_then(|q| rest[1..].find(q))
        .map_or(rest.len(), |e| e + 2);
    format!("{}{}", &a[..i], &rest[end..])
}

/// `alt='...'` or `alt="..."` from a Pandoc attribute block.
fn alt_attr(a: &str) -> Option<String> {
    let i = a.find("alt=")?;
    let rest = &a[i + 4..];
    let q = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let end = rest[1..].find(q)?;
    Some(rest[1..1 + end].to_string())
}

fn one_line(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['[', ']'], "")
}

/// A Pandoc code-fence info string as CommonMark's: `{.language-bash}` or `{.bash}` -> `bash`.
pub fn fence_info(info: &str) -> Result<String, String> {
    let Some(inner) = info.strip_prefix('{').and_then(|i| i.strip_suffix('}')) else {
        // `bash {.output}`: the word, the rest listed.
        return match info.split_once([' ', '{']) {
            Some((w, rest)) if !rest.trim().is_empty() => Err(w.to_string()),
            _ => Ok(info.to_string()),
        };
    };
    let class = inner
        .split_whitespace()
        .find_map(|w| w.strip_prefix('.'))
        .map(|c| c.strip_prefix("language-").unwrap_or(c).to_string());
    match class {
        Some(c) if inner.split_whitespace().count() == 1 => Ok(c),
        Some(c) => Err(c),
        None => Err(String::new()),
    }
}

/// Lines joined where a Pandoc `{...}` attribute block after a link runs onto the next lines.
pub fn join_attribute_lines(
    lines: Vec<(usize, String)>,
    code: &[bool],
) -> Vec<(usize, String, bool)> {
    let mut out: Vec<(usize, String, bool)> = Vec::with_capacity(lines.len());
    let mut open = false;
    for ((n, l), c) in lines.into_iter().zip(code.iter().copied()) {
        if open
            && !c
            && let Some(last) = out.last_mut()
        {
            last.1.push(' ');
            last.1.push_str(l.trim());
            open = unclosed_attrs(&last.1);
            continue;
        }
        open = !c && unclosed_attrs(&l);
        out.push((n, l, c));
    }
    out
}

fn unclosed_attrs(l: &str) -> bool {
    l.rfind("){").is_some_and(|i| !l[i..].contains('}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fence_info_reads_pandoc_classes() {
        assert_eq!(fence_info("{.language-bash}"), Ok("bash".into()));
        assert_eq!(fence_info("{.output}"), Ok("output".into()));
        assert_eq!(fence_info("python"), Ok("python".into()));
        assert_eq!(fence_info("r {eval=FALSE}"), Err("r".into()));
    }
}
