//! `pipeline::extract_corpus_each` hands citations over in input order,
//! whatever order its workers finish in: more files than it extracts ahead
//! of the writer, of very different sizes (a slow file early, quick ones
//! after it), and unreadable ones among them, give the same citations,
//! documents and errors, in the same order, as the collecting
//! `extract_corpus`. A failing sink stops the run with its error.
//! `pipeline::extract_corpus_rendered` gives the same records, rendered
//! where they are made, whatever the number of workers.

use std::path::PathBuf;
use unxref::extract::{Extractor, Options};
use unxref::model::Citation;
use unxref::pipeline;

/// A folder of `n` files: file `k` cites resolution 70/`k`; every 37th file
/// is large (its citation repeated), every 101st is not UTF-8 text.
fn corpus(n: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for k in 0..n {
        let p = dir.path().join(format!("doc{k:04}.txt"));
        if is_binary(k) {
            std::fs::write(&p, b"\x00\x01\x02\xff binary").unwrap();
        } else {
            let line = format!("Recalling its resolution 70/{} of 2015,\n", k + 1);
            std::fs::write(&p, line.repeat(repeats(k))).unwrap();
        }
        paths.push(p);
    }
    (dir, paths)
}

/// Whether file `k` of [`corpus`] is binary (every 101st).
fn is_binary(k: usize) -> bool {
    k % 101 == 50
}

/// How many times file `k` of [`corpus`] cites its resolution (every 37th
/// is large).
fn repeats(k: usize) -> usize {
    if k % 37 == 1 { 3_000 } else { 1 }
}

/// The citations of files `0..n` of [`corpus`].
fn citations_before(n: usize) -> usize {
    (0..n).filter(|&k| !is_binary(k)).map(repeats).sum()
}

#[test]
fn citations_come_in_input_order_whatever_order_workers_finish_in() {
    let (_dir, paths) = corpus(700);
    let extractor = Extractor::new(Options::default()).unwrap();
    let collected = pipeline::extract_corpus(&paths, &extractor, &|| {});
    let mut streamed: Vec<Citation> = Vec::new();
    let run = pipeline::extract_corpus_each(&paths, &extractor, &mut |c| {
        streamed.push(c);
        Ok(())
    })
    .unwrap();
    let want: Vec<Citation> = collected
        .docs
        .iter()
        .flat_map(|d| d.citations.iter().cloned())
        .collect();
    assert_eq!(streamed.len(), want.len());
    assert!(streamed == want, "citations differ from extract_corpus's");
    let files = |docs: &[unxref::extract::Extracted]| -> Vec<String> {
        docs.iter().map(|d| d.info.file.clone()).collect()
    };
    assert_eq!(files(&run.docs), files(&collected.docs));
    assert_eq!(run.docs.len(), 700 - 7);
    let errors = |e: &[unxref::input::InputError]| -> Vec<String> {
        e.iter().map(ToString::to_string).collect()
    };
    assert_eq!(errors(&run.errors), errors(&collected.errors));
    assert_eq!(run.errors.len(), 7);
}

#[test]
fn any_number_of_workers_gives_the_same_stream() {
    let (_dir, paths) = corpus(300);
    let extractor = Extractor::new(Options::default()).unwrap();
    let stream = |threads: usize| -> Vec<Citation> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let mut got = Vec::new();
        pool.install(|| {
            pipeline::extract_corpus_each(&paths, &extractor, &mut |c| {
                got.push(c);
                Ok(())
            })
        })
        .unwrap();
        got
    };
    let one = stream(1);
    assert!(!one.is_empty());
    for threads in [2, 3, 7] {
        assert!(stream(threads) == one, "{threads} workers");
    }
}

/// JSON lines of `citations`, appended to `out`.
fn json_lines(citations: &[Citation], out: &mut Vec<u8>) -> std::io::Result<()> {
    for c in citations {
        c.write_json(out);
        out.push(b'\n');
    }
    Ok(())
}

