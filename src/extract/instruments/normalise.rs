//! The normalisation applied alike to texts and names before matching
//! (white space, apostrophes, hyphens, Arabic letter forms, digits), with
//! offsets mapped back to the original text.

use super::*;

/// A name normalised like the text it is matched against.
pub(super) fn norm_str(s: &str) -> String {
    let s = s.trim();
    match normalise(s) {
        Some(m) => m.text.trim().to_string(),
        None => s.to_string(),
    }
}

/// What the normaliser does with one character.
pub(super) enum Norm {
    Keep,
    Space,
    Drop,
    To(char),
}

pub(super) fn norm_char(c: char) -> Norm {
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            Norm::Space
        } else {
            Norm::Keep
        };
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => Norm::To('\''),
        '\u{2010}' | '\u{2011}' => Norm::To('-'),
        'ё' => Norm::To('е'),
        'Ё' => Norm::To('Е'),
        'أ' | 'إ' | 'آ' | 'ٱ' => Norm::To('ا'),
        'ى' => Norm::To('ي'),
        '\u{00AD}'
        | '\u{0640}'
        | '\u{064B}'..='\u{0652}'
        | '\u{0670}'
        | '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{202A}'..='\u{202E}' => Norm::Drop,
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Norm::Space,
        _ => match fold::simple(c) {
            Some(' ') => Norm::Space,
            Some(d) => Norm::To(d),
            _ => Norm::Keep,
        },
    }
}

/// Bytes that may start a change: ASCII white space and the lead bytes of
/// the characters [`may_change`] looks at.
pub(super) static CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xCA, 0xD0, 0xD1, 0xD8, 0xD9, 0xDB, 0xE2,
        0xE3, 0xEF,
    ];
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// True when the byte at `i` may start a character that [`norm_char`]
/// changes. Plain ASCII letters, most Cyrillic letters and most Arabic
/// letters are rejected on one or two byte tests (the fast path).
#[inline]
pub(super) fn may_change(b: &[u8], i: usize) -> bool {
    let x = b[i];
    let next = || b.get(i + 1).copied().unwrap_or(0);
    match x {
        b' ' => {
            // A lone space stays; a space before more white space does not.
            let n = next();
            n == b' ' || n == b'\t' || n == b'\n' || n == b'\r' || n >= 0x80
        }
        b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => true,
        0..=0x7F => false,
        0xD0 => next() == 0x81,                              // Ё
        0xD1 => next() == 0x91,                              // ё
        0xD8 => matches!(next(), 0x9C | 0xA2 | 0xA3 | 0xA5), // ALM, آ أ إ
        0xD9 => matches!(next(), 0x80 | 0x89 | 0x8B..=0x92 | 0xA0..=0xA9 | 0xB0 | 0xB1),
        0xC2 | 0xCA | 0xDB | 0xE2 | 0xE3 | 0xEF => true,
        _ => false,
    }
}

/// Normalises `text` for name matching; `None` when nothing changes.
/// Replacements of the same byte length (a line break by a space, `ё` by
/// `е`) keep the offsets linear and cost no map segment.
pub(super) fn normalise(text: &str) -> Option<Mapped> {
    let mut out = Mapped::default();
    normalise_into(text, &mut out).then_some(out)
}

/// [`normalise`] into `out` (reset first, its buffers reused: a scratch
/// map kept from document to document spares allocating, growing and
/// first touching a copy of every text); `false` when nothing changes
/// (`out` then holds nothing of use).
pub(super) fn normalise_into(text: &str, out: &mut Mapped) -> bool {
    normalise_by(text, true, true, out)
}

