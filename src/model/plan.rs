//! A delivery's timetable: the programme's blocks placed on the delivery's own days, a pure
//! function like [`timetable::compute`]. Each delivery day runs a list of the programme's
//! (day, block) pairs in order from its own start; a programme break falls between two
//! parts only when they are consecutive blocks of the same programme day (blocks between
//! them without sessions that day are passed over, as the programme's own timetable does).
//! With each delivery day N running programme day N's blocks, the result is the
//! programme's own timetable moved to the delivery's start and end times.

use std::collections::HashMap;

use super::timetable::{
    DayPlan, Issue, Segment, Slot, Timetable, block_rows, place_break, to_the_end,
};
use super::{BlockDef, Day};

/// One delivery day: its number, start and end (as a [`Day`]), and the programme's
/// (day, block) pairs it runs.
#[derive(Debug, Clone)]
pub struct PlanDay<'a> {
    pub day: &'a Day,
    pub parts: &'a [(u32, String)],
}

/// The programme day `day`'s blocks that have sessions, in order: the default plan of a
/// delivery day that does not list its blocks.
pub fn default_parts(blocks: &[BlockDef], slots: &[Slot], day: u32) -> Vec<(u32, String)> {
    let used: std::collections::HashSet<&str> = slots
        .iter()
        .filter(|s| s.day == day)
        .map(|s| s.block.as_str())
        .collect();
    blocks
        .iter()
        .filter_map(|b| match b {
            BlockDef::Block { id, .. } if used.contains(id.as_str()) => Some((day, id.clone())),
            _ => None,
        })
        .collect()
}

/// Clock times for every delivery day of `days`, from the programme's blocks and slots.
pub fn compute_plan(
    blocks: &[BlockDef],
    days: &[PlanDay],
    slots: &[Slot],
) -> (Timetable, Vec<Issue>) {
    // Each (programme day, block)'s sessions in running order, grouped once.
    let mut sorted: Vec<&Slot> = slots.iter().collect();
    sorted.sort_by(|a, b| {
        (a.order.is_none(), a.order, &a.file).cmp(&(b.order.is_none(), b.order, &b.file))
    });
    let mut groups: HashMap<(u32, &str), Vec<&Slot>> = HashMap::new();
    for s in sorted {
        groups.entry((s.day, s.block.as_str())).or_default().push(s);
    }
    let index: HashMap<&str, usize> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            BlockDef::Block { id, .. } => Some((id.as_str(), i)),
            _ => None,
        })
        .collect();
    let mut issues = Vec::new();
    let plans = days
        .iter()
        .map(|d| plan_day(blocks, (&groups, &index), d, &mut issues))
        .collect();
    (Timetable { days: plans }, issues)
}

type Groups<'s> = HashMap<(u32, &'s str), Vec<&'s Slot>>;

fn plan_day(
    blocks: &[BlockDef],
    (groups, index): (&Groups, &HashMap<&str, usize>),
    d: &PlanDay,
    issues: &mut Vec<Issue>,
) -> DayPlan {
    let mut t = d.day.start;
    let mut segments = Vec::new();
    // The last part that had sessions: (programme day, block index, block id).
    let mut prev: Option<(u32, usize, &str)> = None;
    for (pday, id) in d.parts {
        let Some(&bi) = index.get(id.as_str()) else {
            continue;
        };
        let empty = Vec::new();
        let today = groups.get(&(*pday, id.as_str())).unwrap_or(&empty);
        if today.is_empty() {
            continue;
        }
        if let Some((p0, b0, last)) = prev
            && p0 == *pday
            && b0 < bi
            && !blocks[b0 + 1..bi].iter().any(|b| {
                matches!(b, BlockDef::Block { id, .. } if groups.contains_key(&(*pday, id.as_str())))
            })
        {
            for b in &blocks[b0 + 1..bi] {
                if let BlockDef::Break { title, minutes, at } = b {
                    let brk = (title.as_str(), *minutes, *at);
                    place_break(brk, (d.day.number, Some(last)), &mut t, &mut segments, issues);
                }
            }
        }
        let rows = block_rows(id, today, &mut t);
        segments.push(Segment::Block {
            id: id.clone(),
            rows,
        });
        prev = Some((*pday, bi, id.as_str()));
    }
    let end = to_the_end(d.day, &mut segments, t, issues);
    DayPlan {
        number: d.day.number,
        start: d.day.start,
        end,
        segments,
    }
}

