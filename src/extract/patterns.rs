//! The regular expressions of the extractor, as data: one combined regex per
//! family, compiled once.
//!
//! Rules followed everywhere (see the crate's tools notes): ASCII classes
//! (`[0-9]`, never `\d`, which matches Arabic-Indic digits that would then
//! fail to parse), `(?-u:\b)` instead of the slow and CJK-blind Unicode `\b`,
//! and never a word boundary after `)`.
//!
//! Families:
//! - [`TRIGGER`]: the words "resolution"/"decision" in the six languages;
//!   the numbers after them are read by hand in [`super::find`].
//! - citations that stand without such a word (document symbols
//!   `A/RES/72/194`, `E/CN.15/2019/5`; `N (YYYY)`; `N (ROMAN)`) are found
//!   by a hand scan from `memchr` hits on `/` and `(` in [`super::find`],
//!   with [`SYMBOL_PREFIXES`] as data.
//! - [`TREATY`]: the Treaty Series in six languages, "Ibid." and "Official
//!   Records" (to know what an "Ibid." repeats).
//! - [`ZH_LIST`]: Chinese `第…号决议`, where the numbers come between the
//!   markers.

use super::lexicon::{self, BodyRef};
use regex::Regex;
use regex_automata::{Anchored, Input, meta};
use std::collections::HashMap;
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

/// Treaty Series mentions (`ts`), "Ibid." (`ibid`) and "Official Records"
/// (`orec`) in the six languages.
pub static TREATY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<ts>Treaty[ \t\n]+Series|Recueil[ \t\n]+des[ \t\n]+[Tt]rait[ée]s|Recopilaci[óo]n[ \t\n]+de[ \t\n]+[Tt]ratados",
        r"|Сборник[ \t\n]+договоров|条约汇编|條約彙編|مجموعة[ \t\n]+المعاهدات)",
        r"|(?P<ibid>(?-u:\b)(?:Ibid|ibid|IBID|Ibíd|Íbid)(?-u:\b)\.?|Там[ \t\n]+же|同上|المرجع[ \t\n]+نفسه)",
        r"|(?P<orec>Official[ \t\n]+Records|Documents[ \t\n]+officiels|Documentos[ \t\n]+Oficiales",
        r"|Официальные[ \t\n]+отчеты|正式记录|正式記錄|الوثائق[ \t\n]+الرسمية)",
    ))
    .expect("valid treaty regex")
});

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

/// The names of every body of every language, as the alternation of
/// [`BODY`].
fn body_names() -> Vec<&'static str> {
    lexicon::ALL
        .iter()
        .flat_map(|l| l.bodies.iter().map(|b| b.0))
        .collect()
}

/// Every body name of every language (longest first), found anywhere
/// (`find_iter`) or only where it starts at a given offset
/// ([`body_name_at`]).
///
/// One pattern for both: regex-automata's meta regex, which is what
/// `regex::Regex` wraps (the same syntax, configuration and matches), but
/// answers anchored searches. The anchored forms (a body name after a
/// resolution word, after a list, the subject after a list) are read by hand
/// around it ([`body_at`], [`body_after`], [`subject_after`]): as three more
/// regexes of every name, they were 6 ms of the 20 ms before a run's first
/// document.
pub static BODY: LazyLock<meta::Regex> = LazyLock::new(|| {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .match_kind(regex_automata::MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .nfa_size_limit(Some(10 * (1 << 20)))
                .hybrid_cache_capacity(2 * (1 << 20)),
        )
        .syntax(regex_automata::util::syntax::Config::new().utf8(true))
        .build(&alternation(&body_names()))
        .expect("valid body regex")
});

/// The end of the body name that starts at `at` in `s`, if one does (the
/// first of [`BODY`]'s names, in its order, that matches there).
pub fn body_name_at(s: &str, at: usize) -> Option<usize> {
    let input = Input::new(s).span(at..s.len()).anchored(Anchored::Yes);
    BODY.search(&input).map(|m| m.end())
}

/// `[ \t\n]*` at `i`: where it ends.
fn ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n') {
        i += 1;
    }
    i
}

/// `[ \t\n]+` at `i`: where it ends, if there is one.
fn ws1(b: &[u8], i: usize) -> Option<usize> {
    let j = ws(b, i);
    (j > i).then_some(j)
}

