//! Queries on a small fixture graph: cited-by/cites with depth and
//! filters, paths, related texts, stats, ranking, id resolution.

use std::path::Path;
use unxref::analysis::path::shortest_path;
use unxref::analysis::query::{QueryOptions, cited_by, cites, rank_position, top_by_score};
use unxref::analysis::related::{co_cited, coupled};
use unxref::analysis::stats::stats;
use unxref::analysis::{Measure, compute};
use unxref::graph::resolve_id::resolve;
use unxref::graph::{CitationGraph, GraphError, edgelist};
use unxref::model::Kind;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/graph/small.csv"
);

fn fixture() -> CitationGraph {
    edgelist::load(Path::new(FIXTURE)).expect("fixture loads").0
}

fn id(g: &CitationGraph, typed: &str) -> petgraph::graph::NodeIndex {
    resolve(g, typed).unwrap_or_else(|e| panic!("{typed}: {e}"))
}

/// `(distance, id)` of each hit.
fn listed(g: &CitationGraph, hits: &[unxref::analysis::query::Hit]) -> Vec<(usize, String)> {
    hits.iter()
        .map(|h| (h.distance, g.meta(h.node).id.clone()))
        .collect()
}

fn d(n: usize, s: &str) -> (usize, String) {
    (n, s.to_string())
}

