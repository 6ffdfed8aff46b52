//! The `coursebook` command: arguments in, library call, diagnostics out, exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
    },
    /// Fill a letter template once per row of a participant list (CSV).
    Merge {
        /// The letter template: content/<programme>/letters/<name>.md.
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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Merge {
            letter,
            data,
            out,
            format,
        } => merge(&MergeOptions {
            letter,
            data,
            out,
            format,
        }),
        Command::Build {
            root,
            dest,
            audience,
            zip,
        } => {
            let opts = BuildOptions {
                root,
                dest,
                audience,
                zip,
            };
            match coursebook::build(&opts) {
                Ok(report) => {
                    coursebook::print_diagnostics(&report.diagnostics);
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
                    coursebook::print_diagnostics(&diags);
                    eprintln!(
                        "build failed: {} error(s), {} warning(s); the previous site was left as it was",
                        diags.errors(),
                        diags.warnings()
                    );
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn merge(opts: &MergeOptions) -> ExitCode {
    let (merged, mut diags) = coursebook::merge::merge(opts);
    let Some(merged) = merged else {
        coursebook::print_diagnostics(&diags);
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
        coursebook::print_diagnostics(&diags);
        return ExitCode::from(1);
    }
    coursebook::print_diagnostics(&diags);
    eprintln!(
        "wrote {} letter(s) to {}{}",
        merged.files.len(),
        merged.dir.display(),
        match diags.warnings() {
            0 => String::new(),
            w => format!(", {w} warning(s)"),
        }
    );
    ExitCode::SUCCESS
}
