//! Hostile input through the binary (issue 10), one test per probe of
//! `../shared/tools/hostile-probe`, on small fixtures written here (no
//! shared corpus needed).

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn unxref(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unxref"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

const GOOD: &str = "United Nations A/RES/79/900\n\n79/900. A title\n\nThe General Assembly,\n\nRecalling its resolution 72/194 of 19 December 2017,\n\n1. Decides to act on resolution 73/1;\n";

fn corpus(d: &Path) {
    fs::create_dir_all(d.join("corpus")).unwrap();
    fs::write(d.join("corpus/A_RES_79_900.txt"), GOOD).unwrap();
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Item 1: a mistyped corpus path refuses and leaves the previous outputs.
#[test]
fn a_failed_run_never_replaces_good_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    let o = unxref(&["map", "corpus", "-o", "out", "-q"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = fs::read(d.join("out/edges.csv")).unwrap();
    let o = unxref(&["map", "corpsu", "-o", "out", "-q"], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no input could be used"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(d.join("out/edges.csv")).unwrap(), before);

    for args in [
        &["export", "corpus", "--format", "gexf", "-o", "e.gexf", "-q"][..],
        &["report", "corpus", "-o", "r.md", "-q"][..],
        &["extract", "corpus", "-o", "c.jsonl", "-q"][..],
    ] {
        let o = unxref(args, d);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let out = args[args.iter().position(|a| *a == "-o").unwrap() + 1];
        let before = fs::read(d.join(out)).unwrap();
        let mut bad: Vec<&str> = args.to_vec();
        bad[1] = "/nonexistent";
        let o = unxref(&bad, d);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert_eq!(fs::read(d.join(out)).unwrap(), before, "{bad:?}");
    }
    // no temporaries left behind
    let left: Vec<_> = fs::read_dir(d.join("out"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Item 1: temporaries of a dead run are removed by the next one.
#[test]
fn stale_temporaries_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    fs::create_dir(d.join("out")).unwrap();
    // above Linux's pid_max: never a live process
    fs::write(d.join("out/.edges.csv.tmp4194304"), "half").unwrap();
    let o = unxref(&["map", "corpus", "-o", "out", "-q"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    if Path::new("/proc/self").exists() {
        assert!(!d.join("out/.edges.csv.tmp4194304").exists());
    }
}

/// Item 1: SIGTERM while reading standard input removes nothing it should
/// not and leaves no temporary.
#[cfg(unix)]
#[test]
fn sigterm_leaves_no_temporary() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("c.jsonl"), "old\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_unxref"))
        .args(["extract", "-", "-o", "c.jsonl", "-q"])
        .current_dir(d)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    assert!(!status.success());
    assert_eq!(fs::read_to_string(d.join("c.jsonl")).unwrap(), "old\n");
    let names: Vec<String> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["c.jsonl"]);
}

/// Item 2: one stray byte keeps a UTF-8 document UTF-8.
#[test]
fn a_stray_byte_is_not_mojibake() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ru = "Совет Безопасности,\n\nссылаясь на свою резолюцию 2250 (2015),\n";
    fs::write(d.join("ru.txt"), ru).unwrap();
    let mut bytes = ru.as_bytes().to_vec();
    bytes.extend_from_slice(b"\x92\n");
    fs::write(d.join("ru2.txt"), &bytes).unwrap();
    let a = unxref(&["extract", "ru.txt", "--format", "jsonl"], d);
    let b = unxref(&["extract", "ru2.txt", "--format", "jsonl"], d);
    let lines = |o: &Output| String::from_utf8_lossy(&o.stdout).lines().count();
    assert!(lines(&a) >= 1);
    assert_eq!(lines(&a), lines(&b));
    assert!(String::from_utf8_lossy(&b.stdout).contains("\"lang\":\"ru\""));
    assert!(
        stderr(&b).contains("1 invalid UTF-8 byte"),
        "{}",
        stderr(&b)
    );
}

/// Item 3: a FIFO is skipped, a symlink loop walked once.
#[cfg(unix)]
#[test]
fn fifos_and_symlink_loops() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("L/sub")).unwrap();
    fs::write(d.join("L/good.txt"), "Recalling its resolution 72/194,\n").unwrap();
    std::os::unix::fs::symlink("..", d.join("L/sub/up")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(d.join("L/pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    let o = unxref(&["extract", "L", "--format", "jsonl"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.lines().count(), 1, "{out}");
    if fifo {
        assert!(
            stderr(&o).contains("pipe.txt: a FIFO, skipped"),
            "{}",
            stderr(&o)
        );
    }
}

/// Item 4: a second `map` over a corpus holding its own output gives the same graph.
#[test]
fn the_output_folder_inside_the_corpus_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    let c = d.join("corpus");
    let o = unxref(&["map", ".", "-o", "out", "-q"], &c);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = fs::read(c.join("out/edges.csv")).unwrap();
    let o = unxref(&["map", ".", "-o", "out", "-q"], &c);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read(c.join("out/edges.csv")).unwrap(), first);
    // a report.md copied elsewhere in the corpus is recognised too
    fs::copy(c.join("out/report.md"), c.join("report.md")).unwrap();
    let o = unxref(&["map", ".", "-o", "out", "-q"], &c);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read(c.join("out/edges.csv")).unwrap(), first);
}

/// Item 5: one CSV header, even with no citation.
#[test]
fn extract_csv_has_one_header() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    fs::write(d.join("none.txt"), "No citation here.\n").unwrap();
    for (f, rows) in [("corpus", 3), ("none.txt", 1)] {
        let o = unxref(&["extract", f, "--format", "csv"], d);
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(out.matches("file,doc,target").count(), 1, "{out}");
        assert_eq!(out.lines().count(), rows, "{out}");
    }
}

