//! The lists opened by a resolution or decision word (six languages), the
//! lists whose head is far from their numbers, and Chinese `第…号决议` lists.

use super::*;

/// The lists opened by the resolution and decision words of `s`, read
/// from its stems (`stems`, found once by [`find_all_for`]).
pub(super) fn triggered_lists(
    s: &str,
    stems: &[Stem],
    adopting: Option<Body>,
    author: Option<acts::Act>,
    furniture: &[(usize, usize)],
    hits: &mut Vec<Hit>,
) {
    let b = s.as_bytes();
    let mut resume = 0;
    let mut last_act: Option<(BodyRef, usize)> = None;
    let mut pending_head: Option<(Context, usize)> = None;
    for (m_start, m_end) in triggers_in(s, stems) {
        if m_start < resume {
            continue;
        }
        let word = &s[m_start..m_end];
        let decision = word.starts_with(['D', 'd', 'Р', 'р']) && !word.contains("езол")
            || word.starts_with("مقرر");
        // Arabic "its" is a suffix: قراره, قرارها, قراراته, قراريه, مقرره.
        let arabic_its = (word.starts_with("قرار") || word.starts_with("مقرر"))
            && (word.ends_with('ه') || word.ends_with("ها"));
        // The number follows, maybe after a body name.
        let mut i = skip_ws(b, m_end);
        let mut between_body = None;
        if i < b.len() && !b[i].is_ascii_digit() {
            if let Some((name, end)) = body_at(&s[i..]) {
                between_body = body_ref(&s[i..][name]);
                i = skip_ws(b, i + end);
            }
            if b[i..].starts_with(b"No. ") || b[i..].starts_with(b"no. ") {
                i = skip_ws(b, i + 4);
            }
        }
        let number_at = |i: usize| {
            i < b.len()
                && (b[i].is_ascii_digit()
                    || b[i] == b'S'
                    || b[i] == b'E'
                    || s[i..].starts_with("دإ"))
        };
        // The head's own context, for numbers brought in later by a marker.
        let mut head_ctx = None;
        if let Some(&(ctx, at)) = pending_head.as_ref()
            && at == m_start
        {
            head_ctx = Some(ctx);
        }
        if !number_at(i) {
            // "its resolutions on the rule of law …, including 77/110 and
            // 78/112": the numbers are the head's.
            let Some(p) = far_numbers(s, i) else {
                continue;
            };
            let ctx = match context_before(s, m_start) {
                Context::Unknown if arabic_its || its_near(s, m_start) => Context::Its,
                c => c,
            };
            if number_at(p) {
                i = p;
                head_ctx = Some(ctx);
            } else {
                if trigger_at(s, p).is_some() && ctx != Context::Unknown {
                    pending_head = Some((ctx, p));
                }
                continue;
            }
        }
        let (items, end, year_less) = match read_list(s, i, furniture) {
            Some((items, end)) => (items, end, false),
            None if decision => continue,
            None => match read_year_less(s, i).or_else(|| read_year_less_ga(s, i)) {
                Some((items, end)) => (items, end, true),
                None => continue,
            },
        };
        let mut ctx = if let Some(bb) = between_body {
            Context::Named(bb)
        } else if let Some(h) =
            head_ctx.filter(|_| matches!(context_before(s, m_start), Context::Unknown))
        {
            match h {
                Context::Unknown => context_after(s, end).map_or(h, Context::Named),
                h => h,
            }
        } else {
            match context_before(s, m_start) {
                // "la résolution 62/1 de la Commission des stupéfiants et la
                // résolution 32/1 de la Commission pour la prévention du
                // crime": the body named after the number is this one's.
                Context::Named(x @ (BodyRef::Other | BodyRef::Act(_))) => {
                    Context::Named(context_after(s, end).unwrap_or(x))
                }
                Context::Named(x) => Context::Named(x),
                other => match context_after(s, end) {
                    Some(x) => Context::Named(x),
                    None if arabic_its => Context::Its,
                    None => other,
                },
            }
        };
        // "By its resolution 79/38, the General Assembly …" in a text whose
        // own body adopts no resolutions.
        if ctx == Context::Its
            && matches!(adopting, Some(Body::Other) | None)
            && let Some(name) = subject_after(&s[end..])
            && let Some(b) = body_ref(&s[end..][name])
        {
            ctx = Context::Named(b);
        }
        // A board's own decisions ("decision 2024/15" in a UNDP or UNICEF
        // board document) are not ECOSOC decisions.
        let items = if decision
            && adopting == Some(Body::Other)
            && matches!(ctx, Context::Unknown | Context::Its)
        {
            items
                .into_iter()
                .filter(|it| !matches!(it.shape, Shape::Year { .. }))
                .collect()
        } else {
            items
        };
        let (items, end) = if year_less {
            match year_less_for(items, end, ctx, adopting, s, i) {
                Some(x) => x,
                None => continue,
            }
        } else {
            (items, end)
        };
        resume = end;
        let fallback = match last_act {
            Some((a, e))
                if ctx == Context::Unknown
                    && m_start < e + 400
                    && !s[e..m_start].contains("\n\n") =>
            {
                Some(Context::Named(a))
            }
            _ => None,
        };
        if let Context::Named(a @ BodyRef::Act(_)) = ctx {
            last_act = Some((a, end));
        }
        // In a regional commission's own document, the numbers no body
        // is named for and "its" numbers of the commission's shape are its.
        let items = match author {
            Some(act) if matches!(ctx, Context::Its | Context::Unknown) => {
                let (own, rest): (Items, Items) = items
                    .into_iter()
                    .partition(|it| super::commission_own(act, &it.shape));
                let own_ctx = Context::Named(BodyRef::Act(act));
                push_items(own, decision, own_ctx, None, adopting, hits);
                rest
            }
            _ => items,
        };
        push_items(items, decision, ctx, fallback, adopting, hits);
    }
}

