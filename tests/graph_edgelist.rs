//! Edge-list CSV parsing: shapes other tools write, and bad rows.

use std::path::Path;
use unxref::graph::GraphError;
use unxref::graph::edgelist::parse;

/// `(source, target, weight)`.
type Edge = (String, String, f64);

/// Edges in graph order.
fn edges(csv: &str) -> Vec<Edge> {
    let (g, _) = parse(csv.as_bytes(), Path::new("t.csv")).expect("parses");
    g.graph
        .raw_edges()
        .iter()
        .map(|e| {
            (
                g.meta(e.source()).id.clone(),
                g.meta(e.target()).id.clone(),
                e.weight.weight,
            )
        })
        .collect()
}

fn e(s: &str, t: &str, w: f64) -> Edge {
    (s.into(), t.into(), w)
}

#[test]
fn accepted_shapes() {
    let table: Vec<(&str, &str, Vec<Edge>)> = vec![
        (
            "plain",
            "Source,Target,Weight\na,b,2\nb,c,1\n",
            vec![e("a", "b", 2.0), e("b", "c", 1.0)],
        ),
        (
            "no weight column",
            "Source,Target\na,b\n",
            vec![e("a", "b", 1.0)],
        ),
        (
            "header case and blanks",
            " source , TARGET ,weight\na,b,3\n",
            vec![e("a", "b", 3.0)],
        ),
        (
            "columns in another order, extra columns ignored",
            "Id,Target,Type,Source,Weight,Label\n1,b,Directed,a,2.5,x\n",
            vec![e("a", "b", 2.5)],
        ),
        (
            "semicolon",
            "Source;Target;Weight\na;b;2\n",
            vec![e("a", "b", 2.0)],
        ),
        (
            "tab",
            "Source\tTarget\tWeight\na\tb\t2\n",
            vec![e("a", "b", 2.0)],
        ),
        (
            "headerless",
            "a,b,2\nb,c\n",
            vec![e("a", "b", 2.0), e("b", "c", 1.0)],
        ),
        (
            "CRLF, BOM, blank lines",
            "\u{feff}Source,Target\r\n\r\na,b\r\n\n",
            vec![e("a", "b", 1.0)],
        ),
        (
            "empty weight counts 1",
            "Source,Target,Weight\na,b,\n",
            vec![e("a", "b", 1.0)],
        ),
        (
            "quoted fields with delimiter and escaped quote",
            "Source,Target,Weight\n\"x, \"\"y\"\"\",\"b\",\"2\"\n",
            vec![e("x, \"y\"", "b", 2.0)],
        ),
        (
            "repeated edges summed, self-loop dropped",
            "Source,Target,Weight\na,b,1\na,a,5\na,b,2\n",
            vec![e("a", "b", 3.0)],
        ),
        (
            "ids normalised: spaced SC symbol and GA short form merge",
            "Source,Target\nS/RES/2178 (2014),72/194\nS/RES/2178(2014),A/RES/72/194\n",
            vec![e("S/RES/2178(2014)", "A/RES/72/194", 2.0)],
        ),
        (
            "edges grouped by source in node order, targets in node order",
            "Source,Target\nb,c\na,c\nb,a\n",
            // first seen: b, c, a
            vec![e("b", "c", 1.0), e("b", "a", 1.0), e("a", "c", 1.0)],
        ),
    ];
    for (name, csv, want) in table {
        assert_eq!(edges(csv), want, "{name}");
    }
}

#[test]
fn node_attributes_from_ids() {
    let (g, report) = parse(
        b"Source,Target\nS/RES/2178(2014),A/RES/217(III)\n42,A/HRC/RES/40/1\n42,42\n",
        Path::new("t.csv"),
    )
    .unwrap();
    let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        ["S/RES/2178(2014)", "A/RES/217(III)", "42", "A/HRC/RES/40/1"]
    );
    let years: Vec<Option<i32>> = g.nodes.iter().map(|n| n.year).collect();
    assert_eq!(years, [Some(2014), Some(1948), None, Some(2019)]);
    assert!(g.nodes.iter().all(|n| !n.in_corpus));
    assert_eq!(report.rows, 3);
    assert_eq!(report.self_loops, 1);
}

