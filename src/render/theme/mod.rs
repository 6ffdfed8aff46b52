//! The theme: Tera templates and static files, built into the binary and overridable file by
//! file from `themes/<name>/` at the site root. Templates are compiled once per build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Instant;

use include_dir::{Dir, include_dir};
use tera::{Context, Kwargs, State, Tera};

use super::{Content, Output};
use crate::diagnostics::Diagnostic;

mod errors;
use errors::template_errors;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Every page's Content-Security-Policy: no inline or other-host script, no plugins, no
/// `<base>`; images may be `data:`. The built-in `base.html` carries it in a `<meta>` tag
/// (a site opened from disk has no headers), and `serve` sends it as a header.
pub const CSP: &str =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

/// Where theme static files go in the site.
pub const STATIC_DIR: &str = "theme";

/// `COURSEBOOK_TIMINGS=1`: renders and microseconds per template, printed after a build.
pub static TEMPLATE_TIMES: Mutex<BTreeMap<String, (u64, u64)>> = Mutex::new(BTreeMap::new());
static TIMINGS: LazyLock<bool> = LazyLock::new(|| std::env::var_os("COURSEBOOK_TIMINGS").is_some());

pub struct Theme {
    tera: Arc<Tera>,
    /// The theme's name, for the paths in template errors.
    name: Arc<str>,
    statics: Vec<Output>,
    /// The override folder, when there is one.
    pub dir: Option<PathBuf>,
    /// The templates' own text (tags and expressions taken out): words every edition
    /// shows, which the participant build's leak scan does not count as trainer text.
    pub text: String,
    /// What the theme's own files lack, as warnings (`check` and `build` report them).
    pub warnings: Vec<Diagnostic>,
    /// The interface strings' `.ftl` files (built in, then the site's), by language: the
    /// same catalog the loader's Markdown pass read the callouts' titles from.
    pub i18n: Arc<crate::i18n::Catalog>,
}

/// A warning when the theme's `base.html` (its own, overriding the built-in one) leaves out
/// the Content-Security-Policy `<meta>`: its pages would then run any script they carry
/// when opened from disk or another server (`serve` still sends the policy as a header).
fn policy_warning(
    name: &str,
    templates: &[(String, String)],
    overridden: bool,
) -> Option<Diagnostic> {
    let base = templates.iter().find(|(n, _)| n == "base.html")?;
    (overridden && !base.1.contains("Content-Security-Policy")).then(|| {
        Diagnostic::warning(
            format!("themes/{name}/templates/base.html"),
            "this base.html has no Content-Security-Policy <meta>, so its pages would run any script they hold",
        )
        .hint(format!(
            "keep the built-in one in <head>: <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
        ))
    })
}

