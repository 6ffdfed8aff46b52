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
    /// Plain text of each `[!TRAINER]` callout left out of a participant build, so the
    /// build can check that none of it reached the output.
    pub dropped: Vec<String>,
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
}

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

/// Render `text` (a Markdown body whose first line is `first_line` of its file).
pub fn render(text: &str, first_line: usize, audience: Audience) -> Markdown {
    let lines = Lines::new(text, first_line);
    let mut out = Markdown::default();
    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    let events = mark_custom_callouts(events);

    let mut html_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut quotes: Vec<Callout> = Vec::new();
    let mut skip_depth: usize = 0; // >0 while inside a callout the audience must not see
    let mut code: Option<(String, String)> = None;
    let mut heading: Option<OpenHeading> = None;
    let mut ids = HeadingIds::default();
    let mut prompt_item: Option<String> = None;
    let mut prompt_depth = 0usize;
    let mut snippet = String::new();

    for (ev, range) in events {
        // Quotes are tracked even while skipping, so depth stays right.
        if let Event::Start(Tag::BlockQuote(kind)) = &ev {
            let c = match kind {
                Some(k) => Callout::Std(*k),
                None => Callout::Plain,
            };
            let c = custom_kind(&range, c);
            quotes.push(c);
            if c == Callout::Trainer {
                out.trainer_notes += 1;
            }
            if skip_depth > 0 || (c == Callout::Trainer && audience == Audience::Participant) {
                if skip_depth == 0 {
                    out.dropped.push(String::new());
                }
                skip_depth += 1;
                continue;
            }
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
            let c = quotes.pop().unwrap_or(Callout::Plain);
            if skip_depth > 0 {
                skip_depth -= 1;
                continue;
            }
            html_events.push(Event::Html(
                if callout_markup(c).is_some() {
                    "</aside>\n"
                } else {
                    "</blockquote>\n"
                }
                .into(),
            ));
            continue;
        }
        if skip_depth > 0 {
            // Text as it reads: events join without a space (`un*believ*able`), and
            // line or block ends become one.
            if let Some(d) = out.dropped.last_mut() {
                match &ev {
                    Event::Text(t) | Event::Code(t) => d.push_str(t),
                    Event::SoftBreak
                    | Event::HardBreak
                    | Event::End(
                        TagEnd::Paragraph
                        | TagEnd::Item
                        | TagEnd::Heading(_)
                        | TagEnd::BlockQuote(_)
                        | TagEnd::CodeBlock
                        | TagEnd::TableCell,
                    ) => d.push(' '),
                    _ => {}
                }
            }
            continue;
        }
        let in_prompts = quotes.contains(&Callout::Prompts);

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
                let base = id.clone().unwrap_or_else(|| {
                    let s = slugify(text);
                    if s.is_empty() { "section".into() } else { s }
                });
                let hid = ids.claim(base);
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
            let ev = rewrite_link(ev, &range, &lines, &mut out.links);
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
        let ev = rewrite_link(ev, &range, &lines, &mut out.links);
        html_events.push(ev);
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, html_events.into_iter());
    out.html = html;
    out.snippet = crate::util::truncate_words(&snippet, SNIPPET_CHARS);
    out
}

/// The kind of a plain blockquote whose first line is `[!PROMPTS]` or `[!TRAINER]`, carried
/// through from [`mark_custom_callouts`] by a zero-width marker range.
fn custom_kind(range: &std::ops::Range<usize>, c: Callout) -> Callout {
    if c != Callout::Plain || range.start != usize::MAX {
        return c;
    }
    match range.end {
        1 => Callout::Prompts,
        2 => Callout::Trainer,
        _ => c,
    }
}

/// Finds blockquotes that open with `[!PROMPTS]` or `[!TRAINER]`, strips the marker and tags
/// the blockquote's range so the renderer knows its kind.
fn mark_custom_callouts(
    mut events: Vec<(Event, std::ops::Range<usize>)>,
) -> Vec<(Event, std::ops::Range<usize>)> {
    let mut i = 0;
    while i < events.len() {
        if matches!(events[i].0, Event::Start(Tag::BlockQuote(None)))
            && matches!(
                events.get(i + 1).map(|e| &e.0),
                Some(Event::Start(Tag::Paragraph))
            )
        {
            let mut k = i + 2;
            let mut acc = String::new();
            while let Some((Event::Text(t), _)) = events.get(k) {
                acc.push_str(t);
                k += 1;
            }
            let trimmed = acc.trim_start();
            let upper = trimmed.to_ascii_uppercase();
            let kind = if upper.starts_with("[!PROMPTS]") {
                Some((1, "[!PROMPTS]".len()))
            } else if upper.starts_with("[!TRAINER]") {
                Some((2, "[!TRAINER]".len()))
            } else {
                None
            };
            if let Some((code, len)) = kind {
                let rest = trimmed[len..].trim_start().to_string();
                let text_range = events[i + 1].1.clone();
                // The blockquote's range carries the kind: it is never used for positions.
                events[i].1 = usize::MAX..code;
                let after = events.get(k).map(|e| &e.0);
                let after_break = matches!(after, Some(Event::SoftBreak | Event::HardBreak));
                let after_end = matches!(after, Some(Event::End(TagEnd::Paragraph)));
                if !rest.is_empty() {
                    events.splice(i + 2..k, [(Event::Text(CowStr::from(rest)), text_range)]);
                } else if after_break {
                    events.splice(i + 2..=k, []);
                } else if after_end {
                    // The paragraph held only the marker: drop it.
                    events.splice(i + 1..=k, []);
                }
            }
        }
        i += 1;
    }
    events
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
) -> Event<'a> {
    match ev {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let url = record(&dest_url, range, lines, links, false);
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
            record(&dest_url, range, lines, links, true);
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
) -> Option<String> {
    if url.is_empty() || is_external(url) {
        return None;
    }
    let (line, col) = if range.start == usize::MAX {
        (0, 0)
    } else {
        lines.at(range.start)
    };
    links.push(Link {
        url: url.to_string(),
        line,
        col,
        image,
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
        render(s, 1, Audience::Trainer)
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
        let p = render(
            "> [!TRAINER]\n> Secret\n\nPublic\n",
            1,
            Audience::Participant,
        );
        assert!(!p.html.contains("Secret"), "{}", p.html);
        assert!(p.html.contains("Public"));
    }

    #[test]
    fn participant_render_remembers_what_it_dropped() {
        let m = render(
            "Open.\n\n> [!TRAINER]\n> An un*believ*able\n> remark.\n>\n> > nested\n\nAfter.\n",
            1,
            Audience::Participant,
        );
        assert!(!m.html.contains("believ"), "{}", m.html);
        assert!(m.html.contains("After."));
        assert_eq!(m.dropped.len(), 1);
        let text = m.dropped[0]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(text, "An unbelievable remark. nested");
        assert!(
            render("> [!TRAINER]\n> x\n", 1, Audience::Trainer)
                .dropped
                .is_empty()
        );
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
        assert!(m.html.contains("type=\"checkbox\""));
        assert!(m.html.contains("<del>"));
        assert!(m.html.contains("“quoted”"));
        assert!(m.html.contains("footnote"));
    }
}
