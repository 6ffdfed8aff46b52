//! Every internal link and image checked against the pages, their headings and the assets.

use std::collections::{HashMap, HashSet};

use super::Site;
use crate::content::markdown::{Link, Markdown};
use crate::diagnostics::Diagnostic;
use crate::util::percent_decode;

/// Output path (`recording/day-1/a.html`) -> heading ids of that page.
fn targets(site: &Site) -> HashMap<String, HashSet<&str>> {
    let mut map: HashMap<String, HashSet<&str>> = HashMap::new();
    map.insert(
        "index.html".into(),
        site.home.iter().flat_map(|h| h.md.anchor_ids()).collect(),
    );
    for pg in &site.pages {
        map.insert(pg.out.clone(), pg.md.anchor_ids().collect());
    }
    for p in &site.programmes {
        map.insert(
            format!("{}/index.html", p.slug),
            p.md.anchor_ids().collect(),
        );
        for s in &p.sessions {
            map.insert(s.out.clone(), s.md.anchor_ids().collect());
        }
        for pg in &p.pages {
            map.insert(pg.out.clone(), pg.md.anchor_ids().collect());
        }
        for l in &p.letters {
            map.insert(l.out.clone(), HashSet::new());
        }
    }
    map
}

/// Normalise `base_dir/target` (both relative to one root); None if it climbs above it.
pub(crate) fn join(base_dir: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = base_dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Files under this folder of the content directory are published in every edition,
/// whatever links to them.
pub const PUBLIC_DIR: &str = "assets/";

/// Which asset files the content links to (as output paths).
#[derive(Debug, Default)]
pub struct References {
    /// From a part participants see.
    pub public: HashSet<String>,
    /// From anywhere, trainer notes included.
    pub any: HashSet<String>,
}

impl References {
    /// A warning for each file outside the public folder that nothing links to: it is
    /// copied into the trainer edition only, and is probably a leftover.
    pub fn unreferenced(&self, site: &Site) -> Vec<Diagnostic> {
        let src = site.config.src.to_string_lossy().replace('\\', "/");
        site.assets
            .iter()
            .filter(|a| {
                !self.any.contains(&a.out)
                    && !a.out.starts_with(PUBLIC_DIR)
                    && site.config.logo.as_deref() != Some(a.out.as_str())
            })
            .map(|a| {
                Diagnostic::warning(
                    format!("{src}/{}", a.out),
                    "no page links to this file: it is published in the trainer edition only",
                )
                .hint(format!(
                    "link to it from a page, move it under {src}/{PUBLIC_DIR} to publish it to everyone, or delete it"
                ))
            })
            .collect()
    }
}

/// Whether `path` (an output path) is trainer-only: listed, or in a trainer-only programme.
fn is_trainer_only(site: &Site, path: &str) -> bool {
    site.trainer_only.contains(path)
        || path
            .split_once('/')
            .is_some_and(|(top, _)| site.trainer_only.contains(&format!("{top}/")))
}

/// Every link checked, and the assets they reach: the second decides what a participant
/// build copies. `failed`: the output paths of files that exist but did not load (each with
/// its source path), so that a link to one is not said to be missing.
pub fn check(site: &Site, failed: &HashMap<String, String>) -> (Vec<Diagnostic>, References) {
    let mut c = Checker {
        site,
        failed,
        pages: targets(site),
        assets: site.assets.iter().map(|a| a.out.as_str()).collect(),
        diags: Vec::new(),
        refs: References::default(),
    };
    if let Some(h) = &site.home {
        c.visit(&h.src, &h.out, &h.md, true);
    }
    for pg in &site.pages {
        c.visit(&pg.src, &pg.out, &pg.md, !pg.trainer_only);
    }
    for p in &site.programmes {
        let shared = !p.trainer_only;
        c.visit(&p.src, &format!("{}/index.html", p.slug), &p.md, shared);
        for s in &p.sessions {
            let shared = shared && !s.trainer_only;
            c.visit(&s.src, &s.out, &s.md, shared);
        }
        for pg in &p.pages {
            let shared = shared && !pg.trainer_only;
            c.visit(&pg.src, &pg.out, &pg.md, shared);
        }
    }
    (c.diags, c.refs)
}

/// What checking links needs from the whole site, and what it finds.
struct Checker<'a> {
    site: &'a Site,
    failed: &'a HashMap<String, String>,
    /// Output path -> its heading ids.
    pages: HashMap<String, HashSet<&'a str>>,
    assets: HashSet<&'a str>,
    diags: Vec<Diagnostic>,
    refs: References,
}

