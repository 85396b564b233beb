//! Speed of each pattern family alone over a folder's text (default
//! `../shared/corpus`), to see where extraction time goes.
//!
//! ```sh
//! cargo run --release --example bench_patterns [-- FOLDER]
//! ```

#[path = "common/mod.rs"]
mod common;

use std::time::Instant;
use unxref::extract::{clean, find, identity, patterns, structure};
use unxref::input;

fn main() {
    let default = common::shared_corpus();
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or(default.into()));
    let found = input::discover(std::slice::from_ref(&root));
    let texts: Vec<String> = found
        .files
        .iter()
        .filter_map(|p| input::read(p).ok())
        .map(|d| d.text.map_or(d.raw, |m| m.text))
        .collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    println!("{:.1} MB", mb);
    let time = |name: &str, f: &dyn Fn(&str) -> usize| {
        let t = Instant::now();
        let n: usize = texts.iter().map(|s| f(s)).sum();
        let s = t.elapsed().as_secs_f64();
        println!("{name:12} {n:8} {:.3} s {:6.0} MB/s", s, mb / s);
    };
    time("clean", &|s| clean::clean(s).text.len());
    time("trigger", &|s| patterns::triggers(s).count());
    time("treaty", &|s| patterns::TREATY.find_iter(s).count());
    time("zh", &|s| patterns::ZH_LIST.find_iter(s).count());
    time("furniture", &|s| {
        let mut t = s.to_string();
        structure::blank_furniture(&mut t, None).len()
    });
    time("structure", &|s| structure::Structure::read(s).len());
    time("identity", &|s| identity::identify(s, "x.txt").id.len());
    time("find_all", &|s| find::find_all(s, None, &[]).len());
    time("lines", &|s| {
        unxref::text::LineCounter::new(s).line_of(s.len())
    });
}
