//! Callouts: the `[!WORD]` markers a blockquote may open with, their kinds and markup,
//! and who sees what they enclose (the participant edition's allow-list).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Tag, TagEnd};

use super::lang::Words;
use super::markers::{callout_named, marker, meant, unknown_marker};
use super::{Body, Lines, Problem};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Callout {
    Plain,
    Std(BlockQuoteKind),
    Prompts,
    Trainer,
    Handout,
    Challenge,
    Solution,
}

/// A callout's own title, written after its marker (`> [!NOTE] Before you start`): inline
/// Markdown as HTML (raw HTML escaped, links as their text) and as plain text, with where
/// it stands (for the leak scan when the callout is left out).
#[derive(Clone, Debug, Default)]
pub(super) struct Title {
    pub(super) html: String,
    pub(super) text: String,
    pub(super) line: usize,
    pub(super) col: usize,
}

/// Titles by the byte offset where their blockquote starts.
pub(super) type Titles = HashMap<usize, Title>;

/// How a callout is written: the element, its class and the title it has without one.
pub(super) struct Markup {
    pub(super) tag: &'static str,
    pub(super) class: &'static str,
    pub(super) title: String,
}

/// What encloses an event: a blockquote (callout) or a footnote definition, which is
/// public exactly when a public part cites it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Frame {
    Quote(Callout),
    Footnote(bool),
}

/// Whether what the frames enclose is for participants too.
pub(super) fn is_public(frames: &[Frame], body: Body) -> bool {
    if body == Body::Hidden {
        return false;
    }
    let mut public = body == Body::Shared;
    for f in frames {
        match f {
            Frame::Quote(Callout::Trainer) => return false,
            Frame::Quote(Callout::Handout | Callout::Prompts) => public = true,
            Frame::Footnote(v) => public = *v,
            Frame::Quote(_) => {}
        }
    }
    public
}

/// An open `[!PROMPTS]` callout of a session: where its HTML and its items start, and
/// whether it holds anything but one list (then it stays in the body).
pub(super) struct Lift {
    html: usize,
    prompts: usize,
    depth: usize,
    extra: bool,
}

impl super::Render<'_, '_> {
    /// Before a (visible) event: opens a `[!PROMPTS]` callout's record, or notes that the
    /// open one holds more than a list.
    pub(super) fn lift_mark(&mut self, ev: &Event, callout: Option<Callout>) {
        let quotes = self.frames.len();
        match (&mut self.lift, ev) {
            (None, Event::Start(Tag::BlockQuote(_))) if callout == Some(Callout::Prompts) => {
                self.lift = Some(Lift {
                    html: self.html.len(),
                    prompts: self.out.prompts.len(),
                    depth: quotes,
                    extra: false,
                });
            }
            (Some(l), Event::End(TagEnd::BlockQuote(_))) if quotes + 1 == l.depth => {}
            (Some(_), Event::Start(Tag::List(_) | Tag::Item) | Event::End(TagEnd::List(_)))
                if self.prompt_depth == 0 => {}
            (Some(l), _) if self.prompt_depth == 0 => l.extra = true,
            _ => {}
        }
    }

    /// After a callout's end: a session's `[!PROMPTS]` callout that held only a list
    /// leaves the HTML; any other keeps its items in `body_prompts`.
    pub(super) fn lift_end(&mut self, ev: &Event, callout: Option<Callout>) {
        let Event::End(TagEnd::BlockQuote(_)) = ev else {
            return;
        };
        let ours = self
            .lift
            .as_ref()
            .is_some_and(|l| l.depth == self.frames.len() + 1);
        if callout != Some(Callout::Prompts) || !ours {
            return;
        }
        let Some(l) = self.lift.take() else {
            return;
        };
        let items = &self.out.prompts[l.prompts..];
        if self.lift_prompts && !l.extra && !items.is_empty() {
            self.html.truncate(l.html);
        } else {
            self.out.body_prompts.extend(items.iter().cloned());
        }
    }
}

