//! `coursebook import carpentries`: a Carpentries Workbench lesson as a programme.

use std::path::Path;

use super::days::DayRule;
use super::lesson_pages::{credits, key_points, programme};
use super::links::{Ctx, Resolver};
use super::pandoc::{self, Item};
use super::text::{trim_blank, yaml_str};
use super::{Plan, read_text, split_front};
use crate::content::yaml::{self, Node, Value};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::util::slugify;

pub struct Options {
    pub programme: Option<String>,
    pub rule: DayRule,
}

/// The config keys read; any other is listed.
const USED: &[&str] = &[
    "title",
    "carpentry",
    "carpentry_description",
    "created",
    "license",
    "source",
    "contact",
    "episodes",
    "learners",
    "instructors",
    "profiles",
    "url",
    "lang",
];

pub(super) struct Episode {
    pub(super) src: String,
    pub(super) dest: String,
    pub(super) title: String,
    pub(super) minutes: u32,
    pub(super) objectives: Vec<String>,
    pub(super) prompts: Vec<String>,
    pub(super) keypoints: Vec<String>,
    pub(super) body: Vec<String>,
}

/// The files listed under `key` in config.yaml, else every Markdown file of the folder.
fn listed(
    lesson: &Path,
    cfg: &Node,
    key: &str,
    diags: &mut Diagnostics,
    res: &mut Resolver,
) -> Vec<String> {
    let mut on_disk: Vec<String> = std::fs::read_dir(lesson.join(key))
        .map(|rd| {
            rd.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".md") || n.ends_with(".Rmd"))
                .collect()
        })
        .unwrap_or_default();
    on_disk.sort();
    let Some(node) = cfg.get(key).filter(|n| !matches!(n.value, Value::Null)) else {
        return on_disk.into_iter().map(|n| format!("{key}/{n}")).collect();
    };
    let Value::Seq(items) = &node.value else {
        diags.push(
            Diagnostic::error(
                "config.yaml",
                format!("`{key}` is {}, not a list of file names", node.kind()),
            )
            .at(node.line, node.col)
            .hint(format!(
                "write one file of {key}/ a line: `- 01-introduction.md`"
            )),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        match item.as_text() {
            Some(name) if on_disk.contains(&name) => out.push(format!("{key}/{name}")),
            Some(name) => diags.push(
                Diagnostic::error(
                    "config.yaml",
                    format!("`{name}` is listed under `{key}` but {key}/{name} is not there"),
                )
                .at(item.line, item.col)
                .maybe_hint(
                    crate::diagnostics::closest(&name, on_disk.iter().map(String::as_str))
                        .map(|c| format!("did you mean `{c}`?")),
                ),
            ),
            None => diags.push(
                Diagnostic::error(
                    "config.yaml",
                    format!("an item of `{key}` is {}, not a file name", item.kind()),
                )
                .at(item.line, item.col),
            ),
        }
    }
    for n in on_disk {
        let p = format!("{key}/{n}");
        if !out.contains(&p) {
            res.note(
                &p,
                1,
                format!("not listed under `{key}` in config.yaml: left out"),
            );
        }
    }
    out
}

fn md_name(src: &str) -> String {
    src.strip_suffix(".Rmd")
        .map_or_else(|| src.to_string(), |s| format!("{s}.md"))
}

