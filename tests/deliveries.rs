//! Deliveries: one programme run many times, each run with its own dates, venue and plan.
//! The timetables of a two-day run with a later start and of a four-half-day run, row by
//! row; their calendars; the checks at their lines; the participant edition; the lists.

mod common;
mod delivery_programme;
use common::*;
use delivery_programme::programme as fixture;

const SPRING: &str = "---\ntitle: Spring run\nvenue: Riverside Centre\ndays:\n  - { date: 2027-04-12, start: \"10:00\" }\n  - { date: 2027-04-13 }\ntrainers:\n  - { name: Sam Lee, role: lead }\n  - Ann Other\nparticipants: 12\n---\nPark behind the library; the entrance on Mill Lane is step-free.\n";

const HALVES: &str = "---\nvenue: Online\ndays:\n  - { date: 2027-05-03, blocks: [\"1:before-coffee\", \"1:after-coffee\"] }\n  - { date: 2027-05-04, start: \"13:30\", blocks: [\"1:after-lunch\", \"1:after-tea\"] }\n  - { date: 2027-05-10, blocks: [\"2:before-coffee\"] }\n  - { date: 2027-05-11, blocks: [\"2:after-lunch\"] }\ntrainers: [Kim Park]\n---\nJoin ten minutes early.\n";

fn two() -> Fixture {
    fixture(&[
        ("content/p/deliveries/spring.md", SPRING),
        ("content/p/deliveries/halves.md", HALVES),
    ])
}

/// Rows of a CSV, each row's cells joined by `,` (no cell here holds one).
fn csv_lines(text: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "day", "date", "start", "end", "minutes", "kind", "title", "block", "format", "page"
        ]
    );
    r.records()
        .map(|x| x.unwrap().iter().collect::<Vec<_>>().join(","))
        .collect()
}

#[test]
fn a_two_day_run_with_a_later_start_row_by_row() {
    let f = two();
    f.build();
    assert_eq!(
        csv_lines(&f.read("p/deliveries/spring/timetable.csv")),
        [
            "1,2027-04-12,10:00,11:00,60,session,Alpha,before-coffee,,p/a.html",
            "1,2027-04-12,11:00,11:15,15,break,Coffee,,,",
            "1,2027-04-12,11:15,12:15,60,session,Beta,after-coffee,,p/b.html",
            "1,2027-04-12,12:15,13:00,45,break,Lunch,,,",
            "1,2027-04-12,13:00,14:00,60,session,Gamma,after-lunch,,p/c.html",
            "1,2027-04-12,14:00,14:15,15,break,Tea,,,",
            "1,2027-04-12,14:15,14:45,30,session,Delta,after-tea,,p/d.html",
            "1,2027-04-12,14:45,16:30,105,free,Free time,,,",
            "2,2027-04-13,09:30,10:15,45,session,Epsilon,before-coffee,,p/e.html",
            "2,2027-04-13,10:15,10:30,15,break,Coffee,,,",
            "2,2027-04-13,10:30,11:15,45,break,Lunch,,,",
            "2,2027-04-13,11:15,12:15,60,session,Zeta,after-lunch,,p/f.html",
            "2,2027-04-13,12:15,16:30,255,free,Free time,,,",
        ]
    );
}

#[test]
fn a_four_half_day_run_row_by_row() {
    let f = two();
    f.build();
    assert_eq!(
        csv_lines(&f.read("p/deliveries/halves/timetable.csv")),
        [
            "1,2027-05-03,09:30,10:30,60,session,Alpha,before-coffee,,p/a.html",
            "1,2027-05-03,10:30,10:45,15,break,Coffee,,,",
            "1,2027-05-03,10:45,11:45,60,session,Beta,after-coffee,,p/b.html",
            "2,2027-05-04,13:30,14:30,60,session,Gamma,after-lunch,,p/c.html",
            "2,2027-05-04,14:30,14:45,15,break,Tea,,,",
            "2,2027-05-04,14:45,15:15,30,session,Delta,after-tea,,p/d.html",
            "3,2027-05-10,09:30,10:15,45,session,Epsilon,before-coffee,,p/e.html",
            "4,2027-05-11,09:30,10:30,60,session,Zeta,after-lunch,,p/f.html",
        ],
        "no Lunch between half-days; a day of its own blocks has no end but its own"
    );
}

