//! What the pseudo-locale (`en-XA`) tests share.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use scraper::Html;

/// The text outside the pseudo-locale's brackets.
pub fn outside_brackets(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

/// Every file under `dir`.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// ASCII words of 3 or more letters, lower-cased.
pub fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// What a reader sees or hears of a page: text outside scripts, styles and code, and the
/// attributes `attrs` (those read aloud or shown).
pub fn visible(doc: &Html, attrs: &[&str]) -> String {
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        if let Some(t) = node.value().as_text() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style" | "code"))
            });
            if !hidden {
                out.push_str(t);
                out.push(' ');
            }
        }
        if let Some(e) = node.value().as_element() {
            for &a in attrs {
                if let Some(v) = e.attr(a) {
                    out.push_str(v);
                    out.push(' ');
                }
            }
        }
    }
    out
}
