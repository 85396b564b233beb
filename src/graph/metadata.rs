//! `--metadata FILE`: titles, dates and attributes of texts from outside
//! the corpus, which win over what citing texts say.
//!
//! Three layouts, told apart by the header:
//!
//! - the UN Digital Library **GA voting data** as published: `undl_id,
//!   ms_code, ms_name, ms_vote, date, session, resolution, draft,
//!   committee_report, meeting, title, agenda_title, subjects, vote_note,
//!   total_yes, …, undl_link` (older files lack `vote_note`);
//! - the **SC voting data**: `undl_id, ms_code, ms_name, permanent_member,
//!   ms_vote, date, resolution, draft, meeting, description, agenda,
//!   subjects, vote_note, modality, total_yes, …, undl_link`;
//! - a plain table `id,title,date` (any other column becomes an attribute).
//!
//! The voting files have one row per member state and vote: the rows of
//! one resolution make one record (the first row gives its fields; the
//! per-state columns are left out). Files are read streaming, a row at a
//! time, without keeping the rows (the GA file has ~900,000 rows). The
//! resolution ids (`A/RES/79/1`, `S/RES/660 (1990)`) are normalised like
//! any id a user types ([`crate::symbol::normalize_user_id`]).
//!
//! Records only describe texts: they name nodes of the graph, and records
//! of texts the graph does not hold are counted, not added (a vote file
//! covers every resolution ever adopted; the graph holds what a corpus
//! cites).

use super::{CitationGraph, GraphError, canonical_id};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The layout of a metadata file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// UN Digital Library General Assembly voting data.
    GaVotes,
    /// UN Digital Library Security Council voting data.
    ScVotes,
    /// `id,title,date[,…]`.
    Plain,
}

/// What a metadata file says about one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Canonical id.
    pub id: String,
    /// Title (GA `title`, SC `description`), may be empty.
    pub title: String,
    /// Date as ISO 8601, may be empty.
    pub date: String,
    /// Other attributes by column name (draft, vote totals, modality, …).
    pub attrs: BTreeMap<String, String>,
}

/// The records of one file, one per text in order of first appearance.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// The records.
    pub records: Vec<Record>,
    /// The layout the header showed.
    pub layout: Option<Layout>,
    /// Rows read (header excluded).
    pub rows: usize,
}

/// Per-member-state columns of the voting files: not attributes of a
/// resolution.
const PER_STATE: [&str; 5] = [
    "ms_code",
    "ms_name",
    "ms_vote",
    "permanent_member",
    "undl_id",
];

/// Decides the layout from the header cells (trimmed, lower-cased).
pub fn layout_of(header: &[String]) -> Option<Layout> {
    let has = |c: &str| header.iter().any(|h| h == c);
    if has("resolution") && has("ms_vote") && has("description") {
        Some(Layout::ScVotes)
    } else if has("resolution") && has("ms_vote") && has("title") {
        Some(Layout::GaVotes)
    } else if has("id") && (has("title") || has("date")) {
        Some(Layout::Plain)
    } else {
        None
    }
}

