//! Markdown -> HTML with callouts, heading ids, highlighted code and `.md` links rewritten
//! to `.html`. Also collects what later stages need without re-parsing: headings (for
//! anchors), links (for checking), `[!PROMPTS]` items and a plain-text snippet.

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};

use super::highlight;
use crate::Audience;
use crate::util::{escape_html, slugify};

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
    pub has_code: bool,
    /// The start of the text, for search snippets.
    pub snippet: String,
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
}

const SNIPPET_CHARS: usize = 300;

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

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Callout {
    Plain,
    Std(BlockQuoteKind),
    Prompts,
    Trainer,
    Handout,
}

/// What encloses an event: a blockquote (callout) or a footnote definition, which is
/// public exactly when a public part cites it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Frame {
    Quote(Callout),
    Footnote(bool),
}

/// Whether what the frames enclose is for participants too.
fn is_public(frames: &[Frame], body: Body) -> bool {
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

/// The markers a blockquote may open with, as written in the contract.
const MARKERS: &[&str] = &[
    "NOTE",
    "TIP",
    "IMPORTANT",
    "WARNING",
    "CAUTION",
    "PROMPTS",
    "TRAINER",
    "HANDOUT",
];

fn callout_markup(c: Callout) -> Option<(&'static str, &'static str)> {
    Some(match c {
        Callout::Plain => return None,
        Callout::Std(BlockQuoteKind::Note) => ("note", "Note"),
        Callout::Std(BlockQuoteKind::Tip) => ("tip", "Tip"),
        Callout::Std(BlockQuoteKind::Important) => ("important", "Important"),
        Callout::Std(BlockQuoteKind::Warning) => ("warning", "Warning"),
        Callout::Std(BlockQuoteKind::Caution) => ("caution", "Caution"),
        Callout::Prompts => ("prompts", "Discussion prompts"),
        Callout::Trainer => ("trainer", "Trainer note"),
        Callout::Handout => ("handout", "For participants"),
    })
}

/// Heading ids given so far. An id already taken gets the first free `-1`, `-2`, ...; each
/// base remembers the last suffix it tried, so N identical headings cost N look-ups, not N².
#[derive(Default)]
struct HeadingIds {
    used: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

impl HeadingIds {
    fn claim(&mut self, base: String) -> String {
        // Ids are only ever added, so suffixes tried before for this base are still taken.
        let n = self.next.entry(base.clone()).or_insert(0);
        let mut hid = if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        while self.used.contains(&hid) {
            *n += 1;
            hid = format!("{base}-{n}");
        }
        self.used.insert(hid.clone());
        hid
    }
}

/// Line starts of `text`, to turn byte offsets into line and column.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, first_line: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            text,
            starts,
            first_line,
        }
    }
    fn at(&self, offset: usize) -> (usize, usize) {
        let idx = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[idx];
        let col = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(0, |s| s.chars().count())
            + 1;
        (idx + self.first_line, col)
    }
}

