//! Rendering DOT to SVG or PNG through the Graphviz binaries.
//!
//! The DOT text is streamed into the engine's standard input from one thread
//! while its output is copied into the (atomic) output file, so neither side
//! is held in memory. `dot` (layered, shows the direction of time) is used up
//! to [`DOT_MAX_NODES`] nodes, `sfdp` (force-directed, scales) above;
//! `dot` took 24 s on 1,000 nodes and over 120 s on 3,000 here, `sfdp` 0.5 s
//! and 1.6 s (see `/work/shared/reference/tools-notes.md`).

use super::ExportError;
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

/// Above this many nodes the default engine is `sfdp` instead of `dot`.
pub const DOT_MAX_NODES: usize = 400;

/// Above this many nodes a picture is unreadable (and slow to lay out):
/// rendering asks for `--top`/`--ego` or `--force`.
pub const RENDER_MAX_NODES: usize = 1500;

/// The picture formats Graphviz writes for us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    /// Scalable vector graphics (tooltips work in a browser).
    Svg,
    /// Bitmap.
    Png,
}

impl Picture {
    fn flag(self) -> &'static str {
        match self {
            Picture::Svg => "-Tsvg",
            Picture::Png => "-Tpng",
        }
    }
}

/// The engine to use for `nodes` nodes: `engine` when given, else `dot` for
/// small graphs and `sfdp` for large ones.
pub fn choose_engine(nodes: usize, engine: Option<&str>) -> String {
    match engine {
        Some(e) => e.to_string(),
        None if nodes <= DOT_MAX_NODES => "dot".into(),
        None => "sfdp".into(),
    }
}

/// Refuses to render more than [`RENDER_MAX_NODES`] nodes unless `force`.
pub fn check_size(nodes: usize, force: bool) -> Result<(), ExportError> {
    if nodes > RENDER_MAX_NODES && !force {
        return Err(ExportError::TooLarge {
            nodes,
            limit: RENDER_MAX_NODES,
        });
    }
    Ok(())
}

/// True when the Graphviz engine `engine` can be run.
pub fn available(engine: &str) -> bool {
    Command::new(engine)
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Runs `engine` on the DOT that `write_dot` produces and copies the picture
/// into `out`. Errors: [`ExportError::GraphvizMissing`] when the engine is not
/// installed, [`ExportError::Render`] when it exits with an error, and I/O
/// errors on the pipes or on `out`.
pub fn render(
    engine: &str,
    picture: Picture,
    write_dot: &(dyn Fn(&mut dyn Write) -> io::Result<()> + Sync),
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    let mut cmd = Command::new(engine);
    cmd.arg(picture.flag());
    if engine != "dot" {
        // force-directed engines overlap nodes unless told not to
        cmd.args(["-Goverlap=prism", "-Gsplines=false"]);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                RenderError::Export(ExportError::GraphvizMissing {
                    engine: engine.into(),
                })
            } else {
                RenderError::Io(e)
            }
        })?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let (fed, copied, errtext) = std::thread::scope(|s| {
        let feeder = s.spawn(move || {
            let mut bw = io::BufWriter::new(&mut stdin);
            let r = write_dot(&mut bw).and_then(|_| bw.flush());
            drop(bw);
            drop(stdin);
            r
        });
        let err_reader = s.spawn(move || {
            let mut t = String::new();
            let _ = stderr.read_to_string(&mut t);
            t
        });
        let copied = io::copy(&mut stdout, out);
        // if writing `out` failed, closing the pipe stops Graphviz (and so
        // the feeder) instead of leaving both blocked on full pipes
        drop(stdout);
        (
            feeder
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("DOT writer panicked"))),
            copied,
            err_reader.join().unwrap_or_default(),
        )
    });
    let status = child.wait().map_err(RenderError::Io)?;
    // a failure to write the picture is the root cause of anything after it
    copied.map_err(RenderError::Io)?;
    if !status.success() {
        let message: Vec<&str> = errtext.lines().take(3).collect();
        return Err(RenderError::Export(ExportError::Render {
            engine: engine.into(),
            message: if message.is_empty() {
                status.to_string()
            } else {
                message.join(" / ")
            },
        }));
    }
    // A broken pipe on stdin after a successful exit cannot happen with
    // Graphviz (it reads everything first); other write errors are real.
    fed.map_err(RenderError::Io)?;
    Ok(())
}

/// Why rendering failed: Graphviz itself, or I/O.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Graphviz missing or failing.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// Reading from or writing to Graphviz or the output file failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_and_size_rules() {
        assert_eq!(choose_engine(10, None), "dot");
        assert_eq!(choose_engine(5000, None), "sfdp");
        assert_eq!(choose_engine(10, Some("neato")), "neato");
        assert!(check_size(1500, false).is_ok());
        assert!(check_size(1501, true).is_ok());
        let e = check_size(1501, false).unwrap_err().to_string();
        assert!(e.contains("--top") && e.contains("--force"), "{e}");
    }

    struct Failing;
    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("disk full"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn output_error_is_returned() {
        if !available("dot") {
            println!("note: Graphviz `dot` is not installed; test skipped");
            return;
        }
        let e = render(
            "dot",
            Picture::Svg,
            &|w| w.write_all(b"digraph { a -> b }"),
            &mut Failing,
        )
        .unwrap_err();
        assert!(e.to_string().contains("disk full"), "{e}");
    }

    #[test]
    fn missing_engine_is_a_clear_error() {
        let mut out = Vec::new();
        let e = render(
            "unxref-no-such-engine",
            Picture::Svg,
            &|w| w.write_all(b"digraph{}"),
            &mut out,
        )
        .unwrap_err();
        assert!(e.to_string().contains("install Graphviz"), "{e}");
    }
}
