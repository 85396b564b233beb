//! Text rewritten for matching, with a map back to the original offsets.
//!
//! Cleaning steps (HTML tag stripping, entity decoding, NFC normalisation,
//! digit and width folding, markdown link removal) change byte offsets, but
//! every citation must report where it stands in the file. A [`Mapped`] text
//! keeps, beside the rewritten string, the list of points where it was cut
//! and glued, so that any offset in the rewritten text maps back to an offset
//! in the source in `O(log n)`.

/// The pieces one after the other, in a string of their size: what
/// `format!` makes of strings (and of numbers formatted with `itoa`),
/// without its machinery. Ids, dates and paragraph labels are made a
/// hundred thousand times over a corpus, where `format!` cost a tenth of
/// the work of making the record around them.
pub fn concat(pieces: &[&str]) -> String {
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        s.push_str(p);
    }
    s
}

/// A rewritten text and the map of its offsets back to the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    /// The rewritten text.
    pub text: String,
    /// Segment starts: `(offset in text, offset in source, copied)`. Inside a
    /// copied segment offsets advance together; inside a replaced one, every
    /// offset maps to the segment's source start (or its end for the end
    /// boundary).
    segs: Vec<(usize, usize, bool)>,
    /// Source length, for mapping the end of the text.
    src_len: usize,
}

impl Mapped {
    /// The identity mapping of `src`.
    pub fn identity(src: &str) -> Self {
        Mapped {
            text: src.to_string(),
            segs: vec![(0, 0, true)],
            src_len: src.len(),
        }
    }

    /// Whether this is the identity map of its source (the text is the
    /// source, unchanged).
    pub fn is_identity(&self) -> bool {
        self.segs == [(0, 0, true)] && self.text.len() == self.src_len
    }

    /// Starts an empty rewrite of a source of `src_len` bytes.
    pub fn builder(src_len: usize, capacity: usize) -> Self {
        Mapped {
            text: String::with_capacity(capacity),
            segs: Vec::new(),
            src_len,
        }
    }

    /// Empties this map for a rewrite of a source of `src_len` bytes,
    /// keeping its buffers (a scratch map reused from text to text).
    pub fn reset(&mut self, src_len: usize) {
        self.text.clear();
        self.segs.clear();
        self.src_len = src_len;
    }

    /// Bytes held by this map's buffers (text and segments).
    pub fn capacity_bytes(&self) -> usize {
        self.text.capacity() + self.segs.capacity() * std::mem::size_of::<(usize, usize, bool)>()
    }

    /// Appends `s`, which stands for the source bytes starting at
    /// `src_start`, copied byte for byte. (Inlined, as [`Mapped::push_replaced`]
    /// is: the instruments' normaliser calls both for each of the ~400,000
    /// runs of white space of the GA documents; out of line, the calls
    /// cost 17 M instructions of their 1,955 M.)
    #[inline(always)]
    pub fn push_copy(&mut self, s: &str, src_start: usize) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        match self.segs.last() {
            Some(&(t, o, true)) if o + (at - t) == src_start => {}
            _ => self.segs.push((at, src_start, true)),
        }
        self.text.push_str(s);
    }

    /// Appends `s` as a replacement for the source range
    /// `src_start..src_end` (which may be empty or longer than `s`).
    #[inline(always)]
    pub fn push_replaced(&mut self, s: &str, src_start: usize, src_end: usize) {
        let at = self.text.len();
        self.segs.push((at, src_start, false));
        // (A one-byte replacement — the space for a run of white space, a
        // million times in a corpus — is one byte written, not a copy.)
        match *s.as_bytes() {
            [b] => self.text.push(char::from(b)),
            _ => self.text.push_str(s),
        }
        // Mark where the source resumes, so the end boundary maps to src_end.
        self.segs.push((self.text.len(), src_end, true));
    }

    /// Maps an offset in the rewritten text to the source.
    pub fn to_source(&self, pos: usize) -> usize {
        if self.segs.is_empty() {
            return pos.min(self.src_len);
        }
        let i = match self.segs.binary_search_by(|s| s.0.cmp(&pos)) {
            Ok(i) => {
                // Several segments may start at the same offset; take the last.
                let mut j = i;
                while j + 1 < self.segs.len() && self.segs[j + 1].0 == pos {
                    j += 1;
                }
                j
            }
            Err(0) => return 0,
            Err(i) => i - 1,
        };
        let (t, o, copied) = self.segs[i];
        let r = if copied { o + (pos - t) } else { o };
        r.min(self.src_len)
    }

    /// Where the plain copy holding `pos` ends: the offset of the next
    /// segment when `pos` lies in a copied segment (offsets advance together
    /// with the source up to there), else `pos` itself.
    pub fn copied_until(&self, pos: usize) -> usize {
        if self.segs.is_empty() {
            return self.text.len();
        }
        let i = match self.segs.binary_search_by(|s| s.0.cmp(&pos)) {
            Ok(i) => {
                let mut j = i;
                while j + 1 < self.segs.len() && self.segs[j + 1].0 == pos {
                    j += 1;
                }
                j
            }
            Err(0) => return pos,
            Err(i) => i - 1,
        };
        if !self.segs[i].2 {
            return pos;
        }
        self.segs.get(i + 1).map_or(self.text.len(), |s| s.0)
    }

    /// Composes two rewrites: `self` rewrote a text that `inner` had
    /// rewritten from the source; the result maps straight to the source.
    pub fn map_through(&self, inner: &Mapped, pos: usize) -> usize {
        inner.to_source(self.to_source(pos))
    }
}