/// A callout's markup; `None` for a plain quote. A solution is a `<details>`, folded until
/// opened (no script needed).
pub(super) fn callout_markup(c: Callout, words: &Words) -> Option<Markup> {
    let class = match c {
        Callout::Plain => return None,
        Callout::Std(BlockQuoteKind::Note) => "note",
        Callout::Std(BlockQuoteKind::Tip) => "tip",
        Callout::Std(BlockQuoteKind::Important) => "important",
        Callout::Std(BlockQuoteKind::Warning) => "warning",
        Callout::Std(BlockQuoteKind::Caution) => "caution",
        Callout::Prompts => "prompts",
        Callout::Trainer => "trainer",
        Callout::Handout => "handout",
        Callout::Challenge => "challenge",
        Callout::Solution => "solution",
    };
    let title = words.title(class).to_string();
    let tag = if c == Callout::Solution {
        "details"
    } else {
        "aside"
    };
    Some(Markup { tag, class, title })
}

/// The opening markup of callout `c`, with its own title when it has one.
pub(super) fn callout_open(c: Callout, m: &Markup, title: Option<&Title>) -> String {
    let extra = if c == Callout::Trainer {
        " trainer-only\" data-audience=\"trainer"
    } else {
        ""
    };
    let (tag, class) = (m.tag, m.class);
    let title = title.map_or(m.title.as_str(), |t| t.html.as_str());
    if c == Callout::Solution {
        format!(
            "<details class=\"callout callout-{class}\"><summary class=\"callout-title\">{title}</summary>\n"
        )
    } else {
        format!(
            "<{tag} class=\"callout callout-{class}{extra}\"><p class=\"callout-title\">{title}</p>\n"
        )
    }
}

/// Labels of the footnotes that a part participants see cites.
pub(super) fn publicly_cited(
    events: &[(Event, Range<usize>, Option<Callout>)],
    body: Body,
) -> HashSet<String> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut cited = HashSet::new();
    for (ev, _, callout) in events {
        match ev {
            Event::Start(Tag::BlockQuote(_)) => {
                frames.push(Frame::Quote(callout.unwrap_or(Callout::Plain)))
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                frames.pop();
            }
            // A note cited only from another note is as public as the body around it.
            Event::FootnoteReference(label) if is_public(&frames, body) => {
                cited.insert(label.to_string());
            }
            _ => {}
        }
    }
    cited
}

