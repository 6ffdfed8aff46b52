//! A delivery's own documents, in its folder `<programme>/deliveries/<id>/`: a copy of each
//! of the programme's letters and certificates under `letters/` (page, `.docx`, `.txt`),
//! made by the programme's letter code with the delivery's built-ins
//! ([`crate::render::letter_page::builtin_value_in`]), and its evaluation form
//! (`evaluation.html`, `evaluation.docx`) listing its sessions in its order.
//! The participant edition's programme holds only its letters and deliveries, so the same
//! audience rules hold here.

use rayon::prelude::*;
use serde::Serialize;

use super::{EvaluationPage, LetterPage, ProgrammeRender};
use crate::model::{Delivery, Letter, LetterKind, Programme};
use crate::render::evaluation;
use crate::render::letter_files::{self, prepare_in};
use crate::render::letter_page::{DeliveryRef, letter_view};
use crate::render::page::{Defer, Rendered};
use crate::render::view::day_views_of;

/// What the delivery's page lists of its documents, in its own section.
#[derive(Serialize)]
pub(in crate::render) struct DeliveryDocs {
    letters: Vec<DocLink>,
    evaluation: String,
    evaluation_docx: String,
}

/// One letter or certificate of a delivery: its page and downloads.
#[derive(Serialize)]
struct DocLink {
    title: String,
    href: String,
    docx: String,
    txt: String,
    certificate: bool,
}

/// The delivery's copy of letter `l`: the same letter, written in the delivery's folder.
fn delivery_copy(l: &Letter, p: &Programme, d: &Delivery) -> Letter {
    Letter {
        out: format!("{}/letters/{}.html", d.dir(&p.slug), l.name),
        ..l.clone()
    }
}

/// The links of delivery `d`'s documents, for its page.
pub(in crate::render) fn delivery_docs(p: &Programme, d: &Delivery) -> DeliveryDocs {
    let dir = d.dir(&p.slug);
    DeliveryDocs {
        letters: p
            .letters
            .iter()
            .map(|l| {
                let copy = delivery_copy(l, p, d);
                DocLink {
                    title: l.title.clone(),
                    docx: letter_files::path(&copy, "docx"),
                    txt: letter_files::path(&copy, "txt"),
                    href: copy.out,
                    certificate: l.kind == LetterKind::Certificate,
                }
            })
            .collect(),
        evaluation: format!("{dir}/evaluation.html"),
        evaluation_docx: format!("{dir}/evaluation.docx"),
    }
}

impl ProgrammeRender<'_> {
    /// Every delivery's letters (pages and files) and evaluation form (page and `.docx`).
    pub(super) fn delivery_documents(&self) -> Vec<Rendered> {
        self.p
            .deliveries
            .par_iter()
            .flat_map_iter(|d| {
                let mut out = self.delivery_letters(d);
                out.extend(self.delivery_evaluation(d));
                out
            })
            .collect()
    }

    fn delivery_letters(&self, d: &Delivery) -> Vec<Rendered> {
        let (p, common) = (self.p, self.common);
        let shared = [("programme", &self.programme)];
        let copies: Vec<Letter> = p.letters.iter().map(|l| delivery_copy(l, p, d)).collect();
        let mut out = Vec::new();
        for l in &copies {
            let prepared = prepare_in(l, p, Some(d), common);
            let mut letter = letter_view(&prepared);
            letter.delivery = Some(DeliveryRef {
                id: d.id.clone(),
                title: d.title.clone(),
                dates: d.dates_label(),
                href: format!("{}/index.html", d.dir(&p.slug)),
            });
            if l.slots.iter().any(|s| s == crate::model::POST_BOX_POINTS) {
                letter.post_box = self.views.nav.post_box.clone();
            }
            let own = LetterPage { letter };
            let title = format!("{}: {}", l.title, d.title);
            let what = ("letter.html", l.out.clone(), title);
            out.push(common.page(self.page(what, &shared, &own), Defer::Allowed));
            match prepared.outputs() {
                Ok(files) => out.extend(files.into_iter().map(|o| Ok(Some(o)))),
                Err(e) => out.push(Err(e)),
            }
        }
        out
    }

    fn delivery_evaluation(&self, d: &Delivery) -> Vec<Rendered> {
        let (p, common) = (self.p, self.common);
        let days = day_views_of(p, &d.timetable, &d.days, &self.strings);
        let form =
            evaluation::delivery_evaluation_form(p, d, &days, common.language, &self.strings);
        let shared = [("programme", &self.programme)];
        let page = EvaluationPage { form: &form };
        let what = (
            "evaluation.html",
            format!("{}/evaluation.html", d.dir(&p.slug)),
            format!("Evaluation: {}, {}", p.title, d.title),
        );
        vec![
            common.page(self.page(what, &shared, &page), Defer::Allowed),
            evaluation::blank_docx(&form, &d.src).map(Some),
        ]
    }
}
