//! A programme's `evaluation:`: the evaluation form's scale, whether sessions are rated,
//! and its overall questions. Unknown keys are errors with the closest key, like the rest
//! of the front matter.

use crate::content::yaml::{Fields, Node, Value};
use crate::model::{EvalQuestion, Evaluation};
use crate::util::clean_title;

const EVALUATION_KEYS: &[&str] = &["scale", "sessions", "questions"];
const SCALE_KEYS: &[&str] = &["low", "high"];
const QUESTION_KEYS: &[&str] = &["text", "rating"];

/// The form as `evaluation:` sets it; the defaults ([`Evaluation::default`]) for what it
/// leaves out. Problems go to `fl.diags`.
pub(super) fn parse_evaluation(fl: &mut Fields) -> Evaluation {
    let mut ev = Evaluation::default();
    let Some(node) = fl.node("evaluation") else {
        return ev;
    };
    let path = fl.path;
    let mut ef = Fields::new(path, node, "`evaluation`", EVALUATION_KEYS);
    if let Some(scale) = ef.node("scale") {
        let mut sf = Fields::new(path, scale, "`evaluation: scale`", SCALE_KEYS);
        if let Some(low) = one_line(&mut sf, "low") {
            ev.low = low;
        }
        if let Some(high) = one_line(&mut sf, "high") {
            ev.high = high;
        }
        ef.diags.append(&mut sf.diags);
    }
    if let Some(b) = ef.boolean("sessions") {
        ev.sessions = b;
    }
    if let Some(items) = ef.seq("questions") {
        ev.questions = items
            .iter()
            .filter_map(|it| question(&mut ef, it))
            .collect();
    }
    fl.diags.append(&mut ef.diags);
    ev
}

/// A question: its text alone (a comment box), or `{ text, rating }`.
fn question(ef: &mut Fields, it: &Node) -> Option<EvalQuestion> {
    if let Value::Map(entries) = &it.value {
        if let Some(e) = comma_in_text(entries) {
            ef.error_at(e.0, e.1, Some(e.2));
            return None;
        }
        let mut qf = Fields::new(ef.path, it, "a question of `evaluation`", QUESTION_KEYS);
        let text = one_line(&mut qf, "text");
        if qf.node("text").is_none() {
            qf.error_at(
                it,
                "a question needs its `text`",
                Some("e.g. { text: \"Overall, how useful was the course?\", rating: true }".into()),
            );
        }
        let rating = qf.boolean("rating").unwrap_or(false);
        ef.diags.append(&mut qf.diags);
        return text.map(|text| EvalQuestion { text, rating });
    }
    match it.as_text().map(|t| clean_title(&t)) {
        Some(text) if !text.is_empty() => Some(EvalQuestion {
            text,
            rating: false,
        }),
        _ => {
            ef.error_at(
                it,
                format!("each question must be text, found {}", it.kind()),
                Some("write `- What could we improve?`".into()),
            );
            None
        }
    }
}

/// `{ text: Overall, how useful was it?, rating: true }`: YAML ends the text at the comma
/// and reads the rest as a key with no value. Where to point, the message and the fix.
fn comma_in_text(entries: &[(Node, Node)]) -> Option<(&Node, String, String)> {
    let text = entries
        .iter()
        .find(|(k, _)| k.as_text().as_deref() == Some("text"))
        .and_then(|(_, v)| v.as_text())?;
    let (key, _) = entries.iter().find(|(k, v)| {
        v.value == Value::Null && !QUESTION_KEYS.contains(&k.as_text().unwrap_or_default().as_str())
    })?;
    let rest = key.as_text().unwrap_or_default();
    let whole = format!("{text}, {rest}");
    Some((
        key,
        format!("a comma inside `{{ }}` ended the question's text at `{text}`"),
        format!("put the text in quotes: text: \"{whole}\""),
    ))
}

/// A text value as one line; empty is an error.
fn one_line(f: &mut Fields, key: &str) -> Option<String> {
    let (t, n) = f.text_node(key)?;
    let t = clean_title(&t);
    if t.is_empty() {
        f.error_at(n, format!("`{key}` is empty"), None);
        return None;
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml::parse;

    fn read(yaml: &str) -> (Evaluation, Vec<String>) {
        let n = parse("index.md", yaml, 2).unwrap();
        let mut fl = Fields::new("index.md", &n, "programme front matter", &["evaluation"]);
        let ev = parse_evaluation(&mut fl);
        (ev, fl.diags.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn defaults_and_settings() {
        let (ev, d) = read("title: x\n");
        assert!(d.len() == 1, "title is not known here: {d:?}");
        assert_eq!(ev, Evaluation::default());
        let (ev, d) = read(
            "evaluation:\n  scale: { low: Poor, high: Great }\n  sessions: false\n  questions:\n    - Why?\n    - { text: \"Overall?\", rating: true }\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!((ev.low.as_str(), ev.high.as_str()), ("Poor", "Great"));
        assert!(!ev.sessions);
        assert_eq!(ev.questions.len(), 2);
        assert!(!ev.questions[0].rating && ev.questions[1].rating);
    }

    #[test]
    fn unknown_keys_name_the_closest() {
        let (_, d) = read("evaluation:\n  scael: { low: a }\n  questions:\n    - { txt: a }\n");
        assert!(
            d.iter()
                .any(|m| m.contains("index.md:3:3") && m.contains("`scale`")),
            "{d:?}"
        );
        assert!(d.iter().any(|m| m.contains("`text`")), "{d:?}");
    }

    #[test]
    fn a_comma_in_an_unquoted_question_says_to_quote_it() {
        let (ev, d) = read(
            "evaluation:\n  questions:\n    - { text: Overall, how useful was it?, rating: true }\n",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].contains("index.md:4:24"), "{d:?}");
        assert!(
            d[0].contains("text: \"Overall, how useful was it?\""),
            "{d:?}"
        );
        assert!(ev.questions.is_empty());
    }
}
