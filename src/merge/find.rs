//! Which letter a `merge` is for: a template's path (`content/<programme>/letters/<name>.md`),
//! or a letter's name (`certificate`) looked up in the site around the current folder.

use std::path::{Path, PathBuf};

use crate::Audience;
use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::model::{Delivery, Programme, Site};

/// The site's root, the loaded site (trainer edition), and the programme's and the letter's
/// indices in it; `None` with the problem reported.
pub fn letter(arg: &Path, diags: &mut Diagnostics) -> Option<(PathBuf, Site, usize, usize)> {
    let shown = arg.display().to_string();
    let by_name = !arg.exists() && arg.components().count() == 1;
    let path = if by_name {
        None
    } else {
        match arg.canonicalize() {
            Ok(p) => Some(p),
            Err(_) => {
                diags.push(Diagnostic::error(
                    &shown,
                    "there is no such letter template",
                ));
                return None;
            }
        }
    };
    // The folders above the template, or the current folder and those above it.
    let (start, skip) = match &path {
        Some(p) => (p.clone(), 1),
        None => (std::env::current_dir().ok()?, 0),
    };
    let Some(root) = start
        .ancestors()
        .skip(skip)
        .find(|d| d.join("book.toml").is_file())
        .map(Path::to_path_buf)
    else {
        diags.push(
            Diagnostic::error(&shown, "no book.toml in any folder above this letter")
                .hint("letters live in content/<programme>/letters/ of a coursebook site; run merge from the site's folder"),
        );
        return None;
    };
    let (site, d) = crate::load(&root, Audience::Trainer);
    diags.extend(d);
    let site = site?;
    let name = shown.trim_end_matches(".md");
    let mut found = Vec::new();
    for (pi, p) in site.programmes.iter().enumerate() {
        for (li, l) in p.letters.iter().enumerate() {
            let hit = match &path {
                Some(path) => root.join(&l.src).canonicalize().is_ok_and(|c| &c == path),
                None => l.name == name,
            };
            if hit {
                found.push((pi, li));
            }
        }
    }
    let all = || {
        site.programmes
            .iter()
            .flat_map(|p| p.letters.iter().map(|l| l.src.clone()))
            .collect::<Vec<_>>()
    };
    match found[..] {
        [(pi, li)] => Some((root, site, pi, li)),
        [] => {
            let hint = if by_name {
                format!(
                    "the site's letters are: {}",
                    match all().join(", ") {
                        s if s.is_empty() => "none".to_string(),
                        s => s,
                    }
                )
            } else {
                format!(
                    "letters live in {}/<programme>/letters/<name>.md",
                    site.config.src.display()
                )
            };
            let msg = if by_name {
                "the site has no letter of this name"
            } else {
                "this file is not a letter template of the site"
            };
            diags.push(Diagnostic::error(&shown, msg).hint(hint));
            None
        }
        _ => {
            let paths: Vec<String> = found
                .iter()
                .map(|&(pi, li)| site.programmes[pi].letters[li].src.clone())
                .collect();
            diags.push(
                Diagnostic::error(&shown, "more than one programme has a letter of this name")
                    .hint(format!("name the template's path: {}", paths.join(" or "))),
            );
            None
        }
    }
}

/// Delivery `id` of programme `p` (`merge --delivery <id>`); an unknown id is an error naming
/// the closest id and listing the programme's deliveries.
pub fn delivery<'a>(p: &'a Programme, id: &str) -> Result<&'a Delivery, Diagnostic> {
    if let Some(d) = p.deliveries.iter().find(|d| d.id == id) {
        return Ok(d);
    }
    let ids: Vec<&str> = p.deliveries.iter().map(|d| d.id.as_str()).collect();
    let err = Diagnostic::error(
        &p.src,
        format!(
            "`--delivery {id}`: the programme `{}` has no delivery `{id}`",
            p.slug
        ),
    );
    Err(if ids.is_empty() {
        err.hint(format!(
            "it has no deliveries; add one as content/{}/deliveries/{id}.md, or leave out --delivery",
            p.slug
        ))
    } else {
        let near = closest(id, ids.iter().copied())
            .map(|c| format!("did you mean `{c}`? "))
            .unwrap_or_default();
        err.hint(format!("{near}its deliveries are: {}", ids.join(", ")))
    })
}
