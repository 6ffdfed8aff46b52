//! Pages outside any programme: home, 404 and the site's own pages; and the view of a
//! page of notes, which programmes use too.

use rayon::prelude::*;
use serde::Serialize;

use super::context::Common;
use super::page::{Defer, Page, Rendered};
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
    /// Every programme's runs by date; `deliveries.js` hides the past ones.
    deliveries: Vec<super::delivery::DeliveryCard>,
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
            deliveries: super::delivery::site_cards(site),
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
        let title = common.strings.get("page_not_found", &[]);
        let own = not_found(site.config.site_url.as_deref());
        common.page(
            plain("404.html", "404.html".into(), title, &own),
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
        schedule: None,
        lang: None,
        languages: Vec::new(),
        untranslated: None,
    }
}

/// The 404 page, which a web server shows at any depth: where its links start.
#[derive(Serialize)]
struct NotFound {
    /// The prefix of every link: the path of `site-url` (`/training/`) when it is set,
    /// so links work at any depth of that server; else relative to the top level.
    root: String,
    /// The other prefix, for a second stylesheet and the script that mends links
    /// (`theme/not-found.js`): relative when `root` is a path (for `file://`), else the
    /// server's root `/`.
    other_root: String,
}

fn not_found(site_url: Option<&str>) -> NotFound {
    match site_url.map(url_path) {
        Some(path) => NotFound {
            root: path,
            other_root: String::new(),
        },
        None => NotFound {
            root: String::new(),
            other_root: "/".into(),
        },
    }
}

/// The path of an address, ending in `/`: `https://x.example/t/` -> `/t/`.
fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_404_root_is_the_site_urls_path() {
        assert_eq!(super::url_path("https://x.example/t/"), "/t/");
        assert_eq!(super::url_path("https://x.example"), "/");
        assert_eq!(super::url_path("http://x.example/a/b?q#f"), "/a/b/");
        let n = super::not_found(None);
        assert_eq!((n.root.as_str(), n.other_root.as_str()), ("", "/"));
    }
}
