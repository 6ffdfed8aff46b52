//! Raw HTML in Markdown is cleaned with ammonia unless `[output.html] sanitize = false`:
//! pages run no author script. What coursebook itself generates (callouts, heading ids,
//! highlighting, task lists, footnotes) survives, as does what course material needs
//! (tables, `details`/`summary`, `kbd`, `figure`, ids and classes, images). Only bodies with
//! raw HTML are cleaned: pulldown-cmark escapes everything else.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

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

fn body(md: &mut Arc<Markdown>) {
    if md.raw_html {
        let m = Arc::make_mut(md);
        m.html = clean(&m.html);
    }
}

/// Cleans every rendered body in the site that has raw HTML, in parallel.
pub fn site(site: &mut Site) {
    if let Some(h) = &mut site.home {
        body(&mut h.md);
    }
    site.pages.par_iter_mut().for_each(|pg| body(&mut pg.md));
    site.programmes.par_iter_mut().for_each(|p| {
        body(&mut p.md);
        p.sessions.par_iter_mut().for_each(|s| body(&mut s.md));
        p.pages.par_iter_mut().for_each(|pg| body(&mut pg.md));
        // A letter keeps no flag: letters are few, so each is cleaned.
        p.letters
            .par_iter_mut()
            .for_each(|l| l.html = clean(&l.html));
    });
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
