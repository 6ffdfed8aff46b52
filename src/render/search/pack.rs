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
use super::words::{ASCII_ALNUM, ASCII_WORD, Spans, Stemmer};

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

/// [`small_key`] of `text[s..end]`, read as one 16-byte load where the text has room.
#[inline]
fn small_key_at(text: &str, s: usize, end: usize) -> Option<u128> {
    let len = end - s;
    if len > 15 {
        return None;
    }
    match text
        .as_bytes()
        .get(s..s + 16)
        .and_then(|w| <[u8; 16]>::try_from(w).ok())
    {
        Some(w) => {
            let mask = (1u128 << (8 * len)) - 1;
            Some((u128::from_le_bytes(w) & mask) | ((len as u128) << 120))
        }
        None => small_key(text.get(s..end)?),
    }
}

/// The next word after a word ending at byte `e`, when what lies between is the common
/// case: ASCII punctuation and single spaces or newlines (a tail [`collapse`] leaves as it
/// is), then a run of ASCII letters and digits ended by ASCII that is not part of a word
/// (or the text's end). Anything else is `None`, for [`Spans`] to read: it gives the same
/// words, this only skips its general loop for most of a page (tested against it).
#[inline]
fn plain_next(b: &[u8], e: usize) -> Option<(usize, usize)> {
    let n = b.len();
    let mut j = e;
    let mut prev_space = false;
    while j < n {
        let c = b[j];
        if c >= 0x80 {
            return None;
        }
        if ASCII_WORD[c as usize] {
            break;
        }
        match c {
            b' ' | b'\n' => {
                if prev_space {
                    return None;
                }
                prev_space = true;
            }
            b'\t' | 0x0b | 0x0c | b'\r' => return None,
            _ => prev_space = false,
        }
        j += 1;
    }
    if j == e || j == n || !ASCII_ALNUM[b[j] as usize] {
        return None;
    }
    let start = j;
    while j < n && ASCII_ALNUM[b[j] as usize] {
        j += 1;
    }
    if j < n && (b[j] >= 0x80 || ASCII_WORD[b[j] as usize]) {
        return None;
    }
    Some((start, j))
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

impl Packed {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

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
            let (s, e) = word;
            if let Some(w) = plain_next(text.as_bytes(), e) {
                self.push(&text[s..w.0], e - s, small_key_at(text, s, w.0), &mut out);
                word = w;
                continue;
            }
            words.seek(e);
            let next = words.next();
            let end = next.map_or(text.len(), |w| w.0);
            if plain_tail(&text[e..end]) {
                let token = &text[s..end];
                self.push(token, e - s, small_key_at(text, s, end), &mut out);
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
    #[cfg(test)]
    pub fn encode(&self, p: &Packed) -> String {
        let mut out = String::with_capacity(p.0.len() * 2);
        self.encode_into(p, &mut out);
        out
    }

    pub fn encode_into(&self, p: &Packed, out: &mut String) {
        out.reserve(p.0.len() * 2);
        for &id in &p.0 {
            out.push(self.0[id as usize]);
        }
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

    /// Tokens by the plain rule: the text before the first word, then each word with what
    /// follows it up to the next, white space collapsed.
    fn reference(text: &str) -> Vec<(String, usize)> {
        let text = text.trim();
        let spans = crate::render::search::words::spans(text);
        let mut out = Vec::new();
        let first = spans.first().map_or(text.len(), |w| w.0);
        if first > 0 {
            out.push((collapse(&text[..first]), 0));
        }
        for (i, &(s, e)) in spans.iter().enumerate() {
            let end = spans.get(i + 1).map_or(text.len(), |w| w.0);
            out.push((format!("{}{}", &text[s..e], collapse(&text[e..end])), e - s));
        }
        out
    }

    #[test]
    fn the_plain_path_gives_the_general_paths_tokens() {
        let parts = [
            "a",
            "Zed",
            "90",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\t",
            ",",
            ". ",
            "'",
            "’",
            "é",
            "\u{301}",
            "—",
            "\u{a0}",
            "x'y",
            "record",
            "a very long word indeed",
            "\r\n",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 23) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let mut p = Packer::new(Stemmer::English);
            let got: Vec<(String, usize)> = p
                .add(&text)
                .0
                .iter()
                .map(|&id| {
                    let (t, st, _) = &p.vocab[id as usize];
                    (t.clone(), st.len())
                })
                .collect();
            let want = reference(&text);
            assert_eq!(
                got.iter().map(|t| &t.0).collect::<Vec<_>>(),
                want.iter().map(|t| &t.0).collect::<Vec<_>>(),
                "{text:?}"
            );
            // A token has a stem exactly when it has a word.
            for ((_, stem), (_, word)) in got.iter().zip(&want) {
                assert_eq!(*stem > 0, *word > 0, "{text:?}");
            }
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
