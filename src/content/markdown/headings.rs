//! Heading ids: the one written (`{#id}`) or the text's slug, made unique in the page.

use std::collections::{HashMap, HashSet};

use crate::util::slugify;

/// Heading ids given so far. An id already taken gets the first free `-1`, `-2`, ...; each
/// base remembers the last suffix it tried, so N identical headings cost N look-ups, not N².
#[derive(Default)]
pub(super) struct HeadingIds {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl HeadingIds {
    pub(super) fn claim(&mut self, base: String) -> String {
        // Ids are only ever added, so suffixes tried before for this base are still taken.
        let n = self.next.entry(base.clone()).or_insert(0);
        let mut hid = if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        while self.used.contains(&hid) {
            *n += 1;
            hid = format!("{base}-{n}");
        }
        self.used.insert(hid.clone());
        hid
    }
}

/// A heading's id before de-duplication: the one written (`{#id}`), else its text's slug.
pub(super) fn heading_base(id: Option<String>, text: &str) -> String {
    id.unwrap_or_else(|| {
        let s = slugify(text);
        if s.is_empty() { "section".into() } else { s }
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::md;
    use super::HeadingIds;

    #[test]
    fn headings_get_unique_ids() {
        let m = md("# Intro\n\n## Intro\n\n## Custom {#mine}\n");
        let ids: Vec<_> = m.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, vec!["intro", "intro-1", "mine"]);
        assert!(m.html.contains("<h2 id=\"mine\">Custom</h2>"), "{}", m.html);
    }

    #[test]
    fn heading_ids_are_those_of_the_first_free_suffix() {
        // The rule before ids were counted: try `base`, `base-1`, `base-2`, ... in order.
        fn by_search(bases: &[&str]) -> Vec<String> {
            let mut used: Vec<String> = Vec::new();
            for base in bases {
                let mut hid = base.to_string();
                let mut n = 1;
                while used.contains(&hid) {
                    hid = format!("{base}-{n}");
                    n += 1;
                }
                used.push(hid);
            }
            used
        }
        let bases = [
            "intro",
            "intro",
            "intro-1",
            "intro",
            "intro-3",
            "intro",
            "intro-1",
            "intro-1-1",
            "intro-1",
            "a",
            "a-2",
            "a",
            "a",
            "a",
            "intro",
            "a-2",
        ];
        let mut ids = HeadingIds::default();
        let got: Vec<String> = bases.iter().map(|b| ids.claim(b.to_string())).collect();
        assert_eq!(got, by_search(&bases));
        assert_eq!(&got[..3], ["intro", "intro-1", "intro-1-1"]);
    }
}
