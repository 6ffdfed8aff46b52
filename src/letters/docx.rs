//! A letter as a Word document: WordprocessingML written by hand into a zip.
//!
//! Each field left blank is a `MERGEFIELD` named after the field, so Word's own mail merge
//! fills it from a column of that name; until then it shows `«Label»`. The zip has fixed
//! timestamps and no dates inside, so the same letter always gives the same bytes.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::chunk::{Chunk, Chunks};
use super::{Block, Doc, Fill, Marker, Run};
use crate::model::logo::Logo;

/// What goes around the body: the document's title, the header and the language.
pub struct Meta<'a> {
    pub title: &'a str,
    pub organisation: Option<&'a str>,
    /// BCP 47, as in book.toml: `en-GB`.
    pub language: &'a str,
    /// A4 on its side (a certificate), rather than upright.
    pub landscape: bool,
    /// The organisation's logo, centred above the body (a certificate's), as
    /// `word/media/logo.<ext>`.
    pub logo: Option<&'a Logo>,
}

/// The relationship id of the logo's image part.
const LOGO_RID: &str = "rIdLogo";

/// The logo's part in the package: `word/media/logo.png`.
pub fn logo_part(logo: &Logo) -> String {
    format!("word/media/logo.{}", logo.ext)
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Parts shorter than this many bytes are stored rather than deflated.
const SMALL_PART: usize = 4096;

/// The `.docx` bytes of `doc` with its placeholders resolved by `fills`.
pub fn write(doc: &Doc, fills: &[Fill], meta: &Meta) -> std::io::Result<Vec<u8>> {
    let parts = parts(doc, meta, &mut |index, bold, italic| {
        slot(fills.get(index), bold, italic)
    });
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // The default time is 1980-01-01 00:00: fixed, so builds are reproducible.
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    // Small parts are stored: starting a deflater costs more than the bytes it would save
    // (a build writes a .docx per letter, form and delivery).
    let stored = opts.compression_method(CompressionMethod::Stored);
    for (name, xml) in parts {
        let o = if xml.len() < SMALL_PART { stored } else { opts };
        zip.start_file(name, o).map_err(std::io::Error::other)?;
        zip.write_all(xml.as_bytes())?;
    }
    if let Some(logo) = meta.logo {
        // A PNG or JPEG is compressed already.
        zip.start_file(logo_part(logo), stored)
            .map_err(std::io::Error::other)?;
        zip.write_all(&logo.bytes)?;
    }
    let cursor = zip.finish().map_err(std::io::Error::other)?;
    Ok(cursor.into_inner())
}

/// The package's parts, in order, with `slot(index, bold, italic)` giving each
/// placeholder's XML.
pub fn parts(
    doc: &Doc,
    meta: &Meta,
    slot: &mut dyn FnMut(usize, bool, bool) -> String,
) -> Vec<(&'static str, String)> {
    parts_in_chunks(doc, meta, &mut |index, bold, italic| {
        Chunk::Text(slot(index, bold, italic))
    })
    .into_iter()
    .map(|(name, chunks)| (name, chunks.text()))
    .collect()
}

/// As [`parts`], for [`super::kit`]: `slot` may leave a placeholder as a [`Chunk::Slot`].
pub(crate) fn parts_in_chunks(
    doc: &Doc,
    meta: &Meta,
    slot: &mut dyn FnMut(usize, bool, bool) -> Chunk,
) -> Vec<(&'static str, Chunks)> {
    let has_header = meta.organisation.is_some_and(|o| !o.trim().is_empty());
    let text = |xml: String| {
        let mut c = Chunks::default();
        c.push_str(&xml);
        c
    };
    let mut parts: Vec<(&str, Chunks)> = vec![
        (
            "[Content_Types].xml",
            text(content_types(has_header, meta.logo)),
        ),
        ("_rels/.rels", text(package_rels())),
        ("docProps/core.xml", text(core(meta))),
        ("docProps/app.xml", text(app())),
        (
            "word/_rels/document.xml.rels",
            text(document_rels(has_header, meta.logo)),
        ),
        ("word/document.xml", document(doc, has_header, meta, slot)),
        ("word/styles.xml", text(styles(meta.language))),
        ("word/numbering.xml", text(numbering(&doc.number_starts))),
        ("word/settings.xml", text(settings())),
    ];
    if let Some(org) = meta.organisation.filter(|_| has_header) {
        parts.push(("word/header1.xml", text(header(org))));
    }
    parts
}

/// A placeholder's XML: a value as a run, a field as a merge field showing `«Label»`.
pub fn slot(fill: Option<&Fill>, bold: bool, italic: bool) -> String {
    match fill {
        Some(Fill::Value(v)) => run(v, bold, italic),
        Some(Fill::Field { name, label }) => format!(
            "<w:fldSimple w:instr=\" MERGEFIELD {} \\* MERGEFORMAT \">{}</w:fldSimple>",
            escape(name),
            run(&format!("«{label}»"), bold, italic)
        ),
        Some(Fill::Missing(label)) => run(&Fill::blank_text(label), bold, italic),
        None => String::new(),
    }
}

/// What goes before and after a value's text in its run, so a page's script can make the
/// run [`slot`] makes for that value: each line of the value a `<w:t xml:space="preserve">`
/// (none for an empty line or part), lines apart by `<w:br/>` and tabs by `<w:tab/>`.
pub fn value_run(bold: bool, italic: bool) -> (String, String) {
    (format!("<w:r>{}", rpr(bold, italic)), "</w:r>".to_string())
}

/// Escape text for XML content and attributes, dropping characters XML 1.0 forbids
/// (control characters a spreadsheet cell may hold).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn content_types(header: bool, logo: Option<&Logo>) -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut s = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>{}\
<Override PartName=\"/word/document.xml\" ContentType=\"{wml}.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"{wml}.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"{wml}.numbering+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"{wml}.settings+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
        logo.map_or(String::new(), |l| format!(
            "<Default Extension=\"{}\" ContentType=\"{}\"/>",
            l.ext,
            l.content_type()
        ))
    );
    if header {
        s.push_str(&format!(
            "<Override PartName=\"/word/header1.xml\" ContentType=\"{wml}.header+xml\"/>"
        ));
    }
    s.push_str("</Types>");
    s
}

