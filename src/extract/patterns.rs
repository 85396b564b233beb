//! The regular expressions of the extractor, as data: one combined regex per
//! family, compiled once.
//!
//! Rules followed everywhere (see the crate's tools notes): ASCII classes
//! (`[0-9]`, never `\d`, which matches Arabic-Indic digits that would then
//! fail to parse), `(?-u:\b)` instead of the slow and CJK-blind Unicode `\b`,
//! and never a word boundary after `)`.
//!
//! Families:
//! - [`triggers`]: the words "resolution"/"decision" in the six languages
//!   (a literal scan of their stems; the regex it replaced, `TRIGGER`, is
//!   the tests' oracle); the numbers after them are read by hand in
//!   [`super::find`].
//! - citations that stand without such a word (document symbols
//!   `A/RES/72/194`, `E/CN.15/2019/5`; `N (YYYY)`; `N (ROMAN)`) are found
//!   by a hand scan from `memchr` hits on `/` and `(` in [`super::find`],
//!   with [`SYMBOL_PREFIXES`] as data.
//! - [`TREATY`]: the Treaty Series in six languages, "Ibid." and "Official
//!   Records" (to know what an "Ibid." repeats).
//! - [`ZH_LIST`]: Chinese `第…号决议`, where the numbers come between the
//!   markers.

mod bodies;
mod triggers;

pub(crate) use bodies::warm_up_bodies;
pub use bodies::{
    BODY, BODY_REF, OTHER_AFTER, body_after, body_at, body_name_at, body_names_in, body_ref,
    subject_after,
};
pub(crate) use triggers::Literals;
pub use triggers::{
    Stem, TREATY_WORDS, stems, stems_and_treaty_words, trigger_at, triggers, triggers_in,
};

use super::lexicon;
use regex::Regex;
use regex_automata::{Anchored, Input, meta};
use std::sync::LazyLock;

/// UN document series that open a symbol (`A/…`, `CRC/C/…`). A slash-word
/// like `HIV/AIDS` does not start with one of these.
pub const SYMBOL_PREFIXES: &[&str] = &[
    "A", "S", "E", "ST", "CRC", "CCPR", "CEDAW", "CERD", "CAT", "CMW", "CRPD", "CED", "HRI", "DP",
    "DP-FPA", "TD", "UNEP", "FCCC", "ICCD", "JIU", "TPNW", "UNW", "CEB", "GEGN", "ECE", "UNCTAD",
    "ISBA", "SPLOS", "PBC", "CD", "NPT", "CCW", "BWC", "APLC", "ITLOS", "IDB", "UNICEF", "ICEF",
    "WFP", "UNHCR", "ATT", "ICC-ASP", "SG", "SGB", "UNODC", "CTOC", "CAC", "CAC/COSP", "UNITAR",
    "UNU", "ESCAP", "ECLAC", "ESCWA", "ECA", "ACC", "UNAIDS", "UNFPA", "OPCW", "LOS", "UNDP",
    "HRC", "T", "CEP", "ICEF",
];

fn alternation(words: &[&str]) -> String {
    let mut w: Vec<&str> = words.to_vec();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.dedup();
    w.iter()
        .map(|s| {
            regex::escape(s)
                .replace('\'', "['’]")
                .replace(' ', "[ \\t\\n]+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Resolution and decision words. Groups: `res`, `dec`, and `arits` when an
/// Arabic possessive suffix means "its". Longer forms come first where one
/// word is a prefix of another (Spanish "decisiones" before "decision"),
/// and the Arabic plural (`ات`) and dual (`ين`, `ي` before a suffix:
/// قراريه "its two resolutions") are read before the suffix.
///
/// The tests' oracle of [`triggers`] and [`trigger_at`], which find the
/// same words by hand.
#[cfg(test)]
pub static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<res>[Rr][ée]solutions?|R[EÉ]SOLUTIONS?|[Rr]esoluci(?:ón|ones)|RESOLUCI(?:ÓN|ONES)",
        r"|[Рр]езолюци(?:ями|ях|ям|ей|я|и|ю)|РЕЗОЛЮЦИ[ЯИЮ]",
        r"|قرار(?:ات|ين|ي)?(?P<arits>ها|ه)?)",
        r"|(?P<dec>[Dd]ecisi(?:ón|ones)|[Dd][ée]cisions?|D[EÉ]CISIONS?",
        r"|[Рр]ешени(?:ями|ях|ям|ем|е|я|ю|и)|مقرر(?:ات|ين|ي)?(?:ها|ه)?)",
    ))
    .expect("valid trigger regex")
});

