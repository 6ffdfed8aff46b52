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
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Escapes what HTML needs (& < > " ') but leaves `/` alone, so hrefs stay readable.
        tera.set_escape_fn(crate::util::escape_html_to);
        // Filters are registered before templates: Tera checks every name a template uses.
        tera.register_filter("href", href_filter);
        tera.register_function("current_mark", super::nav::current_mark);
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
            let text = templates
                .iter()
                .map(|(_, t)| literal_text(t))
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Theme {
                tera: Arc::new(tera),
                name: name.into(),
                statics,
                dir,
                text,
                warnings,
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

fn render(tera: &Tera, theme: &str, template: &str, ctx: &Context) -> Result<String, Diagnostic> {
    let started = Instant::now();
    let r = tera.render(template, ctx);
    if *TIMINGS && let Ok(mut m) = TEMPLATE_TIMES.lock() {
        let e = m.entry(template.to_string()).or_default();
        e.0 += 1;
        e.1 += started.elapsed().as_micros() as u64;
    }
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

/// Filters a template may use: Tera's own and ours, for "did you mean" hints.
const FILTERS: &[&str] = &[
    "safe",
    "default",
    "upper",
    "lower",
    "wordcount",
    "escape_html",
    "escape_xml",
    "newlines_to_br",
    "pluralize",
    "trim",
    "trim_start",
    "trim_end",
    "replace",
    "capitalize",
    "title",
    "truncate",
    "indent",
    "str",
    "int",
    "float",
    "length",
    "reverse",
    "split",
    "abs",
    "round",
    "first",
    "last",
    "nth",
    "join",
    "sort",
    "unique",
    "get",
    "values",
    "keys",
    "pairs",
    "group_by",
    "href",
];

/// A Tera error as diagnostics at the template's line and column where Tera knows them
/// (a check of names across templates reports several at once).
fn template_errors(theme: &str, e: &tera::Error, what: &str) -> Vec<Diagnostic> {
    let file = |name: &str| format!("themes/{theme}/templates/{name}");
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            // Tera's columns count from 0.
            vec![
                explain(
                    Diagnostic::error(file(r.filename()), format!("{what}: ")),
                    r.message(),
                )
                .at(span.start_line, span.start_col + 1),
            ]
        }
        tera::ErrorKind::Msg(m) if m.starts_with("error: ") => reports(m)
            .into_iter()
            .map(|r| {
                let d = match r.at {
                    Some((name, line, col)) => {
                        Diagnostic::error(file(name), format!("{what}: ")).at(line, col)
                    }
                    None => {
                        Diagnostic::error(format!("themes/{theme}/templates"), format!("{what}: "))
                    }
                };
                explain(d, r.message)
            })
            .collect(),
        _ => vec![Diagnostic::error(
            format!("themes/{theme}/templates"),
            format!("{what}: {}", error_chain(e)),
        )],
    }
}

/// One of the reports Tera joins into one message when its check of names across templates
/// finds several: that check gives text only, so [`reports`] reads it back.
#[derive(Debug, PartialEq)]
struct Report<'a> {
    message: &'a str,
    /// Template, line and column (from 1), from the report's ` --> name.html:3:24`.
    at: Option<(&'a str, usize, usize)>,
}

/// The reports in `m`, each `error: message` then ` --> name:line:col` and a snippet, apart
/// by `\nerror: ` (Tera's `generate_report`, joined).
fn reports(m: &str) -> Vec<Report<'_>> {
    m.split("\nerror: ")
        .map(|report| {
            let report = report.strip_prefix("error: ").unwrap_or(report);
            let mut lines = report.lines();
            let message = lines.next().unwrap_or_default();
            let at = lines
                .find_map(|l| l.trim_start().strip_prefix("--> "))
                .and_then(|loc| {
                    let mut it = loc.rsplitn(3, ':');
                    let col = it.next()?.parse::<usize>().ok()?;
                    let line = it.next()?.parse::<usize>().ok()?;
                    Some((it.next()?, line, col))
                });
            Report { message, at }
        })
        .collect()
}

/// What a Tera message says that earns a hint. Tera gives these only as text; this and
/// [`said`] are the one place that reads it.
#[derive(Debug, PartialEq)]
enum Said<'a> {
    /// "Field `x` is not defined. Available fields: a, b" (or "Variable `x`... variables"):
    /// `head` is the sentence before the list.
    Undefined {
        head: &'a str,
        name: &'a str,
        known: Vec<&'a str>,
    },
    /// "Unknown filter `x`".
    UnknownFilter(Option<&'a str>),
    /// "Unknown component `x`".
    UnknownComponent(Option<&'a str>),
    /// "Unknown tag" (most often a Tera 1 `macro` or `import`).
    UnknownTag,
    Other,
}

fn said(msg: &str) -> Said<'_> {
    let quoted = |m| str::split(m, '`').nth(1);
    if let Some((head, fields)) = msg
        .split_once(" Available fields: ")
        .or_else(|| msg.split_once(" Available variables: "))
        && let Some(name) = quoted(head)
    {
        return Said::Undefined {
            head,
            name,
            known: fields.trim_end_matches('.').split(", ").collect(),
        };
    }
    if msg.starts_with("Unknown filter") {
        Said::UnknownFilter(quoted(msg))
    } else if msg.starts_with("Unknown component") {
        Said::UnknownComponent(quoted(msg))
    } else if msg == "Unknown tag" {
        Said::UnknownTag
    } else {
        Said::Other
    }
}

