//! Resolutions and decisions of bodies outside the General Assembly,
//! Security Council, ECOSOC and Human Rights Council scheme (issue 12,
//! item 1): the World Health Assembly, the UN Environment Assembly, the
//! conferences of the parties of the climate and biodiversity conventions,
//! the functional commissions of ECOSOC, the former Commission on Human
//! Rights and the IAEA. Their canonical id is `CODE number` (`WHA 77.17`,
//! `UNEA 5/2`, `UNFCCC 1/CP.28`, `CBD 15/4`, `CHR 2005/69`,
//! `IAEA GC(68)/RES/14`); their kind is [`Kind::OtherResolution`].
//!
//! Kept as data, eyecite-style: [`BODIES`] names each body (code and full
//! name), `FORMS` lists the self-identifying forms (symbols and numbers
//! that say their body: `UNEP/EA.5/Res.2`, `1/CP.21`, `WHA77.17`,
//! `GC(68)/RES/14`) as patterns with an id template. Numbers that need
//! their context ("Commission on Narcotic Drugs resolution 62/1", "decision
//! 15/4 of the Conference of the Parties to the Convention on Biological
//! Diversity") are read with the other lists in [`super::find`] and named
//! here by [`id_for`]; the body names are in the lexicons.

use super::resolve::Shape;
use crate::model::Kind;
use crate::symbol;
use regex::{Captures, Regex};
use regex_automata::{Anchored, Input, meta};
use std::sync::LazyLock;

/// A body whose acts are cited by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    /// World Health Assembly: `WHA 77.17`, special sessions `WHA SSA2(5)`.
    Wha,
    /// United Nations Environment Assembly: `UNEA 5/2`.
    Unea,
    /// UNFCCC Conference of the Parties (and CMA, CMP): `UNFCCC 1/CP.28`.
    Unfccc,
    /// Conference of the Parties to the United Nations Convention to Combat
    /// Desertification: `UNCCD 26/COP.15`.
    Unccd,
    /// Conference of the Parties to the Convention on Biological Diversity:
    /// `CBD 15/4`.
    Cbd,
    /// Commission on Narcotic Drugs: `CND 62/1`.
    Cnd,
    /// Commission on Crime Prevention and Criminal Justice: `CCPCJ 32/1`.
    Ccpcj,
    /// Commission on the Status of Women: `CSW 68/1`.
    Csw,
    /// Commission for Social Development: `CSocD 42/1`.
    CSocD,
    /// The former Commission on Human Rights: `CHR 2005/69`.
    Chr,
    /// IAEA General Conference and Board of Governors: `IAEA GC(68)/RES/14`,
    /// `IAEA GOV/2006/14`.
    Iaea,
    /// Economic and Social Commission for Asia and the Pacific: resolutions
    /// numbered session/number, `ESCAP 79/1`.
    Escap,
    /// Economic Commission for Latin America and the Caribbean: resolutions
    /// numbered with a roman session, `ECLAC 574(XXVII)`.
    Eclac,
    /// Economic Commission for Africa: `ECA 959(LI)`, from 2025 `ECA 2025/1`.
    Eca,
}

/// One body: its code (the first word of its ids) and full name.
#[derive(Debug, Clone, Copy)]
pub struct BodyInfo {
    /// The body.
    pub act: Act,
    /// Code opening its ids.
    pub code: &'static str,
    /// Full name.
    pub name: &'static str,
}

