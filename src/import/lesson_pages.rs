//! The pages `import carpentries` writes beyond the lesson's own: key points, licence and
//! citation, and the programme's index.md with the day rule's blocks and the credit.

use std::path::Path;

use super::carpentries::{Episode, note_keys};
use super::days::{DayRule, hhmm};
use super::links::{Ctx, Resolver};
use super::pandoc;
use super::text::{trim_blank, yaml_str};
use super::{read_text, split_front};
use crate::content::yaml::Node;
use crate::diagnostics::Diagnostics;

pub(super) fn key_points(eps: &[Episode]) -> String {
    let mut s = String::from("---\ntitle: Key points\norder: 2\n---\n");
    for e in eps.iter().filter(|e| !e.keypoints.is_empty()) {
        s.push_str(&format!(
            "\n## [{}]({})\n\n",
            e.title.replace(['[', ']'], ""),
            e.dest
        ));
        for k in &e.keypoints {
            s.push_str(&format!("- {k}\n"));
        }
    }
    s
}

pub(super) fn credits(
    lesson: &Path,
    cfg: &Node,
    title: &str,
    res: &mut Resolver,
    diags: &mut Diagnostics,
) -> String {
    let get = |k: &str| {
        cfg.get(k)
            .and_then(Node::as_text)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && s != "~")
    };
    let licence = get("license").unwrap_or_else(|| "CC-BY 4.0".into());
    let mut s = format!(
        "---\ntitle: Licence and citation\norder: 3\n---\n\n{}\n",
        credit_line(cfg, title)
    );
    if let Some(c) = get("created") {
        s.push_str(&format!("\nThe lesson was created on {c}."));
    }
    if let Some(c) = get("contact") {
        let link = if c.contains('@') && !c.contains(':') {
            format!("[{c}](mailto:{c})")
        } else {
            c.clone()
        };
        s.push_str(&format!(" Its maintainers' contact: {link}.\n"));
    }
    s.push_str(&format!(
        "\n## Licence\n\nThe lesson's licence: {licence}.\n"
    ));
    if let Ok(text) = read_text(lesson, "LICENSE.md")
        && let Some((_, body, line)) = split_front("LICENSE.md", &text, diags)
    {
        let (items, errors) = pandoc::parse("LICENSE.md", &body, line, res, "LICENSE.md");
        diags.extend(errors);
        let lines = pandoc::render(
            &items,
            res,
            Ctx {
                src: "LICENSE.md",
                dest: "licence.md",
                trainer: false,
            },
        );
        let lines = res.finish_page(lines);
        s.push('\n');
        s.push_str(&demote(&trim_blank(lines)).join("\n"));
        s.push('\n');
    }
    for name in ["CITATION.cff", "CITATION"] {
        if let Ok(text) = read_text(lesson, name) {
            let lang = if name.ends_with(".cff") {
                "yaml"
            } else {
                "text"
            };
            s.push_str(&format!(
                "\n## Citation\n\nFrom the lesson's `{name}`:\n\n````{lang}\n{}\n````\n",
                text.trim_end()
            ));
            break;
        }
    }
    if let Ok(text) = read_text(lesson, "AUTHORS") {
        s.push_str("\n## Authors\n\n");
        for l in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            s.push_str(&format!("- {}\n", l.replace(['<', '>'], "")));
        }
    }
    s
}

/// Headings one level down, so a page's own sections stay under its heading.
fn demote(lines: &[String]) -> Vec<String> {
    let mut code = false;
    lines
        .iter()
        .map(|l| {
            if super::text::fence(l).is_some() {
                code = !code;
            }
            if !code
                && l.starts_with('#')
                && l.trim_start_matches('#').starts_with(' ')
                && !l.starts_with("######")
            {
                format!("#{l}")
            } else {
                l.clone()
            }
        })
        .collect()
}

fn credit_line(cfg: &Node, title: &str) -> String {
    let get = |k: &str| {
        cfg.get(k)
            .and_then(Node::as_text)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let who = match get("carpentry").as_deref() {
        Some("swc") => "Software Carpentry",
        Some("dc") => "Data Carpentry",
        Some("lc") => "Library Carpentry",
        Some("cp") => "The Carpentries",
        _ => "its authors",
    };
    let licence = get("license").unwrap_or_else(|| "CC-BY 4.0".into());
    let name = match get("source").or_else(|| get("url")) {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            format!("[{}]({u})", title.replace(['[', ']'], ""))
        }
        _ => format!("*{title}*"),
    };
    format!("This programme is adapted from {name}, a lesson by {who}, licensed under {licence}.")
}

pub(super) fn programme(
    lesson: &Path,
    title: &str,
    cfg: &Node,
    rule: &DayRule,
    res: &mut Resolver,
    diags: &mut Diagnostics,
) -> String {
    let licence = cfg
        .get("license")
        .and_then(Node::as_text)
        .unwrap_or_else(|| "CC-BY 4.0".into());
    let mut fm = format!(
        "---\ntitle: {}\nsubtitle: {}\nsession-bodies: all\nstart: \"{}\"\nend: \"{}\"\nblocks:\n  - {{ id: part-1, title: \"Start of the day\" }}\n",
        yaml_str(title),
        yaml_str(&format!("A Carpentries lesson ({licence})")),
        hhmm(rule.start),
        hhmm(rule.end)
    );
    if let Some(d) = cfg
        .get("carpentry_description")
        .and_then(Node::as_text)
        .filter(|d| d != "Lesson Description")
    {
        fm.push_str(&format!("summary: {}\n", yaml_str(&d)));
    }
    for (i, b) in rule.breaks.iter().enumerate() {
        fm.push_str(&format!(
            "  - {{ break: {}, duration: {}m, at: \"{}\" }}\n  - {{ id: part-{}, title: {} }}\n",
            yaml_str(&b.title),
            b.minutes,
            hhmm(b.at),
            i + 2,
            yaml_str(&format!("After {}", b.title.to_lowercase()))
        ));
    }
    fm.push_str("---\n\n");
    if let Ok(text) = read_text(lesson, "index.md")
        && let Some((node, body, line)) = split_front("index.md", &text, diags)
    {
        note_keys("index.md", &node, &[], res);
        let (items, errors) = pandoc::parse("index.md", &body, line, res, "index.md");
        diags.extend(errors);
        let rendered = pandoc::render(
            &items,
            res,
            Ctx {
                src: "index.md",
                dest: "index.md",
                trainer: false,
            },
        );
        let lines = trim_blank(res.finish_page(rendered));
        fm.push_str(&lines.join("\n"));
        fm.push_str("\n\n");
    }
    fm.push_str(&format!(
        "{} See [Licence and citation](licence.md).\n",
        credit_line(cfg, title)
    ));
    fm
}
