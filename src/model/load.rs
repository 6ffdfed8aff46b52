//! Sources -> Model: front matter into typed data, every problem collected, then the
//! cross-checks that need the whole programme (blocks, days, references) and the timetable.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::timetable::{self, Issue, Slot};
use super::{
    Asset, BlockDef, Clock, Day, Field, Fragment, Letter, Page, Programme, Prompt, Session, Site,
    default_blocks, letters,
};
use crate::Audience;
use crate::config::Config;
use crate::content::markdown::Body;
use crate::content::yaml::{self, Fields, Node, Value};
use crate::content::{SourceFile, Sources, duration, frontmatter, markdown};
use crate::diagnostics::{Diagnostic, closest};

const SESSION_KEYS: &[&str] = &[
    "title",
    "day",
    "block",
    "duration",
    "order",
    "format",
    "summary",
    "objectives",
    "prompts",
    "materials",
    "themes",
    "produces",
    "uses",
    "same_as",
    "letters",
    "audience",
];
const PAGE_KEYS: &[&str] = &["title", "summary", "description", "audience", "order"];
const PROGRAMME_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "authors",
    "summary",
    "audience",
    "for",
    "session-bodies",
    "prerequisites",
    "bring",
    "venue",
    "timezone",
    "start",
    "blocks",
    "end",
    "days",
];
const LETTER_KEYS: &[&str] = &["title", "description", "fields", "audience"];
const DAY_KEYS: &[&str] = &["title", "date", "start"];
const MAX_DAYS: i128 = 366;

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

/// What the cross-checks need to point at in a session's front matter.
#[derive(Debug, Clone, Default)]
struct SessionRefs {
    day: Pos,
    block: Pos,
    block_given: bool,
    order: Pos,
    same_as: Option<(String, Pos)>,
    letters: Vec<(String, Pos)>,
    uses: Vec<(String, Pos)>,
    /// The session's own front matter has an error: it is checked, not timetabled.
    broken: bool,
}

#[derive(Clone)]
struct ProgrammeHead {
    p: Programme,
    days_given: bool,
    end_pos: Pos,
    blocks_pos: Pos,
}

#[derive(Clone)]
enum Parsed {
    Home(Page),
    Programme(Box<ProgrammeHead>),
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
            Parsed::Session(s, _) => (&s.0.src, &s.0.md),
            Parsed::Letter(l, dropped) => return Some((l.src.as_str(), dropped.as_slice())),
            _ => return None,
        };
        Some((src.as_str(), md.dropped.as_slice()))
    }
}

#[derive(Clone, PartialEq)]
enum Kind {
    Home,
    Programme(String, Scope),
    Letter(String, Scope),
    InProgramme(String, Scope),
    SitePage,
}

/// What a programme's front matter says about who sees its files, read before the files
/// are parsed (side by side) so each file knows it; part of a file's cache key.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
struct Scope {
    /// `audience: trainer` on the programme: none of it is for participants.
    trainer_only: bool,
    /// `session-bodies: all`: sessions' and the programme's bodies are written to learners.
    bodies: Body,
}

impl Scope {
    /// Read from a programme's `index.md`; its own parse reports any mistake in it.
    fn of(text: &str, display: &str) -> Scope {
        let mut scope = Scope {
            trainer_only: false,
            bodies: Body::Trainer,
        };
        let Ok(split) = frontmatter::split(text) else {
            return scope;
        };
        let Some(Ok(node)) = split.yaml.map(|y| yaml::parse(display, y, split.yaml_line)) else {
            return scope;
        };
        let word = |k: &str| {
            node.get(k)
                .and_then(Node::as_text)
                .map(|t| t.trim().to_lowercase())
        };
        scope.trainer_only = matches!(word("audience").as_deref(), Some("trainer" | "trainers"));
        if matches!(
            word("session-bodies").as_deref(),
            Some("all" | "everyone" | "participants")
        ) {
            scope.bodies = Body::Shared;
        }
        scope
    }
}

fn out_path(rel: &str) -> String {
    format!("{}.html", rel.strip_suffix(".md").unwrap_or(rel))
}

/// Parsed files kept between loads (by the dev server), so that only files whose text
/// changed are parsed again. Keyed by path; a hit needs the same text, kind and audience.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<String, CachedFile>,
    /// A one-off build keeps nothing: copying every parsed file would cost time and memory.
    disabled: bool,
}

/// Unchanged files reach the parse cache as the same shared text: no need to compare it.
fn same_text(a: &Arc<str>, b: &Arc<str>) -> bool {
    Arc::ptr_eq(a, b) || a == b
}

struct CachedFile {
    text: Arc<str>,
    kind: Kind,
    audience: Audience,
    parsed: Parsed,
    diags: Vec<Diagnostic>,
}

