//! Whose numbers a list holds: the body named before or after it, "its",
//! and whether a written date fits the reading.

use super::*;

/// What follows the last `. `, `;`, `:`, `(`, `)` or blank line (`\n\n`) of
/// `win` (all of it when none).
#[cfg(test)]
fn after_last_stop(win: &str) -> &str {
    &win[last_stop_end(win, 0, win.len())..]
}

/// The bytes that may end a stop of [`last_stop_end`] or, for `. `, open
/// it (a space is too common a byte to look for).
const STOP_BYTES: [u8; 6] = [b';', b':', b'(', b')', b'.', b'\n'];

/// Where what follows the last `. `, `;`, `:`, `(`, `)` or blank line
/// (`\n\n`) of `s[from..at]` starts (`from` when none): one backward pass
/// for the rightmost end of a stop, over the bytes of [`STOP_BYTES`] found
/// 64 at a time (`text::classes::any_of`), in blocks that may reach before
/// `from` into the rest of `s` (their bits there dropped). Why: a byte by
/// byte pass over the 90 bytes before each resolution word cost 11 M over
/// the corpus.
fn last_stop_end(s: &str, from: usize, at: usize) -> usize {
    let b = s.as_bytes();
    // The end of the stop whose last byte, or the `.` of `. `, is at `p`.
    let end_at = |p: usize| match b[p] {
        b'.' => (p + 1 < at && b[p + 1] == b' ').then_some(p + 2),
        b'\n' => (p > from && b[p - 1] == b'\n').then_some(p + 1),
        _ => Some(p + 1),
    };
    let mut top = at;
    while top > from {
        let Some(base) = top.checked_sub(64) else {
            // Fewer than 64 bytes before `top`: byte by byte.
            return (from..top)
                .rev()
                .filter(|&p| STOP_BYTES.contains(&b[p]))
                .find_map(end_at)
                .unwrap_or(from);
        };
        let mut m = crate::text::classes::any_of(b, base, &STOP_BYTES);
        if base < from {
            m &= !0 << (from - base);
        }
        // Nearest first: a `. ` whose `.` is further back ends before
        // any stop byte after it (the space after its `.` is none).
        while m != 0 {
            let k = 63 - m.leading_zeros() as usize;
            if let Some(e) = end_at(base + k) {
                return e;
            }
            m &= !(1 << k);
        }
        top = base;
    }
    from
}

/// Whether `w` in lower case is one of `words` (which are): an ASCII word
/// is compared without being lower-cased into a new string.
fn lower_in(w: &str, words: &[&str]) -> bool {
    if w.is_ascii() {
        words.iter().any(|x| x.eq_ignore_ascii_case(w))
    } else {
        words.contains(&w.to_lowercase().as_str())
    }
}

/// What the words just before a resolution word at `at` say.
pub(super) fn context_before(s: &str, at: usize) -> Context {
    let from = floor_boundary(s, at.saturating_sub(90));
    // Stop at a paragraph break or a sentence end.
    let win = &s[last_stop_end(s, from, at)..at];
    // The last body name whose distance to the resolution word is bridged
    // only by small words.
    let mut named = None;
    for m in body_names_in(win) {
        let between = &win[m.end..];
        let ok = between
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| lower_in(w, BETWEEN_WORDS))
            && between.split_whitespace().count() <= 4;
        let r = body_ref(&win[m.clone()]);
        // Another body's full name: "Commission on Narcotic Drugs resolution",
        // "the Commission on Narcotic Drugs, in its resolution".
        let (name_part, tail) = match between.rfind(',') {
            Some(k) => (&between[..k], &between[k + 1..]),
            None => (between, ""),
        };
        let words = |t: &str, ok: &dyn Fn(&str) -> bool| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(ok)
        };
        let other_name = matches!(r, Some(BodyRef::Other | BodyRef::Act(_)))
            && !between.contains(';')
            && name_part.split_whitespace().count() <= 8
            && words(name_part, &|w| {
                w.starts_with(char::is_uppercase) || lower_in(w, NAME_WORDS)
            })
            && words(tail, &|w| lower_in(w, BETWEEN_WORDS));
        if ok || other_name {
            named = r;
        }
    }
    if let Some(b) = named {
        return Context::Named(match b {
            BodyRef::Assembly => BodyRef::Ga,
            b => b,
        });
    }
    let last_word = win
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    if ITS.iter().any(|w| w.eq_ignore_ascii_case(last_word)) || last_word == "Its" {
        return Context::Its;
    }
    Context::Unknown
}

