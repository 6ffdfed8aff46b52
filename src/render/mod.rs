//! Outputs: every file of the site as bytes (or a file to copy), from the model alone.
//! Nothing here touches the build directory; pages render in parallel.

pub mod archive;
mod csv;
pub mod handout;
pub mod ics;
pub mod leak;
mod letter_files;
pub mod outputs;
pub mod search;
mod sitemap;
pub mod theme;
pub mod view;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::Audience;
use crate::diagnostics::Diagnostic;
use crate::model::{Programme, Site};
use crate::util::{encode_path, escape_html, root_prefix};
use view::{Link, ProgrammeViews, Threads};

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

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    organisation: Option<&'a str>,
    language: &'a str,
    logo: Option<&'a str>,
    authors: &'a [String],
    participant: bool,
}

/// A page to render: its template, output path, title and extra context.
struct Job {
    template: &'static str,
    path: String,
    title: String,
    ctx: Context,
    /// With the dev server's memo: a hash of the views the context was made from (0: hash
    /// the context itself, which costs a deep copy).
    data: u64,
}

struct Common<'a> {
    theme: &'a Theme,
    site: tera::Value,
    programmes: tera::Value,
    organisation: Option<&'a str>,
    language: &'a str,
    participant: bool,
    /// Set by the dev server: pages whose key is the same as in here are not rendered.
    memo: Option<&'a Memo>,
    /// Every page's key (when there is a memo), and the pages skipped as unchanged.
    keys: Mutex<(Memo, Vec<String>)>,
    /// Hash of what every page shares (`site`, `programmes_nav`).
    shared_key: u64,
    /// The dev server after its first render: pages other than sessions' that changed get
    /// their context now and are rendered when the browser asks for them, so an edit to one
    /// session does not wait for the print page of a thousand.
    defer: bool,
}

/// `v` as a template value. Plain views always convert; were one not to, the page would
/// show nothing there rather than the build panicking.
fn value_of(v: &(impl Serialize + ?Sized)) -> tera::Value {
    tera::Value::try_from_serializable(v).unwrap_or_else(|_| tera::Value::none())
}

