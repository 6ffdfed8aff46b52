//! What a letter page's script needs to save the letter as Word and as text, filled in on
//! the page or once per row of a list, with no request to a server (pages open from
//! `file://`, where a script cannot read the `.docx` next to them).
//!
//! Each format is a list of pieces: literal text, or a field's slot. The script puts a
//! value in each slot, or the slot's `blank` when there is none, and joins them. The
//! pieces come from the same writers as the downloads and `coursebook merge`, so a letter
//! filled in on the page is the letter `merge` writes for the same values.

use serde::Serialize;

use super::chunk::Chunk;
use super::{Doc, Fill, docx, txt};
use crate::model::Field;

#[derive(Debug, Serialize)]
pub struct Kit {
    /// The download's file name before its extension.
    pub name: String,
    /// The fields in order, for reading a list's columns (by name or label) and naming
    /// files after the first.
    pub fields: Vec<KitField>,
    pub txt: Vec<Piece>,
    /// The package's parts in order; `word/document.xml` is in pieces, the rest literal.
    pub docx: Vec<(&'static str, Vec<Piece>)>,
    /// A certificate (landscape): the page's merge leaves out rows whose `attended` is not yes.
    pub certificate: bool,
    /// The logo's part, `[name, base64 of its bytes]`: added to the zip as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<(String, String)>,
    /// A certificate's days (the programme's or the delivery's), which the page's merge
    /// reads a list's day columns by, as `merge` does.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<crate::merge::attendance::ListDay>,
}

#[derive(Debug, Serialize)]
pub struct KitField {
    pub name: String,
    pub label: String,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Piece {
    Text(String),
    Slot {
        /// The field's name: the `name` of its input.
        field: String,
        /// What the slot holds while its box is empty.
        blank: String,
        /// Word only: the run around the value, whose lines become `<w:t>`s apart by
        /// `<w:br/>`, and tabs `<w:tab/>`.
        #[serde(skip_serializing_if = "String::is_empty")]
        before: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        after: String,
        /// Text only: how many spaces go before each later line of the value.
        #[serde(skip_serializing_if = "is_zero")]
        indent: usize,
    },
    /// Text only: a heading starts here (`true`)...
    Heading {
        heading: bool,
    },
    /// ...and here goes its underline: this character as many times as the heading's
    /// longest line has characters once filled in.
    Underline {
        underline: char,
    },
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The kit for a letter whose placeholders are resolved by `fills`; the fields
/// (`Fill::Field`) become slots. `None` if it has no fields.
// Long by design: the kit's JSON is assembled in one place, field by field, so its shape
// reads as `letter-save.js` reads it.
pub fn kit(
    name: &str,
    fields: &[Field],
    doc: &Doc,
    fills: &[Fill],
    meta: &docx::Meta,
) -> Option<Kit> {
    if !fills.iter().any(|f| matches!(f, Fill::Field { .. })) {
        return None;
    }
    let field = |k: usize| match fills.get(k) {
        Some(Fill::Field { name, label }) => Some((name.clone(), label.as_str())),
        _ => None,
    };
    let mut text = Vec::new();
    for chunk in txt::write_marked(doc, fills) {
        text.push(match chunk {
            Chunk::Text(t) => Piece::Text(t),
            Chunk::Heading => Piece::Heading { heading: true },
            Chunk::Underline(c) => Piece::Underline { underline: c },
            Chunk::Slot { index, indent, .. } => {
                let (field, label) = field(index)?;
                Piece::Slot {
                    field,
                    blank: Fill::blank_text(label),
                    before: String::new(),
                    after: String::new(),
                    indent,
                }
            }
        });
    }
    // Word: each slot's run takes the bold and italic of the text around it.
    let parts = docx::parts_in_chunks(doc, meta, &mut |k, bold, italic| match fills.get(k) {
        Some(Fill::Field { .. }) => Chunk::Slot {
            index: k,
            indent: 0,
            bold,
            italic,
        },
        other => Chunk::Text(docx::slot(other, bold, italic)),
    });
    let mut word = Vec::with_capacity(parts.len());
    for (part, chunks) in parts {
        let mut pieces = Vec::new();
        for chunk in chunks.into_vec() {
            pieces.push(match chunk {
                Chunk::Text(t) => Piece::Text(t),
                Chunk::Heading | Chunk::Underline(_) => return None,
                Chunk::Slot {
                    index,
                    bold,
                    italic,
                    ..
                } => {
                    let (field, _) = field(index)?;
                    let (before, after) = docx::value_run(bold, italic);
                    Piece::Slot {
                        field,
                        blank: docx::slot(fills.get(index), bold, italic),
                        before,
                        after,
                        indent: 0,
                    }
                }
            });
        }
        word.push((part, pieces));
    }
    Some(Kit {
        certificate: meta.landscape,
        name: name.to_string(),
        fields: fields
            .iter()
            .map(|f| KitField {
                name: f.name.clone(),
                label: f.label.clone(),
            })
            .collect(),
        txt: text,
        docx: word,
        media: meta
            .logo
            .map(|l| (docx::logo_part(l), crate::util::base64(&l.bytes))),
        days: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::parse_markdown;
    use crate::model::letter_token;

    /// What the page's script does: a value in each slot, or the blank.
    fn join(pieces: &[Piece], value: &dyn Fn(&str) -> Option<String>, word: bool) -> String {
        let mut out = String::new();
        let mut heading = 0;
        for p in pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Slot {
                    field,
                    blank,
                    before,
                    after,
                    indent,
                } => match value(field) {
                    Some(v) if word => {
                        let lines: Vec<String> = v
                            .split('\n')
                            .map(|line| {
                                let parts: Vec<String> = line
                                    .split('\t')
                                    .map(|p| match p {
                                        "" => String::new(),
                                        p => format!(
                                            "<w:t xml:space=\"preserve\">{}</w:t>",
                                            docx::escape(p)
                                        ),
                                    })
                                    .collect();
                                parts.join("<w:tab/>")
                            })
                            .collect();
                        out.push_str(&format!("{before}{}{after}", lines.join("<w:br/>")));
                    }
                    Some(v) => {
                        out.push_str(&v.replace('\n', &format!("\n{}", " ".repeat(*indent))))
                    }
                    None => out.push_str(blank),
                },
                Piece::Heading { .. } => heading = out.len(),
                Piece::Underline { underline } => {
                    let width = out[heading..].split('\n').map(|l| l.chars().count()).max();
                    out.push_str(&underline.to_string().repeat(width.unwrap_or(0)));
                }
            }
        }
        out
    }

    #[test]
    fn a_kit_filled_in_is_the_letter_the_writers_make() {
        let md = format!(
            "# To {}\n\nDear **{}**,\n\n- from {}\n- *{}* again\n",
            letter_token(0),
            letter_token(1),
            letter_token(2),
            letter_token(3)
        );
        let doc = parse_markdown(&md);
        let field = |name: &str, label: &str| Fill::Field {
            name: name.into(),
            label: label.into(),
        };
        let blank = vec![
            field("who", "Who"),
            field("name", "Name"),
            // A NUL in a built-in (TOML allows `\u0000`) is text like any other.
            Fill::Value("Org\0 & Co".into()),
            field("name", "Name"),
        ];
        let meta = docx::Meta {
            title: "T",
            organisation: Some("Org"),
            language: "en-GB",
            landscape: false,
            logo: None,
        };
        let kit = kit("invite", &[], &doc, &blank, &meta).unwrap();
        let parts = |fills: &[Fill]| {
            docx::parts(&doc, &meta, &mut |k, b, i| docx::slot(fills.get(k), b, i))
        };

        // Nothing typed: the build's own downloads.
        let none = |_: &str| None;
        assert_eq!(join(&kit.txt, &none, false), txt::write(&doc, &blank));
        let want = parts(&blank);
        assert_eq!(kit.docx.len(), want.len());
        for ((name, pieces), (want_name, want_xml)) in kit.docx.iter().zip(&want) {
            assert_eq!(name, want_name);
            assert_eq!(&join(pieces, &none, true), want_xml, "{name}");
        }

        // One field typed (it fills both of its slots), one left blank.
        // Several lines, a tab and an empty line, in a list item (indented in text).
        let value = "Ann <& Bo>\nand\tDee\n\nEnd";
        let typed = |f: &str| (f == "name").then(|| value.to_string());
        let mut filled = blank.clone();
        filled[1] = Fill::Value(value.into());
        filled[3] = Fill::Value(value.into());
        assert_eq!(join(&kit.txt, &typed, false), txt::write(&doc, &filled));
        let want = parts(&filled);
        for ((name, pieces), (_, want_xml)) in kit.docx.iter().zip(&want) {
            assert_eq!(&join(pieces, &typed, true), want_xml, "{name}");
        }
        let body = &want[5].1;
        assert!(
            body.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Ann &lt;&amp; Bo&gt;")
        );
        assert!(body.contains("MERGEFIELD who"));
    }

    #[test]
    fn a_letter_without_fields_has_no_kit() {
        let doc = parse_markdown("Hello\n");
        let meta = docx::Meta {
            title: "T",
            organisation: None,
            language: "en-GB",
            landscape: false,
            logo: None,
        };
        assert!(kit("x", &[], &doc, &[Fill::Value("v".into())], &meta).is_none());
    }
}
