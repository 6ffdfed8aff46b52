//! Tera's errors as diagnostics: a span where Tera gives one, else its text read here (its
//! check of names across templates gives only joined text), with a hint for the mistakes a
//! theme author makes (a Tera 1 tag, an unknown filter or component).

use crate::diagnostics::Diagnostic;

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
pub(super) fn template_errors(theme: &str, e: &tera::Error, what: &str) -> Vec<Diagnostic> {
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
}
