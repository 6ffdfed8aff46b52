//! Words for search, the same in the build and in `search-words.js` (cases in
//! `tests/cases/shared.json`, checked from both sides).
//!
//! A **word** is a longest run of letters and digits (Unicode `Alphabetic` or `Numeric`),
//! apostrophes (`'`, `’`) and combining accents (U+0300–U+036F) whose **key** is not empty.
//! Its key is the run lowercased, decomposed (NFD), without those accents and apostrophes:
//! "Café" and "cafe" are one word, "trainer's" is "trainers".
//!
//! Its **stem** is the key, reduced when the site's `language` has a stemmer: English
//! (`en`, `en-GB`, ...; the default), a light stemmer of our own for plurals and common
//! endings, Porter's (1980) steps 1a, 1b, 1c, 5a and 5b with three changes. It reduces only
//! keys of three or more letters a-z (no digits), in this order:
//!
//! 1. 1a: `sses` -> `ss`; `ies` -> `i`; `xes`, `ches`, `shes` -> drop `es` (ours: "matches"
//!    is "match"); `ss`, `us`, `is` stay (ours: "focus", "analysis"); else a final `s` goes.
//! 2. 1b: `eed` -> `ee` when the measure before it is over 0; else `ed` or `ing` goes when
//!    what is before it has a vowel, and then: `at`, `bl`, `iz` take an `e`; a double
//!    consonant other than `l`, `s`, `z` loses one; a measure of 1 ending consonant-vowel-
//!    consonant (the last not `w`, `x`, `y`) takes an `e`.
//! 3. 1c: a final `y` after a stem with a vowel -> `i` ("sticky", "stickies": `sticki`).
//! 4. 5a: a final `e` goes when the measure before it is over 1, or is 1 and the stem does
//!    not end consonant-vowel-consonant.
//! 5. 5b: a final double `l` loses one when the measure is over 1.
//!
//! Vowels are `a e i o u`, and `y` after a consonant; the measure is the number of
//! vowel-consonant sequences. So "record", "records", "recorded" and "recording" are all
//! `record`.
//!
//! French (`fr`), German (`de`) and Spanish (`es`) get Snowball's stemmers (rust-stemmers
//! 1.2; in `search-words.js`, Snowball's own JavaScript of the same algorithms,
//! `search-stem-*.js`). Snowball reads words with their accents, so for these the stem is
//! made from the run, not the key: lowercased, composed (NFC), without apostrophes; then
//! stemmed; then folded like a key (NFD, accents dropped), "" becoming the key (and so is
//! the stem of a word with a character past U+FFFF, which Snowball's Rust and JavaScript
//! count differently). French first drops an elided article or pronoun: a run that starts
//! with `c d j l m n s t qu jusqu lorsqu puisqu quoiqu` (any case) and one apostrophe, with
//! a letter or digit after it, is the word after the apostrophe, for its key and its stem
//! ("l'enregistrement", "qu'il"). Other languages (Welsh, ...) have no stemmer: their stem
//! is the key, and `search.js` matches every query word as a prefix.

use std::borrow::Cow;

/// Which stemmer a shard's words get (its programme's or edition's language; the root
/// index: the site's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stemmer {
    English,
    French,
    German,
    Spanish,
    None,
}

impl Stemmer {
    /// From a language tag's first part: English for `en` (and its regions), Snowball's for
    /// `fr`, `de`, `es`, none for the rest.
    pub fn for_language(lang: &str) -> Stemmer {
        use crate::model::clock::Lang;
        match Lang::parse(lang) {
            Some(Lang::EnGb) => Stemmer::English,
            Some(Lang::Fr) => Stemmer::French,
            Some(Lang::De) => Stemmer::German,
            Some(Lang::Es) => Stemmer::Spanish,
            Some(Lang::Cy) | None => Stemmer::None,
        }
    }

