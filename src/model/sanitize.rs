//! `[output.html] sanitize = true`: raw HTML in Markdown is cleaned with ammonia, keeping
//! the markup coursebook itself generates (callouts, heading ids, highlighting, task lists).

use std::collections::HashSet;

use super::Site;

fn cleaner() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_tags(["aside", "input", "section", "sup", "del", "s"])
        .add_generic_attributes(["class", "id"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("aside", ["data-audience"])
        .add_tag_attributes("pre", ["data-lang"])
        .add_tag_attribute_values("input", "type", ["checkbox"])
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
    b
}

/// Cleans every rendered body in the site.
pub fn site(site: &mut Site) {
    let c = cleaner();
    let clean = |h: &mut String| *h = c.clean(h).to_string();
    if let Some(h) = &mut site.home {
        clean(&mut std::sync::Arc::make_mut(&mut h.md).html);
    }
    for pg in &mut site.pages {
        clean(&mut std::sync::Arc::make_mut(&mut pg.md).html);
    }
    for p in &mut site.programmes {
        clean(&mut std::sync::Arc::make_mut(&mut p.md).html);
        for s in &mut p.sessions {
            clean(&mut std::sync::Arc::make_mut(&mut s.md).html);
        }
        for pg in &mut p.pages {
            clean(&mut std::sync::Arc::make_mut(&mut pg.md).html);
        }
        for l in &mut p.letters {
            clean(&mut l.html);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_and_handlers_but_keeps_our_markup() {
        let c = cleaner();
        let html = r#"<h2 id="x">T</h2><aside class="callout callout-note"><p>n</p></aside><script>alert(1)</script><img src="a.png" onerror="alert(2)"><a href="javascript:alert(3)">j</a><a href="b.html">b</a><pre class="code" data-lang="rust"><code><span class="hl-keyword">fn</span></code></pre><input disabled type="checkbox">"#;
        let out = c.clean(html).to_string();
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
}
