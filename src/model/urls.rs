//! URLs that could run script: a `javascript:` (or `vbscript:`, or non-image `data:`) link
//! or image is an error at its place, a file embedded from another host is a warning, and a
//! file or folder name that would make its own links such a URL is an error.

use super::Site;
use crate::content::markdown::Markdown;
use crate::content::urls::{Finding, Use, Verdict};
use crate::diagnostics::Diagnostic;

/// The diagnostics for what scanning a body found (content/urls.rs).
pub fn diagnostics(src: &str, found: &[Finding]) -> Vec<Diagnostic> {
    found.iter().map(|f| one(src, f)).collect()
}

fn one(src: &str, f: &Finding) -> Diagnostic {
    let what = match f.what {
        Use::Link => "link",
        Use::Image => "image",
        Use::Embed(w) => w,
    };
    let shown: String = f.url.chars().take(80).collect();
    let d = match f.verdict {
        Verdict::Refuse => {
            let scheme = crate::content::urls::scheme(&f.url).unwrap_or_default();
            Diagnostic::error(
                src,
                format!("{what} to `{shown}`: a `{scheme}:` address can run script in the reader's browser"),
            )
            .hint(if scheme == "data" {
                "link to a file under the content folder instead; only images may use `data:image/...`"
            } else {
                "pages run no author script: link to a page (its .md file) or a web address (https://...)"
            })
        }
        Verdict::Remote => Diagnostic::warning(
            src,
            format!("{what} loaded from another host: `{shown}`"),
        )
        .hint("pages load nothing from another host (their Content-Security-Policy blocks it): save the file under the content folder (e.g. assets/) and refer to it relatively, or link to it instead"),
    };
    d.at(f.line, f.col)
}

/// Why a file or folder name cannot be part of a link, if it cannot.
fn unsafe_name(segment: &str) -> Option<&'static str> {
    // `:` and `\\` are refused once per name by `paths::check`.
    segment
        .chars()
        .any(char::is_control)
        .then_some("a control character")
}

fn name_error(src: &str, out: &str) -> Option<Diagnostic> {
    let seg = out.split('/').find(|s| unsafe_name(s).is_some())?;
    let why = unsafe_name(seg)?;
    let better: String = seg
        .chars()
        .map(|c| {
            if c == ':' || c == '\\' || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    Some(
        Diagnostic::error(
            src,
            format!(
                "the name `{}` cannot be part of a link: it has {why}",
                seg.escape_debug()
            ),
        )
        .hint(format!("rename it, e.g. `{}`", better.escape_debug())),
    )
}

/// Every body's refused and remote URLs, and every output name that cannot be a safe link.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut body = |src: &str, md: &Markdown| diags.extend(diagnostics(src, &md.unsafe_urls));
    if let Some(h) = &site.home {
        body(&h.src, &h.md);
    }
    for pg in &site.pages {
        body(&pg.src, &pg.md);
    }
    for p in &site.programmes {
        body(&p.src, &p.md);
        for s in &p.sessions {
            body(&s.src, &s.md);
        }
        for pg in &p.pages {
            body(&pg.src, &pg.md);
        }
    }
    let mut names: Vec<(&str, &str)> = Vec::new();
    names.extend(site.pages.iter().map(|p| (p.src.as_str(), p.out.as_str())));
    for p in &site.programmes {
        names.push((&p.src, &p.slug));
        names.extend(p.sessions.iter().map(|s| (s.src.as_str(), s.out.as_str())));
        names.extend(p.pages.iter().map(|s| (s.src.as_str(), s.out.as_str())));
        names.extend(p.letters.iter().map(|s| (s.src.as_str(), s.out.as_str())));
    }
    diags.extend(
        names
            .into_iter()
            .filter_map(|(src, out)| name_error(src, out)),
    );
    let src = site.config.src.to_string_lossy();
    for a in &site.assets {
        if let Some(d) = name_error(&format!("{src}/{}", a.out), &a.out) {
            diags.push(d);
        }
    }
    diags
}
