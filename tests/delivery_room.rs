//! A delivery's room papers and clock: a run sheet and a sign-in sheet per delivery day
//! with that delivery's dates, times, venue and trainers; its own `schedule.js` and the
//! now/next contract on its page; session pages linking to each delivery's times; delivery
//! pages in search; the participant edition.

mod common;
mod delivery_programme;
use common::*;
use delivery_programme::programme as fixture;

const SPRING: &str = "---\ntitle: Spring run\nvenue: Riverside Centre\ndays:\n  - { date: 2027-04-12, start: \"10:00\" }\n  - { date: 2027-04-13 }\ntrainers:\n  - { name: Sam Lee, role: lead }\n  - { name: Ann Other, days: [2] }\nparticipants: 12\n---\nPark behind the library; the entrance on Mill Lane is step-free.\n";

const HALVES: &str = "---\ntitle: Half days\nvenue: Online\ntimezone: America/New_York\ndays:\n  - { date: 2027-05-03, blocks: [\"1:before-coffee\", \"1:after-coffee\"] }\n  - { date: 2027-05-04, start: \"13:30\", blocks: [\"1:after-lunch\", \"1:after-tea\"] }\n  - { date: 2027-05-10, blocks: [\"2:before-coffee\"] }\n  - { date: 2027-05-11, blocks: [\"2:after-lunch\"] }\ntrainers:\n  - Kim Park\n  - { name: Lou Reed, blocks: [\"1:after-tea\"] }\n---\nJoin ten minutes early.\n\n> [!TRAINER]\n> The host key is in the shared drive's folder.\n";

fn two() -> Fixture {
    fixture(&[
        ("content/p/deliveries/spring.md", SPRING),
        ("content/p/deliveries/halves.md", HALVES),
    ])
}

