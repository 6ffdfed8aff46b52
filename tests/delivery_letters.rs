//! Letters, certificates and evaluation forms per delivery: each delivery's copy of the
//! programme's letters carries its dates, venue, start, trainers and contact hours (from its
//! own timetable); its evaluation form lists its sessions in its order; `merge --delivery`;
//! a participant build writes no trainer-only letter for a delivery.

mod common;
mod delivery_programme;
use std::io::Read;
use std::path::Path;

use common::*;
use delivery_programme::programme;

const SPRING: &str = "---\ntitle: Spring run\nvenue: Riverside Centre\ndays:\n  - { date: 2027-04-12, start: \"10:00\" }\n  - { date: 2027-04-13 }\ntrainers:\n  - { name: Sam Lee, role: lead }\n  - Ann Other\n---\nPark behind the library.\n";

/// Three half days, the first running two blocks in the other order: Gamma, then Alpha.
const TASTER: &str = "---\ntitle: Taster\nvenue: Online\ndays:\n  - { date: 2027-06-07, start: \"13:00\", blocks: [\"1:after-lunch\", \"1:before-coffee\"] }\n  - { date: 2027-06-08, blocks: [\"1:after-coffee\", \"1:after-tea\"] }\n  - { date: 2027-06-09, blocks: [\"2:before-coffee\", \"2:after-lunch\"] }\ntrainers: [Ann Bell, Bo Chan, Cy Dee]\n---\nJoin early.\n";

const INVITE: &str = "---\ntitle: Invitation\naudience: all\nfields:\n  - { name: participant_name, label: Participant's name }\n---\nDear {{ participant_name }},\n\nYou are booked on {{ delivery.title }}: {{ delivery.dates }} at {{ delivery.venue }}, starting at {{ delivery.start }}, with {{ delivery.trainers }}. Contact time {{ programme.contact_hours }} on {{ programme.dates }}.\n";

const CERTIFICATE: &str = "---\ntitle: Certificate of attendance\naudience: all\nkind: certificate\nfields:\n  - { name: participant_name, label: Participant's name }\n---\n# Certificate of attendance\n\n## {{ participant_name }}\n\nattended {{ programme.title }} on {{ programme.dates }}: {{ programme.contact_hours }}.\n\n{{ programme.sessions }}\n";

const BRIEF: &str = "---\ntitle: Trainer brief\naudience: trainer\n---\nYou run {{ delivery.title }} with {{ delivery.trainers }}.\n";

fn fixture() -> Fixture {
    programme(&[
        ("content/p/deliveries/spring.md", SPRING),
        ("content/p/deliveries/taster.md", TASTER),
        ("content/p/letters/invite.md", INVITE),
        ("content/p/letters/certificate.md", CERTIFICATE),
        ("content/p/letters/brief.md", BRIEF),
        (
            "people.csv",
            "participant_name,attended\nSam Taylor,yes\nJo Bloggs,no\n",
        ),
    ])
}

