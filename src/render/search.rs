//! The offline search index: `searchindex.js` at the site root, loaded by a script tag so it
//! works from `file://`, and one shard per programme (`<programme>/searchindex.js`), built
//! in parallel and loaded by the root file the same way.
//!
//! Not a full-text engine: each entry holds a page's title, when it runs, a short snippet
//! and a bag of its searchable words (summary, objectives, headings, prompts, the start of
//! its text). `search.js` matches every typed word as a prefix of a word there, titles
//! first, and links to the entry's URL as the index holds it (already encoded). That keeps the index near the size of the text it covers (an inverted index of
//! whole bodies, as elasticlunr writes, came to 26 MB for 5,000 pages) and needs no
//! third-party script.

use serde::Serialize;

use super::Output;
use super::view::ProgrammeViews;
use crate::model::{Page, Programme, Site};

const SNIPPET: usize = 160;

/// One search result to be.
#[derive(Serialize)]
pub struct Entry {
    /// Title.
    t: String,
    /// Site-relative path, written percent-encoded (`util::encode_path`) so `search.js`
    /// puts it in an `href` as it is, with no encoder of its own.
    #[serde(serialize_with = "encoded")]
    u: String,
    /// Where or when: "Day 1, 09:30 · Session", "Letter", "Prompt · Case summaries".
    w: String,
    /// Snippet shown under the title.
    s: String,
    /// More words to match (not shown).
    x: String,
}

fn encoded<S: serde::Serializer>(path: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::util::encode_path(path))
}

fn page_entry(pg: &Page, context: &str) -> Entry {
    let headings: Vec<&str> = pg.md.headings.iter().map(|h| h.text.as_str()).collect();
    Entry {
        t: pg.title.clone(),
        u: pg.out.clone(),
        w: context.to_string(),
        s: crate::util::truncate_words(pg.summary.as_deref().unwrap_or(&pg.md.snippet), SNIPPET),
        x: format!(
            "{} {} {}",
            pg.summary.as_deref().unwrap_or_default(),
            headings.join(" "),
            pg.md.snippet
        ),
    }
}

/// `window.coursebookSearch.push({...})`: the same statement for the root and every shard,
/// so they can load in any order.
fn script(entries: &[Entry], shards: &[String]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Chunk<'a> {
        docs: &'a [Entry],
        shards: &'a [String],
    }
    let json = serde_json::to_string(&Chunk {
        docs: entries,
        shards,
    })
    .unwrap_or_else(|_| "{\"docs\":[],\"shards\":[]}".into());
    format!(
        "/* coursebook search index */\n(window.coursebookSearch = window.coursebookSearch || []).push({json});\n"
    )
    .into_bytes()
}

/// The root index: home and site pages, and the programme shards to load.
pub fn root(site: &Site) -> Output {
    let mut entries = Vec::new();
    if let Some(h) = &site.home {
        let mut e = page_entry(h, "Home");
        e.u = "index.html".into();
        entries.push(e);
    }
    entries.extend(site.pages.iter().map(|pg| page_entry(pg, "Page")));
    let shards: Vec<String> = site
        .programmes
        .iter()
        .map(|p| shard_path(&p.slug))
        .collect();
    Output::bytes("searchindex.js", script(&entries, &shards))
}

pub fn shard_path(slug: &str) -> String {
    format!("{slug}/searchindex.js")
}

