//! What the import tests share: the fixtures' folder, running `coursebook import` into a
//! fresh site, checking and building it.

use std::path::{Path, PathBuf};

use crate::common::Fixture;
use coursebook::Audience;

pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn imported_as(kind: &str, source: &Path, more: &[&str]) -> (Fixture, String) {
    let f = Fixture::new(&[]);
    let mut args = vec!["import", kind, source.to_str().unwrap()];
    args.extend(more);
    let out = f.run(&args);
    let err = stderr(&out);
    assert!(out.status.success(), "import failed:\n{err}");
    (f, err)
}

pub fn assert_checks_clean(f: &Fixture, audience: Audience) {
    let d = coursebook::check(f.root(), audience);
    let problems: Vec<String> = d
        .sorted()
        .iter()
        .filter(|d| d.severity != coursebook::diagnostics::Severity::Note)
        .map(|d| d.to_string())
        .collect();
    assert!(problems.is_empty(), "check found:\n{}", problems.join("\n"));
}

pub fn build_into(f: &Fixture, audience: Audience, dest: &Path) {
    let opts = coursebook::BuildOptions {
        root: f.root().to_path_buf(),
        dest: Some(dest.to_path_buf()),
        audience,
        ..Default::default()
    };
    if let Err(d) = coursebook::build(&opts) {
        panic!(
            "build failed: {:?}",
            d.sorted().iter().map(|d| d.to_string()).collect::<Vec<_>>()
        );
    }
}

pub fn lesson(files: &[(&str, &str)]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (p, t) in files {
        let p = d.path().join(p);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t).unwrap();
    }
    d
}
