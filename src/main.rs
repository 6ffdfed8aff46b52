//! The `coursebook` command: arguments in, library call, diagnostics out, exit code.

// Outside tests no unwrap or expect: nothing a user wrote may panic the tool.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

// Rendering allocates many short-lived strings on every thread; mimalloc's per-thread heaps
// cut the allocator's share of a catalogue build (glibc malloc was ~15% of the profile).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use coursebook::merge::{Format, MergeOptions};
use coursebook::{Audience, BuildOptions};

#[derive(Parser)]
#[command(
    name = "coursebook",
    version,
    about = "Build a course website from trainers' notes in Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the build directory (default: site/).
    Build {
        /// The site root: the folder that holds book.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (overrides [build] build-dir).
        #[arg(long)]
        dest: Option<PathBuf>,
        /// Who the site is for; `participant` leaves out every trainer-only part.
        #[arg(long, value_enum, default_value_t = Audience::Trainer)]
        audience: Audience,
        /// Also write site.zip, the whole site in one file, into the build directory.
        #[arg(long)]
        zip: bool,
        /// Also write a package per programme for a learning platform, from the participant
        /// edition: `cc` (<programme>.imscc, IMS Common Cartridge 1.3), `scorm12`
        /// (<programme>-scorm12.zip, SCORM 1.2). Repeat or separate with commas.
        #[arg(long, value_enum, value_delimiter = ',')]
        lms: Vec<coursebook::lms::Kind>,
    },
    /// Fill a letter template once per row of a participant list (CSV).
    Merge {
        /// The letter template: content/<programme>/letters/<name>.md, or its name
        /// (`certificate`) when run inside the site.
        letter: PathBuf,
        /// The participant list: a CSV whose header names the letter's fields.
        #[arg(long)]
        data: PathBuf,
        /// The folder for the letters (default: <name>-letters).
        #[arg(long)]
        out: Option<PathBuf>,
        /// The kind of document to write.
        #[arg(long, value_enum, default_value_t = Format::Docx)]
        format: Format,
        /// A delivery of the programme (`deliveries/<id>.md`): its dates, venue, start,
        /// trainers, contact hours and sessions fill the letter's built-ins.
        #[arg(long)]
        delivery: Option<String>,
    },
    /// Each day's sign-in sheet filled with the names on a participant list (CSV), and who
    /// attended which days when the list says: pages to print, written outside the site.
    Register {
        /// The participant list: a `name` column (else the first), maybe `organisation`,
        /// and `attended` or a column per day (`Day 1`, ...) with yes/no.
        #[arg(long)]
        data: PathBuf,
        /// The programme's folder name (needed when the site has several).
        #[arg(long)]
        programme: Option<String>,
        /// The folder for the pages (default: <programme>-register).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check the site as `build` would, writing nothing; report every problem at its line.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings as errors (exit 1 when there are any).
        #[arg(long)]
        deny_warnings: bool,
        /// `human`: path:line:col: error: message; `json`: one object for editors and CI.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        #[arg(long, value_enum, default_value_t = Audience::Trainer)]
        audience: Audience,
    },
    /// Serve the site with live reload while you edit; nothing is written to disk.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 3000)]
        port: u16,
        /// Address to listen on; anything but loopback exposes your notes to the network.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        #[arg(long, value_enum, default_value_t = Audience::Trainer)]
        audience: Audience,
    },
    /// Start a new site (book.toml, a programme, three sessions, a letter) in DIR.
    Init {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Add a file to the site.
    #[command(subcommand)]
    New(New),
    /// Write another tool's lesson or book as a programme of this site (nothing is overwritten).
    #[command(subcommand)]
    Import(coursebook::import::Command),
}

