//! `book.toml` -> [`Config`]. Unknown keys are warnings with their line and the closest known key.

use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostic, closest};

pub const FILE: &str = "book.toml";

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Config {
    pub title: String,
    pub authors: Vec<String>,
    pub description: Option<String>,
    pub language: String,
    /// Where `language` is set in book.toml (line, column), for the warning when coursebook
    /// has no interface strings for it.
    pub language_at: Option<(usize, usize)>,
    /// Content directory, relative to the site root.
    pub src: PathBuf,
    /// Build directory, relative to the site root (or absolute).
    pub build_dir: PathBuf,
    pub theme: String,
    pub site_url: Option<String>,
    pub organisation: Option<String>,
    pub logo: Option<String>,
    /// Line and column of `logo` in book.toml.
    pub logo_at: Option<(usize, usize)>,
    /// Raw HTML in Markdown is cleaned of script (default); `sanitize = false` trusts it.
    pub sanitize: bool,
    /// Front matter keys of the site's own, allowed beside the known ones ([content]).
    pub extra_keys: ExtraKeys,
    /// `[output.html] clock = "12h" | "24h"`: the hour cycle of times shown to people
    /// (default: the language's own).
    #[serde(skip)]
    pub clock: crate::model::clock::HourClock,
    /// `[import]`: the day rule of `coursebook import carpentries` (its flags win).
    #[serde(skip)]
    pub import: ImportDay,
}

/// `[import]`: each key of the day rule as written (checked), with its line and column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportDay {
    /// (key, value), in the file's order: `start`, `end`, `morning-break`, `lunch`,
    /// `afternoon-break`.
    pub keys: Vec<(String, String, (usize, usize))>,
}

impl ImportDay {
    /// The value of `key`, when the file sets it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.keys
            .iter()
            .rev()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, _)| v.as_str())
    }
}

/// The keys of [import]: the day rule's, in the forms of the import's flags.
const IMPORT_KEYS: &[&str] = &["start", "end", "morning-break", "lunch", "afternoon-break"];

/// An [import] value in the flag's form, or the error at its place.
fn import_value(key: &str, value: &str, (l, c): (usize, usize)) -> Option<Diagnostic> {
    use crate::import::days;
    let ok = match key {
        "start" | "end" => days::clock(value).is_some(),
        _ => days::parse_break(key, key, value).is_ok(),
    };
    if ok {
        return None;
    }
    let (what, example) = match key {
        "start" | "end" => ("a time", "\"09:30\""),
        _ => (
            "a break",
            "\"11:00/15\" (at 11:00 for 15 minutes) or \"none\"",
        ),
    };
    Some(
        Diagnostic::error(
            FILE,
            format!("`{key}` in [import] is not {what}: `{value}`"),
        )
        .at(l, c)
        .hint(format!("write {key} = {example}")),
    )
}

/// `[content]`: front matter keys a site allows beside the known ones, by kind of file.
/// Each list holds `extra-keys` (every kind) and the kind's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct ExtraKeys {
    pub session: Vec<String>,
    pub programme: Vec<String>,
    pub page: Vec<String>,
    pub letter: Vec<String>,
}

/// The keys of [content], and which lists each fills.
const EXTRA_KEYS: &[&str] = &[
    "extra-keys",
    "extra-session-keys",
    "extra-programme-keys",
    "extra-page-keys",
    "extra-letter-keys",
];

impl ExtraKeys {
    fn add(&mut self, key: &str, names: Vec<String>) {
        let lists: Vec<&mut Vec<String>> = match key {
            "extra-session-keys" => vec![&mut self.session],
            "extra-programme-keys" => vec![&mut self.programme],
            "extra-page-keys" => vec![&mut self.page],
            "extra-letter-keys" => vec![&mut self.letter],
            _ => vec![
                &mut self.session,
                &mut self.programme,
                &mut self.page,
                &mut self.letter,
            ],
        };
        for l in lists {
            l.extend(names.iter().cloned());
        }
    }
}

