//! A fixed-size bit set: the "seen" marks of breadth-first searches.
//!
//! One bit per node keeps a million-node search's marks in 128 KiB, small
//! enough to stay in a core's cache while the search jumps around the graph;
//! a `u32` distance per node would take 4 MiB and miss on most arcs.

/// `n` bits, all clear at first.
#[derive(Debug, Clone)]
pub(crate) struct BitSet(Vec<u64>);

impl BitSet {
    /// A set able to hold `0..n`, empty.
    pub fn new(n: usize) -> Self {
        BitSet(vec![0; n.div_ceil(64)])
    }

    /// Whether `i` is in the set.
    #[inline]
    pub fn contains(&self, i: usize) -> bool {
        self.0[i >> 6] & (1 << (i & 63)) != 0
    }

    /// Adds `i`; returns true if it was not there yet.
    #[inline]
    pub fn insert(&mut self, i: usize) -> bool {
        let w = &mut self.0[i >> 6];
        let bit = 1 << (i & 63);
        let fresh = *w & bit == 0;
        *w |= bit;
        fresh
    }

    /// Removes `i`.
    #[inline]
    pub fn remove(&mut self, i: usize) {
        self.0[i >> 6] &= !(1 << (i & 63));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_contains_remove() {
        let mut s = BitSet::new(130);
        assert!(s.insert(129));
        assert!(!s.insert(129));
        assert!(s.contains(129) && !s.contains(128));
        s.remove(129);
        assert!(!s.contains(129));
        assert!(s.insert(0) && s.insert(64));
    }
}
