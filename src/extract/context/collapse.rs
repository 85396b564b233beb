//! White space collapsed: every run of white space (`char::is_whitespace`,
//! or U+200B) as one space, read from bytes, 64 at a time.

/// ASCII white space as `char::is_whitespace` has it: space, `\t`, `\n`,
/// vertical tab, form feed, `\r`.
pub(super) const fn is_ascii_space(c: u8) -> bool {
    c == b' ' || (c >= 0x09 && c <= 0x0d)
}

/// Bytes where [`collapse_range`] looks closer: ASCII white space, and the
/// lead bytes of the multi-byte characters that may be white space or
/// U+200B (C2, E1, E2, E3).
pub(super) const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        t[c] = is_ascii_space(c as u8);
        c += 1;
    }
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// Width of the character at `b[i]` (if any) if it is white space for the passage
/// (`char::is_whitespace`, or U+200B), read from its bytes: U+0085,
/// U+00A0, U+1680, U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000.
pub(super) fn space_width(b: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    let yes = match *b.get(i)? {
        c if c < 0x80 => return is_ascii_space(c).then_some(1),
        0xC2 => return matches!(at(1), 0x85 | 0xA0).then_some(2),
        0xE1 => at(1) == 0x9A && at(2) == 0x80,
        0xE2 => match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(2) == 0x9F,
            _ => false,
        },
        0xE3 => at(1) == 0x80 && at(2) == 0x80,
        _ => false,
    };
    yes.then_some(3)
}

/// Appends `t[from..to]` to `out` with every run of white space as one
/// space (a leading and a trailing run kept as one). `from` and `to` are
/// char boundaries of `t`.
///
/// The text is copied in stretches: a single ASCII space stands as it is,
/// so only the runs that change (a newline and the indent after it,
/// several spaces, a tab, a Unicode space) interrupt the copy. The bytes
/// that may start one are found 64 at a time ([`may_collapse`]), in
/// blocks that may reach past `to` into the rest of `t` (their bits past
/// `to` are dropped), so that a short range costs one block, not a loop
/// over its bytes; each block's candidates are walked from its mask. Only
/// the last 63 bytes of `t` are classed byte by byte.
pub(super) fn collapse_range(out: &mut String, t: &str, from: usize, to: usize) {
    let b = t.as_bytes();
    let mut copied = from;
    let mut base = from;
    while base < to {
        let mut m = if base + 64 <= b.len() {
            may_collapse(b, base)
        } else {
            b[base..]
                .iter()
                .enumerate()
                .fold(0, |m, (k, &c)| m | u64::from(SPECIAL[c as usize]) << k)
        };
        if to - base < 64 {
            m &= (1 << (to - base)) - 1;
        }
        let mut next = base + 64;
        while m != 0 {
            let i = base + m.trailing_zeros() as usize;
            let Some(w) = space_width(b, i) else {
                m &= m - 1; // not white space: the lead byte of another character
                continue;
            };
            // A character that starts before `to` ends by it: its bytes
            // are read whole.
            let mut j = i + w;
            while j < to
                && let Some(w) = space_width(b, j)
            {
                j += w;
            }
            if j == i + 1 && b[i] == b' ' {
                m &= m - 1; // a single space stands
                continue;
            }
            out.push_str(&t[copied..i]);
            out.push(' ');
            copied = j;
            if j - base >= 64 {
                next = j;
                break;
            }
            m &= !0 << (j - base);
        }
        base = next;
    }
    out.push_str(&t[copied..to]);
}

/// The bytes of `b[i..i + 64]` where [`collapse_range`] may have to do
/// more than pass: a superset of the [`SPECIAL`] bytes it acts on
/// (`text::classes::run_starts` with the lead bytes of Unicode spaces).
#[inline(always)]
fn may_collapse(b: &[u8], i: usize) -> u64 {
    const LEADS: [u8; 4] = [0xC2, 0xE1, 0xE2, 0xE3];
    crate::text::classes::run_starts(b, i, &LEADS)
}
