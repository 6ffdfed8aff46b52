//! Outputs: every file of the site as bytes (or a file to copy), from the model alone.
//! Nothing here touches the build directory; pages render in parallel.

mod csv;
pub mod theme;
pub mod view;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::Audience;
use crate::diagnostics::Diagnostic;
use crate::model::{Letter, Programme, Site};
use crate::util::{escape_html, root_prefix};
use view::{Link, ProgrammeViews, Threads};

pub use theme::Theme;

#[derive(Debug, Clone)]
pub enum Content {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Copy(PathBuf),
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
}

struct Common<'a> {
    theme: &'a Theme,
    site: tera::Value,
    programmes: tera::Value,
    /// Set by the dev server: pages whose key is the same as in here are not rendered.
    memo: Option<&'a Memo>,
    /// Every page's key (when there is a memo), and the pages skipped as unchanged.
    keys: Mutex<(Memo, Vec<String>)>,
    /// Hash of what every page shares (`site`, `programmes_nav`).
    shared_key: u64,
}

fn hash_of(v: &impl Serialize) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_vec(v).unwrap_or_default().hash(&mut h);
    h.finish()
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

    /// Renders a page; `Ok(None)` when the memo shows it unchanged.
    fn render(
        &self,
        job: Job,
        nav: Option<(&tera::Value, u64)>,
    ) -> Result<Option<Output>, Diagnostic> {
        if self.memo.is_some() {
            let data = hash_of(&job.ctx.clone().into_json());
            let key = self.key(
                (job.template, &job.path, &job.title),
                nav.map_or(0, |n| n.1),
                data,
            );
            if self.unchanged(&job.path, key) {
                return Ok(None);
            }
        }
        self.draw(job, nav.map(|n| n.0)).map(Some)
    }

    /// Renders a page whatever the memo says.
    fn draw(&self, job: Job, nav: Option<&tera::Value>) -> Result<Output, Diagnostic> {
        let mut ctx = job.ctx;
        ctx.insert("site", &self.site);
        ctx.insert("programmes_nav", &self.programmes);
        ctx.insert("root", &root_prefix(&job.path));
        ctx.insert("current", &job.path);
        ctx.insert("page_title", &job.title);
        if let Some(n) = nav {
            ctx.insert("nav", n);
        }
        let html = self.theme.render(job.template, &ctx)?;
        Ok(Output::bytes(job.path, html.into_bytes()))
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
}

