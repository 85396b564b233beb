//! Bad input through the binary: every problem is one line on stderr naming
//! the file, the other documents are still processed, the exit code is 1,
//! and nothing panics.

use std::fs;
use std::process::Command;

fn unxref() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unxref"))
}

#[test]
fn bad_files_are_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("good.txt"),
        "Recalling its resolution 72/194 of 19 December 2017,\n",
    )
    .unwrap();
    fs::write(
        d.join("binary.txt"),
        b"\x7fELF\x00\x01\x02resolution 72/194",
    )
    .unwrap();
    fs::write(d.join("empty.txt"), b"").unwrap();
    fs::write(
        d.join("latin1.txt"),
        b"Rappelant sa r\xe9solution 73/174,\n",
    )
    .unwrap();
    fs::write(d.join("image.png"), b"\x89PNG").unwrap();
    let other = tempfile::tempdir().unwrap();
    let nothing = other.path().join("nothing");
    fs::create_dir(&nothing).unwrap();
    let missing = d.join("missing.txt");
    let out = unxref()
        .arg("extract")
        .arg(d)
        .arg(&nothing)
        .arg(&missing)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (name, what) in [
        ("binary.txt", "binary file"),
        ("empty.txt", "empty file"),
        ("missing.txt", "no such file"),
        ("nothing", "no .txt"),
        ("latin1.txt", "Windows-1252"),
        ("image.png", "skipped"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no message for {name}: {stderr}"));
        assert!(line.contains(what), "{line}");
    }
    assert!(stdout.contains("\"target\":\"A/RES/72/194\""), "{stdout}");
    assert!(stdout.contains("\"target\":\"A/RES/73/174\""), "{stdout}");
}

#[test]
fn quiet_silences_notes_but_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "resolution 72/194").unwrap();
    fs::write(d.join("b.png"), "x").unwrap();
    fs::write(d.join("c.txt"), "").unwrap();
    let out = unxref()
        .args(["extract", "--quiet", "--format", "csv"])
        .arg(d)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("b.png"), "{stderr}");
    assert!(stderr.contains("c.txt"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with(
        "file,doc,target,kind,text,start,end,line,lang,cue,paragraph,page,context,cited_title,cited_date
"
    ));
}

#[test]
fn stdin_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("c.jsonl");
    let mut child = unxref()
        .args(["extract", "-", "--format", "jsonl", "-o"])
        .arg(&out_path)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"Recalling resolution 2178 (2014) of 24 September 2014,")
            .unwrap();
    }
    let status = child.wait().unwrap();
    assert!(status.success());
    let text = fs::read_to_string(&out_path).unwrap();
    assert!(text.contains("S/RES/2178(2014)"), "{text}");
    // no temporary file left behind
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn unwritable_output_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "resolution 72/194").unwrap();
    let out = unxref()
        .arg("extract")
        .arg(dir.path().join("a.txt"))
        .args(["-o", "/nonexistent-dir/x.jsonl"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("/nonexistent-dir/x.jsonl"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

/// A file unxref wrote, found in a folder, is skipped with a note, not an
/// error, by `extract` and by `map` alike; a folder holding nothing else
/// holds no document (and with no other input, nothing could be used).
#[test]
fn own_outputs_in_folders_are_skipped_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let corpus = d.join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), "Recalling its resolution 72/194,\n").unwrap();
    let listing = "file line kind target text\nx 1 ga A/RES/1/1 1/1\n";
    fs::write(corpus.join("listing.txt"), listing).unwrap();
    let only = d.join("only");
    fs::create_dir(&only).unwrap();
    fs::write(only.join("listing.txt"), listing).unwrap();
    let extract = |folder: &std::path::Path| {
        unxref()
            .arg("extract")
            .arg(folder)
            .args(["--format", "jsonl"])
            .output()
            .unwrap()
    };
    let out = extract(&corpus);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("listing.txt: written by unxref (an extract listing), skipped"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("A/RES/72/194"), "{stdout}");
    let m = unxref()
        .arg("map")
        .arg(&corpus)
        .arg("-o")
        .arg(d.join("m"))
        .output()
        .unwrap();
    assert!(m.status.success(), "{}", String::from_utf8_lossy(&m.stderr));
    let nodes = fs::read_to_string(d.join("m/nodes.csv")).unwrap();
    assert!(!nodes.contains("A/RES/1/1"), "{nodes}");
    // A folder holding nothing but the listing holds no document.
    let out = extract(&only);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("folder holds no"), "{stderr}");
    assert!(stderr.contains("written by unxref"), "{stderr}");
    assert!(stderr.contains("no input could be used"), "{stderr}");
}
