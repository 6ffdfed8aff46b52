//! A programme's pages in its other languages (`model::Editions`): the `hreflang` links
//! and the language switch of each page, and whether a page of a translated edition is
//! the original's (not translated yet). A delivery's pages (`deliveries/<id>/...`) have a
//! version in each edition that has the delivery. Per programme, one set of each edition's
//! file-made pages; per page, one look-up per language: no work per pair of pages.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::clock::Lang;
use crate::model::{Programme, Site};

/// One language's version of a page, for the template.
#[derive(Serialize, Hash, Clone, Debug)]
pub(super) struct LangLink {
    /// The `hreflang`/`lang` tag.
    pub(super) code: String,
    /// The language's name in itself ("Cymraeg").
    pub(super) name: String,
    /// Site-relative path of that version.
    pub(super) href: String,
    /// This page's own language.
    pub(super) current: bool,
}

struct Edition {
    code: String,
    name: String,
    slug: String,
    /// Output paths the edition's files made (sessions, pages, letters): a page made
    /// from a file has a version here only if the file made one.
    outs: HashSet<String>,
    /// Its deliveries' ids: a delivery's pages have a version where the delivery is.
    deliveries: HashSet<String>,
}

pub(super) struct Editions<'a> {
    p: &'a Programme,
    all: Vec<Edition>,
}

fn outs(p: &Programme) -> HashSet<String> {
    let sessions = p.sessions.iter().map(|s| s.out.clone());
    let pages = p.pages.iter().map(|x| x.out.clone());
    let letters = p.letters.iter().map(|l| l.out.clone());
    sessions.chain(pages).chain(letters).collect()
}

impl<'a> Editions<'a> {
    pub(super) fn new(p: &'a Programme, site: &Site) -> Self {
        let all = p
            .editions
            .all
            .iter()
            .filter_map(|(code, slug)| {
                let other = site.programmes.iter().find(|x| &x.slug == slug)?;
                Some(Edition {
                    code: code.clone(),
                    name: Lang::parse(code).map_or_else(|| code.clone(), |l| l.autonym().into()),
                    slug: slug.clone(),
                    outs: outs(other),
                    deliveries: other.deliveries.iter().map(|d| d.id.clone()).collect(),
                })
            })
            .collect();
        Editions { p, all }
    }

    /// `path` (a page of this programme) in each language that has it; empty when only
    /// this one does.
    pub(super) fn links(&self, path: &str) -> Vec<LangLink> {
        if self.all.len() < 2 {
            return Vec::new();
        }
        let Some(rel) = path
            .strip_prefix(self.p.slug.as_str())
            .and_then(|r| r.strip_prefix('/'))
        else {
            return Vec::new();
        };
        // A delivery's pages: in each edition that has the delivery (all of them, but in
        // a participant build a trainer-only one is in none).
        let delivery = rel
            .strip_prefix("deliveries/")
            .and_then(|r| r.split_once('/'));
        // A delivery's copy of a letter is where the edition has the letter.
        let letter = delivery.and_then(|(_, r)| r.strip_prefix("letters/"));
        let from_file = self
            .all
            .iter()
            .find(|e| e.slug == self.p.slug)
            .is_some_and(|e| e.outs.contains(path));
        let links: Vec<LangLink> = self
            .all
            .iter()
            .filter_map(|e| {
                let href = format!("{}/{rel}", e.slug);
                let current = e.slug == self.p.slug;
                let missing = match delivery {
                    Some((id, _)) => {
                        !e.deliveries.contains(id)
                            || letter.is_some_and(|l| {
                                !e.outs.contains(&format!("{}/letters/{l}", e.slug))
                            })
                    }
                    None => from_file && !e.outs.contains(&href),
                };
                if !current && missing {
                    return None;
                }
                Some(LangLink {
                    code: e.code.clone(),
                    name: e.name.clone(),
                    href,
                    current,
                })
            })
            .collect();
        if links.len() < 2 { Vec::new() } else { links }
    }

    /// The original's language when `path` is a page of a translated edition that is
    /// the original's text.
    pub(super) fn untranslated(&self, path: &str) -> Option<&'a str> {
        let (lang, paths) = self.p.editions.untranslated.as_ref()?;
        paths.contains(path).then_some(lang.as_str())
    }
}
