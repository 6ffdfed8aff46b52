//! Every path the renderer (and the publisher) writes besides the pages of sources and the
//! assets: one list, which the loader checks source and asset names against so that no
//! author's file can replace a generated one. `tests/names.rs` builds a site with every
//! feature on and fails if a file it writes is missing here.

/// Files at the site root.
pub const SITE_FILES: &[&str] = &[
    "index.html",
    "404.html",
    "searchindex.js",
    "sitemap.xml",
    super::archive::NAME,
    crate::output::MARKER,
];

/// The folder of the theme's static files (`theme/...`).
pub const THEME_DIR: &str = super::theme::STATIC_DIR;

/// Files in each programme's folder; `*` stands for a day number.
pub const PROGRAMME_FILES: &[&str] = &[
    "index.html",
    "timetable.html",
    "timetable.csv",
    "timetable.ics",
    "prompts.html",
    "materials.html",
    "themes.html",
    "handout.html",
    "print.html",
    "searchindex.js",
    "schedule.js",
    "runsheet-day-*.html",
    "signin-day-*.html",
    "prompt-cards.html",
    "evaluation.html",
    "evaluation.docx",
    "action-plan.html",
    "post-box.html",
];

/// Files in each delivery's folder, `<programme>/deliveries/<id>/`; `*` stands for a day
/// number.
pub const DELIVERY_FILES: &[&str] = &[
    "index.html",
    "timetable.csv",
    "timetable.ics",
    "schedule.js",
    "runsheet-day-*.html",
    "signin-day-*.html",
    "evaluation.html",
    "evaluation.docx",
];

/// The folder of a delivery's letters, `<programme>/deliveries/<id>/letters/`.
pub const DELIVERY_LETTERS: &str = "letters/";

/// Why `path` (site-relative) is taken, when coursebook writes it itself; `programmes` are
/// the programme folders.
pub fn generated_by(path: &str, programmes: &[&str]) -> Option<&'static str> {
    if SITE_FILES.contains(&path) {
        return Some("a file coursebook writes itself");
    }
    if path
        .strip_prefix(THEME_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
    {
        return Some("where the theme's files go");
    }
    // `build --lms`: `<programme>.imscc`, `<programme>-scorm12.zip`.
    if let Some(stem) = path
        .strip_suffix(".imscc")
        .or_else(|| path.strip_suffix("-scorm12.zip"))
        && programmes.contains(&stem)
    {
        return Some("a package `build --lms` writes for the programme");
    }
    let (dir, file) = path.split_once('/')?;
    if !programmes.contains(&dir) {
        return None;
    }
    if let Some((id, name)) = file
        .strip_prefix("deliveries/")
        .and_then(|rest| rest.split_once('/'))
        && !id.is_empty()
        && (DELIVERY_FILES.iter().any(|g| matches(g, name)) || name.starts_with(DELIVERY_LETTERS))
    {
        return Some("a file coursebook writes for a delivery");
    }
    PROGRAMME_FILES
        .iter()
        .any(|g| matches(g, file))
        .then_some("a file coursebook generates for the programme")
}

/// Whether `file` is the name `pattern` gives (`*` standing for at least one character).
fn matches(pattern: &str, file: &str) -> bool {
    match pattern.split_once('*') {
        Some((a, b)) => file.starts_with(a) && file.ends_with(b) && file.len() > a.len() + b.len(),
        None => pattern == file,
    }
}

/// The names taken in a programme folder, for hints.
pub fn programme_names() -> String {
    PROGRAMME_FILES
        .iter()
        .map(|f| f.replace('*', "N"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_paths_are_recognised() {
        let p = ["prog"];
        assert!(generated_by("searchindex.js", &p).is_some());
        assert!(generated_by("prog/searchindex.js", &p).is_some());
        assert!(generated_by("prog.imscc", &p).is_some());
        assert!(generated_by("prog-scorm12.zip", &p).is_some());
        assert!(generated_by("other.imscc", &p).is_none());
        assert!(generated_by("prog/runsheet-day-2.html", &p).is_some());
        assert!(generated_by("prog/runsheet-day-.html", &p).is_none());
        assert!(generated_by("prog/signin-day-1.html", &p).is_some());
        assert!(generated_by("prog/prompt-cards.html", &p).is_some());
        assert!(generated_by("prog/evaluation.html", &p).is_some());
        assert!(generated_by("prog/evaluation.docx", &p).is_some());
        assert!(generated_by("prog/action-plan.html", &p).is_some());
        assert!(generated_by("prog/post-box.html", &p).is_some());
        assert!(generated_by("theme/site.css", &p).is_some());
        assert!(generated_by("themes.html", &p).is_none());
        assert!(generated_by("other/index.html", &p).is_none());
        assert!(generated_by("prog/day-1/intro.html", &p).is_none());
        assert!(generated_by("prog/deliveries/spring/index.html", &p).is_some());
        assert!(generated_by("prog/deliveries/spring/timetable.ics", &p).is_some());
        assert!(generated_by("prog/deliveries/map.png", &p).is_none());
        assert!(generated_by("prog/deliveries/spring/schedule.js", &p).is_some());
        assert!(generated_by("prog/deliveries/spring/runsheet-day-3.html", &p).is_some());
        assert!(generated_by("prog/deliveries/spring/signin-day-1.html", &p).is_some());
        assert!(generated_by("prog/deliveries/spring/runsheet-day-.html", &p).is_none());
        assert!(generated_by("prog/deliveries/spring/evaluation.docx", &p).is_some());
        assert!(generated_by("prog/deliveries/spring/letters/invite.txt", &p).is_some());
    }
}