impl Checker<'_> {
    /// One page's links and raw-HTML references; `shared` when participants may see it.
    fn visit(&mut self, src: &str, out: &str, md: &Markdown, shared: bool) {
        let dir = out.rsplit_once('/').map_or("", |(d, _)| d);
        // Files raw HTML uses (an `<img src>`) are published with the page that uses them.
        for l in &md.html_refs {
            let path = l.url.split(['#', '?']).next().unwrap_or("");
            if let Some(resolved) = join(dir, &percent_decode(path))
                && self.assets.contains(resolved.as_str())
            {
                self.reference(resolved, l.public && shared);
            }
        }
        for l in &md.links {
            self.link(src, dir, l, md, shared);
        }
    }

    /// An asset reached, from a public part or not.
    fn reference(&mut self, resolved: String, public: bool) {
        if public {
            self.refs.public.insert(resolved.clone());
        }
        self.refs.any.insert(resolved);
    }

    fn link(&mut self, src: &str, dir: &str, l: &Link, own: &Markdown, shared: bool) {
        let (path, frag) = match l.url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (l.url.as_str(), None),
        };
        let path = path.split('?').next().unwrap_or("");
        let at = |d: Diagnostic| d.at(l.line, l.col);
        if path.is_empty() {
            if let Some(f) = frag
                && !f.is_empty()
                && !own.anchor_ids().any(|id| id == percent_decode(f))
            {
                let ids: Vec<&str> = own.anchor_ids().collect();
                self.diags.push(
                    at(Diagnostic::error(
                        src,
                        format!("link to `#{f}`, but this page has no such heading"),
                    ))
                    .maybe_hint(
                        crate::diagnostics::closest(f, ids)
                            .map(|c| format!("did you mean `#{c}`?")),
                    ),
                );
            }
            return;
        }
        if path.starts_with('/') {
            self.diags.push(at(Diagnostic::error(src, format!("link `{}` starts at the web server's root", l.url)))
                .hint("write links relative to this file (e.g. ../day-1/intro.md), so the site works from any folder and from file://"));
            return;
        }
        let decoded = percent_decode(path);
        let target = if let Some(stem) = decoded.strip_suffix(".md") {
            format!("{stem}.html")
        } else if decoded.ends_with('/') {
            format!("{decoded}index.html")
        } else {
            decoded.clone()
        };
        let Some(resolved) = join(dir, &target) else {
            self.diags.push(at(Diagnostic::error(
                src,
                format!("link `{}` points outside the site", l.url),
            )));
            return;
        };
        // Participants cannot follow a link into what only trainers have: say so, in
        // both editions, rather than "missing file" in one.
        if shared && l.public && is_trainer_only(self.site, &resolved) {
            self.diags.push(
                at(Diagnostic::error(
                    src,
                    format!("link `{}` leads participants to trainer-only `{resolved}`", l.url),
                ))
                .hint("move the link into a trainer note (> [!TRAINER]) or a trainer-only page, or make the target `audience: all`"),
            );
            return;
        }
        if self.assets.contains(resolved.as_str()) {
            self.reference(resolved.clone(), l.public && shared);
        }
        if let Some(ids) = self.pages.get(&resolved) {
            if let Some(f) = frag
                && !f.is_empty()
                && !ids.contains(percent_decode(f).as_str())
            {
                let d = at(Diagnostic::error(
                    src,
                    format!("link to `{}`: that page has no heading `#{f}`", l.url),
                ))
                .hint(anchor_hint(f, ids));
                self.diags.push(d);
            }
        } else if let Some(failed) = self.failed.get(&resolved) {
            self.diags.push(at(has_errors(src, l, failed)));
        } else if !self.assets.contains(resolved.as_str()) {
            let d = self.missing(src, dir, l, &decoded, &resolved);
            self.diags.push(at(d));
        }
    }

    /// A link or image to a file the site does not have; the hint is what to write in the
    /// linking file, whose output folder is `dir`.
    fn missing(&self, src: &str, dir: &str, l: &Link, decoded: &str, resolved: &str) -> Diagnostic {
        let what = if l.image { "image" } else { "link" };
        let hint = if decoded.ends_with(".md") || decoded.ends_with('/') {
            // Sorted, so a tie gives the same hint on every run (map order is random).
            let mut names: Vec<&str> = self.pages.keys().map(|k| k.as_str()).collect();
            names.sort_unstable();
            // A page of the same name in another folder is the likeliest: the folder is
            // what was mistaken.
            let file = resolved.rsplit('/').next().unwrap_or(resolved);
            let same: Vec<&str> = names
                .iter()
                .copied()
                .filter(|n| n.rsplit('/').next() == Some(file))
                .collect();
            let pick = crate::diagnostics::closest(resolved, same.iter().copied())
                .or(same.first().copied())
                .or_else(|| crate::diagnostics::closest(resolved, names));
            match pick {
                Some(c) => {
                    let md = c.strip_suffix(".html").unwrap_or(c).to_string() + ".md";
                    format!("did you mean `{}`?", relative(dir, &md))
                }
                None => "link to another page by its .md file, relative to this one".to_string(),
            }
        } else {
            "put the file under the content directory (e.g. assets/) and link to it relatively"
                .to_string()
        };
        Diagnostic::error(src, format!("{what} to missing file `{}`", l.url)).hint(hint)
    }
}

