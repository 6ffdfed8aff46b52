//! A programme's `index.md`: title and description, who may see it, start and end, its
//! blocks and breaks, its days.

use std::collections::HashSet;

use super::Pos;
use super::file::Source;
use super::values::{parse_clock, parse_minutes, title_from_file};
use crate::content::SourceFile;
use crate::content::markdown::{self, inline};
use crate::content::yaml::{Fields, Node};
use crate::diagnostics::Diagnostic;
use crate::model::{BlockDef, Clock, Day, Programme, default_blocks};

const PROGRAMME_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "authors",
    "summary",
    "audience",
    "for",
    "session-bodies",
    "prerequisites",
    "bring",
    "venue",
    "participants",
    "action_plan",
    "timezone",
    "start",
    "blocks",
    "end",
    "days",
    "evaluation",
    "language",
];

const DAY_KEYS: &[&str] = &["title", "date", "start", "end"];

/// A programme as its `index.md` gives it, and where to point the checks made when its
/// sessions join it.
#[derive(Clone)]
pub(super) struct ProgrammeHead {
    pub(super) p: Programme,
    pub(super) days_given: bool,
    pub(super) end_pos: Pos,
    /// Where each listed day's own `end` is, if it has one.
    pub(super) day_end_pos: Vec<Option<Pos>>,
    pub(super) blocks_pos: Pos,
}

pub(super) fn parse_programme(
    src: &Source,
    slug: &str,
    md: markdown::Markdown,
    diags: &mut Vec<Diagnostic>,
) -> Option<ProgrammeHead> {
    let (f, node) = (src.f, &src.node);
    let what = "programme front matter";
    let mut fl = Fields::front(&f.display, node, what, PROGRAMME_KEYS, &src.extra.programme);
    let title = fl.text("title");
    if fl.node("title").is_none() {
        fl.missing(
            "title",
            what,
            "add a line such as `title: Recording in Social Work`",
        );
    }
    let subtitle = fl.text("subtitle");
    let authors = fl.list("authors");
    let summary = fl.text("summary").map(|t| inline(&t));
    let (audience, trainer_only) = programme_audience(f, &mut fl);
    let shared_bodies = session_bodies(&mut fl);
    let prerequisites = fl.list("prerequisites").iter().map(|t| inline(t)).collect();
    let bring = fl.list("bring").iter().map(|t| inline(t)).collect();
    let venue = fl.text("venue");
    // Rows of the sign-in sheets; `int` reports a bad value at its line with a hint.
    let participants = fl
        .int("participants", 1, 1000)
        .map_or(crate::model::DEFAULT_PARTICIPANTS, |(n, _)| n as u32);
    let action_plan = action_plan(&mut fl);
    let timezone = timezone(&mut fl);
    let start = parse_clock(&mut fl, "start").map_or(Clock(9 * 60 + 30), |(c, _)| c);
    let end = parse_clock(&mut fl, "end");
    let blocks_pos = fl.node("blocks").map(Pos::of).unwrap_or(Pos {
        line: node.line,
        col: 1,
    });
    let blocks = match fl.seq("blocks") {
        Some(items) => parse_blocks(&mut fl, items),
        None => default_blocks(),
    };
    let days_given = fl.node("days").is_some();
    let end_at = end.map(|(c, _)| c);
    let (days, day_end_pos) = parse_days(f, &mut fl, start, end_at);
    let end_pos = fl.node("end").map(Pos::of).unwrap_or_default();
    let evaluation = super::evaluation::parse_evaluation(&mut fl);
    let language = language(&mut fl);
    diags.append(&mut fl.diags);
    let title = title?;
    Some(ProgrammeHead {
        p: Programme {
            slug: slug.to_string(),
            src: f.display.clone(),
            title,
            subtitle,
            authors,
            summary,
            audience,
            trainer_only,
            shared_bodies,
            prerequisites,
            bring,
            venue,
            participants,
            action_plan,
            timezone,
            start,
            end: end_at,
            blocks,
            days,
            sessions: Vec::new(),
            pages: Vec::new(),
            letters: Vec::new(),
            md: std::sync::Arc::new(md),
            timetable: Default::default(),
            changed: 0,
            evaluation,
            deliveries: Vec::new(),
            language,
            locale: Default::default(),
            editions: Default::default(),
        },
        days_given,
        end_pos,
        day_end_pos,
        blocks_pos,
    })
}

