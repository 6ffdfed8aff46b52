//! Outputs: every file of the site as bytes (or a file to copy), from the model alone.
//! Nothing here touches the build directory; pages render in parallel.

pub mod after_course;
pub mod archive;
mod context;
mod csv;
mod delivery;
mod delivery_room;
mod editions;
pub mod evaluation;
pub mod handout;
pub mod ics;
pub mod leak;
mod letter_files;
mod letter_page;
mod lists;
mod nav;
mod nav_view;
pub mod outputs;
mod page;
mod programme;
pub mod room;
pub mod schedule;
mod scoped;
pub mod search;
mod session_view;
mod site_pages;
mod sitemap;
pub mod theme;
pub mod view;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::Audience;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use context::{Common, SiteView, hash_of, value_of};
use view::Link;

pub use letter_page::{builtin_value, builtin_value_in};
pub use nav::FULL_NAV;
pub use theme::{CSP, Theme};

#[derive(Debug, Clone)]
pub enum Content {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Copy(PathBuf),
    /// Only from the dev server's incremental renders (see [`Common::defer`]).
    Deferred(Arc<theme::Deferred>),
}

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct Output {
    /// Relative to the build directory, `/`-separated.
    pub path: String,
    pub content: Content,
}

impl Output {
    fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        Output {
            path: path.into(),
            content: Content::Bytes(bytes),
        }
    }
}

/// All outputs of the site.
pub fn render_site(
    site: &Site,
    theme: &Theme,
    audience: Audience,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    render_parts(site, theme, audience, None).map(|p| p.outputs)
}

/// Path -> a hash of what the page was rendered from (template and context).
pub type Memo = HashMap<String, u64>;

/// What [`render_parts`] made.
pub struct Parts {
    /// Every output except the pages skipped as unchanged.
    pub outputs: Vec<Output>,
    /// Pages not rendered because their key matched the memo: reuse the last output.
    pub unchanged: Vec<String>,
    /// Every page's key, the memo for next time (empty without a memo).
    pub memo: Memo,
    /// Paths of the outputs handed to a sink (see [`render_streamed`]).
    pub streamed: Vec<String>,
}

/// The site's outputs; with a `memo` (the dev server's), pages whose template and context
/// are the same as last time are skipped, so an edit re-renders only what it touches.
pub fn render_parts(
    site: &Site,
    theme: &Theme,
    audience: Audience,
    memo: Option<&Memo>,
) -> Result<Parts, Vec<Diagnostic>> {
    render_inner(site, theme, audience, memo, None)
}

/// Takes each programme's outputs as soon as they are rendered (a build writes them at once,
/// so the whole site never sits in memory); returns what it took's paths, or the problems.
pub type Sink<'a> = dyn Fn(Vec<Output>) -> Result<Vec<String>, Vec<Diagnostic>> + Sync + 'a;

/// [`render_site`], handing every programme's outputs to `sink` as they are made. The
/// returned [`Parts`] holds the rest (site-level pages, search root, theme files, assets)
/// and, in `streamed`, the paths the sink took.
pub fn render_streamed(
    site: &Site,
    theme: &Theme,
    audience: Audience,
    sink: &Sink,
) -> Result<Parts, Vec<Diagnostic>> {
    render_inner(site, theme, audience, None, Some(sink))
}

