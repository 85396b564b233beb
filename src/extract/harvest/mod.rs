//! What a citing text says about the text it cites: its title and its
//! adoption date, given right with the citation.
//!
//! - English: 'resolution 70/1 of 25 September 2015, entitled "Transforming
//!   our world: the 2030 Agenda for Sustainable Development"' (also
//!   "titled");
//! - French: « résolution 70/1 du 25 septembre 2015, intitulée « … » »;
//! - Spanish: «resolución 70/1, de 25 de septiembre de 2015, titulada "…"»;
//! - Russian: «резолюцию 70/1 от 25 сентября 2015 года, озаглавленную «…»»
//!   (also «под названием»);
//! - Chinese, before the number: 2015年9月25日题为“…”的第70/1号决议;
//! - Arabic: القرار 70/1 المؤرخ 25 أيلول/سبتمبر 2015 المعنون "…".
//!
//! Only what follows a citation directly (the date, then the title, with at
//! most a comma between) is taken, so that in "resolution 64/115 and the
//! document entitled "…"" the title is not given to 64/115. A title runs
//! across lines and across a page break (the footnotes at the page bottom
//! and the next page's running header are skipped, as [`super::find`] does
//! for lists); quotes of another kind inside it are kept, and nested
//! guillemets are counted.

mod read;

use crate::model::Lang;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What a citing text says about one cited text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Harvest {
    /// The title as given (quotes removed, whitespace collapsed), or empty.
    pub title: String,
    /// Where the title stands in the text: one span, or several when it
    /// runs across a page break (empty when there is no title).
    pub title_spans: Vec<(usize, usize)>,
    /// The date as ISO 8601 (`2015-09-25`), or empty.
    pub date: String,
    /// The citation names the latest resolution of the citing text's own
    /// series ("its previous resolutions on the question, the most recent
    /// of which was resolution 79/90"): a text of the same title.
    pub same_series: bool,
}

impl Harvest {
    /// True when neither a title nor a date was found.
    pub fn is_empty(&self) -> bool {
        self.title.is_empty() && self.date.is_empty()
    }
}

/// Longest title kept, in characters (longer spans are a missed quote).
const MAX_TITLE: usize = 400;
/// How far a title may run in bytes before its closing quote, page
/// furniture not counted.
const MAX_SPAN: usize = 1500;

const EN_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// Arabic months as the UN writes them ("أيلول/سبتمبر"): the part after
/// the slash is enough (and the Levantine name alone is accepted too).
const AR_MONTHS: [&[&str]; 12] = [
    &["يناير", "كانون الثاني"],
    &["فبراير", "شباط"],
    &["مارس", "آذار"],
    &["أبريل", "إبريل", "نيسان"],
    &["مايو", "أيار"],
    &["يونيه", "يونيو", "حزيران"],
    &["يوليه", "يوليو", "تموز"],
    &["أغسطس", "آب"],
    &["سبتمبر", "أيلول"],
    &["أكتوبر", "تشرين الأول"],
    &["نوفمبر", "تشرين الثاني"],
    &["ديسمبر", "كانون الأول"],
];

/// The month number (1–12) of a month name in any of the six languages.
///
/// An ASCII name (most) is compared without a lower-cased copy, ASCII case
/// ignored: the tables are in lower case (see the tests).
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim().trim_end_matches('.');
    let lower = if name.is_ascii() {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.to_lowercase())
    };
    let lower = lower.as_ref();
    let is = |m: &str| m.eq_ignore_ascii_case(lower);
    for table in [&EN_MONTHS, &FR_MONTHS, &ES_MONTHS, &RU_MONTHS] {
        if let Some(i) = table.iter().position(|m| is(m)) {
            return Some(i as u32 + 1);
        }
    }
    if is("setiembre") {
        return Some(9);
    }
    if is("fevrier") {
        return Some(2);
    }
    if is("aout") {
        return Some(8);
    }
    if is("decembre") {
        return Some(12);
    }
    // Arabic: "أيلول/سبتمبر" — either part names the month.
    for part in lower.split('/') {
        let part = part.trim();
        if let Some(i) = AR_MONTHS.iter().position(|ms| ms.contains(&part)) {
            return Some(i as u32 + 1);
        }
    }
    None
}

