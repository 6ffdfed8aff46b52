//! The pages and files people take away: handout, print, run sheets, the calendar,
//! sitemap and the note about undated days.

mod marked;

use coursebook::Audience;
use marked::{build, read, site};
use scraper::{Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn texts(doc: &Html, s: &str) -> Vec<String> {
    doc.select(&sel(s))
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Unfolded content lines, each as (name with parameters, value).
fn ics_lines(raw: &str) -> Vec<(String, String)> {
    assert!(raw.ends_with("\r\n"));
    for l in raw.split("\r\n") {
        assert!(l.len() <= 75, "line of {} octets: {l}", l.len());
        assert!(!l.contains('\n') && !l.contains('\r'));
    }
    raw.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap_or_else(|| panic!("no colon: {l}"));
            (k.to_string(), v.to_string())
        })
        .collect()
}

fn unescape(v: &str) -> String {
    v.replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

#[derive(Debug, Default)]
struct Event {
    uid: String,
    start: String,
    end: String,
    summary: String,
    location: String,
    description: String,
}

fn events(raw: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut cur: Option<Event> = None;
    for (k, v) in ics_lines(raw) {
        match (k.as_str(), cur.as_mut()) {
            ("BEGIN", None) if v == "VEVENT" => cur = Some(Event::default()),
            ("END", Some(_)) if v == "VEVENT" => out.extend(cur.take()),
            ("UID", Some(e)) => e.uid = v,
            ("DTSTART;TZID=Europe/London", Some(e)) => e.start = v,
            ("DTEND;TZID=Europe/London", Some(e)) => e.end = v,
            ("SUMMARY", Some(e)) => e.summary = unescape(&v),
            ("LOCATION", Some(e)) => e.location = unescape(&v),
            ("DESCRIPTION", Some(e)) => e.description = unescape(&v),
            _ => {}
        }
    }
    out
}

#[test]
fn calendar_parses_back_with_stable_uids() {
    let dir = site(true);
    let out = build(dir.path(), Audience::Participant, false).unwrap();
    let raw = read(&out, "prog/timetable.ics");
    let lines = ics_lines(&raw);
    assert_eq!(lines[0], ("BEGIN".into(), "VCALENDAR".into()));
    assert!(lines.contains(&("TZID".into(), "Europe/London".into())));
    // Day one is in GMT, day two (30 March) in BST: both changes are described.
    assert!(lines.contains(&("BEGIN".into(), "DAYLIGHT".into())));
    assert!(lines.contains(&("TZOFFSETTO".into(), "+0100".into())));
    let ev = events(&raw);
    assert_eq!(ev.len(), 3, "{ev:?}");
    assert_eq!(ev[0].summary, "Introductions");
    assert_eq!(ev[0].start, "20270301T093000");
    assert_eq!(ev[0].end, "20270301T100000");
    assert_eq!(ev[0].location, "Room 1, County Hall; Northshire");
    assert_eq!(
        ev[0].description,
        "Names, hopes and a first look at the programme.\n\nhttps://intranet.example/training/prog/day-1/a-intro.html"
    );
    assert_eq!(ev[2].start, "20270330T093000");
    // Every UID differs: `dedup` alone would only catch neighbours.
    let uids: Vec<&str> = ev.iter().map(|e| e.uid.as_str()).collect();
    let distinct: std::collections::BTreeSet<&str> = uids.iter().copied().collect();
    assert_eq!(distinct.len(), uids.len(), "{uids:?}");
    // Rebuilding gives the same bytes, UIDs included.
    let again = build(dir.path(), Audience::Participant, false).unwrap();
    assert_eq!(read(&again, "prog/timetable.ics"), raw);
    // The UID follows the session's file, not its title or place.
    marked::write(
        dir.path(),
        "content/prog/day-1/b-pairs.md",
        "---\ntitle: Renamed\nday: 1\nblock: after-lunch\nduration: 15m\n---\nx\n",
    );
    let moved = events(&read(
        &build(dir.path(), Audience::Participant, false).unwrap(),
        "prog/timetable.ics",
    ));
    let uid = |evs: &[Event], t: &str| evs.iter().find(|e| e.summary == t).unwrap().uid.clone();
    assert_eq!(uid(&ev, "Case summaries, in pairs"), uid(&moved, "Renamed"));
}

#[test]
fn no_calendar_without_every_date_and_a_note_says_why() {
    let dir = site(false);
    let (site_model, diags) = coursebook::load(dir.path(), Audience::Trainer);
    assert!(site_model.is_some());
    let notes: Vec<_> = diags
        .sorted()
        .into_iter()
        .filter(|d| d.message.contains("timetable.ics"))
        .cloned()
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].severity, coursebook::diagnostics::Severity::Note);
    assert_eq!(notes[0].path, "content/prog/index.md");
    assert!(notes[0].message.contains("Day two"), "{}", notes[0].message);
    let out = build(dir.path(), Audience::Trainer, false).unwrap();
    assert!(!out.join("prog/timetable.ics").exists());
    assert!(!read(&out, "prog/timetable.html").contains("timetable.ics"));
    let dated_site = site(true);
    let dated = build(dated_site.path(), Audience::Trainer, false).unwrap();
    let doc = Html::parse_document(&read(&dated, "prog/timetable.html"));
    assert!(
        doc.select(&sel("a[href='../prog/timetable.ics']"))
            .next()
            .is_some()
    );
}

