//! Markdown -> HTML with callouts, heading ids, highlighted code and `.md` links rewritten
//! to `.html`. Also collects what later stages need without re-parsing: headings (for
//! anchors), links (for checking), `[!PROMPTS]` items and the plain text (for search).
//!
//! Rooms: `callouts` (markers, kinds, who sees what they enclose), `dropped` (what a
//! participant build leaves out, as text), `links` (rewriting and recording links),
//! `headings` (unique ids); this file holds the types and the one pass over the events.

mod callouts;
mod dropped;
mod headings;
mod inline;
mod lang;
mod lines;
mod links;
mod markers;
mod quotes;

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::highlight;
use crate::Audience;
use crate::util::escape_html;
use callouts::{
    Callout, Frame, Titles, callout_markup, callout_open, is_public, mark_callouts, publicly_cited,
};
use dropped::{drop_text, keep_dropped, strip_comments};
use headings::{HeadingIds, heading_base};
use lines::Lines;
use links::{html_ids, html_refs, rewrite_link};

pub use inline::{Inline, inline};
pub use lang::{CALLOUT_CLASSES, Words};
pub use markers::is_trainer_marker;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link or image as written, with where it stands in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub line: usize,
    pub col: usize,
    pub image: bool,
    /// In a part participants see (not inside a trainer note; in a shared body or a
    /// `[!HANDOUT]`): such a link must not lead into trainer-only content.
    pub public: bool,
}

/// Who a Markdown body is written for, outside its callouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Body {
    /// Everyone reads it (plain pages, letters, lesson-style sessions).
    #[default]
    Shared,
    /// Trainers' notes: participants see only its `[!HANDOUT]` and `[!PROMPTS]` callouts.
    Trainer,
    /// Nothing of it is for participants (a trainer-only page).
    Hidden,
}

/// Text a participant build left out, with where it starts in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub text: String,
    pub line: usize,
    pub col: usize,
}

/// A mistake in the Markdown itself (an unknown callout marker), reported by the loader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Markdown {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    /// Items of `[!PROMPTS]` callouts, as plain text.
    pub prompts: Vec<String>,
    /// Those of `prompts` whose callout is still in `html` (a session's callout that holds
    /// more than a list, or any other file's), so a list beside the body can leave them out.
    pub body_prompts: Vec<String>,
    pub has_code: bool,
    /// The text as the page shows it (this audience's), without markup: blocks end with a
    /// newline, table cells with a space. Code is included; raw HTML is not. For search.
    pub text: String,
    /// How many trainer-only callouts the source has (kept or dropped).
    pub trainer_notes: usize,
    /// Plain text of each paragraph a participant build left out (trainer notes, a
    /// trainer-only body, footnotes only they cite, HTML comments), so the build can check
    /// that none of it reached the output.
    pub dropped: Vec<Dropped>,
    pub problems: Vec<Problem>,
    /// `src` and `href` values in raw HTML, for the files a page uses (not checked as links).
    pub html_refs: Vec<Link>,
    /// The body has raw HTML, so it is sanitised (model/sanitize.rs).
    pub raw_html: bool,
    /// Links, images and raw-HTML URLs that are refused or load from another host.
    pub unsafe_urls: Vec<super::urls::Finding>,
    /// Link targets besides the headings: `id`s in raw HTML and definition terms' ids.
    pub anchors: Vec<String>,
}

impl Markdown {
    /// Every id a link may name on this page: headings', then raw HTML's and terms'.
    pub fn anchor_ids(&self) -> impl Iterator<Item = &str> {
        self.headings
            .iter()
            .map(|h| h.id.as_str())
            .chain(self.anchors.iter().map(String::as_str))
    }
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

/// A heading being collected: level, explicit id, classes, inner events, plain text.
type OpenHeading<'a> = (
    HeadingLevel,
    Option<String>,
    Vec<String>,
    Vec<Event<'a>>,
    String,
);

/// Table column alignment as classes: pulldown-cmark writes `style="text-align: ..."`,
/// which the pages' Content-Security-Policy (no inline style) and the sanitiser drop.
fn align_classes(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    let mut html = html;
    for side in ["left", "center", "right"] {
        html = html.replace(
            &format!(" style=\"text-align: {side}\">"),
            &format!(" class=\"align-{side}\">"),
        );
    }
    html
}

