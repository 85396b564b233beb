//! INPUT... for the graph commands: a corpus (files and folders, extracted
//! on the fly), a saved graph, or a Gephi-style edge-list CSV.
//! (This first version handles corpora; saved graphs and edge lists land with
//! the graph issue.)

use super::CitationGraph;
use crate::extract::{Extractor, Options};
use crate::input::InputError;
use crate::pipeline;
use std::path::PathBuf;

/// Settings for loading inputs.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Extractor settings for corpus inputs.
    pub extract: Options,
}

/// A loaded graph and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The graph.
    pub graph: CitationGraph,
    /// Inputs that could not be used (already worth reporting).
    pub errors: Vec<InputError>,
    /// Notes (skipped files, decoding), for stderr unless `--quiet`.
    pub notes: Vec<String>,
    /// The extracted documents, when the input was a corpus.
    pub docs: Vec<crate::extract::Extracted>,
}

/// Loads and merges every input into one graph.
pub fn load_inputs(inputs: &[PathBuf], opts: &LoadOptions) -> crate::Result<Loaded> {
    let extractor =
        Extractor::new(opts.extract.clone()).map_err(|e| crate::Error::Usage(e.to_string()))?;
    let run = pipeline::extract_corpus(inputs, &extractor, &|| {});
    let graph = super::build::from_extracted(&run.docs);
    Ok(Loaded {
        graph,
        errors: run.errors,
        notes: run.skipped,
        docs: run.docs,
    })
}