/// Reads a metadata file (streaming).
pub fn read(path: &Path) -> Result<Metadata, GraphError> {
    let file = std::fs::File::open(path).map_err(|source| GraphError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_from(std::io::BufReader::with_capacity(1 << 20, file), path)
}

/// Reads metadata from any reader; `path` names it in errors.
pub fn read_from(r: impl std::io::Read, path: &Path) -> Result<Metadata, GraphError> {
    let err = |line: usize, msg: String| GraphError::Metadata {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(r);
    let mut rec = csv::ByteRecord::new();
    let got = rdr
        .read_byte_record(&mut rec)
        .map_err(|e| err(1, e.to_string()))?;
    if !got {
        return Err(err(1, "empty file: no header row".into()));
    }
    let header: Vec<String> = rec
        .iter()
        .map(|c| {
            String::from_utf8_lossy(c)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase()
        })
        .collect();
    let layout = layout_of(&header).ok_or_else(|| {
        err(
            1,
            format!(
                "unknown metadata layout (header {:?}): expected the UN Digital Library GA or SC voting data, or id,title,date",
                header.join(",")
            ),
        )
    })?;
    let col = |name: &str| header.iter().position(|h| h == name);
    let (id_col, title_col) = match layout {
        Layout::GaVotes => (col("resolution"), col("title")),
        Layout::ScVotes => (col("resolution"), col("description")),
        Layout::Plain => (col("id"), col("title")),
    };
    let id_col = id_col.expect("layout_of checked the id column");
    let date_col = col("date");
    let attr_cols: Vec<(usize, &str)> = header
        .iter()
        .enumerate()
        .filter(|&(i, h)| {
            Some(i) != Some(id_col)
                && Some(i) != title_col
                && Some(i) != date_col
                && !h.is_empty()
                && (layout == Layout::Plain || !PER_STATE.contains(&h.as_str()))
        })
        .map(|(i, h)| (i, h.as_str()))
        .collect();
    let mut out = Metadata {
        layout: Some(layout),
        ..Metadata::default()
    };
    let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
    // The voting files list a resolution's rows together: the raw cell of
    // the previous row skips the look-up for all but the first.
    let mut last_raw: Vec<u8> = Vec::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                return Err(err(line, e.to_string()));
            }
        }
        out.rows += 1;
        let line = rec.position().map_or(out.rows + 1, |p| p.line() as usize);
        if rec.len() == 1
            && rec
                .get(0)
                .is_some_and(|c| c.iter().all(u8::is_ascii_whitespace))
        {
            continue;
        }
        let raw_id = rec.get(id_col).unwrap_or_default();
        if !last_raw.is_empty() && raw_id == last_raw.as_slice() {
            continue;
        }
        if index.contains_key(raw_id) {
            last_raw = raw_id.to_vec();
            continue;
        }
        if rec.len() != header.len() {
            return Err(err(
                line,
                format!("{} fields, the header has {}", rec.len(), header.len()),
            ));
        }
        let cell = |i: Option<usize>| -> Result<String, GraphError> {
            let Some(b) = i.and_then(|i| rec.get(i)) else {
                return Ok(String::new());
            };
            std::str::from_utf8(b)
                .map(|s| s.trim().to_string())
                .map_err(|_| err(line, "not UTF-8".into()))
        };
        let id_text = cell(Some(id_col))?;
        if id_text.is_empty() {
            return Err(err(line, format!("empty `{}`", header[id_col])));
        }
        let id = canonical_id(&id_text);
        let date_text = cell(date_col)?;
        let date = if date_text.is_empty() {
            String::new()
        } else {
            parse_date(&date_text)
                .ok_or_else(|| err(line, format!("unreadable date {date_text:?}")))?
        };
        let mut attrs = BTreeMap::new();
        for &(i, name) in &attr_cols {
            let v = cell(Some(i))?;
            if !v.is_empty() {
                attrs.insert(name.to_string(), v);
            }
        }
        index.insert(raw_id.to_vec(), out.records.len());
        last_raw = raw_id.to_vec();
        out.records.push(Record {
            id,
            // A plain table may be our own `nodes.csv`: undo its formula guard.
            title: one_line(crate::export::text::csv_unsafe(&cell(title_col)?)),
            date,
            attrs,
        });
    }
    Ok(out)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date as the metadata files write it: ISO `1990-08-02` (a time after
/// it is ignored), `1990/08/02`, `19900802`, or written out ("2 August
/// 1990"). `None` when it is none of these.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|_| &s[r])
    };
    if b.len() >= 10 && matches!(b[4], b'-' | b'/') && b[7] == b[4] {
        let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        return crate::extract::harvest::iso_date(y, m.parse().ok()?, d);
    }
    if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        return crate::extract::harvest::iso_date(&s[..4], s[4..6].parse().ok()?, &s[6..]);
    }
    crate::extract::harvest::find_date(s).map(|(_, _, d)| d)
}

/// Applies records to the graph: each record's title, date and attributes
/// go to the node of its id (they win over harvested titles and dates); a
/// missing year is taken from the date. Returns how many records named a
/// node of the graph.
pub fn apply(g: &mut CitationGraph, records: &[Record]) -> usize {
    let mut hit = 0;
    for r in records {
        let Some(n) = g.node(&r.id) else {
            continue;
        };
        hit += 1;
        let m = &mut g.nodes[n.index()];
        if !r.title.is_empty() {
            m.title = r.title.clone();
        }
        if !r.date.is_empty() {
            m.date = r.date.clone();
            if m.year.is_none() {
                m.year = r.date.get(..4).and_then(|y| y.parse().ok());
            }
        }
        for (k, v) in &r.attrs {
            m.attrs.insert(k.clone(), v.clone());
        }
    }
    if hit > 0 {
        let ids: std::collections::HashSet<&str> = records
            .iter()
            .filter(|r| !r.title.is_empty())
            .map(|r| r.id.as_str())
            .collect();
        g.title_conflicts.retain(|c| !ids.contains(c.id.as_str()));
    }
    hit
}

/// Reads every metadata file and applies them in order (a later file wins
/// over an earlier one). Returns notes (records per file, how many named
/// texts of the graph) and the errors of files that could not be used.
pub fn apply_files(
    g: &mut CitationGraph,
    files: &[std::path::PathBuf],
) -> (Vec<String>, Vec<GraphError>) {
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match read(f) {
            Ok(m) => {
                let hit = apply(g, &m.records);
                notes.push(format!(
                    "{}: {} texts in {} rows, {} of them in the graph",
                    f.display(),
                    m.records.len(),
                    m.rows,
                    hit
                ));
            }
            Err(e) => errors.push(e),
        }
    }
    if !files.is_empty() {
        g.flag_later_citations();
    }
    (notes, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("1990-08-02").as_deref(), Some("1990-08-02"));
        assert_eq!(
            parse_date("1990-08-02T00:00:00Z").as_deref(),
            Some("1990-08-02")
        );
        assert_eq!(parse_date("19900802").as_deref(), Some("1990-08-02"));
        assert_eq!(parse_date("2 August 1990").as_deref(), Some("1990-08-02"));
        assert_eq!(parse_date("soon"), None);
    }
}
