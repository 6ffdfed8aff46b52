//! Steps over the whole assembled site: titles, change stamps, the participant edition's
//! drops, sanitising, and the checks that need every page (URLs, paths, links, logo).

use crate::model::logo::Logo;
use std::path::Path;

use super::audience::drop_trainer_only;
use crate::Audience;
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Site, changed, links, paths, sanitize, titles, urls};

/// Titles cleaned, change stamps, the participant edition's drops and sanitising, then the
/// whole-site checks; the site only when no error was found.
pub(super) fn finish(
    root: &Path,
    mut site: Site,
    audience: Audience,
    mut diags: Vec<Diagnostic>,
    failed: &std::collections::HashMap<String, String>,
) -> (Option<Site>, Vec<Diagnostic>) {
    titles::clean(&mut site);
    changed::stamp(root, &mut site);
    if audience == Audience::Participant {
        drop_trainer_only(&mut site);
    }
    if site.config.sanitize {
        sanitize::site(&mut site);
    }
    diags.extend(urls::check(&site));
    diags.extend(paths::check(&site));
    diags.extend(undated_days(&site));
    let (d, refs) = links::check(&site, failed);
    diags.extend(d);
    // Only the trainer edition sees every link, so only it can tell a file is unused.
    if audience == Audience::Trainer {
        diags.extend(refs.unreferenced(&site));
    }
    if audience == Audience::Participant {
        // Only what participants' pages lead to (or the public folder, or the logo) is
        // copied: an answer key linked from a trainer note stays behind.
        let logo = site.config.logo.clone();
        site.assets.retain(|a| {
            refs.public.contains(&a.out)
                || a.out.starts_with(links::PUBLIC_DIR)
                || logo.as_deref() == Some(a.out.as_str())
        });
    }
    diags.extend(missing_logo(&site));
    let (logo, warning) = certificate_logo(&site);
    site.logo = logo;
    diags.extend(warning);
    let ok = !diags.iter().any(|d| d.severity == Severity::Error);
    (ok.then_some(site), diags)
}

/// `logo` in book.toml must name a file the site copies.
fn missing_logo(site: &Site) -> Option<Diagnostic> {
    let logo = site.config.logo.as_ref()?;
    if site.assets.iter().any(|a| &a.out == logo) {
        return None;
    }
    Some(
        Diagnostic::error(
            crate::config::FILE,
            format!("logo `{logo}` is not a file under the content directory"),
        )
        .hint("give the path under `src`, e.g. logo = \"assets/logo.svg\""),
    )
}

/// The logo as certificates' Word documents embed it, read when some programme has a
/// certificate; an SVG or unreadable logo is left out of them with a warning at its line.
fn certificate_logo(site: &Site) -> (Option<std::sync::Arc<Logo>>, Option<Diagnostic>) {
    let Some(name) = site.config.logo.as_ref() else {
        return (None, None);
    };
    let certificates = site
        .programmes
        .iter()
        .flat_map(|p| &p.letters)
        .any(|l| l.kind == crate::model::LetterKind::Certificate);
    let Some(asset) = site
        .assets
        .iter()
        .find(|a| &a.out == name)
        .filter(|_| certificates)
    else {
        return (None, None);
    };
    let read = std::fs::read(&asset.source)
        .map_err(|e| format!("it cannot be read: {e}"))
        .and_then(Logo::from_bytes);
    match read {
        Ok(logo) => (Some(std::sync::Arc::new(logo)), None),
        Err(why) => {
            let (line, col) = site.config.logo_at.unwrap_or((0, 0));
            let d = Diagnostic::warning(
                crate::config::FILE,
                format!("logo `{name}` is left out of the certificates' Word documents: {why}"),
            )
            .at(line, col)
            .hint("Word documents need a PNG or JPEG: save the logo as one too and name it here, e.g. logo = \"assets/logo.png\"");
            (None, Some(d))
        }
    }
}

/// A note (not a warning: dates are optional) for each programme whose calendar is not
/// written because some days have no date.
fn undated_days(site: &Site) -> Vec<Diagnostic> {
    site.programmes
        .iter()
        .filter_map(|p| {
            let missing: Vec<&str> = p
                .days
                .iter()
                .filter(|d| d.date.is_none())
                .map(|d| d.title.as_str())
                .collect();
            (!missing.is_empty()).then(|| {
                Diagnostic::note(
                    &p.src,
                    format!(
                        "no calendar (timetable.ics) for `{}`: {} without a date",
                        p.slug,
                        if missing.len() == p.days.len() {
                            "every day is".to_string()
                        } else {
                            format!("{} {}", missing.join(", "), if missing.len() == 1 { "is" } else { "are" })
                        }
                    ),
                )
                .hint("give each day a date under `days:`, e.g. - { title: Day one, date: 2027-03-01 }")
            })
        })
        .collect()
}
