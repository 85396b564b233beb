//! Property tests for PDF and Word input: random and truncated bytes behind
//! a `%PDF-` header or a ZIP signature never panic, never hang, and give
//! either a document or one error naming the file.

use proptest::prelude::*;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use unxref::extract::{Extractor, Options};
use unxref::input;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pdf");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(FIXTURES).join(name)).unwrap()
}

/// Reads `bytes` as `name` through the bounded worker (the `unxref`
/// binary); checks the outcome and the time taken.
fn check(name: &str, bytes: &[u8]) {
    input::pdf::use_worker(PathBuf::from(env!("CARGO_BIN_EXE_unxref")));
    let started = Instant::now();
    match input::from_bytes(name, bytes, false) {
        Ok(doc) => {
            let ex = Extractor::new(Options::default()).unwrap();
            for c in ex.extract(&doc).citations {
                assert_eq!(&doc.raw[c.start..c.end], c.text);
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with(name), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }
    // The default time limit is 30 s; garbage is rejected far sooner.
    assert!(started.elapsed() < Duration::from_secs(30));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_behind_a_pdf_header(tail in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend_from_slice(&tail);
        check("r.pdf", &bytes);
    }

    #[test]
    fn truncated_pdfs(lang in prop::sample::select(vec!["en", "fr", "zh", "ar"]), cut in 0.0f64..1.0) {
        let pdf = fixture(&format!("un-{lang}.pdf"));
        let n = ((pdf.len() as f64) * cut) as usize;
        check("t.pdf", &pdf[..n.max(5)]);
    }

    #[test]
    fn corrupted_pdfs(at in 0.0f64..1.0, junk in proptest::collection::vec(any::<u8>(), 1..64)) {
        let mut pdf = fixture("un-en.pdf");
        let i = ((pdf.len() as f64) * at) as usize;
        let end = (i + junk.len()).min(pdf.len());
        pdf.splice(i..end, junk);
        check("c.pdf", &pdf);
    }

    #[test]
    fn truncated_and_random_docx(cut in 0.0f64..1.0, tail in proptest::collection::vec(any::<u8>(), 0..512)) {
        let docx = fixture("un-ru.docx");
        let n = ((docx.len() as f64) * cut) as usize;
        check("t.docx", &docx[..n.max(4)]);
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend_from_slice(&tail);
        check("r.docx", &bytes);
    }
}