fn participant(f: &Fixture) {
    let opts = coursebook::BuildOptions {
        root: f.root().to_path_buf(),
        audience: coursebook::Audience::Participant,
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
}

/// A table's rows as "start-end", from the rows' data attributes.
fn rows(doc: &scraper::Html, table: &str) -> Vec<String> {
    doc.select(&sel(&format!("{table} tr[data-start]")))
        .map(|tr| {
            let v = tr.value();
            format!(
                "{}-{}",
                v.attr("data-start").unwrap(),
                v.attr("data-end").unwrap()
            )
        })
        .collect()
}

#[test]
fn a_half_day_delivery_has_a_run_sheet_per_day_with_its_own_dates_and_times() {
    let f = two();
    f.build();
    for n in 1..=4 {
        assert!(
            f.site()
                .join(format!("p/deliveries/halves/runsheet-day-{n}.html"))
                .exists()
        );
        assert!(
            f.site()
                .join(format!("p/deliveries/halves/signin-day-{n}.html"))
                .exists()
        );
    }
    assert!(
        !f.site()
            .join("p/deliveries/halves/runsheet-day-5.html")
            .exists()
    );
    let doc = f.html("p/deliveries/halves/runsheet-day-2.html");
    assert_eq!(texts(&doc, "h1 .date"), ["Tuesday 4 May 2027"]);
    let table = doc.select(&sel("table.runsheet")).next().unwrap();
    assert_eq!(table.value().attr("data-date"), Some("2027-05-04"));
    let times: Vec<String> = doc
        .select(&sel("table.runsheet tr[data-start]"))
        .map(|tr| {
            let t: Vec<String> = tr
                .select(&sel("time"))
                .map(|t| t.text().collect::<String>())
                .collect();
            let datetimes: Vec<&str> = tr
                .select(&sel("time"))
                .filter_map(|t| t.value().attr("datetime"))
                .collect();
            assert!(datetimes.iter().all(|d| d.starts_with("2027-05-04T")));
            t.join("-")
        })
        .collect();
    assert_eq!(times, ["13:30-14:30", "14:30-14:45", "14:45-15:15"]);
    let names = texts(&doc, "table.runsheet th[scope=row]");
    assert!(names[0].starts_with("Gamma") && names[1].starts_with("Tea"));
    assert!(names[2].starts_with("Delta"), "{names:?}");
    let meta = texts(&doc, ".runsheet-meta").join(" ");
    assert_eq!(
        meta,
        "Recording · Half days · Online · 13:30–15:15 · Trainers: Kim Park, Lou Reed"
    );
    // Lou leads only programme day 1's after-tea block: the second half-day.
    let day1 = texts(
        &f.html("p/deliveries/halves/runsheet-day-1.html"),
        ".runsheet-meta",
    );
    assert!(day1[0].ends_with("Trainers: Kim Park"), "{day1:?}");
    assert!(day1[0].contains("09:30–11:45"), "{day1:?}");
}

#[test]
fn sign_in_sheets_have_the_deliverys_date_venue_and_number_of_rows() {
    let f = two();
    f.build();
    let doc = f.html("p/deliveries/spring/signin-day-2.html");
    let head = texts(&doc, ".signin-day").join("");
    assert_eq!(
        head,
        "Spring run · Day 2, Tuesday 13 April 2027 · 09:30–16:30 · Riverside Centre · Trainers: Sam Lee (lead), Ann Other"
    );
    assert_eq!(doc.select(&sel("table.signin tbody tr")).count(), 12);
    let day1 = f.html("p/deliveries/spring/signin-day-1.html");
    assert!(texts(&day1, ".signin-day")[0].contains("10:00–16:30"));
    assert!(texts(&day1, ".signin-day")[0].ends_with("Trainers: Sam Lee (lead)"));
    // The half-day run says no number: the programme's default.
    let halves = f.html("p/deliveries/halves/signin-day-3.html");
    assert_eq!(halves.select(&sel("table.signin tbody tr")).count(), 20);
    // The programme's own sheets are as before.
    let own = texts(&f.html("p/signin-day-1.html"), ".signin-day").join("");
    assert!(own.ends_with("County Hall"), "{own}");
}

#[test]
fn the_delivery_page_links_its_papers_and_carries_the_now_next_contract() {
    let f = two();
    f.build();
    let page = "p/deliveries/halves/index.html";
    let doc = f.html(page);
    let links: Vec<String> = doc
        .select(&sel(".runsheet-link a"))
        .map(|a| resolve(page, a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(links.len(), 8);
    for l in &links {
        assert!(f.site().join(l).exists(), "{l}");
    }
    let dates: Vec<&str> = doc
        .select(&sel("table.timetable"))
        .filter_map(|t| t.value().attr("data-date"))
        .collect();
    assert_eq!(
        dates,
        ["2027-05-03", "2027-05-04", "2027-05-10", "2027-05-11"]
    );
    assert_eq!(doc.select(&sel(".late-control[data-date]")).count(), 4);
    assert_eq!(
        doc.select(&sel("table.timetable tr[data-start] time.t-start"))
            .count(),
        doc.select(&sel("table.timetable tr[data-start] time.t-end"))
            .count()
    );
    assert_eq!(
        rows(&doc, "table[data-date=\"2027-05-04\"]"),
        ["13:30-14:30", "14:30-14:45", "14:45-15:15"]
    );
    // Its own schedule, not the programme's.
    let scripts: Vec<&str> = doc
        .select(&sel("script[src]"))
        .filter_map(|s| s.value().attr("src"))
        .collect();
    assert!(
        scripts.contains(&"../../../p/deliveries/halves/schedule.js"),
        "{scripts:?}"
    );
    assert!(!scripts.contains(&"../../../p/schedule.js"), "{scripts:?}");
    let rs = f.html("p/deliveries/halves/runsheet-day-3.html");
    assert!(
        rs.select(&sel("script[src]"))
            .any(|s| s.value().attr("src") == Some("../../../p/deliveries/halves/schedule.js"))
    );
    let js = f.read("p/deliveries/halves/schedule.js");
    let json = js
        .strip_prefix("window.coursebookSchedule = ")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("a global assigned");
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["programme"], "p/deliveries/halves", "its own delay key");
    assert_eq!(v["timezone"], "America/New_York");
    let days: Vec<&str> = v["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        days,
        ["2027-05-03", "2027-05-04", "2027-05-10", "2027-05-11"]
    );
    let day2: Vec<String> = v["days"][1]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}-{} {}",
                r["start"].as_str().unwrap(),
                r["end"].as_str().unwrap(),
                r["title"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        day2,
        ["13:30-14:30 Gamma", "14:30-14:45 Tea", "14:45-15:15 Delta"]
    );
}

#[test]
fn session_pages_link_to_each_deliverys_times() {
    let f = two();
    f.build();
    let page = "p/c.html";
    let doc = f.html(page);
    let runs: Vec<(String, String)> = doc
        .select(&sel(".session-runs li"))
        .map(|li| {
            let a = li.select(&sel("a")).next().unwrap();
            let when: String = li.select(&sel(".when")).next().unwrap().text().collect();
            (
                a.value().attr("href").unwrap().to_string(),
                format!("{} | {when}", a.text().collect::<String>()),
            )
        })
        .collect();
    assert_eq!(
        runs.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
        [
            "Spring run | Monday 12 April 2027, 13:00",
            "Half days | Tuesday 4 May 2027, 13:30"
        ]
    );
    // Each link lands on the row of that session on the delivery's page.
    for (href, _) in &runs {
        let (path, anchor) = href.split_once('#').unwrap();
        let target = resolve(page, path);
        let d = f.html(&target);
        let row = d
            .select(&sel(&format!("tr[id=\"{anchor}\"]")))
            .next()
            .unwrap_or_else(|| panic!("no row #{anchor} on {target}"));
        assert!(row.text().collect::<String>().contains("Gamma"));
    }
    assert!(
        doc.select(&sel(".all-runs")).next().is_none(),
        "two runs: all listed"
    );
}

#[test]
fn many_deliveries_list_the_next_few_and_link_the_rest() {
    let files: Vec<(String, String)> = (0..7)
        .map(|k| {
            (
                format!("content/p/deliveries/r{k}.md"),
                format!(
                    "---\ndays:\n  - {{ date: 2027-0{}-01 }}\n  - {{ date: 2027-0{}-02 }}\n---\n",
                    k + 3,
                    k + 3
                ),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = fixture(&refs);
    f.build();
    let doc = f.html("p/a.html");
    let ul = doc.select(&sel(".session-runs ul")).next().unwrap();
    assert_eq!(ul.value().attr("data-show"), Some("5"));
    assert_eq!(ul.value().attr("data-deliveries"), Some("hide"));
    assert_eq!(doc.select(&sel(".session-runs li[data-last]")).count(), 7);
    let all = doc
        .select(&sel(".all-runs a"))
        .next()
        .expect("a link to the list");
    assert_eq!(all.value().attr("href"), Some("../p/index.html#deliveries"));
}

#[test]
fn delivery_pages_are_in_their_programmes_search_shard() {
    let f = two();
    f.build();
    let docs = coursebook::render::search::read(&f.read("p/searchindex.js")).unwrap();
    let spring = docs
        .iter()
        .find(|d| d.url == "p/deliveries/spring/index.html")
        .expect("the delivery's entry");
    assert_eq!(spring.title, "Spring run");
    assert!(spring.when.starts_with("Delivery"), "{}", spring.when);
    for w in [
        "Riverside Centre",
        "Mill Lane",
        "Sam Lee",
        "12 and 13 April 2027",
    ] {
        assert!(spring.body.contains(w), "{w} in {:?}", spring.body);
    }
    let halves = docs
        .iter()
        .find(|d| d.url == "p/deliveries/halves/index.html")
        .unwrap();
    assert!(
        halves.body.contains("host key"),
        "trainers' index has the note"
    );
}

#[test]
fn the_participant_edition_has_no_papers_and_no_trainer_notes_of_a_delivery() {
    let closed = "---\ntitle: Closed cohort\naudience: trainer\ndays:\n  - { date: 2027-06-01 }\n  - { date: 2027-06-02 }\n---\nThe annexe keypad.\n";
    let f = fixture(&[
        ("content/p/deliveries/halves.md", HALVES),
        ("content/p/deliveries/closed.md", closed),
    ]);
    f.build();
    assert!(
        f.site()
            .join("p/deliveries/closed/runsheet-day-1.html")
            .exists()
    );
    assert!(f.site().join("p/deliveries/closed/schedule.js").exists());
    participant(&f);
    assert!(!f.site().join("p/deliveries/closed").exists());
    for n in 1..=4 {
        assert!(
            !f.site()
                .join(format!("p/deliveries/halves/runsheet-day-{n}.html"))
                .exists()
        );
        assert!(
            !f.site()
                .join(format!("p/deliveries/halves/signin-day-{n}.html"))
                .exists()
        );
    }
    assert!(f.site().join("p/deliveries/halves/schedule.js").exists());
    let page = f.read("p/deliveries/halves/index.html");
    assert!(page.contains("Join ten minutes early"));
    assert!(!page.contains("host key"));
    assert!(!page.contains("runsheet-day"));
    assert!(!f.read("p/a.html").contains("Closed cohort"));
    let js = f.read("p/searchindex.js");
    let docs = coursebook::render::search::read(&js).unwrap();
    assert!(
        docs.iter()
            .any(|d| d.url == "p/deliveries/halves/index.html")
    );
    assert!(!docs.iter().any(|d| d.url.contains("closed")));
    let text = coursebook::render::search::text(&js);
    for w in ["host key", "Closed cohort", "annexe keypad"] {
        assert!(!text.contains(w), "the participant index holds {w}");
    }
}
