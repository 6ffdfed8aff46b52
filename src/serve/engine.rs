//! Rebuilds in memory, redoing only what an edit touches: files whose text is unchanged are
//! not parsed again (the model's [`ParseCache`]), and only the programmes whose sources
//! changed are rendered again (everything after a change to book.toml or the theme).

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;

use crate::Audience;
use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::load::{ParseCache, load_cached};
use crate::render::{self, Content, Output, Theme};

/// One file the server can send.
#[derive(Debug, Clone)]
pub enum Body {
    Mem(Bytes),
    /// Assets and theme files are read from disk when asked for.
    File(PathBuf),
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
    /// Programmes rendered again (all of them after a full rebuild).
    pub rendered: usize,
}

pub struct Engine {
    root: PathBuf,
    audience: Audience,
    config: Option<Config>,
    theme: Option<Theme>,
    cache: ParseCache,
    /// Markdown path -> hash of its text, as of the last good site.
    hashes: HashMap<String, u64>,
    /// Outputs of each programme, as of the last good site.
    programmes: HashMap<String, Vec<Output>>,
    files: Arc<Files>,
}

fn hash_text(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

fn body_of(o: &Output) -> Body {
    match &o.content {
        Content::Bytes(b) => Body::Mem(Bytes::from(b.clone())),
        Content::Static(b) => Body::Mem(Bytes::from_static(b)),
        Content::Copy(p) => Body::File(p.clone()),
    }
}

fn same(a: &Body, b: &Body) -> bool {
    match (a, b) {
        (Body::Mem(x), Body::Mem(y)) => x == y,
        (Body::File(x), Body::File(y)) => x == y,
        _ => false,
    }
}

impl Engine {
    pub fn new(root: &Path, audience: Audience) -> Self {
        Engine {
            root: root.to_path_buf(),
            audience,
            config: None,
            theme: None,
            cache: ParseCache::default(),
            hashes: HashMap::new(),
            programmes: HashMap::new(),
            files: Arc::new(Files::new()),
        }
    }

    /// The configuration of the last build that read book.toml.
    pub fn config(&self) -> Option<&Config> {
        self.config.as_ref()
    }

    /// Rebuild. `full`: book.toml or the theme changed, so read them again and render
    /// everything. On error the last good site stays as it is.
    pub fn rebuild(&mut self, full: bool) -> Result<Rebuilt, Diagnostics> {
        let started = Instant::now();
        let mut diags = Diagnostics::default();
        let mut render_all = full || self.config.is_none() || self.theme.is_none();
        if full || self.config.is_none() {
            let (cfg, d) = config::load(&self.root);
            diags.extend(d);
            match cfg {
                Some(c) if !diags.has_errors() => {
                    if self.config.as_ref() != Some(&c) {
                        self.theme = None;
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
            match Theme::load(&self.root, &config.theme) {
                Ok(t) => self.theme = Some(t),
                Err(d) => {
                    self.theme = None;
                    diags.extend(d);
                    return Err(diags);
                }
            }
        }

        let (sources, d) = crate::content::discover(&self.root, &self.root.join(&config.src));
        diags.extend(d);
        // Which programmes' sources changed since the last good site.
        let hashes: HashMap<String, u64> = sources
            .markdown
            .iter()
            .map(|f| (f.rel.clone(), hash_text(&f.text)))
            .collect();
        let mut touched: HashSet<String> = HashSet::new();
        let changed_rels = hashes
            .iter()
            .filter(|(rel, h)| self.hashes.get(*rel) != Some(h))
            .map(|(rel, _)| rel.as_str())
            .chain(
                self.hashes
                    .keys()
                    .filter(|rel| !hashes.contains_key(*rel))
                    .map(String::as_str),
            );
        for rel in changed_rels {
            if let Some((slug, rest)) = rel.split_once('/') {
                // A programme's title is in every page's navigation.
                if rest == "index.md" {
                    render_all = true;
                }
                touched.insert(slug.to_string());
            }
        }

        let (site, d) = load_cached(&self.root, config, sources, self.audience, &mut self.cache);
        diags.extend(d);
        let Some(site) = site.filter(|_| !diags.has_errors()) else {
            return Err(diags);
        };
        let Some(theme) = &self.theme else {
            return Err(diags);
        };
        let cached = &self.programmes;
        let select = |p: &crate::model::Programme| {
            render_all || touched.contains(&p.slug) || !cached.contains_key(&p.slug)
        };
        let parts = match render::render_parts(&site, theme, self.audience, &select) {
            Ok(p) => p,
            Err(d) => {
                diags.extend(d);
                return Err(diags);
            }
        };
        let rendered = parts.programmes.len();
        let live: HashSet<&str> = site.programmes.iter().map(|p| p.slug.as_str()).collect();
        self.programmes
            .retain(|slug, _| live.contains(slug.as_str()));
        for (slug, outs) in parts.programmes {
            self.programmes.insert(slug, outs);
        }
        let mut files = Files::with_capacity(self.files.len());
        for o in parts
            .common
            .iter()
            .chain(self.programmes.values().flatten())
        {
            files.insert(o.path.clone(), body_of(o));
        }
        let mut changed: Vec<String> = files
            .iter()
            .filter(|(p, b)| !self.files.get(*p).is_some_and(|old| same(old, b)))
            .map(|(p, _)| p.clone())
            .chain(
                self.files
                    .keys()
                    .filter(|p| !files.contains_key(*p))
                    .cloned(),
            )
            .collect();
        changed.sort();
        self.files = Arc::new(files);
        self.hashes = hashes;
        Ok(Rebuilt {
            files: self.files.clone(),
            changed,
            warnings: diags.items,
            elapsed: started.elapsed(),
            rendered,
        })
    }
}
