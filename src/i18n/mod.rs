//! Interface strings: every word coursebook itself writes on a page, in a script or in a file
//! it makes, from Project Fluent files (`themes/default/i18n/<lang>.ftl`, overridable message
//! by message from a site's `themes/<name>/i18n/<lang>.ftl`).
//!
//! Each language's messages are formatted once per build into a table ([`Strings`]):
//! a plain message as its text, with any variable left as `{$name}`; a message whose id
//! starts with `n_` (a count, `$n`) once per CLDR plural category of the language, the number
//! left as `{$n}`. Templates get the table as `tr` (`{{ tr.timetable }}`,
//! `{{ tr.run_sheet_for | fill(day=day.title) }}`, `{{ tr.n_sessions | count(n=day.sessions) }}`),
//! Rust fills it with [`Strings::get`]/[`Strings::count`], and the browser gets the same
//! table as `theme/i18n-<lang>.js` (`window.coursebookStrings`, picked with
//! `Intl.PluralRules`). No page calls Fluent.

pub mod check;
mod pseudo;
pub use pseudo::{accent as pseudo_accent, words as pseudo_words};

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::diagnostics::Diagnostic;

/// The reference language: every other file is compared with it, and a message a file
/// lacks is taken from it.
pub const ENGLISH: &str = "en-GB";
/// The built-in languages (files in `themes/default/i18n/`).
pub const BUILT_IN: &[&str] = &["en-GB", "cy", "fr", "de", "es"];
/// The pseudo-locale: English with every letter accented and every message in `⟦ ⟧`, to
/// see (and test) that no interface word escapes translation.
pub const PSEUDO: &str = "en-XA";

/// The CLDR plural categories, in the order they are listed.
const CATEGORIES: [(PluralCategory, &str); 6] = [
    (PluralCategory::ZERO, "zero"),
    (PluralCategory::ONE, "one"),
    (PluralCategory::TWO, "two"),
    (PluralCategory::FEW, "few"),
    (PluralCategory::MANY, "many"),
    (PluralCategory::OTHER, "other"),
];

/// One `.ftl` file: its path as diagnostics show it, and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: String,
    pub text: String,
    /// From the site's theme folder (not built in).
    pub site: bool,
}

/// A message, formatted: plain, or one text per plural category.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(untagged)]
pub enum Entry {
    Plain(String),
    Count(BTreeMap<&'static str, String>),
}

/// Every theme's `.ftl` files, by language (the built-in one first, then the site's),
/// and the [`Strings`] made from them, once per language per build.
#[derive(Debug, Default)]
pub struct Catalog {
    files: BTreeMap<String, Vec<Source>>,
    made: Mutex<BTreeMap<String, Arc<Strings>>>,
}

impl Catalog {
    pub fn add(&mut self, lang: &str, source: Source) {
        self.files.entry(lang.to_string()).or_default().push(source);
    }

    /// The languages there are files for.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    pub fn sources(&self, lang: &str) -> &[Source] {
        self.files.get(lang).map_or(&[], Vec::as_slice)
    }

    /// Every file's text (words every edition may show: the leak scan's public words).
    pub fn text(&self) -> String {
        let mut s = String::new();
        for f in self.files.values().flatten() {
            s.push_str(&f.text);
            s.push('\n');
        }
        s
    }

    /// The file language for `language` (book.toml's): a file of that exact name first
    /// (any case), then "en"/"en-*" -> en-GB and "cy"/"cy-*" -> cy (and so on); `None`
    /// when there is none (English is then used, with a warning).
    pub fn resolve(&self, language: &str) -> Option<String> {
        let want = language.trim();
        if want.eq_ignore_ascii_case(PSEUDO) {
            return Some(PSEUDO.to_string());
        }
        if let Some(l) = self.files.keys().find(|k| k.eq_ignore_ascii_case(want)) {
            return Some(l.clone());
        }
        let primary = want
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary == "en" {
            return Some(ENGLISH.to_string());
        }
        self.files
            .keys()
            .find(|k| {
                k.split('-')
                    .next()
                    .is_some_and(|p| p.eq_ignore_ascii_case(&primary))
            })
            .cloned()
    }

    /// The strings for `language`, made the first time they are asked for.
    pub fn strings(&self, language: &str) -> Arc<Strings> {
        let lang = self
            .resolve(language)
            .unwrap_or_else(|| ENGLISH.to_string());
        let Ok(mut made) = self.made.lock() else {
            return Arc::new(Strings::make(self, &lang));
        };
        made.entry(lang.clone())
            .or_insert_with(|| Arc::new(Strings::make(self, &lang)))
            .clone()
    }

