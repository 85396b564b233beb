//! Stage 2: citations out of document text.
//!
//! The engine works in steps, one file each (eyecite-like):
//!
//! 1. [`fold`] folds scripts (Arabic-Indic and full-width digits, full-width
//!    brackets, Cyrillic look-alikes) and [`clean`] rewrites what PDF, HTML
//!    and Markdown left in the text (non-breaking spaces, `[72/194](#)`,
//!    `<sup>1</sup>`, decomposed accents) — both keep a map back to the file;
//! 2. [`identity`] finds who the document is (own symbol, title, year,
//!    adopting body), and [`structure`] blanks page furniture and reads the
//!    paragraphs;
//! 3. [`find`] scans with one combined regex per family ([`patterns`],
//!    words in [`lexicon`]) and reads lists by hand; [`resolve`] decides the
//!    body and canonical id of each number; named instruments come from
//!    [`instruments`].
//!
//! Citations of the document itself are dropped; offsets are mapped back to
//! the decoded file so that `text == raw[start..end]`.

pub mod acts;
pub mod clean;
pub mod context;
pub mod cues;
pub mod find;
pub mod fold;
pub mod harvest;
pub mod identity;
pub mod instruments;
pub mod lang;
pub mod lexicon;
pub mod numbering;
pub mod patterns;
pub mod resolve;
pub mod structure;

use crate::input::{Format, SourceDoc};
use crate::model::{Body, Citation, DocInfo, Kind, Lang};
use crate::symbol;
use crate::text::{LineCounter, Mapped};
use std::borrow::Cow;
use std::path::PathBuf;

/// A problem with the extractor's configuration (not with a document).
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A user instruments table could not be read or parsed.
    #[error("{}:{line}: {msg}", path.display())]
    Instruments {
        /// The table file.
        path: PathBuf,
        /// 1-based line (0 when the file could not be read).
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

/// Extractor settings.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force the language of every document instead of detecting it.
    pub lang: Option<Lang>,
    /// Extra instruments table (TSV, same columns as `data/instruments.tsv`).
    pub instruments: Option<PathBuf>,
}

/// What the extractor found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The citing document.
    pub info: DocInfo,
    /// Its citations, in text order.
    pub citations: Vec<Citation>,
}

/// A configured extractor; cheap to share between threads.
#[derive(Debug)]
pub struct Extractor {
    opts: Options,
    /// The instruments table when the user added to it; `None`: the
    /// built-in one, built on first use (or by [`warm_up`]), so
    /// that making an extractor costs nothing while files are being found.
    instruments: Option<instruments::InstrumentTable>,
}

/// Builds every table and pattern the extractor compiles on first use (the
/// instruments table, the regexes of each step): about 90 ms of work that
/// the first documents would otherwise wait for, one thread holding up the
/// others. Call it while doing something else (finding the files); later
/// calls cost nothing.
///
/// The work is cut in parts of 5 to 30 ms, largest first (`in_parallel`):
/// the calling thread starts on the largest, and a thread that is free
/// (once done finding the files) takes the next part still waiting, so the
/// parts spread over the cores whatever else keeps them busy.
pub fn warm_up() {
    in_parallel(&[
        || {
            instruments::InstrumentTable::builtin_ref();
        },
        patterns::warm_up_bodies,
        patterns::warm_up,
        harvest::warm_up,
        || {
            identity::warm_up();
            acts::warm_up();
        },
        || {
            structure::warm_up();
            lang::warm_up();
            crate::symbol::warm_up();
        },
    ]);
}

/// Runs `parts`: the first on this thread, the others left for a free
/// thread of the pool to take, one after the other.
fn in_parallel(parts: &[fn()]) {
    match parts {
        [] => {}
        [one] => one(),
        [first, rest @ ..] => {
            rayon::join(first, || in_parallel(rest));
        }
    }
}

/// A match on its way to a citation: cleaned-text span, target, kind, and
/// the title and date the text gives with it (boxed: most have none).
type Match = (usize, usize, String, Kind, Option<Box<harvest::Harvest>>);

impl Extractor {
    /// Builds an extractor. A user instruments table (`Options::instruments`)
    /// is read and checked here; the built-in one is built on first use.
    pub fn new(opts: Options) -> Result<Self, ExtractError> {
        let instruments = match &opts.instruments {
            Some(p) => {
                let mut table = instruments::InstrumentTable::builtin();
                table.load_extra(p)?;
                Some(table)
            }
            None => None,
        };
        Ok(Extractor { opts, instruments })
    }

