//! A letter's page: the letter with built-in values filled in and each field a visible
//! blank, and the save kit its script uses.

use serde::Serialize;

use super::letter_files;
use crate::letters::Fill;
use crate::model::{Delivery, Programme};
use crate::util::escape_html;

#[derive(Serialize)]
pub(super) struct LetterView {
    title: String,
    description: Option<String>,
    name: String,
    /// The template's path from the site root, for the `merge` command shown on the page.
    src: String,
    fields: Vec<crate::model::Field>,
    /// Site-relative paths of the downloads.
    docx: String,
    txt: String,
    /// The letter with built-ins filled in and each field as a visible blank.
    html: String,
    /// JSON for the page's script to save the filled-in letter as Word and text.
    kit: Option<String>,
    /// The key under which the page keeps what was typed, on this device only
    /// (`localStorage`): the letter page's own path.
    key: String,
    /// The language `letters.js` writes the typed date in (`dateInWords`): the programme's.
    date_lang: &'static str,
    /// `letter` or `certificate`: a certificate prints on one landscape page.
    kind: crate::model::LetterKind,
    /// The post-box summary, when the letter has `{{ post_box.points }}` and this edition
    /// has the page: where that blank is filled in.
    pub(super) post_box: Option<String>,
    /// The delivery, for a delivery's copy of the letter: named under the title and in the
    /// breadcrumbs, its id in `merge --delivery <id>`.
    pub(super) delivery: Option<DeliveryRef>,
}

/// The delivery a letter page is a copy for.
#[derive(Serialize)]
pub(super) struct DeliveryRef {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) dates: Option<String>,
    /// Its page, site-relative.
    pub(super) href: String,
}

/// The built-in values of a programme's letters.
pub fn builtin_value(name: &str, p: &Programme, organisation: Option<&str>) -> Option<String> {
    builtin_value_in(name, p, None, organisation)
}

/// The built-in values of a letter of programme `p`, for one of its deliveries (`Some`) or
/// for the programme itself. For a delivery the `programme.*` dates, venue, start, contact
/// hours and sessions are that delivery's; for the programme a `delivery.*` value falls
/// back to the programme's own where it has one (dates, venue, start), else stays blank.
pub fn builtin_value_in(
    name: &str,
    p: &Programme,
    delivery: Option<&Delivery>,
    organisation: Option<&str>,
) -> Option<String> {
    let Some(d) = delivery else {
        return match name {
            "programme.title" => Some(p.title.clone()),
            "programme.venue" | "delivery.venue" => p.venue.clone(),
            "programme.dates" | "delivery.dates" => p.dates_label(),
            "programme.start" | "delivery.start" => {
                Some(p.locale.time(p.days.first().map_or(p.start, |d| d.start)))
            }
            "programme.contact_hours" => Some(p.locale.hours_in_words(p.attended_minutes())),
            "programme.sessions" => Some(p.attended_titles().join("\n")).filter(|s| !s.is_empty()),
            "organisation" => organisation.map(str::to_string),
            _ => None,
        };
    };
    match name {
        "delivery.title" => Some(d.title.clone()),
        "programme.venue" | "delivery.venue" => d.venue.clone().or(p.venue.clone()),
        "programme.dates" | "delivery.dates" => d.dates_label(),
        "programme.start" | "delivery.start" => d.days.first().map(|x| p.locale.time(x.start)),
        "delivery.trainers" => {
            let names: Vec<&str> = d.trainers.iter().map(|t| t.name.as_str()).collect();
            crate::model::names_in_words_in(p.locale, &names)
        }
        "programme.contact_hours" => Some(
            p.locale
                .hours_in_words(crate::model::delivery_attended(p, d).0),
        ),
        "programme.sessions" => {
            Some(crate::model::delivery_attended(p, d).1.join("\n")).filter(|s| !s.is_empty())
        }
        _ => builtin_value_in(name, p, None, organisation),
    }
}

/// The letter's page from its prepared fills (built-ins already resolved, for the
/// programme or one delivery).
pub(super) fn letter_view(prepared: &letter_files::Prepared) -> LetterView {
    let l = prepared.letter;
    let fills = prepared.fills();
    // One pass, so a value holding a token is not filled again.
    let html = crate::model::fill_letter_tokens(&l.html, |i| match fills.get(i) {
        None => String::new(),
        Some(Fill::Field { name, label }) => format!(
            "<span class=\"blank\" data-field=\"{}\">[{}]</span>",
            escape_html(name),
            escape_html(label)
        ),
        // Several lines (the sessions) keep their breaks, as in the .docx.
        Some(Fill::Value(v)) if v.contains('\n') => format!(
            "<span class=\"filled is-list\">{}</span>",
            escape_html(v).replace('\n', "<br>")
        ),
        Some(Fill::Value(v)) => format!("<span class=\"filled\">{}</span>", escape_html(v)),
        Some(Fill::Missing(label)) => {
            format!("<span class=\"blank\">[{}]</span>", escape_html(label))
        }
    });
    LetterView {
        title: l.title.clone(),
        description: l.description.clone(),
        name: l.name.clone(),
        src: l.src.clone(),
        fields: l.fields.clone(),
        docx: letter_files::path(l, "docx"),
        txt: letter_files::path(l, "txt"),
        html,
        kit: prepared.kit_json(),
        key: format!("coursebook-letter:{}", l.out),
        date_lang: prepared.date_lang,
        kind: l.kind,
        post_box: None,
        delivery: None,
    }
}
