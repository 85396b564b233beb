//! Seeded choice of pivot nodes for the sampled measures.
//!
//! A fixed generator (splitmix64) rather than the `rand` crate: the same
//! seed picks the same pivots on every platform and every version of the
//! dependencies, so sampled results are reproducible.

/// splitmix64: a tiny, well-mixed 64-bit generator.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..bound` (`bound > 0`), without modulo bias
    /// worth speaking of for graph sizes (Lemire's multiply-shift).
    pub fn below(&mut self, bound: usize) -> usize {
        ((self.next_u64() as u128 * bound as u128) >> 64) as usize
    }
}

/// `k` distinct nodes out of `0..n` (all of them when `k >= n`), chosen by a
/// partial Fisher–Yates shuffle seeded with `seed`, returned ascending.
pub(crate) fn pivots(n: usize, k: usize, seed: u64) -> Vec<u32> {
    let mut all: Vec<u32> = (0..n as u32).collect();
    if k < n {
        let mut rng = SplitMix64::new(seed);
        for i in 0..k {
            let j = i + rng.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all.sort_unstable();
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pivots_are_distinct_reproducible_and_sorted() {
        let a = pivots(1000, 50, 7);
        assert_eq!(a, pivots(1000, 50, 7));
        assert_ne!(a, pivots(1000, 50, 8));
        assert_eq!(a.len(), 50);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(pivots(5, 10, 1), vec![0, 1, 2, 3, 4]);
        assert!(pivots(0, 3, 1).is_empty());
    }
}
