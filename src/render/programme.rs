//! One programme's outputs: its session pages, its whole-programme pages (each from its own
//! view) and its data files (CSV, ICS, search shard, letter files), built side by side.

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::context::{Common, Job, Put, hash_of, value_of};
use super::letter_page::letter_view;
use super::nav::NavParts;
use super::site_pages::page_view;
use super::view::{self, ProgrammeViews, Threads};
use super::{Output, csv, handout, ics, letter_files, search};
use crate::diagnostics::Diagnostic;
use crate::model::{Programme, Site};

#[derive(Serialize)]
pub(super) struct ProgrammeView<'a> {
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

pub(super) fn programme_view(p: &Programme) -> ProgrammeView<'_> {
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

/// A page's result: `Ok(None)` when the dev server's memo shows it unchanged.
type Rendered = Result<Option<Output>, Diagnostic>;

/// What every page of one programme is made from, computed once.
struct ProgrammeRender<'a> {
    p: &'a Programme,
    common: &'a Common<'a>,
    views: ProgrammeViews,
    threads: Threads,
    /// The programme view as a template value, shared by every page's context.
    pv: tera::Value,
    /// With the dev server's memo, the big pages are keyed by hashes of their views.
    pv_key: u64,
    letters: Vec<letter_files::Prepared<'a>>,
    nav: NavParts,
}

