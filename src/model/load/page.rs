//! Pages: the site's home, site pages and a programme's other pages.

use super::audience::whole_file;
use super::file::Source;
use super::values::title_from_file;
use super::{Kind, Parsed, out_path};
use crate::content::markdown::Body;
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
    let summary = fl.text("summary").or_else(|| fl.text("description"));
    diags.append(&mut fl.diags);
    let title = title.unwrap_or_else(|| title_from_file(&f.rel));
    let page = Page {
        src: f.display.clone(),
        out: out_path(&f.rel),
        title,
        summary,
        trainer_only,
        md: std::sync::Arc::new(md),
    };
    match kind {
        Kind::Home => Parsed::Home(page),
        _ => Parsed::Page(page),
    }
}