fn package_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{R_NS}/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{R_NS}/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
    )
}

fn document_rels(header: bool, logo: Option<&Logo>) -> String {
    let mut s = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{R_NS}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"{R_NS}/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{R_NS}/settings\" Target=\"settings.xml\"/>"
    );
    if header {
        s.push_str(&format!(
            "<Relationship Id=\"rId4\" Type=\"{R_NS}/header\" Target=\"header1.xml\"/>"
        ));
    }
    if let Some(l) = logo {
        s.push_str(&format!(
            "<Relationship Id=\"{LOGO_RID}\" Type=\"{R_NS}/image\" Target=\"media/logo.{}\"/>",
            l.ext
        ));
    }
    s.push_str("</Relationships>");
    s
}

fn core(meta: &Meta) -> String {
    let creator = meta
        .organisation
        .map(|o| format!("<dc:creator>{}</dc:creator>", escape(o)))
        .unwrap_or_default();
    format!(
        "{XML_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title>{creator}<dc:language>{}</dc:language></cp:coreProperties>",
        escape(meta.title),
        escape(meta.language)
    )
}

fn app() -> String {
    format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>coursebook</Application></Properties>"
    )
}

fn settings() -> String {
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{W_NS}\"><w:defaultTabStop w:val=\"720\"/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>"
    )
}

fn header(org: &str) -> String {
    format!(
        "{XML_DECL}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">\
<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"right\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:hdr>",
        escape(org)
    )
}

