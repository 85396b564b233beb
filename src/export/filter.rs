//! The filters every export format shares (`--kind`, `--since`/`--until`,
//! `--min-weight`, `--ego`/`--depth`, `--top`), and the [`View`] they
//! produce: the selected nodes and edges in a deterministic order.

use super::Scores;
use crate::graph::{CitationGraph, GraphError, NodeMeta};
use crate::model::Kind;
use crate::symbol;
use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::VecDeque;

/// What to keep of a graph. The default keeps everything.
///
/// Filters apply in this order: node filters (kind, years), then edge weight,
/// then the ego neighbourhood, then the top-N cut, so that `--top 50 --kind
/// sc-resolution` means "the 50 most central SC resolutions".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Keep only nodes of these kinds (empty: all kinds). Nodes of unknown
    /// kind are dropped when this is set.
    pub kinds: Vec<Kind>,
    /// Keep only nodes of this year or later (nodes of unknown year are dropped).
    pub since: Option<i32>,
    /// Keep only nodes of this year or earlier (nodes of unknown year are dropped).
    pub until: Option<i32>,
    /// Keep only edges of at least this weight (number of mentions).
    pub min_weight: Option<f64>,
    /// Keep only the neighbourhood of this id (as the user typed it), in
    /// both directions (citing and cited).
    pub ego: Option<String>,
    /// Depth of the ego neighbourhood (1: direct neighbours).
    pub depth: usize,
    /// Keep only the N nodes with the highest PageRank, and the edges among them.
    pub top: Option<usize>,
}

/// The kind of text a node is: the kind its id's shape tells when the id is
/// a UN symbol, else the kind recorded on the node.
///
/// A node's recorded kind comes from the first citation of it, and a text
/// cited by its name first (the 2030 Agenda, cited as such, is
/// `A/RES/70/1`) is recorded as a named instrument; exports must colour,
/// label and filter it as the GA resolution it is.
pub fn node_kind(m: &NodeMeta) -> Option<Kind> {
    symbol::kind_of(&m.id).or(m.kind)
}

/// The part of a graph an export shows.
#[derive(Debug, Clone)]
pub struct View<'g> {
    /// The whole graph.
    pub graph: &'g CitationGraph,
    /// Scores on the whole graph.
    pub scores: &'g Scores,
    /// Selected nodes, sorted by id.
    pub nodes: Vec<NodeIndex>,
    /// Their kinds ([`node_kind`]), by position in [`View::nodes`].
    pub kinds: Vec<Option<Kind>>,
    /// Selected edges as (source position, target position, edge) where the
    /// positions index [`View::nodes`]; sorted by source then target.
    pub edges: Vec<(u32, u32, EdgeIndex)>,
}

