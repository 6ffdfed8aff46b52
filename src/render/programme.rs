//! One programme's outputs: its session pages, its whole-programme pages (each from its own
//! view) and its data files (CSV, ICS, search shard, letter files), built side by side.

use rayon::prelude::*;
use serde::Serialize;

use super::context::Common;
use super::delivery_room::{RunSheet, SigninPage};
use super::letter_page::{LetterView, letter_view};
use super::nav::NavParts;
use super::page::{Defer, Nothing, Page, Rendered, Shared};
use super::site_pages::{PageView, page_view};
use super::view::{self, ProgrammeViews, SessionView, Threads};
use super::{
    Output, after_course, csv, evaluation, handout, ics, letter_files, room, schedule, search,
};
use crate::diagnostics::Diagnostic;
use crate::model::{Programme, Site};

pub(super) mod delivery_letters;

#[derive(Serialize)]
pub(super) struct ProgrammeView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    authors: &'a [String],
    summary: Option<&'a str>,
    audience: Option<&'a str>,
    prerequisites: Vec<String>,
    bring: Vec<String>,
    venue: Option<&'a str>,
    dates: Option<String>,
    contact: String,
    sessions: usize,
    body: &'a str,
    slug: &'a str,
    /// Its runs by date (none: the page is as it was before deliveries).
    deliveries: Vec<super::delivery::DeliveryCard>,
}

pub(super) fn programme_view(p: &Programme) -> ProgrammeView<'_> {
    ProgrammeView {
        title: &p.title,
        subtitle: p.subtitle.as_deref(),
        authors: &p.authors,
        summary: p.summary.as_ref().map(|x| x.html.as_str()),
        audience: p.audience.as_deref(),
        prerequisites: super::view::htmls(&p.prerequisites),
        bring: super::view::htmls(&p.bring),
        venue: p.venue.as_deref(),
        dates: p.dates_label(),
        contact: p.locale.duration(p.contact_minutes()),
        sessions: p.sessions.len(),
        body: &p.md.html,
        slug: &p.slug,
        deliveries: super::delivery::delivery_cards(p),
    }
}

/// What every page of one programme is made from, computed once.
pub(super) struct ProgrammeRender<'a> {
    pub(super) p: &'a Programme,
    pub(super) common: &'a Common<'a>,
    pub(super) views: ProgrammeViews,
    threads: Threads,
    /// The programme view, which every page of the programme shows.
    pub(super) programme: Shared,
    letters: Vec<letter_files::Prepared<'a>>,
    pub(super) nav: NavParts,
    /// `schedule.js`, when the programme has dated days: every page of it loads the file.
    schedule: Option<Output>,
    /// The evaluation form: its page and its blank `.docx`.
    evaluation: evaluation::EvaluationForm,
    /// The programme's other languages, for each page's switch.
    editions: super::editions::Editions<'a>,
    /// The interface strings of the programme's language.
    pub(super) strings: std::sync::Arc<crate::i18n::Strings>,
}

pub(super) fn render_programme(
    p: &Programme,
    common: &Common,
    site: &Site,
) -> (Vec<Output>, Vec<Diagnostic>) {
    let strings = common.strings_for(Some(&p.language)).clone();
    let mut views = ProgrammeViews::new(p, &strings);
    if common.participant {
        // Run sheets and sign-in sheets are the trainer's: not written, not linked.
        views.nav.runsheets.clear();
        views.nav.signin.clear();
        // The post box holds the group's words for managers: trainer edition only.
        views.nav.post_box = None;
    }
    let threads = Threads::new(p, &views.order);
    let nav = common.nav_parts(&views, p.sessions.iter().map(|s| (s.out.clone(), s.day)));
    // "Now and next" follows sessions: a programme of pages only has none to show.
    let schedule = if views.nav.has_sessions {
        schedule::schedule(p, &views.days)
    } else {
        None
    };
    let evaluation = evaluation::evaluation_form(p, &views, &p.language, &strings);
    let r = ProgrammeRender {
        p,
        common,
        threads,
        programme: Shared::of(common, &programme_view(p)),
        letters: p
            .letters
            .iter()
            .map(|l| letter_files::prepare(l, p, common))
            .collect(),
        nav,
        views,
        schedule,
        evaluation,
        editions: super::editions::Editions::new(p, site),
        strings,
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

/// The own views of a programme's pages: each field a name in the template.
#[derive(Serialize)]
struct Days<'a, T> {
    days: &'a T,
}

#[derive(Serialize)]
struct TimetableFiles {
    csv: String,
    ics: Option<String>,
}

#[derive(Serialize)]
struct EvaluationPage<'a> {
    form: &'a evaluation::EvaluationForm,
}

