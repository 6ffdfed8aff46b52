//! Each shard's filter, written in the root index (`f`, beside `shards`): a Bloom filter of
//! the shard's stems and of the first one to four characters of its stems and keys, so
//! `search.js` loads only the shards whose words can match a query.
//!
//! Items: `=` and a stem, for a whole word; `<` and a prefix of one to four characters
//! (Unicode scalar values) of a stem or key, for the word still being typed (which matches
//! any stem or key it begins: a prefix of more than four characters is looked up by its
//! first four). A query can match a shard only if every word's item is in its filter; a
//! false positive only loads a shard for nothing.
//!
//! The filter is [`BITS_PER_ITEM`] bits an item (at least 64), [`PROBES`] probes an item
//! (about 1% false positives), written in base64. An item's probes are
//! `(h1 + i * h2) mod m` for `i` in `0..PROBES` (32-bit wrapping arithmetic), where `h1` is
//! 32-bit FNV-1a over the item's UTF-16 code units and `h2` is
//! `((h1 ^ (h1 >> 15)) * 0x2c1b3c6d) | 1`; bit `b` is bit `b % 8` of byte `b / 8`. The same
//! in `search.js` (cases `search_filter` in `tests/cases/shared.json`).

use crate::util::base64;
use std::collections::HashSet;

/// Bits of filter an item.
pub const BITS_PER_ITEM: usize = 10;
/// Probes an item.
pub const PROBES: u32 = 7;

type FxSet = HashSet<String, std::hash::BuildHasherDefault<super::pack::Fx>>;

/// A shard's distinct stems and keys (the filter's input), gathered as its vocabulary
/// grows: a key is looked up once per new token, and items are made once, at the end.
#[derive(Default)]
pub struct Terms {
    stems: FxSet,
    keys: FxSet,
}

impl Terms {
    /// A new token's word: its stem and key (both non-empty).
    pub fn add(&mut self, stem: &str, key: &str) {
        if self.keys.contains(key) {
            return;
        }
        self.keys.insert(key.to_string());
        if !self.stems.contains(stem) {
            self.stems.insert(stem.to_string());
        }
    }

    pub fn extend(&mut self, other: Terms) {
        self.stems.extend(other.stems);
        self.keys.extend(other.keys);
    }

    /// The filter's items: `=` and each stem, `<` and each prefix.
    fn items(&self) -> FxSet {
        let mut items = FxSet::default();
        let mut item = String::new();
        for w in self.stems.iter().chain(&self.keys) {
            let mut end = 0;
            for c in w.chars().take(4) {
                end += c.len_utf8();
                item.clear();
                item.push('<');
                item.push_str(&w[..end]);
                if !items.contains(&item) {
                    items.insert(item.clone());
                }
            }
        }
        items.extend(self.stems.iter().map(|s| format!("={s}")));
        items
    }

    /// The filter, base64: empty when the shard has no words.
    pub fn filter(&self) -> String {
        let items = self.items();
        if items.is_empty() {
            return String::new();
        }
        let mut bloom = vec![0u8; (items.len() * BITS_PER_ITEM).div_ceil(8).max(8)];
        let m = bloom.len() as u32 * 8;
        for item in &items {
            for b in probes(item, m) {
                bloom[(b / 8) as usize] |= 1 << (b % 8);
            }
        }
        base64(&bloom)
    }
}

/// The bits item `item` sets in a filter of `m` bits.
pub fn probes(item: &str, m: u32) -> impl Iterator<Item = u32> {
    let mut h1: u32 = 0x811c_9dc5;
    for u in item.encode_utf16() {
        h1 ^= u32::from(u);
        h1 = h1.wrapping_mul(0x0100_0193);
    }
    let h2 = (h1 ^ (h1 >> 15)).wrapping_mul(0x2c1b_3c6d) | 1;
    (0..PROBES).map(move |i| h1.wrapping_add(i.wrapping_mul(h2)) % m)
}

/// Whether a filter (base64, as written) holds `item` (for tests).
pub fn holds(filter: &str, item: &str) -> bool {
    let Some(bytes) = unbase64(filter) else {
        return true;
    };
    if bytes.is_empty() {
        return false;
    }
    let m = bytes.len() as u32 * 8;
    probes(item, m).all(|b| bytes[(b / 8) as usize] & (1 << (b % 8)) != 0)
}

fn unbase64(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s = s.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for c in s.chunks(4) {
        let mut n = 0;
        for (k, &b) in c.iter().enumerate() {
            n |= val(b)? << (18 - 6 * k);
        }
        for k in 0..c.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * k)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_holds_its_items_and_few_others() {
        let mut t = Terms::default();
        for i in 0..500 {
            t.add(&format!("word{i}"), &format!("word{i}"));
        }
        t.add("record", "recording");
        let f = t.filter();
        for item in ["=record", "<r", "<re", "<rec", "<reco", "=word7", "<word"] {
            assert!(holds(&f, item), "{item}");
        }
        let false_pos = (0..1000)
            .filter(|i| holds(&f, &format!("=other{i}")))
            .count();
        assert!(false_pos < 40, "{false_pos} false positives in 1000");
        assert!(!holds(&Terms::default().filter(), "=record"));
    }

    #[test]
    fn base64_round_trips() {
        for n in 0..10 {
            let b: Vec<u8> = (0..n).map(|i| (i * 77 + 3) as u8).collect();
            assert_eq!(unbase64(&base64(&b)), Some(b));
        }
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
    }
}
