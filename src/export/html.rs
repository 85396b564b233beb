//! `map.html`: an explorable citation map in one self-contained HTML file.
//!
//! The page holds everything it needs inline — styles, the vendored
//! graph-drawing libraries (graphology and sigma.js, under `assets/vendor/`
//! with their licences, embedded at build time), the page script
//! (`assets/map.js`) and the graph as JSON — so that it opens from
//! `file://` with no network request, and can be mailed.
//!
//! The graph data is written column by column (one array per attribute),
//! with node positions from the deterministic ForceAtlas2 layout of
//! [`super::layout`]: the same graph gives the same file, byte for byte.
//! Each edge carries the passage of its first mention (cue, paragraph and
//! context), which the Details panel shows under "Cited by".

use super::filter::View;
use super::layout::{LayoutOptions, force_atlas2};
use super::style;
use super::text::short_label;
use crate::model::Kind;
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::io::{self, Write};

/// Texts drawn at most, by default: the highest PageRank beyond that.
pub const DEFAULT_HTML_MAX_NODES: usize = 50_000;

const TEMPLATE: &str = include_str!("../../assets/map.html");
const STYLE: &str = include_str!("../../assets/map.css");
const SCRIPT: &str = include_str!("../../assets/map.js");
const GRAPHOLOGY: &str =
    include_str!("../../assets/vendor/graphology-0.26.0/graphology.umd.min.js");
const SIGMA: &str = include_str!("../../assets/vendor/sigma-3.0.2/sigma.min.js");

/// Settings of the HTML map.
#[derive(Debug, Clone)]
pub struct HtmlOptions {
    /// Page title (shown in the header).
    pub title: String,
    /// Most texts drawn; the highest PageRank are kept beyond that.
    pub max_nodes: usize,
    /// Layout settings.
    pub layout: LayoutOptions,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            title: "Citation map".into(),
            max_nodes: DEFAULT_HTML_MAX_NODES,
            layout: LayoutOptions::default(),
        }
    }
}

/// One legend row.
#[derive(Serialize)]
struct KindRow {
    name: &'static str,
    legend: &'static str,
    color: &'static str,
}

/// Node attributes, one array each, by node position.
#[derive(Serialize, Default)]
struct Nodes {
    id: Vec<String>,
    label: Vec<String>,
    kind: Vec<usize>,
    title: Vec<String>,
    year: Vec<Option<i32>>,
    date: Vec<String>,
    body: Vec<&'static str>,
    corpus: Vec<u8>,
    pagerank: Vec<f64>,
    rank: Vec<usize>,
    cited_by: Vec<u32>,
    cites: Vec<u32>,
    x: Vec<f64>,
    y: Vec<f64>,
    size: Vec<f64>,
}

/// Edge attributes, one array each.
#[derive(Serialize, Default)]
struct Edges {
    source: Vec<u32>,
    target: Vec<u32>,
    weight: Vec<f64>,
    cue: Vec<String>,
    paragraph: Vec<String>,
    context: Vec<String>,
}

/// The JSON embedded in the page.
#[derive(Serialize)]
struct Data {
    title: String,
    note: String,
    graph_nodes: usize,
    view_nodes: usize,
    kinds: Vec<KindRow>,
    nodes: Nodes,
    edges: Edges,
}

/// The kinds in legend order; the last row is the unknown kind.
fn kind_rows() -> Vec<KindRow> {
    Kind::ALL
        .iter()
        .map(|&k| Some(k))
        .chain([None])
        .map(|k| {
            let s = style::style(k);
            KindRow {
                name: k.map_or("unknown", Kind::as_str),
                legend: s.legend,
                color: s.color,
            }
        })
        .collect()
}

/// A node's `date` attribute, when the graph's nodes have one (read from
/// the node as serialised, so that it shows as soon as nodes carry it).
fn node_date(m: &crate::graph::NodeMeta) -> String {
    serde_json::to_value(m)
        .ok()
        .and_then(|v| v.get("date").and_then(|d| d.as_str().map(str::to_string)))
        .unwrap_or_default()
}

