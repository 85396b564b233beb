//! Reading the instruments table (`data/instruments.tsv`, `--instruments FILE`).

use super::*;

/// Parses an instruments table (TSV with the [`HEADER`] row). Errors name
/// `path` and the 1-based line.
pub fn parse_tsv(text: &str, path: &Path) -> Result<Vec<Instrument>, ExtractError> {
    let err = |line: usize, msg: String| ExtractError::Instruments {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line = if n == 0 {
            line.trim_start_matches('\u{FEFF}')
        } else {
            line
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            let got: Vec<&str> = cols.iter().map(|c| c.trim()).collect();
            if got != HEADER {
                return Err(err(
                    line_no,
                    format!("expected the header row `{}`", HEADER.join("\\t")),
                ));
            }
            header_seen = true;
            continue;
        }
        if cols.len() > HEADER.len() {
            return Err(err(
                line_no,
                format!("{} columns, expected at most {}", cols.len(), HEADER.len()),
            ));
        }
        let col = |i: usize| cols.get(i).map_or("", |c| c.trim());
        let id = col(0);
        if id.is_empty() {
            return Err(err(line_no, "empty id".into()));
        }
        let year = match col(2) {
            "" => None,
            y => Some(
                y.parse::<u16>()
                    .map_err(|_| err(line_no, format!("year `{y}` is not a number")))?,
            ),
        };
        let mut names: [Vec<String>; 6] = Default::default();
        for (li, slot) in names.iter_mut().enumerate() {
            *slot = col(3 + li)
                .split(" | ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
        }
        if names.iter().all(Vec::is_empty) {
            return Err(err(line_no, format!("instrument `{id}` has no name")));
        }
        rows.push(Instrument {
            id: id.to_string(),
            kind_hint: col(1).to_string(),
            year,
            names,
        });
    }
    if !header_seen {
        return Err(err(0, "no header row".into()));
    }
    Ok(rows)
}
