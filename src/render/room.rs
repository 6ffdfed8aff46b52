//! Views of the things a trainer takes into the room: a sign-in sheet per day and the
//! prompt cards (every prompt alone, large, to project or pin up). The pack list is the
//! materials page (`lists.rs`), one day per printed page.

use serde::Serialize;

use crate::model::Programme;

use super::view::{DayView, ProgrammeViews};

/// Sign-in sheets of a programme, `<programme>/signin-day-<n>.html`, or of a delivery (`dir`
/// its folder); trainer edition.
pub fn signin_path(dir: &str, day: u32) -> String {
    format!("{dir}/signin-day-{day}.html")
}

/// The prompt cards of a programme.
pub fn prompt_cards_path(slug: &str) -> String {
    format!("{slug}/prompt-cards.html")
}

/// What the run sheet shows of a session's notes: their first sentence, at most about
/// `max` characters (cut at a word, with an ellipsis).
pub fn first_sentence(text: &str, max: usize) -> String {
    let text = text.trim();
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!' | '…') {
            // A sentence ends at its mark followed by a space and a capital (or the end),
            // so "e.g. the file" and "3.5" do not end one.
            let rest = &text[i + c.len_utf8()..];
            let next = rest.trim_start_matches([')', '"', '\'', '’', '”']);
            let closed = text.len() - next.len();
            let mut after = next.chars();
            let ends = match after.next() {
                None => true,
                Some(w) => {
                    w.is_whitespace()
                        && after
                            .find(|x| !x.is_whitespace())
                            .is_some_and(|x| x.is_uppercase() || x.is_numeric())
                }
            };
            if ends {
                end = closed;
                break;
            }
        }
    }
    crate::util::truncate_words(&text[..end], max)
}

/// One day's sign-in sheet: its rows numbered, as many as the programme expects people.
#[derive(Serialize)]
pub struct SigninSheet {
    pub number: u32,
    pub title: String,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub start: String,
    pub end: String,
    /// "1" to "20": the row numbers, made here so the template does no arithmetic.
    pub rows: Vec<String>,
    pub runsheet: String,
}

pub fn signin_sheets(p: &Programme, v: &ProgrammeViews) -> Vec<(String, SigninSheet)> {
    signin_sheets_of(&v.days, &p.slug, p.participants)
}

/// The sign-in sheets of `days` (the programme's, or a delivery's), in the folder `dir`,
/// `participants` rows each.
pub fn signin_sheets_of(
    days: &[DayView],
    dir: &str,
    participants: u32,
) -> Vec<(String, SigninSheet)> {
    let rows: Vec<String> = (1..=participants).map(|n| n.to_string()).collect();
    days.iter()
        .map(|d| {
            let sheet = SigninSheet {
                number: d.number,
                title: d.title.clone(),
                date: d.date.clone(),
                date_iso: d.date_iso.clone(),
                start: d.start.clone(),
                end: d.end.clone(),
                rows: rows.clone(),
                runsheet: super::handout::runsheet_path(dir, d.number),
            };
            (signin_path(dir, d.number), sheet)
        })
        .collect()
}

/// One prompt on a card of its own.
#[derive(Serialize)]
pub struct PromptCard {
    pub text: String,
    /// For the trainer: the participant edition's model holds no prompt notes.
    pub note: Option<String>,
    pub session: String,
    pub href: String,
    pub when: Option<String>,
    /// "3 / 42".
    pub counter: String,
    /// The card's id, `card-3`, so a card can be linked to.
    pub id: String,
}

/// Every prompt of the programme in timetable order, each session's in its own order.
pub fn prompt_cards(p: &Programme, v: &ProgrammeViews) -> Vec<PromptCard> {
    let total: usize = v.order.iter().map(|&i| p.sessions[i].prompts.len()).sum();
    let mut cards = Vec::with_capacity(total);
    for &i in &v.order {
        let s = &p.sessions[i];
        for pr in &s.prompts {
            let n = cards.len() + 1;
            cards.push(PromptCard {
                // HTML made by us from escaped text (inline Markdown of the front matter).
                text: pr.text.html.clone(),
                note: pr.note.as_ref().map(|n| n.html.clone()),
                session: s.title.clone(),
                href: s.out.clone(),
                when: v.when(i),
                counter: format!("{n} / {total}"),
                id: format!("card-{n}"),
            });
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn notes_line_is_the_first_sentence_trimmed() {
        assert_eq!(
            first_sentence("The aim is to collect points. Then more.", 160),
            "The aim is to collect points."
        );
        assert_eq!(
            first_sentence("Use e.g. a flipchart. Then more.", 160),
            "Use e.g. a flipchart."
        );
        assert_eq!(first_sentence("Ask why? Then wait.", 160), "Ask why?");
        assert_eq!(
            first_sentence("No full stop at all", 160),
            "No full stop at all"
        );
        assert_eq!(
            first_sentence("Version 3.5 is out. Yes.", 160),
            "Version 3.5 is out."
        );
        let long = "word ".repeat(60);
        let cut = first_sentence(&long, 40);
        assert!(cut.chars().count() <= 41 && cut.ends_with('…'), "{cut}");
        assert_eq!(first_sentence("", 160), "");
    }
}