/// The programme's own timetable, for comparison in tests: each day its own parts.
#[cfg(test)]
fn same_as_programme(blocks: &[BlockDef], days: &[Day], slots: &[Slot]) -> bool {
    let parts: Vec<Vec<(u32, String)>> = days
        .iter()
        .map(|d| default_parts(blocks, slots, d.number))
        .collect();
    let plan: Vec<PlanDay> = days
        .iter()
        .zip(&parts)
        .map(|(day, parts)| PlanDay { day, parts })
        .collect();
    compute_plan(blocks, &plan, slots) == super::timetable::compute(blocks, days, slots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::timetable::RowKind;
    use crate::model::{Clock, default_blocks};
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
    fn slot(index: usize, day: u32, block: &str, minutes: u32) -> Slot {
        Slot {
            index,
            day,
            block: block.into(),
            order: None,
            file: format!("{index:03}.md"),
            minutes,
        }
    }
    fn kinds(t: &Timetable, d: usize) -> Vec<String> {
        t.days[d]
            .rows()
            .map(|r| {
                let k = match &r.kind {
                    RowKind::Session(i) => format!("s{i}"),
                    RowKind::Break(b) => b.clone(),
                    RowKind::Free => "free".into(),
                    RowKind::Reserved => "reserved".into(),
                };
                format!("{k} {}-{}", r.start, r.end)
            })
            .collect()
    }
    fn parts(v: &[(u32, &str)]) -> Vec<(u32, String)> {
        v.iter().map(|(d, b)| (*d, b.to_string())).collect()
    }

    #[test]
    fn two_days_as_four_half_days_keep_only_breaks_between_consecutive_blocks() {
        let slots = vec![
            slot(0, 1, "before-coffee", 60),
            slot(1, 1, "after-coffee", 60),
            slot(2, 1, "after-lunch", 60),
            slot(3, 1, "after-tea", 30),
        ];
        let (d1, d2) = (day(1, "09:00"), day(2, "13:30"));
        let (p1, p2) = (
            parts(&[(1, "before-coffee"), (1, "after-coffee")]),
            parts(&[(1, "after-lunch"), (1, "after-tea")]),
        );
        let plan = [
            PlanDay {
                day: &d1,
                parts: &p1,
            },
            PlanDay {
                day: &d2,
                parts: &p2,
            },
        ];
        let (t, issues) = compute_plan(&default_blocks(), &plan, &slots);
        assert!(issues.is_empty());
        assert_eq!(
            kinds(&t, 0),
            ["s0 09:00-10:00", "Coffee 10:00-10:15", "s1 10:15-11:15"]
        );
        assert_eq!(
            kinds(&t, 1),
            ["s2 13:30-14:30", "Tea 14:30-14:45", "s3 14:45-15:15"],
            "no Lunch: its blocks are on different delivery days"
        );
    }

    #[test]
    fn blocks_out_of_programme_order_have_no_break_between() {
        let slots = vec![
            slot(0, 1, "before-coffee", 30),
            slot(1, 1, "after-coffee", 30),
        ];
        let d = day(1, "10:00");
        let p = parts(&[(1, "after-coffee"), (1, "before-coffee")]);
        let (t, _) = compute_plan(&default_blocks(), &[PlanDay { day: &d, parts: &p }], &slots);
        assert_eq!(kinds(&t, 0), ["s1 10:00-10:30", "s0 10:30-11:00"]);
    }

    proptest! {
        #[test]
        fn the_default_plan_is_the_programmes_own_timetable(
            durations in prop::collection::vec((1u32..4, 0usize..4, 5u32..120), 0..30),
            start in 360u32..720,
        ) {
            let ids = ["before-coffee", "after-coffee", "after-lunch", "after-tea"];
            let slots: Vec<Slot> = durations.iter().enumerate()
                .map(|(i, (d, b, m))| slot(i, *d, ids[*b], *m))
                .collect();
            let days: Vec<Day> = (1..=3).map(|n| Day { number: n, title: String::new(), date: None, start: Clock(start), end: Some(Clock(1000)) }).collect();
            prop_assert!(same_as_programme(&default_blocks(), &days, &slots));
        }
    }
}
