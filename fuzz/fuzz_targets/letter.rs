#![no_main]
//! Any text as a letter template: placeholders found where they are, and the letter the
//! loader makes of it written as .docx and .txt: a zip of well-formed XML parts, and text.
use std::io::{Cursor, Read};

use coursebook::letters::{self, Run, docx};
use coursebook::model::{Piece, load};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (pieces, found, _bad) = coursebook::model::scan_letter(text, 1);
    let slots = pieces.iter().filter(|p| matches!(p, Piece::Slot(_))).count();
    assert_eq!(slots, found.len());
    let _ = load::parse_one("p/letters/l.md", text);

    let Some(letter) = load::parse_letter_one("l", text) else {
        return;
    };
    let doc = letters::parse(&letter);
    // Each slot run stands for one placeholder of the letter, at most once.
    let mut seen = vec![false; letter.slots.len()];
    for r in doc.paras.iter().flat_map(|p| &p.runs) {
        if let Run::Slot { index, .. } = r {
            assert!(*index < seen.len(), "slot {index} of {}", seen.len());
            assert!(!seen[*index], "slot {index} twice");
            seen[*index] = true;
        }
    }
    // Every other placeholder gets a value with what XML and Word find hardest.
    let fills = letters::fills(&letter, |name| {
        (name.len() % 2 == 0).then(|| format!("<{name}> & \"'\u{0}\u{b}]]>\r\n\u{E000}0\u{E001}"))
    });
    let meta = docx::Meta {
        title: &letter.title,
        organisation: Some(&letter.title),
        language: "en-GB",
        // Both page shapes: a certificate is landscape and centred.
        landscape: letter.kind == coursebook::model::LetterKind::Certificate,
        logo: None,
    };
    let bytes = docx::write(&doc, &fills, &meta).expect("a docx in memory cannot fail to write");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the .docx is a zip");
    let mut has_document = false;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part of the zip");
        let name = part.name().expect("a part has a name").to_string();
        let mut xml = String::new();
        part.read_to_string(&mut xml).expect("a part is UTF-8");
        if let Err(e) = roxmltree::Document::parse(&xml) {
            panic!("{name} is not well-formed XML: {e}\n{xml}");
        }
        has_document |= name == "word/document.xml";
    }
    assert!(has_document, "the .docx has no word/document.xml");

    let _ = letters::txt::write(&doc, &fills);
});
