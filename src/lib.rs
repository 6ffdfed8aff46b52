//! coursebook: a static site generator for training courses.
//!
//! The data takes one road: `book.toml` + content -> [`content`] (sources) -> [`model`]
//! (validated plain data and the timetable) -> [`render`] (outputs as bytes) -> [`output`]
//! (written atomically to the build directory).

pub mod config;
pub mod content;
pub mod diagnostics;
pub mod init;
pub mod letters;
pub mod merge;
pub mod model;
pub mod output;
pub mod render;
pub mod serve;
pub mod util;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostics::{Diagnostic, Diagnostics};

/// Who a build is for: trainers see everything; participants never see trainer-only parts.
/// Highlighted code kept between builds (safe to delete: the next build is then cold).
pub const CACHE_DIR: &str = ".coursebook-cache";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Audience {
    #[default]
    Trainer,
    Participant,
}

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site root: the folder with book.toml.
    pub root: PathBuf,
    /// Overrides `[build] build-dir`.
    pub dest: Option<PathBuf>,
    pub audience: Audience,
    /// Also write `site.zip` (every other file of the site) into the build directory.
    pub zip: bool,
}

#[derive(Debug)]
pub struct Report {
    pub dest: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    pub diagnostics: Diagnostics,
}

/// Config, sources and model: everything `check` validates. No file is written.
pub fn load(root: &Path, audience: Audience) -> (Option<model::Site>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let (config, d) = config::load(root);
    diags.extend(d);
    let Some(config) = config else {
        return (None, diags);
    };
    let src = root.join(&config.src);
    let (sources, d) = content::discover(root, &src);
    diags.extend(d);
    let (site, d) = model::load::load(root, config, sources, audience);
    diags.extend(d);
    if diags.has_errors() {
        (None, diags)
    } else {
        (site, diags)
    }
}

/// Everything `build` validates (config, content, links, timetable, theme templates),
/// writing nothing.
pub fn check(root: &Path, audience: Audience) -> Diagnostics {
    let (site, mut diags) = load(root, audience);
    if let Some(site) = site
        && let Err(d) = render::Theme::load(root, &site.config.theme)
    {
        diags.extend(d);
    }
    diags
}

/// Build the site: load, render, and publish to the build directory only if all succeeded.
pub fn build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    let started = Instant::now();
    // COURSEBOOK_TIMINGS=1 prints how long each stage took, for profiling.
    let timings = std::env::var_os("COURSEBOOK_TIMINGS").is_some();
    let mut last = started;
    let mut stage = |name: &str| {
        if timings {
            eprintln!("  {name}: {} ms", last.elapsed().as_millis());
            last = Instant::now();
        }
    };
    let cache = opts.root.join(CACHE_DIR);
    content::highlight::load_cache(&cache);
    let (site, mut diags) = load(&opts.root, opts.audience);
    stage("load");
    let Some(site) = site else { return Err(diags) };
    let theme = match render::Theme::load(&opts.root, &site.config.theme) {
        Ok(t) => t,
        Err(d) => {
            diags.extend(d);
            return Err(diags);
        }
    };
    stage("theme");
    let outputs = match render::render_site(&site, &theme, opts.audience) {
        Ok(o) => o,
        Err(d) => {
            diags.extend(d);
            return Err(diags);
        }
    };
    stage("render");
    if opts.audience == Audience::Participant {
        let leaks = render::leak::check(&site.trainer_fragments, &outputs);
        if !leaks.is_empty() {
            diags.extend(leaks);
            return Err(diags);
        }
    }
    let mut outputs = outputs;
    if opts.zip {
        match render::archive::site_zip(&outputs) {
            Ok(z) => outputs.push(z),
            Err(d) => {
                diags.push(d);
                return Err(diags);
            }
        }
    }
    let dest = match &opts.dest {
        Some(d) if d.is_absolute() => d.clone(),
        Some(d) => std::env::current_dir()
            .map(|c| c.join(d))
            .unwrap_or_else(|_| d.clone()),
        None => opts.root.join(&site.config.build_dir),
    };
    let pages = outputs.iter().filter(|o| o.path.ends_with(".html")).count();
    let files = outputs.len();
    stage("leak check and zip");
    if let Err(d) = output::publish(&opts.root, &site.config, &dest, &outputs) {
        diags.push(d);
        return Err(diags);
    }
    stage("write");
    content::highlight::save_cache(&cache);
    drop(outputs);
    drop(site);
    stage("cache and free");
    Ok(Report {
        dest,
        pages,
        files,
        elapsed: started.elapsed(),
        diagnostics: diags,
    })
}

/// Print diagnostics to stderr, errors and warnings alike, in a stable order.
pub fn print_diagnostics(diags: &Diagnostics) {
    let colour = diagnostics::colour_stderr();
    for d in diags.sorted() {
        eprintln!("{}", d.render(colour));
    }
}

pub fn error(msg: impl Into<String>) -> Diagnostic {
    Diagnostic::error("", msg)
}