/// `YYYY-MM-DD` when the three parts make a plausible UN date.
pub fn iso_date(year: &str, month: u32, day: &str) -> Option<String> {
    let y: u32 = year.trim().parse().ok()?;
    // "1er": the suffix stripped as `trim_end_matches("er")` does, without
    // the substring searcher it builds (half the cost of a date).
    let mut day = day.trim();
    while let Some(d) = day.strip_suffix("er") {
        day = d;
    }
    let d: u32 = day.parse().ok()?;
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if !(1945..=2100).contains(&y) || d == 0 || d > max {
        return None;
    }
    // "2017-12-19" (the year has four digits here, checked above)
    let mut date = String::with_capacity(10);
    date.push_str(itoa::Buffer::new().format(y));
    for n in [month, d] {
        date.push('-');
        date.push(char::from(b'0' + (n / 10) as u8));
        date.push(char::from(b'0' + (n % 10) as u8));
    }
    Some(date)
}

/// A date written out in any of the six languages, anywhere in `s`
/// ("25 September 2015", "1er août 1990", "25 de septiembre de 2015",
/// "25 сентября 2015 года", "2015年9月25日", "25 أيلول/سبتمبر 2015"): the
/// first one, as ISO 8601.
pub fn find_date(s: &str) -> Option<(usize, usize, String)> {
    DATE_ANY.captures_iter(s).find_map(|c| {
        let m = c.get(0)?;
        let iso = date_of(&c)?;
        Some((m.start(), m.end(), iso))
    })
}

fn date_of(c: &regex::Captures<'_>) -> Option<String> {
    if let Some(y) = c.name("zy") {
        let month: u32 = c["zm"].parse().ok()?;
        return iso_date(y.as_str(), month, &c["zd"]);
    }
    let month = month_number(&c["m"])?;
    iso_date(&c["y"], month, &c["d"])
}

/// The date alternatives, with `d`, `m`, `y` (or `zy`, `zm`, `zd` for the
/// Chinese order).
const DATE_BODY: &str = concat!(
    r"(?:(?P<d>[0-9]{1,2}|1er)[ \t\n]+(?:de[ \t\n]+)?(?P<m>",
    r"[A-Za-zéèûÉ]{3,10}\.?|[а-яё]{3,9}|",
    r"(?:[\p{Arabic}]+(?:[ \t][\p{Arabic}]+)?/)?[\p{Arabic}]+(?:[ \t][\p{Arabic}]+)?",
    r")[ \t\n]*,?[ \t\n]+(?:de[ \t\n]+)?(?P<y>(?:19|20)[0-9]{2})(?:[ \t\n]*(?:года|г\.))?",
    r"|(?P<zy>(?:19|20)[0-9]{2})[ \t]*年[ \t]*(?P<zm>[0-9]{1,2})[ \t]*月[ \t]*(?P<zd>[0-9]{1,2})[ \t]*日)",
);

static DATE_ANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(DATE_BODY).expect("valid date regex"));

/// What may stand between a number and its date or title: a letter
/// ("53/243 A and B"), a footnote mark, a comma.
const LEAD: &str = r"\A(?:[ \t]+[A-Z](?:[ \t]+(?:and|to|et|y|и)[ \t]+[A-Z])?\b)?[0-9]{0,2}";

/// After a citation: an optional date with its word, then an optional
/// title word (and its opening quote, matched by hand).
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"{lead}\)?[ \t\n]*,?[ \t\n]*",
            r"(?:(?:of|dated|adopted[ \t\n]+on|du|en[ \t\n]+date[ \t\n]+du|de|от|المؤرخ|المؤرخة|المؤرخين|المؤرختين)[ \t\n]+{date})?",
            r"[0-9]{{0,2}}[ \t\n]*[,،]?[ \t\n]*",
            r"(?P<word>entitled|titled|intitulée?s?|titulad[ao]s?|озаглавленн[а-я]+|под[ \t\n]+названием|под[ \t\n]+заголовком|المعنون|المعنونة|المعنونين|المعنونتين|بعنوان)?",
            r"[ \t\n]*",
        ),
        lead = LEAD,
        date = DATE_BODY
    ))
    .expect("valid harvest regex")
});

