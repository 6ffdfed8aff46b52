//! An unknown front-matter key, said so that an author can fix it: the closest known key,
//! or what to use instead of a Carpentries lesson's key, or how to allow a site's own.

use super::yaml::Node;
use crate::diagnostics::{Diagnostic, closest};

/// Keys of Carpentries lessons that an importer may map later, and what to use instead.
const CARPENTRIES: &[(&str, &str)] = &[
    ("keypoints", "use `objectives`"),
    ("questions", "use `prompts`"),
    (
        "teaching",
        "use `duration` (the whole session, teaching and exercises together)",
    ),
    (
        "exercises",
        "use `duration` (the whole session, teaching and exercises together)",
    ),
];

/// An unknown key is an error: what it says would be lost without a word. The hint names
/// the closest known key, or (for a Carpentries key) what to use; front matter keys may be
/// allowed in book.toml.
pub(super) fn unknown_key(
    path: &str,
    k: &Node,
    name: &str,
    what: &str,
    known: &[&str],
    front: bool,
) -> Diagnostic {
    let at = |d: Diagnostic| d.at(k.line, k.col);
    // `Audience: trainer` must not quietly publish a trainer-only page: a known key in
    // other letter case says how to write it.
    if let Some(k2) = known.iter().find(|k2| k2.eq_ignore_ascii_case(name)) {
        return at(Diagnostic::error(
            path,
            format!("`{name}` in {what} must be written `{k2}`: keys are lower case"),
        ))
        .hint(format!("write `{k2}:`"));
    }
    let allow = "list it under `extra-keys` in [content] of book.toml";
    let hint = if let Some((_, use_)) = CARPENTRIES.iter().find(|(c, _)| *c == name) {
        if front {
            format!("{use_}, or {allow}")
        } else {
            use_.to_string()
        }
    } else {
        match closest(name, known.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None if front => format!("known keys: {}; or {allow}", known.join(", ")),
            None => format!("known keys: {}", known.join(", ")),
        }
    };
    at(Diagnostic::error(
        path,
        format!("unknown key `{name}` in {what}"),
    ))
    .hint(hint)
}
