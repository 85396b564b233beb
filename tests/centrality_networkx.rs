//! Every centrality measure against networkx on a small citation fixture.
//!
//! The graph is `tests/fixtures/centrality/citations.csv` (25 nodes: a
//! strongly connected core, dangling texts, a self-loop, three weak
//! components and an isolated node). The expected values below were computed
//! by `tests/fixtures/centrality/reference.py` with networkx 3.6.1, fully
//! converged (`tol=1e-13` or tighter), and pasted here as literals: the test
//! needs no Python.

use petgraph::graph::{DiGraph, NodeIndex};
use unxref::analysis::{self, CentralityOptions, Measure, PageRankOptions};

/// The fixture as a graph whose edge weights are the mention counts.
fn fixture() -> DiGraph<(), f64> {
    let text = include_str!("fixtures/centrality/citations.csv");
    let mut g = DiGraph::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        if f[0] == "nodes" {
            for _ in 0..f[1].parse::<usize>().unwrap() {
                g.add_node(());
            }
            continue;
        }
        let a: usize = f[0].parse().unwrap();
        let b: usize = f[1].parse().unwrap();
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), f[2].parse().unwrap());
    }
    g
}

/// Asserts `got` equals `want` to `tol` on every node, naming the node.
fn assert_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= tol,
            "{what}: node {i}: got {g}, networkx {w}, diff {:e}",
            (g - w).abs()
        );
    }
}

const TOL: f64 = 1e-9;