#[test]
fn cited_by_and_cites_with_depth_and_filters() {
    let g = fixture();
    let opts = |depth, kind, since, until| QueryOptions {
        depth,
        kind,
        since,
        until,
    };
    type Case = (&'static str, bool, QueryOptions, Vec<(usize, String)>);
    let table: Vec<Case> = vec![
        (
            "70/1",
            true,
            opts(1, None, None, None),
            vec![
                d(1, "S/RES/2178(2014)"),
                d(1, "A/RES/72/194"),
                d(1, "A/RES/73/1"),
                d(1, "A/RES/74/5"),
            ],
        ),
        (
            "217 (III)",
            true,
            opts(1, None, None, None),
            vec![d(1, "A/RES/70/1"), d(1, "A/RES/72/194")],
        ),
        (
            "resolution 217 (III)",
            true,
            opts(2, None, None, None),
            vec![
                d(1, "A/RES/70/1"),
                d(1, "A/RES/72/194"),
                d(2, "S/RES/2178(2014)"),
                d(2, "A/RES/73/1"),
                d(2, "A/RES/74/5"),
            ],
        ),
        (
            "A/RES/217(III)",
            true,
            opts(9, None, None, None),
            vec![
                d(1, "A/RES/70/1"),
                d(1, "A/RES/72/194"),
                d(2, "S/RES/2178(2014)"),
                d(2, "A/RES/73/1"),
                d(2, "A/RES/74/5"),
            ],
        ),
        (
            "217(III)",
            true,
            opts(2, Some(Kind::ScResolution), None, None),
            vec![d(2, "S/RES/2178(2014)")],
        ),
        (
            "217(III)",
            true,
            opts(2, None, Some(2018), None),
            vec![d(2, "A/RES/73/1"), d(2, "A/RES/74/5")],
        ),
        (
            "217(III)",
            true,
            opts(2, None, None, Some(2015)),
            vec![d(1, "A/RES/70/1"), d(2, "S/RES/2178(2014)")],
        ),
        (
            "74/5",
            false,
            opts(3, None, None, None),
            vec![
                d(1, "A/RES/70/1"),
                d(1, "A/RES/73/1"),
                d(2, "A/RES/217(III)"),
                d(2, "A/RES/72/194"),
            ],
        ),
        ("74/5", true, opts(1, None, None, None), vec![]),
        (
            "S/RES/2178 (2014)",
            false,
            opts(1, None, None, None),
            vec![d(1, "S/RES/1373(2001)"), d(1, "A/RES/70/1")],
        ),
    ];
    for (typed, citers, o, want) in table {
        let n = id(&g, typed);
        let hits = if citers {
            cited_by(&g, n, &o)
        } else {
            cites(&g, n, &o)
        };
        assert_eq!(listed(&g, &hits), want, "{typed} citers={citers} {o:?}");
    }
    // Weight, via and first cue of the hits.
    let hits = cited_by(&g, id(&g, "217(III)"), &opts(2, None, None, None));
    let h = hits
        .iter()
        .find(|h| g.meta(h.node).id == "A/RES/74/5")
        .unwrap();
    assert_eq!(g.meta(h.via).id, "A/RES/70/1");
    assert_eq!(h.weight, 1.0);
    let hits = cited_by(&g, id(&g, "70/1"), &QueryOptions::default());
    let h = hits
        .iter()
        .find(|h| g.meta(h.node).id == "A/RES/73/1")
        .unwrap();
    assert_eq!(h.weight, 4.0, "3 + 1 from the repeated row");
}

#[test]
fn shortest_paths() {
    let g = fixture();
    let chain = |a: &str, b: &str, undirected: bool| {
        shortest_path(&g, id(&g, a), id(&g, b), undirected)
            .map(|c| c.iter().map(|&n| g.meta(n).id.clone()).collect::<Vec<_>>())
    };
    let table: Vec<(&str, &str, bool, Option<Vec<&str>>)> = vec![
        (
            "74/5",
            "217(III)",
            false,
            Some(vec!["A/RES/74/5", "A/RES/70/1", "A/RES/217(III)"]),
        ),
        (
            "73/1",
            "72/194",
            false,
            Some(vec!["A/RES/73/1", "A/RES/72/194"]),
        ),
        ("217(III)", "74/5", false, None),
        (
            "217(III)",
            "74/5",
            true,
            Some(vec!["A/RES/217(III)", "A/RES/70/1", "A/RES/74/5"]),
        ),
        ("74/5", "E/RES/2019/19", true, None),
        ("75/1", "75/1", false, Some(vec!["A/RES/75/1"])),
        (
            "75/1",
            "75/2",
            false,
            Some(vec!["A/RES/75/1", "A/RES/75/2"]),
        ),
        (
            "75/2",
            "75/1",
            false,
            Some(vec!["A/RES/75/2", "A/RES/75/1"]),
        ),
    ];
    for (a, b, u, want) in table {
        let want = want.map(|v| v.into_iter().map(String::from).collect::<Vec<_>>());
        assert_eq!(chain(a, b, u), want, "{a} → {b} undirected={u}");
    }
}

#[test]
fn co_citation_and_coupling() {
    let csv = "Source,Target\np1,x\np1,y\np2,x\np2,y\np3,x\np3,z\n";
    let (g, _) = edgelist::parse(csv.as_bytes(), Path::new("r.csv")).unwrap();
    let named = |v: Vec<unxref::analysis::related::Related>| {
        v.into_iter()
            .map(|r| (g.meta(r.node).id.clone(), r.count))
            .collect::<Vec<_>>()
    };
    let s = |x: &str, n: usize| (x.to_string(), n);
    assert_eq!(named(co_cited(&g, id(&g, "x"), 10)), [s("y", 2), s("z", 1)]);
    assert_eq!(named(co_cited(&g, id(&g, "y"), 10)), [s("x", 2)]);
    assert_eq!(named(co_cited(&g, id(&g, "x"), 1)), [s("y", 2)]);
    assert_eq!(
        named(coupled(&g, id(&g, "p1"), 10)),
        [s("p2", 2), s("p3", 1)]
    );
    assert_eq!(
        named(coupled(&g, id(&g, "p3"), 10)),
        [s("p1", 1), s("p2", 1)]
    );
    assert_eq!(named(coupled(&g, id(&g, "x"), 10)), []);
    // On the fixture: what is cited together with A/RES/70/1.
    let g = fixture();
    let got: Vec<(String, usize)> = co_cited(&g, id(&g, "70/1"), 10)
        .into_iter()
        .map(|r| (g.meta(r.node).id.clone(), r.count))
        .collect();
    assert_eq!(
        got,
        [
            s("A/RES/217(III)", 1),
            s("A/RES/72/194", 1),
            s("A/RES/73/1", 1),
            s("S/RES/1373(2001)", 1)
        ]
    );
}

#[test]
fn stats_counts() {
    let g = fixture();
    let s = stats(&g);
    let table = [
        ("nodes", s.nodes, 11),
        ("edges", s.edges, 12),
        ("in corpus", s.in_corpus, 0),
        ("external", s.external, 11),
        ("weak components", s.weak_components, 3),
        ("largest weak", s.largest_weak, 7),
        ("strong components", s.strong_components, 10),
        ("cyclic components", s.cyclic_components, 1),
        ("largest strong", s.largest_strong, 2),
        (
            "flagged (S/RES/2178(2014) cites A/RES/70/1)",
            s.flagged_edges,
            1,
        ),
    ];
    for (what, got, want) in table {
        assert_eq!(got, want, "{what}");
    }
    assert_eq!(s.mentions, 16.0);
    let kinds: Vec<(&str, usize, usize, usize)> = s
        .per_kind
        .iter()
        .map(|(k, c)| (k.as_str(), c.nodes, c.edges_out, c.edges_in))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ecosoc-resolution", 2, 1, 1),
            ("ga-resolution", 7, 9, 10),
            ("sc-resolution", 2, 2, 1)
        ]
    );
    let years: Vec<(Option<i32>, usize)> = s.per_year.iter().map(|(y, c)| (*y, c.nodes)).collect();
    assert_eq!(
        years,
        [
            (Some(1948), 1),
            (Some(2001), 1),
            (Some(2014), 1),
            (Some(2015), 1),
            (Some(2017), 1),
            (Some(2018), 2),
            (Some(2019), 2),
            (Some(2020), 2)
        ]
    );
}