/// Every body, with its code and full name.
pub const BODIES: &[BodyInfo] = &[
    b(Act::Wha, "WHA", "World Health Assembly"),
    b(Act::Unea, "UNEA", "United Nations Environment Assembly"),
    b(
        Act::Unfccc,
        "UNFCCC",
        "Conference of the Parties to the United Nations Framework Convention on Climate Change",
    ),
    b(
        Act::Unccd,
        "UNCCD",
        "Conference of the Parties to the United Nations Convention to Combat Desertification",
    ),
    b(
        Act::Cbd,
        "CBD",
        "Conference of the Parties to the Convention on Biological Diversity",
    ),
    b(Act::Cnd, "CND", "Commission on Narcotic Drugs"),
    b(
        Act::Ccpcj,
        "CCPCJ",
        "Commission on Crime Prevention and Criminal Justice",
    ),
    b(Act::Csw, "CSW", "Commission on the Status of Women"),
    b(Act::CSocD, "CSocD", "Commission for Social Development"),
    b(Act::Chr, "CHR", "Commission on Human Rights"),
    b(Act::Iaea, "IAEA", "International Atomic Energy Agency"),
    b(
        Act::Escap,
        "ESCAP",
        "Economic and Social Commission for Asia and the Pacific",
    ),
    b(
        Act::Eclac,
        "ECLAC",
        "Economic Commission for Latin America and the Caribbean",
    ),
    b(Act::Eca, "ECA", "Economic Commission for Africa"),
];

const fn b(act: Act, code: &'static str, name: &'static str) -> BodyInfo {
    BodyInfo { act, code, name }
}

/// The code and full name of a body.
pub fn info(act: Act) -> &'static BodyInfo {
    BODIES
        .iter()
        .find(|x| x.act == act)
        .expect("every act has a row")
}

/// The full name of the body whose act `id` is (`WHA 77.17` → "World
/// Health Assembly"), when `id` is such an id.
pub fn body_name(id: &str) -> Option<&'static str> {
    let (code, rest) = id.split_once(' ')?;
    if rest.is_empty() {
        return None;
    }
    BODIES.iter().find(|x| x.code == code).map(|x| x.name)
}

/// The id of a number read in a list whose context names `act`, or `None`
/// when the number's shape is not one that body uses.
pub fn id_for(act: Act, shape: &Shape) -> Option<String> {
    let code = info(act).code;
    match (act, shape) {
        (
            Act::Unea | Act::Cbd | Act::Cnd | Act::Ccpcj | Act::Csw | Act::CSocD,
            Shape::Session {
                prefix: "",
                session,
                number,
            },
        ) => Some(format!("{code} {session}/{number}")),
        // Older functional-commission resolutions and CHR ones are numbered
        // year/number.
        (Act::Chr | Act::Cnd | Act::Csw | Act::CSocD | Act::Eca, Shape::Year { year, number }) => {
            Some(format!("{code} {year}/{number}"))
        }
        // The regional commissions: ESCAP numbers session/number (its
        // sessions are not the General Assembly's: "resolution 79/1" of
        // 2023 is ESCAP's), ECLAC and ECA number + roman session.
        (
            Act::Escap,
            Shape::Session {
                prefix: "",
                session,
                number,
            },
        ) => Some(format!("{code} {session}/{number}")),
        (
            Act::Eclac | Act::Eca,
            Shape::Old {
                number, session, ..
            },
        ) if !session.contains('-') => Some(format!("{code} {number}({session})")),
        _ => None,
    }
}

/// A self-identifying form: a pattern and the id it makes.
struct Form {
    pattern: &'static str,
    /// The id, with `{name}` replaced by the capture `name` (numbers without
    /// leading zeros; a roman numeral in group `s` is turned into digits).
    template: &'static str,
}

