//! Issue 10 item 12: `unxref extract` streams citations, so a citation
//! explosion (one reference repeated a million times) does not hold every
//! record in memory. One test per binary: the process's peak memory
//! (VmHWM) is this test's alone.

use std::path::PathBuf;
use unxref::extract::{Extractor, Options};
use unxref::pipeline;

fn peak_rss_bytes() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let l = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(l.split_whitespace().nth(1)?.parse::<u64>().ok()? * 1024)
}

#[test]
fn a_citation_explosion_is_streamed_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("a.txt");
    std::fs::write(
        &small,
        "Recalling its resolution 70/1 and resolution 2178 (2014),\n",
    )
    .unwrap();
    let big = dir.path().join("b.txt");
    // Above the pipeline's streaming threshold (4 MiB): a smaller file is
    // extracted whole, by the worker pool, and never reaches the
    // streaming path this test is about.
    let n = 260_000;
    let text = "resolution 72/194, ".repeat(n);
    std::fs::write(&big, &text).unwrap();
    let size = text.len() as u64;
    assert!(size > 4 << 20, "the file must be streamed");
    drop(text);
    let extractor = Extractor::new(Options::default()).unwrap();
    // Same citations, in the same order, as the collecting extractor on
    // the small file; a count on the big one.
    // (this first run also builds the lazily built tables and patterns)
    let expected = pipeline::extract_corpus(std::slice::from_ref(&small), &extractor, &|| {});
    let before = peak_rss_bytes();
    let mut got = Vec::new();
    let mut count = 0usize;
    let inputs: Vec<PathBuf> = vec![small, big];
    let run = pipeline::extract_corpus_each(&inputs, &extractor, &mut |c| {
        if c.file.ends_with("a.txt") {
            got.push(c);
        } else {
            assert_eq!(c.target, "A/RES/72/194");
            count += 1;
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(got, expected.docs[0].citations);
    assert_eq!(count, n);
    assert_eq!(run.docs.len(), 2);
    assert!(run.docs.iter().all(|d| d.citations.is_empty()));
    // The bound is 4 × the largest file + 200 MB; this one is
    // tighter, so that it catches a regression on a file this small: the
    // raw text, one cleaned copy and the matches (about 4 × the file for
    // 19-byte citations), nothing per citation record. Four copies of the
    // text, a second list of spans and a sort buffer (the old code) come
    // to about 10 × the file.
    if let (Some(before), Some(peak)) = (before, peak_rss_bytes()) {
        let grew = peak.saturating_sub(before);
        let bound = 8 * size + (8 << 20);
        eprintln!("peak grew by {} KB (bound {} KB)", grew >> 10, bound >> 10);
        assert!(
            grew < bound,
            "grew {} KB, over {} KB",
            grew >> 10,
            bound >> 10
        );
    }
}
