#!/usr/bin/env python3
"""Per-stage split of an `unxref extract` profile.

    cargo build --profile profiling            # release + line tables
    perf record -F 1999 --call-graph dwarf,16384 -o perf.data \
        target/profiling/unxref extract ../shared/corpus --format jsonl > /dev/null
    perf script --no-inline -i perf.data > perf.txt
    python3 examples/scripts/perf_stages.py perf.txt

Each sample goes to its innermost `unxref::` frame (library code it calls,
regex or aho-corasick, counts for it), grouped by pipeline stage. With
`--no-inline`, frames are real functions: inlined ones count for the
function they were inlined into (the stages' entry points are kept out of
line, `#[inline(never)]`, so that none is counted as the main loop's).
"""
import sys, re, collections
# per-stage split: each sample goes to the innermost unxref function, grouped by module
groups = [
("context passages", r"extract::context"),
 ("reading files (walk, read, stat)", r"input::walk|input::read(_checked)?$|input::discover|pipeline::"),
 ("decoding (UTF-8/1252, HTML)", r"input::decode|input::html|input::from_bytes|input::"),
 ("cleaning (clean, fold, NFC)", r"extract::clean|extract::fold|^unxref::text::"),
 ("page furniture, paragraphs, cues", r"extract::structure|extract::cues"),
 ("language", r"extract::lang"),
 ("identity (masthead, title, date)", r"extract::identity"),
 ("anchor scans (symbols, lists, bodies, treaties, acts)", r"extract::find|extract::acts|extract::patterns|extract::resolve|symbol::"),
 ("named instruments", r"extract::instruments"),
 ("titles harvest", r"extract::harvest"),
 ("merge, spans, records (run_each)", r"extract::Extractor|extract::"),
 ("JSON writing", r"model::|commands::extract|serde"),
]
cnt = collections.Counter(); total = 0; stack = []; raw = []
def flush():
    global total
    if not stack: return
    total += 1
    u = next((f for f in stack if 'unxref::' in f), None)
    # serde's frames are inlined into whatever calls the sink (the
    # pipeline's loop): they tell JSON writing wherever it runs
    if any('serde_json' in f for f in raw):
        cnt["JSON writing"] += 1; return
    if u is None:
        cnt["other (rayon, libc, startup)"] += 1; return
    for name, pat in groups:
        if re.search(pat, u): cnt[name] += 1; return
    cnt["other: " + u] += 1
for line in open(sys.argv[1], errors='replace'):
    if not line.strip():
        flush(); stack = []; raw = []; continue
    if line[0] not in ' \t': continue
    parts = line.strip().split(None, 1)
    if len(parts) < 2: continue
    sym = re.sub(r"<.*", "", parts[1].rsplit(' (', 1)[0]); sym = re.sub(r"\+0x[0-9a-f]+$", "", sym)
    stack.append(sym); raw.append(parts[1])
flush()
for k, v in cnt.most_common(): print(f"{100*v/total:5.1f}%  {k}")
print("samples", total)
