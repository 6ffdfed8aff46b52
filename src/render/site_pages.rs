//! Pages outside any programme: home, 404 and the site's own pages; and the view of a
//! page of notes, which programmes use too.

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::Output;
use super::context::{Common, Job, Put};
use super::view;
use crate::diagnostics::Diagnostic;
use crate::model::Site;

#[derive(Serialize)]
pub(super) struct PageView {
    title: String,
    summary: Option<String>,
    body: String,
    trainer_only: bool,
}

pub(super) fn page_view(pg: &crate::model::Page) -> PageView {
    PageView {
        title: pg.title.clone(),
        summary: pg.summary.clone(),
        body: pg.md.html.clone(),
        trainer_only: pg.trainer_only,
    }
}

/// Home, 404 and the site's pages, rendered in parallel (`Ok(None)`: unchanged in the memo).
pub(super) fn render(site: &Site, common: &Common) -> Vec<Result<Option<Output>, Diagnostic>> {
    let mut jobs = Vec::new();
    let mut home = Context::new();
    let cards = view::programme_cards(site);
    let body = site.home.as_ref().map(|h| h.md.html.as_str());
    home.put("cards", &cards);
    home.put("body", &body);
    let home_title = site
        .home
        .as_ref()
        .map_or(site.config.title.clone(), |h| h.title.clone());
    jobs.push(Job {
        template: "home.html",
        path: "index.html".into(),
        title: home_title,
        ctx: home,
        data: common.hash(&(&cards, body)),
    });
    jobs.push(Job {
        template: "404.html",
        path: "404.html".into(),
        title: "Page not found".into(),
        ctx: Context::new(),
        // Nothing of its own: its key is its template, path and what every page shares.
        data: 0,
    });
    for pg in &site.pages {
        let mut c = Context::new();
        let view = page_view(pg);
        c.put("page", &view);
        jobs.push(Job {
            template: "page.html",
            path: pg.out.clone(),
            title: pg.title.clone(),
            ctx: c,
            data: common.hash(&view),
        });
    }
    jobs.into_par_iter()
        .map(|j| common.render(j, None))
        .collect()
}
