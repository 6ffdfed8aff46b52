//! A programme's deliveries put together: each day's plan of the programme's blocks
//! resolved and checked, its days' times, its timetable (`model::plan`); then, across the
//! site, trainers booked on two deliveries the same day.

use std::collections::{HashMap, HashSet};

use super::Pos;
use super::delivery::DeliveryHead;
use crate::diagnostics::{Diagnostic, closest};
use crate::model::plan::{PlanDay, compute_plan, default_parts};
use crate::model::timetable::{Issue, RowKind, Slot};
use crate::model::{BlockDef, Day, Delivery, Programme};

/// A trainer on a date, and where the delivery says so: for the double-booking check.
pub(super) struct Booking {
    name: String,
    shown: String,
    date: jiff::civil::Date,
    src: String,
    pos: Pos,
}

/// Every delivery of `p` resolved against its blocks and sessions, in date order; returns
/// who is booked when.
pub(super) fn attach(
    p: &mut Programme,
    heads: Vec<DeliveryHead>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Booking> {
    if heads.is_empty() {
        return Vec::new();
    }
    let slots = placed_slots(p);
    let have: HashSet<(u32, &str)> = slots.iter().map(|s| (s.day, s.block.as_str())).collect();
    let mut bookings = Vec::new();
    let mut out = Vec::new();
    for h in heads {
        let d = resolve(p, h, (&slots, &have), diags, &mut bookings);
        out.push(d);
    }
    out.sort_by(|a, b| {
        (a.dates().first().copied(), &a.id).cmp(&(b.dates().first().copied(), &b.id))
    });
    p.deliveries = out;
    bookings
}

/// The programme's sessions that have a place in its own timetable, as the plan needs them.
fn placed_slots(p: &Programme) -> Vec<Slot> {
    let mut slots = Vec::new();
    for d in &p.timetable.days {
        for r in d.rows() {
            if let RowKind::Session(i) = r.kind
                && let Some(s) = p.sessions.get(i)
            {
                slots.push(Slot {
                    index: i,
                    day: s.day,
                    block: s.block.clone(),
                    order: s.order,
                    file: s.file.clone(),
                    minutes: s.minutes,
                });
            }
        }
    }
    slots
}

type Have<'a> = HashSet<(u32, &'a str)>;

