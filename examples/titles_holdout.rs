//! The titles check of issue 11: hold out one GA session's own resolutions
//! (`A_RES_79_*` files) from the shared corpus, read the rest, and measure
//! how many of the session's resolutions that the rest cites get a title
//! from the citing texts, and how many of those titles match the
//! resolution's own title line (compared normalised: case, quotes and
//! punctuation aside).
//!
//! ```sh
//! cargo run --release --example titles_holdout [CORPUS] [SESSION]
//! ```
//!
//! CORPUS defaults to `../shared/corpus`, SESSION to 79. Prints the
//! figures and the mismatches; exits quietly when the corpus is absent.
//!
//! It also prints the ceiling: how many of the cited resolutions the
//! citing texts give any title-like words for at all, read loosely around
//! each citation — a quoted title, "of <date> on <topic>", "its
//! resolutions on the subject/on <topic>, including resolution N", or an
//! agenda line "<item title> (resolution N)" — and how many of those words
//! equal the resolution's own title (a leading article aside). No rule
//! drawing titles from the citing texts can title more resolutions than
//! the first figure, nor title them correctly beyond the second.

#[path = "common/mod.rs"]
mod common;

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use unxref::extract::harvest::normalize_title;
use unxref::extract::{Extractor, Options};
use unxref::graph::build;
use unxref::pipeline;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = PathBuf::from(
        args.get(1)
            .cloned()
            .unwrap_or_else(|| common::shared_corpus().into()),
    );
    let session: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(79);
    if !root.is_dir() {
        eprintln!("{}: no corpus, nothing to measure", root.display());
        return;
    }
    let prefix = format!("A_RES_{session}_");
    let all = common::files_under(&root, None);
    let (held, rest): (Vec<PathBuf>, Vec<PathBuf>) = all.into_iter().partition(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&prefix))
    });
    let ex = Extractor::new(Options::default()).expect("extractor");
    let own = pipeline::extract_corpus(&held, &ex, &|| {});
    let own_titles: BTreeMap<String, String> = own
        .docs
        .iter()
        .map(|d| (d.info.id.clone(), d.info.title.clone()))
        .collect();
    let run = pipeline::extract_corpus(&rest, &ex, &|| {});
    // Titles from the citing texts only: the graph's titles of cited texts
    // are cleared (the instruments table names some) and harvested again.
    let mut g = build::from_extracted(&run.docs);
    for m in g.nodes.iter_mut().filter(|m| !m.in_corpus) {
        m.title.clear();
    }
    g.title_conflicts.clear();
    build::harvested_titles(&mut g, &run.docs);
    let want = format!("A/RES/{session}/");
    let (mut cited, mut titled, mut matched, mut no_own) = (0, 0, 0, 0);
    let mut dated = 0;
    let mut misses = Vec::new();
    for m in g
        .nodes
        .iter()
        .filter(|m| !m.in_corpus && of_session(&m.id, &want))
    {
        cited += 1;
        dated += usize::from(!m.date.is_empty());
        if m.title.is_empty() {
            continue;
        }
        titled += 1;
        match own_titles.get(&m.id) {
            None => no_own += 1,
            Some(t) if normalize_title(t) == normalize_title(&m.title) => matched += 1,
            Some(t) => misses.push(format!(
                "{}\n    own:       {t}\n    harvested: {}",
                m.id, m.title
            )),
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "held out {} {prefix}* files; read {} other documents",
        held.len(),
        run.docs.len()
    );
    println!("session-{session} resolutions cited by the rest: {cited}");
    println!(
        "  with a harvested title: {titled} ({:.1}%)",
        pct(titled, cited)
    );
    println!(
        "  with a harvested date:  {dated} ({:.1}%)",
        pct(dated, cited)
    );
    let comparable = titled - no_own;
    println!(
        "  title matches the resolution's own title: {matched} of {comparable} ({:.1}%; {no_own} titled resolutions are not among the held-out files)",
        pct(matched, comparable)
    );
    for m in misses {
        println!("  mismatch {m}");
    }
    ceiling(&run.docs, &want, &own_titles, cited);
}

