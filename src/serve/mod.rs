//! `coursebook serve`: builds the site into memory, serves it over HTTP, watches the sources
//! and rebuilds what an edit touches; open pages reload by themselves. A content error never
//! stops the server: it keeps the last good site and shows the error in the browser and the
//! terminal. Nothing is written to the build directory.

mod engine;
pub mod host;
pub mod http;
pub mod listen;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

pub use engine::{Body, Engine, Files, Rebuilt};
use http::{Shared, Status};

use crate::Audience;
use crate::diagnostics::{self, Diagnostic, Diagnostics};

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
    pub open: bool,
    pub audience: Audience,
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Waits until the server stops (Ctrl-C).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn single(d: Diagnostic) -> Diagnostics {
    let mut ds = Diagnostics::default();
    ds.push(d);
    ds
}

/// Whether `host` is a loopback address (or `localhost`).
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(|c| c == '[' || c == ']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn log(line: &str) {
    eprintln!("{line}");
}

fn print_all(diags: &[Diagnostic], root: &std::path::Path) {
    let mut printer = diagnostics::Printer::new(Some(root), diagnostics::colour_stderr());
    let ds = Diagnostics {
        items: diags.to_vec(),
    };
    for d in ds.sorted() {
        eprintln!("{}", printer.render(d));
    }
}

/// Builds, binds and starts serving and watching. `signals`: stop on Ctrl-C.
// Long by design: the server's start in order (first build, bind, routes, watcher,
// rebuild loop, signals), each step a few lines that hand their parts to the next.
pub fn start(opts: &Options, signals: bool) -> Result<Server, Diagnostics> {
    let root = std::fs::canonicalize(&opts.root).map_err(|e| {
        single(
            Diagnostic::error(
                opts.root.display().to_string(),
                format!("cannot open the site root: {e}"),
            )
            .hint("pass --root with the folder that holds book.toml"),
        )
    })?;
    let mut engine = Engine::new(&root, opts.audience);
    let first = engine.rebuild(true);
    // Without a readable book.toml there is nothing to watch: stop here.
    let Some(config) = engine.config().cloned() else {
        return Err(first.err().unwrap_or_default());
    };
    let mut warnings = Vec::new();
    let status = match first {
        Ok(r) => {
            print_all(&r.warnings, &root);
            warnings = r.warnings;
            let pages = r.files.keys().filter(|p| p.ends_with(".html")).count();
            log(&format!(
                "built {pages} pages ({} files) in {} ms",
                r.files.len(),
                r.elapsed.as_millis()
            ));
            Status {
                generation: 1,
                files: r.files,
                errors: Vec::new(),
            }
        }
        Err(d) => {
            print_all(&d.items, &root);
            log(&format!(
                "the site has {} error(s); serving them until they are fixed",
                d.errors()
            ));
            Status {
                generation: 0,
                files: Arc::default(),
                errors: d.items,
            }
        }
    };

    if !is_loopback(&opts.host) {
        log(&format!(
            "warning: listening on {}, not loopback: anyone who can reach this machine can read the site, trainer notes included",
            opts.host
        ));
    }
    let host = opts.host.trim_matches(|c| c == '[' || c == ']');
    let listener = TcpListener::bind((host, opts.port))
        .and_then(|l| l.set_nonblocking(true).map(|_| l))
        .map_err(|e| {
            single(
                Diagnostic::error("", format!("cannot listen on {host}:{}: {e}", opts.port))
                    .hint("pick another port with --port, or stop the program that uses it"),
            )
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| single(Diagnostic::error("", format!("cannot listen: {e}"))))?;

    let (tx, _) = tokio::sync::watch::channel(Arc::new(status));
    let watched = watch::Watched {
        src: root.join(&config.src),
        themes: root.join("themes"),
        root: root.clone(),
    };
    let (watcher, events) = watch::start(&watched).map_err(single)?;
    spawn_rebuilder(engine, watched, watcher, events, tx.clone(), warnings);

    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let app = http::router(tx, host::Allowed::new(&opts.host, addr.port()));
    let thread = std::thread::Builder::new()
        .name("coursebook-http".into())
        .spawn(move || {
            let rt = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    log(&format!("error: cannot start the server: {e}"));
                    return;
                }
            };
            rt.block_on(async move {
                let listener = match tokio::net::TcpListener::from_std(listener) {
                    Ok(l) => l,
                    Err(e) => {
                        log(&format!("error: cannot listen: {e}"));
                        return;
                    }
                };
                let ctrl_c = async {
                    if signals {
                        let _ = tokio::signal::ctrl_c().await;
                    } else {
                        std::future::pending::<()>().await;
                    }
                };
                // No graceful shutdown: event streams never end by themselves.
                tokio::select! {
                    _ = listen::serve(listener, app) => {}
                    _ = stop_rx => {}
                    _ = ctrl_c => {}
                }
            });
            rt.shutdown_background();
        })
        .map_err(|e| {
            single(Diagnostic::error(
                "",
                format!("cannot start the server: {e}"),
            ))
        })?;
    Ok(Server {
        addr,
        shutdown: Some(stop_tx),
        thread: Some(thread),
    })
}

