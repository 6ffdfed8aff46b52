//! coursebook: a static site generator for training courses.
//!
//! The data takes one road: `book.toml` + content -> [`content`] (sources) -> [`model`]
//! (validated plain data and the timetable) -> [`render`] (outputs as bytes) -> [`output`]
//! (written atomically to the build directory).

// Outside tests no unwrap or expect: nothing a user wrote may panic the tool.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod import;
pub mod init;
pub mod letters;
pub mod lms;
pub mod merge;
pub mod model;
pub mod output;
pub mod register;
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
    /// Also write a package per programme of each kind for a learning platform (`lms/`).
    pub lms: Vec<lms::Kind>,
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
    let (site, _, diags) = load_with_strings(root, audience);
    (site, diags)
}

/// The theme's interface strings as the loader read them, and their diagnostics.
pub type I18nFiles = (std::sync::Arc<i18n::Catalog>, Vec<diagnostics::Diagnostic>);

/// [`load`], and the theme's interface strings the loader read (the callouts' titles):
/// what `check` compiles the theme with and `register` writes its pages in. `None` when
/// book.toml could not be read.
pub fn load_with_strings(
    root: &Path,
    audience: Audience,
) -> (Option<model::Site>, Option<I18nFiles>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let (config, d) = config::load(root);
    diags.extend(d);
    let Some(config) = config else {
        return (None, None, diags);
    };
    let strings = render::theme::load_i18n(root, &config.theme);
    // A config with errors is None above; content with errors gives no site.
    let (site, d) = load_content(root, config, audience, &strings.0);
    diags.extend(d.items);
    (site, Some(strings), diags)
}

/// The content under a loaded configuration: `None` when there are errors.
fn load_content(
    root: &Path,
    config: config::Config,
    audience: Audience,
    i18n: &i18n::Catalog,
) -> (Option<model::Site>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let src = root.join(&config.src);
    let (sources, d) = content::discover(root, &src);
    diags.extend(d);
    let (site, d) = model::load::load(root, config, sources, audience, i18n);
    diags.extend(d);
    if diags.has_errors() {
        (None, diags)
    } else {
        (site, diags)
    }
}

/// Everything `build` validates (config, content, links, timetable, theme templates),
/// writing nothing. For participants it also renders in memory and runs the leak scan, as
/// `build` would: CI that runs `check --audience participant` learns of a leak too.
pub fn check(root: &Path, audience: Audience) -> Diagnostics {
    let (site, strings, mut diags) = load_with_strings(root, audience);
    let (Some(site), Some(strings)) = (site, strings) else {
        return diags;
    };
    match render::Theme::load_with(root, &site.config.theme, strings) {
        Err(d) => diags.extend(d),
        Ok(theme) => {
            diags.extend(theme.warnings.iter().cloned());
            diags.extend(i18n::check::site(&theme.i18n, &site));
            if audience == Audience::Participant {
                let scanner = leak_scanner(&site, &theme);
                match render::render_site(&site, &theme, audience) {
                    Ok(outputs) => diags.extend(scanner.scan(&outputs)),
                    Err(d) => diags.extend(d),
                }
            }
        }
    }
    diags
}

/// The participant build's scan for trainer-only text, made once per build.
pub(crate) fn leak_scanner(site: &model::Site, theme: &render::Theme) -> render::leak::Scanner {
    let public = render::leak::public_words(site, &theme.text);
    render::leak::Scanner::new(&site.trainer_fragments, &public)
}