/// Before the latest resolution of a series: "the most recent of which was
/// resolution", "most recently resolution", "the latest being resolution"
/// (English; measured on the shared corpus: 24 of 25 such resolutions
/// have the citing resolution's title).
static SERIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:most[ \t\n]+recent(?:ly)?(?:[ \t\n]+of[ \t\n]+which)?(?:[ \t\n]+(?:was|is|being))?|latest(?:[ \t\n]+of[ \t\n]+which)?(?:[ \t\n]+(?:was|is|being))?)(?:[ \t\n]+its|[ \t\n]+General[ \t\n]+Assembly)?[ \t\n]+resolution[ \t\n]*\z")
        .expect("valid series regex")
});

/// Before a Chinese citation: 2015年9月25日题为“…”的第70/1号决议 (the date
/// and the title both stand before the number). Matched on the text before
/// the hit, reversed by hand: this finds the `的` and the date.
static ZH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:(?P<zy>(?:19|20)[0-9]{2})[ \t]*年[ \t]*(?P<zm>[0-9]{1,2})[ \t]*月[ \t]*(?P<zd>[0-9]{1,2})[ \t]*日[ \t]*(?:通过的)?[ \t]*)?",
        r"(?:(?P<ti>题为|名为|标题为)[ \t\n]*(?P<q>[“\x22「《])(?P<title>[^”\x22」》]{1,400})[”\x22」》][ \t\n]*的)?",
        r"[ \t\n]*(?:大会|安全理事会|安理会|经济及社会理事会|经社理事会|人权理事会|其)?[ \t\n]*(?:决议|决定)?[ \t\n]*第?[ \t\n]*\z",
    ))
    .expect("valid zh harvest regex")
});

/// Harvests the title and date given with each hit: `hits` are the
/// `(start, end)` spans of the citations in `text` (cleaned, furniture
/// blanked), `furniture` the blanked ranges (sorted). Sparse: the index of
/// each hit given a title or date (or naming the citing text's own series)
/// with what was found, in hit order; most hits have none, and a document
/// of millions of citations must not hold a record for each.
pub fn harvest(
    text: &str,
    hits: impl IntoIterator<Item = (usize, usize)>,
    furniture: &[(usize, usize)],
    lang: Lang,
) -> Vec<(usize, Harvest)> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    for (i, (start, end)) in hits.into_iter().enumerate() {
        let mut h = after(text, end, furniture);
        let from = floor(text, start.saturating_sub(80));
        // (The regex ends with the word "resolution": most hits are not
        // right after it, and are told so without the regex.)
        let before = &text[from..start];
        h.same_series = before
            .trim_end_matches([' ', '\t', '\n'])
            .ends_with("resolution")
            && SERIES.is_match(before);
        if lang == Lang::Zh || h.is_empty() && has_han(text, start) {
            let from = floor(text, start.saturating_sub(600).max(prev_end).min(start));
            let b = before_zh(&text[from..start]);
            if h.title.is_empty() {
                h.title = b.title;
                h.title_spans = b
                    .title_spans
                    .iter()
                    .map(|&(s, e)| (s + from, e + from))
                    .collect();
            }
            if h.date.is_empty() {
                h.date = b.date;
            }
        }
        if !h.is_empty() || h.same_series {
            out.push((i, h));
        }
        prev_end = end;
    }
    out
}

