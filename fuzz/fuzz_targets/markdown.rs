#![no_main]
//! Any text as a Markdown body, for both audiences: no panic, and nothing from a
//! `[!TRAINER]` callout in the participant rendering's count of kept notes.
use coursebook::Audience;
use coursebook::content::markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let t = markdown::render(text, 1, Audience::Trainer);
    let p = markdown::render(text, 1, Audience::Participant);
    assert_eq!(t.trainer_notes, p.trainer_notes);
    if t.trainer_notes == 0 {
        assert_eq!(t.html, p.html);
    }
});
