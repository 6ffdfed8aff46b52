//! The register's pages: self-contained HTML (its style inside, no script, nothing loaded),
//! so each prints as it is from any folder. Every text is escaped.

use std::fmt::Write;

use super::Person;
use crate::i18n::Strings;
use crate::model::{Day, Programme};
use crate::util::escape_html as esc;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:.35rem .5rem;text-align:left;vertical-align:middle}\
thead th{background:#eee}.head th{background:none;border:0;padding:0 0 .6rem;font-weight:normal}\
.title{font-size:1.3rem;font-weight:700;display:block}.num{width:2.5rem;text-align:right}\
.sign{width:30%}.signin tbody tr{height:2.6rem}.yes{text-align:center}.org{color:#333;font-size:.95rem}\
tfoot td{font-weight:700}\
@page{size:A4;margin:14mm}@media print{body{margin:0}tr{break-inside:avoid}thead{display:table-header-group}}";

fn page(lang: &str, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<meta name=\"robots\" content=\"noindex\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{}</title><style>{STYLE}</style></head><body>\n{body}</body></html>\n",
        esc(lang),
        esc(title)
    )
}

/// "Day one, Monday 1 March 2027 · 09:30–16:30 · Training Suite".
fn day_line(p: &Programme, d: &Day) -> String {
    let mut s = d.title.clone();
    if let Some(date) = d.date {
        let _ = write!(s, ", {}", p.locale.date_long(date));
    }
    let _ = write!(s, " · {}", p.locale.time(d.start));
    if let Some(end) = d.end {
        let _ = write!(s, "–{}", p.locale.time(end));
    }
    if let Some(v) = &p.venue {
        let _ = write!(s, " · {v}");
    }
    s
}

fn heading(p: &Programme, organisation: Option<&str>, what: &str, line: &str) -> String {
    let org = organisation.map_or(String::new(), |o| format!("{} · ", esc(o)));
    format!(
        "<span class=\"title\">{}: {}</span>{org}{}",
        esc(what),
        esc(&p.title),
        esc(line)
    )
}

/// A day's sign-in sheet: a row per person on the list, then blank rows up to the
/// programme's `participants` (and at least two, for anyone not on the list).
pub fn sheet(
    p: &Programme,
    d: &Day,
    people: &[Person],
    organisation: Option<&str>,
    tr: &Strings,
) -> String {
    let blanks = (p.participants as usize)
        .saturating_sub(people.len())
        .max(2);
    let mut rows = String::new();
    for (i, who) in people.iter().enumerate() {
        let _ = writeln!(
            rows,
            "<tr><td class=\"num\">{}</td><td class=\"name\">{}</td><td class=\"org\">{}</td><td class=\"sign\"></td></tr>",
            i + 1,
            esc(&who.name),
            esc(&who.organisation)
        );
    }
    for i in 0..blanks {
        let _ = writeln!(
            rows,
            "<tr><td class=\"num\">{}</td><td class=\"name\"></td><td class=\"org\"></td><td class=\"sign\"></td></tr>",
            people.len() + i + 1
        );
    }
    let body = format!(
        "<table class=\"signin\"><thead><tr class=\"head\"><th colspan=\"4\">{}</th></tr>\n\
<tr><th class=\"num\">{}</th><th>{}</th><th>{}</th><th class=\"sign\">{}</th></tr></thead>\n<tbody>\n{rows}</tbody></table>\n",
        heading(
            p,
            organisation,
            &tr.get("signin_sheet", &[]),
            &day_line(p, d)
        ),
        esc(&tr.get("number_short", &[])),
        esc(&tr.get("name", &[])),
        esc(&tr.get("organisation", &[])),
        esc(&tr.get("signature", &[])),
    );
    let title = tr.get(
        "register_signin_title",
        &[("day", &d.title), ("programme", &p.title)],
    );
    page(&p.language, &title, &body)
}

/// Who attended which days: a row per person, a column per day, and each day's total.
pub fn attendance(
    p: &Programme,
    people: &[Person],
    organisation: Option<&str>,
    tr: &Strings,
) -> String {
    let mut head = format!(
        "<tr><th>{}</th><th>{}</th>",
        esc(&tr.get("name", &[])),
        esc(&tr.get("organisation", &[]))
    );
    for d in &p.days {
        let _ = write!(head, "<th class=\"yes\">{}</th>", esc(&d.title));
    }
    let _ = write!(
        head,
        "<th class=\"yes\">{}</th></tr>",
        esc(&tr.get("days", &[]))
    );
    let mut totals = vec![0usize; p.days.len()];
    let mut rows = String::new();
    for who in people {
        let days = who.days.clone().unwrap_or_default();
        let _ = write!(
            rows,
            "<tr><td class=\"name\">{}</td><td class=\"org\">{}</td>",
            esc(&who.name),
            esc(&who.organisation)
        );
        for (i, t) in totals.iter_mut().enumerate() {
            let came = days.get(i).copied().unwrap_or(false);
            *t += usize::from(came);
            rows.push_str(if came {
                "<td class=\"yes\">✓</td>"
            } else {
                "<td class=\"yes\">–</td>"
            });
        }
        let _ = writeln!(
            rows,
            "<td class=\"yes\">{}</td></tr>",
            days.iter().filter(|x| **x).count()
        );
    }
    let attended = tr.count("register_attended", people.len() as u64, &[]);
    let mut foot = format!("<tr><td colspan=\"2\">{}</td>", esc(&attended));
    for t in &totals {
        let _ = write!(foot, "<td class=\"yes\">{t}</td>");
    }
    foot.push_str("<td></td></tr>");
    let dates = p.dates_label().unwrap_or_default();
    let body = format!(
        "<table class=\"attendance\"><thead><tr class=\"head\"><th colspan=\"{}\">{}</th></tr>\n{head}</thead>\n<tbody>\n{rows}</tbody><tfoot>{foot}</tfoot></table>\n",
        p.days.len() + 3,
        heading(p, organisation, &tr.get("register_attendance", &[]), &dates)
    );
    let title = tr.get("register_attendance_title", &[("programme", &p.title)]);
    page(&p.language, &title, &body)
}