fn has_han(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .rev()
        .take(8)
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The words that may open what [`AFTER`] captures, as the look at the
/// word after the number (`peek`) sees them: the title words (or their
/// stems), and the date words [`date_opens`] checks further.
const TITLE_OPENERS: [&str; 8] = [
    "entitled",
    "titled",
    "intitul",
    "titulad",
    "озаглавл",
    "под",
    "المعنون",
    "بعنوان",
];

/// The date words of [`AFTER`] as the look at the next word sees them
/// (the regex's "adopted on" and "en date du" by their first words, as
/// the look has always taken them; every Arabic form starts with `المؤرخ`).
const DATE_OPENERS: [&str; 8] = [
    "of",
    "dated",
    "adopted",
    "du",
    "en date",
    "de",
    "от",
    "المؤرخ",
];

/// Whether [`AFTER`] may capture a date or a title word after a citation
/// whose next word starts `peek` (`rest`: the text from there on, which
/// `peek` begins): a title word, or a date word that a date may follow.
///
/// Exact: a date in [`AFTER`] stands after its word and white space, and
/// starts with a digit ([`DATE_BODY`]: a day, "1er", or the year of a
/// Chinese date); so a date word that is not followed, after white space
/// and the rest of its letters, by a digit ("of the", "de la") opens
/// nothing, and the regex, which would capture neither a date nor a
/// title there, is not run. (On the GA documents this turns away few: of
/// the citations a date or title word follows, nine in ten carry a date.)
fn may_open(peek: &str, rest: &str) -> bool {
    if TITLE_OPENERS.iter().any(|o| peek.starts_with(o)) {
        return true;
    }
    DATE_OPENERS.iter().any(|o| peek.starts_with(o)) && date_opens(rest)
}

/// Whether the date word starting `rest` may be followed by a date: past
/// its letters (and the next words of "adopted on", "en date du", the
/// endings of the Arabic forms) and white space, a digit.
fn date_opens(rest: &str) -> bool {
    // Letters and the white space between the words of a date word, then
    // white space: at most the regex's longest date word and its spaces
    // ("en date du", "المؤرختين"), but a run of layout spaces too.
    let after =
        rest.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ' || c == '\t' || c == '\n');
    after.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// The date and title right after a citation ending at `end`.
fn after(text: &str, end: usize, furniture: &[(usize, usize)]) -> Harvest {
    let mut h = Harvest::default();
    // Most citations are followed by neither: a look at the word after
    // the number spares the regex.
    let window = &text[end..floor(text, (end + 64).min(text.len()))];
    let peek = window.trim_start_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, ',' | ')' | '،')
    });
    let stop = floor(text, (end + 300).min(text.len()));
    // A capital opens the regex only as a letter of its own ("53/243 A
    // of …", [`LEAD`] wants a word boundary after it): followed by an ASCII
    // letter or digit it starts a word ("The"), where neither a date word
    // nor a title word (all lower case) can stand, so nothing is found.
    let mut next = peek.chars();
    let letter_first = next.next().is_some_and(|c| c.is_ascii_uppercase())
        && !next.next().is_some_and(|c| c.is_ascii_alphanumeric());
    let at = end + window.len() - peek.len();
    if !letter_first && !may_open(peek, &text[at..stop]) {
        return h;
    }
    // The common dates and titles are read by hand; the rest by the regex.
    if let Some(r) = read::read_after(&text[end..stop]) {
        if let Some((d, m, y)) = r.date {
            h.date = month_number(m)
                .and_then(|month| iso_date(y, month, d))
                .unwrap_or_default();
        }
        if let Some(e) = r.word_end
            && let Some((t, spans)) = quoted(text, end + e, furniture)
        {
            h.title = t;
            h.title_spans = spans;
        }
        return h;
    }
    by_regex(text, end, stop, furniture)
}

/// The date and title [`AFTER`] captures in `text[end..stop]` (after a
/// citation ending at `end`).
fn by_regex(text: &str, end: usize, stop: usize, furniture: &[(usize, usize)]) -> Harvest {
    let mut h = Harvest::default();
    let Some(c) = AFTER.captures(&text[end..stop]) else {
        return h;
    };
    if c.name("d").is_some() || c.name("zy").is_some() {
        h.date = date_of(&c).unwrap_or_default();
    }
    if c.name("word").is_some() {
        let open = end + c.get(0).map_or(0, |m| m.end());
        if let Some((t, spans)) = quoted(text, open, furniture) {
            h.title = t;
            h.title_spans = spans;
        }
    }
    h
}

/// The Chinese date and title before a citation (`before` ends at the hit).
fn before_zh(before: &str) -> Harvest {
    let mut h = Harvest::default();
    // Titles hold no full stop or semicolon: the clause starts after the
    // last one. The leftmost match ending at the hit is the longest.
    let cut = before.rfind(['。', '；']).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    if let Some(c) = ZH_BEFORE.captures(&before[cut..]) {
        if c.name("zy").is_some() {
            h.date = date_of(&c).unwrap_or_default();
        }
        if let Some(t) = c.name("title") {
            h.title = tidy(t.as_str());
            h.title_spans = vec![(cut + t.start(), cut + t.end())];
        }
    }
    h
}

