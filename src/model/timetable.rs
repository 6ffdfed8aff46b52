//! The timetable: a pure function from days, blocks and sessions to clock times.
//!
//! Each day starts at its own start; blocks follow in order; inside a block sessions run back
//! to back by `order` (those with one first), then by file name. A break is kept only where
//! that day has sessions both before and after it. A break pinned `at` a time starts then:
//! time left before it is free time, and a block that runs into it is an overrun (the break
//! then starts late, so rows never overlap).

use super::{BlockDef, Clock, Day};

/// What the timetable needs to know of a session.
#[derive(Debug, Clone)]
pub struct Slot {
    pub index: usize,
    pub day: u32,
    pub block: String,
    pub order: Option<i64>,
    pub file: String,
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// Index into the programme's sessions.
    Session(usize),
    Break(String),
    Free,
    /// A trainer-only session's time, in a participant build: the clock stays the same.
    Reserved,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub start: Clock,
    pub end: Clock,
    /// Block id for sessions.
    pub block: Option<String>,
    /// A break pinned with `at:`: running late never moves it.
    pub fixed: bool,
}

impl Row {
    pub fn minutes(&self) -> u32 {
        self.end.0 - self.start.0
    }
}

/// A block's sessions, or a break, or free time, in day order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Block { id: String, rows: Vec<Row> },
    Gap(Row),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPlan {
    /// 1-based.
    pub number: u32,
    pub start: Clock,
    pub end: Clock,
    pub segments: Vec<Segment>,
}