/// Numbers read without year or session at `i` ("resolution 1701",
/// "resolution 2625", list end `end`), in context `ctx`: Security Council
/// ones where the Council is meant; re-read as old General Assembly ones
/// ("General Assembly resolution 2625", "résolution 1514 de l'Assemblée
/// générale": the session known from the number) where the Assembly is
/// named; `None` otherwise.
fn year_less_for(
    items: Items,
    end: usize,
    ctx: Context,
    adopting: Option<Body>,
    s: &str,
    i: usize,
) -> Option<(Items, usize)> {
    let sc = match ctx {
        Context::Named(BodyRef::Sc) => true,
        Context::Named(BodyRef::Council) | Context::Its | Context::Unknown => {
            adopting == Some(Body::SecurityCouncil)
        }
        _ => false,
    };
    let all_sc = items.iter().all(|it| matches!(it.shape, Shape::Sc { .. }));
    match (sc, ctx) {
        (true, _) if all_sc => Some((items, end)),
        (false, Context::Named(BodyRef::Ga)) => read_year_less_ga(s, i),
        _ => None,
    }
}

/// Whether an "its" word stands among the three words before `at` ("its
/// previous resolutions", "свои предыдущие резолюции").
pub(super) fn its_near(s: &str, at: usize) -> bool {
    let from = floor_boundary(s, at.saturating_sub(60));
    s[from..at]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| {
            let w = w.to_lowercase();
            ITS_LOWER.contains(&w)
        })
}

/// The "its" words ([`ITS`]) in lower case, made once (not twice per word
/// looked at).
static ITS_LOWER: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| ITS.iter().map(|i| i.to_lowercase()).collect());

/// The start of the numbers that a marker brings in later in the sentence
/// opened by a resolution word at `i` with no number after it ("its
/// resolutions on the rule of law at the national and international
/// levels, including 77/110"): the position after the marker and its small
/// words, when there is one before the sentence ends.
pub(super) fn far_numbers(s: &str, i: usize) -> Option<usize> {
    let lim = floor_boundary(s, (i + 400).min(s.len()));
    let win = &s[i..lim];
    let win = &win[..clause_end(win)];
    // No number, no list: most resolution words in running prose.
    if !win.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // No marker's piece, no marker: most of the rest.
    MARKER_PIECES.find_from(win.as_bytes(), 0)?;
    for m in LIST_MARKER.find_iter(win) {
        // A whole word: no letter just before.
        if win[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        return Some(i + m.end());
    }
    None
}

/// The first bytes of the stops [`clause_end`] looks for.
const CLAUSE_STOP_BYTES: &[u8] = &[b';', b':', b'.', b'\n', 0xD8, 0xE3, 0xEF];

/// The longest run of each list marker ([`LIST_MARKER`]'s words) that
/// holds neither a space nor an apostrophe (which the regex reads as
/// several characters): one is in every match. Why: the regex, run over
/// the clause after a resolution word with no number after it, cost
/// 6,000 instructions a clause, and most clauses hold no marker.
static MARKER_PIECES: std::sync::LazyLock<Literals> = std::sync::LazyLock::new(|| {
    let pieces: Vec<&str> = marker_pieces().collect();
    Literals::new(&pieces)
});

/// The pieces of [`MARKER_PIECES`].
fn marker_pieces() -> impl Iterator<Item = &'static str> {
    crate::extract::lexicon::ALL
        .iter()
        .flat_map(|l| l.list_markers.iter())
        .filter_map(|m| m.split([' ', '\'']).max_by_key(|p| p.len()))
}