/// A programme's shard: the programme, its tools, sessions, prompts, pages and letters.
// Long by design: one block per kind of entry (programme, tools, sessions, prompts, pages,
// letters), in the order the search box lists them.
pub fn shard(p: &Programme, v: &ProgrammeViews, participant: bool) -> Output {
    let mut entries = vec![Entry {
        t: p.title.clone(),
        u: format!("{}/index.html", p.slug),
        w: "Programme".into(),
        s: crate::util::truncate_words(p.summary.as_deref().unwrap_or(&p.md.snippet), SNIPPET),
        x: format!(
            "{} {} {}",
            p.subtitle.as_deref().unwrap_or_default(),
            p.summary.as_deref().unwrap_or_default(),
            p.md.snippet
        ),
    }];
    let mut tools: Vec<(String, String)> = [
        ("Timetable", "timetable.html"),
        ("Discussion prompts", "prompts.html"),
        ("Materials checklist", "materials.html"),
        ("Participant handout", "handout.html"),
        ("Print the programme", "print.html"),
    ]
    .iter()
    .map(|(t, f)| (t.to_string(), format!("{}/{f}", p.slug)))
    .collect();
    if v.nav.themes.is_some() {
        tools.push(("Themes".into(), format!("{}/themes.html", p.slug)));
    }
    if !participant {
        for d in &v.days {
            tools.push((
                format!("Run sheet: {}", d.title),
                super::handout::runsheet_path(&p.slug, d.number),
            ));
        }
    }
    for (t, u) in tools {
        entries.push(Entry {
            t,
            u,
            w: p.title.clone(),
            s: String::new(),
            x: String::new(),
        });
    }
    for &i in &v.order {
        let s = &p.sessions[i];
        let when = v.when(i).unwrap_or_else(|| format!("Day {}", s.day));
        let headings: Vec<&str> = s.md.headings.iter().map(|h| h.text.as_str()).collect();
        let prompts: Vec<&str> = s.prompts.iter().map(|x| &*x.text).collect();
        entries.push(Entry {
            t: s.title.clone(),
            u: s.out.clone(),
            w: when.clone(),
            s: crate::util::truncate_words(s.summary.as_deref().unwrap_or(&s.md.snippet), SNIPPET),
            x: format!(
                "{} {} {} {} {} {}",
                s.summary.as_deref().unwrap_or_default(),
                s.format.as_deref().unwrap_or_default(),
                s.objectives.join(" "),
                headings.join(" "),
                s.materials.join(" "),
                s.md.snippet,
            ),
        });
        for pr in prompts {
            entries.push(Entry {
                t: crate::util::truncate_words(pr, 120),
                u: format!("{}#session-prompts", s.out),
                w: format!("Prompt · {} · {when}", s.title),
                s: String::new(),
                x: String::new(),
            });
        }
    }
    entries.extend(p.pages.iter().map(|pg| page_entry(pg, &p.title)));
    for l in &p.letters {
        entries.push(Entry {
            t: l.title.clone(),
            u: l.out.clone(),
            w: "Letter".into(),
            s: crate::util::truncate_words(l.description.as_deref().unwrap_or_default(), SNIPPET),
            x: l.fields
                .iter()
                .map(|f| f.label.as_str())
                .chain(l.description.as_deref())
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    Output::bytes(shard_path(&p.slug), script(&entries, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index holds each URL ready for an `href`: the cases `search.js` was once held to.
    #[test]
    fn urls_are_written_encoded() {
        let cases = [
            ("a b/\u{e9}.html", "a%20b/%C3%A9.html"),
            ("t.html#a b", "t.html#a%20b"),
            ("p/s.html#session-prompts", "p/s.html#session-prompts"),
            ("q?.html", "q%3F.html"),
            ("100%.html", "100%25.html"),
            ("a[1].html", "a%5B1%5D.html"),
            ("x\"<>\\^`{|}.html", "x%22%3C%3E%5C%5E%60%7B%7C%7D.html"),
            ("!$&'()*+,;=@-_.~", "!$&'()*+,;=@-_.~"),
            (
                "javascript:alert(1)/index.html",
                "javascript%3Aalert(1)/index.html",
            ),
            ("a.html#b#c", "a.html#b%23c"),
            ("\u{1f600}.html", "%F0%9F%98%80.html"),
        ];
        let entries: Vec<Entry> = cases
            .iter()
            .map(|(path, _)| Entry {
                t: String::new(),
                u: path.to_string(),
                w: String::new(),
                s: String::new(),
                x: String::new(),
            })
            .collect();
        let js = String::from_utf8(script(&entries, &[])).unwrap();
        let json = &js[js.find("push(").unwrap() + 5..js.rfind(");").unwrap()];
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let got: Vec<&str> = v["docs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["u"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = cases.iter().map(|(_, url)| *url).collect();
        assert_eq!(got, want);
    }
}
