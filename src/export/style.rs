//! How each kind of text is drawn: fill colour, Graphviz shape and the name
//! shown in legends. One table, used by the DOT, GEXF and GraphML exporters,
//! so that a kind looks the same in every tool.

use crate::model::Kind;

/// The look of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Fill colour, `#rrggbb`.
    pub color: &'static str,
    /// Graphviz node shape.
    pub shape: &'static str,
    /// Name in legends.
    pub legend: &'static str,
}

/// The style table: one row per kind (colour-blind-safe Okabe–Ito palette
/// where it suffices), plus the row for nodes of unknown kind.
const STYLES: [(Option<Kind>, Style); 13] = [
    (
        Some(Kind::GaResolution),
        s("#56B4E9", "ellipse", "GA resolution"),
    ),
    (Some(Kind::GaDecision), s("#A6DCF5", "note", "GA decision")),
    (
        Some(Kind::ScResolution),
        s("#E69F00", "box", "SC resolution"),
    ),
    (
        Some(Kind::ScPresidentialStatement),
        s("#F5D08C", "note", "SC presidential statement"),
    ),
    (
        Some(Kind::EcosocResolution),
        s("#009E73", "hexagon", "ECOSOC resolution"),
    ),
    (
        Some(Kind::EcosocDecision),
        s("#8FD6BF", "note", "ECOSOC decision"),
    ),
    (
        Some(Kind::HrcResolution),
        s("#CC79A7", "octagon", "HRC resolution"),
    ),
    (
        Some(Kind::HrcDecision),
        s("#E8BDD5", "note", "HRC decision"),
    ),
    (
        Some(Kind::OtherResolution),
        s("#0072B2", "cds", "Other body's resolution"),
    ),
    (Some(Kind::Treaty), s("#D55E00", "doubleoctagon", "Treaty")),
    (
        Some(Kind::NamedInstrument),
        s("#F0E442", "house", "Named instrument"),
    ),
    (Some(Kind::Document), s("#BBBBBB", "component", "Document")),
    (None, s("#FFFFFF", "plain", "Unknown kind")),
];

const fn s(color: &'static str, shape: &'static str, legend: &'static str) -> Style {
    Style {
        color,
        shape,
        legend,
    }
}

/// The style of a node of kind `kind` (`None`: unknown kind).
pub fn style(kind: Option<Kind>) -> Style {
    STYLES
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, s)| *s)
        .unwrap_or(STYLES[STYLES.len() - 1].1)
}

/// The fill colour as `(r, g, b)` (for GEXF's `viz:color`).
pub fn rgb(kind: Option<Kind>) -> (u8, u8, u8) {
    let hex = style(kind).color.trim_start_matches('#');
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    (c(0), c(2), c(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_style() {
        let mut colors: Vec<&str> = Kind::ALL.iter().map(|&k| style(Some(k)).color).collect();
        colors.sort();
        colors.dedup();
        assert_eq!(colors.len(), Kind::ALL.len());
        assert_eq!(rgb(Some(Kind::ScResolution)), (0xE6, 0x9F, 0x00));
        assert_eq!(style(None).legend, "Unknown kind");
    }
}
