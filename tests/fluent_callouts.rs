//! Callouts' default titles are interface strings (`callout_<class>` in the `.ftl` files):
//! a site's `.ftl` overrides them message by message, a language the site adds gets its
//! own (English where it has none, with `check`'s warning), and `coursebook register`
//! reads the site's `.ftl` as `build` does.

mod common;

use common::{Fixture, texts};

const CALLOUTS: &str = "---\ntitle: Un\nday: 1\nblock: before-coffee\nduration: 30m\n---\n> [!NOTE]\n> a\n\n> [!TIP]\n> b\n\n> [!TRAINER]\n> c\n\n> [!NOTE] Fy nheitl fy hun\n> d\n\n> [!CHALLENGE]\n> e\n>\n> > [!SOLUTION]\n> > f\n";

fn site(book: &str, ftl: (&str, &str)) -> Fixture {
    Fixture::new(&[
        ("book.toml", book),
        ftl,
        ("content/p/index.md", common::PROGRAMME),
        ("content/p/01-a.md", CALLOUTS),
    ])
}

#[test]
fn a_site_ftl_overrides_a_callout_title_message_by_message() {
    let f = site(
        "[book]\ntitle = \"T\"\nlanguage = \"cy\"\n[build]\ntheme = \"mine\"\n",
        (
            "themes/mine/i18n/cy.ftl",
            "callout_note = Sylw\ncallout_trainer = Gair <b>i</b> hyfforddwyr & staff\n",
        ),
    );
    f.build();
    let doc = f.html("p/01-a.html");
    assert_eq!(
        texts(&doc, ".callout-note > .callout-title"),
        ["Sylw", "Fy nheitl fy hun"],
        "the site's word, and the author's own title as written"
    );
    // Not overridden: the built-in Welsh.
    assert_eq!(texts(&doc, ".callout-tip > .callout-title"), ["Awgrym"]);
    assert_eq!(texts(&doc, ".callout-challenge > .callout-title"), ["Her"]);
    assert_eq!(texts(&doc, ".callout-solution > summary"), ["Ateb"]);
    // A message is text: its markup characters are escaped, never markup.
    assert_eq!(
        texts(&doc, ".callout-trainer > .callout-title"),
        ["Gair <b>i</b> hyfforddwyr & staff"]
    );
    assert_eq!(doc.select(&common::sel(".callout-title b")).count(), 0);
}

#[test]
fn a_language_a_site_adds_has_its_callout_titles_and_english_where_it_lacks_one() {
    let f = site(
        "[book]\ntitle = \"T\"\nlanguage = \"xx\"\n[build]\ntheme = \"mine\"\n",
        (
            "themes/mine/i18n/xx.ftl",
            "timetable = Tidsplan\ncallout_note = Notis\ncallout_challenge = Uppgift\n",
        ),
    );
    let out = f.run(&["check"]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        said.contains("no `callout_tip` message for xx") && !said.contains("`callout_note`"),
        "{said}"
    );
    f.build();
    let doc = f.html("p/01-a.html");
    assert_eq!(
        texts(&doc, ".callout-note > .callout-title"),
        ["Notis", "Fy nheitl fy hun"]
    );
    assert_eq!(
        texts(&doc, ".callout-challenge > .callout-title"),
        ["Uppgift"]
    );
    assert_eq!(texts(&doc, ".callout-tip > .callout-title"), ["Tip"]);
    assert_eq!(texts(&doc, ".callout-solution > summary"), ["Solution"]);
}

