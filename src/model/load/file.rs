//! One source file to a `Parsed`: front matter split and read, the body's budget checked,
//! then the parser of the file's kind.

use super::audience::{Scope, whole_file};
use super::values::audience_of;
use super::{Kind, Parsed, delivery, letter, page, programme, session};
use crate::Audience;
use crate::config::ExtraKeys;
use crate::content::markdown::{self, Body, Markdown};
use crate::content::yaml::Node;
use crate::content::{SourceFile, frontmatter};
use crate::diagnostics::Diagnostic;

/// A file whose front matter has been read: what the parser of each kind starts from.
pub(super) struct Source<'a> {
    pub(super) f: &'a SourceFile,
    pub(super) node: Node,
    pub(super) body: &'a str,
    pub(super) body_line: usize,
    pub(super) audience: Audience,
    /// Its programme's scope (the default outside any programme).
    pub(super) scope: Scope,
    /// The front matter keys the site allows beside the known ones.
    pub(super) extra: &'a ExtraKeys,
}

impl Source<'_> {
    pub(super) fn participant(&self) -> bool {
        self.audience == Audience::Participant
    }

    /// The body rendered for this build; the markdown's own mistakes (an unknown callout
    /// marker) are reported for every file.
    pub(super) fn render(&self, body: Body, diags: &mut Vec<Diagnostic>) -> Markdown {
        render(
            self.f,
            (self.body, self.body_line),
            self.audience,
            body,
            &self.scope.words,
            diags,
        )
    }

    /// A session's body: a `[!PROMPTS]` callout that is only a list joins the page's list
    /// of prompts instead of staying in the body (see `markdown::render_with`).
    pub(super) fn render_session(&self, body: Body, diags: &mut Vec<Diagnostic>) -> Markdown {
        let md = markdown::render_words(
            self.body,
            self.body_line,
            self.audience,
            body,
            true,
            &self.scope.words,
        );
        report(self.f, &md, diags);
        md
    }
}

/// `text` rendered as Markdown, its problems reported against `f`.
pub(super) fn render(
    f: &SourceFile,
    (text, line): (&str, usize),
    audience: Audience,
    body: Body,
    words: &markdown::Words,
    diags: &mut Vec<Diagnostic>,
) -> Markdown {
    let md = markdown::render_words(text, line, audience, body, false, words);
    report(f, &md, diags);
    md
}

/// The Markdown's own mistakes, as errors against `f`.
fn report(f: &SourceFile, md: &Markdown, diags: &mut Vec<Diagnostic>) {
    diags.extend(md.problems.iter().map(|p| {
        Diagnostic::error(&f.display, p.message.clone())
            .at(p.line, p.col)
            .maybe_hint(p.hint.clone())
    }));
}

pub(super) fn parse_file(
    f: &SourceFile,
    kind: &Kind,
    audience: Audience,
    extra: &ExtraKeys,
) -> (Parsed, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let parsed = match read(f, kind, audience, extra, &mut diags) {
        Some(src) => match kind {
            Kind::Letter(slug, _) => letter_file(&src, slug, &mut diags),
            Kind::Programme(slug, _) => programme_file(&src, slug, &mut diags),
            Kind::Delivery(slug, scope) => delivery::delivery_file(&src, slug, scope, &mut diags),
            _ => other_file(&src, kind, &mut diags),
        },
        None => Parsed::Skipped,
    };
    (parsed, diags)
}

/// The front matter split off and parsed, after the body's budget check; `None` (the
/// problem reported) when the file cannot be read further.
fn read<'a>(
    f: &'a SourceFile,
    kind: &Kind,
    audience: Audience,
    extra: &'a ExtraKeys,
    diags: &mut Vec<Diagnostic>,
) -> Option<Source<'a>> {
    let split = match frontmatter::split(&f.text) {
        Ok(s) => s,
        Err((line, msg)) => {
            diags.push(
                Diagnostic::error(&f.display, msg)
                    .at(line, 1)
                    .hint("end the front matter with a line of three dashes: ---"),
            );
            return None;
        }
    };
    // Before any Markdown parser sees the body: a table can make millions of cells.
    if let Some(d) = crate::content::budget::check(&f.display, split.body, split.body_line) {
        diags.push(d);
        return None;
    }
    let node = match split.tree(&f.display) {
        Ok(n) => n,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let scope = match kind {
        Kind::Programme(_, s)
        | Kind::Letter(_, s)
        | Kind::Delivery(_, s)
        | Kind::InProgramme(_, s) => s.clone(),
        Kind::Home(s) | Kind::SitePage(s) => s.clone(),
    };
    Some(Source {
        f,
        node,
        body: split.body,
        body_line: split.body_line,
        audience,
        scope,
        extra,
    })
}

fn letter_file(src: &Source, slug: &str, diags: &mut Vec<Diagnostic>) -> Parsed {
    match letter::parse_letter(src, slug, diags) {
        Some((l, _)) if src.participant() && src.scope.trainer_only => {
            Parsed::TrainerOnly(whole_file(src.f, &src.node, &l.title))
        }
        Some((l, dropped)) => Parsed::Letter(Box::new(l), dropped),
        None => Parsed::Skipped,
    }
}

fn programme_file(src: &Source, slug: &str, diags: &mut Vec<Diagnostic>) -> Parsed {
    let md = src.render(src.scope.bodies, diags);
    match programme::parse_programme(src, slug, md, diags) {
        Some(h) if src.participant() && src.scope.trainer_only => {
            Parsed::TrainerOnly(whole_file(src.f, &src.node, &h.p.title))
        }
        Some(h) => Parsed::Programme(Box::new(h)),
        None => Parsed::Skipped,
    }
}

/// A session (it has `day`) or a page, of a programme or of the site.
fn other_file(src: &Source, kind: &Kind, diags: &mut Vec<Diagnostic>) -> Parsed {
    let is_session =
        matches!(kind, Kind::InProgramme(..) | Kind::SitePage(_)) && src.node.get("day").is_some();
    let trainer_only = audience_of(src.f, &src.node, diags) == Some(true) || src.scope.trainer_only;
    if is_session {
        return session::session_file(src, trainer_only, diags);
    }
    if trainer_only && src.participant() {
        return page::trainer_only_page(src, diags);
    }
    page::page_file(src, kind, trainer_only, diags)
}