/// Tera's message for `d`, with a hint for the common slips: a misspelt field or filter.
fn explain(mut d: Diagnostic, msg: &str) -> Diagnostic {
    let closest = |name: &str, known: &[&str]| {
        crate::diagnostics::closest(name, known.iter().copied())
            .map(|c| format!("did you mean `{c}`?"))
    };
    match said(msg) {
        Said::Undefined { head, name, known } => {
            d.message.push_str(head);
            let hint = closest(name, &known);
            d.hint(hint.unwrap_or_else(|| format!("there are: {}", known.join(", "))))
        }
        Said::UnknownFilter(name) => {
            d.message.push_str(msg);
            match name.and_then(|n| closest(n, FILTERS)) {
                Some(h) => d.hint(h),
                None => d,
            }
        }
        Said::UnknownComponent(name) => {
            d.message.push_str(msg);
            let hint = name.and_then(|n| closest(n, COMPONENTS));
            d.hint(hint.unwrap_or_else(|| COMPONENT_HINT.to_string()))
        }
        Said::UnknownTag => {
            d.message.push_str(msg);
            d.hint(format!(
                "templates are Tera 2: tags are if, for, set, block, extends, include, component, \
                 filter, raw, break, continue; a Tera 1 macro is now a component: {COMPONENT_HINT}"
            ))
        }
        Said::Other => {
            d.message.push_str(msg);
            d
        }
    }
}

/// The built-in theme's components (components.html).
const COMPONENTS: &[&str] = &["links"];

const COMPONENT_HINT: &str = "define it with `{% component name(arg) %}…{% endcomponent name %}` \
     in any template (the built-in ones are in components.html) and call it as \
     `{{<name arg={value} />}}`";

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// `{{ path | href }}`: percent-encode a site-relative path for an href.
fn href_filter(path: &str, _: Kwargs, _: &State) -> String {
    crate::util::encode_path(path)
}

#[cfg(test)]
mod tests {
    use super::{Report, Said, reports, said};

    /// Tera 2.4's report (`generate_report`) and two joined, as its check of names gives them.
    #[test]
    fn reports_are_read_for_message_and_place() {
        let one = "error: Unknown filter `uper`\n --> page.html:3:24\n  |\n3 | {{ x | uper }}\n  |        ^^^^";
        assert_eq!(
            reports(one),
            vec![Report {
                message: "Unknown filter `uper`",
                at: Some(("page.html", 3, 24))
            }]
        );
        let two = format!(
            "{one}\n\nerror: Unknown component `lnks`\n  --> sub/a:b.html:12:1\n   |\n12 | x\n   | ^"
        );
        let got = reports(&two);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].message, "Unknown component `lnks`");
        assert_eq!(got[1].at, Some(("sub/a:b.html", 12, 1)));
        // No place: the message alone.
        assert_eq!(
            reports("error: Something else"),
            vec![Report {
                message: "Something else",
                at: None
            }]
        );
    }

    /// Each message form [`said`] reads, as Tera 2.4 words it.
    #[test]
    fn message_forms() {
        assert_eq!(
            said("Field `titel` is not defined. Available fields: title, day"),
            Said::Undefined {
                head: "Field `titel` is not defined.",
                name: "titel",
                known: vec!["title", "day"]
            }
        );
        assert_eq!(
            said("Variable `sesion` is not defined. Available variables: session, root"),
            Said::Undefined {
                head: "Variable `sesion` is not defined.",
                name: "sesion",
                known: vec!["session", "root"]
            }
        );
        assert_eq!(
            said("Unknown filter `uper`"),
            Said::UnknownFilter(Some("uper"))
        );
        assert_eq!(
            said("Unknown component `lnks`"),
            Said::UnknownComponent(Some("lnks"))
        );
        assert_eq!(said("Unknown tag"), Said::UnknownTag);
        assert_eq!(said("Variable `x` is not defined."), Said::Other);
        assert_eq!(said("Cannot divide by 0"), Said::Other);
    }

    #[test]
    fn hints_from_what_was_said() {
        let d = |msg| super::explain(crate::diagnostics::Diagnostic::error("t", ""), msg);
        let field = d("Field `titel` is not defined. Available fields: title, day");
        assert_eq!(field.message, "Field `titel` is not defined.");
        assert_eq!(field.hint.as_deref(), Some("did you mean `title`?"));
        let none = d("Field `zzz` is not defined. Available fields: title, day");
        assert_eq!(none.hint.as_deref(), Some("there are: title, day"));
        assert_eq!(
            d("Unknown filter `uper`").hint.as_deref(),
            Some("did you mean `upper`?")
        );
        assert!(
            d("Unknown component `zzzzzz`")
                .hint
                .unwrap()
                .contains("{% component")
        );
        assert!(d("Unknown tag").hint.unwrap().contains("Tera 2"));
        assert_eq!(d("Cannot divide by 0").hint, None);
    }

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
