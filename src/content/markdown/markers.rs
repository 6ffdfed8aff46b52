//! Callout markers: the `[!WORD]` words a blockquote may open with, which kind each
//! names, and the error (with the closest marker) for one that is none of ours.

use pulldown_cmark::BlockQuoteKind;

use super::Problem;
use super::callouts::Callout;

/// The markers a blockquote may open with, as written in the contract.
const MARKERS: &[&str] = &[
    "NOTE",
    "TIP",
    "IMPORTANT",
    "WARNING",
    "CAUTION",
    "PROMPTS",
    "TRAINER",
    "HANDOUT",
    "CHALLENGE",
    "SOLUTION",
];

/// The marker a blockquote's first line opens with, `[!WORD]` however spaced: the marker
/// as written, its word (`None` when spaced as `[ !WORD]`) and how many bytes of `s` it takes.
pub(super) fn marker(s: &str) -> Option<(&str, Option<&str>, usize)> {
    let t = s.trim_start();
    let after_bracket = t.strip_prefix('[')?;
    let word_and_rest = after_bracket.trim_start().strip_prefix('!')?;
    let close = word_and_rest.find(']')?;
    let word = &word_and_rest[..close];
    if word.chars().count() > 40 || word.contains(['[', '\n']) {
        return None;
    }
    let taken = (s.len() - word_and_rest.len()) + close + 1;
    let written = &s[s.len() - t.len()..taken];
    let spaced = after_bracket.len() != after_bracket.trim_start().len();
    Some((written, (!spaced).then_some(word), taken))
}

/// Whether a blockquote whose first line is `first` is a trainer note: `[!TRAINER]` in any
/// case, or a near miss of it (which [`render`] reports as an error). The letter writers
/// use this, so a note is left out of a letter's files exactly when it is of its page.
pub fn is_trainer_marker(first: &str) -> bool {
    match marker(first) {
        Some((written, word, _)) => match word.and_then(callout_named) {
            Some(c) => c == Callout::Trainer,
            None => meant(written) == Some("TRAINER"),
        },
        None => false,
    }
}

pub(super) fn callout_named(word: &str) -> Option<Callout> {
    Some(match word.to_ascii_uppercase().as_str() {
        "NOTE" => Callout::Std(BlockQuoteKind::Note),
        "TIP" => Callout::Std(BlockQuoteKind::Tip),
        "IMPORTANT" => Callout::Std(BlockQuoteKind::Important),
        "WARNING" => Callout::Std(BlockQuoteKind::Warning),
        "CAUTION" => Callout::Std(BlockQuoteKind::Caution),
        "PROMPTS" => Callout::Prompts,
        "TRAINER" => Callout::Trainer,
        "HANDOUT" => Callout::Handout,
        "CHALLENGE" => Callout::Challenge,
        "SOLUTION" => Callout::Solution,
        _ => return None,
    })
}

/// The known marker a near miss was meant to be: the same word spaced or cased otherwise,
/// one it starts with (`TRAINER-NOTE`), or the closest by spelling (`TRAINERS`).
pub(super) fn meant(word: &str) -> Option<&'static str> {
    let w: String = word
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '[' && *c != '!')
        .collect::<String>()
        .to_ascii_uppercase();
    MARKERS
        .iter()
        .find(|m| w == **m)
        .or_else(|| MARKERS.iter().find(|m| w.starts_with(**m)))
        .copied()
        .or_else(|| crate::diagnostics::closest(&w, MARKERS.iter().copied()))
}

/// The error for a marker that is none of ours, with the one it was likely meant to be.
pub(super) fn unknown_marker(
    written: &str,
    guess: Option<&str>,
    line: usize,
    col: usize,
) -> Problem {
    let all = MARKERS
        .iter()
        .map(|m| format!("[!{m}]"))
        .collect::<Vec<_>>()
        .join(" ");
    Problem {
        line,
        col,
        message: format!("unknown callout marker `{written}`"),
        hint: Some(match guess {
            Some(m) => format!(
                "did you mean `[!{m}]`? Markers are written `[!WORD]`, with no space: {all}"
            ),
            None => format!("the markers are {all}; for a plain quote, start it without `[!`"),
        }),
    }
}