/// `Context::insert` without its panic on a value that does not convert.
trait Put {
    fn put(&mut self, key: &'static str, v: &(impl Serialize + ?Sized));
}

impl Put for Context {
    fn put(&mut self, key: &'static str, v: &(impl Serialize + ?Sized)) {
        self.insert_value(key, value_of(v));
    }
}

/// A 64-bit hash of `v`'s JSON, serialised into a buffer each thread reuses.
fn hash_of(v: &impl Serialize) -> u64 {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with(|b| {
        let mut buf = b.take();
        buf.clear();
        // Serialising plain views into memory cannot fail; if it did, the page would be
        // keyed by what was written, so at worst re-rendered more often.
        let _ = serde_json::to_writer(&mut buf, v);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        buf.hash(&mut h);
        let h = h.finish();
        b.replace(buf);
        h
    })
}

/// A programme's navigation: its links for templates, and the sidebar pre-rendered once per
/// folder depth (`root`), so each page only marks its own link.
struct NavParts {
    value: tera::Value,
    days: tera::Value,
    show_all: bool,
    /// Sidebar HTML by (folder depth, day shown in full; 0 for none), rendered on first use:
    /// the dev server re-renders few pages, so it renders few sidebars.
    html: Mutex<HashMap<(String, u32), Arc<Sidebar>>>,
    /// The day of each session page, whose sidebar shows that day's sessions.
    day_of: HashMap<String, u32>,
    /// Hash of the navigation and programme view (0 without a memo).
    key: u64,
}

/// A rendered sidebar, and where each link's `href="…"` ends, so a page marks its own
/// link without searching the HTML.
struct Sidebar {
    html: String,
    ends: HashMap<String, usize>,
}

impl Sidebar {
    fn new(html: String) -> Self {
        let mut ends = HashMap::new();
        let mut from = 0;
        while let Some(i) = html[from..].find("href=\"") {
            let start = from + i + 6;
            let Some(len) = html[start..].find('"') else {
                break;
            };
            ends.entry(html[start..start + len].to_string())
                .or_insert(start + len + 1);
            from = start + len + 1;
        }
        Sidebar { html, ends }
    }
}

impl NavParts {
    fn sidebar(&self, common: &Common, root: &str, path: &str) -> Result<String, Diagnostic> {
        let day = self.day_of.get(path).copied().unwrap_or(0);
        let key = (root.to_string(), day);
        let cached = self.html.lock().ok().and_then(|m| m.get(&key).cloned());
        let bar = match cached {
            Some(h) => h,
            None => {
                let mut ctx = Context::new();
                ctx.insert_value("site", common.site.clone());
                ctx.insert_value("nav", self.value.clone());
                ctx.insert_value("nav_days", self.days.clone());
                ctx.put("root", root);
                ctx.put("show_all", &self.show_all);
                ctx.put("current_day", &day);
                let h = Arc::new(Sidebar::new(common.theme.render("nav.html", &ctx)?));
                if let Ok(mut m) = self.html.lock() {
                    m.insert(key, h.clone());
                }
                h
            }
        };
        let href = escape_html(&format!("{root}{}", encode_path(path)));
        Ok(match bar.ends.get(&href) {
            Some(&at) => {
                let mut out = String::with_capacity(bar.html.len() + 24);
                out.push_str(&bar.html[..at]);
                out.push_str(" aria-current=\"page\"");
                out.push_str(&bar.html[at..]);
                out
            }
            None => bar.html.clone(),
        })
    }
}

impl Common<'_> {
    /// A page's key: its template, path, title, what every page shares, and `data` (a hash
    /// of its own context).
    fn key(&self, job: (&str, &str, &str), nav_key: u64, data: u64) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (job, nav_key, self.shared_key, data).hash(&mut h);
        h.finish()
    }

    /// A hash of `v` when there is a memo to check it against (0 otherwise: a build
    /// renders everything and need not pay for hashing).
    fn hash(&self, v: &impl Serialize) -> u64 {
        if self.memo.is_some() { hash_of(v) } else { 0 }
    }

    /// Records the page's key; true when the memo shows the page unchanged.
    fn unchanged(&self, path: &str, key: u64) -> bool {
        let Some(memo) = self.memo else {
            return false;
        };
        let same = memo.get(path) == Some(&key);
        if let Ok(mut k) = self.keys.lock() {
            k.0.insert(path.to_string(), key);
            if same {
                k.1.push(path.to_string());
            }
        }
        same
    }

    /// Renders a page; `Ok(None)` when the dev server's memo shows it unchanged.
    fn render(&self, job: Job, nav: Option<&NavParts>) -> Result<Option<Output>, Diagnostic> {
        if self.memo.is_some() {
            let key = self.key(
                (job.template, &job.path, &job.title),
                nav.map_or(0, |n| n.key),
                job.data,
            );
            if self.unchanged(&job.path, key) {
                return Ok(None);
            }
        }
        if self.defer {
            let template = job.template;
            let path = job.path.clone();
            let ctx = self.context(job, nav)?;
            return Ok(Some(Output {
                path,
                content: Content::Deferred(Arc::new(self.theme.defer(template, ctx))),
            }));
        }
        self.draw(job, nav).map(Some)
    }

    /// Renders a page whatever the memo says.
    fn draw(&self, job: Job, nav: Option<&NavParts>) -> Result<Output, Diagnostic> {
        let (template, path) = (job.template, job.path.clone());
        let ctx = self.context(job, nav)?;
        let html = self.theme.render(template, &ctx)?;
        Ok(Output::bytes(path, html.into_bytes()))
    }

    /// A page's whole context: its own, and what every page has.
    fn context(&self, job: Job, nav: Option<&NavParts>) -> Result<Context, Diagnostic> {
        let mut ctx = job.ctx;
        let root = root_prefix(&job.path);
        // Shared values are made once; a clone shares them (Tera 2 values are reference-counted).
        ctx.insert_value("site", self.site.clone());
        ctx.put("current", &job.path);
        ctx.put("page_title", &job.title);
        match nav {
            Some(n) => {
                ctx.insert_value("nav", n.value.clone());
                ctx.put("nav_html", &n.sidebar(self, &root, &job.path)?);
            }
            // Only pages outside any programme list the programmes: in every page of a
            // catalogue that list would make the build quadratic.
            None => ctx.insert_value("programmes_nav", self.programmes.clone()),
        }
        ctx.put("root", &root);
        Ok(ctx)
    }

    /// The programme sidebar for each folder depth among `paths` (pages, and sessions with
    /// their day). A programme of more than [`FULL_NAV`] sessions lists, on a session's page,
    /// only that day's sessions, so no page carries the whole of a long programme.
    fn nav_parts(
        &self,
        v: &ProgrammeViews,
        sessions: impl Iterator<Item = (String, u32)>,
    ) -> NavParts {
        let count: usize = v
            .nav
            .days
            .iter()
            .flat_map(|d| &d.blocks)
            .map(|b| b.sessions.len())
            .sum();
        let show_all = count <= FULL_NAV;
        let value = value_of(&v.nav);
        NavParts {
            value,
            days: value_of(&v.nav.days),
            show_all,
            html: Mutex::default(),
            day_of: if show_all {
                HashMap::new()
            } else {
                sessions.collect()
            },
            key: self.hash(&(&v.nav, &v.nav.days)),
        }
    }
}