#[test]
fn handout_has_the_programme_and_sessions_but_no_trainer_note() {
    let dir = site(true);
    // Even the trainer build's handout is for participants.
    let out = build(dir.path(), Audience::Trainer, false).unwrap();
    let html = read(&out, "prog/handout.html");
    let doc = Html::parse_document(&html);
    assert!(texts(&doc, "h1").contains(&"Recording, the course".to_string()));
    assert!(html.contains("Two days on recording"));
    assert!(texts(&doc, "li").contains(&"Bring an example".to_string()));
    let rows = texts(&doc, "table.timetable tbody tr");
    assert!(
        rows[0].starts_with("09:30–10:00 Introductions Large group"),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.contains("Coffee")), "{rows:?}");
    let sessions = texts(&doc, ".handout-session h4");
    assert_eq!(sessions.len(), 3, "{sessions:?}");
    assert!(html.contains("Meet each other"));
    assert!(html.contains("What worries you?"));
    for m in marked::MARKERS {
        assert!(!html.contains(m), "handout holds {m}");
    }
}

#[test]
fn print_has_every_day_in_order_and_run_sheets_one_per_day() {
    let dir = site(true);
    let out = build(dir.path(), Audience::Trainer, false).unwrap();
    let doc = Html::parse_document(&read(&out, "prog/print.html"));
    let days = texts(&doc, "section.print-day > h2");
    assert_eq!(days.len(), 2);
    assert!(days[0].starts_with("Day one"));
    let titles = texts(&doc, ".print-session h3");
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert!(titles[0].starts_with("Introductions"));
    assert!(titles[2].starts_with("Pangolinsession"));
    assert!(titles[3].starts_with("Recap"));
    assert!(
        texts(&doc, ".trainer-only")
            .iter()
            .any(|t| t.contains("Narwhalnote"))
    );

    let tt = Html::parse_document(&read(&out, "prog/timetable.html"));
    assert!(
        tt.select(&sel("a[href='../prog/runsheet-day-1.html']"))
            .next()
            .is_some()
    );
    let rs = Html::parse_document(&read(&out, "prog/runsheet-day-1.html"));
    let rows = texts(&rs, "table.runsheet tbody tr");
    // Times are separate <time> elements (a script may rewrite them when the group runs late).
    assert!(
        rows[0].starts_with("09:30 – 10:00 Introductions 30 min · Large group"),
        "{rows:?}"
    );
    assert!(rows[0].contains("Names, hopes and a first look") && rows[0].contains("name badges"));
    assert!(rows[0].contains("What do you hope for?"));
    // The trainer's notes, their first sentence; a trainer-only session is on the trainer's sheet.
    assert!(rows[0].ends_with("Welcome everyone."), "{rows:?}");
    assert!(rows.iter().any(|r| r.contains("Pangolinsession")));
    assert!(rows.iter().any(|r| r.contains("Coffee")));
    assert_eq!(
        texts(&rs, "table.runsheet thead th")
            .last()
            .map(String::as_str),
        Some("Done")
    );
    assert!(out.join("prog/runsheet-day-2.html").exists());

    // Participants get no run sheets (they are the trainer's).
    let p = build(dir.path(), Audience::Participant, false).unwrap();
    assert!(!p.join("prog/runsheet-day-1.html").exists());
    assert!(!read(&p, "prog/timetable.html").contains("runsheet"));
}

