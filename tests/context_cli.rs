//! The citing passage (`context`) in the command-line outputs: `extract`
//! records and `cited-by --context`.

use std::path::Path;
use std::process::Command;

fn unxref(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_unxref"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn extract_records_carry_the_sentence_around_the_citation() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("A_RES_80_1.txt");
    std::fs::write(
        &f,
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n  entitled \"Transforming our world\",\n\n1. Decides to act; notes resolution 72/194 too;\n",
    )
    .unwrap();
    let out = unxref(&["extract", "--format", "jsonl", f.to_str().unwrap()]);
    let recs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2, "{out}");
    assert_eq!(
        recs[0]["context"],
        "Recalling its resolution 70/1 of 25 September 2015, entitled \"Transforming our world\","
    );
    assert_eq!(recs[0]["paragraph"], "pp1");
    assert_eq!(recs[1]["context"], "notes resolution 72/194 too;");
    let csv = unxref(&["extract", "--format", "csv", f.to_str().unwrap()]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",paragraph,page,context,cited_title,cited_date")
    );
    assert!(lines.next().unwrap().ends_with("\"Recalling its resolution 70/1 of 25 September 2015, entitled \"\"Transforming our world\"\",\",Transforming our world,2015-09-25"));
    assert_eq!(lines.count(), 1, "one header only: {csv}");
}

#[test]
fn cited_by_context_adds_the_passage_column() {
    let sample = Path::new("data/sample");
    let out = unxref(&[
        "cited-by",
        "70/1",
        sample.to_str().unwrap(),
        "--context",
        "--format",
        "csv",
    ]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "distance,id,kind,year,title,weight,cue,paragraph,via,in_corpus,context"
    );
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().any(|r| r.contains("2030 Agenda")),
        "no passage naming the 2030 Agenda: {out}"
    );
    // Without --context the listing is unchanged.
    let plain = unxref(&["cited-by", "70/1", "data/sample", "--format", "csv"]);
    assert!(plain.starts_with("distance,id,kind,year,title,weight,cue,paragraph,via,in_corpus\n"));
}
