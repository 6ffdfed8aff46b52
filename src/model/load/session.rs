//! A session's front matter: its slot (day, block, order, duration), what it says, and
//! the references the programme's cross-checks resolve later.

use super::audience::reserved_session;
use super::file::Source;
use super::values::{parse_minutes, title_from_file};
use super::{Parsed, Pos, out_path};
use crate::content::markdown::{self, Body, Inline, inline};
use crate::content::yaml::{Fields, Value};
use crate::content::{SourceFile, duration};
use crate::diagnostics::Diagnostic;
use crate::model::{Prompt, Session};

const SESSION_KEYS: &[&str] = &[
    "title",
    "day",
    "block",
    "duration",
    "order",
    "format",
    "summary",
    "objectives",
    "prompts",
    "materials",
    "themes",
    "produces",
    "uses",
    "same_as",
    "letters",
    "audience",
];

const MAX_DAYS: i128 = 366;

/// What the cross-checks need to point at in a session's front matter.
#[derive(Debug, Clone, Default)]
pub(super) struct SessionRefs {
    pub(super) day: Pos,
    pub(super) block: Pos,
    pub(super) block_given: bool,
    pub(super) order: Pos,
    pub(super) same_as: Option<(String, Pos)>,
    pub(super) letters: Vec<(String, Pos)>,
    pub(super) uses: Vec<(String, Pos)>,
    /// The session's own front matter has an error: it is checked, not timetabled.
    pub(super) broken: bool,
}

/// A session, in either edition. A trainer-only session keeps its time in a participant
/// build: it is parsed, and emptied of all it says.
pub(super) fn session_file(
    src: &Source,
    trainer_only: bool,
    diags: &mut Vec<Diagnostic>,
) -> Parsed {
    let body = if trainer_only {
        Body::Hidden
    } else {
        src.scope.bodies
    };
    let md = src.render_session(body, diags);
    match parse_session(src, md, trainer_only, diags) {
        Some((mut s, refs)) => {
            let frags = if src.participant() && trainer_only {
                reserved_session(&mut s)
            } else {
                Vec::new()
            };
            Parsed::Session(Box::new((s, refs)), frags)
        }
        None => Parsed::Skipped,
    }
}

pub(super) fn parse_session(
    src: &Source,
    md: markdown::Markdown,
    trainer_only: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Session, SessionRefs)> {
    let (f, node) = (src.f, &src.node);
    let what = "session front matter";
    let mut fl = Fields::front(&f.display, node, what, SESSION_KEYS, &src.extra.session);
    let mut refs = SessionRefs::default();
    let title = parse_title(&mut fl);
    let day = fl.int("day", 1, MAX_DAYS).map(|(d, n)| {
        refs.day = Pos::of(n);
        d as u32
    });
    let block = fl.text_node("block").map(|(b, n)| {
        refs.block = Pos::of(n);
        refs.block_given = true;
        b.trim().to_string()
    });
    let minutes = parse_duration(&mut fl);
    let order = fl
        .int("order", i64::MIN as i128, i64::MAX as i128)
        .map(|(o, n)| {
            refs.order = Pos::of(n);
            o
        });
    let format = fl
        .text("format")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let summary = fl.text("summary").map(|t| inline(&t));
    let objectives = fl.list("objectives").iter().map(|t| inline(t)).collect();
    let mut prompts = parse_prompts(f, &mut fl);
    // A `[!PROMPTS]` item that repeats a front-matter prompt is listed once.
    let given: std::collections::HashSet<String> =
        prompts.iter().map(|p| p.text.text.clone()).collect();
    prompts.extend(
        md.prompts
            .iter()
            .filter(|t| !given.contains(*t))
            .map(|t| Prompt {
                text: Inline::plain(t),
                note: None,
            }),
    );
    let materials = fl.list("materials").iter().map(|t| inline(t)).collect();
    let themes = fl.list("themes");
    let produces = fl.list("produces");
    parse_refs(&mut fl, &mut refs);
    diags.append(&mut fl.diags);
    // A session with a bad title or duration is kept (the build fails anyway) so that the
    // cross-checks below still report its other problems in the same run.
    let day = day?;
    refs.broken = title.is_none() || minutes.is_none();
    let title = title.unwrap_or_else(|| title_from_file(&f.rel));
    let minutes = minutes.unwrap_or(1);
    let file = f
        .rel
        .split_once('/')
        .map_or(f.rel.as_str(), |(_, r)| r)
        .to_string();
    Some((
        Session {
            src: f.display.clone(),
            out: out_path(&f.rel),
            file,
            title,
            day,
            block: block.unwrap_or_default(),
            minutes,
            order,
            format,
            summary,
            objectives,
            prompts,
            materials,
            themes,
            produces,
            uses: refs.uses.iter().map(|(s, _)| s.clone()).collect(),
            same_as: None,
            letters: Vec::new(),
            trainer_only,
            md: std::sync::Arc::new(md),
        },
        refs,
    ))
}

/// `prompts:`, each text or `text:`/`note:`; its problems go into `fl`.
fn parse_prompts(f: &SourceFile, fl: &mut Fields) -> Vec<Prompt> {
    let mut prompts = Vec::new();
    let Some(items) = fl.seq("prompts") else {
        return prompts;
    };
    for it in items {
        match &it.value {
            Value::Map(_) => {
                let mut pf = Fields::new(&f.display, it, "a prompt", &["text", "note"]);
                let text = pf.text("text");
                let note = pf.text("note");
                if text.is_none() {
                    pf.error_at(
                        it,
                        "a prompt written as a mapping needs `text:`",
                        Some("- text: The question?\n    note: For the trainer".into()),
                    );
                }
                fl.diags.append(&mut pf.diags);
                if let Some(text) = text {
                    prompts.push(Prompt {
                        text: inline(&text),
                        note: note.map(|n| inline(&n)),
                    });
                }
            }
            _ => match it.as_text() {
                Some(text) => prompts.push(Prompt {
                    text: inline(&text),
                    note: None,
                }),
                None => fl.error_at(
                    it,
                    format!(
                        "each prompt must be text or `text:`/`note:`, found {}",
                        it.kind()
                    ),
                    None,
                ),
            },
        }
    }
    prompts
}

/// `duration`, which every session needs.
fn parse_duration(fl: &mut Fields) -> Option<u32> {
    match fl.node("duration") {
        Some(n) => parse_minutes(fl, n, "duration"),
        None => {
            fl.missing(
                "duration",
                "session front matter",
                &format!("add `duration: 30 mins`; {}", duration::ACCEPTED),
            );
            None
        }
    }
}

/// `uses`, `same_as` and `letters`: names the programme resolves when it is assembled,
/// each with where it was written.
fn parse_refs(fl: &mut Fields, refs: &mut SessionRefs) {
    refs.uses = fl
        .list_nodes("uses")
        .into_iter()
        .map(|(s, n)| (s, Pos::of(n)))
        .collect();
    refs.same_as = fl.text_node("same_as").map(|(s, n)| (s, Pos::of(n)));
    refs.letters = fl
        .list_nodes("letters")
        .into_iter()
        .map(|(s, n)| (s, Pos::of(n)))
        .collect();
}

/// `title`, which every session needs (a title that is not text has its own error).
fn parse_title(fl: &mut Fields) -> Option<String> {
    let title = fl.text("title");
    if title.is_none() && fl.node("title").is_none() {
        fl.missing(
            "title",
            "session front matter",
            "add a line such as `title: Case summaries, in pairs`",
        );
    }
    title
}
