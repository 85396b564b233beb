//! `unxref export INPUT... --format F -o PATH` — the citation graph (or the
//! part of it the filters keep) as DOT/SVG/PNG, Gephi CSV, GEXF, GraphML,
//! node-link JSON or VOSviewer files.

use super::{Status, note};
use crate::error::{Error, Result};
use crate::export::render::{self, Picture, RenderError};
use crate::export::{Filter, Scores, View, dot, gephi, gexf, graphml, html, json, vosviewer};
use crate::graph::input::{LoadOptions, Loaded, load_inputs};
use crate::model::Kind;
use crate::output::{Staging, write_atomic};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT (streamed; any size).
    Dot,
    /// SVG map drawn by Graphviz.
    Svg,
    /// PNG map drawn by Graphviz.
    Png,
    /// Gephi spreadsheet import: `-o` is a folder that gets nodes.csv and edges.csv.
    #[value(alias = "csv")]
    Gephi,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// GraphML (Gephi, yEd, networkx, igraph).
    Graphml,
    /// Node-link JSON (networkx `node_link_graph`, D3).
    Json,
    /// VOSviewer: `-o` is a folder that gets vosviewer_map.txt and vosviewer_network.txt.
    Vosviewer,
    /// The explorable map: one self-contained HTML page (`-` writes it to standard output).
    Html,
}

/// The filters shared by every format.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Keep only texts of these kinds (comma-separated: ga-resolution, sc-resolution, treaty, …).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    pub kind: Vec<Kind>,
    /// Keep only texts of this year or later (texts of unknown year are dropped).
    #[arg(long)]
    pub since: Option<i32>,
    /// Keep only texts of this year or earlier (texts of unknown year are dropped).
    #[arg(long)]
    pub until: Option<i32>,
    /// Keep only the N most central texts (PageRank) and the citations among them.
    #[arg(long)]
    pub top: Option<usize>,
    /// Keep only the neighbourhood of this text, citing and cited (`72/194`, `2178 (2014)`).
    #[arg(long)]
    pub ego: Option<String>,
    /// Depth of the --ego neighbourhood.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Keep only citation links with at least this many mentions.
    #[arg(long, value_parser = parse_weight)]
    pub min_weight: Option<f64>,
}

impl FilterArgs {
    /// The library filter these arguments describe.
    pub fn to_filter(&self) -> Filter {
        Filter {
            kinds: self.kind.clone(),
            since: self.since,
            until: self.until,
            min_weight: self.min_weight,
            ego: self.ego.clone(),
            depth: self.depth,
            top: self.top,
        }
    }
}

/// Parses a `--kind` value.
pub fn parse_kind(s: &str) -> std::result::Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind {s:?}: use one of {}", names.join(", "))
    })
}

/// Parses a `--min-weight` value: a finite number, zero or more.
pub fn parse_weight(s: &str) -> std::result::Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(w) if w.is_finite() && w >= 0.0 => Ok(w),
        _ => Err(format!("{s:?} is not a weight: give a number, 0 or more")),
    }
}

/// Arguments of `unxref export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// Corpus files and folders (extracted on the fly), saved graphs or edge-list CSVs.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file (a folder for gephi and vosviewer); `-` writes dot, gexf,
    /// graphml or json to standard output.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Which part of the graph to export.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Graphviz layout engine for svg/png (default: dot up to 400 nodes, sfdp above).
    #[arg(long)]
    pub engine: Option<String>,
    /// Render svg/png even above 1,500 nodes.
    #[arg(long)]
    pub force: bool,
    /// GEXF: give each text its year as `start` (dynamic graph for Gephi's timeline).
    #[arg(long)]
    pub dynamic: bool,
    /// HTML: most texts drawn (the highest PageRank kept beyond that).
    #[arg(long, default_value_t = html::DEFAULT_HTML_MAX_NODES)]
    pub html_max_nodes: usize,
    /// Corpus reading options.
    #[command(flatten)]
    pub reading: super::CorpusArgs,
}

/// Loads the inputs of a graph command and reports notes and errors on stderr.
pub fn load(inputs: &[PathBuf], reading: &super::CorpusArgs) -> Result<Loaded> {
    let loaded = load_inputs(
        inputs,
        &LoadOptions {
            extract: reading.extract_options(),
        },
    )?;
    for n in &loaded.notes {
        note(reading.quiet, n);
    }
    for e in &loaded.errors {
        eprintln!("unxref: {e}");
    }
    if !loaded.errors.is_empty() && loaded.graph.node_count() == 0 {
        return Err(Error::Usage("no input could be used".into()));
    }
    Ok(loaded)
}

