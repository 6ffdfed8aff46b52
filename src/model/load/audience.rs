//! The participant edition: who sees a programme's files (`Scope`), and what a
//! participant build drops or reserves, each dropped text kept as a fragment for the
//! leak scan.

use std::collections::HashSet;

use super::out_path;
use crate::content::markdown::Body;
use crate::content::yaml::{self, Node};
use crate::content::{SourceFile, frontmatter};
use std::sync::Arc;

use crate::content::markdown::Words;
use crate::i18n::Catalog;
use crate::model::{Fragment, Page, Programme, Session, Site, timetable};

/// What a programme's front matter says about who sees its files, read before the files
/// are parsed (side by side) so each file knows it; part of a file's cache key.
#[derive(Clone, PartialEq, Eq, Default, Debug)]
pub(super) struct Scope {
    /// `audience: trainer` on the programme: none of it is for participants.
    pub(super) trainer_only: bool,
    /// `session-bodies: all`: sessions' and the programme's bodies are written to learners.
    pub(super) bodies: Body,
    /// The words of the programme's `language:` (or the site's; an edition's own): the
    /// Markdown's callout titles (the interface strings', a site's `.ftl` included) and
    /// smart quotes. Shared: made once per language.
    pub(super) words: Arc<Words>,
}

impl Scope {
    /// Read from a programme's `index.md`; its own parse reports any mistake in it.
    pub(super) fn of(text: &str, display: &str, site: &Scope, i18n: &Catalog) -> Scope {
        let mut scope = Scope {
            trainer_only: false,
            bodies: Body::Trainer,
            ..site.clone()
        };
        let Ok(split) = frontmatter::split(text) else {
            return scope;
        };
        let Some(Ok(node)) = split.yaml.map(|y| yaml::parse(display, y, split.yaml_line)) else {
            return scope;
        };
        let word = |k: &str| {
            node.get(k)
                .and_then(Node::as_text)
                .map(|t| t.trim().to_lowercase())
        };
        if let Some(tag) = word("language") {
            scope = scope.in_language(&tag, i18n);
        }
        scope.trainer_only = matches!(word("audience").as_deref(), Some("trainer" | "trainers"));
        if matches!(
            word("session-bodies").as_deref(),
            Some("all" | "everyone" | "participants")
        ) {
            scope.bodies = Body::Shared;
        }
        scope
    }
}

impl Scope {
    /// This scope in the language `tag` (one without interface strings: English).
    pub(super) fn in_language(self, tag: &str, i18n: &Catalog) -> Scope {
        Scope {
            words: Arc::new(Words::of(tag, &i18n.strings(tag))),
            ..self
        }
    }
}

/// Participant builds keep no trainer-only page or letter, and no trainer-only session
/// beyond its slot in the timetable; what is dropped is remembered in `trainer_fragments`
/// for the leak check over the written output.
pub(super) fn drop_trainer_only(site: &mut Site) {
    let frags = &mut site.trainer_fragments;
    site.pages.retain(|p| !p.trainer_only);
    for p in &mut site.programmes {
        p.pages.retain(|pg| !pg.trainer_only);
        // Sessions refer to letters by index: renumber those kept, forget the rest.
        let mut new_index = vec![None; p.letters.len()];
        let mut kept = 0;
        for (i, l) in p.letters.iter().enumerate() {
            if l.trainer_only {
                frags.push(Fragment::new(&l.src, &l.title));
                if let Some(d) = &l.description {
                    frags.push(Fragment::new(&l.src, d));
                }
                frags.push(Fragment::path(&l.src, &l.out));
            } else {
                new_index[i] = Some(kept);
                kept += 1;
            }
        }
        p.letters.retain(|l| !l.trainer_only);
        for s in &mut p.sessions {
            s.letters = s.letters.iter().filter_map(|&j| new_index[j]).collect();
            for pr in &mut s.prompts {
                if let Some(n) = pr.note.take() {
                    frags.push(Fragment::new(&s.src, &n));
                }
            }
        }
        reserve_trainer_slots(p);
    }
}

