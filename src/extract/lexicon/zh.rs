//! Chinese words (simplified and traditional).

use super::super::acts::Act;
use super::{BodyRef, Lexicon};

/// The Chinese lexicon.
pub const LEX: Lexicon = Lexicon {
    bodies: &[
        ("世界卫生大会", BodyRef::Act(Act::Wha)),
        ("联合国环境大会", BodyRef::Act(Act::Unea)),
        ("生物多样性公约缔约方大会", BodyRef::Act(Act::Cbd)),
        ("麻醉药品委员会", BodyRef::Act(Act::Cnd)),
        ("预防犯罪和刑事司法委员会", BodyRef::Act(Act::Ccpcj)),
        ("妇女地位委员会", BodyRef::Act(Act::Csw)),
        ("社会发展委员会", BodyRef::Act(Act::CSocD)),
        ("大会", BodyRef::Ga),
        ("大會", BodyRef::Ga),
        ("安全理事会", BodyRef::Sc),
        ("安全理事會", BodyRef::Sc),
        ("安理会", BodyRef::Sc),
        ("安理會", BodyRef::Sc),
        ("经济及社会理事会", BodyRef::Ecosoc),
        ("經濟及社會理事會", BodyRef::Ecosoc),
        ("经社理事会", BodyRef::Ecosoc),
        ("人权理事会", BodyRef::Hrc),
        ("人權理事會", BodyRef::Hrc),
        ("人权委员会", BodyRef::Act(Act::Chr)),
        ("理事会", BodyRef::Council),
        ("理事會", BodyRef::Council),
        ("执行局", BodyRef::Other),
        ("委员会", BodyRef::Other),
    ],
    its: &["其", "它的"],
    list_markers: &["包括", "特别是", "尤其是", "其中", "最近的是"],
    conjunctions: &["和", "及", "与", "與", "以及"],
    letters: &[],
    pinpoints: &["附件", "段"],
    date_preps: &[],
    cues: &[],
    cue_prefixes: &[],
};