/// The self-identifying forms (matched anywhere, no context needed).
const FORMS: &[Form] = &[
    // World Health Assembly: WHA77.17, WHA 58.3; decisions WHA75(8);
    // special sessions WHASSA2(5), WHA SSA2(5).
    Form {
        pattern: r"(?-u:\b)WHA[ \t]?SSA(?P<s>[0-9])[ \t]?\((?P<n>[0-9]{1,2})\)",
        template: "WHA SSA{s}({n})",
    },
    Form {
        pattern: r"(?-u:\b)WHA[ \t]?(?P<s>[0-9]{1,2})\.(?P<n>[0-9]{1,3})(?-u:\b)",
        template: "WHA {s}.{n}",
    },
    Form {
        pattern: r"(?-u:\b)WHA(?P<s>[0-9]{2})\((?P<n>[0-9]{1,2})\)",
        template: "WHA {s}({n})",
    },
    // Environment Assembly resolutions and decisions by symbol.
    Form {
        pattern: r"(?-u:\b)UNEP/EA\.(?P<s>[0-9]{1,2})/R[Ee][Ss]\.(?P<n>[0-9]{1,2})(?-u:\b)",
        template: "UNEA {s}/{n}",
    },
    // UNFCCC: 1/CP.21, 2/CMA.4, 3/CMP.1 (number / body . session).
    Form {
        pattern: r"(?-u:\b)(?P<n>[0-9]{1,2})/(?P<b>CP|CMA|CMP)\.(?P<s>[0-9]{1,2})(?-u:\b)",
        template: "UNFCCC {n}/{b}.{s}",
    },
    // UNCCD: 26/COP.15 (number / COP . session).
    Form {
        pattern: r"(?-u:\b)(?P<n>[0-9]{1,2})/COP\.(?P<s>[0-9]{1,2})(?-u:\b)",
        template: "UNCCD {n}/COP.{s}",
    },
    // CBD COP decisions by symbol: CBD/COP/DEC/15/4, UNEP/CBD/COP/DEC/VII/5.
    Form {
        pattern: r"(?-u:\b)(?:UNEP/)?CBD/COP/DEC/(?P<s>[0-9]{1,2}|[IVX]{1,5})/(?P<n>[0-9]{1,2})(?-u:\b)",
        template: "CBD {s}/{n}",
    },
    // Commission on Human Rights: E/CN.4/RES/2005/69, E/CN.4/DEC/2005/101.
    Form {
        pattern: r"(?-u:\b)E/CN\.4/(?:RES|DEC)/(?P<y>(?:19|20)[0-9]{2})/(?P<n>[0-9]{1,3})(?-u:\b)",
        template: "CHR {y}/{n}",
    },
    // IAEA General Conference: GC(68)/RES/14, GC(53)/DEC/13; Board:
    // GOV/2006/14.
    Form {
        pattern: r"(?-u:\b)GC\((?P<s>[0-9]{1,2})\)/(?P<k>RES|DEC)/(?P<n>[0-9]{1,4})(?-u:\b)",
        template: "IAEA GC({s})/{k}/{n}",
    },
    Form {
        pattern: r"(?-u:\b)GOV/(?P<y>(?:19|20)[0-9]{2})/(?P<n>[0-9]{1,3})(?-u:\b)",
        template: "IAEA GOV/{y}/{n}",
    },
];

/// Substrings every form holds (one of them at least): `WHA`, `/CP.`,
/// `/CMA.`, `/CMP.`, `/COP.`, `/EA.`, `CBD/`, `E/CN.4/`, `GC(`, `GOV/`.
const FORM_LITERALS: &[&str] = &[
    "WHA", "/CP.", "/CMA.", "/CMP.", "/COP.", "/EA.", "CBD/", "E/CN.4/", "GC(", "GOV/",
];

/// Substrings one of which the context of a dotted World Health Assembly
/// number holds.
const WHA_LITERALS: &[&str] = &[
    "Health",
    "WHA",
    "Santé",
    "santé",
    "Salud",
    "здравоохранения",
];

/// The forms, compiled once into one regex (group `f0`, `f1`, … tells the
/// form) plus each form's own regex for its captures.
static COMPILED: LazyLock<(Regex, Vec<Regex>)> = LazyLock::new(|| {
    let all = FORMS
        .iter()
        .enumerate()
        .map(|(i, f)| format!("(?P<f{i}>{})", strip_names(f.pattern)))
        .collect::<Vec<_>>()
        .join("|");
    let one = FORMS
        .iter()
        .map(|f| Regex::new(f.pattern).expect("valid act form"))
        .collect();
    (Regex::new(&all).expect("valid act forms"), one)
});

/// A pattern without its group names (so that forms can be joined).
fn strip_names(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(k) = rest.find("(?P<") {
        out.push_str(&rest[..k]);
        out.push_str("(?:");
        let after = &rest[k + 4..];
        rest = &after[after.find('>').map_or(0, |e| e + 1)..];
    }
    out.push_str(rest);
    out
}

