//! What a package's table of contents shows: a programme's pages as items, from the
//! participant model, in the order a participant meets them. Pure: no files, no XML.

use crate::model::timetable::RowKind;
use crate::model::{Programme, Site, clock};

/// One entry of the platform's table of contents: a page (`href`, site-relative) or a
/// folder of entries (a day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub title: String,
    pub href: Option<String>,
    /// A session page: a SCO in a SCORM package, which the platform tracks.
    pub session: bool,
    pub children: Vec<Item>,
}

impl Item {
    fn page(title: impl Into<String>, href: &str, session: bool) -> Item {
        Item {
            title: title.into(),
            href: Some(href.to_string()),
            session,
            children: Vec::new(),
        }
    }
}

/// A programme's package outline.
#[derive(Debug, Clone)]
pub struct Outline {
    pub title: String,
    pub description: Option<String>,
    pub language: String,
    pub items: Vec<Item>,
}

/// The overview, the timetable, the programme's own pages, then a folder per day with its
/// sessions in timetable order (each titled with its clock times), then the handout, prompts,
/// materials, action-plan sheet and evaluation form: each only when `has` says its file is
/// in the package.
pub fn outline(site: &Site, p: &Programme, has: &dyn Fn(&str) -> bool) -> Outline {
    let at = |file: &str| format!("{}/{file}", p.slug);
    let mut items = Vec::new();
    let add_page = |items: &mut Vec<Item>, title: &str, file: &str| {
        let href = at(file);
        if has(&href) {
            items.push(Item::page(title, &href, false));
        }
    };
    add_page(&mut items, "Overview", "index.html");
    add_page(&mut items, "Timetable", "timetable.html");
    for pg in p.pages.iter().filter(|pg| !pg.trainer_only && has(&pg.out)) {
        items.push(Item::page(pg.title.as_str(), &pg.out, false));
    }
    for plan in &p.timetable.days {
        let Some(day) = p.days.iter().find(|d| d.number == plan.number) else {
            continue;
        };
        let mut sessions = Vec::new();
        for row in plan.rows() {
            let RowKind::Session(i) = row.kind else {
                continue;
            };
            let Some(s) = p.sessions.get(i).filter(|s| !s.trainer_only && has(&s.out)) else {
                continue;
            };
            let title = format!("{}–{} {}", row.start, row.end, s.title);
            sessions.push(Item::page(title, &s.out, true));
        }
        if sessions.is_empty() {
            continue;
        }
        items.push(Item {
            title: day_title(day, p.locale),
            href: None,
            session: false,
            children: sessions,
        });
    }
    add_page(&mut items, "Handout", "handout.html");
    add_page(&mut items, "Discussion prompts", "prompts.html");
    add_page(&mut items, "Materials", "materials.html");
    add_page(&mut items, "Action plan sheet", "action-plan.html");
    add_page(&mut items, "Evaluation form", "evaluation.html");
    Outline {
        title: p.title.clone(),
        description: p
            .summary
            .as_ref()
            .map(|s| s.text.clone())
            .or_else(|| site.config.description.clone()),
        language: site.config.language.clone(),
        items,
    }
}

/// "Day 1: Why we record, Monday 1 March 2027"; "Day one, ..." when the title says "Day".
fn day_title(day: &crate::model::Day, locale: clock::Locale) -> String {
    let n = format!("Day {}", day.number);
    let mut t = if day.title.is_empty() || day.title == n {
        n
    } else if day.title.starts_with("Day ") {
        // "Day one", "Day 1 (online)": the title says it.
        day.title.clone()
    } else {
        format!("{n}: {}", day.title)
    };
    if let Some(d) = day.date {
        t.push_str(", ");
        t.push_str(&locale.date_long(d));
    }
    t
}
