//! A programme's sidebar: its navigation as template values, and the sidebar HTML rendered
//! once per folder depth and day, from which each page takes its copy with its own link marked.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tera::Context;

use super::context::{Common, Put, value_of};
use super::view::ProgrammeViews;
use crate::diagnostics::Diagnostic;
use crate::util::{encode_path, escape_html};

/// Programmes with at most this many sessions list them all in every page's sidebar.
pub const FULL_NAV: usize = 40;

/// A programme's navigation: its links for templates, and the sidebar pre-rendered once per
/// folder depth (`root`), so each page only marks its own link.
pub(super) struct NavParts {
    pub(super) value: tera::Value,
    days: tera::Value,
    show_all: bool,
    /// Sidebar HTML by (folder depth, day shown in full; 0 for none), rendered on first use:
    /// the dev server re-renders few pages, so it renders few sidebars.
    html: Mutex<HashMap<(String, u32), Arc<Sidebar>>>,
    /// The day of each session page, whose sidebar shows that day's sessions.
    day_of: HashMap<String, u32>,
    /// Hash of the navigation and programme view (0 without a memo).
    pub(super) key: u64,
}

/// A rendered sidebar, and where each link's `href="…"` ends, so a page marks its own
/// link without searching the HTML.
struct Sidebar {
    html: String,
    ends: HashMap<String, usize>,
}

impl Sidebar {
    fn new(html: String) -> Self {
        let mut ends = HashMap::new();
        let mut from = 0;
        while let Some(i) = html[from..].find("href=\"") {
            let start = from + i + 6;
            let Some(len) = html[start..].find('"') else {
                break;
            };
            ends.entry(html[start..start + len].to_string())
                .or_insert(start + len + 1);
            from = start + len + 1;
        }
        Sidebar { html, ends }
    }
}

impl NavParts {
    pub(super) fn sidebar(
        &self,
        common: &Common,
        root: &str,
        path: &str,
    ) -> Result<String, Diagnostic> {
        let day = self.day_of.get(path).copied().unwrap_or(0);
        let key = (root.to_string(), day);
        let cached = self.html.lock().ok().and_then(|m| m.get(&key).cloned());
        let bar = match cached {
            Some(h) => h,
            None => {
                let mut ctx = Context::new();
                ctx.insert_value("site", common.site.clone());
                ctx.insert_value("nav", self.value.clone());
                ctx.insert_value("nav_days", self.days.clone());
                ctx.put("root", root);
                ctx.put("show_all", &self.show_all);
                ctx.put("current_day", &day);
                let h = Arc::new(Sidebar::new(common.theme.render("nav.html", &ctx)?));
                if let Ok(mut m) = self.html.lock() {
                    m.insert(key, h.clone());
                }
                h
            }
        };
        let href = escape_html(&format!("{root}{}", encode_path(path)));
        Ok(match bar.ends.get(&href) {
            Some(&at) => {
                let mut out = String::with_capacity(bar.html.len() + 24);
                out.push_str(&bar.html[..at]);
                out.push_str(" aria-current=\"page\"");
                out.push_str(&bar.html[at..]);
                out
            }
            None => bar.html.clone(),
        })
    }
}

impl Common<'_> {
    /// The programme sidebar for each folder depth among `paths` (pages, and sessions with
    /// their day). A programme of more than [`FULL_NAV`] sessions lists, on a session's page,
    /// only that day's sessions, so no page carries the whole of a long programme.
    pub(super) fn nav_parts(
        &self,
        v: &ProgrammeViews,
        sessions: impl Iterator<Item = (String, u32)>,
    ) -> NavParts {
        let count: usize = v
            .nav
            .days
            .iter()
            .flat_map(|d| &d.blocks)
            .map(|b| b.sessions.len())
            .sum();
        let show_all = count <= FULL_NAV;
        let value = value_of(&v.nav);
        NavParts {
            value,
            days: value_of(&v.nav.days),
            show_all,
            html: Mutex::default(),
            day_of: if show_all {
                HashMap::new()
            } else {
                sessions.collect()
            },
            key: self.hash(&(&v.nav, &v.nav.days)),
        }
    }
}
