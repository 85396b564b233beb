//! Treaty Series references ("vol. 2225, No. 39574", "Ibid.") and the
//! self-identifying acts of other bodies.

use super::*;

/// Reads "vol. 2225, 2237 and 2326, No. 39574" (or "Nos. 970–973") from
/// `i`; `near` limits how far the volume marker may be. Returns the
/// registration numbers with their spans.
pub(super) fn treaty_numbers(s: &str, i: usize, near: usize) -> Vec<(u32, usize, usize)> {
    let b = s.as_bytes();
    let lim = ceil_boundary(s, i + near);
    let Some(v) = VOL.find(&s[i..lim]) else {
        return Vec::new();
    };
    if s[i..i + v.start()].bytes().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    // Volumes.
    let mut j = i + v.end();
    let mut any = false;
    while let Some((_, e, _)) = digits(b, j, 6) {
        any = true;
        j = e;
        let n = separator(s, j);
        let n2 = if s[j..].trim_start().starts_with(['–', '-']) {
            let t = skip_ws(b, j);
            skip_ws(b, t + if b[t] == b'-' { 1 } else { 3 })
        } else {
            n
        };
        if n2 < b.len() && b[n2].is_ascii_digit() {
            j = n2;
        } else {
            break;
        }
    }
    if !any {
        return Vec::new();
    }
    if s[j..].starts_with('卷') {
        j += '卷'.len_utf8();
    }
    // Separator before the number marker.
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b',' | b'*' | b';') {
        j += 1;
    }
    for p in ["，", "、", "،"] {
        if s[j..].starts_with(p) {
            j = skip_ws(b, j + p.len());
        }
    }
    let Some(nm) = NO.find(&s[j..]) else {
        return Vec::new();
    };
    j += nm.end();
    let mut out = Vec::new();
    while let Some((n, e, cnt)) = digits(b, j, 7) {
        if cnt > 7 {
            break;
        }
        // A range "970–973".
        let t = skip_hspace(b, e);
        let dash = if s[t..].starts_with('–') || s[t..].starts_with('—') {
            3
        } else if s[t..].starts_with('-') {
            1
        } else if s[t..].starts_with("to ") {
            3
        } else if s[t..].starts_with("à ") {
            "à ".len()
        } else if s[t..].starts_with("a ") {
            2
        } else {
            0
        };
        if dash > 0
            && let Some((n2, e2, _)) = digits(b, skip_hspace(b, t + dash), 7)
            && n2 > n
            && n2 - n <= 50
        {
            for k in n..=n2 {
                out.push((k, j, e2));
            }
            j = e2;
        } else {
            out.push((n, j, e));
            j = e;
        }
        let n = separator(s, j);
        if n < b.len() && b[n].is_ascii_digit() && n > j {
            j = n;
        } else {
            break;
        }
    }
    out
}

/// The Treaty Series numbers of `s` and those its "Ibid." repeat, read
/// from `words`: the start of every one of the
/// [`TREATY_WORDS`](crate::extract::patterns::TREATY_WORDS) (which open
/// every Treaty Series name), found by the stems' scan.
///
/// The matches of [`TREATY`] from the start (see [`treaties_by_search`],
/// the tests' oracle), without a search of the stretches where none
/// matters: before the first Treaty Series name and after each "Official
/// Records", an "Ibid." repeats no Treaty Series, so only the next name
/// counts there, and it starts at one of `words` (a search of [`TREATY`]
/// anchored there, [`treaty_series_at`]; no match holds one of the words
/// after its start, so none runs across one and the searches that follow
/// a name see what a search from the start sees). Why: about half of the
/// text searched from the first name was such stretches.
pub(super) fn treaties(s: &str, words: &[usize], hits: &mut Vec<Hit>) {
    let mut words = words.iter().copied();
    let mut at = 0;
    // The next name, where no "Ibid." counts.
    while let Some((start, end)) = words
        .by_ref()
        .filter(|&w| w >= at)
        .find_map(|w| treaty_series_at(s, w).map(|e| (w, e)))
    {
        push_numbers(start, treaty_numbers(s, end, 120), hits);
        at = end;
        // Then every match up to the next "Official Records".
        loop {
            let Some(m) = TREATY.find_at(s, at) else {
                return;
            };
            at = m.end();
            let nums = if is_treaty_series(m.as_str()) {
                treaty_numbers(s, m.end(), 120)
            } else if is_ibid(m.as_str()) {
                // ", vol.", "，第", Arabic "، المجلد" (wider than one byte).
                treaty_numbers(s, m.end(), 24)
            } else {
                break;
            };
            push_numbers(m.start(), nums, hits);
        }
    }
}