    fn instruments(&self) -> &instruments::InstrumentTable {
        self.instruments
            .as_ref()
            .unwrap_or_else(|| instruments::InstrumentTable::builtin_ref())
    }

    /// Extracts the citations of one document: its identity ([`DocInfo`])
    /// and every citation, in text order, with offsets into `doc.raw`.
    pub fn extract(&self, doc: &SourceDoc) -> Extracted {
        self.run(doc, None, None)
    }

    /// Extracts the citations of a text snippet, for tests and for callers
    /// that hold a passage rather than a document.
    ///
    /// `body` is the body that adopted the text the snippet comes from (what
    /// "its resolution" refers to; `None` when unknown), `lang` its language
    /// (`None`: detected). The snippet has no identity of its own, so no
    /// citation is dropped as a self-citation. Offsets point into `text`;
    /// `file` and `doc` are `<snippet>`.
    pub fn extract_snippet(
        &self,
        text: &str,
        body: Option<Body>,
        lang: Option<Lang>,
    ) -> Vec<Citation> {
        let doc = SourceDoc {
            path: "<snippet>".into(),
            raw: text.to_string(),
            text: None,
            format: Format::Text,
            notes: Vec::new(),
        };
        self.run(&doc, Some(body), lang).citations
    }

    /// Extracts one document like [`Extractor::extract`], but hands each
    /// citation to `sink` as soon as it is made, in text order, instead of
    /// collecting them: memory stays bounded by the document's texts and
    /// matches, whatever the number of citations (a file repeating one
    /// reference millions of times). Returns the document's identity.
    pub fn extract_each(&self, doc: &SourceDoc, sink: &mut dyn FnMut(Citation)) -> DocInfo {
        self.run_each(doc, None, None, &mut Sink::Each(sink))
    }

    fn run(
        &self,
        doc: &SourceDoc,
        snippet_body: Option<Option<Body>>,
        lang: Option<Lang>,
    ) -> Extracted {
        let mut citations = Vec::new();
        let info = self.run_each(doc, snippet_body, lang, &mut Sink::Collect(&mut citations));
        Extracted { info, citations }
    }