impl ParseCache {
    /// How many files the cache holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Build the model from the sources, collecting every diagnostic.
pub fn load(
    root: &Path,
    config: Config,
    sources: Sources,
    audience: Audience,
) -> (Option<Site>, Vec<Diagnostic>) {
    let mut none = ParseCache {
        disabled: true,
        ..Default::default()
    };
    load_cached(root, config, sources, audience, &mut none)
}

/// [`load`], reusing what `cache` holds for files whose text has not changed.
pub fn load_cached(
    root: &Path,
    config: Config,
    sources: Sources,
    audience: Audience,
    cache: &mut ParseCache,
) -> (Option<Site>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let programme_dirs: HashMap<String, Scope> = sources
        .markdown
        .iter()
        .filter_map(|f| {
            f.rel
                .strip_suffix("/index.md")
                .filter(|d| !d.contains('/'))
                .map(|d| (d.to_string(), Scope::of(&f.text, &f.display)))
        })
        .collect();
    let kind_of = |rel: &str| -> Kind {
        if rel == "index.md" {
            return Kind::Home;
        }
        if let Some((top, rest)) = rel.split_once('/')
            && let Some(scope) = programme_dirs.get(top)
        {
            if rest == "index.md" {
                return Kind::Programme(top.to_string(), *scope);
            }
            if let Some(name) = rest.strip_prefix("letters/")
                && !name.contains('/')
            {
                return Kind::Letter(top.to_string(), *scope);
            }
            return Kind::InProgramme(top.to_string(), *scope);
        }
        Kind::SitePage
    };

    let cached = &cache.files;
    let parsed: Vec<(Kind, Parsed, Vec<Diagnostic>)> = sources
        .markdown
        .par_iter()
        .map(|f| {
            let kind = kind_of(&f.rel);
            if let Some(c) = cached.get(&f.rel)
                && same_text(&c.text, &f.text)
                && c.kind == kind
                && c.audience == audience
            {
                return (kind, c.parsed.clone(), c.diags.clone());
            }
            let (p, d) = parse_file(f, &kind, audience);
            (kind, p, d)
        })
        .collect();
    let mut fresh = HashMap::with_capacity(sources.markdown.len());
    for (f, (kind, p, d)) in sources
        .markdown
        .iter()
        .zip(&parsed)
        .filter(|_| !cache.disabled)
    {
        let entry = match cache.files.remove(&f.rel) {
            Some(c) if same_text(&c.text, &f.text) && c.kind == *kind && c.audience == audience => {
                c
            }
            _ => CachedFile {
                text: f.text.clone(),
                kind: kind.clone(),
                audience,
                parsed: p.clone(),
                diags: d.clone(),
            },
        };
        fresh.insert(f.rel.clone(), entry);
    }
    cache.files = fresh;

    let mut home = None;
    let mut site_pages = Vec::new();
    let mut heads: BTreeMap<String, ProgrammeHead> = BTreeMap::new();
    let mut sessions: HashMap<String, Vec<(Session, SessionRefs)>> = HashMap::new();
    let mut pages: HashMap<String, Vec<Page>> = HashMap::new();
    let mut letters: HashMap<String, Vec<Letter>> = HashMap::new();
    let mut trainer_fragments: Vec<Fragment> = Vec::new();
    let mut trainer_only: HashSet<String> = HashSet::new();
    for (kind, p, d) in parsed {
        diags.extend(d);
        if let Some((src, dropped)) = p.dropped() {
            trainer_fragments.extend(
                dropped
                    .iter()
                    .map(|t| Fragment::new(src, &t.text).at(t.line, t.col)),
            );
        }
        match (kind, p) {
            (kind, Parsed::TrainerOnly(f)) => {
                if let Kind::Programme(slug, _) = kind {
                    trainer_only.insert(format!("{slug}/"));
                }
                trainer_only.extend(f.iter().filter(|x| x.is_path).map(|x| x.text.clone()));
                trainer_fragments.extend(f)
            }
            (_, Parsed::Home(pg)) => home = Some(pg),
            (Kind::Programme(slug, _), Parsed::Programme(h)) => {
                heads.insert(slug, *h);
            }
            (Kind::InProgramme(slug, _), Parsed::Session(s, f)) => {
                trainer_fragments.extend(f);
                sessions.entry(slug).or_default().push(*s)
            }
            (Kind::InProgramme(slug, _), Parsed::Page(pg)) => pages.entry(slug).or_default().push(pg),
            (Kind::Letter(slug, _), Parsed::Letter(l, _)) => letters.entry(slug).or_default().push(*l),
            (_, Parsed::Page(pg)) => site_pages.push(pg),
            (_, Parsed::Session(s, _)) => diags.push(
                Diagnostic::error(&s.0.src, "a session (it has `day`) outside any programme folder")
                    .at(s.1.day.line, s.1.day.col)
                    .hint("put sessions in a programme folder, one that has an index.md with the programme's front matter"),
            ),
            _ => {}
        }
    }

    let mut programmes = Vec::new();
    for (slug, head) in heads {
        let s = sessions.remove(&slug).unwrap_or_default();
        let pg = pages.remove(&slug).unwrap_or_default();
        let l = letters.remove(&slug).unwrap_or_default();
        programmes.push(assemble(
            head,
            s,
            pg,
            l,
            config.organisation.as_deref(),
            &mut diags,
        ));
    }

    let assets = sources
        .assets
        .into_iter()
        .map(|(rel, source)| Asset { out: rel, source })
        .collect();
    // Trainer-only parts a participant build keeps (until dropped below), by output path.
    for p in &programmes {
        if p.trainer_only {
            trainer_only.insert(format!("{}/", p.slug));
        }
        let pages = p.pages.iter().filter(|x| x.trainer_only).map(|x| &x.out);
        let sessions = p.sessions.iter().filter(|x| x.trainer_only).map(|x| &x.out);
        let letters = p.letters.iter().filter(|x| x.trainer_only).map(|x| &x.out);
        trainer_only.extend(pages.chain(sessions).chain(letters).cloned());
    }
    trainer_only.extend(
        site_pages
            .iter()
            .filter(|x| x.trainer_only)
            .map(|x| x.out.clone()),
    );

    let mut site = Site {
        config,
        home,
        pages: site_pages,
        programmes,
        assets,
        trainer_fragments,
        trainer_only,
    };
    super::titles::clean(&mut site);
    super::changed::stamp(root, &mut site);
    if audience == Audience::Participant {
        drop_trainer_only(&mut site);
    }
    if site.config.sanitize {
        super::sanitize::site(&mut site);
    }
    diags.extend(super::urls::check(&site));
    diags.extend(super::paths::check(&site));
    diags.extend(undated_days(&site));
    let (d, refs) = super::links::check(&site);
    diags.extend(d);
    // Only the trainer edition sees every link, so only it can tell a file is unused.
    if audience == Audience::Trainer {
        diags.extend(refs.unreferenced(&site));
    }
    if audience == Audience::Participant {
        // Only what participants' pages lead to (or the public folder, or the logo) is
        // copied: an answer key linked from a trainer note stays behind.
        let logo = site.config.logo.clone();
        site.assets.retain(|a| {
            refs.public.contains(&a.out)
                || a.out.starts_with(super::links::PUBLIC_DIR)
                || logo.as_deref() == Some(a.out.as_str())
        });
    }
    if let Some(logo) = &site.config.logo
        && !site.assets.iter().any(|a| &a.out == logo)
    {
        diags.push(
            Diagnostic::error(
                crate::config::FILE,
                format!("logo `{logo}` is not a file under the content directory"),
            )
            .hint("give the path under `src`, e.g. logo = \"assets/logo.svg\""),
        );
    }
    let _ = root;
    let ok = !diags
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error);
    (ok.then_some(site), diags)
}

