//! Raw HTML in Markdown is cleaned with ammonia unless `[output.html] sanitize = false`:
//! pages run no author script. What coursebook itself generates (callouts, heading ids,
//! highlighting, task lists, footnotes) survives, as does what course material needs
//! (tables, `details`/`summary`, `kbd`, `figure`, ids and classes, images). Only bodies with
//! raw HTML are cleaned: pulldown-cmark escapes everything else.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex, Weak};

use rayon::prelude::*;

use super::Site;
use crate::content::markdown::Markdown;
use crate::content::urls::{Use, Verdict, judge};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(cleaner);

fn cleaner() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_tags(["aside", "input", "section", "sup", "del", "s"])
        .add_generic_attributes(["class", "id", "dir"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("aside", ["data-audience"])
        .add_tag_attributes("pre", ["data-lang"])
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("img", ["loading"])
        .add_tag_attribute_values("input", "type", ["checkbox"])
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel", "data"]))
        // `data:` only for an image's own picture, as content/urls.rs allows.
        .attribute_filter(|element, attribute, value| {
            let what = if element == "img" && attribute == "src" {
                Use::Image
            } else {
                Use::Link
            };
            match judge(value, what) {
                Some(Verdict::Refuse) => None,
                _ => Some(Cow::Borrowed(value)),
            }
        });
    b
}

/// Cleaned HTML of one fragment.
pub fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// Cleaned bodies of the last pass, by the address of the raw body they came from. The dev
/// server's parse cache hands an unchanged file's body over as the same `Arc` on every
/// rebuild, so it is cleaned once, not once per keystroke. The `Weak` keeps the address from
/// being reused while the entry stands, and says whether that raw body is still the one.
type Memo = HashMap<usize, (Weak<Markdown>, Arc<Markdown>)>;
static MEMO: LazyLock<Mutex<Memo>> = LazyLock::new(Mutex::default);

fn body(md: &mut Arc<Markdown>, old: &Memo, new: &Mutex<Memo>) {
    if !md.raw_html {
        return;
    }
    let key = Arc::as_ptr(md) as usize;
    let cleaned = match old.get(&key) {
        Some((raw, cleaned)) if raw.upgrade().is_some_and(|r| Arc::ptr_eq(&r, md)) => {
            cleaned.clone()
        }
        _ => Arc::new(Markdown {
            html: clean(&md.html),
            ..Markdown::clone(md)
        }),
    };
    if let Ok(mut n) = new.lock() {
        n.insert(key, (Arc::downgrade(md), cleaned.clone()));
    }
    *md = cleaned;
}

/// Cleans every rendered body in the site that has raw HTML, in parallel.
pub fn site(site: &mut Site) {
    // The memo keeps only this pass's bodies: what the site no longer has is let go.
    let old = MEMO
        .lock()
        .map(|mut m| std::mem::take(&mut *m))
        .unwrap_or_default();
    let new = Mutex::new(Memo::with_capacity(old.len()));
    if let Some(h) = &mut site.home {
        body(&mut h.md, &old, &new);
    }
    site.pages
        .par_iter_mut()
        .for_each(|pg| body(&mut pg.md, &old, &new));
    site.programmes.par_iter_mut().for_each(|p| {
        body(&mut p.md, &old, &new);
        p.sessions
            .par_iter_mut()
            .for_each(|s| body(&mut s.md, &old, &new));
        p.pages
            .par_iter_mut()
            .for_each(|pg| body(&mut pg.md, &old, &new));
        // A letter keeps no flag: letters are few, so each is cleaned.
        p.letters
            .par_iter_mut()
            .for_each(|l| l.html = clean(&l.html));
    });
    if let (Ok(mut m), Ok(n)) = (MEMO.lock(), new.into_inner()) {
        *m = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_and_handlers_but_keeps_our_markup() {
        let html = r#"<h2 id="x">T</h2><aside class="callout callout-note"><p>n</p></aside><script>alert(1)</script><img src="a.png" onerror="alert(2)"><a href="javascript:alert(3)">j</a><a href="b.html">b</a><pre class="code" data-lang="rust"><code><span class="hl-keyword">fn</span></code></pre><input disabled type="checkbox">"#;
        let out = clean(html);
        assert!(
            !out.contains("script") && !out.contains("onerror") && !out.contains("javascript"),
            "{out}"
        );
        for keep in [
            r#"id="x""#,
            "callout-note",
            r#"href="b.html""#,
            "hl-keyword",
            r#"data-lang="rust""#,
            "checkbox",
        ] {
            assert!(out.contains(keep), "{keep} missing from {out}");
        }
    }

    #[test]
    fn an_unchanged_body_is_cleaned_once() {
        let raw = Arc::new(Markdown {
            html: "<b>y</b><script>x</script>".into(),
            raw_html: true,
            ..Default::default()
        });
        // The parse cache keeps `raw`; each load hands the site a clone of the same Arc.
        let (memo, next) = (Memo::new(), Mutex::new(Memo::new()));
        let mut first = raw.clone();
        body(&mut first, &memo, &next);
        assert_eq!(first.html, "<b>y</b>");
        let memo = next.into_inner().unwrap();
        let next = Mutex::new(Memo::new());
        let mut again = raw.clone();
        body(&mut again, &memo, &next);
        assert!(Arc::ptr_eq(&first, &again), "cleaned again");
        // A changed file is a new Arc: cleaned anew, never served the old result.
        let mut edited = Arc::new(Markdown {
            html: "<i>z</i><script>x</script>".into(),
            raw_html: true,
            ..Default::default()
        });
        body(&mut edited, &memo, &next);
        assert_eq!(edited.html, "<i>z</i>");
        // Without raw HTML nothing is cleaned or kept.
        let mut plain = Arc::new(Markdown {
            html: "<p>&lt;script&gt;</p>".into(),
            ..Default::default()
        });
        let before = plain.clone();
        body(&mut plain, &memo, &next);
        assert!(Arc::ptr_eq(&plain, &before));
        assert_eq!(next.into_inner().unwrap().len(), 2);
    }

    #[test]
    fn keeps_what_course_material_needs() {
        let html = r#"<details open><summary>More</summary><p>Press <kbd>Ctrl</kbd></p></details><figure id="f" class="wide"><img src="a.png" alt="A" width="10"><figcaption>Cap</figcaption></figure><table><tr><th colspan="2">h</th></tr></table><img src="data:image/png;base64,AA" alt="d">"#;
        let out = clean(html);
        for keep in [
            "<details open",
            "<summary>",
            "<kbd>",
            r#"<figure id="f" class="wide">"#,
            "<figcaption>",
            r#"colspan="2""#,
            r#"src="data:image/png;base64,AA""#,
        ] {
            assert!(out.contains(keep), "{keep} missing from {out}");
        }
        let out = clean(
            r#"<a href="data:text/html,x">d</a><iframe src="x.html"></iframe><object data="x"></object>"#,
        );
        assert!(
            !out.contains("data:") && !out.contains("iframe") && !out.contains("object"),
            "{out}"
        );
    }
}
