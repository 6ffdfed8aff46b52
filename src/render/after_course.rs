//! After the course: the post-box summary (`<programme>/post-box.html`, trainer edition
//! only), where the trainer types the points the post-box sessions collected and saves them
//! as the note to managers, and the action-plan sheet (`<programme>/action-plan.html`, both
//! editions), a page for each participant to complete and put in the envelope they address
//! to themselves.

use serde::Serialize;

use super::letter_files::{self, Prepared};
use super::view::{Link, ProgrammeViews};
use crate::letters::{self, Fill, docx};
use crate::model::{POST_BOX, POST_BOX_POINTS, Programme, letter_token};

/// The post-box summary of a programme.
pub fn post_box_path(slug: &str) -> String {
    format!("{slug}/post-box.html")
}

/// The action-plan sheet of a programme.
pub fn action_plan_path(slug: &str) -> String {
    format!("{slug}/action-plan.html")
}

/// Whether a session of the programme `produces: [post-box]`: then it has a post-box page.
pub fn has_post_box(p: &Programme) -> bool {
    p.sessions
        .iter()
        .any(|s| s.produces.iter().any(|x| x == POST_BOX))
}

/// What sessions `produce` for the action-plan sheet.
fn is_action_plan(name: &str) -> bool {
    name == "action-plans" || name == "action-plan"
}

/// The pages of this module a session's page links to: the post-box summary (when this
/// edition has it) for a session that produces or uses the post box, the action-plan sheet
/// for one that produces action plans.
pub fn sheets(p: &Programme, v: &ProgrammeViews, s: &crate::model::Session) -> Vec<Link> {
    let mut out = Vec::new();
    let post_box = s.produces.iter().chain(&s.uses).any(|x| x == POST_BOX);
    if let Some(href) = v.nav.post_box.as_ref().filter(|_| post_box) {
        out.push(Link {
            title: v.tr.get("post_box_summary", &[]),
            href: href.clone(),
            when: None,
        });
    }
    if s.produces.iter().any(|x| is_action_plan(x)) {
        out.push(Link {
            title: v.tr.get("action_plan_sheet", &[]),
            href: action_plan_path(&p.slug),
            when: None,
        });
    }
    out
}

/// The statements of the sheet when the programme sets no `action_plan:`.
pub const DEFAULT_STATEMENTS: &[&str] = &[
    "The first thing I will do differently at work is",
    "By the end of next month I will have",
    "To keep my learning going I will",
    "The person who can help me with this is",
    "What might get in my way, and what I will do about it:",
];

#[derive(Serialize)]
pub struct PostBoxView {
    sessions: Vec<PostBoxSession>,
    /// The sessions that sort the points (`uses: [post-box]`), in timetable order.
    sorted_in: Vec<Link>,
    /// The letter the points go into, when one has `{{ post_box.points }}`.
    letter: Option<NoteLetter>,
    /// JSON for `letter-save.js`: the note with the points (and the letter's fields) as slots.
    kit: Option<String>,
    /// Where the page keeps what was typed on this device (`localStorage`).
    key: String,
    /// The name of the slot the page fills with the points, grouped.
    points: &'static str,
}

#[derive(Serialize)]
struct PostBoxSession {
    /// The box's name and id: `points-1`, in timetable order.
    id: String,
    title: String,
    href: String,
    /// "Day 1, 11:15".
    when: Option<String>,
    /// The heading of this session's points in the note: "Title (Day 1, 11:15)".
    heading: String,
    summary: Option<String>,
    /// The session's prompts (our HTML), as a reminder of what was asked.
    prompts: Vec<String>,
}

#[derive(Serialize)]
struct NoteLetter {
    title: String,
    href: String,
    fields: Vec<crate::model::Field>,
}