/// A note (not a warning: dates are optional) for each programme whose calendar is not
/// written because some days have no date.
fn undated_days(site: &Site) -> Vec<Diagnostic> {
    site.programmes
        .iter()
        .filter_map(|p| {
            let missing: Vec<&str> = p
                .days
                .iter()
                .filter(|d| d.date.is_none())
                .map(|d| d.title.as_str())
                .collect();
            (!missing.is_empty()).then(|| {
                Diagnostic::note(
                    &p.src,
                    format!(
                        "no calendar (timetable.ics) for `{}`: {} without a date",
                        p.slug,
                        if missing.len() == p.days.len() {
                            "every day is".to_string()
                        } else {
                            format!("{} {}", missing.join(", "), if missing.len() == 1 { "is" } else { "are" })
                        }
                    ),
                )
                .hint("give each day a date under `days:`, e.g. - { title: Day one, date: 2027-03-01 }")
            })
        })
        .collect()
}

/// Participant builds keep no trainer-only page or letter, and no trainer-only session
/// beyond its slot in the timetable; what is dropped is remembered in `trainer_fragments`
/// for the leak check over the written output.
fn drop_trainer_only(site: &mut Site) {
    let frags = &mut site.trainer_fragments;
    site.pages.retain(|p| !p.trainer_only);
    for p in &mut site.programmes {
        p.pages.retain(|pg| !pg.trainer_only);
        // Sessions refer to letters by index: renumber those kept, forget the rest.
        let mut new_index = vec![None; p.letters.len()];
        let mut kept = 0;
        for (i, l) in p.letters.iter().enumerate() {
            if l.trainer_only {
                frags.push(Fragment::new(&l.src, &l.title));
                if let Some(d) = &l.description {
                    frags.push(Fragment::new(&l.src, d));
                }
                frags.push(Fragment::path(&l.src, &l.out));
            } else {
                new_index[i] = Some(kept);
                kept += 1;
            }
        }
        p.letters.retain(|l| !l.trainer_only);
        for s in &mut p.sessions {
            s.letters = s.letters.iter().filter_map(|&j| new_index[j]).collect();
            for pr in &mut s.prompts {
                if let Some(n) = pr.note.take() {
                    frags.push(Fragment::new(&s.src, &n));
                }
            }
        }
        reserve_trainer_slots(p);
    }
}

/// Takes trainer-only sessions out of a participant build's programme, leaving their time
/// in the timetable as reserved rows, so both editions show the same clock.
fn reserve_trainer_slots(p: &mut Programme) {
    if !p.sessions.iter().any(|s| s.trainer_only) {
        return;
    }
    let mut new_index = vec![None; p.sessions.len()];
    let mut kept = 0;
    for (i, s) in p.sessions.iter().enumerate() {
        if !s.trainer_only {
            new_index[i] = Some(kept);
            kept += 1;
        }
    }
    p.sessions.retain(|s| !s.trainer_only);
    for s in &mut p.sessions {
        s.same_as = s.same_as.and_then(|j| new_index[j]);
    }
    for d in &mut p.timetable.days {
        for seg in &mut d.segments {
            if let timetable::Segment::Block { rows, .. } = seg {
                for r in rows {
                    if let timetable::RowKind::Session(i) = r.kind {
                        r.kind = match new_index.get(i).copied().flatten() {
                            Some(j) => timetable::RowKind::Session(j),
                            None => timetable::RowKind::Reserved,
                        };
                    }
                }
            }
        }
    }
}

/// A trainer-only session as a participant build keeps it: its place in the day and what
/// the timetable needs, nothing that it says. What it said goes into the fragments.
fn reserved_session(s: &mut Session) -> Vec<Fragment> {
    let mut frags = vec![
        Fragment::new(&s.src, &s.title),
        Fragment::path(&s.src, &s.out),
    ];
    let texts = s
        .summary
        .take()
        .into_iter()
        .chain(std::mem::take(&mut s.objectives))
        .chain(std::mem::take(&mut s.materials))
        .chain(s.format.take())
        .chain(
            std::mem::take(&mut s.prompts)
                .into_iter()
                .flat_map(|p| std::iter::once(p.text).chain(p.note)),
        );
    frags.extend(texts.map(|t| Fragment::new(&s.src, &t)));
    s.title = RESERVED_TITLE.to_string();
    s.themes.clear();
    frags
}

/// What a participant's timetable shows in a trainer-only session's time.
pub const RESERVED_TITLE: &str = "Trainers' time";

