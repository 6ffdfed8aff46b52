//! A programme with no sessions (an imported mdBook is one): its sidebar and overview leave
//! out the session tools (timetable, prompts, prompt cards, materials, evaluation form,
//! action plan, run and sign-in sheets, days, "now and next"), in both editions, while a
//! programme with sessions on the same site keeps every one of them.

mod common;

use common::{Fixture, PROGRAMME, sel, session, texts};
use coursebook::Audience;

const TOOLS: &[&str] = &[
    "timetable.html",
    "prompts.html",
    "prompt-cards.html",
    "materials.html",
    "evaluation.html",
    "action-plan.html",
    "runsheet-day-1.html",
    "signin-day-1.html",
];

fn site() -> Fixture {
    Fixture::new(&[
        // Dated, so that a programme with sessions would get "now and next".
        (
            "content/book/index.md",
            &PROGRAMME.replace("Test programme", "A book"),
        ),
        (
            "content/book/intro.md",
            "---\ntitle: Introduction\n---\nText.\n",
        ),
        (
            "content/book/part/index.md",
            "---\ntitle: Part one\n---\nMore.\n",
        ),
        ("content/course/index.md", PROGRAMME),
        (
            "content/course/day-1/a.md",
            &session("Opening", 1, "before-coffee", "30m"),
        ),
    ])
}

/// The hrefs of `css` on the page, each reduced to its file name.
fn files_linked(doc: &scraper::Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.rsplit('/').next().unwrap_or(h).to_string())
        .collect()
}

#[test]
fn a_programme_without_sessions_shows_no_session_tools() {
    let f = site();
    let d = coursebook::check(f.root(), Audience::Trainer);
    assert_eq!(d.errors() + d.warnings(), 0, "{:?}", d.sorted());
    for audience in [Audience::Trainer, Audience::Participant] {
        let dest = f.root().join(format!("out-{audience:?}"));
        let opts = coursebook::BuildOptions {
            root: f.root().to_path_buf(),
            dest: Some(dest.clone()),
            audience,
            ..Default::default()
        };
        if let Err(d) = coursebook::build(&opts) {
            panic!("build failed: {:?}", d.sorted());
        }
        let html = |rel: &str| {
            scraper::Html::parse_document(&std::fs::read_to_string(dest.join(rel)).unwrap())
        };
        for page in ["book/index.html", "book/intro.html", "book/part/index.html"] {
            let doc = html(page);
            let side = files_linked(&doc, "nav a, aside a");
            let main = files_linked(&doc, "main a");
            for tool in TOOLS {
                assert!(
                    !side.contains(&tool.to_string()) && !main.contains(&tool.to_string()),
                    "{audience:?} {page} links to {tool}"
                );
            }
            assert!(
                doc.select(&sel("#now-bar, .nav-day")).next().is_none(),
                "{page}"
            );
            assert!(
                doc.select(&sel("script[src$='schedule.js']"))
                    .next()
                    .is_none(),
                "{page}"
            );
            // Its pages are still listed.
            assert!(side.contains(&"intro.html".to_string()), "{page}: {side:?}");
        }
        let overview = html("book/index.html");
        assert!(
            overview
                .select(&sel("#glance, #when-where"))
                .next()
                .is_none()
        );
        assert!(
            texts(&overview, ".facts dt")
                .iter()
                .all(|t| t != "Contact time")
        );
        // The handout and the print page stay: they hold the pages.
        let tools = files_linked(&overview, ".tool-links a");
        assert_eq!(tools, ["handout.html", "print.html"], "{audience:?}");

        // The programme with sessions keeps every tool.
        let course = html("course/index.html");
        let side = files_linked(&course, "nav a, aside a");
        let wanted: &[&str] = match audience {
            Audience::Trainer => TOOLS,
            _ => &TOOLS[..6],
        };
        for tool in wanted {
            assert!(
                side.contains(&tool.to_string()),
                "{audience:?} course lacks {tool}"
            );
        }
        assert!(course.select(&sel("#glance, #now-bar")).count() == 2);
        assert!(dest.join("course/schedule.js").is_file());
        assert!(!dest.join("book/schedule.js").exists());
    }
}
