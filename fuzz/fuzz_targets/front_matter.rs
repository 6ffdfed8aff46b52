#![no_main]
//! Any bytes as a session file: split, YAML, typed fields. Must never panic or hang.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = coursebook::model::load::parse_one("p/day-1/s.md", text);
    }
});
