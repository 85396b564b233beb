//! Whole documents: identity (masthead, title line, file name), the own
//! symbol never cited, page furniture inside lists, structure labels; and a
//! few real corpus documents when `../shared/corpus` is present.

use std::path::Path;
use unxref::extract::{Extracted, Extractor, Options};
use unxref::input;
use unxref::model::{Body, Kind};

fn run(name: &str, text: &str) -> Extracted {
    let doc = input::from_bytes(name, text.as_bytes(), false).unwrap();
    Extractor::new(Options::default()).unwrap().extract(&doc)
}

fn targets(ex: &Extracted) -> Vec<&str> {
    ex.citations.iter().map(|c| c.target.as_str()).collect()
}

const GA_RES: &str = "United Nations \nA/RES/79/1\n \n \nGeneral Assembly \nDistr.: General \n25 September 2024 \n \n24-16433 (E)    250924     \n*2416433* \n \nSeventy-ninth session \nAgenda item 123 \n \n \n Resolution adopted by the General Assembly \non 22 September 2024 \n \n[without reference to a Main Committee (A/79/L.2)] \n \n \n79/1. The Pact for the Future \n \n \nThe General Assembly, \n \nRecalling its resolutions 69/313 of 27 July 2015 and \n__________________ \n \n1 A/79/305. \n \n2 Resolution 217 A (III). \n \n\nA/RES/79/1 \nThe Pact for the Future\n \n24-16433\n2/10 \n \n70/1 of 25 September 2015, and Security Council resolution 2178 (2014),\n \nAdopts the following Pact for the Future, in accordance with resolution A/RES/79/1:\n \n1. \nDecides to convene the summit, as set out in its resolution 76/307; \n";

#[test]
fn ga_resolution_identity_and_page_break() {
    let ex = run("whatever.txt", GA_RES);
    assert_eq!(ex.info.id, "A/RES/79/1");
    assert_eq!(ex.info.id_source, "masthead");
    assert_eq!(ex.info.kind, Some(Kind::GaResolution));
    assert_eq!(ex.info.title, "The Pact for the Future");
    assert_eq!(ex.info.year, Some(2024));
    assert_eq!(ex.info.body, Some(Body::GeneralAssembly));
    // The adoption date, and the draft adopted: the document's history,
    // not a citation.
    assert_eq!(ex.info.date, "2024-09-22");
    assert_eq!(ex.info.draft, ["A/79/L.2"]);
    assert_eq!(
        targets(&ex),
        [
            "A/RES/69/313",
            "A/79/305",
            "A/RES/217(III)",
            "A/RES/70/1",
            "S/RES/2178(2014)",
            "A/RES/76/307"
        ]
    );
    let c = |t: &str| ex.citations.iter().find(|c| c.target == t).unwrap();
    assert_eq!(c("A/RES/69/313").cue, "Recalling");
    assert_eq!(c("A/RES/69/313").paragraph, "pp1");
    assert_eq!(c("A/79/305").paragraph, "fn1");
    assert_eq!(c("A/RES/217(III)").paragraph, "fn2");
    assert_eq!(c("A/RES/217(III)").text, "217 A (III)");
    assert_eq!(c("A/RES/76/307").paragraph, "op1");
    assert_eq!(c("A/RES/76/307").cue, "Decides");
    for x in &ex.citations {
        assert_eq!(&GA_RES[x.start..x.end], x.text);
        assert_eq!(x.doc, "A/RES/79/1");
    }
}

#[test]
fn ids_from_titles_and_file_names() {
    let ex = run(
        "S_RES_687_1991.txt",
        "Resolution 687 (1991)\nof 3 April 1991\n\nThe Security Council,\n\nRecalling its resolutions 660 (1990) of 2 August 1990, 661\n(1990) of 6 August 1990 and 686 (1991) of\n2 March 1991,\n",
    );
    assert_eq!(ex.info.id, "S/RES/687(1991)");
    assert_eq!(ex.info.body, Some(Body::SecurityCouncil));
    assert_eq!(
        targets(&ex),
        ["S/RES/660(1990)", "S/RES/661(1990)", "S/RES/686(1991)"]
    );
    let ex = run(
        "GA_decision_73_546.txt",
        "Decision 73/546: Convening a conference\n\nAt its 65th plenary meeting, the General Assembly, recalling its decision 73/546 and resolution 72/194, decided:\n",
    );
    assert_eq!(ex.info.id, "A/DEC/73/546");
    assert_eq!(targets(&ex), ["A/RES/72/194"]);
    let ex = run(
        "corpus/A_RES_78_75.txt",
        "The General Assembly,\n\nRecalling resolution 78/75 and 72/1,\n",
    );
    assert_eq!(ex.info.id, "A/RES/78/75");
    assert_eq!(ex.info.id_source, "file-name");
    assert_eq!(targets(&ex), ["A/RES/72/1"]);
}