/// Rounds to one decimal (positions) so the file stays small.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Builds the page data of `view`.
fn build(view: &View, opts: &HtmlOptions) -> Data {
    let g = view.graph;
    let scores = view.scores;
    // Rank of every node of the whole graph by PageRank (ties by id).
    let mut order: Vec<usize> = (0..g.node_count()).collect();
    let pr = |i: usize| scores.pagerank.get(i).copied().unwrap_or(0.0);
    order.sort_by(|&a, &b| {
        pr(b)
            .total_cmp(&pr(a))
            .then_with(|| g.nodes[a].id.cmp(&g.nodes[b].id))
    });
    let mut rank = vec![0usize; g.node_count()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r + 1;
    }
    // Which view positions are drawn.
    let mut keep: Vec<usize> = (0..view.nodes.len()).collect();
    if keep.len() > opts.max_nodes {
        keep.sort_by_key(|&p| rank[view.nodes[p].index()]);
        keep.truncate(opts.max_nodes);
        keep.sort_unstable();
    }
    let mut new_pos = vec![u32::MAX; view.nodes.len()];
    for (k, &p) in keep.iter().enumerate() {
        new_pos[p] = k as u32;
    }
    let edges: Vec<(u32, u32, petgraph::graph::EdgeIndex)> = view
        .edges
        .iter()
        .filter_map(|&(s, t, e)| {
            let (s, t) = (new_pos[s as usize], new_pos[t as usize]);
            (s != u32::MAX && t != u32::MAX).then_some((s, t, e))
        })
        .collect();
    let pairs: Vec<(u32, u32)> = edges.iter().map(|&(s, t, _)| (s, t)).collect();
    let xy = force_atlas2(keep.len(), &pairs, &opts.layout);
    // Centre and scale into ±1000.
    let (mut cx, mut cy) = (0.0, 0.0);
    for &(x, y) in &xy {
        cx += x;
        cy += y;
    }
    let n = xy.len().max(1) as f64;
    (cx, cy) = (cx / n, cy / n);
    let extent = xy
        .iter()
        .map(|&(x, y)| (x - cx).abs().max((y - cy).abs()))
        .fold(1e-9, f64::max);
    let scale = 1000.0 / extent;
    let max_pr = keep
        .iter()
        .map(|&p| pr(view.nodes[p].index()))
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let mut nodes = Nodes::default();
    for (k, &p) in keep.iter().enumerate() {
        let ni: NodeIndex = view.nodes[p];
        let m = g.meta(ni);
        let kind = view.kinds[p];
        let i = ni.index();
        nodes.id.push(m.id.clone());
        nodes.label.push(short_label(&m.id));
        nodes.kind.push(
            kind.and_then(|k| Kind::ALL.iter().position(|&x| x == k))
                .unwrap_or(Kind::ALL.len()),
        );
        nodes.title.push(m.title.clone());
        nodes.year.push(m.year);
        nodes.date.push(node_date(m));
        nodes.body.push(m.body.map_or("", |b| b.as_str()));
        nodes.corpus.push(u8::from(m.in_corpus));
        nodes.pagerank.push(pr(i));
        nodes.rank.push(rank[i]);
        nodes
            .cited_by
            .push(scores.in_degree.get(i).copied().unwrap_or(0));
        nodes
            .cites
            .push(scores.out_degree.get(i).copied().unwrap_or(0));
        nodes.x.push(round1((xy[k].0 - cx) * scale));
        nodes.y.push(round1((xy[k].1 - cy) * scale));
        nodes
            .size
            .push(round1(1.5 + 11.0 * (pr(i) / max_pr).sqrt()));
    }
    let mut out = Edges::default();
    for &(s, t, e) in &edges {
        let w = &g.graph[e];
        out.source.push(s);
        out.target.push(t);
        out.weight.push(w.weight);
        out.cue.push(w.cue.to_string());
        out.paragraph.push(w.paragraph.to_string());
        out.context.push(w.context.to_string());
    }
    let note = if keep.len() < view.nodes.len() {
        format!(
            "{} of {} texts drawn: those with the highest PageRank (--html-max-nodes {}).",
            keep.len(),
            view.nodes.len(),
            opts.max_nodes
        )
    } else {
        String::new()
    };
    Data {
        title: opts.title.clone(),
        note,
        graph_nodes: g.node_count(),
        view_nodes: view.nodes.len(),
        kinds: kind_rows(),
        nodes,
        edges: out,
    }
}

/// Removes a trailing `//# sourceMappingURL=…` comment (the map file is
/// not shipped, and the page must make no request).
fn strip_source_map(js: &str) -> &str {
    match js.rfind("//# sourceMappingURL=") {
        Some(p) => &js[..p],
        None => js,
    }
}

/// Writes JSON for a `<script type="application/json">` element: every `<`
/// escaped as `\u003c`, so that no `</script>` or `<!--` can occur.
fn write_json_for_script(w: &mut dyn Write, data: &Data) -> io::Result<()> {
    let json = serde_json::to_vec(data).map_err(io::Error::other)?;
    let mut start = 0;
    for (i, &b) in json.iter().enumerate() {
        if b == b'<' {
            w.write_all(&json[start..i])?;
            w.write_all(b"\\u003c")?;
            start = i + 1;
        }
    }
    w.write_all(&json[start..])
}

/// Writes the page for `view` to `w`.
pub fn write_html(w: &mut dyn Write, view: &View, opts: &HtmlOptions) -> io::Result<()> {
    let data = build(view, opts);
    let title = html_escape::encode_text(&opts.title).into_owned();
    let mut rest = TEMPLATE;
    while let Some(p) = rest.find("@@") {
        w.write_all(&rest.as_bytes()[..p])?;
        let after = &rest[p + 2..];
        let Some(q) = after.find("@@") else {
            w.write_all(&rest.as_bytes()[p..])?;
            rest = "";
            break;
        };
        match &after[..q] {
            "TITLE" => w.write_all(title.as_bytes())?,
            "STYLE" => w.write_all(STYLE.as_bytes())?,
            "GRAPHOLOGY" => w.write_all(strip_source_map(GRAPHOLOGY).as_bytes())?,
            "SIGMA" => w.write_all(strip_source_map(SIGMA).as_bytes())?,
            "SCRIPT" => w.write_all(SCRIPT.as_bytes())?,
            "DATA" => write_json_for_script(w, &data)?,
            other => {
                w.write_all(b"@@")?;
                w.write_all(other.as_bytes())?;
                w.write_all(b"@@")?;
            }
        }
        rest = &after[q + 2..];
    }
    w.write_all(rest.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendored_code_cannot_close_its_script_element() {
        for js in [GRAPHOLOGY, SIGMA, SCRIPT] {
            assert!(!js.to_ascii_lowercase().contains("</script"));
        }
        assert!(!strip_source_map(GRAPHOLOGY).contains("sourceMappingURL"));
    }

    #[test]
    fn template_has_every_slot() {
        for slot in ["TITLE", "STYLE", "GRAPHOLOGY", "SIGMA", "SCRIPT", "DATA"] {
            assert!(TEMPLATE.contains(&format!("@@{slot}@@")), "{slot}");
        }
    }

    #[test]
    fn legend_has_every_kind_once() {
        let rows = kind_rows();
        assert_eq!(rows.len(), Kind::ALL.len() + 1);
        assert_eq!(rows.last().unwrap().name, "unknown");
    }
}