impl Config {
    pub fn with_title(title: &str) -> Self {
        Config {
            title: title.to_string(),
            authors: Vec::new(),
            description: None,
            language: "en".into(),
            language_at: None,
            src: "content".into(),
            build_dir: "site".into(),
            theme: "default".into(),
            site_url: None,
            organisation: None,
            logo: None,
            logo_at: None,
            sanitize: true,
            extra_keys: ExtraKeys::default(),
            clock: crate::model::clock::HourClock::Locale,
            import: ImportDay::default(),
        }
    }
}

const SECTIONS: &[(&str, &[&str])] = &[
    (
        "book",
        &["title", "authors", "description", "language", "src"],
    ),
    ("build", &["build-dir", "theme"]),
    ("content", EXTRA_KEYS),
    ("import", IMPORT_KEYS),
    (
        "output.html",
        &["site-url", "organisation", "logo", "sanitize", "clock"],
    ),
];

/// Reads `root/book.toml`. Returns the config (when usable) and every diagnostic found.
pub fn load(root: &Path) -> (Option<Config>, Vec<Diagnostic>) {
    let path = root.join(FILE);
    match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse(&text),
            Err(_) => (None, vec![Diagnostic::error(FILE, "book.toml is not UTF-8 text").hint("save it as UTF-8")]),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (
            None,
            vec![Diagnostic::error(FILE, format!("no book.toml in {}", root.display()))
                .hint("run `coursebook init` to start a site, or pass --root with the folder that holds book.toml")],
        ),
        Err(e) => (None, vec![Diagnostic::error(FILE, format!("cannot read book.toml: {e}"))]),
    }
}