/// The words `words` at `i`, with `[ \t\n]+` between them and `'` standing
/// for either apostrophe (`'` or `’`): where they end.
fn words_at(s: &str, mut i: usize, words: &[&str]) -> Option<usize> {
    let b = s.as_bytes();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            i = ws1(b, i)?;
        }
        for part in w.split_inclusive('\'') {
            let (lit, apostrophe) = match part.strip_suffix('\'') {
                Some(lit) => (lit, true),
                None => (part, false),
            };
            if !b[i..].starts_with(lit.as_bytes()) {
                return None;
            }
            i += lit.len();
            if apostrophe {
                i += if b[i..].starts_with(b"'") {
                    1
                } else if s[i..].starts_with('’') {
                    '’'.len_utf8()
                } else {
                    return None;
                };
            }
        }
    }
    Some(i)
}

/// What may stand between a resolution word and a body named after it
/// ([`body_at`]), in the order tried.
const BODY_AT_PREFIXES: [&[&str]; 7] = [
    &["of", "the"],
    &["de", "l'"],
    &["de", "la"],
    &["du"],
    &["des"],
    &["del"],
    &["de"],
];

/// A body name at the start of `s` (between a resolution word and its
/// number: "резолюции Совета Безопасности 2178", "قرار مجلس الأمن"), after
/// white space and maybe "of the", "de l'", "de la", "du", "des", "del" or
/// "de": the name's range and the end of the white space after it.
///
/// The leftmost-first match of
/// `^[ \t\n]*(?:(?:of[ \t\n]+the|de[ \t\n]+l['’]|de[ \t\n]+la|du|des|del|de)[ \t\n]*)?(?P<b>BODY)[ \t\n]*`:
/// each way of reading the start is tried in that order (a name starts with
/// neither white space nor these words' spaces, so the white space is read
/// whole), the first after which a name starts wins.
pub fn body_at(s: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let b = s.as_bytes();
    let i = ws(b, 0);
    let name = |k: usize| body_name_at(s, k).map(|e| (k..e, ws(b, e)));
    BODY_AT_PREFIXES
        .iter()
        .filter_map(|p| words_at(s, i, p))
        .find_map(|k| name(ws(b, k)))
        .or_else(|| name(i))
}

/// A Latin body name's first character: an ASCII one or one of `À`…`ÿ`
/// (the names after "of the", "de la", … in [`body_after`]; the others
/// stand alone).
fn latin_start(s: &str, at: usize) -> bool {
    s[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii() || ('À'..='ÿ').contains(&c))
}

/// What stands before a Latin body name right after a list ([`body_after`]),
/// in the order tried, and whether the white space after it may be missing
/// (after "l'").
const BODY_AFTER_PREFIXES: [(&[&str], bool); 7] = [
    (&["of", "the"], false),
    (&["de", "l'"], true),
    (&["de", "la"], false),
    (&["du"], false),
    (&["des"], false),
    (&["del"], false),
    (&["de"], false),
];

/// A body named right after a list ("… de l'Assemblée générale", "… of the
/// Security Council", "… Генеральной Ассамблеи"), at the start of `s`: the
/// name's range.
///
/// The leftmost-first match of
/// `^[ \t\n]*,?[ \t\n]*(?:(?:of[ \t\n]+the[ \t\n]+|de[ \t\n]+l['’][ \t\n]*|de[ \t\n]+la[ \t\n]+|du[ \t\n]+|des[ \t\n]+|del[ \t\n]+|de[ \t\n]+)(?P<b>LATIN)|(?P<c>OTHER))`,
/// where `LATIN` are the names of [`BODY`] that start with a Latin letter
/// (an ASCII character or one of `À`…`ÿ`) and `OTHER` the others: all the names that match at
/// one place start with its character, so [`BODY`]'s first there is the
/// first of those of its kind.
pub fn body_after(s: &str) -> Option<std::ops::Range<usize>> {
    let b = s.as_bytes();
    let mut i = ws(b, 0);
    if b.get(i) == Some(&b',') {
        i = ws(b, i + 1);
    }
    BODY_AFTER_PREFIXES
        .iter()
        .filter_map(|&(p, bare)| {
            let k = words_at(s, i, p)?;
            if bare { Some(ws(b, k)) } else { ws1(b, k) }
        })
        .find_map(|k| {
            let e = body_name_at(s, k)?;
            latin_start(s, k).then_some(k..e)
        })
        .or_else(|| {
            let e = body_name_at(s, i)?;
            (!latin_start(s, i)).then_some(i..e)
        })
}