/// Finds the kind of every blockquote: GitHub's alerts as pulldown-cmark reads them, and
/// plain blockquotes whose first line is a marker (`[!TRAINER]`, any case), whose marker
/// is then taken out of the text. An unknown marker is a problem: a misspelt `[!TRAINER]`
/// must not publish the note. Events come back with the kind of each blockquote start.
#[allow(clippy::type_complexity)]
pub(super) fn mark_callouts<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    lines: &Lines,
    problems: &mut Vec<Problem>,
    titles: &mut Titles,
) -> Vec<(Event<'a>, Range<usize>, Option<Callout>)> {
    let mut evs: Vec<Option<(Event<'a>, Range<usize>)>> = events.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(evs.len());
    // Blockquote kinds by nesting, so each end carries its start's kind.
    let mut open: Vec<Callout> = Vec::new();
    for i in 0..evs.len() {
        let Some((ev, range)) = evs[i].take() else {
            continue;
        };
        let kind = match &ev {
            Event::Start(Tag::BlockQuote(Some(k))) => Callout::Std(*k),
            Event::Start(Tag::BlockQuote(None)) => {
                let (kind, title) = custom_callout(&mut evs, i, lines, problems);
                if let Some(t) = title {
                    titles.insert(range.start, t);
                }
                kind
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                let c = open.pop().unwrap_or(Callout::Plain);
                out.push((ev, range, Some(c)));
                continue;
            }
            _ => {
                out.push((ev, range, None));
                continue;
            }
        };
        open.push(kind);
        out.push((ev, range, Some(kind)));
    }
    out
}

/// The kind of the plain blockquote starting at `evs[i]`, from the marker its first
/// paragraph opens with, and the title that follows the marker on its line; marker and
/// title are taken out of the events that follow.
fn custom_callout(
    evs: &mut [Option<(Event, Range<usize>)>],
    i: usize,
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> (Callout, Option<Title>) {
    if !matches!(
        evs.get(i + 1),
        Some(Some((Event::Start(Tag::Paragraph), _)))
    ) {
        return (Callout::Plain, None);
    }
    // The marker may come as several text events (`[`, `!TRAINER`, `]`): join them.
    let mut k = i + 2;
    let mut acc = String::new();
    while let Some(Some((Event::Text(t), _))) = evs.get(k) {
        acc.push_str(t);
        k += 1;
    }
    let Some((written, word, taken)) = marker(&acc) else {
        return (Callout::Plain, None);
    };
    let text_range = match evs.get(i + 2) {
        Some(Some((_, r))) => r.clone(),
        _ => return (Callout::Plain, None),
    };
    let kind = match word.and_then(callout_named) {
        Some(c) => c,
        None => {
            let (line, col) = lines.at(text_range.start);
            let guess = meant(written);
            problems.push(unknown_marker(written, guess, line, col));
            // Whatever else happens, a near miss of a trainer note stays out of sight.
            if guess == Some("TRAINER") {
                Callout::Trainer
            } else {
                return (Callout::Plain, None);
            }
        }
    };
    let rest = acc[taken.min(acc.len())..].trim_start().to_string();
    for e in evs.iter_mut().take(k).skip(i + 2) {
        *e = None;
    }
    // The title: the rest of the marker's line, inline events and all.
    let mut title: Vec<Event> = Vec::new();
    if !rest.is_empty() {
        title.push(Event::Text(CowStr::from(rest)));
    }
    let mut depth = 0usize;
    while let Some(Some((ev, _))) = evs.get(k) {
        match ev {
            Event::SoftBreak | Event::HardBreak if depth == 0 => break,
            Event::End(TagEnd::Paragraph) => break,
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if let Some((ev, _)) = evs[k].take() {
            title.push(ev);
        }
        k += 1;
    }
    let after = evs.get(k).and_then(|e| e.as_ref()).map(|e| &e.0);
    if matches!(after, Some(Event::SoftBreak | Event::HardBreak)) {
        evs[k] = None;
    } else if matches!(after, Some(Event::End(TagEnd::Paragraph))) {
        // The paragraph held only the marker and its title: drop it.
        evs[i + 1] = None;
        evs[k] = None;
    }
    let title = (!title.is_empty()).then(|| {
        let (line, col) = lines.at(text_range.start);
        title_of(title, line, col)
    });
    (kind, title.filter(|t| !t.text.trim().is_empty()))
}

/// A title's HTML and text from its inline events: raw HTML becomes text (escaped when
/// written), a link or image only its text.
fn title_of(events: Vec<Event>, line: usize, col: usize) -> Title {
    let mut text = String::new();
    let kept: Vec<Event> = events
        .into_iter()
        .filter_map(|ev| match ev {
            Event::Start(Tag::Link { .. } | Tag::Image { .. })
            | Event::End(TagEnd::Link | TagEnd::Image) => None,
            Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
            Event::FootnoteReference(l) => Some(Event::Text(format!("[^{l}]").into())),
            Event::SoftBreak | Event::HardBreak => Some(Event::Text(" ".into())),
            ev => Some(ev),
        })
        .inspect(|ev| {
            if let Event::Text(t) | Event::Code(t) = ev {
                text.push_str(t);
            }
        })
        .collect();
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, kept.into_iter());
    Title {
        html: html.trim().to_string(),
        text: text.trim().to_string(),
        line,
        col,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Body;
    use super::super::tests::{md, participant};

    #[test]
    fn callouts_standard_and_custom() {
        let m = md(
            "> [!NOTE]\n> Hello\n\n> [!PROMPTS]\n> - One?\n> - Two, `x`?\n\n> [!TRAINER]\n> Secret\n",
        );
        assert!(m.html.contains("callout-note"), "{}", m.html);
        assert!(m.html.contains("callout-prompts"));
        assert!(m.html.contains("callout-trainer"));
        assert!(!m.html.contains("[!PROMPTS]"));
        assert!(!m.html.contains("[!TRAINER]"));
        assert_eq!(m.prompts, vec!["One?", "Two, x?"]);
        assert_eq!(m.trainer_notes, 1);
        let p = participant("> [!TRAINER]\n> Secret\n\nPublic\n", Body::Shared);
        assert!(!p.html.contains("Secret"), "{}", p.html);
        assert!(p.html.contains("Public"));
    }

    #[test]
    fn a_callout_takes_its_title_from_the_marker_line() {
        let m = md(
            "> [!NOTE] Before `you` *start*\n> Body text.\n\n> [!TIP]\n> Plain.\n\n> [!WARNING] Title <script>x</script> [l](a.md)\n",
        );
        assert!(
            m.html
                .contains("<p class=\"callout-title\">Before <code>you</code> <em>start</em></p>"),
            "{}",
            m.html
        );
        assert!(m.html.contains("<p>Body text.</p>"), "{}", m.html);
        assert!(
            m.html.contains("<p class=\"callout-title\">Tip</p>"),
            "{}",
            m.html
        );
        assert!(
            m.html
                .contains("Title &lt;script&gt;x&lt;/script&gt; l</p>"),
            "{}",
            m.html
        );
        assert!(m.links.is_empty(), "a title's link is only its text");
        let c = md("> [!CHALLENGE] Sum it\n> Add 2 and 2.\n>\n> > [!SOLUTION]\n> > Four.\n");
        assert!(
            c.html.contains(
                "<aside class=\"callout callout-challenge\"><p class=\"callout-title\">Sum it</p>"
            ),
            "{}",
            c.html
        );
        assert!(c.html.contains("<details class=\"callout callout-solution\"><summary class=\"callout-title\">Solution</summary>"), "{}", c.html);
        assert!(
            c.html.contains("Four.</p>\n</details>\n</aside>"),
            "{}",
            c.html
        );
        let p = participant(
            "> [!TRAINER] Secret title\n> Secret body.\n\nOpen.\n",
            Body::Shared,
        );
        assert!(!p.html.contains("Secret"), "{}", p.html);
        assert!(
            p.dropped.iter().any(|d| d.text == "Secret title"),
            "{:?}",
            p.dropped
        );
        let pr = md("> [!PROMPTS] Warm-up\n> - Who are you?\n");
        assert!(
            pr.html.contains("<p class=\"callout-title\">Warm-up</p>"),
            "{}",
            pr.html
        );
        assert_eq!(pr.prompts, vec!["Who are you?"]);
        let h = participant(
            "Notes.\n\n> [!HANDOUT] Bring *this*\n> A pen.\n",
            Body::Trainer,
        );
        assert!(h.html.contains("Bring <em>this</em></p>"), "{}", h.html);
    }

    #[test]
    fn trainer_marker_with_text_on_same_line() {
        let m = md("> [!TRAINER] Keep it short.\n");
        assert!(m.html.contains("Keep it short."), "{}", m.html);
        assert!(!m.html.contains("[!TRAINER]"));
    }

    #[test]
    fn trainer_marker_in_any_case_and_near_misses() {
        for note in ["[!Trainer]", "[!trainer]", "[!TRAINER]"] {
            let m = participant(
                &format!("> {note}\n> Door code: 4471#\n\nOpen.\n"),
                Body::Shared,
            );
            assert!(!m.html.contains("4471"), "{note}: {}", m.html);
            assert!(m.problems.is_empty(), "{note}: {:?}", m.problems);
        }
        for (near, meant) in [
            ("[!TRAINERS]", "[!TRAINER]"),
            ("[! TRAINER]", "[!TRAINER]"),
            ("[!TRAINER-NOTE]", "[!TRAINER]"),
            ("[!NTOE]", "[!NOTE]"),
        ] {
            let m = participant(
                &format!("Text.\n\n> {near}\n> Door code: 4471#\n"),
                Body::Shared,
            );
            assert_eq!(m.problems.len(), 1, "{near}");
            let p = &m.problems[0];
            assert_eq!((p.line, p.col), (3, 3), "{near}");
            assert!(p.message.contains(near), "{}", p.message);
            assert!(
                p.hint.as_deref().unwrap_or("").contains(meant),
                "{near}: {:?}",
                p.hint
            );
            if meant == "[!TRAINER]" {
                // Even before the error is fixed, a near miss of a trainer note stays hidden.
                assert!(!m.html.contains("4471"), "{near}: {}", m.html);
            }
        }
        // A quote that merely starts with a bracket is not a marker.
        assert!(md("> [see here](x.md) for more\n").problems.is_empty());
        assert!(md("> [1] a reference\n").problems.is_empty());
    }

    #[test]
    fn a_trainer_body_shows_participants_only_handouts_and_prompts() {
        let src = "Put people in pairs.\n\n> [!HANDOUT]\n> Bring one case.\n\n> [!PROMPTS]\n> - What helped?\n\n## Aims\n\nMore notes.\n";
        let t = md(src);
        assert!(t.html.contains("Put people in pairs"));
        assert!(t.html.contains("callout-handout"));
        let p = participant(src, Body::Trainer);
        assert!(!p.html.contains("Put people"), "{}", p.html);
        assert!(!p.html.contains("More notes"), "{}", p.html);
        assert!(p.html.contains("Bring one case"), "{}", p.html);
        assert!(p.html.contains("What helped?"));
        assert_eq!(p.prompts, vec!["What helped?"]);
        let dropped: Vec<&str> = p.dropped.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dropped, vec!["Put people in pairs.", "Aims", "More notes."]);
        let shared = participant(src, Body::Shared);
        assert!(shared.html.contains("Put people in pairs"));
        let hidden = participant(src, Body::Hidden);
        assert!(!hidden.html.contains("Bring one case"), "{}", hidden.html);
    }

    #[test]
    fn footnotes_follow_what_cites_them_and_comments_stay_out() {
        let src = "Open[^pub].\n\n> [!TRAINER]\n> Secret[^key].\n\n[^pub]: Public note.\n[^key]: Answer key is Quetzal.\n\n<!-- Quetzal draft -->\nEnd <!-- inline Quetzal --> here.\n";
        let t = md(src);
        assert!(t.html.contains("Answer key is Quetzal"));
        let p = participant(src, Body::Shared);
        assert!(p.html.contains("Public note"), "{}", p.html);
        assert!(!p.html.contains("Quetzal"), "{}", p.html);
        assert!(p.html.contains("here."));
        assert!(
            p.dropped
                .iter()
                .any(|d| d.text.contains("Answer key is Quetzal")),
            "{:?}",
            p.dropped
        );
    }

    #[test]
    fn a_sessions_prompts_callout_of_only_a_list_leaves_the_body() {
        use crate::Audience;
        use crate::content::markdown::render_with;
        let text = "Before.\n\n> [!PROMPTS]\n> - One?\n> - Two?\n\nAfter.\n";
        let lifted = render_with(text, 1, Audience::Trainer, Body::Shared, true);
        assert!(!lifted.html.contains("callout-prompts"), "{}", lifted.html);
        assert!(lifted.html.contains("Before.") && lifted.html.contains("After."));
        assert_eq!(lifted.prompts, vec!["One?", "Two?"]);
        assert!(lifted.body_prompts.is_empty());
        let kept = render_with(text, 1, Audience::Trainer, Body::Shared, false);
        assert!(kept.html.contains("callout-prompts"));
        assert_eq!(kept.body_prompts, vec!["One?", "Two?"]);
        let more = "> [!PROMPTS]\n> Ask the group:\n>\n> - One?\n";
        let more = render_with(more, 1, Audience::Trainer, Body::Shared, true);
        assert!(more.html.contains("Ask the group:") && more.html.contains("One?"));
        assert_eq!(more.body_prompts, vec!["One?"]);
    }
}
