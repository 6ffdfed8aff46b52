//! A page: the one place its template context and its memo key are both made, from the
//! same values, so no input can reach a page without reaching its key (tests/memo_keys.rs
//! changes each field the example shows and checks the key of every page it changes).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use super::context::{Common, Put, hash_of, value_of};
use super::nav::NavParts;
use super::{Content, Output};
use crate::diagnostics::Diagnostic;
use crate::util::root_prefix;

/// A page's result: `Ok(None)` when the dev server's memo shows it unchanged.
pub(super) type Rendered = Result<Option<Output>, Diagnostic>;

/// A view several pages show, made into a template value once (a clone shares it: Tera 2
/// values are reference-counted), with its hash for their keys: both from the same view.
pub(super) struct Shared {
    value: tera::Value,
    key: u64,
}

impl Shared {
    pub(super) fn of(common: &Common, v: &impl Serialize) -> Self {
        Shared {
            value: value_of(v),
            key: common.hash(v),
        }
    }
}

/// What a page shows of its own, beside the shared values: nothing.
#[derive(Serialize)]
pub(super) struct Nothing {}

/// A page to render: `own` is a struct whose fields become the template's names (beside
/// the `shared` ones, and what every page has: `site`, `nav`, `root`, ...).
pub(super) struct Page<'a, V: Serialize> {
    pub(super) template: &'static str,
    pub(super) path: String,
    pub(super) title: String,
    pub(super) shared: &'a [(&'static str, &'a Shared)],
    pub(super) own: &'a V,
    /// The programme's sidebar, for pages inside a programme (not the handout).
    pub(super) nav: Option<&'a NavParts>,
    /// The programme's `schedule.js` (site-relative), for the "now and next" bar, when the
    /// programme has dated days.
    pub(super) schedule: Option<&'a str>,
    /// The page's language (`lang` on `<html>`, and what interface strings key on): its
    /// programme's; `None`: the site's.
    pub(super) lang: Option<&'a str>,
    /// This page in each language its programme has (`hreflang` links, the language
    /// switch): empty when there is one language.
    pub(super) languages: Vec<super::editions::LangLink>,
    /// In a translated edition, a page not translated yet: the original's language, which
    /// its content is in.
    pub(super) untranslated: Option<&'a str>,
}

/// Whether the dev server may hand a changed page back unrendered, to render when asked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Defer {
    /// Whole-programme pages: an edit to one session should not wait for them.
    Allowed,
    /// Session pages: the one edited is the one the browser reloads.
    Never,
}

impl Common<'_> {
    /// Renders `page`; `Ok(None)` when the dev server's memo shows it unchanged.
    pub(super) fn page<V: Serialize>(&self, page: Page<V>, defer: Defer) -> Rendered {
        if self.memo.is_some() && self.unchanged(&page.path, self.key(&page)) {
            return Ok(None);
        }
        let ctx = self.context(&page)?;
        if self.defer && defer == Defer::Allowed {
            let deferred = self.theme.defer(page.template, ctx);
            return Ok(Some(Output {
                path: page.path,
                content: Content::Deferred(Arc::new(deferred)),
            }));
        }
        let html = self.theme.render(page.template, &ctx)?;
        Ok(Some(Output::bytes(page.path, html.into_bytes())))
    }

    /// The page's memo key: a hash of everything [`Common::context`] puts in its context.
    fn key<V: Serialize>(&self, page: &Page<V>) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (page.template, &page.path, &page.title, self.shared_key).hash(&mut h);
        page.nav.map(|n| n.key).hash(&mut h);
        page.schedule.hash(&mut h);
        page.lang.hash(&mut h);
        page.languages.hash(&mut h);
        page.untranslated.hash(&mut h);
        self.home_for(page.lang).hash(&mut h);
        for (name, v) in page.shared {
            (name, v.key).hash(&mut h);
        }
        hash_of(page.own).hash(&mut h);
        h.finish()
    }

    /// A page's whole context: the shared values, its own view's fields, and what every
    /// page has (all of it made from what [`Common::key`] hashes).
    fn context<V: Serialize>(&self, page: &Page<V>) -> Result<Context, Diagnostic> {
        let mut ctx = Context::new();
        for (name, v) in page.shared {
            ctx.insert_value(*name, v.value.clone());
        }
        let root = root_prefix(&page.path);
        // Before `own`: the 404 page's view sets its own `root` (see `site_pages`).
        ctx.put("root", &root);
        // `own` is a struct: each field a name. Anything else would show nothing.
        if let Some(fields) = value_of(page.own).into_map() {
            for (name, v) in fields {
                if let Some(name) = name.as_str() {
                    ctx.insert_value(name.to_string(), v);
                }
            }
        }
        ctx.insert_value("site", self.site.clone());
        ctx.insert_value("tr", self.tr_for(page.lang).clone());
        ctx.put("current", &page.path);
        ctx.put("page_title", &page.title);
        match page.nav {
            Some(n) => {
                ctx.insert_value("nav", n.value.clone());
                ctx.put("nav_html", &n.sidebar(self, &root, &page.path, page.lang)?);
            }
            // Only pages outside any programme list the programmes: in every page of a
            // catalogue that list would make the build quadratic.
            None => {
                let list = page
                    .lang
                    .and_then(|l| self.programmes_in.iter().find(|(x, _)| x == l));
                let list = list.map_or(&self.programmes, |(_, v)| v);
                ctx.insert_value("programmes_nav", list.clone())
            }
        }
        ctx.put("schedule", &page.schedule);
        ctx.put("lang", page.lang.unwrap_or(self.language));
        ctx.put("languages", &page.languages);
        ctx.put("untranslated", &page.untranslated);
        ctx.put("home", self.home_for(page.lang));
        Ok(ctx)
    }
}
