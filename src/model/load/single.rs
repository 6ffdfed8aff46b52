//! One file parsed on its own: the fuzzers' entry points.

use super::audience::Scope;
use super::file::parse_file;
use super::{Kind, Parsed};
use crate::Audience;
use crate::content::SourceFile;
use crate::diagnostics::Diagnostic;
use crate::model::Letter;

/// Parses one source as if it sat at `rel` inside a programme folder (`prog/...`), returning
/// its diagnostics: the fuzzers' entry point to front matter, sessions, pages and letters.
pub fn parse_one(rel: &str, text: &str) -> Vec<Diagnostic> {
    let f = SourceFile {
        rel: rel.to_string(),
        display: format!("content/{rel}"),
        text: crate::content::normalise(text.to_string()).into(),
    };
    let slug = rel.split('/').next().unwrap_or("p").to_string();
    let kind = if rel.split('/').nth(1) == Some("letters") {
        Kind::Letter(slug, Scope::default())
    } else {
        Kind::InProgramme(slug, Scope::default())
    };
    let mut all = Vec::new();
    for audience in [Audience::Trainer, Audience::Participant] {
        all.extend(parse_file(&f, &kind, audience, &Default::default()).1);
    }
    all
}

/// The letter a file at `prog/letters/<name>.md` gives a participant, if it parses: the
/// fuzzers' entry point to the letter writers ([`parse_one`] only gives diagnostics).
pub fn parse_letter_one(name: &str, text: &str) -> Option<Letter> {
    let f = SourceFile {
        rel: format!("p/letters/{name}.md"),
        display: format!("content/p/letters/{name}.md"),
        text: crate::content::normalise(text.to_string()).into(),
    };
    match parse_file(
        &f,
        &Kind::Letter("p".into(), Scope::default()),
        Audience::Participant,
        &Default::default(),
    )
    .0
    {
        Parsed::Letter(l, _) => Some(*l),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    /// The fuzz crate is not built with the library: these are the paths it calls.
    #[test]
    fn the_fuzzers_entry_points_keep_their_paths() {
        let d = crate::model::load::parse_one("p/day-1/s.md", "---\nday: 1\n---\nBody.\n");
        assert!(d.iter().any(|d| d.message.contains("title")), "{d:?}");
        let l = crate::model::load::parse_letter_one(
            "l",
            "---\ntitle: T\naudience: all\n---\nDear {{ organisation }}\n",
        );
        assert_eq!(l.map(|l| l.out), Some("p/letters/l.html".to_string()));
    }
}