/// Render `text` (a Markdown body whose first line is `first_line` of its file), for
/// `audience`, from a body written for `body`.
pub fn render(text: &str, first_line: usize, audience: Audience, body: Body) -> Markdown {
    let lines = Lines::new(text, first_line);
    let mut out = Markdown::default();
    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    let scan = super::urls::scan(&events, |o| lines.at(o));
    out.raw_html = scan.raw_html;
    out.unsafe_urls = scan.findings;
    let events = mark_callouts(events, &lines, &mut out.problems);
    let cited = publicly_cited(&events, body);
    let participant = audience == Audience::Participant;

    let mut html_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut piece: Option<Dropped> = None; // text being left out of a participant page
    let mut in_comment = false;
    let mut code: Option<(String, String)> = None;
    let mut heading: Option<OpenHeading> = None;
    // A heading participants do not see still takes its id, so ids agree in both editions.
    let mut hidden_heading: Option<(Option<String>, String)> = None;
    let mut ids = HeadingIds::default();
    let mut prompt_item: Option<String> = None;
    let mut prompt_depth = 0usize;
    let mut snippet = String::new();

    for (ev, range, callout) in events {
        match &ev {
            Event::Start(Tag::BlockQuote(_)) => {
                let c = callout.unwrap_or(Callout::Plain);
                if c == Callout::Trainer {
                    out.trainer_notes += 1;
                }
                frames.push(Frame::Quote(c));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                frames.push(Frame::Footnote(cited.contains(label.as_ref())));
            }
            _ => {}
        }
        // A callout's own start and end are as visible as what it holds.
        let public = is_public(&frames, body);
        if matches!(
            ev,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition)
        ) {
            frames.pop();
        }
        if participant && !public {
            match &ev {
                Event::Start(Tag::Heading { id, .. }) => {
                    hidden_heading = Some((id.as_ref().map(|s| s.to_string()), String::new()));
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((id, text)) = hidden_heading.take() {
                        ids.claim(heading_base(id, &text));
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, h)) = &mut hidden_heading {
                        h.push_str(t);
                    }
                }
                _ => {}
            }
            drop_text(&ev, &range, &lines, &mut piece, &mut out.dropped);
            continue;
        }
        if let Some(p) = piece.take() {
            keep_dropped(p, &mut out.dropped);
        }
        if let Event::Start(Tag::BlockQuote(_)) = &ev {
            let c = callout.unwrap_or(Callout::Plain);
            match callout_markup(c) {
                Some((class, title)) => {
                    let extra = if c == Callout::Trainer {
                        " trainer-only\" data-audience=\"trainer"
                    } else {
                        ""
                    };
                    html_events.push(Event::Html(
                        format!("<aside class=\"callout callout-{class}{extra}\"><p class=\"callout-title\">{title}</p>\n").into(),
                    ));
                }
                None => html_events.push(Event::Html("<blockquote>\n".into())),
            }
            continue;
        }
        if let Event::End(TagEnd::BlockQuote(_)) = &ev {
            html_events.push(Event::Html(
                if callout.and_then(callout_markup).is_some() {
                    "</aside>\n"
                } else {
                    "</blockquote>\n"
                }
                .into(),
            ));
            continue;
        }
        // Comments are the author's asides: never on a participant's page.
        let ev = match ev {
            Event::Html(h) | Event::InlineHtml(h) if participant => {
                let (kept, gone) = strip_comments(&h, &mut in_comment);
                if !gone.trim().is_empty() {
                    let (line, col) = lines.at(range.start);
                    out.dropped.push(Dropped {
                        text: gone,
                        line,
                        col,
                    });
                }
                if kept.is_empty() {
                    continue;
                }
                Event::Html(kept.into())
            }
            ev => ev,
        };
        if let Event::Html(h) | Event::InlineHtml(h) = &ev {
            html_refs(h, &range, &lines, public, &mut out.html_refs);
        }
        let in_prompts = frames.contains(&Frame::Quote(Callout::Prompts));

        // Code blocks: gather the text, then emit highlighted HTML.
        if let Some((info, buf)) = &mut code {
            match ev {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let block = highlight::code_block(buf, info);
                    html_events.push(Event::Html(block.into()));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        if let Event::Start(Tag::CodeBlock(kind)) = &ev {
            out.has_code = true;
            let info = match kind {
                CodeBlockKind::Fenced(i) => i.to_string(),
                CodeBlockKind::Indented => String::new(),
            };
            code = Some((info, String::new()));
            continue;
        }

        // Headings: buffer so the id can come from the text.
        if let Event::Start(Tag::Heading {
            level, id, classes, ..
        }) = &ev
        {
            heading = Some((
                *level,
                id.as_ref().map(|s| s.to_string()),
                classes.iter().map(|c| c.to_string()).collect(),
                Vec::new(),
                String::new(),
            ));
            continue;
        }
        if let Some((level, id, classes, inner, text)) = &mut heading {
            if let Event::End(TagEnd::Heading(_)) = ev {
                let hid = ids.claim(heading_base(id.take(), text));
                let lvl = *level as u8;
                let class = if classes.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"{}\"", escape_html(&classes.join(" ")))
                };
                html_events.push(Event::Html(
                    format!("<h{lvl} id=\"{}\"{class}>", escape_html(&hid)).into(),
                ));
                html_events.append(inner);
                html_events.push(Event::Html(format!("</h{lvl}>\n").into()));
                out.headings.push(Heading {
                    level: lvl,
                    id: hid,
                    text: text.trim().to_string(),
                });
                heading = None;
                continue;
            }
            if let Event::Text(t) | Event::Code(t) = &ev {
                text.push_str(t);
            }
            let ev = rewrite_link(ev, &range, &lines, &mut out.links, public);
            inner.push(ev);
            continue;
        }

        // Prompts inside a [!PROMPTS] callout: each list item's text.
        if in_prompts {
            match &ev {
                Event::Start(Tag::Item) => {
                    prompt_depth += 1;
                    if prompt_depth == 1 {
                        prompt_item = Some(String::new());
                    }
                }
                Event::End(TagEnd::Item) => {
                    if prompt_depth == 1
                        && let Some(p) = prompt_item.take()
                        && !p.trim().is_empty()
                    {
                        out.prompts.push(p.trim().to_string());
                    }
                    prompt_depth = prompt_depth.saturating_sub(1);
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(p) = &mut prompt_item {
                        p.push_str(t);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(p) = &mut prompt_item {
                        p.push(' ');
                    }
                }
                _ => {}
            }
        }

        if let Event::Text(t) | Event::Code(t) = &ev
            && snippet.len() < SNIPPET_CHARS
        {
            if !snippet.is_empty() && !snippet.ends_with(' ') {
                snippet.push(' ');
            }
            snippet.push_str(t);
        }
        let ev = rewrite_link(ev, &range, &lines, &mut out.links, public);
        html_events.push(ev);
    }
    if let Some(p) = piece.take() {
        keep_dropped(p, &mut out.dropped);
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, html_events.into_iter());
    out.html = align_classes(html);
    out.snippet = crate::util::truncate_words(&snippet, SNIPPET_CHARS);
    out
}

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

