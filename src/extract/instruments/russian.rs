//! Russian names in their six cases: the leading adjectives and the head
//! noun declined («Международного пакта о гражданских и политических правах»).

/// Declension classes: endings for nominative, genitive, dative,
/// accusative, instrumental, prepositional.
pub(super) type Endings = [&'static str; 6];

/// How a Russian word declines: (ending to cut, endings to add, is the head noun).
pub(super) fn ru_class(word: &str) -> Option<(usize, Endings, bool)> {
    let lw = word.to_lowercase();
    // (the letter before the last `cut` ones)
    let stem_last = |cut: usize| lw.chars().rev().nth(cut);
    let hush = |c: Option<char>| matches!(c, Some('ж' | 'ш' | 'ч' | 'щ'));
    let velar = |c: Option<char>| matches!(c, Some('к' | 'г' | 'х'));
    let ends = |s: &str| lw.ends_with(s);
    // Adjectives (agree, then keep going).
    if ends("ый") {
        return Some((2, ["ый", "ого", "ому", "ый", "ым", "ом"], false));
    }
    if ends("ий") && lw.chars().count() > 3 {
        return Some(if hush(stem_last(2)) {
            (2, ["ий", "его", "ему", "ий", "им", "ем"], false)
        } else {
            (2, ["ий", "ого", "ому", "ий", "им", "ом"], false)
        });
    }
    if ends("ой") && lw.chars().count() > 3 {
        return Some((2, ["ой", "ого", "ому", "ой", "ым", "ом"], false));
    }
    if ends("ая") {
        return Some(if hush(stem_last(2)) {
            (2, ["ая", "ей", "ей", "ую", "ей", "ей"], false)
        } else {
            (2, ["ая", "ой", "ой", "ую", "ой", "ой"], false)
        });
    }
    if ends("яя") {
        return Some((2, ["яя", "ей", "ей", "юю", "ей", "ей"], false));
    }
    if ends("ое") {
        return Some((2, ["ое", "ого", "ому", "ое", "ым", "ом"], false));
    }
    if ends("ые") {
        return Some((2, ["ые", "ых", "ым", "ые", "ыми", "ых"], false));
    }
    if ends("ие") && !ends("ние") && !ends("тие") {
        return Some((2, ["ие", "их", "им", "ие", "ими", "их"], false));
    }
    // Head nouns (decline, then stop).
    if lw == "правила" {
        return Some((1, ["а", "", "ам", "а", "ами", "ах"], true));
    }
    if ends("ии") {
        return Some((2, ["ии", "ий", "иям", "ии", "иями", "иях"], true));
    }
    if ends("ия") {
        return Some((2, ["ия", "ии", "ии", "ию", "ией", "ии"], true));
    }
    if ends("ие") {
        return Some((2, ["ие", "ия", "ию", "ие", "ием", "ии"], true));
    }
    if ends("а") {
        return Some(if velar(stem_last(1)) || hush(stem_last(1)) {
            (1, ["а", "и", "е", "у", "ой", "е"], true)
        } else {
            (1, ["а", "ы", "е", "у", "ой", "е"], true)
        });
    }
    if ends("ы") {
        return Some((1, ["ы", "ов", "ам", "ы", "ами", "ах"], true));
    }
    if ends("о") && lw.chars().count() > 3 {
        return Some((1, ["о", "а", "у", "о", "ом", "е"], true));
    }
    if ends("и") {
        return Some((1, ["и", "ов", "ам", "и", "ами", "ах"], true));
    }
    let last = lw.chars().next_back()?;
    if "бвгдзклмнпрстф".contains(last) {
        return Some((0, ["", "а", "у", "", "ом", "е"], true));
    }
    None
}

/// The six case forms of a Russian name (nominative first): the leading
/// adjectives and the head noun are declined, the rest is kept.
///
/// Each form is written into one string: the declined words' stems and
/// endings, then the rest of the name as one slice (the same forms as
/// [`ru_cases_reference`], which joins every word again).
pub(super) fn ru_cases(name: &str) -> Vec<String> {
    // Per leading word: its stem, its endings, whether they are written in
    // capitals.
    let mut plan: Vec<(&str, Endings, bool)> = Vec::new();
    // Where the words that are kept start, if any are.
    let mut rest = None;
    let mut at = 0;
    for w in name.split(' ') {
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') || w.is_empty() {
            rest = Some(at);
            break;
        }
        match ru_class(w) {
            Some((cut, ends, head)) => {
                let stem_len = if cut == 0 {
                    w.len()
                } else {
                    w.char_indices().rev().nth(cut - 1).map_or(0, |(i, _)| i)
                };
                // Keep capitals when the word was written in capitals.
                let upper = w.chars().skip(1).all(char::is_uppercase) && w.chars().nth(1).is_some();
                plan.push((&w[..stem_len], ends, upper));
                at += w.len() + 1;
                if head {
                    rest = (at <= name.len()).then_some(at);
                    break;
                }
            }
            None => {
                rest = Some(at);
                break;
            }
        }
    }
    if plan.is_empty() {
        return vec![name.to_string()];
    }
    let mut out: Vec<String> = Vec::with_capacity(6);
    for case in 0..6 {
        let mut s = String::with_capacity(name.len() + 8);
        for (k, &(stem, ends, upper)) in plan.iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(stem);
            if upper {
                s.push_str(&ends[case].to_uppercase());
            } else {
                s.push_str(ends[case]);
            }
        }
        if let Some(r) = rest {
            s.push(' ');
            s.push_str(&name[r..]);
        }
        if out.last() != Some(&s) {
            out.push(s);
        }
    }
    out
}

