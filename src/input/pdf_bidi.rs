//! Right-to-left lines of poppler's layout text back to logical order.
//!
//! In physical layout mode poppler writes a right-to-left line (Arabic) as
//! RLE … PDF with its right-to-left words in logical order, but each
//! left-to-right stretch inside it (numbers, Latin symbols, with the
//! punctuation around them) wrapped in LRE … PDF and in *visual* order:
//! "قراري مجلس الأمن 2178 (2014)" comes out as `… الأمن LRE )2014( 2178 PDF`.
//! [`logical_order`] undoes the visual order of those stretches, following
//! the Unicode bidirectional algorithm for a right-to-left paragraph with
//! left-to-right runs (level 2) inside: the stretch is cut into runs — Latin
//! runs (a Latin letter through the last Latin letter or digit before the
//! next right-to-left letter, as rule W7 makes digits after Latin letters
//! Latin), number runs (digits joined by one separator: `72/194`, `1,000`)
//! and single neutral characters — whose order is reversed. The directional
//! marks are then removed. Lines without LRE are left alone.
//!
//! Visual order does not always say what the logical order was (`1 October
//! 2025` and `October 2025 1` look the same in a right-to-left line): such a
//! stretch is read as one Latin run. Numbers and symbols, what citations are
//! made of, always come out right.

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';

/// Puts the right-to-left lines of `text` in logical order and removes the
/// directional embedding marks (U+202A–U+202E) poppler adds.
pub(super) fn logical_order(text: &str) -> String {
    if !text.contains([LRE, RLE]) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        fix_line(line, &mut out);
    }
    out
}

fn is_mark(c: char) -> bool {
    ('\u{202A}'..='\u{202E}').contains(&c)
}

fn fix_line(line: &str, out: &mut String) {
    let mut rest = line;
    while let Some(i) = rest.find(LRE) {
        out.extend(rest[..i].chars().filter(|&c| !is_mark(c)));
        let after = &rest[i + LRE.len_utf8()..];
        let end = after.find(PDF).unwrap_or(after.len());
        let seg: Vec<char> = after[..end].chars().filter(|&c| !is_mark(c)).collect();
        visual_to_logical(&seg, out);
        rest = &after[(end + PDF.len_utf8()).min(after.len())..];
    }
    out.extend(rest.chars().filter(|&c| !is_mark(c)));
}

/// Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo and their
/// presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && c.is_alphabetic()
}

fn is_latin(c: char) -> bool {
    c.is_alphabetic() && !is_rtl(c)
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '/' | '.' | ',' | ':' | '-' | '+' | '\u{2010}'..='\u{2013}'
    )
}

/// Writes the logical order of `seg`, a left-to-right stretch in visual
/// order inside a right-to-left line.
fn visual_to_logical(seg: &[char], out: &mut String) {
    let mut items: Vec<&[char]> = Vec::new();
    let mut i = 0;
    while i < seg.len() {
        let c = seg[i];
        let end = if is_latin(c) {
            // Through the last Latin letter or digit before the next
            // right-to-left letter.
            let stop = seg[i..]
                .iter()
                .position(|&c| is_rtl(c))
                .map_or(seg.len(), |p| i + p);
            let mut end = (i..stop)
                .rev()
                .find(|&k| is_latin(seg[k]) || seg[k].is_numeric())
                .map_or(i + 1, |k| k + 1);
            // A bracket opened in the run is closed in it (rule N0).
            let open = |r: &[char]| {
                let n = |b| r.iter().filter(|&&c| c == b).count();
                n('(') > n(')')
            };
            while end < stop && seg[end] == ')' && open(&seg[i..end]) {
                end += 1;
            }
            end
        } else if c.is_numeric() {
            let mut k = i + 1;
            while k < seg.len() {
                if seg[k].is_numeric() || seg[k] == '%' {
                    k += 1;
                } else if is_separator(seg[k]) && seg.get(k + 1).is_some_and(|d| d.is_numeric()) {
                    k += 2;
                } else {
                    break;
                }
            }
            k
        } else {
            i + 1
        };
        items.push(&seg[i..end]);
        i = end;
    }
    for item in items.iter().rev() {
        out.extend(item.iter());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        logical_order(s)
    }

    #[test]
    fn numbers_in_arabic_lines() {
        // As poppler prints the Chromium-made Arabic fixture.
        let line = "\u{202b}قراري مجلس الأمن \u{202a} )2014( 2178\u{202c}و \u{202a}\u{60c})2017( 2396\u{202c}\u{202c}";
        assert_eq!(
            fix(line),
            "قراري مجلس الأمن 2178 (2014) و 2396 (2017)\u{60c}"
        );
        let line = "\u{202b}إذ تشير إلى قراراتها \u{202a} 72/194\u{202c}و \u{202a}\u{60c}73/174\u{202c}\u{202c}";
        assert_eq!(fix(line), "إذ تشير إلى قراراتها 72/194 و 73/174\u{60c}");
        let line = "\u{202b}\u{202a} 1\u{202c}القرار \u{202a} 217\u{202c}ألف (د\u{202a}.)3-\u{202c}\u{202c}";
        assert_eq!(fix(line), "1 القرار 217 ألف (د-3).");
    }

    #[test]
    fn latin_runs_keep_their_order() {
        let line = "\u{202b}\u{202a}A/C.3/80/L.99\u{202c}\u{202c}";
        assert_eq!(fix(line), "A/C.3/80/L.99");
        let line = "\u{202b}انظر \u{202a}.S/RES/2178 (2014)\u{202c}\u{202c}";
        assert_eq!(fix(line), "انظر S/RES/2178 (2014).");
        assert_eq!(fix("plain 72/194 (2014)\n"), "plain 72/194 (2014)\n");
    }
}
