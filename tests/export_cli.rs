//! The `map`, `export` and `report` commands end to end on the bundled
//! sample corpus (`data/sample`): outputs written, snapshots of the Gephi
//! CSVs and the report, byte-identical reruns, per-file errors, Graphviz
//! missing. Centrality is limited to PageRank (`--by pagerank`) so that the
//! tests do not depend on the other measures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn unxref(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unxref"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap()
}

fn map_sample(out: &Path) -> Output {
    unxref(&[
        "map",
        "data/sample",
        "-o",
        out.to_str().unwrap(),
        "--by",
        "pagerank",
        "--quiet",
    ])
}

fn read(p: PathBuf) -> String {
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn map_writes_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = map_sample(&out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8(o.stdout).unwrap();
    assert!(stdout.starts_with("27 documents"), "{stdout}");
    let mut names = vec![
        "citations.jsonl",
        "nodes.csv",
        "edges.csv",
        "graph.gexf",
        "graph.graphml",
        "map.dot",
        "report.md",
    ];
    if unxref::export::render::available("dot") {
        names.push("map.svg");
    } else {
        println!("note: Graphviz missing, map.svg not checked");
    }
    for n in &names {
        assert!(out.join(n).is_file(), "{n}");
        assert!(stdout.contains(n), "summary lists {n}");
    }
    graphviz_rust::parse(&read(out.join("map.dot"))).unwrap();
    insta::assert_snapshot!("sample_nodes_csv", read(out.join("nodes.csv")));
    insta::assert_snapshot!("sample_edges_csv", read(out.join("edges.csv")));
    insta::assert_snapshot!("sample_report_md", read(out.join("report.md")));

    // same input, byte-identical output
    let again = dir.path().join("again");
    assert!(map_sample(&again).status.success());
    for n in &names {
        assert_eq!(
            std::fs::read(out.join(n)).unwrap(),
            std::fs::read(again.join(n)).unwrap(),
            "{n} differs between runs"
        );
    }
}

#[test]
fn bad_input_is_reported_and_the_rest_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = unxref(&[
        "map",
        "data/sample",
        "no/such/file.txt",
        "-o",
        out.to_str().unwrap(),
        "--by",
        "pagerank",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no/such/file.txt: no such file"), "{err}");
    assert!(read(out.join("report.md")).contains("no/such/file.txt: no such file"));
    assert!(out.join("nodes.csv").is_file());
}

#[test]
fn export_formats_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let d = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    for (format, path, files) in [
        ("gephi", d("gephi"), vec!["nodes.csv", "edges.csv"]),
        ("csv", d("csv"), vec!["nodes.csv", "edges.csv"]),
        (
            "vosviewer",
            d("vos"),
            vec!["vosviewer_map.txt", "vosviewer_network.txt"],
        ),
        ("gexf", d("g.gexf"), vec![]),
        ("graphml", d("g.graphml"), vec![]),
        ("json", d("g.json"), vec![]),
        ("dot", d("g.dot"), vec![]),
    ] {
        let o = unxref(&[
            "export",
            "data/sample",
            "--format",
            format,
            "-o",
            &path,
            "--quiet",
        ]);
        assert!(
            o.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        if files.is_empty() {
            assert!(Path::new(&path).is_file(), "{format}");
        }
        for f in files {
            assert!(Path::new(&path).join(f).is_file(), "{format} {f}");
        }
    }
    // JSON to standard output
    let o = unxref(&[
        "export",
        "data/sample",
        "--format",
        "json",
        "-o",
        "-",
        "--top",
        "5",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), 5);
}

#[test]
fn export_errors_are_clear() {
    let o = unxref(&[
        "export",
        "data/sample",
        "--format",
        "dot",
        "-o",
        "-",
        "--ego",
        "99/999",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown id 99/999"), "{err}");

    let o = unxref(&[
        "export",
        "data/sample",
        "--format",
        "dot",
        "-o",
        "-",
        "--kind",
        "resolution",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown kind"));
}

#[test]
fn graphviz_missing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_unxref"))
            .args(args)
            .current_dir(ROOT)
            .env("PATH", empty.path())
            .output()
            .unwrap()
    };
    let svg = dir.path().join("m.svg");
    let o = run(&[
        "export",
        "data/sample",
        "--format",
        "svg",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Graphviz `dot` not found: install Graphviz"),
        "{err}"
    );
    assert!(!svg.exists());

    let out = dir.path().join("out");
    let o = run(&[
        "map",
        "data/sample",
        "-o",
        out.to_str().unwrap(),
        "--by",
        "pagerank",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("map.svg skipped"));
    assert!(out.join("map.dot").is_file() && !out.join("map.svg").exists());
}

#[test]
fn report_json() {
    let o = unxref(&[
        "report",
        "data/sample",
        "--format",
        "json",
        "--by",
        "pagerank",
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["documents"], 27);
    assert_eq!(v["centrality"][0]["name"], "pagerank");
}

#[test]
fn too_large_to_render_asks_for_top_or_force() {
    let corpus = tempfile::tempdir().unwrap();
    for i in 0..1501 {
        std::fs::write(
            corpus.path().join(format!("doc{i:04}.txt")),
            "The General Assembly, recalling its resolution 72/194,\n",
        )
        .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("big.svg");
    let c = corpus.path().to_str().unwrap();
    let o = unxref(&["export", c, "--format", "svg", "-o", svg.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("too many to render") && err.contains("--top") && err.contains("--force"),
        "{err}"
    );
    assert!(!svg.exists());
    if unxref::export::render::available("dot") {
        let o = unxref(&[
            "export",
            c,
            "--format",
            "svg",
            "--top",
            "20",
            "-o",
            svg.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(read(svg).contains("<svg"));
    }
}
