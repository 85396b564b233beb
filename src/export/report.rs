//! The corpus report (`unxref report`, `report.md` of `unxref map`): what is
//! in the corpus, what it cites most, which texts are central, and what
//! looks wrong. Built once as a [`Report`] value, then written as Markdown
//! ([`write_markdown`]) or JSON (serde).

use crate::analysis::{self, Measure};
use crate::export::filter::node_kind;
use crate::export::text::md_text;
use crate::graph::CitationGraph;
use crate::model::Kind;
use crate::symbol;
use clap::ValueEnum;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// What to put in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Centrality measures to list tops for (PageRank, HITS, …).
    pub measures: Vec<Measure>,
    /// Length of every top list.
    pub top: usize,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            measures: vec![Measure::Pagerank, Measure::HitsAuthority, Measure::HitsHub],
            top: 10,
        }
    }
}

/// A name and a count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    /// What is counted.
    pub name: String,
    /// How many.
    pub count: u64,
}

/// One line of a top list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Canonical id.
    pub id: String,
    /// Title when known.
    pub title: String,
    /// Year when known.
    pub year: Option<i32>,
    /// The value ranked by (citing texts, score, cited texts).
    pub value: f64,
}

/// A top list under a name (a kind, a measure).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Top {
    /// The kind or measure.
    pub name: String,
    /// Best first.
    pub entries: Vec<Entry>,
}

/// Citations made in one year (year of the citing document).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    /// The year.
    pub year: i32,
    /// Corpus documents of that year.
    pub documents: u64,
    /// Mentions they make.
    pub citations: u64,
}

/// Cited texts inside and outside the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Targets {
    /// Cited texts that are corpus documents.
    pub in_corpus: u64,
    /// Cited texts that are not.
    pub external: u64,
    /// Mentions of corpus documents.
    pub citations_in_corpus: u64,
    /// Mentions of external texts.
    pub citations_external: u64,
}

/// A cited id that looks wrong, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suspect {
    /// The id.
    pub id: String,
    /// Why it looks wrong.
    pub reason: String,
}

/// Everything worth a second look.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Warnings {
    /// Inputs that could not be read (one message each).
    pub unreadable: Vec<String>,
    /// Edges flagged as citing a later text: (citing, cited).
    pub flagged_edges: Vec<(String, String)>,
    /// Ids that look malformed.
    pub malformed_ids: Vec<Suspect>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Corpus documents (nodes in the corpus).
    pub documents: u64,
    /// Corpus documents per language.
    pub languages: Vec<Count>,
    /// Nodes of the graph.
    pub nodes: u64,
    /// Edges (citing, cited) of the graph.
    pub edges: u64,
    /// Mentions (sum of edge weights).
    pub citations: u64,
    /// Mentions per kind of cited text.
    pub citations_per_kind: Vec<Count>,
    /// Most cited texts of each kind, by number of citing texts.
    pub most_cited: Vec<Top>,
    /// Top nodes of each centrality measure.
    pub centrality: Vec<Top>,
    /// Documents citing the most texts.
    pub most_citing: Vec<Entry>,
    /// Citations per year of the citing document.
    pub per_year: Vec<YearRow>,
    /// Cited texts inside/outside the corpus.
    pub targets: Targets,
    /// Problems.
    pub warnings: Warnings,
}

/// The name of a measure as typed on the command line (`hits-authority`).
pub fn measure_name(m: Measure) -> String {
    m.to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_else(|| format!("{m:?}"))
}

/// Why `id` looks malformed, if it does: a year before the UN or later than
/// `latest + 1` (the newest corpus document), a resolution number 0, or an
/// id of no recognised shape that is not a named instrument.
pub fn suspect(id: &str, kind: Option<Kind>, latest: Option<i32>) -> Option<String> {
    if let Some(y) = symbol::year_of(id) {
        if y < 1946 {
            return Some(format!("year {y} is before the United Nations"));
        }
        if let Some(l) = latest
            && y > l + 1
        {
            return Some(format!("year {y} is after every corpus document ({l})"));
        }
    }
    let last = id.rsplit('/').next().unwrap_or("");
    let number = last.split('(').next().unwrap_or("");
    if matches!(
        kind,
        Some(Kind::GaResolution | Kind::ScResolution | Kind::GaDecision)
    ) && !number.is_empty()
        && number.trim_start_matches('0').is_empty()
    {
        return Some("number 0".into());
    }
    if kind.is_none() {
        return Some("not a recognised symbol".into());
    }
    None
}