/// The JSON inside a `searchindex.js` file (its first chunk).
fn index_chunk(js: &str) -> serde_json::Value {
    let start = js.find(".push(").unwrap() + ".push(".len();
    let end = js[start..].find(");\n").unwrap() + start;
    serde_json::from_str(&js[start..end]).unwrap()
}

#[test]
fn search_index_covers_sessions_pages_prompts_and_letters() {
    let dir = site(true);
    let out = build(dir.path(), Audience::Trainer, false).unwrap();
    let root = index_chunk(&read(&out, "searchindex.js"));
    assert_eq!(root["shards"], serde_json::json!(["prog/searchindex.js"]));
    let home = coursebook::render::search::read(&read(&out, "searchindex.js")).unwrap();
    assert_eq!(home[0].title, "Welcome");
    let docs = coursebook::render::search::read(&read(&out, "prog/searchindex.js")).unwrap();
    let find = |t: &str| {
        docs.iter()
            .find(|d| d.title == t)
            .unwrap_or_else(|| panic!("{t} not indexed"))
    };
    let s = find("Case summaries, in pairs");
    assert_eq!(s.url, "prog/day-1/b-pairs.html");
    assert_eq!(s.when, "Day 1, 10:15");
    assert!(
        s.body.starts_with("Partners swap summaries.\n"),
        "{}",
        s.body
    );
    assert_eq!(
        find("How did it read?").url,
        "prog/day-1/b-pairs.html#session-prompts"
    );
    assert_eq!(find("Invitation").when, "Letter");
    assert_eq!(
        find("Quokkatitle Trainer Page").url,
        "prog/trainer-notes.html"
    );
    // Every page a tag loads is a file next to the pages: nothing from another host.
    let page = Html::parse_document(&read(&out, "prog/day-1/b-pairs.html"));
    let scripts: Vec<&str> = page
        .select(&sel("script"))
        .filter_map(|e| e.value().attr("src"))
        .collect();
    assert!(scripts.contains(&"../../theme/search.js"), "{scripts:?}");
    assert!(page.select(&sel("script:not([src])")).next().is_none());
    assert!(
        page.select(&sel("header input[type=search]"))
            .next()
            .is_some()
    );
}

#[test]
fn sitemap_lists_every_page_with_absolute_urls() {
    let dir = site(true);
    let out = build(dir.path(), Audience::Participant, false).unwrap();
    let xml = read(&out, "sitemap.xml");
    assert!(xml.contains("<loc>https://intranet.example/training/index.html</loc>"));
    assert!(xml.contains("<loc>https://intranet.example/training/prog/day-1/a-intro.html</loc>"));
    assert!(!xml.contains("404.html"));
    let n = xml.matches("<url>").count();
    let pages = marked::files(&out)
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .count();
    assert_eq!(n, pages - 1);
    // Without site-url, no sitemap.
    let toml = std::fs::read_to_string(dir.path().join("book.toml")).unwrap();
    marked::write(
        dir.path(),
        "book.toml",
        &toml.replace("site-url = \"https://intranet.example/training/\"\n", ""),
    );
    let out = build(dir.path(), Audience::Participant, false).unwrap();
    assert!(!out.join("sitemap.xml").exists());
}
