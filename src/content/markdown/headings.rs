//! Heading ids: the one written (`{#id}`) or the text's slug, made unique in the page;
//! definition terms' ids, given after the headings'.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::links::rewrite_link;
use super::{Heading, Render};
use crate::util::{escape_html, slugify};

impl<'a> Render<'a, '_> {
    /// Headings: buffered so the id can come from the text. `None` when it took `ev`.
    pub(super) fn heading(
        &mut self,
        ev: Event<'a>,
        range: &Range<usize>,
        public: bool,
    ) -> Option<Event<'a>> {
        if let Event::Start(Tag::Heading {
            level, id, classes, ..
        }) = &ev
        {
            self.heading = Some((
                *level,
                id.as_ref().map(|s| s.to_string()),
                classes.iter().map(|c| c.to_string()).collect(),
                Vec::new(),
                String::new(),
            ));
            return None;
        }
        let Some((level, id, classes, inner, text)) = self.heading.as_mut() else {
            return Some(ev);
        };
        if let Event::End(TagEnd::Heading(_)) = ev {
            let hid = self.ids.claim(heading_base(id.take(), text));
            let lvl = *level as u8;
            let class = if classes.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", escape_html(&classes.join(" ")))
            };
            self.html.push(Event::Html(
                format!("<h{lvl} id=\"{}\"{class}>", escape_html(&hid)).into(),
            ));
            self.html.append(inner);
            self.html.push(Event::Html(format!("</h{lvl}>\n").into()));
            let text = text.trim().to_string();
            self.text.push_str(&text);
            self.text.push('\n');
            self.out.headings.push(Heading {
                level: lvl,
                id: hid,
                text,
            });
            self.heading = None;
            return None;
        }
        if let Event::Text(t) | Event::Code(t) = &ev {
            text.push_str(t);
        }
        let ev = rewrite_link(ev, range, self.lines, &mut self.out.links, public);
        inner.push(ev);
        None
    }

    /// A definition term's start and end: its `<dt>` is written once its id is known; a
    /// term ending in `{#id}` takes that id, any other the slug of its text.
    pub(super) fn term_edge(&mut self, ev: &Event) -> bool {
        match ev {
            Event::Start(Tag::DefinitionListTitle) => {
                self.term = Some((self.html.len(), String::new()));
                self.html.push(Event::Html("<dt>".into()));
                true
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut self.term {
                    text.push_str(t);
                }
                false
            }
            Event::End(TagEnd::DefinitionListTitle) => {
                if let Some((at, text)) = self.term.take() {
                    let base = match explicit_id(&text) {
                        Some((id, cut)) => {
                            cut_text(&mut self.html, cut);
                            id
                        }
                        None => heading_base(None, &text),
                    };
                    self.terms.push((at, base));
                }
                false
            }
            _ => false,
        }
    }
}

/// A term's `{#id}` at its end: the id, and how many bytes of the text it takes.
fn explicit_id(text: &str) -> Option<(String, usize)> {
    let t = text.trim_end();
    let open = t.rfind("{#")?;
    let id = t[open + 2..].strip_suffix('}')?.trim();
    if id.is_empty() || id.contains(char::is_whitespace) {
        return None;
    }
    Some((id.to_string(), text.len() - text[..open].trim_end().len()))
}

/// Takes `n` bytes of text off the end of the events written so far.
fn cut_text(html: &mut [Event], mut n: usize) {
    for ev in html.iter_mut().rev() {
        if n == 0 {
            return;
        }
        let Event::Text(t) = ev else { return };
        let keep = t.len().saturating_sub(n);
        n -= t.len() - keep;
        let kept = t.get(..keep).unwrap_or("").to_string();
        *ev = Event::Text(kept.into());
    }
}

/// Heading ids given so far. An id already taken gets the first free `-1`, `-2`, ...; each
/// base remembers the last suffix it tried, so N identical headings cost N look-ups, not N².
#[derive(Default)]
pub(super) struct HeadingIds {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl HeadingIds {
    pub(super) fn claim(&mut self, base: String) -> String {
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

/// A heading's id before de-duplication: the one written (`{#id}`), else its text's slug.
pub(super) fn heading_base(id: Option<String>, text: &str) -> String {
    id.unwrap_or_else(|| {
        let s = slugify(text);
        if s.is_empty() { "section".into() } else { s }
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::md;
    use super::HeadingIds;

    #[test]
    fn definition_terms_are_anchors_after_the_headings() {
        let m = md("Setup\n: Getting ready.\n\nShell {#the-shell}\n: A program.\n\n## Setup\n");
        assert_eq!(
            m.headings[0].id, "setup",
            "a term never moves a heading's id"
        );
        assert!(
            m.html.contains("<dt id=\"setup-1\">Setup</dt>"),
            "{}",
            m.html
        );
        assert!(
            m.html.contains("<dt id=\"the-shell\">Shell</dt>"),
            "{}",
            m.html
        );
        assert_eq!(m.anchors, vec!["setup-1", "the-shell"]);
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
}
