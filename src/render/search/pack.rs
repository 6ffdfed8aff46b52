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

use super::filter::Terms;
use super::words::{Spans, Stemmer};

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

/// White space as the index keeps it: trimmed, and each run one space, or one newline
/// when it has one.
#[cfg(test)]
pub fn squeeze(text: &str) -> String {
    collapse(text.trim())
}

/// Each run of white space as one space, or one newline when it has one. Copies the text
/// between runs that change, byte ranges at a time.
fn collapse(t: &str) -> String {
    let b = t.as_bytes();
    let mut out = String::with_capacity(b.len());
    let space = |i: usize| -> (bool, usize) {
        match b[i] {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => (true, 1),
            c if c < 0x80 => (false, 1),
            _ => {
                let c = t[i..].chars().next().unwrap_or('x');
                (c.is_whitespace(), c.len_utf8())
            }
        }
    };
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        let (ws, len) = space(i);
        if !ws {
            i += len;
            continue;
        }
        let (run_start, mut newline) = (i, false);
        while i < b.len() {
            let (ws, len) = space(i);
            if !ws {
                break;
            }
            newline |= b[i] == b'\n';
            i += len;
        }
        if i - run_start == 1 && (b[run_start] == b' ' || b[run_start] == b'\n') {
            continue;
        }
        out.push_str(&t[copied..run_start]);
        out.push(if newline { '\n' } else { ' ' });
        copied = i;
    }
    out.push_str(&t[copied..]);
    out
}

/// A tail whose white space is already as [`collapse`] leaves it: single ASCII spaces or
/// newlines, none next to another. Most are.
fn plain_tail(tail: &str) -> bool {
    let b = tail.as_bytes();
    if b.len() == 1 {
        return (b[0] != b'\t' && b[0] < 0x0b) || (b[0] > b'\r' && b[0] < 0x80);
    }
    let mut prev_space = false;
    for &c in b {
        let space = match c {
            b' ' | b'\n' => true,
            b'\t' | 0x0b | 0x0c | b'\r' => return false,
            _ => false,
        };
        if space && prev_space {
            return false;
        }
        prev_space = space;
    }
    tail.is_ascii() || !tail.chars().any(char::is_whitespace)
}

/// A multiply-rotate hash (after rustc's FxHash), eight bytes a step: tokens are short and
/// many, and SipHash was most of the index's time. A site's own words are no attack.
#[derive(Default)]
pub(super) struct Fx(u64);

impl Fx {
    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.mix(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A token of up to 15 bytes as one number: its bytes, then its length in the last byte.
fn small_key(token: &str) -> Option<u128> {
    let b = token.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut k = [0u8; 16];
    k[..b.len()].copy_from_slice(b);
    k[15] = b.len() as u8;
    Some(u128::from_le_bytes(k))
}

/// Builds one chunk: vocabulary and token strings.
pub struct Packer {
    stemmer: Stemmer,
    ids: HashMap<String, u32, std::hash::BuildHasherDefault<Fx>>,
    /// Tokens of up to 15 bytes (most: a word and a space), keyed by their bytes as one
    /// number, so finding one is two hash steps and an integer compare.
    small: HashMap<u128, u32, std::hash::BuildHasherDefault<Fx>>,
    /// Each entry: token text, stem, count.
    vocab: Vec<(String, String, u32)>,
    /// The words' stems and keys, for the shard's filter.
    terms: Terms,
}

/// A text as provisional entry numbers, until the chunk's order is known.
pub struct Packed(Vec<u32>);

impl Packer {
    pub fn new(stemmer: Stemmer) -> Self {
        Packer {
            stemmer,
            ids: HashMap::default(),
            small: HashMap::default(),
            vocab: Vec::new(),
            terms: Terms::default(),
        }
    }

    /// The stems and keys of the words added so far (see `filter`).
    pub(super) fn take_terms(&mut self) -> Terms {
        std::mem::take(&mut self.terms)
    }

    pub(super) fn entries(&self) -> usize {
        self.vocab.len()
    }

    /// `text` as tokens of this chunk (a token past [`CAPACITY`] is left out). White space
    /// is collapsed token by token, which gives [`squeeze`]'s text: most tails need nothing.
    pub fn add(&mut self, text: &str) -> Packed {
        let text = text.trim();
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        // One pass: each word is written when the next one is found (its tail is between).
        let mut words = Spans::new(text);
        let Some(mut word) = words.next() else {
            if !text.is_empty() {
                let token = collapse(text);
                self.push(&token, 0, small_key(&token), &mut out);
            }
            return Packed(out);
        };
        if word.0 > 0 {
            let token = collapse(&text[..word.0]);
            self.push(&token, 0, small_key(&token), &mut out);
        }
        loop {
            let next = words.next();
            let (s, e) = word;
            let end = next.map_or(text.len(), |w| w.0);
            if plain_tail(&text[e..end]) {
                let token = &text[s..end];
                self.push(token, e - s, small_key(token), &mut out);
            } else {
                let token = format!("{}{}", &text[s..e], collapse(&text[e..end]));
                self.push(&token, e - s, small_key(&token), &mut out);
            }
            match next {
                Some(w) => word = w,
                None => break,
            }
        }
        Packed(out)
    }

    /// One token, whose word is its first `word` bytes (`small`: its [`small_key`]).
    fn push(&mut self, token: &str, word: usize, small: Option<u128>, out: &mut Vec<u32>) {
        let known = match small {
            Some(k) => self.small.get(&k),
            None => self.ids.get(token),
        };
        if let Some(&id) = known {
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
            let (key, stem) = self.stemmer.key_stem(&token[..word]);
            self.terms.add(&stem, &key);
            stem
        };
        match small {
            Some(k) => self.small.insert(k, id),
            None => self.ids.insert(token.to_string(), id),
        };
        self.vocab.push((token.to_string(), stem, 1));
        out.push(id);
    }

    /// The vocabulary (`v`), stems (`s`) and a function from packed texts to strings.
    pub fn finish(self) -> (Vec<String>, Vec<String>, Encoder) {
        let mut order: Vec<usize> = (0..self.vocab.len()).collect();
        order.sort_by(|&a, &b| self.vocab[b].2.cmp(&self.vocab[a].2).then(a.cmp(&b)));
        // Each provisional entry's character in the chunk's order.
        let mut chars = vec!['\u{FFFD}'; order.len()];
        for (r, &i) in order.iter().enumerate() {
            chars[i] = code(r);
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
        (v, s, Encoder(chars))
    }
}

/// Writes packed texts in the chunk's final order.
pub struct Encoder(Vec<char>);

impl Encoder {
    pub fn encode(&self, p: &Packed) -> String {
        let mut out = String::with_capacity(p.0.len() * 2);
        for &id in &p.0 {
            out.push(self.0[id as usize]);
        }
        out
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