fn parse_file(f: &SourceFile, kind: &Kind, audience: Audience) -> (Parsed, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let split = match frontmatter::split(&f.text) {
        Ok(s) => s,
        Err((line, msg)) => {
            diags.push(
                Diagnostic::error(&f.display, msg)
                    .at(line, 1)
                    .hint("end the front matter with a line of three dashes: ---"),
            );
            return (Parsed::Skipped, diags);
        }
    };
    // Before any Markdown parser sees the body: a table can make millions of cells.
    if let Some(d) = crate::content::budget::check(&f.display, split.body, split.body_line) {
        diags.push(d);
        return (Parsed::Skipped, diags);
    }
    let node = match split.yaml {
        Some(y) => match yaml::parse(&f.display, y, split.yaml_line) {
            Ok(n) => n,
            Err(d) => {
                diags.push(d);
                return (Parsed::Skipped, diags);
            }
        },
        None => Node {
            value: Value::Map(Vec::new()),
            line: 1,
            col: 1,
        },
    };
    let participant = audience == Audience::Participant;
    let scope = match kind {
        Kind::Programme(_, s) | Kind::Letter(_, s) | Kind::InProgramme(_, s) => *s,
        _ => Scope::default(),
    };
    // The markdown's own mistakes (an unknown callout marker) are reported for every file.
    let render = |body: Body, diags: &mut Vec<Diagnostic>| {
        let md = markdown::render(split.body, split.body_line, audience, body);
        diags.extend(md.problems.iter().map(|p| {
            Diagnostic::error(&f.display, p.message.clone())
                .at(p.line, p.col)
                .maybe_hint(p.hint.clone())
        }));
        md
    };
    if let Kind::Letter(slug, _) = kind {
        return match parse_letter(
            f,
            slug,
            &node,
            (split.body, split.body_line),
            audience,
            &mut diags,
        ) {
            Some((l, _)) if participant && scope.trainer_only => {
                (Parsed::TrainerOnly(whole_file(f, &node, &l.title)), diags)
            }
            Some((l, dropped)) => (Parsed::Letter(Box::new(l), dropped), diags),
            None => (Parsed::Skipped, diags),
        };
    }
    if let Kind::Programme(slug, _) = kind {
        let md = render(scope.bodies, &mut diags);
        return match parse_programme(f, slug, &node, md, &mut diags) {
            Some(h) if participant && scope.trainer_only => {
                (Parsed::TrainerOnly(whole_file(f, &node, &h.p.title)), diags)
            }
            Some(h) => (Parsed::Programme(Box::new(h)), diags),
            None => (Parsed::Skipped, diags),
        };
    }
    let is_session =
        matches!(kind, Kind::InProgramme(..) | Kind::SitePage) && node.get("day").is_some();
    let trainer_only = audience_of(f, &node, &mut diags) == Some(true) || scope.trainer_only;
    if is_session {
        // A trainer-only session keeps its time in a participant build: it is parsed, and
        // emptied of all it says.
        let body = if trainer_only {
            Body::Hidden
        } else {
            scope.bodies
        };
        let md = render(body, &mut diags);
        return match parse_session(f, &node, md, trainer_only, &mut diags) {
            Some((mut s, refs)) => {
                let frags = if participant && trainer_only {
                    reserved_session(&mut s)
                } else {
                    Vec::new()
                };
                (Parsed::Session(Box::new((s, refs)), frags), diags)
            }
            None => (Parsed::Skipped, diags),
        };
    }
    if trainer_only && participant {
        let md = render(Body::Hidden, &mut diags);
        let title = node
            .get("title")
            .and_then(Node::as_text)
            .or_else(|| md.headings.first().map(|h| h.text.clone()))
            .unwrap_or_else(|| title_from_file(&f.rel));
        let mut frags = whole_file(f, &node, &title);
        frags.extend(
            md.dropped
                .iter()
                .map(|d| Fragment::new(&f.display, &d.text).at(d.line, d.col)),
        );
        return (Parsed::TrainerOnly(frags), diags);
    }
    let md = render(Body::Shared, &mut diags);
    let mut fl = Fields::new(&f.display, &node, "page front matter", PAGE_KEYS);
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
        Kind::Home => (Parsed::Home(page), diags),
        _ => (Parsed::Page(page), diags),
    }
}

/// What a trainer-only file a participant build leaves out must not show: its title, its
/// page's path, its summary. (Its body's text comes from the render that dropped it.)
fn whole_file(f: &SourceFile, node: &Node, title: &str) -> Vec<Fragment> {
    let at = node.get("title").map_or((0, 0), |n| (n.line, n.col));
    let mut frags = vec![
        Fragment::new(&f.display, title).at(at.0, at.1),
        Fragment::path(&f.display, &out_path(&f.rel)),
    ];
    for key in ["summary", "description", "subtitle"] {
        if let Some(n) = node.get(key)
            && let Some(t) = n.as_text()
        {
            frags.push(Fragment::new(&f.display, &t).at(n.line, n.col));
        }
    }
    frags
}

fn title_from_file(rel: &str) -> String {
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md");
    let words = stem
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_')
        .replace(['-', '_'], " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => stem.to_string(),
    }
}

/// `audience: trainer` makes a file trainer-only (`Some(true)`), `audience: all` shares it
/// (`Some(false)`); `None` when not said, so each kind keeps its own default.
fn audience_of(f: &SourceFile, node: &Node, diags: &mut Vec<Diagnostic>) -> Option<bool> {
    let n = node.get("audience")?;
    match n
        .as_text()
        .as_deref()
        .map(str::trim)
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("trainer") | Some("trainers") => Some(true),
        Some("all") | Some("everyone") | Some("participant") | Some("participants") => Some(false),
        _ => {
            diags.push(
                Diagnostic::error(
                    &f.display,
                    "`audience` must be `trainer` (for trainers only) or `all` (for everyone)",
                )
                .at(n.line, n.col)
                .hint("leave it out for the default: pages are for all; letters for trainers"),
            );
            Some(true)
        }
    }
}

fn parse_minutes(fl: &mut Fields, n: &Node, key: &str) -> Option<u32> {
    let r = match &n.value {
        Value::Int(i) if *i > 0 && *i <= 24 * 60 => Ok(*i as u32),
        Value::Int(i) if *i <= 0 => Err(format!("`{i}` is not a positive number of minutes")),
        Value::Int(i) => Err(format!("`{i}` minutes is longer than a day")),
        Value::Str(s) => duration::parse(s),
        _ => Err(format!("found {}", n.kind())),
    };
    match r {
        Ok(m) => Some(m),
        Err(msg) => {
            fl.error_at(
                n,
                format!("invalid `{key}`: {msg}"),
                Some(duration::ACCEPTED.to_string()),
            );
            None
        }
    }
}

fn parse_clock(fl: &mut Fields, key: &str) -> Option<(Clock, Pos)> {
    let (t, n) = fl.text_node(key)?;
    match Clock::parse(&t) {
        Some(c) => Some((c, Pos::of(n))),
        None => {
            fl.error_at(
                n,
                format!("`{key}` is `{t}`, not a clock time"),
                Some("write 24-hour time in quotes, e.g. \"09:30\"".into()),
            );
            None
        }
    }
}

