//! What the writers hand the save kit ([`super::kit`]): their output as typed pieces, cut
//! where the page's script puts a value, so no text of a letter or a value can pass for a cut.

/// A piece of a writer's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk {
    /// Literal output.
    Text(String),
    /// Where the value of slot `index` (a field, [`super::Fill::Field`]) goes: in text, its
    /// later lines `indent` spaces in; in Word, a run `bold` and `italic` like its text.
    Slot {
        index: usize,
        indent: usize,
        bold: bool,
        italic: bool,
    },
    /// Text only: a heading starts here...
    Heading,
    /// ...and its underline goes here: this character as many times as the heading's longest
    /// line has characters once filled in.
    Underline(char),
}

/// A writer's output being made: text pushed next to text joins it, never empty.
#[derive(Debug, Default)]
pub struct Chunks(Vec<Chunk>);

impl Chunks {
    pub fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(Chunk::Text(t)) => t.push_str(s),
            _ => self.0.push(Chunk::Text(s.to_string())),
        }
    }

    pub fn push(&mut self, chunk: Chunk) {
        match chunk {
            Chunk::Text(t) => self.push_str(&t),
            c => self.0.push(c),
        }
    }

    pub fn append(&mut self, other: Chunks) {
        for c in other.0 {
            self.push(c);
        }
    }

    /// The literal text, cuts left out: the whole output when the writer was asked for none.
    pub fn text(&self) -> String {
        self.0
            .iter()
            .filter_map(|c| match c {
                Chunk::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn into_vec(self) -> Vec<Chunk> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_joins_and_cuts_stay() {
        let mut c = Chunks::default();
        c.push_str("a");
        c.push_str("");
        c.push(Chunk::Text("b".into()));
        c.push(Chunk::Heading);
        c.push(Chunk::Heading);
        c.push_str("c");
        assert_eq!(c.text(), "abc");
        assert_eq!(
            c.into_vec(),
            vec![
                Chunk::Text("ab".into()),
                Chunk::Heading,
                Chunk::Heading,
                Chunk::Text("c".into())
            ]
        );
    }
}