/// The hits of the registration numbers `nums` read after a Treaty Series
/// name or an "Ibid." that starts at `start`: a single one spans from there.
fn push_numbers(start: usize, nums: Vec<(u32, usize, usize)>, hits: &mut Vec<Hit>) {
    let single = nums.len() == 1;
    for (n, st, en) in nums {
        hits.push(Hit {
            start: if single { start } else { st },
            end: en,
            target: symbol::treaty(n).into(),
            kind: Kind::Treaty,
        });
    }
}

/// The Treaty Series numbers of `s` and those its "Ibid." repeat, read
/// from `first` by a search of [`TREATY`] to the end: what [`treaties`]
/// did before it searched only after the names (the tests' oracle).
#[cfg(test)]
fn treaties_by_search(s: &str, first: Option<usize>, hits: &mut Vec<Hit>) {
    #[derive(PartialEq)]
    enum Series {
        None,
        Treaty,
        Other,
    }
    let Some(mut at) = first else {
        return;
    };
    let mut last = Series::None;
    while let Some(m) = TREATY.find_at(s, at) {
        at = m.end();
        let nums = if is_treaty_series(m.as_str()) {
            last = Series::Treaty;
            treaty_numbers(s, m.end(), 120)
        } else if is_ibid(m.as_str()) {
            if last != Series::Treaty {
                continue;
            }
            treaty_numbers(s, m.end(), 24)
        } else {
            last = Series::Other;
            continue;
        };
        push_numbers(m.start(), nums, hits);
    }
}

/// Whether a match of [`TREATY`] is its `ts` group: a Treaty Series name.
fn is_treaty_series(m: &str) -> bool {
    crate::extract::patterns::TREATY_WORDS
        .iter()
        .any(|w| m.starts_with(w))
}

/// Whether a match of [`TREATY`] is its `ibid` group.
fn is_ibid(m: &str) -> bool {
    [
        "Ibid",
        "ibid",
        "IBID",
        "Ibíd",
        "Íbid",
        "Там",
        "同上",
        "المرجع",
    ]
    .iter()
    .any(|w| m.starts_with(w))
}

