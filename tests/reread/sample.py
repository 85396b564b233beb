#!/usr/bin/env python3
"""Draws the re-read samples of issue 12 (fixed seed) from `unxref extract --format jsonl`.

usage: sample.py CITATIONS.jsonl [MORE.jsonl...] > out.tsv   (mode "cit")
       sample.py --lines CITATIONS.jsonl [...]                (mode "lines")

cit:   200 English citations drawn at random (seed 12) + every French one
       + 20 Spanish/Russian ones.
lines: 70 English and 40 French lines of the same files that hold a digit,
       at least 20 characters and at least 3 letters, and on which no citation starts.
"""
import json, random, sys, collections

def load(paths):
    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            recs += [json.loads(l) for l in f if l.strip()]
    return recs

def excerpt(raw, s, e, w=160):
    a, b = max(0, s - w), min(len(raw), e + w)
    t = raw[a:s] + "⟦" + raw[s:e] + "⟧" + raw[e:b]
    return " ".join(t.split())

def main():
    args = sys.argv[1:]
    lines_mode = args and args[0] == "--lines"
    if lines_mode:
        args = args[1:]
    recs = load(args)
    rng = random.Random(12)
    raws = {}
    def raw(f):
        if f not in raws:
            raws[f] = open(f, encoding="utf-8", errors="replace", newline="").read()
        return raws[f]
    if not lines_mode:
        en = [r for r in recs if r["lang"] == "en"]
        fr = [r for r in recs if r["lang"] == "fr"]
        other = [r for r in recs if r["lang"] in ("es", "ru")]
        pick = ([("en", r) for r in rng.sample(en, 200)] + [("fr", r) for r in fr]
                + [("es/ru", r) for r in rng.sample(other, 20)])
        print("n\tlang\tfile\tline\tstart\ttext\ttarget\tkind\texcerpt")
        for i, (g, r) in enumerate(pick, 1):
            rw = raw(r["file"])
            # offsets are byte offsets: convert
            bs = rw.encode("utf-8")
            s = len(bs[:r["start"]].decode("utf-8", "replace"))
            e = len(bs[:r["end"]].decode("utf-8", "replace"))
            print("\t".join([str(i), r["lang"], r["file"].replace("/work/shared/", "../shared/"),
                             str(r["line"]), str(r["start"]), r["text"].replace("\n", " "),
                             r["target"], r["kind"], excerpt(rw, s, e)]))
        return
    by_file = collections.defaultdict(set)
    lang = {}
    for r in recs:
        by_file[r["file"]].add(r["line"])
        lang[r["file"]] = r["lang"]
    cands = {"en": [], "fr": []}
    for f in sorted(by_file):
        if lang[f] not in cands:
            continue
        for n, l in enumerate(raw(f).split("\n"), 1):
            t = l.strip()
            if (n not in by_file[f] and any(c.isdigit() for c in t) and len(t) >= 20
                    and sum(c.isalpha() for c in t) >= 3):
                cands[lang[f]].append((f, n, t))
    print("n\tlang\tfile\tline\ttext")
    i = 0
    for lg, k in (("en", 70), ("fr", 40)):
        for f, n, t in rng.sample(cands[lg], k):
            i += 1
            print("\t".join([str(i), lg, f.replace("/work/shared/", "../shared/"), str(n), " ".join(t.split())]))

main()
