//! Extracted citations → graph, and the attributes a node gets from its id
//! alone.
//!
//! Node order is deterministic: the corpus documents in input order, then
//! every cited target in first-seen order (documents in input order,
//! citations in text order). Edge order follows: by citing document, then by
//! first mention.

use super::{CitationGraph, EdgeMeta, NodeMeta, canonical_id};
use crate::extract::Extracted;
use crate::model::{Body, Kind};
use crate::symbol;

/// The body that adopts texts of `kind`; for plain document symbols, the
/// organ named by the symbol's first element (`A/` General Assembly, `S/`
/// Security Council, `E/` ECOSOC, `A/HRC/` Human Rights Council).
pub fn body_of(id: &str, kind: Option<Kind>) -> Option<Body> {
    Some(match kind? {
        Kind::GaResolution | Kind::GaDecision => Body::GeneralAssembly,
        Kind::ScResolution | Kind::ScPresidentialStatement => Body::SecurityCouncil,
        Kind::EcosocResolution | Kind::EcosocDecision => Body::Ecosoc,
        Kind::HrcResolution | Kind::HrcDecision => Body::HumanRightsCouncil,
        Kind::OtherResolution | Kind::Treaty | Kind::NamedInstrument => Body::Other,
        Kind::Document => {
            if id.starts_with("A/HRC/") {
                Body::HumanRightsCouncil
            } else if id.starts_with("A/") {
                Body::GeneralAssembly
            } else if id.starts_with("S/") {
                Body::SecurityCouncil
            } else if id.starts_with("E/") {
                Body::Ecosoc
            } else {
                Body::Other
            }
        }
    })
}

/// Metadata of a node known only by its id (a cited target, or a node of
/// an edge list): kind (the one given, else guessed from the id's shape),
/// year (`symbol::year_of`: the SC year, GA session N → 1945 + N, …) and
/// body. Ids without a `/` and not `UNTS …` skip the regexes: they name no
/// UN symbol (edge lists often use plain numbers).
pub fn external_node(id: String, kind: Option<Kind>) -> NodeMeta {
    let symbolic = id.contains('/') || id.starts_with("UNTS ");
    let kind = kind.or_else(|| if symbolic { symbol::kind_of(&id) } else { None });
    let year = if symbolic { symbol::year_of(&id) } else { None };
    NodeMeta {
        body: body_of(&id, kind),
        kind,
        year,
        id,
        ..NodeMeta::default()
    }
}

/// Builds the citation graph of extracted documents: one node per document
/// and per cited target, one edge per (citing, cited) pair weighted by the
/// number of mentions, with the cue and paragraph of the first mention.
/// Self-citations are dropped; citations of a later text are kept and
/// flagged.
pub fn from_extracted(docs: &[Extracted]) -> CitationGraph {
    let mut g = CitationGraph::new();
    let mut doc_nodes = Vec::with_capacity(docs.len());
    for d in docs {
        let id = canonical_id(&d.info.id);
        let kind = d.info.kind.or_else(|| symbol::kind_of(&id));
        let n = g.upsert_node(NodeMeta {
            kind,
            title: d.info.title.clone(),
            year: d.info.year.or_else(|| symbol::year_of(&id)),
            body: d.info.body.or_else(|| body_of(&id, kind)),
            lang: Some(d.info.lang),
            in_corpus: true,
            file: d.info.file.clone(),
            id,
        });
        doc_nodes.push(n);
    }
    for (d, &src) in docs.iter().zip(&doc_nodes) {
        for c in &d.citations {
            let target = canonical_id(&c.target);
            let dst = match g.node(&target) {
                Some(n) => n,
                // The id's shape says what a text is; the citation's kind
                // fills in only for ids of no known shape (a treaty or a
                // resolution first cited by its name is still a treaty or a
                // resolution).
                None => {
                    let kind = symbol::kind_of(&target).or(Some(c.kind));
                    g.upsert_node(external_node(target, kind))
                }
            };
            g.add_or_merge_edge(
                src,
                dst,
                EdgeMeta {
                    weight: 1.0,
                    cue: c.cue.as_str().into(),
                    paragraph: c.paragraph.as_str().into(),
                    context: c.context.as_str().into(),
                    flagged: false,
                },
            );
        }
    }
    name_known_instruments(&mut g);
    g.flag_later_citations();
    g
}

/// Cited texts outside the corpus have no title of their own; those in the
/// named-instruments table (the Charter, the 2030 Agenda `A/RES/70/1`, the
/// CRC `UNTS 27531`, …) get their English name, and its year when the id
/// gave none, so that reports and maps say what they are.
fn name_known_instruments(g: &mut CitationGraph) {
    let table = crate::extract::instruments::InstrumentTable::builtin();
    for m in g
        .nodes
        .iter_mut()
        .filter(|m| !m.in_corpus && m.title.is_empty())
    {
        if let Some(row) = table.get(&m.id) {
            if let Some(name) = row.names[0].first() {
                m.title = name.clone();
            }
            if m.year.is_none() {
                m.year = row.year.map(i32::from);
            }
        }
    }
}
