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
    /// The title the citing text gives the cited one ('resolution 70/1,
    /// entitled "Transforming our world: …"'), whitespace collapsed, quotes
    /// removed; empty when none is given (and then left out of JSON).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cited_title: String,
    /// The adoption date the citing text gives the cited one ("of 25
    /// September 2015" → `2015-09-25`), ISO 8601; empty when none is given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cited_date: String,
}

impl Citation {
    /// Appends the citation as one JSON object, the same bytes as
    /// `serde_json::to_writer` (a test compares them on random records),
    /// only faster: `unxref extract` writes one per citation, and serde's
    /// byte-by-byte escaping of the context passages was 4 % of its
    /// instructions. Strings are copied in runs between the bytes JSON
    /// escapes, found eight bytes at a time.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let mut num = itoa::Buffer::new();
        let field = |out: &mut Vec<u8>, first: bool, key: &str| {
            out.extend_from_slice(if first { b"{\"" } else { b",\"" });
            out.extend_from_slice(key.as_bytes());
            out.extend_from_slice(b"\":");
        };
        field(out, true, "file");
        json_str(out, &self.file);
        field(out, false, "doc");
        json_str(out, &self.doc);
        field(out, false, "target");
        json_str(out, &self.target);
        field(out, false, "kind");
        // unit variants: serde's names (the kebab-case names of `as_str`;
        // the random-records test compares them with serde's output)
        quoted(out, self.kind.as_str());
        field(out, false, "text");
        json_str(out, &self.text);
        for (key, n) in [
            ("start", self.start),
            ("end", self.end),
            ("line", self.line),
        ] {
            field(out, false, key);
            out.extend_from_slice(num.format(n).as_bytes());
        }
        field(out, false, "lang");
        quoted(out, lang_serde_name(self.lang));
        field(out, false, "cue");
        json_str(out, &self.cue);
        field(out, false, "paragraph");
        json_str(out, &self.paragraph);
        if let Some(p) = self.page {
            field(out, false, "page");
            out.extend_from_slice(num.format(p).as_bytes());
        }
        field(out, false, "context");
        json_str(out, &self.context);
        if !self.cited_title.is_empty() {
            field(out, false, "cited_title");
            json_str(out, &self.cited_title);
        }
        if !self.cited_date.is_empty() {
            field(out, false, "cited_date");
            json_str(out, &self.cited_date);
        }
        out.push(b'}');
    }
}

/// Appends `s`, which needs no escape, as a JSON string.
fn quoted(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

/// A language as serde names it (`Lang::Unknown` is `unknown`, where
/// [`Lang::as_str`] gives `und`).
fn lang_serde_name(l: Lang) -> &'static str {
    match l {
        Lang::Unknown => "unknown",
        l => l.as_str(),
    }
}

/// Appends `s` as a JSON string, escaped as serde_json escapes: `"`, `\\`
/// and the control characters below U+0020 (`\n`, `\t`, … or `\u00XX`);
/// everything else as it is.
fn json_str(out: &mut Vec<u8>, s: &str) {
    use crate::text::swar::{control, eq, first, load};
    let b = s.as_bytes();
    out.push(b'"');
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        // 64 bytes at a time while they last (context passages are a few
        // hundred), then 8.
        if i + 64 <= b.len() {
            let hit = crate::text::classes::json_escapes(b, i);
            if hit == 0 {
                i += 64;
                continue;
            }
            i += hit.trailing_zeros() as usize;
        } else if i + 8 <= b.len() {
            let w = load(b, i);
            let hit = control(w) | eq(w, b'"') | eq(w, b'\\');
            if hit == 0 {
                i += 8;
                continue;
            }
            i += first(hit);
        }
        let x = b[i];
        let esc: &[u8] = match x {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0..=0x1F => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&b[copied..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(x >> 4)]);
            out.push(HEX[usize::from(x & 0xF)]);
        } else {
            out.extend_from_slice(esc);
        }
        i += 1;
        copied = i;
    }
    out.extend_from_slice(&b[copied..]);
    out.push(b'"');
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
    /// Date of adoption or issue (ISO 8601 `2024-09-22`), when the text
    /// gives it (masthead date, "Resolution adopted … on 22 September
    /// 2024", "Resolution 660 (1990) of 2 August 1990"); empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The drafts the document was adopted from, as its header gives them
    /// ("[without reference to a Main Committee (A/79/L.99 and
    /// A/79/L.99/Add.1)]" → `A/79/L.99`, `A/79/L.99/Add.1`): its own
    /// history, never its citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub draft: Vec<String>,
    /// Adopting or issuing body.
    pub body: Option<Body>,
    /// Detected (or forced) language.
    pub lang: Lang,
    /// Size of the decoded text in bytes.
    pub bytes: usize,
    /// Notes about decoding (for example "decoded as Windows-1252").
    pub notes: Vec<String>,
}

#[cfg(test)]
mod json_tests {
    use super::*;
    use proptest::prelude::*;

    /// Strings made of what JSON escapes and what it does not.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a",
                "resolution 72/194",
                "The General Assembly, recalling its resolution 70/1 of 25 September 2015,",
                " ",
                "\"",
                "\\",
                "\n",
                "\r",
                "\t",
                "\u{8}",
                "\u{c}",
                "\u{0}",
                "\u{1f}",
                "\u{7f}",
                "é",
                "’",
                "中",
                "я",
                "\u{2028}",
                "/",
                "<>",
            ]),
            0..30,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn write_json_is_serde_json(
            file in text(), doc in text(), target in text(), t in text(), cue in text(),
            paragraph in text(), context in text(), cited_title in text(), cited_date in text(),
            start in any::<usize>(), end in any::<usize>(), line in any::<usize>(),
            page in proptest::option::of(any::<u32>()),
            kind in 0..Kind::ALL.len(), lang in 0..7usize,
        ) {
            let langs = [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Zh, Lang::Ar, Lang::Unknown];
            let c = Citation {
                file, doc, target, kind: Kind::ALL[kind], text: t, start, end, line,
                lang: langs[lang], cue, paragraph, page, context, cited_title, cited_date,
            };
            let mut got = Vec::new();
            c.write_json(&mut got);
            prop_assert_eq!(String::from_utf8(got).unwrap(), serde_json::to_string(&c).unwrap());
        }
    }
}
