//! Splitting a Markdown source into its YAML front matter and body, keeping line numbers.

/// The parts of a source file. Lines are 1-based within the whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    pub yaml: Option<&'a str>,
    pub yaml_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

impl Split<'_> {
    /// The front matter as a tree (`path` names the file in its errors): an empty map at
    /// line 1 when the file has none.
    pub fn tree(&self, path: &str) -> Result<super::yaml::Node, crate::diagnostics::Diagnostic> {
        match self.yaml {
            Some(y) => super::yaml::parse(path, y, self.yaml_line),
            None => Ok(super::yaml::Node {
                value: super::yaml::Value::Map(Vec::new()),
                line: 1,
                col: 1,
            }),
        }
    }
}

/// Front matter is a first line of `---`, then YAML, then a line of `---` (or `...`).
/// Returns an error message (with the line it concerns) when the closing line is missing.
pub fn split(text: &str) -> Result<Split<'_>, (usize, String)> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))
    else {
        return Ok(Split {
            yaml: None,
            yaml_line: 1,
            body: text,
            body_line: 1,
        });
    };
    let mut offset = 0;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        let t = l.trim_end();
        if t == "---" || t == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + l.len()..];
            return Ok(Split {
                yaml: Some(yaml),
                yaml_line: 2,
                body,
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err((
        1,
        "front matter starts with `---` but has no closing `---` line".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: A\nday: 1\n---\n# Body\n").unwrap();
        assert_eq!(s.yaml, Some("title: A\nday: 1\n"));
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn no_front_matter() {
        let s = split("# Just text\n").unwrap();
        assert_eq!(s.yaml, None);
        assert_eq!(s.body_line, 1);
    }

    #[test]
    fn unclosed_is_an_error() {
        assert!(split("---\ntitle: A\n").is_err());
    }

    #[test]
    fn empty_front_matter() {
        let s = split("---\n---\nBody").unwrap();
        assert_eq!(s.yaml, Some(""));
        assert_eq!(s.body, "Body");
    }
}
