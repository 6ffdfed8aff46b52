//! Files stay inside the site: a symbolic link out of the site root, a `src` or a theme
//! outside it, is refused with an error naming the link and its target, and nothing is
//! published. Link loops end with an error.
#![cfg(unix)]

mod common;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use common::*;

/// A build of `root` that must fail, within a generous time (a hang fails the test).
fn refused(root: &Path, zip: bool) -> Vec<String> {
    let opts = coursebook::BuildOptions {
        root: root.to_path_buf(),
        zip,
        ..Default::default()
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(coursebook::build(&opts));
    });
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(Ok(_)) => panic!("the build should have been refused"),
        Ok(Err(d)) => d.sorted().iter().map(|x| x.to_string()).collect(),
        Err(_) => panic!("the build did not finish in 120 s"),
    }
}

fn assert_nothing_published(f: &Fixture) {
    assert!(!f.site().exists(), "a refused build published a site");
}

fn has(errors: &[String], parts: &[&str]) {
    assert!(
        errors
            .iter()
            .any(|e| e.contains("error") && parts.iter().all(|p| e.contains(p))),
        "no error with {parts:?} in {errors:#?}"
    );
}

#[test]
fn a_link_to_the_build_machines_environment_is_refused() {
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    symlink("/proc/self/environ", f.root().join("content/p/environ.txt")).unwrap();
    let e = refused(f.root(), true);
    has(
        &e,
        &[
            "content/p/environ.txt",
            "/proc/self/environ",
            "outside the site folder",
        ],
    );
    assert_nothing_published(&f);
    // `check` says the same, and the binary exits 1.
    let out = f.run(&["build", "--zip"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("content/p/environ.txt"));
    assert_nothing_published(&f);
}

#[test]
fn a_link_to_a_system_file_is_refused() {
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    symlink("/etc/passwd", f.root().join("content/p/users.txt")).unwrap();
    symlink("/etc/passwd", f.root().join("content/p/users.md")).unwrap();
    let e = refused(f.root(), false);
    has(&e, &["content/p/users.txt", "/etc/passwd"]);
    has(&e, &["content/p/users.md", "/etc/passwd"]);
    assert_nothing_published(&f);
}

#[test]
fn a_linked_folder_outside_is_not_walked() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "s3cret").unwrap();
    std::fs::write(outside.path().join("page.md"), "# Secret page\n").unwrap();
    let f = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    symlink(outside.path(), f.root().join("content/p/shared")).unwrap();
    let e = refused(f.root(), true);
    has(&e, &["content/p/shared", "outside the site folder"]);
    // One error for the link, none for the files behind it: they were never reached.
    assert!(!e.iter().any(|x| x.contains("secret")), "{e:#?}");
    assert_nothing_published(&f);
}

#[test]
fn links_that_stay_inside_the_site_still_work() {
    let f = Fixture::new(&[
        ("content/p/index.md", PROGRAMME),
        (
            "shared/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        ("shared/notes/extra.txt", "extra"),
    ]);
    symlink("../../shared/logo.svg", f.root().join("content/p/logo.svg")).unwrap();
    symlink(
        f.root().join("shared/notes"),
        f.root().join("content/p/notes"),
    )
    .unwrap();
    f.build();
    assert!(f.read("p/logo.svg").starts_with("<svg"));
    assert_eq!(f.read("p/notes/extra.txt"), "extra");
}

#[test]
fn src_outside_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("p")).unwrap();
    std::fs::write(outside.path().join("p/index.md"), PROGRAMME).unwrap();
    std::fs::write(outside.path().join("private.txt"), "private").unwrap();
    let abs = outside.path().display().to_string();
    let f = Fixture::new(&[(
        "book.toml",
        &format!("[book]\ntitle = \"T\"\nsrc = \"{abs}\"\n"),
    )]);
    let e = refused(f.root(), true);
    has(&e, &["book.toml", "outside the site folder"]);
    assert_nothing_published(&f);

    // Climbing out with `..` is the same.
    let inner = outside.path().join("site-root");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(
        inner.join("book.toml"),
        "[book]\ntitle = \"T\"\nsrc = \"..\"\n",
    )
    .unwrap();
    let e = refused(&inner, false);
    has(&e, &["book.toml", "outside the site folder"]);
    assert!(!inner.join("site").exists());

    // And a content folder that is itself a link out.
    let g = Fixture::new(&[]);
    symlink(outside.path(), g.root().join("content")).unwrap();
    let e = refused(g.root(), false);
    has(&e, &["book.toml", "outside the site folder"]);
    assert_nothing_published(&g);
}