/// A `.docx`'s `word/document.xml`.
fn document_xml(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The text runs of a `document.xml`, joined, so a value split across runs still reads whole.
fn docx_text(path: &Path) -> String {
    let xml = document_xml(path);
    let mut out = String::new();
    for part in xml.split("<w:t").skip(1) {
        let Some(start) = part.find('>') else {
            continue;
        };
        let Some(end) = part.find("</w:t>") else {
            continue;
        };
        out.push_str(&part[start + 1..end]);
    }
    out
}

#[test]
fn each_delivery_s_letter_carries_its_own_values() {
    let f = fixture();
    f.build();
    let spring = f.read("p/deliveries/spring/letters/invite.txt");
    assert!(
        spring.contains("You are booked on Spring run: 12 and 13 April 2027 at Riverside Centre, starting at 10:00, with Sam Lee and Ann Other. Contact time 5 hours 15 minutes on 12 and 13 April 2027."),
        "{spring}"
    );
    let taster = f.read("p/deliveries/taster/letters/invite.txt");
    assert!(
        taster.contains("You are booked on Taster: 7, 8 and 9 June 2027 at Online, starting at 13:00, with Ann Bell, Bo Chan and Cy Dee. Contact time 5 hours 15 minutes on 7, 8 and 9 June 2027."),
        "{taster}"
    );
    let docx = docx_text(&f.site().join("p/deliveries/taster/letters/invite.docx"));
    for want in [
        "Taster",
        "7, 8 and 9 June 2027",
        "Online",
        "13:00",
        "Ann Bell, Bo Chan and Cy Dee",
        "5 hours 15 minutes",
    ] {
        assert!(docx.contains(want), "{want} in {docx}");
    }
    // The page shows the same values, and the merge command names the delivery.
    let page = f.html("p/deliveries/taster/letters/invite.html");
    let filled = texts(&page, ".letter-body .filled, .filled");
    assert!(
        filled.iter().any(|t| t == "Ann Bell, Bo Chan and Cy Dee"),
        "{filled:?}"
    );
    assert!(
        filled.iter().any(|t| t == "7, 8 and 9 June 2027"),
        "{filled:?}"
    );
    assert_eq!(
        texts(&page, ".letter-delivery"),
        ["For Taster, 7, 8 and 9 June 2027"]
    );
    let crumbs = texts(&page, ".breadcrumbs li");
    assert_eq!(crumbs[crumbs.len() - 2], "Taster", "{crumbs:?}");
    let code = texts(&page, "code").join(" ");
    assert!(code.contains("--delivery taster"), "{code}");
    // The programme's own letter: delivery values fall back to the programme's, the title
    // and trainers stay blanks to fill in.
    let own = f.read("p/letters/invite.txt");
    assert!(
        own.contains("You are booked on [Delivery]: 1 and 2 March 2027 at County Hall, starting at 09:30, with [Trainers]. Contact time 5 hours 15 minutes on 1 and 2 March 2027."),
        "{own}"
    );
}

#[test]
fn certificates_per_delivery_state_its_dates_hours_and_sessions_in_its_order() {
    let f = fixture();
    f.build();
    let txt = f.read("p/deliveries/taster/letters/certificate.txt");
    assert!(
        txt.contains("attended Recording on 7, 8 and 9 June 2027: 5 hours 15 minutes."),
        "{txt}"
    );
    let at = |t: &str| txt.find(t).unwrap();
    assert!(
        at("Gamma") < at("Alpha") && at("Alpha") < at("Beta"),
        "the delivery's order: {txt}"
    );
    let docx = docx_text(
        &f.site()
            .join("p/deliveries/spring/letters/certificate.docx"),
    );
    assert!(docx.contains("12 and 13 April 2027"), "{docx}");
    assert!(docx.contains("5 hours 15 minutes"), "{docx}");
    assert!(
        document_xml(
            &f.site()
                .join("p/deliveries/spring/letters/certificate.docx")
        )
        .contains("w:orient=\"landscape\"")
    );
}

#[test]
fn the_delivery_page_links_its_documents() {
    let f = fixture();
    f.build();
    let page = "p/deliveries/taster/index.html";
    let doc = f.html(page);
    let hrefs: Vec<String> = doc
        .select(&sel(".delivery-documents a"))
        .map(|a| resolve(page, a.value().attr("href").unwrap()))
        .collect();
    for want in [
        "p/deliveries/taster/letters/invite.html",
        "p/deliveries/taster/letters/invite.docx",
        "p/deliveries/taster/letters/certificate.txt",
        "p/deliveries/taster/letters/brief.html",
        "p/deliveries/taster/evaluation.html",
        "p/deliveries/taster/evaluation.docx",
    ] {
        assert!(hrefs.iter().any(|h| h == want), "{want} in {hrefs:?}");
        assert!(f.site().join(want).is_file(), "{want} written");
    }
}

#[test]
fn the_evaluation_form_lists_the_delivery_s_sessions_in_its_order() {
    let f = fixture();
    f.build();
    let doc = f.html("p/deliveries/taster/evaluation.html");
    let titles = texts(&doc, ".eval-part:not(.eval-overall) .eval-title");
    assert_eq!(
        titles,
        ["Gamma", "Alpha", "Beta", "Delta", "Epsilon", "Zeta"]
    );
    assert_eq!(
        texts(&doc, ".eval-place"),
        ["7, 8 and 9 June 2027 · Online"]
    );
    assert_eq!(
        texts(&doc, ".breadcrumbs li"),
        ["Home", "Recording", "Taster", "Evaluation form"]
    );
    let spring = f.html("p/deliveries/spring/evaluation.html");
    assert_eq!(
        texts(&spring, ".eval-part:not(.eval-overall) .eval-title"),
        ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
    );
    assert_eq!(
        texts(&spring, ".eval-place"),
        ["12 and 13 April 2027 · Riverside Centre"]
    );
    let docx = docx_text(&f.site().join("p/deliveries/taster/evaluation.docx"));
    assert!(docx.contains("7, 8 and 9 June 2027"), "{docx}");
    assert!(
        docx.find("Gamma").unwrap() < docx.find("Alpha").unwrap(),
        "{docx}"
    );
}

#[test]
fn a_participant_build_writes_no_trainer_only_letter_for_a_delivery() {
    let f = fixture();
    let dest = f.root().join("participant");
    let opts = coursebook::BuildOptions {
        root: f.root().to_path_buf(),
        dest: Some(dest.clone()),
        audience: coursebook::Audience::Participant,
        ..Default::default()
    };
    coursebook::build(&opts).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    let dir = dest.join("p/deliveries/spring/letters");
    assert!(dir.join("invite.html").is_file());
    assert!(dir.join("certificate.docx").is_file());
    for file in ["brief.html", "brief.docx", "brief.txt"] {
        assert!(!dir.join(file).exists(), "{file}");
    }
    let page = std::fs::read_to_string(dest.join("p/deliveries/spring/index.html")).unwrap();
    assert!(!page.contains("brief"), "no link to the trainer's letter");
}

#[test]
fn merge_fills_in_the_delivery_s_values() {
    let f = fixture();
    let out = f.root().join("out");
    let o = f.run(&[
        "merge",
        "content/p/letters/certificate.md",
        "--data",
        "people.csv",
        "--delivery",
        "taster",
        "--format",
        "txt",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let txt = std::fs::read_to_string(out.join("01-sam-taylor.txt")).unwrap();
    assert!(
        txt.contains("attended Recording on 7, 8 and 9 June 2027: 5 hours 15 minutes."),
        "{txt}"
    );
    // Jo did not attend: no certificate.
    assert!(!out.join("02-jo-bloggs.txt").exists());
    let docx_out = f.root().join("out-docx");
    let o = f.run(&[
        "merge",
        "content/p/letters/invite.md",
        "--data",
        "people.csv",
        "--delivery",
        "spring",
        "--out",
        docx_out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = docx_text(&docx_out.join("01-sam-taylor.docx"));
    assert!(text.contains("12 and 13 April 2027"), "{text}");
    assert!(text.contains("Sam Lee and Ann Other"), "{text}");
    // Without --delivery: the programme's values, as before.
    let plain = f.root().join("out-plain");
    let o = f.run(&[
        "merge",
        "content/p/letters/invite.md",
        "--data",
        "people.csv",
        "--format",
        "txt",
        "--out",
        plain.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let txt = std::fs::read_to_string(plain.join("01-sam-taylor.txt")).unwrap();
    assert!(txt.contains("1 and 2 March 2027 at County Hall"), "{txt}");
}

#[test]
fn an_unknown_delivery_names_the_closest_and_lists_them() {
    let f = fixture();
    let o = f.run(&[
        "merge",
        "content/p/letters/invite.md",
        "--data",
        "people.csv",
        "--delivery",
        "sprng",
    ]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error: `--delivery sprng`: the programme `p` has no delivery `sprng`"),
        "{err}"
    );
    assert!(err.contains("did you mean `spring`?"), "{err}");
    assert!(err.contains("its deliveries are: spring, taster"), "{err}");
    assert!(!f.root().join("invite-letters").exists());
}

#[test]
fn check_accepts_delivery_built_ins_in_a_programme_s_letters() {
    let f = fixture();
    let o = f.run(&["check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("delivery."), "{err}");
}