/// A word bringing in the numbers of a list whose resolution word is far
/// before ("…, including 77/110"), with the small words after it ("the",
/// "its", "les", "sus"); its end is where the numbers start.
pub static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = lexicon::ALL
        .iter()
        .flat_map(|l| l.list_markers.iter().copied())
        .collect();
    Regex::new(&format!(
        concat!(
            r"(?:{})(?:[ \t\n,:،]+(?:the|its|their|those|les|la|sa|ses|leurs|las|los|sus|su|el|de|des|à|a)(?-u:\b))*",
            r"[ \t\n,:،]*",
        ),
        alternation(&words)
    ))
    .expect("valid list-marker regex")
});

/// Whether a symbol starts with a known UN document series.
pub fn has_symbol_prefix(sym: &str) -> bool {
    let Some(slash) = sym.find('/') else {
        return false;
    };
    SYMBOL_PREFIXES.contains(&&sym[..slash])
}

/// The Treaty Series names of the six languages: the `ts` group of
/// [`TREATY`], and [`TREATY_SERIES`].
const TREATY_SERIES_NAMES: &str = concat!(
    r"Treaty[ \t\n]+Series|Recueil[ \t\n]+des[ \t\n]+[Tt]rait[ée]s|Recopilaci[óo]n[ \t\n]+de[ \t\n]+[Tt]ratados",
    r"|Сборник[ \t\n]+договоров|条约汇编|條約彙編|مجموعة[ \t\n]+المعاهدات",
);

/// Treaty Series mentions (`ts`), "Ibid." (`ibid`) and "Official Records"
/// (`orec`) in the six languages.
pub static TREATY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            "(?P<ts>{})",
            r"|(?P<ibid>(?-u:\b)(?:Ibid|ibid|IBID|Ibíd|Íbid)(?-u:\b)\.?|Там[ \t\n]+же|同上|المرجع[ \t\n]+نفسه)",
            r"|(?P<orec>Official[ \t\n]+Records|Documents[ \t\n]+officiels|Documentos[ \t\n]+Oficiales",
            r"|Официальные[ \t\n]+отчеты|正式记录|正式記錄|الوثائق[ \t\n]+الرسمية)",
        ),
        TREATY_SERIES_NAMES
    ))
    .expect("valid treaty regex")
});

/// The Treaty Series names alone (the `ts` group of [`TREATY`]), searched
/// only anchored ([`treaty_series_at`]): at the places where one of the
/// [`TREATY_WORDS`] starts, which the stems' scan tells.
static TREATY_SERIES: LazyLock<meta::Regex> = LazyLock::new(|| {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .match_kind(regex_automata::MatchKind::LeftmostFirst)
                .utf8_empty(true)
                // (every search is anchored, where no prefilter is used)
                .auto_prefilter(false),
        )
        .syntax(regex_automata::util::syntax::Config::new().utf8(true))
        .build(TREATY_SERIES_NAMES)
        .expect("valid treaty series regex")
});

/// The end of the Treaty Series name that starts at `at` in `s`, if one
/// does: the match of [`TREATY`] there when it is of its `ts` group.
pub fn treaty_series_at(s: &str, at: usize) -> Option<usize> {
    let input = Input::new(s).span(at..s.len()).anchored(Anchored::Yes);
    TREATY_SERIES.search(&input).map(|m| m.end())
}

/// A volume marker after a Treaty Series mention.
pub static VOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?-u:\b)[Vv]ols?\.?|[ \t\n,]т\.|第|المجلدات|المجلد)[ \t\n]*")
        .expect("valid vol regex")
});

/// A registration-number marker ("No.", "n°", "núm.", "№", "第", "الرقم"),
/// anchored.
pub static NO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Nos?\.?|NOS?\.?|n[°ºo]s?\.?|N[°º]s?|núms?\.?|№№?|第|الرقم|الأرقام|رقم)[ \t\n]*")
        .expect("valid number-marker regex")
});

/// Chinese lists: `第2387(2017)号决议`, `第72/194、72/284和73/174号决议`.
/// Group `zl` holds the numbers, `zd` is set for decisions (决定).
pub static ZH_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"第[ \t]*(?P<zl>(?:ES-|S-)?[0-9][0-9/()（）A-Z \t\n、，,和及与與-]{0,400}?)[ \t]*[号號]",
        r"(?:决议|決議|(?P<zd>决定|決定))",
    ))
    .expect("valid zh regex")
});

/// A date after a citation ("of 19 December 2017", "du 19 décembre 2017",
/// ", de 3 de diciembre de 1986", "от 2 августа 1990 года", Arabic
/// "المؤرخ 3 كانون الأول/ديسمبر 1986" with its two-word and double month
/// names), anchored.
pub static DATE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    let preps: Vec<&str> = lexicon::ALL
        .iter()
        .flat_map(|l| l.date_preps.iter().copied())
        .collect();
    Regex::new(&format!(
        concat!(
            r"^[ \t\n]*,?[ \t\n]*(?:(?:{p})[ \t\n]+)?(?:le[ \t\n]+)?[0-9]{{1,2}}(?:er|st|nd|rd|th|º)?[ \t\n]+",
            r"(?:de[ \t\n]+)?\p{{L}}{{3,}}\.?(?:[ \t\n]+\p{{Arabic}}{{3,}})?(?:/\p{{L}}{{3,}})?",
            r"(?:[ \t\n]+(?:de[ \t\n]+)?[0-9]{{4}}(?:[ \t\n]*(?:года|г\.))?)?",
        ),
        p = alternation(&preps)
    ))
    .expect("valid date regex")
});