// Long by design: the import's steps in the order they depend on one another (config, the
// page map every link needs, episodes, the day rule, pages, credits), each a few lines.
pub fn import(lesson: &Path, opts: &Options) -> (Option<Plan>, Diagnostics) {
    let mut diags = Diagnostics::default();
    if let Err(d) = opts.rule.check() {
        diags.push(d);
        return (None, diags);
    }
    let cfg_text = match read_text(lesson, "config.yaml") {
        Ok(t) => t,
        Err(d) => {
            diags.push(d.hint("give the folder of a Carpentries Workbench lesson: it holds config.yaml and episodes/"));
            return (None, diags);
        }
    };
    let cfg = match yaml::parse("config.yaml", &cfg_text, 1) {
        Ok(n) => n,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let mut res = Resolver::new(lesson.to_path_buf(), "");
    if let Value::Map(entries) = &cfg.value {
        for (k, v) in entries {
            let key = k.as_text().unwrap_or_default();
            if !USED.contains(&key.as_str()) {
                res.note(
                    "config.yaml",
                    v.line.max(k.line),
                    format!("`{key}` not imported"),
                );
            }
        }
    } else {
        diags.push(
            Diagnostic::error("config.yaml", "config.yaml is not a mapping of keys")
                .at(cfg.line, cfg.col)
                .hint("a Workbench config.yaml starts with lines such as `title: 'My lesson'`"),
        );
        return (None, diags);
    }
    let text_of = |k: &str| {
        cfg.get(k)
            .and_then(Node::as_text)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let title = text_of("title").unwrap_or_else(|| {
        diags.push(
            Diagnostic::error("config.yaml", "config.yaml has no `title`")
                .hint("add a line such as `title: 'The Unix Shell'`"),
        );
        String::new()
    });
    let episodes = listed(lesson, &cfg, "episodes", &mut diags, &mut res);
    let learners = listed(lesson, &cfg, "learners", &mut diags, &mut res);
    let instructors = listed(lesson, &cfg, "instructors", &mut diags, &mut res);
    let profiles = listed(lesson, &cfg, "profiles", &mut diags, &mut res);
    if episodes.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error("config.yaml", "the lesson has no episodes")
                .hint("list them under `episodes:`, one file of episodes/ a line"),
        );
    }
    // Where every page goes, before any is converted: links need the whole map.
    for e in &episodes {
        res.pages.insert(e.clone(), md_name(e));
    }
    for p in learners.iter().chain(&instructors).chain(&profiles) {
        let dest = if p == "learners/setup.md" {
            "setup.md".to_string()
        } else {
            md_name(p)
        };
        res.pages.insert(p.clone(), dest);
    }
    for p in &instructors {
        res.trainer.insert(md_name(p));
    }
    res.pages.insert("index.md".into(), "index.md".into());
    res.pages.insert("LICENSE.md".into(), "licence.md".into());

    let mut eps = Vec::new();
    for src in &episodes {
        if let Some(e) = episode(lesson, src, &mut res, &mut diags) {
            eps.push(e);
        }
    }
    if diags.has_errors() {
        return (None, diags);
    }
    let minutes: Vec<u32> = eps.iter().map(|e| e.minutes).collect();
    let placed = opts.rule.place(&minutes);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, (e, p)) in eps.iter().zip(&placed).enumerate() {
        if p.overruns {
            res.note(&e.src, 1, format!("{} min is longer than any stretch between breaks: it runs into the break or the day's end", e.minutes));
        }
        let mut fm = format!(
            "---\ntitle: {}\nday: {}\nblock: part-{}\norder: {}\nduration: {} min\n",
            yaml_str(&e.title),
            p.day,
            p.block + 1,
            i + 1,
            e.minutes
        );
        for (key, list) in [("objectives", &e.objectives), ("prompts", &e.prompts)] {
            if !list.is_empty() {
                fm.push_str(&format!("{key}:\n"));
                for item in list {
                    fm.push_str(&format!("  - {}\n", yaml_str(item)));
                }
            }
        }
        files.push((
            e.dest.clone(),
            format!("{fm}---\n\n{}\n", e.body.join("\n")).into_bytes(),
        ));
    }

    let mut order = 1;
    for group in [&learners, &profiles, &instructors] {
        for src in group.iter() {
            let dest = res.pages.get(src).cloned().unwrap_or_default();
            let o = if dest == "setup.md" { 1 } else { order + 3 };
            order += 1;
            if let Some(text) = page(lesson, src, &dest, o, &mut res, &mut diags) {
                files.push((dest, text.into_bytes()));
            }
        }
    }
    files.push(("key-points.md".into(), key_points(&eps).into_bytes()));
    files.push((
        "licence.md".into(),
        credits(lesson, &cfg, &title, &mut res, &mut diags).into_bytes(),
    ));
    files.push((
        "index.md".into(),
        programme(lesson, &title, &cfg, &opts.rule, &mut res, &mut diags).into_bytes(),
    ));
    for (dest, src) in std::mem::take(&mut res.assets) {
        match std::fs::read(lesson.join(&src)) {
            Ok(bytes) => files.push((dest, bytes)),
            Err(e) => diags.push(Diagnostic::error(src, format!("cannot read: {e}"))),
        }
    }
    for f in ["CODE_OF_CONDUCT.md", "CONTRIBUTING.md", "links.md"] {
        if lesson.join(f).is_file() && f != "links.md" {
            res.note(f, 1, "not imported (the lesson project's own page)");
        }
    }
    if diags.has_errors() {
        return (None, diags);
    }
    let folder = lesson
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    let programme = opts
        .programme
        .clone()
        .unwrap_or_else(|| slugify(folder.as_deref().unwrap_or(&title)));
    (
        Some(Plan {
            programme,
            files,
            notes: std::mem::take(&mut res.notes),
        }),
        diags,
    )
}

