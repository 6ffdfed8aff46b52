//! The offline search index: `searchindex.js` at the site root, loaded by a script tag so it
//! works from `file://`, and one shard per programme (`<programme>/searchindex.js`), built
//! in parallel and loaded by the root file the same way when someone first types.
//!
//! Full text: every page's entry holds all the text the page shows for this edition
//! (session pages with their summary, objectives, prompts, body and materials; plain pages;
//! programme overviews; letters; each prompt; the participant edition's index is made from
//! the participant model, so it holds no trainer-only word), its title, its headings, when
//! it runs and its URL (already percent-encoded). Texts are written one character per word
//! (`pack`), with the chunk's vocabulary and each entry's stem (`words`: the same tokens
//! and stemmer as `search.js`), so `search.js` matches stems and phrases with regular
//! expressions, ranks title over heading over body matches and shows a snippet around the
//! match, with nothing to build when it loads. No third-party script.

pub mod filter;
mod pack;
mod read;
pub mod words;

use serde::Serialize;

use super::Output;
use super::view::ProgrammeViews;
use crate::model::{Page, Programme, Site};
pub use pack::{CAPACITY, code, decode, entry};
pub use read::{Indexed, read, text};
pub use words::Stemmer;

/// A page to index, in plain text.
#[derive(Default)]
struct Doc {
    title: String,
    /// Site-relative path, written percent-encoded (`util::encode_path`) so `search.js`
    /// puts it in an `href` as it is, with no encoder of its own.
    url: String,
    /// Where or when: "Day 1, 09:30 · Session", "Letter", "Prompt · Case summaries".
    when: String,
    /// The headings, one a line (ranked above the body).
    headings: String,
    /// Everything the page shows, headings included.
    body: String,
}

/// One `push`: a chunk's vocabulary, stems, entries and its stemmer's name (`lang`, which
/// `search.js` stems the query by for this chunk); the root's also the shards to load, each
/// shard's filter (`f`, at the same place; `filter`) and stemmer's name (`sl`, left out when
/// every shard has the root's).
#[derive(Serialize)]
struct Chunk<'a> {
    lang: &'a str,
    shards: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    f: &'a [String],
    #[serde(skip_serializing_if = "<[&str]>::is_empty")]
    sl: &'a [&'a str],
    v: Vec<String>,
    s: Vec<String>,
    // `docs` follows, written by `write_docs`.
}

/// The chunk's `docs`, each `{"t", "u", "w", "h", "b"}` (`t`, `h`, `b` token strings,
/// `pack`; `w`, `h`, `b` left out when empty). Written by hand: the token strings are most
/// of the index and hold no character JSON escapes (`pack::code`), so they go straight
/// into the output, with no string of their own and no escaping pass.
fn write_docs(out: &mut String, enc: &pack::Encoder, packed: &[PackedDoc<'_>]) {
    let text = |out: &mut String, s: &str| {
        out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()));
    };
    out.push_str(",\"docs\":[");
    for (i, (d, t, h, b)) in packed.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"t\":\"");
        enc.encode_into(t, out);
        out.push_str("\",\"u\":");
        text(out, &crate::util::encode_path(&d.url));
        if !d.when.is_empty() {
            out.push_str(",\"w\":");
            text(out, &d.when);
        }
        for (name, p) in [("h", h), ("b", b)] {
            if !p.is_empty() {
                out.push_str(",\"");
                out.push_str(name);
                out.push_str("\":\"");
                enc.encode_into(p, out);
                out.push('"');
            }
        }
        out.push('}');
    }
    out.push_str("]}");
}

/// A page with its title, headings and body as tokens of its chunk.
type PackedDoc<'a> = (&'a Doc, pack::Packed, pack::Packed, pack::Packed);

fn lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        if !p.trim().is_empty() {
            out.push_str(p.trim());
            out.push('\n');
        }
    }
    out
}

fn page_doc(pg: &Page, context: &str) -> Doc {
    Doc {
        title: pg.title.clone(),
        url: pg.out.clone(),
        when: context.to_string(),
        headings: lines(pg.md.headings.iter().map(|h| h.text.as_str())),
        body: lines([pg.summary.as_deref().unwrap_or_default(), &pg.md.text]),
    }
}

