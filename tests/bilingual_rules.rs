//! A bilingual site's rules: the participant edition of translated deliveries (no papers,
//! no trainer words, a trainer-only delivery trainer-only in every language), the checks
//! (a delivery translation without its original, or with other dates or trainers;
//! trainers booked once) and every language link reaching a written page.

mod bilingual_site;
mod common;

use bilingual_site::*;
use common::Fixture;
use scraper::Html;

#[test]
fn the_participant_build_has_no_papers_and_no_trainer_words_in_either_language() {
    let f = site();
    let dest = participant(&f);
    for dir in ["rec/deliveries/spring", "rec.cy/deliveries/spring"] {
        let d = dest.join(dir);
        assert!(d.join("index.html").is_file(), "{dir} missing");
        assert!(
            !d.join("runsheet-day-1.html").exists(),
            "{dir} has a run sheet"
        );
        assert!(
            !d.join("signin-day-1.html").exists(),
            "{dir} has a sign-in sheet"
        );
    }
    let mut stack = vec![dest.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                for secret in ["Allweddgyfrinachol", "Englishkeysecret", "runsheet-day"] {
                    assert!(!text.contains(secret), "{secret} in {}", p.display());
                }
            }
        }
    }
    let cy = Html::parse_document(
        &std::fs::read_to_string(dest.join("rec.cy/deliveries/spring/index.html")).unwrap(),
    );
    assert!(main_text(&cy).contains("Parciwch y tu ôl"));
    assert!(!main_text(&cy).contains("Nodyn i hyfforddwyr"));
}

#[test]
fn check_warns_of_a_delivery_translation_without_its_original_only() {
    let f = site();
    let warnings = |f: &Fixture| -> Vec<String> {
        let out = f.run(&["check"]);
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| l.contains(": warning:"))
            .map(str::to_string)
            .collect()
    };
    // A lone site-page translation (news.cy.md) and the translations with originals: no
    // warning of theirs.
    let before = warnings(&f);
    assert!(before.iter().all(|w| !w.contains(".cy.md")), "{before:?}");
    f.write(
        "content/rec/deliveries/winter.cy.md",
        "---\ndays:\n  - { date: 2027-12-06 }\n---\nGaeaf.\n",
    );
    let after = warnings(&f);
    let new: Vec<&String> = after.iter().filter(|w| !before.contains(w)).collect();
    assert_eq!(new.len(), 1, "{after:?}");
    assert!(
        new[0].starts_with("content/rec/deliveries/winter.cy.md: warning:")
            && new[0].contains("rec/deliveries/winter.md"),
        "{new:?}"
    );
    f.build();
    assert!(!f.site().join("rec.cy/deliveries/winter").exists());
}

#[test]
fn a_trainer_in_a_translated_delivery_is_booked_once() {
    let f = site();
    // Sam Lee runs `spring` on 1 March; the Welsh edition's spring is the same run.
    let out = f.run(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!err.contains("is booked on"), "{err}");
    // A second run the same day is still caught, once.
    f.write(
        "content/sup/deliveries/clash.md",
        "---\ndays:\n  - { date: 2027-03-01 }\ntrainers:\n  - Sam Lee\n---\nClash.\n",
    );
    let out = f.run(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.matches("is booked on").count(), 1, "{err}");
}

#[test]
fn a_delivery_translation_with_other_dates_is_a_warning() {
    let f = site();
    let warned = |f: &Fixture| -> Vec<String> {
        let out = f.run(&["check"]);
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| {
                l.starts_with("content/rec/deliveries/spring.cy.md") && l.contains(": warning:")
            })
            .map(str::to_string)
            .collect()
    };
    assert!(warned(&f).is_empty(), "{:?}", warned(&f));
    f.write(
        "content/rec/deliveries/spring.cy.md",
        &SPRING_CY.replace("2027-03-01", "2027-03-02"),
    );
    let w = warned(&f);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("other days than content/rec/deliveries/spring.md"),
        "{w:?}"
    );
    // At the translation's days.
    assert!(
        w[0].starts_with("content/rec/deliveries/spring.cy.md:5:3: warning:"),
        "{w:?}"
    );
    f.write(
        "content/rec/deliveries/spring.cy.md",
        &SPRING_CY.replace("Sam Lee", "Sam Li"),
    );
    let w = warned(&f);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("other trainers"), "{w:?}");
    // At its first trainer.
    assert!(
        w[0].starts_with("content/rec/deliveries/spring.cy.md:7:5: warning:"),
        "{w:?}"
    );
}

#[test]
fn a_trainer_only_delivery_is_trainer_only_in_its_translation_too() {
    let f = site();
    f.write(
        "content/rec/deliveries/autumn.md",
        &AUTUMN.replace("---\ntitle:", "---\naudience: trainer\ntitle:"),
    );
    // The translation forgets `audience: trainer`.
    f.write(
        "content/rec/deliveries/autumn.cy.md",
        &AUTUMN
            .replace("Autumn run", "Rhediad yr hydref")
            .replace("Online, link by email.", "Arlein, dolen drwy ebost."),
    );
    f.build();
    assert!(
        f.site()
            .join("rec.cy/deliveries/autumn/index.html")
            .is_file()
    );
    let dest = participant(&f);
    assert!(!dest.join("rec/deliveries/autumn").exists());
    assert!(!dest.join("rec.cy/deliveries/autumn").exists());
    assert!(dest.join("rec.cy/deliveries/spring/index.html").is_file());
    for page in [
        "rec.cy/01-welcome.html",
        "index.cy.html",
        "rec.cy/searchindex.js",
    ] {
        let text = std::fs::read_to_string(dest.join(page)).unwrap();
        assert!(!text.contains("Rhediad yr hydref"), "{page}");
        assert!(!text.contains("deliveries/autumn"), "{page}");
    }
}

#[test]
fn every_language_link_reaches_a_page_in_both_builds() {
    let f = site();
    f.write(
        "content/rec/letters/brief.md",
        "---\ntitle: Trainer brief\naudience: trainer\n---\nYou run {{ delivery.title }}.\n",
    );
    // Its translation says it is for everyone, but a translation cannot publish what its
    // original keeps for trainers (tests/translation_audience.rs): neither copy is in a
    // participant build, and no link there reaches for one.
    f.write(
        "content/rec/letters/brief.cy.md",
        "---\ntitle: Briff\naudience: all\n---\nRydych yn rhedeg {{ delivery.title }}.\n",
    );
    f.build();
    let n = every_language_link_exists(&f.site());
    assert!(n > 100, "{n} links");
    let dest = participant(&f);
    assert!(
        !dest
            .join("rec.cy/deliveries/spring/letters/brief.html")
            .exists()
    );
    assert!(
        !dest
            .join("rec/deliveries/spring/letters/brief.html")
            .exists()
    );
    let n = every_language_link_exists(&dest);
    assert!(n > 50, "{n} links");
}