/// The post-box page's view; `letters` are the programme's prepared letters, in its order.
pub fn post_box_view(
    p: &Programme,
    v: &ProgrammeViews,
    letters: &[Prepared],
    organisation: Option<&str>,
    tr: &crate::i18n::Strings,
) -> PostBoxView {
    // The label of the points in the save kit and the letter's blank.
    let label = tr.get("post_box_points", &[]);
    let mut sessions = Vec::new();
    let mut sorted_in = Vec::new();
    for &i in &v.order {
        let s = &p.sessions[i];
        if s.uses.iter().any(|u| u == POST_BOX) {
            sorted_in.push(v.link(p, i));
        }
        if !s.produces.iter().any(|x| x == POST_BOX) {
            continue;
        }
        let when = v.when(i);
        sessions.push(PostBoxSession {
            id: format!("points-{}", sessions.len() + 1),
            title: s.title.clone(),
            href: s.out.clone(),
            heading: match &when {
                Some(w) => format!("{} ({w})", s.title),
                None => s.title.clone(),
            },
            when,
            summary: s.summary.as_ref().map(|x| x.html.clone()),
            prompts: s.prompts.iter().map(|pr| pr.text.html.clone()).collect(),
        });
    }
    let letter = letters.iter().find(|prepared| {
        prepared
            .letter
            .slots
            .iter()
            .any(|slot| slot == POST_BOX_POINTS)
    });
    let kit = match letter {
        Some(prepared) => prepared.kit_json_filling(POST_BOX_POINTS, &label),
        None => default_note_kit(p, organisation, tr, &label),
    };
    PostBoxView {
        sessions,
        sorted_in,
        letter: letter.map(|prepared| NoteLetter {
            title: prepared.letter.title.clone(),
            href: prepared.letter.out.clone(),
            fields: prepared.letter.fields.clone(),
        }),
        kit,
        key: format!("coursebook-post-box:{}", post_box_path(&p.slug)),
        points: POST_BOX_POINTS,
    }
}

/// The note saved when no letter has `{{ post_box.points }}`: a heading, the programme and
/// its dates, a line on what the points are, and the points. Values go in as tokens, so a
/// title is never read as Markdown.
fn default_note_kit(
    p: &Programme,
    organisation: Option<&str>,
    tr: &crate::i18n::Strings,
    label: &str,
) -> Option<String> {
    let mut fills = vec![Fill::Value(p.title.clone())];
    // The label is ours, but a site's .ftl may hold any text: a token, never Markdown.
    fills.push(Fill::Value(label.to_string()));
    let mut md = format!("# {}\n\n{}", letter_token(1), letter_token(0));
    if let Some(dates) = p.dates_label() {
        md.push_str(&format!(", {}", letter_token(fills.len())));
        fills.push(Fill::Value(dates));
    }
    md.push_str(&format!("\n\n{}\n\n", letter_token(fills.len())));
    fills.push(Fill::Value(tr.get("post_box_note_intro", &[])));
    md.push_str(&letter_token(fills.len()));
    md.push('\n');
    fills.push(Fill::Field {
        name: POST_BOX_POINTS.to_string(),
        label: label.to_string(),
    });
    let doc = letters::parse_markdown(&md);
    let meta = docx::Meta {
        title: label,
        organisation,
        language: &p.language,
        landscape: false,
        logo: None,
    };
    letter_files::kit_json(&letters::kit::kit(
        "post-box-points",
        &[],
        &doc,
        &fills,
        &meta,
    )?)
}

#[derive(Serialize)]
pub struct ActionPlanView {
    /// "1" to "5" with each statement (our HTML from the front matter's inline Markdown).
    statements: Vec<Statement>,
    /// Whether these are the sheet's own statements (no `action_plan:` in the programme).
    default: bool,
    /// The session that makes the action plans (`produces: [action-plans]`), if any.
    session: Option<Link>,
}

#[derive(Serialize)]
struct Statement {
    number: String,
    html: String,
    /// One item per ruled line to write on: fewer under a long statement, so five of
    /// them still fit on one page.
    lines: Vec<u8>,
}

/// Ruled lines under a statement of `chars` characters: four under a short one (up to a
/// line of print), three under two lines' worth, two under anything longer.
fn write_lines(chars: usize) -> Vec<u8> {
    let n = match chars {
        0..=70 => 4,
        71..=140 => 3,
        _ => 2,
    };
    vec![0; n]
}

pub fn action_plan_view(p: &Programme, v: &ProgrammeViews) -> ActionPlanView {
    // (HTML, plain text) of each statement.
    let statements: Vec<(String, String)> = if p.action_plan.is_empty() {
        // coursebook's own defaults: interface strings, in the site's language.
        DEFAULT_STATEMENTS
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let id = format!("plan_statement_{}", k + 1);
                let text = match v.tr.get(&id, &[]) {
                    t if t == id => s.to_string(),
                    t => t,
                };
                (crate::util::escape_html(&text), text)
            })
            .collect()
    } else {
        p.action_plan
            .iter()
            .map(|x| (x.html.clone(), x.text.clone()))
            .collect()
    };
    let session = v
        .order
        .iter()
        .find(|&&i| {
            !p.sessions[i].trainer_only && p.sessions[i].produces.iter().any(|x| is_action_plan(x))
        })
        .map(|&i| v.link(p, i));
    ActionPlanView {
        statements: statements
            .into_iter()
            .enumerate()
            .map(|(k, (html, text))| Statement {
                number: (k + 1).to_string(),
                lines: write_lines(text.chars().count()),
                html,
            })
            .collect(),
        default: p.action_plan.is_empty(),
        session,
    }
}