#[test]
fn ranking_is_deterministic() {
    let g = fixture();
    let scores = compute(&g.graph, Measure::InDegree);
    let top: Vec<(String, f64)> = top_by_score(&g, &scores, 4, None)
        .into_iter()
        .map(|(n, s)| (g.meta(n).id.clone(), s))
        .collect();
    let s = |x: &str, v: f64| (x.to_string(), v);
    assert_eq!(
        top,
        [
            s("A/RES/70/1", 4.0),
            s("A/RES/217(III)", 2.0),
            s("A/RES/72/194", 1.0),
            s("A/RES/73/1", 1.0)
        ]
    );
    let sc: Vec<String> = top_by_score(&g, &scores, 10, Some(Kind::ScResolution))
        .into_iter()
        .map(|(n, _)| g.meta(n).id.clone())
        .collect();
    assert_eq!(sc, ["S/RES/1373(2001)", "S/RES/2178(2014)"]);
    assert!(top_by_score(&g, &scores, 0, None).is_empty());
    // PageRank: positions agree with the listing.
    let pr = compute(&g.graph, Measure::Pagerank);
    let all = top_by_score(&g, &pr, usize::MAX, None);
    assert_eq!(all.len(), 11);
    for (i, (n, _)) in all.iter().enumerate() {
        assert_eq!(rank_position(&g, &pr, *n), i + 1);
    }
    let out = compute(&g.graph, Measure::OutDegree);
    assert_eq!(out[id(&g, "73/1").index()], 2.0);
}

#[test]
fn ids_as_users_type_them() {
    let g = fixture();
    let table = [
        ("70/1", "A/RES/70/1"),
        ("resolution 70/1", "A/RES/70/1"),
        ("  a/res/70/1 ", "A/RES/70/1"),
        ("resolution 2178 (2014)", "S/RES/2178(2014)"),
        ("S/RES/2178 (2014)", "S/RES/2178(2014)"),
        ("2178(2014)", "S/RES/2178(2014)"),
        ("217 A (III)", "A/RES/217(III)"),
        ("e/res/2019/19", "E/RES/2019/19"),
    ];
    for (typed, want) in table {
        assert_eq!(g.meta(id(&g, typed)).id, want, "{typed}");
    }
}

#[test]
fn unknown_ids_suggest_close_matches() {
    let g = fixture();
    let table: [(&str, &[&str]); 6] = [
        ("2178/2014", &["S/RES/2178(2014)"]),
        ("72/195", &["A/RES/72/194"]),
        ("194", &["A/RES/72/194"]),
        ("2178", &["S/RES/2178(2014)"]),
        ("A/RES/75/3", &["A/RES/75/1", "A/RES/75/2"]),
        ("zzzzzzzzzzzzzzzz", &[]),
    ];
    for (typed, want) in table {
        match resolve(&g, typed) {
            Err(GraphError::UnknownId { id, suggestions }) => {
                assert_eq!(id, typed);
                assert!(
                    suggestions.len() <= 5 && suggestions.iter().take(want.len()).eq(want.iter()),
                    "{typed}: {suggestions:?}"
                );
                if want.is_empty() {
                    assert!(suggestions.is_empty(), "{typed}: {suggestions:?}");
                }
            }
            other => panic!("{typed}: expected UnknownId, got {other:?}"),
        }
    }
    let msg = resolve(&g, "72/195").unwrap_err().to_string();
    assert_eq!(msg, "unknown id 72/195 (did you mean A/RES/72/194?)");
}