    /// Syntax errors in the site's `.ftl` files, at their lines (the built-in ones are
    /// checked by this module's tests, not on every build).
    pub fn errors(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for f in self.files.values().flatten().filter(|f| f.site) {
            if let Err((_, errs)) = FluentResource::try_new(f.text.clone()) {
                for e in errs {
                    let (line, col) = line_col(&f.text, e.pos.start);
                    out.push(
                        Diagnostic::error(f.path.clone(), format!("cannot read this message: {}", e.kind))
                            .at(line, col)
                            .hint("a message is `id = text`, one per line; a count is `{ $n -> [one] ... *[other] ... }`"),
                    );
                }
            }
        }
        out
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// One language's interface strings, formatted once.
#[derive(Debug)]
pub struct Strings {
    /// The file's language (`en-GB`, `cy`, `en-XA`, ...), as `lang` in scripts.
    pub lang: String,
    entries: BTreeMap<String, Entry>,
    /// The table as a template value (`tr`), made once.
    value: tera::Value,
}

/// The bundle of `lang`'s files, the site's over the built-in one message by message.
fn bundle(catalog: &Catalog, lang: &str) -> FluentBundle<FluentResource> {
    let file = if lang == PSEUDO { ENGLISH } else { lang };
    let id: LanguageIdentifier = file.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    // Numbers are the count's place: filled in later, by whoever knows the number.
    b.set_formatter(Some(|v, _| match v {
        FluentValue::Number(_) => Some("{$n}".to_string()),
        _ => None,
    }));
    if lang == PSEUDO {
        b.set_transform(Some(pseudo::accent));
    }
    for s in catalog.sources(file) {
        // A file with a syntax error still gives its good messages (the error is reported).
        let r = FluentResource::try_new(s.text.clone()).unwrap_or_else(|(r, _)| r);
        b.add_resource_overriding(r);
    }
    b
}

/// The built-in theme's files, loaded once: the Markdown pass's words outside a site's
/// build (tests, the fuzzers).
pub fn builtin() -> &'static Catalog {
    static BUILT_IN: std::sync::LazyLock<Catalog> = std::sync::LazyLock::new(|| {
        let mut c = Catalog::default();
        for (lang, text) in crate::render::theme::builtin_i18n() {
            let path = format!("(built-in theme) i18n/{lang}.ftl");
            c.add(
                &lang,
                Source {
                    path,
                    text,
                    site: false,
                },
            );
        }
        c
    });
    &BUILT_IN
}

/// The language's plural rules (English's when CLDR has none for it).
pub fn rules(lang: &str) -> PluralRules {
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    PluralRules::create(id, PluralRuleType::CARDINAL).unwrap_or_else(|_| {
        let en: LanguageIdentifier = "en".parse().unwrap_or_default();
        #[allow(clippy::expect_used)]
        PluralRules::create(en, PluralRuleType::CARDINAL).expect("CLDR has English")
    })
}

/// A number of each category the language has (`one` -> 1, `few` -> 3 in Welsh...).
fn samples(rules: &PluralRules) -> Vec<(&'static str, u32)> {
    let mut out = Vec::new();
    for (cat, name) in CATEGORIES {
        if let Some(n) = (0..1000u32).find(|n| rules.select(*n).as_ref() == Ok(&cat)) {
            out.push((name, n));
        }
    }
    out
}

/// Every message of `b` formatted: plain ones as they are, counts per category.
fn format_all(
    b: &FluentBundle<FluentResource>,
    ids: &[String],
    lang: &str,
) -> BTreeMap<String, Entry> {
    let cats = samples(&rules(if lang == PSEUDO { "en" } else { lang }));
    let wrap = |s: String| {
        if lang == PSEUDO {
            format!("⟦{s}⟧")
        } else {
            s
        }
    };
    let mut out = BTreeMap::new();
    for id in ids {
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let entry = if id.starts_with("n_") {
            let mut per = BTreeMap::new();
            for (name, n) in &cats {
                let mut args = FluentArgs::new();
                args.set("n", FluentValue::from(*n));
                let mut errs = Vec::new();
                let s = b.format_pattern(pattern, Some(&args), &mut errs);
                per.insert(*name, wrap(s.into_owned()));
            }
            Entry::Count(per)
        } else {
            let mut errs = Vec::new();
            // A variable without a value is written `{$name}`: the place `fill` fills.
            Entry::Plain(wrap(
                b.format_pattern(pattern, None, &mut errs).into_owned(),
            ))
        };
        out.insert(id.clone(), entry);
    }
    out
}

/// The message ids of a bundle's files.
pub(crate) fn ids(sources: &[Source]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in sources {
        let r = FluentResource::try_new(s.text.clone()).unwrap_or_else(|(r, _)| r);
        for e in r.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = e {
                out.push(m.id.name.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

impl Strings {
    fn make(catalog: &Catalog, lang: &str) -> Strings {
        let english_ids = ids(catalog.sources(ENGLISH));
        let mut entries = format_all(&bundle(catalog, ENGLISH), &english_ids, ENGLISH);
        if lang != ENGLISH {
            let file = if lang == PSEUDO { ENGLISH } else { lang };
            let own = format_all(&bundle(catalog, lang), &ids(catalog.sources(file)), lang);
            // What the language lacks stays English (`check` lists it): never a blank.
            entries.extend(own);
        }
        let mut map = tera::Map::new();
        for (id, e) in &entries {
            let v = match e {
                Entry::Plain(s) => tera::Value::from(s.as_str()),
                Entry::Count(per) => {
                    let mut m = tera::Map::new();
                    m.insert("lang".into(), tera::Value::from(lang));
                    for (k, s) in per {
                        m.insert((*k).into(), tera::Value::from(s.as_str()));
                    }
                    tera::Value::from(m)
                }
            };
            map.insert(id.clone().into(), v);
        }
        map.insert("lang".into(), tera::Value::from(lang));
        Strings {
            lang: lang.to_string(),
            entries,
            value: tera::Value::from(map),
        }
    }

    /// A hash of the table (memo keys: a changed message re-renders every page).
    pub fn key(&self) -> u64 {
        crate::render::hash_strings(&self.entries)
    }

    /// The table as the template value `tr`.
    pub fn value(&self) -> tera::Value {
        self.value.clone()
    }

    /// A message with its variables filled in (`{$name}` from `vars`); the id itself when
    /// no file has it (a theme's template asking for a message of its own invention).
    pub fn get(&self, id: &str, vars: &[(&str, &str)]) -> String {
        match self.entries.get(id) {
            Some(Entry::Plain(s)) => fill(s, vars),
            Some(Entry::Count(per)) => per
                .get("other")
                .map_or_else(|| id.to_string(), |s| fill(s, vars)),
            None => id.to_string(),
        }
    }

    /// A count message for `n` (its plural form), other variables from `vars`.
    pub fn count(&self, id: &str, n: u64, vars: &[(&str, &str)]) -> String {
        let num = n.to_string();
        let mut all: Vec<(&str, &str)> = vec![("n", &num)];
        all.extend_from_slice(vars);
        match self.entries.get(id) {
            Some(Entry::Count(per)) => fill(pick(per, &self.lang, n), &all),
            Some(Entry::Plain(s)) => fill(s, &all),
            None => id.to_string(),
        }
    }

    /// `theme/i18n-<lang>.js`: the table for the theme's scripts.
    pub fn script(&self) -> String {
        let table = serde_json::to_string(&self.entries).unwrap_or_else(|_| "{}".into());
        let lang = serde_json::to_string(&self.lang).unwrap_or_else(|_| "\"en\"".into());
        format!(
            "// The interface strings in this site's language (coursebook's i18n, from the theme's .ftl files).\n\
             window.coursebookStrings = {{ lang: {lang}, messages: {table} }};\n\
             // coursebookT(id, vars): a message, `{{$name}}` filled from vars; a count (`n_...`) by vars.n's plural form.\n\
             window.coursebookT = function (id, vars) {{\n\
             \x20 var all = window.coursebookStrings, m = all.messages[id], v = vars || {{}};\n\
             \x20 if (m === undefined) return id;\n\
             \x20 if (typeof m !== \"string\") {{\n\
             \x20   var cat = \"other\";\n\
             \x20   try {{ cat = new Intl.PluralRules(all.lang === \"en-XA\" ? \"en\" : all.lang).select(Number(v.n)); }} catch (e) {{}}\n\
             \x20   m = m[cat] !== undefined ? m[cat] : m.other;\n\
             \x20 }}\n\
             \x20 return String(m).replace(/\\{{\\$([A-Za-z0-9_-]+)\\}}/g, function (all, k) {{ return v[k] !== undefined ? String(v[k]) : all; }});\n\
             }};\n\
             // coursebookT.parts(id, vars): the message as a list of text and the values themselves\n\
             // (DOM nodes stay nodes), for sentences with a link or a <time> inside.\n\
             window.coursebookT.parts = function (id, vars) {{\n\
             \x20 var v = vars || {{}}, text = window.coursebookT(id, {{ n: v.n }}), out = [], re = /\\{{\\$([A-Za-z0-9_-]+)\\}}/g, at = 0, m;\n\
             \x20 while ((m = re.exec(text))) {{\n\
             \x20   if (m.index > at) out.push(text.slice(at, m.index));\n\
             \x20   out.push(v[m[1]] !== undefined ? (typeof v[m[1]] === \"object\" ? v[m[1]] : String(v[m[1]])) : m[0]);\n\
             \x20   at = re.lastIndex;\n\
             \x20 }}\n\
             \x20 if (at < text.length) out.push(text.slice(at));\n\
             \x20 return out;\n\
             }};\n"
        )
    }

    /// The message ids (for tests and `check`).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// Every formatted text (for tests).
    pub fn texts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for e in self.entries.values() {
            match e {
                Entry::Plain(s) => out.push(s.as_str()),
                Entry::Count(per) => out.extend(per.values().map(String::as_str)),
            }
        }
        out
    }
}

/// The text of `per` for `n` by `lang`'s rules (`other` when the language lacks the form).
pub fn pick<'a>(per: &'a BTreeMap<&'static str, String>, lang: &str, n: u64) -> &'a str {
    thread_local! {
        // The rules of the last language asked for: a build has one (or a few).
        static RULES: std::cell::RefCell<Option<(String, PluralRules)>> = const { std::cell::RefCell::new(None) };
    }
    let lang = if lang == PSEUDO { "en" } else { lang };
    let category = RULES.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_none_or(|(l, _)| l != lang) {
            *cell = Some((lang.to_string(), rules(lang)));
        }
        cell.as_ref().and_then(|(_, r)| r.select(n).ok())
    });
    let name = category
        .and_then(|c| CATEGORIES.iter().find(|(k, _)| *k == c))
        .map_or("other", |(_, name)| name);
    per.get(name)
        .or_else(|| per.get("other"))
        .map_or("", String::as_str)
}

/// `text` with each `{$name}` replaced by its value in `vars`, in one pass (a value that
/// holds `{$...}` stays as it is); a name without a value stays as written.
pub fn fill(text: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(i) = rest.find("{$") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find('}') {
            Some(j) => {
                let name = &after[..j];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[i..i + 3 + j]),
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Catalog {
        let mut c = Catalog::default();
        for (lang, text) in crate::render::theme::builtin_i18n() {
            c.add(
                &lang,
                Source {
                    path: format!("i18n/{lang}.ftl"),
                    text,
                    site: false,
                },
            );
        }
        c
    }

    #[test]
    fn fill_replaces_in_one_pass() {
        assert_eq!(
            fill("Run sheet for {$day}", &[("day", "{$day} one")]),
            "Run sheet for {$day} one"
        );
        assert_eq!(fill("{$a} and {$b}", &[("a", "x")]), "x and {$b}");
        assert_eq!(fill("open {$ only", &[]), "open {$ only");
    }

    #[test]
    fn languages_resolve() {
        let c = builtin();
        assert_eq!(c.resolve("en").as_deref(), Some("en-GB"));
        assert_eq!(c.resolve("en-US").as_deref(), Some("en-GB"));
        assert_eq!(c.resolve("CY").as_deref(), Some("cy"));
        assert_eq!(c.resolve("fr-CA").as_deref(), Some("fr"));
        assert_eq!(c.resolve("en-XA").as_deref(), Some("en-XA"));
        assert_eq!(c.resolve("tlh"), None);
    }

    #[test]
    fn the_built_in_files_parse_and_are_complete() {
        let mut c = builtin();
        for f in c.files.values_mut().flatten() {
            f.site = true;
        }
        assert!(c.errors().is_empty(), "{:?}", c.errors());
        let english = ids(c.sources(ENGLISH));
        assert!(english.len() > 200, "{}", english.len());
        for lang in BUILT_IN {
            assert_eq!(
                ids(c.sources(lang)),
                english,
                "{lang} has the messages en-GB has, no more"
            );
            let d = check::language(&c, lang, None);
            assert!(d.is_empty(), "{lang}: {d:?}");
        }
    }

    #[test]
    fn every_form_of_every_count_is_filled_in() {
        let c = builtin();
        for lang in BUILT_IN {
            let s = c.strings(lang);
            for t in s.texts() {
                assert!(!t.trim().is_empty(), "{lang}: an empty message");
            }
        }
    }

    #[test]
    fn welsh_counts_have_six_forms() {
        let c = builtin();
        let cy = c.strings("cy");
        let forms: std::collections::BTreeSet<String> = [0, 1, 2, 3, 6, 7]
            .iter()
            .map(|n| cy.count("n_sessions", *n, &[]))
            .collect();
        assert_eq!(forms.len(), 6, "{forms:?}");
        let en = c.strings("en");
        assert_eq!(en.count("n_sessions", 1, &[]), "1 session");
        assert_eq!(en.count("n_sessions", 3, &[]), "3 sessions");
    }
}
