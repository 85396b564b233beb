//! Ids as users type them → graph nodes, and close matches when there is
//! none.
//!
//! `72/194`, `resolution 2178 (2014)` and `S/RES/2178 (2014)` are turned
//! into canonical ids by [`crate::symbol::normalize_user_id`]. When no node
//! has that id, [`resolve`] fails with [`GraphError::UnknownId`] listing up
//! to [`MAX_SUGGESTIONS`] ids that the user may have meant: ids that end or
//! start with what was typed (`194` ↔ `A/RES/72/194`, `72/194` ↔
//! `A/C.3/72/194`, `2178` ↔ `S/RES/2178(2014)`, `883/1993` ↔
//! `S/RES/883(1993)`) and ids within a small edit distance of it.

use super::lean::EdgeListGraph;
use super::{CitationGraph, GraphError};
use crate::symbol;
use petgraph::graph::NodeIndex;

/// How many close matches an unknown-id error lists.
pub const MAX_SUGGESTIONS: usize = 5;

/// The node a user means by `typed`.
pub fn resolve(g: &CitationGraph, typed: &str) -> Result<NodeIndex, GraphError> {
    resolve_among(
        typed,
        |id| g.node(id),
        g.nodes.iter().map(|m| m.id.as_str()),
    )
}

/// [`resolve`] in an edge list held lean (its look-ups scan the ids).
pub fn resolve_lean(g: &EdgeListGraph, typed: &str) -> Result<NodeIndex, GraphError> {
    resolve_among(typed, |id| g.find(id).map(NodeIndex::new), g.ids())
}

/// [`resolve`] given how to find an exact id and every id in node order.
fn resolve_among<'a>(
    typed: &str,
    find: impl Fn(&str) -> Option<NodeIndex>,
    ids: impl Iterator<Item = &'a str> + Clone,
) -> Result<NodeIndex, GraphError> {
    let t = typed.trim();
    if let Some(n) = find(t) {
        return Ok(n);
    }
    let canon = super::canonical_id(t);
    if let Some(n) = find(&canon) {
        return Ok(n);
    }
    if let Some(n) = symbol::normalize_user_id(t).and_then(|c| find(&c)) {
        return Ok(n);
    }
    // Named instruments and other free-text ids: case-insensitive match,
    // accepted only when it is unique.
    let mut hits = ids
        .clone()
        .enumerate()
        .filter(|(_, id)| id.eq_ignore_ascii_case(t));
    if let (Some((i, _)), None) = (hits.next(), hits.next()) {
        return Ok(NodeIndex::new(i));
    }
    Err(GraphError::UnknownId {
        id: t.to_string(),
        suggestions: suggest_among(ids, t, MAX_SUGGESTIONS),
    })
}

/// Up to `max` ids close to `typed`, best first (affix matches, then by edit
/// distance, ties by id).
pub fn suggest(g: &CitationGraph, typed: &str, max: usize) -> Vec<String> {
    suggest_among(g.nodes.iter().map(|m| m.id.as_str()), typed, max)
}

/// [`suggest`] among the given ids.
pub fn suggest_among<'a>(
    ids: impl Iterator<Item = &'a str>,
    typed: &str,
    max: usize,
) -> Vec<String> {
    let raw = typed.trim().to_uppercase();
    let canon = symbol::normalize_user_id(typed)
        .unwrap_or_default()
        .to_uppercase();
    if raw.is_empty() {
        return Vec::new();
    }
    // `883/1993` is how some write SC resolution 883 (1993).
    let sc_form = raw
        .split_once('/')
        .filter(|(n, y)| {
            (1..=4).contains(&n.len())
                && y.len() == 4
                && n.bytes().chain(y.bytes()).all(|b| b.is_ascii_digit())
        })
        .map(|(n, y)| format!("S/RES/{}({y})", n.trim_start_matches('0')));
    let limit = (canon.chars().count() / 5).clamp(2, 4);
    let mut scored: Vec<(usize, &str)> = Vec::new();
    for m_id in ids {
        let id = m_id.to_uppercase();
        let affix = |q: &str| {
            q.chars().count() >= 2
                && (id.ends_with(&format!("/{q}"))
                    || id.starts_with(&format!("{q}/"))
                    || id.contains(&format!("/{q}("))
                    || q.ends_with(&format!("/{id}"))
                    || (q.len() >= 4 && id.starts_with(q))
                    || (id.len() >= 4 && q.starts_with(&id)))
        };
        let score = if affix(&raw) || affix(&canon) || sc_form.as_deref() == Some(id.as_str()) {
            Some(0)
        } else {
            bounded_distance(&canon, &id, limit)
                .or_else(|| bounded_distance(&raw, &id, limit))
                .map(|d| d + 1)
        };
        if let Some(s) = score {
            scored.push((s, m_id));
        }
    }
    scored.sort_unstable();
    scored.dedup();
    scored
        .into_iter()
        .take(max)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// Levenshtein distance between `a` and `b` when it is at most `limit`.
pub fn bounded_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= limit).then_some(prev[b.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let table = [
            ("kitten", "sitting", 3, Some(3)),
            ("A/RES/72/194", "A/RES/72/149", 2, Some(2)),
            ("A/RES/72/194", "A/RES/72/194", 0, Some(0)),
            ("A/RES/72/194", "S/RES/2178(2014)", 3, None),
            ("", "ab", 2, Some(2)),
        ];
        for (a, b, limit, want) in table {
            assert_eq!(bounded_distance(a, b, limit), want, "{a} {b}");
        }
    }
}