/// Writes `fill` to `path` atomically, or to standard output when `path` is `-`.
pub fn write_to<F>(path: &Path, fill: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    if path.as_os_str() == "-" {
        let stdout = io::stdout();
        let mut lock = io::BufWriter::new(stdout.lock());
        return match fill(&mut lock).and_then(|_| lock.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(Error::Write {
                path: "<stdout>".into(),
                source: e,
            }),
        };
    }
    write_atomic(path, fill)
}

/// Renders `view` to `path` as an SVG or PNG picture with `engine`.
pub fn render_to(
    path: &Path,
    view: &View,
    opts: &dot::DotOptions,
    engine: &str,
    picture: Picture,
) -> Result<()> {
    let mut staging = Staging::new();
    render_staged(&mut staging, path, view, opts, engine, picture)?;
    staging.commit()
}

/// Renders `view` into `path`'s temporary in `staging` (renamed into place
/// when the staging is committed).
pub fn render_staged(
    staging: &mut Staging,
    path: &Path,
    view: &View,
    opts: &dot::DotOptions,
    engine: &str,
    picture: Picture,
) -> Result<()> {
    if !render::available(engine) {
        return Err(crate::export::ExportError::GraphvizMissing {
            engine: engine.into(),
        }
        .into());
    }
    let mut failure = None;
    let written = staging.write(path, |w| {
        render::render(engine, picture, &|d| dot::write_dot(d, view, opts), w).map_err(
            |e| match e {
                RenderError::Io(e) => e,
                RenderError::Export(x) => {
                    let msg = x.to_string();
                    failure = Some(x);
                    io::Error::other(msg)
                }
            },
        )
    });
    match (written, failure) {
        (_, Some(x)) => Err(x.into()),
        (r, None) => r,
    }
}

fn folder(path: &Path) -> Result<()> {
    crate::output::create_folder(path)
}

/// The title of an HTML map: "Citation map of " and the inputs' names.
pub fn html_title(inputs: &[PathBuf]) -> String {
    let names: Vec<String> = inputs
        .iter()
        .map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string())
        })
        .collect();
    format!("Citation map of {}", names.join(", "))
}

/// Runs `unxref export`.
pub fn run(args: &ExportArgs) -> Result<Status> {
    let loaded = load(&args.inputs, &args.reading)?;
    let g = &loaded.graph;
    let scores = Scores::compute(g);
    let view = View::filtered(g, &scores, &args.filter.to_filter())?;
    let out = &args.output;
    match args.format {
        ExportFormat::Dot => write_to(out, |w| {
            dot::write_dot(w, &view, &dot::DotOptions::default())
        })?,
        ExportFormat::Svg | ExportFormat::Png => {
            render::check_size(view.node_count(), args.force)?;
            let engine = render::choose_engine(view.node_count(), args.engine.as_deref());
            let picture = if args.format == ExportFormat::Svg {
                Picture::Svg
            } else {
                Picture::Png
            };
            let opts = dot::DotOptions {
                time_axis: engine == "dot",
                ..dot::DotOptions::default()
            };
            render_to(out, &view, &opts, &engine, picture)?;
        }
        ExportFormat::Gephi => {
            folder(out)?;
            let mut files = Staging::new();
            files.write(&out.join("nodes.csv"), |w| gephi::write_nodes(w, &view))?;
            files.write(&out.join("edges.csv"), |w| gephi::write_edges(w, &view))?;
            files.commit()?;
        }
        ExportFormat::Gexf => write_to(out, |w| {
            gexf::write_gexf(
                w,
                &view,
                &gexf::GexfOptions {
                    dynamic: args.dynamic,
                },
            )
        })?,
        ExportFormat::Graphml => write_to(out, |w| graphml::write_graphml(w, &view))?,
        ExportFormat::Json => write_to(out, |w| json::write_json(w, &view))?,
        ExportFormat::Html => {
            let opts = html::HtmlOptions {
                title: html_title(&args.inputs),
                max_nodes: args.html_max_nodes,
                ..html::HtmlOptions::default()
            };
            write_to(out, |w| html::write_html(w, &view, &opts))?
        }
        ExportFormat::Vosviewer => {
            folder(out)?;
            let mut files = Staging::new();
            files.write(&out.join("vosviewer_map.txt"), |w| {
                vosviewer::write_map(w, &view)
            })?;
            files.write(&out.join("vosviewer_network.txt"), |w| {
                vosviewer::write_network(w, &view)
            })?;
            files.commit()?;
        }
    }
    note(
        args.reading.quiet,
        &format!(
            "exported {} texts and {} citation links to {}",
            view.node_count(),
            view.edge_count(),
            out.display()
        ),
    );
    Ok(Status::from_failures(!loaded.errors.is_empty()))
}
