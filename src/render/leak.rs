//! The participant build's last line of defence: trainer-only parts are dropped while
//! loading, and this scans every written byte for what was dropped, so a template or a
//! view that picks trainer text up by another road fails the build instead of leaking.

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use super::{Content, Output};
use crate::diagnostics::Diagnostic;
use crate::model::Fragment;
use crate::util::encode_path;

/// Shorter runs of words ("If not", "Yes") occur in any text; they would only raise false alarms.
const MIN_PROBE: usize = 12;

/// What to look for: the longest run of letters, digits and spaces in the text, which
/// survives HTML escaping, smart punctuation and JSON unchanged. Lowercase, spaces collapsed.
pub fn probe(text: &str) -> Option<String> {
    let mut best = String::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, best: &mut String| {
        let t = cur.trim();
        if t.len() > best.len() {
            *best = t.to_string();
        }
        cur.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            if !cur.ends_with(' ') && !cur.is_empty() {
                cur.push(' ');
            }
        } else {
            flush(&mut cur, &mut best);
        }
    }
    flush(&mut cur, &mut best);
    (best.chars().count() >= MIN_PROBE).then_some(best)
}

/// Output text as the probes see it: ICS lines unfolded, whitespace runs collapsed.
fn normalise(path: &str, bytes: &[u8]) -> Vec<u8> {
    let unfolded;
    let bytes = if path.ends_with(".ics") {
        unfolded = String::from_utf8_lossy(bytes).replace("\r\n ", "");
        unfolded.as_bytes()
    } else {
        bytes
    };
    let mut out = Vec::with_capacity(bytes.len());
    let mut space = false;
    for &b in bytes {
        if b.is_ascii_whitespace() {
            space = true;
        } else {
            if space {
                out.push(b' ');
                space = false;
            }
            out.push(b);
        }
    }
    out
}

/// One error per leaked fragment, naming its source file and the first output it reached.
pub fn check(fragments: &[Fragment], outputs: &[Output]) -> Vec<Diagnostic> {
    let mut probes: Vec<(String, usize)> = Vec::new();
    for (i, f) in fragments.iter().enumerate() {
        let p = if f.is_path {
            Some(encode_path(&f.text))
        } else {
            probe(&f.text)
        };
        if let Some(p) = p {
            probes.push((p, i));
        }
    }
    if probes.is_empty() {
        return Vec::new();
    }
    let Ok(ac) = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(probes.iter().map(|(p, _)| p.as_bytes()))
    else {
        return vec![Diagnostic::error("", "cannot build the trainer-only check")];
    };
    let mut hits: Vec<(usize, String)> = outputs
        .par_iter()
        .flat_map_iter(|o| {
            let mut found: Vec<(usize, String)> = Vec::new();
            for (p, i) in &probes {
                if fragments[*i].is_path && o.path == *p {
                    found.push((*i, o.path.clone()));
                }
            }
            let copied;
            let bytes: Option<&[u8]> = match &o.content {
                Content::Bytes(b) => Some(b),
                // Text files copied from the content folder are part of the site too.
                Content::Copy(p) if is_text(&o.path) => {
                    copied = std::fs::read(p).ok();
                    copied.as_deref()
                }
                Content::Deferred(d) => {
                    copied = d.render().ok();
                    copied.as_deref()
                }
                Content::Copy(_) | Content::Static(_) => None,
            };
            if let Some(b) = bytes {
                let text = normalise(&o.path, b);
                for m in ac.find_overlapping_iter(&text[..]) {
                    found.push((probes[m.pattern().as_usize()].1, o.path.clone()));
                }
            }
            found
        })
        .collect();
    hits.sort();
    hits.dedup_by_key(|h| h.0);
    hits.into_iter()
        .map(|(i, out)| {
            let f = &fragments[i];
            let what = if f.is_path {
                format!("the trainer-only page `{}`", f.text)
            } else {
                format!("trainer-only text “{}”", ellipsis(&f.text, 60))
            };
            Diagnostic::error(
                &f.src,
                format!("{what} appears in the participant build, in `{out}`"),
            )
            .hint("the participant build stops rather than leak; if participants may see this text, move it out of the trainer note (or reword one of the two)")
        })
        .collect()
}

fn is_text(path: &str) -> bool {
    let ext = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "html" | "htm" | "txt" | "csv" | "tsv" | "js" | "json" | "xml" | "svg" | "ics" | "css"
    )
}

fn ellipsis(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probes_survive_escaping() {
        assert_eq!(
            probe("Don't rush: the record's \"owner\" Matters  most\nhere").as_deref(),
            Some("matters most here")
        );
        assert_eq!(probe("If not, why not?"), None);
    }

    #[test]
    fn finds_a_leak_and_names_the_source() {
        let frags = vec![
            Fragment::new("content/p/a.md", "Watch for anyone who disagrees"),
            Fragment::path("content/p/secret.md", "p/secret.html"),
        ];
        let outs = vec![
            Output::bytes(
                "p/x.html",
                b"<p>watch  for\nanyone who <b>x</b></p>".to_vec(),
            ),
            Output::bytes(
                "p/y.html",
                b"<p>Watch for anyone who\r\n  disagrees</p>".to_vec(),
            ),
            Output::bytes("p/z.html", b"<a href=\"../p/secret.html\">".to_vec()),
        ];
        let d = check(&frags, &outs);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].path, "content/p/a.md");
        assert!(d[0].message.contains("p/y.html"));
        assert_eq!(d[1].path, "content/p/secret.md");
        assert!(check(&frags, &outs[..1]).is_empty());
    }

    #[test]
    fn scans_copied_text_files_too() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("notes.txt");
        std::fs::write(&f, "A remark meant for trainers alone").unwrap();
        let frags = vec![Fragment::new("s.md", "remark meant for trainers alone")];
        let copy = |path: &str| Output {
            path: path.into(),
            content: Content::Copy(f.clone()),
        };
        assert_eq!(check(&frags, &[copy("assets/notes.txt")]).len(), 1);
        assert!(check(&frags, &[copy("assets/notes.png")]).is_empty());
    }

    #[test]
    fn unfolds_calendar_lines() {
        let frags = vec![Fragment::new("s.md", "a long trainer only remark")];
        let outs = vec![Output::bytes(
            "p/timetable.ics",
            b"DESCRIPTION:a long trainer on\r\n ly remark\r\n".to_vec(),
        )];
        assert_eq!(check(&frags, &outs).len(), 1);
    }
}
