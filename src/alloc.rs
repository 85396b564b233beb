//! The allocator the `unxref` binary runs with: mimalloc (see `main.rs` for
//! why mimalloc), entered without its aligned functions where the alignment
//! asked for is one that every mimalloc block has anyway.
//!
//! Why not `mimalloc::MiMalloc`: it calls `mi_malloc_aligned` for every
//! allocation, whatever its alignment; that function first checks the
//! alignment against the free block it is about to hand out, about twice
//! the instructions of `mi_malloc`'s fast path. `extract` of the GA
//! documents of `../shared/corpus` allocates 860,000 times (strings per
//! citation, buffers per file).

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// Every block mimalloc hands out is aligned to a machine word at least
/// (its size classes are multiples of it, from word-aligned pages).
const WORD: usize = std::mem::size_of::<usize>();

/// mimalloc as the global allocator (`#[global_allocator]`).
#[derive(Debug, Clone, Copy, Default)]
pub struct MiMalloc;

// SAFETY: every method hands the request to mimalloc, whose functions meet
// `GlobalAlloc`'s contract: `mi_malloc`, `mi_zalloc` and `mi_realloc` return
// blocks aligned to `WORD` at least (used only when `layout.align()` is no
// more), the `_aligned` functions to the alignment given (a power of two,
// as `Layout` guarantees); null on failure; `mi_free` frees any of them.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi_malloc(layout.size()) as *mut u8
            } else {
                mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi_zalloc(layout.size()) as *mut u8
            } else {
                mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the caller's contract).
        unsafe { mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the block
        // returned keeps that alignment (see the impl).
        unsafe {
            if layout.align() <= WORD {
                mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size and alignment asked for come back aligned,
    /// zeroed when asked, and keep their bytes when grown.
    #[test]
    fn blocks_are_aligned_and_kept() {
        let a = MiMalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 16, 24, 40, 100, 1000, 70_000] {
                let l = Layout::from_size_align(size, align).unwrap();
                // SAFETY: non-zero sizes; each block is freed once, by
                // this allocator, with its layout.
                unsafe {
                    let p = a.alloc_zeroed(l);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "{size} {align}");
                    assert!((0..size).all(|i| *p.add(i) == 0));
                    p.write_bytes(7, size);
                    let q = a.realloc(p, l, size * 3);
                    assert_eq!(q as usize % align, 0, "{size} {align}");
                    assert!((0..size).all(|i| *q.add(i) == 7));
                    a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let r = a.alloc(l);
                    assert_eq!(r as usize % align, 0);
                    a.dealloc(r, l);
                }
            }
        }
    }
}
