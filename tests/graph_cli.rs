//! The graph commands end to end: output formats, exit codes, messages.

use std::process::{Command, Output};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/graph/small.csv"
);

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unxref"))
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn cited_by_csv() {
    let o = run(&[
        "cited-by",
        "resolution 70/1",
        FIXTURE,
        "--format",
        "csv",
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "distance,id,kind,year,title,weight,cue,paragraph,via,in_corpus\n\
         1,S/RES/2178(2014),sc-resolution,2014,,1,,,A/RES/70/1,false\n\
         1,A/RES/72/194,ga-resolution,2017,,2,,,A/RES/70/1,false\n\
         1,A/RES/73/1,ga-resolution,2018,,4,,,A/RES/70/1,false\n\
         1,A/RES/74/5,ga-resolution,2019,,1,,,A/RES/70/1,false\n"
    );
    assert_eq!(stderr(&o), "", "--quiet silences notes");
}

#[test]
fn rank_markdown_and_jsonl() {
    let o = run(&[
        "rank",
        FIXTURE,
        "--by",
        "in-degree",
        "--top",
        "2",
        "--format",
        "markdown",
        "-q",
    ]);
    assert_eq!(
        stdout(&o),
        "| rank | id | kind | year | title | score | in_corpus |\n\
         |---|---|---|---|---|---|---|\n\
         | 1 | A/RES/70/1 | ga-resolution | 2015 |  | 4 | false |\n\
         | 2 | A/RES/217(III) | ga-resolution | 1948 |  | 2 | false |\n"
    );
    let o = run(&[
        "rank",
        FIXTURE,
        "--by",
        "out-degree",
        "--top",
        "1",
        "--kind",
        "sc-resolution",
        "--format",
        "jsonl",
        "-q",
    ]);
    assert_eq!(
        stdout(&o),
        "{\"rank\":1,\"id\":\"S/RES/2178(2014)\",\"kind\":\"sc-resolution\",\"year\":2014,\"title\":null,\"score\":2,\"in_corpus\":false}\n"
    );
}

#[test]
fn unknown_id_exits_2_with_suggestion() {
    let o = run(&["cites", "72/195", FIXTURE, "-q"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "unxref: error: unknown id 72/195 (did you mean A/RES/72/194?)\n"
    );
}

#[test]
fn bad_inputs_are_reported_and_the_rest_used() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Source,Target,Weight\na,b,x\n").unwrap();
    let missing = dir.path().join("missing.csv");
    let o = run(&[
        "stats",
        FIXTURE,
        bad.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--format",
        "csv",
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("bad.csv:2: weight \"x\" is not a number"),
        "{err}"
    );
    assert!(err.contains("missing.csv: cannot read"), "{err}");
    assert!(stdout(&o).contains("summary,nodes,11,"), "{}", stdout(&o));
    // Nothing usable at all: exit 2.
    let o = run(&["stats", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no input could be used"));
}

#[test]
fn path_found_and_not_found() {
    let o = run(&[
        "path",
        "74/5",
        "217 (III)",
        FIXTURE,
        "--format",
        "csv",
        "-q",
    ]);
    assert_eq!(
        stdout(&o),
        "step,id,kind,year,title,direction,weight,cue\n\
         0,A/RES/74/5,ga-resolution,2019,,,,\n\
         1,A/RES/70/1,ga-resolution,2015,,cites,1,\n\
         2,A/RES/217(III),ga-resolution,1948,,cites,1,\n"
    );
    let o = run(&[
        "path", "217(III)", "74/5", FIXTURE, "--format", "table", "-q",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "no citation chain from A/RES/217(III) to A/RES/74/5\n"
    );
    let o = run(&[
        "path",
        "217(III)",
        "74/5",
        FIXTURE,
        "--undirected",
        "--format",
        "csv",
        "-q",
    ]);
    assert!(
        stdout(&o).contains("2,A/RES/74/5,ga-resolution,2019,,cited-by,1,"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn saved_graph_answers_like_its_source_and_output_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("small.graph.json");
    let o = run(&["graph", FIXTURE, "-o", saved.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for args in [
        vec!["cites", "74/5", "--depth", "3"],
        vec!["related", "70/1"],
        vec!["show", "70/1"],
        vec!["stats"],
    ] {
        let with = |input: &str| {
            let mut a = args.clone();
            a.insert(if args[0] == "stats" { 1 } else { 2 }, input);
            a.extend(["--format", "jsonl", "-q"]);
            stdout(&run(&a))
        };
        let from_csv = with(FIXTURE);
        assert!(!from_csv.is_empty(), "{args:?}");
        assert_eq!(from_csv, with(saved.to_str().unwrap()), "{args:?}");
        assert_eq!(from_csv, with(FIXTURE), "{args:?} is deterministic");
    }
    // Saving again gives the same bytes.
    let again = dir.path().join("again.json");
    run(&[
        "graph",
        saved.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(
        std::fs::read(&saved).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

#[test]
fn show_and_related() {
    let o = run(&["show", "73/1", FIXTURE, "--format", "csv", "-q"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("attribute,pagerank,"))
        .collect();
    assert_eq!(
        lines,
        [
            "section,key,value,title",
            "attribute,id,A/RES/73/1,",
            "attribute,kind,ga-resolution,",
            "attribute,title,,",
            "attribute,year,2018,",
            "attribute,date,,",
            "attribute,body,general-assembly,",
            "attribute,lang,,",
            "attribute,in_corpus,false,",
            "attribute,file,,",
            "attribute,cited_by,1,",
            "attribute,cites,2,",
            "attribute,mentions_received,1,",
            "attribute,mentions_made,5,",
            "attribute,pagerank_rank,7,",
            "attribute,nodes,11,",
            "top-citer,A/RES/74/5,1,",
            "top-cited,A/RES/70/1,4,",
            "top-cited,A/RES/72/194,1,",
        ]
    );
    let o = run(&[
        "related", "70/1", FIXTURE, "--format", "csv", "--top", "2", "-q",
    ]);
    assert_eq!(
        stdout(&o),
        "relation,id,kind,year,title,count\n\
         co-citation,A/RES/217(III),ga-resolution,1948,,1\n\
         co-citation,A/RES/72/194,ga-resolution,2017,,1\n\
         coupling,A/RES/72/194,ga-resolution,2017,,1\n"
    );
}

#[test]
fn graph_to_stdout_is_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("g.json");
    run(&["graph", FIXTURE, "-o", saved.to_str().unwrap(), "-q"]);
    let o = run(&["graph", FIXTURE, "-q"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(o.stdout, std::fs::read(&saved).unwrap());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["format"], "unxref-graph");
    assert_eq!(v["version"], 1);
    assert_eq!(v["nodes"].as_array().unwrap().len(), 11);
    assert_eq!(v["edges"].as_array().unwrap().len(), 12);
    assert_eq!(v["edges"][0]["source"], 0);
}

#[test]
fn gephi_export_reads_back_as_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gephi");
    let o = run(&[
        "export",
        FIXTURE,
        "--format",
        "gephi",
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (nodes, edges) = (out.join("nodes.csv"), out.join("edges.csv"));
    for args in [vec!["cites", "74/5", "--depth", "3"], vec!["stats"]] {
        let with = |inputs: &[&str]| {
            let mut a = args.clone();
            let at = if args[0] == "stats" { 1 } else { 2 };
            for (k, i) in inputs.iter().enumerate() {
                a.insert(at + k, i);
            }
            a.extend(["--format", "csv", "-q"]);
            stdout(&run(&a))
        };
        let direct = with(&[FIXTURE]);
        let back = with(&[nodes.to_str().unwrap(), edges.to_str().unwrap()]);
        assert!(!direct.is_empty());
        assert_eq!(direct, back, "{args:?}");
    }
}