    /// The name `search.js` is given (each chunk's `lang`, the root's `sl`).
    pub fn code(self) -> &'static str {
        match self {
            Stemmer::English => "en",
            Stemmer::French => "fr",
            Stemmer::German => "de",
            Stemmer::Spanish => "es",
            Stemmer::None => "",
        }
    }

    /// A word's key and stem, from its run (a span of [`Spans`]). English and no stemmer:
    /// the key, and the stem of the key; Snowball's: see the module comment.
    #[inline]
    pub fn key_stem(self, run: &str) -> (Cow<'_, str>, String) {
        let algorithm = match self {
            Stemmer::English => {
                let k = key(run);
                let s = english(&k);
                return (k, s);
            }
            Stemmer::None => {
                let k = key(run);
                let s = k.to_string();
                return (k, s);
            }
            Stemmer::French => rust_stemmers::Algorithm::French,
            Stemmer::German => rust_stemmers::Algorithm::German,
            Stemmer::Spanish => rust_stemmers::Algorithm::Spanish,
        };
        let run = if self == Stemmer::French {
            elide(run)
        } else {
            run
        };
        let k = key(run);
        let lower = run.to_lowercase();
        let composed = icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&lower);
        let bare: String = composed
            .chars()
            .filter(|&c| c != '\'' && c != '\u{2019}')
            .collect();
        // Past the Basic Multilingual Plane, Snowball's positions would count UTF-8 bytes here
        // and UTF-16 units in search.js, and the stems differ: such a word keeps its key.
        if bare.chars().any(|c| u32::from(c) > 0xFFFF) {
            let s = k.to_string();
            return (k, s);
        }
        let stemmed = rust_stemmers::Stemmer::create(algorithm);
        let s = key(&stemmed.stem(&bare)).into_owned();
        let s = if s.is_empty() { k.to_string() } else { s };
        (k, s)
    }
}

/// French elision: the words before an apostrophe that stand for a dropped vowel.
const ELIDED: [&str; 13] = [
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// A French run without its elided article or pronoun ("l'action" is "action"), or as it is.
pub fn elide(run: &str) -> &str {
    let Some(i) = run.find(['\'', '\u{2019}']) else {
        return run;
    };
    let (head, rest) = (&run[..i], &run[i..]);
    let after = rest.trim_start_matches(['\'', '\u{2019}']);
    if after.chars().next().is_some_and(char::is_alphanumeric)
        && rest.len() - after.len() == rest.chars().next().map_or(0, char::len_utf8)
        && ELIDED.iter().any(|e| head.eq_ignore_ascii_case(e))
    {
        after
    } else {
        run
    }
}

/// Part of a word's run (before the key drops apostrophes and accents).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || ('\u{300}'..='\u{36f}').contains(&c)
}

fn dropped(c: char) -> bool {
    c == '\'' || c == '\u{2019}' || ('\u{300}'..='\u{36f}').contains(&c)
}

/// A run's key: lowercased, decomposed, without accents and apostrophes.
pub fn key(run: &str) -> Cow<'_, str> {
    if run.is_ascii() {
        if run
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return Cow::Borrowed(run);
        }
        return Cow::Owned(
            run.chars()
                .filter(|&c| c != '\'')
                .map(|c| c.to_ascii_lowercase())
                .collect(),
        );
    }
    let lower = run.to_lowercase();
    let nfd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(&lower);
    Cow::Owned(nfd.chars().filter(|&c| !dropped(c)).collect())
}

/// ASCII bytes that are part of a word's run.
pub(super) const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c == b'\'' as usize;
        c += 1;
    }
    t
};

/// Every byte value: whether it is an ASCII letter or digit.
pub(super) const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// The words of `text` as byte ranges.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    Spans::new(text).collect()
}

/// The words of `text` as byte ranges, one at a time: a loop over bytes, ASCII by table (it
/// reads every byte of every page's text, so the index takes words as they come rather
/// than collecting them first).
pub struct Spans<'a> {
    text: &'a str,
    i: usize,
}

impl<'a> Spans<'a> {
    pub fn new(text: &'a str) -> Self {
        Spans { text, i: 0 }
    }

    /// Goes on from byte `i` (the end of a word the caller found itself).
    pub(super) fn seek(&mut self, i: usize) {
        self.i = i;
    }
}

impl Iterator for Spans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = self.i;
        while i < n {
            // Skip to a run: ASCII by table, the rest decoded.
            let c = b[i];
            if c < 0x80 {
                if !ASCII_WORD[c as usize] {
                    i += 1;
                    continue;
                }
            } else {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if !is_word_char(ch) {
                    i += ch.len_utf8();
                    continue;
                }
            }
            let start = i;
            let (mut ascii, mut alnum) = (true, false);
            while i < n {
                // Most of a run is ASCII letters and digits: skipped in one tight loop.
                let run = b[i..]
                    .iter()
                    .position(|&c| !ASCII_ALNUM[c as usize])
                    .unwrap_or(n - i);
                alnum |= run > 0;
                i += run;
                if i == n {
                    break;
                }
                let c = b[i];
                if c < 0x80 {
                    if !ASCII_WORD[c as usize] {
                        break;
                    }
                    alnum |= c != b'\'';
                    i += 1;
                } else {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if !is_word_char(ch) {
                        break;
                    }
                    ascii = false;
                    i += ch.len_utf8();
                }
            }
            // An ASCII run is a word when it has a letter or digit; any other, when its key
            // is not empty (accents and apostrophes alone are not words).
            if if ascii {
                alnum
            } else {
                !key(&text[start..i]).is_empty()
            } {
                self.i = i;
                return Some((start, i));
            }
        }
        self.i = n;
        None
    }
}

