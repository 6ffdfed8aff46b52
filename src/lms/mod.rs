//! `build --lms cc|scorm12`: a package per programme for a learning platform, made from the
//! participant edition (whatever edition the site build is) and written into the build
//! directory beside the site: `<programme>.imscc` (IMS Common Cartridge 1.3) and
//! `<programme>-scorm12.zip` (SCORM 1.2). A package holds the programme's folder and the
//! site's shared files (home and site pages, theme, assets, search root), never another
//! programme's folder; `imsmanifest.xml` lists them (`manifest.rs`) under the outline of
//! `outline.rs`. In a SCORM package each session page is a SCO and loads `theme/scorm.js`,
//! the one change to the pages. Zips are deterministic: entries sorted, the zip format's
//! fixed date. The packages go through the participant leak scan before they are written.

pub mod manifest;
pub mod outline;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use zip::write::SimpleFileOptions;

use crate::diagnostics::Diagnostic;
use crate::model::{Programme, Site};
use crate::render::{Content, Output, Theme};
use crate::{Audience, render};

/// A kind of package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Kind {
    /// IMS Common Cartridge 1.3: `<programme>.imscc`.
    Cc,
    /// SCORM 1.2, a SCO per session: `<programme>-scorm12.zip`.
    Scorm12,
}

impl Kind {
    /// The package's path in the build directory.
    pub fn file_name(self, programme: &str) -> String {
        match self {
            Kind::Cc => format!("{programme}.imscc"),
            Kind::Scorm12 => format!("{programme}-scorm12.zip"),
        }
    }
}

/// The script each SCO page loads.
pub const SCORM_JS: &str = "theme/scorm.js";

/// Files of the site that no package holds: for the web server, for the whole site, or
/// coursebook's own.
const LEFT_OUT: &[&str] = &[
    "404.html",
    "sitemap.xml",
    render::archive::NAME,
    crate::output::MARKER,
];

/// The packages of `kinds` for every participant programme, scanned for trainer-only
/// text. A participant build passes its own files (`staged` + `paths`, as written and
/// scanned) and scanner; a trainer build's site is not used: the participant edition is
/// loaded, rendered in memory and scanned here. Each package member is one of those files
/// byte for byte, or new bytes (a manifest, a page with `scorm.js`) scanned here, so the
/// packages' text is scanned once rather than once per kind (a zip scan measured 380 ms of
/// a 580 ms debug build of the example).
pub fn make(
    root: &Path,
    theme: &Theme,
    edition: Edition<'_>,
    kinds: &[Kind],
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let (loaded, own_scanner);
    let (site, files, scanner): (&Site, Vec<Output>, &render::leak::Scanner) = match edition {
        Edition::Written {
            site,
            staged,
            paths,
            scanner,
        } => {
            let files: Vec<Output> = paths
                .iter()
                .map(|p| Output {
                    path: p.clone(),
                    content: Content::Copy(staged.join(p)),
                })
                .collect();
            (site, files, scanner)
        }
        Edition::Trainer => {
            let (site, diags) = crate::load(root, Audience::Participant);
            let Some(site) = site else {
                let mut d: Vec<Diagnostic> = diags.items;
                d.push(crate::error(
                    "the participant edition, from which --lms packages are made, did not load",
                ));
                return Err(d);
            };
            loaded = site;
            own_scanner = crate::leak_scanner(&loaded, theme);
            // Several programmes: each package renders its own (`each_alone`).
            let several = loaded.programmes.iter().filter(|p| !p.trainer_only).count() > 1;
            let files = if several {
                Vec::new()
            } else {
                render::render_site(&loaded, theme, Audience::Participant)?
            };
            let leaks = own_scanner.scan(&files);
            if !leaks.is_empty() {
                return Err(leaks);
            }
            (&loaded, files, &own_scanner)
        }
    };
    let listed: Vec<&Programme> = site.programmes.iter().filter(|p| !p.trainer_only).collect();
    if listed.len() > 1 {
        return each_alone(site, &listed, theme, kinds, scanner);
    }
    let (packages, fresh) = packages(site, &files, kinds).map_err(|d| vec![d])?;
    // Every member is scanned once: the edition's files above (or as the participant build
    // wrote them), and here what only the packages hold: manifests and pages with scorm.js.
    let leaks = scanner.scan(&fresh);
    if leaks.is_empty() {
        Ok(packages)
    } else {
        Err(leaks)
    }
}

