//! Script folding: the digits, brackets, spaces and look-alike letters of the
//! six official languages rewritten to the ASCII forms the citation patterns
//! expect, with a map back to the original offsets.
//!
//! What is folded (everything else is copied as is):
//!
//! - Arabic-Indic digits `٠-٩`, Extended Arabic-Indic (Persian) digits `۰-۹`
//!   and full-width digits `０-９` → `0-9`;
//! - full-width `（` `）` `，` `／` `［` `］` `：` `；` `－` → `(` `)` `,` `/` `[` `]` `:` `;` `-`;
//! - no-break, narrow no-break, thin, figure, ideographic and other fixed-width
//!   spaces → `' '`;
//! - Unicode roman-numeral signs (`Ⅲ`) → ASCII letters (`III`);
//! - Cyrillic capitals that look like Latin ones (`А В С Е Н К М О Р Т Х`,
//!   Ukrainian `І`, `Ѕ`, palochka `Ӏ`) → Latin, **only** where they stand as
//!   a resolution letter next to a citation number (`217 А (III)`,
//!   `41/60 А и В`) or inside a roman session numeral after one (`(ІІІ)`).
//!
//! Kept on purpose: the ideographic comma `、` (a list separator in Chinese
//! citation lists) and the Arabic comma `،` (the engine reads both).
//!
//! Speed: pure-ASCII text and text without any foldable character return an
//! identity map after one byte scan; otherwise the scan jumps from one
//! candidate lead byte to the next, so plain Latin, Cyrillic, Han or Arabic
//! letters cost one table lookup per byte (and Cyrillic small letters and
//! Arabic letters, whose lead bytes are candidates', a look at their second
//! byte: `may_fold`).

use crate::text::Mapped;

/// Folds `text` for matching; offsets in the result map back to `text`.
pub fn fold_script(text: &str) -> Mapped {
    fold_changes(text).unwrap_or_else(|| Mapped::identity(text))
}

/// Like [`fold_script`], but `None` when folding would change nothing, so
/// that the caller need not hold a copy of an unchanged text.
pub fn fold_changes(text: &str) -> Option<Mapped> {
    if text.is_ascii() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out: Option<Mapped> = None;
    let mut copied = 0; // source bytes up to here are already in `out`
    let mut i = 0;
    let mut buf = [0u8; 4];
    while i < bytes.len() {
        // Every lead byte is non-ASCII: ASCII is skipped 64 bytes at a time.
        i = crate::text::classes::skip_ascii(bytes, i);
        if i >= bytes.len() {
            break;
        }
        if !LEAD[bytes[i] as usize] {
            i += 1;
            continue;
        }
        if !may_fold(bytes[i], bytes.get(i + 1).copied().unwrap_or(0)) {
            // (a two-byte character: Cyrillic small letters, Arabic
            // letters)
            i += 2;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\0');
        let len = c.len_utf8();
        let rep: Option<&str> = match simple(c) {
            Some(r) => Some(r.encode_utf8(&mut buf)),
            None => roman_sign(c).or_else(|| cyrillic(text, i, c)),
        };
        if let Some(r) = rep {
            let m = out.get_or_insert_with(|| Mapped::builder(text.len(), text.len()));
            m.push_copy(&text[copied..i], copied);
            m.push_replaced(r, i, i + len);
            copied = i + len;
        }
        i += len;
    }
    let mut m = out?;
    m.push_copy(&text[copied..], copied);
    Some(m)
}

/// Lead bytes of every character [`fold_script`] may rewrite.
static LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[0xC2] = true; // U+0080..U+00BF: NBSP
    t[0xD0] = true; // U+0400..U+043F: Cyrillic capitals
    t[0xD3] = true; // U+04C0: palochka
    t[0xD9] = true; // U+0660..: Arabic-Indic digits
    t[0xDB] = true; // U+06F0..: Extended Arabic-Indic digits
    t[0xE2] = true; // U+2000..U+2FFF: spaces, roman numerals
    t[0xE3] = true; // U+3000: ideographic space
    t[0xEF] = true; // U+FF00..: full-width forms
    t
};

