//! Centrality at scale: a seeded synthetic citation graph built in memory,
//! then PageRank + top 100, sampled betweenness, SCCs, HITS and the rest,
//! each timed, with the peak resident memory.
//!
//! ```text
//! cargo run --release --example bench_centrality [NODES] [EDGES_PER_NODE] [SEED]
//! ```
//!
//! `BENCH_PAGERANK_ONLY=1` stops after PageRank, `BENCH_BETWEENNESS_ONLY=1`
//! after betweenness; `BENCH_MEASURE=eigenvector` (any `rank --by` value)
//! times that one measure after PageRank, and stops.
//!
//! Defaults: 1,000,000 nodes, 10 citations per node on average (≈ 10 M
//! edges), seed 1. Node `i` is newer than every `j < i` and only cites older
//! nodes: a third of its citations go to a uniformly chosen older node, a
//! third to a recent one (within the last 1,000), and a third copy the
//! target of a random earlier citation (preferential attachment: highly
//! cited texts get cited more). One node in 1,000 also cites a text up to
//! ten places newer (a dating error), which makes small cycles.

use petgraph::graph::{DiGraph, NodeIndex};
use std::time::Instant;

#[path = "common/mod.rs"]
mod common;
use common::{SplitMix64, cpu_seconds, peak_rss_mib};
use unxref::analysis::{self, CentralityOptions, HitsOptions, Measure, PageRankOptions};

/// The synthetic citation graph described in the module notes.
fn citation_graph(n: usize, per_node: usize, seed: u64) -> DiGraph<(), ()> {
    let mut rng = SplitMix64(seed);
    let mut g = DiGraph::with_capacity(n, n * per_node + n / 100);
    for _ in 0..n {
        g.add_node(());
    }
    for i in 1..n {
        // 0 ..= 2 * per_node citations, mean per_node
        let k = rng.below(2 * per_node + 1);
        for _ in 0..k {
            let m = g.edge_count();
            let t = match rng.below(3) {
                0 => rng.below(i),
                1 => i - 1 - rng.below(i.min(1000)),
                _ if m > 0 => {
                    let cited = g.raw_edges()[rng.below(m)].target().index();
                    if cited < i { cited } else { rng.below(i) }
                }
                _ => rng.below(i),
            };
            g.add_edge(NodeIndex::new(i), NodeIndex::new(t), ());
        }
    }
    for _ in 0..n / 1000 {
        // a text "citing" a slightly newer one (a dating error)
        let a = rng.below(n);
        let b = (a + 1 + rng.below(10)).min(n - 1);
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    g
}

/// The `k` best nodes by score, ties by index (deterministic).
fn top(scores: &[f64], k: usize) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    let by = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b));
    if idx.len() > k {
        idx.select_nth_unstable_by(k, by);
        idx.truncate(k);
    }
    idx.sort_unstable_by(by);
    idx
}

/// Wall and CPU time since a start point; CPU time shows the cost of a
/// step when other processes share the cores.
#[derive(Clone, Copy)]
struct Clock {
    wall: Instant,
    cpu: f64,
}

impl Clock {
    fn now() -> Self {
        Clock {
            wall: Instant::now(),
            cpu: cpu_seconds(),
        }
    }
}

impl std::fmt::Display for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.2} s wall, {:.2} s CPU",
            self.wall.elapsed().as_secs_f64(),
            cpu_seconds() - self.cpu
        )
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize, d: u64| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let n = arg(1, 1_000_000) as usize;
    let per_node = arg(2, 10) as usize;
    let seed = arg(3, 1);
    println!("threads: {}", rayon::current_num_threads());

    let t0 = Clock::now();
    let g = citation_graph(n, per_node, seed);
    println!(
        "build graph: {} nodes, {} edges: {t0}",
        g.node_count(),
        g.edge_count(),
    );

    let t = Clock::now();
    let pr = analysis::pagerank(&g, &PageRankOptions::default());
    println!("pagerank: {t}");
    let t = Clock::now();
    let best = top(&pr, 100);
    println!(
        "top 100: {t} (best: node {} = {:.3e}; sum {:.12})",
        best[0],
        pr[best[0]],
        pr.iter().sum::<f64>()
    );
    println!(
        "build + pagerank + top 100: {}, peak RSS {:.0} MiB",
        t0,
        peak_rss_mib()
    );

    if std::env::var_os("BENCH_PAGERANK_ONLY").is_some() {
        return;
    }
    let o = CentralityOptions::default();
    if let Ok(m) = std::env::var("BENCH_MEASURE") {
        use clap::ValueEnum;
        let m = Measure::from_str(&m, true).expect("a --by value such as eigenvector");
        let t = Clock::now();
        let v = analysis::compute_with(&g, m, &o);
        println!(
            "{m:?}: {} (max {:.3e})",
            t,
            v.iter().copied().fold(0.0, f64::max)
        );
        return;
    }
    let t = Clock::now();
    let bc = analysis::betweenness_sampled(&g, o.pivots, o.seed);
    let best = top(&bc, 1);
    println!(
        "betweenness, {} pivots: {} (best: node {} = {:.3e})",
        o.pivots, t, best[0], bc[best[0]]
    );

    if std::env::var_os("BENCH_BETWEENNESS_ONLY").is_some() {
        return;
    }
    let t = Clock::now();
    let scc = analysis::strongly_connected(&g);
    println!(
        "kosaraju SCC: {} ({} components, largest {})",
        t,
        scc.len(),
        scc.first().map_or(0, Vec::len)
    );

    let t = Clock::now();
    let h = analysis::hits(&g, &HitsOptions::default());
    let best = top(&h.authority, 1);
    println!("HITS: {} (best authority: node {})", t, best[0]);

    let t = Clock::now();
    let wcc = analysis::weakly_connected(&g);
    println!("weak components: {} ({})", t, wcc.len());
    for m in [
        Measure::Core,
        Measure::Katz,
        Measure::Eigenvector,
        Measure::Harmonic,
        Measure::Closeness,
    ] {
        let t = Clock::now();
        let v = analysis::compute_with(&g, m, &o);
        println!(
            "{m:?}: {} (max {:.3e})",
            t,
            v.iter().copied().fold(0.0, f64::max)
        );
    }
    println!("total: {}, peak RSS {:.0} MiB", t0, peak_rss_mib());
}