fn styles(language: &str) -> String {
    let heading = |n: u8, size: u32| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{n}\"><w:name w:val=\"heading {n}\"/>\
<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>",
            n - 1
        )
    };
    format!(
        "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>\
<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{}\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
{}{}{}\
<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/>\
<w:uiPriority w:val=\"34\"/><w:qFormat/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:ind w:left=\"720\" w:right=\"720\"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
</w:styles>",
        escape(language),
        heading(1, 32),
        heading(2, 26),
        heading(3, 24)
    )
}

/// Bullets are list 1; each ordered list gets its own list so its numbers start afresh.
fn numbering(number_starts: &[u64]) -> String {
    let levels = |bullet: bool| {
        (0..9)
            .map(|l| {
                let (fmt, text) = if bullet {
                    ("bullet", ["•", "◦", "▪"][l % 3].to_string())
                } else {
                    ("decimal", format!("%{}.", l + 1))
                };
                format!(
                    "<w:lvl w:ilvl=\"{l}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/>\
<w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"{}\" w:hanging=\"360\"/></w:pPr></w:lvl>",
                    720 * (l + 1)
                )
            })
            .collect::<String>()
    };
    let mut s = format!(
        "{XML_DECL}<w:numbering xmlns:w=\"{W_NS}\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>{}</w:abstractNum>\
<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>{}</w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
        levels(true),
        levels(false)
    );
    for (i, start) in number_starts.iter().enumerate() {
        s.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/>{}</w:num>",
            i + 2,
            (0..9)
                .map(|l| format!(
                    "<w:lvlOverride w:ilvl=\"{l}\"><w:startOverride w:val=\"{}\"/></w:lvlOverride>",
                    if l == 0 { *start } else { 1 }
                ))
                .collect::<String>()
        ));
    }
    s.push_str("</w:numbering>");
    s
}

/// The logo as an inline picture in a centred paragraph of its own.
fn logo_para(logo: &Logo) -> String {
    let (cx, cy) = logo.extent();
    let a = "http://schemas.openxmlformats.org/drawingml/2006/main";
    let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    format!(
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>\
<wp:inline xmlns:wp=\"{wp}\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"1\" name=\"Logo\" descr=\"Logo\"/>\
<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"{a}\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic xmlns:a=\"{a}\"><a:graphicData uri=\"{pic}\"><pic:pic xmlns:pic=\"{pic}\">\
<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"logo.{ext}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{LOGO_RID}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        ext = logo.ext
    )
}

