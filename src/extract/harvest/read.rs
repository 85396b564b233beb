//! What follows a citation, read by hand where the reading is certain:
//! the spans [`super::AFTER`] would capture ("of 19 December 2017,
//! entitled"), without running it.
//!
//! Why: the regex, with its Cyrillic and Arabic month names and title
//! words, runs a bounded backtracker over a large automaton for every
//! citation followed by a date or title word: ~7,900 instructions a run,
//! 107 M of the GA documents' 2,090 M. Nearly all of those are an English,
//! French or Spanish date after "of", "dated", "du", "de" …, which a few
//! byte comparisons read.
//!
//! Exactness: [`read_after`] follows the path the regex tries first at
//! every choice (greedy repetitions, the first alternative, an optional
//! part taken), and answers only when that path succeeds — the regex's
//! leftmost-first match is then that path — or when no path can take the
//! date at all (no date word where one could stand). At every other turn
//! (a capital of its own after the number, a month in Cyrillic or Arabic,
//! a date that does not read to its end, a non-Latin title word) it gives
//! `None` and the caller runs the regex. A proptest compares both on texts
//! made of the pieces a date and a title are made of.

/// What [`super::AFTER`] captures after a citation: the date's day,
/// month and year, and the end of the whole match when it holds a title
/// word.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Read<'a> {
    /// Day, month name, year (the regex's `d`, `m`, `y`).
    pub date: Option<(&'a str, &'a str, &'a str)>,
    /// End of the match when it holds a title word (`word`).
    pub word_end: Option<usize>,
}

/// Whether `x` is white space as the regex's `[ \t\n]` takes it.
fn is_ws(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n')
}

/// The end of the run of `[ \t\n]` starting at `i`.
fn ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    i
}

/// The end of `[0-9]{0,2}` at `i`, greedy.
fn digits2(b: &[u8], mut i: usize) -> usize {
    let to = (i + 2).min(b.len());
    while i < to && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// Reads `s` (the text after a citation, as the regex sees it) as
/// [`super::AFTER`] would, or `None` where only the regex can tell.
pub(super) fn read_after(s: &str) -> Option<Read<'_>> {
    let b = s.as_bytes();
    // LEAD: a capital of its own after spaces ("53/243 A of …") is left
    // to the regex; without a capital after the spaces, its group fails
    // whatever follows.
    let sp = b.iter().take_while(|&&x| x == b' ' || x == b'\t').count();
    if sp > 0 && b.get(sp).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    // `[0-9]{0,2}\)?[ \t\n]*,?[ \t\n]*`: optional, all taken. (A date
    // word starts with a letter, so no shorter choice here could let the
    // date group match elsewhere.)
    let mut i = digits2(b, 0);
    if b.get(i) == Some(&b')') {
        i += 1;
    }
    i = ws(b, i);
    if b.get(i) == Some(&b',') {
        i += 1;
    }
    i = ws(b, i);
    let mut date = None;
    match date_word(s, i) {
        Opener::None => {}
        Opener::Other => return None,
        Opener::Latin(j) => {
            let (d, m, y, end) = latin_date(s, j)?;
            date = Some((d, m, y));
            i = end;
        }
    }
    // `[0-9]{0,2}[ \t\n]*[,،]?[ \t\n]*(?P<word>…)?[ \t\n]*`: all optional,
    // the greedy path succeeds.
    i = ws(b, digits2(b, i));
    if b.get(i) == Some(&b',') {
        i += 1;
    } else if s[i..].starts_with('،') {
        i += '،'.len_utf8();
    }
    i = ws(b, i);
    let word_end = match title_word(s, i)? {
        0 => None,
        n => Some(ws(b, i + n)),
    };
    Some(Read { date, word_end })
}

/// What stands where the regex looks for a date word.
enum Opener {
    /// No date word: the date group fails here, whatever follows.
    None,
    /// A Latin-script date word followed by white space: the offset after
    /// both (the only way the group can go on: a date starts with a digit,
    /// never inside a run of white space).
    Latin(usize),
    /// The start of a Cyrillic or Arabic one: for the regex.
    Other,
}

/// The date word at `i`: the regex's alternatives
/// `of|dated|adopted[ \t\n]+on|du|en[ \t\n]+date[ \t\n]+du|de|от|المؤرخ…`,
/// each followed by `[ \t\n]+`.
fn date_word(s: &str, i: usize) -> Opener {
    let b = s.as_bytes();
    // The Latin alternatives, in the regex's order, word by word (white
    // space between the words). Each matches in one way or not at all.
    const LATIN: [&[&str]; 6] = [
        &["of"],
        &["dated"],
        &["adopted", "on"],
        &["du"],
        &["en", "date", "du"],
        &["de"],
    ];
    'alt: for words in LATIN {
        let mut j = i;
        for (n, w) in words.iter().enumerate() {
            if n > 0 {
                let k = ws(b, j);
                if k == j {
                    continue 'alt;
                }
                j = k;
            }
            if !s[j..].starts_with(w) {
                continue 'alt;
            }
            j += w.len();
        }
        let k = ws(b, j);
        if k > j {
            return Opener::Latin(k);
        }
    }
    let rest = &s[i..];
    if rest.starts_with("от") || rest.starts_with("المؤرخ") {
        Opener::Other
    } else {
        Opener::None
    }
}