/// [`ru_cases`] as first written (every word joined again): the tests'
/// oracle.
#[cfg(test)]
pub(super) fn ru_cases_reference(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut plan: Vec<(usize, Endings)> = Vec::new(); // per leading word
    for w in &words {
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') || w.is_empty() {
            break;
        }
        match ru_class(w) {
            Some((cut, ends, head)) => {
                plan.push((cut, ends));
                if head {
                    break;
                }
            }
            None => break,
        }
    }
    if plan.is_empty() {
        return vec![name.to_string()];
    }
    let mut out = Vec::with_capacity(6);
    for case in 0..6 {
        let mut ws: Vec<String> = Vec::with_capacity(words.len());
        for (k, w) in words.iter().enumerate() {
            match plan.get(k) {
                Some(&(cut, ends)) => {
                    let cs: Vec<char> = w.chars().collect();
                    let stem: String = cs[..cs.len() - cut].iter().collect();
                    // Keep capitals when the word was written in capitals.
                    let ending = if w.chars().skip(1).all(char::is_uppercase) && cs.len() > 1 {
                        ends[case].to_uppercase()
                    } else {
                        ends[case].to_string()
                    };
                    ws.push(stem + &ending);
                }
                None => ws.push((*w).to_string()),
            }
        }
        out.push(ws.join(" "));
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The forms of every built-in Russian name (and of made-up ones: kept
    /// words, capitals, trailing words) are those of the reference.
    #[test]
    fn cases_equal_the_reference() {
        let rows = super::super::parse_tsv(
            super::super::BUILTIN_TSV,
            std::path::Path::new("data/instruments.tsv"),
        )
        .unwrap();
        let mut names: Vec<String> = rows
            .iter()
            .flat_map(|r| r.names[3].iter())
            .map(|n| super::super::norm_str(n))
            .collect();
        for extra in [
            "",
            " ",
            "Правила",
            "ПРАВИЛА",
            "Парижское соглашение",
            "ПАРИЖСКОЕ СОГЛАШЕНИЕ",
            "Всеобщая декларация 1948 года",
            "Новая  программа",
            "Новый ",
            "Киотский протокол ",
            "А",
            "Ая",
            "Женевские конвенции и Протокол",
            "Устав",
            "Договор-2",
        ] {
            names.push(extra.to_string());
        }
        for n in &names {
            assert_eq!(ru_cases(n), ru_cases_reference(n), "{n:?}");
        }
    }
}
