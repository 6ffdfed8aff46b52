//! Rebuilds in memory, redoing only what an edit touches: files whose text is unchanged are
//! not parsed again (the model's [`ParseCache`]), and pages whose template and context are
//! unchanged are not rendered again (the renderer's [`Memo`]); after a change to book.toml
//! or the theme, everything is.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::body::Bytes;

use crate::Audience;
use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::load::{ParseCache, load_cached};
use crate::render::{self, Content, Memo, Theme};

/// One file the server can send.
#[derive(Debug, Clone)]
pub enum Body {
    Mem(Bytes),
    /// Assets and theme files are read from disk when asked for. The size and modification
    /// time tell a rebuild that the file changed (so open pages reload).
    File(PathBuf, Option<(u64, std::time::SystemTime)>),
    /// A page rendered when first asked for (see [`render::theme::Deferred`]).
    Lazy(Arc<Lazy>),
}

/// A deferred page and, once it has been asked for, its bytes.
#[derive(Debug)]
pub struct Lazy {
    page: Arc<render::theme::Deferred>,
    done: OnceLock<Result<Bytes, String>>,
}

impl Body {
    /// The bytes to send: reads a file or renders a deferred page (so call it off the
    /// async runtime's threads).
    pub fn bytes(&self) -> Result<Bytes, String> {
        match self {
            Body::Mem(b) => Ok(b.clone()),
            Body::File(p, _) => std::fs::read(p)
                .map(Bytes::from)
                .map_err(|e| format!("cannot read {}: {e}", p.display())),
            Body::Lazy(l) => l
                .done
                .get_or_init(|| l.page.render().map(Bytes::from).map_err(|d| d.to_string()))
                .clone(),
        }
    }
}

/// The site as the server holds it: output path -> body.
pub type Files = HashMap<String, Body>;

/// What a successful rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    pub files: Arc<Files>,
    /// Output paths added, removed or different from the last good site.
    pub changed: Vec<String>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Pages rendered again (every page after a full rebuild), sorted.
    pub rendered: Vec<String>,
}

pub struct Engine {
    root: PathBuf,
    audience: Audience,
    config: Option<Config>,
    theme: Option<Theme>,
    cache: ParseCache,
    read_cache: crate::content::ReadCache,
    /// What each page of the last good site was rendered from; None forces a full render.
    memo: Option<Memo>,
    files: Arc<Files>,
}

impl Engine {
    pub fn new(root: &Path, audience: Audience) -> Self {
        Engine {
            root: root.to_path_buf(),
            audience,
            config: None,
            theme: None,
            cache: ParseCache::default(),
            read_cache: Default::default(),
            memo: None,
            files: Arc::new(Files::new()),
        }
    }

    /// Files the watcher saw change: read them again even if their time stamp is the same.
    pub fn forget(&mut self, paths: &[PathBuf]) {
        for p in paths {
            self.read_cache.forget(p);
        }
    }

    /// The configuration of the last build that read book.toml.
    pub fn config(&self) -> Option<&Config> {
        self.config.as_ref()
    }

    /// Rebuild. `full`: book.toml or the theme changed, so read them again and render
    /// everything. On error the last good site stays as it is.
    // Long by design: the incremental build's stages in order (config and theme when `full`,
    // read, parse, render with the memo, swap the in-memory site), as `lib::build` has them.
    pub fn rebuild(&mut self, full: bool) -> Result<Rebuilt, Diagnostics> {
        let started = Instant::now();
        let mut diags = Diagnostics::default();
        if full || self.config.is_none() {
            let (cfg, d) = config::load(&self.root);
            diags.extend(d);
            match cfg {
                Some(c) if !diags.has_errors() => {
                    // Cached files carry paths for messages that depend on `src`.
                    if self.config.as_ref() != Some(&c) {
                        self.cache = ParseCache::default();
                        self.read_cache = Default::default();
                    }
                    self.config = Some(c);
                }
                _ => {
                    self.config = None;
                    return Err(diags);
                }
            }
        }
        let Some(config) = self.config.clone() else {
            return Err(diags);
        };
        if full || self.theme.is_none() {
            self.memo = None;
            match Theme::load(&self.root, &config.theme) {
                Ok(t) => self.theme = Some(t),
                Err(d) => {
                    self.theme = None;
                    diags.extend(d);
                    return Err(diags);
                }
            }
        }

        let timings = std::env::var_os("COURSEBOOK_TIMINGS").is_some();
        let mut last = Instant::now();
        let mut stage = |name: &str| {
            if timings {
                eprintln!("  {name}: {} us", last.elapsed().as_micros());
                last = Instant::now();
            }
        };
        let (sources, d) = crate::content::discover_cached(
            &self.root,
            &self.root.join(&config.src),
            &mut self.read_cache,
        );
        diags.extend(d);
        stage("discover");
        let Some(theme) = &self.theme else {
            return Err(diags);
        };
        let (site, d) = load_cached(
            &self.root,
            config,
            sources,
            self.audience,
            &theme.i18n,
            &mut self.cache,
        );
        diags.extend(d);
        stage("load");
        let Some(site) = site.filter(|_| !diags.has_errors()) else {
            return Err(diags);
        };
        // An empty memo renders every page and records what each was made from.
        let empty = Memo::new();
        let memo = self.memo.as_ref().unwrap_or(&empty);
        let parts = match render::render_parts(&site, theme, self.audience, Some(memo)) {
            Ok(p) => p,
            Err(d) => {
                diags.extend(d);
                return Err(diags);
            }
        };
        stage("render");
        let mut files = Files::with_capacity(self.files.len());
        let mut changed = Vec::new();
        let mut rendered = Vec::new();
        for o in parts.outputs {
            let body = body_of(o.content);
            if !self.files.get(&o.path).is_some_and(|old| same(old, &body)) {
                changed.push(o.path.clone());
            }
            if o.path.ends_with(".html") && matches!(body, Body::Mem(_)) {
                rendered.push(o.path.clone());
            }
            files.insert(o.path, body);
        }
        for p in &parts.unchanged {
            match self.files.get(p) {
                Some(b) => {
                    files.insert(p.clone(), b.clone());
                }
                None => {
                    // The memo and the site disagree (should not happen): start afresh.
                    self.memo = None;
                    return self.rebuild(false);
                }
            }
        }
        changed.extend(
            self.files
                .keys()
                .filter(|p| !files.contains_key(*p))
                .cloned(),
        );
        changed.sort();
        rendered.sort();
        self.files = Arc::new(files);
        self.memo = Some(parts.memo);
        stage("diff");
        Ok(Rebuilt {
            files: self.files.clone(),
            changed,
            warnings: diags.items,
            elapsed: started.elapsed(),
            rendered,
        })
    }
}

fn body_of(c: Content) -> Body {
    match c {
        Content::Bytes(b) => Body::Mem(Bytes::from(b)),
        Content::Static(b) => Body::Mem(Bytes::from_static(b)),
        Content::Deferred(page) => Body::Lazy(Arc::new(Lazy {
            page,
            done: OnceLock::new(),
        })),
        Content::Copy(p) => {
            let stamp = std::fs::metadata(&p)
                .and_then(|m| Ok((m.len(), m.modified()?)))
                .ok();
            Body::File(p, stamp)
        }
    }
}

fn same(a: &Body, b: &Body) -> bool {
    match (a, b) {
        (Body::Mem(x), Body::Mem(y)) => x == y,
        (Body::File(x, a), Body::File(y, b)) => x == y && a == b,
        _ => false,
    }
}
