//! The hot parts of a build, one by one: `cargo bench`.
//! Whole-catalogue timings against mdBook and Hugo are in benches/catalogue.py.

use std::hint::black_box;
use std::path::Path;

use coursebook::content::markdown::Body;
use coursebook::content::{markdown, yaml};
use coursebook::model::timetable::{self, Slot};
use coursebook::model::{Clock, Day, default_blocks};
use coursebook::{Audience, render};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const FRONT: &str = "title: Case summaries, in pairs\nday: 1\nblock: after-coffee\nduration: 30 mins\nformat: pairs\nsummary: Partners swap case summaries and read them.\nobjectives: [Give feedback, Read as a family member]\nprompts:\n  - How did it read to you as a professional colleague?\n  - text: How did it read to you as a family member?\n    note: Watch for over-correction.\nmaterials: [sticky notes, flipchart paper]\nthemes: [aspects-of-difference]\nproduces: [post-box]\n";

fn page_body(code: bool) -> String {
    let para = "Partners swap case summaries and read them quickly, first as a professional colleague and then as a family member would. ".repeat(6);
    let mut s = format!(
        "## Purpose\n\n{para}\n\n## Running it\n\n{para}\n\n- one point\n- another point\n- a third\n\n| Group | Task |\n|---|---|\n| A | Read |\n| B | Write |\n\nSee [the next session](b.md).\n\n## Notes\n\n{para}\n\n{para}\n"
    );
    if code {
        s.push_str("\n```rust\nfn contact_minutes(sessions: &[u32]) -> u32 {\n    let mut total = 0;\n    for s in sessions {\n        total += s;\n    }\n    // Breaks are not contact time.\n    total\n}\n```\n");
    }
    s
}

fn benches(c: &mut Criterion) {
    c.bench_function("front matter (yaml)", |b| {
        b.iter(|| yaml::parse("a.md", black_box(FRONT), 2))
    });
    let plain = page_body(false);
    c.bench_function("markdown, 600 words", |b| {
        b.iter(|| markdown::render(black_box(&plain), 1, Audience::Trainer, Body::Shared))
    });
    // What the budget check adds to every file before it is parsed.
    c.bench_function("budget check, 600 words", |b| {
        b.iter(|| coursebook::content::budget::check("a.md", black_box(&plain), 1))
    });
    let code = page_body(true);
    markdown::render(&code, 1, Audience::Trainer, Body::Shared); // load the syntax set outside the timing
    c.bench_function("markdown, 600 words + highlighted code (memoised)", |b| {
        b.iter(|| markdown::render(black_box(&code), 1, Audience::Trainer, Body::Shared))
    });
    let days: Vec<Day> = (1..=5)
        .map(|n| Day {
            number: n,
            title: format!("Day {n}"),
            date: None,
            start: Clock(570),
            end: None,
        })
        .collect();
    let blocks = default_blocks();
    let ids = ["before-coffee", "after-coffee", "after-lunch", "after-tea"];
    let slots: Vec<Slot> = (0..100)
        .map(|i| Slot {
            index: i,
            day: (i / 20) as u32 + 1,
            block: ids[(i % 20) / 5].into(),
            order: None,
            file: format!("s{i:03}.md"),
            minutes: 30,
        })
        .collect();
    c.bench_function("timetable, 100 sessions", |b| {
        b.iter(|| timetable::compute(&blocks, &days, black_box(&slots)))
    });

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    c.bench_function("load the example (check)", |b| {
        b.iter(|| coursebook::load(root, Audience::Trainer))
    });
    let (site, _) = coursebook::load(root, Audience::Trainer);
    let site = site.expect("the example loads");
    let theme = render::Theme::load(root, "default").unwrap_or_else(|_| panic!("theme"));
    c.bench_function("render the example (all pages, in memory)", |b| {
        b.iter(|| render::render_site(black_box(&site), &theme, Audience::Trainer))
    });

    // A 100-session programme of catalogue pages: rendering per page, and its search shard.
    let dir = tempfile::tempdir().expect("temp dir");
    let big = programme(dir.path(), 100);
    let (site, _) = coursebook::load(big, Audience::Trainer);
    let site = site.expect("the generated programme loads");
    let pages = render::render_site(&site, &theme, Audience::Trainer)
        .map(|o| o.iter().filter(|o| o.path.ends_with(".html")).count())
        .unwrap_or_else(|_| panic!("the generated programme renders"));
    let mut g = c.benchmark_group("100-session programme");
    g.throughput(Throughput::Elements(pages as u64));
    g.bench_function(
        format!("render all {pages} pages (time per page = time / {pages})"),
        |b| b.iter(|| render::render_site(black_box(&site), &theme, Audience::Trainer)),
    );
    g.finish();
    let p = &site.programmes[0];
    let tr = theme.i18n.strings(&site.config.language);
    let views = render::view::ProgrammeViews::new(p, &tr);
    c.bench_function("search shard, 100 sessions", |b| {
        b.iter(|| {
            render::search::shard(
                black_box(p),
                &views,
                false,
                render::search::Stemmer::English,
            )
        })
    });
}

/// Writes a site with one programme of `n` sessions (5 days of 4 blocks), each with the
/// front matter and body above, code on one in ten.
fn programme(root: &Path, n: usize) -> &Path {
    let w = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    w("book.toml", "[book]\ntitle = \"Bench\"\n");
    w(
        "content/p/index.md",
        "---\ntitle: Bench programme\nstart: \"09:30\"\n---\nA programme to time.\n",
    );
    let blocks = ["before-coffee", "after-coffee", "after-lunch", "after-tea"];
    for i in 0..n {
        let front = FRONT
            .replace("day: 1", &format!("day: {}", i * 5 / n + 1))
            .replace("block: after-coffee", &format!("block: {}", blocks[i % 4]))
            .replace("themes: [aspects-of-difference]\n", "")
            .replace("produces: [post-box]\n", "");
        let body = page_body(i % 10 == 0).replace("b.md", &format!("s{:03}.md", (i + 1) % n));
        w(
            &format!("content/p/s{i:03}.md"),
            &format!("---\n{front}---\n{body}"),
        );
    }
    root
}

/// Inputs that once cost quadratic time or worse, at two sizes each: time per element should
/// stay flat from one size to the next (linear work).
fn linear(c: &mut Criterion) {
    let mut g = c.benchmark_group("linear");
    g.sample_size(10);
    for n in [2_000usize, 8_000, 32_000] {
        let headings = "## Intro\n\n".repeat(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("{n} identical headings"), |b| {
            b.iter(|| markdown::render(black_box(&headings), 1, Audience::Trainer, Body::Shared))
        });
        // Each unclosed `{{` after many lines once recounted the lines before it.
        let letter = format!("{}{}", "\n".repeat(n * 10), "{{ name\n".repeat(n));
        g.bench_function(
            format!("{n} unclosed placeholders after {} lines", n * 10),
            |b| b.iter(|| coursebook::model::scan_letter(black_box(&letter), 1)),
        );
        let table = format!(
            "{}|\n{}|\n{}",
            "| a ".repeat(20),
            "|---".repeat(20),
            "| 1 |\n".repeat(n)
        );
        g.bench_function(format!("budget check, 20 x {n} table"), |b| {
            b.iter(|| coursebook::content::budget::check("t.md", black_box(&table), 1))
        });
    }
    g.finish();
}

criterion_group!(hot, benches, linear);
criterion_main!(hot);