pub(super) fn context_after(s: &str, end: usize) -> Option<BodyRef> {
    let Some(name) = body_after(&s[end..]) else {
        if !may_be_other_after(&s[end..]) {
            return None;
        }
        let m = OTHER_AFTER.find(&s[end..])?;
        // "… adopted by the United Nations Environment Assembly", "… of the
        // Conference of the Parties to the Convention on Biological
        // Diversity": a body whose acts have ids.
        let to = floor_boundary(s, (end + m.end() + 90).min(s.len()));
        let near = &s[end..to];
        let near = &near[..near.find([';', '.', '(']).unwrap_or(near.len())];
        let act = body_names_in(near)
            .filter_map(|r| body_ref(&near[r]))
            .find(|b| matches!(b, BodyRef::Act(_)));
        return Some(act.unwrap_or(BodyRef::Other));
    };
    body_ref(&s[end..][name]).map(|b| match b {
        BodyRef::Assembly => BodyRef::Ga,
        b => b,
    })
}

/// Whether [`OTHER_AFTER`] may match at the start of `s`: after white
/// space and maybe a comma (an Arabic one passed over too: the check only
/// has to let every match through), one of its first words ("of", "adopted by",
/// "de", "du", "del", "des"). A necessary condition, looked at before the
/// regex is run after a list (most lists are followed by none).
fn may_be_other_after(s: &str) -> bool {
    let b = s.as_bytes();
    let r = &b[skip_blanks_and_comma(b, 0)..];
    r.starts_with(b"of") || r.starts_with(b"adopted") || r.starts_with(b"d")
}

/// `fallback`: the body of an earlier list in the same passage ("Commission
/// on Crime Prevention and Criminal Justice resolution 27/2 …, resolution
/// 32/1 of 27 May 2023"), tried for a dated number whose date does not fit
/// the reading `ctx` gives.
pub(super) fn push_items(
    items: Items,
    decision: bool,
    ctx: Context,
    fallback: Option<Context>,
    adopting: Option<Body>,
    hits: &mut Vec<Hit>,
) {
    for it in items {
        // An old-style GA number dated far from its session is some other
        // body's resolution ("its resolution 574 (XXVII) of 16 May 1998").
        if let (Shape::Old { session, roman, .. }, Some(y)) = (&it.shape, it.date_year)
            && !session.contains('-')
            && (y + 1 < 1945 + roman || y > 1945 + roman + 2)
        {
            continue;
        }
        if let Some((mut target, mut kind)) = resolve(&it.shape, decision, ctx, adopting) {
            if let Some(y) = it.date_year
                && !date_fits(&target, kind, y)
            {
                match fallback.and_then(|f| resolve(&it.shape, decision, f, adopting)) {
                    Some((t, k)) => (target, kind) = (t, k),
                    None => continue,
                }
            }
            hits.push(Hit {
                start: it.start,
                end: it.end,
                target: target.into(),
                kind,
            });
        }
    }
}

