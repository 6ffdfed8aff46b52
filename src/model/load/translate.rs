//! Translated programmes: `<file>.<lang>.md` beside a programme's files (`01-welcome.cy.md`,
//! `index.cy.md`) make the programme's edition in that language, the programme
//! `<programme>.<lang>/` (`recording.cy/`). Every file of the edition is the translation
//! where there is one and the original otherwise (shown with the original's `lang` and a
//! note), so an edition is a programme like any other: loaded, checked, placed in its
//! timetable and rendered by the same road, linear in files. Deliveries too (each
//! `deliveries/<id>.<lang>.md` the delivery's own words in the edition); their trainers'
//! bookings are counted in the original only (`Parts::assemble`). The site's own pages
//! translate too (`site_pages`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::content::{SourceFile, Sources};
use crate::diagnostics::Diagnostic;
use crate::model::clock::Lang;
use crate::model::{Programme, SiteEditions};

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

/// The output path of the page a source file makes: a delivery's is its folder's
/// `index.html`.
fn shown_at(rel: &str) -> String {
    match rel.split_once("/deliveries/") {
        Some((slug, file)) if !slug.contains('/') && !file.contains('/') => {
            let id = file.strip_suffix(".md").unwrap_or(file);
            format!("{slug}/deliveries/{id}/index.html")
        }
        _ => super::out_path(rel),
    }
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
            let rel = format!("{slug}/{rest}");
            let (display, text) = match files.remove(&f.rel) {
                Some(t) => (t.display, t.text),
                None => {
                    untranslated.insert(shown_at(&rel));
                    (f.display.clone(), Arc::clone(&f.text))
                }
            };
            added.push(SourceFile { rel, display, text });
        }
        // A translation whose original does not exist is a page of the edition alone; but
        // a run is written once, in the original: a delivery of the edition alone would
        // escape the trainers' bookings check and have no original to switch to.
        for (orig, t) in files {
            let rest = orig.strip_prefix(&prefix).unwrap_or(&orig);
            if rest.starts_with("deliveries/") {
                let id = rest.strip_prefix("deliveries/").unwrap_or(rest);
                diags.push(
                    Diagnostic::warning(&t.display, format!("this translates the delivery `{top}/{rest}`, which does not exist: left out"))
                        .hint(format!("a delivery is written once, in `{top}/deliveries/` ({id}); its translation gives its words in {}", lang.autonym())),
                );
                continue;
            }
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

/// Translations of the site's own pages (outside programmes): `<page>.<lang>.md` whose
/// `<page>.md` exists, and `index.<lang>.md` at the top (the home page always exists), in a
/// language other than the site's. Each stays where it is (`about.cy.html`); a lone one is
/// a page of its own, as before. Gives each one's language, by source path, for its
/// Markdown, and the model's record.
pub(super) fn site_pages(sources: &Sources, site: Lang) -> (HashMap<String, Lang>, SiteEditions) {
    let programmes: HashSet<&str> = sources
        .markdown
        .iter()
        .filter_map(|f| f.rel.strip_suffix("/index.md"))
        .filter(|d| !d.contains('/'))
        .collect();
    let outside = |rel: &str| {
        rel.split_once('/')
            .is_none_or(|(top, _)| !programmes.contains(top))
    };
    let own: HashSet<&str> = sources
        .markdown
        .iter()
        .map(|f| f.rel.as_str())
        .filter(|r| outside(r))
        .collect();
    let mut langs = HashMap::new();
    let mut ed = SiteEditions::default();
    for f in &sources.markdown {
        if !outside(&f.rel) {
            continue;
        }
        let Some((orig, lang)) = translation_of(&f.rel) else {
            continue;
        };
        if lang == site || !(own.contains(orig.as_str()) || orig == "index.md") {
            continue;
        }
        let out = super::out_path(&f.rel);
        let orig_out = super::out_path(&orig);
        langs.insert(f.rel.clone(), lang);
        ed.lang.insert(out.clone(), lang.code().to_string());
        ed.original.insert(out.clone(), orig_out.clone());
        ed.of
            .entry(orig_out)
            .or_default()
            .push((lang.code().to_string(), out));
    }
    for v in ed.of.values_mut() {
        v.sort();
    }
    (langs, ed)
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

    /// Each edition's folder and its original's.
    pub(super) fn originals(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|e| (e.slug.as_str(), e.of.as_str()))
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

/// A translated delivery is the same run as its original: a translation whose days
/// (dates, start, end, plan) or trainers differ is a warning at its file, since one of the
/// two is wrong. Linear: one look-up per delivery of each edition.
pub(super) fn check_deliveries(
    programmes: &[Programme],
    at: &HashMap<String, (super::Pos, Option<super::Pos>)>,
    diags: &mut Vec<Diagnostic>,
) {
    let by_slug: HashMap<&str, &Programme> =
        programmes.iter().map(|p| (p.slug.as_str(), p)).collect();
    for ed in programmes
        .iter()
        .filter(|p| p.editions.untranslated.is_some())
    {
        let Some(orig) = (ed.editions.all.first()).and_then(|(_, s)| by_slug.get(s.as_str()))
        else {
            continue;
        };
        let originals: HashMap<&str, &crate::model::Delivery> =
            orig.deliveries.iter().map(|d| (d.id.as_str(), d)).collect();
        for d in &ed.deliveries {
            let Some(o) = originals.get(d.id.as_str()) else {
                continue;
            };
            if d.src == o.src {
                continue;
            }
            let when = |x: &crate::model::Delivery| -> Vec<_> {
                x.days.iter().map(|y| (y.date, y.start, y.end)).collect()
            };
            let names = |x: &crate::model::Delivery| -> Vec<String> {
                x.trainers.iter().map(|t| t.name.clone()).collect()
            };
            let (days_at, trainer_at) = at.get(&d.src).copied().unwrap_or_default();
            let (what, pos) = if when(d) != when(o) || d.plan != o.plan {
                ("days", Some(days_at))
            } else if names(d) != names(o) {
                ("trainers", trainer_at)
            } else {
                continue;
            };
            let mut w = Diagnostic::warning(
                &d.src,
                format!(
                    "this translation of delivery `{}` has other {what} than {}: they are one run",
                    d.id, o.src
                ),
            )
            .hint(format!(
                "give it the same `days:` and `trainers:` (names) as {}; translate only the words",
                o.src
            ));
            if let Some(p) = pos.filter(|p| p.line > 0) {
                w = w.at(p.line, p.col);
            }
            diags.push(w);
        }
    }
}

/// A delivery is trainer-only in every language when its original is: a translation that
/// does not say `audience: trainer` is made so in a trainer build and left out of a
/// participant build (its title, venue and joining details kept for the leak scan).
/// `trainer_only`: the outputs participants may not reach, the original's among them.
pub(super) fn follow_audience(
    programmes: &mut [Programme],
    trainer_only: &mut HashSet<String>,
    fragments: &mut Vec<crate::model::Fragment>,
    participant: bool,
) {
    use crate::model::Fragment;
    for p in programmes
        .iter_mut()
        .filter(|p| p.editions.untranslated.is_some())
    {
        let orig = p.original_slug().to_string();
        let slug = p.slug.clone();
        let hidden =
            |id: &str| trainer_only.contains(&format!("{orig}/deliveries/{id}/index.html"));
        let (hide, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut p.deliveries)
            .into_iter()
            .partition(|d| !d.trainer_only && hidden(&d.id));
        p.deliveries = keep;
        for mut d in hide {
            trainer_only.insert(format!("{}/index.html", d.dir(&slug)));
            if participant {
                let words = [
                    Some(d.title.as_str()),
                    d.venue.as_deref(),
                    Some(d.md.text.as_str()),
                ];
                fragments.extend(
                    words
                        .into_iter()
                        .flatten()
                        .map(|t| Fragment::new(&d.src, t)),
                );
            } else {
                d.trainer_only = true;
                p.deliveries.push(d);
            }
        }
        // In their order again (by first date, then id).
        p.deliveries.sort_by(|a, b| {
            (a.dates().first().copied(), &a.id).cmp(&(b.dates().first().copied(), &b.id))
        });
    }
}

/// A translated session, page or letter, or a translated site page, is trainer-only when
/// its original is (`trainer_only` holds the originals' outputs), whatever its own front
/// matter says: a translation may keep more back, never publish what the original keeps
/// from participants. In a participant build such a session keeps only its slot (as the
/// original's does) and what the others said goes into the fragments for the leak scan;
/// `finish` drops the pages and letters.
pub(super) fn follow_file_audience(
    programmes: &mut [Programme],
    site_pages: &mut [crate::model::Page],
    originals_of_pages: &HashMap<String, String>,
    trainer_only: &mut HashSet<String>,
    fragments: &mut Vec<crate::model::Fragment>,
    participant: bool,
) {
    use crate::model::Fragment;
    let page_hidden = |pg: &mut crate::model::Page, fragments: &mut Vec<Fragment>| {
        pg.trainer_only = true;
        if participant {
            fragments.push(Fragment::new(&pg.src, &pg.title));
            fragments.push(Fragment::path(&pg.src, &pg.out));
            fragments.push(Fragment::new(&pg.src, &pg.md.text));
        }
    };
    for pg in site_pages.iter_mut().filter(|pg| !pg.trainer_only) {
        if originals_of_pages
            .get(&pg.out)
            .is_some_and(|o| trainer_only.contains(o))
        {
            page_hidden(pg, fragments);
            trainer_only.insert(pg.out.clone());
        }
    }
    for p in programmes
        .iter_mut()
        .filter(|p| p.editions.untranslated.is_some())
    {
        let orig = p.original_slug().to_string();
        let prefix = format!("{}/", p.slug);
        // The original's output for one of the edition's.
        let hidden = |out: &str| {
            out.strip_prefix(&prefix)
                .is_some_and(|rest| trainer_only.contains(&format!("{orig}/{rest}")))
        };
        let mut newly = Vec::new();
        for s in p.sessions.iter_mut().filter(|s| !s.trainer_only) {
            if hidden(&s.out) {
                s.trainer_only = true;
                newly.push(s.out.clone());
                if participant {
                    fragments.extend(super::audience::reserved_session(s));
                    fragments.push(Fragment::new(&s.src, &s.md.text));
                    s.md = std::sync::Arc::new(crate::content::markdown::Markdown::default());
                }
            }
        }
        for pg in p.pages.iter_mut().filter(|pg| !pg.trainer_only) {
            if hidden(&pg.out) {
                page_hidden(pg, fragments);
                newly.push(pg.out.clone());
            }
        }
        for l in p.letters.iter_mut().filter(|l| !l.trainer_only) {
            if hidden(&l.out) {
                l.trainer_only = true;
                newly.push(l.out.clone());
            }
        }
        trainer_only.extend(newly);
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
