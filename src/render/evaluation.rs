//! The evaluation form (`<programme>/evaluation.html` and `evaluation.docx`): every
//! session participants attend, in timetable order under its day, rated 1 to 5 with a
//! comment box, then the overall questions of the programme's `evaluation:`. For
//! participants, so the same in both editions: trainer-only sessions are never on it.
//!
//! The page saves what is filled in as `.docx` and `.txt` with the letters' save kit
//! ([`crate::letters::kit`]), each answer a field's slot; the build's `.docx` is the blank
//! form for Word, with boxes to tick and ruled lines to write on.

use crate::i18n::Strings;
use serde::Serialize;

use super::Output;
use super::view::{DayView, ProgrammeViews};
use crate::diagnostics::Diagnostic;
use crate::letters::kit::{self, Piece};
use crate::letters::{Block, Doc, Fill, Para, Run, docx};
use crate::model::timetable::RowKind;
use crate::model::{Delivery, Field, Programme};

/// The form's page.
pub fn evaluation_path(slug: &str) -> String {
    format!("{slug}/evaluation.html")
}

/// The blank form for Word.
pub fn evaluation_docx_path(slug: &str) -> String {
    format!("{slug}/evaluation.docx")
}

/// What an unanswered question shows in a saved form.
const UNANSWERED: &str = "–";
/// Ruled lines under a comment question in the blank Word form.
const RULED_LINES: usize = 3;

/// The form, ready for the template: every string finished.
#[derive(Serialize)]
pub struct EvaluationForm {
    pub title: String,
    pub dates: Option<String>,
    pub venue: Option<String>,
    pub intro: String,
    pub low: String,
    pub high: String,
    /// "1" to "5".
    pub scale: Vec<String>,
    /// "1 = Not useful, 5 = Very useful".
    pub scale_words: String,
    /// The form's heading in the Word documents, and its answer labels (interface strings).
    pub heading: String,
    pub rating_label: String,
    pub rating_line: String,
    pub comments_label: String,
    /// Each day's sessions, then the overall questions as a part of their own.
    pub parts: Vec<EvalPart>,
    /// The `localStorage` key of what is typed: `coursebook-evaluation:<page path>`.
    pub key: String,
    pub docx: String,
    /// The save kit as JSON for a `<script type="application/json">` (`<` escaped).
    pub kit: Option<String>,
    /// The download's name before its extension: `evaluation-<programme>`.
    pub name: String,
    /// The site's `language`, for the Word documents.
    #[serde(skip)]
    pub language: String,
    /// A delivery's form: the delivery's title and page, for the breadcrumbs.
    pub delivery: Option<FormDelivery>,
}

/// The delivery a form is for: its title and its page (site-relative).
#[derive(Serialize)]
pub struct FormDelivery {
    pub title: String,
    pub href: String,
}

/// A day's sessions, or the overall questions (`overall`).
#[derive(Serialize)]
pub struct EvalPart {
    pub title: String,
    pub date: Option<String>,
    pub id: String,
    pub overall: bool,
    pub items: Vec<EvalItem>,
}

/// A session or an overall question: rated (`rating`, its radio group's name), with a
/// comment box (`comment`, its text area's name), or both.
#[derive(Serialize)]
pub struct EvalItem {
    pub id: String,
    pub title: String,
    pub when: Option<String>,
    pub rating: Option<String>,
    pub comment: Option<String>,
}

/// A session on the form: (day number, session index, when it runs), in timetable order.
type Rated = (u32, usize, Option<String>);

/// Each day's sessions participants attend, in the order of `rows`, when sessions are
/// rated; `days` give each day's title and date.
fn session_parts(p: &Programme, rows: &[Rated], days: &[DayView], tr: &Strings) -> Vec<EvalPart> {
    let mut parts: Vec<EvalPart> = Vec::new();
    if !p.evaluation.sessions {
        return parts;
    }
    let mut seen = vec![false; p.sessions.len()];
    for (day, i, when) in rows {
        let Some(s) = p.sessions.get(*i) else {
            continue;
        };
        // For participants: a trainer-only session is never rated (nor named). A session a
        // delivery runs twice is rated once.
        if s.trainer_only || std::mem::replace(&mut seen[*i], true) {
            continue;
        }
        let day_id = format!("eval-day-{day}");
        if parts.last().is_none_or(|d| d.id != day_id) {
            let dv = days.iter().find(|d| d.number == *day);
            parts.push(EvalPart {
                title: dv.map_or_else(
                    || tr.count("day_n", u64::from(*day), &[]),
                    |d| d.title.clone(),
                ),
                date: dv.and_then(|d| d.date.clone()),
                id: day_id,
                overall: false,
                items: Vec::new(),
            });
        }
        let id = super::scoped::prefix_of(&s.out);
        if let Some(d) = parts.last_mut() {
            d.items.push(EvalItem {
                rating: Some(format!("{id}-rating")),
                comment: Some(format!("{id}-comment")),
                id,
                title: s.title.clone(),
                when: when.clone(),
            });
        }
    }
    parts
}

