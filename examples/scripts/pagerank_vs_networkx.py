#!/usr/bin/env python3
"""PageRank of unxref against networkx fully converged, on synthetic citation graphs.

Usage (from the repo root, after `cargo build --release`; needs networkx, numpy, scipy):

    python3 examples/scripts/pagerank_vs_networkx.py GRAPH.tsv [GRAPH.tsv ...]

GRAPH.tsv: `source<TAB>target` rows of UN-style ids, e.g. from
`python3 ../shared/tools/gen-citation-graph.py 100000 10 1 > g100k.tsv`.
For each graph: runs `unxref rank GRAPH --by pagerank --top 100 --format jsonl`, runs
`networkx.pagerank(alpha=0.85, tol=1e-16)` on the same directed graph (parallel rows are one arc,
self-loops dropped, as unxref loads it), and prints the largest difference over the top 100.
Exits 1 when any difference exceeds 1e-12.
"""
import json, subprocess, sys, time
import networkx as nx

UNXREF = "target/release/unxref"
worst_all = 0.0
for path in sys.argv[1:]:
    t0 = time.perf_counter()
    out = subprocess.run([UNXREF, "rank", path, "--by", "pagerank", "--top", "100", "--format", "jsonl"],
                         check=True, capture_output=True, text=True)
    t1 = time.perf_counter()
    ours = [json.loads(l) for l in out.stdout.splitlines()]
    g = nx.DiGraph()
    with open(path) as f:
        for line in f:
            s, t = line.rstrip("\n").split("\t")
            if s != t:
                g.add_edge(s, t)
    t2 = time.perf_counter()
    pr = nx.pagerank(g, alpha=0.85, tol=1e-16, max_iter=100000)
    t3 = time.perf_counter()
    worst = max(abs(r["score"] - pr[r["id"]]) for r in ours)
    top_nx = sorted(pr.items(), key=lambda kv: -kv[1])[:100]
    same_order = [r["id"] for r in ours] == [k for k, _ in top_nx]
    worst_all = max(worst_all, worst)
    print(f"{path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} arcs; top-100 max |diff| {worst:.2e};"
          f" same order: {same_order}; unxref {t1 - t0:.2f} s, networkx pagerank {t3 - t2:.2f} s;"
          f" {out.stderr.strip()}")
sys.exit(0 if worst_all <= 1e-12 else 1)
