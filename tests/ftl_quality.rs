//! The built-in translations checked for mistakes a machine can find: each message of cy,
//! fr, de and es has the `{ $variables }` its en-GB message has; none is the English text
//! itself unless it is a word the language shares (a short list below); and each count
//! (`n_*`) that picks forms has a variant for every CLDR plural category the language gives
//! a whole number (Welsh: zero, one, two, few, many, other), and none for a category it
//! does not have.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

const LANGS: [&str; 4] = ["cy", "fr", "de", "es"];

/// Messages a language writes as English does: the same word in that language (a
/// loanword or a cognate spelt alike), a proper noun, or only variables and punctuation.
const SAME_AS_ENGLISH: &[(&str, &[&str])] = &[
    ("cy", &[]),
    (
        "fr",
        &[
            "callout_important",
            "callout_solution",
            "date",
            "dates",
            "format",
            "n_late_add",
            "notes",
            "organisation",
            "participants",
            "programmes",
            "signature",
        ],
    ),
    (
        "de",
        &[
            "evaluation_of",
            "format",
            "handout",
            "n_late_add",
            "name",
            "organisation",
            "title_evaluation",
            "title_handout",
            "trainer",
        ],
    ),
    ("es", &["format_individual", "n_late_add"]),
];

fn ftl(lang: &str) -> String {
    let path = format!(
        "{}/themes/default/i18n/{lang}.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What a message is made of: its variables, its text (variants joined), and a count's
/// variant keys.
#[derive(Default, Debug)]
struct Shape {
    vars: BTreeSet<String>,
    text: String,
    keys: BTreeSet<String>,
}

fn walk_pattern(p: &Pattern<&str>, s: &mut Shape) {
    for e in &p.elements {
        match e {
            PatternElement::TextElement { value } => s.text.push_str(value),
            PatternElement::Placeable { expression } => walk_expression(expression, s),
        }
    }
}

fn walk_expression(e: &Expression<&str>, s: &mut Shape) {
    match e {
        Expression::Inline(i) => walk_inline(i, s),
        Expression::Select { selector, variants } => {
            walk_inline(selector, s);
            for v in variants {
                match &v.key {
                    VariantKey::Identifier { name } => s.keys.insert(name.to_string()),
                    VariantKey::NumberLiteral { value } => s.keys.insert(value.to_string()),
                };
                s.text.push('|');
                walk_pattern(&v.value, s);
            }
        }
    }
}

fn walk_inline(i: &InlineExpression<&str>, s: &mut Shape) {
    match i {
        InlineExpression::VariableReference { id } => {
            s.vars.insert(id.name.to_string());
            s.text.push_str(&format!("{{${}}}", id.name));
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, s),
        InlineExpression::StringLiteral { value } => s.text.push_str(value),
        InlineExpression::MessageReference { id, .. }
        | InlineExpression::TermReference { id, .. } => s.text.push_str(id.name),
        InlineExpression::FunctionReference { id, .. } => s.text.push_str(id.name),
        InlineExpression::NumberLiteral { value } => s.text.push_str(value),
    }
}

fn shapes(lang: &str) -> BTreeMap<String, Shape> {
    shapes_of(&ftl(lang))
}

fn shapes_of(text: &str) -> BTreeMap<String, Shape> {
    let res = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let mut out = BTreeMap::new();
    for e in &res.body {
        if let Entry::Message(m) = e {
            let mut s = Shape::default();
            if let Some(v) = &m.value {
                walk_pattern(v, &mut s);
            }
            out.insert(m.id.name.to_string(), s);
        }
    }
    out
}

#[test]
fn the_checks_see_variables_variants_and_words() {
    let s = shapes_of("a = Run { $a } -> { $n ->\n    [one] { $b } day\n   *[other] days\n}\n");
    let a = &s["a"];
    assert_eq!(a.vars, ["a", "b", "n"].map(String::from).into());
    assert_eq!(a.keys, ["one", "other"].map(String::from).into());
    assert_eq!(letters(&a.text), "rundaydays");
    assert_eq!(letters("Notes: {$x}!"), letters("notes {$y}"));
}

#[test]
fn every_translation_has_the_english_messages_variables() {
    let en = shapes("en-GB");
    let mut wrong = Vec::new();
    for lang in LANGS {
        let own = shapes(lang);
        for (id, e) in &en {
            let Some(t) = own.get(id) else {
                wrong.push(format!("{lang}: no `{id}`"));
                continue;
            };
            if t.vars != e.vars {
                wrong.push(format!(
                    "{lang}: `{id}` has {:?}, en-GB {:?}",
                    t.vars, e.vars
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Letters of a text, lower-cased: two messages that differ only in variables, spaces or
/// punctuation are the same words.
fn letters(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    // Variables are not words.
    while let Some(i) = rest.find("{$") {
        out.push_str(&rest[..i]);
        rest = rest[i..].split_once('}').map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn no_translation_is_the_english_text_unless_the_language_shares_the_word() {
    let en = shapes("en-GB");
    let mut wrong = Vec::new();
    for lang in LANGS {
        let own = shapes(lang);
        let allowed: &[&str] = SAME_AS_ENGLISH
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(&[], |(_, a)| a);
        for (id, e) in &en {
            let Some(t) = own.get(id) else { continue };
            let same = letters(&t.text) == letters(&e.text) && !letters(&e.text).is_empty();
            if same && !allowed.contains(&id.as_str()) {
                wrong.push(format!("{lang}: `{id}` is the English {:?}", e.text));
            }
            if !same && allowed.contains(&id.as_str()) {
                wrong.push(format!(
                    "{lang}: `{id}` is translated: take it off the list"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The plural categories a whole number takes in `lang` (CLDR's, as coursebook picks them).
fn categories(lang: &str) -> BTreeSet<String> {
    let rules = coursebook::i18n::rules(lang);
    (0..=1000u32)
        .chain([1_000_000])
        .filter_map(|n| rules.select(n).ok())
        .map(|c| format!("{c:?}").to_lowercase())
        .collect()
}

#[test]
fn every_count_has_each_plural_category_of_its_language() {
    assert_eq!(
        categories("cy"),
        ["few", "many", "one", "other", "two", "zero"]
            .map(String::from)
            .into(),
        "Welsh has six"
    );
    let mut wrong = Vec::new();
    for lang in ["en-GB", "cy", "fr", "de", "es"] {
        let want = categories(lang);
        for (id, s) in shapes(lang).iter().filter(|(id, _)| id.starts_with("n_")) {
            let named: BTreeSet<String> = s
                .keys
                .iter()
                .filter(|k| !k.starts_with(|c: char| c.is_ascii_digit()))
                .cloned()
                .collect();
            // One form for every number (`{ $n } min`, or only `*[other]`) is a choice;
            // a count that picks forms picks one for every category.
            if s.keys.is_empty() || s.keys == BTreeSet::from(["other".to_string()]) {
                if !s.vars.contains("n") {
                    wrong.push(format!("{lang}: `{id}` does not use $n"));
                }
                continue;
            }
            for c in want.difference(&named) {
                wrong.push(format!("{lang}: `{id}` has no [{c}]"));
            }
            for c in named.difference(&want) {
                wrong.push(format!(
                    "{lang}: `{id}` has [{c}], which {lang} never picks"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
