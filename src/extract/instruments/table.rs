//! The automaton patterns of a table's rows: every name's variants, merged
//! when they differ only in ASCII case, in the order of their ASCII
//! lower-cased text.

use super::*;

/// One pattern: its text, the row it points to, whether it is an acronym,
/// and (exact-case patterns only) the spellings a match must equal.
pub(super) type Entry = (String, usize, bool, Option<Vec<String>>);

/// The patterns of `rows`, sorted by their ASCII lower-cased text. Spellings
/// that differ only in ASCII case are one pattern (the automaton ignores
/// ASCII case): the later row's spelling and row win, it is an acronym only
/// if all are, and exact only if all are (accepting all their spellings, in
/// table order).
///
/// Every variant is listed once in table order with its key (lower-cased
/// into one shared buffer), sorted by key and then table order, and the runs
/// of equal keys folded in table order: the same patterns as inserting each
/// into a map keyed by a lower-cased copy (the test oracle,
/// `patterns_reference`), without a map node and a key allocation a variant.
pub(super) fn patterns(rows: &[Instrument]) -> Vec<Entry> {
    // (key range in `keys`, pattern, row, acronym), in table order.
    let mut all: Vec<((u32, u32), String, usize, bool)> = Vec::new();
    let mut keys: Vec<u8> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        for (li, names) in r.names.iter().enumerate() {
            for name in names {
                for (p, acr) in variants(name, LANGS[li]) {
                    if p.is_empty() {
                        continue;
                    }
                    let s = keys.len() as u32;
                    keys.extend(p.bytes().map(|b| b.to_ascii_lowercase()));
                    all.push(((s, keys.len() as u32), p, i, acr));
                }
            }
        }
    }
    let key = |r: (u32, u32)| &keys[r.0 as usize..r.1 as usize];
    // Sorted by key, then table order (their index in `all`): first by the
    // key's first eight bytes (big-endian, zeros past its end: the order of
    // the keys where they differ), only then by the whole key. Most
    // comparisons end there, with no call of `memcmp`, and the sort moves
    // twelve bytes a variant, not the variant: 5.4 M instructions instead
    // of 6.9 M (sixteen bytes: 5.8 M).
    let head = |r: (u32, u32)| {
        let k = key(r);
        let mut h = [0u8; 8];
        let n = k.len().min(8);
        h[..n].copy_from_slice(&k[..n]);
        u64::from_be_bytes(h)
    };
    let mut order: Vec<(u64, u32)> = all
        .iter()
        .enumerate()
        .map(|(i, v)| (head(v.0), i as u32))
        .collect();
    order.sort_unstable_by(|x, y| {
        x.0.cmp(&y.0)
            .then_with(|| key(all[x.1 as usize].0).cmp(key(all[y.1 as usize].0)))
            .then(x.1.cmp(&y.1))
    });
    let mut all: Vec<Option<_>> = all.into_iter().map(Some).collect();
    let sorted = order
        .iter()
        .map(|&(_, i)| all[i as usize].take().expect("each once"));
    let mut out: Vec<Entry> = Vec::with_capacity(order.len());
    let mut it = sorted.peekable();
    while let Some((k, p, row, acr)) = it.next() {
        let mut exact = (acr || is_short(&p)).then(|| vec![p.clone()]);
        let (mut p, mut row, mut acr) = (p, row, acr);
        while let Some((_, p2, row2, acr2)) = it.next_if(|n| key(n.0) == key(k)) {
            // Same pattern up to ASCII case: exact only if both are,
            // accepting both spellings.
            exact = match exact {
                Some(mut a) if acr2 || is_short(&p2) => {
                    a.push(p2.clone());
                    Some(a)
                }
                _ => None,
            };
            (p, row, acr) = (p2, row2, acr && acr2);
        }
        out.push((p, row, acr, exact));
    }
    out
}

/// [`patterns`] as first written (a map keyed by a lower-cased copy of each
/// variant): the tests' oracle.
#[cfg(test)]
pub(super) fn patterns_reference(rows: &[Instrument]) -> Vec<Entry> {
    let mut pats: BTreeMap<String, Entry> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        for (li, names) in r.names.iter().enumerate() {
            for name in names {
                for (p, acr) in variants(name, LANGS[li]) {
                    if p.is_empty() {
                        continue;
                    }
                    let exact = (acr || is_short(&p)).then(|| vec![p.clone()]);
                    let key = p.to_ascii_lowercase();
                    let entry = match pats.remove(&key) {
                        Some((_, _, acr0, ex0)) => {
                            let ex = match (ex0, exact) {
                                (Some(mut a), Some(b)) => {
                                    a.extend(b);
                                    Some(a)
                                }
                                _ => None,
                            };
                            (p, i, acr0 && acr, ex)
                        }
                        None => (p, i, acr, exact),
                    };
                    pats.insert(key, entry);
                }
            }
        }
    }
    pats.into_values().collect()
}

