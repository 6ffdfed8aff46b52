//! Front matter as a tree of values that remember their line and column, so that every
//! problem (wrong type, unknown key, bad duration) can be reported where it is.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::keys::unknown_key;
use super::yaml_plain;
use crate::diagnostics::Diagnostic;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// A value and where it stands in the file (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub col: usize,
}

impl Node {
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) => "a number",
            Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
    /// A scalar as text: numbers and booleans read as written, so `title: 1984` still works.
    pub fn as_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_text().as_deref() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i128::try_from(v)
            .map(Value::Int)
            .unwrap_or(Value::Float(v as f64)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    // Escapes such as "\0" or "\e" write control characters, which mean nothing in a
    // course and would reach every output: they are dropped (tabs and line breaks stay).
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(crate::util::strip_controls(v).into_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(match crate::util::strip_controls(&v) {
            std::borrow::Cow::Borrowed(_) => v,
            std::borrow::Cow::Owned(o) => o,
        }))
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(k) = map.next_key::<Node>()? {
            let v = map.next_value::<Node>()?;
            entries.push((k, v));
        }
        Ok(Value::Map(entries))
    }
}

struct Raw(Value);

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor).map(Raw)
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<Raw>::deserialize(d)?;
        Ok(Node {
            value: s.value.0,
            line: s.referenced.line() as usize,
            col: s.referenced.column() as usize,
        })
    }
}

/// Parse YAML that starts at `first_line` of the file at `path`.
pub fn parse(path: &str, text: &str, first_line: usize) -> Result<Node, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(Node {
            value: Value::Map(Vec::new()),
            line: first_line,
            col: 1,
        });
    }
    if let Some((line, col)) = too_deep(text) {
        return Err(Diagnostic::error(
            path,
            format!("front matter is nested more than {MAX_DEPTH} levels deep"),
        )
        .at(line + first_line - 1, col)
        .hint("front matter needs only a few levels: lists of values or of small mappings"));
    }
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = 50_000;
    budget.max_events = 200_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    let by = first_line.saturating_sub(1);
    let found = match serde_saphyr::from_str_with_options::<Node>(text, options) {
        Ok(mut node) => match yaml_plain::silent(text, by) {
            None => {
                shift(&mut node, by);
                return Ok(node);
            }
            Some(p) => p,
        },
        Err(e) => {
            let (line, col) = e
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((0, 0));
            yaml_plain::explain(&yaml_plain::message(&e, by), line, col.max(1), text, by)
        }
    };
    Err(Diagnostic::error(path, found.message)
        .at(found.line + by, found.col.max(1))
        .hint(found.hint))
}

/// Front matter deeper than this is refused before parsing, so no input can exhaust the stack.
pub const MAX_DEPTH: usize = 24;

/// Where flow brackets or indentation first nest deeper than [`MAX_DEPTH`], if anywhere.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (ln, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if indent / 2 > MAX_DEPTH * 2 {
            return Some((ln + 1, 1));
        }
        let mut quote: Option<char> = None;
        for (cn, c) in line.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some((ln + 1, cn + 1));
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    None
}

fn shift(node: &mut Node, by: usize) {
    if node.line > 0 {
        node.line += by;
    }
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| shift(n, by)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            shift(k, by);
            shift(v, by);
        }),
        _ => {}
    }
}

