//! What a language's files lack compared with en-GB, and what they have that en-GB lacks:
//! warnings for `check` and `build` (the site falls back to English for a missing message).

use super::{Catalog, ENGLISH, PSEUDO, ids};
use crate::diagnostics::Diagnostic;

/// The configured language's gaps: an unknown language (at book.toml's `language` line),
/// each message its files lack, each one en-GB does not have. A gap in the built-in files
/// is reported only when the site's own file for the language is the one to fix.
pub fn language(catalog: &Catalog, language: &str, at: Option<(usize, usize)>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(lang) = catalog.resolve(language) else {
        let known: Vec<&str> = catalog.languages().collect();
        let mut d = Diagnostic::warning(
            crate::config::FILE,
            format!("there are no interface strings for language `{language}`: the site's own words (headings, buttons, labels) will be in English"),
        )
        .hint(format!(
            "use one of {}, or add themes/<name>/i18n/{language}.ftl (a copy of en-GB.ftl, translated)",
            known.join(", ")
        ));
        if let Some((l, c)) = at {
            d = d.at(l, c);
        }
        out.push(d);
        return out;
    };
    if lang == ENGLISH || lang == PSEUDO {
        return out;
    }
    let sources = catalog.sources(&lang);
    let have = ids(sources);
    let english = ids(catalog.sources(ENGLISH));
    // The file to fix: the site's own, when it has one.
    let file = sources
        .iter()
        .rev()
        .find(|s| s.site)
        .or_else(|| sources.last());
    let path = file.map_or_else(|| format!("i18n/{lang}.ftl"), |s| s.path.clone());
    for id in english.iter().filter(|id| have.binary_search(id).is_err()) {
        out.push(
            Diagnostic::warning(
                path.clone(),
                format!("no `{id}` message for {lang}: pages show the English one"),
            )
            .hint(format!(
                "add `{id} = ...` to {path}, translated from en-GB.ftl"
            )),
        );
    }
    for id in have.iter().filter(|id| english.binary_search(id).is_err()) {
        out.push(
            Diagnostic::warning(
                path.clone(),
                format!("message `{id}` is not one coursebook uses (en-GB.ftl has no `{id}`)"),
            )
            .hint("check its spelling against en-GB.ftl, or remove it"),
        );
    }
    out
}

/// [`language`] for the site's language and for each other language its pages are in (a
/// programme's `language:`, a translated edition's, a translated site page's), each once:
/// a programme in French on an English site shows the French messages, so a French file
/// that lacks some is reported too. An unknown programme language is the loader's warning
/// (at its `language:` line), not repeated here.
pub fn site(catalog: &Catalog, site: &crate::model::Site) -> Vec<Diagnostic> {
    let config = &site.config;
    let mut out = language(catalog, &config.language, config.language_at);
    let mut seen: Vec<String> = catalog.resolve(&config.language).into_iter().collect();
    let others = site
        .programmes
        .iter()
        .map(|p| p.language.as_str())
        .chain(site.editions.lang.values().map(String::as_str));
    for tag in others {
        let Some(lang) = catalog.resolve(tag) else {
            continue;
        };
        if !seen.contains(&lang) {
            out.extend(language(catalog, tag, None));
            seen.push(lang);
        }
    }
    out
}
