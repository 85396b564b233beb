//! A document's own title, the drafts it was adopted from and its date,
//! read from its title line and masthead.

use super::*;

/// A title line: GA resolution (`ga`, its title `gt`), decision (`dec`,
/// title `dt`), SC resolution (`sc`/`scy` and variants).
///
/// `gt` and `dt` run to the end of their line, but the pattern takes only
/// their first three characters and none: [`line_from`] gives the rest. The
/// same lines match, with the same groups (nothing follows either group,
/// so the longer form only walked the line); the capture engine no longer
/// walks every title (`identify` on the shared corpus: 247 M instructions,
/// now 221 M).
pub(super) static TITLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t#*]*(?:",
        r"(?P<ga>(?:ES-|S-)?[0-9]{1,2}/[0-9]{1,3})(?:[ \t]?[A-Z])?(?:\.[ \t]+|[ \t]+[-–—][ \t]+)(?P<gt>[^\n]{3})",
        r"|(?:Decision|Décision|Decisión|Решение|المقرر)[ \t]+(?P<dec>[0-9]{1,2}/[0-9]{1,3})(?:[ \t]?[A-Z](?:[ \t]+(?:and|to|et|y|и)[ \t]+[A-Z])?)?[ \t]*[:.][ \t]*(?P<dt>)",
        r"|(?:Resolution|RESOLUTION|Résolution|Resolución|Резолюция|القرار)[ \t]+(?P<sc>[0-9]{1,4})[ \t]*\((?P<scy>(?:19|20)[0-9]{2})\)[ \t]*$",
        r"|第[ \t]*(?P<sc3>[0-9]{1,4})[ \t]*\((?P<scy3>(?:19|20)[0-9]{2})\)[ \t]*号决议[ \t]*$",
        r"|(?P<sc2>[0-9]{1,4})[ \t]*\((?P<scy2>(?:19|20)[0-9]{2})\)\.[ \t]+Resolution[ \t]+of[ \t]",
        r")",
    ))
    .expect("valid title regex")
});

/// The text of `hay` from `start` to the end of its line (the next `\n`,
/// or the end): a [`TITLE_LINE`] group `gt` or `dt` whole.
pub(super) fn line_from(hay: &str, start: usize) -> (usize, &str) {
    let end = memchr::memchr(b'\n', &hay.as_bytes()[start..]).map_or(hay.len(), |k| start + k);
    (end, &hay[start..end])
}

/// A title line wrapped by PDF extraction goes on until the first blank
/// line: "79/190. Preventing and combating corrupt practices and the
/// transfer of \nproceeds of corruption, …". Joins at most five more lines.
pub(super) fn continued_title(first: &str, rest: &str) -> String {
    let mut title = first.trim_end().to_string();
    for line in rest.split('\n').skip(1).take(5) {
        let line = line.trim();
        // The enacting formula ("The General Assembly,") is never part of
        // the title; "… meeting of the General Assembly on …" may be.
        let formula =
            line.chars().count() <= 30 && super::GA_NAMES.iter().any(|f| line.contains(f));
        if line.is_empty() || formula {
            break;
        }
        title.push(' ');
        title.push_str(line);
    }
    title
}

/// Words after which the adoption date follows ("Resolution adopted by the
/// General Assembly on 22 September 2024", "Adopted by the Security
/// Council at its 9957th meeting, on 14 July 2025", decisions "At its 23rd
/// plenary meeting, on 3 October 2016").
pub(super) static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[Aa]dopted by|adoptée par|aprobada por|принят(?:ая|а)|اتخذته|اعتمده|plenary meeting(?: of the General Assembly)?,? on|séance plénière,? le|sesión plenaria,? celebrada el)",
    )
    .expect("valid adopted regex")
});

/// The phrases that end a draft's sponsors line ("Austria, …: draft
/// resolution"), in four languages (first letter in either case).
pub(super) const DRAFT_PHRASES: [&str; 16] = [
    "Draft resolution",
    "draft resolution",
    "Draft decision",
    "draft decision",
    "Projet de résolution",
    "projet de résolution",
    "Projet de décision",
    "projet de décision",
    "Proyecto de resolución",
    "proyecto de resolución",
    "Proyecto de decisión",
    "proyecto de decisión",
    "Проект резолюции",
    "проект резолюции",
    "Проект решения",
    "проект решения",
];

