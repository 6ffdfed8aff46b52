//! The sidebar's views: a programme's navigation (`Nav`, the same for every page of the
//! programme), its days as the sidebar lists them (`nav_days`: a programme's, or a
//! delivery's) and its plain pages grouped by folder.

use serde::Serialize;

use super::view::{DayView, SegmentType};
use crate::model::Programme;

#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    /// Site-relative output path; templates prefix `root`.
    pub href: String,
    /// "Day 1, 09:30" where it helps.
    pub when: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct NavSession {
    pub title: String,
    pub href: String,
    pub start: String,
    pub end: String,
    /// `HH:MM`, for `now.js`.
    pub start_iso: String,
    pub end_iso: String,
    pub date: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct NavBlock {
    pub title: String,
    pub sessions: Vec<NavSession>,
}

#[derive(Serialize, Clone)]
pub struct NavDay {
    pub number: u32,
    pub title: String,
    pub date: Option<String>,
    pub blocks: Vec<NavBlock>,
}

/// A folder of plain pages in the sidebar: its title (its `index.md`'s, or its name made
/// readable), the page that title links to (that `index.md`), and its other pages.
#[derive(Serialize, Clone)]
pub struct PageGroup {
    pub title: Option<String>,
    pub href: Option<String>,
    pub pages: Vec<Link>,
}

/// A programme's pages (already in reading order, see `model::load::page::sort_pages`)
/// grouped by folder, in that order.
fn page_groups(p: &Programme) -> Vec<PageGroup> {
    let mut groups: Vec<(String, PageGroup)> = Vec::new();
    for pg in &p.pages {
        let (folder, file) = pg.out.rsplit_once('/').unwrap_or(("", &pg.out));
        if groups.last().is_none_or(|(f, _)| f != folder) {
            let name = folder.rsplit('/').next().unwrap_or(folder);
            groups.push((
                folder.to_string(),
                PageGroup {
                    title: (folder != p.slug).then(|| readable(name)),
                    href: None,
                    pages: Vec::new(),
                },
            ));
        }
        let Some((_, g)) = groups.last_mut() else {
            continue;
        };
        if file == "index.html" && g.title.is_some() && g.href.is_none() {
            g.title = Some(pg.title.clone());
            g.href = Some(pg.out.clone());
        } else {
            g.pages.push(Link {
                title: pg.title.clone(),
                href: pg.out.clone(),
                when: None,
            });
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// A folder's name as a title: `setup-guides` -> "Setup guides" (a leading number dropped).
fn readable(name: &str) -> String {
    let words = name
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_')
        .replace(['-', '_'], " ");
    let mut c = words.trim().chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => name.to_string(),
    }
}

/// A programme's navigation: the same for every page of the programme.
#[derive(Serialize, Clone)]
pub struct Nav {
    pub title: String,
    pub href: String,
    pub slug: String,
    /// False for a programme of pages only (an imported mdBook): its sidebar and overview
    /// leave out the session tools (timetable, prompts, cards, materials, evaluation form,
    /// action plan, run and sign-in sheets, days).
    pub has_sessions: bool,
    pub timetable: String,
    pub prompts: String,
    pub materials: String,
    pub themes: Option<String>,
    /// The prompt cards (`prompt-cards.html`).
    pub cards: String,
    /// The evaluation form (`evaluation.html`).
    pub evaluation: String,
    /// The overview's list of deliveries, when the programme has any.
    pub deliveries: Option<String>,
    /// Each day's run sheet and sign-in sheet: trainer edition only (emptied for
    /// participants by the renderer, which knows the edition).
    pub runsheets: Vec<Link>,
    pub signin: Vec<Link>,
    /// The action-plan sheet (`action-plan.html`), in both editions.
    pub action_plan: String,
    /// The post-box summary (`post-box.html`) when a session `produces: [post-box]`:
    /// trainer edition only (emptied for participants by the renderer).
    pub post_box: Option<String>,
    /// Rendered once per programme into the sidebar (see `nav.html`), not sent with every page.
    #[serde(skip)]
    pub days: Vec<NavDay>,
    pub pages: Vec<Link>,
    /// The same pages by folder, for the sidebar: the programme's own first (no title),
    /// then each folder's.
    pub page_groups: Vec<PageGroup>,
    pub letters: Vec<Link>,
    /// Hrefs of trainer-only pages and letters, marked as such in a trainer build's nav.
    pub trainer_only: Vec<String>,
}

/// The sidebar's days from day views: a programme's, or a delivery's (its dates and its
/// own start times).
pub fn nav_days(days: &[DayView]) -> Vec<NavDay> {
    days.iter()
        .map(|d| NavDay {
            number: d.number,
            title: d.title.clone(),
            date: d.date_iso.clone(),
            blocks: d
                .segments
                .iter()
                .filter(|s| s.kind == SegmentType::Block)
                .map(|s| NavBlock {
                    title: s.title.clone(),
                    sessions: s
                        .rows
                        .iter()
                        .map(|r| NavSession {
                            title: r.title.clone(),
                            href: r.href.clone().unwrap_or_default(),
                            start: r.start.clone(),
                            end: r.end.clone(),
                            start_iso: r.start_iso.clone(),
                            end_iso: r.end_iso.clone(),
                            date: d.date_iso.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// A programme's navigation, from its days as the timetable shows them.
pub(super) fn nav(p: &Programme, days: &[DayView], has_themes: bool) -> Nav {
    let has_sessions = !p.sessions.is_empty();
    // A programme of pages only lists no day (its days would show nothing to go to).
    let days = if has_sessions { days } else { &[] };
    Nav {
        has_sessions,
        title: p.title.clone(),
        href: format!("{}/index.html", p.slug),
        slug: p.slug.clone(),
        timetable: format!("{}/timetable.html", p.slug),
        prompts: format!("{}/prompts.html", p.slug),
        materials: format!("{}/materials.html", p.slug),
        themes: has_themes.then(|| format!("{}/themes.html", p.slug)),
        cards: super::room::prompt_cards_path(&p.slug),
        evaluation: super::evaluation::evaluation_path(&p.slug),
        action_plan: super::after_course::action_plan_path(&p.slug),
        post_box: super::after_course::has_post_box(p)
            .then(|| super::after_course::post_box_path(&p.slug)),
        deliveries: (!p.deliveries.is_empty()).then(|| format!("{}/index.html#deliveries", p.slug)),
        runsheets: days
            .iter()
            .map(|d| Link {
                title: d.title.clone(),
                href: super::handout::runsheet_path(&p.slug, d.number),
                when: None,
            })
            .collect(),
        signin: days
            .iter()
            .map(|d| Link {
                title: d.title.clone(),
                href: super::room::signin_path(&p.slug, d.number),
                when: None,
            })
            .collect(),
        days: nav_days(days),
        pages: p
            .pages
            .iter()
            .map(|pg| Link {
                title: pg.title.clone(),
                href: pg.out.clone(),
                when: None,
            })
            .collect(),
        page_groups: page_groups(p),
        letters: p
            .letters
            .iter()
            .map(|l| Link {
                title: l.title.clone(),
                href: l.out.clone(),
                when: None,
            })
            .collect(),
        trainer_only: p
            .pages
            .iter()
            .filter(|pg| pg.trainer_only)
            .map(|pg| pg.out.clone())
            .chain(
                p.letters
                    .iter()
                    .filter(|l| l.trainer_only)
                    .map(|l| l.out.clone()),
            )
            .collect(),
    }
}