/// The packages of a site of several programmes: each from the participant edition
/// rendered with that programme alone (the home page, every sidebar and the root search
/// index list only it), so no page of a package links to a folder it does not hold. Each
/// rendering is scanned whole, as it is not the site's. Work: the programmes once, the
/// site's own pages once per programme.
fn each_alone(
    site: &Site,
    listed: &[&Programme],
    theme: &Theme,
    kinds: &[Kind],
    scanner: &render::leak::Scanner,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    for p in listed {
        let one = alone(site, p);
        let files = render::render_site(&one, theme, Audience::Participant)?;
        let mut leaks = scanner.scan(&files);
        let (packages, fresh) = packages(&one, &files, kinds).map_err(|d| vec![d])?;
        leaks.extend(scanner.scan(&fresh));
        if !leaks.is_empty() {
            return Err(leaks);
        }
        out.extend(packages);
    }
    Ok(out)
}

/// The site with `p` its only programme.
fn alone(site: &Site, p: &Programme) -> Site {
    Site {
        config: site.config.clone(),
        home: site.home.clone(),
        pages: site.pages.clone(),
        programmes: vec![p.clone()],
        assets: site.assets.clone(),
        trainer_fragments: site.trainer_fragments.clone(),
        trainer_only: site.trainer_only.clone(),
        logo: site.logo.clone(),
        editions: site.editions.clone(),
    }
}

/// Where the participant edition comes from.
pub enum Edition<'a> {
    /// A participant build: its model, its files as written, its scanner.
    Written {
        site: &'a Site,
        staged: &'a Path,
        paths: &'a [String],
        scanner: &'a render::leak::Scanner,
    },
    /// A trainer build: load and render the participant edition.
    Trainer,
}

/// The packages, from the participant model and files, and what they hold that is not one
/// of `files` (manifests, pages with `scorm.js`) as outputs named `<package>/<member>`.
pub fn packages(
    site: &Site,
    files: &[Output],
    kinds: &[Kind],
) -> Result<(Vec<Output>, Vec<Output>), Diagnostic> {
    let programmes: Vec<&Programme> = site.programmes.iter().filter(|p| !p.trainer_only).collect();
    // Each file once into the site's shared files or its programme's: one pass over the
    // files, however many programmes.
    let slugs: std::collections::HashSet<&str> =
        programmes.iter().map(|p| p.slug.as_str()).collect();
    let mut shared: BTreeMap<&str, &Output> = BTreeMap::new();
    let mut own: HashMap<&str, BTreeMap<&str, &Output>> = HashMap::new();
    for o in files {
        let path = o.path.as_str();
        if LEFT_OUT.contains(&path) {
            continue;
        }
        match path.split_once('/') {
            Some((top, _)) if slugs.contains(top) => {
                own.entry(top).or_default().insert(path, o);
            }
            _ => {
                shared.insert(path, o);
            }
        }
    }
    let mut out = Vec::new();
    let mut fresh = Vec::new();
    for p in &programmes {
        let mut mine = shared.clone();
        if let Some(files) = own.remove(p.slug.as_str()) {
            mine.extend(files);
        }
        let outline = outline::outline(site, p, &|h| mine.contains_key(h));
        for &kind in kinds {
            let name = kind.file_name(&p.slug);
            let bytes = package(kind, &p.slug, &outline, &mine, &mut |member, bytes| {
                fresh.push(Output {
                    path: format!("{name}/{member}"),
                    content: Content::Bytes(bytes),
                })
            })
            .map_err(|e| crate::error(format!("cannot make {name}: {e}")))?;
            out.push(Output {
                path: name,
                content: Content::Bytes(bytes),
            });
        }
    }
    Ok((out, fresh))
}