/// Reads typed fields out of a mapping node, collecting every problem instead of stopping.
pub struct Fields<'a> {
    pub path: &'a str,
    node: &'a Node,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Fields<'a> {
    /// Checks that `node` is a mapping and that it has only `known` keys (others are errors
    /// naming the closest known key).
    pub fn new(path: &'a str, node: &'a Node, what: &str, known: &[&str]) -> Self {
        Self::checked(path, node, what, known, None)
    }

    /// [`Fields::new`] for a file's front matter: `extra` keys (the site's own, from
    /// book.toml) are allowed too, and read by no one.
    pub fn front(
        path: &'a str,
        node: &'a Node,
        what: &str,
        known: &[&str],
        extra: &[String],
    ) -> Self {
        Self::checked(path, node, what, known, Some(extra))
    }

    fn checked(
        p: &'a str,
        node: &'a Node,
        what: &str,
        known: &[&str],
        extra: Option<&[String]>,
    ) -> Self {
        let (path, mut diags) = (p, Vec::new());
        match &node.value {
            Value::Map(entries) => {
                for (k, _) in entries {
                    let name = k.as_text().unwrap_or_default();
                    if !known.contains(&name.as_str()) && !extra.is_some_and(|e| e.contains(&name)) {
                        diags.push(unknown_key(path, k, &name, what, known, extra.is_some()));
                    }
                }
            }
            Value::Null => {}
            _ => diags.push(
                Diagnostic::error(
                    path,
                    format!(
                        "{what} must be a mapping of `key: value` lines, found {}",
                        node.kind()
                    ),
                )
                .at(node.line, node.col)
                .hint("write each line as `key: value`, with a space after the colon, e.g. `title: Recording in practice`"),
            ),
        }
        Fields { path, node, diags }
    }

    pub fn node(&self, key: &str) -> Option<&'a Node> {
        self.node.get(key).filter(|n| n.value != Value::Null)
    }

    pub fn error_at(&mut self, n: &Node, msg: impl Into<String>, hint: Option<String>) {
        self.diags.push(
            Diagnostic::error(self.path, msg)
                .at(n.line, n.col)
                .maybe_hint(hint),
        );
    }

    /// Where to point for a missing key: the start of the front matter.
    pub fn missing(&mut self, key: &str, what: &str, hint: &str) {
        let d = Diagnostic::error(self.path, format!("missing required key `{key}` in {what}"))
            .at(self.node.line.max(1), 1)
            .hint(hint.to_string());
        self.diags.push(d);
    }

    pub fn text(&mut self, key: &str) -> Option<String> {
        let n = self.node(key)?;
        match n.as_text() {
            Some(s) => Some(s),
            None => {
                self.error_at(n, format!("`{key}` must be text, found {}", n.kind()), None);
                None
            }
        }
    }

    pub fn text_node(&mut self, key: &str) -> Option<(String, &'a Node)> {
        let n = self.node(key)?;
        let t = self.text(key)?;
        Some((t, n))
    }

    pub fn boolean(&mut self, key: &str) -> Option<bool> {
        let n = self.node(key)?;
        match n.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.error_at(
                    n,
                    format!("`{key}` must be true or false, found {}", n.kind()),
                    None,
                );
                None
            }
        }
    }

    /// A whole number within `min..=max`.
    pub fn int(&mut self, key: &str, min: i128, max: i128) -> Option<(i64, &'a Node)> {
        let n = self.node(key)?;
        let v = match &n.value {
            Value::Int(i) => Some(*i),
            Value::Str(s) => s.trim().parse::<i128>().ok(),
            // Integers too large for i128 arrive as floats: out of range, not "not a number".
            Value::Float(f) if f.fract() == 0.0 => {
                Some(if *f > 0.0 { i128::MAX } else { i128::MIN })
            }
            _ => None,
        };
        match v {
            Some(i) if (min..=max).contains(&i) => Some((i as i64, n)),
            Some(_) => {
                let shown = n.as_text().unwrap_or_default();
                self.error_at(
                    n,
                    format!("`{key}` is {shown}, out of range"),
                    Some(format!("use a whole number from {min} to {max}")),
                );
                None
            }
            None => {
                // A small range is worth stating; a wide one (`order`) gets an example.
                let hint = if max - min <= 1000 {
                    format!("use a whole number from {min} to {max}, such as `{key}: {min}`")
                } else {
                    format!("for example `{key}: {}`", 1.clamp(min, max))
                };
                self.error_at(
                    n,
                    format!("`{key}` must be a whole number, found {}", n.kind()),
                    Some(hint),
                );
                None
            }
        }
    }

    /// A list of text; a single text value is taken as a list of one.
    pub fn list(&mut self, key: &str) -> Vec<String> {
        self.list_nodes(key).into_iter().map(|(s, _)| s).collect()
    }

    pub fn list_nodes(&mut self, key: &str) -> Vec<(String, &'a Node)> {
        let Some(n) = self.node(key) else {
            return Vec::new();
        };
        match &n.value {
            Value::Seq(items) => {
                let mut out = Vec::new();
                for it in items {
                    match it.as_text() {
                        Some(s) => out.push((s, it)),
                        None => self.error_at(
                            it,
                            format!("each item of `{key}` must be text, found {}", it.kind()),
                            None,
                        ),
                    }
                }
                out
            }
            _ => match n.as_text() {
                Some(s) => vec![(s, n)],
                None => {
                    self.error_at(
                        n,
                        format!("`{key}` must be a list, found {}", n.kind()),
                        Some(format!("write `{key}: [first, second]`")),
                    );
                    Vec::new()
                }
            },
        }
    }

    /// The items of a list value, for lists of mappings.
    pub fn seq(&mut self, key: &str) -> Option<&'a [Node]> {
        let n = self.node(key)?;
        match &n.value {
            Value::Seq(items) => Some(items),
            _ => {
                self.error_at(
                    n,
                    format!("`{key}` must be a list, found {}", n.kind()),
                    None,
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_carry_lines_shifted_to_the_file() {
        let n = parse("a.md", "title: Hi\nday: 2\nlist:\n  - x\n", 2).unwrap();
        let day = n.get("day").unwrap();
        assert_eq!(day.value, Value::Int(2));
        assert_eq!((day.line, day.col), (3, 6));
        let list = n.get("list").unwrap();
        let Value::Seq(items) = &list.value else {
            panic!()
        };
        assert_eq!(items[0].line, 5);
    }

    #[test]
    fn bad_yaml_is_an_error_at_its_line() {
        let e = parse("a.md", "title: Hi\nday: [1, 2\n", 2).unwrap_err();
        assert_eq!((e.line, e.col), (3, 6), "{e}");
        assert_eq!(e.message, "the `[` opened here is never closed");
        // The position is the diagnostic's, not repeated in its message.
        assert!(!e.message.contains(" at line "), "{e}");
    }

    /// The message forms: the error's own position left off (the diagnostic has it, in file
    /// lines), another position (an anchor's) in file lines. Front matter starts on line 2.
    #[test]
    fn messages_leave_their_position_to_the_diagnostic() {
        let e = parse("a.md", "a: 1\na: 2\n", 2).unwrap_err();
        assert_eq!((e.line, e.col), (3, 1));
        assert_eq!(e.message, "`a` is given twice (first on line 2)");
        let e = parse("a.md", "day: *y\n", 2).unwrap_err();
        assert_eq!((e.line, e.col), (2, 6));
        assert_eq!(
            e.message,
            "a value that starts with `*` needs quotes (YAML reads it as a reference)"
        );
        // Ten times ten, nine deep: over the node budget where the last list uses `*i`.
        let mut t = String::from("a: &a [1,1,1,1,1,1,1,1,1,1]\n");
        for i in 0..9u8 {
            let (p, n) = ((b'a' + i) as char, (b'a' + i + 1) as char);
            let refs = vec![format!("*{p}"); 10].join(",");
            t.push_str(&format!("{n}: &{n} [{refs}]\n"));
        }
        let e = parse("a.md", &t, 2).unwrap_err();
        assert_eq!((e.line, e.col), (6, 17));
        assert_eq!(
            e.message,
            "this line is not valid YAML (budget breached: Nodes { nodes: 50001 } (defined at line 5, column 7))"
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_closest() {
        let n = parse("a.md", "titel: Hi\nkeypoints: [a]\nmine: 1\n", 2).unwrap();
        let f = Fields::front("a.md", &n, "session front matter", &["title", "day"], &[]);
        assert_eq!(f.diags.len(), 3);
        assert_eq!(f.diags[0].severity, crate::diagnostics::Severity::Error);
        assert_eq!(f.diags[0].line, 2);
        assert_eq!(f.diags[0].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!(
            f.diags[1].hint.as_deref(),
            Some("use `objectives`, or list it under `extra-keys` in [content] of book.toml")
        );
        let allowed = ["mine".to_string(), "keypoints".to_string()];
        let f = Fields::front("a.md", &n, "session front matter", &["title"], &allowed);
        assert_eq!(f.diags.len(), 1, "{:?}", f.diags);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("title: {}\n", "{a: ".repeat(5000));
        let e = parse("a.md", &deep, 2).unwrap_err();
        assert!(e.message.contains("nested"), "{e}");
        let deep = format!("title: {}\n", "[".repeat(5000));
        assert!(parse("a.md", &deep, 2).is_err());
        let ok = "a: [1, [2, {b: \"[[[[\"}]]\n";
        assert!(parse("a.md", ok, 2).is_ok());
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut y = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (p, c) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            y.push_str(&format!(
                "{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
            ));
        }
        assert!(parse("a.md", &y, 2).is_err());
    }

    #[test]
    fn huge_numbers_are_out_of_range_not_a_panic() {
        let n = parse("a.md", "day: 99999999999999999999\n", 2).unwrap();
        let mut f = Fields::new("a.md", &n, "x", &["day"]);
        assert!(f.int("day", 1, 366).is_none());
        assert_eq!(f.diags.len(), 1);
        assert!(
            f.diags[0].message.contains("out of range"),
            "{}",
            f.diags[0]
        );
    }
}