#[test]
fn html_offsets_point_into_the_file() {
    let html = "<html><body><p><i>Rappelant</i> sa r&eacute;solution <a href=\"#\">72/194</a> du 19&nbsp;d&eacute;cembre 2017 et la r&eacute;solution 2178&nbsp;(2014) du Conseil de s&eacute;curit&eacute;,</p></body></html>";
    let doc = input::from_bytes("x.html", html.as_bytes(), true).unwrap();
    let ex = Extractor::new(Options::default()).unwrap().extract(&doc);
    assert_eq!(targets(&ex), ["A/RES/72/194", "S/RES/2178(2014)"]);
    for c in &ex.citations {
        assert_eq!(&html[c.start..c.end], c.text);
    }
    assert_eq!(ex.citations[0].text, "72/194");
    assert!(ex.citations[1].text.starts_with("2178"));
}

#[test]
fn subsidiary_bodies_own_decisions() {
    // A UNICEF Executive Board document: "its decisions" are the Board's.
    let ex = run(
        "E_ICEF_2025_11.txt",
        "United Nations\nE/ICEF/2025/11\n\nThe report is presented to the Executive Board in accordance with its decisions 2010/18, 2018/11 and 2022/14, and with General Assembly resolution 79/226 and Economic and Social Council resolution 2024/19.\n",
    );
    assert_eq!(ex.info.id, "E/ICEF/2025/11");
    assert_eq!(ex.info.body, Some(Body::Other));
    assert_eq!(targets(&ex), ["A/RES/79/226", "E/RES/2024/19"]);
    // An ECOSOC document: "its decision" is ECOSOC's.
    let ex = run(
        "E_2025_15.txt",
        "E/2025/15\n\nRecalling its decision 2024/210 and its resolution 2024/19,\n",
    );
    assert_eq!(targets(&ex), ["E/DEC/2024/210", "E/RES/2024/19"]);
}

#[test]
fn regional_commissions_own_resolutions() {
    // An ECA document whose masthead symbol (blanked as page furniture, so
    // known from identity only) makes "its" old-style numbers the
    // Commission's; a General Assembly number of its own session stays
    // the Assembly's, and ECOSOC's year/number is ECOSOC's.
    let ex = run(
        "E_ECA_CM_56_1.txt",
        "United Nations                          E/ECA/CM/56/1\n\nEconomic and Social Council\n\nRecalling its resolution 990 (LIII), resolution 1514 (XV) and Economic and Social Council resolution 2023/7,\n",
    );
    assert_eq!(ex.info.id, "E/ECA/CM/56/1");
    assert_eq!(
        targets(&ex),
        ["ECA 990(LIII)", "A/RES/1514(XV)", "E/RES/2023/7"]
    );
    // The same numbers in a document of no commission: not the ECA's.
    let ex = run(
        "A_79_1.txt",
        "A/79/1\n\nRecalling resolution 990 (LIII) and resolution 1514 (XV),\n",
    );
    let t = targets(&ex);
    assert!(!t.iter().any(|t| t.starts_with("ECA ")), "{t:?}");
    assert!(t.contains(&"A/RES/1514(XV)"), "{t:?}");
}

/// A document of `../shared/corpus` next to the crate (or next to the
/// worktrees' folder); `None` when absent, so that the test skips silently.
fn corpus(rel: &str) -> Option<Extracted> {
    let p = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/"),
    ]
    .iter()
    .map(|d| d.to_string() + rel)
    .find(|p| Path::new(p).exists())?;
    let doc = input::read(Path::new(&p)).ok()?;
    Some(Extractor::new(Options::default()).unwrap().extract(&doc))
}

#[test]
fn corpus_documents_when_present() {
    if let Some(ex) = corpus("sc-resolutions-1946-1994/S_RES_687_1991.txt") {
        let t = targets(&ex);
        for want in [
            "S/RES/660(1990)",
            "S/RES/661(1990)",
            "S/RES/662(1990)",
            "S/RES/664(1990)",
            "S/RES/665(1990)",
            "S/RES/666(1990)",
            "S/RES/667(1990)",
            "S/RES/669(1990)",
            "S/RES/670(1990)",
            "S/RES/674(1990)",
            "S/RES/677(1990)",
            "S/RES/678(1990)",
            "S/RES/686(1991)",
        ] {
            assert!(t.contains(&want), "{want} missing from {t:?}");
        }
        assert!(!t.contains(&"S/RES/687(1991)"));
    }
    if let Some(ex) = corpus("ga-documents-2023-2025/A_RES_78_75.txt") {
        assert_eq!(ex.info.id, "A/RES/78/75");
        let t = targets(&ex);
        assert_eq!(
            t,
            [
                "A/RES/194(III)",
                "A/RES/36/146",
                "A/RES/77/124",
                // "the Universal Declaration of Human Rights3": the name with
                // its footnote marker glued on.
                "A/RES/217(III)",
                "A/RES/394(V)",
                "A/78/305",
                "A/78/279",
                "A/RES/217(III)",
                "A/5700",
                "A/RES/194(III)",
                // The Oslo accords, named before their symbol.
                "Declaration of Principles on Interim Self-Government Arrangements",
                "A/48/486",
                "S/26560"
            ]
        );
    }
}
