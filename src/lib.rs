//! # unxref — how United Nations documents cite each other
//!
//! unxref reads UN documents (resolutions, decisions, drafts, reports, in the
//! six official languages), finds every citation of another UN text in them,
//! and builds the citation network: who cites resolution 72/194, which texts
//! of a topic are the landmarks, what a draft builds on. The network goes to
//! Gephi, Graphviz and the other usual tools.
//!
//! ## The pipeline
//!
//! One module per stage, each with one job:
//!
//! 1. [`input`] — documents in: paths → decoded text (UTF-8, Windows-1252,
//!    HTML stripped), one error per bad file, never an abort.
//! 2. [`extract`] — text → [`model::Citation`]s with canonical ids
//!    ([`symbol`]).
//! 3. [`graph`] — citations → a petgraph citation graph.
//! 4. [`analysis`] — centrality, "who cites X", paths.
//! 5. [`export`] — DOT/SVG, Gephi CSV, GEXF, GraphML, JSON, reports.
//!
//! [`pipeline`] runs stages 1–2 over a corpus in parallel; [`commands`] holds
//! one module per subcommand; [`output`] writes every file atomically.
//!
//! ## Design decisions
//!
//! - **Canonical ids are the contract.** Every citation is normalised to one
//!   id per cited text (`A/RES/72/194`, `S/RES/2178(2014)`, `UNTS 39574`), so
//!   that the graph joins mentions written in different ways and languages.
//! - **Offsets point into the file.** Cleaning rewrites text (HTML, NFC,
//!   digit folding); [`text::Mapped`] keeps the way back, so `start`/`end`
//!   and `text` of a citation are what stands in the file.
//! - **Deterministic output.** Inputs are processed in parallel but results
//!   are kept in input order and sorted wherever order carries no meaning.
//! - **Per-file errors.** A bad document is reported with its path and the
//!   run goes on; the process exits non-zero at the end.

#![warn(missing_docs)]

pub mod alloc;
pub mod analysis;
pub mod commands;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod symbol;
pub mod text;

pub use error::{Error, Result};