/// A template without its Tera tags, expressions and comments.
fn literal_text(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let close = match after.get(..2) {
            Some("{%") => "%}",
            Some("{{") => "}}",
            Some("{#") => "#}",
            _ => {
                out.push('{');
                rest = &after[1..];
                continue;
            }
        };
        match after.find(close) {
            Some(j) => {
                out.push(' ');
                rest = &after[j + 2..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The built-in theme's `.ftl` files: (language, text).
pub fn builtin_i18n() -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(d) = BUILTIN.get_dir("i18n") {
        for f in d.files() {
            let name = f
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(lang) = name.strip_suffix(".ftl") {
                out.push((
                    lang.to_string(),
                    f.contents_utf8().unwrap_or_default().to_string(),
                ));
            }
        }
    }
    out
}

/// The interface strings of theme `name` of the site at `root`: the built-in `.ftl` files,
/// then the theme folder's (`build`, `check`, `serve` and `register` read them alike). A
/// theme that is no folder inside the site gives the built-in ones ([`Theme::load`] says why).
pub fn load_i18n(root: &Path, name: &str) -> (Arc<crate::i18n::Catalog>, Vec<Diagnostic>) {
    let fence = crate::content::confine::Fence::new(root);
    let dir = root.join("themes").join(name);
    let usable = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && !Path::new(name).is_absolute()
        && dir.is_dir()
        && fence.resolve(&dir).is_ok();
    let (catalog, diags) = i18n_catalog(&fence, usable.then_some(dir.as_path()), name);
    (Arc::new(catalog), diags)
}

/// The built-in `.ftl` files, then the theme folder's `i18n/<lang>.ftl` over them (message
/// by message: a site's file need hold only the messages it changes or adds).
fn i18n_catalog(
    fence: &crate::content::confine::Fence,
    dir: Option<&Path>,
    name: &str,
) -> (crate::i18n::Catalog, Vec<Diagnostic>) {
    use crate::i18n::Source;
    let mut catalog = crate::i18n::Catalog::default();
    for (lang, text) in builtin_i18n() {
        let path = format!("(built-in theme) i18n/{lang}.ftl");
        catalog.add(
            &lang,
            Source {
                path,
                text,
                site: false,
            },
        );
    }
    let mut diags = Vec::new();
    if let Some(dir) = dir {
        let (files, d) = walk(fence, &dir.join("i18n"));
        diags.extend(d);
        for (rel, path) in files {
            let Some(lang) = rel.strip_suffix(".ftl") else {
                continue;
            };
            let shown = format!("themes/{name}/i18n/{rel}");
            match std::fs::read_to_string(&path) {
                Ok(text) => catalog.add(
                    lang,
                    Source {
                        path: shown,
                        text,
                        site: true,
                    },
                ),
                Err(e) => diags.push(Diagnostic::error(shown, format!("cannot read: {e}"))),
            }
        }
    }
    diags.extend(catalog.errors());
    (catalog, diags)
}

/// The files under a theme folder, following no link out of the site root (confine.rs).
fn walk(
    fence: &crate::content::confine::Fence,
    dir: &Path,
) -> (Vec<(String, PathBuf)>, Vec<Diagnostic>) {
    if !dir.is_dir() {
        return (Vec::new(), Vec::new());
    }
    fence.walk(dir, |_| true)
}

/// The built-in theme's templates (name, text) and static files.
fn builtin() -> (Vec<(String, String)>, Vec<Output>) {
    let mut templates: Vec<(String, String)> = Vec::new();
    if let Some(t) = BUILTIN.get_dir("templates") {
        for f in t.files() {
            let name = f
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            templates.push((name, f.contents_utf8().unwrap_or_default().to_string()));
        }
    }
    let mut statics: Vec<Output> = Vec::new();
    fn builtin_statics(d: &'static Dir<'static>, out: &mut Vec<Output>) {
        for f in d.files() {
            let rel = f.path().strip_prefix("static").unwrap_or(f.path());
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(Output {
                path: format!("{STATIC_DIR}/{rel}"),
                content: Content::Static(f.contents()),
            });
        }
        for sub in d.dirs() {
            builtin_statics(sub, out);
        }
    }
    if let Some(s) = BUILTIN.get_dir("static") {
        builtin_statics(s, &mut statics);
    }
    (templates, statics)
}

/// The theme folder's files over the built-in ones, file by file.
fn overlay(
    fence: &crate::content::confine::Fence,
    dir: &Path,
    name: &str,
    templates: &mut Vec<(String, String)>,
    statics: &mut Vec<Output>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let (files, d) = walk(fence, &dir.join("templates"));
    diags.extend(d);
    for (rel, path) in files {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                templates.retain(|(n, _)| *n != rel);
                templates.push((rel, text));
            }
            Err(e) => diags.push(Diagnostic::error(
                format!("themes/{name}/templates/{rel}"),
                format!("cannot read: {e}"),
            )),
        }
    }
    let (files, d) = walk(fence, &dir.join("static"));
    diags.extend(d);
    for (rel, path) in files {
        let out = format!("{STATIC_DIR}/{rel}");
        statics.retain(|o| o.path != out);
        statics.push(Output {
            path: out,
            content: Content::Copy(path),
        });
    }
    diags
}

impl Theme {
    /// The built-in theme overlaid with `root/themes/<name>/` where it exists.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        Theme::load_with(root, name, load_i18n(root, name))
    }

    /// As [`Theme::load`], with its interface strings already read ([`load_i18n`]: the
    /// loader's, so one build reads them once) and their diagnostics.
    pub fn load_with(
        root: &Path,
        name: &str,
        (i18n, i18n_diags): (Arc<crate::i18n::Catalog>, Vec<Diagnostic>),
    ) -> Result<Theme, Vec<Diagnostic>> {
        let fence = crate::content::confine::Fence::new(root);
        if name.is_empty()
            || name.starts_with('.')
            || name.contains(['/', '\\', ':'])
            || Path::new(name).is_absolute()
        {
            return Err(vec![Diagnostic::error(crate::config::FILE, format!("theme `{name}` is not a folder name"))
                .hint("set theme to the name of a folder under themes/ (e.g. theme = \"mine\" for themes/mine), or \"default\"")]);
        }
        let dir = root.join("themes").join(name);
        if dir.is_dir()
            && let Err(real) = fence.resolve(&dir)
        {
            return Err(vec![Diagnostic::error(crate::config::FILE, format!("theme folder themes/{name} is outside the site folder: it is {real}"))
                .hint("keep the theme inside the folder that holds book.toml, not linked from elsewhere")]);
        }
        let dir = if dir.is_dir() {
            Some(dir)
        } else if name == "default" {
            None
        } else {
            return Err(vec![Diagnostic::error(crate::config::FILE, format!("theme `{name}` not found: there is no folder themes/{name}"))
                .hint("set theme = \"default\" for the built-in theme, or create the folder with templates/ and static/")]);
        };
        let (mut templates, mut statics) = builtin();
        let mut diags = Vec::new();
        if let Some(dir) = &dir {
            diags = overlay(&fence, dir, name, &mut templates, &mut statics);
        }
        diags.extend(i18n_diags);
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Escapes what HTML needs (& < > " ') but leaves `/` alone, so hrefs stay readable.
        tera.set_escape_fn(crate::util::escape_html_to);
        // Filters are registered before templates: Tera checks every name a template uses.
        tera.register_filter("href", href_filter);
        tera.register_function("current_mark", super::nav::current_mark);
        tera.register_filter("fill", fill_filter);
        tera.register_filter("count", count_filter);
        tera.register_filter("fill_time", fill_time_filter);
        if let Err(e) =
            tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            diags.extend(template_errors(name, &e, "template error"));
        }
        let overridden = dir
            .as_ref()
            .is_some_and(|d| d.join("templates").join("base.html").is_file());
        let warnings: Vec<Diagnostic> = policy_warning(name, &templates, overridden)
            .into_iter()
            .collect();
        if diags.is_empty() {
            let mut text = templates
                .iter()
                .map(|(_, t)| literal_text(t))
                .collect::<Vec<_>>()
                .join("\n");
            text.push('\n');
            text.push_str(&i18n.text());
            Ok(Theme {
                tera: Arc::new(tera),
                name: name.into(),
                statics,
                dir,
                text,
                warnings,
                i18n,
            })
        } else {
            Err(diags)
        }
    }

    pub fn render(&self, template: &str, ctx: &Context) -> Result<String, Diagnostic> {
        render(&self.tera, &self.name, template, ctx)
    }

    /// Renders into `w` (a sidebar, whose writer records where each link's mark stands).
    pub fn render_to(
        &self,
        template: &str,
        ctx: &Context,
        w: impl std::io::Write,
    ) -> Result<(), Diagnostic> {
        match self.tera.render_to(template, ctx, w) {
            Ok(()) => Ok(()),
            // The diagnostic comes from the one place that reads Tera's errors: rendering
            // again fails the same way (and costs nothing in a build that works).
            Err(_) => self.render(template, ctx).map(drop),
        }
    }

    /// A page to render later, when it is asked for (the dev server's big pages).
    pub fn defer(&self, template: &str, ctx: Context) -> Deferred {
        Deferred {
            tera: self.tera.clone(),
            theme: self.name.clone(),
            template: template.to_string(),
            ctx,
        }
    }

    pub fn static_files(&self) -> Vec<Output> {
        self.statics.clone()
    }
}

