//! How many of the instruments a corpus names the built-in table finds, and
//! which names it misses most: the measure behind `data/instruments.tsv`.
//!
//! Candidates, in English documents: (1) the capitalised name just before a
//! "(United Nations, Treaty Series …)" reference; (2) capitalised phrases
//! built on an instrument word ("Convention on …", "Declaration on …",
//! "Agreement …", "Statute of …", "Programme of Action …", "Plan of Action
//! …", "Framework …", "Protocol …", "Covenant …", "Charter …"). A candidate
//! is found when a named-instrument or treaty hit of the table overlaps it.
//! Phrases naming an organisation or a part of a text ("United Nations
//! Environment Programme", "Chapter VII of the Charter") are left out; what
//! remains still holds generic phrases ("Plan of Action"), so the figure is
//! a floor on recall, for comparing tables.
//! Prints recall per source and the most frequent missed names.
//!
//! ```sh
//! cargo run --release --example instruments_recall [-- FOLDER [TOP]]
//! ```

#[path = "common/mod.rs"]
mod common;

use regex::Regex;
use std::collections::HashMap;
use std::path::PathBuf;
use unxref::extract::instruments::InstrumentTable;
use unxref::extract::lang;
use unxref::input;
use unxref::model::Lang;

/// Words that may stand inside a name between capitalised words.
const SMALL: &[&str] = &[
    "of",
    "on",
    "the",
    "and",
    "for",
    "against",
    "to",
    "in",
    "relating",
    "concerning",
    "with",
    "its",
    "their",
    "from",
    "all",
    "between",
    "by",
    "at",
    "a",
    "an",
    "or",
];

/// Capitalised words that open a sentence or paragraph, not a name.
const LEADING: &[&str] = &[
    "The",
    "Recalling",
    "Noting",
    "Welcoming",
    "Reaffirming",
    "Recognizing",
    "Also",
    "In",
    "By",
    "Under",
    "Bearing",
    "Taking",
    "Emphasizing",
    "Stressing",
    "Underlining",
    "See",
    "Further",
    "Having",
    "Calls",
    "Urges",
    "Invites",
    "Encourages",
    "Requests",
    "Decides",
    "Affirming",
    "Acknowledging",
    "Reiterating",
    "Guided",
    "Mindful",
    "This",
    "That",
    "Its",
    "Both",
    "Such",
    "New",
    "A",
    "An",
    "All",
    "Each",
    "Article",
    "Parties",
    "States",
    "State",
    "Party",
];

/// Words that make a phrase an organisation or a part of a text, not an
/// instrument ("United Nations Environment Programme", "Chapter VII of the
/// Charter", "Conference of the Parties to the Convention").
const NOT_NAMES: &[&str] = &[
    "Committee",
    "Board",
    "Division",
    "Department",
    "Organization",
    "Office",
    "Fund",
    "Administrator",
    "Director",
    "Directorate",
    "Conference",
    "Meeting",
    "Meetings",
    "Secretariat",
    "Bureau",
    "Agency",
    "Commission",
    "Council",
    "Assembly",
    "Parties",
    "Party",
    "Chapter",
    "Part",
    "Article",
    "Section",
    "Schedule",
    "Annex",
    "Court",
    "Mechanism",
];