#[test]
fn bad_rows_name_file_and_line() {
    let table = [
        (
            "Source,Target,Weight\na,b,1\nc,d,abc\n",
            3,
            "weight \"abc\" is not a number",
        ),
        (
            "Source,Target,Weight\na,b,-1\n",
            2,
            "not a finite non-negative number",
        ),
        (
            "Source,Target,Weight\na,b,NaN\n",
            2,
            "not a finite non-negative number",
        ),
        (
            "Source,Target,Weight\n\na\n",
            3,
            "expected at least 2 columns",
        ),
        ("Source,Target\n,b\n", 2, "empty source id"),
        ("Source,Target\na,  \n", 2, "empty target id"),
        ("Source,Weight\na,1\n", 1, "no Target column"),
        (
            "Id,Label,Color\n1,x,red\n",
            1,
            "expected a Source,Target[,Weight] header",
        ),
        ("Source,Target\n\"a,b\n", 2, "unterminated quoted field"),
        ("", 0, "no rows"),
    ];
    for (csv, line, msg) in &table {
        match parse(csv.as_bytes(), Path::new("dir/edges.csv")) {
            Err(GraphError::EdgeList {
                path,
                line: l,
                msg: m,
            }) => {
                assert_eq!(path, Path::new("dir/edges.csv"));
                assert_eq!(l, *line, "{csv:?}: {m}");
                assert!(m.contains(msg), "{csv:?}: {m}");
            }
            other => panic!("{csv:?}: expected an error, got {other:?}"),
        }
    }
    // Invalid UTF-8 is refused with its line.
    let bad = b"Source,Target\na,b\nc,\xff\n";
    let err = parse(bad, Path::new("e.csv")).unwrap_err().to_string();
    assert_eq!(err, "e.csv:3: not valid UTF-8 text");
    // The message format: file:line: what.
    let err = parse(b"Source,Target,Weight\na,b,x\n", Path::new("e.csv"))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "e.csv:2: weight \"x\" is not a number");
}

/// The graph as comparable data: node ids and `(source, target, weight)`.
fn shape(g: &unxref::graph::CitationGraph) -> (Vec<String>, Vec<Edge>) {
    let nodes = g.nodes.iter().map(|n| n.id.clone()).collect();
    let edges = g
        .graph
        .raw_edges()
        .iter()
        .map(|e| {
            (
                g.meta(e.source()).id.clone(),
                g.meta(e.target()).id.clone(),
                e.weight.weight,
            )
        })
        .collect();
    (nodes, edges)
}

#[test]
fn parallel_parts_give_the_same_graph_and_errors() {
    use unxref::graph::edgelist::parse_in_parts;
    // A few hundred rows with repeats across parts, self-loops, blank
    // lines, quotes and a spaced symbol that merges with its canonical form.
    let mut csv = String::from("Source,Target,Weight\n");
    for i in 0..300u32 {
        let s = (i * 7919) % 97;
        let t = (i * 104_729) % 89;
        csv.push_str(&format!("n{s},n{t},{}\n", 1 + i % 3));
        if i % 50 == 0 {
            csv.push_str("\n\"S/RES/687 (1991)\",S/RES/687(1991)\nS/RES/687(1991),\"n1\"\n");
        }
    }
    let one = parse_in_parts(csv.as_bytes(), Path::new("p.csv"), 1).unwrap();
    for parts in 2..=7 {
        let many = parse_in_parts(csv.as_bytes(), Path::new("p.csv"), parts).unwrap();
        assert_eq!(shape(&many.0), shape(&one.0), "{parts} parts");
        assert_eq!(many.1, one.1, "{parts} parts: report");
    }
    // Errors: the first in file order, with its line in the file.
    let mut bad = csv.clone();
    bad.push_str("a,b,oops\nc,d,worse\n");
    let lines = bad.lines().count();
    for parts in 1..=7 {
        let e = parse_in_parts(bad.as_bytes(), Path::new("p.csv"), parts).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("p.csv:{}: weight \"oops\" is not a number", lines - 1),
            "{parts} parts"
        );
    }
    // Tiny inputs cut into more parts than lines.
    for parts in 1..=4 {
        let (g, _) = parse_in_parts(b"a,b\n", Path::new("t.csv"), parts).unwrap();
        assert_eq!(shape(&g).1, [e("a", "b", 1.0)]);
    }
}

