//! Benchmark of the graph stage on a synthetic citation network.
//!
//! Writes a seeded edge-list CSV of 1,000,000 nodes and about 10,000,000
//! edges (node `i` cites 5–15 older nodes, half picked uniformly, half by
//! preferential attachment — the target of a random earlier edge — so that
//! in-degrees follow a heavy tail as in real citation networks), then times
//! first what `rank --by pagerank` and `cited-by` do with a lone edge list
//! (`graph::edgelist::load_lean`: ids and arcs only; PageRank from the arcs,
//! the top 100; `cited-by` on the most cited node), with the peak memory
//! after it, then the full graph:
//! loading it (`graph::input::load_inputs`, what the other commands use),
//! PageRank plus the top 100, and a `cited-by` query on the most cited
//! node; saving the graph and loading the saved file; and prints wall and
//! CPU times and the peak resident memory (VmHWM).
//!
//! ```sh
//! cargo run --release --example bench_graph [-- PATH [NODES [numeric] [lean-only]]]
//! ```
//! (`lean-only`: stop after the lean path; PATH may be any edge list, such
//! as the TSV of `gen-citation-graph.py`.)
//! An existing PATH is reused as is (delete it to regenerate). Node ids are
//! UN symbols as `../shared/tools/gen-citation-graph.py` writes them (a
//! third `S/RES/i(year)`, the rest `A/RES/session/i`: real id lengths, and
//! kinds and years to work out; see [`common::un_symbol`]), or with
//! `numeric` plain numbers (`123456`, as some edge lists have them).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;
use unxref::analysis::query::{QueryOptions, cited_by, top_by_score, top_by_score_with};
use unxref::analysis::{PageRankOptions, pagerank, pagerank_arcs};
use unxref::graph::edgelist;
use unxref::graph::input::{LoadOptions, load_inputs};
use unxref::graph::resolve_id::{resolve, resolve_lean};
use unxref::graph::store;

#[path = "common/mod.rs"]
mod common;
use common::{SplitMix64, cpu_seconds, peak_rss_mib};

/// Writes the synthetic edge list; returns the number of edges.
/// The id of node `i`: a number, or a GA resolution symbol.
fn id(i: u32, nodes: u32, symbols: bool) -> String {
    if symbols {
        common::un_symbol(i as u64, nodes as u64)
    } else {
        i.to_string()
    }
}

fn generate(path: &PathBuf, nodes: u32, symbols: bool) -> std::io::Result<usize> {
    let mut rng = SplitMix64(0x5EED_2026);
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    writeln!(w, "Source,Target,Weight")?;
    let mut targets: Vec<u32> = Vec::with_capacity(nodes as usize * 10);
    let mut picked: Vec<u32> = Vec::with_capacity(16);
    for i in 1..nodes {
        let k = (5 + rng.modulo(11) as u32).min(i);
        picked.clear();
        while picked.len() < k as usize {
            let t = if targets.is_empty() || rng.modulo(2) == 0 {
                rng.modulo(i as u64) as u32
            } else {
                targets[rng.modulo(targets.len() as u64) as usize]
            };
            if !picked.contains(&t) {
                picked.push(t);
            }
        }
        for &t in &picked {
            writeln!(
                w,
                "{},{},{}",
                id(i, nodes, symbols),
                id(t, nodes, symbols),
                1 + rng.modulo(3)
            )?;
            targets.push(t);
        }
    }
    w.flush()?;
    Ok(targets.len())
}