/// Whether `id` is a resolution of the session whose prefix is `want`
/// (`A/RES/79/`), without letter or part (`A/RES/79/1`, not `79/259 A`).
fn of_session(id: &str, want: &str) -> bool {
    id.strip_prefix(want)
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

/// The loose reading of the words around each citation described in the
/// module documentation: per cited resolution, whether any title-like
/// words stand by one of its citations, and whether any equal its title.
fn ceiling(
    docs: &[unxref::extract::Extracted],
    want: &str,
    own: &BTreeMap<String, String>,
    cited: usize,
) {
    let on = Regex::new(
        r"^,? ?(?:of \d{1,2} \w+ \d{4},? )?on (.+?)(?:[,;.)]| and (?:its|resolution|decision|the Human)|$)",
    )
    .expect("regex");
    let subject = Regex::new(
        r"resolutions,? (?:\w+ ){0,3}on (?:the|this) (?:subject|question|matter|item|issue)s?\b[^.;]{0,200}$",
    )
    .expect("regex");
    let on_incl = Regex::new(
        r"resolutions (?:and decisions )?on ([^,;]+?),? (?:including|in particular|most recently|the most recent)\b[^.;]{0,200}$",
    )
    .expect("regex");
    let agenda =
        Regex::new(r"(?:^|\n)[ \t]*(?:\d+\.|\([a-z]\))?[ \t]*([^\n]{5,200}?)[ \t]*\((?:General Assembly )?resolution[ \t]*$")
            .expect("regex");
    let key = |t: &str| {
        let n = normalize_title(t);
        n.strip_prefix("the ").map(str::to_string).unwrap_or(n)
    };
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut words: BTreeSet<&str> = BTreeSet::new();
    let mut right: BTreeSet<&str> = BTreeSet::new();
    let mut files: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    for d in docs {
        for c in d.citations.iter().filter(|c| of_session(&c.target, want)) {
            let raw = files
                .entry(c.file.as_str())
                .or_insert_with(|| std::fs::read(&c.file).unwrap_or_default());
            let lo = c.start.saturating_sub(400).min(raw.len());
            let hi = (c.end + 300).min(raw.len());
            let (Some(b), Some(a)) = (
                raw.get(lo..c.start.min(raw.len())),
                raw.get(c.end.min(raw.len())..hi),
            ) else {
                continue;
            };
            let (b, a) = (String::from_utf8_lossy(b), String::from_utf8_lossy(a));
            let (before, after) = (collapse(&b), collapse(&a));
            let mut found: Vec<String> = Vec::new();
            if !c.cited_title.is_empty() {
                found.push(c.cited_title.clone());
            }
            if let Some(m) = on.captures(&after) {
                found.push(m[1].to_string());
            }
            if subject.is_match(&before) {
                found.push(d.info.title.clone());
            }
            if let Some(m) = on_incl.captures(&before) {
                found.push(m[1].to_string());
            }
            let mut cut = b.len().saturating_sub(300);
            while !b.is_char_boundary(cut) {
                cut += 1;
            }
            if after.starts_with(')')
                && let Some(m) = agenda.captures(&b[cut..])
            {
                found.push(m[1].to_string());
            }
            if found.is_empty() {
                continue;
            }
            words.insert(c.target.as_str());
            if let Some(t) = own.get(&c.target)
                && found.iter().any(|f| key(f) == key(t))
            {
                right.insert(c.target.as_str());
            }
        }
    }
    let pct = |a: usize| 100.0 * a as f64 / cited.max(1) as f64;
    println!("ceiling, from the words around the citations (read loosely):");
    println!(
        "  with any title-like words: {} of {cited} ({:.1}%)",
        words.len(),
        pct(words.len())
    );
    println!(
        "  with words equal to the own title: {} of {cited} ({:.1}%)",
        right.len(),
        pct(right.len())
    );
}