/// A delivery's page: its title, dates, venue, trainers and joining details (this
/// edition's: the model of a participant build holds no trainer-only delivery or note).
fn delivery_doc(p: &Programme, d: &crate::model::Delivery) -> Doc {
    let dates = d.dates_label().unwrap_or_default();
    let venue = d
        .venue
        .as_deref()
        .or(p.venue.as_deref())
        .unwrap_or_default();
    Doc {
        title: d.title.clone(),
        url: format!("{}/index.html", d.dir(&p.slug)),
        when: ["Delivery", &p.title, &dates]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · "),
        headings: lines(d.md.headings.iter().map(|h| h.text.as_str())),
        body: lines(
            [dates.as_str(), venue]
                .into_iter()
                .chain(d.trainers.iter().map(|t| t.name.as_str()))
                .chain([d.md.text.as_str()]),
        ),
    }
}

/// `window.coursebookSearch.push({...})`: the same statement for the root and every shard,
/// so they can load in any order (the root first, as it names the shards). A shard whose
/// vocabulary would pass [`CAPACITY`] is written as several pushes. Also gives the words'
/// stems and keys, for the shard's filter.
/// The first line of every index file.
const HEADER: &str = "/* coursebook search index */\n";

fn script(
    docs: &[Doc],
    shards: &[(String, String, Stemmer)],
    stemmer: Stemmer,
) -> (Vec<u8>, filter::Terms) {
    let mut out = String::from(HEADER);
    let mut terms = filter::Terms::default();
    let paths: Vec<String> = shards.iter().map(|s| s.0.clone()).collect();
    let filters: Vec<String> = shards.iter().map(|s| s.1.clone()).collect();
    let langs: Vec<&str> = if shards.iter().all(|s| s.2 == stemmer) {
        Vec::new()
    } else {
        shards.iter().map(|s| s.2.code()).collect()
    };
    let mut rest = docs;
    let mut first = true;
    while first || !rest.is_empty() {
        let mut packer = pack::Packer::new(stemmer);
        let mut packed: Vec<PackedDoc<'_>> = Vec::new();
        for d in rest {
            // A whole page fits when even all its tokens were new.
            let bound = (d.title.len() + d.headings.len() + d.body.len()) / 2 + 3;
            if !packed.is_empty() && packer.entries() + bound > CAPACITY {
                break;
            }
            packed.push((
                d,
                packer.add(&d.title),
                packer.add(&d.headings),
                packer.add(&d.body),
            ));
        }
        rest = &rest[packed.len()..];
        terms.extend(packer.take_terms());
        let (v, s, enc) = packer.finish();
        let chunk = Chunk {
            lang: stemmer.code(),
            shards: if first { &paths } else { &[] },
            f: if first && filters.iter().any(|f| !f.is_empty()) {
                &filters
            } else {
                &[]
            },
            sl: if first { &langs } else { &[] },
            v,
            s,
        };
        let json = serde_json::to_string(&chunk)
            .unwrap_or_else(|_| "{\"shards\":[],\"v\":[],\"s\":[]}".into());
        out.push_str("(window.coursebookSearch = window.coursebookSearch || []).push(");
        // The head's closing brace makes way for `docs`.
        out.push_str(json.strip_suffix('}').unwrap_or(&json));
        write_docs(&mut out, &enc, &packed);
        out.push_str(");\n");
        first = false;
    }
    (out.into_bytes(), terms)
}

/// The root index: home and site pages (stemmed by the site's language), the programme
/// shards to load with their filters (as [`shard`] gave them, by shard path; a shard
/// without one is always loaded) and their stemmers (each programme's or edition's
/// language).
pub fn root(site: &Site, filters: &std::collections::HashMap<String, String>) -> Output {
    let stemmer = Stemmer::for_language(&site.config.language);
    let mut docs = Vec::new();
    if let Some(h) = &site.home {
        let mut d = page_doc(h, "Home");
        d.url = "index.html".into();
        docs.push(d);
    }
    // A translated page (or home page) says its language, so two versions of one page in
    // the results can be told apart, and is stemmed by it: the root's pages in another
    // language than the site's are chunks of their own, each with its `lang`.
    let mut other: Vec<(Stemmer, Vec<Doc>)> = Vec::new();
    for pg in &site.pages {
        let lang = site.editions.lang.get(&pg.out);
        let name =
            lang.map(|l| crate::model::clock::Lang::parse(l).map_or(l.as_str(), |x| x.autonym()));
        let kind = if site.editions.is_home(&pg.out) {
            "Home"
        } else {
            "Page"
        };
        let doc = match name {
            Some(name) => page_doc(pg, &format!("{kind} · {name}")),
            None => page_doc(pg, kind),
        };
        match lang.map(|l| Stemmer::for_language(l)) {
            Some(st) if st != stemmer => match other.iter_mut().find(|g| g.0 == st) {
                Some(g) => g.1.push(doc),
                None => other.push((st, vec![doc])),
            },
            _ => docs.push(doc),
        }
    }
    let shards: Vec<(String, String, Stemmer)> = site
        .programmes
        .iter()
        .map(|p| {
            let path = shard_path(&p.slug);
            let f = filters.get(&path).cloned().unwrap_or_default();
            (path, f, Stemmer::for_language(&p.language))
        })
        .collect();
    let mut out = script(&docs, &shards, stemmer).0;
    for (st, docs) in &other {
        let more = script(docs, &[], *st).0;
        out.extend_from_slice(more.strip_prefix(HEADER.as_bytes()).unwrap_or(&more));
    }
    Output::bytes("searchindex.js", out)
}

