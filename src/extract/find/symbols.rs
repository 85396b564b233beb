//! Citations standing without a resolution word: document symbols (joint
//! symbols, ranges `A/C.3/78/SR.12-15`, continued lists `S/2024/101, 205`)
//! and bare `N (YYYY)` / `N (ROMAN)` numbers.

use super::*;

/// Splits a joint symbol "A/77/895-S/2023/363" into its parts (offsets
/// relative to the symbol).
pub(crate) fn split_joint(sym: &str) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (k, _) in sym.match_indices('-') {
        let rest = &sym[k + 1..];
        // A second symbol must look like one: "S/2023/363", "S/26695", not
        // the "-A/3" item suffix of "WFP/EB.1/2024/6-A/3".
        let joint = SYMBOL_PREFIXES.iter().any(|p| {
            rest.starts_with(p) && rest[p.len()..].starts_with('/') && {
                let tail = &rest[p.len() + 1..];
                let part = &tail[..tail.find('-').unwrap_or(tail.len())];
                part.contains('/') || part.len() >= 3
            }
        });
        if joint && k > from {
            parts.push((from, k));
            from = k + 1;
        }
    }
    parts.push((from, sym.len()));
    parts
}

/// The symbol whose first `/` is at `slash`: (start, end), when it opens
/// with a known series (`A/…`, `CRC/C/…`, not `HIV/AIDS`).
pub(super) fn symbol_at(s: &str, slash: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut k = slash;
    while k > 0 && slash - k < 10 && matches!(b[k - 1], b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-') {
        k -= 1;
    }
    if k == slash || !b[k].is_ascii_uppercase() {
        return None;
    }
    if k > 0 && (b[k - 1].is_ascii_alphanumeric() || matches!(b[k - 1], b'/' | b'-' | b'.')) {
        return None;
    }
    if !has_symbol_prefix(&s[k..=slash]) {
        return None;
    }
    // Segments: [A-Za-z0-9]+([.-][A-Za-z0-9]+)* separated by '/'.
    let mut e = slash;
    while e < b.len() && b[e] == b'/' && b.get(e + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        e += 1;
        loop {
            while e < b.len() && b[e].is_ascii_alphanumeric() {
                e += 1;
            }
            if e + 1 < b.len() && matches!(b[e], b'.' | b'-') && b[e + 1].is_ascii_alphanumeric() {
                e += 1;
            } else {
                break;
            }
        }
    }
    // "A/80/___": a placeholder for a symbol not issued yet.
    if b.get(e) == Some(&b'_') || (b.get(e) == Some(&b'/') && b.get(e + 1) == Some(&b'_')) {
        return None;
    }
    if e == slash || !b[k..e].iter().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((k, e))
}

/// Whether a symbol or number holds a letter between two digits
/// ("S/26G26", "E/ICEF/6T2", "A/39/1s0", "72/19x4"): misread characters
/// of a scanned page, never an issued symbol, whose components keep digits
/// and letters apart ("L.41", "SR.12", "Add.1"). Such a symbol names no
/// document and is left out rather than cited as another one.
pub(super) fn garbled(sym: &[u8]) -> bool {
    sym.windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_alphabetic() && w[2].is_ascii_digit())
}

/// Treaty-body series whose "3-4" is one combined report
/// (`CRC/C/SVN/CO/3-4`), never a range.
pub(super) const COMBINED_REPORTS: &[&str] = &[
    "CRC/", "CCPR/", "CEDAW/", "CERD/", "CAT/", "CMW/", "CRPD/", "CED/", "HRI/", "E/C.12/",
];

