//! A letter's downloads next to its page: `<name>.docx` (blanks as Word merge fields) and
//! `<name>.txt` (blanks as `[Label]`), with the built-in values filled in.

use super::{Output, builtin_value};
use crate::diagnostics::Diagnostic;
use crate::letters::{self, docx};
use crate::model::{Letter, Programme};

/// The site-relative path of a letter's download with extension `ext`.
pub fn path(l: &Letter, ext: &str) -> String {
    let stem = l.out.strip_suffix(".html").unwrap_or(&l.out);
    format!("{stem}.{ext}")
}

pub fn outputs(
    l: &Letter,
    p: &Programme,
    organisation: Option<&str>,
    language: &str,
) -> Result<Vec<Output>, Diagnostic> {
    let doc = letters::parse(l);
    let fills = letters::fills(l, |name| builtin_value(name, p, organisation));
    let meta = docx::Meta {
        title: &l.title,
        organisation,
        language,
    };
    let bytes = docx::write(&doc, &fills, &meta).map_err(|e| {
        Diagnostic::error(&l.src, format!("could not write the Word document: {e}"))
    })?;
    Ok(vec![
        Output::bytes(path(l, "docx"), bytes),
        Output::bytes(
            path(l, "txt"),
            letters::txt::write(&doc, &fills).into_bytes(),
        ),
    ])
}

/// The letter page's fill-in kit ([`letters::kit`]) as JSON for a
/// `<script type="application/json">`: `<` is escaped so no `</script>` or `<!--` can
/// end or change that element. `None` if the letter has no fields.
pub fn kit_json(
    l: &Letter,
    p: &Programme,
    organisation: Option<&str>,
    language: &str,
) -> Option<String> {
    let doc = letters::parse(l);
    let fills = letters::fills(l, |name| builtin_value(name, p, organisation));
    let meta = docx::Meta {
        title: &l.title,
        organisation,
        language,
    };
    let kit = letters::kit::kit(&l.name, &l.fields, &doc, &fills, &meta)?;
    let json = serde_json::to_string(&kit).ok()?;
    Some(json.replace('<', "\\u003c"))
}