#[test]
fn cue_and_paragraph_of_the_first_row_are_kept() {
    use unxref::graph::edgelist::parse_in_parts;
    let mut csv = String::from("Source,Target,Weight,Id,cue,paragraph\n");
    for i in 0..40 {
        csv.push_str(&format!(
            "a,b,1,{i},{},{}\n",
            if i == 0 { "" } else { "Later" },
            if i == 0 { "" } else { "op9" }
        ));
        csv.push_str(&format!("c,d,1,{i},Recalling{i},pp{i}\n"));
    }
    csv.push_str("e,f,2,99,,\n");
    for parts in 1..=4 {
        let (g, _) = parse_in_parts(csv.as_bytes(), Path::new("x.csv"), parts).unwrap();
        let got: Vec<(String, f64, String, String)> = g
            .graph
            .raw_edges()
            .iter()
            .map(|e| {
                (
                    format!("{}>{}", g.meta(e.source()).id, g.meta(e.target()).id),
                    e.weight.weight,
                    e.weight.cue.to_string(),
                    e.weight.paragraph.to_string(),
                )
            })
            .collect();
        let row =
            |e: &str, w: f64, c: &str, p: &str| (e.to_string(), w, c.to_string(), p.to_string());
        assert_eq!(
            got,
            [
                row("a>b", 40.0, "", ""),
                row("c>d", 40.0, "Recalling0", "pp0"),
                row("e>f", 2.0, "", "")
            ],
            "{parts} parts"
        );
    }
}

/// Issue 10 item 9: a huge unrecognised file is refused with a short
/// message; NUL bytes and oversized inputs are refused before parsing.
#[test]
fn huge_or_binary_inputs_are_refused_briefly() {
    let dir = tempfile::tempdir().unwrap();
    // one 1 MB line that is not a header: the message quotes 200 characters
    let long = dir.path().join("long.csv");
    std::fs::write(&long, "x".repeat(1 << 20)).unwrap();
    let msg = unxref::graph::edgelist::load(&long)
        .unwrap_err()
        .to_string();
    assert!(msg.len() < 400, "{} bytes: {}", msg.len(), &msg[..400]);
    assert!(msg.contains("1048576 bytes in all"), "{msg}");
    // a bad weight of any length is quoted briefly too
    let w = format!("Source,Target,Weight\na,b,{}\n", "9x".repeat(100_000));
    let msg = parse(w.as_bytes(), Path::new("w.csv"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.len() < 400 && msg.starts_with("w.csv:2: weight"),
        "{msg:.400}"
    );
    // NUL bytes (a truncated or binary file), in every kind of graph input
    for name in ["zeros.csv", "zeros.json", "nodes.csv"] {
        let p = dir.path().join(name);
        let mut bytes = b"Source,Target\na,b\n".to_vec();
        if name == "nodes.csv" {
            bytes = b"Id,Label\na,b\n".to_vec();
        }
        bytes.extend_from_slice(&[0u8; 4096]);
        std::fs::write(&p, &bytes).unwrap();
        let loaded =
            unxref::graph::input::load_inputs(std::slice::from_ref(&p), &Default::default())
                .unwrap();
        let msg = loaded.errors[0].to_string();
        assert!(msg.contains(":3: NUL byte"), "{name}: {msg}");
    }
    // larger than the bound (a sparse file: no disk space used)
    let big = dir.path().join("big.csv");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(unxref::graph::MAX_GRAPH_INPUT + 1).unwrap();
    let msg = unxref::graph::edgelist::load(&big).unwrap_err().to_string();
    assert!(msg.contains("larger than 4 GiB"), "{msg}");
}