    fn run_each(
        &self,
        doc: &SourceDoc,
        snippet_body: Option<Option<Body>>,
        lang: Option<Lang>,
        sink: &mut Sink<'_>,
    ) -> DocInfo {
        // One copy of the text at most besides `doc.raw`: a stage that
        // changes nothing is skipped (`None`), and the cleaned text is the
        // last stage's output, taken out of its map (a copy of the text to
        // search only when no stage changed it and it has furniture).
        let text_map = doc.text.as_ref();
        let search = doc.search_text();
        let folded = fold::fold_changes(search);
        let fsrc: &str = folded.as_ref().map_or(search, |m| m.text.as_str());
        let mut cleaned = clean::clean_changes(fsrc);
        // (borrowed when no stage changed the text: it is copied only when
        // there is page furniture to blank)
        let mut ctext: Cow<'_, str> = match &mut cleaned {
            Some(m) => Cow::Owned(std::mem::take(&mut m.text)),
            None => Cow::Borrowed(fsrc),
        };
        let lang = lang
            .or(self.opts.lang)
            .unwrap_or_else(|| lang::detect(&ctext));
        let ident = match snippet_body {
            Some(body) => identity::Identity {
                id: "<snippet>".into(),
                id_source: "snippet",
                body,
                ..identity::Identity::default()
            },
            None => identity::identify(&ctext, &doc.path),
        };
        let furniture = structure::find_furniture(&ctext, ident.header.as_deref());
        if !furniture.is_empty() {
            structure::blank(ctext.to_mut(), &furniture);
        }
        let ctext: &str = &ctext;
        let own: Vec<&str> = std::iter::once(ident.id.as_str())
            .chain(ident.aliases.iter().map(String::as_str))
            .collect();
        let hits = find::find_all_for(ctext, ident.body, &own, &furniture);
        let named = self.instruments().find(ctext);
        let structure = if hits.is_empty() {
            structure::Structure::default()
        } else {
            structure::Structure::read(ctext)
        };
        let mut lines = LineCounter::new(&doc.raw);
        let pages =
            (doc.format == Format::Pdf).then(|| crate::input::pdf::PageIndex::new(&doc.raw));
        let raw = &doc.raw;
        // Offsets in the cleaned text → the decoded text (`search`) → the file.
        let to_search = |p: usize| {
            let p = cleaned.as_ref().map_or(p, |m| m.to_source(p));
            folded.as_ref().map_or(p, |m| m.to_source(p))
        };
        let to_search_end = |e: usize| {
            let e = cleaned
                .as_ref()
                .map_or(e, |m| map_end_in(m, ctext, fsrc, e));
            folded.as_ref().map_or(e, |m| map_end(m, search, e))
        };
        let to_raw = |p: usize| {
            let p = to_search(p);
            text_map.map_or(p, |m| m.to_source(p))
        };
        let to_raw_end = |e: usize| {
            let e = to_search_end(e);
            text_map.map_or(e, |m| map_end(m, raw, e))
        };
        // The symbol matches in citation order (`find_all` sorts them by
        // span already; the target breaks ties), harvested in that order.
        let mut hits = hits;
        if !hits.is_sorted_by(|a, b| (a.start, a.end, &a.target) <= (b.start, b.end, &b.target)) {
            hits.sort_by(|a, b| (a.start, a.end, &a.target).cmp(&(b.start, b.end, &b.target)));
        }
        let ident_kind = symbol::kind_of(&ident.id).unwrap_or(Kind::Document);
        let spans = hits.iter().map(|h| (h.start, h.end));
        let mut harvested = harvest::harvest(ctext, spans, &furniture, lang);
        // Titles as the document writes them (before script folding turned
        // "：" into ":"), from the decoded text (`search`).
        for (_, h) in harvested
            .iter_mut()
            .filter(|(_, h)| !h.title_spans.is_empty())
        {
            let mut t = String::new();
            for &(s, e) in &h.title_spans {
                if let Some(piece) = search.get(to_search(s)..to_search_end(e)) {
                    t.push_str(piece);
                    t.push(' ');
                }
            }
            let t = harvest::tidy(&t);
            if !t.is_empty() {
                h.title = t;
            }
        }
        // Named instruments that are not inside a symbol match, sorted; the
        // symbol matches are sorted already: the two lists are merged as
        // they are turned into citations (no copy of the matches).
        let mut named: Vec<Match> = named
            .into_iter()
            .filter(|n| {
                // A text naming itself ("The Pact for the Future" in the
                // Pact) is not a citation, whatever way it is named.
                n.target != ident.id
                    && !ident.aliases.contains(&n.target)
                    && !overlaps_any(&hits, n.start, n.end)
                    && n.start < n.end
                    && n.end <= ctext.len()
            })
            .map(|n| (n.start, n.end, n.target, Kind::NamedInstrument, None))
            .collect();
        named.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
        // The symbol matches with what was harvested with them (the few
        // that have a title or date carry it), in the order of `find_all`.
        let mut got = harvested.into_iter().peekable();
        // Lazily, so that no second list of matches is made.
        let mut hits = hits
            .into_iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let mut g = None;
                while let Some(&(j, _)) = got.peek() {
                    if j > i {
                        break;
                    }
                    let (j, found) = got.next()?;
                    if j == i {
                        g = Some(found);
                    }
                }
                let keep = h.target != ident.id
                    && !ident
                        .aliases
                        .iter()
                        .any(|a| a.as_str() == h.target.as_str())
                    && !ident
                        .draft_span
                        .is_some_and(|(s, e)| h.start >= s && h.end <= e);
                if !keep {
                    return None;
                }
                // The latest resolution of the citing resolution's own
                // series bears its title.
                if let Some(g) = g.as_mut()
                    && g.same_series
                    && g.title.is_empty()
                    && !ident.title.is_empty()
                    && h.kind == ident_kind
                {
                    g.title = ident.title.clone();
                }
                let g = g.filter(|g| !g.is_empty()).map(Box::new);
                Some::<Match>((h.start, h.end, h.target.into_string(), h.kind, g))
            })
            .peekable();
        let mut named = named.into_iter().peekable();
        let file = doc.path.clone();
        // In text order: a run of citations in one sentence scans it once.
        let mut passages = context::Passages::new(ctext);
        // (at most one citation a match: a list collecting them is made
        // that size at once rather than grown, copying the citations made
        // so far at each doubling)
        sink.reserve(hits.size_hint().1.unwrap_or(0) + named.len());
        loop {
            // the smaller of the two heads; a symbol match first on a tie
            // (as the stable sort of both lists together did)
            let take_hit = match (hits.peek(), named.peek()) {
                (Some(h), Some(n)) => (h.0, h.1, &h.2) <= (n.0, n.1, &n.2),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_hit { hits.next() } else { named.next() };
            let Some((s, e, target, kind, got)) = next else {
                break;
            };
            let Some((rs, re)) = raw_span(raw, to_raw(s), to_raw_end(e)) else {
                continue;
            };
            let (cue, paragraph) = structure.at(s);
            let (lo, hi) = structure.bounds(s, ctext.len());
            let context = passages.context(s, e, lo, hi);
            let (cited_title, cited_date) = got.map(|g| (g.title, g.date)).unwrap_or_default();
            sink.give(Citation {
                file: file.clone(),
                doc: ident.id.clone(),
                target,
                kind,
                text: raw[rs..re].to_string(),
                start: rs,
                end: re,
                line: lines.line_of(rs),
                lang,
                cue: cue.to_string(),
                paragraph: paragraph.to_string(),
                page: pages.as_ref().map(|p| p.page_of(rs)),
                context,
                cited_title,
                cited_date,
            });
        }
        DocInfo {
            file,
            kind: symbol::kind_of(&ident.id),
            id: ident.id,
            id_source: ident.id_source.into(),
            title: ident.title,
            year: ident.year,
            date: ident.date,
            draft: ident.draft,
            body: ident.body,
            lang,
            bytes: doc.raw.len(),
            notes: doc.notes.clone(),
        }
    }
}