/// Render `text` (a Markdown body whose first line is `first_line` of its file), for
/// `audience`, from a body written for `body`.
pub fn render(text: &str, first_line: usize, audience: Audience, body: Body) -> Markdown {
    render_with(text, first_line, audience, body, false)
}

/// As [`render`]; with `lift_prompts` (a session's body, whose page lists its prompts), a
/// `[!PROMPTS]` callout that holds only a list is taken out of the HTML: its items are in
/// `prompts` alone.
pub fn render_with(
    text: &str,
    first_line: usize,
    audience: Audience,
    body: Body,
    lift_prompts: bool,
) -> Markdown {
    render_in(text, first_line, audience, body, lift_prompts, "en")
}

/// As [`render_with`], for a page in language `lang` (a BCP 47 tag: `cy`, `fr`...), with
/// the built-in theme's words (see [`render_words`]).
pub fn render_in(
    text: &str,
    first_line: usize,
    audience: Audience,
    body: Body,
    lift_prompts: bool,
    lang: &str,
) -> Markdown {
    let words = Words::builtin(lang);
    render_words(text, first_line, audience, body, lift_prompts, &words)
}

/// As [`render_with`], in the language of `words`: the callouts' default titles are its
/// interface strings' (`callout_<class>`, a site's `.ftl` included) and smart quotes its
/// own (`quotes.rs`).
pub fn render_words(
    text: &str,
    first_line: usize,
    audience: Audience,
    body: Body,
    lift_prompts: bool,
    words: &Words,
) -> Markdown {
    let lines = Lines::new(text, first_line);
    let lang = words.lang;
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    quotes::localise(&mut events, text, lang);
    let scan = super::urls::scan(&events, |o| lines.at(o));
    let mut out = Markdown {
        raw_html: scan.raw_html,
        unsafe_urls: scan.findings,
        ..Default::default()
    };
    let mut titles = Titles::new();
    let events = mark_callouts(events, &lines, &mut out.problems, &mut titles);
    let mut r = Render {
        lines: &lines,
        words,
        body,
        participant: audience == Audience::Participant,
        cited: publicly_cited(&events, body),
        titles,
        out,
        html: Vec::with_capacity(events.len()),
        frames: Vec::new(),
        piece: None,
        in_comment: false,
        code: None,
        heading: None,
        hidden_heading: None,
        ids: HeadingIds::default(),
        term: None,
        terms: Vec::new(),
        prompt_item: None,
        prompt_depth: 0,
        lift_prompts,
        lift: None,
        text: String::with_capacity(text.len()),
    };
    for (ev, range, callout) in events {
        r.event(ev, range, callout);
    }
    r.finish(text.len())
}

/// One render's state: what it has made so far and what is open at the current event.
struct Render<'a, 'l> {
    lines: &'l Lines<'a>,
    /// The page's language: its callouts' default titles.
    words: &'l Words,
    body: Body,
    participant: bool,
    /// Footnotes a public part cites (so they are public too).
    cited: HashSet<String>,
    /// Callouts' own titles, by where their blockquote starts.
    titles: Titles,
    out: Markdown,
    html: Vec<Event<'a>>,
    frames: Vec<Frame>,
    /// Text being left out of a participant page.
    piece: Option<Dropped>,
    in_comment: bool,
    /// A code block being gathered: its info string and text.
    code: Option<(String, String)>,
    heading: Option<OpenHeading<'a>>,
    /// A heading participants do not see still takes its id, so ids agree in both editions.
    hidden_heading: Option<(Option<String>, String)>,
    ids: HeadingIds,
    /// A definition term being written: where its `<dt>` stands in `html`, and its text.
    term: Option<(usize, String)>,
    /// Each term's `<dt>` and id base, given ids once the headings have theirs (so a term
    /// never moves a heading's id).
    terms: Vec<(usize, String)>,
    prompt_item: Option<String>,
    prompt_depth: usize,
    /// Whether a `[!PROMPTS]` callout that is only a list leaves the HTML (a session).
    lift_prompts: bool,
    /// The open `[!PROMPTS]` callout: see `callouts::Lift`.
    lift: Option<callouts::Lift>,
    /// The plain text so far (`Markdown::text`).
    text: String,
}

