//! Deterministic parallel loops.
//!
//! Floating-point addition is not associative, so a rayon `sum()` whose
//! split points depend on work stealing can change the last bits of a result
//! from one run to the next. Every reduction here works on fixed chunks
//! (their boundaries depend only on the input size), sums each chunk in index
//! order, and adds the chunk results in chunk order: the same input gives
//! bit-identical output on any number of threads.

use rayon::prelude::*;

/// Nodes per chunk of a per-node loop.
const CHUNK: usize = 4096;
/// Below this many nodes, loops run on the calling thread (same chunks, same
/// result, no scheduling overhead).
const PARALLEL_FROM: usize = 8 * CHUNK;
/// Pivots handled by one task of [`pivot_sum`].
const PIVOT_CHUNK: usize = 8;

/// Sets `out[i] = f(i).0` for every `i` and returns the sum of the `f(i).1`,
/// in a fixed order.
pub(crate) fn fill_sum<F>(out: &mut [f64], f: F) -> f64
where
    F: Fn(usize) -> (f64, f64) + Sync,
{
    let work = |(c, chunk): (usize, &mut [f64])| {
        let mut s = 0.0;
        for (k, slot) in chunk.iter_mut().enumerate() {
            let (v, add) = f(c * CHUNK + k);
            *slot = v;
            s += add;
        }
        s
    };
    let partial: Vec<f64> = if out.len() >= PARALLEL_FROM {
        out.par_chunks_mut(CHUNK).enumerate().map(work).collect()
    } else {
        out.chunks_mut(CHUNK).enumerate().map(work).collect()
    };
    partial.iter().sum()
}

/// Sum of `f(i)` for `i` in `0..n`, in a fixed order.
pub(crate) fn sum<F>(n: usize, f: F) -> f64
where
    F: Fn(usize) -> f64 + Sync,
{
    let chunks = n.div_ceil(CHUNK);
    let work = |c: usize| (c * CHUNK..n.min((c + 1) * CHUNK)).map(&f).sum::<f64>();
    let partial: Vec<f64> = if n >= PARALLEL_FROM {
        (0..chunks).into_par_iter().map(work).collect()
    } else {
        (0..chunks).map(work).collect()
    };
    partial.iter().sum()
}

/// Runs `visit(pivot, scratch, acc)` for every pivot, in parallel, and
/// returns the sum of what the visits added to their per-node accumulators.
///
/// Pivots are cut into fixed chunks of [`PIVOT_CHUNK`]; each chunk gets its
/// own zeroed accumulator and one `scratch` from `init`, runs its pivots in
/// order, and the chunk accumulators are added to the total in chunk order,
/// a few at a time so that memory stays at a few `n`-sized vectors.
pub(crate) fn pivot_sum<S, I, F>(n: usize, pivots: &[u32], init: I, visit: F) -> Vec<f64>
where
    I: Fn() -> S + Sync,
    F: Fn(usize, &mut S, &mut [f64]) + Sync,
{
    let mut total = vec![0.0; n];
    let chunks: Vec<&[u32]> = pivots.chunks(PIVOT_CHUNK).collect();
    let wave = 2 * rayon::current_num_threads().max(1);
    for group in chunks.chunks(wave) {
        let accs: Vec<Vec<f64>> = group
            .par_iter()
            .map(|chunk| {
                let mut acc = vec![0.0; n];
                let mut scratch = init();
                for &p in chunk.iter() {
                    visit(p as usize, &mut scratch, &mut acc);
                }
                acc
            })
            .collect();
        for acc in accs {
            if n >= PARALLEL_FROM {
                total
                    .par_iter_mut()
                    .zip(acc.par_iter())
                    .for_each(|(t, a)| *t += a);
            } else {
                total.iter_mut().zip(&acc).for_each(|(t, a)| *t += a);
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_match_sequential_chunks() {
        let n = PARALLEL_FROM + 17;
        let f = |i: usize| 1.0 / (i as f64 + 1.0);
        let mut out = vec![0.0; n];
        let s = fill_sum(&mut out, |i| (f(i), f(i)));
        assert_eq!(s, sum(n, f));
        assert_eq!(out[n - 1], f(n - 1));
        let again = sum(n, f);
        assert_eq!(s.to_bits(), again.to_bits());
    }

    #[test]
    fn pivot_sum_adds_every_pivot() {
        let pivots: Vec<u32> = (0..20).collect();
        let acc = pivot_sum(3, &pivots, || (), |p, _, acc| acc[p % 3] += 1.0);
        assert_eq!(acc, vec![7.0, 7.0, 6.0]);
        assert!(pivot_sum(0, &[], || (), |_, _, _: &mut [f64]| {}).is_empty());
    }
}
