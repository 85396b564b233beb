//! Numbering the ids of an edge list as they come, fast.
//!
//! Ten million rows mean twenty million look-ups in a table of a million
//! ids: the cost is cache misses, not hashing. So the table is a compact
//! open-addressing array of 32-byte slots (linear probing, at most half
//! full) that holds, beside each id's number, either the id itself when it
//! fits in 24 bytes (numeric ids and UN symbols such as `A/RES/31/123456`
//! or `S/RES/2178(2014)`: no other memory is touched to confirm a match) or
//! its 64-bit hash (then the id's bytes are compared once, on a hash
//! match). A general-purpose map (hashbrown) with a key struct was about
//! twice as slow here: its entries were 64 bytes.

use super::fasthash::FxHasher;
use std::borrow::Cow;
use std::hash::Hasher;

/// One table slot; `id == 0` marks an empty slot, else it is number + 1.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The id's bytes (zero-padded) when `len <= INLINE`, else its hash
    /// in the first word.
    word: [u64; 3],
    /// Id number + 1 (0 = empty).
    id: u32,
    /// Id length in bytes.
    len: u32,
}

/// An id's slot word and hash, computed once.
#[derive(Debug, Clone, Copy)]
pub struct Prepared {
    word: [u64; 3],
    hash: u64,
}

/// Gives each distinct id a number, in first-seen order.
pub struct Interner<'a> {
    slots: Vec<Slot>,
    mask: usize,
    order: Vec<Cow<'a, [u8]>>,
}

impl Default for Interner<'_> {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// Ids up to this many bytes are held in their slot.
const INLINE: usize = 24;

