//! A guard against gross regressions at catalogue scale: 2,000 generated sessions must
//! build, and four times the sessions must not cost anywhere near sixteen times the time
//! (quadratic work). Thresholds are loose on purpose: real speed is measured by
//! benches/catalogue.py, not here. The ratio is of the process's user CPU time (all threads), not
//! wall time or system time, so other work on a busy machine does not make a linear build look quadratic.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

const WORDS: &[&str] = &[
    "record", "case", "summary", "family", "child", "analysis", "plan", "evidence", "feedback",
    "review",
];

fn generate(root: &Path, sessions: usize) {
    generate_with(root, sessions, 0);
}

/// `deliveries` delivery files per programme: even ones run the five days as they are,
/// odd ones as ten half-days (each programme day's morning blocks, then its afternoon's).
fn write_deliveries(dir: &Path, deliveries: usize) {
    for j in 0..deliveries {
        let mut fm = format!("---\ntitle: Run {j}\nvenue: Room {j}\ndays:\n");
        // Two weeks apart from 4 January 2027 (day of year 4 + 14j, within 2027 for j < 25).
        let first = jiff::civil::date(2027, 1, 4)
            .checked_add(jiff::Span::new().days(14 * j as i64))
            .unwrap();
        let date = |k: i64| first.checked_add(jiff::Span::new().days(k)).unwrap();
        if j % 2 == 0 {
            for d in 0..5 {
                let _ = writeln!(fm, "  - {{ date: {} }}", date(d));
            }
        } else {
            for d in 0..5 {
                let _ = writeln!(
                    fm,
                    "  - {{ date: {}, blocks: [\"{n}:before-coffee\", \"{n}:after-coffee\"] }}\n  - {{ date: {}, start: \"13:00\", blocks: [\"{n}:after-lunch\", \"{n}:after-tea\"] }}",
                    date(2 * d),
                    date(2 * d + 1),
                    n = d + 1
                );
            }
        }
        let who = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = write!(
            fm,
            "trainers: [Trainer {who} {j}]\n---\nJoining details for run {j}.\n"
        );
        std::fs::create_dir_all(dir.join("deliveries")).unwrap();
        std::fs::write(dir.join(format!("deliveries/d{j:02}.md")), fm).unwrap();
    }
}

fn generate_with(root: &Path, sessions: usize, deliveries: usize) {
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("book.toml"), "[book]\ntitle = \"Catalogue\"\n").unwrap();
    for p in 0..sessions.div_ceil(100) {
        let dir = root.join(format!("content/course-{p:03}"));
        std::fs::create_dir_all(&dir).unwrap();
        let days: String = (1..=5)
            .map(|d| format!("  - {{ title: Day {d}, date: 2027-03-0{d} }}\n"))
            .collect();
        std::fs::write(
            dir.join("index.md"),
            format!("---\ntitle: Course {p}\ndays:\n{days}---\nAbout.\n"),
        )
        .unwrap();
        write_deliveries(&dir, deliveries);
        for k in 0..100.min(sessions - p * 100) {
            let block = ["before-coffee", "after-coffee", "after-lunch", "after-tea"][(k % 20) / 5];
            let mut body = String::new();
            for para in 0..6 {
                let _ = write!(body, "## Part {para}\n\n");
                for w in 0..90 {
                    body.push_str(WORDS[(k + para + w) % WORDS.len()]);
                    body.push(' ');
                }
                body.push_str("\n\n");
            }
            let _ = write!(
                body,
                "- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [next](s{:03}.md).\n",
                (k + 1) % 100.min(sessions - p * 100)
            );
            if k % 10 == 0 {
                let _ = write!(body, "\n```rust\nfn session_{k}() -> u32 {{ {k} }}\n```\n");
            }
            let fm = format!(
                "---\ntitle: Session {k}\nday: {}\nblock: {block}\nduration: 15m\nformat: pairs\nsummary: A summary.\nprompts:\n  - Why?\n  - text: How?\n    note: For the trainer.\nmaterials: [cards, pens]\n---\n",
                k / 20 + 1
            );
            std::fs::write(dir.join(format!("s{k:03}.md")), fm + &body).unwrap();
        }
    }
}

/// CPU time this process has used so far, all threads (wall time where not on Linux).
#[cfg(target_os = "linux")]
fn cpu_now() -> Duration {
    // User time only: system time is mostly the file system's for the files written, and
    // on a disk that charges per new file after mass deletions it varied 0.28-0.91 s between
    // two builds of the same 2,297 pages (it made a linear build look 5.6x superlinear once
    // in CI). Work quadratic in coursebook shows in user time.
    // SAFETY: getrusage writes into the zeroed struct we own.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(u.ru_utime)
}

#[cfg(not(target_os = "linux"))]
fn cpu_now() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The build's wall time and CPU time.
fn timed_build(sessions: usize) -> (Duration, Duration) {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), sessions);
    let cpu = cpu_now();
    let start = Instant::now();
    let report = coursebook::build(&coursebook::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    let took = (start.elapsed(), cpu_now() - cpu);
    assert!(report.pages > sessions, "{} pages", report.pages);
    took
}

/// The process's CPU time is every thread's, so the tests of this file, which the harness
/// would run side by side, take turns: each one's time is its own builds'.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn two_thousand_sessions_build_without_gross_regression() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (_, small) = timed_build(500);
    let (wall, large) = timed_build(2000);
    eprintln!("CPU time: 500 sessions {small:?}; 2,000 sessions {large:?} ({wall:?} wall)");
    assert!(
        large < Duration::from_secs(60),
        "2,000 sessions took {large:?} of CPU"
    );
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(0.05);
    assert!(
        ratio < 9.0,
        "4x the sessions took {ratio:.1}x the time: something is quadratic"
    );
}

/// A build's pages and CPU time, with `deliveries` per programme.
fn pages_and_cpu(sessions: usize, deliveries: usize) -> (usize, Duration) {
    let dir = tempfile::tempdir().unwrap();
    generate_with(dir.path(), sessions, deliveries);
    let cpu = cpu_now();
    let report = coursebook::build(&coursebook::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    (report.pages, cpu_now() - cpu)
}

/// Deliveries add pages (each its page, run sheets and sign-in sheets, and a line on each
/// session page), not quadratic work: the CPU time per page stays about the same from 0 to
/// 10 to 20 deliveries per programme, and the second ten cost about what the first ten did.
#[test]
fn deliveries_grow_the_build_linearly_in_its_pages() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let sessions = 500;
    let runs: Vec<(usize, usize, Duration)> = [0, 10, 20]
        .iter()
        .map(|&k| {
            let (pages, cpu) = pages_and_cpu(sessions, k);
            eprintln!(
                "{sessions} sessions, {k} deliveries per programme: {pages} pages, {cpu:?} CPU"
            );
            (k, pages, cpu)
        })
        .collect();
    let per_page = |i: usize| runs[i].2.as_secs_f64() / runs[i].1 as f64;
    assert!(runs[2].1 > 2 * runs[0].1, "deliveries add pages: {runs:?}");
    for i in 1..3 {
        let r = per_page(i) / per_page(0);
        assert!(
            r < 2.5,
            "CPU per page {r:.1}x with {} deliveries: {runs:?}",
            runs[i].0
        );
    }
    let first = (runs[1].2.as_secs_f64() - runs[0].2.as_secs_f64()).max(0.05);
    let second = runs[2].2.as_secs_f64() - runs[1].2.as_secs_f64();
    assert!(
        second / first < 3.0,
        "deliveries 10 to 20 cost {:.1}x what 0 to 10 did: {runs:?}",
        second / first
    );
}