/// Rebuilds on each batch of changes, on a thread of its own (rendering is CPU work).
fn spawn_rebuilder(
    mut engine: Engine,
    watched: watch::Watched,
    watcher: watch::Watcher,
    events: std::sync::mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    tx: Shared,
    mut last_warnings: Vec<Diagnostic>,
) {
    let _ = std::thread::Builder::new()
        .name("coursebook-watch".into())
        .spawn(move || {
            let _watcher = watcher;
            while let Ok(batch) = events.recv() {
                let mut change = watched.change_of(&batch);
                // Take whatever else is already waiting, so one save is one rebuild.
                while let Ok(more) = events.try_recv() {
                    let c = watched.change_of(&more);
                    change.full |= c.full;
                    for (p, abs) in c.paths.into_iter().zip(c.abs) {
                        if !change.paths.contains(&p) {
                            change.paths.push(p);
                            change.abs.push(abs);
                        }
                    }
                }
                if change.paths.is_empty() && !change.full {
                    continue;
                }
                let what = change.paths.join(", ");
                let before = tx.borrow().clone();
                engine.forget(&change.abs);
                match engine.rebuild(change.full) {
                    Ok(r) => {
                        if r.warnings != last_warnings {
                            print_all(&r.warnings, &watched.root);
                            last_warnings = r.warnings.clone();
                        }
                        let pages = r.changed.iter().filter(|p| p.ends_with(".html")).count();
                        let fixed = if before.errors.is_empty() {
                            ""
                        } else {
                            "fixed; "
                        };
                        log(&format!(
                            "{what}: {fixed}rebuilt in {} ms, {pages} page(s) changed",
                            r.elapsed.as_millis()
                        ));
                        if let Some(c) = engine.config()
                            && watched.root.join(&c.src) != watched.src
                        {
                            log("note: `src` in book.toml changed: restart `coursebook serve` to watch the new content folder");
                        }
                        let generation = before.generation + u64::from(!r.changed.is_empty());
                        tx.send_replace(Arc::new(Status {
                            generation,
                            files: r.files,
                            errors: Vec::new(),
                        }));
                    }
                    Err(d) => {
                        print_all(&d.items, &watched.root);
                        log(&format!(
                            "{what}: {} error(s); still serving the last good site",
                            d.errors()
                        ));
                        tx.send_replace(Arc::new(Status {
                            generation: before.generation,
                            files: before.files.clone(),
                            errors: d.items,
                        }));
                    }
                }
            }
        });
}

/// Opens `url` in the default browser; failing quietly, since the URL is printed anyway.
fn open_browser(url: &str) {
    let cmd: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let _ = std::process::Command::new(cmd[0])
        .args(&cmd[1..])
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// `coursebook serve`: start, print the URL, run until Ctrl-C.
pub fn run(opts: Options) -> Result<(), Diagnostics> {
    let server = start(&opts, true)?;
    let url = server.url();
    log(&format!("serving {url} (Ctrl-C to stop)"));
    if opts.open {
        open_browser(&url);
    }
    server.wait();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn loopback_hosts() {
        for h in [
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "[::1]",
            "localhost",
            "LOCALHOST",
        ] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["0.0.0.0", "192.168.1.10", "::", "example.org"] {
            assert!(!is_loopback(h), "{h}");
        }
    }
}
