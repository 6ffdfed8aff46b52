//! Sources -> Model: front matter into typed data, every problem collected, then the
//! cross-checks that need the whole programme (blocks, days, references) and the timetable.
//!
//! Rooms: `file` reads one file and hands it to the parser of its kind (`session`,
//! `programme`, `letter`, `page`; shared values in `values`); `cache` keeps parsed files
//! for the dev server; `assemble` puts a programme together; `audience` is the participant
//! edition's scope and drops; `finish` runs the whole-site steps; `single` is the fuzzers'
//! entry.

mod assemble;
mod audience;
mod cache;
mod deliveries;
mod delivery;
mod evaluation;
mod file;
mod finish;
mod letter;
mod page;
mod programme;
mod session;
mod single;
mod translate;
mod values;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::{Asset, Fragment, Letter, Page, Session, Site};
use crate::Audience;
use crate::config::Config;
use crate::content::yaml::Node;
use crate::content::{Sources, markdown};
use crate::diagnostics::{Diagnostic, Severity};

pub use assemble::resolve_relative;
pub use audience::RESERVED_TITLE;
pub use cache::ParseCache;
pub use single::{parse_letter_one, parse_one};
pub use translate::edition_slug;

use audience::Scope;
use programme::ProgrammeHead;
use session::SessionRefs;

/// A position in a file, for cross-checks made after parsing.
#[derive(Debug, Clone, Copy, Default)]
struct Pos {
    line: usize,
    col: usize,
}

impl Pos {
    fn of(n: &Node) -> Pos {
        Pos {
            line: n.line,
            col: n.col,
        }
    }
}

/// One file as its parser left it.
#[derive(Clone)]
enum Parsed {
    Home(Page),
    Programme(Box<ProgrammeHead>),
    Delivery(Box<delivery::DeliveryHead>),
    /// A session; in a participant build a trainer-only one keeps its slot, its content
    /// gone into the fragments beside it.
    Session(Box<(Session, SessionRefs)>, Vec<Fragment>),
    Page(Page),
    /// The letter and the text of the `[!TRAINER]` callouts left out of it.
    Letter(Box<Letter>, Vec<markdown::Dropped>),
    /// A trainer-only page left out of a participant build: what must not appear.
    TrainerOnly(Vec<Fragment>),
    Skipped,
}

impl Parsed {
    /// Text a participant build left out of this file.
    fn dropped(&self) -> Option<(&str, &[markdown::Dropped])> {
        let (src, md) = match self {
            Parsed::Home(pg) | Parsed::Page(pg) => (&pg.src, &pg.md),
            Parsed::Programme(h) => (&h.p.src, &h.p.md),
            Parsed::Delivery(h) => (&h.d.src, &h.d.md),
            Parsed::Session(s, _) => (&s.0.src, &s.0.md),
            Parsed::Letter(l, dropped) => return Some((l.src.as_str(), dropped.as_slice())),
            _ => return None,
        };
        Some((src.as_str(), md.dropped.as_slice()))
    }
}

/// What a file is, by where it sits: the site's home, a programme's `index.md`, one of its
/// letters or other files, or a site page.
#[derive(Clone, PartialEq)]
enum Kind {
    /// The site's home and pages carry the site's language (its scope's).
    Home(Scope),
    Programme(String, Scope),
    Letter(String, Scope),
    /// `<programme>/deliveries/<id>.md`: never a session or a page.
    Delivery(String, Scope),
    InProgramme(String, Scope),
    SitePage(Scope),
}

/// The programme folders (a top folder with an `index.md`) and each one's scope, read
/// before any file is parsed so that each file knows its kind.
/// Pages outside any programme take the site's language (the second `Scope`).
/// A translated site page's language is its own (the third, by source path).
struct Kinds(HashMap<String, Scope>, Scope, HashMap<String, Scope>);

impl Kinds {
    fn of(
        sources: &Sources,
        site: Scope,
        editions: &translate::Editions,
        pages: HashMap<String, super::clock::Lang>,
        i18n: &crate::i18n::Catalog,
    ) -> Kinds {
        let mut scopes: HashMap<String, Scope> = sources
            .markdown
            .iter()
            .filter_map(|f| {
                f.rel
                    .strip_suffix("/index.md")
                    .filter(|d| !d.contains('/'))
                    .map(|d| (d.to_string(), Scope::of(&f.text, &f.display, &site, i18n)))
            })
            .collect();
        // An edition's language is its own whatever its index.md says (`Editions::apply`).
        for (slug, lang) in editions.langs() {
            if let Some(s) = scopes.get_mut(slug) {
                *s = s.clone().in_language(lang.code(), i18n);
            }
        }
        // An edition shows participants no more than its original: a trainer-only
        // programme's edition is trainer-only, and so are its session bodies where the
        // original's are, whatever the translated index.md says.
        for (slug, of) in editions.originals() {
            let Some(orig) = scopes.get(of).cloned() else {
                continue;
            };
            if let Some(s) = scopes.get_mut(slug) {
                s.trainer_only |= orig.trainer_only;
                if orig.bodies == markdown::Body::Trainer {
                    s.bodies = markdown::Body::Trainer;
                }
            }
        }
        // A translated site page is in its language (made once per language).
        let mut by_lang: HashMap<super::clock::Lang, Scope> = HashMap::new();
        let pages = pages
            .into_iter()
            .map(|(rel, lang)| {
                let scope = by_lang
                    .entry(lang)
                    .or_insert_with(|| site.clone().in_language(lang.code(), i18n))
                    .clone();
                (rel, scope)
            })
            .collect();
        Kinds(scopes, site, pages)
    }