/// [`normalise_into`], finding the bytes that may change 64 at a time
/// ([`changes`]) when `blocks`, else (and in the last 63 bytes) byte by
/// byte: the same steps either way (a test compares them). `squeeze`: see
/// [`Normaliser::squeeze`] (off only for the tests' oracle of the map).
fn normalise_by(text: &str, blocks: bool, squeeze: bool, out: &mut Mapped) -> bool {
    let b = text.as_bytes();
    let n = b.len();
    out.reset(n);
    let mut norm = Normaliser {
        text,
        out,
        started: false,
        copied: 0,
        squeeze,
    };
    let mut i = 0;
    if blocks {
        // The changes of a block are visited in order; a step may take `i`
        // past some of them (a run of white space), or past the block.
        while i + 64 <= n {
            let base = i;
            let (mut mask, ws) = changes(b, base);
            while mask != 0 {
                let p = base + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if p >= i {
                    // (most lead bytes start a letter that stays, in
                    // Cyrillic and Arabic texts: told here, no call)
                    i = if b[p] < 0x80 {
                        norm.ascii_run_in(p, base, ws)
                    } else if may_change(b, p) {
                        norm.step(p)
                    } else {
                        p + 1
                    };
                }
            }
            i = i.max(base + 64);
        }
    }
    while i < n {
        while i < n && !CANDIDATE[b[i] as usize] {
            i += 1;
        }
        if i >= n {
            break;
        }
        // (most are lone spaces: told here, no call; the names of the
        // table, normalised at start-up, are all such short texts)
        i = if may_change(b, i) {
            norm.step(i)
        } else {
            i + 1
        };
    }
    if !norm.started {
        return false;
    }
    norm.out.push_copy(&text[norm.copied..], norm.copied);
    if norm.copied == n && norm.out.to_source(norm.out.text.len()) != n {
        // (a run squeezed at the end: its end maps to the text's end)
        norm.out.push_replaced("", n, n);
    }
    true
}

/// The bytes of `b[i..i + 64]` that may start a change, as a bit mask: a
/// superset of those [`may_change`] accepts
/// ([`crate::text::classes::run_starts`] with the lead bytes of
/// [`CANDIDATE`]).
#[cfg(test)]
pub(super) fn candidates(b: &[u8], i: usize) -> u64 {
    const LEADS: [u8; 10] = [0xC2, 0xCA, 0xD0, 0xD1, 0xD8, 0xD9, 0xDB, 0xE2, 0xE3, 0xEF];
    crate::text::classes::run_starts(b, i, &LEADS)
}

/// The bytes of `b[i..i + 64]` (which must be in bounds) where a change may
/// start: breaks (tabs, line breaks, form feeds), a space before white
/// space or a non-ASCII byte (or ending the block), and the lead bytes of
/// the characters [`may_change`] looks at; but not a byte that goes on a
/// run of white space (white space after a break or a space: the run's
/// first byte takes it in; a space before a form feed passes it on to it,
/// see [`Normaliser::ascii_run_in`]). Unlike [`candidates`], each run is
/// visited once, not at all its control bytes.
/// Also the block's white space (spaces and breaks), for the runs.
#[inline(always)]
fn changes(b: &[u8], i: usize) -> (u64, u64) {
    const LEADS: [u8; 10] = [0xC2, 0xCA, 0xD0, 0xD1, 0xD8, 0xD9, 0xDB, 0xE2, 0xE3, 0xEF];
    let (space, breaks, high) = crate::text::classes::white_space(b, i);
    let lead = if high == 0 {
        0
    } else {
        crate::text::classes::any_of(b, i, &LEADS)
    };
    let ws = space | breaks;
    let next = ((ws | high) >> 1) | (1 << 63);
    let before = if i == 0 { 0 } else { b[i - 1] };
    let after_break = (breaks << 1) | u64::from(matches!(before, b'\t' | b'\n' | b'\r' | 0x0C));
    let after_space = (space << 1) | u64::from(before == b' ');
    let inside = after_break | (after_space & ws);
    (((breaks | (space & next)) & !inside) | lead, ws)
}

/// The state of a [`normalise`] run: the text so far, and how much of the
/// source is in it.
struct Normaliser<'a> {
    text: &'a str,
    /// The rewrite, once a change is met (`started`).
    out: &'a mut Mapped,
    started: bool,
    /// Source bytes up to here are in `out`.
    copied: usize,
    /// Runs of white space that start with a space are squeezed
    /// ([`Normaliser::squeeze`]), not replaced.
    squeeze: bool,
}

