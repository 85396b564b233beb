//! DOT (Graphviz) output, written streaming: one line per node and per edge
//! goes straight to the writer, so a full graph with millions of edges never
//! exists as one string (graphviz-rust's printer would build it in memory,
//! ~270 B per edge, and escapes nothing). Every id, label and tooltip goes
//! through [`dot_quote`]; the tests parse the output back with
//! graphviz-rust's parser and render it with `dot`.
//!
//! The drawing: colour and shape by kind ([`super::style`]) with a legend
//! cluster, font size by PageRank, label = short id, tooltip = id, title and
//! year, corpus documents outlined thick and cited-only texts dashed. Edges
//! point from the citing text to the cited one, and `rankdir=BT` puts the
//! cited (older) texts above the citing (newer) ones, so time flows upwards
//! from the bottom of the page. Edges flagged as citing a later text are red.

use super::View;
use super::style::style;
use super::text::{dot_quote, float, one_line, short_label};
use crate::model::Kind;
use std::io::{self, Write};

/// Settings of the DOT output.
#[derive(Debug, Clone, PartialEq)]
pub struct DotOptions {
    /// Title drawn above the map (empty: none).
    pub title: String,
    /// Draw a legend of the kinds present.
    pub legend: bool,
    /// Put texts of the same year on one row, with a year axis on the side
    /// (for the layered `dot` engine; force-directed engines ignore ranks,
    /// so turn it off for them).
    pub time_axis: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            title: String::new(),
            legend: true,
            time_axis: true,
        }
    }
}

/// Writes `view` as a DOT digraph.
pub fn write_dot(w: &mut dyn Write, view: &View, opts: &DotOptions) -> io::Result<()> {
    writeln!(w, "digraph unxref {{")?;
    write!(
        w,
        "  graph [rankdir=BT, newrank=true, outputorder=edgesfirst, ranksep=0.5, nodesep=0.12, fontname=\"Helvetica\", fontsize=14"
    )?;
    if !opts.title.is_empty() {
        write!(w, ", labelloc=t, label={}", dot_quote(&opts.title))?;
    }
    writeln!(w, "];")?;
    writeln!(
        w,
        "  node [style=filled, fontname=\"Helvetica\", fontsize=10, margin=\"0.06,0.03\", height=0.3];"
    )?;
    writeln!(w, "  edge [color=\"#4D4D4D80\", arrowsize=0.5];")?;
    if opts.legend {
        write_legend(w, view)?;
    }
    let max = view.max_pagerank();
    // quoted once per node, reused by every edge
    let quoted: Vec<String> = view
        .nodes
        .iter()
        .map(|&n| dot_quote(&view.graph.meta(n).id))
        .collect();
    if opts.time_axis {
        write_time_axis(w, view, &quoted)?;
    }
    for (i, &n) in view.nodes.iter().enumerate() {
        let m = view.graph.meta(n);
        let st = style(view.kinds[i]);
        // relative importance in [0, 1]; square root spreads the small values
        let f = if max > 0.0 {
            (view.pagerank(n) / max).sqrt()
        } else {
            0.0
        };
        let mut tip = m.id.clone();
        if !m.date.is_empty() {
            tip.push_str(&format!(" ({})", m.date));
        } else if let Some(y) = m.year {
            tip.push_str(&format!(" ({y})"));
        }
        let title = one_line(&m.title);
        if !title.is_empty() {
            tip.push_str(" — ");
            tip.push_str(&title);
        }
        writeln!(
            w,
            "  {} [label={}, tooltip={}, shape={}, fillcolor=\"{}\", fontsize={:.1}, penwidth={}{}];",
            quoted[i],
            dot_quote(&titled_label(&m.id, &title)),
            dot_quote(&tip),
            st.shape,
            st.color,
            9.0 + 13.0 * f,
            if m.in_corpus { "2.2" } else { "0.8" },
            if m.in_corpus {
                ""
            } else {
                ", style=\"filled,dashed\""
            },
        )?;
    }
    for &(s, t, e) in &view.edges {
        let meta = &view.graph.graph[e];
        let width = 0.6 + meta.weight.max(1.0).ln();
        write!(
            w,
            "  {} -> {} [penwidth={}",
            quoted[s as usize],
            quoted[t as usize],
            float((width * 100.0).round() / 100.0)
        )?;
        if meta.flagged {
            write!(w, ", color=\"#D62728\", style=dashed")?;
        }
        writeln!(w, "];")?;
    }
    writeln!(w, "}}")
}