fn render_inner(
    site: &Site,
    theme: &Theme,
    audience: Audience,
    memo: Option<&Memo>,
    sink: Option<&Sink>,
) -> Result<Parts, Vec<Diagnostic>> {
    let common = common(site, theme, audience, memo);
    let mut outputs: Vec<Output> = Vec::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    for x in site_pages::render(site, &common) {
        match x {
            Ok(Some(o)) => outputs.push(o),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }

    // Programmes in parallel (pages inside each too), each with its own search shard.
    let per_programme: Vec<(Vec<Output>, Vec<String>, Vec<Diagnostic>)> = site
        .programmes
        .par_iter()
        .map(|p| {
            let (outs, mut errs) = programme::render_programme(p, &common, site);
            match sink {
                Some(sink) if errs.is_empty() => match sink(outs) {
                    Ok(paths) => (Vec::new(), paths, errs),
                    Err(e) => (Vec::new(), Vec::new(), e),
                },
                Some(_) => (Vec::new(), Vec::new(), std::mem::take(&mut errs)),
                None => (outs, Vec::new(), errs),
            }
        })
        .collect();
    let mut streamed = Vec::new();
    for (outs, paths, errs) in per_programme {
        outputs.extend(outs);
        streamed.extend(paths);
        errors.extend(errs);
    }
    let filters = common
        .search_filters
        .lock()
        .map(|mut f| std::mem::take(&mut *f))
        .unwrap_or_default();
    outputs.push(search::root(site, &filters));

    // Snowball's scripts only for the languages the site's search stems by.
    let stems = search::stem_scripts(site);
    outputs.extend(theme.static_files().into_iter().filter(|o| {
        let name = o.path.rsplit('/').next().unwrap_or_default();
        !name.starts_with("search-stem-") || stems.contains(&name)
    }));
    // The scripts' strings of every language a page is in, each once.
    let mut written: Vec<&str> = Vec::new();
    for s in std::iter::once(&common.strings).chain(common.other_strings.iter().map(|(_, s, _)| s))
    {
        if !written.contains(&s.lang.as_str()) {
            written.push(&s.lang);
            outputs.push(Output::bytes(
                format!("{}/i18n-{}.js", theme::STATIC_DIR, s.lang),
                s.script().into_bytes(),
            ));
        }
    }
    for a in &site.assets {
        outputs.push(Output {
            path: a.out.clone(),
            content: Content::Copy(a.source.clone()),
        });
    }
    let (memo, unchanged) = common.keys.into_inner().unwrap_or_default();
    if let Some(url) = &site.config.site_url {
        let paths = outputs
            .iter()
            .map(|o| o.path.as_str())
            .chain(unchanged.iter().map(String::as_str))
            .chain(streamed.iter().map(String::as_str));
        let map = sitemap::sitemap(url, paths);
        outputs.push(map);
    }
    if errors.is_empty() {
        Ok(Parts {
            outputs,
            unchanged,
            memo,
            streamed,
        })
    } else {
        Err(errors)
    }
}

/// A hash of the interface strings' table (for [`crate::i18n::Strings::key`]).
pub fn hash_strings(v: &impl serde::Serialize) -> u64 {
    hash_of(v)
}

/// What every page shares, made into template values once.
fn common<'a>(
    site: &'a Site,
    theme: &'a Theme,
    audience: Audience,
    memo: Option<&'a Memo>,
) -> Common<'a> {
    let cfg = &site.config;
    let site_view = SiteView {
        title: &cfg.title,
        description: cfg.description.as_deref(),
        organisation: cfg.organisation.as_deref(),
        language: &cfg.language,
        logo: cfg.logo.as_deref(),
        authors: &cfg.authors,
        participant: audience == Audience::Participant,
    };
    // A translated edition is reached from its original's language switch, not listed;
    // but the site's pages in a language list each programme's edition in it.
    let links = |lang: Option<&str>| -> Vec<Link> {
        lists::programmes_in(site, lang)
            .into_iter()
            .map(|(p, _)| Link {
                title: p.title.clone(),
                href: format!("{}/index.html", p.slug),
                when: None,
            })
            .collect()
    };
    let programme_links = links(None);
    let page_langs: std::collections::BTreeSet<&String> = site.editions.lang.values().collect();
    let programmes_in: Vec<(String, Vec<Link>)> = page_langs
        .iter()
        .map(|l| (l.to_string(), links(Some(l))))
        .collect();
    let strings = theme.i18n.strings(&cfg.language);
    let mut other_strings: Vec<(String, std::sync::Arc<crate::i18n::Strings>, tera::Value)> =
        Vec::new();
    for l in site
        .programmes
        .iter()
        .map(|p| &p.language)
        .chain(page_langs)
    {
        if !l.is_empty() && *l != cfg.language && !other_strings.iter().any(|(x, ..)| x == l) {
            let s = theme.i18n.strings(l);
            other_strings.push((l.clone(), s.clone(), s.value()));
        }
    }
    let strings_key = if memo.is_some() {
        let others: Vec<u64> = other_strings.iter().map(|(_, s, _)| s.key()).collect();
        hash_of(&(strings.key(), others))
    } else {
        0
    };
    let homes = site
        .editions
        .of
        .get("index.html")
        .cloned()
        .unwrap_or_default();
    Common {
        theme,
        homes,
        tr: strings.value(),
        strings,
        other_strings,
        site: value_of(&site_view),
        programmes: value_of(&programme_links),
        programmes_in: programmes_in
            .iter()
            .map(|(l, v)| (l.clone(), value_of(v)))
            .collect(),
        organisation: cfg.organisation.as_deref(),
        language: &cfg.language,
        logo: site.logo.as_deref(),
        participant: audience == Audience::Participant,
        memo,
        keys: Mutex::default(),
        search_filters: Mutex::default(),
        // Keys hash the views, not template values, whose maps have no fixed order.
        shared_key: if memo.is_some() {
            hash_of(&(&site_view, &programme_links, &programmes_in, strings_key))
        } else {
            0
        },
        // A first render (empty memo) renders everything, so template errors show at once.
        defer: memo.is_some_and(|m| !m.is_empty()),
    }
}
