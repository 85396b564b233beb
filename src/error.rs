//! The library's error type.
//!
//! Each stage has its own error enum next to its code (so that a stage's
//! errors say what that stage knows: file, line, byte); [`Error`] gathers
//! them for the commands. `anyhow` is used only in the binary.

use std::path::PathBuf;

/// Any error a command can end with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading a document failed.
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
    /// Loading or building a graph failed.
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    /// Writing an export failed.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// Writing an output file failed.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file being written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The user asked for something that cannot be done as asked.
    #[error("{0}")]
    Usage(String),
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
