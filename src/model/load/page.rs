//! Pages: the site's home, site pages and a programme's other pages.

use super::audience::whole_file;
use super::file::Source;
use super::values::title_from_file;
use super::{Kind, Parsed, out_path};
use crate::content::markdown::{Body, inline};
use crate::content::yaml::{Fields, Node};
use crate::diagnostics::Diagnostic;
use crate::model::{Fragment, Page};

const PAGE_KEYS: &[&str] = &["title", "summary", "description", "audience", "order"];

/// A trainer-only page in a participant build: nothing but what must not appear.
pub(super) fn trainer_only_page(src: &Source, diags: &mut Vec<Diagnostic>) -> Parsed {
    let f = src.f;
    let md = src.render(Body::Hidden, diags);
    let title = src
        .node
        .get("title")
        .and_then(Node::as_text)
        .or_else(|| md.headings.first().map(|h| h.text.clone()))
        .unwrap_or_else(|| title_from_file(&f.rel));
    let mut frags = whole_file(f, &src.node, &title);
    frags.extend(
        md.dropped
            .iter()
            .map(|d| Fragment::new(&f.display, &d.text).at(d.line, d.col)),
    );
    Parsed::TrainerOnly(frags)
}

/// A page this build shows: the home page, a site page or one of a programme's pages.
pub(super) fn page_file(
    src: &Source,
    kind: &Kind,
    trainer_only: bool,
    diags: &mut Vec<Diagnostic>,
) -> Parsed {
    let f = src.f;
    let md = src.render(Body::Shared, diags);
    let what = "page front matter";
    let mut fl = Fields::front(&f.display, &src.node, what, PAGE_KEYS, &src.extra.page);
    let title = fl
        .text("title")
        .or_else(|| md.headings.first().map(|h| h.text.clone()));
    let summary = fl
        .text("summary")
        .or_else(|| fl.text("description"))
        .map(|t| inline(&t));
    let order = fl
        .int("order", i64::MIN as i128, i64::MAX as i128)
        .map(|(v, _)| v);
    diags.append(&mut fl.diags);
    let title = title.unwrap_or_else(|| title_from_file(&f.rel));
    let page = Page {
        src: f.display.clone(),
        out: out_path(&f.rel),
        title,
        summary,
        order,
        trainer_only,
        md: std::sync::Arc::new(md),
    };
    match kind {
        Kind::Home(_) => Parsed::Home(page),
        _ => Parsed::Page(page),
    }
}

/// Pages in the order people read them: those at the top first, then each folder's (the
/// folders by their `index.md`'s `order`, then name), inside a folder its `index.md` first,
/// then by `order` (those with one first), then by file name: the rule sessions follow.
/// `base` is the folder whose pages come first: the programme's, or `""` for the site's.
pub(crate) fn sort_pages(pages: &mut [Page], base: &str) {
    fn split(out: &str) -> (&str, &str) {
        out.rsplit_once('/').unwrap_or(("", out))
    }
    let folder_order: std::collections::HashMap<String, Option<i64>> = pages
        .iter()
        .filter(|p| split(&p.out).1 == "index.html")
        .map(|p| (split(&p.out).0.to_string(), p.order))
        .collect();
    pages.sort_by_cached_key(|p| {
        let (folder, file) = split(&p.out);
        let fo = folder_order.get(folder).copied().flatten();
        (
            folder != base,
            fo.is_none(),
            fo,
            folder.to_string(),
            file != "index.html",
            p.order.is_none(),
            p.order,
            file.to_string(),
        )
    });
}