fn fill(template: &str, c: &Captures) -> Option<String> {
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    while let Some(k) = rest.find('{') {
        out.push_str(&rest[..k]);
        let e = rest[k..].find('}')? + k;
        let name = &rest[k + 1..e];
        let v = c.name(name)?.as_str();
        if v.bytes().all(|x| x.is_ascii_digit()) {
            out.push_str(&v.parse::<u32>().ok()?.to_string());
        } else if name == "s" {
            out.push_str(&symbol::roman_to_int(v)?.to_string());
        } else {
            out.push_str(v);
        }
        rest = &rest[e + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Every self-identifying act in `text`: (start, end, id), in text order.
pub fn find_forms(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    // Every form holds one of the literals and none spans a line break:
    // the forms are looked for only in the lines that hold a literal (most
    // texts hold none), found in one pass. Per line, the matches are those
    // of one scan of the whole text: no match crosses a line break, and a
    // line break is not a word character for `\b`.
    let (all, one) = &*COMPILED;
    let b = text.as_bytes();
    let mut done = 0; // the lines before this offset were scanned
    for lit in LITERALS.find_iter(text) {
        if lit.start() < done {
            continue;
        }
        let from = memchr::memrchr(b'\n', &b[..lit.start()]).map_or(0, |i| i + 1);
        let to = memchr::memchr(b'\n', &b[lit.end()..]).map_or(b.len(), |i| lit.end() + i);
        done = to;
        for m in all.find_iter(&text[from..to]) {
            let hay = m.as_str();
            let (ms, me) = (from + m.start(), from + m.end());
            for (f, re) in FORMS.iter().zip(one) {
                if let Some(c) = re.captures(hay)
                    && c.get(0)
                        .is_some_and(|g| g.start() == 0 && g.end() == hay.len())
                {
                    if let Some(id) = fill(f.template, &c) {
                        out.push((ms, me, id));
                    }
                    break;
                }
            }
        }
    }
    out
}

/// [`WHA_LITERALS`], looked for in one pass.
static WHA_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| any_of(WHA_LITERALS));

/// [`FORM_LITERALS`], found in one pass.
static LITERALS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| any_of(FORM_LITERALS));

/// One searcher for a few literals. Leftmost-first, which Aho-Corasick runs
/// with SIMD (Teddy): the standard kind would step through an automaton at
/// every `/`, `E` or `G`.
fn any_of(literals: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(literals)
        .expect("literals build an automaton")
}

/// World Health Assembly numbers after a resolution word ("resolution
/// 58.3", "resolutions WHA61.21 and 62.16"), read where the words around
/// name the Assembly or the WHO (`WHA…` forms are found by
/// [`find_forms`]). Group `l`: the numbers.
const WHA_LIST_PATTERN: &str = concat!(
    r"(?:[Rr][ée]solutions?|[Rr]esoluci(?:ón|ones)|[Рр]езолюци[а-я]{0,3})[ \t\n]+",
    r"(?P<l>(?:WHA[ \t]?)?[0-9]{1,2}\.[0-9]{1,3}",
    r"(?:[ \t\n]*(?:,|and|et|y|и)[ \t\n]*(?:WHA[ \t]?)?[0-9]{1,2}\.[0-9]{1,3})*)(?-u:\b)",
);

/// [`WHA_LIST_PATTERN`] searched over a whole text: the tests' oracle of
/// [`find_wha_lists_in`].
#[cfg(test)]
static WHA_LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(WHA_LIST_PATTERN).expect("valid WHA list regex"));

/// [`WHA_LIST_PATTERN`] for anchored searches (regex-automata's meta regex,
/// which `regex::Regex` wraps: the same syntax, configuration and
/// matches), run only where a resolution word's stem starts.
static WHA_LIST_AT: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(WHA_LIST_PATTERN).expect("valid WHA list regex"));

