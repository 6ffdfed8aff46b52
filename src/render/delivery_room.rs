//! A delivery's pages for the room and its clock: its page, a run sheet and a sign-in sheet
//! per delivery day (`<programme>/deliveries/<id>/runsheet-day-<n>.html` and
//! `signin-day-<n>.html`, trainer edition), made by the programme's own builders
//! (`handout::days_of`, `room::signin_sheets_of`) from the delivery's timetable and days,
//! and its `schedule.js` (`schedule::schedule_of`), so "now and next" and "running late"
//! follow that delivery's dates and times. Also, for session pages, when each session runs
//! in each delivery: one pass over every delivery's timetable.

use serde::Serialize;

use super::Output;
use super::delivery::{DeliveryView, delivery_view};
use super::handout::{self, PrintDay};
use super::nav::NavParts;
use super::page::{Defer, Rendered};
use super::programme::ProgrammeRender;
use super::room::{self, SigninSheet};
use super::view::{DayView, Link, RowType};
use crate::model::timetable::RowKind;
use crate::model::{Delivery, Programme};

/// A delivery's `schedule.js`.
pub fn schedule_path(p: &Programme, d: &Delivery) -> String {
    format!("{}/schedule.js", d.dir(&p.slug))
}

/// The id of a session's row on a delivery's page: `day-3-1330` (a delivery places each
/// session once; no two rows of a day start at the same minute).
pub fn row_anchor(day: u32, start: &str) -> String {
    format!("day-{day}-{}", start.replace(':', ""))
}

/// What a delivery's run sheet and sign-in sheet say of it beside the day.
#[derive(Serialize)]
pub struct DeliveryFacts {
    pub title: String,
    /// The delivery's page.
    pub href: String,
    pub venue: Option<String>,
    /// Who leads that day: "Sam Lee (lead), Ann Other".
    pub trainers: Option<String>,
}

/// The names of the trainers who lead delivery day `n` (its position in the plan is
/// `n - 1`): those with neither `days` nor `blocks` lead every day.
pub fn trainers_of_day(d: &Delivery, n: u32) -> Vec<String> {
    let plan = d.plan.get((n as usize).wrapping_sub(1));
    d.trainers
        .iter()
        .filter(|t| {
            (t.days.is_empty() && t.blocks.is_empty())
                || t.days.contains(&n)
                || t.blocks.iter().any(|b| {
                    b.split_once(':').is_some_and(|(day, id)| {
                        plan.is_some_and(|parts| {
                            parts
                                .iter()
                                .any(|(pd, pb)| day.trim().parse() == Ok(*pd) && pb == id.trim())
                        })
                    })
                })
        })
        .map(|t| match &t.role {
            Some(r) => format!("{} ({r})", t.name),
            None => t.name.clone(),
        })
        .collect()
}

fn facts(p: &Programme, d: &Delivery, n: u32) -> DeliveryFacts {
    let trainers = trainers_of_day(d, n);
    DeliveryFacts {
        title: d.title.clone(),
        href: format!("{}/index.html", d.dir(&p.slug)),
        venue: d.venue.clone().or(p.venue.clone()),
        trainers: (!trainers.is_empty()).then(|| trainers.join(", ")),
    }
}

/// The delivery's run sheets (notes included: trainer edition only).
pub fn runsheets(
    p: &Programme,
    d: &Delivery,
    tr: &crate::i18n::Strings,
) -> Vec<(PrintDay, DeliveryFacts)> {
    let dir = d.dir(&p.slug);
    handout::days_of(p, (&d.timetable, &d.days), &dir, handout::Kind::Print, tr)
        .into_iter()
        .map(|day| {
            let f = facts(p, d, day.number);
            (day, f)
        })
        .collect()
}