/// A heading's id before de-duplication: the one written (`{#id}`), else its text's slug.
fn heading_base(id: Option<String>, text: &str) -> String {
    id.unwrap_or_else(|| {
        let s = slugify(text);
        if s.is_empty() { "section".into() } else { s }
    })
}

/// Adds a left-out event's text to the paragraph being dropped: text as it reads (events
/// join without a space, `un*believ*able`); a line break is a space; a block's end ends it.
fn drop_text(
    ev: &Event,
    range: &std::ops::Range<usize>,
    lines: &Lines,
    piece: &mut Option<Dropped>,
    dropped: &mut Vec<Dropped>,
) {
    match ev {
        Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
            let p = piece.get_or_insert_with(|| {
                let (line, col) = lines.at(range.start);
                Dropped {
                    text: String::new(),
                    line,
                    col,
                }
            });
            p.text.push_str(t);
        }
        Event::SoftBreak | Event::HardBreak => {
            if let Some(p) = piece {
                p.text.push(' ');
            }
        }
        Event::End(
            TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock,
        ) => {
            if let Some(p) = piece.take() {
                keep_dropped(p, dropped);
            }
        }
        _ => {}
    }
}

fn keep_dropped(p: Dropped, dropped: &mut Vec<Dropped>) {
    if !p.text.trim().is_empty() {
        dropped.push(p);
    }
}

/// Splits HTML into what is outside `<!-- -->` comments and what is inside; `in_comment`
/// carries an open comment from one HTML event to the next.
fn strip_comments(h: &str, in_comment: &mut bool) -> (String, String) {
    let mut kept = String::new();
    let mut gone = String::new();
    let mut rest = h;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(i) => {
                    gone.push_str(&rest[..i]);
                    gone.push(' ');
                    rest = &rest[i + 3..];
                    *in_comment = false;
                }
                None => {
                    gone.push_str(rest);
                    break;
                }
            }
        } else {
            match rest.find("<!--") {
                Some(i) => {
                    kept.push_str(&rest[..i]);
                    rest = &rest[i + 4..];
                    *in_comment = true;
                }
                None => {
                    kept.push_str(rest);
                    break;
                }
            }
        }
    }
    (kept, gone)
}