    fn kind(&self, rel: &str) -> Kind {
        if rel == "index.md" {
            return Kind::Home(self.1.clone());
        }
        if let Some((top, rest)) = rel.split_once('/')
            && let Some(scope) = self.0.get(top)
        {
            if rest == "index.md" {
                return Kind::Programme(top.to_string(), scope.clone());
            }
            if let Some(name) = rest.strip_prefix("letters/")
                && !name.contains('/')
            {
                return Kind::Letter(top.to_string(), scope.clone());
            }
            if rest.starts_with("deliveries/") {
                return Kind::Delivery(top.to_string(), scope.clone());
            }
            return Kind::InProgramme(top.to_string(), scope.clone());
        }
        match self.2.get(rel) {
            Some(scope) => Kind::SitePage(scope.clone()),
            None => Kind::SitePage(self.1.clone()),
        }
    }
}

fn out_path(rel: &str) -> String {
    format!("{}.html", rel.strip_suffix(".md").unwrap_or(rel))
}

/// Build the model from the sources, collecting every diagnostic. `i18n` is the theme's
/// interface strings, of which the Markdown pass writes the callouts' default titles.
pub fn load(
    root: &Path,
    config: Config,
    sources: Sources,
    audience: Audience,
    i18n: &crate::i18n::Catalog,
) -> (Option<Site>, Vec<Diagnostic>) {
    load_cached(
        root,
        config,
        sources,
        audience,
        i18n,
        &mut ParseCache::disabled(),
    )
}

/// [`load`], reusing what `cache` holds for files whose text has not changed.
pub fn load_cached(
    root: &Path,
    config: Config,
    sources: Sources,
    audience: Audience,
    i18n: &crate::i18n::Catalog,
    cache: &mut ParseCache,
) -> (Option<Site>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut sources = sources;
    let editions = translate::expand(&mut sources, &mut diags);
    let site_scope = Scope::default().in_language(&config.language, i18n);
    let site_lang = super::clock::Lang::parse(&config.language).unwrap_or_default();
    let (page_langs, site_editions) = translate::site_pages(&sources, site_lang);
    let kinds = Kinds::of(&sources, site_scope, &editions, page_langs, i18n);
    let parsed = cache.parse(&sources, &kinds, audience, &config.extra_keys);
    let mut parts = Parts::default();
    // Files that exist but did not load: a link to one is not to a missing file.
    let mut failed = HashMap::new();
    for (f, (kind, p, d)) in sources.markdown.iter().zip(parsed) {
        if matches!(p, Parsed::Skipped) && d.iter().any(|d| d.severity == Severity::Error) {
            failed.insert(out_path(&f.rel), f.display.clone());
        }
        diags.extend(d);
        parts.take(kind, p, &mut diags);
    }
    let mut programmes = parts.assemble(&config, &editions, &mut diags);
    editions.apply(&mut programmes);
    translate::check_deliveries(&programmes, &parts.delivery_at, &mut diags);
    let assets = sources
        .assets
        .into_iter()
        .map(|(rel, source)| Asset { out: rel, source })
        .collect();
    let mut trainer_only = parts.trainer_only;
    page::sort_pages(&mut parts.site_pages, "");
    audience::trainer_only_outputs(&programmes, &parts.site_pages, &mut trainer_only);
    let participant = audience == Audience::Participant;
    let fragments = &mut parts.trainer_fragments;
    translate::follow_audience(&mut programmes, &mut trainer_only, fragments, participant);
    translate::follow_file_audience(
        &mut programmes,
        &mut parts.site_pages,
        &site_editions.original,
        &mut trainer_only,
        fragments,
        participant,
    );
    let site = Site {
        config,
        home: parts.home,
        pages: parts.site_pages,
        programmes,
        assets,
        trainer_fragments: parts.trainer_fragments,
        trainer_only,
        logo: None,
        editions: site_editions,
    };
    finish::finish(root, site, audience, diags, &failed)
}

