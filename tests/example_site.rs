//! The example programme builds with no warning, and every link in it resolves from file://.

mod common;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use common::*;
use scraper::Html;

fn build_example() -> tempfile::TempDir {
    build_edition(coursebook::Audience::Trainer)
}

fn build_edition(audience: coursebook::Audience) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let opts = coursebook::BuildOptions {
        root: root.to_path_buf(),
        dest: Some(out.path().join("site")),
        audience,
        ..Default::default()
    };
    let report = coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    // Notes are not warnings: the example's days end at 14:45, before `end: "16:30"`, and
    // `check` notes the spare time (shown in its timetable as free time).
    let msgs: Vec<String> = report
        .diagnostics
        .items
        .iter()
        .filter(|d| d.severity != coursebook::diagnostics::Severity::Note)
        .map(|d| d.to_string())
        .collect();
    assert!(
        msgs.is_empty(),
        "the example builds with no warning: {msgs:#?}"
    );
    out
}

fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, base, out);
        } else {
            out.push(
                p.strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}

#[test]
fn every_link_and_anchor_of_the_example_resolves() {
    let out = build_example();
    let site = out.path().join("site");
    let mut files = Vec::new();
    walk(&site, &site, &mut files);
    let set: HashSet<&str> = files.iter().map(String::as_str).collect();
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut docs = Vec::new();
    for f in files.iter().filter(|f| f.ends_with(".html")) {
        let doc = Html::parse_document(&std::fs::read_to_string(site.join(f)).unwrap());
        let page_ids = doc
            .select(&sel("[id]"))
            .filter_map(|e| e.value().attr("id").map(str::to_string))
            .collect();
        ids.insert(f.clone(), page_ids);
        docs.push((f.clone(), doc));
    }
    let mut checked = 0;
    let mut broken = Vec::new();
    for (page, doc) in &docs {
        for el in doc.select(&sel("a[href], link[href], script[src], img[src]")) {
            let url = el
                .value()
                .attr("href")
                .or_else(|| el.value().attr("src"))
                .unwrap();
            if url.starts_with("http:") || url.starts_with("https:") || url.starts_with("mailto:") {
                if el.value().name() != "a" {
                    broken.push(format!("{page}: loads {url} from another host"));
                }
                continue;
            }
            // The 404 page, which a server shows at any depth, also loads its stylesheet
            // and script from the server's root (docs/content-format.md).
            if page == "404.html" && url.starts_with("/theme/") {
                continue;
            }
            assert!(!url.starts_with('/'), "{page}: root-absolute link {url}");
            let (path, frag) = url
                .split_once('#')
                .map_or((url, None), |(p, f)| (p, Some(f)));
            let target = if path.is_empty() {
                page.clone()
            } else {
                resolve(page, path)
            };
            let target = coursebook::util::percent_decode(&target);
            checked += 1;
            if !set.contains(target.as_str()) {
                broken.push(format!("{page}: {url} -> {target} (missing)"));
                continue;
            }
            if let Some(f) = frag.filter(|f| !f.is_empty())
                && !ids.get(&target).is_some_and(|s| s.contains(f))
            {
                broken.push(format!("{page}: {url} -> no #{f} in {target}"));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn example_has_the_whole_programme() {
    let out = build_example();
    let site = out.path().join("site");
    let csv = std::fs::read_to_string(site.join("recording/timetable.csv")).unwrap();
    let sessions = csv.lines().filter(|l| l.contains(",session,")).count();
    assert_eq!(sessions, 18, "all 18 sessions of both days");
    assert_eq!(csv.lines().filter(|l| l.contains(",break,")).count(), 6);
    let home = Html::parse_document(&std::fs::read_to_string(site.join("index.html")).unwrap());
    assert!(texts(&home, ".programme-card h3").contains(&"Recording in Social Work".to_string()));
    assert!(
        texts(&home, ".programme-card")
            .join(" ")
            .contains("1 and 2 March 2027")
    );
    let prompts = Html::parse_document(
        &std::fs::read_to_string(site.join("recording/prompts.html")).unwrap(),
    );
    assert!(texts(&prompts, ".prompts li").len() >= 15);
    // The page's <h1> is the page's own title, never the site name.
    let s = Html::parse_document(
        &std::fs::read_to_string(site.join("recording/day-1/03-case-summaries.html")).unwrap(),
    );
    assert_eq!(texts(&s, "h1"), vec!["Case summaries, in pairs"]);
}

/// The example's participant edition: the timetable, each session's summary, objectives,
/// prompts and what to bring, the handout, and none of the trainers' notes.
#[test]
fn the_example_participant_edition_is_for_participants() {
    let t = build_example();
    let p = build_edition(coursebook::Audience::Participant);
    let read = |dir: &tempfile::TempDir, rel: &str| {
        std::fs::read_to_string(dir.path().join("site").join(rel)).unwrap()
    };
    let session = read(&p, "recording/day-1/03-case-summaries.html");
    let doc = Html::parse_document(&session);
    let main: String = doc.select(&sel("main")).flat_map(|m| m.text()).collect();
    for shown in [
        "Partners swap case summaries",
        "Give and receive feedback",
        "How did it read to you as a family member?",
        "sticky notes",
        "You will swap one of your own case summaries",
    ] {
        assert!(main.contains(shown), "{shown}: {main}");
    }
    // The trainers' body, their note and the prompt's note are not.
    for hidden in [
        "Put people in pairs",
        "Listen for the participant",
        "Watch for anyone",
    ] {
        assert!(!main.contains(hidden), "{hidden}");
        assert!(read(&t, "recording/day-1/03-case-summaries.html").contains(hidden));
    }
    let overview = read(&p, "recording/index.html");
    assert!(overview.contains("What to bring") && overview.contains("When and where"));
    assert!(!overview.contains("These pages are for the trainers"));
    assert!(read(&t, "recording/index.html").contains("These pages are for the trainers"));
    // No letters, no trainers' pages, no run sheets; the handout and timetable are there.
    let site = p.path().join("site/recording");
    assert!(!site.join("letters").exists());
    assert!(!site.join("preparing.html").exists() && !site.join("trainer-checklist.html").exists());
    assert!(!site.join("runsheet-day-1.html").exists());
    assert!(site.join("handout.html").is_file());
    assert_eq!(
        read(&t, "recording/timetable.csv"),
        read(&p, "recording/timetable.csv")
    );
}