/// Programmes with at most this many sessions list them all in every page's sidebar.
pub const FULL_NAV: usize = 40;

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
    let programme_links: Vec<Link> = site
        .programmes
        .iter()
        .map(|p| Link {
            title: p.title.clone(),
            href: format!("{}/index.html", p.slug),
            when: None,
        })
        .collect();
    let mut common = Common {
        theme,
        site: value_of(&site_view),
        programmes: value_of(&programme_links),
        organisation: cfg.organisation.as_deref(),
        language: &cfg.language,
        participant: audience == Audience::Participant,
        memo,
        keys: Mutex::default(),
        shared_key: 0,
        // A first render (empty memo) renders everything, so template errors show at once.
        defer: memo.is_some_and(|m| !m.is_empty()),
    };
    if memo.is_some() {
        // Keys hash the views, not template values, whose maps have no fixed order.
        common.shared_key = hash_of(&(&site_view, &programme_links));
    }

    let mut outputs: Vec<Output> = Vec::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut collect = |r: Vec<Result<Option<Output>, Diagnostic>>| {
        for x in r {
            match x {
                Ok(Some(o)) => outputs.push(o),
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
    };

    // Site-level pages.
    let mut jobs = Vec::new();
    let mut home = Context::new();
    let cards = view::programme_cards(site);
    let body = site.home.as_ref().map(|h| h.md.html.as_str());
    home.put("cards", &cards);
    home.put("body", &body);
    let home_title = site
        .home
        .as_ref()
        .map_or(cfg.title.clone(), |h| h.title.clone());
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
    collect(
        jobs.into_par_iter()
            .map(|j| common.render(j, None))
            .collect(),
    );

    // Programmes in parallel (pages inside each too), each with its own search shard.
    let per_programme: Vec<(Vec<Output>, Vec<String>, Vec<Diagnostic>)> = site
        .programmes
        .par_iter()
        .map(|p| {
            let (outs, mut errs) = render_programme(p, &common, site);
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
    outputs.push(search::root(site));

    outputs.extend(theme.static_files());
    for a in &site.assets {
        outputs.push(Output {
            path: a.out.clone(),
            content: Content::Copy(a.source.clone()),
        });
    }
    let (memo, unchanged) = common.keys.into_inner().unwrap_or_default();
    if let Some(url) = &cfg.site_url {
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

#[derive(Serialize)]
struct PageView {
    title: String,
    summary: Option<String>,
    body: String,
    trainer_only: bool,
}

fn page_view(pg: &crate::model::Page) -> PageView {
    PageView {
        title: pg.title.clone(),
        summary: pg.summary.clone(),
        body: pg.md.html.clone(),
        trainer_only: pg.trainer_only,
    }
}

#[derive(Serialize)]
struct ProgrammeView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    authors: &'a [String],
    summary: Option<&'a str>,
    audience: Option<&'a str>,
    prerequisites: &'a [String],
    bring: &'a [String],
    venue: Option<&'a str>,
    dates: Option<String>,
    contact: String,
    sessions: usize,
    body: &'a str,
    slug: &'a str,
}

fn programme_view(p: &Programme) -> ProgrammeView<'_> {
    ProgrammeView {
        title: &p.title,
        subtitle: p.subtitle.as_deref(),
        authors: &p.authors,
        summary: p.summary.as_deref(),
        audience: p.audience.as_deref(),
        prerequisites: &p.prerequisites,
        bring: &p.bring,
        venue: p.venue.as_deref(),
        dates: p.dates_label(),
        contact: crate::model::clock::minutes_label(p.contact_minutes()),
        sessions: p.sessions.len(),
        body: &p.md.html,
        slug: &p.slug,
    }
}

fn render_programme(p: &Programme, common: &Common, site: &Site) -> (Vec<Output>, Vec<Diagnostic>) {
    let views = ProgrammeViews::new(p);
    let threads = Threads::new(p, &views.order);
    let pview = programme_view(p);
    let pv = value_of(&pview);
    // With the dev server's memo, the big pages are keyed by hashes of their views.
    let pv_key = common.hash(&pview);
    let letters: Vec<letter_files::Prepared> = p
        .letters
        .iter()
        .map(|l| letter_files::prepare(l, p, common.organisation, common.language))
        .collect();
    let nav = common.nav_parts(&views, p.sessions.iter().map(|s| (s.out.clone(), s.day)));
    // With the memo, a page whose key is unchanged is not even given a context.
    let fresh = |template: &str, path: &str, title: &str, data: u64| {
        !(common.memo.is_some()
            && common.unchanged(path, common.key((template, path, title), nav.key, data)))
    };
    let base = |extra: &[(&'static str, &tera::Value)]| programme_context(&pv, extra);
    let job = |template: &'static str, path: String, title: String, ctx: Context, data: u64| Job {
        template,
        path,
        title,
        ctx,
        data,
    };

    // The whole-programme pages, each from its own views: built side by side, since in a
    // programme of a thousand sessions each view is a pass over all of them.
    type Pages<'a> = Box<dyn Fn() -> Vec<Job> + Send + Sync + 'a>;
    let builders: Vec<Pages> = vec![
        Box::new(|| {
            let days = value_of(&views.days);
            let days_key = common.hash(&views.days);
            let mut c = base(&[("days", &days)]);
            c.put("csv", &format!("{}/timetable.csv", p.slug));
            let dated = !p.days.is_empty() && p.days.iter().all(|d| d.date.is_some());
            c.put("ics", &dated.then(|| format!("{}/timetable.ics", p.slug)));
            vec![
                job(
                    "programme.html",
                    format!("{}/index.html", p.slug),
                    p.title.clone(),
                    base(&[("days", &days)]),
                    common.hash(&(pv_key, days_key)),
                ),
                job(
                    "timetable.html",
                    format!("{}/timetable.html", p.slug),
                    format!("Timetable: {}", p.title),
                    c,
                    common.hash(&(pv_key, days_key, dated)),
                ),
            ]
        }),
        Box::new(|| {
            vec![days_job(
                common,
                &pv,
                pv_key,
                ("prompts.html", format!("{}/prompts.html", p.slug)),
                format!("Discussion prompts: {}", p.title),
                &view::prompt_days(p, &views),
            )]
        }),
        Box::new(|| {
            vec![days_job(
                common,
                &pv,
                pv_key,
                ("materials.html", format!("{}/materials.html", p.slug)),
                format!("Materials: {}", p.title),
                &view::material_days(p, &views),
            )]
        }),
        Box::new(|| {
            let print_days = handout::days(p, handout::Kind::Print);
            let pages: Vec<_> = print_days.iter().map(handout::PrintDay::print).collect();
            let mut jobs = Vec::new();
            let key = common.hash(&(pv_key, &pages));
            let (path, title) = (
                format!("{}/print.html", p.slug),
                format!("{} (print)", p.title),
            );
            if fresh("print.html", &path, &title, key) {
                let mut c = base(&[]);
                c.put("days", &pages);
                jobs.push(job("print.html", path, title, c, key));
            }
            if !common.participant {
                for d in &print_days {
                    let key = common.hash(&(pv_key, d));
                    let title = format!("Run sheet, {}: {}", d.title, p.title);
                    if fresh("runsheet.html", &d.runsheet, &title, key) {
                        let mut c = base(&[]);
                        c.put("day", d);
                        jobs.push(job("runsheet.html", d.runsheet.clone(), title, c, key));
                    }
                }
            }
            jobs
        }),
        Box::new(|| {
            let mut jobs = Vec::new();
            if views.nav.themes.is_some() {
                let mut c = base(&[]);
                let themes = view::theme_views(p, &views);
                c.put("themes", &themes);
                let title = format!("Themes: {}", p.title);
                jobs.push(job(
                    "themes.html",
                    format!("{}/themes.html", p.slug),
                    title,
                    c,
                    common.hash(&(pv_key, &themes)),
                ));
            }
            for pg in &p.pages {
                let mut c = base(&[]);
                let view = page_view(pg);
                c.put("page", &view);
                let key = common.hash(&(pv_key, &view));
                jobs.push(job("page.html", pg.out.clone(), pg.title.clone(), c, key));
            }
            for prepared in &letters {
                let l = prepared.letter;
                let mut c = base(&[]);
                let view = letter_view(prepared, p, common.organisation);
                c.put("letter", &view);
                let key = common.hash(&(pv_key, &view));
                jobs.push(job("letter.html", l.out.clone(), l.title.clone(), c, key));
            }
            jobs
        }),
    ];
    // The handout is for participants in every build: no sidebar, which in a trainer build
    // would list trainer-only pages.
    let handout = || {
        let days = handout::days(p, handout::Kind::Handout);
        let days: Vec<_> = days.iter().map(handout::PrintDay::handout).collect();
        let job = days_job(
            common,
            &pv,
            pv_key,
            ("handout.html", format!("{}/handout.html", p.slug)),
            format!("Handout: {}", p.title),
            &days,
        );
        common.render(job, None)
    };
    let pages = || -> Vec<Result<Option<Output>, Diagnostic>> {
        let mut r: Vec<_> = builders
            .par_iter()
            .flat_map_iter(|b| b())
            .map(|j| common.render(j, Some(&nav)))
            .collect();
        r.push(handout());
        r
    };

    // Session pages: position in timetable order gives prev/next without a search per page.
    let mut pos = vec![None; p.sessions.len()];
    for (k, &i) in views.order.iter().enumerate() {
        pos[i] = Some(k);
    }
    // The bulk of a big programme. With the dev server's memo a session page is checked
    // from its view alone, so an unchanged session costs no template context.
    let sessions = || -> Vec<Result<Option<Output>, Diagnostic>> {
        (0..p.sessions.len())
            .into_par_iter()
            .map(|i| {
                let s = &p.sessions[i];
                let sv = view::session_view(p, &views, &threads, i, pos[i]);
                if common.memo.is_some() {
                    let key = common.key(
                        ("session.html", &s.out, &s.title),
                        nav.key ^ pv_key,
                        hash_of(&sv),
                    );
                    if common.unchanged(&s.out, key) {
                        return Ok(None);
                    }
                }
                let mut c = base(&[]);
                c.put("session", &sv);
                let job = job("session.html", s.out.clone(), s.title.clone(), c, 0);
                common.draw(job, Some(&nav)).map(Some)
            })
            .collect()
    };
    // Files made without templates.
    let data = || -> Vec<Result<Output, Diagnostic>> {
        let mut outs: Vec<Result<Output, Diagnostic>> = vec![
            Ok(Output::bytes(
                format!("{}/timetable.csv", p.slug),
                csv::timetable(p),
            )),
            Ok(search::shard(p, &views, common.participant)),
        ];
        if let Some(ics) = ics::timetable(p, site.config.site_url.as_deref()) {
            outs.push(Ok(Output::bytes(format!("{}/timetable.ics", p.slug), ics)));
        }
        for prepared in &letters {
            match prepared.outputs() {
                Ok(o) => outs.extend(o.into_iter().map(Ok)),
                Err(e) => outs.push(Err(e)),
            }
        }
        outs
    };
    let (sessions, (pages, data)) = rayon::join(sessions, || rayon::join(pages, data));

    let mut outs = Vec::new();
    let mut errs = Vec::new();
    for r in sessions.into_iter().chain(pages) {
        match r {
            Ok(Some(o)) => outs.push(o),
            Ok(None) => {}
            Err(e) => errs.push(e),
        }
    }
    for r in data {
        match r {
            Ok(o) => outs.push(o),
            Err(e) => errs.push(e),
        }
    }
    (outs, errs)
}

/// A context holding the programme (`programme`) and `extra` values.
fn programme_context(programme: &tera::Value, extra: &[(&'static str, &tera::Value)]) -> Context {
    let mut c = Context::new();
    c.insert_value("programme", programme.clone());
    for (k, v) in extra {
        c.insert_value(*k, (*v).clone());
    }
    c
}

/// A whole-programme page made from the programme and one `days` view, keyed by both.
fn days_job<T: Serialize>(
    common: &Common,
    programme: &tera::Value,
    pv_key: u64,
    (template, path): (&'static str, String),
    title: String,
    days: &T,
) -> Job {
    let mut ctx = programme_context(programme, &[]);
    ctx.put("days", days);
    Job {
        template,
        path,
        title,
        ctx,
        data: common.hash(&(pv_key, days)),
    }
}

#[derive(Serialize)]
struct LetterView {
    title: String,
    description: Option<String>,
    name: String,
    /// The template's path from the site root, for the `merge` command shown on the page.
    src: String,
    fields: Vec<crate::model::Field>,
    /// Site-relative paths of the downloads.
    docx: String,
    txt: String,
    /// The letter with built-ins filled in and each field as a visible blank.
    html: String,
    /// JSON for the page's script to save the filled-in letter as Word and text.
    kit: Option<String>,
}

/// The built-in values of a programme's letters.
pub fn builtin_value(name: &str, p: &Programme, organisation: Option<&str>) -> Option<String> {
    match name {
        "programme.title" => Some(p.title.clone()),
        "programme.venue" => p.venue.clone(),
        "programme.dates" => p.dates_label(),
        "programme.start" => Some(p.days.first().map_or(p.start, |d| d.start).to_string()),
        "organisation" => organisation.map(str::to_string),
        _ => None,
    }
}

fn letter_view(
    prepared: &letter_files::Prepared,
    p: &Programme,
    organisation: Option<&str>,
) -> LetterView {
    let l = prepared.letter;
    // One pass, so a value holding a token is not filled again.
    let html = crate::model::fill_letter_tokens(&l.html, |i| {
        let Some(slot) = l.slots.get(i) else {
            return String::new();
        };
        if let Some(f) = l.fields.iter().find(|f| &f.name == slot) {
            format!(
                "<span class=\"blank\" data-field=\"{}\">[{}]</span>",
                escape_html(&f.name),
                escape_html(&f.label)
            )
        } else {
            match builtin_value(slot, p, organisation) {
                Some(v) => format!("<span class=\"filled\">{}</span>", escape_html(&v)),
                None => format!(
                    "<span class=\"blank\">[{}]</span>",
                    escape_html(crate::letters::builtin_label(slot))
                ),
            }
        }
    });
    LetterView {
        title: l.title.clone(),
        description: l.description.clone(),
        name: l.name.clone(),
        src: l.src.clone(),
        fields: l.fields.clone(),
        docx: letter_files::path(l, "docx"),
        txt: letter_files::path(l, "txt"),
        html,
        kit: prepared.kit_json(),
    }
}