/// Adds one run of `what` since `started` to [`TEMPLATE_TIMES`] (when timings are on): the
/// templates, and the search index, which has none.
pub fn record_time(what: &str, started: Instant) {
    if *TIMINGS && let Ok(mut m) = TEMPLATE_TIMES.lock() {
        let e = m.entry(what.to_string()).or_default();
        e.0 += 1;
        e.1 += started.elapsed().as_micros() as u64;
    }
}

fn render(tera: &Tera, theme: &str, template: &str, ctx: &Context) -> Result<String, Diagnostic> {
    let started = Instant::now();
    let r = tera.render(template, ctx);
    record_time(template, started);
    // A render reports one problem: the first.
    r.map_err(|e| {
        let ds = template_errors(theme, &e, "cannot render");
        ds.into_iter().next().unwrap_or_else(|| {
            Diagnostic::error(
                format!("themes/{theme}/templates/{template}"),
                "cannot render",
            )
        })
    })
}

/// A page with its context made, rendered when [`Deferred::render`] is called: the dev server
/// renders whole-programme pages (print, handout, timetable) only when the browser asks.
pub struct Deferred {
    tera: Arc<Tera>,
    theme: Arc<str>,
    template: String,
    ctx: Context,
}

impl Deferred {
    pub fn render(&self) -> Result<Vec<u8>, Diagnostic> {
        render(&self.tera, &self.theme, &self.template, &self.ctx).map(String::into_bytes)
    }
}

