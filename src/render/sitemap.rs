//! `sitemap.xml` (sitemaps.org), written when `site-url` is set: every page but 404.html,
//! with absolute URLs.

use super::Output;
use crate::util::{encode_path, escape_html};

pub fn sitemap<'a>(site_url: &str, paths: impl Iterator<Item = &'a str>) -> Output {
    let base = format!("{}/", site_url.trim_end_matches('/'));
    let mut pages: Vec<&str> = paths
        .filter(|p| p.ends_with(".html") && *p != "404.html" && !p.starts_with("theme/"))
        .collect();
    pages.sort_unstable();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in pages {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_html(&format!("{base}{}", encode_path(p))));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    Output::bytes("sitemap.xml", xml.into_bytes())
}