/// The site's outputs; with a `memo` (the dev server's), pages whose template and context
/// are the same as last time are skipped, so an edit re-renders only what it touches.
pub fn render_parts(
    site: &Site,
    theme: &Theme,
    audience: Audience,
    memo: Option<&Memo>,
) -> Result<Parts, Vec<Diagnostic>> {
    let cfg = &site.config;
    let mut common = Common {
        theme,
        site: tera::to_value(SiteView {
            title: &cfg.title,
            description: cfg.description.as_deref(),
            organisation: cfg.organisation.as_deref(),
            language: &cfg.language,
            logo: cfg.logo.as_deref(),
            authors: &cfg.authors,
            participant: audience == Audience::Participant,
        })
        .unwrap_or_default(),
        programmes: tera::to_value(
            site.programmes
                .iter()
                .map(|p| Link {
                    title: p.title.clone(),
                    href: format!("{}/index.html", p.slug),
                    when: None,
                })
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default(),
        memo,
        keys: Mutex::default(),
        shared_key: 0,
    };
    if memo.is_some() {
        common.shared_key = hash_of(&(&common.site, &common.programmes));
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
    home.insert("cards", &view::programme_cards(site));
    home.insert("body", &site.home.as_ref().map(|h| h.md.html.clone()));
    let home_title = site
        .home
        .as_ref()
        .map_or(cfg.title.clone(), |h| h.title.clone());
    jobs.push(Job {
        template: "home.html",
        path: "index.html".into(),
        title: home_title,
        ctx: home,
    });
    jobs.push(Job {
        template: "404.html",
        path: "404.html".into(),
        title: "Page not found".into(),
        ctx: Context::new(),
    });
    for pg in &site.pages {
        let mut c = Context::new();
        c.insert("page", &page_view(pg));
        jobs.push(Job {
            template: "page.html",
            path: pg.out.clone(),
            title: pg.title.clone(),
            ctx: c,
        });
    }
    collect(
        jobs.into_par_iter()
            .map(|j| common.render(j, None))
            .collect(),
    );

    for p in &site.programmes {
        let (outs, errs) = render_programme(p, &common, site);
        outputs.extend(outs);
        errors.extend(errs);
    }

    outputs.extend(theme.static_files());
    for a in &site.assets {
        outputs.push(Output {
            path: a.out.clone(),
            content: Content::Copy(a.source.clone()),
        });
    }
    if errors.is_empty() {
        let (memo, unchanged) = common.keys.into_inner().unwrap_or_default();
        Ok(Parts {
            outputs,
            unchanged,
            memo,
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
        venue: p.venue.as_deref(),
        dates: p.dates_label(),
        contact: crate::model::clock::minutes_label(p.contact_minutes()),
        sessions: p.sessions.len(),
        body: &p.md.html,
        slug: &p.slug,
    }
}

/// A programme page whose context is made only if it has to be rendered: with the dev
/// server's memo, `data` (a hash of its view) decides that first.
struct LazyJob<'a> {
    template: &'static str,
    path: String,
    title: String,
    data: u64,
    fill: Box<dyn FnOnce(&mut Context) + Send + 'a>,
}

fn render_programme(p: &Programme, common: &Common, site: &Site) -> (Vec<Output>, Vec<Diagnostic>) {
    let _ = site;
    let views = ProgrammeViews::new(p);
    let threads = Threads::new(p, &views.order);
    // Made once, and only if some page of the programme is rendered.
    let nav = std::sync::OnceLock::new();
    let nav = || nav.get_or_init(|| tera::to_value(&views.nav).unwrap_or_default());
    let pv = std::sync::OnceLock::new();
    let pv = || pv.get_or_init(|| tera::to_value(programme_view(p)).unwrap_or_default());
    // What every page of the programme shares, hashed once rather than per page.
    let nav_key = common.hash(&(&views.nav, programme_view(p)));
    let days_key = common.hash(&views.days);
    let views_ref = &views;
    let mut jobs: Vec<LazyJob> = Vec::new();
    let mut add = |template, path: String, title: String, data, fill| {
        jobs.push(LazyJob {
            template,
            path,
            title,
            data,
            fill,
        })
    };

    add(
        "programme.html",
        format!("{}/index.html", p.slug),
        p.title.clone(),
        days_key,
        Box::new(move |c: &mut Context| c.insert("days", &views_ref.days)),
    );
    let csv_path = format!("{}/timetable.csv", p.slug);
    add(
        "timetable.html",
        format!("{}/timetable.html", p.slug),
        format!("Timetable: {}", p.title),
        days_key,
        Box::new(move |c: &mut Context| {
            c.insert("days", &views_ref.days);
            c.insert("csv", &csv_path);
        }),
    );
    let prompts = view::prompt_days(p, &views);
    add(
        "prompts.html",
        format!("{}/prompts.html", p.slug),
        format!("Discussion prompts: {}", p.title),
        common.hash(&prompts),
        Box::new(move |c: &mut Context| c.insert("days", &prompts)),
    );
    let materials = view::material_days(p, &views);
    add(
        "materials.html",
        format!("{}/materials.html", p.slug),
        format!("Materials: {}", p.title),
        common.hash(&materials),
        Box::new(move |c: &mut Context| c.insert("days", &materials)),
    );
    if views.nav.themes.is_some() {
        let themes = view::theme_views(p, &views);
        add(
            "themes.html",
            format!("{}/themes.html", p.slug),
            format!("Themes: {}", p.title),
            common.hash(&themes),
            Box::new(move |c: &mut Context| c.insert("themes", &themes)),
        );
    }
    for pg in &p.pages {
        let v = page_view(pg);
        add(
            "page.html",
            pg.out.clone(),
            pg.title.clone(),
            common.hash(&v),
            Box::new(move |c: &mut Context| c.insert("page", &v)),
        );
    }
    let org = common_org(common);
    for l in &p.letters {
        let v = letter_view(l, p, &org);
        add(
            "letter.html",
            l.out.clone(),
            l.title.clone(),
            common.hash(&v),
            Box::new(move |c: &mut Context| c.insert("letter", &v)),
        );
    }
    let draw = |template: &'static str,
                path: String,
                title: String,
                fill: &mut dyn FnMut(&mut Context)| {
        let mut ctx = Context::new();
        ctx.insert("programme", pv());
        fill(&mut ctx);
        common
            .draw(
                Job {
                    template,
                    path,
                    title,
                    ctx,
                },
                Some(nav()),
            )
            .map(Some)
    };
    // Session pages: position in timetable order gives prev/next without a search per page.
    let mut pos = vec![None; p.sessions.len()];
    for (k, &i) in views.order.iter().enumerate() {
        pos[i] = Some(k);
    }
    // The bulk of a big programme: checked against the memo from the view alone, so an
    // unchanged session costs no template context.
    let mut results: Vec<Result<Option<Output>, Diagnostic>> = (0..p.sessions.len())
        .into_par_iter()
        .map(|i| {
            let s = &p.sessions[i];
            let sv = view::session_view(p, &views, &threads, i, pos[i]);
            let key = common.key(
                ("session.html", &s.out, &s.title),
                nav_key,
                common.hash(&sv),
            );
            if common.unchanged(&s.out, key) {
                return Ok(None);
            }
            draw("session.html", s.out.clone(), s.title.clone(), &mut |c| {
                c.insert("session", &sv)
            })
        })
        .collect();
    results.extend(
        jobs.into_par_iter()
            .map(|j| {
                let key = common.key((j.template, &j.path, &j.title), nav_key, j.data);
                if common.unchanged(&j.path, key) {
                    return Ok(None);
                }
                let mut fill = Some(j.fill);
                draw(j.template, j.path, j.title, &mut |c| {
                    if let Some(f) = fill.take() {
                        f(c)
                    }
                })
            })
            .collect::<Vec<_>>(),
    );
    let mut outs = Vec::new();
    let mut errs = Vec::new();
    for r in results {
        match r {
            Ok(Some(o)) => outs.push(o),
            Ok(None) => {}
            Err(e) => errs.push(e),
        }
    }
    outs.push(Output::bytes(
        format!("{}/timetable.csv", p.slug),
        csv::timetable(p),
    ));
    (outs, errs)
}

fn common_org(common: &Common) -> Option<String> {
    common
        .site
        .get("organisation")
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

#[derive(Serialize)]
struct LetterView {
    title: String,
    description: Option<String>,
    name: String,
    fields: Vec<crate::model::Field>,
    /// The letter with built-ins filled in and each field as a visible blank.
    html: String,
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

fn letter_view(l: &Letter, p: &Programme, organisation: &Option<String>) -> LetterView {
    let mut html = l.html.clone();
    for (i, slot) in l.slots.iter().enumerate() {
        let token = crate::model::letter_token(i);
        let filled = if let Some(f) = l.fields.iter().find(|f| &f.name == slot) {
            format!(
                "<span class=\"blank\" data-field=\"{}\">[{}]</span>",
                escape_html(&f.name),
                escape_html(&f.label)
            )
        } else {
            match builtin_value(slot, p, organisation.as_deref()) {
                Some(v) => format!("<span class=\"filled\">{}</span>", escape_html(&v)),
                None => format!("<span class=\"blank\">[{}]</span>", escape_html(slot)),
            }
        };
        html = html.replace(&token, &filled);
    }
    LetterView {
        title: l.title.clone(),
        description: l.description.clone(),
        name: l.name.clone(),
        fields: l.fields.clone(),
        html,
    }
}
