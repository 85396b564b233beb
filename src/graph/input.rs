//! INPUT... for the graph commands: a corpus (files and folders, extracted
//! on the fly), a saved graph, or a Gephi-style edge-list CSV — several of
//! them merged into one graph.
//!
//! How an input is recognised ([`classify`]): a folder or `-` is corpus; a
//! file ending in `.csv` or `.tsv` is an edge list, or a node table when
//! its header names an `Id` column and no `Source`/`Target` (as Gephi's
//! `nodes.csv`); a file ending in `.json`,
//! or any file whose first bytes hold `{` … `"unxref-graph"`, is a saved
//! graph; anything else is a corpus document.
//!
//! Merge order: all corpus inputs are extracted together (documents in input
//! order, then the targets they cite), then each saved graph and edge list
//! is merged in command-line order ([`CitationGraph::merge`]): same ids are
//! one node, weights of an edge present in several inputs add up. Edges to
//! a later text are flagged once everything is merged.
//!
//! A bad input is recorded in [`Loaded::errors`] (one message naming the
//! file, with the line for edge lists and saved graphs) and the others are
//! still loaded.

use super::{CitationGraph, edgelist, nodelist, store};
use crate::extract::{Extractor, Options};
use crate::pipeline;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Settings for loading inputs.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Extractor settings for corpus inputs.
    pub extract: Options,
    /// `--metadata` files, applied once every input is merged.
    pub metadata: Vec<PathBuf>,
}

/// A loaded graph and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The graph.
    pub graph: CitationGraph,
    /// Inputs that could not be used, one error each (documents of a
    /// corpus, saved graphs, edge lists); already worth reporting.
    pub errors: Vec<crate::Error>,
    /// Notes (skipped files, decoding, merged duplicate rows), for stderr
    /// unless `--quiet`.
    pub notes: Vec<String>,
    /// The extracted documents, when an input was a corpus.
    pub docs: Vec<crate::extract::Extracted>,
}

/// What an input path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Documents to extract (a file, a folder, or `-`).
    Corpus,
    /// A saved graph (`unxref graph -o`).
    SavedGraph,
    /// An edge-list CSV.
    EdgeList,
    /// A node table CSV (`Id,Label,…`) giving node attributes.
    NodeTable,
}

/// Decides what `path` holds, from its extension and, for other files, its
/// first bytes. Paths that cannot be read count as corpus (the corpus
/// reader reports them).
pub fn classify(path: &Path) -> InputKind {
    if path.as_os_str() == "-" || path.is_dir() {
        return InputKind::Corpus;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mut head = [0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    match ext.as_str() {
        "csv" | "tsv" => {
            let first = head[..n].split(|&b| b == b'\n').next().unwrap_or_default();
            return if nodelist::is_node_table(first) {
                InputKind::NodeTable
            } else {
                InputKind::EdgeList
            };
        }
        "json" => return InputKind::SavedGraph,
        _ => {}
    }
    if store::sniff(&head[..n]) {
        InputKind::SavedGraph
    } else {
        InputKind::Corpus
    }
}

/// The notes on an edge list's dropped self-loops and merged rows.
pub fn edge_list_notes(path: &Path, report: &edgelist::EdgeListReport) -> Vec<String> {
    let mut notes = Vec::new();
    if report.self_loops > 0 {
        notes.push(format!(
            "{}: {} self-loop row(s) dropped",
            path.display(),
            report.self_loops
        ));
    }
    if report.duplicates > 0 {
        notes.push(format!(
            "{}: {} repeated edge row(s) merged (weights summed)",
            path.display(),
            report.duplicates
        ));
    }
    notes
}

/// The single input and its kind, when it is one of `kinds` and nothing
/// else is given (no other input, no `--metadata`): then an edge list
/// ([`edgelist::load_lean`]) or a saved graph ([`store::load_lean`]) can be
/// held lean, with the same nodes and edges as [`load_inputs`], without
/// building the full graph.
pub fn single_input<'a>(
    inputs: &'a [PathBuf],
    opts: &LoadOptions,
    kinds: &[InputKind],
) -> Option<(&'a Path, InputKind)> {
    match inputs {
        [p] if opts.metadata.is_empty() => {
            let kind = classify(p);
            kinds.contains(&kind).then_some((p.as_path(), kind))
        }
        _ => None,
    }
}

/// Loads and merges every input into one graph.
pub fn load_inputs(inputs: &[PathBuf], opts: &LoadOptions) -> crate::Result<Loaded> {
    let mut corpus = Vec::new();
    let mut others = Vec::new();
    for p in inputs {
        match classify(p) {
            InputKind::Corpus => corpus.push(p.clone()),
            k => others.push((p, k)),
        }
    }
    let mut loaded = Loaded::default();
    if !corpus.is_empty() {
        let extractor =
            Extractor::new(opts.extract.clone()).map_err(|e| crate::Error::Usage(e.to_string()))?;
        let run = pipeline::extract_corpus(&corpus, &extractor, &|| {});
        loaded.graph = super::build::from_extracted(&run.docs);
        loaded.errors.extend(run.errors.into_iter().map(Into::into));
        loaded.notes.extend(run.skipped);
        for d in &run.docs {
            for n in &d.info.notes {
                loaded.notes.push(format!("{}: {n}", d.info.file));
            }
        }
        loaded.docs = run.docs;
    }
    // Graphs merged so far; each comes flagged already, so flags need
    // recomputing only when two or more were merged (a year may have come
    // from another input).
    let mut merged = usize::from(!corpus.is_empty());
    for (p, kind) in others {
        let got = match kind {
            InputKind::EdgeList => edgelist::load(p).map(|(g, report)| {
                loaded.notes.extend(edge_list_notes(p, &report));
                g
            }),
            InputKind::NodeTable => nodelist::load(p),
            _ => store::load(p),
        };
        match got {
            Ok(g) => {
                merged += 1;
                loaded.graph.merge(g);
            }
            Err(e) => loaded.errors.push(e.into()),
        }
    }
    if !opts.metadata.is_empty() {
        // Applying metadata recomputes the flags (dates may bring years).
        let (notes, errors) = super::metadata::apply_files(&mut loaded.graph, &opts.metadata);
        loaded.notes.extend(notes);
        loaded.errors.extend(errors.into_iter().map(Into::into));
    } else if merged > 1 {
        loaded.graph.flag_later_citations();
    }
    Ok(loaded)
}