impl std::fmt::Debug for Deferred {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Deferred({})", self.template)
    }
}

/// `{{ path | href }}`: percent-encode a site-relative path for an href.
fn href_filter(path: &str, _: Kwargs, _: &State) -> String {
    crate::util::encode_path(path)
}

/// The filter's variables, as text.
fn vars_of(kwargs: &Kwargs) -> Vec<(String, String)> {
    let map: BTreeMap<String, serde_json::Value> = kwargs.deserialize().unwrap_or_default();
    map.into_iter()
        .map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            (k, text)
        })
        .collect()
}

/// `{{ tr.run_sheet_for | fill(day=day.title) }}`: a message's `{$day}` filled in.
fn fill_filter(text: &str, kwargs: Kwargs, _: &State) -> String {
    let vars = vars_of(&kwargs);
    let refs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    crate::i18n::fill(text, &refs)
}

/// `{{ tr.day_ends_at | fill_time(time=day.end, date=day.date_iso) }}`: the message with its
/// `{$time}` a `<time>` element (`datetime` the date and time, or the time alone), the rest
/// escaped: a sentence with the time inside, whatever the language's order.
fn fill_time_filter(text: &str, kwargs: Kwargs, _: &State) -> tera::Value {
    let vars = vars_of(&kwargs);
    let get = |k: &str| {
        vars.iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    };
    let time = get("time");
    let date = get("date");
    // `iso`: the machine's form of `time` (`HH:MM`) when the page writes times as people
    // read them ("4:30 pm").
    let iso = Some(get("iso")).filter(|x| !x.is_empty()).unwrap_or(time);
    let datetime = if date.is_empty() {
        iso.to_string()
    } else {
        format!("{date}T{iso}")
    };
    let element = format!(
        "<time datetime=\"{}\">{}</time>",
        crate::util::escape_html(&datetime),
        crate::util::escape_html(time)
    );
    const MARK: &str = "\u{E002}";
    let escaped: Vec<(String, String)> = vars
        .iter()
        .filter(|(k, _)| k != "time" && k != "date" && k != "iso")
        .map(|(k, v)| (k.clone(), crate::util::escape_html(v)))
        .collect();
    let mut refs: Vec<(&str, &str)> = escaped
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    refs.push(("time", MARK));
    let filled = crate::i18n::fill(&crate::util::escape_html(&text.replace(MARK, "")), &refs);
    tera::Value::safe_string(&filled.replacen(MARK, &element, 1))
}

/// `{{ tr.n_sessions | count(n=day.sessions) }}`: a count message's form for `n` by the
/// language's plural rules, its `{$n}` (and any other variable given) filled in.
fn count_filter(forms: tera::Value, kwargs: Kwargs, _: &State) -> String {
    let vars = vars_of(&kwargs);
    let n = vars
        .iter()
        .find(|(k, _)| k == "n")
        .and_then(|(_, v)| v.parse::<u64>().ok())
        .unwrap_or(0);
    let Some(map) = forms.as_map() else {
        // A plain message: only its variables to fill.
        let refs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        return crate::i18n::fill(forms.as_str().unwrap_or_default(), &refs);
    };
    let mut per: BTreeMap<&'static str, String> = BTreeMap::new();
    let mut lang = String::from("en");
    for (k, v) in map {
        let key = k.to_string();
        let text = v.as_str().unwrap_or_default().to_string();
        match key.as_str() {
            "lang" => lang = text,
            "zero" => drop(per.insert("zero", text)),
            "one" => drop(per.insert("one", text)),
            "two" => drop(per.insert("two", text)),
            "few" => drop(per.insert("few", text)),
            "many" => drop(per.insert("many", text)),
            "other" => drop(per.insert("other", text)),
            _ => {}
        }
    }
    let refs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    crate::i18n::fill(crate::i18n::pick(&per, &lang, n), &refs)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_base_template_carries_the_policy() {
        let base = super::BUILTIN
            .get_file("templates/base.html")
            .and_then(|f| f.contents_utf8())
            .unwrap();
        let meta = format!(
            "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            super::CSP
        );
        assert!(base.contains(&meta), "base.html must open with the policy");
    }
}