/// Where a form stands and what it says of when and where.
struct Place {
    dates: Option<String>,
    venue: Option<String>,
    /// The page's path; the `.docx` is beside it.
    page: String,
    docx: String,
    name: String,
}

/// The form of programme `p`.
pub fn evaluation_form(
    p: &Programme,
    v: &ProgrammeViews,
    language: &str,
    tr: &Strings,
) -> EvaluationForm {
    let rows: Vec<Rated> = v
        .order
        .iter()
        .map(|&i| (p.sessions[i].day, i, v.when(i)))
        .collect();
    let place = Place {
        dates: p.dates_label(),
        venue: p.venue.clone(),
        page: evaluation_path(&p.slug),
        docx: evaluation_docx_path(&p.slug),
        name: format!("evaluation-{}", crate::util::slugify(&p.slug)),
    };
    form_of(p, session_parts(p, &rows, &v.days, tr), place, language, tr)
}

/// The form of delivery `d` of programme `p` (`<programme>/deliveries/<id>/evaluation.html`):
/// its sessions in its own order under its own days (`days`, its day views), its dates and
/// venue in the heading.
pub fn delivery_evaluation_form(
    p: &Programme,
    d: &Delivery,
    days: &[DayView],
    language: &str,
    tr: &Strings,
) -> EvaluationForm {
    let mut rows: Vec<Rated> = Vec::new();
    for day in &d.timetable.days {
        for r in day.rows() {
            if let RowKind::Session(i) = r.kind {
                rows.push((
                    day.number,
                    i,
                    Some(format!(
                        "{}, {}",
                        tr.count("day_n", u64::from(day.number), &[]),
                        p.locale.time(r.start)
                    )),
                ));
            }
        }
    }
    let dir = d.dir(&p.slug);
    let place = Place {
        dates: d.dates_label(),
        venue: d.venue.clone().or(p.venue.clone()),
        page: format!("{dir}/evaluation.html"),
        docx: format!("{dir}/evaluation.docx"),
        name: format!(
            "evaluation-{}-{}",
            crate::util::slugify(&p.slug),
            crate::util::slugify(&d.id)
        ),
    };
    let mut form = form_of(p, session_parts(p, &rows, days, tr), place, language, tr);
    form.delivery = Some(FormDelivery {
        title: d.title.clone(),
        href: format!("{dir}/index.html"),
    });
    form
}

fn form_of(
    p: &Programme,
    mut parts: Vec<EvalPart>,
    place: Place,
    language: &str,
    tr: &Strings,
) -> EvaluationForm {
    let ev = &defaults_translated(&p.evaluation, tr);
    let rated_sessions = !parts.is_empty();
    let questions: Vec<EvalItem> = ev
        .questions
        .iter()
        .enumerate()
        .map(|(k, q)| {
            let id = format!("overall-{}", k + 1);
            EvalItem {
                rating: q.rating.then(|| format!("{id}-rating")),
                comment: (!q.rating).then(|| format!("{id}-comment")),
                id,
                title: q.text.clone(),
                when: None,
            }
        })
        .collect();
    let scale_words = tr.get("eval_scale_words", &[("low", &ev.low), ("high", &ev.high)]);
    if !questions.is_empty() {
        parts.push(EvalPart {
            title: tr.get("eval_overall", &[]),
            date: None,
            id: "eval-overall".into(),
            overall: true,
            items: questions,
        });
    }
    let intro = if !rated_sessions {
        tr.get("eval_intro", &[])
    } else {
        tr.get("eval_intro_rated", &[("low", &ev.low), ("high", &ev.high)])
    };
    let mut form = EvaluationForm {
        title: p.title.clone(),
        dates: place.dates,
        venue: place.venue,
        intro,
        low: ev.low.clone(),
        high: ev.high.clone(),
        scale: (1..=5).map(|n| n.to_string()).collect(),
        rating_line: tr.get("eval_rating_line", &[("scale", &scale_words)]),
        scale_words,
        heading: tr.get("evaluation_of", &[("title", &p.title)]),
        rating_label: tr.get("eval_rating", &[]),
        comments_label: tr.get("comments", &[]),
        parts,
        key: format!("coursebook-evaluation:{}", place.page),
        docx: place.docx,
        kit: None,
        name: place.name,
        language: language.to_string(),
        delivery: None,
    };
    form.kit = kit_json(&form);
    form
}

/// The evaluation with coursebook's own defaults (those the programme did not set) in the
/// site's language: they are interface strings, not the author's.
fn defaults_translated(ev: &crate::model::Evaluation, tr: &Strings) -> crate::model::Evaluation {
    let english = crate::model::Evaluation::default();
    let ids = [
        "eval_question_differently",
        "eval_question_improve",
        "eval_question_overall",
    ];
    let mut out = ev.clone();
    if out.low == english.low {
        out.low = tr.get("eval_low", &[]);
    }
    if out.high == english.high {
        out.high = tr.get("eval_high", &[]);
    }
    for q in &mut out.questions {
        if let Some(k) = english.questions.iter().position(|d| d.text == q.text) {
            q.text = tr.get(ids[k], &[]);
        }
    }
    out
}