/// The phrases that open a letter's, note's or report's own title line.
pub(super) const OWN_OPENERS: [&str; 9] = [
    "Identical letters dated",
    "Letter dated",
    "Note verbale dated",
    "Report of the",
    "Note by the",
    "Lettre datée",
    "Rapport du",
    "Carta de fecha",
    "Informe del",
];

/// The bytes that end one of [`DRAFT_PHRASES`]: a line that ends with
/// another is no sponsors line (checked before the sixteen phrases are).
const DRAFT_LAST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < DRAFT_PHRASES.len() {
        let p = DRAFT_PHRASES[i].as_bytes();
        t[p[p.len() - 1] as usize] = true;
        i += 1;
    }
    t
};

/// The bytes that open one of [`OWN_OPENERS`].
const OWN_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < OWN_OPENERS.len() {
        t[OWN_OPENERS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// How a masthead line opens the document's own title.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum TitleOpener {
    /// A draft's sponsors line ending "…: draft resolution": the title is
    /// the paragraph after it (the offset just past the line).
    Draft(usize),
    /// "Letter dated …", "Report of the …": the title starts here.
    Own(usize),
}

/// The first line of `zone` that opens the document's own title.
///
/// A line scan rather than one regex: the sponsors line may hold up to 300
/// characters before "draft resolution", and a bounded repetition of that
/// size made the regex engine's lazy DFA rebuild its states for every
/// document (a fifth of the extraction time). Only whole lines (ended by
/// `\n`) count.
pub(super) fn title_opener(zone: &str) -> Option<TitleOpener> {
    let mut start = 0;
    for line in crate::text::lines_inclusive(zone) {
        let line_start = start;
        start += line.len();
        let Some(body) = line.strip_suffix('\n') else {
            break;
        };
        let lead = body.trim_start_matches([' ', '\t', '#', '*']);
        let end = lead.trim_end_matches([' ', '\t', '*']);
        let draft = end
            .as_bytes()
            .last()
            .is_some_and(|&b| DRAFT_LAST[usize::from(b)])
            && DRAFT_PHRASES.iter().any(|p| {
                end.strip_suffix(p).is_some_and(|r| {
                    // "…, Spain: draft resolution": a colon and the blanks
                    // after it are not counted in the 300.
                    let r = r
                        .trim_end_matches([' ', '\t'])
                        .strip_suffix([':', '：'])
                        .unwrap_or(r);
                    r.chars().count() <= 300
                })
            });
        if draft {
            return Some(TitleOpener::Draft(start));
        }
        if lead
            .as_bytes()
            .first()
            .is_some_and(|&b| OWN_FIRST[usize::from(b)])
            && OWN_OPENERS.iter().any(|o| lead.starts_with(o))
        {
            return Some(TitleOpener::Own(line_start + (body.len() - lead.len())));
        }
    }
    None
}

pub(super) static AGENDA_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:Agenda items?|Items? [0-9]+(?: \([a-z]\))? of the (?:provisional|preliminary) agenda|Points? [0-9]+[^\n]{0,20} de l['’]ordre du jour|Temas? [0-9]+[^\n]{0,20} del programa)[^\n]*\n")
        .expect("valid agenda item regex")
});

/// The paragraph starting at `from`: its lines up to the first blank one,
/// joined (at most six lines and 300 characters).
pub(super) fn paragraph_at(text: &str, from: usize) -> String {
    let mut out = String::new();
    let mut started = false;
    for line in text[from..].split('\n').take(12) {
        let line = line.trim().trim_matches('*').trim();
        if line.is_empty() {
            if started {
                break;
            }
            continue;
        }
        if line.starts_with("The General Assembly") || line.starts_with("The Security Council") {
            break;
        }
        started = true;
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
        if out.len() > 300 {
            break;
        }
    }
    crate::extract::harvest::tidy(&out)
}

