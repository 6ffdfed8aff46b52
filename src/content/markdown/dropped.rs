//! What a participant build leaves out, collected as text with where it starts: left-out
//! events joined into paragraphs, and HTML comments.

use std::ops::Range;

use pulldown_cmark::{Event, TagEnd};

use super::{Dropped, Lines};

/// Adds a left-out event's text to the paragraph being dropped: text as it reads (events
/// join without a space, `un*believ*able`); a line break is a space; a block's end ends it.
pub(super) fn drop_text(
    ev: &Event,
    range: &Range<usize>,
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

/// Keeps a left-out paragraph unless it is only blanks.
pub(super) fn keep_dropped(p: Dropped, dropped: &mut Vec<Dropped>) {
    if !p.text.trim().is_empty() {
        dropped.push(p);
    }
}

/// Splits HTML into what is outside `<!-- -->` comments and what is inside; `in_comment`
/// carries an open comment from one HTML event to the next.
pub(super) fn strip_comments(h: &str, in_comment: &mut bool) -> (String, String) {
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

#[cfg(test)]
mod tests {
    use super::super::Body;
    use super::super::tests::{md, participant};

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
}