/// Build the site: load, render, and publish to the build directory only if all succeeded.
// Long by design: the build's stages in order (config, content and theme side by side,
// publish, render and write, zip, swap), each a few lines with its own early return; split
// up, the one place that shows what happens when would be gone.
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
    // The theme's templates compile while the content loads.
    let (config, d) = config::load(&opts.root);
    let mut diags = Diagnostics::default();
    diags.extend(d);
    let Some(config) = config else {
        return Err(diags);
    };
    let dest = match &opts.dest {
        Some(d) if d.is_absolute() => d.clone(),
        Some(d) => std::env::current_dir()
            .map(|c| c.join(d))
            .unwrap_or_else(|_| d.clone()),
        None => opts.root.join(&config.build_dir),
    };
    // A build stopped mid-swap may have left the previous site aside: put it back first,
    // so even a build that fails now leaves a whole site.
    if output::check_dest(&opts.root, &config, &dest).is_ok() {
        output::recover(&dest);
    }
    let theme_name = config.theme.clone();
    // The interface strings first: the Markdown pass writes the callouts' titles from them.
    let strings = render::theme::load_i18n(&opts.root, &theme_name);
    let catalog = strings.0.clone();
    let ((site, d), theme) = rayon::join(
        || load_content(&opts.root, config, opts.audience, &catalog),
        || render::Theme::load_with(&opts.root, &theme_name, strings),
    );
    diags.extend(d.items);
    stage("load and theme");
    // Content and theme errors are reported together.
    let theme = theme.map_err(|d| diags.extend(d)).ok();
    if let Some(t) = &theme {
        diags.extend(t.warnings.iter().cloned());
    }
    let (Some(site), Some(theme)) = (site, theme) else {
        return Err(diags);
    };
    diags.extend(i18n::check::site(&theme.i18n, &site));
    // Every block was highlighted while loading: the cache is written while pages render.
    let saving = JoinOnDrop(Some(std::thread::spawn({
        let cache = cache.clone();
        move || content::highlight::save_cache(&cache)
    })));
    let publish = match output::Publish::begin(&opts.root, &site.config, &dest) {
        Ok(p) => p,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    // Each programme is checked (participant builds) and written as soon as it is rendered.
    let participant = opts.audience == Audience::Participant;
    let scanner = participant.then(|| leak_scanner(&site, &theme));
    let check_and_write = |outputs: &[render::Output]| -> Result<(), Vec<diagnostics::Diagnostic>> {
        if let Some(scanner) = &scanner {
            let leaks = scanner.scan(outputs);
            if !leaks.is_empty() {
                return Err(leaks);
            }
        }
        publish.write(outputs).map_err(|d| vec![d])
    };
    let sink = |batch: Vec<render::Output>| {
        check_and_write(&batch)?;
        Ok(batch.into_iter().map(|o| o.path).collect())
    };
    let parts = match render::render_streamed(&site, &theme, opts.audience, &sink) {
        Ok(p) => p,
        Err(d) => {
            diags.extend(d);
            return Err(diags);
        }
    };
    stage("render and write programmes");
    if timings && let Ok(times) = render::theme::TEMPLATE_TIMES.lock() {
        for (template, (n, us)) in times.iter() {
            eprintln!("    {template}: {n} renders, {} ms of CPU", us / 1000);
        }
    }
    if let Err(d) = check_and_write(&parts.outputs) {
        diags.extend(d);
        return Err(diags);
    }
    let mut paths: Vec<String> = parts.streamed;
    paths.extend(parts.outputs.iter().map(|o| o.path.clone()));
    drop(parts.outputs);
    if opts.zip {
        // Built from the files as written, so it holds exactly the published site.
        let name = render::archive::NAME;
        let zipped = render::archive::write_site_zip(&publish.staged(""), &paths).and_then(|()| {
            // Its members were scanned as files; the zip is read as participants get it.
            let z = render::Output {
                path: name.to_string(),
                content: render::Content::Copy(publish.staged(name)),
            };
            match scanner.as_ref().map(|s| s.scan(std::slice::from_ref(&z))) {
                Some(leaks) if !leaks.is_empty() => {
                    Err(leaks.into_iter().next().unwrap_or_else(|| error("leak")))
                }
                _ => Ok(()),
            }
        });
        match zipped {
            Ok(()) => {
                paths.retain(|p| p != name);
                paths.push(name.to_string());
            }
            Err(d) => {
                diags.push(d);
                return Err(diags);
            }
        }
    }
    if !opts.lms.is_empty() {
        // From the participant edition: these files as written, or one rendered for them.
        let staged = publish.staged("");
        let edition = match &scanner {
            Some(scanner) => lms::Edition::Written {
                site: &site,
                staged: &staged,
                paths: &paths,
                scanner,
            },
            None => lms::Edition::Trainer,
        };
        let written = lms::make(&opts.root, &theme, edition, &opts.lms)
            .and_then(|pkgs| publish.write(&pkgs).map(|()| pkgs).map_err(|d| vec![d]));
        match written {
            Ok(pkgs) => paths.extend(pkgs.into_iter().map(|o| o.path)),
            Err(d) => {
                diags.extend(d);
                return Err(diags);
            }
        }
        stage("packages for a learning platform");
    }
    let pages = paths.iter().filter(|p| p.ends_with(".html")).count();
    let files = paths.len();
    if let Err(d) = publish.finish() {
        diags.push(d);
        return Err(diags);
    }
    stage("rest, zip and swap");
    drop(saving);
    // Freeing thousands of sessions takes a while and nobody waits for it: a process that
    // exits next does not finish it.
    std::thread::spawn(move || drop(site));
    stage("cache");
    Ok(Report {
        dest,
        pages,
        files,
        elapsed: started.elapsed(),
        diagnostics: diags,
    })
}

/// Waits for a thread when dropped, so a build that fails midway still finishes what it
/// started (writing the highlight cache) before returning.
struct JoinOnDrop(Option<std::thread::JoinHandle<()>>);

impl Drop for JoinOnDrop {
    fn drop(&mut self) {
        if let Some(h) = self.0.take() {
            let _ = h.join();
        }
    }
}

/// Print diagnostics to stderr, errors and warnings alike, in a stable order, each with the
/// line it points at (read from its file under `root`).
pub fn print_diagnostics(diags: &Diagnostics, root: Option<&Path>) {
    let mut printer = diagnostics::Printer::new(root, diagnostics::colour_stderr());
    for d in diags.sorted() {
        eprintln!("{}", printer.render(d));
    }
}

/// Errors and warnings only: `build` leaves notes (information, such as days without a
/// date) to `check`.
pub fn print_problems(diags: &Diagnostics, root: Option<&Path>) {
    let mut printer = diagnostics::Printer::new(root, diagnostics::colour_stderr());
    for d in diags
        .sorted()
        .into_iter()
        .filter(|d| d.severity != diagnostics::Severity::Note)
    {
        eprintln!("{}", printer.render(d));
    }
}

pub fn error(msg: impl Into<String>) -> Diagnostic {
    Diagnostic::error("", msg)
}