/// Whether `c` is in the regex's Latin month class `[A-Za-zéèûÉ]`.
fn latin_month_char(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'é' | 'è' | 'û' | 'É')
}

/// The rest of the regex's date group from `j` (after its date word and
/// white space), read on its first path with a Latin month: day, month,
/// year and the offset after the date; `None` when that path fails.
fn latin_date(s: &str, j: usize) -> Option<(&str, &str, &str, usize)> {
    let b = s.as_bytes();
    // `(?P<d>[0-9]{1,2}|1er)[ \t\n]+`: the digits first; "1er" when they
    // are not followed by white space.
    let mut k = j;
    while k < b.len() && k < j + 2 && b[k].is_ascii_digit() {
        k += 1;
    }
    if k == j {
        return None;
    }
    if !b.get(k).copied().is_some_and(is_ws) {
        if s[j..].starts_with("1er") && b.get(j + 3).copied().is_some_and(is_ws) {
            k = j + 3;
        } else {
            return None;
        }
    }
    let d = &s[j..k];
    let mut i = de(b, ws(b, k));
    // `(?P<m>[A-Za-zéèûÉ]{3,10}\.?` (the first alternative)
    let m0 = i;
    let mut n = 0;
    for c in s[i..].chars().take(10) {
        if !latin_month_char(c) {
            break;
        }
        i += c.len_utf8();
        n += 1;
    }
    if n < 3 {
        return None;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    let m = &s[m0..i];
    // `[ \t\n]*,?[ \t\n]+`: white space, a comma or not, and white space
    // after it (before it when there is no comma: the first star gives
    // the plus one back).
    let k = ws(b, i);
    i = if b.get(k) == Some(&b',') {
        let after = ws(b, k + 1);
        if after == k + 1 {
            return None;
        }
        after
    } else {
        if k == i {
            return None;
        }
        k
    };
    // `(?:de[ \t\n]+)?(?P<y>(?:19|20)[0-9]{2})`
    i = de(b, i);
    let y = b.get(i..i + 4)?;
    if !(y.starts_with(b"19") || y.starts_with(b"20")) || !y[2..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y = &s[i..i + 4];
    i += 4;
    // `(?:[ \t\n]*(?:года|г\.))?`
    let k = ws(b, i);
    if s[k..].starts_with("года") {
        i = k + "года".len();
    } else if s[k..].starts_with("г.") {
        i = k + "г.".len();
    }
    Some((d, m, y, i))
}

/// Past `(?:de[ \t\n]+)?` at `i`, taken when it is there.
fn de(b: &[u8], i: usize) -> usize {
    if b[i..].starts_with(b"de") {
        let k = ws(b, i + 2);
        if k > i + 2 {
            return k;
        }
    }
    i
}

/// The length of the title word at `i` (0 for none), as the regex's
/// first alternative that matches takes it; `None` for a Cyrillic or
/// Arabic one (for the regex).
fn title_word(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    if ["озаглавленн", "под", "المعنون", "بعنوان"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return None;
    }
    if rest.starts_with("entitled") {
        return Some("entitled".len());
    }
    if rest.starts_with("titled") {
        return Some("titled".len());
    }
    if let Some(r) = rest.strip_prefix("intitulé") {
        // `intitulée?s?`
        let mut n = "intitulé".len();
        let r = r.as_bytes();
        let mut k = 0;
        if r.first() == Some(&b'e') {
            k += 1;
        }
        if r.get(k) == Some(&b's') {
            k += 1;
        }
        n += k;
        return Some(n);
    }
    if let Some(r) = rest.strip_prefix("titulad") {
        // `titulad[ao]s?`
        let r = r.as_bytes();
        if matches!(r.first(), Some(b'a' | b'o')) {
            let s_ = usize::from(r.get(1) == Some(&b's'));
            return Some("titulad".len() + 1 + s_);
        }
    }
    Some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_dates_and_titles() {
        for (s, date, word_end) in [
            (
                " of 19 December 2017",
                Some(("19", "December", "2017")),
                None,
            ),
            (
                " of 25 September 2015, entitled “Transforming”",
                Some(("25", "September", "2015")),
                Some(32),
            ),
            (" du 1er août 1990", Some(("1er", "août", "1990")), None),
            (
                " de 25 de septiembre de 2015",
                Some(("25", "septiembre", "2015")),
                None,
            ),
            (" dated 5 Sept. 2015", Some(("5", "Sept.", "2015")), None),
            (" en date du 3 mars 2001", Some(("3", "mars", "2001")), None),
            (" adopted on 5 May\n 2015", Some(("5", "May", "2015")), None),
            (", entitled “Oceans”", None, Some(11)),
            (" (2014) of the Security Council", None, None),
            (" official", None, None),
            (" and 72/284", None, None),
        ] {
            assert_eq!(read_after(s), Some(Read { date, word_end }), "{s:?}");
        }
    }

    #[test]
    fn leaves_the_rest_to_the_regex() {
        for s in [
            " A of 19 December 2017",
            " от 25 сентября 2015 года",
            " المؤرخ 25 أيلول/سبتمبر 2015",
            " of 125 December 2017",
            " of 19 Decemberrrrrr 2017",
            " of 19 December,2017",
            ", озаглавленная «…»",
            " под названием «…»",
        ] {
            assert_eq!(read_after(s), None, "{s:?}");
        }
    }
}
