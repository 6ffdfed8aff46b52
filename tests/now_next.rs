//! `<programme>/schedule.js`, the data of the "now and next" bar and "running late": written
//! for a programme with dated days, the same clock as the CSV, loaded by every page of the
//! programme and no other, and in the participant edition made of the participant model's
//! rows only.

mod common;
use std::path::{Path, PathBuf};

use common::*;
use coursebook::Audience;
use scraper::Html;
use serde_json::Value;

const GLOBAL: &str = "window.coursebookSchedule = ";

/// The JSON a schedule file assigns.
fn schedule(site: &Path, slug: &str) -> Value {
    let path = site.join(slug).join("schedule.js");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json = text
        .strip_prefix(GLOBAL)
        .and_then(|t| t.strip_suffix(";\n"))
        .unwrap_or_else(|| panic!("not an assignment to the global: {text}"));
    serde_json::from_str(json).unwrap()
}

fn build(root: &Path, dest: &Path, audience: Audience) -> PathBuf {
    let opts = coursebook::BuildOptions {
        root: root.to_path_buf(),
        dest: Some(dest.to_path_buf()),
        audience,
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    dest.to_path_buf()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

#[test]
fn the_examples_schedule_has_its_time_zone_and_the_csvs_clock() {
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = build(root, &out.path().join("site"), Audience::Trainer);
    let v = schedule(&site, "recording");
    assert_eq!(v["timezone"], "Europe/London");
    assert_eq!(v["programme"], "recording");
    let days = v["days"].as_array().unwrap();
    assert_eq!(
        days.iter().map(|d| s(&d["date"])).collect::<Vec<_>>(),
        ["2027-03-01", "2027-03-02"]
    );
    // Every row, in order, as the CSV has it: day, date, start, end, kind, title, page.
    let mut ours = Vec::new();
    for d in days {
        for r in d["rows"].as_array().unwrap() {
            ours.push(vec![
                d["number"].to_string(),
                s(&d["date"]).to_string(),
                s(&r["start"]).to_string(),
                s(&r["end"]).to_string(),
                s(&r["kind"]).to_string(),
                s(&r["title"]).to_string(),
                s(&r["href"]).to_string(),
            ]);
            assert_eq!(r["fixed"], false, "the example pins no break");
        }
        let rows = d["rows"].as_array().unwrap();
        assert_eq!(d["start"], rows[0]["start"]);
        assert_eq!(d["end"], rows[rows.len() - 1]["end"]);
    }
    let csv = std::fs::read_to_string(site.join("recording/timetable.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let theirs: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            [0, 1, 2, 3, 5, 6, 9]
                .iter()
                .map(|&i| r[i].to_string())
                .collect()
        })
        .collect();
    // 24 rows, and each day's free time up to its `end`.
    assert_eq!(ours.len(), 26);
    assert_eq!(ours, theirs);

    // Every page of the programme loads it (before now.js) and has the bar; no other page.
    let pages = [
        ("recording/index.html", "../"),
        ("recording/timetable.html", "../"),
        ("recording/prompts.html", "../"),
        ("recording/materials.html", "../"),
        ("recording/handout.html", "../"),
        ("recording/print.html", "../"),
        ("recording/runsheet-day-1.html", "../"),
        ("recording/before-you-come.html", "../"),
        ("recording/letters/invitation.html", "../../"),
        ("recording/day-1/03-case-summaries.html", "../../"),
    ];
    for (page, root) in pages {
        let html = Html::parse_document(&std::fs::read_to_string(site.join(page)).unwrap());
        let scripts: Vec<&str> = html
            .select(&sel("script[src]"))
            .filter_map(|e| e.value().attr("src"))
            .collect();
        let at = |name: &str| scripts.iter().position(|x| *x == format!("{root}{name}"));
        let (schedule, now) = (at("recording/schedule.js"), at("theme/now.js"));
        assert!(schedule.is_some() && schedule < now, "{page}: {scripts:?}");
        assert_eq!(
            html.select(&sel("aside#now-bar[hidden]")).count(),
            1,
            "{page}"
        );
    }
    for page in ["index.html", "404.html"] {
        let text = std::fs::read_to_string(site.join(page)).unwrap();
        assert!(
            !text.contains("schedule.js") && !text.contains("now-bar"),
            "{page}"
        );
    }

    // The timetable's and run sheet's markup the script reads.
    let html = Html::parse_document(
        &std::fs::read_to_string(site.join("recording/timetable.html")).unwrap(),
    );
    let tables = html
        .select(&sel("table.timetable[data-day][data-date]"))
        .count();
    assert_eq!(tables, 2);
    assert_eq!(
        html.select(&sel(".late-control[data-day][data-date]"))
            .count(),
        2
    );
    let rows = html
        .select(&sel("table.timetable tr[data-start][data-end]"))
        .count();
    assert_eq!(rows, 26);
    assert_eq!(html.select(&sel("tr[data-start] time.t-start")).count(), 26);
    assert_eq!(html.select(&sel("tr[data-start] time.t-end")).count(), 26);
    let sheet = Html::parse_document(
        &std::fs::read_to_string(site.join("recording/runsheet-day-1.html")).unwrap(),
    );
    assert_eq!(
        sheet
            .select(&sel(r#"table.runsheet[data-day="1"][data-date="2027-03-01"] tr[data-start] time.t-start"#))
            .count(),
        14
    );
    assert_eq!(
        sheet.select(&sel("main .late-control[data-date]")).count(),
        1
    );
}

const SECRET: &str = "Secret trainer huddle";

fn fixture() -> Fixture {
    Fixture::new(&[
        (
            "content/p/index.md",
            "---\ntitle: P\ntimezone: America/Chicago\nstart: \"09:30\"\nblocks:\n  - { id: morning, title: Morning }\n  - { break: Lunch, duration: 45m, at: \"12:30\" }\n  - { id: afternoon, title: Afternoon }\ndays:\n  - { title: Day one, date: 2027-03-01 }\n  - { title: Day two }\n---\n",
        ),
        ("content/p/a.md", &session("Opening", 1, "morning", "60m")),
        (
            "content/p/b.md",
            &format!(
                "---\ntitle: {SECRET}\nday: 1\nblock: morning\nduration: 30m\naudience: trainer\n---\nOnly trainers.\n"
            ),
        ),
        (
            "content/p/c.md",
            &session("Group work", 1, "afternoon", "45m"),
        ),
        ("content/p/d.md", &session("Undated", 2, "morning", "45m")),
        (
            "content/q/index.md",
            "---\ntitle: Q\ndays:\n  - { title: Whenever }\n---\n",
        ),
        (
            "content/q/a.md",
            &session("Some day", 1, "after-coffee", "45m"),
        ),
    ])
}

#[test]
fn the_participant_schedule_has_no_trainer_only_title_and_marks_the_fixed_break() {
    let f = fixture();
    let trainer = build(f.root(), &f.root().join("t"), Audience::Trainer);
    let participant = build(f.root(), &f.root().join("p"), Audience::Participant);
    let t = schedule(&trainer, "p");
    let text = std::fs::read_to_string(participant.join("p/schedule.js")).unwrap();
    assert!(
        serde_json::to_string(&t).unwrap().contains(SECRET),
        "the trainers' edition names it"
    );
    assert!(!text.contains("Secret"), "{text}");
    let v = schedule(&participant, "p");
    assert_eq!(v["timezone"], "America/Chicago");
    // Only the dated day.
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 1);
    let rows: Vec<String> = days[0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}-{} {} {} {} {}",
                s(&r["start"]),
                s(&r["end"]),
                s(&r["kind"]),
                s(&r["title"]),
                s(&r["href"]),
                r["fixed"]
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "09:30-10:30 session Opening p/a.html false",
            "10:30-11:00 reserved Trainers' time  false",
            "11:00-12:30 free Free time  false",
            "12:30-13:15 break Lunch  true",
            "13:15-14:00 session Group work p/c.html false",
        ]
    );
    let tt = Html::parse_document(
        &std::fs::read_to_string(participant.join("p/timetable.html")).unwrap(),
    );
    let fixed: Vec<_> = tt
        .select(&sel("tr[data-fixed]"))
        .map(|e| e.value().attr("data-start").unwrap_or("").to_string())
        .collect();
    assert_eq!(fixed, ["12:30"]);
    // The undated day has the markup but no date for the script to go by.
    assert_eq!(
        tt.select(&sel(r#"table.timetable[data-day="2"]:not([data-date])"#))
            .count(),
        1
    );

    // A programme without dated days has no schedule, and its pages load none.
    assert!(!participant.join("q/schedule.js").exists());
    let q = std::fs::read_to_string(participant.join("q/timetable.html")).unwrap();
    assert!(!q.contains("schedule.js") && !q.contains("now.js") && !q.contains("now-bar"));
}