/// The lines of `text`, each with its `\n` (the last one without, when the
/// text does not end with one): `text.split_inclusive('\n')`, found with
/// the `memchr` crate's vectorised search. The standard one looks for a
/// `char` and, on lines as short as a document's, falls back to a byte-by-
/// byte search: it was most of the cost of reading a document's paragraphs.
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |p| at + p + 1);
        let line = &text[at..end];
        at = end;
        Some(line)
    })
}

pub(crate) mod swar;

pub(crate) mod classes;

/// Line numbers of byte offsets asked for in (mostly) increasing order, as
/// citations are: the line breaks are counted from the last offset asked
/// for, so a document is read once up to its last citation, and no index of
/// its lines is built.
#[derive(Debug, Clone)]
pub struct LineCounter<'a> {
    text: &'a [u8],
    /// The last offset asked for, and the line breaks before it.
    at: usize,
    breaks: usize,
}

impl<'a> LineCounter<'a> {
    /// Counts the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            breaks: 0,
        }
    }

    /// 1-based line of a byte offset: one more than the line breaks before it.
    pub fn line_of(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.text.len());
        let count = |s: &[u8]| memchr::memchr_iter(b'\n', s).count();
        if pos >= self.at {
            self.breaks += count(&self.text[self.at..pos]);
        } else {
            self.breaks -= count(&self.text[pos..self.at]);
        }
        self.at = pos;
        self.breaks + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back() {
        // source: "a&amp;b<i>c</i>"
        let src = "a&amp;b<i>c</i>";
        let mut m = Mapped::builder(src.len(), 8);
        m.push_copy("a", 0);
        m.push_replaced("&", 1, 6);
        m.push_copy("b", 6);
        m.push_replaced(" ", 7, 10);
        m.push_copy("c", 10);
        m.push_replaced("", 11, 15);
        assert_eq!(m.text, "a&b c");
        assert_eq!(m.to_source(0), 0);
        assert_eq!(m.to_source(1), 1);
        assert_eq!(m.to_source(2), 6);
        assert_eq!(m.to_source(4), 10);
        assert_eq!(m.to_source(5), 15);
    }

    #[test]
    fn lines_inclusive_is_split_inclusive() {
        for t in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\n\nb\n",
            "é\nü\n\n",
            "\na",
        ] {
            let want: Vec<&str> = t.split_inclusive('\n').collect();
            let got: Vec<&str> = lines_inclusive(t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lines_inclusive_agrees(t in "[a\n é\r]{0,40}") {
            let want: Vec<&str> = t.split_inclusive('\n').collect();
            let got: Vec<&str> = lines_inclusive(&t).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn lines() {
        let t = "a\nbc\n\nd";
        let want = |p: usize| {
            t.as_bytes()[..p.min(t.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1
        };
        // in any order of offsets, and past the end
        let mut c = LineCounter::new(t);
        for p in [0, 1, 2, 5, 6, 3, 7, 0, 7, 4, 99] {
            assert_eq!(c.line_of(p), want(p), "{p}");
        }
        let mut c = LineCounter::new(t);
        assert_eq!([0, 2, 5, 6].map(|p| c.line_of(p)), [1, 2, 3, 4]);
    }
}
