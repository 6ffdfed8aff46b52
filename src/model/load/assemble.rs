//! A programme's parts put together: days, blocks, references between sessions and
//! letters, the timetable, `uses` after `produces`.

use std::collections::{HashMap, HashSet};

use super::Pos;
use super::programme::ProgrammeHead;
use super::session::SessionRefs;
use crate::diagnostics::{Diagnostic, closest};
use crate::model::clock::minutes_label;
use crate::model::timetable::{self, Issue, Slot, Timetable};
use crate::model::{BlockDef, Day, Letter, Page, Programme, Session};

/// Links a programme's parts together: days, blocks, references, the timetable.
pub(super) fn assemble(
    head: ProgrammeHead,
    mut sessions: Vec<(Session, SessionRefs)>,
    mut pages: Vec<Page>,
    letters: Vec<Letter>,
    diags: &mut Vec<Diagnostic>,
) -> Programme {
    let mut p = head.p;
    sessions.sort_by(|a, b| a.0.file.cmp(&b.0.file));
    super::page::sort_pages(&mut pages, &p.slug);
    p.letters = letters;
    p.letters.sort_by(|a, b| a.name.cmp(&b.name));
    p.pages = pages;

    // Days: as listed, or one per day the sessions use.
    if !head.days_given {
        let max = sessions.iter().map(|(s, _)| s.day).max().unwrap_or(0);
        p.days = (1..=max)
            .map(|n| Day {
                number: n,
                title: format!("Day {n}"),
                date: None,
                start: p.start,
                end: p.end,
            })
            .collect();
    }
    let mut refs = References::new(&p, head.blocks_pos, &sessions, diags);
    let mut keep: Vec<bool> = sessions.iter().map(|(_, r)| !r.broken).collect();
    for (i, (s, r)) in sessions.iter_mut().enumerate() {
        keep[i] &= refs.place(s, r, diags);
        refs.link(i, s, r, diags);
    }
    let ends = Ends {
        programme: head.end_pos,
        days: head.day_end_pos,
    };
    let tt = schedule(&p, (head.blocks_pos, &ends), &sessions, &keep, diags);
    check_uses(&sessions, &tt.session_order(), diags);
    p.sessions = sessions.into_iter().map(|(s, _)| s).collect();
    p.timetable = tt;
    p
}

/// What checking each session's place and references needs from the whole programme.
struct References<'a> {
    p: &'a Programme,
    block_ids: Vec<String>,
    /// A session's file (inside the programme folder) -> its index, for `same_as`.
    index_of: HashMap<String, usize>,
    /// (day, block, order) -> the session that has it, to warn of a tie.
    orders: HashMap<(u32, String, i64), String>,
}

impl<'a> References<'a> {
    fn new(
        p: &'a Programme,
        blocks_pos: Pos,
        sessions: &[(Session, SessionRefs)],
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        let block_ids: Vec<String> = p
            .blocks
            .iter()
            .filter_map(|b| match b {
                BlockDef::Block { id, .. } => Some(id.clone()),
                _ => None,
            })
            .collect();
        if block_ids.is_empty() {
            diags.push(
                Diagnostic::error(&p.src, "`blocks` lists no block, so no session has a place")
                    .at(blocks_pos.line, blocks_pos.col)
                    .hint("add at least one `{ id: ..., title: ... }`"),
            );
        }
        let index_of = sessions
            .iter()
            .enumerate()
            .map(|(i, (s, _))| (s.file.clone(), i))
            .collect();
        References {
            p,
            block_ids,
            index_of,
            orders: HashMap::new(),
        }
    }

    /// The session's day and block; false when it has no place in the timetable.
    fn place(&self, s: &mut Session, refs: &SessionRefs, diags: &mut Vec<Diagnostic>) -> bool {
        let (p, block_ids) = (self.p, &self.block_ids);
        let mut placed = true;
        if s.day as usize > p.days.len() {
            placed = false;
            diags.push(
                Diagnostic::error(
                    &s.src,
                    format!(
                        "day {} is out of range: the programme has {} day(s)",
                        s.day,
                        p.days.len()
                    ),
                )
                .at(refs.day.line, refs.day.col)
                .hint(format!(
                    "use a day from 1 to {}, or add the day under `days:` in {}",
                    p.days.len(),
                    p.src
                )),
            );
        }
        if !refs.block_given {
            if block_ids.len() == 1 {
                s.block = block_ids[0].clone();
            } else {
                placed = false;
                diags.push(
                    Diagnostic::error(
                        &s.src,
                        "missing required key `block`: the programme has more than one block",
                    )
                    .at(1, 1)
                    .hint(format!(
                        "add `block:` with one of: {}",
                        block_ids.join(", ")
                    )),
                );
            }
        } else if !block_ids.contains(&s.block) {
            placed = false;
            let hint = match closest(&s.block, block_ids.iter().map(String::as_str)) {
                Some(c) => format!("did you mean `{c}`? Blocks: {}", block_ids.join(", ")),
                None => format!("the programme's blocks are: {}", block_ids.join(", ")),
            };
            diags.push(
                Diagnostic::error(&s.src, format!("unknown block `{}`", s.block))
                    .at(refs.block.line, refs.block.col)
                    .hint(hint),
            );
        }
        placed
    }

