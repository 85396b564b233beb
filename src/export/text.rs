//! Text helpers shared by the exporters: short labels, one-line fields,
//! DOT, XML, CSV and Markdown escaping, and number formatting that every
//! importer parses.

use std::borrow::Cow;
use std::fmt::Write as _;

/// A short label for a canonical id, for drawing: the prefix that every id of
/// the kind shares is dropped (`A/RES/72/194` → `72/194`,
/// `S/RES/2178(2014)` → `2178 (2014)`, `A/HRC/RES/40/1` → `HRC 40/1`), and
/// long names are cut at 32 characters with an ellipsis.
pub fn short_label(id: &str) -> String {
    const RULES: [(&str, &str); 7] = [
        ("A/RES/", ""),
        ("A/DEC/", "dec. "),
        ("S/RES/", ""),
        ("S/PRST/", "PRST "),
        ("A/HRC/RES/", "HRC "),
        ("A/HRC/DEC/", "HRC dec. "),
        ("E/RES/", "E "),
    ];
    for (prefix, replacement) in RULES {
        if let Some(rest) = id.strip_prefix(prefix) {
            let mut s = format!("{replacement}{rest}");
            // `2178(2014)` / `217(III)` → `2178 (2014)` / `217 (III)`
            if let Some(i) = s.find('(')
                && i > 0
                && !s[..i].ends_with(' ')
            {
                s.insert(i, ' ');
            }
            return s;
        }
    }
    if let Some(rest) = id.strip_prefix("E/DEC/") {
        return format!("E dec. {rest}");
    }
    let one = one_line(id);
    if one.chars().count() > 32 {
        let cut: String = one.chars().take(31).collect();
        format!("{}…", cut.trim_end())
    } else {
        one
    }
}

/// The text on one line: every run of whitespace (newlines, tabs, NBSP)
/// becomes one space, ends trimmed, control characters dropped.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A DOT double-quoted string: `\` → `\\`, `"` → `\"`, newlines → `\n`,
/// other control characters dropped. graphviz-rust escapes nothing, so every
/// id, label and tooltip goes through here.
pub fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            // the SVG that Graphviz makes of it is XML: what XML cannot hold goes
            c if c.is_control() || !xml_char(c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether XML 1.0 can hold `c` (its `Char` production): tab, newlines,
/// U+0020–U+D7FF, U+E000–U+FFFD and above U+FFFF.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A CSV cell that a spreadsheet will not run as a formula: a cell starting
/// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
/// (OWASP's advice against CSV injection), unless it is a number (`-5`,
/// `+1.5e3`), which is left as it is.
pub fn csv_safe(s: &str) -> Cow<'_, str> {
    let risky = matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if !risky || is_number(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(format!("'{s}"))
    }
}

/// The cell [`csv_safe`] was given back from what it wrote: a leading `'`
/// before a cell it would have neutralised is dropped, so that a title read
/// back from our own `nodes.csv` is the title, not `'=…`. Other cells are
/// left as they are (a `'` a user typed before a word stays).
pub fn csv_unsafe(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if csv_safe(rest).len() != rest.len() => rest,
        _ => s,
    }
}

/// A plain decimal number (`-5`, `+1.5`, `-2e-3`): digits, one sign, a
/// point, an exponent — not `-inf` or `-NaN`.
fn is_number(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.parse::<f64>().is_ok()
}

/// Every cell of a CSV record through [`csv_safe`].
pub fn csv_record<S: AsRef<str>>(cells: &[S]) -> Vec<String> {
    cells
        .iter()
        .map(|c| csv_safe(c.as_ref()).into_owned())
        .collect()
}