impl Normaliser<'_> {
    /// Appends `rep` for the source range `s..e`. Inlined: the block loop
    /// calls it for a million runs of white space in a corpus.
    #[inline(always)]
    fn put(&mut self, s: usize, e: usize, rep: &str) {
        self.start();
        let m = &mut *self.out;
        m.push_copy(&self.text[self.copied..s], self.copied);
        if rep.len() == e - s {
            m.push_copy(rep, s);
        } else {
            m.push_replaced(rep, s, e);
        }
        self.copied = e;
    }

    /// Notes the first change (the rewrite's buffer is sized then).
    #[inline(always)]
    fn start(&mut self) {
        if !self.started {
            self.started = true;
            self.out.text.reserve(self.text.len());
        }
    }

    /// Rewrites the run of white space `s..e` (two bytes at least), which
    /// starts with a space, as that space: the space goes with the copy
    /// before it, and the rest of the run is skipped (the next copy opens a
    /// segment at `e`). Every offset maps to the source as after
    /// [`Normaliser::put`]`(s, e, " ")`, with one map segment instead of two
    /// and no byte written but the copy's: most changes are such runs (the
    /// space and line break that end a line, runs of layout spaces).
    #[inline(always)]
    fn squeeze(&mut self, s: usize, e: usize) {
        if !self.squeeze {
            return self.put(s, e, " ");
        }
        self.start();
        self.out
            .push_copy(&self.text[self.copied..s + 1], self.copied);
        self.copied = e;
    }

    /// A run of white space `s..e` (not joining a word split across lines)
    /// rewritten as one space, when it is not one already.
    #[inline(always)]
    fn space_run(&mut self, s: usize, e: usize) {
        let b = self.text.as_bytes();
        if b[s] == b' ' {
            if e - s > 1 {
                self.squeeze(s, e);
            }
        } else {
            self.put(s, e, " ");
        }
    }

    /// [`Normaliser::step`]'s fast path, inline: a run of ASCII white space
    /// at `i` followed by an ASCII byte or the end, rewritten in the block
    /// loop (no call of `step`, no decoding of a character); the offset to
    /// go on from, or `None` for anything else (left to `step`).
    #[inline(always)]
    fn ascii_run(&mut self, i: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let n = b.len();
        if !is_ascii_space(b[i]) {
            return None;
        }
        if b[i] == b' ' {
            // A space starts a run only before one of these ([`may_change`]:
            // not before a form feed, which starts a run of its own).
            match b.get(i + 1) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => {}
                Some(&x) if x >= 0x80 => return None,
                _ => return Some(i + 1),
            }
        }
        let mut j = i + 1;
        // (runs of layout spaces are long: eight at a time first)
        while j + 8 <= n && b[j..j + 8] == *b"        " {
            j += 8;
        }
        while j < n && is_ascii_space(b[j]) {
            j += 1;
        }
        if j < n && b[j] >= 0x80 {
            return None;
        }
        let joins = i > 0 && b[i - 1] == b'-' && b[i..j].contains(&b'\n');
        if joins {
            self.put(i, j, "");
        } else {
            self.space_run(i, j);
        }
        Some(j)
    }

    /// [`Normaliser::ascii_run`] at `i` (an ASCII byte of the block at
    /// `base`, where [`changes`] found one may start), the run's end found
    /// from the block's white space `ws`, and anything else left to
    /// [`Normaliser::step`]: the offset to go on from.
    #[inline(always)]
    fn ascii_run_in(&mut self, i: usize, base: usize, ws: u64) -> usize {
        let b = self.text.as_bytes();
        let n = b.len();
        let x = b[i];
        if !is_ascii_space(x) {
            return self.step(i);
        }
        if x == b' ' {
            // A space starts a run only before one of these ([`may_change`]:
            // not before a form feed, which starts a run of its own).
            match b.get(i + 1) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => {}
                // (the form feed starts a run of its own, which [`changes`]
                // leaves to this space)
                Some(0x0C) => return self.step(i + 1),
                // (a lone space before a character that stays, as before
                // nearly every word of a Cyrillic or Arabic text: as `step`
                // finds, without decoding it)
                Some(&y) if y >= 0x80 && !may_change(b, i + 1) => return i + 1,
                Some(&y) if y >= 0x80 => return self.step(i),
                _ => return i + 1,
            }
        }
        let k = i - base;
        let len = (!(ws >> k)).trailing_zeros() as usize;
        let mut j = i + len;
        if k + len == 64 {
            // (the run goes on past the block)
            while j + 8 <= n && b[j..j + 8] == *b"        " {
                j += 8;
            }
            while j < n && is_ascii_space(b[j]) {
                j += 1;
            }
        }
        if j < n && b[j] >= 0x80 {
            return self.step(i);
        }
        let joins = i > 0 && b[i - 1] == b'-' && b[i..j].contains(&b'\n');
        if joins {
            self.put(i, j, "");
        } else {
            self.space_run(i, j);
        }
        j
    }

    /// Normalises what starts at `i` (a byte in [`CANDIDATE`], or one that
    /// [`may_change`] rejects): the offset to go on from.
    fn step(&mut self, i: usize) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        if !may_change(b, i) {
            return i + 1;
        }
        // A run of ASCII white space that no other character follows: the
        // same as below, faster.
        if let Some(j) = self.ascii_run(i) {
            return j;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        match norm_char(c) {
            Norm::Keep => i + len,
            Norm::Space => {
                // The whole run of spaces and dropped marks.
                let mut j = i;
                for (k, c2) in text[i..].char_indices() {
                    match norm_char(c2) {
                        Norm::Space | Norm::Drop => j = i + k + c2.len_utf8(),
                        _ => break,
                    }
                }
                // A line break after a hyphen joins a word split across
                // lines ("Non-\nProliferation" → "Non-Proliferation").
                let rep = if i > 0 && b[i - 1] == b'-' && text[i..j].contains('\n') {
                    ""
                } else {
                    " "
                };
                if &text[i..j] != rep {
                    self.put(i, j, rep);
                }
                j
            }
            Norm::Drop => {
                self.put(i, i + len, "");
                i + len
            }
            Norm::To(r) => {
                let mut buf = [0u8; 4];
                self.put(i, i + len, r.encode_utf8(&mut buf));
                i + len
            }
        }
    }
}