/// Whether the character with lead byte `lead` (one of [`LEAD`]) and
/// second byte `next` may be folded: false for the two-byte characters of
/// a lead byte that are neither Cyrillic capitals (`D0 80`–`D0 AF`) nor
/// Arabic-Indic digits (`D9 A0`–`D9 A9`, `DB B0`–`DB B9`). Why: in Russian
/// and Arabic text nearly every letter has such a lead byte, and each was
/// decoded to find that it folds to nothing (2 M of the 44 M instructions
/// of folding `../shared/corpus`, whose texts are mostly Latin).
#[inline]
fn may_fold(lead: u8, next: u8) -> bool {
    match lead {
        0xD0 => next < 0xB0,
        0xD9 => (0xA0..=0xA9).contains(&next),
        0xDB => (0xB0..=0xB9).contains(&next),
        _ => true,
    }
}

/// Context-free foldings: digits, full-width punctuation, spaces. Shared
/// with the instrument-name normaliser so both see the same characters.
pub(crate) fn simple(c: char) -> Option<char> {
    let u = c as u32;
    Some(match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (u - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (u - 0x06F0) as u8),
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (u - 0xFF10) as u8),
        '\u{FF08}' => '(',
        '\u{FF09}' => ')',
        '\u{FF0C}' => ',',
        '\u{FF0F}' => '/',
        '\u{FF3B}' => '[',
        '\u{FF3D}' => ']',
        '\u{FF1A}' => ':',
        '\u{FF1B}' => ';',
        '\u{FF0D}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => return None,
    })
}

/// Unicode roman-numeral signs (never anything but numerals).
fn roman_sign(c: char) -> Option<&'static str> {
    const R: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    match c {
        '\u{2160}'..='\u{216B}' => Some(R[(c as u32 - 0x2160) as usize]),
        _ => None,
    }
}

/// Latin twin of a Cyrillic look-alike capital.
fn latin_twin(c: char) -> Option<&'static str> {
    Some(match c {
        'А' => "A",
        'В' => "B",
        'С' => "C",
        'Е' => "E",
        'Н' => "H",
        'К' => "K",
        'М' => "M",
        'О' => "O",
        'Р' => "P",
        'Т' => "T",
        'Х' => "X",
        'І' | 'Ӏ' => "I",
        'Ѕ' => "S",
        _ => return None,
    })
}

/// Cyrillic look-alike at `i`: its Latin twin when it stands as a resolution
/// letter or inside a roman session numeral next to a citation number.
fn cyrillic(text: &str, i: usize, c: char) -> Option<&'static str> {
    let twin = latin_twin(c)?;
    if is_resolution_letter(text, i, c.len_utf8(), 3) || in_roman_group(text, i) {
        Some(twin)
    } else {
        None
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\n' || c == '\r' || simple(c) == Some(' ')
}

/// The char before byte `i`, skipping spaces; with its start offset.
fn prev_non_space(text: &str, i: usize) -> Option<(usize, char)> {
    text[..i].char_indices().rev().find(|&(_, c)| !is_space(c))
}