/// A link to a file that exists but did not load: not "missing", and it will work.
fn has_errors(src: &str, l: &Link, failed: &str) -> Diagnostic {
    Diagnostic::error(
        src,
        format!(
            "link to `{}`: `{failed}` has errors of its own (reported with it); the link will work once they are fixed",
            l.url
        ),
    )
}

/// `target` (a path from the site's root) as a link from a file in folder `dir`: what to
/// write in that file.
pub(crate) fn relative(dir: &str, target: &str) -> String {
    let from: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = target.split('/').filter(|s| !s.is_empty()).collect();
    let shared = from
        .iter()
        .zip(&to)
        .take(to.len().saturating_sub(1))
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts = vec![".."; from.len() - shared];
    parts.extend(&to[shared..]);
    parts.join("/")
}

/// The hint for a link to a heading another page does not have.
fn anchor_hint(f: &str, ids: &HashSet<&str>) -> String {
    let mut sorted: Vec<&str> = ids.iter().copied().collect();
    sorted.sort_unstable();
    match crate::diagnostics::closest(f, sorted) {
        Some(c) => format!("did you mean `#{c}`?"),
        None if ids.is_empty() => "that page has no headings to link to".to_string(),
        None => {
            let mut v: Vec<&str> = ids.iter().copied().collect();
            v.sort();
            format!("its headings: {}", v.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{join, relative};

    #[test]
    fn relative_paths_lead_back_to_the_target() {
        for (dir, target, want) in [
            ("p/day-1", "p/day-1/b.md", "b.md"),
            ("p/day-1", "p/day-2/b.md", "../day-2/b.md"),
            ("p", "p/day-2/b.md", "day-2/b.md"),
            ("", "p/index.md", "p/index.md"),
            ("p/day-1", "index.md", "../../index.md"),
            ("p/day-1", "q/day-1/x.md", "../../q/day-1/x.md"),
        ] {
            let r = relative(dir, target);
            assert_eq!(r, want, "{dir} -> {target}");
            assert_eq!(join(dir, &r).as_deref(), Some(target), "{dir} -> {target}");
        }
    }
}