/// The resolution words' stems that open a word of
/// [`WHA_LIST_PATTERN`]: every match starts with one of them.
const WHA_STEMS: &[&str] = &[
    "Resolu",
    "resolu",
    "Résolu",
    "résolu",
    "Резолюци",
    "резолюци",
];

/// Words that put a dotted number in the World Health Assembly.
static WHA_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"Health[ \t\n]+Assembly|World[ \t\n]+Health[ \t\n]+Organization|WHA[0-9]",
        r"|Assemblée[ \t\n]+mondiale[ \t\n]+de[ \t\n]+la[ \t\n]+[Ss]anté|Organisation[ \t\n]+mondiale[ \t\n]+de[ \t\n]+la[ \t\n]+[Ss]anté",
        r"|Asamblea[ \t\n]+Mundial[ \t\n]+de[ \t\n]+la[ \t\n]+Salud|Organización[ \t\n]+Mundial[ \t\n]+de[ \t\n]+la[ \t\n]+Salud",
        r"|[Аа]ссамбле[а-я]{1,3}[ \t\n]+здравоохранения|[Оо]рганизаци[а-я]{1,3}[ \t\n]+здравоохранения",
    ))
    .expect("valid WHA context regex")
});

/// Dotted World Health Assembly numbers read from their context: (start,
/// end, id) in text order. The old way, one unanchored search of the whole
/// text: the tests' oracle of [`find_wha_lists_in`].
#[cfg(test)]
pub fn find_wha_lists(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    if !WHA_WORDS.is_match(text) {
        return out;
    }
    for c in WHA_LIST.captures_iter(text) {
        let Some(l) = c.name("l") else { continue };
        read_wha_list(text, l.start(), l.end(), &mut out);
    }
    out
}

/// Dotted World Health Assembly numbers read from their context: (start,
/// end, id) in text order; `stems` are the resolution words' stems of
/// `text` ([`super::patterns::stems`]).
///
/// The matches of the list pattern over the whole text, found by anchored
/// searches where a stem of its words starts (each match starts with
/// one), after the next scan's position (the end of the last match), and
/// only where what follows the word could open a list: white space, maybe
/// `WHA`, one or two digits and a dot. Why: the unanchored search of the
/// whole text cost more than all the lists it found; most texts hold no
/// such list.
pub fn find_wha_lists_in(
    text: &str,
    stems: &[super::patterns::Stem],
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut pos = 0;
    // `WHA_WORDS.is_match(text)`, looked up at the first list (every
    // context that keeps a list holds one of the words).
    let mut words: Option<bool> = None;
    let mut caps = WHA_LIST_AT.create_captures();
    for st in stems {
        if st.start < pos || !WHA_STEMS.contains(&st.text()) || !may_open_list(b, st.start, st.end)
        {
            continue;
        }
        let input = Input::new(text).range(st.start..).anchored(Anchored::Yes);
        WHA_LIST_AT.captures(input, &mut caps);
        let Some(m) = caps.get_match() else { continue };
        if !*words.get_or_insert_with(|| WHA_WORDS.is_match(text)) {
            return out;
        }
        pos = m.end();
        if let Some(l) = caps.get_group_by_name("l") {
            read_wha_list(text, l.start, l.end, &mut out);
        }
    }
    out
}

/// Whether what follows the word whose stem spans `start..stem_end` may
/// open a World Health Assembly list: a necessary condition of a match of
/// [`WHA_LIST_PATTERN`] there. The word (at most 22 bytes: "резолюциями")
/// holds no white space, so it ends at the first white space after its
/// stem; then come white space, maybe `WHA` and a space or tab, one or two
/// digits and a dot.
fn may_open_list(b: &[u8], start: usize, stem_end: usize) -> bool {
    let lim = (start + 24).min(b.len());
    let Some(q) = b[stem_end..lim]
        .iter()
        .position(|c| matches!(c, b' ' | b'\t' | b'\n'))
    else {
        return false;
    };
    let mut r = stem_end + q;
    while r < b.len() && matches!(b[r], b' ' | b'\t' | b'\n') {
        r += 1;
    }
    if b[r..].starts_with(b"WHA") {
        r += 3;
        if r < b.len() && matches!(b[r], b' ' | b'\t') {
            r += 1;
        }
    }
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let dot = |i: usize| b.get(i) == Some(&b'.');
    digit(r) && (dot(r + 1) || (digit(r + 1) && dot(r + 2)))
}

