//! Cost of one citation's context ([`unxref::extract::context::context`]),
//! in nanoseconds per citation, on real inputs: reads every document under
//! a folder (default `../shared/corpus`), prepares each one as extraction
//! does (fold, clean, identity, page furniture blanked, paragraph
//! structure), finds its citations (symbols and named instruments), then
//! times `context` alone over all of them, single-threaded, document by
//! document (each one's text read just before, as extraction leaves it in
//! cache; hashing and freeing the passages not timed), and prints the
//! sum of each document's best round and a checksum of the passages (equal checksums: equal
//! output).
//!
//! ```sh
//! cargo run --release --example bench_context [-- FOLDER [ROUNDS]]
//! ```

#[path = "common/mod.rs"]
mod common;

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;
use unxref::extract::{clean, context, find, fold, identity, instruments, structure};
use unxref::input;

/// One call: the document's cleaned text and the arguments of `context`.
struct Call {
    doc: usize,
    start: usize,
    end: usize,
    lo: usize,
    hi: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let default = common::shared_corpus();
    let root = PathBuf::from(args.get(1).map_or(default, |s| s.as_str()));
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let found = input::discover(std::slice::from_ref(&root));
    let table = instruments::InstrumentTable::builtin();
    let mut texts = Vec::new();
    let mut calls = Vec::new();
    for path in &found.files {
        let Ok(doc) = input::read(path) else {
            continue;
        };
        let search = doc.search_text();
        let folded = fold::fold_changes(search);
        let fsrc = folded.as_ref().map_or(search, |m| m.text.as_str());
        let mut ctext = clean::clean(fsrc).text;
        let ident = identity::identify(&ctext, &doc.path);
        let furniture = structure::blank_furniture(&mut ctext, ident.header.as_deref());
        let own: Vec<&str> = std::iter::once(ident.id.as_str())
            .chain(ident.aliases.iter().map(String::as_str))
            .collect();
        let mut spans: Vec<(usize, usize)> =
            find::find_all_for(&ctext, ident.body, &own, &furniture)
                .iter()
                .map(|h| (h.start, h.end))
                .collect();
        spans.extend(table.find(&ctext).iter().map(|h| (h.start, h.end)));
        spans.sort_unstable();
        let st = structure::Structure::read(&ctext);
        for (start, end) in spans {
            let (lo, hi) = st.bounds(start, ctext.len());
            calls.push(Call {
                doc: texts.len(),
                start,
                end,
                lo,
                hi,
            });
        }
        texts.push(ctext);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} documents, {:.1} MB cleaned, {} citations, from {}",
        texts.len(),
        bytes as f64 / 1e6,
        calls.len(),
        root.display()
    );
    // By document, as extraction calls it: the document's text was just
    // scanned (warm in cache), its passages are kept. Hashing and freeing
    // the passages are not timed.
    let mut by_doc: Vec<&[Call]> = calls.chunk_by(|a, b| a.doc == b.doc).collect();
    by_doc.retain(|c| !c.is_empty());
    // The best time of each document over the rounds, summed: a round
    // interrupted by another process on a shared machine costs only the
    // documents it interrupted.
    let mut best = vec![f64::MAX; by_doc.len()];
    let mut sum = 0u64;
    let mut out_chars = 0usize;
    let mut warm = 0usize;
    let mut passages: Vec<String> = Vec::new();
    for _ in 0..rounds {
        let mut h = DefaultHasher::new();
        let mut chars = 0;
        for (d, doc) in by_doc.iter().enumerate() {
            let text = texts[doc[0].doc].as_str();
            warm += memchr::memchr_iter(b'\n', text.as_bytes()).count();
            let t = Instant::now();
            for c in *doc {
                passages.push(context::context(text, c.start, c.end, c.lo, c.hi));
            }
            best[d] = best[d].min(t.elapsed().as_secs_f64());
            for s in passages.drain(..) {
                chars += s.len();
                s.hash(&mut h);
            }
        }
        sum = h.finish();
        out_chars = chars;
    }
    let best: f64 = best.iter().sum();
    std::hint::black_box(warm);
    println!(
        "context: {:.1} ms (best of {rounds} rounds by document), {:.0} ns per citation, {:.0} output bytes per citation",
        best * 1e3,
        best * 1e9 / calls.len().max(1) as f64,
        out_chars as f64 / calls.len().max(1) as f64
    );
    println!("checksum {sum:016x}");
}
