//! The implementation before the byte scans, the [`FAR`](super::bounds::FAR)
//! cut-off and the one-buffer window, char by char and string by string:
//! the oracle the faster one must agree with (test builds only). It shares
//! only the constants and the clamping helpers with the fast one.

use super::bounds::ABBREVIATIONS;
use super::{MAX_CHARS, SCAN, ceil, floor};

/// The passage as [`super::context`] must return it.
pub(super) fn context(text: &str, start: usize, end: usize, lo: usize, hi: usize) -> String {
    let len = text.len();
    let start = floor(text, start.min(len));
    let end = ceil(text, end.clamp(start, len));
    let lo = floor(text, lo.min(start).max(start.saturating_sub(SCAN)));
    let hi = ceil(text, hi.clamp(end, len).min(end.saturating_add(SCAN)));
    let from = sentence_start(text, lo, start);
    let to = sentence_end(text, end, hi);
    let before = collapse(&text[from..start]);
    let cited = collapse(&text[start..end]);
    let after = collapse(&text[end..to]);
    let before = strip_numbering(before.trim_start());
    let out = join_window(
        before,
        cited.trim(),
        after.trim_end(),
        &text[start..end],
        &text[end..to],
    );
    // Footnote rules ("__________") are layout, not words.
    if out.contains("___") {
        let words: Vec<&str> = out
            .split(' ')
            .filter(|w| !(w.len() >= 3 && w.bytes().all(|b| b == b'_')))
            .collect();
        return words.join(" ");
    }
    out
}

/// Marks that always end a clause.
pub(super) fn is_hard_stop(c: char) -> bool {
    matches!(c, ';' | '。' | '；' | '؛')
}

/// Marks that end a sentence when followed by a new one.
pub(super) fn is_soft_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

/// Whether the full stop at `dot..after` ends a sentence.
pub(super) fn ends_sentence(t: &str, dot: usize, after: usize) -> bool {
    let rest = &t[after..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false; // "A.B", "3.5", "i.e."
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) if c.is_uppercase() || c.is_ascii_digit() || "\"“«‘'(".contains(c) => {
            if t.as_bytes()[dot] != b'.' {
                return true;
            }
            let word: String = t[..dot]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '°' || *c == 'º')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
                return false; // an initial
            }
            let lower = word.to_lowercase();
            !ABBREVIATIONS.contains(&lower.as_str())
        }
        Some(_) => false,
    }
}

/// Start of the sentence holding offset `at`, scanning back to `lo`.
fn sentence_start(t: &str, lo: usize, at: usize) -> usize {
    let seg = &t[lo..at];
    let mut best = lo;
    // A blank line: the paragraph starts after it.
    if let Some(p) = last_blank_line(seg) {
        best = lo + p;
    }
    for (i, c) in seg.char_indices().rev() {
        let abs = lo + i;
        if abs < best {
            break;
        }
        let after = abs + c.len_utf8();
        if is_hard_stop(c) || (is_soft_stop(c) && ends_sentence(t, abs, after)) {
            return after;
        }
    }
    best
}

/// End (exclusive) of the sentence holding offset `at`, scanning to `hi`.
fn sentence_end(t: &str, at: usize, hi: usize) -> usize {
    let seg = &t[at..hi];
    let limit = first_blank_line(seg).map_or(hi, |p| at + p);
    for (i, c) in t[at..limit].char_indices() {
        let abs = at + i;
        let after = abs + c.len_utf8();
        if is_hard_stop(c) || (is_soft_stop(c) && ends_sentence(t, abs, after)) {
            return after;
        }
    }
    limit
}

/// Offset just after the last blank line (a newline, optional spaces, a newline) of `s`.
fn last_blank_line(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        if b[i] == b'\n' {
            let mut j = i;
            while j > 0 && matches!(b[j - 1], b' ' | b'\t' | b'\r') {
                j -= 1;
            }
            if j > 0 && b[j - 1] == b'\n' {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Offset of the first blank line of `s` (where the paragraph ends).
fn first_blank_line(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// `s` with every run of whitespace as one space (leading and trailing kept as one).
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Drops a leading paragraph number or list mark ("1. ", "(a) ", "* ").
fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start_matches(['*', '#', '-', '•', ' ']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let r = &t[digits..];
        if let Some(r) = r.strip_prefix(". ").or_else(|| r.strip_prefix(".\u{a0}")) {
            return r.trim_start();
        }
    }
    t
}

/// Joins the three parts, cutting `before` and `after` at word boundaries
/// so that the whole stays within [`MAX_CHARS`]. `raw_cited`/`raw_after`
/// only tell whether the parts were separated by whitespace in the text.
fn join_window(before: &str, cited: &str, after: &str, raw_cited: &str, raw_after: &str) -> String {
    let gap_after =
        raw_after.starts_with(char::is_whitespace) || raw_cited.ends_with(char::is_whitespace);
    let n_before = before.chars().count();
    let n_cited = cited.chars().count();
    let n_after = after.chars().count();
    let mut out = String::new();
    if n_before + n_cited + n_after <= MAX_CHARS {
        out.push_str(before);
        out.push_str(cited);
        if gap_after && !after.is_empty() && !after.starts_with(' ') {
            out.push(' ');
        }
        out.push_str(after);
        return out.trim().to_string();
    }
    // Budget: the citation itself (cut if it alone is too long), then
    // about a third of the rest before it and the remainder after it.
    let cited: String = if n_cited > MAX_CHARS - 2 {
        cited.chars().take(MAX_CHARS - 2).collect()
    } else {
        cited.to_string()
    };
    let room = MAX_CHARS.saturating_sub(cited.chars().count() + 2);
    let want_before = (room / 3).max(room.saturating_sub(n_after)).min(n_before);
    let want_after = room.saturating_sub(want_before).min(n_after);
    let head = tail_words(before, want_before);
    let tail = head_words(after, want_after);
    if head.chars().count() < n_before {
        out.push('…');
    }
    out.push_str(head.trim_start());
    out.push_str(&cited);
    if gap_after && !tail.is_empty() && !tail.starts_with(' ') {
        out.push(' ');
    }
    out.push_str(tail.trim_end());
    if tail.chars().count() < n_after {
        out.push('…');
    }
    out.trim().to_string()
}

/// The last at most `n` characters of `s`, starting at a word.
fn tail_words(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    let cut = s.char_indices().nth(count - n).map_or(s.len(), |(i, _)| i);
    let r = &s[cut..];
    match r.find(' ') {
        Some(p) if p + 1 < r.len() && !s[..cut].ends_with(' ') => &r[p + 1..],
        _ => r,
    }
}

/// The first at most `n` characters of `s`, ending at a word.
fn head_words(s: &str, n: usize) -> &str {
    if s.chars().count() <= n {
        return s;
    }
    let cut = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let r = &s[..cut];
    if s[cut..].starts_with(' ') {
        return r;
    }
    match r.rfind(' ') {
        Some(p) if p > 0 => &r[..p],
        _ => r,
    }
}