/// Articles before the subject after a list ([`subject_after`]), in the
/// order tried.
const SUBJECT_ARTICLES: [&str; 5] = ["the", "la", "le", "l'", "el"];

/// The subject right after a list ("By its resolution 79/38, the General
/// Assembly …"), at the start of `s`: who "its" is when the citing
/// document's body is not a UN organ with resolutions. The name's range.
///
/// The leftmost-first match of
/// `^[ \t\n]*,[ \t\n]*(?:the|la|le|l['’]|el)?[ \t\n]*(?P<b>BODY)`.
pub fn subject_after(s: &str) -> Option<std::ops::Range<usize>> {
    let b = s.as_bytes();
    let i = ws(b, 0);
    if b.get(i) != Some(&b',') {
        return None;
    }
    let i = ws(b, i + 1);
    let name = |k: usize| body_name_at(s, k).map(|e| k..e);
    SUBJECT_ARTICLES
        .iter()
        .filter_map(|a| words_at(s, i, &[a]))
        .find_map(|k| name(ws(b, k)))
        .or_else(|| name(i))
}

/// A body outside the scheme named loosely after a list ("… of the
/// UNDP/UNFPA/UNOPS Executive Board", "… of the Conference of the Parties to
/// the Convention"). Anchored.
pub static OTHER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[ \t\n]*,?[ \t\n]*(?:of|adopted[ \t\n]+by|de|du|del|des)[ \t\n]+(?:the[ \t\n]+|l['’]|la[ \t\n]+|las?[ \t\n]+)?",
        r"[^\n,;.()]{0,50}?(?:Executive[ \t\n]+Board|Governing[ \t\n]+Council|Board|Commission|Committee|Conference|Assembly[ \t\n]+of|Meeting[ \t\n]+of|Health[ \t\n]+Assembly|Environment[ \t\n]+Assembly",
        r"|Conseil[ \t\n]+d['’]administration|Commission|Comité|Conférence|Junta[ \t\n]+Ejecutiva|Comisión|Conferencia)",
    ))
    .expect("valid other-body regex")
});

/// What a matched body name designates (keys with `'`; `’` is folded).
pub static BODY_REF: LazyLock<HashMap<String, BodyRef>> = LazyLock::new(|| {
    lexicon::ALL
        .iter()
        .flat_map(|l| l.bodies.iter())
        .map(|(n, b)| (n.to_string(), *b))
        .collect()
});

/// Looks up a matched body name (spaces and apostrophes normalised).
pub fn body_ref(matched: &str) -> Option<BodyRef> {
    let key = matched
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'");
    BODY_REF.get(&key).copied()
}

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
    LazyLock::force(&TRIGGER);
    LazyLock::force(&LIST_MARKER);
    LazyLock::force(&TREATY);
    LazyLock::force(&VOL);
    LazyLock::force(&NO);
    LazyLock::force(&DATE_TAIL);
    LazyLock::force(&PINPOINT);
    LazyLock::force(&OTHER_AFTER);
    LazyLock::force(&ITS);
    LazyLock::force(&LETTER_WORDS);
    LazyLock::force(&CONJUNCTIONS);
}

