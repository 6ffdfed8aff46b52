//! The `coursebook` command: arguments in, library call, diagnostics out, exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
