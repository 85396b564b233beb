//! Stage 5: exports — DOT and rendered maps, Gephi CSV, GEXF, GraphML, JSON,
//! VOSviewer, and the Markdown report.

/// A problem writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Graphviz is needed but not installed.
    #[error(
        "Graphviz `{engine}` not found: install Graphviz (apt-get install graphviz, brew install graphviz) or export --format dot"
    )]
    GraphvizMissing {
        /// The layout engine asked for.
        engine: String,
    },
}