/// A document's own title from its masthead: a draft's title (after its
/// sponsors line), a letter's or report's opening line, else the title of
/// the agenda item it comes under.
pub(super) fn masthead_title(zone: &str) -> String {
    match title_opener(zone) {
        Some(TitleOpener::Draft(end)) => {
            let t = paragraph_at(zone, end);
            if !t.is_empty() {
                return t;
            }
        }
        Some(TitleOpener::Own(start)) => return paragraph_at(zone, start),
        None => {}
    }
    if let Some(end) = super::lines::agenda_item_end(zone) {
        return paragraph_at(zone, end);
    }
    String::new()
}

/// The drafts named in the header bracket, normalised ("A/79/L.99 and
/// Add.1" gives `A/79/L.99` and `A/79/L.99/Add.1`).
pub(super) fn bracket_drafts(bracket: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut base = String::new();
    for item in bracket_items(bracket) {
        let sym = match item {
            BracketItem::Symbol(s) => {
                let s = s.trim_end_matches(['.', ',', ';', ')']);
                base = s.split("/Add.").next().unwrap_or(s).to_string();
                s.to_string()
            }
            BracketItem::Part(p) if !base.is_empty() => format!("{base}/{p}"),
            BracketItem::Part(_) => continue,
        };
        let id = symbol::document(&sym);
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// What a header bracket names: a symbol ("A/79/L.99", any run of letters,
/// digits, `.`, `-` and `/` after `A/`, `S/` or `E/`), or a part of the
/// symbol before it ("Add.1", "Corr.2", "Rev.3", not inside a word).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum BracketItem<'a> {
    /// A whole symbol.
    Symbol(&'a str),
    /// An addendum, corrigendum or revision.
    Part(&'a str),
}

/// The symbols and parts of a header bracket, left to right: the matches of
/// the former `BRACKET_SYMBOL` regex (`(?P<sym>(?:A|S|E)/[A-Za-z0-9.\-]+
/// (?:/[A-Za-z0-9.\-]+)*)|(?-u:\b)(?P<part>(?:Add|Corr|Rev)\.[0-9]+)`),
/// read by hand: both forms take the longest run they can, and a symbol is
/// tried first.
pub(super) fn bracket_items(bracket: &str) -> Vec<BracketItem<'_>> {
    let b = bracket.as_bytes();
    let class = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-'))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'A' | b'S' | b'E') && b.get(i + 1) == Some(&b'/') && class(i + 2) {
            let mut j = i + 2;
            loop {
                while class(j) {
                    j += 1;
                }
                if b.get(j) == Some(&b'/') && class(j + 1) {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(BracketItem::Symbol(&bracket[i..j]));
            i = j;
            continue;
        }
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if boundary
            && let Some(w) = [&b"Add."[..], b"Corr.", b"Rev."]
                .iter()
                .find(|w| b[i..].starts_with(w))
            && b.get(i + w.len()).is_some_and(u8::is_ascii_digit)
        {
            let j = i
                + w.len()
                + b[i + w.len()..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
            out.push(BracketItem::Part(&bracket[i..j]));
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// The date of adoption or issue: after "adopted by … on", after an SC
/// title line ("of 6 August 1990"), else the first date of the masthead
/// (the issue date under "Distr.").
pub(super) fn own_date(zone: &str, head: &str, sc_title_end: Option<usize>) -> String {
    if let Some(e) = sc_title_end {
        let after = &zone[e..floor(zone, (e + 80).min(zone.len()))];
        if let Some((s, _, d)) = crate::extract::harvest::find_date(after)
            && after[..s].trim().trim_end_matches("of").trim().is_empty()
        {
            return d;
        }
    }
    for m in ADOPTED.find_iter(zone).take(3) {
        let after = &zone[m.end()..floor(zone, (m.end() + 160).min(zone.len()))];
        if let Some((s, _, d)) = crate::extract::harvest::find_date(after)
            && s < 100
        {
            return d;
        }
    }
    crate::extract::harvest::find_date(head).map_or(String::new(), |(_, _, d)| d)
}

pub(super) fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