/// Where the clause that opens `win` ends: the first `;`, `. `, `.\n`,
/// `:`, blank line, `؛`, `。` or `；` (the length of `win` when none). One
/// pass over the bytes instead of a search for each stop, 64 bytes at a
/// time to the next byte a stop opens with.
fn clause_end(win: &str) -> usize {
    let b = win.as_bytes();
    let at = |k: usize, p: &[u8]| b[k..].starts_with(p);
    let mut from = 0;
    while let Some(k) = crate::text::classes::find_any(b, from, b.len(), CLAUSE_STOP_BYTES) {
        from = k + 1;
        let stop = match b[k] {
            b';' | b':' => true,
            b'.' => at(k, b". ") || at(k, b".\n"),
            b'\n' => at(k, b"\n\n"),
            0xD8 => at(k, "؛".as_bytes()),
            0xE3 => at(k, "。".as_bytes()),
            0xEF => at(k, "；".as_bytes()),
            _ => false,
        };
        if stop {
            return k;
        }
    }
    b.len()
}

pub(super) fn zh_lists(s: &str, adopting: Option<Body>, hits: &mut Vec<Hit>) {
    for c in ZH_LIST.captures_iter(s) {
        let (Some(all), Some(zl)) = (c.get(0), c.name("zl")) else {
            continue;
        };
        let decision = c.name("zd").is_some();
        // Numbers without year or session ("安全理事会第1701号决议", "大会第2625号
        // 决议") are read as such, and kept below only where the body says
        // which they are, as in the other languages.
        let (items, year_less) = match read_list(s, zl.start(), &[]) {
            Some((items, _)) => (items, false),
            None if decision => continue,
            None => {
                match read_year_less(s, zl.start()).or_else(|| read_year_less_ga(s, zl.start())) {
                    Some((items, _)) => (items, true),
                    None => continue,
                }
            }
        };
        let items: Vec<_> = items.into_iter().filter(|x| x.end <= zl.end()).collect();
        // Each number with its own 第…号, only the last with 决议:
        // "第72/194号和第73/174号决议".
        let chain = zh_chain(s, all.start());
        let start = chain.first().map_or(all.start(), |(p, _)| *p);
        let items: Items = chain.into_iter().map(|(_, it)| it).chain(items).collect();
        // Body just before 第: "安全理事会第…", "大会在其第…", "其第…".
        let from = floor_boundary(s, start.saturating_sub(60));
        // A date between "其" and "第" ("其2007年6月18日第5/1号决议")
        // says nothing about the body: skip it.
        let win = strip_zh_date(&s[from..start]);
        let mut ctx = Context::Unknown;
        for m in body_names_in(win) {
            let between = &win[m.end..];
            if between
                .chars()
                .all(|c| matches!(c, '其' | '在' | '的' | ' '))
            {
                ctx = Context::Named(match body_ref(&win[m]) {
                    Some(BodyRef::Assembly) => BodyRef::Ga,
                    Some(b) => b,
                    None => continue,
                });
            }
        }
        if ctx == Context::Unknown && win.ends_with('其') {
            ctx = Context::Its;
        }
        if ctx == Context::Unknown {
            ctx = zh_head(s, start).unwrap_or(ctx);
        }
        let items = if year_less {
            match year_less_for(items, zl.end(), ctx, adopting, s, zl.start()) {
                Some((items, _)) => items.into_iter().filter(|x| x.end <= zl.end()).collect(),
                None => continue,
            }
        } else {
            items
        };
        push_items(items, decision, ctx, None, adopting, hits);
    }
}

/// The head of a Chinese list whose numbers a marker brings in ("其关于…的
/// 各项决议，包括第77/110号决议", "人权理事会关于…的各项决议，特别是第52/3号决议"):
/// the context that head gives, when the words just before `start` are a
/// marker.
pub(super) fn zh_head(s: &str, start: usize) -> Option<Context> {
    let from = floor_boundary(s, start.saturating_sub(240));
    let mut win = strip_zh_date(&s[from..start]).trim_end();
    for stop in ['。', '；', ';'] {
        if let Some(k) = win.rfind(stop) {
            win = &win[k + stop.len_utf8()..];
        }
    }
    let head = LIST_MARKER
        .find_iter(win)
        .find(|m| m.end() == win.len())
        .map(|m| &win[..m.start()])?;
    let head = head.trim_end_matches([',', '，', '、', ' ']);
    if !(head.ends_with("决议") || head.ends_with("決議") || head.ends_with("决定")) {
        return None;
    }
    let ctx = BODY
        .find(head)
        .and_then(|m| body_ref(&head[m.range()]))
        .map(|b| {
            Context::Named(match b {
                BodyRef::Assembly => BodyRef::Ga,
                b => b,
            })
        });
    ctx.or_else(|| head.contains('其').then_some(Context::Its))
}