/// Items 6, 7, 8: a hostile title reaches no CSV as a formula, no report as
/// HTML, and keeps the DOT (and so the SVG) valid XML text.
#[test]
fn hostile_titles_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("A_RES_79_901.txt"),
        "United Nations A/RES/79/901\n\n79/901. =HYPERLINK(\"http://x.example\",\"x\") <script>alert(1)</script> \u{FFFE}\u{FFFF}\n\nRecalling its resolution 72/194,\n",
    )
    .unwrap();
    let o = unxref(&["map", "A_RES_79_901.txt", "-o", "m", "-q"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let nodes = fs::read_to_string(d.join("m/nodes.csv")).unwrap();
    assert!(nodes.contains("'=HYPERLINK"), "{nodes}");
    assert!(!nodes.contains(",=HYPERLINK") && !nodes.contains(",\"=HYPERLINK"));
    let report = fs::read_to_string(d.join("m/report.md")).unwrap();
    assert!(!report.contains("<script>"), "{report}");
    let dot = fs::read_to_string(d.join("m/map.dot")).unwrap();
    assert!(!dot.contains('\u{FFFE}') && !dot.contains('\u{FFFF}'));
    // every CSV listing too
    let o = unxref(
        &[
            "show",
            "A/RES/79/901",
            "A_RES_79_901.txt",
            "--format",
            "csv",
        ],
        d,
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("'=HYPERLINK"), "{out}");
    assert!(!out.contains(",=HYPERLINK"), "{out}");
    // Read back from the Gephi tables, the title is the title again.
    let o = unxref(
        &[
            "show",
            "A/RES/79/901",
            "m/edges.csv",
            "m/nodes.csv",
            "--format",
            "jsonl",
        ],
        d,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\"=HYPERLINK"), "{out}");
    assert!(!out.contains("'=HYPERLINK"), "{out}");
}

/// Item 10: summed weights that overflow still save and reload.
#[test]
fn overflowing_weights_reload() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("o.csv"),
        "Source,Target,Weight\nA/RES/1/1,A/RES/2/2,1e308\nA/RES/1/1,A/RES/2/2,1e308\n",
    )
    .unwrap();
    let o = unxref(&["graph", "o.csv", "-o", "o.json", "-q"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let saved = fs::read_to_string(d.join("o.json")).unwrap();
    assert!(!saved.contains("null"), "{saved}");
    let o = unxref(&["stats", "o.json"], d);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Item 13: messages.
#[test]
fn messages_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    fs::write(d.join("afile"), "x").unwrap();
    let o = unxref(&["map", "corpus", "-o", "afile"], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("afile: cannot write: is a file, not a folder"),
        "{}",
        stderr(&o)
    );
    // the OS error once, not twice
    if Path::new("/dev/full").exists() {
        let o = Command::new(env!("CARGO_BIN_EXE_unxref"))
            .args(["extract", "corpus", "--format", "jsonl"])
            .current_dir(d)
            .stdout(fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(
            stderr(&o).matches("os error 28").count(),
            1,
            "{}",
            stderr(&o)
        );
    }
    // an empty id names its own line
    fs::write(
        d.join("g.json"),
        "{\"format\":\"unxref-graph\",\"version\":1,\n\"nodes\":[\n{\"id\":\"A/RES/1/1\"},\n{\"id\":\"\"}\n],\n\"edges\":[]}\n",
    )
    .unwrap();
    let o = unxref(&["stats", "g.json"], d);
    assert!(
        stderr(&o).contains("g.json:4: a node has an empty id"),
        "{}",
        stderr(&o)
    );
    // ANSI escapes from a title never reach the terminal table
    fs::write(
        d.join("A_RES_79_902.txt"),
        "United Nations A/RES/79/902\n\n79/902. Red \u{1b}[31mtitle\u{1b}[0m\u{7}\n\nRecalling its resolution 72/194,\n",
    )
    .unwrap();
    let o = unxref(
        &[
            "show",
            "A/RES/79/902",
            "A_RES_79_902.txt",
            "--format",
            "table",
        ],
        d,
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Red title"), "{out:?}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}