/// Builds the report of `g`. `unreadable` lists the inputs that failed.
pub fn build(g: &CitationGraph, unreadable: &[String], opts: &ReportOptions) -> Report {
    let n = g.node_count();
    let in_deg = analysis::compute(&g.graph, Measure::InDegree);
    let out_deg = analysis::compute(&g.graph, Measure::OutDegree);
    let mut mentions_out = vec![0.0f64; n];
    let mut per_kind: BTreeMap<Option<Kind>, f64> = BTreeMap::new();
    let mut targets = Targets::default();
    let mut cited = vec![false; n];
    let mut flagged = Vec::new();
    for e in g.graph.edge_references() {
        let w = e.weight().weight;
        mentions_out[e.source().index()] += w;
        let t = g.meta(e.target());
        *per_kind.entry(node_kind(t)).or_default() += w;
        cited[e.target().index()] = true;
        if t.in_corpus {
            targets.citations_in_corpus += w as u64;
        } else {
            targets.citations_external += w as u64;
        }
        if e.weight().flagged {
            flagged.push((g.meta(e.source()).id.clone(), t.id.clone()));
        }
    }
    flagged.sort();
    for (i, m) in g.nodes.iter().enumerate() {
        if cited[i] {
            if m.in_corpus {
                targets.in_corpus += 1;
            } else {
                targets.external += 1;
            }
        }
    }
    let entry = |i: usize, value: f64| Entry {
        id: g.nodes[i].id.clone(),
        title: crate::export::text::one_line(&g.nodes[i].title),
        year: g.nodes[i].year,
        value,
    };
    // best `top` of `candidates` by `score` (ties by id)
    let top_of = |candidates: &mut dyn Iterator<Item = usize>, score: &[f64]| -> Vec<Entry> {
        let mut v: Vec<usize> = candidates.filter(|&i| score[i] > 0.0).collect();
        v.sort_by(|&a, &b| {
            score[b]
                .total_cmp(&score[a])
                .then_with(|| g.nodes[a].id.cmp(&g.nodes[b].id))
        });
        v.into_iter()
            .take(opts.top)
            .map(|i| entry(i, score[i]))
            .collect()
    };
    let mut languages: BTreeMap<&str, u64> = BTreeMap::new();
    let mut years: BTreeMap<i32, (u64, u64)> = BTreeMap::new();
    let mut documents = 0;
    for (i, m) in g.nodes.iter().enumerate() {
        if m.in_corpus {
            documents += 1;
            *languages
                .entry(m.lang.map(|l| l.as_str()).unwrap_or("und"))
                .or_default() += 1;
            if let Some(y) = m.year {
                let row = years.entry(y).or_default();
                row.0 += 1;
                row.1 += mentions_out[i] as u64;
            }
        }
    }
    let latest = g
        .nodes
        .iter()
        .filter(|m| m.in_corpus)
        .filter_map(|m| m.year)
        .max();
    let mut kinds: Vec<Option<Kind>> = Kind::ALL.iter().map(|&k| Some(k)).collect();
    kinds.push(None);
    let most_cited = kinds
        .iter()
        .map(|&k| Top {
            name: k.map(|k| k.as_str()).unwrap_or("unknown").to_string(),
            entries: top_of(
                &mut (0..n).filter(|&i| node_kind(&g.nodes[i]) == k),
                &in_deg,
            ),
        })
        .filter(|t| !t.entries.is_empty())
        .collect();
    let centrality = opts
        .measures
        .iter()
        .map(|&m| Top {
            name: measure_name(m),
            entries: top_of(&mut (0..n), &analysis::compute(&g.graph, m)),
        })
        .collect();
    // only cited ids come from the extractor; a corpus document's own id is
    // whatever its file gave
    let mut malformed: Vec<Suspect> = g
        .nodes
        .iter()
        .zip(&cited)
        .filter(|(_, c)| **c)
        .filter_map(|(m, _)| {
            suspect(&m.id, node_kind(m), latest).map(|reason| Suspect {
                id: m.id.clone(),
                reason,
            })
        })
        .collect();
    malformed.sort_by(|a, b| a.id.cmp(&b.id));
    Report {
        documents,
        languages: languages
            .into_iter()
            .map(|(name, count)| Count {
                name: name.into(),
                count,
            })
            .collect(),
        nodes: n as u64,
        edges: g.edge_count() as u64,
        citations: per_kind.values().sum::<f64>() as u64,
        // in the canonical kind order, unknown last
        citations_per_kind: kinds
            .iter()
            .filter_map(|k| {
                per_kind.get(k).map(|&c| Count {
                    name: k.map(|k| k.as_str()).unwrap_or("unknown").into(),
                    count: c as u64,
                })
            })
            .collect(),
        most_cited,
        centrality,
        most_citing: top_of(&mut (0..n).filter(|&i| g.nodes[i].in_corpus), &out_deg),
        per_year: years
            .into_iter()
            .map(|(year, (documents, citations))| YearRow {
                year,
                documents,
                citations,
            })
            .collect(),
        targets,
        warnings: Warnings {
            unreadable: unreadable.to_vec(),
            flagged_edges: flagged,
            malformed_ids: malformed,
        },
    }
}