impl<'a> Render<'a, '_> {
    /// One event, through each step that may take it.
    fn event(&mut self, ev: Event<'a>, range: Range<usize>, callout: Option<Callout>) {
        let public = self.enter(&ev, callout);
        if self.participant && !public {
            self.hide(&ev, &range);
            return;
        }
        if let Some(p) = self.piece.take() {
            keep_dropped(p, &mut self.out.dropped);
        }
        self.lift_mark(&ev, callout);
        if self.callout_edge(&ev, &range, callout) {
            self.lift_end(&ev, callout);
            return;
        }
        let Some(ev) = self.uncomment(ev, &range) else {
            return;
        };
        if let Event::Html(h) | Event::InlineHtml(h) = &ev {
            html_refs(h, &range, self.lines, public, &mut self.out.html_refs);
            self.out.anchors.extend(html_ids(h));
        }
        let in_prompts = self.frames.contains(&Frame::Quote(Callout::Prompts));
        if self.code_block(&ev) {
            return;
        }
        let Some(ev) = self.heading(ev, &range, public) else {
            return;
        };
        if in_prompts {
            self.prompt(&ev);
        }
        self.plain(&ev);
        if self.term_edge(&ev) {
            return;
        }
        let ev = rewrite_link(ev, &range, self.lines, &mut self.out.links, public);
        self.html.push(ev);
    }

    /// The event's share of the plain text.
    fn plain(&mut self, ev: &Event) {
        match ev {
            Event::Text(t) | Event::Code(t) => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            Event::End(TagEnd::TableCell) => self.text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => self.text.push('\n'),
            _ => {}
        }
    }

    /// Opens and closes the frames around the event; whether the event is public. A
    /// callout's own start and end are as visible as what it holds.
    fn enter(&mut self, ev: &Event, callout: Option<Callout>) -> bool {
        match ev {
            Event::Start(Tag::BlockQuote(_)) => {
                let c = callout.unwrap_or(Callout::Plain);
                if c == Callout::Trainer {
                    self.out.trainer_notes += 1;
                }
                self.frames.push(Frame::Quote(c));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.frames
                    .push(Frame::Footnote(self.cited.contains(label.as_ref())));
            }
            _ => {}
        }
        let public = is_public(&self.frames, self.body);
        if matches!(
            ev,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition)
        ) {
            self.frames.pop();
        }
        public
    }

    /// An event a participant does not see: its text kept for the leak scan, a heading's
    /// id still claimed.
    fn hide(&mut self, ev: &Event, range: &Range<usize>) {
        match ev {
            Event::Start(Tag::BlockQuote(_)) => {
                if let Some(t) = self.titles.get(&range.start) {
                    self.out.dropped.push(Dropped {
                        text: t.text.clone(),
                        line: t.line,
                        col: t.col,
                    });
                }
            }
            Event::Start(Tag::Heading { id, .. }) => {
                self.hidden_heading = Some((id.as_ref().map(|s| s.to_string()), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((id, text)) = self.hidden_heading.take() {
                    self.ids.claim(heading_base(id, &text));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = &mut self.hidden_heading {
                    h.push_str(t);
                }
            }
            _ => {}
        }
        drop_text(
            ev,
            range,
            self.lines,
            &mut self.piece,
            &mut self.out.dropped,
        );
    }

    /// A blockquote's start or end, written as a callout (with its own title when it has
    /// one) or a `<blockquote>`.
    fn callout_edge(&mut self, ev: &Event, range: &Range<usize>, callout: Option<Callout>) -> bool {
        let c = callout.unwrap_or(Callout::Plain);
        let markup = callout_markup(c, self.words);
        let html = match (ev, &markup) {
            (Event::Start(Tag::BlockQuote(_)), Some(m)) => {
                callout_open(c, m, self.titles.get(&range.start))
            }
            (Event::Start(Tag::BlockQuote(_)), None) => "<blockquote>\n".to_string(),
            (Event::End(TagEnd::BlockQuote(_)), Some(m)) => format!("</{}>\n", m.tag),
            (Event::End(TagEnd::BlockQuote(_)), None) => "</blockquote>\n".to_string(),
            _ => return false,
        };
        self.html.push(Event::Html(html.into()));
        true
    }

    /// Comments are the author's asides: never on a participant's page. `None` when
    /// nothing of the HTML is left.
    fn uncomment(&mut self, ev: Event<'a>, range: &Range<usize>) -> Option<Event<'a>> {
        match ev {
            Event::Html(h) | Event::InlineHtml(h) if self.participant => {
                let (kept, gone) = strip_comments(&h, &mut self.in_comment);
                if !gone.trim().is_empty() {
                    let (line, col) = self.lines.at(range.start);
                    self.out.dropped.push(Dropped {
                        text: gone,
                        line,
                        col,
                    });
                }
                if kept.is_empty() {
                    return None;
                }
                Some(Event::Html(kept.into()))
            }
            ev => Some(ev),
        }
    }

    /// Code blocks: gather the text, then emit highlighted HTML. True when it took `ev`.
    fn code_block(&mut self, ev: &Event) -> bool {
        if let Some((info, buf)) = &mut self.code {
            match ev {
                Event::Text(t) => buf.push_str(t),
                Event::End(TagEnd::CodeBlock) => {
                    self.text.push_str(buf);
                    self.text.push('\n');
                    let block = highlight::code_block(buf, info);
                    self.html.push(Event::Html(block.into()));
                    self.code = None;
                }
                _ => {}
            }
            return true;
        }
        if let Event::Start(Tag::CodeBlock(kind)) = ev {
            self.out.has_code = true;
            let info = match kind {
                CodeBlockKind::Fenced(i) => i.to_string(),
                CodeBlockKind::Indented => String::new(),
            };
            self.code = Some((info, String::new()));
            return true;
        }
        false
    }

    /// Prompts inside a `[!PROMPTS]` callout: each top-level list item's text.
    fn prompt(&mut self, ev: &Event) {
        match ev {
            Event::Start(Tag::Item) => {
                self.prompt_depth += 1;
                if self.prompt_depth == 1 {
                    self.prompt_item = Some(String::new());
                }
            }
            Event::End(TagEnd::Item) => {
                if self.prompt_depth == 1
                    && let Some(p) = self.prompt_item.take()
                    && !p.trim().is_empty()
                {
                    self.out.prompts.push(p.trim().to_string());
                }
                self.prompt_depth = self.prompt_depth.saturating_sub(1);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(p) = &mut self.prompt_item {
                    p.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = &mut self.prompt_item {
                    p.push(' ');
                }
            }
            _ => {}
        }
    }

    fn finish(mut self, text_len: usize) -> Markdown {
        if let Some(p) = self.piece.take() {
            keep_dropped(p, &mut self.out.dropped);
        }
        for (at, base) in std::mem::take(&mut self.terms) {
            let id = self.ids.claim(base);
            self.html[at] = Event::Html(format!("<dt id=\"{}\">", escape_html(&id)).into());
            self.out.anchors.push(id);
        }
        let mut html = String::with_capacity(text_len * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, self.html.into_iter());
        self.out.html = align_classes(html);
        self.out.text = self.text;
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn md(s: &str) -> Markdown {
        render(s, 1, Audience::Trainer, Body::Shared)
    }

    pub(super) fn participant(s: &str, body: Body) -> Markdown {
        render(s, 1, Audience::Participant, body)
    }

    #[test]
    fn code_is_highlighted_and_flagged() {
        let m = md("```rust\nfn x() {}\n```\n");
        assert!(m.has_code);
        assert!(m.html.contains("hl-"));
    }

    #[test]
    fn gfm_extras_and_smart_punctuation() {
        let m = md(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] task\n\n~~gone~~ \"quoted\"[^1]\n\n[^1]: note\n",
        );
        assert!(m.html.contains("<table>"));
        let t = md("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
        assert!(!t.html.contains("style="), "{}", t.html);
        assert!(
            t.html.contains("<th class=\"align-center\">a</th>"),
            "{}",
            t.html
        );
        assert!(
            t.html.contains("<td class=\"align-right\">2</td>"),
            "{}",
            t.html
        );
        assert!(m.html.contains("type=\"checkbox\""));
        assert!(m.html.contains("<del>"));
        assert!(m.html.contains("“quoted”"));
        assert!(m.html.contains("footnote"));
    }

    #[test]
    fn heading_ids_agree_in_both_editions_and_links_know_their_audience() {
        let src =
            "## Plan\n\n> [!TRAINER]\n> ## Plan\n> [x](secret.md)\n\n## Plan\n\n[y](public.md)\n";
        let t = md(src);
        let p = participant(src, Body::Shared);
        assert_eq!(t.headings.last().map(|h| h.id.as_str()), Some("plan-2"));
        assert_eq!(p.headings.last().map(|h| h.id.as_str()), Some("plan-2"));
        let public: Vec<(&str, bool)> =
            t.links.iter().map(|l| (l.url.as_str(), l.public)).collect();
        assert_eq!(public, vec![("secret.md", false), ("public.md", true)]);
        assert_eq!(p.links.len(), 1);
    }
}
