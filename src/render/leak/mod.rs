//! The participant build's safety net: trainer-only parts are dropped while loading, and
//! this scans every written byte (inside `.docx` and `site.zip` too) for what was dropped,
//! so a template or a view that picks trainer text up by another road fails the build
//! instead of leaking.
//!
//! Exact and quiet: text is compared as words (Unicode case folding; punctuation, markup,
//! entities and escapes are not words), and a probe is only text that occurs nowhere in
//! what participants may see (the participant model and the theme's own words), so a
//! lesson's name shared by a trainer page's title is not a leak.

mod text;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use super::{Content, Output};
use crate::diagnostics::Diagnostic;
use crate::model::{Fragment, Site};
use text::{bytes_of, markup_text, texts_of, zip_members};

/// Shorter probes (a note saying "Yes, do") occur in any text: letters and digits, not
/// spaces; a probe also has two words at least.
const MIN_PROBE: usize = 6;
/// A longer paragraph is probed by overlapping runs of this many words, so that a part of
/// it (a snippet, a line of a table) is found too.
const WINDOW: usize = 8;
/// Members of a zip read at most, and bytes read of each: a site's zip and a letter's
/// `.docx` are far smaller.
const MAX_MEMBERS: usize = 200_000;
const MAX_MEMBER_BYTES: u64 = 64 * 1024 * 1024;

/// `text` as words: each run of letters and digits case-folded, one space between runs,
/// a space at each end (so a probe matches whole words only).
pub fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The probes of one fragment's text: the whole text when short, else overlapping runs.
fn probes_of(text: &str) -> Vec<String> {
    let w = words(text);
    let list: Vec<&str> = w.split(' ').filter(|x| !x.is_empty()).collect();
    // One word ("Hidden.") is no evidence of a leak: it is in any stylesheet.
    if list.len() < 2 || list.iter().map(|x| x.len()).sum::<usize>() < MIN_PROBE {
        return Vec::new();
    }
    if list.len() <= WINDOW + WINDOW / 2 {
        return vec![w];
    }
    let step = WINDOW / 2;
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = (start + WINDOW).min(list.len());
        out.push(format!(" {} ", list[start..end].join(" ")));
        if end == list.len() {
            break;
        }
        start = (start + step).min(list.len() - WINDOW);
    }
    out
}

/// The scan of a participant build: probes made once, then every batch of outputs read.
pub struct Scanner {
    fragments: Vec<Fragment>,
    /// Each probe's fragment, in the automaton's pattern order.
    owners: Vec<usize>,
    ac: Option<AhoCorasick>,
}

impl Scanner {
    /// Probes for `fragments`, less those that occur in `public` (text participants may
    /// see, as [`words`] makes it).
    pub fn new(fragments: &[Fragment], public: &str) -> Scanner {
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, f) in fragments.iter().enumerate() {
            let list = if f.is_path {
                // Links are written from the site root down: the whole path as words.
                vec![words(&f.text)]
            } else {
                probes_of(&f.text)
            };
            for p in list {
                if seen.insert(p.clone()) {
                    patterns.push(p);
                    owners.push(i);
                }
            }
        }
        // What participants may read anyway is not a leak.
        let shared: std::collections::HashSet<usize> = automaton(&patterns)
            .map(|ac| {
                ac.find_overlapping_iter(public)
                    .map(|m| m.pattern().as_usize())
                    .collect()
            })
            .unwrap_or_default();
        let (patterns, owners): (Vec<String>, Vec<usize>) = patterns
            .into_iter()
            .zip(owners)
            .enumerate()
            .filter(|(k, _)| !shared.contains(k))
            .map(|(_, p)| p)
            .unzip();
        Scanner {
            fragments: fragments.to_vec(),
            ac: automaton(&patterns),
            owners,
        }
    }

    /// One error per leaked fragment, at its place in its source, naming the first output
    /// it reached.
    pub fn scan(&self, outputs: &[Output]) -> Vec<Diagnostic> {
        let paths: std::collections::HashMap<&str, usize> = self
            .fragments
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_path)
            .map(|(i, f)| (f.text.as_str(), i))
            .collect();
        let mut hits: Vec<(usize, String)> = outputs
            .par_iter()
            .flat_map_iter(|o| {
                let mut found: Vec<(usize, String)> = Vec::new();
                if let Some(&i) = paths.get(o.path.as_str()) {
                    found.push((i, o.path.clone()));
                }
                let Some(ac) = &self.ac else {
                    return found;
                };
                let mut look = |where_: &str, text: &str| {
                    for m in ac.find_overlapping_iter(text) {
                        found.push((self.owners[m.pattern().as_usize()], where_.to_string()));
                    }
                };
                match &o.content {
                    // A zip on disk (`site.zip`) is read member by member, never whole.
                    Content::Copy(p) if o.path.ends_with(".zip") => {
                        if let Ok(f) = std::fs::File::open(p) {
                            zip_members(&o.path, std::io::BufReader::new(f), &mut look, 0);
                        }
                    }
                    _ => {
                        if let Some(bytes) = bytes_of(o) {
                            texts_of(&o.path, &bytes, &mut look, 0);
                        }
                    }
                }
                found
            })
            .collect();
        hits.sort();
        hits.dedup_by_key(|h| h.0);
        hits.into_iter()
            .map(|(i, out)| {
                let f = &self.fragments[i];
                let what = if f.is_path {
                    format!("the trainer-only page `{}`", f.text)
                } else {
                    format!("trainer-only text “{}”", ellipsis(&f.text, 60))
                };
                let d = Diagnostic::error(
                    &f.src,
                    format!("{what} appears in the participant build, in `{out}`"),
                )
                .hint("the participant build stops rather than leak; if participants may see this text, move it out of the trainer-only part (or reword one of the two)");
                if f.line > 0 { d.at(f.line, f.col) } else { d }
            })
            .collect()
    }
}

