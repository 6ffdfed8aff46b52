//! What every page's render shares: the site's values made once, and the dev server's
//! memo (which pages are unchanged, every page's key).

use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use serde::Serialize;
use tera::Context;

use super::{Memo, Theme};

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub(super) title: &'a str,
    pub(super) description: Option<&'a str>,
    pub(super) organisation: Option<&'a str>,
    pub(super) language: &'a str,
    pub(super) logo: Option<&'a str>,
    pub(super) authors: &'a [String],
    pub(super) participant: bool,
}

pub(super) struct Common<'a> {
    pub(super) theme: &'a Theme,
    pub(super) site: tera::Value,
    pub(super) programmes: tera::Value,
    /// The programme list of the site's pages in each other language they are written in
    /// (each programme's edition in it where it has one), in a fixed order.
    pub(super) programmes_in: Vec<(String, tera::Value)>,
    /// The interface strings of the site's language (`tr` in every template).
    pub(super) strings: std::sync::Arc<crate::i18n::Strings>,
    pub(super) tr: tera::Value,
    /// The strings of each other language a programme is in (its `language:`, or a
    /// translated edition's), by that `language` as written.
    pub(super) other_strings: Vec<(String, std::sync::Arc<crate::i18n::Strings>, tera::Value)>,
    pub(super) organisation: Option<&'a str>,
    pub(super) language: &'a str,
    /// The logo as certificates' `.docx` embed it (a PNG or JPEG).
    pub(super) logo: Option<&'a crate::model::logo::Logo>,
    pub(super) participant: bool,
    /// Set by the dev server: pages whose key is the same as in here are not rendered.
    pub(super) memo: Option<&'a Memo>,
    /// Every page's key (when there is a memo), and the pages skipped as unchanged.
    pub(super) keys: Mutex<(Memo, Vec<String>)>,
    /// Each programme's search filter, by shard path, for the root index.
    pub(super) search_filters: Mutex<std::collections::HashMap<String, String>>,
    /// The home page in each language it is translated into (language tag, output path):
    /// a page in one of them links "Home" there (`home`).
    pub(super) homes: Vec<(String, String)>,
    /// Hash of what every page shares (`site`, `programmes_nav`).
    pub(super) shared_key: u64,
    /// The dev server after its first render: pages other than sessions' that changed get
    /// their context now and are rendered when the browser asks for them, so an edit to one
    /// session does not wait for the print page of a thousand.
    pub(super) defer: bool,
}

impl Common<'_> {
    /// The interface strings of a page in `lang` (`None`: the site's language).
    pub(super) fn strings_for(&self, lang: Option<&str>) -> &std::sync::Arc<crate::i18n::Strings> {
        match lang.and_then(|l| self.other_strings.iter().find(|(x, ..)| x == l)) {
            Some((_, s, _)) => s,
            None => &self.strings,
        }
    }

    /// The home page of a page in `lang` (`None`: the site's language): its translation
    /// into that language when the site has one, else `index.html`.
    pub(super) fn home_for(&self, lang: Option<&str>) -> &str {
        lang.and_then(|l| self.homes.iter().find(|(x, _)| x == l))
            .map_or("index.html", |(_, out)| out.as_str())
    }

    /// [`Common::strings_for`] as the template's `tr`.
    pub(super) fn tr_for(&self, lang: Option<&str>) -> &tera::Value {
        match lang.and_then(|l| self.other_strings.iter().find(|(x, ..)| x == l)) {
            Some((.., v)) => v,
            None => &self.tr,
        }
    }
}

/// `v` as a template value. Plain views always convert; were one not to, the page would
/// show nothing there rather than the build panicking.
pub(super) fn value_of(v: &(impl Serialize + ?Sized)) -> tera::Value {
    tera::Value::try_from_serializable(v).unwrap_or_else(|_| tera::Value::none())
}

/// `Context::insert` without its panic on a value that does not convert.
pub(super) trait Put {
    fn put(&mut self, key: &'static str, v: &(impl Serialize + ?Sized));
}

impl Put for Context {
    fn put(&mut self, key: &'static str, v: &(impl Serialize + ?Sized)) {
        self.insert_value(key, value_of(v));
    }
}

/// A 64-bit hash of `v`'s JSON, serialised into a buffer each thread reuses.
pub(super) fn hash_of(v: &impl Serialize) -> u64 {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with(|b| {
        let mut buf = b.take();
        buf.clear();
        // Serialising plain views into memory cannot fail; if it did, the page would be
        // keyed by what was written, so at worst re-rendered more often.
        let _ = serde_json::to_writer(&mut buf, v);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        buf.hash(&mut h);
        let h = h.finish();
        b.replace(buf);
        h
    })
}

impl Common<'_> {
    /// A hash of `v` when there is a memo to check it against (0 otherwise: a build
    /// renders everything and need not pay for hashing).
    pub(super) fn hash(&self, v: &impl Serialize) -> u64 {
        if self.memo.is_some() { hash_of(v) } else { 0 }
    }

    /// Records the page's key; true when the memo shows the page unchanged.
    pub(super) fn unchanged(&self, path: &str, key: u64) -> bool {
        let Some(memo) = self.memo else {
            return false;
        };
        let same = memo.get(path) == Some(&key);
        if let Ok(mut k) = self.keys.lock() {
            k.0.insert(path.to_string(), key);
            if same {
                k.1.push(path.to_string());
            }
        }
        same
    }
}