// Reference values: output of reference.py.
const PAGERANK: [f64; 25] = [
    0.08368748713306473,
    0.06469953834479605,
    0.04702068281495258,
    0.03283266531481494,
    0.07493526968184719,
    0.029022829843204406,
    0.02366806451464456,
    0.03434563673815296,
    0.019720241337340166,
    0.029193797994107464,
    0.028498989809662992,
    0.021119084214702946,
    0.02275392700163112,
    0.018968172419377215,
    0.017692958071452932,
    0.0146924537233958,
    0.011448665239009715,
    0.16653682277678516,
    0.16200647764251097,
    0.020450178283181106,
    0.021180030692167978,
    0.011448665239009715,
    0.011448665239009715,
    0.021180030692167978,
    0.011448665239009715,
];
const PAGERANK_WEIGHTED: [f64; 25] = [
    0.09063429801235316,
    0.054040027741489395,
    0.03956455021588967,
    0.02546583396952406,
    0.08031314220697448,
    0.0242710527804132,
    0.02387626485707036,
    0.036845152237763225,
    0.017055733155714712,
    0.0327979897882091,
    0.03427364432493211,
    0.023087123896145006,
    0.027310703539825495,
    0.019593904823313982,
    0.019091364544928973,
    0.013431687623311421,
    0.011480074891719164,
    0.1669937200357755,
    0.16786667113496376,
    0.015090558445164843,
    0.021238138549680454,
    0.011480074891719164,
    0.011480074891719164,
    0.021238138549680454,
    0.011480074891719164,
];
const HITS_AUTHORITY: [f64; 25] = [
    0.28713732031369366,
    0.13064403789173024,
    0.055925144914097724,
    0.08494916554982901,
    0.17171219482653077,
    0.0880945241989529,
    0.0060102347207503255,
    0.05401225648040686,
    0.0215314871875941,
    0.012710981770991819,
    0.013329821787413853,
    0.0019259203525367288,
    0.016861729457540997,
    0.043505971381929756,
    0.008183734814209618,
    0.003465474351791563,
    0.0,
    4.626467761596558e-44,
    1.5090487022108683e-35,
    9.326433886452352e-36,
    2.4492316396763365e-66,
    0.0,
    0.0,
    2.4492316396763365e-66,
    0.0,
];
const HITS_HUB: [f64; 25] = [
    0.09631731911292186,
    0.10928452389404042,
    0.17323020131030498,
    0.16114967553017318,
    0.0,
    0.0,
    0.0,
    0.1461691554271746,
    0.058823325953474205,
    0.052127912573621885,
    0.02611072490367953,
    0.00616088637436673,
    0.004662669461059725,
    0.03243244690356532,
    0.10532832464700459,
    0.01981289119530124,
    0.008389942713311721,
    4.8071615425643064e-36,
    1.4737879479222262e-44,
    1.4737879479222262e-44,
    7.778150765280421e-36,
    7.802168432227691e-67,
    7.802168432227691e-67,
    0.0,
    0.0,
];
const BETWEENNESS: [f64; 25] = [
    0.024154589371980676,
    0.028079710144927536,
    0.03230676328502415,
    0.023852657004830916,
    0.0,
    0.0,
    0.0,
    0.01781400966183575,
    0.009057971014492754,
    0.03623188405797101,
    0.021739130434782608,
    0.021739130434782608,
    0.042270531400966184,
    0.03260869565217391,
    0.024154589371980676,
    0.012077294685990338,
    0.0,
    0.0018115942028985507,
    0.0018115942028985507,
    0.0018115942028985507,
    0.005434782608695652,
    0.0,
    0.0,
    0.0,
    0.0,
];
const CLOSENESS: [f64; 25] = [
    0.29340277777777773,
    0.23472222222222222,
    0.21338383838383837,
    0.19560185185185183,
    0.2816091954022989,
    0.2094017094017094,
    0.09375,
    0.17763157894736842,
    0.11594202898550723,
    0.13611111111111113,
    0.08333333333333333,
    0.08680555555555557,
    0.09523809523809523,
    0.0625,
    0.05555555555555555,
    0.041666666666666664,
    0.0,
    0.09523809523809523,
    0.1111111111111111,
    0.05555555555555555,
    0.041666666666666664,
    0.0,
    0.0,
    0.041666666666666664,
    0.0,
];
const HARMONIC: [f64; 25] = [
    8.5,
    6.999999999999999,
    6.166666666666666,
    5.833333333333333,
    7.833333333333332,
    6.283333333333332,
    3.283333333333333,
    5.416666666666667,
    3.45,
    4.083333333333334,
    2.6166666666666667,
    2.583333333333333,
    2.833333333333333,
    1.8333333333333333,
    1.5,
    1.0,
    0.0,
    2.8333333333333335,
    3.0,
    1.5,
    1.0,
    0.0,
    0.0,
    1.0,
    0.0,
];
const EIGENVECTOR: [f64; 25] = [
    0.587635963631212,
    0.4754074810835176,
    0.293817981815606,
    0.18158949926791157,
    0.5447684978038995,
    0.11222848254769441,
    1.801393871524739e-38,
    1.647841519699626e-13,
    8.23920759849813e-14,
    8.23920759849813e-14,
    8.23920759849813e-14,
    1.0186758818208744e-39,
    4.75664929834291e-41,
    1.760776045093332e-42,
    4.844542113740564e-44,
    8.806815830743575e-46,
    7.93406831598521e-48,
    3.604653324342931e-14,
    3.604653324342931e-14,
    4.844542113740564e-44,
    8.806815830743575e-46,
    7.93406831598521e-48,
    7.93406831598521e-48,
    8.806815830743575e-46,
    7.93406831598521e-48,
];
const KATZ: [f64; 25] = [
    0.27235734769139425,
    0.2330631971590032,
    0.21038169713118693,
    0.20603762893732294,
    0.23720136905809522,
    0.2078289747193837,
    0.20181790974683633,
    0.2242628626227092,
    0.18722521182565163,
    0.2072403351208434,
    0.20574199101719956,
    0.18666613601912344,
    0.20164957705556136,
    0.18498280910637324,
    0.1848163079280597,
    0.18315129614492404,
    0.16650117831356728,
    0.20551963626179717,
    0.20536827155423942,
    0.1848163079280597,
    0.18315129614492404,
    0.16650117831356728,
    0.16650117831356728,
    0.18315129614492404,
    0.16650117831356728,
];
const CORE: [f64; 25] = [
    3.0, 3.0, 3.0, 3.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0,
    2.0, 2.0, 1.0, 1.0, 1.0, 0.0,
];
const SCC: &[&[usize]] = &[
    &[0, 1, 2, 3],
    &[17, 18],
    &[4],
    &[5],
    &[6],
    &[7],
    &[8],
    &[9],
    &[10],
    &[11],
    &[12],
    &[13],
    &[14],
    &[15],
    &[16],
    &[19],
    &[20],
    &[21],
    &[22],
    &[23],
    &[24],
];
const WCC: &[&[usize]] = &[
    &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
    &[17, 18, 19, 20, 21],
    &[22, 23],
    &[24],
];

#[test]
fn pagerank_matches_networkx_with_default_options() {
    let g = fixture();
    let pr = analysis::pagerank(&g, &PageRankOptions::default());
    assert_close("pagerank", &pr, &PAGERANK, TOL);
    assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert_eq!(analysis::compute(&g, Measure::Pagerank), pr);
}

