//! A letter as plain UTF-8 text: one line per paragraph (so it pastes into an email and
//! wraps there), headings underlined, lists with `-` and numbers, blanks as `[Label]`.

use super::chunk::{Chunk, Chunks};
use super::{Block, Doc, Fill, Marker, Run};

pub fn write(doc: &Doc, fills: &[Fill]) -> String {
    render(doc, fills, false).text()
}

/// As [`write`], for [`super::kit`]: each field's slot is a [`Chunk::Slot`] (with how far its
/// value's later lines are indented), and a heading's start and its underline, whose width
/// depends on the values in it, are [`Chunk::Heading`] and [`Chunk::Underline`].
pub(crate) fn write_marked(doc: &Doc, fills: &[Fill]) -> Vec<Chunk> {
    render(doc, fills, true).into_vec()
}

fn render(doc: &Doc, fills: &[Fill], marked: bool) -> Chunks {
    let mut out = Chunks::default();
    let mut prev: Option<&super::Para> = None;
    for p in &doc.paras {
        if let Some(pp) = prev {
            // Items of one list sit on consecutive lines; everything else is a paragraph apart.
            out.push_str(
                if in_list(&pp.block) && in_list(&p.block) && pp.group == p.group {
                    "\n"
                } else {
                    "\n\n"
                },
            );
        }
        prev = Some(p);
        let (lead, indent) = match &p.block {
            Block::Normal | Block::Heading(_) => (String::new(), String::new()),
            Block::Item { level, marker } => {
                let mark = match marker {
                    Marker::Bullet => "- ".to_string(),
                    Marker::Number { n, .. } => format!("{n}. "),
                };
                let ind = "   ".repeat(*level);
                (
                    format!("{ind}{mark}"),
                    format!("{ind}{}", " ".repeat(mark.len())),
                )
            }
            Block::Continue { level } => {
                let ind = "   ".repeat(level + 1);
                (ind.clone(), ind)
            }
            Block::Quote => ("    ".into(), "    ".into()),
            Block::Rule => {
                out.push_str("* * *");
                continue;
            }
        };
        let mut line = Chunks::default();
        line.push_str(&lead);
        if marked && matches!(p.block, Block::Heading(_)) {
            line.push(Chunk::Heading);
        }
        for r in &p.runs {
            match r {
                Run::Text { text, .. } => line.push_str(text),
                Run::Break => {
                    line.push_str("\n");
                    line.push_str(&indent);
                }
                Run::Slot {
                    index,
                    bold,
                    italic,
                } => match fills.get(*index) {
                    Some(Fill::Field { .. }) if marked => line.push(Chunk::Slot {
                        index: *index,
                        indent: indent.len(),
                        bold: *bold,
                        italic: *italic,
                    }),
                    fill => line.push_str(&slot_text(fill, &indent)),
                },
            }
        }
        if let Block::Heading(level) = p.block {
            let under = if level == 1 { '=' } else { '-' };
            line.push_str("\n");
            if marked {
                line.push(Chunk::Underline(under));
            } else {
                let width = line.text().lines().map(|l| l.chars().count()).max();
                line.push_str(&under.to_string().repeat(width.unwrap_or(0)));
            }
        }
        out.append(line);
    }
    out.push_str("\n");
    out
}

/// A slot's text: a value with its later lines indented like the paragraph, or a blank.
fn slot_text(fill: Option<&Fill>, indent: &str) -> String {
    match fill {
        Some(Fill::Value(v)) => v
            .replace("\r\n", "\n")
            .replace('\n', &format!("\n{indent}")),
        Some(Fill::Field { label, .. }) | Some(Fill::Missing(label)) => Fill::blank_text(label),
        None => String::new(),
    }
}

fn in_list(b: &Block) -> bool {
    matches!(b, Block::Item { .. } | Block::Continue { .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::parse_markdown;
    use crate::model::letter_token;

    #[test]
    fn text_letter_with_values_and_blanks() {
        let md = format!(
            "# Hello\n\nDear {},\n\n- one\n- two *{}*\n\nYours,\\\n{}\n",
            letter_token(0),
            letter_token(1),
            letter_token(2)
        );
        let fills = vec![
            Fill::Field {
                name: "name".into(),
                label: "Name".into(),
            },
            Fill::Value("**not bold** & <b>".into()),
            Fill::Missing("Organisation".into()),
        ];
        let txt = write(&parse_markdown(&md), &fills);
        assert_eq!(
            txt,
            "Hello\n=====\n\nDear [Name],\n\n- one\n- two **not bold** & <b>\n\nYours,\n[Organisation]\n"
        );
    }
}