/// The lesson's `links.md` (reference links every page may use), if any.
fn links_md(lesson: &Path) -> String {
    std::fs::read_to_string(lesson.join("links.md")).unwrap_or_default()
}

fn episode(
    lesson: &Path,
    src: &str,
    res: &mut Resolver,
    diags: &mut Diagnostics,
) -> Option<Episode> {
    let text = read_text(lesson, src).map_err(|d| diags.push(d)).ok()?;
    let (node, body, body_line) = split_front(src, &text, diags)?;
    let dest = md_name(src);
    let int = |k: &str, diags: &mut Diagnostics| match node.get(k) {
        None => 0,
        Some(n) => match n.value {
            Value::Int(i) if (0..=600).contains(&i) => i as u32,
            _ => {
                diags.push(
                    Diagnostic::error(src, format!("`{k}` is not a number of minutes"))
                        .at(n.line, n.col)
                        .hint(format!("write it as `{k}: 20`")),
                );
                0
            }
        },
    };
    let minutes = int("teaching", diags) + int("exercises", diags);
    note_keys(src, &node, &["title", "teaching", "exercises"], res);
    let body = format!("{body}\n{}", links_md(lesson));
    let (mut items, errors) = pandoc::parse(src, &body, body_line, res, src);
    diags.extend(errors);
    let cx = Ctx {
        src,
        dest: &dest,
        trainer: false,
    };
    let (mut objectives, mut prompts, mut keypoints) = (Vec::new(), Vec::new(), Vec::new());
    items.retain(|i| match i {
        Item::Div(d) if d.class == "objectives" => {
            objectives.extend(pandoc::list_items(d, res, cx));
            false
        }
        Item::Div(d) if d.class == "questions" => {
            prompts.extend(pandoc::list_items(d, res, cx));
            false
        }
        Item::Div(d) if d.class == "keypoints" => {
            keypoints.extend(pandoc::list_items(d, res, cx));
            true
        }
        _ => true,
    });
    let rendered = pandoc::render(&items, res, cx);
    let body = trim_blank(res.finish_page(rendered));
    let title = node
        .get("title")
        .and_then(Node::as_text)
        .unwrap_or_else(|| {
            res.note(src, 1, "no `title`: the file name is used");
            dest.clone()
        });
    let minutes = if minutes == 0 {
        res.note(src, 1, "no `teaching` or `exercises` minutes: given 5 min");
        5
    } else {
        minutes
    };
    Some(Episode {
        src: src.to_string(),
        dest,
        title,
        minutes,
        objectives,
        prompts,
        keypoints,
        body,
    })
}

pub(super) fn note_keys(src: &str, node: &Node, known: &[&str], res: &mut Resolver) {
    if let Value::Map(entries) = &node.value {
        for (k, v) in entries {
            let key = k.as_text().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                res.note(
                    src,
                    v.line.max(k.line),
                    format!("front matter key `{key}` not imported"),
                );
            }
        }
    }
}

fn page(
    lesson: &Path,
    src: &str,
    dest: &str,
    order: usize,
    res: &mut Resolver,
    diags: &mut Diagnostics,
) -> Option<String> {
    let text = read_text(lesson, src).map_err(|d| diags.push(d)).ok()?;
    let (node, body, body_line) = split_front(src, &text, diags)?;
    note_keys(src, &node, &["title"], res);
    let trainer = res.trainer.contains(dest);
    let body = format!("{body}\n{}", links_md(lesson));
    let (items, errors) = pandoc::parse(src, &body, body_line, res, src);
    diags.extend(errors);
    let rendered = pandoc::render(&items, res, Ctx { src, dest, trainer });
    let lines = trim_blank(res.finish_page(rendered));
    let mut fm = String::from("---\n");
    if let Some(t) = node.get("title").and_then(Node::as_text) {
        fm.push_str(&format!("title: {}\n", yaml_str(&t)));
    }
    fm.push_str(&format!("order: {order}\n"));
    if trainer {
        fm.push_str("audience: trainer\n");
    }
    Some(format!("{fm}---\n\n{}\n", lines.join("\n")))
}
