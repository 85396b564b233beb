//! `--metadata`: the UN Digital Library voting-data layouts (GA and SC), the
//! plain `id,title,date` table, their errors, and titles and dates reaching
//! `nodes.csv` (harvested from citing texts, or from metadata, which wins).

use std::path::{Path, PathBuf};
use std::process::Command;
use unxref::graph::GraphError;
use unxref::graph::metadata::{Layout, read};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/metadata")
        .join(name)
}

#[test]
fn sc_layout_one_record_per_resolution() {
    let m = read(&fixture("sc_votes.csv")).unwrap();
    assert_eq!(m.layout, Some(Layout::ScVotes));
    assert_eq!(m.rows, 6);
    let ids: Vec<&str> = m.records.iter().map(|r| r.id.as_str()).collect();
    // Repeated rows (also after another resolution's rows) make one record.
    assert_eq!(ids, ["S/RES/660(1990)", "S/RES/661(1990)"]);
    let r = &m.records[0];
    assert_eq!(
        r.title,
        "Resolution 660 (1990) / adopted by the Security Council at its 2932nd meeting, on 2 August 1990"
    );
    assert_eq!(r.date, "1990-08-02");
    assert_eq!(r.attrs["draft"], "S/21425");
    assert_eq!(r.attrs["modality"], "Voting");
    assert_eq!(r.attrs["total_yes"], "14");
    assert_eq!(r.attrs["subjects"], "IRAQ, KUWAIT");
    // Per-member-state columns are not attributes of the resolution.
    assert!(!r.attrs.contains_key("ms_vote"));
    assert!(!r.attrs.contains_key("ms_name"));
}

#[test]
fn ga_layouts_with_and_without_vote_note() {
    for (name, rows) in [("ga_votes.csv", 3), ("ga_votes_old.csv", 2)] {
        let m = read(&fixture(name)).unwrap();
        assert_eq!(m.layout, Some(Layout::GaVotes), "{name}");
        assert_eq!(m.rows, rows, "{name}");
        let r = &m.records[0];
        assert_eq!(r.id, "A/RES/79/1", "{name}");
        assert_eq!(r.title, "The Pact for the Future", "{name}");
        assert_eq!(r.date, "2024-09-22", "{name}");
        assert_eq!(r.attrs["draft"], "A/79/L.2", "{name}");
        assert_eq!(r.attrs["total_no"], "7", "{name}");
        assert_eq!(
            r.attrs["agenda_title"],
            "Strengthening of the United Nations system"
        );
    }
    let m = read(&fixture("ga_votes.csv")).unwrap();
    assert_eq!(m.records.len(), 2);
    assert_eq!(m.records[1].attrs["vote_note"], "adopted without vote");
}

#[test]
fn plain_layout_keeps_other_columns() {
    let m = read(&fixture("plain.csv")).unwrap();
    assert_eq!(m.layout, Some(Layout::Plain));
    assert_eq!(m.records[0].id, "S/RES/660(1990)");
    assert_eq!(m.records[0].title, "Iraq–Kuwait, invasion");
    assert_eq!(m.records[0].attrs["note"], "quoted, comma");
    assert!(!m.records[1].attrs.contains_key("note"));
}

#[test]
fn errors_name_file_and_line() {
    let e = read(&fixture("bad_layout.csv")).unwrap_err();
    assert!(matches!(e, GraphError::Metadata { line: 1, .. }), "{e}");
    let msg = e.to_string();
    assert!(
        msg.contains("bad_layout.csv:1: unknown metadata layout"),
        "{msg}"
    );
    let e = read(&fixture("bad_row.csv")).unwrap_err().to_string();
    assert!(e.contains("bad_row.csv:2: unreadable date"), "{e}");
    let e = read(&fixture("missing.csv")).unwrap_err().to_string();
    assert!(e.contains("missing.csv"), "{e}");
}

fn nodes_csv(args: &[&str]) -> (String, String, Option<i32>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_unxref"))
        .arg("map")
        .arg(fixture("corpus"))
        .args(args)
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .output()
        .unwrap();
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap_or_default();
    let report = std::fs::read_to_string(out.join("report.md")).unwrap_or_default();
    assert!(
        o.stderr.is_empty() || o.status.code() != Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (nodes, report, o.status.code())
}

fn row(nodes: &str, id: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(nodes.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[0] == id {
            return header
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| format!("{h}={v}"))
                .collect();
        }
    }
    panic!("{id} not in nodes.csv:\n{nodes}");
}

#[test]
fn map_with_sc_metadata_gives_description_and_date() {
    let (nodes, _, code) = nodes_csv(&["--metadata", fixture("sc_votes.csv").to_str().unwrap()]);
    assert_eq!(code, Some(0));
    let r = row(&nodes, "S/RES/660(1990)");
    assert!(r.contains(&"date=1990-08-02".to_string()), "{r:?}");
    assert!(
        r.contains(&"title=Resolution 660 (1990) / adopted by the Security Council at its 2932nd meeting, on 2 August 1990".to_string()),
        "{r:?}"
    );
    // The corpus document's own date, from "Resolution 661 (1990) of 6 August 1990".
    let r = row(&nodes, "S/RES/661(1990)");
    assert!(r.contains(&"date=1990-08-06".to_string()), "{r:?}");
}

#[test]
fn harvested_titles_vote_and_metadata_wins() {
    let (nodes, report, code) = nodes_csv(&[]);
    assert_eq!(code, Some(0));
    let r = row(&nodes, "A/RES/70/1");
    assert!(
        r.contains(
            &"title=Transforming our world: the 2030 Agenda for Sustainable Development"
                .to_string()
        ),
        "{r:?}"
    );
    assert!(r.contains(&"date=2015-09-25".to_string()), "{r:?}");
    assert!(
        report.contains("### Texts given different titles (1;"),
        "{report}"
    );
    assert!(report.contains("`A/RES/70/1`"), "{report}");
    let r = row(&nodes, "A/RES/79/1");
    assert!(
        r.contains(&"title=The Pact for the Future".to_string()),
        "{r:?}"
    );
    assert!(r.contains(&"date=2024-09-22".to_string()), "{r:?}");
    // Metadata wins over what the citing texts say.
    let (nodes, report, _) = nodes_csv(&["--metadata", fixture("plain.csv").to_str().unwrap()]);
    let r = row(&nodes, "A/RES/70/1");
    assert!(
        r.contains(&"title=Transforming our world".to_string()),
        "{r:?}"
    );
    assert!(!report.contains("Texts given different titles"), "{report}");
}

#[test]
fn bad_metadata_is_reported_and_the_rest_is_done() {
    let (nodes, _, code) = nodes_csv(&["--metadata", fixture("bad_layout.csv").to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(nodes.contains("S/RES/660(1990)"));
}
