//! A letter template (`<programme>/letters/<name>.md`): its fields, its placeholders
//! checked against them, its body rendered with a token in each placeholder's place.

use std::collections::HashSet;

use super::Pos;
use super::file::{Source, render};
use super::values::{audience_of, title_from_file};
use crate::content::markdown::{self, Body};
use crate::content::yaml::Fields;
use crate::diagnostics::{Diagnostic, closest};
use crate::model::{Field, Letter, LetterKind, letters};

const LETTER_KEYS: &[&str] = &["title", "description", "fields", "audience", "kind"];

/// The letter and the text of the `[!TRAINER]` callouts left out of it; `None` without a
/// title (the problem reported).
pub(super) fn parse_letter(
    src: &Source,
    slug: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Letter, Vec<markdown::Dropped>)> {
    let f = src.f;
    let what = "letter front matter";
    let mut fl = Fields::front(&f.display, &src.node, what, LETTER_KEYS, &src.extra.letter);
    let title = fl.text("title");
    if fl.node("title").is_none() {
        fl.missing(
            "title",
            what,
            "add a line such as `title: Invitation to the programme`",
        );
    }
    let description = fl.text("description");
    let kind = parse_kind(&mut fl);
    let (fields, field_pos) = parse_fields(&mut fl);
    // A letter is the trainer's tool unless it says it is for everyone.
    let trainer_only = audience_of(f, &src.node, &mut fl.diags).unwrap_or(true);
    diags.append(&mut fl.diags);

    let (pieces, found, bad) = letters::scan(src.body, src.body_line);
    for (l, c, msg) in bad {
        diags.push(
            Diagnostic::error(&f.display, msg)
                .at(l, c)
                .hint("write placeholders as {{ field_name }}"),
        );
    }
    check_placeholders(&f.display, &fields, &field_pos, &found, diags);
    let title = title?;
    // Render the Markdown with tokens in place of the placeholders.
    let (tokenised, slots) = tokenise(&pieces);
    let md = render(
        f,
        (&tokenised, src.body_line),
        src.audience,
        Body::Shared,
        &src.scope.words,
        diags,
    );
    diags.extend(crate::model::urls::diagnostics(&f.display, &md.unsafe_urls));
    let name = f
        .rel
        .rsplit('/')
        .next()
        .unwrap_or(&f.rel)
        .trim_end_matches(".md")
        .to_string();
    let letter = Letter {
        name: name.clone(),
        src: f.display.clone(),
        out: format!("{slug}/letters/{name}.html"),
        title,
        description,
        fields,
        pieces,
        html: md.html,
        slots,
        placeholders: found,
        trainer_only,
        kind,
    };
    Some((letter, md.dropped))
}

/// `kind: letter` (the default) or `kind: certificate`.
fn parse_kind(fl: &mut Fields) -> LetterKind {
    let Some((text, n)) = fl.text_node("kind") else {
        return LetterKind::Letter;
    };
    match text.trim().to_lowercase().as_str() {
        "letter" => LetterKind::Letter,
        "certificate" => LetterKind::Certificate,
        other => {
            let hint = match closest(other, ["letter", "certificate"]) {
                Some(c) => format!("did you mean `{c}`?"),
                None => "leave it out for a letter".to_string(),
            };
            fl.error_at(
                n,
                format!("`kind` must be `letter` or `certificate`, not `{text}`"),
                Some(hint),
            );
            LetterKind::Letter
        }
    }
}

/// `fields:`, each valid one with where its name was written (to point at it if unused).
fn parse_fields(fl: &mut Fields) -> (Vec<Field>, Vec<(String, Pos)>) {
    let mut fields: Vec<Field> = Vec::new();
    let mut field_names = HashSet::new();
    let mut field_pos = Vec::new();
    let path = fl.path;
    let Some(items) = fl.seq("fields") else {
        return (fields, field_pos);
    };
    for it in items {
        let mut ff = Fields::new(
            path,
            it,
            "a letter field",
            &["name", "label", "example", "lines"],
        );
        let name = ff.text_node("name");
        let label = ff.text("label");
        let example = ff.text("example");
        let lines = ff.int("lines", 1, 30).map_or(1, |(n, _)| n as u8);
        match name {
            Some((name, n)) => {
                let valid = name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
                if !valid || name.is_empty() {
                    ff.error_at(
                        n,
                        format!("field name `{name}` may hold only letters, digits, `_` and `-`"),
                        None,
                    );
                } else if !field_names.insert(name.clone()) {
                    ff.error_at(n, format!("field `{name}` is declared twice"), None);
                } else if letters::BUILTINS.contains(&name.as_str()) {
                    ff.error_at(
                        n,
                        format!("`{name}` is a built-in and cannot be a field"),
                        None,
                    );
                } else {
                    field_pos.push((name.clone(), Pos::of(n)));
                    let label = label.unwrap_or_else(|| title_from_file(&name));
                    fields.push(Field {
                        name,
                        label,
                        example,
                        lines,
                    });
                }
            }
            None => ff.error_at(
                it,
                "each field needs a `name`",
                Some(
                    "{ name: participant_name, label: Participant's name, example: Sam Taylor }"
                        .into(),
                ),
            ),
        }
        fl.diags.append(&mut ff.diags);
    }
    (fields, field_pos)
}

/// Every placeholder must be a declared field or a built-in; every field should be used.
fn check_placeholders(
    display: &str,
    fields: &[Field],
    field_pos: &[(String, Pos)],
    found: &[letters::Placeholder],
    diags: &mut Vec<Diagnostic>,
) {
    // Sets, so a letter of many placeholders and fields is checked in linear time.
    let names: Vec<&str> = fields
        .iter()
        .map(|x| x.name.as_str())
        .chain(letters::BUILTINS.iter().copied())
        .collect();
    let declared: HashSet<&str> = names.iter().copied().collect();
    let used: HashSet<&str> = found.iter().map(|p| p.name.as_str()).collect();
    for ph in found {
        if !declared.contains(ph.name.as_str()) {
            let hint = match closest(&ph.name, names.iter().copied()) {
                Some(c) => format!("did you mean `{c}`? Otherwise declare it under `fields:`"),
                None => format!(
                    "declare it under `fields:`, or use a built-in: {}",
                    letters::BUILTINS.join(", ")
                ),
            };
            diags.push(
                Diagnostic::error(
                    display,
                    format!(
                        "placeholder `{}` is neither a declared field nor built in",
                        ph.name
                    ),
                )
                .at(ph.line, ph.col)
                .hint(hint),
            );
        }
    }
    for (name, pos) in field_pos {
        if !used.contains(name.as_str()) {
            diags.push(
                Diagnostic::warning(
                    display,
                    format!("field `{name}` is declared but the letter never uses it"),
                )
                .at(pos.line, pos.col)
                .hint(format!(
                    "add {{{{ {name} }}}} to the letter, or remove the field"
                )),
            );
        }
    }
}

/// The letter's text with a token in each placeholder's place, and the slots in order.
fn tokenise(pieces: &[letters::Piece]) -> (String, Vec<String>) {
    let mut slots: Vec<String> = Vec::new();
    let mut tokenised = String::new();
    for p in pieces {
        match p {
            letters::Piece::Text(t) => tokenised.push_str(t),
            letters::Piece::Slot(s) => {
                tokenised.push_str(&letters::token(slots.len()));
                slots.push(s.clone());
            }
        }
    }
    (tokenised, slots)
}
