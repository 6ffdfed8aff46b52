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
pub use super::nav_view::{Link, Nav, NavBlock, NavDay, NavSession, PageGroup, nav_days};
pub use super::session_view::{SessionView, Thread, Threads, session_view};

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
        let nav = super::nav_view::nav(p, &days, !themes.is_empty());
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
