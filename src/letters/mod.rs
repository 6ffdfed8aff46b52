//! Letter documents: a letter template as paragraphs and runs, written out as Word (`docx`)
//! or plain text (`txt`), with each placeholder resolved to a value or left as a blank.
//!
//! The structure comes from walking pulldown-cmark events of the body with each placeholder
//! as a private-use token ([`crate::model::letter_token`]), so the values put in later, by the
//! build or by `coursebook merge`, are never parsed as Markdown.

pub mod chunk;
pub mod docx;
pub mod kit;
pub mod txt;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::model::{BUILTINS, Letter, Piece, letter_token};

/// What kind of paragraph a [`Para`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Normal,
    /// 1 to 6, as in the Markdown.
    Heading(u8),
    /// The first paragraph of a list item; `level` 0 is the outermost list.
    Item {
        level: usize,
        marker: Marker,
    },
    /// A later paragraph (or nested text) of a list item.
    Continue {
        level: usize,
    },
    Quote,
    Rule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    Bullet,
    /// Item `n` of ordered list `list` (an index into [`Doc::number_starts`]).
    Number {
        list: usize,
        n: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    Break,
    /// Placeholder `index` of the letter's `slots`.
    Slot {
        index: usize,
        bold: bool,
        italic: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub block: Block,
    pub runs: Vec<Run>,
    /// How many outermost lists had started when this paragraph began: tells two lists
    /// that follow one another apart.
    pub group: usize,
    /// Word keeps it on the page of the next paragraph (an evaluation form's session).
    pub keep_next: bool,
}

/// A letter's body as paragraphs, ready for any output format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub paras: Vec<Para>,
    /// The first number of each ordered list, in order of appearance.
    pub number_starts: Vec<u64>,
}

/// What a placeholder becomes in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fill {
    /// A value, inserted verbatim.
    Value(String),
    /// A field left blank: a merge field in Word, `[Label]` in text.
    Field { name: String, label: String },
    /// A built-in with no value (no venue set, say): shown as `[Label]`.
    Missing(String),
}

impl Fill {
    /// The blank as plain text: `[Participant's name]`.
    pub fn blank_text(label: &str) -> String {
        format!("[{label}]")
    }
}

/// A reader's name for a built-in value, for blanks and messages.
pub fn builtin_label(name: &str) -> &str {
    match name {
        "programme.title" => "Programme title",
        "programme.venue" => "Venue",
        "programme.dates" => "Dates",
        "programme.start" => "Start time",
        "programme.contact_hours" => "Contact hours",
        "programme.sessions" => "Sessions",
        "organisation" => "Organisation",
        crate::model::POST_BOX_POINTS => "Points from the post box",
        "delivery.title" => "Delivery",
        "delivery.dates" => "Dates",
        "delivery.venue" => "Venue",
        "delivery.start" => "Start time",
        "delivery.trainers" => "Trainers",
        other => other,
    }
}

/// One [`Fill`] per slot of `letter`: `value(name)` gives the value of a field or built-in,
/// or `None` to leave it blank.
pub fn fills(letter: &Letter, mut value: impl FnMut(&str) -> Option<String>) -> Vec<Fill> {
    letter
        .slots
        .iter()
        .map(|slot| match value(slot) {
            Some(v) => Fill::Value(v),
            None => match letter.fields.iter().find(|f| &f.name == slot) {
                Some(f) => Fill::Field {
                    name: f.name.clone(),
                    label: f.label.clone(),
                },
                None if BUILTINS.contains(&slot.as_str()) => {
                    Fill::Missing(builtin_label(slot).to_string())
                }
                None => Fill::Missing(slot.clone()),
            },
        })
        .collect()
}

/// The letter's body as a [`Doc`].
pub fn parse(letter: &Letter) -> Doc {
    let mut tokenised = String::new();
    let mut slot = 0;
    for p in &letter.pieces {
        match p {
            Piece::Text(t) => tokenised.push_str(t),
            Piece::Slot(_) => {
                tokenised.push_str(&letter_token(slot));
                slot += 1;
            }
        }
    }
    parse_markdown(&tokenised)
}

/// Paragraphs from tokenised Markdown (see [`parse`]).
pub fn parse_markdown(md: &str) -> Doc {
    let events: Vec<Event> = Parser::new_ext(md, crate::content::markdown::options()).collect();
    let mut w = Walker::default();
    let mut i = 0;
    while i < events.len() {
        // A trainer note has no place in a letter someone is sent.
        if matches!(events[i], Event::Start(Tag::BlockQuote(None))) && is_trainer_note(&events[i..])
        {
            i = skip_block(&events, i);
            continue;
        }
        w.event(&events[i]);
        i += 1;
    }
    w.flush();
    let mut paras = w.doc.paras;
    for p in &mut paras {
        p.runs = split_tokens(std::mem::take(&mut p.runs));
    }
    Doc {
        paras,
        number_starts: w.doc.number_starts,
    }
}