/// The form as a letter's paragraphs: headed by the programme, each day a heading, each
/// session and question a heading with its rating line and comment. `fill` makes each
/// answer's runs (a slot, or boxes and lines for paper) and returns paragraphs to follow.
fn paragraphs(
    form: &EvaluationForm,
    fill: &mut dyn FnMut(&str, bool, &mut Para) -> Vec<Para>,
) -> Doc {
    let para = |block: Block, text: &str| Para {
        block,
        runs: vec![Run::Text {
            text: text.to_string(),
            bold: false,
            italic: false,
        }],
        group: 0,
        keep_next: false,
    };
    let mut paras = vec![para(Block::Heading(1), &form.heading)];
    let place: Vec<&str> = [form.dates.as_deref(), form.venue.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        paras.push(para(Block::Normal, &place.join(" · ")));
    }
    paras.push(para(Block::Normal, &form.intro));
    let mut item = |paras: &mut Vec<Para>, it: &EvalItem| {
        let first = paras.len();
        paras.push(para(Block::Heading(3), &it.title));
        if let Some(name) = &it.rating {
            let mut p = para(Block::Normal, &format!("{} ", form.rating_line));
            let more = fill(name, true, &mut p);
            paras.push(p);
            paras.extend(more);
        }
        if let Some(name) = &it.comment {
            let mut p = para(Block::Normal, &format!("{}: ", form.comments_label));
            let more = fill(name, false, &mut p);
            paras.push(p);
            paras.extend(more);
        }
        // In Word too, a session's block is not split across pages.
        let last = paras.len() - 1;
        for p in &mut paras[first..last] {
            p.keep_next = true;
        }
    };
    for d in &form.parts {
        let heading = match &d.date {
            Some(date) => format!("{}, {date}", d.title),
            None => d.title.clone(),
        };
        paras.push(para(Block::Heading(2), &heading));
        for it in &d.items {
            item(&mut paras, it);
        }
    }
    Doc {
        paras,
        number_starts: Vec::new(),
    }
}

fn meta(form: &EvaluationForm) -> docx::Meta<'_> {
    docx::Meta {
        title: &form.title,
        organisation: None,
        language: &form.language,
        landscape: false,
        logo: None,
    }
}

/// The blank form for Word: a box to tick per number, ruled lines for comments.
pub fn blank_docx(form: &EvaluationForm, src: &str) -> Result<Output, Diagnostic> {
    let boxes = form
        .scale
        .iter()
        .map(|n| format!("☐ {n}"))
        .collect::<Vec<_>>()
        .join("     ");
    let doc = paragraphs(form, &mut |_, rating, p| {
        if rating {
            p.runs.push(Run::Text {
                text: boxes.clone(),
                bold: false,
                italic: false,
            });
            return Vec::new();
        }
        (0..RULED_LINES)
            .map(|_| Para {
                // A line's height of room above each line to write on.
                block: Block::Rule,
                runs: vec![Run::Break],
                group: 0,
                keep_next: false,
            })
            .collect()
    });
    let bytes = docx::write(&doc, &[], &meta(form))
        .map_err(|e| Diagnostic::error(src, format!("could not write the evaluation form: {e}")))?;
    Ok(Output::bytes(form.docx.clone(), bytes))
}

/// The page's save kit: each answer a field's slot, an unanswered one a dash.
fn kit_json(form: &EvaluationForm) -> Option<String> {
    let mut fields: Vec<Field> = Vec::new();
    let doc = paragraphs(form, &mut |name, rating, p| {
        p.runs.push(Run::Slot {
            index: fields.len(),
            bold: false,
            italic: false,
        });
        fields.push(Field {
            name: name.to_string(),
            label: if rating {
                &form.rating_label
            } else {
                &form.comments_label
            }
            .clone(),
            example: None,
            lines: 1,
        });
        Vec::new()
    });
    let fills: Vec<Fill> = fields
        .iter()
        .map(|f| Fill::Field {
            name: f.name.clone(),
            label: f.label.clone(),
        })
        .collect();
    let mut kit = kit::kit(&form.name, &fields, &doc, &fills, &meta(form))?;
    let dash = docx::slot(Some(&Fill::Value(UNANSWERED.into())), false, false);
    let unanswered = |pieces: &mut Vec<Piece>, blank: &str| {
        for piece in pieces {
            if let Piece::Slot { blank: b, .. } = piece {
                *b = blank.to_string();
            }
        }
    };
    unanswered(&mut kit.txt, UNANSWERED);
    for (_, pieces) in &mut kit.docx {
        unanswered(pieces, &dash);
    }
    let json = serde_json::to_string(&kit).ok()?;
    Some(json.replace('<', "\\u003c"))
}