/// The relative `src="..."` and `href="..."` values of raw HTML.
fn html_refs(
    h: &str,
    range: &std::ops::Range<usize>,
    lines: &Lines,
    public: bool,
    out: &mut Vec<Link>,
) {
    for attr in ["src=\"", "href=\"", "src='", "href='"] {
        let quote = if attr.ends_with('"') { '"' } else { '\'' };
        for (i, _) in h.match_indices(attr) {
            let rest = &h[i + attr.len()..];
            let Some(url) = rest.split(quote).next() else {
                continue;
            };
            if url.is_empty() || is_external(url) || url.starts_with('#') {
                continue;
            }
            let (line, col) = lines.at(range.start);
            out.push(Link {
                url: url.to_string(),
                line,
                col,
                image: attr.starts_with("src"),
                public,
            });
        }
    }
}

/// Labels of the footnotes that a part participants see cites.
fn publicly_cited(
    events: &[(Event, std::ops::Range<usize>, Option<Callout>)],
    body: Body,
) -> std::collections::HashSet<String> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut cited = std::collections::HashSet::new();
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

/// The marker a blockquote's first line opens with, `[!WORD]` however spaced: the marker
/// as written, its word (`None` when spaced as `[ !WORD]`) and how many bytes of `s` it takes.
fn marker(s: &str) -> Option<(&str, Option<&str>, usize)> {
    let t = s.trim_start();
    let after_bracket = t.strip_prefix('[')?;
    let word_and_rest = after_bracket.trim_start().strip_prefix('!')?;
    let close = word_and_rest.find(']')?;
    let word = &word_and_rest[..close];
    if word.chars().count() > 40 || word.contains(['[', '\n']) {
        return None;
    }
    let taken = (s.len() - word_and_rest.len()) + close + 1;
    let written = &s[s.len() - t.len()..taken];
    let spaced = after_bracket.len() != after_bracket.trim_start().len();
    Some((written, (!spaced).then_some(word), taken))
}

/// Whether a blockquote whose first line is `first` is a trainer note: `[!TRAINER]` in any
/// case, or a near miss of it (which [`render`] reports as an error). The letter writers
/// use this, so a note is left out of a letter's files exactly when it is of its page.
pub fn is_trainer_marker(first: &str) -> bool {
    match marker(first) {
        Some((written, word, _)) => match word.and_then(callout_named) {
            Some(c) => c == Callout::Trainer,
            None => meant(written) == Some("TRAINER"),
        },
        None => false,
    }
}

fn callout_named(word: &str) -> Option<Callout> {
    Some(match word.to_ascii_uppercase().as_str() {
        "NOTE" => Callout::Std(BlockQuoteKind::Note),
        "TIP" => Callout::Std(BlockQuoteKind::Tip),
        "IMPORTANT" => Callout::Std(BlockQuoteKind::Important),
        "WARNING" => Callout::Std(BlockQuoteKind::Warning),
        "CAUTION" => Callout::Std(BlockQuoteKind::Caution),
        "PROMPTS" => Callout::Prompts,
        "TRAINER" => Callout::Trainer,
        "HANDOUT" => Callout::Handout,
        _ => return None,
    })
}

/// The known marker a near miss was meant to be: the same word spaced or cased otherwise,
/// one it starts with (`TRAINER-NOTE`), or the closest by spelling (`TRAINERS`).
fn meant(word: &str) -> Option<&'static str> {
    let w: String = word
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '[' && *c != '!')
        .collect::<String>()
        .to_ascii_uppercase();
    MARKERS
        .iter()
        .find(|m| w == **m)
        .or_else(|| MARKERS.iter().find(|m| w.starts_with(**m)))
        .copied()
        .or_else(|| crate::diagnostics::closest(&w, MARKERS.iter().copied()))
}

