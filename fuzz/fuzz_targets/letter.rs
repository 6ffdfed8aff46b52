#![no_main]
//! Any text as a letter template: placeholders found where they are.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (pieces, found, _bad) = coursebook::model::scan_letter(text, 1);
    let slots = pieces.iter().filter(|p| matches!(p, coursebook::model::Piece::Slot(_))).count();
    assert_eq!(slots, found.len());
    let _ = coursebook::model::load::parse_one("p/letters/l.md", text);
});