/// The stems of `text`'s words, in order (the shared cases' `words`).
pub fn stems(text: &str, stemmer: Stemmer) -> Vec<String> {
    spans(text)
        .into_iter()
        .map(|(s, e)| stemmer.key_stem(&text[s..e]).1)
        .collect()
}

fn consonant(w: &[u8], i: usize) -> bool {
    match w[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => false,
        b'y' => i == 0 || !consonant(w, i - 1),
        _ => true,
    }
}

/// Porter's m: the vowel-consonant sequences in `w`.
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut prev_vowel = false;
    for i in 0..w.len() {
        let c = consonant(w, i);
        if c && prev_vowel {
            m += 1;
        }
        prev_vowel = !c;
    }
    m
}

fn has_vowel(w: &[u8]) -> bool {
    (0..w.len()).any(|i| !consonant(w, i))
}

fn double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && consonant(w, n - 1)
}

/// Ends consonant-vowel-consonant, the last not w, x or y.
fn cvc(w: &[u8]) -> bool {
    let n = w.len();
    n >= 3
        && consonant(w, n - 3)
        && !consonant(w, n - 2)
        && consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
}

/// The English stemmer (rules in the module comment).
pub fn english(key: &str) -> String {
    if key.len() < 3 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return key.to_string();
    }
    let mut w = key.as_bytes().to_vec();
    let ends = |w: &[u8], s: &str| w.ends_with(s.as_bytes());
    // 1a
    if ends(&w, "sses")
        || ends(&w, "ies")
        || ends(&w, "xes")
        || ends(&w, "ches")
        || ends(&w, "shes")
    {
        w.truncate(w.len() - 2);
    } else if ends(&w, "ss") || ends(&w, "us") || ends(&w, "is") {
    } else if ends(&w, "s") {
        w.pop();
    }
    // 1b
    if ends(&w, "eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            w.pop();
        }
    } else {
        let cut = if ends(&w, "ed") && has_vowel(&w[..w.len() - 2]) {
            2
        } else if ends(&w, "ing") && has_vowel(&w[..w.len() - 3]) {
            3
        } else {
            0
        };
        if cut > 0 {
            w.truncate(w.len() - cut);
            if ends(&w, "at") || ends(&w, "bl") || ends(&w, "iz") {
                w.push(b'e');
            } else if double_consonant(&w) && !matches!(w[w.len() - 1], b'l' | b's' | b'z') {
                w.pop();
            } else if measure(&w) == 1 && cvc(&w) {
                w.push(b'e');
            }
        }
    }
    // 1c
    let n = w.len();
    if n >= 2 && w[n - 1] == b'y' && has_vowel(&w[..n - 1]) {
        w[n - 1] = b'i';
    }
    // 5a
    if ends(&w, "e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !cvc(stem)) {
            w.pop();
        }
    }
    // 5b
    if measure(&w) > 1 && double_consonant(&w) && ends(&w, "l") {
        w.pop();
    }
    String::from_utf8(w).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_meet() {
        for group in [
            &["record", "records", "recorded", "recording"][..],
            &["sticky", "stickies"],
            &["plan", "plans", "planned", "planning"],
            &["exercise", "exercises"],
            &["match", "matches"],
            &["hope", "hoped", "hoping", "hopes"],
        ] {
            let s: Vec<String> = group.iter().map(|w| english(w)).collect();
            assert!(s.iter().all(|x| *x == s[0]), "{group:?}: {s:?}");
        }
        assert_eq!(english("asylum"), "asylum");
        assert_eq!(english("analysis"), "analysis");
    }

    #[test]
    fn words_fold_case_accents_and_apostrophes() {
        assert_eq!(
            stems("Café—trainer’s NOTES, 'quoted' x2", Stemmer::None),
            ["cafe", "trainers", "notes", "quoted", "x2"]
        );
        assert_eq!(stems("' \u{301} ", Stemmer::English), Vec::<String>::new());
    }
}
