//! Pages outside any programme: home, 404 and the site's own pages (and their
//! translations: `model::SiteEditions`); and the view of a page of notes, which programmes
//! use too.

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;

use super::context::Common;
use super::editions::LangLink;
use super::page::{Defer, Page, Rendered};
use super::view;
use crate::model::Site;
use crate::model::clock::Lang;

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

/// Home, 404 and the site's pages, rendered in parallel; a translation of the home page
/// (`index.cy.md`) is a home page in its language.
pub(super) fn render(site: &Site, common: &Common) -> Vec<Rendered> {
    let outs: HashSet<&str> = site.pages.iter().map(|pg| pg.out.as_str()).collect();
    let mut jobs: Vec<Box<dyn Fn() -> Rendered + Send + Sync + '_>> = Vec::new();
    jobs.push(Box::new(|| {
        let own = HomeView {
            cards: view::programme_cards(site, None),
            deliveries: super::delivery::site_cards(site, None),
            body: site.home.as_ref().map(|h| h.md.html.as_str()),
        };
        let title = site
            .home
            .as_ref()
            .map_or(site.config.title.clone(), |h| h.title.clone());
        let mut page = plain("home.html", "index.html".into(), title, &own);
        page.languages = languages(site, "index.html", &outs);
        common.page(page, Defer::Allowed)
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
        let outs = &outs;
        jobs.push(Box::new(move || {
            let lang = site.editions.lang.get(&pg.out).map(String::as_str);
            let languages = languages(site, &pg.out, outs);
            if site.editions.is_home(&pg.out) {
                let own = HomeView {
                    cards: view::programme_cards(site, lang),
                    deliveries: super::delivery::site_cards(site, lang),
                    body: Some(pg.md.html.as_str()),
                };
                let mut page = plain("home.html", pg.out.clone(), pg.title.clone(), &own);
                (page.lang, page.languages) = (lang, languages);
                return common.page(page, Defer::Allowed);
            }
            let own = PagePage {
                page: page_view(pg),
            };
            let mut page = plain("page.html", pg.out.clone(), pg.title.clone(), &own);
            (page.lang, page.languages) = (lang, languages);
            common.page(page, Defer::Allowed)
        }));
    }
    jobs.into_par_iter().map(|j| j()).collect()
}

/// A site page (or the home page) in each language it is written in, the original first
/// (`hreflang` links, the language switch); empty when it has one. `outs`: the pages this
/// build writes (a trainer-only one is not in a participant build).
fn languages(site: &Site, out: &str, outs: &HashSet<&str>) -> Vec<LangLink> {
    let ed = &site.editions;
    let original = ed.original.get(out).map_or(out, String::as_str);
    let Some(translations) = ed.of.get(original) else {
        return Vec::new();
    };
    let exists = |o: &str| o == "index.html" || outs.contains(o);
    if !exists(original) {
        return Vec::new();
    }
    let site_lang = site.config.language.as_str();
    let links: Vec<LangLink> = std::iter::once((site_lang, original))
        .chain(translations.iter().map(|(c, o)| (c.as_str(), o.as_str())))
        .filter(|(_, o)| exists(o))
        .map(|(code, href)| LangLink {
            code: code.to_string(),
            name: Lang::parse(code).map_or_else(|| code.to_string(), |l| l.autonym().into()),
            href: href.to_string(),
            current: href == out,
        })
        .collect();
    if links.len() < 2 { Vec::new() } else { links }
}

/// A page outside any programme: no shared values, no sidebar; the site's language unless
/// the caller says otherwise.
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
