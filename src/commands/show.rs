//! `unxref show ID INPUT...` — one text: its attributes, degrees, PageRank
//! and rank, top citers and top cited.
//!
//! Table and Markdown print three tables (attributes, top citers, top
//! cited). CSV and JSON Lines print one listing with the columns
//! `section,key,value,title`: `section` is `attribute` (key = field name),
//! `top-citer` or `top-cited` (key = id, value = weight of the edge).

use super::graph_args::{Cell, InputArgs, load, to_stdout, write_rows};
use super::{Format, Status};
use crate::analysis::query::rank_position;
use crate::analysis::{PageRankOptions, pagerank};
use crate::error::Result;
use crate::graph::CitationGraph;
use crate::graph::resolve_id::resolve;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

/// Arguments of `unxref show`.
#[derive(Debug, Clone, clap::Args)]
pub struct ShowArgs {
    /// The text, as you would type it (`72/194`, `S/RES/2178 (2014)`).
    pub id: String,
    /// Inputs and output options.
    #[command(flatten)]
    pub input: InputArgs,
    /// How many top citers and top cited texts to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}

/// The neighbours of `n` in `dir`, heaviest edge first (ties by id), at
/// most `top`, with the edge weight.
pub fn top_neighbours(
    g: &CitationGraph,
    n: NodeIndex,
    dir: Direction,
    top: usize,
) -> Vec<(NodeIndex, f64)> {
    let mut v: Vec<(NodeIndex, f64)> = g
        .graph
        .edges_directed(n, dir)
        .map(|e| {
            let m = if dir == Direction::Incoming {
                e.source()
            } else {
                e.target()
            };
            (m, e.weight().weight)
        })
        .collect();
    v.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| g.meta(a.0).id.cmp(&g.meta(b.0).id))
    });
    v.truncate(top);
    v
}

/// Runs `unxref show`.
pub fn run(args: &ShowArgs) -> Result<Status> {
    let (loaded, failed) = load(&args.input)?;
    let g = &loaded.graph;
    let n = resolve(g, &args.id)?;
    let m = g.meta(n);
    let pr = pagerank(&g.graph, &PageRankOptions::default());
    let weighted = |dir| -> f64 {
        g.graph
            .edges_directed(n, dir)
            .map(|e| e.weight().weight)
            .sum()
    };
    let mut attrs: Vec<(&str, Cell)> = vec![
        ("id", Cell::Text(m.id.clone())),
        ("kind", Cell::kind(m.kind)),
        ("title", Cell::text(m.title.clone())),
        ("year", Cell::year(m.year)),
        ("date", Cell::text(m.date.clone())),
        (
            "body",
            m.body
                .map_or(Cell::Empty, |b| Cell::Text(b.as_str().into())),
        ),
        (
            "lang",
            m.lang
                .map_or(Cell::Empty, |l| Cell::Text(l.as_str().into())),
        ),
        ("in_corpus", Cell::Bool(m.in_corpus)),
        ("file", Cell::text(m.file.clone())),
        (
            "cited_by",
            Cell::Int(g.graph.edges_directed(n, Direction::Incoming).count() as i64),
        ),
        (
            "cites",
            Cell::Int(g.graph.edges_directed(n, Direction::Outgoing).count() as i64),
        ),
        (
            "mentions_received",
            Cell::num(weighted(Direction::Incoming)),
        ),
        ("mentions_made", Cell::num(weighted(Direction::Outgoing))),
        ("pagerank", Cell::Num(pr[n.index()])),
        ("pagerank_rank", Cell::Int(rank_position(g, &pr, n) as i64)),
        ("nodes", Cell::Int(g.node_count() as i64)),
    ];
    // Attributes from metadata files (draft, vote totals, …).
    for (k, v) in &m.attrs {
        attrs.push((k.as_str(), Cell::text(v.clone())));
    }
    let citers = top_neighbours(g, n, Direction::Incoming, args.top);
    let cited = top_neighbours(g, n, Direction::Outgoing, args.top);
    let list = |v: &[(NodeIndex, f64)]| -> Vec<Vec<Cell>> {
        v.iter()
            .map(|&(o, w)| {
                let om = g.meta(o);
                vec![
                    Cell::Text(om.id.clone()),
                    Cell::year(om.year),
                    Cell::text(om.title.clone()),
                    Cell::num(w),
                ]
            })
            .collect()
    };
    let format = args.input.format();
    to_stdout(|w| match format {
        Format::Table | Format::Markdown => {
            let rows: Vec<Vec<Cell>> = attrs
                .iter()
                .map(|(k, v)| vec![Cell::text(*k), v.clone()])
                .collect();
            write_rows(w, format, &["field", "value"], &rows)?;
            for (name, v) in [("top citers", &citers), ("top cited", &cited)] {
                writeln!(w)?;
                if format == Format::Markdown {
                    writeln!(w, "### {name}\n")?;
                } else {
                    writeln!(w, "{name}:")?;
                }
                write_rows(w, format, &["id", "year", "title", "weight"], &list(v))?;
            }
            Ok(())
        }
        Format::Csv | Format::Jsonl => {
            let mut rows: Vec<Vec<Cell>> = attrs
                .iter()
                .map(|(k, v)| {
                    vec![
                        Cell::text("attribute"),
                        Cell::text(*k),
                        v.clone(),
                        Cell::Empty,
                    ]
                })
                .collect();
            for (section, v) in [("top-citer", &citers), ("top-cited", &cited)] {
                for &(o, wt) in v.iter() {
                    rows.push(vec![
                        Cell::text(section),
                        Cell::Text(g.meta(o).id.clone()),
                        Cell::num(wt),
                        Cell::text(g.meta(o).title.clone()),
                    ]);
                }
            }
            write_rows(w, format, &["section", "key", "value", "title"], &rows)
        }
    })?;
    Ok(Status::from_failures(failed))
}
