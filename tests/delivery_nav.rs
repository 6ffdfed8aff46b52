//! A delivery's pages have the delivery's days in their sidebar (its dates and its own start
//! times, its run and sign-in sheets), not the programme's; and a participant build does not
//! warn that a letter's `delivery.*` has no delivery when the programme's only delivery is
//! trainer-only (the trainer build has it).

mod common;

use common::{Fixture, sel, texts};

const INDEX: &str = "---\ntitle: Prog\ndays:\n  - { title: Day one, date: 2027-03-01 }\n  - { title: Day two, date: 2027-03-02 }\n---\nAbout.\n";

/// Three delivery days: day one's blocks split over two dates, day two's on a third,
/// starting at ten.
const RUN: &str = "---\ntitle: Autumn run\ndays:\n  - { date: 2027-10-04, start: \"10:00\", blocks: [\"1:before-coffee\"] }\n  - { date: 2027-10-06, blocks: [\"1:after-lunch\"] }\n  - { date: 2027-10-11, blocks: [\"2:before-coffee\"] }\n---\nJoin early.\n";

fn site(extra: &[(&str, &str)]) -> Fixture {
    let a = common::session("Alpha", 1, "before-coffee", "30 min");
    let b = common::session("Beta", 1, "after-lunch", "30 min");
    let c = common::session("Gamma", 2, "before-coffee", "30 min");
    let mut files = vec![
        ("content/p/index.md", INDEX),
        ("content/p/01-a.md", a.as_str()),
        ("content/p/02-b.md", b.as_str()),
        ("content/p/03-c.md", c.as_str()),
    ];
    files.extend_from_slice(extra);
    Fixture::new(&files)
}

#[test]
fn a_delivery_page_lists_the_delivery_days_and_times() {
    let f = site(&[("content/p/deliveries/autumn.md", RUN)]);
    f.build();
    let dates = [
        "Monday 4 October 2027",
        "Wednesday 6 October 2027",
        "Monday 11 October 2027",
    ];
    for page in [
        "p/deliveries/autumn/index.html",
        "p/deliveries/autumn/runsheet-day-2.html",
        "p/deliveries/autumn/signin-day-3.html",
    ] {
        let doc = f.html(page);
        assert_eq!(texts(&doc, ".nav-day > h2"), dates, "{page}");
        let dated: Vec<(String, String, String)> = doc
            .select(&sel(".nav-sessions li"))
            .map(|li| {
                let time = li.select(&sel(".nav-time")).next().unwrap();
                (
                    li.value().attr("data-date").unwrap_or("").to_string(),
                    time.text().collect(),
                    li.text().collect::<String>().trim().to_string(),
                )
            })
            .collect();
        assert_eq!(
            dated,
            [
                ("2027-10-04", "10:00", "10:00 Alpha"),
                ("2027-10-06", "09:30", "09:30 Beta"),
                ("2027-10-11", "09:30", "09:30 Gamma"),
            ]
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())),
            "{page}"
        );
        let sheets: Vec<String> = doc
            .select(&sel(".nav-runsheets a, .nav-signin a"))
            .map(|a| common::resolve(page, a.value().attr("href").unwrap()))
            .collect();
        assert_eq!(
            sheets,
            [
                "p/deliveries/autumn/runsheet-day-1.html",
                "p/deliveries/autumn/runsheet-day-2.html",
                "p/deliveries/autumn/runsheet-day-3.html",
                "p/deliveries/autumn/signin-day-1.html",
                "p/deliveries/autumn/signin-day-2.html",
                "p/deliveries/autumn/signin-day-3.html",
            ],
            "{page}"
        );
    }
    // The page's own sheet is marked as the current page.
    let doc = f.html("p/deliveries/autumn/runsheet-day-2.html");
    let current: Vec<_> = doc
        .select(&sel("a[aria-current=page]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(current.len(), 1, "{current:?}");
    assert!(current[0].ends_with("runsheet-day-2.html"), "{current:?}");
    // The programme's own pages keep the programme's days.
    let doc = f.html("p/timetable.html");
    assert_eq!(texts(&doc, ".nav-day > h2"), ["Day one", "Day two"]);
    let times = texts(&doc, ".nav-sessions .nav-time");
    assert_eq!(times.first().map(String::as_str), Some("09:30"));
}

#[test]
fn a_long_programme_links_a_delivery_day_to_the_delivery_page() {
    // More than 40 sessions: a page lists only its own day's sessions.
    let mut files: Vec<(String, String)> = Vec::new();
    for i in 0..42 {
        let day = if i < 21 { 1 } else { 2 };
        files.push((
            format!("content/p/{i:02}-s.md"),
            common::session(&format!("S{i}"), day, "before-coffee", "5 min"),
        ));
    }
    let run = "---\ntitle: Run\ndays:\n  - { date: 2027-10-04 }\n  - { date: 2027-10-05 }\n---\n";
    files.push(("content/p/deliveries/run.md".into(), run.into()));
    files.push(("content/p/index.md".into(), INDEX.into()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = Fixture::new(&refs);
    f.build();
    let page = "p/deliveries/run/runsheet-day-2.html";
    let doc = f.html(page);
    // Its own day in full, the other a link to that day on the delivery's page.
    let day_links: Vec<String> = doc
        .select(&sel(".nav-day > h2 a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(day_links.len(), 1, "{day_links:?}");
    assert!(
        day_links[0].ends_with("deliveries/run/index.html#day-1"),
        "{day_links:?}"
    );
    let listed = texts(&doc, ".nav-sessions a");
    assert_eq!(listed.len(), 21, "{listed:?}");
    assert!(listed.iter().all(|s| !s.ends_with("S0")), "{listed:?}");
}

#[test]
fn a_participant_build_does_not_warn_for_a_trainer_only_delivery() {
    let letter = "---\ntitle: Invitation\n---\nYou are booked on {{ delivery.title }} with {{ delivery.trainers }}.\n";
    let hidden = "---\ntitle: Closed run\naudience: trainer\ndays:\n  - { date: 2027-10-04 }\n  - { date: 2027-10-05 }\ntrainers:\n  - Sam\n---\n";
    let f = site(&[
        ("content/p/letters/invite.md", letter),
        ("content/p/deliveries/closed.md", hidden),
    ]);
    let said = |audience: &str| {
        let out = f.run(&["check", "--audience", audience]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    for audience in ["trainer", "participant"] {
        let s = said(audience);
        assert!(!s.contains("has no deliveries"), "{audience}: {s}");
    }
    // Without any delivery, both warn.
    std::fs::remove_file(f.root().join("content/p/deliveries/closed.md")).unwrap();
    for audience in ["trainer", "participant"] {
        let s = said(audience);
        assert!(
            s.contains("`{{ delivery.title }}` has no value: the programme has no deliveries"),
            "{audience}: {s}"
        );
    }
}
