//! The index's encoding: text as one character per word.
//!
//! A chunk's text is cut into tokens, each one word and what follows it up to the next word
//! (spaces and punctuation; a run of white space is kept as one space, or one newline when
//! it has one), and a first token of what comes before the first word. Each distinct token
//! is written once in the chunk's vocabulary `v` (most frequent first), its word's stem at
//! the same place in `s` ("" for the first, wordless kind), and every text as a string of
//! one character per token: the n-th entry is character [`code`]`(n)`. So a page's text
//! costs one to three bytes a word, `search.js` finds a word by a regular expression of the
//! characters whose stems match, a phrase by a sequence of them, and shows a snippet by
//! writing back the tokens around a match.

use std::collections::HashMap;

use super::words::{Stemmer, spans};

/// Entries a chunk can hold: printable ASCII but `"` and `\`, then U+00A0 to U+FFFD
/// without surrogates. A bigger programme is written as several chunks.
pub const CAPACITY: usize = 93 + (0xD800 - 0xA0) + (0xFFFE - 0xE000);

/// The character of vocabulary entry `n` (`n < CAPACITY`).
pub fn code(n: usize) -> char {
    let cp = if n < 93 {
        let mut c = 0x20 + n as u32;
        if c >= 0x22 {
            c += 1;
        }
        if c >= 0x5C {
            c += 1;
        }
        c
    } else if n < 93 + (0xD800 - 0xA0) {
        0xA0 + (n - 93) as u32
    } else {
        0xE000 + (n - 93 - (0xD800 - 0xA0)) as u32
    };
    char::from_u32(cp).unwrap_or('\u{FFFD}')
}

/// The entry a character stands for (the inverse of [`code`]).
pub fn entry(c: char) -> Option<usize> {
    let cp = c as u32;
    match cp {
        0x20..=0x7E if cp != 0x22 && cp != 0x5C => {
            Some((cp - 0x20) as usize - usize::from(cp > 0x22) - usize::from(cp > 0x5C))
        }
        0xA0..=0xD7FF => Some(93 + (cp - 0xA0) as usize),
        0xE000..=0xFFFD => Some(93 + (0xD800 - 0xA0) + (cp - 0xE000) as usize),
        _ => None,
    }
}

/// White space as the index keeps it: each run one space, or one newline if it has one.
pub fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Option<char> = None;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            run = Some(if c == '\n' || run == Some('\n') {
                '\n'
            } else {
                ' '
            });
        } else {
            if let Some(r) = run.take() {
                out.push(r);
            }
            out.push(c);
        }
    }
    out
}

/// Builds one chunk: vocabulary and token strings.
pub struct Packer {
    stemmer: Stemmer,
    ids: HashMap<String, u32>,
    /// Each entry: token text, stem, count.
    vocab: Vec<(String, String, u32)>,
}

/// A text as provisional entry numbers, until the chunk's order is known.
pub struct Packed(Vec<u32>);

impl Packer {
    pub fn new(stemmer: Stemmer) -> Self {
        Packer {
            stemmer,
            ids: HashMap::new(),
            vocab: Vec::new(),
        }
    }

    pub(super) fn entries(&self) -> usize {
        self.vocab.len()
    }

    /// `text` as tokens of this chunk (a token past [`CAPACITY`] is left out).
    pub fn add(&mut self, text: &str) -> Packed {
        let text = squeeze(text);
        let spans = spans(&text);
        let mut out = Vec::with_capacity(spans.len() + 1);
        let first = spans.first().map_or(text.len(), |s| s.0);
        if first > 0 {
            self.push(&text[..first], 0, &mut out);
        }
        for (i, &(s, e)) in spans.iter().enumerate() {
            let next = spans.get(i + 1).map_or(text.len(), |n| n.0);
            self.push(&text[s..next], e - s, &mut out);
        }
        Packed(out)
    }

    /// One token, whose word is its first `word` bytes.
    fn push(&mut self, token: &str, word: usize, out: &mut Vec<u32>) {
        if let Some(&id) = self.ids.get(token) {
            self.vocab[id as usize].2 += 1;
            out.push(id);
            return;
        }
        if self.vocab.len() >= CAPACITY {
            return;
        }
        let id = self.vocab.len() as u32;
        let stem = if word == 0 {
            String::new()
        } else {
            self.stemmer.stem(&super::words::key(&token[..word]))
        };
        self.ids.insert(token.to_string(), id);
        self.vocab.push((token.to_string(), stem, 1));
        out.push(id);
    }

    /// The vocabulary (`v`), stems (`s`) and a function from packed texts to strings.
    pub fn finish(self) -> (Vec<String>, Vec<String>, Encoder) {
        let mut order: Vec<usize> = (0..self.vocab.len()).collect();
        order.sort_by(|&a, &b| self.vocab[b].2.cmp(&self.vocab[a].2).then(a.cmp(&b)));
        let mut rank = vec![0u32; order.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r as u32;
        }
        let mut vocab: Vec<Option<(String, String, u32)>> =
            self.vocab.into_iter().map(Some).collect();
        let (mut v, mut s) = (
            Vec::with_capacity(order.len()),
            Vec::with_capacity(order.len()),
        );
        for &i in &order {
            if let Some((t, st, _)) = vocab[i].take() {
                v.push(t);
                s.push(st);
            }
        }
        (v, s, Encoder(rank))
    }
}

/// Writes packed texts in the chunk's final order.
pub struct Encoder(Vec<u32>);

impl Encoder {
    pub fn encode(&self, p: &Packed) -> String {
        p.0.iter()
            .map(|&id| code(self.0[id as usize] as usize))
            .collect()
    }
}

/// A token string back as text, given the chunk's vocabulary (for the leak scan and tests).
pub fn decode(s: &str, vocab: &[String]) -> String {
    s.chars()
        .filter_map(entry)
        .filter_map(|n| vocab.get(n))
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_a_bijection_over_safe_characters() {
        let mut last = None;
        for n in 0..CAPACITY {
            let c = code(n);
            assert_eq!(entry(c), Some(n), "{n}");
            assert!(c != '"' && c != '\\' && c >= ' ' && !(0xD800..0xE000).contains(&(c as u32)));
            assert!(last.is_none_or(|l| l < c));
            last = Some(c);
        }
    }

    #[test]
    fn texts_come_back_whole() {
        let mut p = Packer::new(Stemmer::English);
        let texts = [
            "(Intro) The records,\n\n  the RECORDS'   end.",
            "",
            "…",
            "a b a b",
        ];
        let packed: Vec<Packed> = texts.iter().map(|t| p.add(t)).collect();
        let (v, s, enc) = p.finish();
        for (t, pk) in texts.iter().zip(&packed) {
            assert_eq!(decode(&enc.encode(pk), &v), squeeze(t));
        }
        let records = v.iter().position(|t| t == "records,\n").unwrap();
        assert_eq!(s[records], "record");
        assert_eq!(s[v.iter().position(|t| t == "(").unwrap()], "");
    }
}
