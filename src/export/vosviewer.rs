//! VOSviewer's map and network files (tab-separated text).
//!
//! - Map file: header `id label description weight<Citations>
//!   weight<PageRank> [score<Year>]`; ids are the integers 1..n (VOSviewer
//!   requires numeric ids), `label` the short id, `description` the
//!   canonical id and title. `weight<Citations>` is the number of citing
//!   texts, `weight<PageRank>` PageRank × 1000. `score<Year>` (colours the
//!   overlay view) is written only when every node has a year, since
//!   VOSviewer has no "missing" score.
//! - Network file: `id1 id2 strength`, no header, strength = mentions.
//!   VOSviewer treats links as undirected (it adds up both directions).

use super::View;
use super::text::{float, one_line, short_label};
use std::io::{self, Write};

/// A field without tabs or newlines.
fn cell(s: &str) -> String {
    one_line(s).replace('"', "'")
}

/// Writes the VOSviewer map file.
pub fn write_map(w: &mut dyn Write, view: &View) -> io::Result<()> {
    let with_year = !view.nodes.is_empty()
        && view
            .nodes
            .iter()
            .all(|&n| view.graph.meta(n).year.is_some());
    write!(
        w,
        "id\tlabel\tdescription\tweight<Citations>\tweight<PageRank>"
    )?;
    if with_year {
        write!(w, "\tscore<Year>")?;
    }
    writeln!(w)?;
    for (i, &n) in view.nodes.iter().enumerate() {
        let m = view.graph.meta(n);
        let title = one_line(&m.title);
        let description = if title.is_empty() {
            m.id.clone()
        } else {
            format!("{}: {title}", m.id)
        };
        write!(
            w,
            "{}\t{}\t{}\t{}\t{}",
            i + 1,
            cell(&short_label(&m.id)),
            cell(&description),
            view.in_degree(n),
            float(view.pagerank(n) * 1000.0)
        )?;
        if with_year {
            write!(w, "\t{}", m.year.unwrap_or_default())?;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// Writes the VOSviewer network file.
pub fn write_network(w: &mut dyn Write, view: &View) -> io::Result<()> {
    for &(s, t, e) in &view.edges {
        writeln!(
            w,
            "{}\t{}\t{}",
            s + 1,
            t + 1,
            float(view.graph.graph[e].weight)
        )?;
    }
    Ok(())
}