/// True for a short name (at most two words and 11 bytes, not starting
/// with a digit: "Agenda 21", "UN Charter", but not "2030 Agenda" or "Rome
/// Statute", whose lower-case forms are still names), matched in its exact
/// case only.
pub(super) fn is_short(name: &str) -> bool {
    name.len() <= 11
        && name.split(' ').count() <= 2
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// True for a one-word name without lower-case letters (`ICCPR`, `ДНЯО`).
fn is_acronym(name: &str) -> bool {
    name.chars().count() >= 2
        && !name.contains(' ')
        && name.chars().any(char::is_uppercase)
        && !name.chars().any(char::is_lowercase)
}

/// The automaton patterns for one name of a language column, each with its
/// acronym flag: the normalised name, its declined forms (Russian), and
/// each of those with the first letter lower-cased and in capitals.
pub(super) fn variants(name: &str, lang: &str) -> Vec<(String, bool)> {
    let base = norm_str(name);
    if base.is_empty() {
        return Vec::new();
    }
    if is_acronym(&base) {
        return vec![(base, true)];
    }
    let mut forms = match lang {
        "ru" => ru_cases(&base),
        // `ل` + `ال` is written `لل` ("للاتفاقية"): the name without its
        // leading alef matches there (and inside the plain form too, where
        // the full name, starting one letter earlier, wins).
        "ar" => match base.strip_prefix('ا') {
            Some(rest) if rest.starts_with('ل') => vec![rest.to_string(), base],
            _ => vec![base],
        },
        _ => vec![base],
    };
    // Russian names always start with a capital in UN texts; their six
    // cases already make many patterns, so no case variants for them.
    let cased = matches!(lang, "en" | "fr" | "es");
    if cased {
        let n = forms.len();
        for k in 0..n {
            let f = &forms[k];
            let mut cs = f.chars();
            let lower = match (cs.next(), is_short(f)) {
                (Some(c0), false) => {
                    let mut lower = String::with_capacity(f.len());
                    lower.extend(c0.to_lowercase());
                    lower.push_str(cs.as_str());
                    Some(lower)
                }
                _ => None,
            };
            // Headings in capitals (most names are ASCII: no Unicode
            // case tables for them).
            let up = if f.is_ascii() {
                f.to_ascii_uppercase()
            } else {
                f.to_uppercase()
            };
            forms.extend(lower);
            forms.push(up);
        }
    }
    forms.sort();
    forms.dedup();
    forms.into_iter().map(|f| (f, false)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin_rows() -> Vec<Instrument> {
        parse_tsv(BUILTIN_TSV, Path::new("data/instruments.tsv")).unwrap()
    }

    /// The built-in table's patterns are those of the map-based build.
    #[test]
    fn patterns_equal_the_reference_on_the_builtin_table() {
        let rows = builtin_rows();
        let (new, old) = (patterns(&rows), patterns_reference(&rows));
        assert_eq!(new.len(), old.len());
        assert_eq!(new, old);
    }

    /// Rows sharing names in various cases (later rows win, exact spellings
    /// merged) give the same patterns both ways.
    #[test]
    fn patterns_equal_the_reference_on_shared_names() {
        let row = |id: &str, en: &[&str], ru: &[&str]| Instrument {
            id: id.into(),
            kind_hint: String::new(),
            year: None,
            names: [
                en.iter().map(|s| s.to_string()).collect(),
                vec![],
                vec![],
                ru.iter().map(|s| s.to_string()).collect(),
                vec![],
                vec![],
            ],
        };
        let rows = vec![
            row(
                "A",
                &["Agenda 21", "CRC", "Paris Agreement"],
                &["Парижское соглашение"],
            ),
            row(
                "B",
                &["AGENDA 21", "crc", "paris agreement"],
                &["ПАРИЖСКОЕ СОГЛАШЕНИЕ"],
            ),
            row(
                "C",
                &["Agenda 21", "Crc", "Convention on X"],
                &["Конвенция о Х"],
            ),
            row("D", &["agenda 21", "CRC"], &[]),
        ];
        let mut rows2 = rows.clone();
        rows2.extend(builtin_rows().into_iter().take(40));
        rows2.extend(rows.clone());
        for rs in [rows, rows2] {
            assert_eq!(patterns(&rs), patterns_reference(&rs));
        }
    }
}
