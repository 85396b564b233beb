#!/usr/bin/env python3
"""PageRank of unxref against a power iteration in extended precision (numpy longdouble, 80-bit on x86).

Usage (from the repo root, after `cargo build --release`; needs numpy):

    python3 examples/scripts/pagerank_extended_precision.py GRAPH.tsv

GRAPH.tsv: `source<TAB>target` rows (e.g. `../shared/tools/gen-citation-graph.py 100000 10 1`). Runs
`unxref rank GRAPH --by pagerank --top 100 --format csv`, then networkx's PageRank formula (damping
0.85, dangling rank spread evenly; parallel rows one arc, self-loops dropped, as unxref loads an edge
list) by power iteration in extended precision until the L1 change is below 1e-18, and prints the
largest difference over unxref's top 100 (exit 1 above 1e-15). networkx itself, at tol=1e-16, stops 1e-12 or so away on
10^5 nodes (its criterion is n·tol), so it cannot tell errors below that.
"""
import csv, io, subprocess, sys
import numpy as np

path = sys.argv[1]
out = subprocess.run(["target/release/unxref", "rank", path, "--by", "pagerank", "--top", "100",
                      "--format", "csv"], check=True, capture_output=True, text=True)
rows = list(csv.DictReader(io.StringIO(out.stdout)))
ids = {}
src, dst = [], []
seen = set()
with open(path) as f:
    for line in f:
        s, t = line.rstrip("\n").split("\t")
        if s == t: continue
        a = ids.setdefault(s, len(ids)); b = ids.setdefault(t, len(ids))
        if (a, b) in seen: continue
        seen.add((a, b)); src.append(a); dst.append(b)
n = len(ids)
src = np.array(src); dst = np.array(dst)
outdeg = np.bincount(src, minlength=n).astype(np.longdouble)
dangling = outdeg == 0
inv = np.zeros(n, dtype=np.longdouble); inv[~dangling] = 1 / outdeg[~dangling]
d = np.longdouble("0.85")
x = np.full(n, 1 / np.longdouble(n), dtype=np.longdouble)
for it in range(100000):
    contrib = (x * inv)[src]
    nxt = np.zeros(n, dtype=np.longdouble)
    np.add.at(nxt, dst, contrib)
    nxt = d * nxt + (d * x[dangling].sum() + (1 - d)) / n
    err = np.abs(nxt - x).sum()
    x = nxt
    if err < np.longdouble("1e-18"): break
print(f"extended-precision power iteration: {it+1} iterations, last L1 change {float(err):.1e}", file=sys.stderr)
worst = max(abs(np.longdouble(r["score"]) - x[ids[r["id"]]]) for r in rows)
print(f"{path}: {n} nodes, {len(src)} arcs; top-{len(rows)} max |diff| {float(worst):.2e}; {out.stderr.strip()}")
sys.exit(0 if worst <= 1e-15 else 1)
