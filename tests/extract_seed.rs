//! The seed document (a French GA draft with Markdown links, escaped
//! brackets and `<sup>` footnote markers) gives exactly the citations listed
//! in the extractor issue, with offsets pointing at the file's own text.

use unxref::extract::{Extractor, Options};
use unxref::input;
use unxref::model::Kind;

fn seed() -> unxref::extract::Extracted {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed_fr.txt");
    let doc = input::read(std::path::Path::new(path)).expect("seed fixture readable");
    Extractor::new(Options::default()).unwrap().extract(&doc)
}

#[test]
fn seed_gives_exactly_the_issue_list() {
    let ex = seed();
    let mut got: Vec<String> = ex.citations.iter().map(|c| c.target.clone()).collect();
    got.sort();
    got.dedup();
    let mut want: Vec<String> = [
        "A/RES/53/243",
        "A/RES/56/6",
        "A/RES/60/288",
        "A/RES/70/175",
        "A/RES/71/291",
        "A/RES/72/194",
        "A/RES/72/284",
        "A/RES/73/174",
        "A/RES/73/186",
        "A/RES/73/211",
        "S/RES/2133(2014)",
        "S/RES/2178(2014)",
        "S/RES/2195(2014)",
        "S/RES/2199(2015)",
        "S/RES/2253(2015)",
        "S/RES/2309(2016)",
        "S/RES/2322(2016)",
        "S/RES/2341(2017)",
        "S/RES/2347(2017)",
        "S/RES/2349(2017)",
        "S/RES/2368(2017)",
        "S/RES/2396(2017)",
        "S/RES/2462(2019)",
        "E/CN.15/2019/5",
        "UNTS 39574",
        "UNTS 27531",
        // Named instruments (issue 3): "la Charte des Nations Unies"; the
        // Convention against Transnational Organized Crime is UNTS 39574.
        "Charter of the United Nations",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn seed_offsets_kinds_and_structure() {
    let ex = seed();
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed_fr.txt"
    ))
    .unwrap();
    for c in &ex.citations {
        assert_eq!(&raw[c.start..c.end], c.text, "{c:?}");
        assert_eq!(c.line, raw[..c.start].matches('\n').count() + 1);
    }
    let find = |t: &str| ex.citations.iter().find(|c| c.target == t).unwrap();
    // Markdown link and escaped brackets: the span is the label only.
    assert_eq!(find("S/RES/2133(2014)").text, "2133 \\(2014\\)");
    assert_eq!(find("A/RES/72/194").text, "72/194");
    assert_eq!(find("A/RES/72/194").paragraph, "fn1");
    assert_eq!(find("A/RES/73/211").kind, Kind::GaResolution);
    assert_eq!(find("S/RES/2462(2019)").kind, Kind::ScResolution);
    assert_eq!(find("E/CN.15/2019/5").kind, Kind::Document);
    assert_eq!(find("E/CN.15/2019/5").paragraph, "fn5");
    // The Convention is first named (a named instrument), then cited in its
    // Treaty Series footnote.
    assert_eq!(find("UNTS 39574").kind, Kind::NamedInstrument);
    assert!(
        ex.citations
            .iter()
            .any(|c| c.target == "UNTS 39574" && c.kind == Kind::Treaty)
    );
    // "Règles Nelson Mandela" (op. 26) names A/RES/70/175 before footnote 10
    // cites it.
    let res = ex
        .citations
        .iter()
        .find(|c| c.target == "A/RES/70/175" && c.kind == Kind::GaResolution)
        .unwrap();
    assert_eq!(res.paragraph, "fn10");
    // "Rappelant sa résolution 71/291 du 15 juin 2017" is a preambular paragraph.
    let c = find("A/RES/71/291");
    assert_eq!(c.cue, "Rappelant");
    assert!(c.paragraph.starts_with("pp"), "{c:?}");
    // The document: no symbol, so the file stem; adopted by the GA in 2019.
    assert_eq!(ex.info.id, "seed_fr");
    assert_eq!(ex.info.id_source, "file-stem");
    assert_eq!(ex.info.year, Some(2019));
    assert_eq!(ex.info.body, Some(unxref::model::Body::GeneralAssembly));
    assert!(ex.info.title.starts_with("Assistance technique"));
}