/// Takes trainer-only sessions out of a participant build's programme, leaving their time
/// in the timetable as reserved rows, so both editions show the same clock.
fn reserve_trainer_slots(p: &mut Programme) {
    if !p.sessions.iter().any(|s| s.trainer_only) {
        return;
    }
    let mut new_index = vec![None; p.sessions.len()];
    let mut kept = 0;
    for (i, s) in p.sessions.iter().enumerate() {
        if !s.trainer_only {
            new_index[i] = Some(kept);
            kept += 1;
        }
    }
    p.sessions.retain(|s| !s.trainer_only);
    for s in &mut p.sessions {
        s.same_as = s.same_as.and_then(|j| new_index[j]);
    }
    remap(&mut p.timetable, &new_index);
    for d in &mut p.deliveries {
        remap(&mut d.timetable, &new_index);
    }
}

/// Session rows renumbered to the sessions kept; a dropped one's row becomes reserved.
fn remap(tt: &mut timetable::Timetable, new_index: &[Option<usize>]) {
    for d in &mut tt.days {
        for seg in &mut d.segments {
            if let timetable::Segment::Block { rows, .. } = seg {
                for r in rows {
                    if let timetable::RowKind::Session(i) = r.kind {
                        r.kind = match new_index.get(i).copied().flatten() {
                            Some(j) => timetable::RowKind::Session(j),
                            None => timetable::RowKind::Reserved,
                        };
                    }
                }
            }
        }
    }
}

/// A trainer-only session as a participant build keeps it: its place in the day and what
/// the timetable needs, nothing that it says. What it said goes into the fragments.
pub(super) fn reserved_session(s: &mut Session) -> Vec<Fragment> {
    let mut frags = vec![
        Fragment::new(&s.src, &s.title),
        Fragment::path(&s.src, &s.out),
    ];
    let texts = s
        .summary
        .take()
        .into_iter()
        .chain(std::mem::take(&mut s.objectives))
        .chain(std::mem::take(&mut s.materials))
        .map(|t| t.text)
        .chain(s.format.take())
        .chain(
            std::mem::take(&mut s.prompts)
                .into_iter()
                .flat_map(|p| std::iter::once(p.text.text).chain(p.note.map(|n| n.text))),
        );
    frags.extend(texts.map(|t| Fragment::new(&s.src, &t)));
    s.title = RESERVED_TITLE.to_string();
    s.themes.clear();
    frags
}

/// What a participant's timetable shows in a trainer-only session's time.
pub const RESERVED_TITLE: &str = "Trainers' time";

/// What a trainer-only file a participant build leaves out must not show: its title, its
/// page's path, its summary. (Its body's text comes from the render that dropped it.)
pub(super) fn whole_file(f: &SourceFile, node: &Node, title: &str) -> Vec<Fragment> {
    let at = node.get("title").map_or((0, 0), |n| (n.line, n.col));
    let mut frags = vec![
        Fragment::new(&f.display, title).at(at.0, at.1),
        Fragment::path(&f.display, &out_path(&f.rel)),
    ];
    for key in ["summary", "description", "subtitle"] {
        if let Some(n) = node.get(key)
            && let Some(t) = n.as_text()
        {
            frags.push(Fragment::new(&f.display, &t).at(n.line, n.col));
        }
    }
    frags
}

/// Trainer-only parts a participant build keeps (until dropped), by output path: the
/// leak scan must not find them.
pub(super) fn trainer_only_outputs(
    programmes: &[Programme],
    site_pages: &[Page],
    trainer_only: &mut HashSet<String>,
) {
    for p in programmes {
        if p.trainer_only {
            trainer_only.insert(format!("{}/", p.slug));
        }
        let pages = p.pages.iter().filter(|x| x.trainer_only).map(|x| &x.out);
        let sessions = p.sessions.iter().filter(|x| x.trainer_only).map(|x| &x.out);
        let letters = p.letters.iter().filter(|x| x.trainer_only).map(|x| &x.out);
        trainer_only.extend(pages.chain(sessions).chain(letters).cloned());
        for d in p.deliveries.iter().filter(|d| d.trainer_only) {
            let dir = d.dir(&p.slug);
            trainer_only.insert(format!("{dir}/index.html"));
        }
    }
    trainer_only.extend(
        site_pages
            .iter()
            .filter(|x| x.trainer_only)
            .map(|x| x.out.clone()),
    );
}
