//! Arabic words.

use super::super::acts::Act;
use super::{BodyRef, Lexicon};

/// The Arabic lexicon.
pub const LEX: Lexicon = Lexicon {
    bodies: &[
        ("جمعية الصحة العالمية", BodyRef::Act(Act::Wha)),
        ("جمعية الأمم المتحدة للبيئة", BodyRef::Act(Act::Unea)),
        ("لجنة المخدرات", BodyRef::Act(Act::Cnd)),
        (
            "لجنة منع الجريمة والعدالة الجنائية",
            BodyRef::Act(Act::Ccpcj),
        ),
        ("لجنة وضع المرأة", BodyRef::Act(Act::Csw)),
        ("لجنة التنمية الاجتماعية", BodyRef::Act(Act::CSocD)),
        ("الجمعية العامة", BodyRef::Ga),
        ("مجلس الأمن", BodyRef::Sc),
        ("المجلس الاقتصادي والاجتماعي", BodyRef::Ecosoc),
        ("مجلس حقوق الإنسان", BodyRef::Hrc),
        ("لجنة حقوق الإنسان", BodyRef::Act(Act::Chr)),
        ("المجلس", BodyRef::Council),
        ("المجلس التنفيذي", BodyRef::Other),
    ],
    its: &[],
    list_markers: &[
        "ولا سيما",
        "لا سيما",
        "بما في ذلك",
        "بما فيها",
        "وآخرها",
        "ومنها",
        "وخاصة",
    ],
    conjunctions: &["و"],
    // The Arabic alphabet in the abjad order the UN uses for resolution
    // letters (A = ألف, B = باء, … J = ياء), with the hamza-less ألف.
    letters: &[
        "ألف", "الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام",
        "ميم", "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال",
        "ضاد", "ظاء", "غين",
    ],
    pinpoints: &["المرفق", "الفقرة"],
    date_preps: &["المؤرخ", "المؤرخة", "المؤرخين", "المؤرختين", "المؤرخات"],
    cues: &[],
    cue_prefixes: &[],
};