/// The quoted title opening at `at` (after spaces): up to its matching
/// closing quote, across lines and page breaks.
fn quoted(
    text: &str,
    at: usize,
    furniture: &[(usize, usize)],
) -> Option<(String, Vec<(usize, usize)>)> {
    let rest = &text[at..];
    let open = rest.chars().next()?;
    let close = match open {
        '“' => '”',
        '"' => '"',
        '«' => '»',
        '„' => '“',
        // Arabic typesetting opens with the right quote: ”…“.
        '”' => '“',
        '‘' => '’',
        '「' => '」',
        '《' => '》',
        '*' => '*',
        _ => return None,
    };
    let mut depth = 0usize;
    let mut title = String::new();
    let mut i = at + open.len_utf8();
    let mut spans = vec![(i, i)];
    let mut budget = MAX_SPAN;
    while i < text.len() {
        // A page break inside the title: the footnotes under a rule, then
        // the running header, are not the title.
        if text.as_bytes()[i] == b'\n' && footnote_rule_at(text, i + 1) {
            let next = furniture.iter().find(|&&(s, _)| s > i).map(|&(_, e)| e)?;
            if next - i > 4000 {
                return None;
            }
            if let Some(last) = spans.last_mut() {
                last.1 = i;
            }
            // The next page starts after the header; footnotes sit before.
            title.push(' ');
            i = next;
            spans.push((i, i));
            continue;
        }
        let c = text[i..].chars().next()?;
        if c == close && depth == 0 {
            let t = tidy(&title);
            if let Some(last) = spans.last_mut() {
                last.1 = i;
            }
            spans.retain(|&(s, e)| s < e);
            return (!t.is_empty() && t.chars().count() <= MAX_TITLE).then_some((t, spans));
        }
        if c == close {
            depth -= 1;
        } else if c == open && open != close {
            depth += 1;
        }
        title.push(c);
        i += c.len_utf8();
        budget = budget.checked_sub(c.len_utf8())?;
    }
    None
}

/// A footnote rule ("______") starts the line at `i`.
fn footnote_rule_at(text: &str, i: usize) -> bool {
    let line = text[i..].split('\n').next().unwrap_or("").trim();
    line.len() >= 5 && line.bytes().all(|b| b == b'_')
}

/// Collapses whitespace, joins words hyphenated at a line end, drops
/// trailing commas.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let cjk_join =
            out.chars().next_back().is_some_and(is_cjk) || w.chars().next().is_some_and(is_cjk);
        if !out.is_empty() && !cjk_join {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.trim_end_matches([',', ';', ' ', '،'])
        .trim_start_matches(['*', ' '])
        .to_string()
}