/// The theme's Snowball scripts (`theme/search-stem-*.js`) the site's search loads: the
/// base and one per Snowball language of the root or a shard; none for an English site.
pub fn stem_scripts(site: &Site) -> Vec<&'static str> {
    let mut out = Vec::new();
    let langs = std::iter::once(site.config.language.as_str())
        .chain(site.programmes.iter().map(|p| p.language.as_str()))
        .chain(site.editions.lang.values().map(String::as_str));
    for l in langs {
        let file = match Stemmer::for_language(l) {
            Stemmer::French => "search-stem-fr.js",
            Stemmer::German => "search-stem-de.js",
            Stemmer::Spanish => "search-stem-es.js",
            Stemmer::English | Stemmer::None => continue,
        };
        if !out.contains(&file) {
            out.push(file);
        }
    }
    if !out.is_empty() {
        out.push("search-stem-base.js");
    }
    out
}

pub fn shard_path(slug: &str) -> String {
    format!("{slug}/searchindex.js")
}

/// A letter's body as text: its HTML without tags, placeholders left out.
fn letter_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[i + 1..i + j];
        if tag.starts_with('/') || tag.starts_with("br") {
            out.push('\n');
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    let mut text = String::with_capacity(out.len());
    let mut in_slot = false;
    for c in out.chars() {
        match c {
            '\u{E000}' => in_slot = true,
            '\u{E001}' => {
                in_slot = false;
                text.push(' ');
            }
            _ if !in_slot => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// A programme's shard: the programme, its tools, sessions, prompts, pages and letters,
/// stemmed by `stemmer` (the programme's or edition's language); and its filter, for the
/// root index.
// Long by design: one block per kind of entry (programme, tools, sessions, prompts, pages,
// letters), in the order the search box lists them.
pub fn shard(
    p: &Programme,
    v: &ProgrammeViews,
    participant: bool,
    stemmer: Stemmer,
) -> (Output, String) {
    let started = std::time::Instant::now();
    let mut docs = vec![Doc {
        title: p.title.clone(),
        url: format!("{}/index.html", p.slug),
        when: "Programme".into(),
        headings: lines(p.md.headings.iter().map(|h| h.text.as_str())),
        body: lines(
            [
                p.subtitle.as_deref().unwrap_or_default(),
                p.summary.as_deref().unwrap_or_default(),
                p.audience.as_deref().unwrap_or_default(),
                p.venue.as_deref().unwrap_or_default(),
            ]
            .into_iter()
            .chain(p.prerequisites.iter().map(|x| &**x))
            .chain(p.bring.iter().map(|x| &**x))
            .chain([p.md.text.as_str()]),
        ),
    }];
    let tr = &v.tr;
    let mut tools: Vec<(String, String)> = [
        ("timetable", "timetable.html"),
        ("discussion_prompts", "prompts.html"),
        ("materials_and_pack_lists", "materials.html"),
        ("participant_handout", "handout.html"),
        ("print_programme", "print.html"),
    ]
    .iter()
    .map(|(t, f)| (tr.get(t, &[]), format!("{}/{f}", p.slug)))
    .collect();
    if v.nav.themes.is_some() {
        tools.push((tr.get("themes", &[]), format!("{}/themes.html", p.slug)));
    }
    tools.push((tr.get("action_plan_sheet", &[]), v.nav.action_plan.clone()));
    if let Some(post_box) = v.nav.post_box.as_ref().filter(|_| !participant) {
        tools.push((tr.get("post_box_summary", &[]), post_box.clone()));
    }
    if !participant {
        for d in &v.days {
            tools.push((
                tr.get("run_sheet_heading", &[("day", &d.title)]),
                super::handout::runsheet_path(&p.slug, d.number),
            ));
        }
    }
    for (title, url) in tools {
        docs.push(Doc {
            title,
            url,
            when: p.title.clone(),
            ..Doc::default()
        });
    }
    for &i in &v.order {
        let s = &p.sessions[i];
        let when = v
            .when(i)
            .unwrap_or_else(|| v.tr.count("day_n", u64::from(s.day), &[]));
        // Front-matter prompts; the callouts' items are in the body's text already.
        let prompts = s
            .prompts
            .iter()
            .filter(|x| x.note.is_some() || !s.md.prompts.contains(&x.text.text))
            .flat_map(|x| [&*x.text, x.note.as_deref().unwrap_or_default()]);
        docs.push(Doc {
            title: s.title.clone(),
            url: s.out.clone(),
            when: when.clone(),
            headings: lines(s.md.headings.iter().map(|h| h.text.as_str())),
            body: lines(
                [
                    s.summary.as_deref().unwrap_or_default(),
                    s.format.as_deref().unwrap_or_default(),
                ]
                .into_iter()
                .chain(s.objectives.iter().map(|x| &**x))
                .chain(prompts)
                .chain([s.md.text.as_str()])
                .chain(s.materials.iter().map(|x| &**x)),
            ),
        });
        for pr in &s.prompts {
            docs.push(Doc {
                title: pr.text.text.clone(),
                url: format!("{}#session-prompts", s.out),
                when: v.tr.get(
                    "search_prompt_when",
                    &[("session", &s.title), ("when", &when)],
                ),
                headings: String::new(),
                body: pr.note.as_ref().map(|n| n.text.clone()).unwrap_or_default(),
            });
        }
    }
    docs.extend(p.pages.iter().map(|pg| page_doc(pg, &p.title)));
    for l in &p.letters {
        docs.push(Doc {
            title: l.title.clone(),
            url: l.out.clone(),
            when: v.tr.get("search_letter", &[]),
            headings: String::new(),
            body: lines(
                l.description
                    .as_deref()
                    .into_iter()
                    .chain(l.fields.iter().map(|f| f.label.as_str()))
                    .chain([letter_text(&l.html).as_str()]),
            ),
        });
    }
    docs.extend(p.deliveries.iter().map(|d| delivery_doc(p, d)));
    let (js, terms) = script(&docs, &[], stemmer);
    let out = (Output::bytes(shard_path(&p.slug), js), terms.filter());
    super::theme::record_time("searchindex.js (search shards)", started);
    out
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
        let docs: Vec<Doc> = cases
            .iter()
            .map(|(path, _)| Doc {
                url: path.to_string(),
                ..Doc::default()
            })
            .collect();
        let js = String::from_utf8(script(&docs, &[], Stemmer::English).0).unwrap();
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

    #[test]
    fn a_letter_is_read_without_its_markup_or_placeholders() {
        let t =
            letter_text("<p>Dear \u{E000}0\u{E001},</p>\n<p>Tom &amp; Jo&#39;s <em>day</em></p>");
        assert_eq!(pack::squeeze(&t), "Dear ,\nTom & Jo's day");
    }

    /// A vocabulary past one chunk's capacity goes on in another push, each text whole.
    #[test]
    fn a_big_shard_is_written_as_several_chunks() {
        let docs: Vec<Doc> = (0..3)
            .map(|k| Doc {
                title: format!("Page {k}"),
                body: (0..30_000).map(|i| format!("w{k}x{i} ")).collect(),
                ..Doc::default()
            })
            .collect();
        let js = String::from_utf8(script(&docs, &[], Stemmer::English).0).unwrap();
        let mut seen = 0;
        for line in js.lines().filter(|l| l.contains("push(")) {
            let json = &line[line.find("push(").unwrap() + 5..line.rfind(");").unwrap()];
            let v: serde_json::Value = serde_json::from_str(json).unwrap();
            let vocab: Vec<String> = serde_json::from_value(v["v"].clone()).unwrap();
            assert!(vocab.len() <= CAPACITY);
            for d in v["docs"].as_array().unwrap() {
                let body = decode(d["b"].as_str().unwrap(), &vocab);
                assert_eq!(body, pack::squeeze(&docs[seen].body));
                seen += 1;
            }
        }
        assert_eq!(seen, 3);
    }
}