    /// `order` ties, `same_as` and `letters` resolved to indices.
    fn link(&mut self, i: usize, s: &mut Session, refs: &SessionRefs, diags: &mut Vec<Diagnostic>) {
        if let Some(o) = s.order
            && let Some(other) = self
                .orders
                .insert((s.day, s.block.clone(), o), s.src.clone())
        {
            diags.push(
                Diagnostic::warning(
                    &s.src,
                    format!("`order: {o}` is also used by {other} in the same day and block"),
                )
                .at(refs.order.line, refs.order.col)
                .hint("give each session of a block its own order; ties fall back to file name"),
            );
        }
        if let Some((target, pos)) = &refs.same_as {
            let resolved = resolve_relative(&s.file, target);
            match resolved.as_ref().and_then(|r| self.index_of.get(r)) {
                Some(j) if *j != i => s.same_as = Some(*j),
                _ => diags.push(
                    Diagnostic::error(&s.src, format!("`same_as: {target}` does not name another session of this programme"))
                        .at(pos.line, pos.col)
                        .hint("give the path of the other session's .md file, relative to this one, e.g. ../day-1/05-post-box.md"),
                ),
            }
        }
        for (name, pos) in &refs.letters {
            match self.p.letters.iter().position(|l| &l.name == name) {
                Some(j) => s.letters.push(j),
                None => diags.push(
                    Diagnostic::error(&s.src, format!("unknown letter `{name}`"))
                        .at(pos.line, pos.col)
                        .hint(self.letter_hint(name)),
                ),
            }
        }
    }

    fn letter_hint(&self, name: &str) -> String {
        let names: Vec<&str> = self.p.letters.iter().map(|l| l.name.as_str()).collect();
        match closest(name, names.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None if names.is_empty() => format!(
                "add a letter template at content/{}/letters/{name}.md",
                self.p.slug
            ),
            None => format!("letters of this programme: {}", names.join(", ")),
        }
    }
}

/// Where the programme's `end` and each day's own `end` are written.
struct Ends {
    programme: Pos,
    days: Vec<Option<Pos>>,
}

impl Ends {
    /// Day `n`'s `end`: its own when it has one, else the programme's.
    fn of(&self, n: u32) -> Pos {
        let own = (n as usize).checked_sub(1).and_then(|i| self.days.get(i));
        own.copied().flatten().unwrap_or(self.programme)
    }
}

/// The timetable of the sessions that have a place, with a warning for each block that
/// runs into a fixed break and each day that ends after its `end`, and a note of each
/// day's spare time before its `end`.
fn schedule(
    p: &Programme,
    (blocks_pos, ends): (Pos, &Ends),
    sessions: &[(Session, SessionRefs)],
    keep: &[bool],
    diags: &mut Vec<Diagnostic>,
) -> Timetable {
    let slots: Vec<Slot> = sessions
        .iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(i, (s, _))| Slot {
            index: i,
            day: s.day,
            block: s.block.clone(),
            order: s.order,
            file: s.file.clone(),
            minutes: s.minutes,
        })
        .collect();
    let (tt, issues) = timetable::compute(&p.blocks, &p.days, &slots);
    for issue in issues {
        match issue {
            Issue::Overrun { day, block, break_title, at, minutes } => diags.push(
                Diagnostic::warning(
                    &p.src,
                    format!("on day {day}, block `{block}` runs {minutes} min into {break_title}, which is set for {at}"),
                )
                .at(blocks_pos.line, blocks_pos.col)
                .hint(format!("shorten the block's sessions by {minutes} min, or move {break_title} later")),
            ),
            Issue::Spare { day, end, minutes } => {
                let at = ends.of(day);
                diags.push(
                    Diagnostic::note(
                        &p.src,
                        format!("day {day} has {} spare before its end at {end}: the timetable shows it as free time", minutes_label(minutes)),
                    )
                    .at(at.line, at.col)
                    .hint("add sessions, or set an earlier `end` for the day (`end:` under `days:`)"),
                );
            }
            Issue::LateEnd { day, end, finish, minutes } => {
                let at = ends.of(day);
                diags.push(
                    Diagnostic::warning(
                        &p.src,
                        format!("day {day} runs {minutes} min past its end at {end}: its last session finishes at {finish}"),
                    )
                    .at(at.line, at.col)
                    .hint(format!("shorten day {day}'s sessions by {minutes} min, start earlier, or move `end`")),
                );
            }
        }
    }
    tt
}

/// `uses` must be picked up from an earlier session's `produces`.
fn check_uses(sessions: &[(Session, SessionRefs)], order: &[usize], diags: &mut Vec<Diagnostic>) {
    let mut produced: HashSet<&str> = HashSet::new();
    for &i in order {
        let (s, refs) = &sessions[i];
        for (u, pos) in &refs.uses {
            if produced.contains(u.as_str()) {
                continue;
            }
            let later = order
                .iter()
                .map(|&j| &sessions[j].0)
                .find(|o| o.produces.contains(u));
            // A producer left out of the timetable has an error of its own already.
            if later.is_none() && sessions.iter().any(|(o, _)| o.produces.contains(u)) {
                continue;
            }
            let d = match later {
                Some(o) => Diagnostic::warning(
                    &s.src,
                    format!("uses `{u}`, but it is produced only later, by {}", o.src),
                )
                .hint("move this session after that one, or the producing session earlier"),
                None => {
                    let all = sessions.iter().flat_map(|(o, _)| o.produces.iter());
                    let hint = match closest(u, all.map(String::as_str)) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!("add `produces: [{u}]` to the session that makes it"),
                    };
                    Diagnostic::warning(
                        &s.src,
                        format!("uses `{u}`, but no session of this programme produces it"),
                    )
                    .hint(hint)
                }
            };
            diags.push(d.at(pos.line, pos.col));
        }
        produced.extend(s.produces.iter().map(String::as_str));
    }
}

/// `target` relative to the folder of `file` (both inside the programme folder); None if it
/// climbs out of the programme.
pub fn resolve_relative(file: &str, target: &str) -> Option<String> {
    let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
    crate::model::links::join(dir, target)
}
