//! Every centrality measure against networkx on a small citation fixture.
//!
//! The graph is `tests/fixtures/centrality/citations.csv` (25 nodes: a
//! strongly connected core, dangling texts, a self-loop, three weak
//! components and an isolated node). The expected values below were computed
//! by `tests/fixtures/centrality/reference.py` with networkx 3.6.1, fully
//! converged (`tol=1e-16` for PageRank, eigenvector and Katz), and pasted here as literals: the test
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

const TOL: f64 = 1e-12;

// Reference values: output of reference.py.
const PAGERANK: [f64; 25] = [
    0.0836874871330645,
    0.06469953834479589,
    0.04702068281495245,
    0.032832665314814866,
    0.07493526968184695,
    0.02902282984320434,
    0.023668064514644517,
    0.03434563673815289,
    0.01972024133734013,
    0.029193797994107405,
    0.028498989809662933,
    0.021119084214702908,
    0.022753927001631084,
    0.018968172419377184,
    0.017692958071452904,
    0.014692453723395778,
    0.011448665239009698,
    0.16653682277627996,
    0.16200647764301804,
    0.020450178283181072,
    0.02118003069216794,
    0.011448665239009698,
    0.011448665239009698,
    0.02118003069216794,
    0.011448665239009698,
];
const PAGERANK_WEIGHTED: [f64; 25] = [
    0.09063429801235298,
    0.05404002774148929,
    0.039564550215889595,
    0.025465833969524017,
    0.0803131422069743,
    0.024271052780413162,
    0.02387626485707033,
    0.03684515223776316,
    0.01705573315571469,
    0.03279798978820905,
    0.03427364432493205,
    0.023087123896144972,
    0.02731070353982546,
    0.019593904823313957,
    0.019091364544928952,
    0.013431687623311409,
    0.011480074891719153,
    0.16699372003526483,
    0.16786667113547593,
    0.015090558445164826,
    0.021238138549680433,
    0.011480074891719153,
    0.011480074891719153,
    0.021238138549680433,
    0.011480074891719153,
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
    0.5876359636312242,
    0.47540748108355857,
    0.29381798181561214,
    0.18158949926794649,
    0.5447684978038413,
    0.1122284825476656,
    3.381313327175847e-45,
    1.6937355345336846e-15,
    8.468677672668423e-16,
    8.468677672668423e-16,
    8.468677672668423e-16,
    1.6482542352315778e-46,
    6.642554801840433e-48,
    2.124770176968139e-49,
    5.0577026238562387e-51,
    7.963906210525265e-53,
    6.221801726972866e-55,
    3.7050464817924346e-16,
    3.7050464817924346e-16,
    5.0577026238562387e-51,
    7.963906210525265e-53,
    6.221801726972866e-55,
    6.221801726972866e-55,
    7.963906210525265e-53,
    6.221801726972866e-55,
];
const KATZ: [f64; 25] = [
    0.27235734769139536,
    0.23306319715900403,
    0.2103816971311874,
    0.2060376289373231,
    0.23720136905809622,
    0.20782897471938366,
    0.20181790974683608,
    0.2242628626227089,
    0.18722521182565138,
    0.2072403351208431,
    0.20574199101719928,
    0.18666613601912319,
    0.20164957705556108,
    0.184982809106373,
    0.18481630792805945,
    0.1831512961449238,
    0.16650117831356706,
    0.20551963626179692,
    0.20536827155423915,
    0.18481630792805945,
    0.1831512961449238,
    0.16650117831356706,
    0.16650117831356706,
    0.1831512961449238,
    0.16650117831356706,
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
    // The default run stops at 100 iterations (networkx's default cap).
    assert_close(
        "eigenvector",
        &analysis::compute(&g, Measure::Eigenvector),
        &EIGENVECTOR,
        1e-9,
    );
    let opts = CentralityOptions {
        spectral: analysis::SpectralOptions {
            eigenvector_max_iter: 10_000,
            ..Default::default()
        },
        ..Default::default()
    };
    let (e, c) = analysis::compute_converged(&g, Measure::Eigenvector, &opts);
    assert!(c.unwrap().converged, "{c:?}");
    assert_close("eigenvector", &e, &EIGENVECTOR, TOL);
    let (k, c) = analysis::compute_converged(&g, Measure::Katz, &opts);
    assert!(c.unwrap().converged && c.unwrap().bound <= 1e-13, "{c:?}");
    assert_close("katz", &k, &KATZ, TOL);
}

#[test]
fn iterative_measures_report_their_bound() {
    let g = fixture();
    let o = CentralityOptions::default();
    for m in [Measure::Pagerank, Measure::HitsAuthority, Measure::HitsHub] {
        let (_, c) = analysis::compute_converged(&g, m, &o);
        let c = c.unwrap();
        assert!(
            c.converged && c.bound <= 1e-13 && c.iterations > 1,
            "{m:?}: {c:?}"
        );
    }
    let loose = o.with_tolerance(1e-4);
    let (_, tight) = analysis::compute_converged(&g, Measure::Pagerank, &o);
    let (pr, c) = analysis::compute_converged(&g, Measure::Pagerank, &loose);
    assert!(c.unwrap().iterations < tight.unwrap().iterations);
    assert_close("loose pagerank", &pr, &PAGERANK, 1e-4);
    assert!(
        analysis::compute_converged(&g, Measure::InDegree, &o)
            .1
            .is_none()
    );
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