/// The delivery's sign-in sheets, as many rows as it expects people (the programme's
/// number when it does not say).
pub fn signins(
    p: &Programme,
    d: &Delivery,
    days: &[DayView],
) -> Vec<(String, SigninSheet, DeliveryFacts)> {
    let n = d.participants.unwrap_or(p.participants);
    room::signin_sheets_of(days, &d.dir(&p.slug), n)
        .into_iter()
        .map(|(path, sheet)| {
            let f = facts(p, d, sheet.number);
            (path, sheet, f)
        })
        .collect()
}

/// The delivery's schedule file, when it has a dated day.
pub fn schedule(p: &Programme, d: &Delivery, days: &[DayView]) -> Option<Output> {
    // One key in every language: a delay set on the Welsh page holds on the English one.
    let key = d.dir(p.original_slug());
    let whose = super::schedule::Whose {
        key: &key,
        title: &d.title,
        timezone: &d.timezone,
        locale: &p.locale,
    };
    super::schedule::schedule_of(&whose, days, schedule_path(p, d))
}

/// When a session runs in one delivery, for its page.
#[derive(Serialize, Clone, Debug)]
pub struct SessionRun {
    pub delivery: String,
    /// The delivery page's row, `.../index.html#day-2-1330`.
    pub href: String,
    /// "Wednesday 6 October 2027, 13:30", or "Day 2, 13:30" for an undated day.
    pub when: String,
    /// The delivery's last date and zone: `deliveries.js` hides a past one.
    pub last: Option<String>,
    pub timezone: String,
}

/// Per session (by index), when it runs in each delivery, the deliveries by first date:
/// one pass over every delivery's rows.
pub fn session_runs(p: &Programme, tr: &crate::i18n::Strings) -> Vec<Vec<SessionRun>> {
    let mut runs: Vec<Vec<SessionRun>> = vec![Vec::new(); p.sessions.len()];
    let mut order: Vec<&Delivery> = p.deliveries.iter().collect();
    order.sort_by_key(|d| (d.dates().into_iter().min(), d.id.clone()));
    for d in order {
        let page = format!("{}/index.html", d.dir(&p.slug));
        let last = d.dates().into_iter().max().map(|x| x.to_string());
        for plan in &d.timetable.days {
            let date = d
                .days
                .iter()
                .find(|x| x.number == plan.number)
                .and_then(|x| x.date);
            for r in plan.rows() {
                let RowKind::Session(i) = r.kind else {
                    continue;
                };
                let Some(list) = runs.get_mut(i) else {
                    continue;
                };
                let start = p.locale.time(r.start);
                list.push(SessionRun {
                    delivery: d.title.clone(),
                    href: format!("{page}#{}", row_anchor(plan.number, &r.start.to_string())),
                    when: match date {
                        Some(x) => format!("{}, {start}", p.locale.date_long(x)),
                        None => format!(
                            "{}, {start}",
                            tr.count("day_n", u64::from(plan.number), &[])
                        ),
                    },
                    last: last.clone(),
                    timezone: d.timezone.clone(),
                });
            }
        }
    }
    runs
}

/// How many of a session's upcoming runs its page shows; the rest are a link to the
/// programme's list of deliveries (`deliveries.js` hides the past and counts).
pub const RUNS_SHOWN: usize = 5;

#[derive(Serialize)]
struct DeliveryPage {
    delivery: DeliveryView,
    days: Vec<DayView>,
    /// Its letters, certificates and evaluation form (`programme/delivery_letters.rs`).
    documents: super::programme::delivery_letters::DeliveryDocs,
}

#[derive(Serialize)]
pub(super) struct RunSheet<'a> {
    pub(super) day: &'a PrintDay,
    pub(super) delivery: Option<&'a DeliveryFacts>,
}

#[derive(Serialize)]
pub(super) struct SigninPage<'a> {
    pub(super) day: &'a SigninSheet,
    pub(super) delivery: Option<&'a DeliveryFacts>,
}

