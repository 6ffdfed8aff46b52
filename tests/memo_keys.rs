//! The dev server's memo cannot forget an input: for every field of the model a page shows
//! (session, programme, day, block, page, letter, site), changing it changes the memo key
//! of every page whose bytes it changes. A page whose key stayed the same while its bytes
//! changed would be served stale by `coursebook serve`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use coursebook::Audience;
use coursebook::model::Site;
use coursebook::render::{self, Content, Theme};

/// Every page's bytes and memo key, from a render with an empty memo (which renders every
/// page and records every key).
fn pages(site: &Site, theme: &Theme, audience: Audience) -> BTreeMap<String, (Vec<u8>, u64)> {
    let parts = render::render_parts(site, theme, audience, Some(&render::Memo::new()))
        .unwrap_or_else(|e| panic!("render failed: {e:?}"));
    parts
        .outputs
        .into_iter()
        .filter_map(|o| {
            let key = *parts.memo.get(&o.path)?;
            match o.content {
                Content::Bytes(b) => Some((o.path, (b, key))),
                other => panic!("{} came back as {other:?}", o.path),
            }
        })
        .collect()
}

type Mutation = (&'static str, fn(&mut Site));

fn md(m: &mut Arc<coursebook::content::markdown::Markdown>) {
    Arc::make_mut(m).html.push_str("<p>changed</p>");
}

/// One change per field a page shows; each must change some page's bytes.
const MUTATIONS: &[Mutation] = &[
    ("site title", |s| s.config.title.push_str(" X")),
    ("site description", |s| {
        s.config.description = Some("Changed".into())
    }),
    ("site organisation", |s| {
        s.config.organisation = Some("Changed Org".into())
    }),
    ("site authors", |s| {
        s.config.authors.push("Someone Else".into())
    }),
    ("home body", |s| md(&mut s.home.as_mut().unwrap().md)),
    ("home title", |s| {
        s.home.as_mut().unwrap().title.push_str(" X")
    }),
    ("site page title", |s| s.pages[0].title.push_str(" X")),
    ("site page summary", |s| {
        s.pages[0].summary = Some("Changed".into())
    }),
    ("site page body", |s| md(&mut s.pages[0].md)),
    ("programme title", |s| s.programmes[0].title.push_str(" X")),
    ("programme subtitle", |s| {
        s.programmes[0].subtitle = Some("Changed subtitle".into())
    }),
    ("programme summary", |s| {
        s.programmes[0].summary = Some("Changed summary".into())
    }),
    ("programme audience", |s| {
        s.programmes[0].audience = Some("Changed audience".into())
    }),
    ("programme authors", |s| {
        s.programmes[0].authors.push("Someone Else".into())
    }),
    ("programme prerequisites", |s| {
        s.programmes[0].prerequisites.push("Changed".into())
    }),
    ("programme bring", |s| {
        s.programmes[0].bring.push("Changed".into())
    }),
    ("programme venue", |s| {
        s.programmes[0].venue = Some("Changed venue".into())
    }),
    ("programme participants", |s| {
        s.programmes[0].participants += 1
    }),
    ("session notes' first sentence (run sheets)", |s| {
        Arc::make_mut(&mut s.programmes[0].sessions[0].md).text = "Changed first line.".into()
    }),
    ("programme body", |s| md(&mut s.programmes[0].md)),
    ("day title", |s| {
        s.programmes[0].days[0].title.push_str(" X")
    }),
    ("day date", |s| {
        let d = &mut s.programmes[0].days[0];
        d.date = Some(
            d.date
                .map_or(jiff::civil::date(2030, 1, 1), |x| x.tomorrow().unwrap()),
        );
    }),
    ("block title", |s| {
        for b in &mut s.programmes[0].blocks {
            if let coursebook::model::BlockDef::Block { title, .. } = b {
                title.push_str(" X");
                return;
            }
        }
    }),
    ("break title", |s| {
        use coursebook::model::timetable::{RowKind, Segment};
        let segments = s.programmes[0]
            .timetable
            .days
            .iter_mut()
            .flat_map(|d| &mut d.segments);
        for seg in segments {
            if let Segment::Gap(r) = seg
                && let RowKind::Break(t) = &mut r.kind
            {
                t.push_str(" X");
                return;
            }
        }
    }),
    ("session start", |s| {
        use coursebook::model::timetable::{RowKind, Segment};
        let segments = s.programmes[0]
            .timetable
            .days
            .iter_mut()
            .flat_map(|d| &mut d.segments);
        for seg in segments {
            if let Segment::Block { rows, .. } = seg
                && let Some(r) = rows
                    .iter_mut()
                    .find(|r| matches!(r.kind, RowKind::Session(_)))
            {
                r.start = r.start.plus(1);
                return;
            }
        }
    }),
    ("session title", |s| {
        s.programmes[0].sessions[1].title.push_str(" X")
    }),
    ("session summary", |s| {
        s.programmes[0].sessions[1].summary = Some("Changed".into())
    }),
    ("session format", |s| {
        s.programmes[0].sessions[1].format = Some("changed-format".into())
    }),
    ("session minutes", |s| {
        s.programmes[0].sessions[1].minutes += 1
    }),
    ("session objectives", |s| {
        s.programmes[0].sessions[1]
            .objectives
            .push("Changed".into())
    }),
    ("session prompt text", |s| {
        let s = &mut s.programmes[0].sessions[1];
        s.prompts.push(coursebook::model::Prompt {
            text: "Changed?".into(),
            note: None,
        });
    }),
    ("session prompt note", |s| {
        let sessions = &mut s.programmes[0].sessions;
        let p = sessions
            .iter_mut()
            .flat_map(|s| &mut s.prompts)
            .next()
            .unwrap();
        p.note = Some("Changed note".into());
    }),
    ("session materials", |s| {
        s.programmes[0].sessions[1].materials.push("Changed".into())
    }),
    ("session themes", |s| {
        s.programmes[0].sessions[1]
            .themes
            .push("changed-theme".into())
    }),
    ("session produces", |s| {
        s.programmes[0].sessions[1].produces.push("changed".into())
    }),
    ("session uses", |s| {
        s.programmes[0].sessions[1].uses.push("changed".into())
    }),
    ("session same_as", |s| {
        s.programmes[0].sessions[2].same_as = Some(1)
    }),
    ("session letters", |s| {
        s.programmes[0].sessions[1].letters.push(0)
    }),
    ("session trainer_only", |s| {
        let s = &mut s.programmes[0].sessions[1];
        s.trainer_only = !s.trainer_only;
    }),
    ("session body", |s| md(&mut s.programmes[0].sessions[1].md)),
    ("page title", |s| {
        for x in s.programmes[0].pages.iter_mut().take(1) {
            x.title.push_str(" X");
        }
    }),
    ("page summary", |s| {
        for x in s.programmes[0].pages.iter_mut().take(1) {
            x.summary = Some("Changed".into());
        }
    }),
    ("page trainer_only", |s| {
        for p in s.programmes[0].pages.iter_mut().take(1) {
            p.trainer_only = !p.trainer_only;
        }
    }),
    ("page body", |s| {
        for p in s.programmes[0].pages.iter_mut().take(1) {
            md(&mut p.md);
        }
    }),
    ("letter title", |s| {
        for x in s.programmes[0].letters.iter_mut().take(1) {
            x.title.push_str(" X");
        }
    }),
    ("letter description", |s| {
        for x in s.programmes[0].letters.iter_mut().take(1) {
            x.description = Some("Changed".into());
        }
    }),
    ("letter field label", |s| {
        for f in s.programmes[0]
            .letters
            .iter_mut()
            .flat_map(|l| &mut l.fields)
            .take(1)
        {
            f.label.push_str(" X")
        }
    }),
    ("letter html", |s| {
        for x in s.programmes[0].letters.iter_mut().take(1) {
            x.html.push_str("<p>changed</p>");
        }
    }),
    ("letter trainer_only", |s| {
        for l in s.programmes[0].letters.iter_mut().take(1) {
            l.trainer_only = !l.trainer_only;
        }
    }),
];

/// Inputs of a view the built-in theme does not show (their keys still change).
const NOT_SHOWN: &[&str] = &["site authors"];

#[test]
fn every_input_a_page_shows_changes_its_key() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let theme = Theme::load(root, "default").unwrap_or_else(|e| panic!("{e:?}"));
    let mut stale = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for audience in [Audience::Trainer, Audience::Participant] {
        let (site, diags) = coursebook::load(root, audience);
        let mut site = site.unwrap_or_else(|| panic!("{diags:?}"));
        // The example has no page outside its programme: one of its pages stands in.
        let mut page = site.programmes[0].pages[0].clone();
        page.out = "about.html".into();
        site.pages.push(page);
        let before = pages(&site, &theme, audience);
        for (name, mutate) in MUTATIONS {
            let mut changed = site.clone();
            mutate(&mut changed);
            let after = pages(&changed, &theme, audience);
            for (path, (bytes, key)) in &after {
                let Some((old_bytes, old_key)) = before.get(path) else {
                    continue;
                };
                if bytes != old_bytes {
                    seen.insert(*name);
                    if key == old_key {
                        stale.push(format!("{audience:?}: {name}: {path}"));
                    }
                }
            }
        }
    }
    let unseen: Vec<_> = MUTATIONS
        .iter()
        .map(|m| m.0)
        .filter(|n| !seen.contains(n) && !NOT_SHOWN.contains(n))
        .collect();
    assert!(unseen.is_empty(), "mutations no page showed: {unseen:?}");
    assert!(
        stale.is_empty(),
        "pages whose bytes changed under the same key:\n{}",
        stale.join("\n")
    );
}
