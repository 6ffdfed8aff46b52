//! A few hundred mangled copies of the example's files: every build ends with exit code 0
//! or 1, never a panic, a crash or a hang.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn copy_dir(from: &Path, to: &Path, files: &mut Vec<PathBuf>) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &t, files);
        } else {
            std::fs::copy(&p, &t).unwrap();
            files.push(t);
        }
    }
}

const INSERTS: &[&[u8]] = &[
    b"---\n",
    b":",
    b": [",
    b"{{",
    b"}}",
    b"{{ nope }}",
    b"\t",
    b"\xff\xfe",
    b"\r",
    b"&a ",
    b"*a",
    b"- ",
    b"> [!TRAINER]\n",
    b"> [!PROMPTS]\n",
    b"99999999999999999999",
    b"-5",
    b"0",
    b"[x](missing.md#gone)",
    b"](",
    b"```rust\nfn x(",
    b"\"",
    b"'",
    b"#",
    b"day: 0\n",
    b"block: nowhere\n",
    b"same_as: ../../../x.md\n",
    b"at: \"25:00\"\n",
    b"<script>",
    b"\0",
];

/// The byte range of the line (with its newline) that holds offset `at`.
fn line_at(d: &[u8], at: usize) -> std::ops::Range<usize> {
    let start = d[..at]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let end = d[at..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(d.len(), |i| at + i + 1);
    start..end
}

fn mutate(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let mut d = data.to_vec();
    let at = rng.below(d.len() + 1);
    match rng.below(6) {
        0 => d.truncate(at),
        1 => {
            let ins = INSERTS[rng.below(INSERTS.len())];
            d.splice(at..at, ins.iter().copied());
        }
        2 => {
            // Delete a line.
            d.drain(line_at(&d, at));
        }
        3 => {
            // Duplicate a line.
            let line = line_at(&d, at);
            let copy = d[line.clone()].to_vec();
            d.splice(line.start..line.start, copy);
        }
        4 => {
            if at < d.len() {
                d[at] = (rng.next() & 0xff) as u8;
            }
        }
        _ => {
            let n = rng.below(3) + 1;
            for _ in 0..n {
                let i = rng.below(d.len() + 1);
                let ins = INSERTS[rng.below(INSERTS.len())];
                d.splice(i..i, ins.iter().copied());
            }
        }
    }
    d
}

#[test]
fn mangled_example_files_never_crash_or_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site-root");
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    copy_dir(&example.join("content"), &root.join("content"), &mut files);
    std::fs::copy(example.join("book.toml"), root.join("book.toml")).unwrap();
    files.push(root.join("book.toml"));
    files.retain(|f| f.extension().is_some_and(|e| e == "md" || e == "toml"));
    files.sort();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut ok, mut failed) = (0, 0);
    for case in 0..250 {
        let file = &files[case % files.len()];
        let original = std::fs::read(file).unwrap();
        let mangled = mutate(&mut rng, &original);
        std::fs::write(file, &mangled).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_coursebook"))
            .args(["build", "--root"])
            .arg(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                panic!(
                    "case {case}: build of mangled {} hangs:\n{}",
                    file.display(),
                    String::from_utf8_lossy(&mangled)
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let mut err = String::new();
        use std::io::Read;
        let _ = child.stderr.take().unwrap().read_to_string(&mut err);
        match status.code() {
            Some(0) => ok += 1,
            Some(1) => {
                failed += 1;
                assert!(
                    err.contains("error"),
                    "case {case}: exit 1 without an error message: {err}"
                );
            }
            other => panic!(
                "case {case}: exit {other:?} for mangled {}:\n{err}\n--- file ---\n{}",
                file.display(),
                String::from_utf8_lossy(&mangled)
            ),
        }
        assert!(!err.contains("panicked"), "case {case}: {err}");
        std::fs::write(file, &original).unwrap();
    }
    assert!(
        ok > 10 && failed > 10,
        "the mutations should both pass and fail: {ok} ok, {failed} failed"
    );
}
