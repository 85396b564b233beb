//! Measures the streaming exporters on a synthetic citation graph.
//!
//! `cargo run --release --example export_bench -- [NODES] [EDGES] [DIR]`
//! (default 1,000,000 nodes, 5,000,000 edges, files in /tmp/unxref-bench).
//! Prints the time and size of each file and the peak resident memory
//! (VmHWM) before and after writing, to show that no format holds its text
//! in memory.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Instant;
use unxref::export::{Scores, View, dot, gephi, gexf, graphml, json};
use unxref::graph::{CitationGraph, EdgeMeta, NodeMeta};
use unxref::model::Kind;

#[path = "common/mod.rs"]
mod common;
use common::peak_rss_mib;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let nodes: usize = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let edges: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5_000_000);
    let dir = std::path::PathBuf::from(args.get(3).cloned().unwrap_or("/tmp/unxref-bench".into()));
    std::fs::create_dir_all(&dir).unwrap();

    let t = Instant::now();
    let mut g = CitationGraph::new();
    for i in 0..nodes {
        // ~1,000 resolutions per session, sessions 1..
        let session = 1 + i / 1000;
        g.upsert_node(NodeMeta {
            id: format!("A/RES/{session}/{}", i % 1000 + 1),
            kind: Some(Kind::GaResolution),
            year: Some(1945 + session as i32),
            title: format!("Resolution \"{i}\" on C:\\things — é ü 中文"),
            in_corpus: i % 3 == 0,
            ..NodeMeta::default()
        });
    }
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..edges {
        let a = (next() % nodes as u64) as u32;
        let b = (next() % nodes as u64) as u32;
        let (s, d) = if a > b { (a, b) } else { (b, a) };
        g.graph.add_edge(
            s.into(),
            d.into(),
            EdgeMeta {
                weight: 1.0 + (next() % 3) as f64,
                ..EdgeMeta::default()
            },
        );
    }
    println!(
        "graph: {} nodes, {} edges built in {:.2} s; peak RSS {:.0} MB",
        g.node_count(),
        g.edge_count(),
        t.elapsed().as_secs_f64(),
        peak_rss_mib()
    );
    let t = Instant::now();
    let scores = Scores::compute(&g);
    let view = View::all(&g, &scores);
    println!(
        "scores + view: {:.2} s; peak RSS {:.0} MB",
        t.elapsed().as_secs_f64(),
        peak_rss_mib()
    );
    type Writer = Box<dyn Fn(&mut dyn Write, &View) -> std::io::Result<()>>;
    let jobs: Vec<(&str, Writer)> = vec![
        (
            "graph.dot",
            Box::new(|w, v| dot::write_dot(w, v, &dot::DotOptions::default())),
        ),
        ("nodes.csv", Box::new(|w, v| gephi::write_nodes(w, v))),
        ("edges.csv", Box::new(|w, v| gephi::write_edges(w, v))),
        (
            "graph.gexf",
            Box::new(|w, v| gexf::write_gexf(w, v, &gexf::GexfOptions::default())),
        ),
        (
            "graph.graphml",
            Box::new(|w, v| graphml::write_graphml(w, v)),
        ),
        ("graph.json", Box::new(|w, v| json::write_json(w, v))),
    ];
    for (name, job) in jobs {
        let path = dir.join(name);
        let t = Instant::now();
        let mut w = BufWriter::new(File::create(&path).unwrap());
        job(&mut w, &view).unwrap();
        w.flush().unwrap();
        let secs = t.elapsed().as_secs_f64();
        let mb = std::fs::metadata(&path).unwrap().len() as f64 / 1e6;
        println!(
            "{name:14} {mb:8.0} MB in {secs:6.2} s ({:.0} MB/s); peak RSS {:.0} MB",
            mb / secs,
            peak_rss_mib()
        );
    }
}
