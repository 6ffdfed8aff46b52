//! Pages outside any programme: home, 404 and the site's own pages; and the view of a
//! page of notes, which programmes use too.

use rayon::prelude::*;
use serde::Serialize;

use super::context::Common;
use super::page::{Defer, Nothing, Page, Rendered};
use super::view;
use crate::model::Site;

#[derive(Serialize)]
pub(super) struct PageView {
    title: String,
    summary: Option<String>,
    body: String,
    /// "On this page", when the body has more than three headings.
    toc: Vec<crate::content::markdown::Heading>,
    trainer_only: bool,
}

pub(super) fn page_view(pg: &crate::model::Page) -> PageView {
    PageView {
        title: pg.title.clone(),
        summary: pg.summary.as_ref().map(|x| x.html.clone()),
        body: pg.md.html.clone(),
        toc: view::toc(&pg.md),
        trainer_only: pg.trainer_only,
    }
}

#[derive(Serialize)]
struct HomeView<'a> {
    cards: Vec<view::ProgrammeCard>,
    body: Option<&'a str>,
}

#[derive(Serialize)]
struct PagePage {
    page: PageView,
}

/// Home, 404 and the site's pages, rendered in parallel.
pub(super) fn render(site: &Site, common: &Common) -> Vec<Rendered> {
    let mut jobs: Vec<Box<dyn Fn() -> Rendered + Send + Sync + '_>> = Vec::new();
    jobs.push(Box::new(|| {
        let own = HomeView {
            cards: view::programme_cards(site),
            body: site.home.as_ref().map(|h| h.md.html.as_str()),
        };
        let title = site
            .home
            .as_ref()
            .map_or(site.config.title.clone(), |h| h.title.clone());
        common.page(
            plain("home.html", "index.html".into(), title, &own),
            Defer::Allowed,
        )
    }));
    jobs.push(Box::new(|| {
        let title = "Page not found".to_string();
        common.page(
            plain("404.html", "404.html".into(), title, &Nothing {}),
            Defer::Allowed,
        )
    }));
    for pg in &site.pages {
        jobs.push(Box::new(move || {
            let own = PagePage {
                page: page_view(pg),
            };
            let page = plain("page.html", pg.out.clone(), pg.title.clone(), &own);
            common.page(page, Defer::Allowed)
        }));
    }
    jobs.into_par_iter().map(|j| j()).collect()
}

/// A page outside any programme: no shared values, no sidebar.
fn plain<'a, V: Serialize>(
    template: &'static str,
    path: String,
    title: String,
    own: &'a V,
) -> Page<'a, V> {
    Page {
        template,
        path,
        title,
        shared: &[],
        own,
        nav: None,
    }
}
