//! `unxref stats INPUT...` — what a citation graph holds: nodes and edges
//! per kind and per year, corpus vs external, components, flagged edges.
//!
//! Table and Markdown print three tables (summary, per kind, per year). CSV
//! and JSON Lines print one listing with the columns
//! `section,key,value,nodes,in_corpus,edges_out,edges_in`: `summary` rows
//! fill `value`, `kind` and `year` rows the four counts.

use super::graph_args::{Cell, InputArgs, load, to_stdout, write_rows};
use super::{Format, Status};
use crate::analysis::stats::{GraphStats, GroupCount, stats};
use crate::error::Result;

/// Arguments of `unxref stats`.
#[derive(Debug, Clone, clap::Args)]
pub struct StatsArgs {
    /// Inputs and output options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// The summary lines, in print order.
pub fn summary(s: &GraphStats) -> Vec<(&'static str, Cell)> {
    vec![
        ("nodes", Cell::Int(s.nodes as i64)),
        ("edges", Cell::Int(s.edges as i64)),
        ("mentions", Cell::num(s.mentions)),
        ("in_corpus", Cell::Int(s.in_corpus as i64)),
        ("external", Cell::Int(s.external as i64)),
        ("weak_components", Cell::Int(s.weak_components as i64)),
        ("largest_weak_component", Cell::Int(s.largest_weak as i64)),
        ("strong_components", Cell::Int(s.strong_components as i64)),
        (
            "cyclic_strong_components",
            Cell::Int(s.cyclic_components as i64),
        ),
        (
            "largest_strong_component",
            Cell::Int(s.largest_strong as i64),
        ),
        ("flagged_edges", Cell::Int(s.flagged_edges as i64)),
    ]
}

fn counts(c: &GroupCount) -> [Cell; 4] {
    [
        Cell::Int(c.nodes as i64),
        Cell::Int(c.in_corpus as i64),
        Cell::Int(c.edges_out as i64),
        Cell::Int(c.edges_in as i64),
    ]
}

/// Runs `unxref stats`.
pub fn run(args: &StatsArgs) -> Result<Status> {
    let (loaded, failed) = load(&args.input)?;
    let s = stats(&loaded.graph);
    let groups: Vec<(&str, String, [Cell; 4])> = s
        .per_kind
        .iter()
        .map(|(k, c)| ("kind", k.clone(), counts(c)))
        .chain(s.per_year.iter().map(|(y, c)| {
            (
                "year",
                y.map_or_else(|| "unknown".into(), |y| y.to_string()),
                counts(c),
            )
        }))
        .collect();
    let format = args.input.format();
    to_stdout(|w| match format {
        Format::Table | Format::Markdown => {
            let rows: Vec<Vec<Cell>> = summary(&s)
                .into_iter()
                .map(|(k, v)| vec![Cell::text(k), v])
                .collect();
            write_rows(w, format, &["measure", "value"], &rows)?;
            for section in ["kind", "year"] {
                writeln!(w)?;
                let rows: Vec<Vec<Cell>> = groups
                    .iter()
                    .filter(|g| g.0 == section)
                    .map(|(_, k, c)| {
                        let mut r = vec![Cell::Text(k.clone())];
                        r.extend(c.iter().cloned());
                        r
                    })
                    .collect();
                write_rows(
                    w,
                    format,
                    &[section, "nodes", "in_corpus", "edges_out", "edges_in"],
                    &rows,
                )?;
            }
            Ok(())
        }
        Format::Csv | Format::Jsonl => {
            let mut rows: Vec<Vec<Cell>> = summary(&s)
                .into_iter()
                .map(|(k, v)| {
                    vec![
                        Cell::text("summary"),
                        Cell::text(k),
                        v,
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Empty,
                    ]
                })
                .collect();
            for (section, k, c) in &groups {
                let mut r = vec![Cell::text(*section), Cell::Text(k.clone()), Cell::Empty];
                r.extend(c.iter().cloned());
                rows.push(r);
            }
            write_rows(
                w,
                format,
                &[
                    "section",
                    "key",
                    "value",
                    "nodes",
                    "in_corpus",
                    "edges_out",
                    "edges_in",
                ],
                &rows,
            )
        }
    })?;
    Ok(Status::from_failures(failed))
}
