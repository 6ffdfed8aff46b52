//! `imsmanifest.xml` for IMS Common Cartridge 1.3 and for SCORM 1.2, written with
//! quick-xml (every title and path escaped by the writer). Each page an item opens is a
//! resource of its own, holding that page's file and depending on one shared resource that
//! lists every other file of the package once (styles, scripts, images, search index, the
//! pages that are reached by links only), so no file is listed or packed twice.

use std::collections::BTreeMap;
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::Kind;
use super::outline::{Item, Outline};
use crate::util::encode_file_path;

/// The resource every page depends on.
const SHARED: &str = "RES-SHARED";

const CC_NS: &str = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1";
const CC_LOM: &str = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest";
const CC_LOCATIONS: &str = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1 \
     http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd \
     http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest \
     http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd";
const SCORM_NS: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
const ADLCP_NS: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
const SCORM_LOCATIONS: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
     http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The manifest of one programme's package. `id` is an XML name (see [`xml_id`]); `files`
/// are every file of the package (site-relative), sorted.
pub fn manifest(kind: Kind, id: &str, outline: &Outline, files: &[&str]) -> io::Result<Vec<u8>> {
    let pages = pages_of(&outline.items);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = w
        .create_element("manifest")
        .with_attribute(("identifier", id));
    let root = match kind {
        Kind::Cc => root
            .with_attribute(("xmlns", CC_NS))
            .with_attribute(("xmlns:lomimscc", CC_LOM))
            .with_attribute(("xmlns:xsi", XSI_NS))
            .with_attribute(("xsi:schemaLocation", CC_LOCATIONS)),
        Kind::Scorm12 => root
            .with_attribute(("version", "1.0"))
            .with_attribute(("xmlns", SCORM_NS))
            .with_attribute(("xmlns:adlcp", ADLCP_NS))
            .with_attribute(("xmlns:xsi", XSI_NS))
            .with_attribute(("xsi:schemaLocation", SCORM_LOCATIONS)),
    };
    root.write_inner_content(|w| {
        metadata(w, kind, outline)?;
        w.create_element("organizations")
            .with_attributes((kind == Kind::Scorm12).then_some(("default", "ORG")))
            .write_inner_content(|w| organization(w, kind, outline, &pages))?;
        w.create_element("resources")
            .write_inner_content(|w| resources(w, kind, &pages, files))?;
        Ok(())
    })?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

/// Each page an item opens, once, with its resource's identifier and whether it is a
/// session (a SCO), in the outline's order.
struct Pages {
    ids: BTreeMap<String, usize>,
    list: Vec<(String, bool)>,
}

impl Pages {
    fn id(&self, href: &str) -> Option<String> {
        self.ids.get(href).map(|i| format!("RES-{}", i + 1))
    }
}

fn pages_of(items: &[Item]) -> Pages {
    fn walk(items: &[Item], p: &mut Pages) {
        for it in items {
            if let Some(h) = &it.href
                && !p.ids.contains_key(h)
            {
                p.ids.insert(h.clone(), p.list.len());
                p.list.push((h.clone(), it.session));
            }
            walk(&it.children, p);
        }
    }
    let mut p = Pages {
        ids: BTreeMap::new(),
        list: Vec::new(),
    };
    walk(items, &mut p);
    p
}

fn text_element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

fn metadata(w: &mut Writer<Vec<u8>>, kind: Kind, o: &Outline) -> io::Result<()> {
    w.create_element("metadata").write_inner_content(|w| {
        match kind {
            Kind::Cc => {
                text_element(w, "schema", "IMS Common Cartridge")?;
                text_element(w, "schemaversion", "1.3.0")?;
                w.create_element("lomimscc:lom").write_inner_content(|w| {
                    w.create_element("lomimscc:general")
                        .write_inner_content(|w| {
                            lom_string(w, "lomimscc:title", &o.language, &o.title)?;
                            if let Some(d) = &o.description {
                                lom_string(w, "lomimscc:description", &o.language, d)?;
                            }
                            Ok(())
                        })?;
                    Ok(())
                })?;
            }
            Kind::Scorm12 => {
                text_element(w, "schema", "ADL SCORM")?;
                text_element(w, "schemaversion", "1.2")?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

fn lom_string(w: &mut Writer<Vec<u8>>, name: &str, lang: &str, text: &str) -> io::Result<()> {
    w.create_element(name).write_inner_content(|w| {
        w.create_element("lomimscc:string")
            .with_attribute(("language", lang))
            .write_text_content(BytesText::new(text))?;
        Ok(())
    })?;
    Ok(())
}

/// Common Cartridge: one organisation, `rooted-hierarchy`, whose one root item holds the
/// rest. SCORM 1.2: the organisation has the title and holds the items itself.
fn organization(w: &mut Writer<Vec<u8>>, kind: Kind, o: &Outline, pages: &Pages) -> io::Result<()> {
    let mut n = 0usize;
    let org = w
        .create_element("organization")
        .with_attribute(("identifier", "ORG"));
    match kind {
        Kind::Cc => org
            .with_attribute(("structure", "rooted-hierarchy"))
            .write_inner_content(|w| {
                w.create_element("item")
                    .with_attribute(("identifier", "ITEM-ROOT"))
                    .write_inner_content(|w| {
                        text_element(w, "title", &o.title)?;
                        items(w, &o.items, pages, &mut n, kind)
                    })?;
                Ok(())
            })?,
        Kind::Scorm12 => org.write_inner_content(|w| {
            text_element(w, "title", &o.title)?;
            items(w, &o.items, pages, &mut n, kind)
        })?,
    };
    Ok(())
}

fn items(
    w: &mut Writer<Vec<u8>>,
    list: &[Item],
    pages: &Pages,
    n: &mut usize,
    kind: Kind,
) -> io::Result<()> {
    for it in list {
        *n += 1;
        let id = format!("ITEM-{n}");
        let mut e = w
            .create_element("item")
            .with_attribute(("identifier", id.as_str()));
        let res = it.href.as_deref().and_then(|h| pages.id(h));
        if let Some(r) = &res {
            e = e.with_attribute(("identifierref", r.as_str()));
        }
        if kind == Kind::Scorm12 {
            e = e.with_attribute(("isvisible", "true"));
        }
        e.write_inner_content(|w| {
            text_element(w, "title", &it.title)?;
            items(w, &it.children, pages, n, kind)
        })?;
    }
    Ok(())
}

fn resources(w: &mut Writer<Vec<u8>>, kind: Kind, pages: &Pages, files: &[&str]) -> io::Result<()> {
    for (i, (href, session)) in pages.list.iter().enumerate() {
        let id = format!("RES-{}", i + 1);
        let encoded = encode_file_path(href);
        let mut e = w
            .create_element("resource")
            .with_attribute(("identifier", id.as_str()))
            .with_attribute(("type", "webcontent"));
        if kind == Kind::Scorm12 {
            let t = if *session { "sco" } else { "asset" };
            e = e.with_attribute(("adlcp:scormtype", t));
        }
        e.with_attribute(("href", encoded.as_str()))
            .write_inner_content(|w| {
                file(w, href)?;
                w.create_element("dependency")
                    .with_attribute(("identifierref", SHARED))
                    .write_empty()?;
                Ok(())
            })?;
    }
    let mut e = w
        .create_element("resource")
        .with_attribute(("identifier", SHARED))
        .with_attribute(("type", "webcontent"));
    if kind == Kind::Scorm12 {
        e = e.with_attribute(("adlcp:scormtype", "asset"));
    }
    e.write_inner_content(|w| {
        for f in files.iter().filter(|f| !pages.ids.contains_key(**f)) {
            file(w, f)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn file(w: &mut Writer<Vec<u8>>, href: &str) -> io::Result<()> {
    w.create_element("file")
        .with_attribute(("href", encode_file_path(href).as_str()))
        .write_empty()?;
    Ok(())
}

/// `s` as an XML name (`xs:ID`): ASCII letters, digits, `-`, `_` and `.`, others as `_`,
/// after a prefix that starts with a letter.
pub fn xml_id(prefix: &str, s: &str) -> String {
    let mut out = String::from(prefix);
    out.extend(s.chars().map(|c| {
        if c.is_ascii_alphanumeric() || "-_.".contains(c) {
            c
        } else {
            '_'
        }
    }));
    out
}