impl DayPlan {
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.segments.iter().flat_map(|s| match s {
            Segment::Block { rows, .. } => rows.iter().collect::<Vec<_>>(),
            Segment::Gap(r) => vec![r],
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timetable {
    pub days: Vec<DayPlan>,
}

impl Timetable {
    /// Session indices in timetable order.
    pub fn session_order(&self) -> Vec<usize> {
        self.days
            .iter()
            .flat_map(|d| d.rows())
            .filter_map(|r| match r.kind {
                RowKind::Session(i) => Some(i),
                _ => None,
            })
            .collect()
    }

    /// (day, start, end) of each session, indexed by session index.
    pub fn session_times(&self, n: usize) -> Vec<Option<(u32, Clock, Clock)>> {
        let mut out = vec![None; n];
        for d in &self.days {
            for r in d.rows() {
                if let RowKind::Session(i) = r.kind
                    && i < n
                {
                    out[i] = Some((d.number, r.start, r.end));
                }
            }
        }
        out
    }
}

/// Something about the timetable an author should hear of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// `block` runs `minutes` past the pinned start `at` of `break_title` on `day`.
    Overrun {
        day: u32,
        block: String,
        break_title: String,
        at: Clock,
        minutes: u32,
    },
    /// The day's sessions end `minutes` before its `end`: spare time (a free row).
    Spare { day: u32, end: Clock, minutes: u32 },
    /// The day's sessions run `minutes` past its `end`, finishing at `finish`.
    LateEnd {
        day: u32,
        end: Clock,
        finish: Clock,
        minutes: u32,
    },
}

pub fn compute(blocks: &[BlockDef], days: &[Day], slots: &[Slot]) -> (Timetable, Vec<Issue>) {
    let mut issues = Vec::new();
    let plans = days
        .iter()
        .map(|day| plan_day(blocks, day, slots, &mut issues))
        .collect();
    (Timetable { days: plans }, issues)
}

/// One day: its sessions in order within their blocks, and the breaks that fall between
/// sessions (a break with `at` waits for its time, or is late: an issue).
fn plan_day(blocks: &[BlockDef], day: &Day, slots: &[Slot], issues: &mut Vec<Issue>) -> DayPlan {
    let mut today: Vec<&Slot> = slots.iter().filter(|s| s.day == day.number).collect();
    today.sort_by(|a, b| {
        (a.order.is_none(), a.order, &a.file).cmp(&(b.order.is_none(), b.order, &b.file))
    });
    // Which blocks have sessions today, to know which breaks fall between sessions.
    let has: Vec<bool> = blocks
        .iter()
        .map(|b| match b {
            BlockDef::Block { id, .. } => today.iter().any(|s| &s.block == id),
            BlockDef::Break { .. } => false,
        })
        .collect();
    let mut t = day.start;
    let mut segments = Vec::new();
    let mut last_block: Option<String> = None;
    for (i, b) in blocks.iter().enumerate() {
        match b {
            BlockDef::Block { id, .. } => {
                let rows = block_rows(id, &today, &mut t);
                if !rows.is_empty() {
                    segments.push(Segment::Block {
                        id: id.clone(),
                        rows,
                    });
                    last_block = Some(id.clone());
                }
            }
            BlockDef::Break { title, minutes, at } => {
                let before = has[..i].iter().any(|x| *x);
                let after = has[i + 1..].iter().any(|x| *x);
                if before && after {
                    let brk = (title.as_str(), *minutes, *at);
                    let where_ = (day.number, last_block.as_deref());
                    place_break(brk, where_, &mut t, &mut segments, issues);
                }
            }
        }
    }
    let t = to_the_end(day, &mut segments, t, issues);
    DayPlan {
        number: day.number,
        start: day.start,
        end: t,
        segments,
    }
}

/// A break (title, minutes, pinned time) at `t`, which moves on: a pinned break waits for
/// its time (free time before it) or starts late (an overrun of `last_block` on `day`).
pub(super) fn place_break(
    (title, minutes, at): (&str, u32, Option<Clock>),
    (day, last_block): (u32, Option<&str>),
    t: &mut Clock,
    segments: &mut Vec<Segment>,
    issues: &mut Vec<Issue>,
) {
    let start = match at {
        Some(at) if at > *t => {
            segments.push(Segment::Gap(Row {
                kind: RowKind::Free,
                start: *t,
                end: at,
                block: None,
                fixed: false,
            }));
            at
        }
        Some(at) if at < *t => {
            issues.push(Issue::Overrun {
                day,
                block: last_block.unwrap_or_default().to_string(),
                break_title: title.to_string(),
                at,
                minutes: t.0 - at.0,
            });
            *t
        }
        _ => *t,
    };
    let end = start.plus(minutes);
    segments.push(Segment::Gap(Row {
        kind: RowKind::Break(title.to_string()),
        start,
        end,
        block: None,
        fixed: at.is_some(),
    }));
    *t = end;
}

/// A day that ends (at `t`) before its `end` has spare time: a free row to the end, and
/// an issue; one that runs past it is an issue. A day without sessions has neither.
/// Returns when the day ends.
pub(super) fn to_the_end(
    day: &Day,
    segments: &mut Vec<Segment>,
    t: Clock,
    issues: &mut Vec<Issue>,
) -> Clock {
    match day.end {
        Some(end) if !segments.is_empty() && end > t => {
            issues.push(Issue::Spare {
                day: day.number,
                end,
                minutes: end.0 - t.0,
            });
            segments.push(Segment::Gap(Row {
                kind: RowKind::Free,
                start: t,
                end,
                block: None,
                fixed: false,
            }));
            end
        }
        Some(end) if !segments.is_empty() && end < t => {
            issues.push(Issue::LateEnd {
                day: day.number,
                end,
                finish: t,
                minutes: t.0 - end.0,
            });
            t
        }
        _ => t,
    }
}

/// The rows of block `id`'s sessions, one after another from `t`, which moves on.
pub(super) fn block_rows(id: &str, today: &[&Slot], t: &mut Clock) -> Vec<Row> {
    let mut rows = Vec::new();
    for s in today.iter().filter(|s| s.block == id) {
        let end = t.plus(s.minutes);
        rows.push(Row {
            kind: RowKind::Session(s.index),
            start: *t,
            end,
            block: Some(id.to_string()),
            fixed: false,
        });
        *t = end;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_blocks;
    use proptest::prelude::*;

    fn day(n: u32, start: &str) -> Day {
        Day {
            number: n,
            title: format!("Day {n}"),
            date: None,
            start: Clock::parse(start).unwrap(),
            end: None,
        }
    }
    fn slot(
        index: usize,
        day: u32,
        block: &str,
        file: &str,
        minutes: u32,
        order: Option<i64>,
    ) -> Slot {
        Slot {
            index,
            day,
            block: block.into(),
            order,
            file: file.into(),
            minutes,
        }
    }
    fn rows(t: &Timetable, d: usize) -> Vec<(String, String, String)> {
        t.days[d]
            .rows()
            .map(|r| {
                let k = match &r.kind {
                    RowKind::Session(i) => format!("s{i}"),
                    RowKind::Break(b) => b.clone(),
                    RowKind::Free => "free".into(),
                    RowKind::Reserved => "reserved".into(),
                };
                (k, r.start.to_string(), r.end.to_string())
            })
            .collect()
    }
    fn r(k: &str, a: &str, b: &str) -> (String, String, String) {
        (k.into(), a.into(), b.into())
    }

    #[test]
    fn blocks_in_order_with_breaks_between() {
        let slots = vec![
            slot(0, 1, "before-coffee", "01.md", 30, None),
            slot(1, 1, "after-coffee", "03.md", 30, None),
            slot(2, 1, "before-coffee", "02.md", 30, None),
        ];
        let (t, issues) = compute(&default_blocks(), &[day(1, "09:30")], &slots);
        assert!(issues.is_empty());
        assert_eq!(
            rows(&t, 0),
            vec![
                r("s0", "09:30", "10:00"),
                r("s2", "10:00", "10:30"),
                r("Coffee", "10:30", "10:45"),
                r("s1", "10:45", "11:15")
            ]
        );
        assert_eq!(t.days[0].end.to_string(), "11:15");
    }

    #[test]
    fn trailing_and_leading_breaks_dropped() {
        let slots = vec![slot(0, 1, "after-coffee", "a.md", 60, None)];
        let (t, _) = compute(&default_blocks(), &[day(1, "09:00")], &slots);
        assert_eq!(rows(&t, 0), vec![r("s0", "09:00", "10:00")]);
    }

    #[test]
    fn break_kept_only_when_that_day_has_sessions_on_both_sides() {
        let slots = vec![
            slot(0, 1, "before-coffee", "a.md", 30, None),
            slot(1, 1, "after-tea", "b.md", 30, None),
            slot(2, 2, "before-coffee", "c.md", 30, None),
        ];
        let (t, _) = compute(
            &default_blocks(),
            &[day(1, "09:30"), day(2, "09:00")],
            &slots,
        );
        let d1: Vec<String> = rows(&t, 0).into_iter().map(|x| x.0).collect();
        assert_eq!(d1, vec!["s0", "Coffee", "Lunch", "Tea", "s1"]);
        assert_eq!(rows(&t, 1), vec![r("s2", "09:00", "09:30")]);
    }

    #[test]
    fn order_beats_file_name_and_unordered_come_last() {
        let slots = vec![
            slot(0, 1, "b", "a.md", 10, None),
            slot(1, 1, "b", "z.md", 10, Some(1)),
            slot(2, 1, "b", "m.md", 10, Some(2)),
        ];
        let blocks = vec![BlockDef::Block {
            id: "b".into(),
            title: "B".into(),
        }];
        let (t, _) = compute(&blocks, &[day(1, "10:00")], &slots);
        assert_eq!(t.session_order(), vec![1, 2, 0]);
    }

    #[test]
    fn fixed_break_leaves_free_time_or_reports_overrun() {
        let blocks = vec![
            BlockDef::Block {
                id: "am".into(),
                title: "AM".into(),
            },
            BlockDef::Break {
                title: "Lunch".into(),
                minutes: 45,
                at: Clock::parse("12:30"),
            },
            BlockDef::Block {
                id: "pm".into(),
                title: "PM".into(),
            },
        ];
        let early = vec![
            slot(0, 1, "am", "a.md", 120, None),
            slot(1, 1, "pm", "b.md", 30, None),
        ];
        let (t, issues) = compute(&blocks, &[day(1, "09:30")], &early);
        assert!(issues.is_empty());
        assert_eq!(
            rows(&t, 0),
            vec![
                r("s0", "09:30", "11:30"),
                r("free", "11:30", "12:30"),
                r("Lunch", "12:30", "13:15"),
                r("s1", "13:15", "13:45")
            ]
        );
        let late = vec![
            slot(0, 1, "am", "a.md", 200, None),
            slot(1, 1, "pm", "b.md", 30, None),
        ];
        let (t, issues) = compute(&blocks, &[day(1, "09:30")], &late);
        assert_eq!(
            issues,
            vec![Issue::Overrun {
                day: 1,
                block: "am".into(),
                break_title: "Lunch".into(),
                at: Clock(750),
                minutes: 20
            }]
        );
        assert_eq!(rows(&t, 0)[1], r("Lunch", "12:50", "13:35"));
    }

    #[test]
    fn a_day_that_ends_early_has_spare_time_and_a_late_one_an_issue() {
        let mut d = day(1, "09:30");
        d.end = Clock::parse("16:30");
        let slots = vec![slot(0, 1, "before-coffee", "a.md", 60, None)];
        let (t, issues) = compute(&default_blocks(), &[d.clone(), day(2, "09:30")], &slots);
        assert_eq!(
            rows(&t, 0),
            vec![r("s0", "09:30", "10:30"), r("free", "10:30", "16:30")]
        );
        assert_eq!(t.days[0].end.to_string(), "16:30");
        assert_eq!(
            issues,
            vec![Issue::Spare {
                day: 1,
                end: Clock(990),
                minutes: 360
            }]
        );
        assert!(
            rows(&t, 1).is_empty(),
            "a day without sessions gets no spare row"
        );
        let long = vec![slot(0, 1, "before-coffee", "a.md", 430, None)];
        let (t, issues) = compute(&default_blocks(), &[d], &long);
        assert_eq!(t.days[0].end.to_string(), "16:40");
        assert_eq!(
            issues,
            vec![Issue::LateEnd {
                day: 1,
                end: Clock(990),
                finish: Clock(1000),
                minutes: 10
            }]
        );
    }

    proptest! {
        #[test]
        fn rows_are_contiguous_and_sum_to_the_end(
            durations in prop::collection::vec((1u32..4, 0usize..4, 5u32..120, prop::option::of(0i64..5)), 0..30),
            start in 360u32..720,
        ) {
            let ids = ["before-coffee", "after-coffee", "after-lunch", "after-tea"];
            let slots: Vec<Slot> = durations.iter().enumerate()
                .map(|(i, (d, b, m, o))| slot(i, *d, ids[*b], &format!("{i:03}.md"), *m, *o))
                .collect();
            let days: Vec<Day> = (1..=3).map(|n| Day { number: n, title: String::new(), date: None, start: Clock(start), end: None }).collect();
            let (t, issues) = compute(&default_blocks(), &days, &slots);
            prop_assert!(issues.is_empty());
            prop_assert_eq!(t.session_order().len(), slots.len());
            for d in &t.days {
                let mut at = d.start;
                let mut total = 0;
                for row in d.rows() {
                    prop_assert_eq!(row.start, at, "no gaps, no overlaps");
                    prop_assert!(row.end > row.start);
                    total += row.minutes();
                    at = row.end;
                }
                prop_assert_eq!(d.end, at);
                prop_assert_eq!(d.end.0, d.start.0 + total);
                let first = d.rows().next().map(|r| r.kind.clone());
                let last = d.rows().last().map(|r| r.kind.clone());
                prop_assert!(!matches!(first, Some(RowKind::Break(_))));
                prop_assert!(!matches!(last, Some(RowKind::Break(_))));
            }
        }
    }
}