impl<'g> View<'g> {
    /// The whole graph, unfiltered.
    pub fn all(graph: &'g CitationGraph, scores: &'g Scores) -> View<'g> {
        let keep = vec![true; graph.node_count()];
        View::from_mask(graph, scores, &keep, None)
    }

    fn from_mask(
        graph: &'g CitationGraph,
        scores: &'g Scores,
        keep: &[bool],
        min_weight: Option<f64>,
    ) -> View<'g> {
        let mut nodes: Vec<NodeIndex> = graph
            .graph
            .node_indices()
            .filter(|n| keep[n.index()])
            .collect();
        nodes.sort_by(|a, b| graph.meta(*a).id.cmp(&graph.meta(*b).id));
        let mut pos = vec![u32::MAX; graph.node_count()];
        for (i, n) in nodes.iter().enumerate() {
            pos[n.index()] = i as u32;
        }
        let mut edges: Vec<(u32, u32, EdgeIndex)> = graph
            .graph
            .edge_references()
            .filter(|e| {
                pos[e.source().index()] != u32::MAX
                    && pos[e.target().index()] != u32::MAX
                    && min_weight.is_none_or(|w| e.weight().weight >= w)
            })
            .map(|e| (pos[e.source().index()], pos[e.target().index()], e.id()))
            .collect();
        edges.sort_unstable();
        let kinds = nodes.iter().map(|&n| node_kind(graph.meta(n))).collect();
        View {
            graph,
            scores,
            nodes,
            kinds,
            edges,
        }
    }

    /// Applies `filter` to `graph`. Fails only when the ego id is not in the graph.
    pub fn filtered(
        graph: &'g CitationGraph,
        scores: &'g Scores,
        filter: &Filter,
    ) -> Result<View<'g>, GraphError> {
        let n = graph.node_count();
        let mut keep: Vec<bool> = graph
            .nodes
            .iter()
            .map(|m| {
                (filter.kinds.is_empty() || node_kind(m).is_some_and(|k| filter.kinds.contains(&k)))
                    && filter.since.is_none_or(|y| m.year.is_some_and(|v| v >= y))
                    && filter.until.is_none_or(|y| m.year.is_some_and(|v| v <= y))
            })
            .collect();
        let edge_ok = |w: f64| filter.min_weight.is_none_or(|m| w >= m);
        if let Some(typed) = &filter.ego {
            let id = symbol::normalize_user_id(typed).unwrap_or_default();
            let start = graph.node(&id).ok_or_else(|| GraphError::UnknownId {
                id: typed.clone(),
                suggestions: suggestions(graph, &id),
            })?;
            let mut dist = vec![usize::MAX; n];
            let mut queue = VecDeque::new();
            dist[start.index()] = 0;
            queue.push_back(start);
            while let Some(v) = queue.pop_front() {
                let d = dist[v.index()];
                if d >= filter.depth {
                    continue;
                }
                for dir in [Direction::Outgoing, Direction::Incoming] {
                    for e in graph.graph.edges_directed(v, dir) {
                        let u = if dir == Direction::Outgoing {
                            e.target()
                        } else {
                            e.source()
                        };
                        if keep[u.index()]
                            && edge_ok(e.weight().weight)
                            && dist[u.index()] == usize::MAX
                        {
                            dist[u.index()] = d + 1;
                            queue.push_back(u);
                        }
                    }
                }
            }
            for (i, k) in keep.iter_mut().enumerate() {
                *k = dist[i] != usize::MAX;
            }
        }
        if let Some(top) = filter.top {
            let mut ranked: Vec<usize> = (0..n).filter(|&i| keep[i]).collect();
            ranked.sort_by(|&a, &b| {
                let pa = scores.pagerank.get(a).copied().unwrap_or(0.0);
                let pb = scores.pagerank.get(b).copied().unwrap_or(0.0);
                pb.total_cmp(&pa)
                    .then_with(|| graph.nodes[a].id.cmp(&graph.nodes[b].id))
            });
            for &i in ranked.iter().skip(top) {
                keep[i] = false;
            }
        }
        Ok(View::from_mask(graph, scores, &keep, filter.min_weight))
    }

    /// The selection of `unxref map`: the most central texts and the
    /// documents that cite them most, about `n` nodes in all.
    ///
    /// A plain PageRank top-N of a corpus is mostly cited texts *outside* the
    /// corpus, which cite nothing themselves: drawn alone they are isolated
    /// dots. So two thirds of the places go to the texts with the highest
    /// PageRank (the landmarks) and the rest to the corpus documents with the
    /// most citation links into them (ties by PageRank, then id); nodes left
    /// without any edge in the selection are dropped.
    pub fn landmarks(graph: &'g CitationGraph, scores: &'g Scores, n: usize) -> View<'g> {
        let count = graph.node_count();
        let pr = |i: usize| scores.pagerank.get(i).copied().unwrap_or(0.0);
        let mut ranked: Vec<usize> = (0..count).collect();
        ranked.sort_by(|&a, &b| {
            pr(b)
                .total_cmp(&pr(a))
                .then_with(|| graph.nodes[a].id.cmp(&graph.nodes[b].id))
        });
        let n_landmarks = (n * 2).div_ceil(3).min(count);
        let mut keep = vec![false; count];
        for &i in &ranked[..n_landmarks] {
            keep[i] = true;
        }
        let mut links_in = vec![0u32; count];
        for e in graph.graph.edge_references() {
            if keep[e.target().index()] && !keep[e.source().index()] {
                links_in[e.source().index()] += 1;
            }
        }
        let mut citers: Vec<usize> = (0..count)
            .filter(|&i| links_in[i] > 0 && graph.nodes[i].in_corpus)
            .collect();
        citers.sort_by(|&a, &b| {
            links_in[b]
                .cmp(&links_in[a])
                .then_with(|| pr(b).total_cmp(&pr(a)))
                .then_with(|| graph.nodes[a].id.cmp(&graph.nodes[b].id))
        });
        for &i in citers.iter().take(n.saturating_sub(n_landmarks)) {
            keep[i] = true;
        }
        let mut linked = vec![false; count];
        for e in graph.graph.edge_references() {
            let (s, t) = (e.source().index(), e.target().index());
            if keep[s] && keep[t] && s != t {
                linked[s] = true;
                linked[t] = true;
            }
        }
        if linked.iter().any(|&l| l) {
            for (k, l) in keep.iter_mut().zip(&linked) {
                *k &= *l;
            }
        }
        View::from_mask(graph, scores, &keep, None)
    }

    /// Number of selected nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of selected edges.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// PageRank of a node (0 when scores are missing).
    pub fn pagerank(&self, n: NodeIndex) -> f64 {
        self.scores.pagerank.get(n.index()).copied().unwrap_or(0.0)
    }

    /// Number of texts citing `n` in the whole graph (0 when unknown).
    pub fn in_degree(&self, n: NodeIndex) -> u32 {
        self.scores.in_degree.get(n.index()).copied().unwrap_or(0)
    }

    /// Number of texts `n` cites in the whole graph (0 when unknown).
    pub fn out_degree(&self, n: NodeIndex) -> u32 {
        self.scores.out_degree.get(n.index()).copied().unwrap_or(0)
    }

    /// Largest PageRank among the selected nodes (for scaling sizes).
    pub fn max_pagerank(&self) -> f64 {
        self.nodes
            .iter()
            .map(|&n| self.pagerank(n))
            .fold(0.0, f64::max)
    }
}

