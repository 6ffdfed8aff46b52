//! Titles as every output shows them (`<title>`, `<h1>`, CSV, ICS, search, letters): one
//! line of text with no control characters, however they were written (a YAML escape, a
//! heading, a file name). Done once on the finished model so no output can miss it.

use super::timetable::{RowKind, Segment};
use super::{BlockDef, Page, Site};
use crate::util::clean_title;

pub fn clean(site: &mut Site) {
    let c = &mut site.config;
    c.title = clean_title(&c.title);
    clean_opt(&mut c.organisation);
    for a in &mut c.authors {
        *a = clean_title(a);
    }
    site.home.iter_mut().chain(&mut site.pages).for_each(page);
    for p in &mut site.programmes {
        p.title = clean_title(&p.title);
        clean_opt(&mut p.subtitle);
        clean_opt(&mut p.venue);
        for d in &mut p.days {
            d.title = clean_title(&d.title);
        }
        for b in &mut p.blocks {
            match b {
                BlockDef::Block { title, .. } | BlockDef::Break { title, .. } => {
                    *title = clean_title(title)
                }
            }
        }
        // The timetable copied the break titles when it was computed.
        for seg in p.timetable.days.iter_mut().flat_map(|d| &mut d.segments) {
            let rows = match seg {
                Segment::Block { rows, .. } => rows.as_mut_slice(),
                Segment::Gap(r) => std::slice::from_mut(r),
            };
            for r in rows {
                if let RowKind::Break(t) = &mut r.kind {
                    *t = clean_title(t);
                }
            }
        }
        for s in &mut p.sessions {
            s.title = clean_title(&s.title);
        }
        p.pages.iter_mut().for_each(page);
        for l in &mut p.letters {
            l.title = clean_title(&l.title);
            for f in &mut l.fields {
                f.label = clean_title(&f.label);
            }
        }
    }
}

fn page(pg: &mut Page) {
    pg.title = clean_title(&pg.title);
}

fn clean_opt(s: &mut Option<String>) {
    if let Some(t) = s {
        *t = clean_title(t);
    }
}
