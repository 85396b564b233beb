//! The words that open resolution paragraphs ("Recalling", "Décide"), per
//! language: the lexicons' lists (`lexicon::*::LEX.cues`) plus the ones
//! below, taken from the UN Editorial Manual's lists of preambular and
//! operative verbs and from the corpus. A paragraph's cue is one of these
//! or nothing: a word is never a cue for its shape alone (a capitalised
//! word ending in "ing" of any length used to be, and was copied into every
//! citation of its paragraph), and no cue is longer than [`MAX_CUE_CHARS`].

/// The longest cue kept, in characters ("Profondément préoccupée" is 23).
pub const MAX_CUE_CHARS: usize = 40;

/// Cues the lexicons do not list, by language (en, fr, es, ru, ar, zh).
pub const EXTRA: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            // preambular
            "Underscoring",
            "Urging",
            "Renewing",
            "Referring",
            "Reminding",
            "Confirming",
            "Calling",
            "Re-emphasizing",
            "Re-emphasising",
            "Commemorating",
            "Endorsing",
            "Looking",
            "Viewing",
            "Keeping",
            "Fully",
            "Paying",
            "Pointing",
            "Encouraged",
            "Fulfilling",
            "Declaring",
            "Appealing",
            "Honouring",
            "Saluting",
            "Praising",
            "Thanking",
            "Reaffirming",
            "Further",
            "Also",
            "Strongly",
            "Noting",
            // operative
            "Re-emphasizes",
            "Re-emphasises",
            "Confirms",
            "Looks",
            "Declares",
            "Proclaims",
            "Recommends",
            "Requests",
            "Decides",
            "Calls",
            "Urges",
            "Appeals",
            "Commends",
            "Deplores",
            "Regrets",
            "Reminds",
            "Renews",
            "Supports",
            "Trusts",
            "Underscores",
            "Considers",
            "Designates",
            "Directs",
            "Emphasises",
            "Recognises",
            "Determines",
            "Reconfirms",
            "Resolves",
            "Highlights",
            "Recommits",
            "Commits",
            "Appreciates",
            "Draws",
            "Finds",
            "Rejects",
            "Entrusts",
            "Reposes",
            "Censures",
            "Advises",
            "Expects",
            "Instructs",
            "Remains",
        ],
    ),
    (
        "fr",
        &[
            "Soulignant",
            "Demandant",
            "Exhortant",
            "Engageant",
            "Rendant",
            "Ayant",
            "Tenant",
            "Gardant",
            "Décide",
            "Prie",
            "Demande",
            "Engage",
            "Invite",
            "Encourage",
            "Exhorte",
            "Réaffirme",
            "Rappelle",
            "Souligne",
            "Note",
            "Prend",
            "Accueille",
            "Salue",
            "Condamne",
            "Exige",
            "Autorise",
            "Recommande",
            "Approuve",
            "Adopte",
            "Déclare",
            "Considère",
            "Reconnaît",
        ],
    ),
    (
        "es",
        &[
            "Recordando",
            "Reafirmando",
            "Observando",
            "Acogiendo",
            "Reconociendo",
            "Subrayando",
            "Destacando",
            "Poniendo",
            "Expresando",
            "Preocupada",
            "Profundamente",
            "Convencida",
            "Consciente",
            "Decide",
            "Solicita",
            "Pide",
            "Insta",
            "Exhorta",
            "Invita",
            "Alienta",
            "Acoge",
            "Reafirma",
            "Recuerda",
            "Subraya",
            "Destaca",
            "Observa",
            "Toma",
            "Condena",
            "Exige",
            "Autoriza",
            "Recomienda",
            "Aprueba",
            "Declara",
            "Reconoce",
        ],
    ),
    (
        "ru",
        &[
            "Принимая",
            "Осуждая",
            "Призывая",
            "Приветствуя",
            "Решает",
            "Принимает",
            "Рекомендует",
            "Настоятельно",
            "Вновь",
            "Рассматривает",
        ],
    ),
    (
        "ar",
        &[
            // preambular paragraphs open with "إذ" / "وإذ" and a verb
            "إذ",
            "وإذ",
            // operative verbs
            "تقرر",
            "يقرر",
            "تطلب",
            "يطلب",
            "تحث",
            "يحث",
            "تهيب",
            "يهيب",
            "تدعو",
            "يدعو",
            "ترحب",
            "يرحب",
            "تؤكد",
            "يؤكد",
            "تعيد",
            "يعيد",
            "تشجع",
            "يشجع",
            "تدين",
            "يدين",
            "تلاحظ",
            "يلاحظ",
            "تحيط",
            "يحيط",
            "تعرب",
            "يعرب",
            "تسلم",
            "يسلم",
            "توصي",
            "يوصي",
            "تعلن",
            "يعلن",
            "تشدد",
            "يشدد",
            "تأذن",
            "يأذن",
        ],
    ),
    (
        "zh",
        &[
            // Chinese writes no space after the cue: matched as a prefix
            "回顾",
            "重申",
            "注意到",
            "欢迎",
            "认识到",
            "确认",
            "强调",
            "表示",
            "深为关切",
            "关切地",
            "铭记",
            "考虑到",
            "深信",
            "意识到",
            "申明",
            "又回顾",
            "还回顾",
            "决定",
            "请",
            "吁请",
            "敦促",
            "促请",
            "邀请",
            "鼓励",
            "赞扬",
            "谴责",
            "要求",
            "授权",
            "核可",
            "通过",
            "宣布",
            "建议",
            "表示注意到",
        ],
    ),
];

/// Cues that take the next word too ("إذ تشير": "while recalling").
pub const EXTRA_PREFIXES: [&str; 6] = ["إذ", "وإذ", "Looking", "Keeping", "Fully", "Paying"];

/// The Chinese cue `word` starts with (the longest), if any: a Chinese
/// paragraph runs on from its cue without a space.
pub fn chinese_prefix(word: &str) -> Option<&'static str> {
    let zh = EXTRA.iter().find(|(l, _)| *l == "zh").map(|(_, c)| *c)?;
    zh.iter()
        .copied()
        .filter(|c| word.starts_with(c))
        .max_by_key(|c| c.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_cues_are_prefixes() {
        assert_eq!(
            chinese_prefix("回顾其2017年12月19日第72/194号决议"),
            Some("回顾")
        );
        assert_eq!(chinese_prefix("表示注意到秘书长的报告"), Some("表示注意到"));
        assert_eq!(chinese_prefix("大会"), None);
    }

    #[test]
    fn no_cue_is_too_long() {
        for (_, cues) in EXTRA {
            for c in cues {
                assert!(c.chars().count() <= MAX_CUE_CHARS, "{c}");
            }
        }
    }
}
