//! The page's language in the Markdown pass: its smart quotes. pulldown-cmark's smart
//! punctuation gives English quotes (“ ” ‘ ’); a page in French, German or Spanish gets its
//! own instead. Only quotes the author typed straight (`"`, `'`) change: a curly quote typed
//! as such stays as written, and so does an apostrophe (a `’` that closes no open `‘`).

use std::ops::Range;

use pulldown_cmark::{CowStr, Event};

use super::lang::Language;

impl Language {
    /// Opening and closing double quotes, then single (the quote inside a quote). Welsh
    /// keeps the British marks (the author's choice of single or double, curled); French
    /// « » with a narrow no-break space (U+202F) inside, then “ ”; German „ “ and ‚ ‘;
    /// Spanish « » then “ ”.
    fn marks(self) -> Option<[&'static str; 4]> {
        match self {
            Language::En | Language::Cy | Language::Pseudo => None,
            Language::Fr => Some(["«\u{202F}", "\u{202F}»", "“", "”"]),
            Language::De => Some(["„", "“", "‚", "‘"]),
            Language::Es => Some(["«", "»", "“", "”"]),
        }
    }
}

/// Rewrites the smart quotes among `events` (with their source ranges in `text`) for `lang`.
pub fn localise(events: &mut [(Event, Range<usize>)], text: &str, lang: Language) {
    let Some([dq_open, dq_close, sq_open, sq_close]) = lang.marks() else {
        return;
    };
    let mut singles_open = 0usize;
    for (ev, range) in events.iter_mut() {
        let Event::Text(t) = ev else { continue };
        let typed = text.get(range.clone()).unwrap_or_default();
        let new = match (typed, t.as_ref()) {
            ("\"", "“") => dq_open,
            ("\"", "”") => dq_close,
            ("'", "‘") => {
                singles_open += 1;
                sq_open
            }
            ("'", "’") if singles_open > 0 => {
                singles_open -= 1;
                sq_close
            }
            _ => continue,
        };
        *t = CowStr::Borrowed(new);
    }
}

#[cfg(test)]
mod tests {
    use crate::content::markdown::{Audience, Body, render_in};

    fn html(text: &str, lang: &str) -> String {
        render_in(text, 1, Audience::Trainer, Body::Shared, false, lang).html
    }

    #[test]
    fn quotes_by_language() {
        let text = "She said \"it's 'fine' here\".\n";
        assert!(html(text, "en").contains("She said “it’s ‘fine’ here”."));
        assert!(html(text, "cy").contains("She said “it’s ‘fine’ here”."));
        assert!(
            html(text, "fr").contains("She said «\u{202F}it’s “fine” here\u{202F}»."),
            "{}",
            html(text, "fr")
        );
        assert!(html(text, "de").contains("She said „it’s ‚fine‘ here“."));
        assert!(html(text, "es-ES").contains("She said «it’s “fine” here»."));
        // Curly quotes typed as such, and code, stay as written.
        assert!(
            html("“typed” `\"code\"`\n", "de").contains("“typed” <code>\"code\"</code>")
                || html("“typed” `\"code\"`\n", "de")
                    .contains("“typed” <code>&quot;code&quot;</code>")
        );
    }
}