/// Finds the kind of every blockquote: GitHub's alerts as pulldown-cmark reads them, and
/// plain blockquotes whose first line is a marker (`[!TRAINER]`, any case), whose marker
/// is then taken out of the text. An unknown marker is a problem: a misspelt `[!TRAINER]`
/// must not publish the note. Events come back with the kind of each blockquote start.
#[allow(clippy::type_complexity)]
fn mark_callouts<'a>(
    events: Vec<(Event<'a>, std::ops::Range<usize>)>,
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Vec<(Event<'a>, std::ops::Range<usize>, Option<Callout>)> {
    let mut evs: Vec<Option<(Event<'a>, std::ops::Range<usize>)>> =
        events.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(evs.len());
    // Blockquote kinds by nesting, so each end carries its start's kind.
    let mut open: Vec<Callout> = Vec::new();
    for i in 0..evs.len() {
        let Some((ev, range)) = evs[i].take() else {
            continue;
        };
        let kind = match &ev {
            Event::Start(Tag::BlockQuote(Some(k))) => Callout::Std(*k),
            Event::Start(Tag::BlockQuote(None)) => custom_callout(&mut evs, i, lines, problems),
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
/// paragraph opens with; the marker is taken out of the events that follow.
fn custom_callout(
    evs: &mut [Option<(Event, std::ops::Range<usize>)>],
    i: usize,
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Callout {
    if !matches!(
        evs.get(i + 1),
        Some(Some((Event::Start(Tag::Paragraph), _)))
    ) {
        return Callout::Plain;
    }
    // The marker may come as several text events (`[`, `!TRAINER`, `]`): join them.
    let mut k = i + 2;
    let mut acc = String::new();
    while let Some(Some((Event::Text(t), _))) = evs.get(k) {
        acc.push_str(t);
        k += 1;
    }
    let Some((written, word, taken)) = marker(&acc) else {
        return Callout::Plain;
    };
    let text_range = match evs.get(i + 2) {
        Some(Some((_, r))) => r.clone(),
        _ => return Callout::Plain,
    };
    let kind =
        match word.and_then(callout_named) {
            Some(c) => c,
            None => {
                let (line, col) = lines.at(text_range.start);
                let guess = meant(written);
                problems.push(Problem {
                line,
                col,
                message: format!("unknown callout marker `{written}`"),
                hint: Some(match guess {
                    Some(m) => format!(
                        "did you mean `[!{m}]`? Markers are written `[!WORD]`, with no space: {}",
                        MARKERS.iter().map(|m| format!("[!{m}]")).collect::<Vec<_>>().join(" ")
                    ),
                    None => format!(
                        "the markers are {}; for a plain quote, start it without `[!`",
                        MARKERS.iter().map(|m| format!("[!{m}]")).collect::<Vec<_>>().join(" ")
                    ),
                }),
            });
                // Whatever else happens, a near miss of a trainer note stays out of sight.
                if guess == Some("TRAINER") {
                    Callout::Trainer
                } else {
                    return Callout::Plain;
                }
            }
        };
    let rest = acc[taken.min(acc.len())..].trim_start().to_string();
    let after = evs.get(k).and_then(|e| e.as_ref()).map(|e| &e.0);
    let after_break = matches!(after, Some(Event::SoftBreak | Event::HardBreak));
    let after_end = matches!(after, Some(Event::End(TagEnd::Paragraph)));
    for e in evs.iter_mut().take(k).skip(i + 2) {
        *e = None;
    }
    if !rest.is_empty() {
        evs[i + 2] = Some((Event::Text(CowStr::from(rest)), text_range));
    } else if after_break {
        evs[k] = None;
    } else if after_end {
        // The paragraph held only the marker: drop it.
        evs[i + 1] = None;
        evs[k] = None;
    }
    kind
}

fn is_external(url: &str) -> bool {
    let scheme_end = url.find(':');
    let slash = url.find('/');
    match scheme_end {
        Some(c) => {
            slash.is_none_or(|s| c < s)
                && url[..c]
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || "+-.".contains(ch))
        }
        None => url.starts_with("//"),
    }
}

/// Rewrite `x.md` / `x.md#a` links to `.html` and record every internal link for checking.
fn rewrite_link<'a>(
    ev: Event<'a>,
    range: &std::ops::Range<usize>,
    lines: &Lines,
    links: &mut Vec<Link>,
    public: bool,
) -> Event<'a> {
    match ev {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let url = record(&dest_url, range, lines, links, false, public);
            Event::Start(Tag::Link {
                link_type,
                dest_url: url.map_or(dest_url, CowStr::from),
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            record(&dest_url, range, lines, links, true, public);
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    }
}

fn record(
    url: &str,
    range: &std::ops::Range<usize>,
    lines: &Lines,
    links: &mut Vec<Link>,
    image: bool,
    public: bool,
) -> Option<String> {
    if url.is_empty() || is_external(url) {
        return None;
    }
    let (line, col) = lines.at(range.start);
    links.push(Link {
        url: url.to_string(),
        line,
        col,
        image,
        public,
    });
    let (path, frag) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    };
    if image {
        return None;
    }
    let new_path = if let Some(stem) = path.strip_suffix(".md") {
        format!("{stem}.html")
    } else if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        return None;
    };
    let mut s = new_path;
    if let Some(q) = query {
        s.push('?');
        s.push_str(q);
    }
    if let Some(f) = frag {
        s.push('#');
        s.push_str(f);
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> Markdown {
        render(s, 1, Audience::Trainer, Body::Shared)
    }

    fn participant(s: &str, body: Body) -> Markdown {
        render(s, 1, Audience::Participant, body)
    }

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
    fn participant_render_remembers_what_it_dropped() {
        let m = participant(
            "Open.\n\n> [!TRAINER]\n> An un*believ*able\n> remark.\n>\n> > nested\n\nAfter.\n",
            Body::Shared,
        );
        assert!(!m.html.contains("believ"), "{}", m.html);
        assert!(m.html.contains("After."));
        let texts: Vec<(String, usize)> = m
            .dropped
            .iter()
            .map(|d| {
                (
                    d.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    d.line,
                )
            })
            .collect();
        assert_eq!(
            texts,
            vec![
                ("An unbelievable remark.".to_string(), 4),
                ("nested".to_string(), 7)
            ]
        );
        assert!(md("> [!TRAINER]\n> x\n").dropped.is_empty());
    }

    #[test]
    fn trainer_marker_with_text_on_same_line() {
        let m = md("> [!TRAINER] Keep it short.\n");
        assert!(m.html.contains("Keep it short."), "{}", m.html);
        assert!(!m.html.contains("[!TRAINER]"));
    }

    #[test]
    fn headings_get_unique_ids() {
        let m = md("# Intro\n\n## Intro\n\n## Custom {#mine}\n");
        let ids: Vec<_> = m.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, vec!["intro", "intro-1", "mine"]);
        assert!(m.html.contains("<h2 id=\"mine\">Custom</h2>"), "{}", m.html);
    }

    #[test]
    fn heading_ids_are_those_of_the_first_free_suffix() {
        // The rule before ids were counted: try `base`, `base-1`, `base-2`, ... in order.
        fn by_search(bases: &[&str]) -> Vec<String> {
            let mut used: Vec<String> = Vec::new();
            for base in bases {
                let mut hid = base.to_string();
                let mut n = 1;
                while used.contains(&hid) {
                    hid = format!("{base}-{n}");
                    n += 1;
                }
                used.push(hid);
            }
            used
        }
        let bases = [
            "intro",
            "intro",
            "intro-1",
            "intro",
            "intro-3",
            "intro",
            "intro-1",
            "intro-1-1",
            "intro-1",
            "a",
            "a-2",
            "a",
            "a",
            "a",
            "intro",
            "a-2",
        ];
        let mut ids = HeadingIds::default();
        let got: Vec<String> = bases.iter().map(|b| ids.claim(b.to_string())).collect();
        assert_eq!(got, by_search(&bases));
        assert_eq!(&got[..3], ["intro", "intro-1", "intro-1-1"]);
    }

    #[test]
    fn md_links_become_html_and_are_recorded_with_lines() {
        let m = render(
            "Text\n\nSee [a](../day-1/a.md#x) and [w](https://example.org/a.md).\n",
            10,
            Audience::Trainer,
            Body::Shared,
        );
        assert!(m.html.contains("href=\"../day-1/a.html#x\""), "{}", m.html);
        assert!(m.html.contains("href=\"https://example.org/a.md\""));
        assert_eq!(m.links.len(), 1);
        assert_eq!(m.links[0].line, 12);
        assert_eq!(m.links[0].col, 5);
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