/// The slot words of `bytes` and the hash that picks its home slot.
fn word_and_hash(bytes: &[u8]) -> ([u64; 3], u64) {
    if bytes.len() <= INLINE {
        let mut b = [0u8; INLINE];
        b[..bytes.len()].copy_from_slice(bytes);
        let w = |i: usize| u64::from_le_bytes(b[8 * i..8 * i + 8].try_into().expect("8 bytes"));
        let word = [w(0), w(1), w(2)];
        // Mix the packed bytes so that sequential numbers spread out.
        let mut h = bytes.len() as u64;
        for x in word {
            h = (h.rotate_left(5) ^ x ^ (x >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
        (word, h ^ (h >> 32))
    } else {
        let h = hash(bytes);
        ([h, 0, 0], h)
    }
}

impl<'a> Interner<'a> {
    /// An interner with room for about `n` ids before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let size = (n.max(8) * 2).next_power_of_two();
        Interner {
            slots: vec![Slot::default(); size],
            mask: size - 1,
            order: Vec::with_capacity(n),
        }
    }

    /// The slot word and hash of `id`, to [`Interner::touch`] its slot
    /// ahead of [`Interner::intern_prepared`].
    pub fn prepare(&self, id: &[u8]) -> Prepared {
        let (word, hash) = word_and_hash(id);
        Prepared { word, hash }
    }

    /// Reads the home slot of a prepared id and, when it holds a long id,
    /// the first bytes of that id (bringing both into cache, so that the
    /// comparison in [`Interner::intern_prepared`] does not wait for memory);
    /// returns a value to keep the reads from being optimised away.
    pub fn touch(&self, p: &Prepared) -> u64 {
        let s = self.slots[p.hash as usize & self.mask];
        if s.id != 0 && s.len as usize > INLINE {
            s.word[0] ^ self.order[s.id as usize - 1][0] as u64
        } else {
            s.word[0]
        }
    }

    /// The number of `id`, numbering it when new.
    pub fn intern(&mut self, id: Cow<'a, [u8]>) -> u32 {
        let p = self.prepare(&id);
        self.intern_prepared(id, p)
    }

    /// [`Interner::intern`] with the hash already computed by
    /// [`Interner::prepare`] for these same bytes.
    pub fn intern_prepared(&mut self, id: Cow<'a, [u8]>, p: Prepared) -> u32 {
        let Prepared { word, hash: h } = p;
        let len = id.len() as u32;
        let mut i = h as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.id == 0 {
                break;
            }
            if s.word == word
                && s.len == len
                && (len as usize <= INLINE || *self.order[s.id as usize - 1] == *id)
            {
                return s.id - 1;
            }
            i = (i + 1) & self.mask;
        }
        let n = self.order.len() as u32;
        self.slots[i] = Slot {
            word,
            id: n + 1,
            len,
        };
        self.order.push(id);
        if self.order.len() * 2 > self.slots.len() {
            self.grow();
        }
        n
    }

    /// The number of `id`, if it was interned (reads only: several threads
    /// may look up at once).
    pub fn get(&self, id: &[u8]) -> Option<u32> {
        let (word, h) = word_and_hash(id);
        let len = id.len() as u32;
        let mut i = h as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.id == 0 {
                return None;
            }
            if s.word == word
                && s.len == len
                && (len as usize <= INLINE || *self.order[s.id as usize - 1] == *id)
            {
                return Some(s.id - 1);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Merges the ids of `other` (numbered in its own first-seen order)
    /// into `self`, as interning them one by one would; returns the number
    /// in `self` of each of `other`'s ids. The look-ups run in parallel
    /// (they only read `self`); only the new ids are added, in order.
    pub fn absorb(&mut self, other: Interner<'a>) -> Vec<u32> {
        use rayon::prelude::*;
        let ids = other.into_ids();
        let found: Vec<Option<u32>> = ids
            .par_iter()
            .with_min_len(4096)
            .map(|id| self.get(id))
            .collect();
        ids.into_iter()
            .zip(found)
            .map(|(id, found)| match found {
                Some(n) => n,
                // Ids of one interner are distinct: a miss is a new id.
                None => self.intern(id),
            })
            .collect()
    }

    /// Doubles the table, re-placing every id (hashes recomputed from the
    /// slot words for short ids, from the bytes for long ones).
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.mask = size - 1;
        for s in old.into_iter().filter(|s| s.id != 0) {
            let (_, h) = word_and_hash(&self.order[s.id as usize - 1]);
            let mut i = h as usize & self.mask;
            while self.slots[i].id != 0 {
                i = (i + 1) & self.mask;
            }
            self.slots[i] = s;
        }
    }

    /// Number of distinct ids.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no id was interned.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The ids, indexed by their number.
    pub fn into_ids(self) -> Vec<Cow<'a, [u8]>> {
        self.order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_first_seen_order() {
        let mut i = Interner::with_capacity(1);
        let long = "A/RES/ES-10/24 and something longer";
        let ids = [
            "7",
            "A/RES/72/194",
            "7",
            long,
            "A/RES/72/194",
            "8",
            long,
            "",
            "07",
        ];
        let got: Vec<u32> = ids
            .iter()
            .map(|s| i.intern(Cow::Borrowed(s.as_bytes())))
            .collect();
        assert_eq!(got, [0, 1, 0, 2, 1, 3, 2, 4, 5]);
        let other = "A/RES/ES-10/24 and something longeR";
        assert_eq!(i.intern(Cow::Owned(other.as_bytes().to_vec())), 6);
        // Grows many times and keeps every number.
        let many: Vec<String> = (0..5000).map(|n| format!("id-{n}")).collect();
        let first: Vec<u32> = many
            .iter()
            .map(|s| i.intern(Cow::Borrowed(s.as_bytes())))
            .collect();
        let again: Vec<u32> = many
            .iter()
            .map(|s| i.intern(Cow::Borrowed(s.as_bytes())))
            .collect();
        assert_eq!(first, again);
        assert_eq!(i.len(), 7 + 5000);
        assert_eq!(i.get(b"A/RES/72/194"), Some(1));
        assert_eq!(i.get(long.as_bytes()), Some(2));
        assert_eq!(i.get(b"A/RES/72/195"), None);
    }

    #[test]
    fn absorbing_numbers_as_interning_does() {
        let a_ids = [
            "1",
            "A/RES/72/194",
            "a long id, longer than twenty-four bytes",
        ];
        let b_ids = [
            "x",
            "A/RES/72/194",
            "y",
            "a long id, longer than twenty-four bytes",
            "1",
        ];
        let mut one = Interner::with_capacity(2);
        let mut a = Interner::with_capacity(2);
        for id in a_ids {
            one.intern(Cow::Borrowed(id.as_bytes()));
            a.intern(Cow::Borrowed(id.as_bytes()));
        }
        let mut b = Interner::with_capacity(2);
        let want: Vec<u32> = b_ids
            .iter()
            .map(|id| {
                b.intern(Cow::Borrowed(id.as_bytes()));
                one.intern(Cow::Borrowed(id.as_bytes()))
            })
            .collect();
        assert_eq!(a.absorb(b), want);
        assert_eq!(a.into_ids(), one.into_ids());
    }
}
