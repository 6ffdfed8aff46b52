//! Views for the pages people print: the participants' handout, the whole programme in
//! timetable order, and the trainer's one-page run sheet per day.

use serde::Serialize;

use crate::model::timetable::{DayPlan, Row as TimetableRow, RowKind, Timetable};
use crate::model::{Day, Programme, Session};

use super::view::{PromptView, RowType, format_label, htmls, prompt_views};

/// Run sheets of a programme, `<programme>/runsheet-day-<n>.html`, or of a delivery
/// (`dir` its folder).
pub fn runsheet_path(dir: &str, day: u32) -> String {
    format!("{dir}/runsheet-day-{day}.html")
}

#[derive(Serialize)]
pub struct Row {
    pub kind: RowType,
    pub start: String,
    pub end: String,
    /// `HH:MM`, for `datetime` attributes and `now.js` (`start`/`end` are for people).
    pub start_iso: String,
    pub end_iso: String,
    pub duration: String,
    pub title: String,
    pub href: Option<String>,
    pub block: Option<String>,
    pub format: Option<String>,
    pub materials: Vec<String>,
    /// The session's first prompt: its front matter's first, or else the first item of a
    /// `[!PROMPTS]` callout (the model keeps them in that order).
    pub first_prompt: Option<String>,
    pub summary: Option<String>,
    /// The first sentence of the session's notes (run sheets; trainer edition only).
    pub notes: Option<String>,
    /// A break pinned to a clock time (`at:`): `data-fixed` on run sheets.
    pub fixed: bool,
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
    /// Summary, objectives, prompts and materials as HTML (`view::htmls`).
    pub summary: Option<String>,
    pub objectives: Vec<String>,
    pub prompts: Vec<PromptView>,
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
    pub start_iso: String,
    pub end_iso: String,
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

/// What a row shows besides its times.
struct RowParts {
    kind: RowType,
    title: String,
    href: Option<String>,
    block: Option<String>,
    format: Option<String>,
    materials: Vec<String>,
    first_prompt: Option<String>,
    summary: Option<String>,
    notes: Option<String>,
}

/// How long the run sheet's line of notes may be, in characters.
const NOTES_LINE: usize = 160;

impl RowParts {
    /// A row with no page, no detail: a break, free time, or time the trainers keep to
    /// themselves.
    fn plain(kind: RowType, title: String) -> Self {
        RowParts {
            kind,
            title,
            href: None,
            block: None,
            format: None,
            materials: vec![],
            first_prompt: None,
            summary: None,
            notes: None,
        }
    }

    fn reserved() -> Self {
        Self::plain(
            RowType::Reserved,
            crate::model::load::RESERVED_TITLE.to_string(),
        )
    }
}

/// A session's detail for the handout (no notes, no prompt notes) or the print page.
fn detail(
    p: &Programme,
    s: &Session,
    r: &TimetableRow,
    block: String,
    handout: bool,
    tr: &crate::i18n::Strings,
) -> Detail {
    Detail {
        title: s.title.clone(),
        href: s.out.clone(),
        start: p.locale.time(r.start),
        end: p.locale.time(r.end),
        duration: p.locale.duration(r.minutes()),
        block,
        format: s.format.as_deref().map(|f| format_label(f, tr)),
        summary: s.summary.as_ref().map(|x| x.html.clone()),
        objectives: htmls(&s.objectives),
        // The print page shows the body too: its callouts' prompts are not listed again.
        prompts: if handout {
            prompt_views(&s.prompts, false)
        } else {
            prompt_views(&super::session_view::listed_prompts(s), true)
        },
        materials: htmls(&s.materials),
        trainer_only: s.trainer_only,
        body: if handout {
            String::new()
        } else {
            print_body(p, s)
        },
    }
}

/// A session's body on the print page: its links (written for the session's own page)
/// rebased, its ids prefixed by the session's so no two sessions share one (with its links
/// to them), and its solutions unfolded: paper cannot open a `<details>`.
fn print_body(p: &Programme, s: &Session) -> String {
    let to = format!("{}/print.html", p.slug);
    let rebased = crate::util::rebase_links(&s.md.html, &s.out, &to);
    let own = format!(
        "{}{}",
        crate::util::root_prefix(&to),
        crate::util::encode_path(&s.out)
    );
    super::scoped::scope_ids(&rebased, &super::scoped::prefix_of(&s.out), &own).replace(
        "<details class=\"callout callout-solution\">",
        "<details class=\"callout callout-solution\" open>",
    )
}

/// The run sheet's line of a session's notes: the first sentence of its first paragraph
/// (the text's first line that is not a heading).
fn notes_line(s: &Session) -> String {
    let first =
        s.md.text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !s.md.headings.iter().any(|h| h.text == *l))
            .unwrap_or_default();
    super::room::first_sentence(first, NOTES_LINE)
}