/// The sidebar of a delivery's pages: the programme's, but with the delivery's days, by
/// date, and their start times (a run or sign-in sheet's own day in full when the list is
/// long), and, for trainers, the delivery's run and sign-in sheets.
fn delivery_nav(r: &ProgrammeRender, d: &Delivery, days: &[DayView]) -> NavParts {
    let p = r.p;
    let dir = d.dir(&p.slug);
    let mut nav = r.views.nav.clone();
    nav.days = if p.sessions.is_empty() {
        Vec::new()
    } else {
        super::view::nav_days(days)
    };
    for (n, v) in nav.days.iter_mut().zip(days) {
        n.title = nav_title(v);
    }
    let sheet = |href: String, v: &DayView| Link {
        title: nav_title(v),
        href,
        when: None,
    };
    if !nav.runsheets.is_empty() {
        nav.runsheets = days
            .iter()
            .map(|v| sheet(handout::runsheet_path(&dir, v.number), v))
            .collect();
        nav.signin = days
            .iter()
            .map(|v| sheet(room::signin_path(&dir, v.number), v))
            .collect();
    }
    let day_of = days
        .iter()
        .flat_map(|v| {
            [
                (handout::runsheet_path(&dir, v.number), v.number),
                (room::signin_path(&dir, v.number), v.number),
            ]
        })
        .collect();
    r.nav
        .for_delivery(r.common, &nav, &format!("{dir}/index.html"), day_of)
}

/// A delivery day as the sidebar names it: its date, else its title.
fn nav_title(v: &DayView) -> String {
    v.date.clone().unwrap_or_else(|| v.title.clone())
}

/// A delivery's pages (its page, and for trainers its run sheets and sign-in sheets) and
/// its schedule file; each page loads the delivery's schedule, not the programme's.
pub(super) fn pages(r: &ProgrammeRender, d: &Delivery) -> Vec<Rendered> {
    let p = r.p;
    let shared = [("programme", &r.programme)];
    let (mut delivery, mut days) = delivery_view(p, d, &r.strings);
    for day in &mut days {
        for seg in &mut day.segments {
            for row in &mut seg.rows {
                if row.kind == RowType::Session {
                    row.anchor = Some(row_anchor(day.number, &row.start));
                }
            }
        }
    }
    let sched = schedule(p, d, &days);
    let sched_path = sched.as_ref().map(|o| o.path.clone());
    let nav = delivery_nav(r, d, &days);
    let mut out: Vec<Rendered> = Vec::new();
    let trainer = !r.common.participant;
    let signins = if trainer {
        signins(p, d, &days)
    } else {
        Vec::new()
    };
    delivery.papers = trainer;
    let documents = super::programme::delivery_letters::delivery_docs(p, d);
    let own = DeliveryPage {
        delivery,
        days,
        documents,
    };
    let path = format!("{}/index.html", d.dir(&p.slug));
    let title = format!("{}: {}", p.title, d.title);
    let mut page = r.page(("delivery.html", path, title), &shared, &own);
    page.schedule = sched_path.as_deref();
    page.nav = Some(&nav);
    out.push(r.common.page(page, Defer::Allowed));
    if trainer {
        for (day, f) in &runsheets(p, d, &r.strings) {
            let title = r.strings.get(
                "title_runsheet",
                &[("day", &day.title), ("programme", &d.title)],
            );
            let own = RunSheet {
                day,
                delivery: Some(f),
            };
            let what = ("runsheet.html", day.runsheet.clone(), title);
            let mut page = r.page(what, &shared, &own);
            page.schedule = sched_path.as_deref();
            page.nav = Some(&nav);
            out.push(r.common.page(page, Defer::Allowed));
        }
        for (path, sheet, f) in &signins {
            let title = r.strings.get(
                "title_signin",
                &[("day", &sheet.title), ("programme", &d.title)],
            );
            let own = SigninPage {
                day: sheet,
                delivery: Some(f),
            };
            let mut page = r.page(("signin.html", path.clone(), title), &shared, &own);
            page.schedule = sched_path.as_deref();
            page.nav = Some(&nav);
            out.push(r.common.page(page, Defer::Allowed));
        }
    }
    if let Some(s) = sched {
        out.push(Ok(Some(s)));
    }
    out
}
