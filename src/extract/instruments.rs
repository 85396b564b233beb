//! Named instruments (skeleton: lands with the six-languages issue).

use super::ExtractError;
use std::path::Path;

/// The table of instruments cited by name.
#[derive(Debug, Clone, Default)]
pub struct InstrumentTable {}

/// One name mention found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentHit {
    /// Byte offset of the mention start.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Canonical id of the instrument.
    pub target: String,
}

impl InstrumentTable {
    /// The built-in table (`data/instruments.tsv`).
    pub fn builtin() -> Self {
        InstrumentTable {}
    }

    /// Adds the rows of a user table.
    pub fn load_extra(&mut self, _path: &Path) -> Result<(), ExtractError> {
        Ok(())
    }

    /// Finds every name mention in `text`.
    pub fn find(&self, _text: &str) -> Vec<InstrumentHit> {
        Vec::new()
    }
}
