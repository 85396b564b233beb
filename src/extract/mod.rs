//! Stage 2: citations out of document text.
//!
//! (Skeleton: the extraction engine lands with the extractor issue.)

pub mod fold;
pub mod instruments;
pub mod lang;

use crate::input::SourceDoc;
use crate::model::{Citation, DocInfo, Lang};
use std::path::PathBuf;

/// A problem with the extractor's configuration (not with a document).
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A user instruments table could not be read or parsed.
    #[error("{}:{line}: {msg}", path.display())]
    Instruments {
        /// The table file.
        path: PathBuf,
        /// 1-based line (0 when the file could not be read).
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

/// Extractor settings.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force the language of every document instead of detecting it.
    pub lang: Option<Lang>,
    /// Extra instruments table (TSV, same columns as `data/instruments.tsv`).
    pub instruments: Option<PathBuf>,
}

/// What the extractor found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The citing document.
    pub info: DocInfo,
    /// Its citations, in text order.
    pub citations: Vec<Citation>,
}

/// A configured extractor; cheap to share between threads.
#[derive(Debug)]
pub struct Extractor {
    opts: Options,
    instruments: instruments::InstrumentTable,
}

impl Extractor {
    /// Builds an extractor (loads the instruments tables).
    pub fn new(opts: Options) -> Result<Self, ExtractError> {
        let mut instruments = instruments::InstrumentTable::builtin();
        if let Some(p) = &opts.instruments {
            instruments.load_extra(p)?;
        }
        Ok(Extractor { opts, instruments })
    }

    /// Extracts the citations of one document.
    pub fn extract(&self, doc: &SourceDoc) -> Extracted {
        let lang = self
            .opts
            .lang
            .unwrap_or_else(|| lang::detect(&doc.text.text));
        let _ = &self.instruments;
        let id = std::path::Path::new(&doc.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Extracted {
            info: DocInfo {
                file: doc.path.clone(),
                id,
                id_source: "file-stem".into(),
                lang,
                bytes: doc.raw.len(),
                notes: doc.notes.clone(),
                ..DocInfo::default()
            },
            citations: Vec::new(),
        }
    }
}
