//! The records that flow between pipeline stages.
//!
//! Every stage speaks in these types: the extractor produces [`Citation`]s and
//! one [`DocInfo`] per document, the graph builder turns them into nodes and
//! edges, and exporters print them. Keeping them in one small module means a
//! stage can be rewritten without touching the others.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of thing a canonical id names.
///
/// The serialised names (`ga-resolution`, …) are part of the output formats
/// (`kind` column of the CSV and JSON Lines outputs) and must not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// General Assembly resolution, `A/RES/72/194`, `A/RES/217(III)`.
    GaResolution,
    /// General Assembly decision, `A/DEC/73/546`.
    GaDecision,
    /// Security Council resolution, `S/RES/2178(2014)`.
    ScResolution,
    /// Security Council presidential statement, `S/PRST/2014/16`.
    ScPresidentialStatement,
    /// Economic and Social Council resolution, `E/RES/2019/19`.
    EcosocResolution,
    /// Economic and Social Council decision, `E/DEC/2019/210`.
    EcosocDecision,
    /// Human Rights Council resolution, `A/HRC/RES/40/1`.
    HrcResolution,
    /// Human Rights Council decision, `A/HRC/DEC/40/115`.
    HrcDecision,
    /// A resolution or decision of another body, `BODY number`:
    /// `WHA 77.17`, `UNEA 5/2`, `UNFCCC 1/CP.28`, `CBD 15/4`, `CHR 2005/69`,
    /// `IAEA GC(68)/RES/14` (see `extract::acts` for the bodies).
    OtherResolution,
    /// A treaty by its UN Treaty Series registration number, `UNTS 39574`.
    Treaty,
    /// An instrument cited by its name (issue: named instruments); the target
    /// is the instrument's canonical id from the instruments table.
    NamedInstrument,
    /// Any other UN document symbol, `E/CN.15/2019/5`.
    Document,
}

impl Kind {
    /// All kinds, in their canonical order (used for stable reports).
    pub const ALL: [Kind; 12] = [
        Kind::GaResolution,
        Kind::GaDecision,
        Kind::ScResolution,
        Kind::ScPresidentialStatement,
        Kind::EcosocResolution,
        Kind::EcosocDecision,
        Kind::HrcResolution,
        Kind::HrcDecision,
        Kind::OtherResolution,
        Kind::Treaty,
        Kind::NamedInstrument,
        Kind::Document,
    ];

    /// The stable kebab-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::GaResolution => "ga-resolution",
            Kind::GaDecision => "ga-decision",
            Kind::ScResolution => "sc-resolution",
            Kind::ScPresidentialStatement => "sc-presidential-statement",
            Kind::EcosocResolution => "ecosoc-resolution",
            Kind::EcosocDecision => "ecosoc-decision",
            Kind::HrcResolution => "hrc-resolution",
            Kind::HrcDecision => "hrc-decision",
            Kind::OtherResolution => "other-resolution",
            Kind::Treaty => "treaty",
            Kind::NamedInstrument => "named-instrument",
            Kind::Document => "document",
        }
    }

    /// Parses the kebab-case name (as accepted by `--kind`).
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == s.trim())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The six official UN languages (plus `Unknown` when detection has no clue).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Russian.
    Ru,
    /// Chinese.
    Zh,
    /// Arabic.
    Ar,
    /// Not enough text to tell.
    Unknown,
}

impl Lang {
    /// ISO 639-1 code, as written in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
            Lang::Ar => "ar",
            Lang::Unknown => "und",
        }
    }

    /// Parses an ISO 639-1 code (as accepted by `--lang`).
    pub fn parse(s: &str) -> Option<Lang> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "en" => Lang::En,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "ru" => Lang::Ru,
            "zh" => Lang::Zh,
            "ar" => Lang::Ar,
            "und" => Lang::Unknown,
            _ => return None,
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The UN organ that adopted or issued a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Body {
    /// General Assembly (and its Main Committees).
    GeneralAssembly,
    /// Security Council.
    SecurityCouncil,
    /// Economic and Social Council (and its commissions).
    Ecosoc,
    /// Human Rights Council.
    HumanRightsCouncil,
    /// Anything else (Secretariat, treaty bodies, treaties, …).
    Other,
}

impl Body {
    /// Stable name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "general-assembly",
            Body::SecurityCouncil => "security-council",
            Body::Ecosoc => "ecosoc",
            Body::HumanRightsCouncil => "human-rights-council",
            Body::Other => "other",
        }
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One citation found in one document: the extractor's output record.
///
/// Field order is the column order of `unxref extract --format csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The path of the citing file, as the user gave it.
    pub file: String,
    /// Canonical id of the citing document (see [`DocInfo::id`]).
    pub doc: String,
    /// Canonical id of the cited text (`A/RES/72/194`, `UNTS 39574`, …).
    pub target: String,
    /// What the target is.
    pub kind: Kind,
    /// The matched text exactly as it stands in the file.
    pub text: String,
    /// Byte offset of the match start in the file (after decoding to UTF-8).
    pub start: usize,
    /// Byte offset one past the match end.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// Language of the citing document.
    pub lang: Lang,
    /// The word that introduces the paragraph holding the citation
    /// ("Recalling", "Decides", "Rappelant"), empty when there is none.
    pub cue: String,
    /// Where in the document the citation stands: `pp3` (third preambular
    /// paragraph), `op5` (operative paragraph 5), `fn2` (footnote 2), or
    /// empty when the structure is not recognised.
    pub paragraph: String,
    /// 1-based page of `start`, for PDF input only (left out otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The sentence or clause around the citation (at most about 300
    /// characters, whitespace collapsed), empty when unknown.
    #[serde(default)]
    pub context: String,
}

/// What the extractor learns about one citing document besides its citations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DocInfo {
    /// The path as the user gave it.
    pub file: String,
    /// Canonical id: the symbol read from the masthead or title line, else one
    /// derived from the file name (`A_RES_79_1.txt` → `A/RES/79/1`), else the
    /// file stem.
    pub id: String,
    /// How the id was found: `masthead`, `title`, `file-name` or `file-stem`.
    pub id_source: String,
    /// The kind of the document itself, when its id is a recognised symbol.
    pub kind: Option<Kind>,
    /// Title, when the text has one (for resolutions the title line).
    pub title: String,
    /// Year of adoption or issue, when known.
    pub year: Option<i32>,
    /// Adopting or issuing body.
    pub body: Option<Body>,
    /// Detected (or forced) language.
    pub lang: Lang,
    /// Size of the decoded text in bytes.
    pub bytes: usize,
    /// Notes about decoding (for example "decoded as Windows-1252").
    pub notes: Vec<String>,
}
