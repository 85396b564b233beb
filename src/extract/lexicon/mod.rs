//! Per-language words the extractor needs, kept as data apart from code.
//!
//! Each official language has one file listing: the names of the bodies that
//! adopt resolutions (so that "Security Council resolution", "du Conseil de
//! sécurité" or "Генеральной Ассамблеи" tell which body a number belongs to),
//! the possessives that mean "its" ("its", "sa", "ses", "su", "своей"), the
//! words that introduce a date or a pinpoint after a citation, and the words
//! that open resolution paragraphs ("Recalling", "Décide"). The patterns in
//! [`super::patterns`] are compiled from the union of all six lexicons, so a
//! document is read correctly even when its language is misdetected.

mod ar;
mod en;
mod es;
mod fr;
mod ru;
mod zh;

/// Which organ a body name in the text designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyRef {
    /// The General Assembly ("General Assembly", "Assemblée générale", "大会").
    Ga,
    /// The Security Council.
    Sc,
    /// The Economic and Social Council.
    Ecosoc,
    /// The Human Rights Council.
    Hrc,
    /// A body whose acts are cited by number (`WHA 77.17`, `CHR 2005/69`,
    /// `CND 62/1`): see [`super::acts`].
    Act(super::acts::Act),
    /// "the Council" without a name: resolved from the number's shape and the
    /// citing document's body.
    Council,
    /// "the Assembly" without a name: the General Assembly.
    Assembly,
    /// Any other body (executive boards, commissions, conferences of the
    /// parties): numbers it adopts are not cited as UN resolutions.
    Other,
}

/// The words of one language.
#[derive(Debug)]
pub struct Lexicon {
    /// Body names with what they designate. Matched case-sensitively as
    /// written (an ASCII apostrophe also matches `’`); longer names first is
    /// not required (the patterns prefer the longest).
    pub bodies: &'static [(&'static str, BodyRef)],
    /// Possessives meaning "its" just before a resolution word.
    pub its: &'static [&'static str],
    /// Words that bring in the numbers of a list whose resolution word is
    /// far before them ("its resolutions on the rule of law, including
    /// 77/110 and 78/112"; "notamment", "в частности").
    pub list_markers: &'static [&'static str],
    /// Words that join list items ("and", "et", "y", "и").
    pub conjunctions: &'static [&'static str],
    /// Resolution letters written as words (Arabic "ألف", "باء": `217 A`
    /// is "217 ألف"); Latin and Cyrillic single letters are read by code.
    pub letters: &'static [&'static str],
    /// Words that introduce a pinpoint after a citation ("annex", "para.").
    pub pinpoints: &'static [&'static str],
    /// Words that may come before the date following a citation ("of", "du").
    pub date_preps: &'static [&'static str],
    /// Words opening resolution paragraphs (preambular and operative).
    pub cues: &'static [&'static str],
    /// Cue words that need the next word too ("Taking" note, "Se" félicitant).
    pub cue_prefixes: &'static [&'static str],
}

/// The lexicons of the six official languages.
pub const ALL: [&Lexicon; 6] = [&en::LEX, &fr::LEX, &es::LEX, &ru::LEX, &zh::LEX, &ar::LEX];