/// Where [`Extractor::run_each`] hands the citations it makes.
enum Sink<'a> {
    /// Collected in a list, made at its final size before the first one.
    Collect(&'a mut Vec<Citation>),
    /// Each handed to a callback as soon as it is made.
    Each(&'a mut dyn FnMut(Citation)),
}

impl Sink<'_> {
    /// Makes room for `n` more citations (in a list; nothing otherwise).
    fn reserve(&mut self, n: usize) {
        if let Sink::Collect(v) = self {
            v.reserve_exact(n);
        }
    }

    /// Hands `c` on.
    fn give(&mut self, c: Citation) {
        match self {
            Sink::Collect(v) => v.push(c),
            Sink::Each(f) => f(c),
        }
    }
}

/// Maps an end offset of `m.text` into `src` (the text `m` rewrote): right
/// after the last character when it was copied, so that removed residue
/// after a match (`](#)`, `</sup>`, `\r`) is not taken into the span.
fn map_end(m: &Mapped, src: &str, e: usize) -> usize {
    map_end_in(m, &m.text, src, e)
}

/// [`map_end`] with the text of `m` given apart (`text`, taken out of `m`
/// and maybe edited since, as long as its length is kept).
fn map_end_in(m: &Mapped, text: &str, src: &str, e: usize) -> usize {
    let Some(c) = text.get(..e).and_then(|t| t.chars().next_back()) else {
        return m.to_source(e);
    };
    let p = e - c.len_utf8();
    let (sp, se) = (m.to_source(p), m.to_source(e));
    if src.get(sp..).is_some_and(|r| r.starts_with(c)) && sp + c.len_utf8() <= se {
        sp + c.len_utf8()
    } else {
        se
    }
}

/// Whether a hit of `hits` overlaps `start..end`. The hits are sorted and
/// do not overlap (but for hits of one span: [`find::find_all_for`]), so
/// their ends do not decrease: the first hit ending after `start` is the
/// only one to look at, found by a binary search (a scan of every hit for
/// each named instrument cost as many steps as both lists' sizes
/// multiplied).
fn overlaps_any(hits: &[find::Hit], start: usize, end: usize) -> bool {
    let k = hits.partition_point(|h| h.end <= start);
    hits.get(k).is_some_and(|h| h.start < end)
}

/// A non-empty span on char boundaries of `raw`, or `None`.
fn raw_span(raw: &str, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    s = s.min(raw.len());
    e = e.min(raw.len());
    while !raw.is_char_boundary(s) {
        s -= 1;
    }
    while !raw.is_char_boundary(e) {
        e += 1;
    }
    if e <= s {
        // The whole match was a replacement: take the source character.
        let c = raw[s..].chars().next()?;
        e = s + c.len_utf8();
    }
    Some((s, e))
}