fn document(
    doc: &Doc,
    header: bool,
    meta: &Meta,
    slot: &mut dyn FnMut(usize, bool, bool) -> Chunk,
) -> Chunks {
    let landscape = meta.landscape;
    let header_ref = if header {
        "<w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
    } else {
        ""
    };
    let mut body = Chunks::default();
    body.push_str(&format!(
        "{XML_DECL}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"
    ));
    if let Some(logo) = meta.logo {
        body.push_str(&logo_para(logo));
    }
    for p in &doc.paras {
        body.push_str("<w:p>");
        let ppr = match &p.block {
            Block::Normal => String::new(),
            Block::Heading(n) => format!("<w:pStyle w:val=\"Heading{}\"/>", (*n).min(3)),
            Block::Item { level, marker } => {
                let num = match marker {
                    Marker::Bullet => 1,
                    Marker::Number { list, .. } => list + 2,
                };
                format!(
                    "<w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"{num}\"/></w:numPr>",
                    level.min(&8)
                )
            }
            Block::Continue { level } => format!(
                "<w:pStyle w:val=\"ListParagraph\"/><w:ind w:left=\"{}\"/>",
                720 * (level + 1)
            ),
            Block::Quote => "<w:pStyle w:val=\"Quote\"/>".to_string(),
            // `between`: rules one after another (an evaluation form's lines to write on)
            // each keep their line, where Word and LibreOffice would draw only the last.
            Block::Rule => "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/><w:between w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>".to_string(),
        };
        // `keepNext` goes after a `pStyle` and before `numPr`, `pBdr` and `ind` in a `pPr`.
        let ppr = match ppr.find("/>").filter(|_| ppr.starts_with("<w:pStyle")) {
            _ if !p.keep_next => ppr,
            Some(at) => format!("{}<w:keepNext/>{}", &ppr[..at + 2], &ppr[at + 2..]),
            None => format!("<w:keepNext/>{ppr}"),
        };
        // A certificate (on its side) is centred, but for its lists.
        let ppr = match &p.block {
            Block::Normal | Block::Heading(_) if landscape => {
                format!("{ppr}<w:jc w:val=\"center\"/>")
            }
            _ => ppr,
        };
        if !ppr.is_empty() {
            body.push_str(&format!("<w:pPr>{ppr}</w:pPr>"));
        }
        for r in &p.runs {
            match r {
                Run::Text { text, bold, italic } => body.push_str(&run(text, *bold, *italic)),
                Run::Break => body.push_str("<w:r><w:br/></w:r>"),
                Run::Slot {
                    index,
                    bold,
                    italic,
                } => body.push(slot(*index, *bold, *italic)),
            }
        }
        body.push_str("</w:p>");
    }
    // A4 with 2.5 cm margins, upright or on its side.
    let size = if landscape {
        "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
    } else {
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
    };
    body.push_str(&format!(
        "<w:sectPr>{header_ref}{size}\
<w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    ));
    body
}

fn rpr(bold: bool, italic: bool) -> &'static str {
    match (bold, italic) {
        (false, false) => "",
        (true, false) => "<w:rPr><w:b/><w:bCs/></w:rPr>",
        (false, true) => "<w:rPr><w:i/><w:iCs/></w:rPr>",
        (true, true) => "<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>",
    }
}

/// A run of text; line breaks and tabs inside the text (from a value) become Word's own.
fn run(text: &str, bold: bool, italic: bool) -> String {
    let rpr = rpr(bold, italic);
    let mut inner = String::new();
    let text = text.replace("\r\n", "\n");
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            inner.push_str("<w:br/>");
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                inner.push_str("<w:tab/>");
            }
            if !part.is_empty() {
                inner.push_str(&format!(
                    "<w:t xml:space=\"preserve\">{}</w:t>",
                    escape(part)
                ));
            }
        }
    }
    format!("<w:r>{rpr}{inner}</w:r>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::parse_markdown;
    use crate::model::letter_token;

    #[test]
    fn escapes_and_drops_control_characters() {
        assert_eq!(escape("a<&>\"\u{1}b"), "a&lt;&amp;&gt;&quot;b");
    }

    #[test]
    fn merge_fields_values_and_breaks() {
        let md = format!("Dear {},\n\n**{}**\n", letter_token(0), letter_token(1));
        let fills = [
            Fill::Field {
                name: "participant_name".into(),
                label: "Participant's name".into(),
            },
            Fill::Value("Line one\nA & B".into()),
        ];
        let meta = Meta {
            title: "T",
            organisation: None,
            language: "en-GB",
            landscape: false,
            logo: None,
        };
        let xml = document(&parse_markdown(&md), false, &meta, &mut |i, b, it| {
            Chunk::Text(slot(fills.get(i), b, it))
        })
        .text();
        assert!(xml.contains(
            "<w:fldSimple w:instr=\" MERGEFIELD participant_name \\* MERGEFORMAT \"><w:r><w:t xml:space=\"preserve\">«Participant's name»</w:t></w:r></w:fldSimple>"
        ));
        assert!(xml.contains("<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Line one</w:t><w:br/><w:t xml:space=\"preserve\">A &amp; B</w:t></w:r>"));
    }

    #[test]
    fn same_input_same_bytes() {
        let doc = parse_markdown("Hello\n");
        let meta = Meta {
            title: "T",
            organisation: Some("Org"),
            language: "en-GB",
            landscape: false,
            logo: None,
        };
        let a = write(&doc, &[], &meta).unwrap();
        let b = write(&doc, &[], &meta).unwrap();
        assert_eq!(a, b);
        assert_eq!(&a[..2], b"PK");
    }
}