fn parse_session(
    f: &SourceFile,
    node: &Node,
    md: markdown::Markdown,
    trainer_only: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Session, SessionRefs)> {
    let mut fl = Fields::new(&f.display, node, "session front matter", SESSION_KEYS);
    let mut refs = SessionRefs::default();
    let title = fl.text("title");
    if title.is_none() && fl.node("title").is_none() {
        fl.missing(
            "title",
            "session front matter",
            "add a line such as `title: Case summaries, in pairs`",
        );
    }
    let day = fl.int("day", 1, MAX_DAYS).map(|(d, n)| {
        refs.day = Pos::of(n);
        d as u32
    });
    let block = fl.text_node("block").map(|(b, n)| {
        refs.block = Pos::of(n);
        refs.block_given = true;
        b.trim().to_string()
    });
    let minutes = match fl.node("duration") {
        Some(n) => parse_minutes(&mut fl, n, "duration"),
        None => {
            fl.missing(
                "duration",
                "session front matter",
                &format!("add `duration: 30 mins`; {}", duration::ACCEPTED),
            );
            None
        }
    };
    let order = fl
        .int("order", i64::MIN as i128, i64::MAX as i128)
        .map(|(o, n)| {
            refs.order = Pos::of(n);
            o
        });
    let format = fl
        .text("format")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let summary = fl.text("summary");
    let objectives = fl.list("objectives");
    let mut prompts = Vec::new();
    if let Some(items) = fl.seq("prompts") {
        for it in items {
            match &it.value {
                Value::Map(_) => {
                    let mut pf = Fields::new(&f.display, it, "a prompt", &["text", "note"]);
                    let text = pf.text("text");
                    let note = pf.text("note");
                    if text.is_none() {
                        pf.error_at(
                            it,
                            "a prompt written as a mapping needs `text:`",
                            Some("- text: The question?\n    note: For the trainer".into()),
                        );
                    }
                    fl.diags.append(&mut pf.diags);
                    if let Some(text) = text {
                        prompts.push(Prompt { text, note });
                    }
                }
                _ => match it.as_text() {
                    Some(text) => prompts.push(Prompt { text, note: None }),
                    None => fl.error_at(
                        it,
                        format!(
                            "each prompt must be text or `text:`/`note:`, found {}",
                            it.kind()
                        ),
                        None,
                    ),
                },
            }
        }
    }
    prompts.extend(md.prompts.iter().map(|t| Prompt {
        text: t.clone(),
        note: None,
    }));
    let materials = fl.list("materials");
    let themes = fl.list("themes");
    let produces = fl.list("produces");
    refs.uses = fl
        .list_nodes("uses")
        .into_iter()
        .map(|(s, n)| (s, Pos::of(n)))
        .collect();
    refs.same_as = fl.text_node("same_as").map(|(s, n)| (s, Pos::of(n)));
    refs.letters = fl
        .list_nodes("letters")
        .into_iter()
        .map(|(s, n)| (s, Pos::of(n)))
        .collect();
    diags.append(&mut fl.diags);
    // A session with a bad title or duration is kept (the build fails anyway) so that the
    // cross-checks below still report its other problems in the same run.
    let day = day?;
    refs.broken = title.is_none() || minutes.is_none();
    let title = title.unwrap_or_else(|| title_from_file(&f.rel));
    let minutes = minutes.unwrap_or(1);
    let file = f
        .rel
        .split_once('/')
        .map_or(f.rel.as_str(), |(_, r)| r)
        .to_string();
    Some((
        Session {
            src: f.display.clone(),
            out: out_path(&f.rel),
            file,
            title,
            day,
            block: block.unwrap_or_default(),
            minutes,
            order,
            format,
            summary,
            objectives,
            prompts,
            materials,
            themes,
            produces,
            uses: refs.uses.iter().map(|(s, _)| s.clone()).collect(),
            same_as: None,
            letters: Vec::new(),
            trainer_only,
            md: std::sync::Arc::new(md),
        },
        refs,
    ))
}

fn parse_programme(
    f: &SourceFile,
    slug: &str,
    node: &Node,
    md: markdown::Markdown,
    diags: &mut Vec<Diagnostic>,
) -> Option<ProgrammeHead> {
    let what = "programme front matter";
    let mut fl = Fields::new(&f.display, node, what, PROGRAMME_KEYS);
    let title = fl.text("title");
    if fl.node("title").is_none() {
        fl.missing(
            "title",
            what,
            "add a line such as `title: Recording in Social Work`",
        );
    }
    let subtitle = fl.text("subtitle");
    let authors = fl.list("authors");
    let summary = fl.text("summary");
    // `audience` says who may see the programme; `for` describes who it is for. A
    // description under `audience` (the old way) still works, with a warning.
    let mut audience = fl.text("for");
    let mut trainer_only = false;
    if let Some((a, n)) = fl.text_node("audience") {
        match a.trim().to_lowercase().as_str() {
            "trainer" | "trainers" => trainer_only = true,
            "all" | "everyone" | "participant" | "participants" => {}
            _ => {
                fl.diags.push(
                    Diagnostic::warning(
                        &f.display,
                        "`audience` says who may see the programme (`trainer` or `all`); a description of who it is for now goes under `for`",
                    )
                    .at(n.line, n.col)
                    .hint(format!("rename the key: for: {a}")),
                );
                audience = audience.or(Some(a));
            }
        }
    }
    let shared_bodies = match fl.text_node("session-bodies") {
        Some((b, n)) => match b.trim().to_lowercase().as_str() {
            "all" | "everyone" | "participants" => true,
            "trainer" | "trainers" => false,
            _ => {
                fl.error_at(
                    n,
                    format!("`session-bodies` is `{b}`, not `trainer` or `all`"),
                    Some("`trainer` (the default): bodies are trainers' notes; `all`: bodies are written to learners".into()),
                );
                false
            }
        },
        None => false,
    };
    let prerequisites = fl.list("prerequisites");
    let bring = fl.list("bring");
    let venue = fl.text("venue");
    let timezone = match fl.text_node("timezone") {
        Some((tz, n)) => {
            if jiff::tz::TimeZone::get(&tz).is_err() {
                fl.error_at(
                    n,
                    format!("unknown time zone `{tz}`"),
                    Some("use an IANA name such as Europe/London or UTC".into()),
                );
            }
            tz
        }
        None => "UTC".into(),
    };
    let start = parse_clock(&mut fl, "start").map_or(Clock(9 * 60 + 30), |(c, _)| c);
    let end = parse_clock(&mut fl, "end");
    let blocks_pos = fl.node("blocks").map(Pos::of).unwrap_or(Pos {
        line: node.line,
        col: 1,
    });
    let blocks = match fl.seq("blocks") {
        Some(items) => parse_blocks(&mut fl, items),
        None => default_blocks(),
    };
    let mut days = Vec::new();
    let days_given = fl.node("days").is_some();
    if let Some(items) = fl.seq("days") {
        for (i, it) in items.iter().enumerate() {
            let mut df = Fields::new(&f.display, it, "a day", DAY_KEYS);
            let title = df.text("title").unwrap_or_else(|| format!("Day {}", i + 1));
            let date = df.text_node("date").and_then(|(t, n)| {
                match t.trim().parse::<jiff::civil::Date>() {
                    Ok(d) => Some(d),
                    Err(_) => {
                        df.error_at(
                            n,
                            format!("`date` is `{t}`, not a date"),
                            Some("write dates as YYYY-MM-DD, e.g. 2027-03-01".into()),
                        );
                        None
                    }
                }
            });
            let dstart = parse_clock(&mut df, "start").map_or(start, |(c, _)| c);
            fl.diags.append(&mut df.diags);
            days.push(Day {
                number: i as u32 + 1,
                title,
                date,
                start: dstart,
            });
        }
    }
    let end_pos = fl.node("end").map(Pos::of).unwrap_or_default();
    diags.append(&mut fl.diags);
    let title = title?;
    Some(ProgrammeHead {
        p: Programme {
            slug: slug.to_string(),
            src: f.display.clone(),
            title,
            subtitle,
            authors,
            summary,
            audience,
            trainer_only,
            shared_bodies,
            prerequisites,
            bring,
            venue,
            timezone,
            start,
            end: end.map(|(c, _)| c),
            blocks,
            days,
            sessions: Vec::new(),
            pages: Vec::new(),
            letters: Vec::new(),
            md: std::sync::Arc::new(md),
            timetable: Default::default(),
            changed: 0,
        },
        days_given,
        end_pos,
        blocks_pos,
    })
}

