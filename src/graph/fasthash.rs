//! A small, fast, non-cryptographic hasher for interning ids while loading
//! large edge lists.
//!
//! The standard library's SipHash resists hash flooding, which costs about
//! twice the time per key; ids from a local file do not need that
//! protection, and the edge-list loader hashes ten million of them. This is
//! the multiply–rotate scheme of rustc's `FxHasher` with a final mixing
//! step, written here rather than pulled in as a dependency for a dozen
//! lines.

use std::hash::{BuildHasherDefault, Hasher};

/// `HashMap` builder using [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// Multiply–rotate hasher, 8 bytes at a time.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while bytes.len() >= 8 {
            self.add(u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes")));
            bytes = &bytes[8..];
        }
        if bytes.len() >= 4 {
            self.add(u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes")) as u64);
            bytes = &bytes[4..];
        }
        for &b in bytes {
            self.add(b as u64);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits poorly mixed (short numeric ids
        // then collide in hashbrown's low-bit buckets); one xor-shift
        // multiply round spreads the high bits down.
        let h = self.hash ^ (self.hash >> 32);
        h.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (h >> 29)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn interns() {
        let mut m: HashMap<&[u8], u32, FxBuild> = HashMap::default();
        for (i, k) in ["a", "ab", "abcdefghi", "A/RES/72/194", "a"]
            .iter()
            .enumerate()
        {
            m.entry(k.as_bytes()).or_insert(i as u32);
        }
        assert_eq!(m.len(), 4);
        assert_eq!(m[b"a".as_slice()], 0);
    }
}
