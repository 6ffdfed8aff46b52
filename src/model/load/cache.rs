//! The dev server's parse cache: files whose text, kind and audience are unchanged are
//! not parsed again.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::{Kind, Kinds, Parsed, file::parse_file};
use crate::Audience;
use crate::config::ExtraKeys;
use crate::content::Sources;
use crate::diagnostics::Diagnostic;

/// Parsed files kept between loads (by the dev server), so that only files whose text
/// changed are parsed again. Keyed by path; a hit needs the same text, kind and audience.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<String, CachedFile>,
    /// A one-off build keeps nothing: copying every parsed file would cost time and memory.
    disabled: bool,
    /// The extra keys book.toml allowed when these files were parsed.
    extra: ExtraKeys,
}

/// Unchanged files reach the parse cache as the same shared text: no need to compare it.
fn same_text(a: &Arc<str>, b: &Arc<str>) -> bool {
    Arc::ptr_eq(a, b) || a == b
}

struct CachedFile {
    text: Arc<str>,
    kind: Kind,
    audience: Audience,
    parsed: Parsed,
    diags: Vec<Diagnostic>,
}

impl CachedFile {
    fn fits(&self, text: &Arc<str>, kind: &Kind, audience: Audience) -> bool {
        same_text(&self.text, text) && self.kind == *kind && self.audience == audience
    }
}

impl ParseCache {
    /// How many files the cache holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// A cache that keeps nothing, for a one-off build.
    pub(super) fn disabled() -> ParseCache {
        ParseCache {
            disabled: true,
            ..Default::default()
        }
    }

    /// Every Markdown source parsed (in parallel), or taken from the cache when unchanged;
    /// the cache then holds exactly these files.
    pub(super) fn parse(
        &mut self,
        sources: &Sources,
        kinds: &Kinds,
        audience: Audience,
        extra: &ExtraKeys,
    ) -> Vec<(Kind, Parsed, Vec<Diagnostic>)> {
        // Other keys allowed: every file's unknown keys must be looked at again.
        if self.extra != *extra {
            self.files.clear();
            self.extra = extra.clone();
        }
        let cached = &self.files;
        let parsed: Vec<(Kind, Parsed, Vec<Diagnostic>)> = sources
            .markdown
            .par_iter()
            .map(|f| {
                let kind = kinds.kind(&f.rel);
                if let Some(c) = cached.get(&f.rel)
                    && c.fits(&f.text, &kind, audience)
                {
                    return (kind, c.parsed.clone(), c.diags.clone());
                }
                let (p, d) = parse_file(f, &kind, audience, extra);
                (kind, p, d)
            })
            .collect();
        let mut fresh = HashMap::with_capacity(sources.markdown.len());
        for (f, (kind, p, d)) in sources
            .markdown
            .iter()
            .zip(&parsed)
            .filter(|_| !self.disabled)
        {
            let entry = match self.files.remove(&f.rel) {
                Some(c) if c.fits(&f.text, kind, audience) => c,
                _ => CachedFile {
                    text: f.text.clone(),
                    kind: kind.clone(),
                    audience,
                    parsed: p.clone(),
                    diags: d.clone(),
                },
            };
            fresh.insert(f.rel.clone(), entry);
        }
        self.files = fresh;
        parsed
    }
}