fn is_trainer_note(events: &[Event]) -> bool {
    // The marker may come as several text events (`[`, `!TRAINER]`): join the first line.
    let mut first = String::new();
    for e in events.iter().skip(1) {
        match e {
            Event::Start(Tag::Paragraph) => {}
            Event::Text(t) => first.push_str(t),
            _ => break,
        }
    }
    crate::content::markdown::is_trainer_marker(&first)
}

/// The index after the block that starts at `start`.
fn skip_block(events: &[Event], start: usize) -> usize {
    let mut depth = 0usize;
    for (k, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    events.len()
}

#[derive(Default)]
struct Walker {
    doc: Doc,
    cur: Option<Para>,
    /// True while the current paragraph is a list item's, not yet given text by a `Paragraph`.
    fresh_item: bool,
    bold: u32,
    italic: u32,
    quote: u32,
    /// Open lists: `Some(list index)` for ordered ones, with the next number.
    lists: Vec<Option<(usize, u64)>>,
    in_cell: bool,
    /// Outermost lists started so far.
    groups: usize,
}

impl Walker {
    fn flush(&mut self) {
        if let Some(p) = self.cur.take()
            && (!p.runs.is_empty() || matches!(p.block, Block::Item { .. }))
        {
            self.doc.paras.push(p);
        }
        self.fresh_item = false;
    }

    fn open(&mut self, block: Block) {
        self.flush();
        self.cur = Some(Para {
            block,
            runs: Vec::new(),
            group: self.groups,
            keep_next: false,
        });
    }

    /// The block a plain paragraph gets where it stands.
    fn plain(&self) -> Block {
        if !self.lists.is_empty() {
            Block::Continue {
                level: self.lists.len() - 1,
            }
        } else if self.quote > 0 {
            Block::Quote
        } else {
            Block::Normal
        }
    }

    fn text(&mut self, s: &str) {
        if self.cur.is_none() {
            self.open(self.plain());
        }
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        if let Some(p) = &mut self.cur {
            if let Some(Run::Text {
                text,
                bold: b,
                italic: i,
            }) = p.runs.last_mut()
                && *b == bold
                && *i == italic
            {
                text.push_str(s);
                return;
            }
            p.runs.push(Run::Text {
                text: s.to_string(),
                bold,
                italic,
            });
        }
    }

    fn line_break(&mut self) {
        if self.cur.is_none() {
            self.open(self.plain());
        }
        if let Some(p) = &mut self.cur {
            p.runs.push(Run::Break);
        }
    }

    fn event(&mut self, e: &Event) {
        match e {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) | Event::Code(t) => self.text(t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.line_break(),
            Event::Rule => {
                self.flush();
                self.doc.paras.push(Para {
                    block: Block::Rule,
                    runs: Vec::new(),
                    group: self.groups,
                    keep_next: false,
                });
            }
            Event::TaskListMarker(done) => self.text(if *done { "☒ " } else { "☐ " }),
            Event::FootnoteReference(r) => self.text(&format!("[{r}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(t),
            Event::Html(_) | Event::InlineHtml(_) => {}
        }
    }

    fn start(&mut self, tag: &Tag) {
        match tag {
            Tag::Paragraph => {
                if !(self.fresh_item && self.cur.is_some()) {
                    self.open(self.plain());
                }
                self.fresh_item = false;
            }
            Tag::Heading { level, .. } => self.open(Block::Heading(heading_level(*level))),
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => self.open(self.plain()),
            Tag::List(start) => {
                self.flush();
                if self.lists.is_empty() {
                    self.groups += 1;
                }
                let ordered = start.map(|n| {
                    self.doc.number_starts.push(n);
                    (self.doc.number_starts.len() - 1, n)
                });
                self.lists.push(ordered);
            }
            Tag::Item => {
                let level = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some((list, n))) => {
                        let m = Marker::Number { list: *list, n: *n };
                        *n += 1;
                        m
                    }
                    _ => Marker::Bullet,
                };
                self.open(Block::Item { level, marker });
                self.fresh_item = true;
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::TableRow | Tag::TableHead => {
                self.open(self.plain());
                self.in_cell = false;
            }
            Tag::TableCell => {
                if self.in_cell {
                    self.text("\t");
                }
                self.in_cell = true;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableRow
            | TagEnd::TableHead => self.flush(),
            TagEnd::CodeBlock => {
                // A code block's text ends with a newline per line: make them breaks.
                if let Some(p) = &mut self.cur {
                    let mut runs = Vec::new();
                    for r in std::mem::take(&mut p.runs) {
                        match r {
                            Run::Text { text, bold, italic } => {
                                let lines: Vec<&str> =
                                    text.trim_end_matches('\n').split('\n').collect();
                                for (k, l) in lines.iter().enumerate() {
                                    if k > 0 {
                                        runs.push(Run::Break);
                                    }
                                    runs.push(Run::Text {
                                        text: l.to_string(),
                                        bold,
                                        italic,
                                    });
                                }
                            }
                            other => runs.push(other),
                        }
                    }
                    p.runs = runs;
                }
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            _ => {}
        }
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Split text runs at placeholder tokens into text and slot runs.
fn split_tokens(runs: Vec<Run>) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len());
    for r in runs {
        let Run::Text { text, bold, italic } = r else {
            out.push(r);
            continue;
        };
        let mut rest = text.as_str();
        while let Some(a) = rest.find('\u{E000}') {
            let after = &rest[a + '\u{E000}'.len_utf8()..];
            let Some(b) = after.find('\u{E001}') else {
                break;
            };
            let Ok(index) = after[..b].parse::<usize>() else {
                break;
            };
            if a > 0 {
                out.push(Run::Text {
                    text: rest[..a].to_string(),
                    bold,
                    italic,
                });
            }
            out.push(Run::Slot {
                index,
                bold,
                italic,
            });
            rest = &after[b + '\u{E001}'.len_utf8()..];
        }
        if !rest.is_empty() {
            out.push(Run::Text {
                text: rest.to_string(),
                bold,
                italic,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Run {
        Run::Text {
            text: s.into(),
            bold: false,
            italic: false,
        }
    }

    #[test]
    fn paragraphs_breaks_and_slots() {
        let md = format!(
            "Dear {},\n\nSee **{}** soon\nplease.\n\n{}\\\n{}\n",
            letter_token(0),
            letter_token(1),
            letter_token(2),
            letter_token(3)
        );
        let d = parse_markdown(&md);
        assert_eq!(d.paras.len(), 3);
        assert_eq!(
            d.paras[0].runs,
            vec![
                t("Dear "),
                Run::Slot {
                    index: 0,
                    bold: false,
                    italic: false
                },
                t(",")
            ]
        );
        assert!(d.paras[1].runs.contains(&Run::Slot {
            index: 1,
            bold: true,
            italic: false
        }));
        // Soft breaks join lines with a space.
        assert_eq!(d.paras[1].runs.last(), Some(&t(" soon please.")));
        // A backslash at the end of a line is a line break, not a backslash.
        assert_eq!(d.paras[2].runs[1], Run::Break);
        assert_eq!(d.paras[2].runs.len(), 3);
    }

    #[test]
    fn lists_nest_and_number() {
        let d = parse_markdown("- a\n- b\n  1. x\n  2. y\n\n3. c\n");
        let blocks: Vec<&Block> = d.paras.iter().map(|p| &p.block).collect();
        assert_eq!(
            blocks,
            vec![
                &Block::Item {
                    level: 0,
                    marker: Marker::Bullet
                },
                &Block::Item {
                    level: 0,
                    marker: Marker::Bullet
                },
                &Block::Item {
                    level: 1,
                    marker: Marker::Number { list: 0, n: 1 }
                },
                &Block::Item {
                    level: 1,
                    marker: Marker::Number { list: 0, n: 2 }
                },
                &Block::Item {
                    level: 0,
                    marker: Marker::Number { list: 1, n: 3 }
                },
            ]
        );
        assert_eq!(d.number_starts, vec![1, 3]);
        assert_eq!(d.paras[1].runs, vec![t("b")]);
    }

    #[test]
    fn trainer_notes_in_any_case_are_left_out() {
        for marker in ["[!trainer]", "[!Trainer]", "[!TRAINERS]"] {
            let d = parse_markdown(&format!("Hello\n\n> {marker}\n> Secret\n\nBye\n"));
            let text: String = d
                .paras
                .iter()
                .flat_map(|p| p.runs.iter())
                .map(|r| format!("{r:?}"))
                .collect();
            assert!(!text.contains("Secret"), "{marker}: {text}");
        }
        let d = parse_markdown("Hello\n\n> [!TRAINER]\n> Secret\n\nBye\n");
        let text: Vec<String> = d
            .paras
            .iter()
            .flat_map(|p| p.runs.iter())
            .filter_map(|r| match r {
                Run::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(text, vec!["Hello", "Bye"]);
    }

    #[test]
    fn typed_token_characters_are_not_placeholders() {
        // Broke the `letter` fuzz target's property (each slot once): the private-use
        // characters a placeholder stands in for while Markdown is rendered, typed into the
        // letter, became a second slot 0 (and a slot 7 that does not exist).
        let text = "---\ntitle: T\nfields:\n  - name: who\n    label: Who\n---\n\
                    Dear {{ who }}, see \u{E000}0\u{E001} and \u{E000}7\u{E001}.\n";
        let l = crate::model::load::parse_letter_one("l", text).unwrap();
        assert_eq!(l.slots, vec!["who"]);
        assert_eq!(l.html.matches(&letter_token(0)).count(), 1, "{}", l.html);
        let doc = parse(&l);
        let slots: Vec<&Run> = doc
            .paras
            .iter()
            .flat_map(|p| &p.runs)
            .filter(|r| matches!(r, Run::Slot { .. }))
            .collect();
        assert_eq!(slots.len(), 1, "{slots:?}");
    }
}
