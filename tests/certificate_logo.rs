//! The organisation's logo (`logo` in book.toml) in a certificate's `.docx`: the image as
//! `word/media/`, named in `[Content_Types].xml` and the document's relationships, drawn
//! by its rId at its aspect; in the build's, a delivery's and `merge`'s certificates and in
//! the page's save kit; LibreOffice still opens it as one landscape page. An SVG logo is
//! left out with a warning at its line.

mod common;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::*;

/// A 40 x 20 px red PNG.
const PNG: [u8; 93] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 40, 0, 0, 0, 20, 8, 2,
    0, 0, 0, 112, 36, 232, 236, 0, 0, 0, 36, 73, 68, 65, 84, 120, 218, 99, 56, 33, 39, 55, 32, 136,
    97, 212, 226, 81, 139, 71, 45, 30, 181, 120, 212, 226, 81, 139, 71, 45, 30, 181, 120, 228, 88,
    12, 0, 82, 225, 44, 174, 78, 225, 5, 176, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

const CERTIFICATE: &str = "---\ntitle: Certificate of attendance\nkind: certificate\nfields:\n  - { name: participant_name, label: Participant's name }\n---\n# Certificate of attendance\n\n## {{ participant_name }}\n\nattended {{ programme.title }} on {{ programme.dates }}: {{ programme.contact_hours }}.\n";

const LETTER: &str = "---\ntitle: Invitation\nfields:\n  - { name: participant_name, label: Name }\n---\nDear {{ participant_name }},\n";

fn site(logo: &str) -> Fixture {
    let f = Fixture::new(&[
        (
            "book.toml",
            &format!(
                "[book]\ntitle = \"Test course\"\n\n[output.html]\norganisation = \"Northshire Training\"\nlogo = \"{logo}\"\n"
            ),
        ),
        ("content/p/index.md", PROGRAMME),
        (
            "content/p/a.md",
            &session("Alpha", 1, "before-coffee", "1h"),
        ),
        ("content/p/letters/certificate.md", CERTIFICATE),
        ("content/p/letters/invite.md", LETTER),
        (
            "content/p/deliveries/spring.md",
            "---\ntitle: Spring\ndays:\n  - { date: 2027-04-12 }\n---\n",
        ),
        ("people.csv", "participant_name\nSam Taylor\n"),
        (
            "content/assets/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
    ]);
    std::fs::write(f.root().join("content/assets/logo.png"), PNG).unwrap();
    f
}

fn part(path: &Path, name: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    zip.by_name(name).ok()?.read_to_end(&mut out).unwrap();
    Some(out)
}

fn text(path: &Path, name: &str) -> String {
    String::from_utf8(part(path, name).unwrap_or_else(|| panic!("{name} in {path:?}"))).unwrap()
}

/// The certificate's package holds the logo, named and referenced.
fn assert_logo(path: &Path) {
    assert_eq!(part(path, "word/media/logo.png").as_deref(), Some(&PNG[..]));
    let types = text(path, "[Content_Types].xml");
    assert!(
        types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"),
        "{types}"
    );
    let rels = text(path, "word/_rels/document.xml.rels");
    assert!(rels.contains("Id=\"rIdLogo\""), "{rels}");
    assert!(rels.contains("Target=\"media/logo.png\""), "{rels}");
    let doc = text(path, "word/document.xml");
    assert!(doc.contains("r:embed=\"rIdLogo\""), "{doc}");
    // 40 x 20 px at 96 dpi: 381000 x 190500 EMU, the aspect kept.
    assert!(
        doc.contains("<wp:extent cx=\"381000\" cy=\"190500\"/>"),
        "{doc}"
    );
}

#[test]
fn certificates_carry_the_logo_and_letters_do_not() {
    let f = site("assets/logo.png");
    f.build();
    assert_logo(&f.site().join("p/letters/certificate.docx"));
    assert_logo(
        &f.site()
            .join("p/deliveries/spring/letters/certificate.docx"),
    );
    let letter = f.site().join("p/letters/invite.docx");
    assert!(part(&letter, "word/media/logo.png").is_none());
    assert!(!text(&letter, "word/document.xml").contains("w:drawing"));
    // The page's save kit carries the image for the browser's own .docx.
    let page = f.read("p/letters/certificate.html");
    let b64 = "iVBORw0KGgo"; // the PNG signature in base64
    assert!(
        page.contains(&format!("[\"word/media/logo.png\",\"{b64}")),
        "kit media"
    );
    assert!(!f.read("p/letters/invite.html").contains("word/media"));

    let out = f.root().join("out");
    let o = f.run(&[
        "merge",
        "content/p/letters/certificate.md",
        "--data",
        "people.csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_logo(&out.join("01-sam-taylor.docx"));
}

#[test]
fn libreoffice_opens_the_certificate_as_one_landscape_page() {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok());
    let Some(soffice) = soffice else {
        eprintln!("skipped: no LibreOffice");
        return;
    };
    let f = site("assets/logo.png");
    f.build();
    let pdf_dir = f.root().join("pdf");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        f.root().join("lo").display()
    );
    let o = Command::new(soffice)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdf_dir)
        .arg(f.site().join("p/letters/certificate.docx"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let info = Command::new("pdfinfo")
        .arg(pdf_dir.join("certificate.pdf"))
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           1"), "{info}");
    let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let nums: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(nums[0] > nums[1], "landscape: {size}");
}

#[test]
fn an_svg_logo_is_left_out_with_a_warning_at_its_line() {
    let f = site("assets/logo.svg");
    let o = f.run(&["check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("book.toml:6:8: warning: logo `assets/logo.svg` is left out of the certificates' Word documents: it is not a PNG or JPEG image"),
        "{err}"
    );
    f.build();
    let cert = f.site().join("p/letters/certificate.docx");
    assert!(!text(&cert, "word/document.xml").contains("w:drawing"));
    assert!(part(&cert, "word/media/logo.svg").is_none());
}
