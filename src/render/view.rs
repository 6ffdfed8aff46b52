//! What templates see: plain serialisable views built from the model in one pass per
//! programme. Templates never compute times; every clock time here is already a string.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::timetable::{Row as TimetableRow, RowKind, Segment};
use crate::model::{Inline, Programme, Prompt};

pub use super::lists::{
    MaterialDay, ProgrammeCard, PromptDay, ThemeView, material_days, programme_card,
    programme_cards, prompt_days, theme_views,
};
pub use super::session_view::{SessionView, Thread, Threads, session_view};

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

/// Front-matter texts as HTML for templates: made by us from escaped text (see
/// `content::markdown::inline`), so templates show them with `| safe`.
pub fn htmls(v: &[Inline]) -> Vec<String> {
    v.iter().map(|x| x.html.clone()).collect()
}

/// A prompt for templates: its text and note as HTML (see [`htmls`]).
#[derive(Serialize)]
pub struct PromptView {
    pub text: String,
    pub note: Option<String>,
}

/// Prompts for templates, their trainer notes only when `notes`.
pub fn prompt_views(v: &[Prompt], notes: bool) -> Vec<PromptView> {
    v.iter()
        .map(|p| PromptView {
            text: p.text.html.clone(),
            note: if notes {
                p.note.as_ref().map(|n| n.html.clone())
            } else {
                None
            },
        })
        .collect()
}

/// A page needs its own contents past this many headings (h2 and h3).
const TOC_MIN: usize = 4;

/// "On this page": a body's h2 and h3 headings (those this edition shows), when it has
/// more than three; otherwise none.
pub fn toc(md: &crate::content::markdown::Markdown) -> Vec<crate::content::markdown::Heading> {
    let h: Vec<_> = md
        .headings
        .iter()
        .filter(|h| h.level == 2 || h.level == 3)
        .cloned()
        .collect();
    if h.len() >= TOC_MIN { h } else { Vec::new() }
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

/// What a timetable row holds; templates test it as a word (`r.kind == "break"`).
#[derive(Serialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum RowType {
    Session,
    Break,
    Free,
    /// A trainer-only session's time, in the participant edition and the handout.
    Reserved,
}

/// What a part of a day is: a block of sessions, or a gap between blocks.
#[derive(Serialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum SegmentType {
    Block,
    Break,
    Free,
}