/// Reads the numbers of a list (`l_start..l_end`, group `l` of a match of
/// [`WHA_LIST_PATTERN`]) into `out` when the words around name the World
/// Health Assembly or the WHO.
fn read_wha_list(text: &str, l_start: usize, l_end: usize, out: &mut Vec<(usize, usize, String)>) {
    let from = floor(text, l_start.saturating_sub(250));
    let to = floor(text, (l_end + 150).min(text.len()));
    if !WHA_CONTEXT.is_match(&text[from..to]) {
        return;
    }
    let b = text.as_bytes();
    let mut i = l_start;
    while i < l_end {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // `get`, not an index: the bytes before a number may end inside a
        // letter ("58.3 и 58.4": the index panicked there).
        let st = if i >= 3 && text.get(i - 3..i) == Some("WHA") {
            i - 3
        } else if i >= 4 && text.get(i - 4..i) == Some("WHA ") {
            i - 4
        } else {
            i
        };
        let mut j = i;
        while j < l_end && (b[j].is_ascii_digit() || b[j] == b'.') {
            j += 1;
        }
        if let Some((s, n)) = text[i..j].split_once('.')
            && let (Ok(s), Ok(n)) = (s.parse::<u32>(), n.parse::<u32>())
            && s > 0
        {
            out.push((st, j, format!("WHA {s}.{n}")));
        }
        i = j;
    }
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The kind of every id made here.
pub const KIND: Kind = Kind::OtherResolution;

/// Builds this module's lazily compiled patterns now (see [`crate::extract::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&COMPILED);
    LazyLock::force(&LITERALS);
    LazyLock::force(&WHA_WORDS);
    LazyLock::force(&WHA_LIST_AT);
    LazyLock::force(&WHA_CONTEXT);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<String> {
        find_forms(s).into_iter().map(|x| x.2).collect()
    }

    #[test]
    fn forms() {
        assert_eq!(
            ids("resolution WHA77.17 and WHA 58.3"),
            ["WHA 77.17", "WHA 58.3"]
        );
        assert_eq!(ids("WHASSA2(5)"), ["WHA SSA2(5)"]);
        assert_eq!(ids("decision WHA75(8)"), ["WHA 75(8)"]);
        assert_eq!(ids("UNEP/EA.5/Res.2."), ["UNEA 5/2"]);
        assert_eq!(
            ids("decisions 1/CP.21, 2/CMA.4 and 3/CMP.1"),
            ["UNFCCC 1/CP.21", "UNFCCC 2/CMA.4", "UNFCCC 3/CMP.1"]
        );
        assert_eq!(
            ids("CBD/COP/DEC/15/4 UNEP/CBD/COP/DEC/VII/5"),
            ["CBD 15/4", "CBD 7/5"]
        );
        assert_eq!(ids("E/CN.4/RES/2005/69"), ["CHR 2005/69"]);
        assert_eq!(
            ids("GC(68)/RES/14 and GOV/2006/14"),
            ["IAEA GC(68)/RES/14", "IAEA GOV/2006/14"]
        );
        // Not acts: a fraction, a report symbol, a larger number.
        assert!(ids("FCCC/CP/2015/10/Add.1 A/78/PV.1 11/CP").is_empty());
        assert!(ids("123/CP.21").is_empty());
    }

    #[test]
    fn forms_by_line_are_those_of_the_whole_text() {
        // (text, ids, offsets): forms at line starts and ends, two on a
        // line, on following lines, glued to a word (no \b), and after a
        // line with a literal but no form.
        type Row<'a> = (&'a str, &'a [&'a str], &'a [(usize, usize)]);
        let table: &[Row] = &[
            (
                "WHA77.17\n1/CP.21",
                &["WHA 77.17", "UNFCCC 1/CP.21"],
                &[(0, 8), (9, 16)],
            ),
            (
                "x\nGOV/2006/14 and GC(68)/RES/14\n",
                &["IAEA GOV/2006/14", "IAEA GC(68)/RES/14"],
                &[(2, 13), (18, 31)],
            ),
            ("GOV/ alone\nWHA 58.3\r\n", &["WHA 58.3"], &[(11, 19)]),
            (
                "xWHA58.3 WHA58.3x 2/CMA.4\n",
                &["UNFCCC 2/CMA.4"],
                &[(18, 25)],
            ),
            ("no literal here 1/2\n", &[], &[]),
        ];
        for (text, want, at) in table {
            let got = find_forms(text);
            let ids: Vec<&str> = got.iter().map(|x| x.2.as_str()).collect();
            let spans: Vec<(usize, usize)> = got.iter().map(|x| (x.0, x.1)).collect();
            assert_eq!(&ids, want, "{text:?}");
            assert_eq!(&spans, at, "{text:?}");
            // the same as one scan of the whole text
            let (all, _) = &*COMPILED;
            let whole: Vec<(usize, usize)> =
                all.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(spans, whole, "{text:?}");
        }
    }

    #[test]
    fn wha_lists() {
        let t = "World Health Organization, document WHA58/2005/REC/1, resolution 58.3, annex.";
        assert_eq!(find_wha_lists(t)[0].2, "WHA 58.3");
        let t = "World Health Assembly resolutions 61.21 and WHA 62.16 of";
        let v: Vec<_> = find_wha_lists(t).into_iter().map(|x| x.2).collect();
        assert_eq!(v, ["WHA 61.21", "WHA 62.16"]);
        assert!(find_wha_lists("resolution 58.3 of the Board").is_empty());
        for t in WHA_PIECES {
            assert_eq!(by_stems(t), find_wha_lists(t), "{t:?}");
        }
        let all = WHA_PIECES.join(" ");
        assert_eq!(by_stems(&all), find_wha_lists(&all));
    }

    /// [`find_wha_lists_in`] at the stems of `t`.
    fn by_stems(t: &str) -> Vec<(usize, usize, String)> {
        find_wha_lists_in(t, &super::super::patterns::stems(t))
    }

    /// Pieces of texts around World Health Assembly lists.
    const WHA_PIECES: &[&str] = &[
        "World Health Assembly",
        "Organisation mondiale de la Santé",
        "Asamblea Mundial de la Salud",
        "Всемирной ассамблеи здравоохранения",
        "resolution 58.3",
        "resolutions 61.21 and WHA 62.16",
        "résolutions WHA61.21 et 62.16",
        "resoluciones 61.21 y 62.16",
        "резолюции 58.3 и 58.4",
        "резолюций\n12.5",
        "Resolution  WHA\t1.1",
        "resolution WHA58.33x",
        "resolution 58/3",
        "resolution 123.4",
        "resolution 5.",
        "resolutionWHA 5.1",
        "decision 58.3",
        "resolute 58.3",
        "résolution",
        " ",
        "\n",
        ", ",
        "and",
        "58.3",
        "WHA",
        "x",
    ];

    proptest::proptest! {
        #[test]
        fn wha_lists_at_stems_are_the_whole_texts(
            picks in proptest::collection::vec(0..WHA_PIECES.len(), 1..12),
        ) {
            let t: String = picks.iter().map(|&i| WHA_PIECES[i]).collect();
            proptest::prop_assert_eq!(by_stems(&t), find_wha_lists(&t), "{:?}", t);
        }
    }

    #[test]
    fn names() {
        assert_eq!(body_name("WHA 77.17"), Some("World Health Assembly"));
        assert_eq!(body_name("A/RES/1/1"), None);
        assert_eq!(
            body_name("ESCAP 79/1"),
            Some("Economic and Social Commission for Asia and the Pacific")
        );
        for x in BODIES {
            assert_eq!(info(x.act).code, x.code);
        }
    }
}
