#!/usr/bin/env python3
"""`unxref extract` against the CR-UNSC peer rules, timed in the same runs.

Usage (from the repo root, after `cargo build --release`):

    python3 examples/scripts/extract_vs_peer.py [RUNS] [DIR] [BIN ...]

RUNS (default 11) rounds; in each, every BIN (default `target/release/unxref`)
runs `extract DIR --format jsonl` (DIR: default `../shared/corpus`), then the
peer (`../shared/tools/peer-extractors.py cr-unsc` on the same files, one
process), every output going to /dev/null. Runs alternate so that the
machine's drift (±15 % from minute to minute on a shared 2-core machine) falls
on all of them alike. Prints per command the median wall time (and the
fastest), the median user and system CPU, and each binary's ratio: the peer's
median wall time over the binary's.
"""
import os, resource, statistics, subprocess, sys, time

args = sys.argv[1:]
runs = int(args.pop(0)) if args and args[0].isdigit() else 11
folder = args.pop(0) if args and os.path.isdir(args[0]) else "../shared/corpus"
bins = args or ["target/release/unxref"]
peer = "../shared/tools/peer-extractors.py"
files = sorted(
    os.path.join(root, f) for root, _, names in os.walk(folder) for f in names
)
cmds = [[b, "extract", folder, "--format", "jsonl"] for b in bins]
cmds.append([sys.executable, peer, "cr-unsc", *files])
names = [*bins, "CR-UNSC peer"]
times = {n: [] for n in names}
for _ in range(runs):
    for name, cmd in zip(names, cmds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times[name].append(
            (wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)
        )
med = {n: statistics.median(w for w, _, _ in t) for n, t in times.items()}
print(f"{len(files)} files in {folder}, {runs} alternated runs each")
for n, t in times.items():
    print(
        f"{med[n]:7.3f} s wall median (fastest {min(w for w, _, _ in t):.3f}), "
        f"user {statistics.median(u for _, u, _ in t):.3f} s, "
        f"system {statistics.median(s for _, _, s in t):.3f} s  {n}"
    )
for b in bins:
    print(f"{med['CR-UNSC peer'] / med[b]:5.2f}x  the peer's time over {b}'s")
