#![no_main]
//! Any text as a Markdown body, for both audiences and every kind of body: no panic, the
//! same count of trainer notes, and (without notes, comments or footnotes) the same page
//! for both.
use coursebook::Audience;
use coursebook::content::markdown::{self, Body};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let t = markdown::render(text, 1, Audience::Trainer, Body::Shared);
    let p = markdown::render(text, 1, Audience::Participant, Body::Shared);
    assert_eq!(t.trainer_notes, p.trainer_notes);
    // Comments and footnotes no public part cites are the trainer's alone, by design.
    if t.trainer_notes == 0 && !text.contains("<!--") && !text.contains("[^") {
        assert_eq!(t.html, p.html);
    }
    // A trainer-only page gives participants nothing but what it left out.
    let h = markdown::render(text, 1, Audience::Participant, Body::Hidden);
    assert!(h.headings.is_empty() && h.prompts.is_empty());
    markdown::render(text, 1, Audience::Participant, Body::Trainer);
});