/// Whether a citation's written date can be its adoption date. A number
/// read as "session/number" of the General Assembly or the Human Rights
/// Council but dated years away from that session is another body's
/// ("Commission on Crime Prevention and Criminal Justice … resolution 32/1 of
/// 27 May 2023" is not A/RES/32/1 of 1977). GA session N runs from
/// September 1945 + N into the next year; HRC sessions are dated from their
/// number (three a year from 2006); year-numbered ids carry their year.
///
/// The kind is looked at before the id's year is read: the other kinds
/// pass whatever their year, and reading it costs a regex for most.
pub(super) fn date_fits(target: &str, kind: Kind, date_year: u32) -> bool {
    let checked = match kind {
        // Old-style numbers have their own, wider check above; special and
        // emergency special sessions carry no year in the id.
        Kind::GaResolution | Kind::GaDecision => !target.contains('('),
        Kind::HrcResolution | Kind::HrcDecision | Kind::EcosocResolution | Kind::EcosocDecision => {
            true
        }
        _ => false,
    };
    let Some(expected) = checked.then(|| symbol::year_of(target)).flatten() else {
        return true;
    };
    // A year of slack either way: dates written after a whole list
    // ("72/194 and 73/174 of 19 December 2017 and 17 December 2018")
    // are read against the last number.
    (expected - 1..=expected + 1).contains(&(date_year as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_words_are_in_lower_case() {
        for w in BETWEEN_WORDS.iter().chain(NAME_WORDS) {
            assert_eq!(w.to_lowercase(), *w);
        }
        for (w, want) in [
            ("In", true),
            ("THE", true),
            ("Своей", true),
            ("СВОИХ", true),
            ("x", false),
            ("ins", false),
        ] {
            assert_eq!(lower_in(w, BETWEEN_WORDS), want, "{w:?}");
            assert_eq!(
                lower_in(w, BETWEEN_WORDS),
                BETWEEN_WORDS.contains(&w.to_lowercase().as_str())
            );
        }
    }

    /// The stops as they were cut before: one backward search each, in turn.
    fn by_searches(mut win: &str) -> &str {
        if let Some(p) = win.rfind("\n\n") {
            win = &win[p + 2..];
        }
        for stop in [". ", ";", ":", "(", ")", "\n\n"] {
            if let Some(p) = win.rfind(stop) {
                win = &win[p + stop.len()..];
            }
        }
        win
    }

    #[test]
    fn cut_after_the_last_stop() {
        for (win, want) in [
            ("the General Assembly in its", "the General Assembly in its"),
            ("Recalling. The Council, in its", "The Council, in its"),
            ("a; b: c (d) the", " the"),
            ("end.\n\nThe Assembly", "The Assembly"),
            ("x.\n\n\n", ""),
            ("", ""),
        ] {
            assert_eq!(after_last_stop(win), want, "{win:?}");
            assert_eq!(after_last_stop(win), by_searches(win), "{win:?}");
        }
    }

    #[test]
    fn other_bodies_after_a_list_are_checked_first() {
        for t in [
            " of the UNDP/UNFPA/UNOPS Executive Board",
            ", adopted by the Conference of the Parties",
            " de la Commission",
            " del Comité",
        ] {
            assert!(OTHER_AFTER.is_match(t), "{t:?}");
            assert!(may_be_other_after(t), "{t:?}");
        }
        for t in [", the Assembly", ") and", " on the Board", ""] {
            assert!(!may_be_other_after(t), "{t:?}");
        }
    }

    proptest::proptest! {
        /// The check never turns away a match of the regex.
        #[test]
        fn may_be_other_after_is_necessary(
            picks in proptest::collection::vec(0..14usize, 0..8),
        ) {
            const PIECES: [&str; 14] = [
                " ", "\n", ",", "of", "adopted", " by", "de", "du", "del", "des", " the ",
                "Executive Board", "Commission", "la ",
            ];
            let t: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert!(!OTHER_AFTER.is_match(&t) || may_be_other_after(&t), "{:?}", t);
        }

        #[test]
        fn one_pass_is_the_searches(win in "[a .;:()\né]{0,40}") {
            proptest::prop_assert_eq!(after_last_stop(&win), by_searches(&win));
        }

        /// In a longer text, with blocks reaching before the window.
        #[test]
        fn blocks_are_the_searches(
            t in "[a .;:()\né]{0,200}",
            cut in (0.0f64..1.0, 0.0f64..1.0),
        ) {
            let ends: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let pick = |f: f64| ends[((ends.len() - 1) as f64 * f) as usize];
            let (from, at) = (pick(cut.0.min(cut.1)), pick(cut.0.max(cut.1)));
            let want = at - by_searches(&t[from..at]).len();
            proptest::prop_assert_eq!(last_stop_end(&t, from, at), want, "{:?} {}..{}", t, from, at);
        }
    }
}