/// Characters of a title shown in a map label.
const LABEL_TITLE_CHARS: usize = 28;

/// A node's label on the map: the short id, then the start of its title
/// cut at a word ("70/1 Transforming our world…").
fn titled_label(id: &str, title: &str) -> String {
    let label = short_label(id);
    if title.is_empty() {
        return label;
    }
    if title.chars().count() <= LABEL_TITLE_CHARS {
        return format!("{label} {title}");
    }
    let cut: String = title.chars().take(LABEL_TITLE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(p) if p > LABEL_TITLE_CHARS / 2 => &cut[..p],
        _ => cut.as_str(),
    };
    format!("{label} {}…", cut.trim_end_matches([' ', ',', ':', ';']))
}

/// One row per year: a year label on the side, chained older above newer
/// by invisible edges, and `rank=same` groups holding that year's texts.
fn write_time_axis(w: &mut dyn Write, view: &View, quoted: &[String]) -> io::Result<()> {
    let mut by_year: Vec<(i32, usize)> = view
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, &n)| view.graph.meta(n).year.map(|y| (y, i)))
        .collect();
    if by_year.is_empty() {
        return Ok(());
    }
    by_year.sort_unstable();
    let mut years: Vec<i32> = by_year.iter().map(|&(y, _)| y).collect();
    years.dedup();
    writeln!(
        w,
        "  node [shape=plaintext, style=solid, fontsize=12, fontcolor=\"#666666\"];"
    )?;
    for y in &years {
        writeln!(w, "  \"year:{y}\" [label=\"{y}\"];")?;
    }
    for pair in years.windows(2) {
        writeln!(
            w,
            "  \"year:{}\" -> \"year:{}\" [style=invis];",
            pair[1], pair[0]
        )?;
    }
    writeln!(
        w,
        "  node [shape=ellipse, style=filled, fontsize=10, fontcolor=black];"
    )?;
    for chunk in by_year.chunk_by(|a, b| a.0 == b.0) {
        write!(
            w,
            "  subgraph \"rank:{0}\" {{ rank=same; \"year:{0}\";",
            chunk[0].0
        )?;
        for &(_, i) in chunk {
            write!(w, " {};", quoted[i])?;
        }
        writeln!(w, " }}")?;
    }
    Ok(())
}

/// The legend: one sample node per kind present, in a cluster.
fn write_legend(w: &mut dyn Write, view: &View) -> io::Result<()> {
    let mut present: Vec<Option<Kind>> = view.kinds.clone();
    present.sort();
    present.dedup();
    if present.is_empty() {
        return Ok(());
    }
    writeln!(
        w,
        "  subgraph cluster_legend {{ label=\"Legend\"; fontsize=13; style=rounded; color=\"#999999\";"
    )?;
    for k in &present {
        let st = style(*k);
        let name = k.map(|k| k.as_str()).unwrap_or("unknown");
        writeln!(
            w,
            "    {} [label={}, shape={}, fillcolor=\"{}\", fontsize=11];",
            dot_quote(&format!("legend:{name}")),
            dot_quote(st.legend),
            st.shape,
            st.color
        )?;
    }
    writeln!(
        w,
        "    \"legend:corpus\" [label=\"in the corpus\", shape=box, fillcolor=\"#FFFFFF\", penwidth=2.2, fontsize=11];"
    )?;
    writeln!(
        w,
        "    \"legend:cited\" [label=\"cited only\", shape=box, fillcolor=\"#FFFFFF\", style=\"filled,dashed\", fontsize=11];"
    )?;
    writeln!(w, "  }}")
}