fn automaton(patterns: &[String]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .ok()
}

/// What a participant build may show, as [`words`]: everything its model holds that a
/// page can print, and the theme's own words (labels such as "Discussion prompts").
pub fn public_words(site: &Site, theme_text: &str) -> String {
    let mut t = String::new();
    let mut add = |s: &str| {
        t.push_str(s);
        t.push('\n');
    };
    let c = &site.config;
    add(&c.title);
    c.description.as_deref().map(&mut add);
    c.organisation.as_deref().map(&mut add);
    c.authors.iter().for_each(|a| add(a));
    add(&markup_text(theme_text));
    for pg in site.home.iter().chain(&site.pages) {
        add(&pg.title);
        pg.summary.as_deref().map(&mut add);
        add(&markup_text(&pg.md.html));
    }
    for p in &site.programmes {
        for s in [&p.title, &p.timezone] {
            add(s);
        }
        p.summary.as_deref().map(&mut add);
        for s in [&p.subtitle, &p.audience, &p.venue].into_iter().flatten() {
            add(s);
        }
        p.authors.iter().for_each(|s| add(s));
        p.prerequisites.iter().chain(&p.bring).for_each(|s| add(s));
        for b in &p.blocks {
            match b {
                crate::model::BlockDef::Block { id, title } => {
                    add(id);
                    add(title);
                }
                crate::model::BlockDef::Break { title, .. } => add(title),
            }
        }
        p.days.iter().for_each(|d| add(&d.title));
        add(&markup_text(&p.md.html));
        for s in &p.sessions {
            add(&s.title);
            s.summary.as_deref().map(&mut add);
            s.format.as_deref().map(&mut add);
            s.objectives.iter().chain(&s.materials).for_each(|x| add(x));
            s.themes
                .iter()
                .chain(&s.produces)
                .chain(&s.uses)
                .for_each(|x| add(x));
            s.prompts.iter().for_each(|pr| add(&pr.text));
            add(&markup_text(&s.md.html));
        }
        for pg in &p.pages {
            add(&pg.title);
            pg.summary.as_deref().map(&mut add);
            add(&markup_text(&pg.md.html));
        }
        for l in &p.letters {
            add(&l.title);
            l.description.as_deref().map(&mut add);
            add(&markup_text(&l.html));
            for f in &l.fields {
                add(&f.label);
                f.example.as_deref().map(&mut add);
            }
        }
    }
    words(&t)
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

    fn check(frags: &[Fragment], public: &str, outs: &[Output]) -> Vec<Diagnostic> {
        Scanner::new(frags, &words(public)).scan(outs)
    }

    #[test]
    fn words_fold_case_and_ignore_punctuation() {
        assert_eq!(
            words("Door code: 4471#; mob. 07700-900-123"),
            " door code 4471 mob 07700 900 123 "
        );
        assert_eq!(words("ÜBUNG\u{a0}Eins"), " übung eins ");
    }

    #[test]
    fn finds_a_leak_however_it_is_written_and_names_the_source() {
        let frags = vec![
            Fragment::new("content/p/a.md", "Watch for anyone who disagrees").at(7, 3),
            Fragment::new("content/p/b.md", "Door code: 4471#; mob. 07700-900-123"),
            Fragment::new("content/p/c.md", "Übung für Trainer"),
            Fragment::path("content/p/secret.md", "p/secret.html"),
        ];
        let outs = vec![
            Output::bytes(
                "p/x.html",
                b"<p>watch  for\nanyone who <b>x</b></p>".to_vec(),
            ),
            Output::bytes(
                "p/y.html",
                b"<p>Watch for anyone&nbsp;who\r\n  dis<em>agree</em>s</p>".to_vec(),
            ),
            Output::bytes("p/z.html", b"<a href=\"../p/secret.html\">".to_vec()),
            Output::bytes(
                "p/s.js",
                b"{\"t\":\"door code 4471 \\u2013 mob 07700 900 123\"}".to_vec(),
            ),
            Output::bytes("p/u.html", "<p>ÜBUNG FÜR TRAINER</p>".as_bytes().to_vec()),
        ];
        let d = check(&frags, "", &outs);
        let got: Vec<(&str, usize, bool)> = d
            .iter()
            .map(|x| (x.path.as_str(), x.line, x.message.contains("p/")))
            .collect();
        assert_eq!(
            got,
            vec![
                ("content/p/a.md", 7, true),
                ("content/p/b.md", 0, true),
                ("content/p/c.md", 0, true),
                ("content/p/secret.md", 0, true)
            ],
            "{d:?}"
        );
        assert!(d[0].message.contains("p/y.html"), "{}", d[0].message);
        assert!(check(&frags, "", &outs[..1]).is_empty());
    }

    /// The search index writes a text one character a word over a vocabulary: read as it
    /// is, a leaked note's words are scattered; the scan reads it decoded.
    #[test]
    fn finds_a_leak_in_the_search_index_only_when_decoded() {
        let frags = vec![Fragment::new(
            "content/p/a.md",
            "Watch for anyone who disagrees",
        )];
        let c = |n: usize| crate::render::search::code(n).to_string();
        let body = [4, 3, 2, 1, 0].iter().map(|&n| c(n)).collect::<String>();
        let js = format!(
            "(window.coursebookSearch = window.coursebookSearch || []).push({});\n",
            serde_json::json!({"shards": [], "v": ["disagrees", "who ", "anyone ", "for ", "Watch "],
                "s": ["disagre", "who", "anyon", "for", "watch"], "docs": [{"t": "", "u": "p/s.html", "b": body}]})
        );
        let leak = vec![Output::bytes("p/searchindex.js", js.clone().into_bytes())];
        assert_eq!(check(&frags, "", &leak).len(), 1);
        // The same bytes under another name are read as they are: no leak seen.
        let other = vec![Output::bytes("p/other.js", js.into_bytes())];
        assert!(check(&frags, "", &other).is_empty());
    }

    #[test]
    fn text_participants_may_see_is_not_a_probe() {
        // A trainer page titled with the lesson's name: the name alone is public.
        let frags = vec![
            Fragment::new(
                "content/git/instructor.md",
                "Version Control with Git: Instructor Notes",
            ),
            Fragment::new("content/git/instructor.md", "Discussion prompts"),
        ];
        let outs = vec![Output::bytes(
            "git/index.html",
            b"<h1>Version Control with Git</h1><h2>Discussion prompts</h2>".to_vec(),
        )];
        let public = "Version Control with Git\nDiscussion prompts";
        assert!(check(&frags, public, &outs).is_empty());
        // The whole title still is one.
        let outs = vec![Output::bytes(
            "git/index.html",
            b"<a>Version Control with Git: Instructor Notes</a>".to_vec(),
        )];
        assert_eq!(check(&frags, public, &outs).len(), 1);
    }

    #[test]
    fn long_text_is_found_in_part() {
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen";
        let frags = vec![Fragment::new("s.md", long)];
        let outs = vec![Output::bytes(
            "x.js",
            b"snippet: three four five six seven eight nine ten eleven twelve thirteen fourteen"
                .to_vec(),
        )];
        assert_eq!(check(&frags, "", &outs).len(), 1);
    }

    #[test]
    fn reads_inside_zips_and_unfolds_calendars() {
        let frags = vec![Fragment::new("s.md", "a long trainer only remark")];
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            z.start_file("word/document.xml", opts).unwrap();
            std::io::Write::write_all(
                &mut z,
                b"<w:p><w:r><w:t>a long trai</w:t></w:r><w:r><w:t>ner only remark</w:t></w:r></w:p>",
            )
            .unwrap();
            z.finish().unwrap();
        }
        let docx = Output::bytes("p/letters/x.docx", buf.into_inner());
        let d = check(&frags, "", &[docx]);
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("x.docx:word/document.xml"),
            "{}",
            d[0].message
        );
        let outs = vec![Output::bytes(
            "p/timetable.ics",
            b"DESCRIPTION:a long trainer on\r\n ly remark\\, here\r\n".to_vec(),
        )];
        assert_eq!(check(&frags, "", &outs).len(), 1);
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
        assert_eq!(check(&frags, "", &[copy("assets/notes.txt")]).len(), 1);
        assert!(check(&frags, "", &[copy("assets/notes.png")]).is_empty());
    }
}