/// The numbers written each with its own 第…号 before a Chinese list at
/// `at` (its 第): "第72/194号和[date]第73/174号决议". Each with the
/// position of its 第, in text order.
pub(super) fn zh_chain(s: &str, mut at: usize) -> Vec<(usize, Item)> {
    let mut out = Vec::new();
    while out.len() < 50 {
        let head = strip_zh_date(&s[..at]).trim_end();
        let Some(head) = ["以及", "和", "、", "及", "与", "與", ",", "，"]
            .iter()
            .find_map(|c| head.strip_suffix(c))
        else {
            break;
        };
        let head = head.trim_end();
        let Some(head) = head.strip_suffix('号').or_else(|| head.strip_suffix('號')) else {
            break;
        };
        let head = head.trim_end();
        let from = floor_boundary(s, head.len().saturating_sub(40));
        let Some(k) = head[from..].rfind('第') else {
            break;
        };
        let pos = from + k;
        let n = skip_hspace(s.as_bytes(), pos + '第'.len_utf8());
        match parse_item(s, n) {
            Some((shape, e)) if e == head.len() => {
                out.push((
                    pos,
                    Item {
                        shape,
                        start: n,
                        end: e,
                        date_year: None,
                    },
                ));
                at = pos;
            }
            _ => break,
        }
    }
    out.reverse();
    out
}

/// `win` without a Chinese date at its end ("2007年6月18日", "2007年").
pub(super) fn strip_zh_date(win: &str) -> &str {
    let t = win.trim_end();
    let Some(head) = t.strip_suffix('日').or_else(|| t.strip_suffix('年')) else {
        return win;
    };
    // Walk back over digits and 年/月 to the start of the year.
    let mut k = head.len();
    for (p, c) in head.char_indices().rev() {
        if c.is_ascii_digit() || matches!(c, '年' | '月' | ' ') {
            k = p;
        } else {
            break;
        }
    }
    let date = &head[k..];
    if date.contains('年') || t.ends_with('年') {
        &win[..k]
    } else {
        win
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of the clause after a resolution word.
    const PIECES: &[&str] = &[
        " ",
        "\n",
        "\t",
        ",",
        ":",
        "،",
        "x",
        "in",
        "particular",
        "in particular",
        "in\nparticular",
        "including",
        "notably",
        "inter alia",
        "y compris",
        "dont",
        "la plus récente étant",
        "en particular",
        "в частности",
        "и последнюю из них",
        "لا سيما",
        "ولا سيما",
        "بما في ذلك",
        "包括",
        "其中",
        "the",
        "its",
        "77/110",
        "resolution",
        "a",
        "in",
        "particularly",
    ];

    #[test]
    fn every_marker_has_a_piece() {
        let markers: Vec<&str> = crate::extract::lexicon::ALL
            .iter()
            .flat_map(|l| l.list_markers.iter().copied())
            .collect();
        assert_eq!(marker_pieces().count(), markers.len());
        for (m, piece) in markers.iter().zip(marker_pieces()) {
            assert!(!piece.is_empty() && m.contains(piece), "{m:?}");
            assert!(LIST_MARKER.is_match(m), "{m:?}");
        }
        assert!(markers.len() > 30);
    }

    proptest::proptest! {
        /// A clause with no piece holds no marker.
        #[test]
        fn the_pieces_are_necessary(picks in proptest::collection::vec(0..PIECES.len(), 1..10)) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            let any_piece = MARKER_PIECES.find_from(s.as_bytes(), 0).is_some();
            proptest::prop_assert!(any_piece || !LIST_MARKER.is_match(&s), "{:?}", s);
        }
    }

    /// The stops as they were looked for before: one search each, the
    /// earliest wins.
    fn by_search(win: &str) -> usize {
        [";", ". ", ".\n", ":", "\n\n", "؛", "。", "；"]
            .iter()
            .filter_map(|p| win.find(p))
            .min()
            .unwrap_or(win.len())
    }

    #[test]
    fn clause_end_finds_the_earliest_stop() {
        let cases = [
            ("including 77/110 and 78/112", 27),
            ("on the rule of law; including 77/110", 18),
            ("of 1990. Decides 77/110", 7),
            ("of 1990.\nDecides", 7),
            ("v.2 and 3.5: the list", 11),
            ("a\n\nb", 1),
            ("a\nb", 3),
            ("القرارات؛ 77/110", 16),
            ("决议。第", 6),
            ("决议；第", 6),
            ("end.", 4),
            ("", 0),
        ];
        for (text, want) in cases {
            assert_eq!(clause_end(text), want, "{text:?}");
            assert_eq!(clause_end(text), by_search(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn clause_end_is_the_searches_minimum(
            text in "[a-z0-9 .;:\n؛。；é]{0,200}"
        ) {
            proptest::prop_assert_eq!(clause_end(&text), by_search(&text));
        }
    }
}