/// The lean path of `rank --by pagerank` and `cited-by` on an edge list.
fn lean(path: &std::path::Path, nodes: u32, symbols: bool) {
    let (t0, c0) = (Instant::now(), cpu_seconds());
    let (g, _) = edgelist::load_lean(path).expect("load the edge list");
    let (t_load, c_load) = (t0.elapsed().as_secs_f64(), cpu_seconds() - c0);
    println!(
        "lean load: {} nodes, {} edges in {t_load:.2} s (cpu {c_load:.2} s)",
        g.node_count(),
        g.edge_count()
    );
    let (t1, c1) = (Instant::now(), cpu_seconds());
    let (pr, conv) = pagerank_arcs(&g.out, None, &PageRankOptions::default());
    let top = top_by_score_with(&pr, 100, |_| true, |n| g.id(n));
    let (t_pr, c_pr) = (t1.elapsed().as_secs_f64(), cpu_seconds() - c1);
    println!(
        "lean pagerank + top 100: {t_pr:.2} s (cpu {c_pr:.2} s; {}; first: {} {:.3e})",
        conv.describe("pagerank"),
        g.id(top[0].0.index()),
        top[0].1
    );
    println!(
        "lean load + pagerank + top 100: {:.2} s (cpu {:.2} s)",
        t_load + t_pr,
        c_load + c_pr
    );
    let t2 = Instant::now();
    let hub = resolve_lean(&g, &id(0, nodes, symbols)).expect("node 0");
    let direct = cited_by(&g, hub, &QueryOptions::default());
    let t_q1 = t2.elapsed().as_secs_f64();
    let t3 = Instant::now();
    let deep = cited_by(
        &g,
        hub,
        &QueryOptions {
            depth: 2,
            ..QueryOptions::default()
        },
    );
    println!(
        "lean cited-by {}: {} direct citers in {t_q1:.3} s (in-arcs built); depth 2: {} in {:.3} s",
        g.id(hub.index()),
        direct.len(),
        deep.len(),
        t3.elapsed().as_secs_f64()
    );
    println!(
        "peak RSS after the lean path (VmHWM): {:.0} MB",
        peak_rss_mib()
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("unxref-bench-graph-un.csv"));
    let nodes: u32 = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let flags: Vec<String> = args.collect();
    let symbols = !flags.iter().any(|f| f == "numeric");
    let lean_only = flags.iter().any(|f| f == "lean-only");
    if path.exists() {
        println!("reusing {}", path.display());
    } else {
        let t = Instant::now();
        let m = generate(&path, nodes, symbols).expect("write the edge list");
        println!(
            "generated {} ({nodes} nodes, {m} edges, {:.0} MB) in {:.2} s",
            path.display(),
            std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }

    lean(&path, nodes, symbols);
    if lean_only {
        return;
    }

    let (t0, c0) = (Instant::now(), cpu_seconds());
    let loaded = load_inputs(std::slice::from_ref(&path), &LoadOptions::default())
        .expect("load the edge list");
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let g = loaded.graph;
    let t_load = t0.elapsed().as_secs_f64();
    let c_load = cpu_seconds() - c0;
    println!(
        "load: {} nodes, {} edges in {t_load:.2} s (cpu {c_load:.2} s)",
        g.node_count(),
        g.edge_count()
    );

    let (t1, c1) = (Instant::now(), cpu_seconds());
    let pr = pagerank(&g.graph, &PageRankOptions::default());
    let top = top_by_score(&g, &pr, 100, None);
    let t_pr = t1.elapsed().as_secs_f64();
    let c_pr = cpu_seconds() - c1;
    println!(
        "pagerank + top 100: {t_pr:.2} s (cpu {c_pr:.2} s; first: {} {:.3e})",
        g.meta(top[0].0).id,
        top[0].1
    );
    println!(
        "load + pagerank + top 100: {:.2} s (cpu {:.2} s)",
        t_load + t_pr,
        c_load + c_pr
    );

    let t2 = Instant::now();
    let hub = resolve(&g, &id(0, nodes, symbols)).expect("node 0");
    let direct = cited_by(&g, hub, &QueryOptions::default());
    let t_q1 = t2.elapsed().as_secs_f64();
    let t3 = Instant::now();
    let deep = cited_by(
        &g,
        hub,
        &QueryOptions {
            depth: 2,
            ..QueryOptions::default()
        },
    );
    let t_q2 = t3.elapsed().as_secs_f64();
    println!(
        "cited-by {}: {} direct citers in {t_q1:.3} s; depth 2: {} in {t_q2:.3} s",
        g.meta(hub).id,
        direct.len(),
        deep.len()
    );
    println!("peak RSS so far (VmHWM): {:.0} MB", peak_rss_mib());

    // Saved-graph round trip.
    let saved = path.with_extension("graph.json");
    let (t4, c4) = (Instant::now(), cpu_seconds());
    store::save(&g, &saved).expect("save");
    println!(
        "save {} ({:.0} MB): {:.2} s (cpu {:.2} s)",
        saved.display(),
        std::fs::metadata(&saved).map_or(0, |m| m.len()) as f64 / 1e6,
        t4.elapsed().as_secs_f64(),
        cpu_seconds() - c4
    );
    drop(g);
    let (t5, c5) = (Instant::now(), cpu_seconds());
    let back = store::load(&saved).expect("load saved");
    println!(
        "load saved graph: {} nodes, {} edges in {:.2} s (cpu {:.2} s)",
        back.node_count(),
        back.edge_count(),
        t5.elapsed().as_secs_f64(),
        cpu_seconds() - c5
    );
    let _ = std::fs::remove_file(&saved);
    println!("peak RSS (VmHWM): {:.0} MB", peak_rss_mib());
}
