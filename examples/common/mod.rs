//! Helpers shared by the examples: where the shared corpus is and the files
//! under a folder, a seeded random generator for synthetic graphs, and the
//! process's CPU time and peak memory as Linux reports them. Included with `#[path = "common/mod.rs"] mod common;`
//! (a folder without `main.rs` is not built as an example of its own).

// Each example uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shared corpus beside the checkout (`../shared/corpus`, or two
/// levels up from a worktree), as the examples' default input.
pub fn shared_corpus() -> &'static str {
    [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"),
    ]
    .into_iter()
    .find(|p| Path::new(p).exists())
    .unwrap_or("../shared/corpus")
}

/// Every file under `dir` (recursively, sorted by path at each level),
/// those whose name ends in `.{ext}` only when `ext` is given. Unreadable
/// folders are skipped.
pub fn files_under(dir: &Path, ext: Option<&str>) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: Option<&str>, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, ext, out);
            } else if ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, ext, &mut out);
    out
}

/// splitmix64: small, seeded, reproducible, no dependency.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` by multiply-shift (no modulo bias).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next() as u128 * n as u128) >> 64) as usize
    }

    /// A number below `n` by remainder (the edge-list benchmark's original
    /// draw, kept so that its synthetic file stays the same).
    pub fn modulo(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The UN-style id of node `i` of `n`, as `gen-citation-graph.py` writes
/// it: `S/RES/i(year)` for every third node (years 1946–2025 in node
/// order), `A/RES/session/i` for the others (sessions 31–80).
pub fn un_symbol(i: u64, n: u64) -> String {
    if i.is_multiple_of(3) {
        format!("S/RES/{i}({})", 1946 + i * 80 / n)
    } else {
        format!("A/RES/{}/{i}", 31 + i * 50 / n)
    }
}

/// CPU time (user + system, all threads) of this process so far, in
/// seconds, from `/proc/self/stat` (clock ticks of 1/100 s). On a shared
/// machine wall time includes waiting for a core; CPU time does not.
pub fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // The fields after the parenthesised command name; utime and
            // stime are the 14th and 15th fields of the line.
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
        })
        .unwrap_or(f64::NAN)
}

/// Peak resident set size so far (VmHWM), in MiB.
pub fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}
