#!/usr/bin/env python3
"""Synthetic course catalogues, and a timed build of the same pages with coursebook, mdBook,
Hugo and Zola (each when installed), alternating runs.

    python3 benches/catalogue.py generate N DIR [--peer] [--code-every K] [--deliveries K]
    python3 benches/catalogue.py compare N [--runs 3] [--warmup 1] [--peer]
                                           [--tools coursebook,mdbook,hugo,zola] [--dir /dev/shm]
    python3 benches/catalogue.py search N DIR [--bin PATH] [--base-bin PATH] [--runs 5]
    python3 benches/catalogue.py deliveries N [--counts 0,10,20] [--runs 3] [--bin PATH]

`search` measures the search index of an N-session catalogue generated in DIR (kept, so a
second run reuses it): its bytes (root and shards) against the site's HTML, the time from
the first keystroke to results shown in Chromium (benches/search_load.mjs), and, given
--base-bin, cold builds of both binaries alternating (median wall and CPU). --bin defaults
to target/debug/coursebook: it does not build the `dist` profile.

The dev server's rebuild after one edit is timed by `cargo bench --bench rebuild`.

`--peer` puts a 9-line Rust block on every page (the peer comparison); the default
catalogue has code on one page in ten and prompts and materials on every session.
Sessions are spread over programmes of 100: 5 days of 4 blocks of 5 sessions.
`--deliveries K` gives each coursebook programme K deliveries (`deliveries/d-NN.md`), every
other one running each programme day as two half-days, each with its own dates and trainer;
time `coursebook build` on catalogues of 0 and K to see what deliveries cost, or run
`deliveries`, which does so for each count in --counts: the pages, the median CPU time
(user + system, of the build process and its threads) and the CPU time per page, which
stays about the same when deliveries add pages and no quadratic work.
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ("record case summary family child parent practitioner analysis assessment plan evidence "
         "supervision manager feedback colleague wishes feelings detail contact review policy "
         "procedure support learning point action involve difference culture language careful "
         "clear accurate timely fact opinion judgement decision reason outcome risk strength need").split()
RUST = """```rust
fn contact_minutes(sessions: &[u32]) -> u32 {
    let mut total = SESSION_ID;
    for s in sessions {
        total += s;
    }
    // Breaks are not contact time.
    total
}
```"""
BLOCKS = ["before-coffee", "after-coffee", "after-lunch", "after-tea"]


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def body(rng, i, n_in_prog, code, link):
    """About 600 words: headings, a list, a table, a link, maybe code."""
    parts = [f"## Purpose of session {i}\n", words(rng, 120).capitalize() + ".\n",
             "## Running it\n", words(rng, 110).capitalize() + ".\n",
             "- " + words(rng, 12) + "\n- " + words(rng, 12) + "\n- " + words(rng, 12) + "\n",
             "| Group | Task | Minutes |\n|---|---|---|\n| A | " + words(rng, 4) + " | 10 |\n| B | " + words(rng, 4) + " | 15 |\n",
             f"See also [the related session]({link}).\n",
             "## Notes\n", words(rng, 150).capitalize() + ".\n", words(rng, 140).capitalize() + ".\n"]
    if code:
        # Every block differs, so no tool can highlight one block and reuse it.
        parts.insert(6, RUST.replace("SESSION_ID", str(i)) + "\n")
    return "\n".join(parts)


def deliveries(rng, folder, k, days):
    """K delivery files for a programme of `days` days: full days, or every other one as
    two half-days per programme day (morning blocks, then afternoon blocks)."""
    import datetime
    os.makedirs(folder)
    base = datetime.date(2027, 1, 4)
    for j in range(k):
        first = base + datetime.timedelta(days=14 * j)
        lines = [f"---\ntitle: Run {j}\nvenue: Room {rng.randint(1, 40)}\ntrainers: [Trainer {os.path.basename(os.path.dirname(folder))}-{j}]\ndays:\n"]
        if j % 2 == 0:
            for d in range(days):
                lines.append(f"  - {{ date: {first + datetime.timedelta(days=d)} }}\n")
        else:
            for d in range(days):
                for half, blocks in enumerate((BLOCKS[:2], BLOCKS[2:])):
                    date = first + datetime.timedelta(days=2 * d + half)
                    listed = ", ".join(f'"{d + 1}:{b}"' for b in blocks)
                    lines.append(f"  - {{ date: {date}, blocks: [{listed}] }}\n")
        lines.append(f"---\n{words(rng, 30)}\n")
        with open(os.path.join(folder, f"d-{j:02d}.md"), "w") as f:
            f.write("".join(lines))


def generate(n, out, peer=False, code_every=10, seed=1, n_deliveries=0):
    """Writes a coursebook site, an mdBook book, a Hugo site and a Zola site with the same pages."""
    rng = random.Random(seed)
    cb, mdb, hugo, zola = (os.path.join(out, x) for x in ("coursebook", "mdbook", "hugo", "zola"))
    for d in (cb, mdb, hugo, zola):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(cb, "content"))
    os.makedirs(os.path.join(mdb, "src"))
    os.makedirs(os.path.join(hugo, "content"))
    # Zola: search index on, highlighting into CSS classes (as coursebook and Hugo do), and
    # templates like Hugo's: a page lists its section's pages, a section lists its pages.
    os.makedirs(os.path.join(zola, "content"))
    os.makedirs(os.path.join(zola, "templates"))
    with open(os.path.join(zola, "config.toml"), "w") as f:
        f.write('base_url = "https://example.org"\ntitle = "Catalogue"\nbuild_search_index = true\n'
                '[markdown.highlighting]\ntheme = "github-light"\nstyle = "class"\n')
    with open(os.path.join(zola, "templates", "page.html"), "w") as f:
        f.write('<!DOCTYPE html><html><head><title>{{ page.title }}</title></head><body><nav>'
                '{% set section = get_section(path=page.ancestors | last, metadata_only=false) %}'
                '{% for p in section.pages %}<a href="{{ p.permalink }}">{{ p.title }}</a>{% endfor %}'
                '</nav><main><h1>{{ page.title }}</h1>{{ page.content | safe }}</main></body></html>')
    for name in ("section.html", "index.html"):
        with open(os.path.join(zola, "templates", name), "w") as f:
            f.write('<!DOCTYPE html><html><body><h1>{{ section.title }}</h1>{% for p in section.pages %}'
                    '<a href="{{ p.permalink }}">{{ p.title }}</a>{% endfor %}'
                    '{% for s in section.subsections %}<a href="{{ get_url(path=s) }}">{{ s }}</a>{% endfor %}'
                    '</body></html>')
    with open(os.path.join(zola, "content", "_index.md"), "w") as f:
        f.write('+++\ntitle = "Catalogue"\n+++\n')
    with open(os.path.join(cb, "book.toml"), "w") as f:
        f.write('[book]\ntitle = "Catalogue"\n')
    with open(os.path.join(mdb, "book.toml"), "w") as f:
        f.write('[book]\ntitle = "Catalogue"\n[output.html]\n[output.html.search]\nenable = true\n')
    with open(os.path.join(hugo, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "Catalogue"\ndisableKinds = ["taxonomy", "term", "RSS"]\n'
                '[markup.highlight]\nnoClasses = false\n')
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write('<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><nav>{{ range .Parent.Pages }}'
                '<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>')
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
        f.write('<!DOCTYPE html><html><body><h1>{{ .Title }}</h1>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>')
    summary = ["# Summary\n"]
    per_prog = 100
    for p in range((n + per_prog - 1) // per_prog):
        slug = f"course-{p:04d}"
        count = min(per_prog, n - p * per_prog)
        days = (count + 19) // 20
        os.makedirs(os.path.join(cb, "content", slug))
        with open(os.path.join(cb, "content", slug, "index.md"), "w") as f:
            f.write(f"---\ntitle: Course {p}\nsummary: {words(rng, 20)}\nvenue: Room {p}\n"
                    f"days:\n" + "".join(f"  - {{ title: Day {d + 1} }}\n" for d in range(days)) + "---\n" + words(rng, 80) + "\n")
        if n_deliveries:
            deliveries(random.Random(seed + p), os.path.join(cb, "content", slug, "deliveries"), n_deliveries, days)
        os.makedirs(os.path.join(mdb, "src", slug))
        with open(os.path.join(mdb, "src", slug, "index.md"), "w") as f:
            f.write(f"# Course {p}\n\n{words(rng, 80)}\n")
        summary.append(f"- [Course {p}]({slug}/index.md)\n")
        os.makedirs(os.path.join(hugo, "content", slug))
        about = words(rng, 80)
        with open(os.path.join(hugo, "content", slug, "_index.md"), "w") as f:
            f.write(f"---\ntitle: Course {p}\n---\n{about}\n")
        os.makedirs(os.path.join(zola, "content", slug))
        with open(os.path.join(zola, "content", slug, "_index.md"), "w") as f:
            f.write(f"+++\ntitle = \"Course {p}\"\n+++\n{about}\n")
        for k in range(count):
            i = p * per_prog + k
            day, within = divmod(k, 20)
            block = BLOCKS[within // 5]
            name = f"s{k:03d}.md"
            other = f"s{(k + 1) % count:03d}.md"
            code = peer or (i % code_every == 0)
            title = f"Session {i}: {words(rng, 3)}"
            text = body(rng, i, count, code, other)
            fm = (f"---\ntitle: \"{title}\"\nday: {day + 1}\nblock: {block}\nduration: {rng.choice([15, 30, 45])}m\n"
                  f"format: {rng.choice(['pairs', 'small-groups', 'large-group', 'plenary'])}\n"
                  f"summary: {words(rng, 12)}\n")
            if not peer:
                fm += (f"prompts:\n  - {words(rng, 8)}?\n  - text: {words(rng, 8)}?\n    note: {words(rng, 6)}\n"
                       f"materials: [{rng.choice(WORDS)} cards, flipchart paper]\n")
            fm += "---\n"
            with open(os.path.join(cb, "content", slug, name), "w") as f:
                f.write(fm + text)
            with open(os.path.join(mdb, "src", slug, name), "w") as f:
                f.write(f"# {title}\n\n{text}")
            summary.append(f"  - [{title}]({slug}/{name})\n")
            with open(os.path.join(hugo, "content", slug, name), "w") as f:
                f.write(f"---\ntitle: \"{title}\"\n---\n{text}")
            with open(os.path.join(zola, "content", slug, name), "w") as f:
                f.write(f"+++\ntitle = \"{title}\"\n+++\n{text}")
    with open(os.path.join(mdb, "src", "SUMMARY.md"), "w") as f:
        f.write("".join(summary))


def coursebook_bin():
    """The `dist` profile (fat LTO, one codegen unit): what is published is what is measured.
    Cargo is asked every time, so an edit since the last run is never measured stale."""
    subprocess.run(["cargo", "build", "--profile", "dist", "--quiet"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "dist", "coursebook")


def commands(tools, out):
    cmds = {}
    if "coursebook" in tools:
        cmds["coursebook"] = ([coursebook_bin(), "build", "--root", os.path.join(out, "coursebook")], None)
    if "mdbook" in tools and shutil.which("mdbook"):
        cmds["mdbook"] = (["mdbook", "build", os.path.join(out, "mdbook")], None)
    if "hugo" in tools and shutil.which("hugo"):
        cmds["hugo"] = (["hugo", "--quiet", "-s", os.path.join(out, "hugo")], None)
    if "zola" in tools and shutil.which("zola"):
        cmds["zola"] = (["zola", "--root", os.path.join(out, "zola"), "build"], None)
    return cmds


def timed(cmd, before=None):
    """Wall seconds, CPU seconds and peak RSS (MB) of one run."""
    if before:
        before()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed:\n{err}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def clean(out):
    """Removes every tool's output, then lets the disk settle: deleting thousands of files
    leaves the file system busy for a moment (journal, discards), and that must not be
    charged to whichever tool happens to run next."""
    def run():
        for d in ("coursebook/site", "coursebook/.coursebook-cache", "mdbook/book", "hugo/public", "hugo/resources",
                  "zola/public"):
            shutil.rmtree(os.path.join(out, d), ignore_errors=True)
        os.sync()
        time.sleep(SETTLE)
    return run


SETTLE = 3  # seconds


def compare(n, runs, peer, tools, out=None, parent=None, warmup=1):
    out = out or tempfile.mkdtemp(prefix="cb-bench-", dir=parent)
    generate(n, out, peer=peer)
    cmds = commands(tools, out)
    results = {k: [] for k in cmds}
    for r in range(runs + warmup):  # warm-up rounds fill the file cache and are dropped
        for name, (cmd, _) in cmds.items():
            res = timed(cmd, clean(out))
            if r >= warmup:
                results[name].append(res)
    kind = "peer pages (code on every page)" if peer else "training catalogue (code on 1 in 10, prompts, materials)"
    print(f"\n{n} {kind}, cold builds, median of {runs}:")
    print(f"{'tool':<12}{'wall s':>9}{'cpu s':>9}{'peak MB':>10}{'vs coursebook':>15}")
    base = statistics.median(x[0] for x in results["coursebook"]) if "coursebook" in results else None
    for name, rs in results.items():
        wall = statistics.median(x[0] for x in rs)
        cpu = statistics.median(x[1] for x in rs)
        mem = statistics.median(x[2] for x in rs)
        ratio = f"{wall / base:.1f}x" if base else "-"
        print(f"{name:<12}{wall:>9.2f}{cpu:>9.2f}{mem:>10.0f}{ratio:>15}")
    missing = [t for t in tools if t not in cmds]
    if missing:
        print(f"(not installed, skipped: {', '.join(missing)}; `cargo install mdbook`, `apt-get install hugo`, "
              "Zola from its release or source: it is not on crates.io)")
    return out


def tree_bytes(site, pred):
    total = 0
    for dirpath, _, files in os.walk(site):
        for f in files:
            if pred(f):
                total += os.path.getsize(os.path.join(dirpath, f))
    return total


def search(n, out, binary, base_bin, runs):
    cb = os.path.join(out, "coursebook")
    if not os.path.exists(os.path.join(cb, "book.toml")):
        generate(n, out)
    site = os.path.join(cb, "site")
    builds = {"new": binary}
    if base_bin:
        builds = {"base": base_bin, "new": binary}
    results = {k: [] for k in builds}
    for r in range(runs + 1):  # the first round warms the file cache and is dropped
        for name, b in builds.items():
            res = timed([b, "build", "--root", cb], clean_coursebook(cb))
            if r > 0:
                results[name].append(res)
    print(f"\n{n} sessions, cold builds (median of {runs}, alternating):")
    for name, rs in results.items():
        print(f"  {name:<5} {builds[name]}: {statistics.median(x[0] for x in rs):.2f} s wall, "
              f"{statistics.median(x[1] for x in rs):.2f} s CPU, {statistics.median(x[2] for x in rs):.0f} MB")
    if base_bin:
        b = statistics.median(x[1] for x in results["base"])
        w = statistics.median(x[1] for x in results["new"])
        print(f"  CPU time new/base: {w / b:.2f}x")
    # The site as the last build of `binary` wrote it.
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run([binary, "build", "--root", cb], check=True, stdout=subprocess.DEVNULL)
    html = tree_bytes(site, lambda f: f.endswith(".html"))
    index = tree_bytes(site, lambda f: f == "searchindex.js")
    print(f"search index (root and shards): {index:,} bytes; HTML: {html:,} bytes; {100 * index / html:.1f}% of the HTML")
    subprocess.run(["node", os.path.join(ROOT, "benches", "search_load.mjs"), site, "--runs", str(runs),
                    "--query", "record", "--query", '"case summary"', "--query", str(n - 1), "--query", "reco"],
                   check=True)


def clean_coursebook(cb):
    def run():
        for d in ("site", ".coursebook-cache"):
            shutil.rmtree(os.path.join(cb, d), ignore_errors=True)
        os.sync()
        time.sleep(SETTLE)
    return run


def deliveries_bench(n, counts, runs, binary):
    """Builds an N-session catalogue with each count of deliveries per programme; prints
    pages, median CPU seconds and milliseconds of CPU per page."""
    import re
    rows = []
    for k in counts:
        out = tempfile.mkdtemp(prefix=f"coursebook-deliveries-{k}-")
        try:
            generate(n, out, n_deliveries=k)
            site = os.path.join(out, "coursebook")
            cpus, pages = [], 0
            for _ in range(runs):
                shutil.rmtree(os.path.join(site, "site"), ignore_errors=True)
                proc = subprocess.Popen([binary, "build"], cwd=site, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
                text = proc.stdout.read()
                _, status, usage = os.wait4(proc.pid, 0)
                if status != 0:
                    sys.exit(f"build failed with {k} deliveries:\n{text}")
                cpus.append(usage.ru_utime + usage.ru_stime)
                m = re.search(r"wrote (\d+) pages", text)
                pages = int(m.group(1)) if m else 0
            cpu = statistics.median(cpus)
            rows.append((k, pages, cpu))
            print(f"{n} sessions, {k:>3} deliveries per programme: {pages:>6} pages, "
                  f"CPU {cpu:6.2f} s, {1000 * cpu / max(pages, 1):.2f} ms per page", flush=True)
        finally:
            shutil.rmtree(out, ignore_errors=True)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("n", type=int)
    g.add_argument("dir")
    g.add_argument("--peer", action="store_true")
    g.add_argument("--code-every", type=int, default=10)
    g.add_argument("--deliveries", type=int, default=0, help="deliveries per programme (default 0)")
    c = sub.add_parser("compare")
    c.add_argument("n", type=int)
    c.add_argument("--runs", type=int, default=3)
    c.add_argument("--peer", action="store_true")
    c.add_argument("--tools", default="coursebook,mdbook,hugo,zola")
    c.add_argument("--warmup", type=int, default=1, help="rounds run first and not counted (default 1)")
    c.add_argument("--dir", help="where to generate and build (default: the system temp folder); "
                   "/dev/shm measures the tools without the disk")
    s = sub.add_parser("search")
    s.add_argument("n", type=int)
    s.add_argument("dir")
    s.add_argument("--bin", default=os.path.join(ROOT, "target", "debug", "coursebook"))
    s.add_argument("--base-bin", help="another binary to time against (built from the commit before)")
    s.add_argument("--runs", type=int, default=5)
    d = sub.add_parser("deliveries")
    d.add_argument("n", type=int)
    d.add_argument("--counts", default="0,10,20", help="deliveries per programme, each timed")
    d.add_argument("--runs", type=int, default=3)
    d.add_argument("--bin", default=os.path.join(ROOT, "target", "debug", "coursebook"))
    a = ap.parse_args()
    if a.cmd == "generate":
        generate(a.n, a.dir, peer=a.peer, code_every=a.code_every, n_deliveries=a.deliveries)
    elif a.cmd == "compare":
        out = compare(a.n, a.runs, a.peer, a.tools.split(","), parent=a.dir, warmup=a.warmup)
        shutil.rmtree(out, ignore_errors=True)
    elif a.cmd == "search":
        search(a.n, a.dir, a.bin, a.base_bin, a.runs)
    elif a.cmd == "deliveries":
        deliveries_bench(a.n, [int(x) for x in a.counts.split(",")], a.runs, a.bin)


if __name__ == "__main__":
    main()