/// One day's rows, and the details of its sessions that the rows index.
fn day_rows(
    p: &Programme,
    d: &DayPlan,
    handout: bool,
    tr: &crate::i18n::Strings,
) -> (Vec<Row>, Vec<Detail>) {
    let mut rows = Vec::new();
    let mut sessions = Vec::new();
    for r in d.rows() {
        let parts = match &r.kind {
            // The handout keeps a trainer-only session's time as the participant
            // edition does, so the two agree on the clock.
            RowKind::Session(i) if handout && p.sessions[*i].trainer_only => RowParts::reserved(),
            RowKind::Reserved => RowParts::reserved(),
            RowKind::Session(i) => {
                let s = &p.sessions[*i];
                let block = super::view::default_title(p, &p.block_title(&s.block), tr);
                sessions.push(detail(p, s, r, block.clone(), handout, tr));
                RowParts {
                    kind: RowType::Session,
                    title: s.title.clone(),
                    href: Some(s.out.clone()),
                    block: Some(block),
                    format: s.format.as_deref().map(|f| format_label(f, tr)),
                    // A row's texts are plain: the run sheet is a dense table.
                    materials: s.materials.iter().map(|m| m.text.clone()).collect(),
                    first_prompt: s.prompts.first().map(|x| x.text.text.clone()),
                    summary: s.summary.as_ref().map(|x| x.text.clone()),
                    notes: (!handout).then(|| notes_line(s)).filter(|n| !n.is_empty()),
                }
            }
            RowKind::Break(t) => {
                RowParts::plain(RowType::Break, super::view::default_title(p, t, tr))
            }
            RowKind::Free => RowParts::plain(RowType::Free, tr.get("free_time", &[])),
        };
        let detail = (parts.kind == RowType::Session).then(|| sessions.len() - 1);
        rows.push(Row {
            detail,
            kind: parts.kind,
            start: p.locale.time(r.start),
            end: p.locale.time(r.end),
            start_iso: r.start.to_string(),
            end_iso: r.end.to_string(),
            duration: p.locale.duration(r.minutes()),
            title: parts.title,
            href: parts.href,
            block: parts.block,
            format: parts.format,
            materials: parts.materials,
            first_prompt: parts.first_prompt,
            summary: parts.summary,
            notes: parts.notes,
            fixed: r.fixed,
        });
    }
    (rows, sessions)
}

/// Every day in timetable order, with its rows and its sessions' details.
pub fn days(p: &Programme, kind: Kind, tr: &crate::i18n::Strings) -> Vec<PrintDay> {
    days_of(p, (&p.timetable, &p.days), &p.slug, kind, tr)
}

/// The print days of a timetable of `p`'s sessions over `days` (the programme's own, or a
/// delivery's), their run sheets in the folder `dir`.
pub fn days_of(
    p: &Programme,
    (tt, days): (&Timetable, &[Day]),
    dir: &str,
    kind: Kind,
    tr: &crate::i18n::Strings,
) -> Vec<PrintDay> {
    let handout = kind == Kind::Handout;
    tt.days
        .iter()
        .map(|d| {
            let day = days.iter().find(|x| x.number == d.number);
            let (rows, sessions) = day_rows(p, d, handout, tr);
            PrintDay {
                number: d.number,
                title: day_title(day, d.number, tr),
                date: day.and_then(|x| x.date).map(|x| p.locale.date_long(x)),
                date_iso: day.and_then(|x| x.date).map(|x| x.to_string()),
                start: p.locale.time(d.start),
                end: p.locale.time(d.end),
                start_iso: d.start.to_string(),
                end_iso: d.end.to_string(),
                runsheet: runsheet_path(dir, d.number),
                rows,
                sessions,
            }
        })
        .collect()
}

/// A day's title: the author's, or coursebook's "Day N" (the model's default, written in
/// English) in the page's language.
pub fn day_title(
    day: Option<&crate::model::Day>,
    number: u32,
    tr: &crate::i18n::Strings,
) -> String {
    match day {
        Some(x) if x.title != format!("Day {}", x.number) => x.title.clone(),
        _ => tr.count("day_n", u64::from(number), &[]),
    }
}