/// A `language` coursebook does not write dates in: a warning (dates in English) with the
/// closest supported tag.
pub fn unknown_language(path: &str, tag: &str, line: usize, col: usize) -> Diagnostic {
    use crate::model::clock::Lang;
    let codes = Lang::codes();
    let hint = match closest(tag, codes.iter().copied()) {
        Some(c) => format!("did you mean `{c}`? coursebook writes {}", codes.join(", ")),
        None => format!("coursebook writes {}", codes.join(", ")),
    };
    Diagnostic::warning(
        path,
        format!("language `{tag}` is not one coursebook writes dates in: dates will be in English"),
    )
    .at(line, col)
    .hint(hint)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

// Long by design: one arm per `book.toml` key, in the contract's order, each reporting its
// own mistakes; split up, the keys would no longer read as one table.
pub fn parse(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut diags = Vec::new();
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            let (l, c) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            diags.push(
                Diagnostic::error(FILE, format!("invalid TOML: {}", e.message().trim()))
                    .at(l, c)
                    .hint("book.toml is TOML: `key = \"value\"` lines under [book], [build] and [output.html]"),
            );
            return (None, diags);
        }
    };
    let at = |s: &std::ops::Range<usize>| line_col(text, s.start);
    let mut cfg = Config::with_title("");
    let mut have_title = false;

    // Flatten to (section, key, value) with spans, warning about what we do not know.
    let mut seen: Vec<(String, &Spanned<toml::de::DeString>, &Spanned<DeValue>)> = Vec::new();
    for (k, v) in table.get_ref().iter() {
        let name = k.get_ref().as_ref();
        match v.get_ref() {
            DeValue::Table(t) if name == "output" => {
                for (k2, v2) in t.iter() {
                    let n2 = k2.get_ref().as_ref();
                    match v2.get_ref() {
                        DeValue::Table(t2) if n2 == "html" => {
                            for (k3, v3) in t2.iter() {
                                seen.push(("output.html".into(), k3, v3));
                            }
                        }
                        _ => {
                            let (l, c) = at(&k2.span());
                            diags.push(
                                Diagnostic::warning(FILE, format!("unknown section `output.{n2}`"))
                                    .at(l, c)
                                    .hint("coursebook reads [output.html]"),
                            );
                        }
                    }
                }
            }
            DeValue::Table(t) if SECTIONS.iter().any(|(s, _)| *s == name) => {
                for (k2, v2) in t.iter() {
                    seen.push((name.to_string(), k2, v2));
                }
            }
            _ => {
                let (l, c) = at(&k.span());
                let sections = ["book", "build", "content", "import", "output"];
                let hint = match closest(name, sections) {
                    Some(s) => format!("did you mean [{s}]?"),
                    None => {
                        "known sections: [book], [build], [content], [import], [output.html]".into()
                    }
                };
                diags.push(
                    Diagnostic::warning(FILE, format!("unknown key `{name}`"))
                        .at(l, c)
                        .hint(hint),
                );
            }
        }
    }

    for (section, k, v) in seen {
        let key = k.get_ref().as_ref();
        let (l, c) = at(&k.span());
        let (vl, vc) = at(&v.span());
        let known = SECTIONS
            .iter()
            .find(|(s, _)| *s == section)
            .map_or(&[][..], |(_, k)| *k);
        // Control characters (a "\u0000" escape) would reach every page: dropped.
        let text_value = || {
            v.get_ref()
                .as_str()
                .map(|s| crate::util::strip_controls(s).into_owned())
        };
        let want_text = |diags: &mut Vec<Diagnostic>| {
            let t = text_value();
            if t.is_none() {
                diags.push(
                    Diagnostic::error(
                        FILE,
                        format!(
                            "`{key}` in [{section}] must be a string, found {}",
                            v.get_ref().type_str()
                        ),
                    )
                    .at(vl, vc)
                    .hint(format!("write {key} = \"...\"")),
                );
            }
            t
        };
        match (section.as_str(), key) {
            ("book", "title") => {
                if let Some(t) = want_text(&mut diags) {
                    cfg.title = t;
                    have_title = true;
                }
            }
            ("book", "authors") => match v.get_ref() {
                DeValue::Array(a) => {
                    cfg.authors = a
                        .iter()
                        .filter_map(|x| x.get_ref().as_str())
                        .map(|s| crate::util::strip_controls(s).into_owned())
                        .collect()
                }
                DeValue::String(s) => {
                    cfg.authors = vec![crate::util::strip_controls(s).into_owned()]
                }
                other => diags.push(
                    Diagnostic::error(
                        FILE,
                        format!(
                            "`authors` must be a list of names, found {}",
                            other.type_str()
                        ),
                    )
                    .at(vl, vc)
                    .hint("authors = [\"Ann Smith\", \"Bo Jones\"]"),
                ),
            },
            ("book", "description") => cfg.description = want_text(&mut diags),
            ("book", "language") => {
                if let Some(t) = want_text(&mut diags) {
                    if crate::model::clock::Lang::parse(&t).is_none() {
                        diags.push(unknown_language(FILE, &t, vl, vc));
                    }
                    cfg.language = t;
                    cfg.language_at = Some((vl, vc));
                }
            }
            ("book", "src") => {
                if let Some(t) = want_text(&mut diags) {
                    cfg.src = t.into();
                }
            }
            ("build", "build-dir") => {
                if let Some(t) = want_text(&mut diags) {
                    cfg.build_dir = t.into();
                }
            }
            ("build", "theme") => {
                if let Some(t) = want_text(&mut diags) {
                    cfg.theme = t;
                }
            }
            ("output.html", "site-url") => {
                let url = want_text(&mut diags);
                // Only a web address: it is written into the sitemap and calendar as a link.
                if let Some(u) = &url
                    && !matches!(
                        crate::content::urls::scheme(u).as_deref(),
                        Some("http" | "https")
                    )
                {
                    diags.push(
                        Diagnostic::error(FILE, format!("`site-url` `{u}` is not a web address"))
                            .at(vl, vc)
                            .hint("write the address the site is published at, e.g. site-url = \"https://intranet.example/training/\""),
                    );
                }
                cfg.site_url = url.map(|u| if u.ends_with('/') { u } else { format!("{u}/") })
            }
            ("output.html", "clock") => {
                use crate::model::clock::HourClock;
                match want_text(&mut diags).as_deref().map(str::trim) {
                    Some("12h") => cfg.clock = HourClock::H12,
                    Some("24h") => cfg.clock = HourClock::H24,
                    Some(other) => diags.push(
                        Diagnostic::error(FILE, format!("`clock` must be \"12h\" or \"24h\", found \"{other}\""))
                            .at(vl, vc)
                            .hint("clock = \"12h\" writes 9:30 am; clock = \"24h\" writes 09:30; leave it out for the language's own"),
                    ),
                    None => {}
                }
            }
            ("output.html", "organisation") => cfg.organisation = want_text(&mut diags),
            ("output.html", "logo") => {
                cfg.logo = want_text(&mut diags);
                cfg.logo_at = Some((vl, vc));
            }
            ("output.html", "sanitize") => match v.get_ref().as_bool() {
                Some(b) => cfg.sanitize = b,
                None => diags
                    .push(Diagnostic::error(FILE, "`sanitize` must be true or false").at(vl, vc)),
            },
            ("content", key) if EXTRA_KEYS.contains(&key) => match v.get_ref() {
                DeValue::Array(a) if a.iter().all(|x| x.get_ref().as_str().is_some()) => {
                    let names = a.iter().filter_map(|x| x.get_ref().as_str());
                    cfg.extra_keys
                        .add(key, names.map(|s| s.trim().to_string()).collect())
                }
                other => diags.push(
                    Diagnostic::error(
                        FILE,
                        format!(
                            "`{key}` in [content] must be a list of key names, found {}",
                            other.type_str()
                        ),
                    )
                    .at(vl, vc)
                    .hint(format!("{key} = [\"keypoints\", \"exercises\"]")),
                ),
            },
            ("import", key) if IMPORT_KEYS.contains(&key) => {
                if let Some(t) = want_text(&mut diags) {
                    match import_value(key, &t, (vl, vc)) {
                        Some(d) => diags.push(d),
                        None => cfg.import.keys.push((key.to_string(), t, (vl, vc))),
                    }
                }
            }
            _ => {
                let all = SECTIONS.iter().flat_map(|(_, ks)| ks.iter().copied());
                let hint = match closest(key, known.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => match closest(key, all) {
                        Some(s) => {
                            let sec = SECTIONS
                                .iter()
                                .find(|(_, ks)| ks.contains(&s))
                                .map_or("", |(n, _)| n);
                            format!("`{s}` belongs in [{sec}]")
                        }
                        None => format!("keys of [{section}]: {}", known.join(", ")),
                    },
                };
                diags.push(
                    Diagnostic::warning(FILE, format!("unknown key `{key}` in [{section}]"))
                        .at(l, c)
                        .hint(hint),
                );
            }
        }
    }
    if !have_title {
        diags.push(
            Diagnostic::error(FILE, "missing `title` in [book]")
                .at(1, 1)
                .hint("add:\n[book]\ntitle = \"Your course\""),
        );
    }
    if cfg.title.trim().is_empty() && have_title {
        diags.push(Diagnostic::error(FILE, "`title` in [book] is empty"));
    }
    let ok = !diags
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error);
    (ok.then_some(cfg), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_for_everything_but_the_title() {
        let (c, d) = parse("[book]\ntitle = \"T\"\n");
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.src, PathBuf::from("content"));
        assert_eq!(c.build_dir, PathBuf::from("site"));
        assert_eq!(c.theme, "default");
    }

    #[test]
    fn reads_all_sections() {
        let (c, d) = parse(
            "[book]\ntitle = \"T\"\nauthors = [\"A\"]\nsrc = \"notes\"\n[build]\nbuild-dir = \"out\"\n[output.html]\nsite-url = \"https://x.example/t\"\norganisation = \"Org\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.src, PathBuf::from("notes"));
        assert_eq!(c.build_dir, PathBuf::from("out"));
        assert_eq!(c.site_url.as_deref(), Some("https://x.example/t/"));
        assert_eq!(c.organisation.as_deref(), Some("Org"));
    }

    #[test]
    fn unknown_key_warns_with_line_and_closest() {
        let (c, d) = parse("[book]\ntitle = \"T\"\n\n[build]\nbuild_dir = \"x\"\n");
        assert!(c.is_some());
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].col), (5, 1));
        assert!(d[0].message.contains("build_dir"));
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `build-dir`?"));
    }

    #[test]
    fn content_extra_keys_for_every_kind_and_one() {
        let (c, d) = parse(
            "[book]\ntitle = \"T\"\n[content]\nextra-keys = [\"keypoints\"]\nextra-session-keys = [\"exercises\"]\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let k = c.unwrap().extra_keys;
        assert_eq!(k.session, ["keypoints", "exercises"]);
        assert_eq!(k.page, ["keypoints"]);
        let (c, d) = parse("[book]\ntitle = \"T\"\n[content]\nextra-keys = \"keypoints\"\n");
        assert!(c.is_none());
        assert_eq!((d[0].line, d[0].col), (4, 14));
        // An unknown key of [content] keeps the book.toml rule: a warning.
        let (c, d) = parse("[book]\ntitle = \"T\"\n[content]\nextra-kyes = []\n");
        assert!(c.is_some());
        assert_eq!(d[0].severity, crate::diagnostics::Severity::Warning);
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `extra-keys`?"));
    }

    #[test]
    fn import_day_rule_in_the_flags_forms() {
        let (c, d) = parse(
            "[book]\ntitle = \"T\"\n[import]\nstart = \"09:00\"\nlunch = \"none\"\nmorning-break = \"10:45/20\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let i = c.unwrap().import;
        assert_eq!(i.get("start"), Some("09:00"));
        assert_eq!(i.get("lunch"), Some("none"));
        assert_eq!(i.get("morning-break"), Some("10:45/20"));
        assert_eq!(i.get("end"), None);
        // A value not in the flag's form: an error at the value.
        let (c, d) = parse("[book]\ntitle = \"T\"\n[import]\nlunch = \"12.30\"\n");
        assert!(c.is_none());
        assert_eq!((d[0].line, d[0].col), (4, 9));
        assert!(d[0].message.contains("`lunch` in [import] is not a break"));
        let (c, d) = parse("[book]\ntitle = \"T\"\n[import]\nend = 17\n");
        assert!(c.is_none());
        assert!(d[0].message.contains("must be a string"), "{d:?}");
        // An unknown key: a warning with the closest key of [import].
        let (c, d) = parse("[book]\ntitle = \"T\"\n[import]\nmorning_break = \"none\"\n");
        assert!(c.is_some());
        assert_eq!(d[0].severity, crate::diagnostics::Severity::Warning);
        assert_eq!((d[0].line, d[0].col), (4, 1));
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `morning-break`?"));
    }

    #[test]
    fn site_url_must_be_a_web_address() {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "intranet/training",
            " JavaScript:x",
        ] {
            let (c, d) = parse(&format!(
                "[book]\ntitle = \"T\"\n[output.html]\nsite-url = \"{bad}\"\n"
            ));
            assert!(c.is_none(), "{bad}");
            assert_eq!((d[0].line, d[0].col), (4, 12), "{bad}");
            assert!(d[0].message.contains("not a web address"), "{bad}");
        }
        let (c, _) =
            parse("[book]\ntitle = \"T\"\n[output.html]\nsite-url = \"HTTPS://x.example\"\n");
        assert!(c.is_some());
    }

    #[test]
    fn missing_title_and_bad_toml_are_errors() {
        let (c, d) = parse("[book]\n");
        assert!(c.is_none());
        assert!(d[0].message.contains("title"));
        let (c, d) = parse("[book]\ntitle = \n");
        assert!(c.is_none());
        assert_eq!(d[0].line, 2);
    }
}