const HEADS: &str = r"Convention|Declaration|Covenant|Agreement|Statute|Protocol|Programme|Plan|Framework|Charter|Treaty|Compact|Agenda|Principles|Rules|Guidelines|Strategy|Platform|Consensus|Accord";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let default = common::shared_corpus();
    let root = PathBuf::from(args.get(1).map_or(default, |s| s.as_str()));
    let top: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(60);
    let table = InstrumentTable::builtin();
    let ts = Regex::new(r"\((?:United\s+Nations,\s+)?Treaty\s+Series").expect("regex");
    let word = Regex::new(r"[A-Z][A-Za-z’'\-]*|[a-z]+|\(No\. [0-9]+\)|[0-9]{4}|,").expect("regex");
    let head = Regex::new(&format!(r"^(?:{HEADS})$")).expect("regex");
    let found = input::discover(std::slice::from_ref(&root));
    let mut totals = [(0usize, 0usize); 2];
    let mut missed: HashMap<String, usize> = HashMap::new();
    let mut docs = 0;
    for p in &found.files {
        let Ok(doc) = input::read(p) else { continue };
        let text = doc.search_text();
        if lang::detect(text) != Lang::En {
            continue;
        }
        docs += 1;
        let hits = table.find(text);
        let covered = |s: usize, e: usize| hits.iter().any(|h| h.start < e && s < h.end);
        // (1) names before a Treaty Series reference.
        for m in ts.find_iter(text) {
            if let Some((s, e, name)) = name_before(text, m.start(), &word) {
                tally(&mut totals[0], &mut missed, covered(s, e), name);
            }
        }
        // (2) capitalised phrases on an instrument word.
        let toks: Vec<_> = word.find_iter(text).collect();
        let mut i = 0;
        while i < toks.len() {
            // A run of capitalised words and small words.
            let mut j = i;
            while j < toks.len()
                && (j == i || text[toks[j - 1].end()..toks[j].start()].trim().is_empty())
                && (is_cap(toks[j].as_str())
                    || (j > i && SMALL.contains(&toks[j].as_str()))
                    || (j > i && toks[j].as_str().starts_with("(No.")))
            {
                j += 1;
            }
            if j == i {
                i += 1;
                continue;
            }
            let mut a = i;
            while a < j && LEADING.contains(&toks[a].as_str()) {
                a += 1;
            }
            let mut z = j;
            while z > a && SMALL.contains(&toks[z - 1].as_str()) {
                z -= 1;
            }
            let run = &toks[a..z];
            let org = run.iter().any(|t| NOT_NAMES.contains(&t.as_str()))
                || run.last().is_some_and(|t| t.as_str() == "Programme");
            if !org && run.len() >= 3 && run.iter().any(|t| head.is_match(t.as_str())) {
                let (s, e) = (run[0].start(), run[run.len() - 1].end());
                let name = text[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
                tally(&mut totals[1], &mut missed, covered(s, e), &name);
            }
            i = j.max(i + 1);
        }
    }
    println!("{docs} English documents under {}", root.display());
    for (k, (n, f)) in ["Treaty Series names", "capitalised phrases"]
        .iter()
        .zip(totals)
    {
        println!(
            "{k}: {f}/{n} found, recall {:.3}",
            f as f64 / n.max(1) as f64
        );
    }
    let (n, f) = (totals[0].0 + totals[1].0, totals[0].1 + totals[1].1);
    println!(
        "all: {f}/{n} found, recall {:.3}",
        f as f64 / n.max(1) as f64
    );
    let mut v: Vec<_> = missed.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("most missed:");
    for (name, c) in v.into_iter().take(top) {
        println!("{c:5}  {name}");
    }
}

fn is_cap(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_uppercase()) || t.len() == 4 && t.starts_with(['1', '2'])
}

fn tally(t: &mut (usize, usize), missed: &mut HashMap<String, usize>, ok: bool, name: &str) {
    t.0 += 1;
    if ok {
        t.1 += 1;
    } else {
        *missed.entry(name.to_string()).or_default() += 1;
    }
}

/// The capitalised name ending just before `at` (a Treaty Series bracket):
/// back over capitalised and small words to the first capitalised one.
fn name_before<'a>(text: &'a str, at: usize, word: &Regex) -> Option<(usize, usize, &'a str)> {
    let from = at.saturating_sub(300);
    let from = (from..at).find(|&i| text.is_char_boundary(i))?;
    let win = &text[from..at];
    let toks: Vec<_> = word.find_iter(win).collect();
    let mut k = toks.len();
    let mut start = None;
    while k > 0 {
        let t = toks[k - 1].as_str();
        if is_cap(t) && !LEADING.contains(&t) {
            start = Some(k - 1);
        } else if !(SMALL.contains(&t) || t == "," || t.starts_with("(No.")) {
            break;
        }
        k -= 1;
    }
    let s = toks[start?].start();
    let name = win[s..].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    (name.split_whitespace().count() >= 2).then_some((from + s, from + s + name.len(), name))
}