/// Chinese (and Japanese) characters and full-width punctuation: no space
/// between them where a line was broken.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// A title reduced for comparison: lower case, letters and digits only,
/// single spaces (quotes, dashes and punctuation ignored).
pub fn normalize_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Builds this module's lazily compiled patterns now (see
/// [`crate::extract::warm_up`]), but for [`ZH_BEFORE`]: used only near Han
/// characters, it is built by the first document that has some (4 ms, the
/// largest of the extractor's patterns, which every other run would wait for).
pub(crate) fn warm_up() {
    LazyLock::force(&DATE_ANY);
    LazyLock::force(&AFTER);
    LazyLock::force(&SERIES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_tables_are_in_lower_case() {
        for table in [&EN_MONTHS, &FR_MONTHS, &ES_MONTHS, &RU_MONTHS] {
            for m in table.iter() {
                assert_eq!(m.to_lowercase(), *m);
            }
        }
        for (name, want) in [
            ("December", Some(12)),
            ("DECEMBER.", Some(12)),
            (" Décembre ", Some(12)),
            ("Setiembre", Some(9)),
            ("АВГУСТА", Some(8)),
            ("أيلول/سبتمبر", Some(9)),
            ("Decembers", None),
            ("", None),
        ] {
            assert_eq!(month_number(name), want, "{name:?}");
        }
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date("2017", 12, "19").as_deref(), Some("2017-12-19"));
        assert_eq!(iso_date(" 1986", 3, "1er").as_deref(), Some("1986-03-01"));
        assert_eq!(iso_date("2019", 2, "30"), None);
        assert_eq!(iso_date("1900", 1, "1"), None);
    }

    #[test]
    fn dates_in_six_languages() {
        let t = [
            ("of 25 September 2015", "2015-09-25"),
            ("du 1er août 1990", "1990-08-01"),
            ("de 25 de septiembre de 2015", "2015-09-25"),
            ("от 25 сентября 2015 года", "2015-09-25"),
            ("2015年9月25日", "2015-09-25"),
            ("المؤرخ 25 أيلول/سبتمبر 2015", "2015-09-25"),
        ];
        for (s, want) in t {
            assert_eq!(find_date(s).map(|d| d.2).as_deref(), Some(want), "{s}");
        }
        assert_eq!(find_date("on 31 February 2015"), None);
    }

    #[test]
    fn titles_compare_normalised() {
        assert_eq!(
            normalize_title("Transforming our world: the 2030 Agenda"),
            normalize_title("“Transforming our world – the 2030 agenda”")
        );
    }

    /// [`after`] as it was before the look at the next word: the regex
    /// run after every citation.
    fn after_by_regex(text: &str, end: usize) -> Harvest {
        by_regex(text, end, floor(text, (end + 300).min(text.len())), &[])
    }

    /// Pieces of what follows a citation, for [`the_look_skips_no_capture`].
    const PIECES: [&str; 62] = [
        " ",
        "  ",
        "\n",
        "\t",
        ",",
        ")",
        "،",
        "1",
        "25",
        "2015",
        "1er",
        "A",
        " A",
        " B",
        "and",
        "of",
        "of the",
        "dated",
        "adopted",
        "adopted on",
        "on",
        "du",
        "en date du",
        "en",
        "date",
        "de",
        "de la",
        "от",
        "المؤرخ",
        "المؤرخة",
        "entitled",
        "titled",
        "intitulée",
        "titulada",
        "озаглавленная",
        "под названием",
        "المعنونة",
        "بعنوان",
        " September ",
        "“Title”",
        "December",
        "décembre",
        "Sept.",
        "septiembre",
        "Decemberrrrrr",
        "mai",
        "Mayo",
        "1990",
        "20",
        "19",
        "125",
        "года",
        "г.",
        ".",
        "intitulé",
        "intituléess",
        "titulados",
        "tituladx",
        "сентября",
        "أيلول/سبتمبر",
        "e",
        "x",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The look at the next word skips the regex only where it would
        /// have found neither a date nor a title.
        #[test]
        fn the_look_skips_no_capture(picks in proptest::collection::vec(0..PIECES.len(), 0..16)) {
            let tail: String = picks.iter().map(|&i| PIECES[i]).collect();
            let text = format!("resolution 70/1{tail}");
            let end = "resolution 70/1".len();
            proptest::prop_assert_eq!(after(&text, end, &[]), after_by_regex(&text, end), "{:?}", text);
        }
    }

    #[test]
    fn the_look_keeps_dates_and_titles() {
        for (tail, date, title) in [
            (
                " of 25 September 2015, entitled “Transforming our world”",
                "2015-09-25",
                "Transforming our world",
            ),
            (" of the Security Council", "", ""),
            (" de la Asamblea General", "", ""),
            (" de 25 de septiembre de 2015", "2015-09-25", ""),
            (" en date du 1er août 1990", "1990-08-01", ""),
            (" adopted on 5 May 2015", "2015-05-05", ""),
            (" от 25 сентября 2015 года", "2015-09-25", ""),
            (" A of 19 December 2017", "2017-12-19", ""),
            (", entitled “Oceans”", "", "Oceans"),
        ] {
            let text = format!("resolution 70/1{tail}");
            let h = after(&text, "resolution 70/1".len(), &[]);
            assert_eq!((h.date.as_str(), h.title.as_str()), (date, title), "{text}");
            assert_eq!(h, after_by_regex(&text, "resolution 70/1".len()), "{text}");
        }
    }
}
