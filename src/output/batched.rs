//! A buffered writer for output handed over in batches (a document's
//! records at a time): small batches are gathered into one system call, a
//! large one goes to the writer as it is, without the copy into the buffer
//! that [`std::io::BufWriter`] makes of anything shorter than its whole
//! capacity.

use std::io::{self, Write};

/// Bytes gathered before they are written out.
const CAPACITY: usize = 1 << 16;

/// Writes of at least this many bytes bypass the buffer (after what it
/// holds is written out): on the shared corpus, the 660 documents whose
/// records reach it make two thirds of the output, copied into the buffer
/// before; the others' are gathered as before.
pub const DIRECT: usize = 1 << 14;

/// A writer buffering what is written to `W` but for writes of
/// 16 KiB (`DIRECT`) or more, which reach `W` whole and in order. What is
/// still buffered is written out by [`Write::flush`] (or, errors ignored,
/// when the writer is dropped).
#[derive(Debug)]
pub struct Batched<W: Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: Write> Batched<W> {
    /// A batching writer on `inner`.
    pub fn new(inner: W) -> Self {
        Batched {
            inner,
            buf: Vec::with_capacity(CAPACITY),
        }
    }

    /// Writes out what the buffer holds (emptied even on an error: a
    /// failed write is not tried again).
    fn flush_buf(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let r = self.inner.write_all(&self.buf);
        self.buf.clear();
        r
    }
}

impl<W: Write> Write for Batched<W> {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.write_all(b).map(|()| b.len())
    }

    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        if b.len() >= DIRECT {
            self.flush_buf()?;
            return self.inner.write_all(b);
        }
        if self.buf.len() + b.len() > CAPACITY {
            self.flush_buf()?;
        }
        // (never past CAPACITY: the buffer is not grown)
        self.buf.extend_from_slice(b);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_buf()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Batched<W> {
    fn drop(&mut self) {
        let _ = self.flush_buf();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records each write it gets.
    #[derive(Default)]
    struct Calls(Vec<Vec<u8>>);

    impl Write for &mut Calls {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.0.push(b.to_vec());
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Writes `sizes` (each a run of one byte value) through a batching
    /// writer; returns what was written in all and the writes that reached
    /// the writer under it.
    fn run(sizes: &[usize], flush: bool) -> (Vec<u8>, Vec<Vec<u8>>) {
        let mut calls = Calls::default();
        let mut want = Vec::new();
        {
            let mut w = Batched::new(&mut calls);
            for (k, &n) in sizes.iter().enumerate() {
                let piece = vec![b'a' + (k % 26) as u8; n];
                w.write_all(&piece).unwrap();
                want.extend_from_slice(&piece);
            }
            if flush {
                w.flush().unwrap();
            }
        }
        (want, calls.0)
    }

    #[test]
    fn bytes_in_order_large_writes_whole() {
        for sizes in [
            vec![],
            vec![0],
            vec![10, 20],
            vec![DIRECT],
            vec![5, DIRECT, 7],
            vec![DIRECT - 1, DIRECT - 1, DIRECT - 1, DIRECT - 1, DIRECT - 1],
            vec![CAPACITY, 1, CAPACITY * 2],
            vec![100; 1000],
        ] {
            for flush in [false, true] {
                let (want, calls) = run(&sizes, flush);
                assert_eq!(calls.concat(), want, "{sizes:?}");
                for &n in sizes.iter().filter(|&&n| n >= DIRECT) {
                    assert!(calls.iter().any(|c| c.len() == n), "{sizes:?}");
                }
                assert!(calls.iter().all(|c| !c.is_empty()));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn same_bytes_as_written(
            sizes in proptest::collection::vec(
                proptest::prop_oneof![0usize..200, 0usize..CAPACITY + 10],
                0..40,
            ),
            flush: bool,
        ) {
            let (want, calls) = run(&sizes, flush);
            proptest::prop_assert_eq!(calls.concat(), want);
            // a write below DIRECT is never split, one at or above it is
            // written alone and whole
            proptest::prop_assert!(calls.iter().all(|c| c.len() <= CAPACITY || sizes.contains(&c.len())));
        }
    }
}