fn parse_blocks(fl: &mut Fields, items: &[Node]) -> Vec<BlockDef> {
    let mut out = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    for it in items {
        let path = fl.path;
        if it.get("break").is_some() {
            let mut bf = Fields::new(path, it, "a break", &["break", "duration", "at"]);
            let title = bf.text("break").unwrap_or_else(|| "Break".into());
            let minutes = match bf.node("duration") {
                Some(n) => parse_minutes(&mut bf, n, "duration"),
                None => {
                    bf.error_at(
                        it,
                        format!("break `{title}` needs a `duration`"),
                        Some("e.g. { break: Lunch, duration: 45m }".into()),
                    );
                    None
                }
            };
            let at = parse_clock(&mut bf, "at").map(|(c, _)| c);
            fl.diags.append(&mut bf.diags);
            if let Some(minutes) = minutes {
                out.push(BlockDef::Break { title, minutes, at });
            }
        } else {
            let mut bf = Fields::new(path, it, "a block", &["id", "title"]);
            let id = bf.text("id");
            let title = bf.text("title");
            match id {
                Some(id) => {
                    if !ids.insert(id.clone()) {
                        bf.error_at(it, format!("block `{id}` is listed twice"), None);
                    }
                    let title = title.unwrap_or_else(|| title_from_file(&id));
                    out.push(BlockDef::Block { id, title });
                }
                None => bf.error_at(
                    it,
                    "each entry of `blocks` needs an `id` (a block) or `break` (a break)",
                    Some("{ id: before-coffee, title: Before coffee } or { break: Coffee, duration: 15m }".into()),
                ),
            }
            fl.diags.append(&mut bf.diags);
        }
    }
    out
}