/// The events of a calendar: each VEVENT's properties, after checking the structure.
fn events(raw: &str) -> Vec<std::collections::HashMap<String, String>> {
    assert!(raw.starts_with("BEGIN:VCALENDAR\r\n") && raw.ends_with("END:VCALENDAR\r\n"));
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut cur = std::collections::HashMap::new();
    for l in raw
        .replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
    {
        assert!(l.len() <= 75 || !raw.contains(l), "folded lines");
        let (k, v) = l.split_once(':').unwrap_or_else(|| panic!("no colon: {l}"));
        match k {
            "BEGIN" => stack.push(v.to_string()),
            "END" => {
                assert_eq!(stack.pop().as_deref(), Some(v), "END:{v} closes what began");
                if v == "VEVENT" {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ if stack.last().map(String::as_str) == Some("VEVENT") => {
                cur.insert(k.split(';').next().unwrap().to_string(), v.to_string());
                cur.insert(k.to_string(), v.to_string());
            }
            _ => {}
        }
    }
    assert!(stack.is_empty());
    out
}

#[test]
fn calendars_parse_with_their_own_stable_uids() {
    let f = two();
    f.build();
    let spring = f.read("p/deliveries/spring/timetable.ics");
    let halves = f.read("p/deliveries/halves/timetable.ics");
    let own = f.read("p/timetable.ics");
    assert!(spring.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London"));
    let (s, h, o) = (events(&spring), events(&halves), events(&own));
    assert_eq!((s.len(), h.len(), o.len()), (6, 6, 6));
    let first = &s[0];
    assert_eq!(first["DTSTART;TZID=Europe/London"], "20270412T100000");
    assert_eq!(first["DTEND;TZID=Europe/London"], "20270412T110000");
    assert_eq!(first["SUMMARY"], "Alpha");
    assert_eq!(first["LOCATION"], "Riverside Centre");
    assert_eq!(h[3]["DTSTART;TZID=Europe/London"], "20270504T144500");
    assert_eq!(h[3]["LOCATION"], "Online");
    let uids: std::collections::HashSet<&String> =
        s.iter().chain(&h).chain(&o).map(|e| &e["UID"]).collect();
    assert_eq!(
        uids.len(),
        18,
        "no UID shared between deliveries or with the programme"
    );
    f.build();
    assert_eq!(
        f.read("p/deliveries/spring/timetable.ics"),
        spring,
        "stable between builds"
    );
    assert_eq!(f.read("p/deliveries/halves/timetable.ics"), halves);
}

#[test]
fn a_delivery_page_shows_its_facts_joining_details_and_timetable() {
    let f = two();
    f.build();
    let page = "p/deliveries/spring/index.html";
    let doc = f.html(page);
    assert_eq!(texts(&doc, "h1"), ["Spring run"]);
    let facts = texts(&doc, "dl.facts dd");
    assert!(
        facts.contains(&"12 and 13 April 2027".to_string()),
        "{facts:?}"
    );
    assert!(facts.contains(&"Riverside Centre".to_string()));
    assert_eq!(
        texts(&doc, "ul.trainers li"),
        ["Sam Lee, lead", "Ann Other"]
    );
    assert_eq!(
        texts(&doc, ".joining p"),
        ["Park behind the library; the entrance on Mill Lane is step-free."]
    );
    let first = texts(&doc, "#day-1 tbody tr:not(.block-heading)");
    assert!(first[0].starts_with("10:00–11:00 Alpha"), "{first:?}");
    assert!(texts(&doc, "#day-1-h")[0].contains("Monday 12 April 2027"));
    let links: Vec<String> = doc
        .select(&sel("table.timetable a"))
        .map(|a| resolve(page, a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(
        links,
        [
            "p/a.html", "p/b.html", "p/c.html", "p/d.html", "p/e.html", "p/f.html"
        ]
    );
    for l in &links {
        assert!(f.site().join(l).exists());
    }
    let title = texts(&f.html("p/deliveries/halves/index.html"), "h1");
    assert_eq!(
        title,
        ["3, 4, 10 and 11 May 2027, Online"],
        "the default title: dates and venue"
    );
}

#[test]
fn the_overview_home_and_sidebar_list_deliveries_by_date() {
    let f = two();
    f.build();
    let doc = f.html("p/index.html");
    let items: Vec<(String, String)> = doc
        .select(&sel("ul.deliveries[data-deliveries=mark] li"))
        .map(|li| {
            let a = li.select(&sel("a")).next().unwrap();
            (
                resolve("p/index.html", a.value().attr("href").unwrap()),
                li.value().attr("data-last").unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("p/timetable.html".to_string(), "2027-03-02".to_string()),
            ("p/deliveries/spring/index.html".into(), "2027-04-13".into()),
            ("p/deliveries/halves/index.html".into(), "2027-05-11".into()),
        ],
        "the programme's own dates are one more run, on its own timetable"
    );
    assert!(f.read("p/index.html").contains("theme/deliveries.js"));
    let home = f.html("index.html");
    let hrefs: Vec<String> = home
        .select(&sel("ul.deliveries[data-deliveries=hide] li a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        hrefs,
        [
            "p/timetable.html",
            "p/deliveries/spring/index.html",
            "p/deliveries/halves/index.html"
        ]
    );
    let nav = texts(&f.html("p/a.html"), "nav .nav-tools a");
    assert!(nav.contains(&"Deliveries".to_string()), "{nav:?}");
}

#[test]
fn a_programme_without_deliveries_is_as_before() {
    let plain = fixture(&[]);
    plain.build();
    let with = two();
    with.build();
    // The programme's own timetable files do not change when deliveries are added.
    assert_eq!(plain.read("p/timetable.csv"), with.read("p/timetable.csv"));
    let ics = |f: &Fixture| {
        f.read("p/timetable.ics")
            .lines()
            .filter(|l| !l.starts_with("SEQUENCE") && !l.starts_with("DTSTAMP"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(ics(&plain), ics(&with));
    // And nothing of deliveries reaches its pages.
    for page in ["index.html", "p/index.html", "p/a.html", "p/timetable.html"] {
        let html = plain.read(page);
        assert!(!html.contains("deliveries"), "{page} mentions deliveries");
    }
    assert!(!plain.site().join("p/deliveries").exists());
    // Built twice, the same bytes.
    let before = plain.read("p/index.html");
    plain.build();
    assert_eq!(before, plain.read("p/index.html"));
}

#[test]
fn a_trainer_only_delivery_is_left_out_of_the_participant_edition() {
    let secret = "---\ntitle: Closed cohort for the fostering team\naudience: trainer\nvenue: Hidden Annexe Room\ndays:\n  - { date: 2027-06-01 }\n  - { date: 2027-06-02 }\n---\nThe keypad code for the annexe door is nine four seven two.\n";
    let open = "---\ndays:\n  - { date: 2027-07-01 }\n  - { date: 2027-07-02 }\n---\nMeet in the lobby.\n\n> [!TRAINER]\n> The key safe by the fire door opens with the usual code.\n";
    let f = fixture(&[
        ("content/p/deliveries/spring.md", SPRING),
        ("content/p/deliveries/closed.md", secret),
        ("content/p/deliveries/open.md", open),
    ]);
    f.build();
    assert!(
        f.site().join("p/deliveries/closed/index.html").exists(),
        "trainers see it"
    );
    assert!(
        f.read("p/deliveries/open/index.html")
            .contains("key safe by the fire door")
    );
    let opts = coursebook::BuildOptions {
        root: f.root().to_path_buf(),
        audience: coursebook::Audience::Participant,
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    assert!(!f.site().join("p/deliveries/closed").exists());
    assert!(f.site().join("p/deliveries/spring/index.html").exists());
    assert!(
        f.read("p/deliveries/open/index.html")
            .contains("Meet in the lobby.")
    );
    for e in walk(&f.site()) {
        let text = String::from_utf8_lossy(&std::fs::read(&e).unwrap()).to_string();
        for word in [
            "keypad code",
            "Hidden Annexe",
            "Closed cohort",
            "deliveries/closed",
            "key safe",
        ] {
            assert!(!text.contains(word), "{} holds {word}", e.display());
        }
    }
    // What it says is kept as trainer-only fragments, for the leak scan of every output.
    let (site, _) = coursebook::load(f.root(), coursebook::Audience::Participant);
    let site = site.expect("loads");
    let frags: Vec<&str> = site
        .trainer_fragments
        .iter()
        .filter(|x| x.src.ends_with("deliveries/closed.md"))
        .map(|x| x.text.as_str())
        .collect();
    for want in ["Closed cohort for the fostering team", "Hidden Annexe Room"] {
        assert!(frags.contains(&want), "{frags:?}");
    }
    assert!(frags.iter().any(|t| t.contains("keypad code")), "{frags:?}");
    assert!(site.trainer_only.contains("p/deliveries/closed/index.html"));
    assert_eq!(
        site.programmes[0].deliveries.len(),
        2,
        "not listed for participants"
    );
    assert!(
        site.trainer_fragments
            .iter()
            .any(|x| x.src.ends_with("open.md") && x.text.contains("key safe"))
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Diagnostics of `coursebook check` on the fixture, as printed lines.
fn check(f: &Fixture) -> String {
    let out = f.run(&["check"]);
    String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout)
}

#[test]
fn plan_checks_point_at_their_lines() {
    let bad = "---\ndays:\n  - { date: 2027-04-12, blocks: [\"1:before-coffee\", \"1:after-cofee\", \"1:before-coffee\"] }\n  - { date: 2027-04-11, blocks: [\"2:nowhere\"] }\n  - { date: 12 April }\n---\n";
    let f = fixture(&[("content/p/deliveries/bad.md", bad)]);
    let out = check(&f);
    let at = "content/p/deliveries/bad.md";
    for want in [
        format!("{at}:3:53: error: unknown block `1:after-cofee`"),
        format!("{at}:3:70: error: block `1:before-coffee` is placed twice"),
        format!("{at}:4:5: error: day 2's date 2027-04-11 is not after day 1's"),
        format!("{at}:4:5: warning: delivery day 2 has no sessions"),
        format!("{at}:5:13: error: `date` is `12 April`, not a date"),
    ] {
        assert!(out.contains(&want), "missing {want:?} in\n{out}");
    }
    assert!(out.contains("did you mean `1:after-coffee`?"), "{out}");
    assert!(
        out.contains(&format!("{at}:3:3: error: the plan never places block(s) 1:after-coffee, 1:after-lunch, 1:after-tea, 2:after-lunch, 2:before-coffee")),
        "{out}"
    );
}

#[test]
fn never_placed_late_ends_and_double_bookings_are_reported() {
    let partial = "---\ndays:\n  - { date: 2027-04-12, end: \"12:00\", blocks: [\"1:before-coffee\", \"1:after-coffee\", \"1:after-lunch\"] }\ntrainers: [Sam Lee]\n---\n";
    let f = fixture(&[
        ("content/p/deliveries/spring.md", SPRING),
        ("content/p/deliveries/partial.md", partial),
    ]);
    let out = check(&f);
    let at = "content/p/deliveries/partial.md";
    assert!(
        out.contains(&format!("{at}:3:3: error: the plan never places block(s) 1:after-tea, 2:after-lunch, 2:before-coffee")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{at}:3:30: warning: delivery day 1 runs 90 min past its end at 12:00: its last session finishes at 13:30")),
        "{out}"
    );
    // Sam Lee runs spring on 12 April and partial the same day.
    assert!(
        out.contains("warning: Sam Lee is booked on 2027-04-12 by content/p/deliveries/")
            && out.contains("too"),
        "{out}"
    );
}

#[test]
fn an_unsafe_delivery_id_is_refused() {
    let f = fixture(&[("content/p/deliveries/spring run!.md", SPRING)]);
    let out = check(&f);
    assert!(
        out.contains("content/p/deliveries/spring run!.md:1:1: error: the delivery id `spring run!` (its file name) is not a safe folder name"),
        "{out}"
    );
    assert!(out.contains("spring-run"), "{out}");
}

#[test]
fn trainers_lead_days_and_blocks_the_delivery_has() {
    let d = "---\ndays:\n  - { date: 2027-04-20 }\n  - { date: 2027-04-21 }\ntrainers:\n  - { name: Sam Lee, blocks: [\"2:after-lunch\"] }\n  - { name: Ann Other, days: [3] }\n  - { name: Kim Park, blocks: [\"1:after-lunhc\"] }\n---\n";
    let f = fixture(&[
        ("content/p/deliveries/a.md", d),
        // Sam Lee runs another delivery on the 20th: no clash, Sam leads only day 2 above.
        (
            "content/p/deliveries/b.md",
            "---\ndays:\n  - { date: 2027-04-20 }\n  - { date: 2027-04-22 }\ntrainers: [Sam Lee]\n---\n",
        ),
    ]);
    let out = check(&f);
    let at = "content/p/deliveries/a.md";
    assert!(
        out.contains(&format!(
            "{at}:7:5: error: Ann Other leads day 3, but the delivery has 2 day(s)"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("{at}:8:5: error: Kim Park leads block `1:after-lunhc`, which this delivery does not run")),
        "{out}"
    );
    assert!(out.contains("did you mean `1:after-lunch`?"), "{out}");
    assert!(!out.contains("is booked on"), "{out}");
}

/// Every file of the build, by site-relative path; a calendar without the lines that carry
/// the newest modification time (`SEQUENCE`, `DTSTAMP`), which a new file raises.
fn snapshot(f: &Fixture) -> std::collections::BTreeMap<String, Vec<u8>> {
    walk(&f.site())
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(f.site())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let mut bytes = std::fs::read(&p).unwrap();
            if rel.ends_with(".ics") {
                let text = String::from_utf8(bytes).unwrap();
                bytes = text
                    .split("\r\n")
                    .filter(|l| !l.starts_with("SEQUENCE:") && !l.starts_with("DTSTAMP:"))
                    .collect::<Vec<_>>()
                    .join("\r\n")
                    .into_bytes();
            }
            (rel, bytes)
        })
        .collect()
}

#[test]
fn a_delivery_participants_never_see_leaves_every_file_as_without_it() {
    let f = fixture(&[]);
    let opts = coursebook::BuildOptions {
        root: f.root().to_path_buf(),
        audience: coursebook::Audience::Participant,
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    let before = snapshot(&f);
    f.write(
        "content/p/deliveries/closed.md",
        "---\naudience: trainer\ndays:\n  - { date: 2027-06-01 }\n  - { date: 2027-06-02 }\n---\nPrivate.\n",
    );
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    let after = snapshot(&f);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "{path} changed");
    }
}