fn parse_blocks(fl: &mut Fields, items: &[Node]) -> Vec<BlockDef> {
    let mut out = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    for it in items {
        let path = fl.path;
        if it.get("break").is_some() {
            let mut bf = Fields::new(path, it, "a break", &["break", "duration", "at"]);
            let title = bf.text("break").unwrap_or_else(|| "Break".into());
            let minutes = match bf.node("duration") {
                Some(n) => parse_minutes(&mut bf, n, "duration"),
                None => {
                    bf.error_at(
                        it,
                        format!("break `{title}` needs a `duration`"),
                        Some("e.g. { break: Lunch, duration: 45m }".into()),
                    );
                    None
                }
            };
            let at = parse_clock(&mut bf, "at").map(|(c, _)| c);
            fl.diags.append(&mut bf.diags);
            if let Some(minutes) = minutes {
                out.push(BlockDef::Break { title, minutes, at });
            }
        } else {
            let mut bf = Fields::new(path, it, "a block", &["id", "title"]);
            let id = bf.text("id");
            let title = bf.text("title");
            match id {
                Some(id) => {
                    if !ids.insert(id.clone()) {
                        bf.error_at(it, format!("block `{id}` is listed twice"), None);
                    }
                    let title = title.unwrap_or_else(|| title_from_file(&id));
                    out.push(BlockDef::Block { id, title });
                }
                None => bf.error_at(
                    it,
                    "each entry of `blocks` needs an `id` (a block) or `break` (a break)",
                    Some("{ id: before-coffee, title: Before coffee } or { break: Coffee, duration: 15m }".into()),
                ),
            }
            fl.diags.append(&mut bf.diags);
        }
    }
    out
}

/// `audience` says who may see the programme; `for` describes who it is for. A
/// description under `audience` (the old way) still works, with a warning. Returns the
/// description and whether the programme is trainer-only.
fn programme_audience(f: &SourceFile, fl: &mut Fields) -> (Option<String>, bool) {
    let mut audience = fl.text("for");
    let mut trainer_only = false;
    if let Some((a, n)) = fl.text_node("audience") {
        match a.trim().to_lowercase().as_str() {
            "trainer" | "trainers" => trainer_only = true,
            "all" | "everyone" | "participant" | "participants" => {}
            _ => {
                fl.diags.push(
                    Diagnostic::warning(
                        &f.display,
                        "`audience` says who may see the programme (`trainer` or `all`); a description of who it is for now goes under `for`",
                    )
                    .at(n.line, n.col)
                    .hint(format!("rename the key: for: {a}")),
                );
                audience = audience.or(Some(a));
            }
        }
    }
    (audience, trainer_only)
}

/// `session-bodies: all`: the bodies are written to learners (the default: trainers' notes).
fn session_bodies(fl: &mut Fields) -> bool {
    match fl.text_node("session-bodies") {
        Some((b, n)) => match b.trim().to_lowercase().as_str() {
            "all" | "everyone" | "participants" => true,
            "trainer" | "trainers" => false,
            _ => {
                fl.error_at(
                    n,
                    format!("`session-bodies` is `{b}`, not `trainer` or `all`"),
                    Some("`trainer` (the default): bodies are trainers' notes; `all`: bodies are written to learners".into()),
                );
                false
            }
        },
        None => false,
    }
}

