//! A letter's page: the letter with built-in values filled in and each field a visible
//! blank, and the save kit its script uses.

use serde::Serialize;

use super::letter_files;
use crate::model::Programme;
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
}

/// The built-in values of a programme's letters.
pub fn builtin_value(name: &str, p: &Programme, organisation: Option<&str>) -> Option<String> {
    match name {
        "programme.title" => Some(p.title.clone()),
        "programme.venue" => p.venue.clone(),
        "programme.dates" => p.dates_label(),
        "programme.start" => Some(p.locale.time(p.days.first().map_or(p.start, |d| d.start))),
        "programme.contact_hours" => Some(crate::model::hours_in_words(p.attended_minutes())),
        "programme.sessions" => Some(p.attended_titles().join("\n")).filter(|s| !s.is_empty()),
        "organisation" => organisation.map(str::to_string),
        _ => None,
    }
}

pub(super) fn letter_view(
    prepared: &letter_files::Prepared,
    p: &Programme,
    organisation: Option<&str>,
) -> LetterView {
    let l = prepared.letter;
    // One pass, so a value holding a token is not filled again.
    let html = crate::model::fill_letter_tokens(&l.html, |i| {
        let Some(slot) = l.slots.get(i) else {
            return String::new();
        };
        if let Some(f) = l.fields.iter().find(|f| &f.name == slot) {
            format!(
                "<span class=\"blank\" data-field=\"{}\">[{}]</span>",
                escape_html(&f.name),
                escape_html(&f.label)
            )
        } else {
            match builtin_value(slot, p, organisation) {
                // Several lines (the sessions) keep their breaks, as in the .docx.
                Some(v) if v.contains('\n') => format!(
                    "<span class=\"filled is-list\">{}</span>",
                    escape_html(&v).replace('\n', "<br>")
                ),
                Some(v) => format!("<span class=\"filled\">{}</span>", escape_html(&v)),
                None => format!(
                    "<span class=\"blank\">[{}]</span>",
                    escape_html(crate::letters::builtin_label(slot))
                ),
            }
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
        date_lang: p.locale.lang.code(),
        kind: l.kind,
        post_box: None,
    }
}
