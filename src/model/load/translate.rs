//! Translated programmes: `<file>.<lang>.md` beside a programme's files (`01-welcome.cy.md`,
//! `index.cy.md`) make the programme's edition in that language, the programme
//! `<programme>.<lang>/` (`recording.cy/`). Every file of the edition is the translation
//! where there is one and the original otherwise (shown with the original's `lang` and a
//! note), so an edition is a programme like any other: loaded, checked, placed in its
//! timetable and rendered by the same road, linear in files. Deliveries are the
//! original's only (their bookings would count twice).

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::content::{SourceFile, Sources};
use crate::diagnostics::Diagnostic;
use crate::model::Programme;
use crate::model::clock::Lang;

/// The editions the sources hold: (original slug, language) for each translated programme.
pub(super) struct Editions(Vec<Edition>);

struct Edition {
    of: String,
    lang: Lang,
    slug: String,
    /// Output paths of the edition's files that are the original's.
    untranslated: HashSet<String>,
}

/// `01-welcome.cy.md` -> (`01-welcome.md`, cy).
fn translation_of(rel: &str) -> Option<(String, Lang)> {
    let stem = rel.strip_suffix(".md")?;
    let (base, code) = stem.rsplit_once('.')?;
    let lang = Lang::ALL
        .into_iter()
        .find(|l| l.code().split('-').next() == Some(code))?;
    (!base.ends_with('/') && !base.is_empty()).then(|| (format!("{base}.md"), lang))
}

/// The edition folder of `top` in `lang`: `recording.cy`.
pub fn edition_slug(top: &str, lang: Lang) -> String {
    format!(
        "{top}.{}",
        lang.code().split('-').next().unwrap_or_default()
    )
}

/// Takes the translation files out of `sources` and adds each edition's files (and the
/// programme's assets again under the edition's folder, so relative links resolve).
pub(super) fn expand(sources: &mut Sources, diags: &mut Vec<Diagnostic>) -> Editions {
    let programmes: HashSet<String> = sources
        .markdown
        .iter()
        .filter_map(|f| f.rel.strip_suffix("/index.md"))
        .filter(|d| !d.contains('/'))
        .map(str::to_string)
        .collect();
    // (top, lang) -> original rel -> translation
    let mut found: BTreeMap<(String, Lang), BTreeMap<String, SourceFile>> = BTreeMap::new();
    let mut kept = Vec::with_capacity(sources.markdown.len());
    for f in std::mem::take(&mut sources.markdown) {
        let top = f.rel.split_once('/').map(|(t, _)| t.to_string());
        match (top, translation_of(&f.rel)) {
            (Some(top), Some((orig, lang))) if programmes.contains(&top) => {
                found.entry((top, lang)).or_default().insert(orig, f);
            }
            _ => kept.push(f),
        }
    }
    sources.markdown = kept;
    let mut editions = Vec::new();
    for ((top, lang), mut files) in found {
        let slug = edition_slug(&top, lang);
        let prefix = format!("{top}/");
        // A folder of the site's own where the edition would be written: one of them would
        // silently replace the other.
        let taken = format!("{slug}/");
        if let Some(own) = sources.markdown.iter().find(|f| f.rel.starts_with(&taken)) {
            let first = files
                .values()
                .next()
                .map_or(String::new(), |t| t.display.clone());
            diags.push(
                Diagnostic::error(first, format!("the {} translation of `{top}` is written to `{slug}/`, but the site has that folder ({})", lang.autonym(), own.display))
                    .hint(format!("rename the folder `{slug}`, or remove the .{}.md files", slug.rsplit('.').next().unwrap_or_default())),
            );
            continue;
        }
        let mut untranslated = HashSet::new();
        let mut added = Vec::new();
        for f in &sources.markdown {
            let Some(rest) = f.rel.strip_prefix(&prefix) else {
                continue;
            };
            if rest.starts_with("deliveries/") {
                continue;
            }
            let rel = format!("{slug}/{rest}");
            let (display, text) = match files.remove(&f.rel) {
                Some(t) => (t.display, t.text),
                None => {
                    untranslated.insert(super::out_path(&rel));
                    (f.display.clone(), Arc::clone(&f.text))
                }
            };
            added.push(SourceFile { rel, display, text });
        }
        // A translation whose original does not exist is a page of the edition alone.
        for (orig, t) in files {
            let rest = orig.strip_prefix(&prefix).unwrap_or(&orig);
            added.push(SourceFile {
                rel: format!("{slug}/{rest}"),
                display: t.display,
                text: t.text,
            });
        }
        sources.markdown.extend(added);
        assets_again(sources, &prefix, &slug);
        editions.push(Edition {
            of: top,
            lang,
            slug,
            untranslated,
        });
    }
    Editions(editions)
}

/// The programme folder's assets again under the edition's folder, so the translations'
/// relative links find them.
fn assets_again(sources: &mut Sources, prefix: &str, slug: &str) {
    let assets: Vec<(String, std::path::PathBuf)> = sources
        .assets
        .iter()
        .filter_map(|(rel, path)| {
            rel.strip_prefix(prefix)
                .map(|rest| (format!("{slug}/{rest}"), path.clone()))
        })
        .collect();
    sources.assets.extend(assets);
}

impl Editions {
    /// Each edition's folder and language.
    pub(super) fn langs(&self) -> impl Iterator<Item = (&str, Lang)> {
        self.0.iter().map(|e| (e.slug.as_str(), e.lang))
    }

    /// Marks each programme with its editions: an edition's language is its own whatever
    /// its front matter says; the original's pages link to each edition and back.
    pub(super) fn apply(self, programmes: &mut [Programme]) {
        if self.0.is_empty() {
            return;
        }
        let langs: std::collections::HashMap<String, String> = programmes
            .iter()
            .map(|p| (p.slug.clone(), p.language.clone()))
            .collect();
        let mut groups: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for e in &self.0 {
            let Some(orig_lang) = langs.get(&e.of) else {
                continue;
            };
            let g = groups
                .entry(e.of.clone())
                .or_insert_with(|| vec![(orig_lang.clone(), e.of.clone())]);
            g.push((e.lang.code().to_string(), e.slug.clone()));
        }
        let by_slug: std::collections::HashMap<&str, &Edition> =
            self.0.iter().map(|e| (e.slug.as_str(), e)).collect();
        for p in programmes.iter_mut() {
            if let Some(e) = by_slug.get(p.slug.as_str()) {
                p.language = e.lang.code().to_string();
                p.locale.lang = e.lang;
                p.locale.pseudo = false;
                for d in &mut p.deliveries {
                    d.locale = p.locale;
                }
                let orig = langs.get(&e.of).cloned().unwrap_or_default();
                p.editions.untranslated = Some((orig, e.untranslated.clone()));
                p.editions.all = groups.get(&e.of).cloned().unwrap_or_default();
            } else if let Some(g) = groups.get(&p.slug) {
                p.editions.all = g.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            translation_of("rec/01-welcome.cy.md"),
            Some(("rec/01-welcome.md".into(), Lang::Cy))
        );
        assert_eq!(
            translation_of("rec/index.fr.md"),
            Some(("rec/index.md".into(), Lang::Fr))
        );
        assert_eq!(translation_of("rec/01-welcome.md"), None);
        assert_eq!(translation_of("rec/v1.2.md"), None);
        assert_eq!(translation_of("rec/.cy.md"), None);
        assert_eq!(edition_slug("rec", Lang::EnGb), "rec.en");
    }
}