fn parse_letter(
    f: &SourceFile,
    slug: &str,
    node: &Node,
    (body, body_line): (&str, usize),
    audience: Audience,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Letter, Vec<markdown::Dropped>)> {
    let what = "letter front matter";
    let mut fl = Fields::new(&f.display, node, what, LETTER_KEYS);
    let title = fl.text("title");
    if fl.node("title").is_none() {
        fl.missing(
            "title",
            what,
            "add a line such as `title: Invitation to the programme`",
        );
    }
    let description = fl.text("description");
    let mut fields: Vec<Field> = Vec::new();
    let mut field_names = std::collections::HashSet::new();
    let mut field_pos = Vec::new();
    if let Some(items) = fl.seq("fields") {
        for it in items {
            let mut ff = Fields::new(
                &f.display,
                it,
                "a letter field",
                &["name", "label", "example", "lines"],
            );
            let name = ff.text_node("name");
            let label = ff.text("label");
            let example = ff.text("example");
            let lines = ff.int("lines", 1, 30).map_or(1, |(n, _)| n as u8);
            match name {
                Some((name, n)) => {
                    let valid = name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
                    if !valid || name.is_empty() {
                        ff.error_at(n, format!("field name `{name}` may hold only letters, digits, `_` and `-`"), None);
                    } else if !field_names.insert(name.clone()) {
                        ff.error_at(n, format!("field `{name}` is declared twice"), None);
                    } else if letters::BUILTINS.contains(&name.as_str()) {
                        ff.error_at(n, format!("`{name}` is a built-in and cannot be a field"), None);
                    } else {
                        field_pos.push((name.clone(), Pos::of(n)));
                        let label = label.unwrap_or_else(|| title_from_file(&name));
                        fields.push(Field {
                            name,
                            label,
                            example,
                            lines,
                        });
                    }
                }
                None => ff.error_at(it, "each field needs a `name`", Some("{ name: participant_name, label: Participant's name, example: Sam Taylor }".into())),
            }
            fl.diags.append(&mut ff.diags);
        }
    }
    // A letter is the trainer's tool unless it says it is for everyone.
    let trainer_only = audience_of(f, node, &mut fl.diags).unwrap_or(true);
    diags.append(&mut fl.diags);

    let (pieces, found, bad) = letters::scan(body, body_line);
    for (l, c, msg) in bad {
        diags.push(
            Diagnostic::error(&f.display, msg)
                .at(l, c)
                .hint("write placeholders as {{ field_name }}"),
        );
    }
    // Sets, so a letter of many placeholders and fields is checked in linear time.
    let names: Vec<&str> = fields
        .iter()
        .map(|x| x.name.as_str())
        .chain(letters::BUILTINS.iter().copied())
        .collect();
    let declared: std::collections::HashSet<&str> = names.iter().copied().collect();
    let used: std::collections::HashSet<&str> = found.iter().map(|p| p.name.as_str()).collect();
    for ph in &found {
        if !declared.contains(ph.name.as_str()) {
            let hint = match closest(&ph.name, names.iter().copied()) {
                Some(c) => format!("did you mean `{c}`? Otherwise declare it under `fields:`"),
                None => format!(
                    "declare it under `fields:`, or use a built-in: {}",
                    letters::BUILTINS.join(", ")
                ),
            };
            diags.push(
                Diagnostic::error(
                    &f.display,
                    format!(
                        "placeholder `{}` is neither a declared field nor built in",
                        ph.name
                    ),
                )
                .at(ph.line, ph.col)
                .hint(hint),
            );
        }
    }
    for (name, pos) in &field_pos {
        if !used.contains(name.as_str()) {
            diags.push(
                Diagnostic::warning(
                    &f.display,
                    format!("field `{name}` is declared but the letter never uses it"),
                )
                .at(pos.line, pos.col)
                .hint(format!(
                    "add {{{{ {name} }}}} to the letter, or remove the field"
                )),
            );
        }
    }
    let title = title?;
    // Render the Markdown with tokens in place of the placeholders.
    let mut slots: Vec<String> = Vec::new();
    let mut tokenised = String::with_capacity(body.len());
    for p in &pieces {
        match p {
            letters::Piece::Text(t) => tokenised.push_str(t),
            letters::Piece::Slot(s) => {
                tokenised.push_str(&letters::token(slots.len()));
                slots.push(s.clone());
            }
        }
    }
    let md = markdown::render(&tokenised, body_line, audience, Body::Shared);
    diags.extend(md.problems.iter().map(|p| {
        Diagnostic::error(&f.display, p.message.clone())
            .at(p.line, p.col)
            .maybe_hint(p.hint.clone())
    }));
    diags.extend(super::urls::diagnostics(&f.display, &md.unsafe_urls));
    let name = f
        .rel
        .rsplit('/')
        .next()
        .unwrap_or(&f.rel)
        .trim_end_matches(".md")
        .to_string();
    let letter = Letter {
        name: name.clone(),
        src: f.display.clone(),
        out: format!("{slug}/letters/{name}.html"),
        title,
        description,
        fields,
        pieces,
        html: md.html,
        slots,
        placeholders: found,
        trainer_only,
    };
    Some((letter, md.dropped))
}