#[test]
fn rendered_records_are_the_records_of_the_stream_in_its_order() {
    // (a file of 4 MiB and more is streamed a citation at a time: one here)
    let (dir, mut paths) = corpus(300);
    let big = dir.path().join("doc9999.txt");
    std::fs::write(&big, "Recalling resolution 2178 (2014),\n".repeat(130_000)).unwrap();
    paths.push(big);
    let extractor = Extractor::new(Options::default()).unwrap();
    let mut want = Vec::new();
    let each = pipeline::extract_corpus_each(&paths, &extractor, &mut |c| {
        json_lines(std::slice::from_ref(&c), &mut want)
    })
    .unwrap();
    for threads in [1, 2, 5] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let mut got = Vec::new();
        let mut pieces = 0;
        let run = pool
            .install(|| {
                pipeline::extract_corpus_rendered(&paths, &extractor, &json_lines, &mut |r| {
                    assert!(!r.is_empty(), "no empty batch is handed over");
                    pieces += 1;
                    got.extend_from_slice(r);
                    Ok(())
                })
            })
            .unwrap();
        assert!(got == want, "{threads} workers");
        // one piece per small document with citations, one per citation
        // of the big one
        let small = (0..300).filter(|&k| !is_binary(k)).count();
        assert_eq!(pieces, small + 130_000, "{threads} workers");
        let files = |r: &pipeline::CorpusRun| -> Vec<String> {
            r.docs.iter().map(|d| d.info.file.clone()).collect()
        };
        assert_eq!(files(&run), files(&each));
        assert_eq!(run.errors.len(), each.errors.len());
    }
}

#[test]
fn a_failing_render_stops_the_run_with_its_error() {
    let (_dir, paths) = corpus(200);
    let extractor = Extractor::new(Options::default()).unwrap();
    let render = |cs: &[Citation], out: &mut Vec<u8>| {
        if cs.iter().any(|c| c.target == "A/RES/70/100") {
            return Err(std::io::Error::other("cannot render"));
        }
        json_lines(cs, out)
    };
    let mut lines = 0;
    let err = pipeline::extract_corpus_rendered(&paths, &extractor, &render, &mut |r| {
        lines += r.iter().filter(|&&b| b == b'\n').count();
        Ok(())
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "cannot render");
    // Files 0..=98 reached the sink, nothing after them.
    assert_eq!(lines, citations_before(99));
}

#[test]
fn a_failing_sink_stops_the_run_with_its_error() {
    let (_dir, paths) = corpus(400);
    let extractor = Extractor::new(Options::default()).unwrap();
    let mut seen = 0usize;
    let err = pipeline::extract_corpus_each(&paths, &extractor, &mut |c| {
        seen += 1;
        if c.target == "A/RES/70/300" {
            return Err(std::io::Error::other("disk full"));
        }
        Ok(())
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "disk full");
    // Files 0..=298 (and the first citation of file 299) reached the sink,
    // nothing after it.
    assert_eq!(seen, citations_before(299) + 1);
}

#[test]
fn a_document_streamed_gives_what_a_collected_one_gives() {
    // (file name, bytes): plain text, text that cleaning and folding
    // rewrite, CRLF, Windows-1252, HTML (whose search text is not its raw
    // text), and a text nothing cites in.
    let docs: &[(&str, &[u8])] = &[
        ("a.txt", b"Recalling its resolution 72/194 of 2017,\n"),
        (
            "b.txt",
            "R\u{e9}solution\u{a0}72/194 et [73/1](#) ; r\u{e9}solution \u{ff17}\u{ff12}/1\n"
                .as_bytes(),
        ),
        ("c.txt", b"Recalling\r\nresolution 2178\r\n(2014),\r\n"),
        ("d.txt", b"r\xe9solution 72/194 du Conseil"),
        (
            "e.html",
            b"<p>Recalling <b>resolution 72/194</b> and A/78/305</p>",
        ),
        ("f.txt", b"Nothing here."),
    ];
    let extractor = Extractor::new(Options::default()).unwrap();
    for (name, bytes) in docs {
        let doc = unxref::input::from_bytes(name, bytes, name.ends_with(".html")).unwrap();
        let collected = extractor.extract(&doc);
        let mut streamed = Vec::new();
        let info = extractor.extract_each(&doc, &mut |c| streamed.push(c));
        assert_eq!(info, collected.info, "{name}");
        assert_eq!(streamed, collected.citations, "{name}");
    }
}
