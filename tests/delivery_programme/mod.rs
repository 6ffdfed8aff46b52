//! The programme the delivery tests run many times: two dated days from 09:30 at County
//! Hall, six sessions (Alpha to Delta on day one, Epsilon and Zeta on day two).
#![allow(dead_code)]

use crate::common::{Fixture, session};

pub const PROG: &str = "---\ntitle: Recording\nvenue: County Hall\ntimezone: Europe/London\nstart: \"09:30\"\nend: \"16:30\"\ndays:\n  - { title: Day one, date: 2027-03-01 }\n  - { title: Day two, date: 2027-03-02 }\n---\nAbout.\n";

/// The six sessions, as (path, file).
pub fn sessions() -> Vec<(&'static str, String)> {
    vec![
        ("content/p/a.md", session("Alpha", 1, "before-coffee", "1h")),
        ("content/p/b.md", session("Beta", 1, "after-coffee", "1h")),
        ("content/p/c.md", session("Gamma", 1, "after-lunch", "1h")),
        ("content/p/d.md", session("Delta", 1, "after-tea", "30m")),
        (
            "content/p/e.md",
            session("Epsilon", 2, "before-coffee", "45m"),
        ),
        ("content/p/f.md", session("Zeta", 2, "after-lunch", "1h")),
    ]
}

/// The programme at `content/p/`, with `extra` files (deliveries, letters) added.
pub fn programme(extra: &[(&str, &str)]) -> Fixture {
    let s = sessions();
    let mut files: Vec<(&str, &str)> = vec![("content/p/index.md", PROG)];
    files.extend(s.iter().map(|(p, t)| (*p, t.as_str())));
    files.extend_from_slice(extra);
    Fixture::new(&files)
}
