//! A session page's view: its times, threads (who produces and uses what), repeats and
//! its neighbours in timetable order.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Programme, Session};
use crate::util::slugify;

use super::view::{Link, ProgrammeViews, PromptView, format_label, htmls, label, prompt_views};

#[derive(Serialize)]
pub struct Thread {
    pub name: String,
    pub label: String,
    pub sessions: Vec<Link>,
}

#[derive(Serialize)]
pub struct SessionView<'a> {
    pub title: String,
    pub href: String,
    pub day: u32,
    pub day_title: String,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub block: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub start_iso: Option<String>,
    pub end_iso: Option<String>,
    pub duration: String,
    pub format: Option<String>,
    /// Summary, objectives, prompts and materials as HTML (`view::htmls`).
    pub summary: Option<String>,
    pub objectives: Vec<String>,
    pub prompts: Vec<PromptView>,
    pub materials: Vec<String>,
    pub themes: Vec<Link>,
    pub produces: Vec<Thread>,
    pub uses: Vec<Thread>,
    pub same_as: Option<Link>,
    pub repeated_by: Vec<Link>,
    pub letters: Vec<Link>,
    /// The post-box summary (trainer edition) and the action-plan sheet, for a session
    /// that produces or uses what they hold.
    pub sheets: Vec<Link>,
    pub trainer_only: bool,
    /// Borrowed: the context copies it once anyway.
    pub body: &'a str,
    /// "On this page", when the body has more than three headings.
    pub toc: Vec<crate::content::markdown::Heading>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    /// When it runs in each delivery, by date (`deliveries.js` hides past ones and shows
    /// the next [`RUNS_SHOWN`](super::delivery_room::RUNS_SHOWN)).
    pub runs: &'a [super::delivery_room::SessionRun],
    /// The programme's list of deliveries, when there are more runs than a page shows.
    pub all_runs: Option<String>,
    /// "5": how many upcoming runs the list shows (a string for `data-show`).
    pub runs_shown: String,
}

/// Which sessions produce and use each thread, and which repeat each session, in one pass.
pub struct Threads {
    pub producers: HashMap<String, Vec<usize>>,
    pub users: HashMap<String, Vec<usize>>,
    pub repeats: HashMap<usize, Vec<usize>>,
}

impl Threads {
    pub fn new(p: &Programme, order: &[usize]) -> Self {
        let mut producers: HashMap<String, Vec<usize>> = HashMap::new();
        let mut users: HashMap<String, Vec<usize>> = HashMap::new();
        let mut repeats: HashMap<usize, Vec<usize>> = HashMap::new();
        for &i in order {
            let s = &p.sessions[i];
            for t in &s.produces {
                producers.entry(t.clone()).or_default().push(i);
            }
            for t in &s.uses {
                users.entry(t.clone()).or_default().push(i);
            }
            if let Some(j) = s.same_as {
                repeats.entry(j).or_default().push(i);
            }
        }
        Threads {
            producers,
            users,
            repeats,
        }
    }
}

pub fn session_view<'a>(
    p: &'a Programme,
    v: &'a ProgrammeViews,
    th: &Threads,
    i: usize,
    pos: Option<usize>,
) -> SessionView<'a> {
    let s: &Session = &p.sessions[i];
    let time = v.times.get(i).cloned().flatten();
    let day = p.days.iter().find(|d| d.number == s.day);
    let thread = |names: &[String], map: &HashMap<String, Vec<usize>>| -> Vec<Thread> {
        names
            .iter()
            .map(|n| Thread {
                name: n.clone(),
                label: label(n),
                sessions: map.get(n).map_or_else(Vec::new, |v2| {
                    v2.iter()
                        .filter(|&&j| j != i)
                        .map(|&j| v.link(p, j))
                        .collect()
                }),
            })
            .collect()
    };
    let prev = pos
        .and_then(|k| k.checked_sub(1))
        .and_then(|k| v.order.get(k))
        .map(|&j| v.link(p, j));
    let next = pos.and_then(|k| v.order.get(k + 1)).map(|&j| v.link(p, j));
    SessionView {
        title: s.title.clone(),
        href: s.out.clone(),
        day: s.day,
        day_title: day.map_or_else(
            || {
                v.days
                    .iter()
                    .find(|x| x.number == s.day)
                    .map_or_else(|| s.day.to_string(), |x| x.title.clone())
            },
            |d| d.title.clone(),
        ),
        date: day.and_then(|d| d.date).map(|d| p.locale.date_long(d)),
        date_iso: day.and_then(|d| d.date).map(|d| d.to_string()),
        block: super::view::default_title(p, &p.block_title(&s.block), &v.tr),
        start: time.as_ref().map(|t| t.1.clone()),
        end: time.as_ref().map(|t| t.2.clone()),
        start_iso: time.as_ref().map(|t| t.3.clone()),
        end_iso: time.as_ref().map(|t| t.4.clone()),
        duration: p.locale.duration(s.minutes),
        format: s.format.as_deref().map(|f| format_label(f, &v.tr)),
        summary: s.summary.as_ref().map(|x| x.html.clone()),
        objectives: htmls(&s.objectives),
        prompts: prompt_views(&listed_prompts(s), true),
        materials: htmls(&s.materials),
        themes: s
            .themes
            .iter()
            .map(|t| Link {
                title: label(t),
                href: format!("{}/themes.html#{}", p.slug, slugify(t)),
                when: None,
            })
            .collect(),
        produces: thread(&s.produces, &th.users),
        uses: thread(&s.uses, &th.producers),
        same_as: s.same_as.map(|j| v.link(p, j)),
        repeated_by: th
            .repeats
            .get(&i)
            .map_or_else(Vec::new, |v2| v2.iter().map(|&j| v.link(p, j)).collect()),
        letters: s
            .letters
            .iter()
            .filter_map(|&j| p.letters.get(j))
            .map(|l| Link {
                title: l.title.clone(),
                href: l.out.clone(),
                when: None,
            })
            .collect(),
        sheets: super::after_course::sheets(p, v, s),
        trainer_only: s.trainer_only,
        body: &s.md.html,
        toc: super::view::toc(&s.md),
        prev,
        next,
        runs: v.runs.get(i).map_or(&[], Vec::as_slice),
        all_runs: v
            .runs
            .get(i)
            .filter(|r| r.len() > super::delivery_room::RUNS_SHOWN)
            .and(v.nav.deliveries.clone()),
        runs_shown: super::delivery_room::RUNS_SHOWN.to_string(),
    }
}

/// The prompts a page lists beside the session's body: all of them (front matter first,
/// then `[!PROMPTS]` items), less those whose callout the body still shows.
pub fn listed_prompts(s: &Session) -> Vec<crate::model::Prompt> {
    let in_body = &s.md.body_prompts;
    s.prompts
        .iter()
        .filter(|p| p.note.is_some() || !in_body.contains(&p.text.text))
        .cloned()
        .collect()
}