/// The documents a symbol ending in a range names: `A/C.3/78/SR.12-15` →
/// `SR.12` … `SR.15`, `E/CN.6/2024/1-3` → `/1`, `/2`, `/3`. Empty when the
/// symbol is not a range (a combined treaty-body report, a span of years).
pub(crate) fn expand_range(id: &str) -> Vec<String> {
    let Some(slash) = id.rfind('/') else {
        return Vec::new();
    };
    if COMBINED_REPORTS.iter().any(|p| id.starts_with(p)) {
        return Vec::new();
    }
    let last = &id[slash + 1..];
    let Some((a, z)) = last.split_once('-') else {
        return Vec::new();
    };
    // An optional lettered component: "SR.12", "PV.3", "L.41".
    let (head, a) = match a.rfind('.') {
        Some(k) if a[..k].bytes().all(|c| c.is_ascii_uppercase()) => (&a[..=k], &a[k + 1..]),
        _ => ("", a),
    };
    let num = |t: &str| {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|c| c.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    let (Some(x), Some(y)) = (num(a), num(z)) else {
        return Vec::new();
    };
    if y <= x || y - x > 30 || (x >= 1900 && a.len() == 4) {
        return Vec::new();
    }
    (x..=y)
        .map(|n| format!("{}{head}{n}", &id[..=slash]))
        .collect()
}

/// The series a bare number continues after a symbol ending in a plain
/// number (`S/2024/101` → `S/2024/`).
pub(super) fn continuation_prefix(id: &str) -> Option<&str> {
    let slash = id.rfind('/')?;
    let last = &id[slash + 1..];
    (!last.is_empty() && last.len() <= 4 && last.bytes().all(|c| c.is_ascii_digit()))
        .then_some(&id[..=slash])
}

/// Reads ", 205-207 and 310" after a symbol ending at `end` (whose number
/// is `prev`) as further documents of `prefix`; the new end of what was
/// read. The numbers must grow: a smaller one is a footnote marker
/// ("S/8470, 22"), a four-digit one from 1900 after a small one a year.
pub(super) fn continued(
    s: &str,
    mut end: usize,
    prefix: &str,
    mut prev: u32,
    hits: &mut Vec<Hit>,
) -> usize {
    let b = s.as_bytes();
    loop {
        let n = separator(s, end);
        if n == end
            || n >= b.len()
            || !s[end..n]
                .trim_start()
                .starts_with([',', 'a', 'e', 'y', 'и', '、', '和', '，'])
        {
            return end;
        }
        let Some((x, e, cnt)) = digits(b, n, 4) else {
            return end;
        };
        if cnt > 4 || x <= prev || (cnt == 4 && prev < 1000 && (1900..2100).contains(&x)) {
            return end;
        }
        // A range "205-207".
        let (y, e) = match (b.get(e), digits(b, e + 1, 4)) {
            (Some(b'-'), Some((y, e2, c2))) if c2 <= 4 && y > x && y - x <= 30 => (y, e2),
            _ => (x, e),
        };
        // The number must end the item: a separator, a closing bracket or
        // the end of the sentence, not a word, a slash or a year in brackets.
        let after = s[e..].chars().next();
        let ok = match after {
            None => true,
            Some(',' | ';' | ')' | '、' | '，' | '；' | '。' | '،') => true,
            Some('.') => !b.get(e + 1).is_some_and(|c| c.is_ascii_digit()),
            Some(c) if c.is_whitespace() => {
                let t = s[e..].trim_start();
                t.is_empty()
                    || t.starts_with([',', ';', ')', '.'])
                    || CONJUNCTIONS.iter().any(|w| {
                        t.strip_prefix(w)
                            .is_some_and(|r| r.starts_with(char::is_whitespace))
                    })
            }
            Some(c) => !c.is_ascii() && !c.is_alphanumeric(),
        };
        if !ok {
            return end;
        }
        for k in x..=y {
            hits.push(Hit {
                start: n,
                end: e,
                target: format!("{prefix}{k}").into(),
                kind: Kind::Document,
            });
        }
        prev = y;
        end = e;
    }
}

/// The body and decision flag of a resolution or decision symbol whose
/// list may go on with bare numbers (`A/RES/77/110, 78/112`).
pub(super) fn series_body(id: &str) -> Option<(BodyRef, bool)> {
    [
        ("A/RES/", BodyRef::Ga, false),
        ("A/DEC/", BodyRef::Ga, true),
        ("A/HRC/RES/", BodyRef::Hrc, false),
        ("A/HRC/DEC/", BodyRef::Hrc, true),
        ("E/RES/", BodyRef::Ecosoc, false),
        ("E/DEC/", BodyRef::Ecosoc, true),
        ("S/RES/", BodyRef::Sc, false),
    ]
    .into_iter()
    .find(|(p, _, _)| id.starts_with(p))
    .map(|(_, b, d)| (b, d))
}

/// Reads ", 78/112 and 79/1" after a resolution symbol ending at `end`:
/// numbers of the same body and kind (a number of another shape ends the
/// list). The new end of what was read.
pub(super) fn continued_acts(
    s: &str,
    end: usize,
    body: BodyRef,
    decision: bool,
    kind: Kind,
    hits: &mut Vec<Hit>,
) -> usize {
    let mut done = end;
    let mut at = tails(s, end).0;
    loop {
        let n = separator(s, at);
        if n >= s.len() || s[at..n].trim().is_empty() {
            return done;
        }
        let Some((shape, e)) = parse_item(s, n) else {
            return done;
        };
        match resolve(&shape, decision, Context::Named(body), None) {
            Some((target, k)) if k == kind => hits.push(Hit {
                start: n,
                end: e,
                target: target.into(),
                kind,
            }),
            _ => return done,
        }
        done = e;
        at = tails(s, e).0;
    }
}

/// Start of the number before an opening bracket at `open` ("2178 (2014)",
/// "217 A (III)", "661\n(1990)").
pub(super) fn number_before(b: &[u8], open: usize) -> Option<usize> {
    let lo = open.saturating_sub(24);
    let mut k = open;
    while k > lo {
        k -= 1;
        if b[k].is_ascii_digit() {
            let mut st = k;
            while st > 0 && b[st - 1].is_ascii_digit() {
                st -= 1;
            }
            if k + 1 - st > 4 {
                return None;
            }
            let prev = if st > 0 { b[st - 1] } else { b' ' };
            if prev.is_ascii_alphanumeric() || matches!(prev, b'/' | b'-' | b'.') {
                return None;
            }
            return Some(st);
        }
        if b[k] == b'(' || b[k] == b')' || b[k] == b',' || b[k] == b';' {
            return None;
        }
    }
    None
}

/// Whether the bracket at `open` may close a number's item: the last byte
/// before it, past white space, is a digit or may end a list letter (an
/// upper-case ASCII letter, a byte of a non-ASCII character). A necessary
/// condition of [`number_before`] and [`parse_item`] reading an item that
/// runs past the bracket (the tests), checked first: most brackets follow a
/// word ("the report (A/78/1)"), and the scan back for a number costs
/// several instructions a byte.
pub(super) fn may_close_item(b: &[u8], open: usize) -> bool {
    let mut q = open;
    while q > 0 && is_ws(b[q - 1]) {
        q -= 1;
    }
    q > 0 && {
        let c = b[q - 1];
        c.is_ascii_digit() || c.is_ascii_uppercase() || c >= 0x80
    }
}

/// Citations standing without a resolution word: document symbols (found
/// from their `/`) and `N (YYYY)` / `N (ROMAN)` (found from their bracket,
/// and kept only when the number fits the year or session). A hand scan
/// from `memchr` hits: far faster than one regex over the whole text.
pub(super) fn bare_citations(s: &str, hits: &mut Vec<Hit>) {
    let b = s.as_bytes();
    let mut done = 0;
    for p in memchr::memchr3_iter(b'/', b'(', 0xEF, b) {
        if p < done {
            continue;
        }
        if b[p] == b'/' {
            let Some((start, e)) = symbol_at(s, p) else {
                continue;
            };
            if start < done {
                continue;
            }
            done = e;
            let sym = &s[start..e];
            if garbled(sym.as_bytes()) {
                continue;
            }
            for (ps, pe) in split_joint(sym) {
                let part = &sym[ps..pe];
                if !part.bytes().any(|x| x.is_ascii_digit()) || !part.contains('/') {
                    continue;
                }
                let pstart = start + ps;
                let mut end = start + pe;
                let target;
                let kind;
                if part.starts_with("S/RES/") && part[6..].bytes().all(|x| x.is_ascii_digit()) {
                    // S/RES/2178 (2014)
                    match parse_item(s, pstart + 6) {
                        Some((Shape::Sc { number, year }, e)) if e > end => {
                            end = e;
                            target = symbol::sc_resolution(number, year).into();
                            kind = Kind::ScResolution;
                        }
                        _ => {
                            target = symbol::document_compact(part);
                            kind = Kind::Document;
                        }
                    }
                } else if part.starts_with("A/RES/")
                    && part[6..].bytes().all(|x| x.is_ascii_digit())
                {
                    match parse_item(s, pstart + 6) {
                        Some((
                            Shape::Old {
                                number, session, ..
                            },
                            e,
                        )) if e > end => {
                            end = e;
                            target = symbol::ga_resolution_old(number, &session).into();
                            kind = Kind::GaResolution;
                        }
                        _ => {
                            target = symbol::document_compact(part);
                            kind = Kind::Document;
                        }
                    }
                } else {
                    let upper = symbol::document_compact(part);
                    kind = symbol::kind_of(&upper).unwrap_or(Kind::Document);
                    // "A/RES/47/120B": the resolution, as "47/120 B" is.
                    target = if kind == Kind::GaResolution {
                        symbol::drop_part_letter(upper.into()).into()
                    } else {
                        upper
                    };
                }
                done = done.max(end);
                // "A/C.3/78/SR.12-15": four summary records.
                let range = if kind == Kind::Document {
                    expand_range(&target)
                } else {
                    Vec::new()
                };
                if range.is_empty() {
                    hits.push(Hit {
                        start: pstart,
                        end,
                        target,
                        kind,
                    });
                } else {
                    hits.extend(range.into_iter().map(|target| Hit {
                        start: pstart,
                        end,
                        target: target.into(),
                        kind,
                    }));
                }
            }
            // "S/2024/101, 205-207 and 310": the list goes on with bare
            // numbers of the same series.
            if let Some(last) = hits.last()
                && last.kind == Kind::Document
                && last.end == done
                && let Some(prefix) = continuation_prefix(&last.target)
            {
                let prev = last.target[prefix.len()..].parse().unwrap_or(0);
                let prefix = prefix.to_string();
                done = continued(s, done, &prefix, prev, hits);
            } else if let Some(last) = hits.last()
                && last.end == done
                && let Some((body, decision)) = series_body(&last.target)
            {
                // "A/RES/77/110, 78/112 and 79/1": the list goes on with
                // bare numbers of the same series.
                let kind = last.kind;
                done = continued_acts(s, done, body, decision, kind, hits);
            }
            continue;
        }
        if b[p] == 0xEF && !s[p..].starts_with('（') {
            continue;
        }
        if !may_close_item(b, p) {
            continue;
        }
        let Some(st) = number_before(b, p) else {
            continue;
        };
        if st < done {
            continue;
        }
        // "general comment No. 15 (2002)", "Law No. 1454 (2002)".
        let before = &s[floor_boundary(s, st.saturating_sub(5))..st];
        if before.ends_with("No. ")
            || before.ends_with("No ")
            || before.ends_with("no. ")
            || before.ends_with("n° ")
        {
            continue;
        }
        let Some((shape, e)) = parse_item(s, st) else {
            continue;
        };
        if e <= p {
            continue;
        }
        let ok = match &shape {
            Shape::Sc { number, year } => numbering::sc_plausible(*number, *year),
            Shape::Old {
                number,
                session,
                roman,
            } => {
                if session.contains('-') {
                    *number <= 3600
                } else {
                    numbering::ga_old_plausible(*number, *roman)
                }
            }
            _ => false,
        };
        if !ok {
            continue;
        }
        if let Some((target, kind)) = resolve(&shape, false, Context::Unknown, None) {
            done = e;
            hits.push(Hit {
                start: st,
                end: e,
                target: target.into(),
                kind,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of text around brackets.
    const PIECES: &[&str] = &[
        " ", "\n", "*", "_", "(", ")", "（", "）", ",", ";", "/", "-", "2178", "1990", "217", "2",
        "III", "ES-", "A", "B", " and ", "a", "report", "No. ", "А", "ألف", " و", "د-3", "Ⅲ",
    ];

    proptest! {
        /// Where the check turns a bracket away, no item is read past it.
        #[test]
        fn may_close_item_is_necessary(
            picks in proptest::collection::vec(0..PIECES.len(), 0..12),
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            let b = s.as_bytes();
            for p in (0..b.len()).filter(|&p| s.is_char_boundary(p) && s[p..].starts_with(['(', '（'])) {
                let past = number_before(b, p)
                    .and_then(|st| parse_item(&s, st))
                    .is_some_and(|(_, e)| e > p);
                prop_assert!(!past || may_close_item(b, p), "{:?} at {}", s, p);
            }
        }
    }
}