#[test]
fn the_built_in_titles_are_the_same_words_in_each_language() {
    let want = [
        (
            "en-GB",
            ["Note", "Tip", "Trainer note", "Challenge", "Solution"],
        ),
        (
            "cy",
            ["Nodyn", "Awgrym", "Nodyn i hyfforddwyr", "Her", "Ateb"],
        ),
        (
            "fr",
            [
                "Remarque",
                "Astuce",
                "Note pour le formateur",
                "Défi",
                "Solution",
            ],
        ),
        (
            "de",
            [
                "Hinweis",
                "Tipp",
                "Hinweis für Trainer",
                "Aufgabe",
                "Lösung",
            ],
        ),
        (
            "es",
            [
                "Nota",
                "Consejo",
                "Nota para el formador",
                "Reto",
                "Solución",
            ],
        ),
    ];
    for (lang, words) in want {
        let f = Fixture::new(&[
            (
                "book.toml",
                &format!("[book]\ntitle = \"T\"\nlanguage = \"{lang}\"\n"),
            ),
            ("content/p/index.md", common::PROGRAMME),
            ("content/p/01-a.md", CALLOUTS),
        ]);
        f.build();
        let doc = f.html("p/01-a.html");
        let got = [
            texts(&doc, ".callout-note > .callout-title")[0].clone(),
            texts(&doc, ".callout-tip > .callout-title")[0].clone(),
            texts(&doc, ".callout-trainer > .callout-title")[0].clone(),
            texts(&doc, ".callout-challenge > .callout-title")[0].clone(),
            texts(&doc, ".callout-solution > summary")[0].clone(),
        ];
        assert_eq!(got, words, "{lang}");
    }
}

#[test]
fn register_pages_take_the_site_ftl() {
    let f = site(
        "[book]\ntitle = \"T\"\nlanguage = \"cy\"\n[build]\ntheme = \"mine\"\n",
        (
            "themes/mine/i18n/cy.ftl",
            "register_attendance = Rhestr y safle\nregister_signin_title = Llofnodion y safle: { $day }, { $programme }\n",
        ),
    );
    f.write("people.csv", "name,attended\nSiân,yes\n");
    let out = f.run(&["register", "--data", "people.csv", "--out", "reg"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |p: &str| {
        scraper::Html::parse_document(
            &std::fs::read_to_string(f.root().join("reg").join(p)).unwrap(),
        )
    };
    let sheet = read("signin-day-1.html");
    let title = texts(&sheet, "title").join(" ");
    assert!(title.starts_with("Llofnodion y safle: "), "{title}");
    let attendance = read("attendance.html");
    let all = texts(&attendance, "body").join(" ");
    assert!(all.contains("Rhestr y safle"), "{all}");
    // What the site's file leaves out is the built-in Welsh.
    assert!(all.contains("Yn bresennol"), "{all}");
}

#[test]
fn register_refuses_a_site_ftl_it_cannot_read() {
    let f = site(
        "[book]\ntitle = \"T\"\n[build]\ntheme = \"mine\"\n",
        ("themes/mine/i18n/en-GB.ftl", "register_attendance = { $\n"),
    );
    f.write("people.csv", "name\nSiân\n");
    let out = f.run(&["register", "--data", "people.csv", "--out", "reg"]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("themes/mine/i18n/en-GB.ftl"), "{said}");
}

#[test]
fn the_dev_server_takes_a_changed_callout_title() {
    use coursebook::serve::{Body, Engine};
    let f = site(
        "[book]\ntitle = \"T\"\n",
        ("content/p/02-none.md", "---\ntitle: Page\n---\nText.\n"),
    );
    let root = std::fs::canonicalize(f.root()).unwrap();
    let mut engine = Engine::new(&root, coursebook::Audience::Trainer);
    let page = |r: &coursebook::serve::Rebuilt| match r.files.get("p/01-a.html") {
        Some(Body::Mem(b)) => String::from_utf8(b.to_vec()).unwrap(),
        _ => panic!("p/01-a.html is not in memory"),
    };
    let first = engine.rebuild(true).unwrap();
    assert!(page(&first).contains(">Note</p>"));
    // A theme's .ftl: a change under themes/ is a full rebuild, the unchanged files'
    // parses kept only where their words are the same.
    f.write("themes/default/i18n/en-GB.ftl", "callout_note = Remember\n");
    let second = engine.rebuild(true).unwrap();
    let html = page(&second);
    assert!(
        html.contains(">Remember</p>") && !html.contains(">Note</p>"),
        "{html}"
    );
    assert!(second.changed.iter().any(|p| p == "p/01-a.html"));
}