/// Acts of other bodies that say their body themselves (`WHA77.17`,
/// `1/CP.21`, `UNEP/EA.5/Res.2`, `E/CN.4/RES/2005/69`) and dotted World
/// Health Assembly numbers in its context (read at the resolution words'
/// `stems`).
pub(super) fn other_acts(s: &str, stems: &[Stem], hits: &mut Vec<Hit>) {
    for (start, end, target) in acts::find_forms(s)
        .into_iter()
        .chain(acts::find_wha_lists_in(s, stems))
    {
        hits.push(Hit {
            start,
            end,
            target: target.into(),
            kind: acts::KIND,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::patterns::TREATY_WORDS;
    use proptest::prelude::*;

    /// The group of each match as the captures say it, and as the match's
    /// first word says it.
    fn groups(s: &str) -> (Vec<&'static str>, Vec<&'static str>) {
        let by_captures = TREATY
            .captures_iter(s)
            .map(|c| {
                if c.name("ts").is_some() {
                    "ts"
                } else if c.name("ibid").is_some() {
                    "ibid"
                } else {
                    "orec"
                }
            })
            .collect();
        let by_word = TREATY
            .find_iter(s)
            .map(|m| {
                if is_treaty_series(m.as_str()) {
                    "ts"
                } else if is_ibid(m.as_str()) {
                    "ibid"
                } else {
                    "orec"
                }
            })
            .collect();
        (by_captures, by_word)
    }

    const PIECES: &[&str] = &[
        "Treaty Series",
        "Treaty\nSeries",
        "Recueil des Traités",
        "Recueil des traites",
        "Recopilación de Tratados",
        "Recopilacion de tratados",
        "Сборник договоров",
        "条约汇编",
        "條約彙編",
        "مجموعة المعاهدات",
        "Ibid.",
        "ibid",
        "IBID",
        "Ibíd.",
        "Íbid",
        "Там же",
        "同上",
        "المرجع نفسه",
        "Official Records",
        "Documents officiels",
        "Documentos Oficiales",
        "Официальные отчеты",
        "正式记录",
        "正式記錄",
        "الوثائق الرسمية",
        " ",
        "x",
        ", vol. 2225, No. 39574",
        "Treaty",
        "Official",
        "Recueil",
        "Сборник",
        "مجموعة",
        ", vol. 3, No. 4",
        "Ibid., vol. 5, Nos. 6-8",
        "\n",
    ];

    #[test]
    fn the_first_word_tells_the_group() {
        for p in PIECES {
            let (c, w) = groups(p);
            assert_eq!(c, w, "{p:?}");
        }
        let (c, _) = groups(&PIECES.join(" "));
        assert_eq!(c.iter().filter(|g| **g == "ts").count(), 10);
    }

    /// [`treaties`] read from the Treaty Series words (as the stems' scan
    /// finds them), and the oracle's search from the start of the text.
    fn from_words_and_start(s: &str) -> (Vec<Hit>, Vec<Hit>) {
        let (mut from_words, mut from_start) = (Vec::new(), Vec::new());
        treaties(
            s,
            &crate::extract::patterns::stems_and_treaty_words(s).1,
            &mut from_words,
        );
        treaties_by_search(s, Some(0), &mut from_start);
        (from_words, from_start)
    }

    #[test]
    fn every_treaty_series_name_opens_with_a_treaty_word() {
        for p in PIECES {
            for m in TREATY.find_iter(p).filter(|m| is_treaty_series(m.as_str())) {
                assert!(
                    TREATY_WORDS.iter().any(|w| m.as_str().starts_with(w)),
                    "{p:?}"
                );
            }
            // and no match holds one after its start
            for m in TREATY.find_iter(p) {
                let first = m.as_str().chars().next().map_or(0, char::len_utf8);
                let inner = &m.as_str()[first..];
                assert!(!TREATY_WORDS.iter().any(|w| inner.contains(w)), "{p:?}");
            }
        }
        let text = "Official Records. Ibid., vol. 1, No. 2. United Nations, Treaty Series, \
                    vol. 2225, No. 39574; Ibid., vol. 2226, No. 39575. Official Records; Ibid.";
        let (a, b) = from_words_and_start(text);
        assert_eq!(a.len(), 2);
        assert_eq!(a, b);
    }

    proptest! {
        #[test]
        fn reading_at_the_treaty_words_changes_nothing(
            picks in proptest::collection::vec(0..PIECES.len(), 1..16),
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            let (a, b) = from_words_and_start(&s);
            prop_assert_eq!(a, b, "{:?}", s);
        }

        /// At a Treaty Series word, the anchored name is [`TREATY`]'s match
        /// there, if that is one; no other match starts there.
        #[test]
        fn the_anchored_name_is_the_match_at_a_word(
            picks in proptest::collection::vec(0..PIECES.len(), 1..10),
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            for w in crate::extract::patterns::stems_and_treaty_words(&s).1 {
                let m = TREATY.find_at(&s, w).filter(|m| m.start() == w);
                prop_assert!(m.is_none_or(|m| is_treaty_series(m.as_str())), "{:?} at {}", s, w);
                prop_assert_eq!(treaty_series_at(&s, w), m.map(|m| m.end()), "{:?} at {}", s, w);
            }
        }

        #[test]
        fn the_first_word_tells_the_group_in_any_text(
            picks in proptest::collection::vec(0..PIECES.len(), 1..10),
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            let (c, w) = groups(&s);
            prop_assert_eq!(c, w, "{:?}", s);
        }
    }
}