/// ASCII white space as [`norm_char`] sees it (`char::is_ascii_whitespace`:
/// not the vertical tab).
#[inline]
pub(super) fn is_ascii_space(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of texts: white space runs, words, characters that change.
    fn pieces() -> impl proptest::strategy::Strategy<Value = Vec<&'static str>> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a",
                "Convention",
                " ",
                "  ",
                "\n",
                " \n",
                "\t",
                "\r",
                "-",
                "-\n",
                "\x0B",
                "é",
                "’",
                "\u{a0}",
                "ё",
                "Ё",
                "9",
                "~",
                "\u{ad}",
                "\u{200b}",
                "أ",
                "ى",
                "\u{64b}",
                "\u{2028}",
                "\u{ff11}",
                "中",
                "\u{3000}",
                "ж",
                "\x0C",
            ]),
            0..200,
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// The 64-byte candidate masks take the same steps as the byte scan.
        #[test]
        fn blocks_normalise_as_bytes_do(parts in pieces()) {
            let text: String = parts.concat();
            // (`a` first holds another text: a scratch map reused gives
            // what a new one gives)
            let (mut a, mut b) = (Mapped::default(), Mapped::default());
            normalise_by(&format!("  {text}\n\n -\n x{text}"), true, true, &mut a);
            let (ca, cb) = (
                normalise_by(&text, true, true, &mut a),
                normalise_by(&text, false, true, &mut b),
            );
            proptest::prop_assert_eq!(ca, cb, "{:?}", text);
            if ca {
                proptest::prop_assert_eq!(a, b, "{:?}", text);
            }
        }

        /// Squeezed runs map every offset as runs replaced by a space do.
        #[test]
        fn squeezed_runs_map_as_replaced_ones(parts in pieces()) {
            let text: String = parts.concat();
            let (mut a, mut b) = (Mapped::default(), Mapped::default());
            let (ca, cb) = (
                normalise_by(&text, true, true, &mut a),
                normalise_by(&text, true, false, &mut b),
            );
            proptest::prop_assert_eq!(ca, cb, "{:?}", text);
            if ca {
                proptest::prop_assert_eq!(&a.text, &b.text, "{:?}", text);
                for p in 0..=a.text.len() {
                    proptest::prop_assert_eq!(a.to_source(p), b.to_source(p), "{:?} {}", text, p);
                }
            }
        }
    }
}