/// Links a programme's parts together: days, blocks, references, the timetable.
fn assemble(
    head: ProgrammeHead,
    mut sessions: Vec<(Session, SessionRefs)>,
    mut pages: Vec<Page>,
    letters: Vec<Letter>,
    organisation: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Programme {
    let mut p = head.p;
    sessions.sort_by(|a, b| a.0.file.cmp(&b.0.file));
    pages.sort_by(|a, b| a.out.cmp(&b.out));
    p.letters = letters;
    p.letters.sort_by(|a, b| a.name.cmp(&b.name));
    p.pages = pages;

    // Days: as listed, or one per day the sessions use.
    if !head.days_given {
        let max = sessions.iter().map(|(s, _)| s.day).max().unwrap_or(0);
        p.days = (1..=max)
            .map(|n| Day {
                number: n,
                title: format!("Day {n}"),
                date: None,
                start: p.start,
            })
            .collect();
    }
    let block_ids: Vec<String> = p
        .blocks
        .iter()
        .filter_map(|b| match b {
            BlockDef::Block { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    if block_ids.is_empty() {
        diags.push(
            Diagnostic::error(&p.src, "`blocks` lists no block, so no session has a place")
                .at(head.blocks_pos.line, head.blocks_pos.col)
                .hint("add at least one `{ id: ..., title: ... }`"),
        );
    }
    let index_of: HashMap<String, usize> = sessions
        .iter()
        .enumerate()
        .map(|(i, (s, _))| (s.file.clone(), i))
        .collect();
    let mut orders: HashMap<(u32, String, i64), String> = HashMap::new();
    let mut keep: Vec<bool> = sessions.iter().map(|(_, r)| !r.broken).collect();
    for (i, (s, refs)) in sessions.iter_mut().enumerate() {
        if s.day as usize > p.days.len() {
            keep[i] = false;
            diags.push(
                Diagnostic::error(
                    &s.src,
                    format!(
                        "day {} is out of range: the programme has {} day(s)",
                        s.day,
                        p.days.len()
                    ),
                )
                .at(refs.day.line, refs.day.col)
                .hint(format!(
                    "use a day from 1 to {}, or add the day under `days:` in {}",
                    p.days.len(),
                    p.src
                )),
            );
        }
        if !refs.block_given {
            if block_ids.len() == 1 {
                s.block = block_ids[0].clone();
            } else {
                keep[i] = false;
                diags.push(
                    Diagnostic::error(
                        &s.src,
                        "missing required key `block`: the programme has more than one block",
                    )
                    .at(1, 1)
                    .hint(format!(
                        "add `block:` with one of: {}",
                        block_ids.join(", ")
                    )),
                );
            }
        } else if !block_ids.contains(&s.block) {
            keep[i] = false;
            let hint = match closest(&s.block, block_ids.iter().map(String::as_str)) {
                Some(c) => format!("did you mean `{c}`? Blocks: {}", block_ids.join(", ")),
                None => format!("the programme's blocks are: {}", block_ids.join(", ")),
            };
            diags.push(
                Diagnostic::error(&s.src, format!("unknown block `{}`", s.block))
                    .at(refs.block.line, refs.block.col)
                    .hint(hint),
            );
        }
        if let Some(o) = s.order
            && let Some(other) = orders.insert((s.day, s.block.clone(), o), s.src.clone())
        {
            diags.push(
                Diagnostic::warning(
                    &s.src,
                    format!("`order: {o}` is also used by {other} in the same day and block"),
                )
                .at(refs.order.line, refs.order.col)
                .hint("give each session of a block its own order; ties fall back to file name"),
            );
        }
        if let Some((target, pos)) = &refs.same_as {
            let resolved = resolve_relative(&s.file, target);
            match resolved.as_ref().and_then(|r| index_of.get(r)) {
                Some(j) if *j != i => s.same_as = Some(*j),
                _ => diags.push(
                    Diagnostic::error(&s.src, format!("`same_as: {target}` does not name another session of this programme"))
                        .at(pos.line, pos.col)
                        .hint("give the path of the other session's .md file, relative to this one, e.g. ../day-1/05-post-box.md"),
                ),
            }
        }
        for (name, pos) in &refs.letters {
            match p.letters.iter().position(|l| &l.name == name) {
                Some(j) => s.letters.push(j),
                None => {
                    let names: Vec<&str> = p.letters.iter().map(|l| l.name.as_str()).collect();
                    let hint = match closest(name, names.iter().copied()) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None if names.is_empty() => format!(
                            "add a letter template at content/{}/letters/{name}.md",
                            p.slug
                        ),
                        None => format!("letters of this programme: {}", names.join(", ")),
                    };
                    diags.push(
                        Diagnostic::error(&s.src, format!("unknown letter `{name}`"))
                            .at(pos.line, pos.col)
                            .hint(hint),
                    );
                }
            }
        }
    }

    // Timetable.
    let slots: Vec<Slot> = sessions
        .iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(i, (s, _))| Slot {
            index: i,
            day: s.day,
            block: s.block.clone(),
            order: s.order,
            file: s.file.clone(),
            minutes: s.minutes,
        })
        .collect();
    let (tt, issues) = timetable::compute(&p.blocks, &p.days, &slots);
    for issue in issues {
        match issue {
            Issue::Overrun { day, block, break_title, at, minutes } => diags.push(
                Diagnostic::warning(
                    &p.src,
                    format!("on day {day}, block `{block}` runs {minutes} min into {break_title}, which is set for {at}"),
                )
                .at(head.blocks_pos.line, head.blocks_pos.col)
                .hint(format!("shorten the block's sessions by {minutes} min, or move {break_title} later")),
            ),
        }
    }
    if let Some(end) = p.end {
        for d in &tt.days {
            if d.end > end {
                diags.push(
                    Diagnostic::warning(
                        &p.src,
                        format!(
                            "day {} ends at {}, after the programme's end at {end}",
                            d.number, d.end
                        ),
                    )
                    .at(head.end_pos.line, head.end_pos.col)
                    .hint("shorten the day's sessions, start earlier, or move `end`"),
                );
            }
        }
    }
    // `uses` must be picked up from an earlier session's `produces`.
    let order = tt.session_order();
    let mut produced: HashSet<&str> = HashSet::new();
    for &i in &order {
        let (s, refs) = &sessions[i];
        for (u, pos) in &refs.uses {
            if produced.contains(u.as_str()) {
                continue;
            }
            let later = order
                .iter()
                .map(|&j| &sessions[j].0)
                .find(|o| o.produces.contains(u));
            // A producer left out of the timetable has an error of its own already.
            if later.is_none() && sessions.iter().any(|(o, _)| o.produces.contains(u)) {
                continue;
            }
            let d = match later {
                Some(o) => Diagnostic::warning(
                    &s.src,
                    format!("uses `{u}`, but it is produced only later, by {}", o.src),
                )
                .hint("move this session after that one, or the producing session earlier"),
                None => {
                    let all = sessions.iter().flat_map(|(o, _)| o.produces.iter());
                    let hint = match closest(u, all.map(String::as_str)) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!("add `produces: [{u}]` to the session that makes it"),
                    };
                    Diagnostic::warning(
                        &s.src,
                        format!("uses `{u}`, but no session of this programme produces it"),
                    )
                    .hint(hint)
                }
            };
            diags.push(d.at(pos.line, pos.col));
        }
        produced.extend(s.produces.iter().map(String::as_str));
    }
    p.sessions = sessions.into_iter().map(|(s, _)| s).collect();
    p.timetable = tt;
    diags.extend(letters::unset_builtins(&p, organisation));
    p
}

/// `target` relative to the folder of `file` (both inside the programme folder); None if it
/// climbs out of the programme.
pub fn resolve_relative(file: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = file.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Parses one source as if it sat at `rel` inside a programme folder (`prog/...`), returning
/// its diagnostics: the fuzzers' entry point to front matter, sessions, pages and letters.
pub fn parse_one(rel: &str, text: &str) -> Vec<Diagnostic> {
    let f = SourceFile {
        rel: rel.to_string(),
        display: format!("content/{rel}"),
        text: crate::content::normalise(text.to_string()).into(),
    };
    let slug = rel.split('/').next().unwrap_or("p").to_string();
    let kind = if rel.split('/').nth(1) == Some("letters") {
        Kind::Letter(slug, Scope::default())
    } else {
        Kind::InProgramme(slug, Scope::default())
    };
    let mut all = Vec::new();
    for audience in [Audience::Trainer, Audience::Participant] {
        all.extend(parse_file(&f, &kind, audience).1);
    }
    all
}

/// The letter a file at `prog/letters/<name>.md` gives a participant, if it parses: the
/// fuzzers' entry point to the letter writers ([`parse_one`] only gives diagnostics).
pub fn parse_letter_one(name: &str, text: &str) -> Option<Letter> {
    let f = SourceFile {
        rel: format!("p/letters/{name}.md"),
        display: format!("content/p/letters/{name}.md"),
        text: crate::content::normalise(text.to_string()).into(),
    };
    match parse_file(
        &f,
        &Kind::Letter("p".into(), Scope::default()),
        Audience::Participant,
    )
    .0
    {
        Parsed::Letter(l, _) => Some(*l),
        _ => None,
    }
}