/// True when the one-letter word at `i..i+len` is a resolution letter:
/// it follows a number (`217 А`, `41/60А`), or a connector (`и`, `and`,
/// `,`, `-`, `–`) after another resolution letter (`А и В`).
fn is_resolution_letter(text: &str, i: usize, len: usize, depth: u8) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + len..].chars().next();
    if before.is_some_and(char::is_alphanumeric) && !before.is_some_and(|b| b.is_ascii_digit()) {
        return false;
    }
    if after.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let Some((p, pc)) = prev_non_space(text, i) else {
        return false;
    };
    if pc.is_ascii_digit() {
        return true;
    }
    if depth == 0 {
        return false;
    }
    // A connector, then another letter.
    let conn_start = match pc {
        ',' | '-' | '–' | '—' => Some(p),
        'и' if !text[..p]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric) =>
        {
            Some(p)
        }
        'd' if text[..=p].ends_with(" and") => Some(p + 1 - 3),
        _ => None,
    };
    let Some(cs) = conn_start else {
        return false;
    };
    match prev_non_space(text, cs) {
        Some((q, qc)) if qc.is_uppercase() => {
            latin_twin(qc).is_some() && is_resolution_letter(text, q, qc.len_utf8(), depth - 1)
                || qc.is_ascii_uppercase() && is_resolution_letter(text, q, 1, depth - 1)
        }
        _ => false,
    }
}

/// A roman-numeral character, Latin or Cyrillic look-alike.
fn romanish(c: char) -> bool {
    matches!(
        c,
        'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M' | 'І' | 'Ӏ' | 'Х' | 'С' | 'М'
    )
}

