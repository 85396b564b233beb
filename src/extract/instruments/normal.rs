//! A text normalised for name matching and the map of its offsets back to
//! the source: the segments of [`crate::text::Mapped`], built the same way
//! and mapped back the same way (a test replays random rewrites on both).
//!
//! Why a copy: the normaliser appends a space and two segments for every
//! run of white space (a run every 60 bytes of a document, 400,000 in the
//! GA documents); `Mapped`'s out-of-line appends, written for every
//! rewrite of the code base, cost a third of the normalisation. Here they
//! are inlined into the normaliser's loop.

/// The normalised text and its segments (see [`crate::text::Mapped`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Normal {
    /// The normalised text.
    pub(super) text: String,
    /// Segment starts: `(offset in text, offset in source, copied)`. Inside a
    /// copied segment offsets advance together; inside a replaced one, every
    /// offset maps to the segment's source start (or its end for the end
    /// boundary).
    segs: Vec<(usize, usize, bool)>,
    /// Source length, for mapping the end of the text.
    src_len: usize,
}

impl Normal {
    /// Empties this map for a rewrite of a source of `src_len` bytes,
    /// keeping its buffers (a scratch map reused from text to text).
    pub(super) fn reset(&mut self, src_len: usize) {
        self.text.clear();
        self.segs.clear();
        self.src_len = src_len;
    }

    /// Bytes held by the buffers (text and segments).
    pub(super) fn capacity_bytes(&self) -> usize {
        self.text.capacity() + self.segs.capacity() * std::mem::size_of::<(usize, usize, bool)>()
    }

    /// Appends `s`, the source bytes from `src_start` copied byte for byte
    /// ([`crate::text::Mapped::push_copy`]).
    #[inline(always)]
    pub(super) fn push_copy(&mut self, s: &str, src_start: usize) {
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

    /// Appends `s` for the source range `src_start..src_end`
    /// ([`crate::text::Mapped::push_replaced`]).
    #[inline(always)]
    pub(super) fn push_replaced(&mut self, s: &str, src_start: usize, src_end: usize) {
        let at = self.text.len();
        self.segs.push((at, src_start, false));
        match *s.as_bytes() {
            [b] => self.text.push(char::from(b)),
            _ => self.text.push_str(s),
        }
        // Where the source resumes, so the end boundary maps to src_end.
        self.segs.push((self.text.len(), src_end, true));
    }

    /// Maps an offset in the normalised text to the source
    /// ([`crate::text::Mapped::to_source`]).
    pub(super) fn to_source(&self, pos: usize) -> usize {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Mapped;
    use proptest::prelude::*;

    proptest! {
        /// Any sequence of copies and replacements maps every offset back
        /// as `Mapped` does.
        #[test]
        fn maps_back_as_mapped_does(ops in proptest::collection::vec(
            (0usize..3, 0usize..4, 0usize..4),
            0..30,
        )) {
            let src = "abcdefghijklmnopqrstuvwxyz".repeat(8);
            let mut n = Normal::default();
            n.reset(src.len());
            let mut m = Mapped::builder(src.len(), 0);
            let mut at = 0;
            for (kind, len, rep) in ops {
                let end = (at + len).min(src.len());
                let rep = &" xyz"[..rep];
                if kind == 0 {
                    n.push_copy(&src[at..end], at);
                    m.push_copy(&src[at..end], at);
                } else {
                    n.push_replaced(rep, at, end);
                    m.push_replaced(rep, at, end);
                }
                at = end;
            }
            prop_assert_eq!(&n.text, &m.text);
            for p in 0..=n.text.len() + 1 {
                prop_assert_eq!(n.to_source(p), m.to_source(p), "{}", p);
            }
        }
    }
}