/// One package's bytes; `fresh` gets each member that is not one of `files` as it is.
fn package(
    kind: Kind,
    slug: &str,
    outline: &outline::Outline,
    files: &BTreeMap<&str, &Output>,
    fresh: &mut dyn FnMut(&str, Vec<u8>),
) -> Result<Vec<u8>, String> {
    let names: Vec<&str> = files
        .keys()
        .copied()
        .filter(|f| kind == Kind::Scorm12 || *f != SCORM_JS)
        .collect();
    let id = manifest::xml_id("coursebook-", slug);
    let manifest = manifest::manifest(kind, &id, outline, &names).map_err(|e| e.to_string())?;
    let scos: std::collections::HashSet<&str> = sessions(&outline.items);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    let e = |e: zip::result::ZipError| e.to_string();
    zip.start_file("imsmanifest.xml", opts).map_err(e)?;
    zip.write_all(&manifest).map_err(|e| e.to_string())?;
    fresh("imsmanifest.xml", manifest);
    for name in names {
        let Some(o) = files.get(name) else {
            continue;
        };
        let bytes = bytes_of(o).map_err(|e| format!("{name}: {e}"))?;
        zip.start_file(name, opts).map_err(e)?;
        if kind == Kind::Scorm12 && scos.contains(name) {
            let page = with_scorm_js(&bytes, name);
            zip.write_all(&page).map_err(|e| e.to_string())?;
            fresh(name, page);
        } else {
            zip.write_all(&bytes).map_err(|e| e.to_string())?;
        }
    }
    Ok(zip.finish().map_err(e)?.into_inner())
}

/// The session pages of the outline: SCOs.
fn sessions(items: &[outline::Item]) -> std::collections::HashSet<&str> {
    let mut out = std::collections::HashSet::new();
    for it in items {
        if it.session
            && let Some(h) = &it.href
        {
            out.insert(h.as_str());
        }
        out.extend(sessions(&it.children));
    }
    out
}

fn bytes_of(o: &Output) -> Result<Cow<'_, [u8]>, String> {
    match &o.content {
        Content::Bytes(b) => Ok(Cow::Borrowed(b)),
        Content::Static(b) => Ok(Cow::Borrowed(b)),
        Content::Copy(p) => std::fs::read(p)
            .map(Cow::Owned)
            .map_err(|e| format!("cannot read {}: {e}", p.display())),
        Content::Deferred(d) => d.render().map(Cow::Owned).map_err(|d| d.message),
    }
}

/// A page with `theme/scorm.js` loaded at the end of its `<head>` (or of the page, when a
/// theme's page has no head).
pub fn with_scorm_js(page: &[u8], path: &str) -> Vec<u8> {
    let tag = format!(
        "<script src=\"{}{SCORM_JS}\" defer></script>\n",
        crate::util::root_prefix(path)
    );
    let at = memchr::memmem::find(page, b"</head>").unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + tag.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_at_the_end_of_the_head_with_the_page_depth() {
        let page = b"<html><head><title>x</title></head><body></body></html>";
        let out = String::from_utf8(with_scorm_js(page, "p/day-1/s.html")).unwrap();
        assert!(out.contains(
            "<title>x</title><script src=\"../../theme/scorm.js\" defer></script>\n</head>"
        ));
        let bare = String::from_utf8(with_scorm_js(b"<p>x</p>", "s.html")).unwrap();
        assert_eq!(
            bare,
            "<p>x</p><script src=\"theme/scorm.js\" defer></script>\n"
        );
    }

    #[test]
    fn package_names() {
        assert_eq!(Kind::Cc.file_name("rec"), "rec.imscc");
        assert_eq!(Kind::Scorm12.file_name("rec"), "rec-scorm12.zip");
    }
}