#[derive(Serialize, Clone)]
pub struct RowView {
    pub kind: RowType,
    pub start: String,
    pub end: String,
    /// `HH:MM`, for `datetime` attributes and `now.js` (`start`/`end` are for people).
    pub start_iso: String,
    pub end_iso: String,
    pub minutes: u32,
    pub duration: String,
    pub title: String,
    pub href: Option<String>,
    pub format: Option<String>,
    pub summary: Option<String>,
    pub block: Option<String>,
    /// A break pinned with `at:` (`data-fixed`): running late stops there.
    pub fixed: bool,
    /// The row's id on a delivery's page (`delivery_room::row_anchor`), which session
    /// pages link to.
    pub anchor: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct SegmentView {
    pub kind: SegmentType,
    pub title: String,
    pub rows: Vec<RowView>,
}

#[derive(Serialize, Clone)]
pub struct DayView {
    pub number: u32,
    pub title: String,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub start: String,
    pub end: String,
    pub start_iso: String,
    pub end_iso: String,
    pub sessions: usize,
    pub minutes: String,
    pub segments: Vec<SegmentView>,
}

/// A block's or break's title: coursebook's default names (when the programme keeps the
/// default blocks, so they are not the author's words) in the site's language.
pub fn default_title(p: &Programme, title: &str, tr: &crate::i18n::Strings) -> String {
    static DEFAULTS: std::sync::LazyLock<Vec<crate::model::BlockDef>> =
        std::sync::LazyLock::new(crate::model::default_blocks);
    let id = match title {
        "Before coffee" => "block_before_coffee",
        "After coffee" => "block_after_coffee",
        "After lunch" => "block_after_lunch",
        "After tea" => "block_after_tea",
        "Coffee" => "break_coffee",
        "Lunch" => "break_lunch",
        "Tea" => "break_tea",
        _ => return title.to_string(),
    };
    if p.blocks == *DEFAULTS {
        tr.get(id, &[])
    } else {
        title.to_string()
    }
}

/// A session's `format`: coursebook's own keywords in the site's language (`format_pairs`,
/// ...), any other text as the author wrote it.
pub fn format_label(f: &str, tr: &crate::i18n::Strings) -> String {
    match f {
        "pairs" | "small-groups" | "large-group" | "plenary" | "individual" | "presentation" => {
            tr.get(&format!("format_{}", f.replace('-', "_")), &[])
        }
        other => other.to_string(),
    }
}

/// "post-box" -> "Post box".
pub fn label(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Everything per programme that several pages share, computed once.
pub struct ProgrammeViews {
    /// The interface strings of the programme's language.
    pub tr: std::sync::Arc<crate::i18n::Strings>,
    pub nav: Nav,
    pub days: Vec<DayView>,
    /// Per session: (day number, start, end), from the timetable.
    /// Each session's day, start and end for people, and start and end as `HH:MM`.
    pub times: Vec<Option<SessionTime>>,
    /// Session indices in timetable order.
    pub order: Vec<usize>,
    pub themes: Vec<(String, Vec<usize>)>,
    /// Per session: when it runs in each delivery (`delivery_room::session_runs`).
    pub runs: Vec<Vec<super::delivery_room::SessionRun>>,
}

/// A session's day, start and end for people, and start and end as `HH:MM`.
pub type SessionTime = (u32, String, String, String, String);

impl ProgrammeViews {
    pub fn new(p: &Programme, tr: &std::sync::Arc<crate::i18n::Strings>) -> Self {
        let times_raw = p.timetable.session_times(p.sessions.len());
        let times: Vec<Option<SessionTime>> = times_raw
            .iter()
            .map(|t| {
                t.map(|(d, a, b)| {
                    let (sa, sb) = (p.locale.time(a), p.locale.time(b));
                    (d, sa, sb, a.to_string(), b.to_string())
                })
            })
            .collect();
        let order = p.timetable.session_order();
        let days = day_views(p, tr);
        let mut themes: Vec<(String, Vec<usize>)> = Vec::new();
        let mut theme_idx: HashMap<&str, usize> = HashMap::new();
        for &i in &order {
            for t in &p.sessions[i].themes {
                let k = *theme_idx.entry(t.as_str()).or_insert_with(|| {
                    themes.push((t.clone(), Vec::new()));
                    themes.len() - 1
                });
                themes[k].1.push(i);
            }
        }
        let nav = nav(p, &days, !themes.is_empty());
        ProgrammeViews {
            tr: tr.clone(),
            nav,
            days,
            times,
            order,
            themes,
            runs: super::delivery_room::session_runs(p, tr),
        }
    }

    pub fn when(&self, i: usize) -> Option<String> {
        self.times
            .get(i)
            .cloned()
            .flatten()
            .map(|(d, a, ..)| format!("{}, {a}", self.tr.count("day_n", u64::from(d), &[])))
    }

    pub fn link(&self, p: &Programme, i: usize) -> Link {
        let s = &p.sessions[i];
        Link {
            title: s.title.clone(),
            href: s.out.clone(),
            when: self.when(i),
        }
    }
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
fn nav(p: &Programme, days: &[DayView], has_themes: bool) -> Nav {
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

/// A row of a block as the timetable shows it; `None` for what a block does not list.
fn block_row(
    p: &Programme,
    block: &str,
    r: &TimetableRow,
    tr: &crate::i18n::Strings,
) -> Option<RowView> {
    let (kind, title, href, format, summary) = match r.kind {
        RowKind::Session(i) => {
            let s = &p.sessions[i];
            (
                RowType::Session,
                s.title.clone(),
                Some(s.out.clone()),
                s.format.as_deref().map(|f| format_label(f, tr)),
                s.summary.as_ref().map(|x| x.html.clone()),
            )
        }
        // A trainer-only session's time, in a participant build.
        RowKind::Reserved => (
            RowType::Reserved,
            crate::model::load::RESERVED_TITLE.to_string(),
            None,
            None,
            None,
        ),
        _ => return None,
    };
    Some(RowView {
        kind,
        start: p.locale.time(r.start),
        end: p.locale.time(r.end),
        start_iso: r.start.to_string(),
        end_iso: r.end.to_string(),
        minutes: r.minutes(),
        duration: p.locale.duration(r.minutes()),
        title,
        href,
        format,
        summary,
        block: Some(default_title(p, &p.block_title(block), tr)),
        fixed: r.fixed,
        anchor: None,
    })
}

/// A break or free time between blocks: a segment of one row.
fn gap_segment(p: &Programme, r: &TimetableRow, tr: &crate::i18n::Strings) -> SegmentView {
    let (kind, row_kind, title) = match &r.kind {
        RowKind::Break(t) => (SegmentType::Break, RowType::Break, default_title(p, t, tr)),
        _ => (SegmentType::Free, RowType::Free, tr.get("free_time", &[])),
    };
    SegmentView {
        kind,
        title: title.clone(),
        rows: vec![RowView {
            kind: row_kind,
            start: p.locale.time(r.start),
            end: p.locale.time(r.end),
            start_iso: r.start.to_string(),
            end_iso: r.end.to_string(),
            minutes: r.minutes(),
            duration: p.locale.duration(r.minutes()),
            title,
            href: None,
            format: None,
            summary: None,
            block: None,
            fixed: r.fixed,
            anchor: None,
        }],
    }
}

fn day_views(p: &Programme, tr: &crate::i18n::Strings) -> Vec<DayView> {
    day_views_of(p, &p.timetable, &p.days, tr)
}

/// The day views of a timetable of `p`'s sessions over `days`: the programme's own, or a
/// delivery's.
pub fn day_views_of(
    p: &Programme,
    tt: &crate::model::timetable::Timetable,
    days: &[crate::model::Day],
    tr: &crate::i18n::Strings,
) -> Vec<DayView> {
    tt.days
        .iter()
        .map(|d| {
            let day = days.iter().find(|x| x.number == d.number);
            let mut count = 0;
            let mut mins = 0;
            let segments = d
                .segments
                .iter()
                .map(|seg| match seg {
                    Segment::Block { id, rows } => SegmentView {
                        kind: SegmentType::Block,
                        title: default_title(p, &p.block_title(id), tr),
                        rows: rows
                            .iter()
                            .filter_map(|r| block_row(p, id, r, tr))
                            .inspect(|row| {
                                if row.kind == RowType::Session {
                                    count += 1;
                                    mins += row.minutes;
                                }
                            })
                            .collect(),
                    },
                    Segment::Gap(r) => gap_segment(p, r, tr),
                })
                .collect();
            DayView {
                number: d.number,
                title: super::handout::day_title(day, d.number, tr),
                date: day.and_then(|x| x.date).map(|x| p.locale.date_long(x)),
                date_iso: day.and_then(|x| x.date).map(|x| x.to_string()),
                start: p.locale.time(d.start),
                end: p.locale.time(d.end),
                start_iso: d.start.to_string(),
                end_iso: d.end.to_string(),
                sessions: count,
                minutes: p.locale.duration(mins),
                segments,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{RowType, SegmentType};

    /// Templates test kinds as words (`r.kind == "session"`): the enums must read the same
    /// in the template values and in the JSON the memo hashes.
    #[test]
    fn row_and_segment_kinds_are_the_words_templates_test() {
        let rows = [
            (RowType::Session, "session"),
            (RowType::Break, "break"),
            (RowType::Free, "free"),
            (RowType::Reserved, "reserved"),
        ];
        for (kind, word) in rows {
            assert_eq!(serde_json::to_value(kind).unwrap(), word);
            let v = tera::Value::try_from_serializable(&kind).unwrap();
            assert_eq!(v.as_str(), Some(word));
        }
        let segments = [
            (SegmentType::Block, "block"),
            (SegmentType::Break, "break"),
            (SegmentType::Free, "free"),
        ];
        for (kind, word) in segments {
            assert_eq!(serde_json::to_value(kind).unwrap(), word);
            let v = tera::Value::try_from_serializable(&kind).unwrap();
            assert_eq!(v.as_str(), Some(word));
        }
    }
}