#[derive(Serialize)]
struct CardsPage {
    cards: Vec<room::PromptCard>,
}

#[derive(Serialize)]
struct Themes {
    themes: Vec<view::ThemeView>,
}

#[derive(Serialize)]
struct NotesPage {
    page: PageView,
}

#[derive(Serialize)]
struct LetterPage {
    letter: LetterView,
}

#[derive(Serialize)]
struct ActionPlanPage {
    plan: after_course::ActionPlanView,
}

#[derive(Serialize)]
struct PostBoxPage {
    post_box: after_course::PostBoxView,
}

#[derive(Serialize)]
struct SessionPage<'a> {
    session: SessionView<'a>,
}

impl ProgrammeRender<'_> {
    /// A page of this programme, with its sidebar, showing the programme and `own`.
    pub(super) fn page<'b, V: Serialize>(
        &'b self,
        (template, path, title): (&'static str, String, String),
        shared: &'b [(&'static str, &'b Shared)],
        own: &'b V,
    ) -> Page<'b, V> {
        Page {
            template,
            languages: self.editions.links(&path),
            untranslated: self.editions.untranslated(&path),
            path,
            title,
            shared,
            own,
            nav: Some(&self.nav),
            schedule: self.schedule.as_ref().map(|o| o.path.as_str()),
            lang: Some(&self.p.language),
        }
    }

    /// A whole-programme page showing the programme and `days`.
    fn days_page<T: Serialize>(
        &self,
        (template, file, title): (&'static str, &str, String),
        days: &T,
    ) -> Rendered {
        let path = format!("{}/{file}", self.p.slug);
        let (shared, own) = ([("programme", &self.programme)], Days { days });
        let page = self.page((template, path, title), &shared, &own);
        self.common.page(page, Defer::Allowed)
    }

    /// The whole-programme pages, each from its own views: built side by side, since in a
    /// programme of a thousand sessions each view is a pass over all of them.
    fn pages(&self) -> Vec<Rendered> {
        type Pages<'b> = &'b (dyn Fn() -> Vec<Rendered> + Send + Sync);
        let builders: [Pages; 10] = [
            &|| self.deliveries(),
            &|| self.delivery_documents(),
            &|| self.overview(),
            &|| self.prompts(),
            &|| self.room(),
            &|| self.materials(),
            &|| self.print(),
            &|| self.notes(),
            &|| vec![self.handout()],
            &|| self.after_course(),
        ];
        builders.par_iter().flat_map_iter(|b| b()).collect()
    }

    /// The programme's home and its timetable.
    fn overview(&self) -> Vec<Rendered> {
        let p = self.p;
        let days = Shared::of(self.common, &self.views.days);
        let shared = [("programme", &self.programme), ("days", &days)];
        let dated = !p.days.is_empty() && p.days.iter().all(|d| d.date.is_some());
        let files = TimetableFiles {
            csv: format!("{}/timetable.csv", p.slug),
            ics: dated.then(|| format!("{}/timetable.ics", p.slug)),
        };
        let home = (
            "programme.html",
            format!("{}/index.html", p.slug),
            p.title.clone(),
        );
        let timetable = (
            "timetable.html",
            format!("{}/timetable.html", p.slug),
            self.strings
                .get("title_timetable", &[("programme", &p.title)]),
        );
        vec![
            self.common
                .page(self.page(home, &shared, &Nothing {}), Defer::Allowed),
            self.common
                .page(self.page(timetable, &shared, &files), Defer::Allowed),
        ]
    }

    /// Each delivery's pages (`delivery_room`): its page, run sheets and sign-in sheets.
    fn deliveries(&self) -> Vec<Rendered> {
        (self.p.deliveries.iter())
            .flat_map(|d| super::delivery_room::pages(self, d))
            .collect()
    }

    fn prompts(&self) -> Vec<Rendered> {
        let p = self.p;
        let title = self
            .strings
            .get("title_prompts", &[("programme", &p.title)]);
        let days = view::prompt_days(p, &self.views);
        vec![self.days_page(("prompts.html", "prompts.html", title), &days)]
    }

    fn materials(&self) -> Vec<Rendered> {
        let p = self.p;
        let title = self
            .strings
            .get("title_materials", &[("programme", &p.title)]);
        let days = view::material_days(p, &self.views);
        vec![self.days_page(("materials.html", "materials.html", title), &days)]
    }

    /// The prompt cards, the evaluation form and, for trainers, a sign-in sheet per day.
    fn room(&self) -> Vec<Rendered> {
        let p = self.p;
        let shared = [("programme", &self.programme)];
        let own = CardsPage {
            cards: room::prompt_cards(p, &self.views),
        };
        let what = (
            "prompt-cards.html",
            room::prompt_cards_path(&p.slug),
            self.strings.get("title_cards", &[("programme", &p.title)]),
        );
        let form = EvaluationPage {
            form: &self.evaluation,
        };
        let eval = (
            "evaluation.html",
            evaluation::evaluation_path(&p.slug),
            self.strings
                .get("title_evaluation", &[("programme", &p.title)]),
        );
        let mut out = vec![
            self.common
                .page(self.page(what, &shared, &own), Defer::Allowed),
            self.common
                .page(self.page(eval, &shared, &form), Defer::Allowed),
        ];
        if !self.common.participant {
            for (path, sheet) in room::signin_sheets(p, &self.views) {
                let title = self.strings.get(
                    "title_signin",
                    &[("day", &sheet.title), ("programme", &p.title)],
                );
                let own = SigninPage {
                    day: &sheet,
                    delivery: None,
                };
                let page = self.page(("signin.html", path, title), &shared, &own);
                out.push(self.common.page(page, Defer::Allowed));
            }
        }
        out
    }

    /// The print page and, for trainers, a run sheet per day.
    fn print(&self) -> Vec<Rendered> {
        let p = self.p;
        let print_days = handout::days(p, handout::Kind::Print, &self.strings);
        let pages: Vec<_> = print_days.iter().map(handout::PrintDay::print).collect();
        let title = self.strings.get("title_print", &[("programme", &p.title)]);
        let mut out = vec![self.days_page(("print.html", "print.html", title), &pages)];
        if !self.common.participant {
            let shared = [("programme", &self.programme)];
            for d in &print_days {
                let title = self.strings.get(
                    "title_runsheet",
                    &[("day", &d.title), ("programme", &p.title)],
                );
                let own = RunSheet {
                    day: d,
                    delivery: None,
                };
                let page = self.page(("runsheet.html", d.runsheet.clone(), title), &shared, &own);
                out.push(self.common.page(page, Defer::Allowed));
            }
        }
        out
    }

    /// The themes page, the programme's pages of notes and its letters' pages.
    fn notes(&self) -> Vec<Rendered> {
        let (p, common) = (self.p, self.common);
        let shared = [("programme", &self.programme)];
        let mut out = Vec::new();
        if self.views.nav.themes.is_some() {
            let own = Themes {
                themes: view::theme_views(p, &self.views),
            };
            let what = (
                "themes.html",
                format!("{}/themes.html", p.slug),
                self.strings.get("title_themes", &[("programme", &p.title)]),
            );
            out.push(common.page(self.page(what, &shared, &own), Defer::Allowed));
        }
        for pg in &p.pages {
            let own = NotesPage {
                page: page_view(pg),
            };
            let what = ("page.html", pg.out.clone(), pg.title.clone());
            out.push(common.page(self.page(what, &shared, &own), Defer::Allowed));
        }
        for prepared in &self.letters {
            let l = prepared.letter;
            let mut letter = letter_view(prepared);
            if l.slots.iter().any(|s| s == crate::model::POST_BOX_POINTS) {
                letter.post_box = self.views.nav.post_box.clone();
            }
            let own = LetterPage { letter };
            let what = ("letter.html", l.out.clone(), l.title.clone());
            out.push(common.page(self.page(what, &shared, &own), Defer::Allowed));
        }
        out
    }

    /// The action-plan sheet and, for trainers, the post-box summary.
    fn after_course(&self) -> Vec<Rendered> {
        let (p, common) = (self.p, self.common);
        let shared = [("programme", &self.programme)];
        let own = ActionPlanPage {
            plan: after_course::action_plan_view(p, &self.views),
        };
        let what = (
            "action-plan.html",
            after_course::action_plan_path(&p.slug),
            self.strings
                .get("title_action_plan", &[("programme", &p.title)]),
        );
        let mut out = vec![common.page(self.page(what, &shared, &own), Defer::Allowed)];
        if let Some(path) = self.views.nav.post_box.clone() {
            let own = PostBoxPage {
                post_box: after_course::post_box_view(
                    p,
                    &self.views,
                    &self.letters,
                    common.organisation,
                    &self.strings,
                ),
            };
            let what = (
                "post-box.html",
                path,
                self.strings
                    .get("title_post_box", &[("programme", &p.title)]),
            );
            out.push(common.page(self.page(what, &shared, &own), Defer::Allowed));
        }
        out
    }

    /// The handout is for participants in every build: no sidebar, which in a trainer build
    /// would list trainer-only pages.
    fn handout(&self) -> Rendered {
        let p = self.p;
        let days = handout::days(p, handout::Kind::Handout, &self.strings);
        let days: Vec<_> = days.iter().map(handout::PrintDay::handout).collect();
        let what = (
            "handout.html",
            format!("{}/handout.html", p.slug),
            self.strings
                .get("title_handout", &[("programme", &p.title)]),
        );
        let (shared, own) = ([("programme", &self.programme)], Days { days: &days });
        let mut page = self.page(what, &shared, &own);
        page.nav = None;
        self.common.page(page, Defer::Allowed)
    }

    /// The bulk of a big programme. With the dev server's memo a session page is checked
    /// from its view alone, so an unchanged session costs no template context.
    fn sessions(&self) -> Vec<Rendered> {
        let (p, views) = (self.p, &self.views);
        // Position in timetable order gives prev/next without a search per page.
        let mut pos = vec![None; p.sessions.len()];
        for (k, &i) in views.order.iter().enumerate() {
            pos[i] = Some(k);
        }
        let shared = [("programme", &self.programme)];
        (0..p.sessions.len())
            .into_par_iter()
            .map(|i| {
                let s = &p.sessions[i];
                let own = SessionPage {
                    session: view::session_view(p, views, &self.threads, i, pos[i]),
                };
                let what = ("session.html", s.out.clone(), s.title.clone());
                self.common
                    .page(self.page(what, &shared, &own), Defer::Never)
            })
            .collect()
    }

    /// Files made without templates.
    fn data(&self, site: &Site) -> Vec<Result<Output, Diagnostic>> {
        let p = self.p;
        let mut outs: Vec<Result<Output, Diagnostic>> = vec![
            Ok(Output::bytes(
                format!("{}/timetable.csv", p.slug),
                csv::timetable(p, &self.strings),
            )),
            evaluation::blank_docx(&self.evaluation, &p.src),
        ];
        let (shard, filter) = search::shard(
            p,
            &self.views,
            self.common.participant,
            search::Stemmer::for_language(&p.language),
        );
        if let Ok(mut f) = self.common.search_filters.lock() {
            f.insert(shard.path.clone(), filter);
        }
        outs.push(Ok(shard));
        if let Some(s) = &self.schedule {
            outs.push(Ok(s.clone()));
        }
        if let Some(ics) = ics::timetable(p, site.config.site_url.as_deref()) {
            outs.push(Ok(Output::bytes(format!("{}/timetable.ics", p.slug), ics)));
        }
        for d in &p.deliveries {
            let files = super::delivery::delivery_files(
                p,
                d,
                site.config.site_url.as_deref(),
                &self.strings,
            );
            outs.extend(
                files
                    .into_iter()
                    .map(|(path, b)| Ok(Output::bytes(path, b))),
            );
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