#[derive(Subcommand)]
enum New {
    /// A session file with complete front matter, numbered to come last in its day.
    Session {
        /// The session's title.
        title: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Programme folder under content/ (may be left out when there is only one).
        #[arg(long)]
        programme: Option<String>,
        #[arg(long, default_value_t = 1)]
        day: u32,
        /// Block id (default: the last block of that day, or the first for a new day).
        #[arg(long)]
        block: Option<String>,
        #[arg(long, default_value = "30m")]
        duration: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Human,
    Json,
}

// Long by design: one arm per subcommand, each turning its arguments into one library call.
fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Import(cmd) => coursebook::import::run(cmd),
        Command::Merge {
            letter,
            data,
            out,
            format,
            delivery,
        } => merge(&MergeOptions {
            letter,
            data,
            out,
            format,
            delivery,
        }),
        Command::Register {
            data,
            programme,
            out,
        } => register(&coursebook::register::RegisterOptions {
            programme,
            data,
            out,
        }),
        Command::Build {
            root,
            dest,
            audience,
            zip,
            mut lms,
        } => {
            lms.sort();
            lms.dedup();
            let opts = BuildOptions {
                root,
                dest,
                audience,
                zip,
                lms,
            };
            match coursebook::build(&opts) {
                Ok(report) => {
                    coursebook::print_problems(&report.diagnostics, Some(&opts.root));
                    let warnings = report.diagnostics.warnings();
                    eprintln!(
                        "wrote {} pages ({} files) to {} in {} ms{}",
                        report.pages,
                        report.files,
                        report.dest.display(),
                        report.elapsed.as_millis(),
                        if warnings > 0 {
                            format!(", {warnings} warning(s)")
                        } else {
                            String::new()
                        }
                    );
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    coursebook::print_problems(&diags, Some(&opts.root));
                    eprintln!(
                        "build failed: {} error(s), {} warning(s); the previous site was left as it was",
                        diags.errors(),
                        diags.warnings()
                    );
                    ExitCode::from(1)
                }
            }
        }
        Command::Check {
            root,
            deny_warnings,
            format,
            audience,
        } => check(&root, deny_warnings, format, audience),
        Command::Serve {
            root,
            port,
            host,
            open,
            audience,
        } => {
            let shown_from = root.clone();
            let opts = coursebook::serve::Options {
                root,
                host,
                port,
                open,
                audience,
            };
            match coursebook::serve::run(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    coursebook::print_diagnostics(&d, Some(&shown_from));
                    ExitCode::from(1)
                }
            }
        }
        Command::Init { dir } => match coursebook::init::init(&dir) {
            Ok(files) => {
                for f in &files {
                    eprintln!("created {}", f.display());
                }
                let cd = if dir == std::path::Path::new(".") {
                    String::new()
                } else {
                    format!("cd {} && ", dir.display())
                };
                eprintln!("\nnext: {cd}coursebook serve --open");
                ExitCode::SUCCESS
            }
            Err(d) => fail(d),
        },
        Command::New(New::Session {
            title,
            root,
            programme,
            day,
            block,
            duration,
        }) => {
            let opts = coursebook::init::NewSession {
                root,
                title,
                programme,
                day,
                block,
                duration,
            };
            match coursebook::init::new_session(&opts) {
                Ok(created) => {
                    println!("{}", created.path.display());
                    for n in &created.notes {
                        eprintln!("note: {n}");
                    }
                    ExitCode::SUCCESS
                }
                Err(d) => fail(d),
            }
        }
    }
}

fn fail(d: coursebook::diagnostics::Diagnostic) -> ExitCode {
    let mut ds = coursebook::diagnostics::Diagnostics::default();
    ds.push(d);
    coursebook::print_diagnostics(&ds, None);
    ExitCode::from(1)
}

fn check(
    root: &std::path::Path,
    deny_warnings: bool,
    format: ReportFormat,
    audience: Audience,
) -> ExitCode {
    let started = std::time::Instant::now();
    let diags = coursebook::check(root, audience);
    let (errors, warnings) = (diags.errors(), diags.warnings());
    match format {
        ReportFormat::Human => {
            coursebook::print_diagnostics(&diags, Some(root));
            let verdict = if errors > 0 || (deny_warnings && warnings > 0) {
                "check failed"
            } else {
                "check passed"
            };
            eprintln!(
                "{verdict}: {errors} error(s), {warnings} warning(s) in {} ms",
                started.elapsed().as_millis()
            );
        }
        ReportFormat::Json => {
            let report = serde_json::json!({
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diags.sorted(),
            });
            println!("{report}");
        }
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn register(opts: &coursebook::register::RegisterOptions) -> ExitCode {
    let here = Some(std::path::Path::new("."));
    let (made, mut diags) = coursebook::register::register(opts);
    let Some(made) = made else {
        coursebook::print_diagnostics(&diags, here);
        eprintln!(
            "register failed: {} error(s), {} warning(s); nothing was written",
            diags.errors(),
            diags.warnings()
        );
        return ExitCode::from(1);
    };
    if let Err(d) = coursebook::register::write(&made, &mut diags) {
        diags.push(d);
        coursebook::print_diagnostics(&diags, here);
        return ExitCode::from(1);
    }
    coursebook::print_diagnostics(&diags, here);
    eprintln!(
        "wrote {} page(s) for {} people to {}",
        made.files.len(),
        made.people,
        made.dir.display()
    );
    ExitCode::SUCCESS
}

fn merge(opts: &MergeOptions) -> ExitCode {
    let (merged, mut diags) = coursebook::merge::merge(opts);
    let Some(merged) = merged else {
        coursebook::print_diagnostics(&diags, Some(std::path::Path::new(".")));
        eprintln!(
            "merge failed: {} error(s), {} warning(s); no letters were written",
            diags.errors(),
            diags.warnings()
        );
        return ExitCode::from(1);
    };
    let written = coursebook::merge::write(&merged, &mut diags);
    if let Err(d) = written {
        diags.push(d);
        coursebook::print_diagnostics(&diags, Some(std::path::Path::new(".")));
        return ExitCode::from(1);
    }
    coursebook::print_diagnostics(&diags, Some(std::path::Path::new(".")));
    eprintln!(
        "wrote {} letter(s) to {}{}{}",
        merged.files.len(),
        merged.dir.display(),
        match merged.skipped {
            0 => String::new(),
            n => format!(
                "; skipped {n} row(s) of people who did not attend (no certificate; see the notes above)"
            ),
        },
        match diags.warnings() {
            0 => String::new(),
            w => format!(", {w} warning(s)"),
        }
    );
    ExitCode::SUCCESS
}
