#![no_main]
//! Any text as a duration: a number of minutes within a day, or an error.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(m) = coursebook::content::duration::parse(text) {
        assert!(m > 0 && m <= 24 * 60);
    }
});
