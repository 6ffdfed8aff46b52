//! An index file read back as text: for the leak scan, which must see the words the
//! encoded texts hold, and for tests.

use serde::Deserialize;

use super::pack::decode;

/// One entry of an index file, its texts decoded.
#[derive(Debug, Clone)]
pub struct Indexed {
    pub title: String,
    pub url: String,
    pub when: String,
    pub headings: String,
    pub body: String,
    /// The stems of the entry's chunk (every word its chunk holds).
    pub chunk_stems: std::sync::Arc<Vec<String>>,
}

#[derive(Deserialize)]
struct Chunk {
    #[serde(default)]
    v: Vec<String>,
    #[serde(default)]
    s: Vec<String>,
    #[serde(default)]
    docs: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    t: String,
    #[serde(default)]
    u: String,
    #[serde(default)]
    w: String,
    #[serde(default)]
    h: String,
    #[serde(default)]
    b: String,
}

/// The entries of an index file (`searchindex.js`), in order. `Err` names a chunk that is
/// not the build's JSON.
pub fn read(js: &str) -> Result<Vec<Indexed>, String> {
    const PUSH: &str = ".push(";
    let mut out = Vec::new();
    for line in js.lines().filter(|l| l.contains(PUSH)) {
        let (Some(start), Some(end)) = (line.find(PUSH), line.rfind(");")) else {
            return Err(format!("not a chunk: {line:.60}"));
        };
        let chunk: Chunk = serde_json::from_str(&line[start + PUSH.len()..end])
            .map_err(|e| format!("chunk: {e}"))?;
        let stems = std::sync::Arc::new(chunk.s);
        for d in chunk.docs {
            out.push(Indexed {
                title: decode(&d.t, &chunk.v),
                url: d.u,
                when: d.w,
                headings: decode(&d.h, &chunk.v),
                body: decode(&d.b, &chunk.v),
                chunk_stems: stems.clone(),
            });
        }
    }
    Ok(out)
}

/// All the text an index file holds, one entry a line (the leak scan's reading).
pub fn text(js: &str) -> String {
    let mut out = String::new();
    for e in read(js).unwrap_or_default() {
        for part in [&e.title, &e.when, &e.headings, &e.body] {
            out.push_str(part);
            out.push('\n');
        }
    }
    out
}
