//! Views for the pages people print: the participants' handout, the whole programme in
//! timetable order, and the trainer's one-page run sheet per day.

use serde::Serialize;

use crate::model::clock::{date_long, minutes_label};
use crate::model::timetable::RowKind;
use crate::model::{Programme, Prompt};

use super::view::format_label;

/// Run sheets of a programme: `<programme>/runsheet-day-<n>.html`.
pub fn runsheet_path(slug: &str, day: u32) -> String {
    format!("{slug}/runsheet-day-{day}.html")
}

#[derive(Serialize)]
pub struct Row {
    /// "session", "break" or "free".
    pub kind: &'static str,
    pub start: String,
    pub end: String,
    pub duration: String,
    pub title: String,
    pub href: Option<String>,
    pub block: Option<String>,
    pub format: Option<String>,
    pub materials: Vec<String>,
    pub first_prompt: Option<String>,
    /// Index of the session's [`Detail`] in its day's `sessions`, so a template finds it
    /// without a search per row (a search made print.html quadratic in a day's sessions).
    pub detail: Option<usize>,
}

#[derive(Serialize)]
pub struct Detail {
    pub title: String,
    pub href: String,
    pub start: String,
    pub end: String,
    pub duration: String,
    pub block: String,
    pub format: Option<String>,
    pub summary: Option<String>,
    pub objectives: Vec<String>,
    pub prompts: Vec<Prompt>,
    pub materials: Vec<String>,
    pub trainer_only: bool,
    /// The session's notes (print only; empty in the handout).
    pub body: String,
}

#[derive(Serialize)]
pub struct PrintDay {
    pub number: u32,
    pub title: String,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub start: String,
    pub end: String,
    pub runsheet: String,
    pub rows: Vec<Row>,
    /// The day's sessions in order, each row's `detail` indexing them. Not serialised with
    /// the day: run sheets do not show them, and the views below add them as each page needs.
    #[serde(skip)]
    pub sessions: Vec<Detail>,
}

/// A handout day: the table of rows, then the sessions.
#[derive(Serialize)]
pub struct HandoutDay<'a> {
    #[serde(flatten)]
    pub day: &'a PrintDay,
    pub sessions: &'a [Detail],
}

/// A print day: each row with its session inline, so the template reads `r.session.*`
/// (a `{% set %}` from an index would copy each session, body and all).
#[derive(Serialize)]
pub struct PrintPageDay<'a> {
    #[serde(flatten)]
    pub day: &'a PrintDay,
    pub items: Vec<PrintItem<'a>>,
}

#[derive(Serialize)]
pub struct PrintItem<'a> {
    #[serde(flatten)]
    pub row: &'a Row,
    pub session: Option<&'a Detail>,
}

impl PrintDay {
    pub fn handout(&self) -> HandoutDay<'_> {
        HandoutDay {
            day: self,
            sessions: &self.sessions,
        }
    }

    pub fn print(&self) -> PrintPageDay<'_> {
        PrintPageDay {
            day: self,
            items: self
                .rows
                .iter()
                .map(|row| PrintItem {
                    row,
                    session: row.detail.and_then(|i| self.sessions.get(i)),
                })
                .collect(),
        }
    }
}

/// Which parts a printed view holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// For participants whatever the build: no trainer-only session, prompt note or notes.
    Handout,
    /// The whole programme as the build has it, notes included.
    Print,
}

/// A row for time the trainers keep to themselves: no page, no detail.
#[allow(clippy::type_complexity)]
fn reserved_row() -> (
    &'static str,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<String>,
    Option<String>,
) {
    (
        "reserved",
        crate::model::load::RESERVED_TITLE.to_string(),
        None,
        None,
        None,
        vec![],
        None,
    )
}

/// Every day in timetable order, with its rows and its sessions' details.
pub fn days(p: &Programme, kind: Kind) -> Vec<PrintDay> {
    let handout = kind == Kind::Handout;
    p.timetable
        .days
        .iter()
        .map(|d| {
            let day = p.days.iter().find(|x| x.number == d.number);
            let mut rows = Vec::new();
            let mut sessions = Vec::new();
            for r in d.rows() {
                let (kind, title, href, block, format, materials, first) = match &r.kind {
                    // The handout keeps a trainer-only session's time as the participant
                    // edition does, so the two agree on the clock.
                    RowKind::Session(i) if handout && p.sessions[*i].trainer_only => reserved_row(),
                    RowKind::Reserved => reserved_row(),
                    RowKind::Session(i) => {
                        let s = &p.sessions[*i];
                        let block = p.block_title(&s.block);
                        sessions.push(Detail {
                            title: s.title.clone(),
                            href: s.out.clone(),
                            start: r.start.to_string(),
                            end: r.end.to_string(),
                            duration: minutes_label(r.minutes()),
                            block: block.clone(),
                            format: s.format.as_deref().map(format_label),
                            summary: s.summary.clone(),
                            objectives: s.objectives.clone(),
                            prompts: s
                                .prompts
                                .iter()
                                .map(|pr| Prompt {
                                    text: pr.text.clone(),
                                    note: if handout { None } else { pr.note.clone() },
                                })
                                .collect(),
                            materials: s.materials.clone(),
                            trainer_only: s.trainer_only,
                            // The body's links were written for the session's own page.
                            body: if handout {
                                String::new()
                            } else {
                                crate::util::rebase_links(
                                    &s.md.html,
                                    &s.out,
                                    &format!("{}/print.html", p.slug),
                                )
                            },
                        });
                        (
                            "session",
                            s.title.clone(),
                            Some(s.out.clone()),
                            Some(block),
                            s.format.as_deref().map(format_label),
                            s.materials.clone(),
                            s.prompts.first().map(|x| x.text.clone()),
                        )
                    }
                    RowKind::Break(t) => ("break", t.clone(), None, None, None, vec![], None),
                    RowKind::Free => (
                        "free",
                        "Free time".to_string(),
                        None,
                        None,
                        None,
                        vec![],
                        None,
                    ),
                };
                let detail = (kind == "session").then(|| sessions.len() - 1);
                rows.push(Row {
                    detail,
                    kind,
                    start: r.start.to_string(),
                    end: r.end.to_string(),
                    duration: minutes_label(r.minutes()),
                    title,
                    href,
                    block,
                    format,
                    materials,
                    first_prompt: first,
                });
            }
            PrintDay {
                number: d.number,
                title: day.map_or_else(|| format!("Day {}", d.number), |x| x.title.clone()),
                date: day.and_then(|x| x.date).map(date_long),
                date_iso: day.and_then(|x| x.date).map(|x| x.to_string()),
                start: d.start.to_string(),
                end: d.end.to_string(),
                runsheet: runsheet_path(&p.slug, d.number),
                rows,
                sessions,
            }
        })
        .collect()
}