pub(super) fn render_programme(
    p: &Programme,
    common: &Common,
    site: &Site,
) -> (Vec<Output>, Vec<Diagnostic>) {
    let views = ProgrammeViews::new(p);
    let threads = Threads::new(p, &views.order);
    let pview = programme_view(p);
    let nav = common.nav_parts(&views, p.sessions.iter().map(|s| (s.out.clone(), s.day)));
    let r = ProgrammeRender {
        p,
        common,
        threads,
        pv: value_of(&pview),
        pv_key: common.hash(&pview),
        letters: p
            .letters
            .iter()
            .map(|l| letter_files::prepare(l, p, common.organisation, common.language))
            .collect(),
        nav,
        views,
    };
    let (sessions, (pages, data)) = rayon::join(
        || r.sessions(),
        || rayon::join(|| r.pages(), || r.data(site)),
    );

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

fn job(template: &'static str, path: String, title: String, ctx: Context, data: u64) -> Job {
    Job {
        template,
        path,
        title,
        ctx,
        data,
    }
}

impl ProgrammeRender<'_> {
    /// A context holding the programme (`programme`) and `extra` values.
    fn base(&self, extra: &[(&'static str, &tera::Value)]) -> Context {
        let mut c = Context::new();
        c.insert_value("programme", self.pv.clone());
        for (k, v) in extra {
            c.insert_value(*k, (*v).clone());
        }
        c
    }

    /// With the memo, a page whose key is unchanged is not even given a context.
    fn fresh(&self, template: &str, path: &str, title: &str, data: u64) -> bool {
        let common = self.common;
        !(common.memo.is_some()
            && common.unchanged(
                path,
                common.key((template, path, title), self.nav.key, data),
            ))
    }

    /// A whole-programme page made from the programme and one `days` view, keyed by both.
    fn days_job<T: Serialize>(
        &self,
        (template, path): (&'static str, String),
        title: String,
        days: &T,
    ) -> Job {
        let mut ctx = self.base(&[]);
        ctx.put("days", days);
        job(
            template,
            path,
            title,
            ctx,
            self.common.hash(&(self.pv_key, days)),
        )
    }

    /// The whole-programme pages, each from its own views: built side by side, since in a
    /// programme of a thousand sessions each view is a pass over all of them.
    fn pages(&self) -> Vec<Rendered> {
        type Pages<'b> = &'b (dyn Fn() -> Vec<Job> + Send + Sync);
        let builders: [Pages; 5] = [
            &|| self.overview(),
            &|| self.prompts(),
            &|| self.materials(),
            &|| self.print(),
            &|| self.notes(),
        ];
        let mut r: Vec<_> = builders
            .par_iter()
            .flat_map_iter(|b| b())
            .map(|j| self.common.render(j, Some(&self.nav)))
            .collect();
        r.push(self.handout());
        r
    }

    /// The programme's home and its timetable.
    fn overview(&self) -> Vec<Job> {
        let (p, common, pv_key) = (self.p, self.common, self.pv_key);
        let days = value_of(&self.views.days);
        let days_key = common.hash(&self.views.days);
        let mut c = self.base(&[("days", &days)]);
        c.put("csv", &format!("{}/timetable.csv", p.slug));
        let dated = !p.days.is_empty() && p.days.iter().all(|d| d.date.is_some());
        c.put("ics", &dated.then(|| format!("{}/timetable.ics", p.slug)));
        vec![
            job(
                "programme.html",
                format!("{}/index.html", p.slug),
                p.title.clone(),
                self.base(&[("days", &days)]),
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
    }

    fn prompts(&self) -> Vec<Job> {
        let p = self.p;
        vec![self.days_job(
            ("prompts.html", format!("{}/prompts.html", p.slug)),
            format!("Discussion prompts: {}", p.title),
            &view::prompt_days(p, &self.views),
        )]
    }

    fn materials(&self) -> Vec<Job> {
        let p = self.p;
        vec![self.days_job(
            ("materials.html", format!("{}/materials.html", p.slug)),
            format!("Materials: {}", p.title),
            &view::material_days(p, &self.views),
        )]
    }

    /// The print page and, for trainers, a run sheet per day.
    fn print(&self) -> Vec<Job> {
        let (p, common, pv_key) = (self.p, self.common, self.pv_key);
        let print_days = handout::days(p, handout::Kind::Print);
        let pages: Vec<_> = print_days.iter().map(handout::PrintDay::print).collect();
        let mut jobs = Vec::new();
        let key = common.hash(&(pv_key, &pages));
        let (path, title) = (
            format!("{}/print.html", p.slug),
            format!("{} (print)", p.title),
        );
        if self.fresh("print.html", &path, &title, key) {
            let mut c = self.base(&[]);
            c.put("days", &pages);
            jobs.push(job("print.html", path, title, c, key));
        }
        if !common.participant {
            for d in &print_days {
                let key = common.hash(&(pv_key, d));
                let title = format!("Run sheet, {}: {}", d.title, p.title);
                if self.fresh("runsheet.html", &d.runsheet, &title, key) {
                    let mut c = self.base(&[]);
                    c.put("day", d);
                    jobs.push(job("runsheet.html", d.runsheet.clone(), title, c, key));
                }
            }
        }
        jobs
    }

    /// The themes page, the programme's pages of notes and its letters' pages.
    fn notes(&self) -> Vec<Job> {
        let (p, common, pv_key) = (self.p, self.common, self.pv_key);
        let mut jobs = Vec::new();
        if self.views.nav.themes.is_some() {
            let mut c = self.base(&[]);
            let themes = view::theme_views(p, &self.views);
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
            let mut c = self.base(&[]);
            let view = page_view(pg);
            c.put("page", &view);
            let key = common.hash(&(pv_key, &view));
            jobs.push(job("page.html", pg.out.clone(), pg.title.clone(), c, key));
        }
        for prepared in &self.letters {
            let l = prepared.letter;
            let mut c = self.base(&[]);
            let view = letter_view(prepared, p, common.organisation);
            c.put("letter", &view);
            let key = common.hash(&(pv_key, &view));
            jobs.push(job("letter.html", l.out.clone(), l.title.clone(), c, key));
        }
        jobs
    }

    /// The handout is for participants in every build: no sidebar, which in a trainer build
    /// would list trainer-only pages.
    fn handout(&self) -> Rendered {
        let p = self.p;
        let days = handout::days(p, handout::Kind::Handout);
        let days: Vec<_> = days.iter().map(handout::PrintDay::handout).collect();
        let job = self.days_job(
            ("handout.html", format!("{}/handout.html", p.slug)),
            format!("Handout: {}", p.title),
            &days,
        );
        self.common.render(job, None)
    }

    /// The bulk of a big programme. With the dev server's memo a session page is checked
    /// from its view alone, so an unchanged session costs no template context.
    fn sessions(&self) -> Vec<Rendered> {
        let (p, common, views) = (self.p, self.common, &self.views);
        // Position in timetable order gives prev/next without a search per page.
        let mut pos = vec![None; p.sessions.len()];
        for (k, &i) in views.order.iter().enumerate() {
            pos[i] = Some(k);
        }
        (0..p.sessions.len())
            .into_par_iter()
            .map(|i| {
                let s = &p.sessions[i];
                let sv = view::session_view(p, views, &self.threads, i, pos[i]);
                if common.memo.is_some() {
                    let key = common.key(
                        ("session.html", &s.out, &s.title),
                        self.nav.key ^ self.pv_key,
                        hash_of(&sv),
                    );
                    if common.unchanged(&s.out, key) {
                        return Ok(None);
                    }
                }
                let mut c = self.base(&[]);
                c.put("session", &sv);
                let job = job("session.html", s.out.clone(), s.title.clone(), c, 0);
                common.draw(job, Some(&self.nav)).map(Some)
            })
            .collect()
    }

    /// Files made without templates.
    fn data(&self, site: &Site) -> Vec<Result<Output, Diagnostic>> {
        let p = self.p;
        let mut outs: Vec<Result<Output, Diagnostic>> = vec![
            Ok(Output::bytes(
                format!("{}/timetable.csv", p.slug),
                csv::timetable(p),
            )),
            Ok(search::shard(p, &self.views, self.common.participant)),
        ];
        if let Some(ics) = ics::timetable(p, site.config.site_url.as_deref()) {
            outs.push(Ok(Output::bytes(format!("{}/timetable.ics", p.slug), ics)));
        }
        for prepared in &self.letters {
            match prepared.outputs() {
                Ok(o) => outs.extend(o.into_iter().map(Ok)),
                Err(e) => outs.push(Err(e)),
            }
        }
        outs
    }
}