#[test]
fn a_theme_outside_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/leak.txt"), "leak").unwrap();
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n[build]\ntheme = \"mine\"\n",
        ),
        ("content/p/index.md", PROGRAMME),
    ]);
    std::fs::create_dir_all(f.root().join("themes")).unwrap();
    symlink(outside.path(), f.root().join("themes/mine")).unwrap();
    let e = refused(f.root(), false);
    has(&e, &["book.toml", "themes/mine", "outside the site folder"]);
    assert_nothing_published(&f);

    // A name that climbs out is not a folder name at all.
    f.write(
        "book.toml",
        "[book]\ntitle = \"T\"\n[build]\ntheme = \"../../..\"\n",
    );
    has(
        &refused(f.root(), false),
        &["book.toml", "not a folder name"],
    );

    // A file linked out from inside the theme.
    std::fs::remove_file(f.root().join("themes/mine")).unwrap();
    std::fs::create_dir_all(f.root().join("themes/mine/static")).unwrap();
    symlink("/etc/passwd", f.root().join("themes/mine/static/p.css")).unwrap();
    f.write(
        "book.toml",
        "[book]\ntitle = \"T\"\n[build]\ntheme = \"mine\"\n",
    );
    has(
        &refused(f.root(), false),
        &["themes/mine/static/p.css", "/etc/passwd"],
    );
    assert_nothing_published(&f);
}

#[test]
fn a_theme_that_links_to_itself_ends_with_an_error() {
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n[build]\ntheme = \"mine\"\n",
        ),
        ("content/p/index.md", PROGRAMME),
        ("themes/mine/static/a.css", "body{}"),
    ]);
    symlink(".", f.root().join("themes/mine/static/self")).unwrap();
    has(
        &refused(f.root(), false),
        &["themes/mine/static/self", "symbolic link loop"],
    );
    assert_nothing_published(&f);
    // Two self-links: every path through them is a new path (2^40 before the kernel's
    // limit on links in a path), which the old walk never finished.
    symlink(".", f.root().join("themes/mine/static/again")).unwrap();
    let e = refused(f.root(), false);
    has(&e, &["themes/mine/static/self", "symbolic link loop"]);
    has(&e, &["themes/mine/static/again", "symbolic link loop"]);
    assert_nothing_published(&f);
}

#[test]
fn two_links_into_each_other_end_with_an_error() {
    // Folders that link into each other: a/to-b -> ../b, b/to-a -> ../a.
    let f = Fixture::new(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n[build]\ntheme = \"mine\"\n",
        ),
        ("content/p/index.md", PROGRAMME),
        ("themes/mine/static/a/x.css", "a{}"),
        ("themes/mine/static/b/y.css", "b{}"),
    ]);
    let st = f.root().join("themes/mine/static");
    symlink("../b", st.join("a/to-b")).unwrap();
    symlink("../a", st.join("b/to-a")).unwrap();
    has(&refused(f.root(), false), &["symbolic link loop"]);
    assert_nothing_published(&f);

    // Links that name each other: x -> y, y -> x (never resolves).
    let g = Fixture::new(&[("content/p/index.md", PROGRAMME)]);
    symlink("y", g.root().join("content/p/x")).unwrap();
    symlink("x", g.root().join("content/p/y")).unwrap();
    has(&refused(g.root(), false), &["content/p/x"]);
    assert_nothing_published(&g);
}