/// The parsed files sorted by programme, waiting to be assembled.
#[derive(Default)]
struct Parts {
    home: Option<Page>,
    site_pages: Vec<Page>,
    heads: BTreeMap<String, ProgrammeHead>,
    sessions: HashMap<String, Vec<(Session, SessionRefs)>>,
    pages: HashMap<String, Vec<Page>>,
    letters: HashMap<String, Vec<Letter>>,
    deliveries: HashMap<String, Vec<delivery::DeliveryHead>>,
    /// Programmes with a trainer-only delivery a participant build left out: their letters'
    /// `delivery.*` built-ins are not said to lack a delivery (the trainer build has one).
    hidden_deliveries: HashSet<String>,
    trainer_fragments: Vec<Fragment>,
    trainer_only: HashSet<String>,
    /// A translated delivery's `days:` and first trainer, by source path.
    delivery_at: HashMap<String, (Pos, Option<Pos>)>,
}

impl Parts {
    /// Files one at a time, in the sources' order (so diagnostics keep theirs).
    fn take(&mut self, kind: Kind, p: Parsed, diags: &mut Vec<Diagnostic>) {
        if let Some((src, dropped)) = p.dropped() {
            self.trainer_fragments.extend(
                dropped
                    .iter()
                    .map(|t| Fragment::new(src, &t.text).at(t.line, t.col)),
            );
        }
        match (kind, p) {
            (kind, Parsed::TrainerOnly(f)) => {
                match kind {
                    Kind::Programme(slug, _) => {
                        self.trainer_only.insert(format!("{slug}/"));
                    }
                    Kind::Delivery(slug, _) => {
                        self.hidden_deliveries.insert(slug);
                    }
                    _ => {}
                }
                self.trainer_only.extend(f.iter().filter(|x| x.is_path).map(|x| x.text.clone()));
                self.trainer_fragments.extend(f)
            }
            (_, Parsed::Home(pg)) => self.home = Some(pg),
            (Kind::Programme(slug, _), Parsed::Programme(h)) => {
                self.heads.insert(slug, *h);
            }
            (Kind::InProgramme(slug, _), Parsed::Session(s, f)) => {
                self.trainer_fragments.extend(f);
                self.sessions.entry(slug).or_default().push(*s)
            }
            (Kind::InProgramme(slug, _), Parsed::Page(pg)) => self.pages.entry(slug).or_default().push(pg),
            (Kind::Delivery(slug, _), Parsed::Delivery(d)) => self.deliveries.entry(slug).or_default().push(*d),
            (Kind::Letter(slug, _), Parsed::Letter(l, _)) => self.letters.entry(slug).or_default().push(*l),
            (_, Parsed::Page(pg)) => self.site_pages.push(pg),
            (_, Parsed::Session(s, _)) => diags.push(
                Diagnostic::error(&s.0.src, "a session (it has `day`) outside any programme folder")
                    .at(s.1.day.line, s.1.day.col)
                    .hint("put sessions in a programme folder, one that has an index.md with the programme's front matter"),
            ),
            _ => {}
        }
    }

    /// Each programme with a head, in slug order, with its sessions, pages and letters.
    /// An edition's deliveries are its original's again: their trainers are booked once.
    fn assemble(
        &mut self,
        config: &Config,
        editions: &translate::Editions,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<super::Programme> {
        let edition_langs: HashMap<&str, super::clock::Lang> = editions.langs().collect();
        let organisation = config.organisation.as_deref();
        let mut programmes = Vec::new();
        let mut bookings = Vec::new();
        for (slug, head) in std::mem::take(&mut self.heads) {
            let s = self.sessions.remove(&slug).unwrap_or_default();
            let pg = self.pages.remove(&slug).unwrap_or_default();
            let l = self.letters.remove(&slug).unwrap_or_default();
            let d = self.deliveries.remove(&slug).unwrap_or_default();
            let mut p = assemble::assemble(head, s, pg, l, diags);
            let edition = edition_langs.get(slug.as_str()).copied();
            if let Some(lang) = edition {
                // Before its deliveries are attached: their titles and dates are in it.
                p.language = lang.code().to_string();
            } else if p.language.is_empty() {
                p.language = config.language.clone();
            }
            p.locale = super::clock::Locale::of(&p.language, config.clock);
            if edition.is_some() {
                // Where a translated delivery's days and trainers stand, for the warning
                // that they differ from the original's (`translate::check_deliveries`).
                self.delivery_at.extend(d.iter().map(|h| {
                    (
                        h.d.src.clone(),
                        (h.days_pos, h.trainer_pos.first().copied()),
                    )
                }));
            }
            let booked = deliveries::attach(&mut p, d, diags);
            if edition.is_none() {
                bookings.extend(booked);
            }
            // After the deliveries: whether a `delivery.*` built-in has a value depends on them.
            let hidden = self.hidden_deliveries.contains(&slug);
            diags.extend(super::letters::unset_builtins(&p, organisation, hidden));
            programmes.push(p);
        }
        deliveries::check_trainers(bookings, diags);
        programmes
    }
}