/// True when byte `i` lies inside `(…)` holding a roman session numeral,
/// optionally with an `S-` / `ES-` prefix, right after a citation number or
/// resolution letter: `169 (ІІ)`, `217 А (ІІІ)`, `3362 (Ѕ-VII)`.
fn in_roman_group(text: &str, i: usize) -> bool {
    const MAX: usize = 24;
    let lo = i.saturating_sub(MAX);
    let head = &text[..i];
    // Back to '('.
    let mut open = None;
    for (k, c) in head.char_indices().rev() {
        if k < lo {
            break;
        }
        if c == '(' {
            open = Some(k);
            break;
        }
        if !(romanish(c) || matches!(c, 'S' | 'Ѕ' | 'E' | 'Е' | '-')) {
            return false;
        }
    }
    let Some(open) = open else { return false };
    // Forward to ')'.
    let mut close = None;
    for (k, c) in text[i..].char_indices() {
        if k > MAX {
            break;
        }
        if c == ')' {
            close = Some(i + k);
            break;
        }
        if !(romanish(c) || matches!(c, 'S' | 'Ѕ' | 'E' | 'Е' | '-')) {
            return false;
        }
    }
    let Some(close) = close else { return false };
    let inner = &text[open + 1..close];
    // Shape: [E]S- prefix optional, then roman letters only.
    let body = match inner.rfind('-') {
        Some(d) => {
            let pre = &inner[..d];
            if !matches!(pre, "S" | "Ѕ" | "ES" | "ЕS" | "EЅ" | "ЕЅ") {
                return false;
            }
            &inner[d + 1..]
        }
        None => inner,
    };
    if body.is_empty() || !body.chars().all(romanish) {
        return false;
    }
    // What stands before '(' : a number or a resolution letter.
    match prev_non_space(text, open) {
        Some((_, c)) if c.is_ascii_digit() => true,
        Some((q, c)) if c.is_ascii_uppercase() || latin_twin(c).is_some() => {
            is_resolution_letter(text, q, c.len_utf8(), 3)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        fold_script(s).text
    }

    #[test]
    fn finds_changes_after_ascii_runs_of_any_length() {
        // The ASCII skip goes eight bytes at a time: every offset counts.
        for k in 0..20 {
            let a = "a".repeat(k);
            let m = fold_script(&format!("{a}\u{a0}b\u{663}"));
            assert_eq!(m.text, format!("{a} b3"), "{k}");
            assert_eq!(m.to_source(k + 2), k + 3, "{k}");
        }
    }

    #[test]
    fn only_characters_that_never_fold_are_passed_over() {
        // (every two-byte character)
        for c in '\u{80}'..='\u{7FF}' {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            if LEAD[b[0] as usize] && !may_fold(b[0], b[1]) {
                assert!(
                    simple(c).is_none() && roman_sign(c).is_none() && latin_twin(c).is_none(),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn folds_table() {
        let cases: &[(&str, &str)] = &[
            ("resolution 72/194", "resolution 72/194"),
            ("القرار ٢٠٤٢ (٢٠١٢)", "القرار 2042 (2012)"),
            ("القرار ۲۰۴۲ (۲۰۱۲)", "القرار 2042 (2012)"),
            ("第２３８７（２０１７）号决议", "第2387(2017)号决议"),
            (
                "第1996(2011)、2046(2012)号决议",
                "第1996(2011)、2046(2012)号决议",
            ),
            ("A／RES／72／194", "A/RES/72/194"),
            ("第72/194，72/284", "第72/194,72/284"),
            (
                "résolution\u{a0}2178\u{202f}(2014)",
                "résolution 2178 (2014)",
            ),
            ("القرار 2042، و 2043", "القرار 2042، و 2043"),
            ("резолюция 217 А (III)", "резолюция 217 A (III)"),
            ("резолюция 217 А (ІІІ)", "резолюция 217 A (III)"),
            (
                "резолюцией 169 (ІІ) Генеральной",
                "резолюцией 169 (II) Генеральной",
            ),
            ("резолюции 41/60 А и В", "резолюции 41/60 A и B"),
            ("3411 А, В и С (ХХХ)", "3411 A, B и C (XXX)"),
            ("резолюция 3362 (Ѕ-VІІ)", "резолюция 3362 (S-VII)"),
            ("резолюция 997 (ЕЅ-І)", "резолюция 997 (ES-I)"),
            // Cyrillic words and letters away from numbers stay.
            ("В 2015 году А и В", "В 2015 году А и В"),
            ("Совет Безопасности (СБ)", "Совет Безопасности (СБ)"),
            ("пункт (С)", "пункт (С)"),
            ("Устав ООН, статья 2 (ХИ)", "Устав ООН, статья 2 (ХИ)"),
            ("resolution 217 Ⅲ", "resolution 217 III"),
        ];
        for (src, want) in cases {
            assert_eq!(&f(src), want, "input {src:?}");
        }
    }

    #[test]
    fn offsets_map_back() {
        let src = "См. резолюцию 217 А (ІІІ) и ٢٠٤٢ (٢٠١٢)\u{a0}и（１）";
        let m = fold_script(src);
        assert_eq!(m.text, "См. резолюцию 217 A (III) и 2042 (2012) и(1)");
        // Every char boundary in the output maps into the source, and each
        // ASCII digit or letter found in the output stands for the same
        // character class in the source.
        for (pos, c) in m.text.char_indices() {
            let s = m.to_source(pos);
            assert!(src.is_char_boundary(s));
            let sc = src[s..].chars().next().unwrap();
            if c.is_ascii_digit() {
                assert!(sc.is_numeric(), "{c} <- {sc}");
            }
            if !c.is_ascii() {
                assert_eq!(c, sc);
            }
        }
        let a = m.text.find("2042").unwrap();
        let (s, e) = (m.to_source(a), m.to_source(a + 4));
        assert_eq!(&src[s..e], "٢٠٤٢");
        let r = m.text.find("(III)").unwrap();
        assert_eq!(&src[m.to_source(r)..m.to_source(r + 5)], "(ІІІ)");
        assert_eq!(m.to_source(m.text.len()), src.len());
    }

    #[test]
    fn idempotent_and_identity() {
        for s in [
            "plain ascii 72/194",
            "第２３８７（２０１７）号决议",
            "резолюция 217 А (ІІІ)",
            "القرار ٢٠٤٢) ٢٠١٢ (و",
            "Convention relative aux droits de l’enfant",
        ] {
            let once = f(s);
            assert_eq!(f(&once), once);
        }
        let s = "Конвенция о правах ребенка 中文 نص";
        let m = fold_script(s);
        assert_eq!(m, Mapped::identity(s));
    }
}
