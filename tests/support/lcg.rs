//! A seeded pseudo-random source for generated test inputs (Knuth's MMIX
//! linear congruential generator, high bits): reproducible, no dependency.
//! Included with `#[path = "support/lcg.rs"] mod lcg;`.

/// The generator seeded with `seed`: each call gives the next 31 bits.
pub fn lcg(seed: u64) -> impl FnMut() -> u64 {
    let mut r = seed;
    move || {
        r = r
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        r >> 33
    }
}