/// Text for a Markdown table cell or line that renders as text, never as
/// HTML: `&`, `<` and `>` become entities; `|` is escaped and newlines
/// become spaces (a table row is one line).
pub fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text shown in a terminal: control characters (and so ANSI escape
/// sequences, which start with ESC) dropped, tabs and newlines as spaces.
pub fn terminal_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            // ESC [ params final: the whole CSI sequence goes
            '\u{1b}' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    while let Some(&n) = chars.peek() {
                        chars.next();
                        if ('\u{40}'..='\u{7e}').contains(&n) {
                            break;
                        }
                    }
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for an XML attribute or element: `& < > " '` escaped, characters
/// that XML 1.0 forbids (controls other than tab and newlines) dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A float as every importer reads it as a floating-point number: always
/// with a decimal point, never `NaN`/`inf` (those become `0.0`), at most 10
/// decimals with trailing zeros trimmed (`1.0`, `0.0123`).
pub fn float(x: f64) -> String {
    if !x.is_finite() {
        return "0.0".into();
    }
    let mut s = String::new();
    let _ = write!(s, "{x:.10}");
    while s.ends_with('0') && !s.ends_with(".0") {
        s.pop();
    }
    s
}

/// `x` rounded to 10 decimals (as [`float`] writes it), for formats that
/// print full-precision floats: the last bits of PageRank depend on the order
/// edges were added, and output must not.
pub fn round10(x: f64) -> f64 {
    float(x).parse().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_labels() {
        let table = [
            ("A/RES/72/194", "72/194"),
            ("S/RES/2178(2014)", "2178 (2014)"),
            ("A/RES/217(III)", "217 (III)"),
            ("A/RES/ES-10/24", "ES-10/24"),
            ("A/DEC/73/546", "dec. 73/546"),
            ("S/PRST/2014/16", "PRST 2014/16"),
            ("A/HRC/RES/40/1", "HRC 40/1"),
            ("E/RES/2019/19", "E 2019/19"),
            ("E/DEC/2019/210", "E dec. 2019/210"),
            ("UNTS 39574", "UNTS 39574"),
            ("E/CN.15/2019/5", "E/CN.15/2019/5"),
            (
                "Charter of the United Nations",
                "Charter of the United Nations",
            ),
            (
                "Convention against Transnational Organized Crime",
                "Convention against Transnationa…",
            ),
        ];
        for (id, want) in table {
            assert_eq!(short_label(id), want, "{id}");
        }
    }

    #[test]
    fn dot_quoting() {
        let table = [
            ("A/RES/72/194", r#""A/RES/72/194""#),
            (r#"say "no""#, r#""say \"no\"""#),
            (r"back\slash", r#""back\\slash""#),
            ("two\nlines", r#""two\nlines""#),
            ("café", "\"café\""),
        ];
        for (s, want) in table {
            assert_eq!(dot_quote(s), want);
        }
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(
            xml_escape("a<b & \"c\" 'd'\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;"
        );
    }

    #[test]
    fn dot_drops_what_xml_cannot_hold() {
        assert_eq!(dot_quote("a\u{FFFE}b\u{FFFF}c\u{1}"), "\"abc\"");
        assert_eq!(dot_quote("\u{10000}\u{FFFD}"), "\"\u{10000}\u{FFFD}\"");
    }

    #[test]
    fn csv_cells_read_back() {
        for s in [
            "=SUM(A1)", "+x", "-y", "@z", "\tt", "'quoted", "plain", "-5", "'-5", "''=x", "",
        ] {
            assert_eq!(csv_unsafe(&csv_safe(s)), s, "{s:?}");
        }
        assert_eq!(csv_unsafe("'word"), "'word");
    }

    #[test]
    fn csv_formulas_are_neutralised() {
        let table = [
            (
                "=HYPERLINK(\"http://x\",\"x\")",
                "'=HYPERLINK(\"http://x\",\"x\")",
            ),
            ("+cmd", "'+cmd"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-inf", "'-inf"),
            ("-", "'-"),
            ("-5", "-5"),
            ("+1.5e3", "+1.5e3"),
            ("-0.25", "-0.25"),
            ("A/RES/72/194", "A/RES/72/194"),
            ("", ""),
        ];
        for (s, want) in table {
            assert_eq!(csv_safe(s), want, "{s:?}");
        }
    }

    #[test]
    fn markdown_text_is_not_html() {
        assert_eq!(
            md_text("<script>alert(1)</script> & <img onerror=x>|a\nb"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img onerror=x&gt;\\|a b"
        );
    }

    #[test]
    fn terminal_text_has_no_escapes() {
        assert_eq!(terminal_text("\u{1b}[31mred\u{1b}[0m\u{7}x\ty"), "redx y");
        assert_eq!(terminal_text("plain é"), "plain é");
    }

    #[test]
    fn floats() {
        let table = [
            (1.0, "1.0"),
            (0.5, "0.5"),
            (0.0, "0.0"),
            (0.012345678912, "0.0123456789"),
            (f64::NAN, "0.0"),
            (3.0e-11, "0.0"),
        ];
        for (x, want) in table {
            assert_eq!(float(x), want, "{x}");
        }
    }

    #[test]
    fn one_lines() {
        assert_eq!(one_line("  a\n\tb\u{a0} c  "), "a b c");
    }
}