/// A pinpoint after a citation ("annex", "para. 94", "annexe I"), anchored.
pub static PINPOINT: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = lexicon::ALL
        .iter()
        .flat_map(|l| l.pinpoints.iter().copied())
        .collect();
    Regex::new(&format!(
        r"^[ \t\n]*[,،]?[ \t\n]*(?:{})(?:[ \t\n]+(?:[IVXLC]+|[0-9]+(?:[.\-–][0-9]+)?|[A-Z])(?:[^A-Za-z0-9]|$))?",
        alternation(&words)
    ))
    .expect("valid pinpoint regex")
});

/// Small words allowed inside the name of another body ("Commission on
/// the Status of Women", "Comité des droits de l'enfant").
pub const NAME_WORDS: &[&str] = &[
    "on", "of", "the", "for", "and", "de", "des", "du", "la", "le", "l", "sur", "pour", "et", "d",
    "en", "y", "del", "los", "las", "to", "in", "adopted", "its", "has", "a",
];

/// Words allowed between a body name and the resolution word it governs
/// ("General Assembly, in its resolution", "du Conseil, dans sa résolution").
pub const BETWEEN_WORDS: &[&str] = &[
    "in",
    "by",
    "through",
    "its",
    "their",
    "the",
    "dans",
    "par",
    "sa",
    "ses",
    "leur",
    "leurs",
    "en",
    "su",
    "sus",
    "la",
    "el",
    "los",
    "de",
    "del",
    "в",
    "своей",
    "своими",
    "своих",
    "s",
    "own",
    "including",
    "notably",
    "particularly",
    "especially",
    "namely",
    "particular",
    "notamment",
    "particulier",
    "especialmente",
    "inter",
    "alia",
    "также",
    "его",
    "ее",
    "её",
    "relevant",
    "resolutions",
    "resolution",
    "decisions",
    "decision",
    "résolutions",
    "résolution",
    "décisions",
    "resoluciones",
];

/// All "its" words of all languages.
pub static ITS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::ALL
        .iter()
        .flat_map(|l| l.its.iter().copied())
        .collect()
});

/// Resolution letters written as words, of all languages (longest first).
pub static LETTER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = lexicon::ALL
        .iter()
        .flat_map(|l| l.letters.iter().copied())
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
});

/// All conjunctions of all languages (list separators).
pub static CONJUNCTIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = lexicon::ALL
        .iter()
        .flat_map(|l| l.conjunctions.iter().copied())
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
});

/// Builds this module's lazily compiled patterns now, but for the body
/// names' ([`warm_up_bodies`]; see [`crate::extract::warm_up`]) and
/// [`ZH_LIST`]: used only in a text holding `第`, it is built by the first
/// document that does (3 ms that every other run would wait for).
pub(crate) fn warm_up() {
    triggers::warm_up_triggers();
    LazyLock::force(&LIST_MARKER);
    LazyLock::force(&TREATY);
    LazyLock::force(&TREATY_SERIES);
    LazyLock::force(&VOL);
    LazyLock::force(&NO);
    LazyLock::force(&DATE_TAIL);
    LazyLock::force(&PINPOINT);
    LazyLock::force(&OTHER_AFTER);
    LazyLock::force(&ITS);
    LazyLock::force(&LETTER_WORDS);
    LazyLock::force(&CONJUNCTIONS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_compile() {
        for re in [
            &*TRIGGER,
            &*TREATY,
            &*VOL,
            &*NO,
            &*ZH_LIST,
            &*DATE_TAIL,
            &*PINPOINT,
        ] {
            assert!(!re.as_str().is_empty());
        }
        assert!(DATE_TAIL.is_match(" of 19 December 2017"));
        assert!(DATE_TAIL.is_match(" du 19 décembre 2017"));
        assert!(DATE_TAIL.is_match(", de 3 de diciembre de 1986"));
        assert!(DATE_TAIL.is_match(" от 2 августа 1990 года"));
        let ar = " المؤرخ 3 كانون الأول/ديسمبر 1986 و 65/79";
        assert_eq!(DATE_TAIL.find(ar).map(|m| m.end()), ar.find(" و 65"));
        assert!(DATE_TAIL.is_match(" المؤرخين 18 حزيران/يونيه 2007"));
    }
}