/// Up to five ids of the graph that share the typed id's last component
/// (`76/1` → `A/RES/65/1`, `S/RES/1(1946)`), for "did you mean".
fn suggestions(graph: &CitationGraph, id: &str) -> Vec<String> {
    let tail = id.rsplit('/').next().unwrap_or(id);
    if tail.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<String> = graph
        .nodes
        .iter()
        .filter(|m| {
            let last = m.id.rsplit('/').next().unwrap_or("");
            last == tail || last.split('(').next() == Some(tail)
        })
        .map(|m| m.id.clone())
        .collect();
    found.sort();
    found.truncate(5);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeMeta, NodeMeta};

    /// a(2020) → b(2010) → c(2000) → t(treaty, no year); a → t (weight 3).
    fn graph() -> CitationGraph {
        let mut g = CitationGraph::new();
        let mut node = |id: &str, kind: Kind, year: Option<i32>| {
            g.upsert_node(NodeMeta {
                id: id.into(),
                kind: Some(kind),
                year,
                ..NodeMeta::default()
            })
        };
        let a = node("A/RES/75/1", Kind::GaResolution, Some(2020));
        let b = node("A/RES/65/1", Kind::GaResolution, Some(2010));
        let c = node("S/RES/1325(2000)", Kind::ScResolution, Some(2000));
        let t = node("UNTS 39574", Kind::Treaty, None);
        for (s, d, w) in [(a, b, 1.0), (b, c, 1.0), (c, t, 1.0), (a, t, 3.0)] {
            g.graph.add_edge(
                s,
                d,
                EdgeMeta {
                    weight: w,
                    ..EdgeMeta::default()
                },
            );
        }
        g
    }

    fn ids(v: &View) -> Vec<String> {
        v.nodes
            .iter()
            .map(|&n| v.graph.meta(n).id.clone())
            .collect()
    }

    #[test]
    fn filters() {
        let g = graph();
        let scores = Scores::compute(&g);
        let f = |f: Filter| -> (Vec<String>, usize) {
            let v = View::filtered(&g, &scores, &f).unwrap();
            (ids(&v), v.edge_count())
        };
        let table: Vec<(Filter, Vec<&str>, usize)> = vec![
            (
                Filter::default(),
                vec!["A/RES/65/1", "A/RES/75/1", "S/RES/1325(2000)", "UNTS 39574"],
                4,
            ),
            (
                Filter {
                    kinds: vec![Kind::GaResolution],
                    ..Filter::default()
                },
                vec!["A/RES/65/1", "A/RES/75/1"],
                1,
            ),
            (
                Filter {
                    since: Some(2005),
                    ..Filter::default()
                },
                vec!["A/RES/65/1", "A/RES/75/1"],
                1,
            ),
            (
                Filter {
                    until: Some(2010),
                    ..Filter::default()
                },
                vec!["A/RES/65/1", "S/RES/1325(2000)"],
                1,
            ),
            (
                Filter {
                    min_weight: Some(2.0),
                    ..Filter::default()
                },
                vec!["A/RES/65/1", "A/RES/75/1", "S/RES/1325(2000)", "UNTS 39574"],
                1,
            ),
            (
                Filter {
                    ego: Some("65/1".into()),
                    depth: 1,
                    ..Filter::default()
                },
                vec!["A/RES/65/1", "A/RES/75/1", "S/RES/1325(2000)"],
                2,
            ),
            (
                Filter {
                    ego: Some("resolution 1325 (2000)".into()),
                    depth: 2,
                    ..Filter::default()
                },
                vec!["A/RES/65/1", "A/RES/75/1", "S/RES/1325(2000)", "UNTS 39574"],
                4,
            ),
            (
                Filter {
                    top: Some(2),
                    ..Filter::default()
                },
                vec!["S/RES/1325(2000)", "UNTS 39574"],
                1,
            ),
        ];
        for (filter, want, edges) in table {
            assert_eq!(
                f(filter.clone()),
                (want.iter().map(|s| s.to_string()).collect(), edges),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn landmarks_keep_citers_and_drop_isolated() {
        let mut g = graph();
        // an isolated node with high PageRank would be dropped
        g.upsert_node(NodeMeta {
            id: "A/RES/1/1".into(),
            ..NodeMeta::default()
        });
        let scores = Scores::compute(&g);
        // top 2 by PageRank: UNTS 39574 and S/RES/1325(2000); one citer
        // place: none of the citers is in the corpus, so only c → t remains
        let v = View::landmarks(&g, &scores, 3);
        assert_eq!(ids(&v), ["S/RES/1325(2000)", "UNTS 39574"]);
        g.nodes[0].in_corpus = true; // A/RES/75/1 cites t (weight 3)
        let v = View::landmarks(&g, &scores, 3);
        assert_eq!(ids(&v), ["A/RES/75/1", "S/RES/1325(2000)", "UNTS 39574"]);
        assert_eq!(v.edge_count(), 2);
    }

    #[test]
    fn kind_from_the_id_shape_first() {
        let table = [
            (
                "A/RES/70/1",
                Some(Kind::NamedInstrument),
                Some(Kind::GaResolution),
            ),
            (
                "UNTS 39574",
                Some(Kind::NamedInstrument),
                Some(Kind::Treaty),
            ),
            (
                "Charter of the United Nations",
                Some(Kind::NamedInstrument),
                Some(Kind::NamedInstrument),
            ),
            ("A_RES_78_115", None, None),
        ];
        for (id, recorded, want) in table {
            let m = NodeMeta {
                id: id.into(),
                kind: recorded,
                ..NodeMeta::default()
            };
            assert_eq!(node_kind(&m), want, "{id}");
        }
    }

    #[test]
    fn unknown_ego_suggests() {
        let g = graph();
        let scores = Scores::compute(&g);
        let err = View::filtered(
            &g,
            &scores,
            &Filter {
                ego: Some("76/1".into()),
                depth: 1,
                ..Filter::default()
            },
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown id 76/1 (did you mean A/RES/65/1, A/RES/75/1?)"
        );
    }
}
