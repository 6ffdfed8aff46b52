//! A letter's downloads next to its page: `<name>.docx` (blanks as Word merge fields) and
//! `<name>.txt` (blanks as `[Label]`), with the built-in values filled in.

use super::Output;
use super::context::Common;
use crate::diagnostics::Diagnostic;
use crate::letters::{self, Doc, Fill, docx};
use crate::merge::attendance::ListDay;
use crate::model::{Delivery, Letter, Programme};

/// The site-relative path of a letter's download with extension `ext`.
pub fn path(l: &Letter, ext: &str) -> String {
    let stem = l.out.strip_suffix(".html").unwrap_or(&l.out);
    format!("{stem}.{ext}")
}

/// A letter ready to write: its paragraphs, its placeholders resolved (built-ins filled in,
/// fields blank) and the Word document's details. Made once per build, for both the
/// downloads and the page's save kit.
pub struct Prepared<'a> {
    pub letter: &'a Letter,
    doc: Doc,
    fills: Vec<Fill>,
    meta: docx::Meta<'a>,
    /// A certificate's days (the delivery's, else the programme's), for the page's merge.
    days: Vec<ListDay>,
    /// The programme's language, for the page's date in words (`letters.js`).
    pub date_lang: &'static str,
}

pub fn prepare<'a>(l: &'a Letter, p: &Programme, common: &Common<'a>) -> Prepared<'a> {
    prepare_in(l, p, None, common)
}

/// [`prepare`] for one of the programme's deliveries (`Some`): its built-ins are that
/// delivery's ([`super::letter_page::builtin_value_in`]).
pub fn prepare_in<'a>(
    l: &'a Letter,
    p: &Programme,
    delivery: Option<&Delivery>,
    common: &Common<'a>,
) -> Prepared<'a> {
    let (organisation, language) = (common.organisation, common.language);
    let certificate = l.kind == crate::model::LetterKind::Certificate;
    let days = match delivery {
        Some(d) => &d.days,
        None => &p.days,
    };
    let days = days
        .iter()
        .filter(|_| certificate)
        .map(|d| ListDay {
            number: d.number,
            title: d.title.clone(),
            date: d.date.map(|x| x.to_string()),
        })
        .collect();
    Prepared {
        letter: l,
        doc: letters::parse(l),
        fills: letters::fills(l, |name| {
            super::letter_page::builtin_value_in(name, p, delivery, organisation)
        }),
        meta: docx::Meta {
            title: &l.title,
            organisation,
            language,
            landscape: certificate,
            logo: common.logo.filter(|_| certificate),
        },
        days,
        date_lang: p.locale.code(),
    }
}

impl Prepared<'_> {
    /// Each slot's fill: built-ins resolved, fields blank.
    pub fn fills(&self) -> &[Fill] {
        &self.fills
    }

    /// `<name>.docx` and `<name>.txt`.
    pub fn outputs(&self) -> Result<Vec<Output>, Diagnostic> {
        let l = self.letter;
        let bytes = docx::write(&self.doc, &self.fills, &self.meta).map_err(|e| {
            Diagnostic::error(&l.src, format!("could not write the Word document: {e}"))
        })?;
        Ok(vec![
            Output::bytes(path(l, "docx"), bytes),
            Output::bytes(
                path(l, "txt"),
                letters::txt::write(&self.doc, &self.fills).into_bytes(),
            ),
        ])
    }

    /// The letter page's save kit ([`letters::kit`]) as JSON for a
    /// `<script type="application/json">`: `<` is escaped so no `</script>` or `<!--` can
    /// end or change that element. `None` if the letter has no fields.
    pub fn kit_json(&self) -> Option<String> {
        self.kit_with(&self.fills)
    }

    fn kit_with(&self, fills: &[Fill]) -> Option<String> {
        let l = self.letter;
        let mut kit = letters::kit::kit(&l.name, &l.fields, &self.doc, fills, &self.meta)?;
        kit.days = self.days.clone();
        kit_json(&kit)
    }

    /// The post-box page's save kit: as [`Self::kit_json`], with each `slot` (a built-in
    /// the letter's own page leaves blank) a field the page fills in, named `slot`.
    pub fn kit_json_filling(&self, slot: &str, label: &str) -> Option<String> {
        let l = self.letter;
        let mut fills = self.fills.clone();
        for (fill, name) in fills.iter_mut().zip(&l.slots) {
            if name == slot {
                *fill = Fill::Field {
                    name: slot.to_string(),
                    label: label.to_string(),
                };
            }
        }
        self.kit_with(&fills)
    }
}

/// A save kit as JSON for a `<script type="application/json">`: `<` is escaped so no
/// `</script>` or `<!--` can end or change that element.
pub fn kit_json(kit: &letters::kit::Kit) -> Option<String> {
    let json = serde_json::to_string(kit).ok()?;
    Some(json.replace('<', "\\u003c"))
}
