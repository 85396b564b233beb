//! Language detection (skeleton: lands with the six-languages issue).

use crate::model::Lang;

/// Detects the language of a document from its script and common words.
pub fn detect(_text: &str) -> Lang {
    Lang::En
}