/// Long by design: one pass over the delivery's days, each check at its line as it comes.
fn resolve(
    p: &Programme,
    h: DeliveryHead,
    (slots, have): (&[Slot], &Have),
    diags: &mut Vec<Diagnostic>,
    bookings: &mut Vec<Booking>,
) -> Delivery {
    let mut d = h.d;
    d.locale = p.locale;
    let src = d.src.clone();
    let block_ids: Vec<&str> = p
        .blocks
        .iter()
        .filter_map(|b| match b {
            BlockDef::Block { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let mut names: Vec<String> = have.iter().map(|(d, b)| format!("{d}:{b}")).collect();
    names.sort();
    let mut placed: HashMap<(u32, String), usize> = HashMap::new();
    let mut last_date: Option<(jiff::civil::Date, usize)> = None;
    for (i, day) in h.days.iter().enumerate() {
        let n = i as u32 + 1;
        let pday = p.days.iter().find(|x| x.number == n);
        if let Some(date) = day.date {
            if let Some((prev, k)) = last_date
                && date <= prev
            {
                diags.push(
                    Diagnostic::error(
                        &src,
                        format!("day {n}'s date {date} is not after day {k}'s, {prev}"),
                    )
                    .at(day.pos.line, day.pos.col)
                    .hint("list a delivery's days in date order, one date each"),
                );
            }
            last_date = Some((date, n as usize));
        }
        let parts = match &day.blocks {
            None => default_parts(&p.blocks, slots, n),
            Some(list) => {
                let mut parts = Vec::new();
                for (entry, pos) in list {
                    match split_part(entry, p.days.len() as u32, &block_ids) {
                        Some(part) => {
                            if let Some(first) = placed.insert(part.clone(), n as usize) {
                                diags.push(
                                    Diagnostic::error(&src, format!("block `{entry}` is placed twice: already on day {first}"))
                                        .at(pos.line, pos.col)
                                        .hint("each of the programme's blocks runs once in a delivery: remove one"),
                                );
                            }
                            parts.push(part);
                        }
                        None => {
                            let hint = match closest(entry, names.iter().map(String::as_str)) {
                                Some(c) => format!(
                                    "did you mean `{c}`? Write \"<day>:<block>\", one of: {}",
                                    names.join(", ")
                                ),
                                None => {
                                    format!("write \"<day>:<block>\", one of: {}", names.join(", "))
                                }
                            };
                            diags.push(
                                Diagnostic::error(&src, format!("unknown block `{entry}`: not a day and block of the programme"))
                                    .at(pos.line, pos.col)
                                    .hint(hint),
                            );
                        }
                    }
                }
                parts
            }
        };
        if day.blocks.is_none() {
            for part in &parts {
                placed.entry(part.clone()).or_insert(n as usize);
            }
        }
        if !parts
            .iter()
            .any(|(pd, b)| have.contains(&(*pd, b.as_str())))
        {
            diags.push(
                Diagnostic::warning(&src, format!("delivery day {n} has no sessions"))
                    .at(day.pos.line, day.pos.col)
                    .hint("list the programme blocks it runs, e.g. blocks: [\"1:before-coffee\"], or remove the day"),
            );
        }
        d.days.push(Day {
            number: n,
            title: format!("Day {n}"),
            date: day.date,
            start: day.start.or(pday.map(|x| x.start)).unwrap_or(p.start),
            // A day of its own blocks is not the programme's day: no end but its own.
            end: match (&day.end, &day.blocks) {
                (Some((c, _)), _) => Some(*c),
                (None, Some(_)) => None,
                (None, None) => pday.and_then(|x| x.end).or(p.end),
            },
        });
        d.plan.push(parts);
    }
    let mut missing: Vec<&String> = names
        .iter()
        .filter(|s| {
            let (a, b) = s.split_once(':').unwrap_or_default();
            !placed.contains_key(&(a.parse().unwrap_or(0), b.to_string()))
        })
        .collect();
    missing.sort();
    if !missing.is_empty() && !h.days.is_empty() {
        let list: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        diags.push(
            Diagnostic::error(&src, format!("the plan never places block(s) {}", list.join(", ")))
                .at(h.days_pos.line, h.days_pos.col)
                .hint("add each to a day's `blocks:` list, or add a day; every block with sessions runs once"),
        );
    }
    if !h.title_given {
        d.title = [d.dates_label(), d.venue.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        if d.title.is_empty() {
            d.title = d.id.clone();
        }
    }
    if !h.timezone_given {
        d.timezone = p.timezone.clone();
    }
    let plan: Vec<PlanDay> = d
        .days
        .iter()
        .zip(&d.plan)
        .map(|(day, parts)| PlanDay { day, parts })
        .collect();
    let (tt, issues) = compute_plan(&p.blocks, &plan, slots);
    for issue in issues {
        let day_of = |n: u32| h.days.get(n as usize - 1);
        match issue {
            Issue::LateEnd {
                day,
                end,
                finish,
                minutes,
            } => {
                let at = day_of(day)
                    .map(|x| x.end.map_or(x.pos, |(_, p)| p))
                    .unwrap_or(h.days_pos);
                diags.push(
                    Diagnostic::warning(&src, format!("delivery day {day} runs {minutes} min past its end at {end}: its last session finishes at {finish}"))
                        .at(at.line, at.col)
                        .hint(format!("start day {day} {minutes} min earlier, move a block to another day, or set a later `end`")),
                );
            }
            Issue::Overrun {
                day,
                block,
                break_title,
                at,
                minutes,
            } => {
                let pos = day_of(day).map_or(h.days_pos, |x| x.pos);
                diags.push(
                    Diagnostic::warning(&src, format!("on delivery day {day}, block `{block}` runs {minutes} min into {break_title}, which is set for {at}"))
                        .at(pos.line, pos.col)
                        .hint("start the day earlier, or run fewer blocks before the break"),
                );
            }
            Issue::Spare { .. } => {}
        }
    }
    d.timetable = tt;
    book_trainers(&d, &h.trainer_pos, diags, bookings);
    d
}

/// Each trainer's days and blocks checked against the delivery, and the dates they work
/// booked: the days they lead, the days of the blocks they lead, or every day.
fn book_trainers(
    d: &Delivery,
    positions: &[Pos],
    diags: &mut Vec<Diagnostic>,
    bookings: &mut Vec<Booking>,
) {
    let n_days = d.days.len() as u32;
    for (t, pos) in d.trainers.iter().zip(positions) {
        let mut days: Vec<u32> = Vec::new();
        for &n in &t.days {
            if n > n_days {
                diags.push(
                    Diagnostic::error(
                        &d.src,
                        format!(
                            "{} leads day {n}, but the delivery has {n_days} day(s)",
                            t.name
                        ),
                    )
                    .at(pos.line, pos.col)
                    .hint(format!("use a day from 1 to {n_days}")),
                );
            } else {
                days.push(n);
            }
        }
        for b in &t.blocks {
            let found = d.plan.iter().position(|parts| {
                parts
                    .iter()
                    .any(|(pd, id)| b.trim() == format!("{pd}:{id}"))
            });
            match found {
                Some(i) => days.push(i as u32 + 1),
                None => {
                    let all: Vec<String> = d
                        .plan
                        .iter()
                        .flatten()
                        .map(|(pd, id)| format!("{pd}:{id}"))
                        .collect();
                    let hint = match closest(b, all.iter().map(String::as_str)) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => "list blocks the delivery runs, as \"<day>:<block>\"".to_string(),
                    };
                    diags.push(
                        Diagnostic::error(
                            &d.src,
                            format!(
                                "{} leads block `{b}`, which this delivery does not run",
                                t.name
                            ),
                        )
                        .at(pos.line, pos.col)
                        .hint(hint),
                    );
                }
            }
        }
        if t.days.is_empty() && t.blocks.is_empty() {
            days = (1..=n_days).collect();
        }
        days.sort_unstable();
        days.dedup();
        for n in days {
            if let Some(date) = d.days.get(n as usize - 1).and_then(|x| x.date) {
                bookings.push(Booking {
                    name: t.name.trim().to_lowercase(),
                    shown: t.name.clone(),
                    date,
                    src: d.src.clone(),
                    pos: *pos,
                });
            }
        }
    }
}

/// `"2:after-lunch"` as (2, "after-lunch"), when the day and block exist.
fn split_part(entry: &str, days: u32, blocks: &[&str]) -> Option<(u32, String)> {
    let (day, block) = entry.trim().split_once(':')?;
    let day: u32 = day.trim().parse().ok()?;
    let block = block.trim();
    (day >= 1 && day <= days && blocks.contains(&block)).then(|| (day, block.to_string()))
}

/// A trainer on two deliveries the same day (of any programmes): a warning at the second.
pub(super) fn check_trainers(bookings: Vec<Booking>, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(String, jiff::civil::Date), String> = HashMap::new();
    for b in bookings {
        match seen.get(&(b.name.clone(), b.date)) {
            Some(first) if *first != b.src => diags.push(
                Diagnostic::warning(
                    &b.src,
                    format!("{} is booked on {} by {first} too", b.shown, b.date),
                )
                .at(b.pos.line, b.pos.col)
                .hint(
                    "check the trainers of both deliveries: one person cannot run two the same day",
                ),
            ),
            Some(_) => {}
            None => {
                seen.insert((b.name, b.date), b.src);
            }
        }
    }
}