/// A Markdown table cell: one line, at most 90 characters, pipes escaped
/// and `& < >` as entities (a title holding `<script>` stays text).
fn cell(s: &str) -> String {
    let s = crate::export::text::one_line(s);
    let s = if s.chars().count() > 90 {
        let cut: String = s.chars().take(89).collect();
        format!("{}…", cut.trim_end())
    } else {
        s
    };
    md_text(&s)
}

/// An id as a code span, backticks inside it replaced so that the span
/// cannot be closed early (then escaped as every cell is).
fn code(id: &str) -> String {
    format!("`{}`", id.replace('`', "'"))
}

fn table(w: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    writeln!(w, "| {} |", header.join(" | "))?;
    writeln!(w, "|{}", "---|".repeat(header.len()))?;
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        writeln!(w, "| {} |", cells.join(" | "))?;
    }
    writeln!(w)
}

fn value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v}")
    } else {
        format!("{v:.4}")
    }
}

fn entries(w: &mut dyn Write, list: &[Entry], what: &str) -> io::Result<()> {
    if list.is_empty() {
        return writeln!(w, "(none)\n");
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .enumerate()
        .map(|(i, e)| {
            vec![
                (i + 1).to_string(),
                code(&e.id),
                e.year.map(|y| y.to_string()).unwrap_or_default(),
                value(e.value),
                e.title.clone(),
            ]
        })
        .collect();
    table(w, &["#", "id", "year", what, "title"], &rows)
}

/// Writes the report as Markdown.
pub fn write_markdown(w: &mut dyn Write, r: &Report) -> io::Result<()> {
    writeln!(w, "# Citation report\n")?;
    writeln!(w, "## Corpus\n")?;
    let langs: Vec<String> = r
        .languages
        .iter()
        .map(|c| format!("{} {}", c.count, c.name))
        .collect();
    writeln!(
        w,
        "- **{}** documents ({})",
        r.documents,
        if langs.is_empty() {
            "none".to_string()
        } else {
            langs.join(", ")
        }
    )?;
    writeln!(
        w,
        "- **{}** citations (mentions) forming **{}** citation links between **{}** texts",
        r.citations, r.edges, r.nodes
    )?;
    let t = &r.targets;
    writeln!(
        w,
        "- cited texts: **{}** in the corpus ({} mentions), **{}** outside it ({} mentions)\n",
        t.in_corpus, t.citations_in_corpus, t.external, t.citations_external
    )?;
    writeln!(w, "### Citations per kind of cited text\n")?;
    if r.citations_per_kind.is_empty() {
        writeln!(w, "(no citations)\n")?;
    } else {
        let rows: Vec<Vec<String>> = r
            .citations_per_kind
            .iter()
            .map(|c| vec![c.name.clone(), c.count.to_string()])
            .collect();
        table(w, &["kind", "citations"], &rows)?;
    }
    writeln!(w, "### Citations per year of the citing document\n")?;
    if r.per_year.is_empty() {
        writeln!(w, "(no dated documents)\n")?;
    } else {
        let rows: Vec<Vec<String>> = r
            .per_year
            .iter()
            .map(|y| {
                vec![
                    y.year.to_string(),
                    y.documents.to_string(),
                    y.citations.to_string(),
                ]
            })
            .collect();
        table(w, &["year", "documents", "citations"], &rows)?;
    }
    writeln!(w, "## Most cited texts\n")?;
    if r.most_cited.is_empty() {
        writeln!(w, "(no citations)\n")?;
    }
    for top in &r.most_cited {
        writeln!(w, "### {}\n", md_text(&top.name))?;
        entries(w, &top.entries, "citing texts")?;
    }
    writeln!(w, "## Central texts\n")?;
    for top in &r.centrality {
        writeln!(w, "### {}\n", md_text(&top.name))?;
        entries(w, &top.entries, "score")?;
    }
    writeln!(w, "## Documents citing the most texts\n")?;
    entries(w, &r.most_citing, "cited texts")?;
    writeln!(w, "## Warnings\n")?;
    let wr = &r.warnings;
    if wr.unreadable.is_empty() && wr.flagged_edges.is_empty() && wr.malformed_ids.is_empty() {
        writeln!(w, "None.")?;
        return Ok(());
    }
    if !wr.unreadable.is_empty() {
        writeln!(w, "### Unreadable inputs ({})\n", wr.unreadable.len())?;
        for u in &wr.unreadable {
            writeln!(w, "- {}", cell(u))?;
        }
        writeln!(w)?;
    }
    if !wr.flagged_edges.is_empty() {
        writeln!(
            w,
            "### Citations of a later text ({}; extraction or dating errors?)\n",
            wr.flagged_edges.len()
        )?;
        for (s, t) in wr.flagged_edges.iter().take(50) {
            writeln!(w, "- {} → {}", cell(&code(s)), cell(&code(t)))?;
        }
        if wr.flagged_edges.len() > 50 {
            writeln!(w, "- … and {} more", wr.flagged_edges.len() - 50)?;
        }
        writeln!(w)?;
    }
    if !wr.malformed_ids.is_empty() {
        writeln!(
            w,
            "### Ids that look malformed ({})\n",
            wr.malformed_ids.len()
        )?;
        for s in wr.malformed_ids.iter().take(50) {
            writeln!(w, "- {}: {}", cell(&code(&s.id)), md_text(&s.reason))?;
        }
        if wr.malformed_ids.len() > 50 {
            writeln!(w, "- … and {} more", wr.malformed_ids.len() - 50)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suspects() {
        let table: [(&str, Option<Kind>, Option<&str>); 7] = [
            ("A/RES/72/194", Some(Kind::GaResolution), None),
            (
                "A/RES/99/1",
                Some(Kind::GaResolution),
                Some("year 2044 is after every corpus document (2025)"),
            ),
            ("A/RES/72/0", Some(Kind::GaResolution), Some("number 0")),
            (
                "S/RES/12(1930)",
                Some(Kind::ScResolution),
                Some("year 1930 is before the United Nations"),
            ),
            ("S/RES/2178(2014)", Some(Kind::ScResolution), None),
            ("foo bar", None, Some("not a recognised symbol")),
            (
                "Charter of the United Nations",
                Some(Kind::NamedInstrument),
                None,
            ),
        ];
        for (id, kind, want) in table {
            assert_eq!(suspect(id, kind, Some(2025)).as_deref(), want, "{id}");
        }
    }
}
