//! A programme's sidebar: its navigation as template values, and the sidebar HTML rendered
//! once per folder depth and day, from which each page takes its copy with its own link marked.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use tera::{Context, Kwargs, State, TeraResult};

use super::Theme;
use super::context::{Common, Put, value_of};
use super::view::{Nav, ProgrammeViews};
use crate::diagnostics::Diagnostic;

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
    /// The page a day's heading links to (`#day-<n>`) when the sidebar lists only one
    /// day's sessions: the programme's timetable, or a delivery's page.
    days_href: String,
}

/// A rendered sidebar, and where each page's own link takes `aria-current`: offsets the
/// template's `current_mark` calls recorded as it rendered, by the path each link names.
struct Sidebar {
    html: String,
    marks: HashMap<String, usize>,
}

/// A sidebar being rendered on this thread: its HTML so far, and each `current_mark`
/// call's path and offset.
#[derive(Default)]
struct Recording {
    html: Vec<u8>,
    marks: Vec<(String, usize)>,
}

thread_local! {
    /// Tera calls a template function with no handle on the output, so the sidebar's
    /// writer and `current_mark` meet here (set only while `Sidebar::render` runs).
    static RECORDING: RefCell<Option<Recording>> = const { RefCell::new(None) };
}

/// The writer a sidebar renders into: this thread's [`Recording`].
struct Recorder;

impl Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        RECORDING.with(|r| {
            if let Some(rec) = r.borrow_mut().as_mut() {
                rec.html.extend_from_slice(buf);
            }
        });
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `{{ current_mark(href=path) }}` in `nav.html`, just after a link's `href`: where the
/// page at `path` marks its own link. Writes nothing; while a sidebar renders, records
/// the offset (elsewhere it does nothing at all).
pub(super) fn current_mark(kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let href = kwargs.must_get::<&str>("href")?;
    RECORDING.with(|r| {
        if let Some(rec) = r.borrow_mut().as_mut() {
            let at = rec.html.len();
            rec.marks.push((href.to_string(), at));
        }
    });
    Ok(String::new())
}

impl Sidebar {
    fn render(theme: &Theme, ctx: &Context) -> Result<Self, Diagnostic> {
        RECORDING.with(|r| *r.borrow_mut() = Some(Recording::default()));
        let done = theme.render_to("nav.html", ctx, Recorder);
        let rec = RECORDING
            .with(|r| r.borrow_mut().take())
            .unwrap_or_default();
        done?;
        let mut marks = HashMap::new();
        for (href, at) in rec.marks {
            // A path linked twice: its first link is the one marked.
            marks.entry(href).or_insert(at);
        }
        // Tera writes only strings, so this is UTF-8; were it not, the offsets would not
        // fit the repaired text, and no link is marked.
        let html = String::from_utf8(rec.html).unwrap_or_else(|e| {
            marks.clear();
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        });
        Ok(Sidebar { html, marks })
    }

    /// This sidebar for the page at `path`: its own link marked, when it has one.
    fn mark(&self, path: &str) -> String {
        match self.marks.get(path) {
            // Only just after an attribute's closing quote: a mark called anywhere else (or
            // inside a captured block, whose text is written later) would split a tag.
            Some(&at)
                if self
                    .html
                    .get(..at)
                    .is_some_and(|h| h.ends_with(['"', '\''])) =>
            {
                let mut out = String::with_capacity(self.html.len() + 24);
                out.push_str(&self.html[..at]);
                out.push_str(" aria-current=\"page\"");
                out.push_str(&self.html[at..]);
                out
            }
            _ => self.html.clone(),
        }
    }
}

impl NavParts {
    pub(super) fn sidebar(
        &self,
        common: &Common,
        root: &str,
        path: &str,
        lang: Option<&str>,
    ) -> Result<String, Diagnostic> {
        let day = self.day_of.get(path).copied().unwrap_or(0);
        let key = (root.to_string(), day);
        let cached = self.html.lock().ok().and_then(|m| m.get(&key).cloned());
        let bar = match cached {
            Some(h) => h,
            None => {
                let mut ctx = Context::new();
                ctx.insert_value("site", common.site.clone());
                ctx.insert_value("tr", common.tr_for(lang).clone());
                ctx.insert_value("nav", self.value.clone());
                ctx.insert_value("nav_days", self.days.clone());
                ctx.put("root", root);
                ctx.put("show_all", &self.show_all);
                ctx.put("current_day", &day);
                ctx.put("days_href", &self.days_href);
                let h = Arc::new(Sidebar::render(common.theme, &ctx)?);
                if let Ok(mut m) = self.html.lock() {
                    m.insert(key, h.clone());
                }
                h
            }
        };
        Ok(bar.mark(path))
    }
}

impl NavParts {
    /// This sidebar for a delivery's pages (`page`, and its run and sign-in sheets,
    /// `day_of`): `nav` is the programme's navigation with the delivery's days (its dates
    /// and its own start times) and sheets.
    pub(super) fn for_delivery(
        &self,
        common: &Common,
        nav: &Nav,
        page: &str,
        day_of: HashMap<String, u32>,
    ) -> NavParts {
        NavParts {
            value: value_of(nav),
            days: value_of(&nav.days),
            show_all: self.show_all,
            html: Mutex::default(),
            day_of: if self.show_all {
                HashMap::new()
            } else {
                day_of
            },
            key: common.hash(&(nav, &nav.days, page)),
            days_href: page.to_string(),
        }
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
            days_href: v.nav.timetable.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Sidebar;

    #[test]
    fn a_page_marks_its_own_link_only_just_after_an_attribute() {
        let html = "<a href=\"a.html\">A</a><a href=\"b.html\">B</a>".to_string();
        let at_a = html.find('>').unwrap();
        let marks = [("a.html", at_a), ("inside.html", 3)]
            .into_iter()
            .map(|(p, at)| (p.to_string(), at))
            .collect();
        let bar = Sidebar { html, marks };
        assert_eq!(
            bar.mark("a.html"),
            "<a href=\"a.html\" aria-current=\"page\">A</a><a href=\"b.html\">B</a>"
        );
        // A mark inside a tag's name, and a page the sidebar does not list: unmarked.
        assert_eq!(bar.mark("inside.html"), bar.html);
        assert_eq!(bar.mark("c.html"), bar.html);
    }
}
