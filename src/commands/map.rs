//! `unxref map CORPUS -o out/` — the main job: extracts every citation of a
//! corpus, builds the graph and writes, into one folder, the citations, the
//! Gephi CSVs, GEXF, GraphML, the explorable browser map `map.html`, a DOT
//! and SVG map of the most central texts and the Markdown report; then prints
//! a short summary with the paths.

use super::export::render_staged;
use super::{Status, note};
use crate::analysis::Measure;
use crate::error::{Error, Result};
use crate::export::render::{self, Picture};
use crate::export::report::{self, ReportOptions};
use crate::export::{Scores, View, dot, gephi, gexf, graphml, html};
use crate::extract::Extractor;
use crate::graph::build;
use crate::output::Staging;
use crate::pipeline;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Nodes on the map by default: enough to show a topic's landmarks, few
/// enough that every label stays readable and `dot` lays it out in seconds.
pub const DEFAULT_MAP_TOP: usize = 40;

/// Arguments of `unxref map`.
#[derive(Debug, Clone, clap::Args)]
pub struct MapArgs {
    /// Corpus files and folders (walked recursively).
    #[arg(required = true)]
    pub corpus: Vec<PathBuf>,
    /// Output folder (created when missing).
    #[arg(short, long)]
    pub output: PathBuf,
    /// About how many texts the map shows: two thirds the most central
    /// (PageRank), the rest the corpus documents citing them most.
    #[arg(long, default_value_t = DEFAULT_MAP_TOP)]
    pub top: usize,
    /// Centrality measures listed in the report (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = ReportOptions::default().measures)]
    pub by: Vec<Measure>,
    /// Graphviz layout engine for the map (default: dot up to 400 nodes, sfdp above).
    #[arg(long)]
    pub engine: Option<String>,
    /// Most texts drawn in map.html (the highest PageRank kept beyond that).
    #[arg(long, default_value_t = html::DEFAULT_HTML_MAX_NODES)]
    pub html_max_nodes: usize,
    /// Corpus reading options.
    #[command(flatten)]
    pub reading: super::CorpusArgs,
}

/// A progress bar on stderr when it is a terminal and not `quiet`, else hidden.
fn progress(quiet: bool, len: u64, what: &str) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg:12} {bar:40} {pos}/{len} {elapsed}") {
        pb.set_style(style);
    }
    pb.set_message(what.to_string());
    pb
}

/// Runs `unxref map`.
pub fn run(args: &MapArgs) -> Result<Status> {
    let out = &args.output;
    // said before the corpus is read, not after
    crate::output::check_folder(out)?;
    // a corpus holding the output folder must not read the previous outputs
    crate::input::exclude_folder(out);
    let extractor =
        Extractor::new(args.reading.extract_options()).map_err(|e| Error::Usage(e.to_string()))?;
    let pb = progress(
        args.reading.quiet,
        pipeline::count_files(&args.corpus) as u64,
        "extracting",
    );
    let run = pipeline::extract_corpus(&args.corpus, &extractor, &|| pb.inc(1));
    pb.finish_and_clear();
    super::report_run(&run, args.reading.quiet);
    if run.docs.is_empty() && !run.errors.is_empty() {
        // a mistyped path must not replace the previous outputs with empty ones
        return Err(Error::Usage("no input could be used".into()));
    }
    crate::output::create_folder(out)?;
    let g = build::from_extracted(&run.docs);
    let scores = Scores::compute(&g);
    let all = View::all(&g, &scores);
    let steps = progress(args.reading.quiet, 9, "writing");
    let path = |name: &str| out.join(name);
    // every file goes to its temporary first; all are renamed at the end, so a
    // run failing half-way (disk full) leaves the folder as it was
    let mut files = Staging::new();

    files.write(&path("citations.jsonl"), |w| {
        for c in run.docs.iter().flat_map(|d| d.citations.iter()) {
            serde_json::to_writer(&mut *w, c)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })?;
    steps.inc(1);
    files.write(&path("nodes.csv"), |w| gephi::write_nodes(w, &all))?;
    steps.inc(1);
    files.write(&path("edges.csv"), |w| gephi::write_edges(w, &all))?;
    steps.inc(1);
    files.write(&path("graph.gexf"), |w| {
        gexf::write_gexf(w, &all, &gexf::GexfOptions { dynamic: true })
    })?;
    steps.inc(1);
    files.write(&path("graph.graphml"), |w| graphml::write_graphml(w, &all))?;
    steps.inc(1);

    let html_opts = html::HtmlOptions {
        title: super::export::html_title(&args.corpus),
        max_nodes: args.html_max_nodes,
        ..html::HtmlOptions::default()
    };
    files.write(&path("map.html"), |w| html::write_html(w, &all, &html_opts))?;
    steps.inc(1);

    let map = View::landmarks(&g, &scores, args.top);
    let engine = render::choose_engine(map.node_count(), args.engine.as_deref());
    let dot_opts = dot::DotOptions {
        title: map_title(&args.corpus, map.node_count(), g.node_count()),
        legend: true,
        time_axis: engine == "dot",
    };
    files.write(&path("map.dot"), |w| dot::write_dot(w, &map, &dot_opts))?;
    steps.inc(1);
    let mut svg_note = None;
    if render::available(&engine) {
        render_staged(
            &mut files,
            &path("map.svg"),
            &map,
            &dot_opts,
            &engine,
            Picture::Svg,
        )?;
        steps.inc(1);
    } else {
        svg_note = Some(format!(
            "map.svg skipped: Graphviz `{engine}` is not installed (apt-get install graphviz, brew install graphviz)"
        ));
    }

    let unreadable: Vec<String> = run.errors.iter().map(|e| e.to_string()).collect();
    let r = report::build(
        &g,
        &unreadable,
        &ReportOptions {
            measures: args.by.clone(),
            top: 10,
        },
    );
    files.write(&path("report.md"), |w| report::write_markdown(w, &r))?;
    steps.inc(1);
    let written: Vec<PathBuf> = files.targets().map(Path::to_path_buf).collect();
    files.commit()?;
    steps.finish_and_clear();

    let mut stdout = std::io::stdout().lock();
    let summary = (|| -> std::io::Result<()> {
        writeln!(
            stdout,
            "{} documents, {} citations, {} texts, {} citation links ({} failed inputs)",
            r.documents,
            r.citations,
            g.node_count(),
            g.edge_count(),
            run.errors.len()
        )?;
        for p in &written {
            writeln!(stdout, "  {}", p.display())?;
        }
        Ok(())
    })();
    if let Err(e) = summary
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(Error::Write {
            path: "<stdout>".into(),
            source: e,
        });
    }
    if let Some(n) = svg_note {
        note(args.reading.quiet, &n);
    }
    Ok(Status::from_failures(!run.errors.is_empty()))
}

/// The map's title: what it shows and of what.
fn map_title(corpus: &[PathBuf], shown: usize, total: usize) -> String {
    let names: Vec<String> = corpus
        .iter()
        .map(|p| {
            Path::new(p)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string())
        })
        .collect();
    if shown < total {
        format!(
            "{}: {shown} of {total} texts, the most central (PageRank) and the documents citing them most; arrows point to the cited text, older texts above",
            names.join(", ")
        )
    } else {
        format!(
            "{}: {total} texts; arrows point to the cited text, older texts above",
            names.join(", ")
        )
    }
}