#[test]
fn pagerank_converged_matches_networkx_to_1e12() {
    let opts = PageRankOptions {
        tolerance: 1e-15,
        max_iter: 10_000,
        ..PageRankOptions::default()
    };
    let pr = analysis::pagerank(&fixture(), &opts);
    assert_close("pagerank", &pr, &PAGERANK, 1e-12);
}

#[test]
fn weighted_pagerank_matches_networkx_weight_attribute() {
    let g = fixture();
    let pr = analysis::pagerank_weighted(&g, &PageRankOptions::default(), |&w| w);
    assert_close("weighted pagerank", &pr, &PAGERANK_WEIGHTED, TOL);
}

#[test]
fn hits_matches_networkx() {
    let g = fixture();
    let h = analysis::hits(&g, &Default::default());
    assert_close("hits authority", &h.authority, &HITS_AUTHORITY, TOL);
    assert_close("hits hub", &h.hub, &HITS_HUB, TOL);
    assert_close(
        "authority",
        &analysis::compute(&g, Measure::HitsAuthority),
        &HITS_AUTHORITY,
        TOL,
    );
    assert_close(
        "hub",
        &analysis::compute(&g, Measure::HitsHub),
        &HITS_HUB,
        TOL,
    );
}

#[test]
fn betweenness_matches_networkx() {
    let g = fixture();
    assert_close(
        "betweenness",
        &analysis::compute(&g, Measure::Betweenness),
        &BETWEENNESS,
        1e-12,
    );
    // all nodes as pivots is the exact computation
    assert_close(
        "betweenness k=n",
        &analysis::betweenness_sampled(&g, 25, 3),
        &BETWEENNESS,
        1e-12,
    );
}

#[test]
fn closeness_and_harmonic_match_networkx() {
    let g = fixture();
    assert_close(
        "closeness",
        &analysis::compute(&g, Measure::Closeness),
        &CLOSENESS,
        1e-12,
    );
    assert_close(
        "harmonic",
        &analysis::compute(&g, Measure::Harmonic),
        &HARMONIC,
        1e-12,
    );
    // the sampled versions with every node as a pivot are exact
    assert_close(
        "closeness k=n",
        &analysis::closeness_sampled(&g, 99, 1),
        &CLOSENESS,
        1e-12,
    );
    assert_close(
        "harmonic k=n",
        &analysis::harmonic_sampled(&g, 99, 1),
        &HARMONIC,
        1e-12,
    );
}

#[test]
fn sampled_switch_applies_above_the_exact_limit() {
    let g = fixture();
    let o = CentralityOptions {
        exact_limit: 10,
        pivots: 25,
        ..Default::default()
    };
    // 25 pivots on 25 nodes: the sampled path, still exact
    assert_close(
        "betweenness",
        &analysis::compute_with(&g, Measure::Betweenness, &o),
        &BETWEENNESS,
        1e-12,
    );
    assert_close(
        "closeness",
        &analysis::compute_with(&g, Measure::Closeness, &o),
        &CLOSENESS,
        1e-12,
    );
    assert_close(
        "harmonic",
        &analysis::compute_with(&g, Measure::Harmonic, &o),
        &HARMONIC,
        1e-12,
    );
}

#[test]
fn eigenvector_and_katz_match_networkx() {
    let g = fixture();
    assert_close(
        "eigenvector",
        &analysis::compute(&g, Measure::Eigenvector),
        &EIGENVECTOR,
        TOL,
    );
    assert_close("katz", &analysis::compute(&g, Measure::Katz), &KATZ, TOL);
}

#[test]
fn core_number_matches_networkx_on_the_undirected_graph() {
    assert_eq!(analysis::compute(&fixture(), Measure::Core), CORE);
}

#[test]
fn components_match_networkx() {
    let g = fixture();
    let ids = |c: Vec<Vec<NodeIndex>>| -> Vec<Vec<usize>> {
        c.into_iter()
            .map(|c| c.into_iter().map(|v| v.index()).collect())
            .collect()
    };
    assert_eq!(
        ids(analysis::strongly_connected(&g)),
        SCC.iter().map(|c| c.to_vec()).collect::<Vec<_>>()
    );
    assert_eq!(
        ids(analysis::weakly_connected(&g)),
        WCC.iter().map(|c| c.to_vec()).collect::<Vec<_>>()
    );
}