/// `language`, a tag coursebook writes dates in (`cy`, `fr`, ...): empty when not given
/// (the site's). Another is a warning, and its dates are English.
fn language(fl: &mut Fields) -> String {
    match fl.text_node("language") {
        Some((tag, n)) => {
            let tag = tag.trim().to_string();
            if crate::model::clock::Lang::parse(&tag).is_none() {
                fl.diags.push(crate::config::unknown_language(
                    fl.path, &tag, n.line, n.col,
                ));
            }
            tag
        }
        None => String::new(),
    }
}

/// `timezone`, an IANA name (UTC when not given).
fn timezone(fl: &mut Fields) -> String {
    match fl.text_node("timezone") {
        Some((tz, n)) => {
            if jiff::tz::TimeZone::get(&tz).is_err() {
                fl.error_at(
                    n,
                    format!("unknown time zone `{tz}`"),
                    Some("use an IANA name such as Europe/London or UTC".into()),
                );
            }
            tz
        }
        None => "UTC".into(),
    }
}

/// `days:`, each with a title, perhaps a date, a start and an end (the programme's by
/// default), and where each day's own `end` is written.
fn parse_days(
    f: &SourceFile,
    fl: &mut Fields,
    start: Clock,
    end: Option<Clock>,
) -> (Vec<Day>, Vec<Option<Pos>>) {
    let mut days = Vec::new();
    let mut end_pos = Vec::new();
    let Some(items) = fl.seq("days") else {
        return (days, end_pos);
    };
    for (i, it) in items.iter().enumerate() {
        let mut df = Fields::new(&f.display, it, "a day", DAY_KEYS);
        let title = df.text("title").unwrap_or_else(|| format!("Day {}", i + 1));
        let date =
            df.text_node("date")
                .and_then(|(t, n)| match t.trim().parse::<jiff::civil::Date>() {
                    Ok(d) => Some(d),
                    Err(_) => {
                        df.error_at(
                            n,
                            format!("`date` is `{t}`, not a date"),
                            Some("write dates as YYYY-MM-DD, e.g. 2027-03-01".into()),
                        );
                        None
                    }
                });
        let dstart = parse_clock(&mut df, "start").map_or(start, |(c, _)| c);
        let dend = parse_clock(&mut df, "end");
        end_pos.push(dend.map(|(_, p)| p));
        fl.diags.append(&mut df.diags);
        days.push(Day {
            number: i as u32 + 1,
            title,
            date,
            start: dstart,
            end: dend.map(|(c, _)| c).or(end),
        });
    }
    (days, end_pos)
}

/// Most statements the action-plan sheet holds: it prints on one A4 page.
pub const ACTION_PLAN_MAX: usize = 5;

/// `action_plan:`: the statements participants complete on the action-plan sheet, a list of
/// one-line texts (inline Markdown), at most [`ACTION_PLAN_MAX`] so the sheet stays one page.
fn action_plan(fl: &mut Fields) -> Vec<crate::content::markdown::Inline> {
    let Some(n) = fl.node("action_plan") else {
        return Vec::new();
    };
    if !matches!(n.value, crate::content::yaml::Value::Seq(_)) {
        fl.error_at(
            n,
            format!(
                "`action_plan` must be a list of statements, found {}",
                n.kind()
            ),
            Some("write `action_plan: [\"By the end of the month I will ...\", ...]`".into()),
        );
        return Vec::new();
    }
    let items = fl.list_nodes("action_plan");
    let mut out = Vec::new();
    for (text, node) in items {
        if text.trim().is_empty() {
            fl.error_at(
                node,
                "a statement of `action_plan` is empty",
                Some("write the start of a sentence for participants to complete".into()),
            );
        } else {
            out.push(inline(&text));
        }
    }
    if out.len() > ACTION_PLAN_MAX {
        fl.error_at(
            n,
            format!(
                "`action_plan` has {} statements; the sheet holds at most {ACTION_PLAN_MAX}",
                out.len()
            ),
            Some("keep four or five: the sheet prints on one page".into()),
        );
        out.truncate(ACTION_PLAN_MAX);
    }
    out
}
