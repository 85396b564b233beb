//! Text helpers shared by the exporters: short labels, one-line fields,
//! DOT and XML escaping, and number formatting that every importer parses.

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
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
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
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
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
