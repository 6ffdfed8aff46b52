//! The pseudo-locale's letters: each ASCII letter an accented one, so a word that escaped
//! translation stands out (and a test can find it).

use std::borrow::Cow;

const LOWER: [char; 26] = [
    'å', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'î', 'ĵ', 'ķ', 'ļ', 'ɱ', 'ñ', 'ö', 'þ', 'ǫ', 'ŕ', 'š',
    'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
];
const UPPER: [char; 26] = [
    'Å', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ', 'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ', 'Š',
    'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
];

/// `text` with every ASCII letter accented (Fluent's transform: text only, not variables).
pub fn accent(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                'a'..='z' => LOWER[(c as u8 - b'a') as usize],
                'A'..='Z' => UPPER[(c as u8 - b'A') as usize],
                _ => c,
            })
            .collect(),
    )
}

/// A text as the pseudo-locale writes what a locale formats (dates, durations, "and"): as
/// it is when it has no ASCII letter ("09:30"), else accented and in `⟦ ⟧`, as its
/// messages are. `letters.js` `pseudoWords` is the same (the `pseudo_words` shared cases).
pub fn words(text: &str) -> String {
    if text.bytes().any(|b| b.is_ascii_alphabetic()) {
        format!("⟦{}⟧", accent(text))
    } else {
        text.to_string()
    }
}
