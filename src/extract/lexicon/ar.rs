//! Arabic words.

use super::{BodyRef, Lexicon};

/// The Arabic lexicon.
pub const LEX: Lexicon = Lexicon {
    bodies: &[
        ("الجمعية العامة", BodyRef::Ga),
        ("مجلس الأمن", BodyRef::Sc),
        ("المجلس الاقتصادي والاجتماعي", BodyRef::Ecosoc),
        ("مجلس حقوق الإنسان", BodyRef::Hrc),
        ("لجنة حقوق الإنسان", BodyRef::Chr),
        ("المجلس", BodyRef::Council),
        ("المجلس التنفيذي", BodyRef::Other),
    ],
    its: &[],
    conjunctions: &["و"],
    pinpoints: &["المرفق", "الفقرة"],
    date_preps: &["المؤرخ", "المؤرخة"],
    cues: &[],
    cue_prefixes: &[],
};
