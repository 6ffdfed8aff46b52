//! Dev-server speed: `cargo bench --bench rebuild`.
//! - a 1,000-session programme: the first build, then the rebuild after one session edit
//!   (median of 21; target under 50 ms);
//! - `check` of the example site (median of 21; target under 50 ms).
//!
//! Not a test: it prints numbers and asserts nothing about time.

use std::path::Path;
use std::time::{Duration, Instant};

use coursebook::Audience;
use coursebook::serve::Engine;

// The same allocator as the coursebook binary, so the numbers are what `serve` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SESSIONS: usize = 1000;
const PER_DAY: usize = 20;
const RUNS: usize = 21;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn session(i: usize, extra: &str) -> String {
    let day = i / PER_DAY + 1;
    let block = ["before-coffee", "after-coffee", "after-lunch", "after-tea"][(i % PER_DAY) / 5];
    let link = if !i.is_multiple_of(PER_DAY) {
        format!(
            "See [the session before]({:03}-session.md#running-it).",
            i - 1
        )
    } else {
        String::new()
    };
    format!(
        "---\ntitle: Session {i}\nday: {day}\nblock: {block}\nduration: 10m\nformat: pairs\n\
summary: What session {i} is for, in one line.\nprompts:\n  - What did you notice in {i}?\n  - text: And why?\n    note: For the trainer.\n\
materials: [sticky notes, flipchart paper]\nthemes: [theme-{t}]\n---\n\
# Session {i}\n\nSome text about the session, with *emphasis* and a list:\n\n- one\n- two\n- three\n\n\
## Running it\n\n{link}\n\n> [!TIP]\n> A tip for the trainer.\n\n{extra}\n",
        t = i % 7
    )
}

fn write_site(root: &Path) {
    std::fs::write(root.join("book.toml"), "[book]\ntitle = \"Bench\"\n").unwrap();
    let p = root.join("content/big");
    for d in 1..=SESSIONS / PER_DAY {
        std::fs::create_dir_all(p.join(format!("day-{d}"))).unwrap();
    }
    std::fs::write(
        p.join("index.md"),
        "---\ntitle: Big programme\n---\nA thousand sessions.\n",
    )
    .unwrap();
    for i in 0..SESSIONS {
        let day = i / PER_DAY + 1;
        std::fs::write(
            p.join(format!("day-{day}/{i:03}-session.md")),
            session(i, ""),
        )
        .unwrap();
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    write_site(&root);
    let mut engine = Engine::new(&root, Audience::Trainer);
    let t = Instant::now();
    let first = engine.rebuild(true).expect("the bench site builds");
    println!(
        "{SESSIONS}-session programme: first build {} ms, {} files",
        t.elapsed().as_millis(),
        first.files.len()
    );
    let target = root.join(format!(
        "content/big/day-{}/{:03}-session.md",
        10,
        9 * PER_DAY + 7
    ));
    let mut times = Vec::new();
    let mut rendered = 0;
    for run in 0..RUNS {
        std::fs::write(
            &target,
            session(9 * PER_DAY + 7, &format!("Edit number {run}.")),
        )
        .unwrap();
        let t = Instant::now();
        let r = engine.rebuild(false).expect("the edit builds");
        times.push(t.elapsed());
        assert!(r.changed.iter().any(|p| p.ends_with("187-session.html")));
        rendered = r.rendered.len();
    }
    println!(
        "rebuild after one session edit: median {:.1} ms ({rendered} pages rendered)",
        median(times).as_secs_f64() * 1000.0
    );

    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let d = coursebook::check(example, Audience::Trainer);
        times.push(t.elapsed());
        assert!(!d.has_errors());
    }
    println!(
        "check of the example: median {:.1} ms",
        median(times).as_secs_f64() * 1000.0
    );
}