/// Builds the pattern of body names now (an alternation of every body name
/// in six languages: a third of this module's compiling).
pub(crate) fn warm_up_bodies() {
    LazyLock::force(&BODY);
    LazyLock::force(&BODY_REF);
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
        let s = " de l’Assemblée générale";
        assert_eq!(body_after(s).map(|r| &s[r]), Some("Assemblée générale"));
        assert_eq!(body_ref("Conseil de\nsécurité"), Some(BodyRef::Sc));
    }

    /// The regexes that [`body_at`], [`body_after`] and [`subject_after`]
    /// read by hand: what they must agree with.
    mod reference {
        use super::super::*;

        pub static BODY_AT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(
                r"^[ \t\n]*(?:(?:of[ \t\n]+the|de[ \t\n]+l['’]|de[ \t\n]+la|du|des|del|de)[ \t\n]*)?(?P<b>{})[ \t\n]*",
                alternation(&body_names())
            ))
            .expect("valid body regex")
        });

        pub static BODY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
            let (latin, other): (Vec<&str>, Vec<&str>) = body_names().into_iter().partition(|n| {
                n.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii() || ('À'..='ÿ').contains(&c))
            });
            Regex::new(&format!(
                r"^[ \t\n]*,?[ \t\n]*(?:(?:of[ \t\n]+the[ \t\n]+|de[ \t\n]+l['’][ \t\n]*|de[ \t\n]+la[ \t\n]+|du[ \t\n]+|des[ \t\n]+|del[ \t\n]+|de[ \t\n]+)(?P<b>{})|(?P<c>{}))",
                alternation(&latin),
                alternation(&other)
            ))
            .expect("valid body-after regex")
        });

        pub static SUBJECT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(
                r"^[ \t\n]*,[ \t\n]*(?:the|la|le|l['’]|el)?[ \t\n]*(?P<b>{})",
                alternation(&body_names())
            ))
            .expect("valid subject regex")
        });
    }

    /// Body names (whole, cut, their words apart), the words and marks
    /// read around them, white space and others.
    fn pieces() -> Vec<String> {
        let mut p: Vec<String> = body_names()
            .iter()
            .step_by(2)
            .flat_map(|n| {
                let mut v = vec![n.to_string(), n.replace(' ', "\n  ")];
                v.extend(n.split(' ').map(str::to_string));
                v
            })
            .collect();
        for w in [
            " ", "  ", "\n", "\t", ",", ", ", "of", "the", "of the", "de", "l'", "l’", "la", "du",
            "des", "del", "le", "el", "de l’", "de la ", "x", "é", "Ж", "9", "'", "’", "-", "(",
        ] {
            p.push(w.to_string());
        }
        p
    }

    fn text_of(picks: &[proptest::sample::Index]) -> String {
        let pieces = pieces();
        picks
            .iter()
            .map(|i| pieces[i.index(pieces.len())].as_str())
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The hand-read forms match what their regexes match.
        #[test]
        fn body_forms_match_their_regexes(
            picks in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 1..8),
        ) {
            let s = text_of(&picks);
            let at = reference::BODY_AT.captures(&s).map(|c| (c.name("b").unwrap().range(), c.get(0).unwrap().end()));
            proptest::prop_assert_eq!(body_at(&s), at, "{:?}", s);
            let after = reference::BODY_AFTER
                .captures(&s)
                .map(|c| c.name("b").or_else(|| c.name("c")).unwrap().range());
            proptest::prop_assert_eq!(body_after(&s), after, "{:?}", s);
            let subject = reference::SUBJECT_AFTER.captures(&s).map(|c| c.name("b").unwrap().range());
            proptest::prop_assert_eq!(subject_after(&s), subject, "{:?}", s);
        }
    }

    #[test]
    fn body_forms_on_examples() {
        let mut found = [0; 3];
        for s in [
            " of the Security Council 2178",
            " Совета Безопасности 2178",
            " de l’Assemblée générale",
            "de l'Assemblée générale",
            " du Conseil de sécurité",
            ", the General Assembly decided",
            ", l’Assemblée générale",
            " of the\n  General\nAssembly",
            " deGeneral Assembly",
            " de la Asamblea General",
            " مجلس الأمن",
            " of the Council",
        ] {
            let at = reference::BODY_AT
                .captures(s)
                .map(|c| (c.name("b").unwrap().range(), c.get(0).unwrap().end()));
            assert_eq!(body_at(s), at, "{s:?}");
            let after = reference::BODY_AFTER
                .captures(s)
                .map(|c| c.name("b").or_else(|| c.name("c")).unwrap().range());
            assert_eq!(body_after(s), after, "{s:?}");
            let subject = reference::SUBJECT_AFTER
                .captures(s)
                .map(|c| c.name("b").unwrap().range());
            assert_eq!(subject_after(s), subject, "{s:?}");
            found[0] += usize::from(at.is_some());
            found[1] += usize::from(after.is_some());
            found[2] += usize::from(subject.is_some());
        }
        // (the examples have names in each form, and some without)
        assert_eq!(found, [10, 9, 2]);
    }
}
